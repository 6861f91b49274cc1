package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of h32- and h33- (session 17, consumed after their blind score), each in its tool's
 * own words: Heroku's router finding the dyno crashed, a hosted build at its time limit, the runner's own files broken,
 * Jest's coverage threshold, a YAML key defined twice, App Platform's failed health check, a lookup of an unset
 * variable's "undefined", the Kubernetes control plane answering 5xx, a usage cap that took the workloads offline; and
 * Redis at its maxclients beside the other datastores that refuse work. Each is tested on its source's words and a near
 * miss; each new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own
 * cause.
 */
class FortySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("heroku.router-app-crashed", "app.crash-on-boot"),
            Map.entry("paas.build-time-limit", "ci.timeout"),
            Map.entry("github.runner-internal-file", "ci.runner"),
            Map.entry("yaml.duplicate-key", "config.invalid"),
            Map.entry("do.deploy-health-checks", "app.healthcheck-failing"),
            Map.entry("dns.lookup-of-unset-variable", "config.missing-secret"),
            Map.entry("k8s.control-plane-unavailable", "platform.outage"),
            Map.entry("paas.usage-hard-limit", "platform.quota"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    private static final ShapeRound COVERAGE_ROUND = new ShapeRound(Map.of("jest.coverage-threshold", "ci.test-failure"));

    @Test
    void platformsRunnersAndToolsInTheirOwnWords() throws IOException {
        ROUND.reads("heroku.router-app-crashed", "2026-11-07T22:11:43.929173+00:00 heroku[router]: at=error code=H10 "
                + "desc=\"App crashed\" method=GET path=\"/\" host=meadow-site-79425.herokuapp.com");
        ROUND.readsNot("heroku.router-app-crashed", "heroku[router]: at=error code=H12 desc=\"Request timeout\" "
                + "method=GET path=\"/\"");
        ROUND.reads("paas.build-time-limit", "Error: Build exceeded maximum duration of 45m");
        ROUND.reads("paas.build-time-limit", "Build exceeded maximum allowed runtime");
        ROUND.readsNot("paas.build-time-limit", "Build Completed in /vercel/output [44m]");
        ROUND.reads("github.runner-internal-file", "##[error]The file '/home/deploy/actions-runner-cd/_diag/pages/"
                + "5c0e1b7a-2d4f_1.log' already exists.");
        ROUND.reads("github.runner-internal-file", "##[error]Missing file at path: /home/github-runner/runner/_work/"
                + "_temp/_runner_file_commands/set_output_6f1c2a9e-0b7d");
        ROUND.readsNot("github.runner-internal-file", "##[error]Missing file at path: /home/runner/work/app/dist/main.js");
        COVERAGE_ROUND.reads("jest.coverage-threshold", "Jest: \"global\" coverage threshold for statements (80%) not met: 72.5%");
        COVERAGE_ROUND.readsNot("jest.coverage-threshold", "Tests:       412 passed, 412 total");
        ROUND.reads("yaml.duplicate-key", "  line 15: mapping key \"apiVersion\" already defined at line 2");
        ROUND.readsNot("yaml.duplicate-key", "apiVersion: kustomize.config.k8s.io/v1beta1");
        ROUND.reads("do.deploy-health-checks", "Error: deployment failed: Deploy Error: Health checks");
        ROUND.readsNot("do.deploy-health-checks", "Health checks passed, routing traffic to the new deployment");
        ROUND.reads("dns.lookup-of-unset-variable", "app[e784e903c27d18] fra [info] Error: getaddrinfo ENOTFOUND undefined");
        ROUND.reads("dns.lookup-of-unset-variable", "curl: (6) Could not resolve host: null");
        ROUND.readsNot("dns.lookup-of-unset-variable", "Error: getaddrinfo ENOTFOUND undefineddb.internal.example");
        ROUND.reads("k8s.control-plane-unavailable", "Error from server (InternalError): an error on the server (\"\") "
                + "has prevented the request from succeeding (get nodes)");
        ROUND.reads("k8s.control-plane-unavailable", "ERROR: (gcloud.container.clusters.describe) ResponseError: "
                + "code=503, message=The service is currently unavailable.");
        ROUND.readsNot("k8s.control-plane-unavailable", "Error from server (NotFound): deployments.apps \"web\" not found");
        ROUND.reads("paas.usage-hard-limit", "Your usage has reached 100% of your hard limit ($40.00) for workspace "
                + "tally-app. All your workloads have been taken offline.");
        ROUND.readsNot("paas.usage-hard-limit", "Your usage has reached 90% of your hard limit ($40.00) for workspace "
                + "tally-app");
        // widened: Redis at its maxclients
        ROUND.reads("datastore.refusing-work", "dependency.down", "2026-12-04T21:44:03+00:00 app[web.7]: "
                + "Redis::CommandError (ERR max number of clients reached)");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // Heroku's H10 is the router's view of any crash: after an R10 boot timeout (app.healthcheck-failing), a dead
        // add-on (dependency.down), a literal "$PORT" (config.invalid) or a platform release gone wrong, the dyno's
        // own lines say why, and they outweigh it there
        ROUND.staysInItsCauses("h29-07 heroku.router-app-crashed", "h32-02 heroku.router-app-crashed",
                "h5-16 heroku.router-app-crashed", "p39-15 heroku.router-app-crashed", "p40-24 heroku.router-app-crashed",
                "p41-12 heroku.router-app-crashed", "p45-35 heroku.router-app-crashed",
                "p45-36 heroku.router-app-crashed");
    }

    /**
     * Jest's threshold verdict is read in two LogChunks logs of postcss/autoprefixer's failed Travis builds, each its
     * build's own failure ("Jest: "global" coverage threshold for lines (99.96%) not met: 99.88%" under the coverage
     * table): the only corpus lines it reads.
     */
    @Test
    void jestsThresholdReadsOnlyTheCorpusBuildsItFailed() throws IOException {
        COVERAGE_ROUND.staysInItsCausesReadingInTheCorpus(java.util.List.of(
                "postcss@autoprefixer/failed/460085832.log:750 jest.coverage-threshold",
                "postcss@autoprefixer/failed/460092373.log:747 jest.coverage-threshold"));
    }
}
