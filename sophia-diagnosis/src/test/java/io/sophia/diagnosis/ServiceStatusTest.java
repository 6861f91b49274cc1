package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceStatusTest {

    private static final Service API = Service.builder("api", "https://api.example.test/health")
            .name("API").capability("Orders").critical()
            .expect(Expectations.builder().statusCodes(200).maxLatency(Duration.ofMillis(300)).minCertificateDays(10).build())
            .build();

    private static ServiceHealth health(Observation... o) {
        return Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)), List.of(o), Fleet.NOW)
                .service("api").orElseThrow();
    }

    private static Observation.HttpCheck http(int code, long ms, String version) {
        return Observation.HttpCheck.builder("api", Source.HTTP, "https://api.example.test/health", code)
                .latency(Duration.ofMillis(ms)).body("{}", "application/json").version(version).build();
    }

    private static Observation.PlatformMachine machine(String state) {
        return Observation.PlatformMachine.builder("api", Source.FLY, "api-app", "m1").name("m1").state(state, false)
                .region("fra").imageRef("img").hostStatus("ok").updatedAt(Fleet.T0).build();
    }

    private static Observation.TlsHandshake cert(long days, boolean hostOk) {
        return new Observation.TlsHandshake("api", Source.TLS, "api.example.test", 443, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                "CN=api.example.test", "CN=R11", Fleet.NOW.minus(Duration.ofDays(60)), Fleet.NOW.plus(Duration.ofDays(days)),
                days, hostOk, false, true, 2);
    }

    @Test
    void anAcceptedAnswerIsUpWithItsNumbers() {
        ServiceHealth h = health(http(200, 120, "8f3c2b1a9d0e"));
        assertEquals(Status.UP, h.status());
        assertEquals(200, h.httpStatus());
        assertEquals(120L, h.latencyMs());
        assertEquals("8f3c2b1a9d0e", h.version());
        assertEquals(null, h.failure());
    }

    @Test
    void aSlowAnswerIsDegradedAndSaysByHowMuch() {
        ServiceHealth h = health(http(200, 900, null));
        assertEquals(Status.DEGRADED, h.status());
        assertEquals("answered in 900 ms, above the 300 ms limit", h.failure());
    }

    @Test
    void aRejectedStatusIsDown() {
        ServiceHealth h = health(http(503, 20, null));
        assertEquals(Status.DOWN, h.status());
        assertEquals("HTTP 503 is not an accepted status", h.failure());
    }

    @Test
    void aFailureWhoseDetailStartsWithItsKindSaysTheWordsOnce() {
        ServiceHealth h = health(Fleet.failure("api", "http", FailureKind.CONNECTION_REFUSED, null,
                "connection refused: nothing listens on 127.0.0.1:9"));
        assertEquals("connection refused: nothing listens on 127.0.0.1:9", h.failure());
        ServiceHealth other = health(Fleet.failure("api", "tcp", FailureKind.CONNECTION_RESET, null, "reset by peer"));
        assertEquals("connection reset (reset by peer)", other.failure());
    }

    @Test
    void aProbeTheChecksBudgetLeftNoRoomForIsUnknownNeverDown() {
        // as ProbeRunner reports a probe that waited for a slot until the budget could no longer hold its timeout
        Observation notProbed = Fleet.failure("api", "http", FailureKind.NOT_PROBED, null,
                "not probed: the check's time budget ran out (3000 ms for the check, 1024 probes at once)");
        ServiceHealth h = health(notProbed);
        assertEquals(Status.UNKNOWN, h.status());
        assertEquals("not probed: the check's time budget ran out (3000 ms for the check, 1024 probes at once)",
                h.failure());
        // what another probe of the same service saw still counts: it is not drowned by the unknown
        assertEquals(Status.UP, health(notProbed, new Observation.TcpConnect("api", Source.TCP, "api.example.test", 443,
                Duration.ofMillis(3))).status());
        assertEquals(Status.DOWN, health(notProbed,
                Fleet.failure("api", "tls", FailureKind.CONNECTION_REFUSED, null, "connection refused")).status());
    }

    @Test
    void downWinsOverUpLikeSpringBootsAggregation() {
        assertEquals(Status.DOWN, health(http(200, 10, null),
                Fleet.failure("api", "tcp", FailureKind.CONNECTION_RESET, null, "reset by peer")).status());
        assertEquals(Status.DEGRADED, health(http(200, 10, null),
                new Observation.ConditionCheck("api", Source.HTTP, "[BODY].status == ok", false, "starting")).status());
    }

    @Test
    void aCertificateExpiringWithinTheServicesLimitIsDegraded() {
        ServiceHealth h = health(http(200, 10, null), cert(5, true));
        assertEquals(Status.DEGRADED, h.status());
        assertEquals("TLS certificate expires in 5 days", h.failure());
        assertEquals(Status.DOWN, health(http(200, 10, null), cert(200, false)).status());
    }

    @Test
    void stoppedMachinesWithoutAnAnswerAreDownButAnAnswerWinsAndIsAnAnomaly() {
        assertEquals(Status.DOWN, health(machine("stopped")).status());
        assertEquals(Status.UNKNOWN, health().status());
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)),
                List.of(http(200, 10, null), machine("stopped")), Fleet.NOW);
        assertEquals(Status.UP, a.service("api").orElseThrow().status());
        assertEquals("machine-stopped-service-up", a.anomalies().get(0).kind());
        assertTrue(a.anomalies().get(0).statements().get(0).contains("m1 stopped"), a.anomalies().toString());
    }

    @Test
    void aStartedMachineThatRefusesConnectionsIsAnAnomalyAndPointsAtTheHealthCheck() {
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)),
                List.of(Fleet.failure("api", "http", FailureKind.CONNECTION_REFUSED, null, "connection refused"),
                        machine("started")), Fleet.NOW);
        assertEquals("machine-started-http-refused", a.anomalies().get(0).kind());
        assertEquals(List.of("Fly.io: machine m1 of app api-app is started", "HTTP: connection refused at "
                + "https://sophiaai-api-v2.fly.dev/health"), a.anomalies().get(0).statements());
        assertEquals("app.healthcheck-failing", a.topCause().orElseThrow().id().value());
    }

    @Test
    void aServiceServingAnotherCommitThanTheRunIsAVersionMismatch() {
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)),
                List.of(http(200, 10, "0123456789ab"), Fleet.run("success")), Fleet.NOW);
        assertEquals("version-mismatch", a.anomalies().get(0).kind());
        assertTrue(a.anomalies().get(0).summary().contains("not the run's commit 8f3c2b1a9d0e"), a.anomalies().toString());
        Assessment same = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)),
                List.of(http(200, 10, "8f3c2b1"), Fleet.run("success")), Fleet.NOW);
        assertTrue(same.anomalies().isEmpty());
    }

    /** docker/metadata-action's {@code type=sha} tag ("sha-" and the short commit) names a commit as a bare hash does. */
    @Test
    void aVersionBehindTheShaPrefixIsReadAsItsCommit() {
        Assessment other = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)),
                List.of(http(200, 10, "sha-0123456"), Fleet.run("success")), Fleet.NOW);
        assertEquals("version-mismatch", other.anomalies().get(0).kind());
        assertTrue(other.anomalies().get(0).summary().contains("serves version sha-0123456"), other.anomalies().toString());
        Assessment same = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)),
                List.of(http(200, 10, "SHA-8F3C2B1"), Fleet.run("success")), Fleet.NOW);
        assertTrue(same.anomalies().isEmpty(), same.anomalies().toString());
        Assessment words = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)),
                List.of(http(200, 10, "sha-latest"), Fleet.run("success")), Fleet.NOW);
        assertTrue(words.anomalies().isEmpty(), words.anomalies().toString());
    }

    private static Observation.PlatformMachine machine(String id, String state, Observation.MachineEvent... events) {
        return Observation.PlatformMachine.builder("api", Source.FLY, "api-app", id).name(id).state(state, false)
                .region("fra").imageRef("img").hostStatus("ok").events(List.of(events)).updatedAt(Fleet.T0).build();
    }

    private static Observation.MachineEvent exit(Integer code, boolean oom, long secondsAgo) {
        // detail as the Linux kernel prints it (deploy-errors.tsv, category oom)
        return new Observation.MachineEvent("exit", "stopped", "flyd", Fleet.NOW.minusSeconds(secondsAgo), code, oom,
                oom ? "Out of memory: Killed process 611 (node)" : null);
    }

    @Test
    void oneOfThreeMachinesKilledForMemoryIsLostCapacityAndTheOomIsDiagnosed() {
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(API)), List.of(http(200, 10, null),
                machine("m1", "stopped", exit(137, true, 60)), machine("m2", "started"), machine("m3", "started")),
                Fleet.NOW);
        ServiceHealth h = a.service("api").orElseThrow();
        assertEquals(Status.DEGRADED, h.status());
        assertEquals("1 of 3 machines stopped after m1 an out-of-memory kill", h.failure());
        assertEquals("app.oom", a.topCause().orElseThrow().id().value(), a.causes().toString());
    }

    @Test
    void aStopThePlatformAskedForOrAnExitThatIsNotTheNewestIsNoLostCapacity() {
        // auto-stop sends SIGINT/SIGTERM: exit 130 or 143 is a requested stop
        assertEquals(Status.UP, health(http(200, 10, null), machine("m1", "stopped", exit(143, false, 60)),
                machine("m2", "started")).status());
        // a crash an hour ago, then a clean stop: the newest exit (by timestamp, whatever the list order) decides
        assertEquals(Status.UP, health(http(200, 10, null), machine("m1", "stopped", exit(0, false, 60),
                exit(1, false, 3600)), machine("m2", "started")).status());
        assertEquals(Status.DEGRADED, health(http(200, 10, null), machine("m1", "stopped", exit(0, false, 3600),
                exit(1, false, 60)), machine("m2", "started")).status());
        // a crashed machine that is running again is no loss
        assertEquals(Status.UP, health(http(200, 10, null), machine("m1", "started", exit(1, false, 60)),
                machine("m2", "started")).status());
    }
}
