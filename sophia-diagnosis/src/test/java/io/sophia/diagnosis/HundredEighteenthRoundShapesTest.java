package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-eighth session's rule writer rules38-p174, each in its tool's own words: its round on
 * p174- (monorepos and multi-service pipelines). Yarn Berry's fetch step failing on the network (YN0001 with got's
 * RequestError or a 5xx HTTPError); Turborepo asked for a task turbo.json does not define (turbo 1's "Could not find the
 * following tasks in project", turbo 2's "Could not find task `x` in project"); dorny/paths-filter with no base or head
 * ref to compare; npm's ENEEDAUTH on a publish with no credential; Nx Cloud refusing the workspace's access token and
 * nx unable to resolve Nx Cloud's host (EAI_AGAIN); Bazel's remote cache client that exhausted its retries on an
 * action. The widened npm.publish-refused reads npm 5's "npm ERR! publish Failed PUT 401". Each is tested on its
 * source's words and a near miss (the first pair of each is indication-cases.tsv's row); each new log indication reads
 * no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredEighteenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules38-p174 (p174-: monorepos and multi-service pipelines)
            Map.entry("bazel.remote-retries-exhausted", "dependency.down"),
            Map.entry("npm.need-auth", "auth.deploy-token"),
            Map.entry("nx-cloud.access-token-invalid", "auth.deploy-token"),
            Map.entry("nx-cloud.lookup-failed", "network.dns"),
            Map.entry("paths-filter.ref-input-required", "config.invalid"),
            Map.entry("turbo.task-not-found", "config.invalid"),
            Map.entry("yarn-berry.fetch-request-failed", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("bazel.remote-retries-exhausted", "ERROR: /Users/runner/work/ios/ios/Pods/LISemaphoreLib/BUILD.bazel:2:1: C++ compilation of rule '//Pods/LISemaphoreLib:LISemaphoreLib_ObjC' failed: Unexpected IO error.: Exhausted retry attempts (0)");
        ROUND.readsNot("bazel.remote-retries-exhausted", "WARNING: Error reading from the remote cache: Exhausted retry attempts (0)");
        ROUND.reads("bazel.remote-retries-exhausted", "ERROR: /Users/buildkite/builds/bazel/src/test/java/com/google/devtools/build/lib/BUILD:1537:1: Couldn't build file src/test/java/com/google/devtools/build/lib/rules-tests.jar: Building src/test/java/com/google/devtools/build/lib/rules-tests.jar (3 source files) failed: Unexpected IO error.: Exhaused retry attempts (0)");
        ROUND.readsNot("bazel.remote-retries-exhausted", "ERROR: /home/runner/work/app/app/status/BUILD:3:1: C++ compilation of rule '//status:status' failed (Exit 1): gcc failed: error executing command /usr/bin/gcc"); // a compile error (build)
        ROUND.reads("npm.need-auth", "npm ERR! code ENEEDAUTH");
        ROUND.readsNot("npm.need-auth", "npm ERR! code E404");
        ROUND.reads("npm.need-auth", "npm error need auth This command requires you to be logged in to https://registry.npmjs.org/");
        ROUND.readsNot("npm.need-auth", "npm ERR! 404 Not Found - GET https://registry.npmjs.org/@docsmith%2fplugin-heading - Not found"); // a package not found
        ROUND.reads("nx-cloud.access-token-invalid", " >  NX   Invalid Credentials (CI Access Token): A workspace could not be found with the provided CI Access Token. (code: 401)");
        ROUND.readsNot("nx-cloud.access-token-invalid", "   - This workspace is more than a week old and is unclaimed. Workspaces must be claimed within 7 days of creation.");
        ROUND.reads("nx-cloud.access-token-invalid", "   - Invalid Nx Cloud access token. Token: FAKE-TOKEN-0000000000000000fHJlYWQtd3JpdGU=");
        ROUND.readsNot("nx-cloud.access-token-invalid", " >  NX   No existing Nx Cloud client and failed to download new version."); // nx-cloud.client-download-failed
        ROUND.reads("nx-cloud.lookup-failed", " >  NX   Received EAI_AGAIN. Retrying in under 10 seconds.");
        ROUND.readsNot("nx-cloud.lookup-failed", "   - Cannot connect to Nx Cloud (scope: api, code: ECONNREFUSED).");
        ROUND.reads("nx-cloud.lookup-failed", "   - Cannot connect to Nx Cloud (scope: api, code: EAI_AGAIN).");
        ROUND.readsNot("nx-cloud.lookup-failed", " >  NX   Received 503. Retrying in under 10 seconds.");
        ROUND.reads("paths-filter.ref-input-required", "##[error]This action requires 'base' input to be configured or 'repository.default_branch' to be set in the event payload");
        ROUND.readsNot("paths-filter.ref-input-required", "Filter api = true");
        ROUND.reads("paths-filter.ref-input-required", "Error: This action requires 'head' input to be configured, 'ref' to be set in the event payload or branch/tag checked out in current git repository");
        ROUND.readsNot("paths-filter.ref-input-required", "##[error]Input required and not supplied: token"); // a missing secret
        ROUND.reads("turbo.task-not-found", " ERROR  run failed: error preparing engine: Could not find the following tasks in project: bla");
        ROUND.readsNot("turbo.task-not-found", "Tasks:    4 successful, 4 total");
        ROUND.reads("turbo.task-not-found", "  × Could not find task `dev` in project");
        ROUND.readsNot("turbo.task-not-found", "npm ERR! Missing script: \"deploy-preview\""); // a package script, not the pipeline's task
        ROUND.reads("yarn-berry.fetch-request-failed", "➤ YN0001: │ RequestError: connect ETIMEDOUT 166.9.48.21:443");
        ROUND.readsNot("yarn-berry.fetch-request-failed", "➤ YN0001: │ RequestError: self-signed certificate in certificate chain");
        ROUND.reads("yarn-berry.fetch-request-failed", "YN0001: │ RequestError: Timeout awaiting 'socket' for 60000ms");
        ROUND.readsNot("yarn-berry.fetch-request-failed", "➤ YN0001: │ Error: lodash@npm:5.0.0: No candidates found"); // a version that does not exist
        // widened: npm 5's words for a publish the registry refused
        ROUND.reads("npm.publish-refused", "auth.deploy-token", "npm ERR! publish Failed PUT 401");
        ROUND.readsNot("npm.publish-refused", "npm ERR! publish Failed PUT 403");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the round's own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /** The round's sources are diagnosed as their labels say, each by its tool's own words. */
    @Test
    void theSourcesNameTheirCauses() throws IOException {
        Map<String, String> expected = Map.of(
                "p174-11-build-dependency-fetch-yarn-berry-fetch-step-connect-etimedout", "build.dependency-fetch",
                "p174-17-config-invalid-turbo-task-key-trailing-colon-not-found", "config.invalid",
                "p174-18-config-invalid-paths-filter-base-required-on-push-main", "config.invalid",
                "p174-22-auth-deploy-token-lerna-publish-eneedauth-retrying-failed-publish", "auth.deploy-token",
                "p174-23-auth-deploy-token-lerna-publish-failed-put-401-html-body", "auth.deploy-token",
                "p174-24-auth-deploy-token-nx-cloud-ci-access-token-workspace-not-found-401", "auth.deploy-token",
                "p174-25-auth-deploy-token-nx-cloud-invalid-access-token-deploy-matrix", "auth.deploy-token",
                "p174-38-network-dns-nx-cloud-eai-again-self-hosted-runner-resolver", "network.dns",
                "p174-40-dependency-down-bazel-http-remote-cache-times-out-no-local-fallback", "dependency.down");
        ShapeRound.leadWith(expected);
    }
}
