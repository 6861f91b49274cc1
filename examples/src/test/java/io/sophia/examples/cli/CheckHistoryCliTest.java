package io.sophia.examples.cli;

import io.sophia.core.testing.RefusedPort;
import io.sophia.examples.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sophia.diagnosis.History;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "far over its own baseline" in {@code sophia check}: with {@code --history FILE} a service that answers, but
 * far slower than in its past runs, is DEGRADED and the gate WARNs, and the report says what the baseline was; without
 * the history the same answer is UP and the gate OPEN. The history survives garbage, is created when missing, and a
 * location that cannot be written is a warning, never a failed check or a printed token.
 *
 * <p>No outcome depends on the machine's speed: the slow answer is a server-side delay chosen far above the baseline
 * (a history written with 5 ms answers, or the median the fast runs actually measured), and the probe's 30 s
 * timeout is far above the delay.
 */
class CheckHistoryCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-23T14:12:55Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A token of GitHub's shape: masked by pattern wherever it appears. */
    private static final String TOKEN = "ghp_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2";
    /** A vault value of no known shape: masked because the config names its variable. */
    private static final String VAULT_VALUE = "quiet-harbour-4471-vault";

    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicLong delayMs = new AtomicLong();
    private Path config;

    private static CliRun run(Function<String, String> env, String... args) {
        return CliRun.of(CLOCK, env, args);
    }

    private CliRun check(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--config", config.toString(),
                "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(more));
        return run(n -> null, args.toArray(String[]::new));
    }

    /** One critical HTTP service that answers 200, after {@link #delayMs} when it is set. */
    @BeforeEach
    void startTheService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            try {
                long d = delayMs.get();
                if (d > 0) {
                    Thread.sleep(d);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        config = tmp.resolve("shop.yaml");
        // the timeout is far above any delay below: the slow answer is an answer, not a timeout
        Files.writeString(config, """
                deployment: shop
                services:
                  - id: api
                    url: http://127.0.0.1:%d/health
                    critical: true
                    capability: Checkout
                probe: {timeout: 30s, retries: 0}
                """.formatted(server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A history of {@code runs} past runs in which api was UP and answered in {@code ms}. */
    private Path history(int runs, long ms) throws IOException {
        Path file = tmp.resolve("cache/history.jsonl");
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < runs; i++) {
            lines.append("{\"deployment\":\"shop\",\"generatedAt\":\"2025-08-2").append(i % 10)
                    .append("T10:00:00Z\",\"gate\":\"OPEN\",\"services\":[{\"id\":\"api\",\"status\":\"UP\",\"latencyMs\":")
                    .append(ms).append("}],\"causes\":[]}\n");
        }
        Files.writeString(file, lines);
        return file;
    }

    private JsonNode api() throws IOException {
        JsonNode report = JSON.readTree(tmp.resolve("out/report.json").toFile());
        return report.path("services").get(0);
    }

    private String gate() throws IOException {
        return JSON.readTree(tmp.resolve("out/report.json").toFile()).path("gate").path("status").asText();
    }

    @Test
    void aServiceFarSlowerThanItsOwnPastRunsIsDegradedAndTheGateWarnsOnlyWithTheHistory() throws IOException {
        Path file = history(20, 5);
        delayMs.set(600); // 120 times the 5 ms baseline, 595 ms above it

        CliRun withHistory = check("--history", file.toString());
        assertEquals(1, withHistory.exit(), "gate WARN: " + withHistory.out() + withHistory.err());
        assertEquals("", withHistory.err(), "no warning for a good history");
        assertEquals("DEGRADED", api().path("status").asText());
        assertEquals("WARN", gate());
        String failure = api().path("failure").asText();
        assertTrue(failure.matches("answered in \\d+ ms, \\d+ times its usual 5 ms "
                + "\\(the median of the 20 earlier runs in which it was UP\\)"), failure);
        assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("times its usual 5 ms (the median of the 20"
                + " earlier runs in which it was UP)"), "the Markdown report names the baseline");
        assertTrue(withHistory.out().contains("times its usual 5 ms"), withHistory.out());
        assertEquals(5, api().path("baselineMs").asLong(-1), "report.json carries the baseline as a number");
        assertTrue(Files.readString(tmp.resolve("out/report.md")).contains(" ms (usual 5 ms) |"),
                "the latency cell shows the usual latency beside this run's");

        List<String> lines = Files.readAllLines(file);
        assertEquals(21, lines.size(), "this run is recorded");
        assertTrue(lines.get(20).contains("\"status\":\"DEGRADED\""), lines.get(20));
        assertEquals(new History.Baseline(5, 20), History.read(file).baselines().get("api"),
                "a slow run does not move the baseline");

        // the same slow answer with nothing to compare it with: UP, and the gate opens
        CliRun without = check();
        assertEquals(0, without.exit(), without.out() + without.err());
        assertEquals("UP", api().path("status").asText());
        assertEquals("OPEN", gate());
        assertTrue(api().path("baselineMs").isMissingNode(), "no history, no baseline in report.json");
        assertEquals(21, Files.readAllLines(file).size(), "a check without --history leaves the file alone");
    }

    @Test
    void historyKeepBoundsTheFileAndIsCheckedLikeEveryOption() throws IOException {
        Path file = history(6, 5);

        CliRun kept = check("--history", file.toString(), "--history-keep", "4");
        assertEquals(0, kept.exit(), kept.out() + kept.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), "the last 4 runs, this one included");
        assertTrue(lines.get(3).contains("\"generatedAt\":\"2025-08-23T14:12:55Z\""), "this run is the last: " + lines.get(3));

        CliRun tooFew = check("--history", file.toString(), "--history-keep", "2");
        CliRun alone = check("--history-keep", "10");
        assertEquals(64, tooFew.exit());
        assertTrue(tooFew.err().contains("--history-keep: expected a number of runs from 3 to 10000, got '2'"), tooFew.err());
        assertEquals(64, alone.exit());
        assertTrue(alone.err().contains("--history-keep needs --history FILE"), alone.err());
        assertEquals(4, Files.readAllLines(file).size(), "a refused command line leaves the history alone");
    }

    @Test
    void theBaselineIsLearnedFromTheChecksOwnRuns() throws IOException {
        Path file = tmp.resolve("new/dir/history.jsonl");
        for (int i = 0; i < History.MIN_BASELINE_SAMPLES; i++) {
            CliRun fast = check("--history", file.toString());
            assertEquals(0, fast.exit(), fast.out() + fast.err());
            assertEquals("", fast.err());
        }
        assertEquals(History.MIN_BASELINE_SAMPLES, Files.readAllLines(file).size(), "the missing file was created");
        long baseline = History.read(file).latencyBaselines().get("api");
        // chosen from what the fast runs measured, so a slow machine cannot make it "usual"
        delayMs.set(3 * baseline + 1_000);

        CliRun slow = check("--history", file.toString());
        assertEquals(1, slow.exit(), slow.out() + slow.err());
        assertEquals("DEGRADED", api().path("status").asText());
        assertTrue(api().path("failure").asText().contains("times its usual " + baseline + " ms (the median of the "
                + History.MIN_BASELINE_SAMPLES + " earlier runs"), api().path("failure").asText());
    }

    @Test
    void garbageAndHugeLinesAreSkippedWithAWarningAndDroppedTheBaselineStillHolds() throws IOException {
        Path file = history(4, 5);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write("\u001b[2J garbage \u0000\n");
            w.write("{\"services\":[{\"id\":\"api\",\"status\":\"UP\",\"latencyMs\":1,\"pad\":\"");
            w.write("x".repeat(History.MAX_LINE + 10));
            w.write("\"}]}\n{\"services\":[{\"id\":\"api\",\"st");
        }
        delayMs.set(600);

        CliRun r = check("--history", file.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("DEGRADED", api().path("status").asText());
        assertTrue(r.err().contains("sophia: warning: the history " + file + " has 3 unusable lines"), r.err());
        assertFalse(r.err().contains("\u001b"), "nothing of the file reaches the terminal: " + r.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size(), "4 good lines and this run; the unusable ones dropped: " + lines.size());
        assertEquals(0, History.read(file).skippedLines());
    }

    @Test
    void aCredentialsFileNamedAsTheHistoryIsLeftAsItWasAndNotQuoted() throws IOException {
        // every line unusable: it is no history, so the run is not recorded over it
        String token = "ghp" + "_Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N";
        String content = "GITHUB_TOKEN=" + token + "\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        Path creds = Files.writeString(tmp.resolve(".env"), content);

        CliRun r = check("--history", creds.toString());

        assertTrue(r.exit() == 0 || r.exit() == 1, r.out() + r.err());
        assertEquals(content, Files.readString(creds), "the file named by mistake is as it was");
        assertTrue(r.err().contains("sophia: warning: the history " + creds + " holds no recorded run"), r.err());
        assertTrue(r.err().contains("was not updated (" + History.NOT_A_HISTORY + ")"), r.err());
        assertFalse(r.err().contains("Q7wE9rT2yU4i") || r.err().contains("wJalrXUtnFEMI"), r.err());
    }

    @Test
    void aHistoryThatCannotBeWrittenIsAWarningAndTheCheckStands() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("history.jsonl");

        CliRun r = check("--history", file.toString());
        assertEquals(0, r.exit(), "the gate's code, not a failure: " + r.out() + r.err());
        assertTrue(r.err().contains("sophia: warning: the history " + file + " cannot be read"), r.err());
        assertTrue(r.err().contains("sophia: warning: the history " + file + " was not updated (FileSystemException)"),
                r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/report.json")), "the reports are written");
        assertEquals("x", Files.readString(notADirectory));
    }

    @Test
    void aTokenInTheHistoryPathIsNeverPrinted() throws IOException {
        Files.writeString(config, Files.readString(config) + """
                pipeline:
                  github: {apiUrl: "http://127.0.0.1:%d", repository: acme/shop, runId: 1, tokenEnv: VAULT_TOKEN}
                """.formatted(closedPort()));
        Path blocked = Files.writeString(tmp.resolve("blocked"), "x");
        Function<String, String> env = n -> n.equals("VAULT_TOKEN") ? VAULT_VALUE : null;
        for (String secret : List.of(TOKEN, VAULT_VALUE)) {
            Path file = blocked.resolve(secret).resolve("history.jsonl");
            CliRun r = run(env, "check", "--config", config.toString(), "--out", tmp.resolve("out").toString(),
                    "--history", file.toString());
            assertTrue(r.err().contains("sophia: warning: the history "), r.err());
            assertFalse((r.out() + r.err()).contains(secret), "masked: " + r.err());
            assertTrue(r.err().contains(io.sophia.report.Redaction.MASK), r.err());
            for (String report : List.of("report.md", "report.json", "report.html", "junit.xml")) {
                assertFalse(Files.readString(tmp.resolve("out").resolve(report)).contains(secret), report);
            }
        }
    }

    @Test
    void aDirectoryIsAHistoryThatCannotBeReadAndTheHelpNamesTheOption() throws IOException {
        Path directory = Files.createDirectories(tmp.resolve("d"));
        CliRun dir = check("--history", directory.toString());
        assertTrue(dir.exit() == 0 || dir.exit() == 1, "a history never fails the check: " + dir.err());
        assertTrue(dir.err().contains("the history " + directory + " cannot be read"), dir.err());
        assertTrue(run(n -> null, "check", "--help").out().contains("--history FILE"));
        assertTrue(run(n -> null, "watch", "--help").out().contains("--history FILE"));
        assertEquals(64, check("--history").exit(), "the option needs a file");
    }

    @Test
    void watchComparesAndRecordsEveryRound() throws IOException {
        Path file = history(5, 5);
        delayMs.set(600);
        CliRun r = run(n -> null, "watch", "--config", config.toString(), "--out", tmp.resolve("out").toString(),
                "--interval", "10ms", "--count", "2", "--history", file.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(2, r.out().lines().filter(l -> l.contains("gate WARN, 0/1 UP")).count(), r.out());
        assertEquals(7, Files.readAllLines(file).size(), "one line per round");
        assertEquals("DEGRADED", api().path("status").asText());
    }

    @Test
    void theFileKeepsTheLast50RunsOnly() throws IOException {
        Path file = history(History.DEFAULT_KEEP + 10, 5);
        CliRun r = check("--history", file.toString());
        // OPEN or WARN: how fast this machine answers against the 5 ms baseline is not the point here
        assertTrue(r.exit() == 0 || r.exit() == 1, r.out() + r.err());
        List<String> lines = Files.readAllLines(file);
        assertEquals(History.DEFAULT_KEEP, lines.size());
        assertTrue(lines.get(History.DEFAULT_KEEP - 1).contains("\"generatedAt\":\"2025-08-23T14:12:55Z\""),
                "this run last: " + lines.get(History.DEFAULT_KEEP - 1));
    }

    private static int closedPort() {
        return RefusedPort.held();
    }
}
