package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "the failure families real deployments produce", end to end through the real LogScanner: the innermost
 * specific error wins over the wrapper line that only names the step. Sources of the lines: superfly/flyctl#142 and
 * superfly/flyctl-actions#36 (no basic auth credentials), deploy-errors.tsv image_not_found ("could not find image"),
 * superfly/flyctl#1272 (genqlient "graphql: server returned a non-200 status code"), superfly/flyctl#2329
 * ("failed to launch VM: invalid config.guest.memory_mb"), colinhacks/zod#2792 ("Invalid environment variables"),
 * Spring's PropertyPlaceholderHelper ("Could not resolve placeholder"), CPython ("ModuleNotFoundError: No module
 * named"), the Go runtime ("panic: "), docker/cli#4170-style "x509: certificate has expired" from a deploy through a
 * TLS-verified Docker daemon (p3-31) and superfly/flyctl#2653 ("timeout reached waiting for healthchecks to pass").
 */
class FailureFamiliesTest {

    /** One failed deploy job for dashboard whose log is {@code log}; the other services are healthy. */
    private static Assessment deployFailsWith(String log) throws IOException {
        return Fleet.deployFailed("Deploy Dashboard", "Run flyctl deploy --remote-only", log);
    }

    private static CauseId top(Assessment a) {
        return a.topCause().orElseThrow().id();
    }

    @Test
    void theErrorInsideFlyctlsWrapperWins() throws IOException {
        assertEquals(CauseId.REGISTRY_AUTH, top(deployFailsWith("""
                ==> Building image
                Error: failed to fetch an image or build from source: error rendering push status stream: no basic auth credentials
                ##[error]Process completed with exit code 1.
                """)));
        assertEquals(CauseId.IMAGE_NOT_FOUND, top(deployFailsWith("""
                Error: failed to fetch an image or build from source: Could not find image "registry.fly.io/acme-web:main-33ec569"
                ##[error]Process completed with exit code 1.
                """)));
    }

    @Test
    void aMissingSettingPrintedDuringTheBuildIsAMissingSecretNotADockerfileFault() throws IOException {
        assertEquals(CauseId.CONFIG_MISSING_SECRET, top(deployFailsWith("""
                #12 2.904 ❌ Invalid environment variables: { DATABASE_URL: [ 'Required' ] }
                #12 2.911 Error: Invalid environment variables
                #12 ERROR: process "/bin/sh -c yarn build" did not complete successfully: exit code: 1
                ERROR: failed to solve: process "/bin/sh -c yarn build" did not complete successfully: exit code: 1
                ##[error]Process completed with exit code 1.
                """)));
        assertEquals(CauseId.CONFIG_MISSING_SECRET, top(deployFailsWith("""
                java.lang.IllegalArgumentException: Could not resolve placeholder 'MESSENGER_APP_SECRET' in value "${MESSENGER_APP_SECRET}"
                Error: timeout reached waiting for health checks to pass for machine 3d8d413b29d089: context deadline exceeded
                """)));
    }

    @Test
    void theSamePlatformApiErrorInSeveralJobsIsAnOutageAndAFieldPathIsAnInvalidConfig() throws IOException {
        assertEquals(CauseId.PLATFORM_OUTAGE, top(deployFailsWith("""
                Error: graphql: server returned a non-200 status code: 503
                ##[error]Process completed with exit code 1.
                """)));
        assertEquals(CauseId.CONFIG_INVALID, top(deployFailsWith("""
                Error: failed creating a machine in region lax: failed to launch VM: invalid config.guest.memory_mb, minimum required 2048 MiB
                """)));
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.add(Fleet.failure("dashboard", "fly", FailureKind.UNPROCESSABLE, 422,
                "invalid config.guest.memory_mb, minimum required 2048 MiB"));
        assertEquals(CauseId.CONFIG_INVALID, top(Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW)));
    }

    @Test
    void bootTracesAreCrashesAndTheirWrapperOnlyNamesTheStep() throws IOException {
        Assessment a = deployFailsWith("""
                Running release_command: /app/bin/migrate
                panic: runtime error: invalid memory address or nil pointer dereference
                [signal SIGSEGV: segmentation violation code=0x1 addr=0x8 pc=0x6e4f38]
                Error release_command failed running on machine 2865013c076080 with exit code 2.
                """);
        assertEquals(CauseId.APP_CRASH_ON_BOOT, top(a));
        assertTrue(a.topCause().orElseThrow().probability() > 0.5, a.causes().toString());
    }

    @Test
    void aCertificateRejectedInTheLogIsATlsProblemAndALoadedCertificateIsNot() throws IOException {
        Assessment a = deployFailsWith("""
                ERROR: error during connect: Get "https://10.0.4.21:2376/v1.24/info": x509: certificate has expired or is not yet valid: current time 2025-05-07T03:19:44Z is after 2025-04-17T07:56:23Z
                ##[error]Process completed with exit code 1.
                """);
        assertEquals(CauseId.TLS_CERTIFICATE, top(a), a.causes().toString());
        // near miss: a line about a certificate that is fine names no certificate problem
        Assessment fine = deployFailsWith("""
                x509: loaded certificate for api.acme.dev
                ##[error]Process completed with exit code 1.
                """);
        assertTrue(fine.causes().stream().noneMatch(c -> c.id().equals(CauseId.TLS_CERTIFICATE)), fine.causes().toString());
    }

    @Test
    void flyctlsHealthchecksSpellingIsTheSameGenericWaitLine() throws IOException {
        // the wait line only says the checks never passed: spelled "health checks" or "healthchecks", it is read alike
        for (String spelling : List.of("health checks", "healthchecks")) {
            Assessment a = deployFailsWith("Error: timeout reached waiting for " + spelling + " to pass for machine "
                    + "0e286561f71686 failed to get VM 0e286561f71686: Get \"https://api.machines.dev/v1/apps/acme-tool/"
                    + "machines/0e286561f71686\": net/http: request canceled\n##[error]Process completed with exit code 1.\n");
            boolean weighed = a.causes().stream().flatMap(c -> c.evidence().stream())
                    .anyMatch(e -> e.ruleId().equals("app.healthcheck-failing/generic-wait-line"));
            assertTrue(weighed, spelling + ": " + a.causes());
        }
    }

    /** dashboard down behind a critical check; its one machine in {@code state} with a start then an exit with code 0. */
    private static Assessment machineExitedWithZero(String state) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.failure("dashboard", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"));
        o.add(new Observation.PlatformMachine("dashboard", Source.FLY, "acme-dashboard", "0e286561f71686", "m", state,
                false, "cdg", "registry.fly.io/acme-dashboard:v2", "ok",
                List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "critical", "connect: connection refused")),
                List.of(new Observation.MachineEvent("start", "started", "flyd", Fleet.NOW.minusSeconds(60), null, null, null),
                        new Observation.MachineEvent("exit", "stopped", "flyd", Fleet.NOW.minusSeconds(58), 0, false, null)),
                Fleet.NOW, Fleet.NOW.minusSeconds(60)));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    private static double probability(Assessment a, CauseId id) {
        return a.causes().stream().filter(c -> c.id().equals(id)).mapToDouble(c -> c.probability()).findFirst().orElse(0);
    }

    @Test
    void aProcessThatExitedWithZeroAndStayedStoppedIsWhyItsCheckFails() {
        // superfly/flyctl#2653: an image without a long-running process exits at once, the check then fails
        Assessment stopped = machineExitedWithZero("stopped");
        assertTrue(Fleet.weighs(stopped, "app.crash-on-boot/exits-by-itself"), stopped.causes().toString());
        // the exit, not the check, is the reading: the failing check ranks below the crash (or drops out of the list;
        // an exit without text is a weak signal, so unknown may lead both)
        assertTrue(Fleet.weighs(stopped, "app.healthcheck-failing/process-ended")
                || stopped.causes().stream().noneMatch(c -> c.id().equals(CauseId.APP_HEALTHCHECK_FAILING)),
                stopped.causes().toString());
        assertTrue(probability(stopped, CauseId.APP_CRASH_ON_BOOT) > probability(stopped, CauseId.APP_HEALTHCHECK_FAILING),
                stopped.causes().toString());
        // near miss: the same exit on a machine that was started again says nothing about the process now
        Assessment restarted = machineExitedWithZero("started");
        assertTrue(!Fleet.weighs(restarted, "app.crash-on-boot/exits-by-itself")
                && !Fleet.weighs(restarted, "app.healthcheck-failing/process-ended"), restarted.causes().toString());
    }

    @Test
    void goNamingTheResolverThatFailedItIsADnsProblemAndARefusedConnectionIsNot() throws IOException {
        // superfly/flyctl#764: the runner's own resolver refuses the lookup
        Assessment a = deployFailsWith("""
                Error: Post "https://api.fly.io/graphql": dial tcp: lookup api.fly.io on [::1]:53: read udp [::1]:41022->[::1]:53: read: connection refused
                ##[error]Process completed with exit code 1.
                """);
        assertEquals(CauseId.NETWORK_DNS, top(a), a.causes().toString());
        Assessment refused = deployFailsWith("""
                Error: Post "https://api.fly.io/graphql": dial tcp 10.0.4.21:443: connect: connection refused
                ##[error]Process completed with exit code 1.
                """);
        assertTrue(refused.causes().stream().noneMatch(c -> c.id().equals(CauseId.NETWORK_DNS)), refused.causes().toString());
    }

    @Test
    void goTimingOutOnARegistryInItsOwnWordsIsAnUnreachableRegistryAndADenialIsNot() throws IOException {
        // docker/setup-buildx-action#64: booting BuildKit, Docker Hub does not answer in time
        Assessment a = deployFailsWith("""
                #1 ERROR: Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: request canceled (Client.Timeout exceeded while awaiting headers)
                ##[error]Process completed with exit code 1.
                """);
        assertEquals(CauseId.REGISTRY_UNAVAILABLE, top(a), a.causes().toString());
        Assessment denied = deployFailsWith("""
                Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password
                ##[error]Process completed with exit code 1.
                """);
        assertTrue(denied.causes().stream().noneMatch(c -> c.id().equals(CauseId.REGISTRY_UNAVAILABLE)
                && c.probability() > 0.2), denied.causes().toString());
    }
}
