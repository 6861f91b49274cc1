package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of h24- to h27- (session 16, consumed after their blind score), each in its tool's
 * own words: ECS unable to pull a task's image that is not there, App Service's start script missing a command,
 * Woodpecker cancelling a step (and the 137 it reports), the kubelet restarting a container for its probe (and the
 * back-off that follows), a test's expectation quoting an error, Fly suspending an app or asking for an organization,
 * npm rate-limited by its registry, a platform CLI without its token; and two general shapes widened (AKS's capacity
 * code, libpq's "connection to server at localhost ... refused"). Each is tested on its source's words and a near miss;
 * each new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class ThirtyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("ecs.cannot-pull-image-not-found", "image.not-found"),
            Map.entry("appservice.startup-command-not-found", "app.crash-on-boot"),
            Map.entry("woodpecker.step-canceled", "ci.cancelled"),
            Map.entry("k8s.probe-restart", "app.healthcheck-failing"),
            Map.entry("test.expectation-quoted", "ci.test-failure"),
            Map.entry("fly.app-suspended", "platform.quota"),
            Map.entry("fly.org-slug-required", "config.invalid"),
            Map.entry("npm.too-many-requests", "build.dependency-fetch"),
            Map.entry("cli.access-token-required", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void imagesStartsAndCancelsInTheirOwnWords() throws IOException {
        ROUND.reads("ecs.cannot-pull-image-not-found", "Task 0d93e6a1 stopped: Status reason CannotPullContainerError: "
                + "Error: image orbit:9ce7d67bf402b337a75c8acf49c11881be2f16bd not found");
        ROUND.reads("ecs.cannot-pull-image-not-found", "     \"reason\": \"CannotPullContainerError: Error: image "
                + "example/reports-worker not found\"");
        ROUND.reads("ecs.cannot-pull-image-not-found", "CannotPullContainerError: ref pull has been retried 1 time(s): "
                + "failed to resolve reference \"docker.io/acme/api:v2\": docker.io/acme/api:v2: not found");
        ROUND.readsNot("ecs.cannot-pull-image-not-found", "CannotPullContainerError: Error response from daemon: pull "
                + "access denied for orbit, repository does not exist or may require 'docker login'");
        ROUND.reads("appservice.startup-command-not-found", "2026-11-27T09:04:20.913Z /opt/startup/startup.sh: 29: "
                + "/opt/startup/startup.sh: pm2: not found");
        ROUND.reads("appservice.startup-command-not-found", "/opt/startup/startup.sh: line 12: gunicorn: command not found");
        ROUND.readsNot("appservice.startup-command-not-found", "Writing output script to '/opt/startup/startup.sh'");
        ROUND.reads("woodpecker.step-canceled", "Step canceled");
        ROUND.readsNot("woodpecker.step-canceled", "Step cancel requested by admin, waiting");
        ROUND.reads("k8s.probe-restart", "  Normal   Killing    6m42s (x3 over 9m20s)   kubelet  Container studio-user-otp "
                + "failed liveness probe, will be restarted");
        ROUND.readsNot("k8s.probe-restart", "  Normal   Killing    12s   kubelet  Stopping container web");
    }

    @Test
    void testsAccountsAndTokensInTheirOwnWords() throws IOException {
        ROUND.reads("test.expectation-quoted", "     Error: Expected 'getaddrinfo EAI_AGAIN base' to contain 'password "
                + "authentication failed for user'.");
        ROUND.reads("test.expectation-quoted", "AssertionError: expected 'ECONNREFUSED' to equal 'ok'");
        ROUND.readsNot("test.expectation-quoted", "src/db.ts(12,5): error TS2554: Expected 2 arguments, but got 1.");
        ROUND.readsNot("test.expectation-quoted", "Expected 'admin' to equal 'guest'.");
        ROUND.reads("fly.app-suspended", "Error: App  is currently suspended. Resume before deploying.");
        ROUND.readsNot("fly.app-suspended", "Machine 148ed6e1f7d248 is suspended (auto-stop)");
        ROUND.reads("fly.org-slug-required", "Error: org slug must be specified when not running interactively");
        ROUND.readsNot("fly.org-slug-required", "? Select Organization: Acme (acme)");
        ROUND.reads("npm.too-many-requests", "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/firebase-tools");
        ROUND.reads("npm.too-many-requests", "npm ERR! code E429");
        ROUND.readsNot("npm.too-many-requests", "npm ERR! 404 Not Found - GET https://registry.npmjs.org/firebase-toolz");
        ROUND.reads("cli.access-token-required", "Error: unable to initialize DigitalOcean api client: access token is "
                + "required. (hint: run 'doctl auth init')");
        ROUND.readsNot("cli.access-token-required", "Access token is required for private repositories; using anonymous");
        // buildx's warning that it skips the cache export is not the refusal it prints as an error
        ROUND.readsNot("buildx.driver-unsupported", "WARNING: cache export is not supported for the docker driver, use "
                + "--builder with a docker-container driver");
        ROUND.reads("buildx.driver-unsupported", "config.invalid", "ERROR: cache export feature is currently not supported "
                + "for docker driver. Please switch to a different driver (eg. \"docker buildx create --use\")");
        // widened general shapes: AKS's capacity code, libpq's refusal on localhost
        ROUND.reads("platform.no-room-generic", "platform.capacity", "ERROR: (AKSCapacityError)");
        ROUND.reads("config.local-default-database", "config.missing-secret", "Error checking for due jobs: "
                + "(psycopg2.OperationalError) connection to server at \"localhost\" (::1), port 5432 failed: Connection "
                + "refused");
        ROUND.reads("config.local-default-database", "config.missing-secret", "{\"event\": \"Error checking for due "
                + "jobs: (psycopg2.OperationalError) connection to server at \\\"localhost\\\" (::1), port 5432 failed: "
                + "Connection refused\", \"level\": \"error\"}");
        ROUND.readsNot("config.local-default-database", "connection to server at \"db.internal\" (10.0.0.4), port 5432 "
                + "failed: Connection refused");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p25-40: Woodpecker stops a step at the repository's time limit with the same "Step cancelled" it prints for a
        // cancel; the limit is the cause, the cancel its consequence
        // p137-11 (tuning, session 29): a liveness probe that hangs on an unreachable Mongo restarts the container;
        // labelled dependency.down, the restart is its consequence
        ROUND.staysInItsCauses("p25-40 woodpecker.step-canceled", "p137-11 k8s.probe-restart");
    }
}
