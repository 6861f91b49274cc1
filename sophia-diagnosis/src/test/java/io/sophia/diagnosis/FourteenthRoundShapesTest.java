package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * General shapes for the families the blind h13- set (session 10, consumed in session 11) was missed on: a registry's
 * /v2/ API denying a login or pull, a deploy CLI's API refusing its token, a volume fly.toml mounts that does not exist,
 * a plan's limits, Netlify failing to fetch the repository, a database out of disk, Mix failing to download Hex, an
 * app's own EAI_AGAIN, a registry token service answering 5xx, a smoke check of the job's loopback, and a crash
 * signal's exit code while the service is down. Each is tested on public wording from other reports than the scenario
 * it was found in (the source next to each string), with near misses; each new log indication reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class FourteenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("registry.v2-denied", "registry.auth"),
            Map.entry("deploy-cli.debug-api-refused", "auth.deploy-token"),
            Map.entry("vercel.project-settings-unretrievable", "auth.deploy-token"),
            Map.entry("fly.volume-unattached", "config.invalid"),
            Map.entry("platform.plan-restricted", "platform.quota"),
            Map.entry("netlify.prepare-repo-failed", "platform.outage"),
            Map.entry("database.out-of-disk", "dependency.down"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * GHCR's "denied: denied" from its /v2/ API, at a login (docker/login-action#26, dataforgoodfr/12_bloom#109) or a
     * pull with stale credentials (korthout/camunda-platform-rest-api#106, riverqueue/riverui#182), is the registry
     * refusing the credentials; the same endpoint's EOF (INSPIRE-MIF/helpdesk-validator#1026) is not a refusal.
     */
    @Test
    void aRegistrysV2ApiDenyingIsRegistryAuth() throws IOException {
        String id = "registry.v2-denied";
        ROUND.reads(id, "Error: Error response from daemon: Get https://ghcr.io/v2/: denied: denied");
        ROUND.reads(id, "Error: Error response from daemon: Get \"https://ghcr.io/v2/\": denied: denied");
        ROUND.reads(id, "Error response from daemon: Head \"https://ghcr.io/v2/riverqueue/riverui/manifests/latest\": denied: denied");
        ROUND.readsNot(id, "Error response from daemon: Get \"https://ghcr.io/v2/\": EOF");
        ROUND.readsNot(id, "GET /v2/ 200 OK: the request was not denied by the proxy");
    }

    /**
     * The Vercel CLI's debug trace of its API answering 403 and the message it prints over it (vercel/vercel#10874, an
     * expired token) are the deploy token; a 200 in the same trace and a Root Directory that does not exist
     * (vercel/commerce#1251, a project setting) are not read.
     */
    @Test
    void aDeployCliWhoseApiRefusesItsTokenIsTheDeployToken() throws IOException {
        ROUND.reads("deploy-cli.debug-api-refused",
                "[debug] [2023-11-25T14:15:41.535Z] #2 ← 403 Forbidden: sfo1::xxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxx[676ms]");
        ROUND.readsNot("deploy-cli.debug-api-refused", "[debug] [2023-11-25T14:15:41.102Z] #1 ← 200 OK: sfo1::abc [243ms]");
        ROUND.reads("vercel.project-settings-unretrievable", "Error: Could not retrieve Project Settings. To link your "
                + "Project, remove the `.vercel` directory and deploy again.");
        ROUND.readsNot("vercel.project-settings-unretrievable", "Error: The specified Root Directory \"site\" does not "
                + "exist. Please update your Project Settings.");
    }

    /**
     * flyctl's "needs an unattached volume named" (its deploy code's format string; an app README quoting the shorter
     * "machine in group 'app' needs ...") is fly.toml asking for a volume that is not there.
     */
    @Test
    void aVolumeFlyTomlMountsThatDoesNotExistIsTheConfiguration() throws IOException {
        String id = "fly.volume-unattached";
        ROUND.reads(id, "New machine in group 'app' needs an unattached volume named 'data' in region 'fra'");
        ROUND.reads(id, "✖ machine in group 'app' needs an unattached volume named 'o27v2_data' in region 'ams'");
        ROUND.readsNot(id, "Creating 1GB volume 'data' for process group 'app'. Use 'fly vol extend' to increase its size");
    }

    /**
     * A deploy refused for the account's plan, in Vercel's words (jason5ng32/MyIP#229, vercel/og-image#215,
     * heetch/flamingo#173), is the account's quota; Terraform's "Plan:" summary and a build log naming no plan are not.
     */
    @Test
    void aDeployRefusedForThePlanIsTheQuota() throws IOException {
        String id = "platform.plan-restricted";
        ROUND.reads(id, "Error: No more than 12 Serverless Functions can be added to a Deployment on the Hobby plan. Create "
                + "a team (Pro plan) to deploy more. Learn More: https://vercel.link/function-count-limit");
        ROUND.reads(id, "Serverless Functions are limited to 1024 of memory (in steps of 64) for personal accounts (Hobby "
                + "plan). To increase, create a team (Pro plan).");
        ROUND.reads(id, "Deploying Serverless Functions to multiple regions is restricted to the Enterprise plan for Teams.");
        ROUND.readsNot(id, "Plan: 3 to add, 0 to change, 0 to destroy.");
        ROUND.readsNot(id, "Build Completed in .vercel/output [1m]");
    }

    /**
     * Netlify's "Failed during stage 'preparing repo': exit status 1" with no reason (freeCodeCamp/guide#8355,
     * openhab/openhab-docs#1390, both passing on a retry) is the platform's side; the same stage naming a git ref that
     * does not exist (decap-cms#6594) or a host key (in-toto/in-toto.io#48) says why, and is not read.
     */
    @Test
    void netlifyFailingToFetchTheRepositoryWithoutAReasonIsThePlatform() throws IOException {
        String id = "netlify.prepare-repo-failed";
        ROUND.reads(id, "8:21:11 PM: failed during stage 'preparing repo': exit status 1");
        ROUND.reads(id, "2:07:01 PM: failed during stage 'preparing repo': exit status 1");
        ROUND.readsNot(id, "7:12:23 PM: Failed during stage 'preparing repo': git ref refs/heads/master does not exist");
        ROUND.readsNot(id, "12:47:22 PM: Failed during stage 'preparing repo': For more information, visit "
                + "https://docs.netlify.com/configure-builds/troubleshooting-tips/ Host key verification failed.");
    }

    /**
     * A database out of disk in its own words (pgbackrest/pgbackrest#1052's PANIC, nextcloud/all-in-one#1638's lock
     * file, cloudfoundry/cf-mysql-release#181's mysqld) is the store behind the services down; Patroni's Python OSError
     * (CrunchyData/postgres-operator#3270) and a runner's full disk carry no database's words.
     */
    @Test
    void aDatabaseOutOfDiskIsTheDependencyDown() throws IOException {
        String id = "database.out-of-disk";
        ROUND.reads(id, "2020-05-24 03:13:36 UTC 33935 5ec9e4c1.848f 8    0    [53100]:PANIC:  could not write to file "
                + "\"pg_wal/xlogtemp.33935\": No space left on device");
        ROUND.reads(id, "2022-12-31 03:38:12.319 GMT [12] FATAL:  could not write lock file \"postmaster.pid\": No space "
                + "left on device");
        ROUND.reads(id, "2017-08-22 8:22:53 140295123512064 [Warning] mysqld: Disk is full writing "
                + "'/var/vcap/data/mysql/tmp/#sql_41a0_0.MAD' (Errcode: 28 \"No space left on device\").");
        ROUND.readsNot(id, "OSError: [Errno 28] No space left on device");
        ROUND.readsNot(id, "System.IO.IOException: No space left on device : '/home/runner/runners/2.311.0/_diag/Worker.log'");
    }

    /**
     * Mix's own download failing on the network (LesnyRumcajs/grpc_bench#352) is a dependency download; an app's own
     * EAI_AGAIN without "getaddrinfo" (snapotter-hq/SnapOtter#675) is a name that does not resolve.
     */
    @Test
    void mixFailingToDownloadAndAnAppsOwnEaiAgainAreReadForTheirCauses() throws IOException {
        ROUND.reads("fetch.package-failed", "build.dependency-fetch", "** (Mix) httpc request failed with: {:failed_connect, "
                + "[{:to_address, {'repo.hex.pm', 443}}, {:inet6, [:inet6], :nxdomain}]}");
        ROUND.reads("fetch.package-failed", "build.dependency-fetch", "Could not run archive.install for:");
        ROUND.reads("dns.getaddrinfo", "network.dns", "Postgres not reachable: EAI_AGAIN");
        ROUND.readsNot("dns.getaddrinfo", "npm ERR! errno EAI_AGAIN_TEST_FIXTURE");
    }

    /**
     * A registry's token service answering 503 is the registry failing (registry.unavailable), not a refused
     * credential; its 401 (docker-library/tomcat#321) stays a refusal.
     */
    @Test
    void aTokenServiceAnswering5xxIsTheRegistryFailingNotACredential() throws IOException {
        Assessment a = Fleet.deployFailed("build", "Build and push", "#3 ERROR: failed to authorize: failed to fetch oauth "
                + "token: unexpected status: 503 Service Unavailable\nerror: failed to solve: debian:buster: failed to "
                + "authorize: failed to fetch oauth token: unexpected status: 503 Service Unavailable\n");
        assertEquals(CauseId.REGISTRY_UNAVAILABLE, a.topCause().orElseThrow().id());
        Assessment refused = Fleet.deployFailed("build", "Build and push", "amazoncorretto:11-al2-jdk: failed to "
                + "authorize: failed to fetch anonymous token: unexpected status: 401\n");
        assertEquals(CauseId.REGISTRY_AUTH, refused.topCause().orElseThrow().id());
    }

    /**
     * A smoke check that cannot connect to the job's own loopback after a compose up is the service, never a package
     * download; the same curl error naming a package index still is one.
     */
    @Test
    void aSmokeCheckOfTheJobsLoopbackIsNoDependencyDownload() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "smoke", "curl: (7) Failed to connect to localhost port 1349 after 1 "
                + "ms: Couldn't connect to server\n##[error]Process completed with exit code 7.\n");
        assertNotEquals(CauseId.BUILD_DEPENDENCY_FETCH, a.topCause().orElseThrow().id());
        Assessment fetch = Fleet.deployFailed("build", "Build image", "curl: (7) Failed to connect to "
                + "dl-cdn.alpinelinux.org port 443 after 129 ms: Couldn't connect to server\n");
        assertEquals(CauseId.BUILD_DEPENDENCY_FETCH, fetch.topCause().orElseThrow().id());
    }

    /**
     * A job that ran the service's container and ended on a crash signal's exit code (132, SIGILL: koharu-rs/koharu#761)
     * while the service is down is a crash as it started; the same exit code with the service answering is not read so.
     */
    @Test
    void aCrashSignalsExitCodeWhileTheServiceIsDownIsACrashOnBoot() throws IOException {
        String log = "ℹ starting server  port=4000\n##[error]Process completed with exit code 132.\n";
        Assessment a = Fleet.deployFailed("deploy", "docker run", log);
        assertEquals(CauseId.APP_CRASH_ON_BOOT, a.topCause().orElseThrow().id());
        Assessment up = Fleet.jobEnded(Fleet.up("dashboard"), "failure", 60, List.of(Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "docker run", "failure")), log, null);
        assertNotEquals(CauseId.APP_CRASH_ON_BOOT, up.topCause().orElseThrow().id());
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p67-07 (session 17): flyctl asks for an unattached volume because the platform's API listed no machines during
        // an incident, labelled platform.outage; the volume message is its consequence
        ROUND.staysInItsCauses("p67-07 fly.volume-unattached");
    }
}
