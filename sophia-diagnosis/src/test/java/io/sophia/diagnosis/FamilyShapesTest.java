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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failure families the p7- tuning set (Azure Pipelines, Jenkins, Cloud Run, Swarm, NuGet, apk, Hetzner, wrangler,
 * Firebase, Vercel, requests ...) was missed on, read by their general shape: each family is tested on wording from
 * other tools or other reports than the scenario it was found in (the source is named next to each string), with a near
 * miss that must not be read, and where the family competes with a stronger-looking reading (a job killed by its time
 * limit shows as cancelled; a placeholder looks like a host name) the family wins.
 */
class FamilyShapesTest {

    private static List<String> causesOf(String line) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader(line + "\n")).stream().map(f -> f.causeId().value()).toList();
    }

    /** One job for dashboard that ended with {@code conclusion} at its second step, whose log is {@code log}. */
    private static Assessment jobEndsWith(String conclusion, String log, Observation.CiStep... steps) throws IOException {
        return jobEndsWith(Fleet.refused("dashboard"), conclusion, log, steps);
    }

    /** As above, with {@code probe} the probe's answer for dashboard. */
    private static Assessment jobEndsWith(Observation probe, String conclusion, String log, Observation.CiStep... steps)
            throws IOException {
        List<Observation.CiStep> s = steps.length > 0 ? List.of(steps)
                : List.of(Fleet.step(1, "Checkout", "success"), Fleet.step(2, "Deploy", conclusion));
        return Fleet.jobEnded(probe, conclusion, 30, s, log, null);
    }

    private static void leads(CauseId cause, Assessment a) {
        Fleet.leadsOnOneSource(cause, a);
    }

    @Test
    void aPackageIndexThatCouldNotBeLoadedIsADependencyFetchEvenInsideTheImageBuildsWrapper() throws IOException {
        // DNF (docker/docker-install#352), yum (conda-forge/docker-images#10), apk (gliderlabs/docker-alpine#264)
        for (String line : List.of("Error: Failed to download metadata for repo 'baseos': Cannot download repomd.xml: "
                        + "Cannot download repodata/repomd.xml: All mirrors were tried",
                "Error: Cannot retrieve repository metadata (repomd.xml) for repository: extras. Please verify its path "
                        + "and try again",
                "ERROR: http://dl-cdn.alpinelinux.org/alpine/v3.4/main: temporary error (try again later)")) {
            assertTrue(causesOf(line).contains("build.dependency-fetch"), line);
        }
        // the index printed before BuildKit's wrapper names the cause; the RUN instruction only says where
        leads(CauseId.BUILD_DEPENDENCY_FETCH, jobEndsWith("failure", """
                #7 0.362 Errors during downloading metadata for repository 'ol8_baseos_latest':
                #7 0.367 Error: Failed to download metadata for repo 'ol8_baseos_latest': Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried
                ERROR: failed to solve: process "/bin/sh -c dnf install -y oracle-database-preinstall-19c" did not complete successfully: exit code: 1
                """, Fleet.step(1, "Checkout", "success"), Fleet.step(2, "Build image", "failure")));
        // an index never updated in an image is harmless (gliderlabs/docker-alpine#207): no URL, no failure
        assertTrue(!causesOf("WARNING: Ignoring APKINDEX.5a59b88b.tar.gz: No such file or directory")
                .contains("build.dependency-fetch"));
    }

    @Test
    void anImageTheDeployNamesThatDoesNotExistIsImageNotFoundButAPullThatStartsIsNot() throws IOException {
        // the daemon's "No such image: %s" (moby daemon/images) behind the Engine API's prefix
        assertTrue(causesOf("Error response from daemon: No such image: acme/billing:2.4.1").contains("image.not-found"));
        leads(CauseId.IMAGE_NOT_FOUND, jobEndsWith("failure",
                "ERROR: (gcloud.run.deploy) Revision 'billing-00007-kib' is not ready and cannot serve traffic. Image "
                        + "'us-docker.pkg.dev/acme/apps/billing:2.4.1' not found.\n"));
        // docker run's note before a pull that works
        assertTrue(!causesOf("Unable to find image 'hello-world:latest' locally").contains("image.not-found"));
    }

    @Test
    void aCloudQuotaTheRequestWouldExceedIsAQuotaAndAFullDiskQuotaIsNot() throws IOException {
        // Azure's older wording (hashicorp/terraform#10056) and GCP's (GoogleChrome/web.dev#4349)
        for (String line : List.of("Message=\"Operation results in exceeding quota limits of Core. Maximum allowed: 20, "
                        + "Current in use: 20, Additional requested: 2.\"",
                "Quota exceeded for quota group 'default' and limit 'Queries per 100 seconds' of service "
                        + "'pagespeedonline.googleapis.com'")) {
            assertTrue(causesOf(line).contains("platform.quota"), line);
        }
        assertTrue(!causesOf("tar: out.tar: Cannot write: Disk quota exceeded").contains("platform.quota"));
    }

    @Test
    void aZoneWithoutRoomInTheProvidersCodesIsCapacityAndAnErrnoIsNot() throws IOException {
        // GCE (googlefonts/fontbakery-dashboard#81)
        leads(CauseId.PLATFORM_CAPACITY, jobEndsWith("failure", "ZONE_RESOURCE_POOL_EXHAUSTED: The zone "
                + "'projects/fontbakery-168509/zones/us-central1-a' does not have enough resources available to fulfill "
                + "the request. Try a different zone, or try again later.\n"));
        // EAGAIN's text (fork in a busy shell) is not a provider without room
        assertTrue(!causesOf("bash: fork: Resource temporarily unavailable").contains("platform.capacity"));
    }

    @Test
    void aPlatformOperationFailingTryAgainLaterIsItsOwnSideButAPackageIndexSayingSoIsNot() throws IOException {
        assertTrue(causesOf("Error: Deployment failed, try again later.").contains("platform.outage"));
        assertTrue(!causesOf("ERROR: http://dl-cdn.alpinelinux.org/alpine/v3.11/main: temporary error (try again later)")
                .contains("platform.outage"));
    }

    @Test
    void aCredentialRefusedInPlainWordsIsTheDeployTokenButADatabasePasswordIsNot() throws IOException {
        // git's "Authentication failed for '%s'" (git http.c) pushing to a platform's git remote; google-auth refusing a
        // service-account key (the invalid_grant of RFC 6749 with Google's "Invalid JWT Signature.")
        for (String line : List.of("fatal: Authentication failed for 'https://git.heroku.com/acme-billing.git/'",
                "google.auth.exceptions.RefreshError: ('invalid_grant: Invalid JWT Signature.', {'error': "
                        + "'invalid_grant', 'error_description': 'Invalid JWT Signature.'})")) {
            assertTrue(causesOf(line).contains("auth.deploy-token"), line);
        }
        assertTrue(!causesOf("FATAL:  password authentication failed for user \"postgres\"").contains("auth.deploy-token"));
    }

    @Test
    void aSchemaRefusingAnExtraPropertyIsAnInvalidConfiguration() throws IOException {
        // Ajv 8's wording, as CLIs validating their JSON configuration print it
        leads(CauseId.CONFIG_INVALID, jobEndsWith("failure",
                "Error: Invalid configuration: /functions/api must NOT have additional properties\n"));
    }

    @Test
    void aCertificateForOtherHostsInAnyClientsWordsIsTheCertificate() throws IOException {
        // requests (Benny-/Yahoo-ticker-symbol-downloader#12), curl's vtls message, Node's altname check
        for (String line : List.of("requests.exceptions.SSLError: hostname 'finance.yahoo.com' doesn't match u'www.yahoo.com'",
                "curl: (60) SSL: no alternative certificate subject name matches target host name 'api.acme.dev'",
                "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: "
                        + "api.acme.dev. is not in the cert's altnames: DNS:*.herokuapp.com")) {
            assertTrue(causesOf(line).contains("tls.certificate"), line);
        }
    }

    @Test
    void aJobKilledByItsTimeLimitIsATimeoutEvenWhenItsConclusionSaysCancelled() throws IOException {
        // Azure Pipelines' older wording (microsoft/azure-pipelines-yaml#227), on a job the CI reports as cancelled
        Assessment a = jobEndsWith("cancelled", """
                ##[error]The job exceeded the maximum allowed time of 01:00:00 and was stopped.
                ##[error]The operation was canceled.
                """);
        leads(CauseId.CI_TIMEOUT, a);
        assertTrue(a.causes().stream().filter(c -> c.id().equals(CauseId.CI_CANCELLED))
                .allMatch(c -> c.probability() < 0.2), a.causes().toString());
        // a duration under the limit is not one
        assertTrue(!causesOf("Job finished in 12 minutes, well within the maximum time of 60 minutes").contains("ci.timeout"));
    }

    @Test
    void anAgentTheCiStoppedHearingFromOrWhoseChannelClosedIsTheRunner() throws IOException {
        // Azure Pipelines (microsoft/azure-pipelines-agent#3015), Jenkins (nodejs/build#1837, eclipse-openj9/openj9#8284)
        for (String line : List.of("##[error]We stopped hearing from agent Hosted Agent. Verify the agent machine is "
                        + "running and has a healthy network connection.",
                "FATAL: java.nio.channels.ClosedChannelException",
                "Caused: hudson.remoting.ChannelClosedException: Channel \"unknown\": Remote call on aix71-p8-5 failed. "
                        + "The channel is closing down or has closed down")) {
            assertTrue(causesOf(line).contains("ci.runner"), line);
        }
        // an application's own closed channel names what it was doing: not the CI agent
        assertTrue(!causesOf("Caused by: java.nio.channels.ClosedChannelException: null").contains("ci.runner"));
    }

    @Test
    void aPlaceholderNobodyFilledIsAMissingSettingNotAName() throws IOException {
        // "Caused by: java.net.UnknownHostException: ${RABBIT_HOST}" (a public project's notes on a missing environment)
        leads(CauseId.CONFIG_MISSING_SECRET, jobEndsWith("failure", """
                org.springframework.amqp.AmqpConnectException: java.net.UnknownHostException: ${RABBIT_HOST}
                Caused by: java.net.UnknownHostException: ${RABBIT_HOST}
                """));
        // a program's own template, quoted from its source, is not an environment placeholder
        assertTrue(!causesOf("Log.e(TAG, \"UnknownHostException: ${e.message}\")").contains("config.missing-secret"));
    }

    @Test
    void aSmokeTestThatPrintedNothingSpecificIsExplainedByTheAppOutputAnEarlierStepFetched() throws IOException {
        // uvicorn's start failure (encode/uvicorn's message) in the container's logs, fetched before a smoke test whose
        // only words are curl's exit
        Observation.CiStep[] steps = {Fleet.step(1, "Set up job", "success"), Fleet.step(2, "Show container logs", "success"),
                Fleet.step(3, "Smoke test", "failure")};
        String log = """
                ##[group]Run docker logs api --tail 20
                ##[endgroup]
                ERROR:    Error loading ASGI app. Could not import module "main".
                ##[group]Run curl -fsS https://dashboard.example.com/health
                ##[endgroup]
                curl: (22) The requested URL returned error: 502
                ##[error]Process completed with exit code 22.
                """;
        assertEquals(CauseId.APP_CRASH_ON_BOOT, jobEndsWith("failure", log, steps).topCause().orElseThrow().id());
        // when the failed step prints its own specific error, an earlier step's error stays discounted
        String own = log.replace("curl: (22) The requested URL returned error: 502",
                "Error: failed to push registry.fly.io/acme:deployment-01: unauthorized: not authorized");
        assertTrue(!CauseId.APP_CRASH_ON_BOOT.equals(jobEndsWith("failure", own, steps).topCause().orElseThrow().id()));
    }

    @Test
    void aDeployThePlatformRefusedExplainsANameThatWasNeverCreated() throws IOException {
        // Azure refusing the cores a cluster needs (hashicorp/terraform#10056's wording); the probe finds no DNS record
        // for the service the refused deploy would have created: the quota names the cause, the NXDOMAIN follows from it
        Assessment a = jobEndsWith(Fleet.failure("dashboard", "http", io.sophia.core.FailureKind.DNS_FAILURE, null,
                "NXDOMAIN"), "failure", "compute.VirtualMachinesClient#CreateOrUpdate: Failure responding to request: "
                + "StatusCode=409 -- Original Error: autorest/azure: Service returned an error. Status=409 "
                + "Code=\"OperationNotAllowed\" Message=\"Operation results in exceeding quota limits of Core. Maximum "
                + "allowed: 20, Current in use: 20, Additional requested: 2.\"\n");
        leads(CauseId.PLATFORM_QUOTA, a);
        assertTrue(a.causes().stream().filter(c -> c.id().equals(CauseId.NETWORK_DNS))
                .allMatch(c -> c.probability() < 0.1), a.causes().toString());
    }

    @Test
    void aConnectionTheFleetsOwnEndpointRefusedIsNotADownloadAndTheAppsOwnWordsExplainIt() throws IOException {
        Observation.CiStep[] steps = {Fleet.step(1, "Set up job", "success"), Fleet.step(2, "Show container logs", "success"),
                Fleet.step(3, "Smoke test", "failure")};
        // the service's own start failure in its logs (kelseyhightower/envconfig's wording), then curl failing to
        // connect to that same service: the service is down because of its setting, nothing was downloaded
        String log = """
                ##[group]Run docker compose logs --tail 20 api
                ##[endgroup]
                api-1  | 2019/03/13 10:42:54 required key MYAPP_DATABASE_URL missing value
                ##[group]Run curl -fsS https://sophiaai-dashboard-v2.fly.dev/health
                ##[endgroup]
                curl: (7) Failed to connect to sophiaai-dashboard-v2.fly.dev port 443 after 21 ms: Connection refused
                ##[error]Process completed with exit code 7.
                """;
        Assessment a = jobEndsWith("failure", log, steps);
        assertEquals(CauseId.CONFIG_MISSING_SECRET, a.topCause().orElseThrow().id(), a.causes().toString());
        // the same curl failing to reach a package host is a download during the build
        assertTrue(causesOf("curl: (7) Failed to connect to archive.ubuntu.com port 80: Connection refused")
                .contains("build.dependency-fetch"));
        Assessment download = jobEndsWith("failure", "curl: (7) Failed to connect to archive.ubuntu.com port 80: "
                + "Connection refused\n", Fleet.step(1, "Checkout", "success"), Fleet.step(2, "Build image", "failure"));
        assertEquals(CauseId.BUILD_DEPENDENCY_FETCH, download.topCause().orElseThrow().id(), download.causes().toString());
    }

    /** A run and its one deploy job for dashboard, cancelled after {@code seconds}, with no log read. */
    private static Assessment cancelledAfter(int seconds) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(o.size() - 1, Fleet.run("cancelled"));
        o.add(Fleet.job("dashboard", 2, "deploy", "cancelled", seconds, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Deploy", "cancelled")));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    private static double p(Assessment a, CauseId id) {
        return a.causes().stream().filter(c -> c.id().equals(id)).mapToDouble(RankedCause::probability).sum();
    }

    @Test
    void aJobCancelledJustPastARoundNumberOfMinutesMayHaveHitItsTimeLimit() {
        // 60.6 minutes (Azure Pipelines' default limit, microsoft/winappCli#775) and 30.3 minutes (a timeout-minutes: 30)
        // against 14.7 minutes (a person's cancel, p2-58's Jenkins input rejected): with nothing else read, only the
        // round ones give the time limit a share; the cancel still leads, as nothing says who stopped the job
        Assessment sixty = cancelledAfter(3636);
        Assessment thirty = cancelledAfter(1818);
        Assessment person = cancelledAfter(880);
        assertEquals(CauseId.CI_CANCELLED, person.topCause().orElseThrow().id());
        // the person's cancel says nothing of a time limit: no evidence for it, only what the context priors list for a
        // cancelled run (ContextPriors), below the share a round number's evidence gives it
        assertTrue(person.causes().stream().filter(c -> c.id().equals(CauseId.CI_TIMEOUT))
                .allMatch(c -> c.evidence().isEmpty()), person.causes().toString());
        for (Assessment a : List.of(sixty, thirty)) {
            assertTrue(p(a, CauseId.CI_TIMEOUT) > 0.01, a.causes().toString());
            assertTrue(p(a, CauseId.CI_TIMEOUT) > p(person, CauseId.CI_TIMEOUT), a.causes() + " / " + person.causes());
            assertTrue(p(a, CauseId.CI_CANCELLED) <= p(person, CauseId.CI_CANCELLED), a.causes().toString());
        }
    }
}
