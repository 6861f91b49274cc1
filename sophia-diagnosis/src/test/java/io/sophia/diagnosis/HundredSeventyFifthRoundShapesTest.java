package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes and rules of the forty-fifth session's rule writer r45-p205, on the tuning set p205- (self-hosted CI
 * runners and their infrastructure: actions-runner-controller, EC2 runners, GitLab runners, Buildkite agents). A TOML
 * configuration that does not parse, in the parsers' own formats: BurntSushi/toml's "Near line 26 (last key parsed
 * 'runners.docker.sysctls'): bare keys cannot contain '.'" (riemers/ansible-gitlab-runner#59; gitlab-runner's "FATAL:
 * Service run failed error=Near line 2 ...", voxpupuli/puppet-gitlab_ci_runner#141), "toml: line 5 (last key
 * \"osbuild_executor\"): expected a top-level item to end with a newline, comment, or EOF" (osbuild/osbuild-composer#4001),
 * "toml: cannot load TOML value of type map[string]interface {} into a Go string" (riemers/ansible-gitlab-runner#88),
 * Python's "TOMLDecodeError: Unescaped '\' in a string (at line 60, column 29)" (harry0703/MoneyPrinterTurbo#89) and
 * "toml.decoder.TomlDecodeError: Invalid date or number (line 45 column 1 char 1827)"
 * (aahashemi/YouTubeAutomation-Reddit#24); GitHub's "Integration not found" for a GitHub App id that names no app
 * (github-aws-runners/terraform-aws-github-runner#2458, actions/create-github-app-token#76); actions-runner-controller's
 * "failed to get access token for GitHub App auth: 401 Unauthorized" (actions/actions-runner-controller#3182, GitHub's
 * ARC troubleshooting page); GitLab Runner's poll for jobs answered with a server error, "WARNING: Checking for jobs...
 * failed runner=K41rxyx4v status=503 Service Temporarily Unavailable" (alex-ilgayev/MCPSpy#2; the JSON form's "status":"POST
 * .../api/v4/jobs/request: 403 Forbidden" of cattle-ops/terraform-aws-gitlab-runner#1143); Octopus Deploy's task runtime
 * for a cancelled deployment, "One or more child activities were canceled." (Octopus.Shared.Tasks.ParallelWorkOrder;
 * OctopusDeploy/Issues#2224). Each indication is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its
 * own cause.
 */
class HundredSeventyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("toml.parser-error-at-line", "config.invalid"),
            Map.entry("github-app.integration-not-found", "config.invalid"),
            Map.entry("github-app.access-token-refused", "auth.deploy-token"),
            Map.entry("gitlab-runner.job-poll-server-error", "dependency.down"),
            Map.entry("octopus.child-activities-canceled", "ci.cancelled"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("toml.parser-error-at-line", "FATAL: Near line 26 (last key parsed 'runners.docker.sysctls'): bare keys cannot contain '.'");
        ROUND.readsNot("toml.parser-error-at-line", "Configuration loaded                                builds=0 max_builds=4");
        ROUND.reads("toml.parser-error-at-line", "gitlab-runner[22542]: FATAL: Service run failed   error=Near line 2 (last key parsed ''): bare keys cannot contain '('");
        ROUND.readsNot("toml.parser-error-at-line", "gitlab-runner[22542]: FATAL: Service run failed   error=open /etc/gitlab-runner/config.toml: permission denied");
        ROUND.reads("toml.parser-error-at-line", "FATAL: Near line 32 (last key parsed 'runners'): Key 'runners.custom_build_dir' has already been defined.");
        ROUND.reads("toml.parser-error-at-line", "time=\"2024-03-08T16:50:17Z\" level=fatal msg=\"Could not load config file '/etc/osbuild-worker/osbuild-worker.toml': toml: line 5 (last key \\\"osbuild_executor\\\"): expected a top-level item to end with a newline, comment, or EOF, but got '\\\\' instead\"");
        ROUND.reads("toml.parser-error-at-line", "FATAL: decoding configuration file: toml: (last key \"runners.docker.sysctls.net\"): incompatible types: TOML value has type map[string]any; destination has type string");
        ROUND.reads("toml.parser-error-at-line", "FATAL: toml: cannot load TOML value of type map[string]interface {} into a Go string");
        ROUND.readsNot("toml.parser-error-at-line", "WARNING: toml: the key runners.docker.sysctls is deprecated");
        ROUND.readsNot("toml.parser-error-at-line", "  File \"/opt/homebrew/lib/python3.11/site-packages/toml/decoder.py\", line 514, in loads");
        ROUND.reads("github-app.integration-not-found", "2022-09-26 07:01:56.889  WARN [scale-runners:c27bfcad-21d6-56dc-a2bb-a706717683df index.js:112950  Runtime.handler] Ignoring error: Integration not found {\"runnerType\": \"Org\", \"runnerOwner\": \"acme\", \"event\": \"workflow_job\", \"id\": \"31877204411\"}");
        ROUND.readsNot("github-app.integration-not-found", "2022-09-26 07:01:56.889  INFO [scale-runners:c27bfcad-21d6-56dc-a2bb-a706717683df index.js:112950  Runtime.handler] Received workflow_job from acme/etl");
        ROUND.reads("github-app.integration-not-found", "Failed to create token for \"rivile-org\" (attempt 1): Integration not found");
        ROUND.reads("github-app.integration-not-found", "RequestError [HttpError]: Integration not found");
        ROUND.readsNot("github-app.integration-not-found", "Integration not found in the catalog; install it from the marketplace to continue");
        ROUND.reads("github-app.access-token-refused", "2026/12/16 09:31:08 Application returned an error: createSession failed: failed to create session: failed to get runner registration token on refresh: github api error: StatusCode 401, RequestID \"C41E:2D8F:1B2A3C:1E4F5A:6760B1C2\": failed to get access token for GitHub App auth: 401 Unauthorized");
        ROUND.readsNot("github-app.access-token-refused", "2026-12-16T09:31:07Z INFO listener-app getting access token for GitHub App auth {\"accessTokenURL\": \"https://api.github.com/app/installations/51337002/access_tokens\"}");
        ROUND.reads("github-app.access-token-refused", "Error: failed to get access token for GitHub App auth (401 Unauthorized): {\"message\":\"A JSON web token could not be decoded\"}");
        ROUND.readsNot("github-app.access-token-refused", "Error: failed to get access token for GitHub App auth (500 Internal Server Error)");
        ROUND.reads("gitlab-runner.job-poll-server-error", "2026-12-16T21:58:17.971936299Z WARNING: Checking for jobs... failed runner=Q82wrkx4v status=503 Service Temporarily Unavailable");
        ROUND.readsNot("gitlab-runner.job-poll-server-error", "ERROR: Checking for jobs... forbidden               runner=J1vnM1Vx");
        ROUND.reads("gitlab-runner.job-poll-server-error", "WARNING: Checking for jobs... failed runner=K41rxyx4v status=524 status code 524");
        ROUND.reads("gitlab-runner.job-poll-server-error", "{\"level\":\"warning\",\"msg\":\"Checking for jobs... failed\",\"runner\":\"GR1348941xXzhePNZ\",\"status\":\"POST https://gitlab.example.com/api/v4/jobs/request: 502 Bad Gateway\"}");
        ROUND.reads("octopus.child-activities-canceled", "11:21:41   Error    |   One or more child activities were canceled.");
        ROUND.readsNot("octopus.child-activities-canceled", "11:21:41   Error    |   One or more child activities failed.");
        ROUND.readsNot("gitlab-runner.job-poll-server-error", "{\"level\":\"error\",\"msg\":\"Checking for jobs... forbidden\",\"runner\":\"GR1348941xXzhePNZ\",\"status\":\"POST https://gitlab.example.com/api/v4/jobs/request: 403 Forbidden\"}");
    }

    /**
     * The plural Kubernetes names a secret with, quoted inside a JSON log field, now read by secret.reference-not-found-escaped
     * (ARC's controller, projectbluefin/lab#270 and actions/actions-runner-controller#3574).
     */
    @Test
    void aSecretsNotFoundInsideALogFieldIsRead() throws IOException {
        ROUND.reads("secret.reference-not-found-escaped", "config.missing-secret", "{\"severity\":\"error\",\"logger\":\"AutoscalingRunnerSet\",\"message\":\"Failed to initialize Actions service client for creating a new runner scale set\",\"error\":\"failed to find GitHub config secret: secrets \\\"arc-github-secret\\\" not found\"}");
        ROUND.readsNot("secret.reference-not-found-escaped", "{\"severity\":\"info\",\"logger\":\"AutoscalingRunnerSet\",\"message\":\"Creating a new runner scale set\",\"secret\":\"secrets \\\"arc-github-secret\\\" found\"}");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these read no labelled scenario's log: their sources (p205-28, -33, -37) carry the lines in a look at the host
        // (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("github-app.integration-not-found", "github-app.access-token-refused",
                        "gitlab-runner.job-poll-server-error"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * The scenarios of p205- each new shape or rule settles, now led by their labels. Before: ci.runner at 0.95 on p205-32
     * (GitLab's stuck job beside gitlab-runner's service failing on its config.toml), at 0.81 on p205-30 and p205-33 (a
     * job waiting for a runner the controller or the scale-up function never made), unknown on p205-31, registry.auth at
     * 0.9 on p205-28 (the listener's "401 Unauthorized" read as a registry's), app.crash-on-boot at 0.9 on p205-29 (the
     * listener's crash loop beside its refused credential).
     */
    @Test
    void theSetsMissesNowLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p205-32-config-invalid-gitlab-runner-config-toml-rendered-deferred-bare-keys-service-fails", "config.invalid"),
                Map.entry("p205-30-config-missing-secret-arc-scale-set-github-config-secret-not-found", "config.missing-secret"),
                Map.entry("p205-31-config-missing-secret-arc-reinstall-drops-hand-made-github-app-secret", "config.missing-secret"),
                Map.entry("p205-33-config-invalid-ec2-runners-scale-up-lambda-integration-not-found-wrong-app-id", "config.invalid"),
                Map.entry("p205-28-auth-deploy-token-arc-listener-keeps-rotated-out-github-app-key-401", "auth.deploy-token"),
                Map.entry("p205-29-auth-deploy-token-arc-listener-registration-token-401-bad-credentials-user-owned-app", "auth.deploy-token"),
                Map.entry("p205-37-dependency-down-gitlab-runner-liveness-fails-gitlab-server-503-502-524", "dependency.down")));
    }

    /**
     * network.dns/cluster-dns-log-counts-errors and cluster-dns-log-shows-errors: a look at the cluster's own DNS whose
     * log shows it timing out (kubernetes/dns#598) is name resolution failing, whatever name the failing download looked
     * up. Before, the download's "lookup github.com on 169.254.20.10:53: ... i/o timeout" stated build.dependency-fetch at
     * 0.9 on p205-27.
     */
    @Test
    void aLookAtTheClusterDnsShowingTimeoutsIsTheDns() throws IOException {
        ShapeRound.leadWith(Map.of("p205-27-network-dns-arc-runner-pod-nodelocaldns-intermittent-lookup-timeout-deploy-step", "network.dns"));
    }

    /**
     * ci.runner/cancelled-mid-run-without-actor and ci.cancelled/cancelled-in-a-failed-run: jobs cancelled two minutes
     * into the checkout in a run that concluded failure with no job failing and no time limit (elizaOS/eliza#10353: "The
     * operation was canceled.", orphan git processes terminated, no actor): no one cancelled the run, the self-hosted
     * runner was taken away. Before, ci.cancelled at 0.9 on p205-03 and 0.87 on h81-46. A deployment tool's own record of
     * a cancel (Octopus's "One or more child activities were canceled.") still reads as the cancel (h16-38).
     */
    @Test
    void aJobCancelledInARunThatFailedWithoutActorIsTheRunner() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p205-03-ci-runner-self-hosted-deploy-canceled-mid-checkout-runner-reclaimed", "ci.runner",
                "h81-46-ci-runner-self-hosted-pool-preempted-during-checkout", "ci.runner",
                "h16-38-ci-cancelled-octopus-deployment-cancelled-by-user-marked-failed", "ci.cancelled"));
    }

    /**
     * ci.timeout/rollout-wait-ran-out-before-the-new-version-served: kubectl's "error: timed out waiting for the condition"
     * while the service now serves the run's commit (its version "sha-3c9e1a7", docker/metadata-action's tag of the head
     * 3c9e1a7) is the wait's own limit (mishrasanjeev/agentic-org#106). Before, unknown at 0.51 on p205-11.
     */
    @Test
    void aRolloutWaitThatGaveUpBeforeTheNewVersionServedIsItsTimeLimit() throws IOException {
        ShapeRound.leadWith(Map.of("p205-11-ci-timeout-rollout-status-watch-600s-gives-up-before-progress-deadline-prod-healthy", "ci.timeout"));
    }
}
