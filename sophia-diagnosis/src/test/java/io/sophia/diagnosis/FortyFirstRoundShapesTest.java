package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of h28- to h31- and p56-/p57- (session 16, consumed after their blind score), each in its tool's own
 * words: no runner online for a job's labels, tini unable to start the container's command, no buildpack recognising the
 * app, gcloud refusing a deploy as invalid; and Railpack's "could not determine
 * how to build the app" beside Nixpacks'. Each is tested on its source's words and a near miss; each new log indication
 * reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class FortyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("tini.exec-failed", "app.crash-on-boot"),
            Map.entry("cnb.no-buildpack-detected", "config.invalid"),
            Map.entry("gcloud.invalid-argument", "config.invalid"),
            Map.entry("flypg.no-leader", "dependency.down"),
            Map.entry("gcloud.auth-refresh-failed", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /** Read in a job's annotation, which no labelled scenario's log holds: checked against the shared corpus only. */
    private static final ShapeRound ANNOTATION_ROUND = new ShapeRound(Map.of("actions.no-runner-online", "ci.runner"));

    @Test
    void runnersStartsAndBuildsInTheirOwnWords() throws IOException {
        ANNOTATION_ROUND.reads("actions.no-runner-online", "No runner online with the requested labels: self-hosted, linux, "
                + "reports-deployer");
        ANNOTATION_ROUND.readsNot("actions.no-runner-online", "Waiting for a runner to pick up this job...");
        ROUND.reads("tini.exec-failed", "remote:        [FATAL tini (7)] exec launcher failed: No such file or directory");
        ROUND.reads("tini.exec-failed", "[FATAL tini (6)] exec /usr/local/bin/entrypoint.sh failed: No such file or "
                + "directory");
        ROUND.readsNot("tini.exec-failed", "[INFO  tini (1)] Spawned child process 'puma' with pid '7'");
        ROUND.reads("cnb.no-buildpack-detected", "ERROR: No buildpack groups passed detection.");
        ROUND.readsNot("cnb.no-buildpack-detected", "===> DETECTING");
        ROUND.reads("gcloud.invalid-argument", "Step #1 - \"app-deploy\": ERROR: (gcloud.beta.app.deploy) "
                + "INVALID_ARGUMENT: Invalid runtime 'nodejs' specified.");
        ROUND.readsNot("gcloud.invalid-argument", "ERROR: (gcloud.app.deploy) INVALID_ARGUMENT: The following quotas "
                + "were exceeded: CPUS (quota: 8, used: 8 + needed: 4).");
        ROUND.reads("flypg.no-leader", "Error: no leader could be chosen. Here are the reasons why:");
        ROUND.readsNot("flypg.no-leader", "leader elected: fdaa:0:1::3");
        ROUND.reads("gcloud.auth-refresh-failed", "ERROR: (gcloud.container.clusters.get-credentials) There was a problem "
                + "refreshing your current auth tokens: ('Unable to acquire impersonated credentials: No access token or "
                + "invalid expiration in response.', '{");
        ROUND.readsNot("gcloud.auth-refresh-failed", "Fetching cluster endpoint and auth data.");
        // widened: ECR's throttling in capitals
        ROUND.reads("registry.rate-limit", "registry.unavailable", "TOOMANYREQUESTS: Rate exceeded");
        // widened: any prompt flyctl cannot ask without a terminal
        ROUND.reads("fly.org-slug-required", "config.invalid", "Error: yes flag must be specified when not running "
                + "interactively");
        // widened: Railpack beside Nixpacks
        ROUND.reads("nixpacks.no-build-plan", "config.invalid", "✖ Railpack could not determine how to build the app.");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p62-20 (session 17): "pack build" pointed at the wrong directory, labelled build.dockerfile (the build's input;
        // p62-21 labels Railway's monorepo without a root directory config.invalid, as this indication reads it)
        ROUND.staysInItsCauses("p62-20 cnb.no-buildpack-detected");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                Fleet.corpusLinesReadBy(ANNOTATION_ROUND.causeOf().keySet()));
    }
}
