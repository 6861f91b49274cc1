package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general shape of each failure family (the {@code *-generic} indications of issue 9's diag4 round, weight 0.5):
 * another tool's words for a known failure land on the right cause, with a modest probability, and weak signals stay
 * weak. The strings are public text from other sources than the corpus scenarios the shapes were checked on; each
 * source is named next to its string.
 */
class GeneralShapesTest {

    /** One failed deploy job for dashboard whose log is {@code log}; the other services are healthy. */
    private static Assessment deployFailsWith(String log) throws IOException {
        return Fleet.deployFailed("deploy", "Deploy", log);
    }

    private static List<String> indications(String line) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader(line)).stream().map(Observation.LogFinding::indicationId).toList();
    }

    @Test
    void anotherToolsWordsForAKnownFailureLandOnItsCauseWithAModestProbability() throws IOException {
        // line -> the cause its general shape names; none of these lines is in the corpus
        Map<String, CauseId> cases = Map.of(
                // Vercel CLI (vercel/vercel#2585)
                "Error! Rate limit exceeded error. Try again in 48 minutes, or upgrade your plan here: https://zeit.co/account/plan",
                CauseId.PLATFORM_QUOTA,
                // the Kubernetes scheduler (kubernetes/kubernetes#33777)
                "Warning FailedScheduling 38s (x8 over 1m) default-scheduler 0/25 nodes are available: 1 Insufficient pods, 1 PodToleratesNodeTaints, 23 Insufficient cpu.",
                CauseId.PLATFORM_CAPACITY,
                // docker compose (Freika/dawarich#731)
                "Container dawarich_app Error dependency failed to start: container dawarich_app is unhealthy",
                CauseId.APP_HEALTHCHECK_FAILING,
                // kelseyhightower/envconfig#216
                "required key ENV_CONFIG_BAR_FOO missing value",
                CauseId.CONFIG_MISSING_SECRET,
                // Travis CI's no-output limit, in the words CircleCI uses ("Too long with no output")
                "Too long with no output (exceeded 20m0s): context deadline exceeded",
                CauseId.CI_TIMEOUT,
                // GKE's quota inside its error (amygdala/tensorflow-workshop#13)
                "EXTERNAL: Insufficient regional quota to satisfy request for resource: \"CPUS\". The request requires "
                        + "'24.0' and is short '16.0'. The regional quota is '8.0' with '8.0' available.",
                CauseId.PLATFORM_QUOTA,
                // cargo (kbknapp/cargo-outdated#212)
                "error: failed to download from `https://crates.io/api/v1/crates/http/0.2.0/download`",
                CauseId.BUILD_DEPENDENCY_FETCH);
        for (Map.Entry<String, CauseId> c : cases.entrySet()) {
            Assessment a = deployFailsWith(c.getKey() + "\n");
            RankedCause top = a.topCause().orElseThrow();
            assertEquals(c.getValue(), top.id(), c.getKey() + " -> " + a.causes());
            // one general line is one source: never more than the one-source cap (proven evidence's included)
            Fleet.atMostOneSource(top, c.getKey());
        }
    }

    @Test
    void theGeneralShapesReadWhatNoSpecificIndicationKnowsAndLeaveTheirNearMissesAlone() throws IOException {
        // a pull refused is as often a missing image: the registry's upload shape does not read it (docker CLI)
        assertTrue(indications("docker: Error response from daemon: pull access denied for acme/app, repository does "
                + "not exist or may require 'docker login': denied: requested access to the resource is denied")
                .stream().noneMatch("registry.push-refused-generic"::equals));
        // a Rust source line quoted by the compiler is not an out-of-memory condition (LogChunks redox-os build log)
        assertTrue(indications("        panic!(\"Out of memory\");").stream().noneMatch("memory.exhausted-generic"::equals));
        // a healthy hint to set a variable is not a missing setting (google-cloud-ruby's warning, LogChunks)
        assertTrue(indications("To suppress this message, set the GOOGLE_CLOUD_SUPPRESS_RUBY_WARNINGS environment variable.")
                .stream().noneMatch("config.setting-missing-generic"::equals));
        // a quota named in quotes (GoogleCloudPlatform/python-docs-samples#13456) is the quota shape too
        assertTrue(indications("google.api_core.exceptions.Aborted: 409 Error submitting create cluster request: "
                + "Insufficient 'N2_CPUS' quota. Requested 12.0, available 0.0.").contains("platform.plan-limit-generic"));
        // a zone without room in GCE's words (GoogleCloudPlatform/ai-on-gke#849: one message that gcloud's YAML output
        // wraps after "europe-west4-a") is the no-room shape
        assertTrue(indications("message: A e2-standard-2 VM instance is currently unavailable in the europe-west4-a zone.")
                .contains("platform.no-room-generic"));
        // the CI service failing to provision its runner (wangziyingwen/AutoApiSecret#17) is the lost-runner shape
        assertTrue(indications("There was a failure in sending the provision message: Unexpected response code from "
                + "remote provider BadRequest").contains("runner.disk-or-lost-generic"));
        // a gcloud flag is not a refused credential (gcloud run deploy --allow-unauthenticated)
        assertTrue(indications("Run gcloud run deploy web --source . --region us-central1 --allow-unauthenticated")
                .stream().noneMatch("auth.credential-refused-generic"::equals));
    }

    @Test
    void aNameThatDoesNotResolveInAnyResolversWordsIsDnsAndTheHealthCheckTimeoutAfterItOnlySaysWhichStepFailed()
            throws IOException {
        // Postgrex on Erlang's resolver (elixir-ecto/postgrex#255), Tds the same (elixir-ecto/tds#140)
        String postgrex = "Postgrex.Protocol (#PID<0.1486.0>) failed to connect: ** (DBConnection.ConnectionError) tcp "
                + "connect: non-existing domain - :nxdomain";
        assertTrue(indications(postgrex).contains("dns.name-unresolved-generic"), postgrex);
        assertTrue(indications("** (CaseClauseError) no case clause matching: {:error, %Tds.Error{message: \"tcp "
                + "connect: nxdomain\", mssql: nil}}").contains("dns.name-unresolved-generic"));
        // sudo's harmless warning is not a failed name (LogChunks Travis logs, ../shared/corpus/build-logs)
        assertTrue(indications("sudo: unable to resolve host travis-job-e43ff87f-476b-4c1d-abdf-82d81bfdb015")
                .stream().noneMatch("dns.name-unresolved-generic"::equals));
        // flyctl's health-check timeout printed after it (superfly/flyctl's wording, as in FailureFamiliesTest) says
        // which step failed, not why: the name that does not resolve leads, and neither reading is stated above 0.9
        Assessment a = deployFailsWith(postgrex + "\nError: timeout reached waiting for health checks to pass for "
                + "machine 3d8d413b29d089: context deadline exceeded\n");
        RankedCause top = a.topCause().orElseThrow();
        assertEquals(CauseId.NETWORK_DNS, top.id(), a.causes().toString());
        assertTrue(top.probability() <= 0.9 + 1e-9, a.causes().toString());
    }

    @Test
    void aServerRefusingAWordOfItsOwnConfigurationFileIsAnInvalidConfiguration() throws IOException {
        // nginx's message (nginx/nginx src/core/ngx_conf_file.c: "unknown directive \"%s\""), HAProxy's
        // (haproxy/haproxy src/cfgparse.c: "unknown keyword '%s' in '%s' section") and Caddy's
        // (caddyserver/caddy caddyconfig/httpcaddyfile/httptype.go: "unrecognized directive: %s")
        for (String line : List.of(
                "nginx: [emerg] unknown directive \"proxy_passs\" in /etc/nginx/conf.d/default.conf:5",
                "[ALERT] (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:12] : unknown keyword 'tune.ssl.default-dh-parm' in 'global' section")) {
            assertTrue(indications(line).contains("config.unknown-field-generic"), line + " -> " + indications(line));
        }
        // Caddy's line is read by Caddy's own shape since session 14 (caddy.config-adapt-failed), for the same cause
        String caddy = "Error: adapting config using caddyfile: Caddyfile:4: unrecognized directive: reverse_prox";
        assertEquals(List.of("config.invalid"), Fleet.causesOf(caddy), caddy + " -> " + indications(caddy));
        // a command-line tool's usage hint is not a configuration file refused (LogChunks Travis logs use "--help")
        assertTrue(indications("Run 'docker run --help' for more information").stream()
                .noneMatch("config.unknown-field-generic"::equals));
    }

    @Test
    void aRunnerTheCiServiceNoLongerTalksToForItsVersionIsARunnerFailure() throws IOException {
        // actions/runner#1991 (another wording of h8-44's failure, which quotes actions/runner#3366)
        String line = "An error occurred: Runner version v2.291.1 is deprecated and cannot receive messages.";
        assertTrue(indications(line).contains("runner.disk-or-lost-generic"), indications(line).toString());
        // a deprecated action is a warning about a step, not a runner that cannot take jobs (GitHub's Node 16 notice)
        assertTrue(indications("Node.js 16 actions are deprecated. Please update the following actions to use Node.js "
                + "20: actions/checkout@v3").stream().noneMatch("runner.disk-or-lost-generic"::equals));
    }

    @Test
    void theShapesWidenedForP7sFamiliesReadOtherToolsWords() throws IOException {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        // Azure Resource Manager's QuotaExceeded (learn.microsoft.com, "Resolve errors for resource quotas")
        cases.put("Operation results in exceeding quota limits of Core. Maximum allowed: 10, Current in use: 10, "
                + "Additional requested: 4.", "platform.plan-limit-generic");
        // Azure Pipelines' job time-out and lost agent, as learn.microsoft.com's troubleshooting pages quote them
        cases.put("The job running on agent Hosted Agent ran longer than the maximum time of 60 minutes.",
                "ci.time-limit-generic");
        cases.put("We stopped hearing from agent Hosted Agent. Verify the agent machine is running and has a healthy "
                + "network connection.", "runner.disk-or-lost-generic");
        // the docker CLI (moby/moby: "No such image: %s")
        cases.put("Error response from daemon: No such image: busybox:latest", "image.pull-not-found-generic");
        // google-auth-library-python's refresh error (googleapis/google-auth-library-python issues)
        cases.put("google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', "
                + "{'error': 'invalid_grant'})", "auth.credential-refused-generic");
        // node-config (lorenwest/node-config lib/config.js: 'Configuration property "' + property + '" is not defined')
        cases.put("Error: Configuration property \"db.host\" is not defined", "config.setting-missing-generic");
        // ajv v6's message (ajv-validator/ajv), as schema-validating tools print it
        cases.put("Error: data should NOT have additional properties", "config.validation-generic");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertTrue(indications(c.getKey()).contains(c.getValue()), c.getKey() + " -> " + indications(c.getKey()));
        }
        // a JavaScript constant that was never declared is a code bug, not a missing setting (MDN's ReferenceError)
        assertTrue(indications("ReferenceError: API_URL is not defined").stream()
                .noneMatch("config.setting-missing-generic"::equals));
        // a job that finished well within its time is no time limit (GitHub's step summary wording)
        assertTrue(indications("Job completed in 12 minutes, under the maximum time allowed").stream()
                .noneMatch("ci.time-limit-generic"::equals));
    }

    @Test
    void anAppAnsweringInItsFrameworksWordsThatItsSecretKeyWasNeverSetIsAMissingSecret() {
        // WEBrick's 500 page of a Rails app started without its secret (next-l/enju_leaf#428)
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Observation.HttpCheck.builder("dashboard", Source.HTTP, "https://sophiaai-dashboard-v2.fly.dev/health",
                500).latency(java.time.Duration.ofMillis(80)).body("Internal Server Error Missing `secret_key_base` for "
                + "'production' environment, set this value in `config/secrets.yml`", "text/html").build());
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals(CauseId.CONFIG_MISSING_SECRET, a.topCause().orElseThrow().id(), a.causes().toString());
    }

    @Test
    void aBareExitStatusOrAGenericErrorWordDecidesNothingAlone() throws IOException {
        for (String log : List.of("##[error]Process completed with exit code 1.\n", "Error: failed\n",
                "Exited with status 1\n")) {
            Assessment a = deployFailsWith(log);
            for (RankedCause c : a.causes()) {
                if (!c.id().equals(CauseId.UNKNOWN)) {
                    assertTrue(c.probability() <= 0.7, log.strip() + ": " + c.id() + " at " + c.probability());
                }
            }
        }
    }
}
