package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-ninth session's rule writer rules39-p175, each in its tool's own words: its round on p175-
 * (managed PaaS platforms other than Fly). A buildpack build that finds no buildpack taking the source tree (Heroku's
 * "No default language could be detected for this app", a set buildpack's "App not compatible with buildpack" and its
 * older "Failed to detect app matching ... buildpack" / "Failed to detect set buildpack", herokuish's "Unable to select a
 * buildpack"); the Heroku CLI without complete credentials for the app's git remote ("Incomplete credentials detected, git
 * may not work with Heroku"); the Railway CLI's API call refused for its token ("GraphQL query failed with 1 errors: Not
 * Authorized"). Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's
 * row, then a line its comment quotes and a line of another cause that shares its words); each new log indication reads
 * no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredTwentiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules39-p175 (p175-: managed PaaS platforms)
            Map.entry("buildpack.detection-failed", "build.dockerfile"),
            Map.entry("heroku.incomplete-credentials", "auth.deploy-token"),
            Map.entry("railway.graphql-not-authorized", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules39-p175 (p175-)
        ROUND.reads("buildpack.detection-failed", "remote:  !     No default language could be detected for this app.");
        ROUND.readsNot("buildpack.detection-failed", "remote: -----> Node.js app detected");
        ROUND.reads("buildpack.detection-failed", "remote: -----> App not compatible with buildpack: https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/python.tgz");
        ROUND.readsNot("buildpack.detection-failed", "remote:  !     Push rejected, failed to compile Python app.");
        ROUND.reads("buildpack.detection-failed", "remote:  !     Failed to detect app matching https://codon-buildpacks.s3.amazonaws.com/buildpacks/heroku/python.tgz buildpack");
        ROUND.readsNot("buildpack.detection-failed", "remote: /tmp/buildpack_x/bin/compile: line 48: /tmp/buildpackriK6r/bin/detect: No such file or directory"); // heroku.buildpack-detect-missing
        ROUND.reads("buildpack.detection-failed", "remote: -----> Failed to detect set buildpack https://codon-buildpacks.s3.amazonaws.com/buildpacks/heroku/php.tgz");
        ROUND.reads("buildpack.detection-failed", "    -----> Unable to select a buildpack");
        ROUND.readsNot("buildpack.detection-failed", "=====> Downloading Buildpack: https://github.com/heroku/heroku-buildpack-nodejs.git"); // herokuish.buildpack-download-then-build-failed
        ROUND.reads("heroku.incomplete-credentials", "ERROR: Incomplete credentials detected, git may not work with Heroku. Run `heroku login` to update your credentials.");
        ROUND.readsNot("heroku.incomplete-credentials", "Creating random-name-created... done, stack is cedar-14");
        ROUND.reads("heroku.incomplete-credentials", "WARNING: Incomplete credentials detected, git may not work with Heroku. Run `heroku login` to update your credentials. See documentation for details: https://devcenter.heroku.com/articles/http-git#authentication");
        ROUND.readsNot("heroku.incomplete-credentials", " ›   Error: Invalid credentials provided."); // paas.invalid-credentials
        ROUND.reads("railway.graphql-not-authorized", "🚇 Redeploying \"production\" with new variables GraphQL query failed with 1 errors: Not Authorized");
        ROUND.readsNot("railway.graphql-not-authorized", "GraphQL query failed with 1 errors: Service not found");
        ROUND.reads("railway.graphql-not-authorized", "==> Deploying GraphQL query failed with 2 errors: Not Authorized");
        ROUND.readsNot("railway.graphql-not-authorized", "Unauthorized. Please login with `railway login`"); // paas.invalid-credentials
    }

    /**
     * No corpus line is read by the round; on the labelled scenarios, each new indication reads only lines of its own
     * cause.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // buildpack.detection-failed reads no labelled scenario's log: p175-24 to -29, its sources, carry the build's lines
        // in a look at the push (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("buildpack.detection-failed")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
