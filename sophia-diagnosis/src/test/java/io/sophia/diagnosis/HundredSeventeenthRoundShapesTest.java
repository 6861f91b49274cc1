package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-eighth session's rule writer rules38-p172, each in its tool's own words: its round on
 * p172- (PHP services: Laravel, Symfony, WordPress, Composer in CI and Docker, PHP-FPM behind nginx, Forge, Vapor,
 * Platform.sh, Heroku). Composer refused by a VCS host ("Could not authenticate against github.com") and out of the
 * GitHub API quota ("please create a GitHub OAuth token to go over the API rate limit"), a download failing whatever step
 * wraps it; Heroku's PHP buildpack offering no runtime of the version the app pins (a constraint, not a download: the
 * "could not be resolved" beside it is weighed down); Laravel's route cache refusing a closure route; nginx passing PHP
 * to a versioned FPM socket that is not there (a version mismatch) or to a socket whose backlog is full (the server does
 * not keep up); Vapor's own deployment job giving up; a Platform.sh build container out of its build disk (the
 * platform's limit, not the runner's disk). Each indication is tested on its source's words and a near miss (the first
 * pair is indication-cases.tsv's row); the round reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause. The knowledge-base rules are tested on the scenarios of their sources and a near miss each.
 */
class HundredSeventeenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules38-p172 (p172-: PHP services)
            Map.entry("composer.could-not-authenticate-against-host", "build.dependency-fetch"),
            Map.entry("composer.github-api-rate-limit", "build.dependency-fetch"),
            Map.entry("paas.php-runtime-version-not-offered", "config.invalid"),
            Map.entry("laravel.route-not-serializable", "config.invalid"),
            Map.entry("nginx.versioned-fpm-socket-missing", "config.invalid"),
            Map.entry("nginx.upstream-socket-backlog-full", "app.healthcheck-failing"),
            Map.entry("vapor.deployment-job-gave-up", "platform.outage"),
            Map.entry("platformsh.build-container-disk-full", "platform.quota"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("composer.could-not-authenticate-against-host", "  Could not authenticate against github.com");
        ROUND.readsNot("composer.could-not-authenticate-against-host", "  Could not authenticate against the configured LDAP server");
        ROUND.reads("composer.could-not-authenticate-against-host", "[2016-05-05 13:00:22] production.ERROR: Composer\\Downloader\\TransportException: Could not authenticate against github.com in /home/forge/site/releases/20160505114805/vendor/composer/composer/src/Composer/Util/RemoteFilesystem.php:556");
        ROUND.readsNot("composer.could-not-authenticate-against-host", "fatal: Authentication failed for 'https://github.com/larkhill/shop.git/'"); // auth.deploy-token's
        ROUND.reads("composer.github-api-rate-limit", "    Failed to download onoi/event-dispatcher from dist: Could not fetch https://api.github.com/repos/onoi/event-dispatcher/zipball/2ab39c0, please create a GitHub OAuth token to go over the API rate limit");
        ROUND.readsNot("composer.github-api-rate-limit", "Error: API rate limit exceeded for installation ID 41234. (GitHub Actions)");
        ROUND.reads("composer.github-api-rate-limit", "Could not fetch https://api.github.com/repos/Seldaek/jsonlint/zipball/1.0.0, enter your GitHub credentials to go over the API rate limit");
        ROUND.readsNot("composer.github-api-rate-limit", "Error: Your account reached the API rate limit"); // platform.quota's (Heroku)
        ROUND.reads("paas.php-runtime-version-not-offered", "remote:  !     >     - composer.json/composer.lock requires php ~7.2.0 -> no matching package found.");
        ROUND.readsNot("paas.php-runtime-version-not-offered", "remote:  !     >     - The requested package composer-plugin-api could not be found in any version, there may be a typo in the package name.");
        ROUND.reads("paas.php-runtime-version-not-offered", "remote:  !     For reference, the following runtimes are currently available:");
        ROUND.readsNot("paas.php-runtime-version-not-offered", "    - Root composer.json requires php ^8.1 but your php version (8.0.2) does not satisfy that requirement.");
        ROUND.reads("laravel.route-not-serializable", "  Unable to prepare route [eloquent_sheets_forget/{id?}] for serialization. Uses Closure.");
        ROUND.readsNot("laravel.route-not-serializable", "  Unable to prepare statement for execution: SQLSTATE[HY000] General error");
        ROUND.reads("laravel.route-not-serializable", "In Route.php line 880: Unable to prepare route [api/user] for serialization. Uses Closure.");
        ROUND.readsNot("laravel.route-not-serializable", "  Unable to prepare route [api/user]: the route cache file is not writable");
        ROUND.reads("nginx.versioned-fpm-socket-missing", "2026/12/07 10:28:48 [crit] 19673#19673: *4 connect() to unix:/var/run/php7.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 10.0.4.1");
        ROUND.readsNot("nginx.versioned-fpm-socket-missing", "2019/05/02 10:00:01 [crit] 812#812: *3 connect() to unix:/run/gunicorn.sock failed (2: No such file or directory) while connecting to upstream, client: 10.0.0.5"); // the server not running
        ROUND.reads("nginx.versioned-fpm-socket-missing", "2020/03/13 23:21:11 [crit] 7111#7111: *10 connect() to unix:/var/run/php/php7.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: blog.app");
        ROUND.readsNot("nginx.versioned-fpm-socket-missing", "2019/03/16 13:17:16 [crit] 1103#1103: *1 connect() to unix:/var/run/php/php7.0-fpm.sock failed (13: Permission denied) while connecting to upstream");
        ROUND.reads("nginx.upstream-socket-backlog-full", "2017/05/10 06:50:00 [error] 23#23: *423240 connect() to unix:/var/run/php-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: 172.18.0.1");
        ROUND.readsNot("nginx.upstream-socket-backlog-full", "2017/05/10 06:50:00 [error] 23#23: *423240 connect() to unix:/var/run/php-fpm.sock failed (111: Connection refused) while connecting to upstream, client: 172.18.0.1");
        ROUND.reads("nginx.upstream-socket-backlog-full", "2016/05/09 14:53:03 [error] 26837#0: *1564600 connect() to unix:/var/run/php5-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: 99.236.212.113");
        ROUND.readsNot("nginx.upstream-socket-backlog-full", "Runner connect error: Resource temporarily unavailable. Retrying until reconnected."); // ci.runner's
        ROUND.reads("vapor.deployment-job-gave-up", "An error occurred during deployment.\n\nMessage: App\\Jobs\\RunDeploymentHooks has been attempted too many times or run too long. The job may have previously timed out.");
        ROUND.readsNot("vapor.deployment-job-gave-up", "[2026-12-07 15:20:00] production.ERROR: App\\Jobs\\SendInvoice has been attempted too many times or run too long. The job may have previously timed out.");
        ROUND.reads("vapor.deployment-job-gave-up", "An error occurred during deployment.\nMessage: App\\Jobs\\EnsureDnsRecordsExist has been attempted too many times or run too long. The job may have previously timed out.");
        ROUND.readsNot("vapor.deployment-job-gave-up", "An error occurred during deployment.\n\nMessage: Deployment hook failed.\n\nA deployment hook failed. You may review its logs using the hook:log command.");
        ROUND.reads("platformsh.build-container-disk-full", "  Building application 'app' (runtime type: php:8.2, tree: 4f1d8c2)\n    Executing build hook...\n      W: [Errno 28] No space left on device: '/app/node_modules/.cache/0.pack'");
        ROUND.readsNot("platformsh.build-container-disk-full", "  Building application 'app' (runtime type: php:8.2, tree: 4f1d8c2)\n    Executing build hook...\n      W: npm ERR! code ENOTFOUND");
        ROUND.reads("platformsh.build-container-disk-full", "Building application 'drupal' (runtime type: php:8.1, tree: 9a0c1e2)\n  Running composer install\n  W: tar: ./web/sites/default/files: Cannot write: No space left on device");
        ROUND.readsNot("platformsh.build-container-disk-full", "Step 3/9 : RUN composer install\nwrite /var/lib/docker/tmp/GetImageBlob123: no space left on device"); // the runner's
    }

    /**
     * No corpus line is read by the round. The two nginx shapes read no labelled scenario's log: their sources (p172-09,
     * p172-16) carry the words in a 502 answer's detail, which the probe-detail rule reads (tested below).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("nginx.versioned-fpm-socket-missing", "nginx.upstream-socket-backlog-full"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** nginx's words with a 502 answer name the PHP-FPM socket's trouble: a version mismatch, a full backlog. */
    @Test
    void nginxsWordsWithA502NameTheSocketsTrouble() throws IOException {
        Assessment mismatch = Fleet.scenario("p172-09-config-invalid-nginx-upstream-php72-sock-only-php70-installed");
        assertTrue(Fleet.weighs(mismatch, "config.invalid/probe-detail-indication"), mismatch.causes().toString());
        Assessment backlog = Fleet.scenario("p172-16-app-healthcheck-failing-fpm-socket-eagain-after-long-run");
        assertTrue(Fleet.weighs(backlog, "app.healthcheck-failing/probe-detail-indication"), backlog.causes().toString());
        assertEquals("app.healthcheck-failing", backlog.causes().get(0).id().value(), backlog.causes().toString());
    }

    /**
     * Heroku's PHP buildpack naming a runtime version it does not offer (p172-07) is the app's constraint, and the
     * "could not be resolved" beside it no download failing; its platform packages unresolved for another reason
     * (p172-03: composer-plugin-api) stay a dependency fetch.
     */
    @Test
    void aRuntimeVersionThePlatformDoesNotOfferIsNoDownload() throws IOException {
        Assessment pinned = Fleet.scenario("p172-07-config-invalid-heroku-php-requires-php-72-not-available");
        assertTrue(Fleet.weighs(pinned, "build.dependency-fetch/runtime-version-not-offered"), pinned.causes().toString());
        assertEquals("config.invalid", pinned.causes().get(0).id().value(), pinned.causes().toString());
        Assessment plugin = Fleet.scenario("p172-03-build-dependency-fetch-heroku-php-composer-plugin-api-platform-packages");
        assertFalse(Fleet.weighs(plugin, "build.dependency-fetch/runtime-version-not-offered"), plugin.causes().toString());
        assertEquals("build.dependency-fetch", plugin.causes().get(0).id().value(), plugin.causes().toString());
    }

    /**
     * A full disk in a Platform.sh build container (p172-37) is the platform's build limit, not the runner's disk; a
     * runner's own full disk (p103-09: CircleCI's checkout, no platform's build header) stays ci.runner's.
     */
    @Test
    void aPlatformBuildContainersFullDiskIsNoRunner() throws IOException {
        Assessment build = Fleet.scenario("p172-37-platform-quota-platformsh-build-no-space-left-4gb");
        // (the rule takes ci.runner below the report's floor, where its evidence is no longer listed)
        assertTrue(build.causes().stream().noneMatch(c -> c.id().value().equals("ci.runner") && c.probability() > 0.05),
                build.causes().toString());
        assertEquals("platform.quota", build.causes().get(0).id().value(), build.causes().toString());
        Assessment runner = Fleet.scenario("p103-09-ci-runner-circleci-checkout-no-space-left-on-device");
        assertFalse(Fleet.weighs(runner, "ci.runner/platform-build-container-disk"), runner.causes().toString());
        assertEquals("ci.runner", runner.causes().get(0).id().value(), runner.causes().toString());
    }
}
