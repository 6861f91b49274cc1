package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.Source;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The known defects session 28's fixer (fix28) was given, each pinned by a test before its fix. */
@DisplayName("Fixes of session 28")
class FixTwentyEighthSessionTest {

    // a portfolio at its custom domain (no platform's shared suffix) and the same app at its platform URL
    private static final Deployment SITE = new Deployment("portfolio", List.of(
            Service.builder("custom", "https://www.portfolio-example.dev/").critical().build(),
            Service.builder("platform", "https://portfolio-example.vercel.app/").build()));

    /**
     * The custom domain's name does not resolve (NXDOMAIN) while the platform URL answers, and one job of the custom
     * domain's, named {@code jobName} with {@code steps}, failed with {@code log}.
     */
    private static Assessment nameFailsBeside(String jobName, List<Observation.CiStep> steps, String log)
            throws IOException {
        List<Observation> o = new ArrayList<>();
        o.add(new Observation.ProbeFailure("custom", Source.HTTP, "https://www.portfolio-example.dev/",
                FailureKind.DNS_FAILURE, "getaddrinfo ENOTFOUND www.portfolio-example.dev", null,
                Duration.ofMillis(20), 1));
        o.add(new Observation.ProbeFailure("custom", Source.of("dns"), "www.portfolio-example.dev",
                FailureKind.DNS_FAILURE, "NXDOMAIN", null, Duration.ofMillis(20), 1));
        o.add(Observation.HttpCheck.builder("platform", Source.HTTP, "https://portfolio-example.vercel.app/", 200)
                .latency(Duration.ofMillis(55)).build());
        o.add(Fleet.run("failure"));
        o.add(Fleet.job("custom", 2, jobName, "failure", 12, steps.toArray(Observation.CiStep[]::new)));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "custom", 2, jobName, steps),
                new StringReader(log)));
        return Diagnosis.ofDefaults().diagnose(SITE, o, Fleet.NOW);
    }

    /**
     * 1 (h92-33): a scheduled domain check ("vercel domains inspect", the Vercel CLI's own words for a domain whose
     * records do not point at Vercel) failed beside a name that does not resolve. That job deploys nothing, so its
     * failure is no deploy that failed and left the name unmade: never-deployed must not cancel the DNS failure.
     */
    @Test
    @DisplayName("1: a failed check-only job (a domain inspection) is no failed deploy: never-deployed does not weigh")
    void aFailedDomainCheckIsNoFailedDeploy() throws IOException {
        Assessment a = nameFailsBeside("vercel domains inspect",
                List.of(Fleet.step(1, "Set up job", "success"), Fleet.step(2, "Inspect domain", "failure")), """
                ##[group]Run vercel domains inspect www.portfolio-example.dev --token=***
                Vercel CLI 48.2.0
                > Domain www.portfolio-example.dev found under portfolio-projects
                  WARN! This Domain is not configured properly. To configure it you should either:
                > Invalid Configuration
                ##[endgroup]
                ##[error]Process completed with exit code 1.
                """);
        assertFalse(Fleet.weighs(a, "network.dns/never-deployed"), a.causes().toString());
        assertEquals(CauseId.NETWORK_DNS, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * ... while a job that deploys (its step runs the deploy) and failed still reads as a name never made: the name
     * does not lead (never-deployed takes it back).
     */
    @Test
    @DisplayName("1: a failed deploy job beside a name that does not resolve still reads as a name never made")
    void aFailedDeployStillWeighsNeverDeployed() throws IOException {
        Assessment a = nameFailsBeside("deploy",
                List.of(Fleet.step(1, "Checkout", "success"), Fleet.step(2, Fleet.DEPLOY_STEP, "failure")), """
                ##[group]Run flyctl deploy --remote-only
                ##[endgroup]
                ##[error]Process completed with exit code 1.
                """);
        assertNotEquals(CauseId.NETWORK_DNS, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * 2: a notice that the code falls back to a default is no missing setting, whatever joins it to the absence (a
     * comma, a period): the wording of public repositories' own notices. Compose's blank-string fallback (the value
     * is empty) and a missing name in the library's words are still read.
     */
    @Test
    @DisplayName("2: env.name-missing-generic does not read a fallback notice, with a comma or not")
    void aFallbackNoticeIsNoMissingSetting() throws IOException {
        for (String line : List.of("KIND_PATH is not set, defaulting to ../../bin/kind",
                "PORT is not set, defaulting to 8080",
                "OLLAMA_API_BASE_URL not set, using default: http://localhost:11434",
                "[flujo.config] FLUJO_STATE_URI not set, using default 'sqlite:///flujo_ops.db'",
                "DEEPGRAM_API_KEY not set, falling back to browser TTS",
                "WARNING: APT_DIR environment variable is not set, defaulting to 'third_party_apt'",
                "[deploy] VERCEL_TOKEN not set, using VERCEL_OIDC_TOKEN",
                "WARNING: Variables 'HOST_LIMIT' must be set. Default: testing")) {
            assertEquals(List.of(), Fleet.readAlone("env.name-missing-generic", line), line);
        }
        for (String line : List.of("WARN[0000] The \"DATABASE_URL\" variable is not set. Defaulting to a blank string.",
                "Error: Missing required environment variable OPENAI_API_KEY",
                "error: Environment variable not found: DATABASE_URL.",
                "RuntimeError: SECRET_KEY is missing or insecure; refusing to start")) {
            assertEquals(List.of("env.name-missing-generic"), Fleet.readAlone("env.name-missing-generic", line), line);
        }
    }

    /**
     * 3: "Default: none" after the absence says the setting has no default: it is missing, and the indications that
     * leave out a fallback notice (Using, Defaulting, Falling back) read it.
     */
    @Test
    @DisplayName("3: a setting that must be set and has no default (Default: none) is read as missing")
    void aSettingWithNoDefaultIsMissing() throws IOException {
        for (String line : List.of("STRIPE_SECRET_KEY must be set. Default: none",
                "SECRET_TOKEN is not set. Default: None.", "DATABASE_URL is required. DEFAULT: None")) {
            assertEquals(List.of("env.variable-missing"), Fleet.readAlone("env.variable-missing", line), line);
            assertEquals(List.of("config.setting-missing-generic"),
                    Fleet.readAlone("config.setting-missing-generic", line), line);
            assertEquals(List.of("env.name-missing-generic"), Fleet.readAlone("env.name-missing-generic", line), line);
        }
        assertEquals(List.of("env.variable-empty-generic"),
                Fleet.readAlone("env.variable-empty-generic", "SECRET_KEY not set. Default: none"));
        // a default that is a value is a fallback, still not read
        assertEquals(List.of(), Fleet.readAlone("env.variable-missing", "HOST_LIMIT must be set. Default: testing"));
    }

    private static List<String> helmTest(String log) throws IOException {
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "helm test", "failure"));
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "api", 2, "test", steps),
                new StringReader(log)).stream().filter(o -> o instanceof Observation.LogFinding)
                .map(o -> ((Observation.LogFinding) o).indicationId()).toList();
    }

    /**
     * 4: helm test --logs cannot read the logs of a test hook whose pod its hook-succeeded policy deleted: the hook's
     * own report said "Phase: Succeeded" (helm/helm#31579 shows this output), so no test failed. A hook not reported
     * passed (mojaloop/helm#567, h91-41: another hook's pod is gone) is still read.
     */
    @Test
    @DisplayName("4: helm.test-pod-logs-unavailable does not read the logs of a test hook that passed")
    void aPassedTestHookIsNoFailedTest() throws IOException {
        assertFalse(helmTest("""
                ##[group]Run helm test new-chart --logs
                ##[endgroup]
                NAME: new-chart
                LAST DEPLOYED: Wed Nov 26 17:18:45 2025
                NAMESPACE: default
                STATUS: deployed
                REVISION: 2
                DESCRIPTION: Upgrade complete
                TEST SUITE:     new-chart-test-connection
                Last Started:   Wed Nov 26 17:18:48 2025
                Last Completed: Wed Nov 26 17:18:51 2025
                Phase:          Succeeded

                Error: unable to get pod logs for new-chart-test-connection: pods "new-chart-test-connection" not found
                ##[error]Process completed with exit code 1.
                """).contains("helm.test-pod-logs-unavailable"));
        assertTrue(helmTest("""
                ##[group]Run helm test ml --logs
                ##[endgroup]
                NAME: ml
                STATUS: deployed
                TEST SUITE:     ml-ml-ttk-test-setup
                Phase:          Succeeded
                Error: unable to get pod logs for ml-ml-ttk-test-cleanup: pods "ml-ml-ttk-test-cleanup" not found
                ##[error]Process completed with exit code 1.
                """).contains("helm.test-pod-logs-unavailable"));
        // a hook that failed and whose pod is gone all the same (a Job's pod under another name, helm/helm#9264)
        assertTrue(helmTest("""
                TEST SUITE:     dms-timescaledb-tests
                Last Started:   Fri Jan 22 07:33:30 2021
                Last Completed: Fri Jan 22 07:33:33 2021
                Phase:          Failed

                Error: unable to get pod logs for dms-timescaledb-tests: pods "dms-timescaledb-tests" not found
                """).contains("helm.test-pod-logs-unavailable"));
    }
}
