package io.sophia.report;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.GateDecision;
import io.sophia.core.Service;
import io.sophia.core.Status;
import io.sophia.diagnosis.History;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facade does what {@code sophia check --history} does: a host's check compares each service's latency with its
 * own past runs and records the run, through {@link Sophia#check()} and through {@link CheckRun#of(ProbePlan, Path)}.
 * The slow answer is a server-side delay of 800 ms against a history of 5 ms answers and a 30 s timeout, so no
 * outcome depends on the machine's speed.
 */
class CheckHistoryTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final String TOKEN = "ghp_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";

    @TempDir
    Path dir;

    private HttpServer server;
    private Deployment deployment;

    /** A service that answers 200 after 800 ms. */
    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try {
                Thread.sleep(800);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        deployment = new Deployment("shop", List.of(Service.builder("api", "http://127.0.0.1:"
                + server.getAddress().getPort() + "/health").name("API").capability("Checkout").critical().build()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Sophia.Builder sophia() {
        return Sophia.builder(deployment).probe(DeploymentConfig.ProbeSettings.timeout(Duration.ofSeconds(30)))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).env(name -> null);
    }

    /** {@code runs} past runs in which api was UP in 5 ms. */
    private Path pastRuns(Path file, int runs) throws IOException {
        Files.createDirectories(file.getParent());
        String line = "{\"sophiaHistory\":1,\"deployment\":\"shop\",\"generatedAt\":\"2026-01-02T03:04:05Z\",\"gate\":\"OPEN\","
                + "\"services\":[{\"id\":\"api\",\"status\":\"UP\",\"latencyMs\":5}],\"causes\":[]}\n";
        Files.writeString(file, line.repeat(runs));
        return file;
    }

    @Test
    void aHostsCheckIsComparedWithItsOwnPastRunsAndRecorded() throws IOException {
        Path file = pastRuns(dir.resolve("history.jsonl"), 6);
        List<String> warnings = new ArrayList<>();
        Sophia sophia = sophia().history(CheckHistory.at(file).keep(5).warnings(warnings::add)).build();

        Assessment a = sophia.check();
        assertEquals(Status.DEGRADED, a.service("api").orElseThrow().status());
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
        assertTrue(a.service("api").orElseThrow().failure().endsWith(
                " times its usual 5 ms (the median of the 6 earlier runs in which it was UP)"),
                a.service("api").orElseThrow().failure());
        assertEquals(List.of(), warnings);
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size(), "the last 5 runs, this one included");
        assertTrue(lines.get(4).contains("\"DEGRADED\""), lines.get(4));

        // the host that writes the report set itself goes through the plan: the same comparison, recorded too
        CheckRun run = CheckRun.of(sophia.plan(), dir.resolve("out"));
        assertEquals(Status.DEGRADED, run.assessment().service("api").orElseThrow().status());
        assertTrue(Files.readString(dir.resolve("out/report.md")).contains("times its usual 5 ms"));
        assertTrue(Files.readAllLines(file).get(4).contains("\"DEGRADED\""));

        // without a history the same answer is UP and the gate opens
        Assessment without = sophia().build().check();
        assertEquals(Status.UP, without.service("api").orElseThrow().status());
        assertEquals(GateDecision.Verdict.OPEN, without.gate().status());
    }

    @Test
    void theHistoryNeverFailsTheCheckAndItsWarningsAreRedacted() throws IOException {
        Path blocked = Files.writeString(dir.resolve("blocked"), "x");
        List<String> warnings = new ArrayList<>();
        Sophia sophia = sophia().history(CheckHistory.at(blocked.resolve(TOKEN).resolve("history.jsonl"))
                .warnings(warnings::add)).build();

        Assessment a = sophia.check();
        assertEquals(Status.UP, a.service("api").orElseThrow().status(), "no baseline: nothing to be slow against");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("cannot be read (FileSystemException)"), warnings.get(0));
        assertTrue(warnings.get(1).contains("was not updated (FileSystemException)"), warnings.get(1));
        assertTrue(warnings.stream().noneMatch(w -> w.contains(TOKEN)), warnings.toString());
        assertFalse(sophia.history().orElseThrow().toString().contains(TOKEN));
    }

    @Test
    void aFirstRunCreatesTheFileAndTooSmallAWindowIsRefused() {
        Path file = dir.resolve("cache/a/b/history.jsonl");
        Assessment a = sophia().history(CheckHistory.at(file)).build().check();
        assertEquals(Status.UP, a.service("api").orElseThrow().status());
        History h = History.read(file);
        assertEquals(1, h.assessments());
        assertTrue(h.baselines().isEmpty(), "one run is no baseline yet");
        assertThrows(IllegalArgumentException.class, () -> CheckHistory.at(file).keep(History.MIN_BASELINE_SAMPLES - 1));
    }
}
