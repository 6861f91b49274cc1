package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes for the families holdout-12 (h12-, consumed in session 10) was missed on: a platform refusing the
 * deploy's configuration file, Cloud Build's time limit, a setting the app finds empty, Cloud Run's memory limit, an
 * artifact storage quota hit, Netlify's API 5xx, flyctl's older "Could not resolve App", a Jenkins agent marked offline,
 * a health-check attempt's "service unavailable" that is not a registry; and for p14-'s: a certificate that expires
 * soon, the Machines API's 400, 401 and 429, a platform API's rate limit, and an exit 137 after the runner shut down. Each
 * is tested on public wording from
 * other reports than the scenario it was found in (the source next to each string), with near misses; each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class TwelfthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("platform.config-file-refused-generic", "config.invalid"),
            Map.entry("cloudbuild.build-timeout", "ci.timeout"),
            Map.entry("cloudbuild.timeout-status", "ci.timeout"),
            Map.entry("env.variable-empty-generic", "config.missing-secret"),
            Map.entry("platform.api-rate-limit-generic", "platform.quota"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * A hosting platform refusing the deploy's configuration file: Netlify (cstate/cstate#230, openshiporg/openship#19),
     * Wrangler (cloudflare/workers-sdk#3354), Cloudflare's deploy button (willswire/unifi-ddns#186), Render's blueprint
     * (the shape of AllYourBot/hostedgpt#43 with another file). A file that is only missing, or an app's "parse" of
     * something else, is not read.
     */
    @Test
    void aPlatformRefusingTheDeploysConfigurationFileIsTheConfiguration() throws IOException {
        String id = "platform.config-file-refused-generic";
        ROUND.reads(id, "4:12:56 PM: Failing build: Failed to parse configuration");
        ROUND.reads(id, "Could not parse configuration file");
        ROUND.reads(id, "✘ [ERROR] Processing wrangler.toml configuration:");
        ROUND.reads(id, "ERROR: This repository must contain a valid Wrangler configuration file.");
        ROUND.reads(id, "A railway.json file was found, but there were issues.");
        ROUND.readsNot(id, "Could not find a wrangler.json, wrangler.jsonc, or wrangler.toml file in the provided directory.");
        ROUND.readsNot(id, "SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON");
        ROUND.readsNot(id, "Parsing configuration file /etc/nginx/nginx.conf");
    }

    /**
     * Cloud Build's time limit in gcloud's words (GoogleCloudPlatform/cloud-builders#457) and its bare status line; a
     * line that only mentions a timeout setting is not read.
     */
    @Test
    void cloudBuildsTimeLimitIsTheTimeout() throws IOException {
        ROUND.reads("cloudbuild.build-timeout", "ERROR: (gcloud.builds.submit) build a77bf930-c801-40fd-bbbe-b1d4068de016 "
                + "completed with status \"TIMEOUT\"");
        // the bare status line is read with the line Cloud Build prints after it (TwelfthRoundReviewTest), not alone
        ROUND.readsNot("cloudbuild.timeout-status", "TIMEOUT");
        ROUND.readsNot("cloudbuild.build-timeout", "TIMEOUT=600s");
        ROUND.readsNot("cloudbuild.build-timeout", "ERROR: (gcloud.builds.submit) build 1b2c completed with status \"FAILURE\"");
    }

    /**
     * A setting the app requires that is empty or unset, in the app's own check (superfly/flyctl#346's Go service, and
     * the shape with other names); a name that is not an environment variable's, or a value that is set, is not read.
     */
    @Test
    void aRequiredSettingFoundEmptyIsAMissingSecret() throws IOException {
        String id = "env.variable-empty-generic";
        ROUND.reads(id, "2026/11/27 10:01:02 unable to load WEBHOOK_SIGNING_KEY: it's empty");
        ROUND.reads(id, "fatal: DATABASE_URL is empty");
        ROUND.reads(id, "Error: STRIPE_SECRET_KEY not set");
        ROUND.readsNot(id, "warning: the cache is empty, rebuilding");
        ROUND.readsNot(id, "DATABASE_URL is set, connecting to postgres");
        ROUND.readsNot(id, "Token is empty");
        ROUND.readsNot(id, "[ RUN      ] sysinit uses VIM if XDG_CONFIG_DIRS unset: 1039.40 ms OK");
    }

    /**
     * Cloud Run's and Cloud Functions' memory limit (dart-lang/pub-dev#9554, SkyTruth/cerulean-cloud#90,
     * centrifuge/apps#1924) is the app running out of memory; a limit merely stated is not.
     */
    @Test
    void aCloudRunMemoryLimitExceededIsOutOfMemory() throws IOException {
        String id = "container.memory-killed";
        ROUND.reads(id, "app.oom", "Memory limit of 512M exceeded with 526M used. Consider increasing the memory limit, see "
                + "https://cloud.google.com/run/docs/configuring/memory-limits");
        ROUND.reads(id, "app.oom", "Memory limit of 512 MiB exceeded with 516 MiB used. Consider increasing the memory limit, "
                + "see https://cloud.google.com/run/docs/configuring/memory-limits");
        ROUND.reads(id, "app.oom", "`Memory limit of 5120 MiB exceeded with 5261 MiB used.`");
        ROUND.reads(id, "app.oom", "Memory limit of 256 MiB exceeded with 264 MiB used. Consider increasing the memory limit, "
                + "see https://cloud.google.com/functions/docs/configuring/memory");
        ROUND.readsNot(id, "Memory limit of 512 MiB applies to this revision");
    }

    /**
     * GitHub's artifact storage quota hit (Parachord/parachord#125, j-hc/revanced-magisk-module#152) is a platform
     * quota; Heroku's memory quota and a full disk's quota are not.
     */
    @Test
    void anArtifactStorageQuotaHitIsAPlatformQuota() throws IOException {
        String id = "platform.quota-exceeded";
        ROUND.reads(id, "platform.quota", "Failed to CreateArtifact: Artifact storage quota has been hit. Unable to upload any "
                + "new artifacts. Usage is recalculated every 6-12 hours.");
        ROUND.reads(id, "platform.quota", "Create Artifact Container failed: Artifact storage quota has been hit. Unable to "
                + "upload any new artifacts");
        ROUND.readsNot(id, "Error R14 (Memory quota reached)");
        ROUND.readsNot(id, "tar: ./data: Cannot write: Disk quota reached");
    }

    /**
     * Netlify's API client answering 5xx (netlify/cli#6997, the JSON and text clients) is the platform; its 4xx are the
     * caller's.
     */
    @Test
    void netlifysApiAnsweringAServerErrorIsThePlatform() throws IOException {
        String id = "platform.api-server-error-generic";
        ROUND.reads(id, "platform.outage", " ›   JSONHTTPError: Internal Server Error");
        ROUND.reads(id, "platform.outage", "⠏ CDN diffing files... ›   Warning: JSONHTTPError:  500");
        ROUND.reads(id, "platform.outage", "TextHTTPError: Bad Gateway");
        ROUND.readsNot(id, " ›   JSONHTTPError: Unauthorized");
        ROUND.readsNot(id, "JSONHTTPError: 422");
    }

    /**
     * flyctl's older words for an app that does not exist (superfly/flyctl#424, #829) are the configuration's app name,
     * like its newer "Could not find App"; "Could not resolve host" is DNS.
     */
    @Test
    void flyctlsCouldNotResolveAppIsTheAppName() throws IOException {
        ROUND.reads("fly.app-not-found", "config.invalid",
                "Error not possible to validate configuration: server returned Could not resolve App");
        ROUND.reads("fly.app-not-found", "config.invalid", "Error failed fetching existing app config: Could not resolve App");
        ROUND.readsNot("fly.app-not-found", "curl: (6) Could not resolve host: api.example.dev");
        ROUND.readsNot("fly.app-not-found", "Could not resolve Apple's notary service");
    }

    /**
     * A Jenkins agent marked offline or its backing channel disconnected (kiegroup/droolsjbpm-build-bootstrap#1766,
     * adoptium/temurin-build#1450) is the runner; a node taken offline on purpose in a log about maintenance still
     * names the agent, and a channel in another sense is not read.
     */
    @Test
    void aJenkinsAgentMarkedOfflineIsTheRunner() throws IOException {
        String id = "ci.agent-lost";
        ROUND.reads(id, "ci.runner", "[2021-09-15T05:48:53.632Z] kie-psi-rhel7-xlarge-xmem-1527 was marked offline: Connection "
                + "was broken: java.io.EOFException");
        ROUND.reads(id, "ci.runner", "Caused: java.io.IOException: Backing channel 'JNLP4-connect connection from "
                + "8a.04.30a9.ip4.static.sl-reverse.com/169.48.4.138:63622' is disconnected.");
        ROUND.readsNot(id, "Slack channel #deploys is disconnected from the bot");
    }

    /**
     * A Jenkins agent lost in the middle of a build, after which the pipeline's timeout fired (the story of
     * eclipse-openj9/openj9#13133 with another agent): the runner, not the time limit.
     */
    @Test
    void aTimeLimitAfterTheRunnerWasLostIsTheRunner() throws IOException {
        Assessment a = Fleet.twoDeploysFailWith("""
                01:15:33  [ 34%] Linking C shared library ../../libtrace.so
                01:15:33  Cannot contact linux-x64-07: hudson.remoting.RequestAbortedException: java.io.IOException: \
                Unexpected termination of the channel
                06:09:16  Cancelling nested steps due to timeout
                06:09:16  Could not connect to linux-x64-07 to send interrupt signal to process
                Finished: FAILURE
                """);
        assertEquals("ci.runner", a.causes().get(0).id().value(), a.causes().toString());
        assertTrue(a.causes().stream().anyMatch(c -> c.evidence().stream()
                .anyMatch(e -> "ci.timeout/runner-lost-first".equals(e.ruleId()))), a.causes().toString());
    }

    /**
     * Railway's health-check attempts the app answered "service unavailable" (the shape of medusajs/medusa#4824) are
     * the app failing its health check, not a registry answering 503 after the image was pushed.
     */
    @Test
    void aHealthCheckAttemptAnsweredUnavailableIsNotTheRegistry() throws IOException {
        Assessment a = Fleet.twoDeploysFailWith("""
                Pushed  3c9a81d07e2b
                Publish time: 21.40 seconds
                Starting Healthcheck
                Path: /api/health
                Attempt #1 failed with service unavailable. Continuing to retry for 1m39s
                Attempt #2 failed with service unavailable. Continuing to retry for 1m28s
                1/1 replicas never became healthy!
                Healthcheck failed!
                """);
        assertEquals("app.healthcheck-failing", a.causes().get(0).id().value(), a.causes().toString());
        // a registry's own 503 after a push is still the registry
        Assessment registry = Fleet.twoDeploysFailWith("""
                The push refers to repository [registry.example.dev/acme/api]
                received unexpected HTTP status: 503 Service Unavailable
                """);
        assertEquals("registry.unavailable", registry.causes().get(0).id().value(), registry.causes().toString());
    }

    /**
     * A tag the repository does not have, in the daemon's older words as kubelet and Ansible quote them (a Kubernetes
     * walkthrough, a Fabric chaincode build log, a Kolla deploy note) is an image that was not found; a tag that is
     * found, or a repository denied, is not read.
     */
    @Test
    void aTagNotFoundInTheRepositoryIsAnImageNotFound() throws IOException {
        String id = "image.manifest-not-found";
        ROUND.reads(id, "image.not-found", "Warning  Failed  6m (x4 over 10m)  kubelet, localhost  Failed to pull image "
                + "\"couchdb:whisky\": rpc error: code = Unknown desc = Tag whisky not found in repository "
                + "docker.io/library/couchdb");
        ROUND.reads(id, "image.not-found", "14:10:16.370 [dockercontroller] deployImage -> ERRO 01f Error building images: Tag "
                + "latest not found in repository docker.io/hyperledger/fabric-baseimage");
        ROUND.reads(id, "image.not-found", "fatal: [localhost]: FAILED! => {\"changed\": false, \"failed\": true, \"msg\": "
                + "\"Unknown error message: Tag 4.0.1 not found in repository docker.io/kolla/ubuntu-binary-kolla-toolbox\"}");
        ROUND.readsNot(id, "Tag 4.0.1 found in repository docker.io/kolla/ubuntu-binary-kolla-toolbox, pulling");
    }

    /**
     * A certificate that still works but expires within the service's minimum (14 days by default) leads as the TLS
     * certificate, the more so with a failed expectation on it; one far from expiry argues against it.
     */
    @Test
    void aCertificateThatExpiresSoonIsTheCertificate() {
        Assessment soon = Fleet.healthyReferenceWith(Fleet.tls("dashboard", 4), Fleet.tls("jobs", 61), new Observation.ConditionCheck("dashboard",
                Source.HTTP, "[CERTIFICATE_EXPIRATION] > 336h", false, "96h"));
        assertEquals("tls.certificate", soon.causes().get(0).id().value(), soon.causes().toString());
        assertTrue(soon.causes().get(0).evidence().stream().anyMatch(e -> e.ruleId().equals(
                "tls.certificate/certificate-condition-failed")), soon.causes().toString());
        Assessment far = Fleet.healthyReferenceWith(Fleet.tls("dashboard", 61), Fleet.tls("jobs", 61));
        assertTrue(far.causes().stream().noneMatch(c -> c.id().value().equals("tls.certificate")
                && c.probability() > 0.1), far.causes().toString());
    }

    /**
     * The Fly Machines API's refusals in their own words: a 400 naming an invalid argument and its range
     * (OpenRouterLabs/spawn#1619) is the configuration; a 401 whose answer refuses the token is the deploy token; a 429
     * is the account's rate (superfly/docs#1630), not the platform down.
     */
    @Test
    void theMachinesApisRefusalsNameTheirCauses() {
        Assessment invalid = Fleet.healthyReferenceWith(Fleet.failure("jobs", "fly", FailureKind.UNEXPECTED_STATUS, 400,
                "{\"error\":\"invalid_argument: WaitMachineRequest.Timeout: value must be inside range [1s, 1m0s]\"}"));
        assertTrue(invalid.causes().stream().anyMatch(c -> c.id().value().equals("config.invalid") && c.evidence()
                .stream().anyMatch(e -> e.ruleId().equals("config.invalid/api-400-invalid-argument"))),
                invalid.causes().toString());
        Assessment token = Fleet.healthyReferenceWith(Fleet.failure("jobs", "fly", FailureKind.UNEXPECTED_STATUS, 401,
                "{\"error\":\"Authenticate: token validation error\"}"));
        assertEquals("auth.deploy-token", token.causes().get(0).id().value(), token.causes().toString());
        Assessment throttled = Fleet.healthyReferenceWith(Fleet.failure("jobs", "fly", FailureKind.RATE_LIMITED, 429,
                "{\"error\":\"rate limit exceeded\"}"));
        assertEquals("platform.quota", throttled.causes().get(0).id().value(), throttled.causes().toString());
        // a 400 that names no argument is not read as the configuration
        Assessment bare = Fleet.healthyReferenceWith(Fleet.failure("jobs", "fly", FailureKind.UNEXPECTED_STATUS, 400, "{}"));
        assertTrue(bare.causes().stream().noneMatch(c -> c.evidence().stream()
                .anyMatch(e -> e.ruleId().equals("config.invalid/api-400-invalid-argument"))), bare.causes().toString());
    }

    /**
     * A platform API's rate limit in the deploy CLIs' words (zeit/now#1514, vercel/vercel#1563; the Fly create limit
     * superfly/flyctl#3961 links) is the account's quota; a registry's pull limit is not read, and a Machines API 429
     * in a log is not the registry.
     */
    @Test
    void aPlatformApisRateLimitIsTheAccountsQuota() throws IOException {
        String id = "platform.api-rate-limit-generic";
        ROUND.reads(id, "> Error! An unexpected error occurred in deploy: Error: Rate limit exceeded (429)");
        ROUND.reads(id, "Error: failed to create green machines: failed to launch VM: resource exhausted: rate limit exceeded");
        ROUND.reads(id, "{\"error\":\"rate limit exceeded\"}");
        ROUND.readsNot(id, "toomanyrequests: You have reached your pull rate limit. You may increase the limit by "
                + "authenticating and upgrading: https://www.docker.com/increase-rate-limit");
        ROUND.readsNot(id, "{\"message\":\"API rate limit exceeded for installation ID 4242.\"}");
        Assessment a = Fleet.twoDeploysFailWith("""
                POST /v1/apps/jobs-worker/machines/2873519a590369 -> 200
                POST /v1/apps/jobs-worker/machines/7849201c945949 -> 429 Too Many Requests
                aborting: 21 machines left on the previous config
                """);
        assertTrue(!a.causes().get(0).id().value().equals("registry.unavailable") && a.causes().stream()
                .noneMatch(c -> c.id().value().equals("registry.unavailable") && c.probability() > 0.3), a.causes().toString());
    }

    /**
     * Exit code 137 after "The runner has received a shutdown signal" (flathub-infra/vorarbeiter#51's story with
     * another build) is the runner killing the step, not memory; exit 137 alone still reads as memory.
     */
    @Test
    void anExit137AfterTheRunnerShutDownIsTheRunner() throws IOException {
        Assessment a = Fleet.twoDeploysFailWith("""
                #14 [build 4/6] RUN flatpak-builder --repo=repo build org.example.App.json
                line 18:  2752 Killed                  docker run --rm ghcr.io/example/builder:latest /bin/bash -c build
                ##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped,                 or a manually started runner is canceled.
                ##[error]Process completed with exit code 137.
                """);
        assertEquals("ci.runner", a.causes().get(0).id().value(), a.causes().toString());
        Assessment alone = Fleet.twoDeploysFailWith("""
                line 18:  2752 Killed                  docker run --rm ghcr.io/example/builder:latest /bin/bash -c build
                ##[error]Process completed with exit code 137.
                """);
        assertEquals("app.oom", alone.causes().get(0).id().value(), alone.causes().toString());
    }

    /**
     * BuildKit's "failed to compute cache key" names a missing context path in the general case (the quoted path, "not
     * found"); its own cache-state error "unlazy requires an applier" (fixed by a prune, the story of p16-42's source)
     * names no path and is not read as a missing COPY source.
     */
    @Test
    void aCacheKeyErrorWithoutAMissingPathIsNotAMissingCopySource() throws IOException {
        String id = "buildkit.cache-key-not-found";
        ROUND.reads(id, "build.dockerfile", "#10 ERROR: failed to compute cache key: \"/tsconfig.json\": not found");
        ROUND.reads(id, "build.dockerfile", "#9 ERROR: failed to compute cache key: \"B/package.jar\" not found: not found");
        ROUND.reads(id, "build.dockerfile", "ERROR: failed to solve: failed to compute cache key: failed to calculate checksum "
                + "of ref 3a1d::mx7: \"/config/jobs.yaml\": not found");
        ROUND.readsNot(id, "ERROR: failed to solve: failed to compute cache key: unlazy requires an applier");
    }

    @Test
    void noNewPatternReadsALineOfTheSharedCorpus() throws IOException {
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    @Test
    void onTheLabelledScenariosEachNewPatternReadsOnlyLinesOfItsOwnCause() throws IOException {
        Set<String> seen = new java.util.TreeSet<>();
        List<String> wrong = new java.util.ArrayList<>(Fleet.findingsOfOtherCauses(CAUSE_OF, seen));
        // h35-32 (consumed in session 18): a deploy script saying its token variable is unset before it falls back to
        // an OIDC token the CLI then refuses, labelled auth.deploy-token; the unset variable is read as what it says
        wrong.removeIf(w -> w.startsWith("h35-32-auth-deploy-token-vercel-token-contents-invalid-oidc env.variable-empty-generic:"));
        // p187-19 (tuning, session 40): the wait for the staging deployment ran out (ci.timeout), so the URL it was to
        // give stayed empty and the tests were skipped; the empty variable is the timeout's consequence
        wrong.removeIf(w -> w.startsWith("p187-19-ci-timeout-wait-for-vercel-staging-max-timeout-1200-tests-skipped env.variable-empty-generic:"));
        assertEquals(List.of(), wrong);
        // gcloud's 'completed with status "TIMEOUT"' was in no scenario until p31- (Cloud Build's TIMEOUT via Jenkins)
        assertEquals(new java.util.TreeSet<>(CAUSE_OF.keySet()), seen, "every new pattern reads some scenario");
    }
}
