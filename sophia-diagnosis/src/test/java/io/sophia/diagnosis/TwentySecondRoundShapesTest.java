package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes for the families the blind h14- and h15- sets (session 11, consumed in session 12) were missed on: a
 * deploy step giving up at its own wait limit, a platform that stopped deploying because the account used its
 * allowance, Vercel's daily deployment count, Composer's downloader failing on the network, a registry that stopped
 * answering a layer commit, flyctl finding fly.toml invalid, a GitLab runner failing to prepare the environment, a
 * platform's bare "internal error", Render's build command exiting (no process started), and containerd's "may require
 * authorization" for a repository that does not exist. Each is tested on public wording from other reports than the
 * scenario it was found in where there is one (the source next to each string), with near misses; each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class TwentySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("actions.deploy-wait-timeout", "ci.timeout"),
            Map.entry("platform.allowance-used-up", "platform.quota"),
            Map.entry("composer.curl-download-failed", "build.dependency-fetch"),
            Map.entry("buildkit.commit-no-response", "registry.unavailable"),
            Map.entry("fly.config-validation-failed", "config.invalid"),
            Map.entry("gitlab-runner.prepare-environment-failed", "ci.runner"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * actions/deploy-pages' own "Timeout reached, aborting!" (repositories' notes of their Pages runs: "Timeout reached,
     * aborting!" / "Canceling Pages deployment..."); an app's console message with the same words is not a step's limit.
     */
    @Test
    void aDeployStepGivingUpAtItsOwnWaitLimitIsTheTimeout() throws IOException {
        String id = "actions.deploy-wait-timeout";
        ROUND.reads(id, "##[error]Timeout reached, aborting!");
        ROUND.reads(id, "Timeout reached, aborting!");
        ROUND.readsNot(id, "Request timeout reached, aborting...");
        ROUND.readsNot(id, "[AIWebSearch] 30s timeout reached, aborting");
    }

    /**
     * Railway's words for an allowance used up (repositories' deploy notes quote "You have used all your available
     * resources" on a redeploy); a usage page's figures are not read.
     */
    @Test
    void aPlatformThatStoppedDeployingForTheAllowanceIsTheQuota() throws IOException {
        String id = "platform.allowance-used-up";
        ROUND.reads(id, "You have used all your available resources.");
        ROUND.reads(id, "Deployments have been removed and can be re-deployed next month. Upgrade now to re-enable deploys.");
        ROUND.readsNot(id, "You have used 3.2 GB of your 8 GB memory this month.");
    }

    /**
     * Vercel's daily deployment count by its code and its other sentence (Acongm/node-vercel-starter's notes: "Resource
     * is limited - try again in 24 hours (more than 100, code: \"api-deployments-free-per-day\")", "Deployment rate
     * limited — retry in 24 hours."), read by the plan-limit indication; an API's "rate limited, retrying" is not.
     */
    @Test
    void vercelsDailyDeploymentCountIsTheQuota() throws IOException {
        String id = "platform.resource-limit";
        ROUND.reads(id, "platform.quota", "(more than 100, code: \"api-deployments-free-per-day\")");
        ROUND.reads(id, "platform.quota", "Deployment rate limited — retry in 24 hours.");
        ROUND.readsNot(id, "GET /repos/acme/app/pulls: rate limited, retrying in 2s");
    }

    /**
     * Composer's downloader on the network ("curl error 56 while downloading https://repo.packagist.org/packages.json:
     * CONNECT tunnel failed, response 403", a proxy, from a repository's environment notes); a certificate problem
     * ("curl error 60 ... SSL certificate problem", a Composer tutorial) and a PHP cURL error naming no download are not.
     */
    @Test
    void composerFailingToDownloadOnTheNetworkIsTheDependencyFetch() throws IOException {
        String id = "composer.curl-download-failed";
        ROUND.reads(id, "  curl error 56 while downloading https://repo.packagist.org/packages.json: CONNECT tunnel failed, "
                + "response 403");
        ROUND.reads(id, "  curl error 28 while downloading https://getcomposer.org/versions: Operation timed out");
        ROUND.readsNot(id, "  curl error 60 while downloading https://getcomposer.org/versions: SSL certificate problem: "
                + "unable to get local issuer certificate");
        ROUND.readsNot(id, "cURL error 28: Operation timed out after 30001 milliseconds (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)");
    }

    /**
     * A layer commit the registry stopped answering ("failed commit on ref \"layer-sha256:9f3e\": unexpected status:
     * EOF", a retry classifier's test data); a full disk and a corrupt mirror's digest on the same prefix (a deploy
     * tool's fixtures, a mirror's runbook) are not the registry's availability.
     */
    @Test
    void aRegistryThatStoppedAnsweringALayerCommitIsUnavailable() throws IOException {
        String id = "buildkit.commit-no-response";
        ROUND.reads(id, "failed commit on ref \"layer-sha256:9f3e\": unexpected status: EOF");
        ROUND.reads(id, "ERROR: failed to solve: failed commit on ref \"layer-sha256:8f1c0e6d\": no response");
        ROUND.readsNot(id, "failed commit on ref \"layer-sha256:d54b0e95\": write /var/lib/containerd/io.containerd.content"
                + ".v1.content/ingest/3f7c6a40/data: no space left on device");
        ROUND.readsNot(id, "failed commit on ref \"layer-sha256:5c1e0a5b4f2b\": commit failed: unexpected commit digest "
                + "sha256:e3b0c44298fc, expected sha256:5c1e0a5b4f2b: failed precondition");
    }

    /**
     * flyctl's validation of fly.toml in its own layout (internal/appconfig/validation.go at ad0172face30: "Validating
     * <path>", then "✘<error>", then "Error: App configuration is not valid"): an invalid file is the configuration
     * whatever the validator's message; a valid one ("✓ Configuration is valid") is not read.
     */
    @Test
    void flyctlFindingFlyTomlInvalidIsTheConfiguration() throws IOException {
        ROUND.reads("fly.config-validation-failed", "config.invalid", "Validating /app/fly.toml\n\n   ✘Missing or invalid check "
                + "type, must be 'http' or 'tcp'");
        Assessment invalid = Fleet.deployFailed("deploy dashboard", "flyctl deploy", """
                ==> Verifying app config
                Validating /home/runner/work/dash/dash/fly.toml

                   ✘unsupported deployment strategy 'blue-green'; Apps v2 supports the following strategies: canary, rolling, immediate, bluegreen
                Error: App configuration is not valid
                """);
        assertEquals(CauseId.of("config.invalid"), invalid.topCause().orElseThrow().id());
        String validLog = """
                ==> Verifying app config
                Validating /home/runner/work/dash/dash/fly.toml
                ✓ Configuration is valid
                --> Verified app config
                Error: failed to fetch an image or build from source: error building: exit code: 1
                """;
        assertTrue(Fleet.indicationsOf(validLog).stream().noneMatch(i -> i.startsWith("fly.config")),
                "a valid fly.toml is read as invalid: " + Fleet.indicationsOf(validLog));
        Assessment valid = Fleet.deployFailed("deploy dashboard", "flyctl deploy", validLog);
        assertNotEquals(CauseId.of("config.invalid"), valid.topCause().orElseThrow().id());
    }

    /**
     * A GitLab runner that could not prepare the job's environment ("ERROR: Job failed: prepare environment: exit code 1.
     * Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information", after "exec
     * /usr/bin/dumb-init: argument list too long", a runner set-up note); a script's own failure is not read.
     */
    @Test
    void aRunnerFailingToPrepareTheEnvironmentIsTheRunner() throws IOException {
        String id = "gitlab-runner.prepare-environment-failed";
        ROUND.reads(id, "ERROR: Job failed: prepare environment: exit code 1. Check "
                + "https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information");
        ROUND.readsNot(id, "ERROR: Job failed: exit code 1");
    }

    /**
     * Render's build command exiting ("Exited with status 1 while building your code", repositories' deploy notes) is
     * no process crashing; its runtime line ("Exited with status 1 while running your code") and Heroku's are.
     */
    @Test
    void aBuildCommandExitingIsNoCrashOnBoot() throws IOException {
        String id = "paas.process-exited";
        ROUND.readsNot(id, "Exited with status 1 while building your code. Check your deploy logs for more information.");
        ROUND.readsNot(id, "Exited with status 2 while building your code");
        ROUND.reads(id, "app.crash-on-boot", "==> Exited with status 1 while running your code.");
        ROUND.reads(id, "app.crash-on-boot", "2024-01-01T00:00:00 heroku[web.1]: Process exited with status 1");
        ROUND.reads(id, "app.crash-on-boot", "==> Exited with status 1");
    }

    /** A platform's bare "internal error" on a deploy is its own side, read moderately; an app's 500 body is not. */
    @Test
    void aDeployFailingOnThePlatformsInternalErrorIsThePlatform() throws IOException {
        String id = "platform.provider-side-generic";
        ROUND.reads(id, "platform.outage", "Deploy failed: internal error");
        ROUND.readsNot(id, "{\"error\":\"internal error\",\"path\":\"/api/deploy\"}");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p81-12 (session 18): a Pages deploy that waited out GitHub's own incident, labelled platform.outage; the wait's
        // end is its consequence
        // h52-16 (consumed in session 21): a Pages deployment queued until the action's limit during GitHub's own
        // incident, labelled platform.outage; the wait's end is its consequence
        // p162-28, p162-29 (session 35): Pages deployments that never completed during GitHub's own incidents (queued across
        // unrelated repositories; the outage day deploy-pages#92 names), labelled platform.outage; the wait's end is
        // their consequence
        // p177-23 (session 38): a Pages deployment that timed out on the day its maintainer confirmed GitHub's outage
        // (all deployments timing out), labelled platform.outage; the wait's end is its consequence
        ROUND.staysInItsCauses("p81-12 actions.deploy-wait-timeout", "h52-16 actions.deploy-wait-timeout",
                "p162-28 actions.deploy-wait-timeout", "p162-29 actions.deploy-wait-timeout",
                "p177-23 actions.deploy-wait-timeout");
    }
}
