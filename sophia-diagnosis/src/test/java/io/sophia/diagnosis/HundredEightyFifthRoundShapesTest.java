package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-seventh session's rule writer r47-h163, each in its tool's own words: its round on the
 * tuning sets h163- (Rails and PHP apps in deploy) and h164- (databases, caches and search as dependencies). BuildKit's
 * token service refusing a push ("authorization status: 401: authorization failed", docker/build-push-action#556 and
 * #423, docker/buildx#988); Convox's rack without room for a build ("not enough memory available to start process",
 * convox/rack#1272); deploy CLIs without an accepted login (laravel/vapor-cli src/ConsoleVaporClient.php, "Please
 * authenticate with Vapor using the \"login\" command."; planetscale/cli#425, "not authenticated yet. Please run 'pscale
 * auth login'"); Laravel's encrypter refusing a malformed APP_KEY ("Unsupported cipher or incorrect key length",
 * alexjustesen/speedtest-tracker#2084, OpnForm/OpnForm#549); a plain Redis client given a cluster's MOVED
 * (shm-open/code-push-server#240); PDO's Windows refusal ("[2002] No connection could be made because the target machine
 * actively refused it", lemberg/connfa-integration-server#28); Deployer's stale deploy lock ("Execute \"dep
 * deploy:unlock ...\" to unlock.", deployphp/deployer#3335); PHP dying on a class the image lacks ("Class 'Redis' not
 * found", laravel/horizon#595); Prisma 2's engine download answered 404 ("Error: Not Found https://binaries.prisma.sh/...",
 * prisma/orm#10929). And Buildkite's agent-stopped line ("Exited with status 255 (after intercepting the agent's
 * termination signal ...)", rails/buildkite-config#124) no longer read as an app's exit (paas.process-exited). Each test
 * fails before its change.
 */
class HundredEightyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("buildkit.authorization-status-refused", "registry.auth"),
            Map.entry("convox.not-enough-memory-to-start-process", "platform.capacity"),
            Map.entry("cli.not-authenticated-run-login", "auth.deploy-token"),
            Map.entry("laravel.unsupported-cipher-or-key-length", "config.invalid"),
            Map.entry("redis.moved-redirection-unfollowed", "config.invalid"),
            Map.entry("php-mysql.windows-connection-actively-refused", "dependency.down"),
            Map.entry("deployer.deploy-locked", "ci.cancelled"),
            Map.entry("php.uncaught-class-not-found", "app.crash-on-boot"),
            Map.entry("prisma.engine-download-status-text", "build.dependency-fetch"),
            Map.entry("postgres.password-refused-logged", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("buildkit.authorization-status-refused", "#7 ERROR: authorization status: 401: authorization failed");
        ROUND.reads("buildkit.authorization-status-refused", "Error: buildx failed with: error: failed to solve: authorization status: 401: authorization failed");
        ROUND.readsNot("buildkit.authorization-status-refused", "#7 pushing layers 0.5s done");
        ROUND.reads("convox.not-enough-memory-to-start-process", "Starting build... ERROR: not enough memory available to start process");
        ROUND.readsNot("convox.not-enough-memory-to-start-process", "Not enough memory to handle 4096 prefill tokens.");
        ROUND.reads("cli.not-authenticated-run-login", "Please authenticate with Vapor using the \"login\" command.");
        ROUND.reads("cli.not-authenticated-run-login", "Please authenticate using the 'login' command before proceeding.");
        ROUND.reads("cli.not-authenticated-run-login", "Error: not authenticated yet. Please run 'pscale auth login' or create a service token with 'pscale service-token create'");
        ROUND.readsNot("cli.not-authenticated-run-login", "Authenticated as deploy@tintagel.example, using the token from VAPOR_API_TOKEN.");
        ROUND.reads("laravel.unsupported-cipher-or-key-length", "[2026-12-18 15:18:40] production.ERROR: Unsupported cipher or incorrect key length. Supported ciphers are: aes-128-cbc, aes-256-cbc, aes-128-gcm, aes-256-gcm.");
        ROUND.readsNot("laravel.unsupported-cipher-or-key-length", "RuntimeException: The only supported ciphers are AES-128-CBC and AES-256-CBC with the correct key lengths.");
        ROUND.reads("redis.moved-redirection-unfollowed", "level=error, time=2026-12-15 10:58:14.608, msg=MOVED 5285 10.40.1.42:6379, path=/auth/login, method=POST, name=ReplyError, stack=ReplyError: MOVED 5285 10.40.1.42:6379");
        ROUND.reads("redis.moved-redirection-unfollowed", "redis.exceptions.ResponseError: MOVED 7365 10.0.1.2:6379");
        ROUND.readsNot("redis.moved-redirection-unfollowed", "The file was moved to 10.40.1.42:6379 by the operator");
        ROUND.reads("php-mysql.windows-connection-actively-refused", "  SQLSTATE[HY000] [2002] No connection could be made because the target machine actively refused it.");
        ROUND.readsNot("php-mysql.windows-connection-actively-refused", "  SQLSTATE[HY000] [1045] Access denied for user 'forge'@'localhost' (using password: YES)");
        ROUND.reads("deployer.deploy-locked", "    Execute \"dep deploy:unlock shop.trevose.example\" to unlock.");
        ROUND.reads("deployer.deploy-locked", "Execute \"deploy:unlock\" task to unlock.");
        ROUND.readsNot("deployer.deploy-locked", "➤ Executing task deploy:unlock");
        ROUND.reads("php.uncaught-class-not-found", "production.ERROR: Class 'Redis' not found {\"exception\":\"[object] (Error(code: 0): Class 'Redis' not found at /var/www/html/vendor/laravel/framework/src/Illuminate/Redis/Connectors/PhpRedisConnector.php:79)\"}");
        ROUND.reads("php.uncaught-class-not-found", "PHP Fatal error:  Uncaught Error: Class \"Redis\" not found in /var/www/html/vendor/laravel/framework/src/Illuminate/Redis/Connectors/PhpRedisConnector.php:79");
        ROUND.readsNot("php.uncaught-class-not-found", "  Class \"Laravel\\Horizon\\HorizonServiceProvider\" not found");
        ROUND.reads("prisma.engine-download-status-text", "#11 2.904 Error: Not Found https://binaries.prisma.sh/all_commits/e6c9b4b2b7fa162d0d459d1863321f547498fcfe/debian-openssl-1.1.x/query-engine.gz");
        ROUND.readsNot("prisma.engine-download-status-text", "#11 2.215 > Downloading Prisma engines for debian-openssl-1.1.x [                    ] 0%");
        ROUND.reads("postgres.password-refused-logged", "app[web.1]: [2026-12-21T11:58:02.313Z] error error: password authentication failed for user \"u9a1fke3lb0q2r\"");
        ROUND.readsNot("postgres.password-refused-logged", "expect(err.message).toContain('password authentication failed for user')");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. Three
     * read no scenario's log: their lines are in looks at a service's own log (h163-23's "docker logs", h164-02's "pm2
     * logs", h164-44's "heroku logs"), which the leadWith tests below cover.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("laravel.unsupported-cipher-or-key-length", "redis.moved-redirection-unfollowed",
                "postgres.password-refused-logged")).staysInItsCauses();
    }

    /** Each fixed h163- and h164- miss now led by its label (unknown or another cause led before). */
    @Test
    void theRailsPhpAndDatastoreMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h163-05-registry-auth-build-push-docker-hub-authorization-status-401-after-login", "registry.auth"),
                Map.entry("h163-13-platform-capacity-convox-rails-deploy-not-enough-memory-to-start-build", "platform.capacity"),
                Map.entry("h163-18-auth-deploy-token-vapor-deploy-401-please-authenticate-revoked-token", "auth.deploy-token"),
                Map.entry("h163-26-app-crash-on-boot-fly-horizon-worker-class-redis-not-found-phpredis-missing", "app.crash-on-boot"),
                Map.entry("h163-37-dependency-down-windows-artisan-migrate-pdo-2002-target-machine-actively-refused", "dependency.down"),
                Map.entry("h164-02-config-invalid-code-push-server-redis-cluster-moved-login-500", "config.invalid"),
                Map.entry("h164-26-build-dependency-fetch-prisma-engines-download-404-binaries-docker-build", "build.dependency-fetch"),
                Map.entry("h164-29-auth-deploy-token-pscale-deploy-request-not-authenticated-service-token-unset", "auth.deploy-token")));
    }

    /**
     * paas.process-exited no longer reads Buildkite's agent-stopped line, "Exited with status 255 (after intercepting the
     * agent's termination signal, sent because the agent was stopped)" (rails/buildkite-config#124): the agent's exit, not
     * the app's. Before, app.crash-on-boot led h163-44 at 0.70 on the same line.
     */
    @Test
    void anAgentStoppedUnderTheJobIsNoAppExit() throws IOException {
        ROUND.readsNot("paas.process-exited", "Exited with status 255 (after intercepting the agent’s termination signal, sent because the agent was stopped)");
        ROUND.reads("paas.process-exited", "app.crash-on-boot", "heroku[web.1]: Process exited with status 1");
        ShapeRound.leadWith(Map.of(
                "h163-44-ci-runner-buildkite-agent-stopped-exit-255-rails-deploy-step", "ci.runner"));
    }

    /**
     * A look at the service's own log filed by a log source as a server error without a status ("docker logs x", "fly
     * logs -a x") is read as the record of the failure, as a host's look is (Facts.failureOnRecord), while the service
     * does not answer. Before, Laravel's "Unsupported cipher or incorrect key length" under every 500
     * (alexjustesen/speedtest-tracker#2084) was not read and unknown led h163-23 at 0.49; a service that answers keeps its
     * log's passing troubles unread (p167-39: gunicorn's "Perhaps out of memory?" on one slow download, label unknown).
     */
    @Test
    void aLookAtTheLogOfAServiceThatFailsReadsItsOwnWords() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h163-23-config-invalid-laravel-app-key-extra-characters-unsupported-cipher", "config.invalid",
                "p167-39-unknown-gunicorn-worker-timeout-zip-stream-perhaps-out-of-memory-healthy", "unknown"));
    }

    /**
     * platform.outage/status-api-system-incident-text and status-page-open-incident-update: a provider's status read as
     * text, a system at yellow with its incident named (Heroku incident 2105, git push answered 401), and an unresolved
     * incident's update "- Identified: We have a bug in the API" (superfly/flyctl#2367). Before, unknown led both. A
     * probe's own lower-case summary "— investigating: ..." of a Packages incident stays the registry's (h154-07).
     */
    @Test
    void aStatusPageNamingAnOpenIncidentInTextLeads() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h163-15-platform-outage-heroku-git-push-401-incident-two-apps", "platform.outage",
                "h164-17-platform-outage-fly-api-limitedaccesstokens-field-pg-attach-every-app", "platform.outage",
                "h154-07-registry-unavailable-ghcr-login-fails-during-github-incident", "registry.unavailable"));
    }

    /**
     * dependency.down/root-image-never-pulled and root-answers-but-refuses-login: a DOWN store whose host look shows its
     * image never pulled (opentargets/issues#736: "Get https://docker.elastic.co/v2/: net/http: request canceled while
     * waiting for connection"), and a store that answers at its address while its log refuses its clients' password
     * (cardano-foundation/cardano-graphql#789): the chain of its dependents follows that cause. Before, dependency.down
     * led h164-21 at 0.72 and h164-43 at 0.60; and a Strapi log's "error error: password authentication failed" under
     * Heroku's H10 (STEM-C/CaSMM#130) was read as a crash, which led h164-44 at 0.90.
     */
    @Test
    void aStoreDownForACauseOfItsOwnIsThatCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h164-21-registry-unavailable-docker-elastic-co-request-canceled-startup-script", "registry.unavailable",
                "h164-43-config-invalid-cardano-graphql-postgres-password-does-not-match", "config.invalid",
                "h164-44-config-invalid-heroku-maintenance-rotated-credentials-hardcoded-database-url", "config.invalid"));
    }

    /**
     * ci.cancelled/lock-left-by-interrupted-run-in-log: a deploy lock an earlier, interrupted run left behind, Deployer's
     * "Execute \"dep deploy:unlock ...\" to unlock." (deployphp/deployer#3335) and Helm's "another operation
     * (install/upgrade/rollback) is in progress" (helm.release-locked, which no rule weighed before). Before, unknown led
     * each at 0.49 to 0.50.
     */
    @Test
    void aLockLeftByAnInterruptedRunIsItsCancel() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h163-39-ci-cancelled-deployer-stale-lock-after-cancelled-run-deploy-locked", "ci.cancelled",
                "p49-23-ci-cancelled-helm-upgrade-pending-after-cancelled-run", "ci.cancelled",
                "p31-35-ci-cancelled-helm-upgrade-another-operation-in-progress-after-cancelled-run", "ci.cancelled",
                "p59-36-ci-cancelled-helm-another-operation-after-cancelled-run", "ci.cancelled",
                "p82-37-ci-cancelled-helm-another-operation-after-cancelled-deploy", "ci.cancelled",
                "h157-39-ci-cancelled-previous-run-cancelled-helm-release-pending-upgrade-blocks-next", "ci.cancelled"));
    }
}
