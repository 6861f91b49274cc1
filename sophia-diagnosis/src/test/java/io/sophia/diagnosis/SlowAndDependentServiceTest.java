package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Evidence;
import io.sophia.core.Expectations;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: a slow service that answers is DEGRADED (over its expectation, or far over its own baseline) and the gate
 * WARNs instead of opening; evidence about a service whose dependency is DOWN is kept, explained and shown.
 */
class SlowAndDependentServiceTest {

    @TempDir
    Path dir;

    private static final Service API = Service.builder("api", "https://api.example.test/health").name("API")
            .capability("Orders").critical().build();

    private static Observation.HttpCheck http(long ms) {
        return Observation.HttpCheck.builder("api", Source.HTTP, "https://api.example.test/health", 200)
                .latency(Duration.ofMillis(ms)).body("{}", "application/json").build();
    }

    @Test
    void aServiceFarAboveItsOwnBaselineIsDegradedAndTheGateWarns() throws IOException {
        Deployment d = new Deployment("one", List.of(API));
        Path file = dir.resolve("history.jsonl");
        for (long ms : new long[] {110, 130, 120, 125}) {
            History.append(file, Diagnosis.ofDefaults().diagnose(d, List.of(http(ms)), Fleet.NOW));
        }
        History history = History.read(file);
        assertEquals(Long.valueOf(125), history.latencyBaselines().get("api"));
        Diagnosis withHistory = Diagnosis.builder().knowledgeBase(KnowledgeBase.builtIn().withHistory(history)).build();

        Assessment usual = withHistory.diagnose(d, List.of(http(140)), Fleet.NOW);
        assertEquals(Status.UP, usual.service("api").orElseThrow().status());
        assertEquals(GateDecision.Verdict.OPEN, usual.gate().status());

        Assessment slow = withHistory.diagnose(d, List.of(http(2400)), Fleet.NOW);
        assertEquals(Status.DEGRADED, slow.service("api").orElseThrow().status());
        assertEquals("answered in 2400 ms, 19 times its usual 125 ms (the median of the 4 earlier runs in which it was UP)", slow.service("api").orElseThrow().failure());
        assertEquals(GateDecision.Verdict.WARN, slow.gate().status(), "answers, so not BLOCKED; slow, so not OPEN");
        // without a history the same answer has nothing to be compared with
        assertEquals(Status.UP, Diagnosis.ofDefaults().diagnose(d, List.of(http(2400)), Fleet.NOW).service("api")
                .orElseThrow().status());
    }

    @Test
    void anMcpServerOrATcpServiceFarAboveItsOwnBaselineIsDegradedToo() throws IOException {
        Deployment d = new Deployment("ctx", List.of(Fleet.service("ctx", "Context", "Context", ServiceKind.MCP),
                Fleet.service("db", "Database", "Storage", ServiceKind.TCP)));
        Path file = dir.resolve("history.jsonl");
        for (long ms : new long[] {40, 50, 45}) {
            History.append(file, Diagnosis.ofDefaults().diagnose(d, List.of(mcp(ms), tcp(ms / 10)), Fleet.NOW));
        }
        History history = History.read(file);
        Diagnosis withHistory = Diagnosis.builder().knowledgeBase(KnowledgeBase.builtIn().withLatencyBaselines(history))
                .build();

        Assessment slow = withHistory.diagnose(d, List.of(mcp(1800), tcp(4)), Fleet.NOW);
        assertEquals(Status.DEGRADED, slow.service("ctx").orElseThrow().status());
        assertEquals("answered in 1800 ms, 40 times its usual 45 ms (the median of the 3 earlier runs in which it was UP)",
                slow.service("ctx").orElseThrow().failure());
        assertEquals(Status.UP, slow.service("db").orElseThrow().status(), "4 ms against 4 ms is usual");
        assertEquals(GateDecision.Verdict.WARN, slow.gate().status());

        Assessment slowDb = withHistory.diagnose(d, List.of(mcp(50), tcp(900)), Fleet.NOW);
        assertEquals(Status.UP, slowDb.service("ctx").orElseThrow().status());
        assertEquals(Status.DEGRADED, slowDb.service("db").orElseThrow().status());
        // a service already down is not also called slow
        Assessment down = withHistory.diagnose(d, List.of(Fleet.failure("ctx", "mcp",
                io.sophia.core.FailureKind.CONNECTION_REFUSED, null, "connection refused"), tcp(4)), Fleet.NOW);
        assertEquals(Status.DOWN, down.service("ctx").orElseThrow().status());
        assertTrue(!down.service("ctx").orElseThrow().failure().contains("usual"), down.service("ctx").toString());
    }

    private static Observation.McpHandshake mcp(long ms) {
        return new Observation.McpHandshake("ctx", Source.MCP, "2025-06-18", "handshake", "ctx", "1.4.2",
                List.of("tools"), 7, Duration.ofMillis(ms));
    }

    private static Observation.TcpConnect tcp(long ms) {
        return new Observation.TcpConnect("db", Source.TCP, "db.internal", 5432, Duration.ofMillis(ms));
    }

    @Test
    void aServiceOverItsLatencyExpectationIsDegradedAndTheGateWarns() {
        Service limited = Service.builder("api", "https://api.example.test/health").name("API").capability("Orders")
                .critical().expect(new Expectations(List.of(200), Duration.ofMillis(300), null, null, 10, null, null,
                        null)).build();
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("one", List.of(limited)), List.of(http(900)),
                Fleet.NOW);
        assertEquals(Status.DEGRADED, a.service("api").orElseThrow().status());
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
    }

    @Test
    void evidenceAboutAServiceWhoseDependencyIsDownIsKeptExplainedAndShown() {
        Deployment d = new Deployment("shop", List.of(
                Fleet.service("db", "Database", "Storage", ServiceKind.TCP),
                Fleet.service("api", "API", "Orders", ServiceKind.HTTP, "db")));
        List<Observation> o = new ArrayList<>();
        o.add(Fleet.failure("db", "tcp", io.sophia.core.FailureKind.CONNECT_TIMEOUT, null, "connect timed out"));
        o.add(Fleet.refused("api"));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(Status.DOWN, a.service("api").orElseThrow().status());
        List<Evidence> shown = a.causes().stream().flatMap(c -> c.evidence().stream())
                .filter(e -> e.serviceIds().contains("api") && e.text().contains("not counted")).toList();
        assertTrue(!shown.isEmpty(), "api's own evidence is shown: " + a.causes());
        assertTrue(a.causes().stream().anyMatch(c -> c.id().equals(CauseId.DEPENDENCY_DOWN)), a.causes().toString());
        for (Evidence e : shown) {
            assertEquals(0.0, e.weight(), "explained evidence does not count: " + e.text());
            assertTrue(e.text().contains("depends on db, which is DOWN"), e.text());
        }
        assertTrue(a.causes().stream().filter(c -> !c.id().equals(CauseId.DEPENDENCY_DOWN))
                .noneMatch(c -> c.serviceIds().contains("api") && c.evidence().stream()
                        .allMatch(e -> e.weight() == 0)), "no cause claims api on uncounted evidence alone");
    }
}
