package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The failure families the p8- and p9- tuning sets were missed on (a push or pull the registry refused in an HTTP
 * status, a platform's billing, V8 at its heap limit, a key the app asks for at boot that no source has, an agent
 * removed under a running build, a database refusing writes, a configuration a decoder cannot read, a host without room,
 * an SSH deploy key refused, a platform API's 500), read by their general shape: each is tested on wording from other
 * tools or other reports than the scenario it was found in (the source is named next to each string), with a near miss
 * that must not be read, and where the family competes with a wrapper or a stronger-looking reading, the specific inner
 * error wins without being stated above the one-source cap.
 */
class LifecycleShapesTest {


    /** dashboard's deploy job failed at its second step with {@code log}; the other services are healthy. */
    private static Assessment deployFailsWith(String log) throws IOException {
        return Fleet.deployFailed("deploy", "Deploy", log);
    }

    /** dashboard's deploy job ended {@code conclusion} with {@code log} and, when not null, {@code annotation}. */
    private static Assessment jobEnds(String conclusion, String log, String annotation) throws IOException {
        return Fleet.jobEnded(Fleet.refused("dashboard"), conclusion, 600,
                List.of(Fleet.step(1, "Checkout", "success"), Fleet.step(2, "Deploy", conclusion)), log, annotation);
    }

    private static void leads(CauseId cause, Assessment a) {
        Fleet.leadsOnOneSource(cause, a);
    }

    @Test
    void aRegistryRefusingTheCredentialInAnHttpStatusIsRegistryAuthInsideBuildKitsWrapper() throws IOException {
        // containerd's resolver (quoted in a public troubleshooting page of CRI pull errors) and the manifest commit of a
        // push (docker/build-push-action's TROUBLESHOOTING notes)
        for (String line : List.of("failed to resolve reference \"registry.example.com/team/app:v1.2.3\": failed to do "
                        + "request: Head \"https://registry.example.com/v2/team/app/manifests/v1.2.3\": unexpected status: "
                        + "401 Unauthorized",
                "failed commit on ref \"manifest-sha256:9b2a\": unexpected status: 401 Unauthorized")) {
            assertTrue(Fleet.causesOf(line).contains("registry.auth"), line);
        }
        // the same wrapper around the registry's refusal: the refusal, not the Dockerfile
        leads(CauseId.REGISTRY_AUTH, deployFailsWith("""
                #22 exporting to image
                #22 pushing layers 0.8s done
                #22 ERROR: failed commit on ref "manifest-sha256:9b2a": unexpected status: 401 Unauthorized
                ERROR: failed to solve: failed commit on ref "manifest-sha256:9b2a": unexpected status: 401 Unauthorized
                """));
        // a status that is not a refusal (the same notes: "unexpected status: 400 Bad Request") is not read as one
        assertTrue(!Fleet.causesOf("failed commit on ref \"manifest-sha256:9b2a\": unexpected status: 400 Bad Request")
                .contains("registry.auth"));
        // nor is another service's refusal in the same words (a Loki client's troubleshooting notes)
        assertTrue(!Fleet.causesOf("Error: unexpected status: 401 Unauthorized").contains("registry.auth"));
    }

    @Test
    void anAccountLockedForBillingIsAQuotaWhetherInTheLogOrInTheJobsAnnotation() throws IOException {
        // GitHub's annotation as many public projects' notes quote it; a SaaS's suspended-account notice
        String locked = "The job was not started because your account is locked due to a billing issue.";
        assertTrue(Fleet.causesOf(locked).contains("platform.quota"));
        assertTrue(Fleet.causesOf("Your organization's account has been suspended due to a billing issue. Please update your "
                + "payment method to restore access.").contains("platform.quota"));
        leads(CauseId.PLATFORM_QUOTA, jobEnds("failure", "", locked));
        // a billing feature of the app under test is not the account's billing
        assertTrue(!Fleet.causesOf("BillingServiceTest > chargesTheCardOnce PASSED").contains("platform.quota"));
        assertTrue(!Fleet.causesOf("  ✓ user can update payment method (212 ms)").contains("platform.quota"));
    }

    @Test
    void v8sHeapLimitTraceIsOutOfMemoryEvenWhenThePlatformCutsItBeforeTheLastLine() throws IOException {
        // the header and the GC line Node prints before "JavaScript heap out of memory" (nodejs/node issues)
        assertTrue(Fleet.indicationsOf("<--- Last few GCs --->").contains("v8.heap-limit-trace"));
        assertTrue(Fleet.indicationsOf("[1:0x5581f40]    41261 ms: Mark-sweep 2040.1 (2083.5) -> 2038.9 (2083.7) MB, 1865.5 / "
                + "0.0 ms  (average mu = 0.110, current mu = 0.002) allocation failure; GC in old space requested")
                .contains("v8.heap-limit-trace"));
        // the stack-trace header that follows it is no memory reading of its own
        assertTrue(Fleet.indicationsOf("<--- JS stacktrace --->").stream().noneMatch("v8.heap-limit-trace"::equals));
        // a bare SIGKILL status without an OOM marker stays unread (h6-06: a senior says unknown)
        assertTrue(!Fleet.causesOf("      Exit Code:    137").contains("app.oom"));
        // a task its orchestrator killed for memory, in ECS's words (its stopped reason) and Kubernetes' eviction
        for (String line : List.of("OutOfMemoryError: Container killed due to memory usage",
                "Message: The node was low on resource: memory. Container app was using 1520Mi, which exceeds its request "
                        + "of 512Mi.")) {
            assertTrue(Fleet.causesOf(line).contains("app.oom"), line);
        }
    }

    @Test
    void aKeyTheAppAsksForAtBootThatNoSourceHasIsAMissingSecretInAnyFrameworksWords() throws IOException {
        for (String line : List.of(
                // SmallRye Config (Quarkus) SRCFG00014
                "SRCFG00014: The config property quarkus.datasource.password is required but it could not be found in "
                        + "any config source",
                // python-decouple's UndefinedValueError
                "decouple.UndefinedValueError: SECRET_KEY not found. Declare it as envvar or define a default value.",
                // the PostgreSQL image's entrypoint (docker-library/postgres)
                "You must specify POSTGRES_PASSWORD to a non-empty value for the superuser. For example, \"-e "
                        + "POSTGRES_PASSWORD=password\" on \"docker run\".",
                // @t3-oss/env-nextjs
                "❌ Invalid environment variables: { DATABASE_URL: [ 'Required' ] }")) {
            assertTrue(Fleet.causesOf(line).contains("config.missing-secret"), line + " -> " + Fleet.causesOf(line));
        }
        // the crash it causes only says that the app did not start: the missing key leads
        leads(CauseId.CONFIG_MISSING_SECRET, deployFailsWith("""
                ERROR [io.quarkus.runtime.Application] Failed to start application (with profile prod)
                java.util.NoSuchElementException: SRCFG00014: The config property quarkus.datasource.password is required but it could not be found in any config source
                """));
        // a property the app resolved is no missing key
        assertTrue(!Fleet.causesOf("Loaded config property quarkus.http.port from application.properties")
                .contains("config.missing-secret"));
        // a bean's property that a template asks for is a code bug (Jakarta EL's PropertyNotFoundException)
        assertTrue(!Fleet.causesOf("jakarta.el.PropertyNotFoundException: Property 'fullName' not found on type com.acme.User")
                .contains("config.missing-secret"));
    }

    @Test
    void anAgentRemovedUnderARunningBuildIsTheRunnerThoughTheJobShowsCancelled() throws IOException {
        // TeamCity's Kubernetes plugin (JetBrains/teamcity-kubernetes-plugin#48), Azure Pipelines (dotnet/runtime#73339),
        // TeamCity's cloud log (JetBrains/teamcity-google-agent#16)
        for (String line : List.of("Canceled with comment: Agent removed",
                "##[error]Agent was purged, cancelling the pipeline",
                "Removing cloud agent \"linux-cloud-4\" {id=591} because: Cloud instance (id=linux-cloud-4, imageId=x, "
                        + "profileId=google-7) has gone (is not reported by cloud profile)")) {
            assertTrue(Fleet.causesOf(line).contains("ci.runner"), line);
        }
        leads(CauseId.CI_RUNNER, jobEnds("cancelled", "[10:43:02] Build canceled\nCanceled with comment: Agent removed\n",
                null));
        // GitHub's note on a finished job's orphan processes is no runner taken away
        assertTrue(!Fleet.causesOf("Terminate orphan process: pid (2291) (node)").contains("ci.runner"));
    }

    @Test
    void aDatabaseRefusingWritesIsTheDependencyNotTheApp() throws IOException {
        // Redis on a replica (redis/redis replication docs) and MySQL's read-only server (its error 1290)
        for (String line : List.of("ReplyError: READONLY You can't write against a read only replica.",
                "ERROR 1290 (HY000): The MySQL server is running with the --read-only option so it cannot execute this "
                        + "statement")) {
            assertTrue(Fleet.causesOf(line).contains("dependency.down"), line);
        }
        leads(CauseId.DEPENDENCY_DOWN, deployFailsWith("Error: Command failed: rails db:migrate\nPG::ReadOnlySqlTransaction: "
                + "ERROR:  cannot execute CREATE TABLE in a read-only transaction\n"));
        // a report opened read-only on purpose is no failing database
        assertTrue(!Fleet.causesOf("Opening the reports database in read-only mode").contains("dependency.down"));
    }

    @Test
    void aConfigurationADecoderCannotReadIsAnInvalidConfiguration() throws IOException {
        // yaml.v2's strict decoding (prometheus/blackbox_exporter's config tests), HCL's type error (Terraform)
        for (String line : List.of("error parsing config file: yaml: unmarshal errors: line 50: field invalid_extra_field "
                        + "not found in type config.plain",
                "Error: Incorrect attribute value type",
                "Error: failed to parse compose file: services.web.ports must be a list")) {
            assertTrue(Fleet.causesOf(line).contains("config.invalid"), line + " -> " + Fleet.indicationsOf(line));
        }
        // a reflection helper's panic in Go code is not a configuration file
        assertTrue(!Fleet.causesOf("panic: Field not found in type: Name").contains("config.invalid"));
    }

    @Test
    void aHostWithoutRoomAnSshKeyRefusedAndAPlatformApis500AreReadInOtherToolsWords() throws IOException {
        // OpenStack Nova's NoValidHost (nova/exception.py and its troubleshooting pages)
        leads(CauseId.PLATFORM_CAPACITY, deployFailsWith("Error: No valid host was found. There are not enough hosts "
                + "available.\n"));
        // OpenSSH refusing the deploy key on a git remote (a push to a PaaS's git endpoint)
        leads(CauseId.AUTH_DEPLOY_TOKEN, deployFailsWith("git@git.example-paas.com: Permission denied (publickey).\n"
                + "fatal: Could not read from remote repository.\n"));
        // Google APIs' message for status INTERNAL, as the Terraform provider prints it
        String google = "Error: Error creating Service: googleapi: Error 500: Internal error encountered., backendError";
        assertTrue(Fleet.causesOf(google).contains("platform.outage"), Fleet.indicationsOf(google).toString());
        // an app's own 500 fetched by a smoke test is the app's answer, not the platform's
        assertTrue(!Fleet.causesOf("Error: failed to fetch https://app.example.com/healthz: 500 Internal Server Error")
                .contains("platform.outage"));
        // a file the shell may not open is no SSH key refused
        assertTrue(!Fleet.causesOf("bash: ./deploy.sh: Permission denied").contains("auth.deploy-token"));
    }

    @Test
    void aDeployThatNamesNoRegionIsAnInvalidConfiguration() throws IOException {
        // the AWS SDK for Go's error and the AWS CLI's (aws/aws-cli), as deploy jobs print them
        leads(CauseId.CONFIG_INVALID, deployFailsWith("MissingRegion: could not find region configuration\n"));
        leads(CauseId.CONFIG_INVALID, deployFailsWith("You must specify a region. You can also configure your region by "
                + "running \"aws configure\".\n"));
        // a region the tool names is no missing one
        assertTrue(!Fleet.causesOf("Deploying to region 'iad' (Ashburn, Virginia (US))").contains("config.invalid"));
    }

    @Test
    void aRegistryThatBrokeOffATransferIsUnavailableInsideBuildKitsWrapper() throws IOException {
        // containerd's fetcher and pusher (their "failed to copy" errors, as BuildKit users quote them)
        leads(CauseId.REGISTRY_UNAVAILABLE, deployFailsWith("""
                #12 pushing layers
                #12 ERROR: failed to copy: io: read/write on closed pipe
                ERROR: failed to solve: failed to copy: io: read/write on closed pipe
                """));
        // a refusal in the same place is the credential, not the registry's availability
        assertTrue(!Fleet.causesOf("ERROR: failed to push ghcr.io/acme/api:1.4: denied: permission_denied: write_package")
                .contains("registry.unavailable"));
    }

    @Test
    void anEntryCommandThatCannotRunOrAnUncaughtPhpErrorAtStartIsACrashOnBoot() throws IOException {
        // runc's message for a script whose shebang names a missing interpreter (opencontainers/runc issues)
        leads(CauseId.APP_CRASH_ON_BOOT, deployFailsWith("standard_init_linux.go:228: exec user process caused: no such "
                + "file or directory\n"));
        // PHP's log line for an exception nobody caught, as a container's log shows it
        assertTrue(Fleet.causesOf("PHP Fatal error:  Uncaught Error: Class \"Redis\" not found in /var/www/html/index.php:3")
                .contains("app.crash-on-boot"));
        // php-src's expected-output diff of a test is a test's output, not an app dying
        assertTrue(!Fleet.causesOf("001+ Fatal error: Uncaught BadMethodCallException: phar exists").contains("app.crash-on-boot"));
    }

    @Test
    void ivysUnresolvedDependencyAndAQuotaExceededAfterTheApisFieldNameAreReadInOtherToolsWords() throws IOException {
        // sbt 0.13 on Ivy (its classic launcher error)
        leads(CauseId.BUILD_DEPENDENCY_FETCH, deployFailsWith("[error] sbt.ResolveException: unresolved dependency: "
                + "org.scala-sbt#sbt;0.13.18: not found\n"));
        // a Google API's quota error in its JSON body, as clients print it
        assertTrue(Fleet.causesOf("  \"message\": \"Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of "
                + "service 'sheets.googleapis.com'\",").contains("platform.quota"));
        // a full disk's quota is not the account's plan
        assertTrue(!Fleet.causesOf("cp: error writing '/home/runner/out.tar': Disk quota exceeded").contains("platform.quota"));
    }

    @Test
    void aPlatformApiDenyingAMachineItManagesMidDeployIsItsOwnSideButALeaseNotFoundIsNot() throws IOException {
        // flyctl's wording for a machine the Machines API lost (superfly/flyctl's machine client: "failed to get VM %s:
        // %w"), another machine id and app than the corpus scenarios
        leads(CauseId.PLATFORM_OUTAGE, deployFailsWith("  [1/3] Waiting for 148e272f5d9d89 [app] to become healthy: 0/1\n"
                + "Error: error getting machine 148e272f5d9d89 from api: failed to get VM 148e272f5d9d89: Machine not found\n"));
        // a lease no longer there after a failed deploy is flyctl's clean-up noise (p-42's log), not the platform
        assertTrue(!Fleet.causesOf("WARN failed to release lease for machine 32871545a0e985: lease not found")
                .contains("platform.outage"));
    }
}
