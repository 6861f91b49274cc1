package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.Source;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {

    @TempDir
    Path dir;

    @Test
    void priorsFollowThePastTopCauses() throws IOException {
        Path file = dir.resolve("history.jsonl");
        Assessment reference = Diagnosis.ofDefaults().diagnose(Fleet.reference(), Fleet.referenceObservations(), Fleet.NOW);
        Assessment healthy = Diagnosis.ofDefaults().diagnose(Fleet.reference(), Fleet.allHealthy(Fleet.reference()), Fleet.NOW);
        for (int i = 0; i < 10; i++) {
            History.append(file, reference);
        }
        History.append(file, healthy);
        // a report.json on one line, and a line of the history cut short
        Files.writeString(file, "{\"schemaVersion\":\"1.4\",\"gate\":{\"status\":\"BLOCKED\"},"
                        + "\"diagnosis\":{\"causes\":[{\"id\":\"app.oom\"}]}}\n{\"causes\":[{\"id\":\"app.o",
                java.nio.file.StandardOpenOption.APPEND);
        History h = History.read(file);
        assertEquals(12, h.assessments());
        assertEquals(11, h.failures());
        assertEquals(1, h.skippedLines(), "the line cut short is skipped");
        assertEquals(10, h.topCauses().get(CauseId.BUILD_DOCKERFILE));
        KnowledgeBase kb = KnowledgeBase.builtIn().withHistory(h);
        double before = KnowledgeBase.builtIn().cause(CauseId.BUILD_DOCKERFILE).orElseThrow().prior();
        double after = kb.cause(CauseId.BUILD_DOCKERFILE).orElseThrow().prior();
        assertEquals((0.08 * 20 + 10) / 31, after, 1e-9);
        assertTrue(after > before);
        assertTrue(kb.cause(CauseId.NETWORK_DNS).orElseThrow().prior() < 0.02);
    }

    /** A service's latency as the diagnosis records it: one HTTP answer in {@code ms}. */
    private static Assessment answered(long ms) {
        Deployment d = new Deployment("one", List.of(Service.http("api", "https://api.example.test/health")));
        return Diagnosis.ofDefaults().diagnose(d, List.of(Observation.HttpCheck.builder("api", Source.HTTP,
                "https://api.example.test/health", 200).latency(Duration.ofMillis(ms)).body("{}", "application/json")
                .build()), Fleet.NOW);
    }

    @Test
    void aBoundedAppendKeepsTheLastLinesAndTheBaselineFollowsThem() throws IOException {
        Path file = dir.resolve("nested/dir/history.jsonl");
        for (long ms = 1; ms <= 12; ms++) {
            History.append(file, answered(ms * 10), 5);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size(), "the last 5 runs only: " + lines);
        assertTrue(lines.get(0).contains("\"latencyMs\":80") && lines.get(4).contains("\"latencyMs\":120"),
                lines.toString());
        History h = History.read(file);
        assertEquals(new History.Baseline(100, 5), h.baselines().get("api"));
        assertEquals(Long.valueOf(100), h.latencyBaselines().get("api"));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside the history");
        }
    }

    @Test
    void garbageCutAndHugeLinesAreSkippedCountedAndDroppedOnTheNextAppend() throws IOException {
        Path file = dir.resolve("history.jsonl");
        for (long ms : new long[] {5, 6, 5}) {
            History.append(file, answered(ms), 50);
        }
        // a line longer than the limit, binary garbage, a JSON array, a line cut short by a killed process
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write("{\"services\":[{\"id\":\"api\",\"status\":\"UP\",\"latencyMs\":1,\"pad\":\"");
            for (int i = 0; i < History.MAX_LINE / 1024 + 2; i++) {
                w.write("x".repeat(1024));
            }
            w.write("\"}]}\n\u0000\u0007\uFFFD garbage\n[1,2]\n{\"sophiaHistory\":1,\"causes\":[{}]}\n"
                    + "{\"services\":[{\"id\":\"api\"");
        }
        History h = History.read(file);
        assertEquals(5, h.skippedLines(), "huge, garbage, array, a top cause that is no id, cut short");
        assertEquals(4, h.assessments());
        assertEquals(new History.Baseline(5, 3), h.baselines().get("api"), "the huge line's latency is not counted");

        History.append(file, answered(7), 50);
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), "the unusable lines are dropped, the good ones and the new one kept");
        assertEquals(0, History.read(file).skippedLines());
    }

    @Test
    void bytesThatAreNotUtf8SpoilTheirLineOnlyNotTheFile() throws IOException {
        Path file = dir.resolve("history.jsonl");
        for (long ms : new long[] {5, 6, 5}) {
            History.append(file, answered(ms), 50);
        }
        // a disk error or another program's binary output in the middle of the file
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28, '\n'}, StandardOpenOption.APPEND);
        History.append(file, answered(6), 50);
        History h = History.read(file);
        assertEquals(0, h.skippedLines(), "the binary line was dropped by the append");
        assertEquals(new History.Baseline(6, 4), h.baselines().get("api"));
        Files.write(file, new byte[] {(byte) 0xFF, '\n'}, StandardOpenOption.APPEND);
        assertEquals(1, History.read(file).skippedLines());
    }

    @Test
    void aFileOfOneEndlessLineIsReadInBoundedMemory() throws IOException {
        Path file = dir.resolve("history.jsonl");
        // 8 MiB without a newline: read through in chunks, never held (the limit is 1 Mi characters)
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String chunk = "a".repeat(64 * 1024);
            for (int i = 0; i < 128; i++) {
                w.write(chunk);
            }
        }
        History h = History.read(file);
        assertEquals(1, h.skippedLines());
        assertEquals(0, h.assessments());
    }

    @Test
    void aHistoryThatCannotBeReadOrReplacedIsATypedErrorAndTheFileStaysAsItWas() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("a-directory.jsonl"));
        InputException e = assertThrows(InputException.class, () -> History.read(directory));
        assertTrue(e.getMessage().contains("cannot read the history file"), e.getMessage());
        assertThrows(IOException.class, () -> History.append(directory, answered(5), 5));
        assertThrows(IllegalArgumentException.class, () -> History.append(dir.resolve("h.jsonl"), answered(5), 0));
    }

    @Test
    void aFileWithoutOneRecordedRunIsNeverReplaced() throws IOException {
        // a credentials file named as the history by mistake: every line is unusable, and none may be lost
        Path creds = dir.resolve(".env");
        String content = "GITHUB_TOKEN=" + "ghp" + "_Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N\npassword: hunter2hunter2\n[1, 2]\n";
        Files.writeString(creds, content);
        assertEquals(3, History.read(creds).skippedLines());

        java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
                () -> History.append(creds, answered(5), 50));
        assertEquals(History.NOT_A_HISTORY, e.getReason());
        assertEquals(content, Files.readString(creds), "the file is as it was");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(creds), files.toList(), "no temporary file is left beside it");
        }
        // an empty file, or one of blank lines, is a history not yet written: it is replaced
        Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n\n");
        History.append(blank, answered(5), 50);
        assertEquals(1, History.read(blank).assessments());
    }

    @Test
    void aJsonLinesFileOfAnotherKindIsNoHistoryAndIsNeverReplaced() throws IOException {
        // a structured log named as the history: every line a JSON object, none a recorded run. The first three are
        // pino's log lines as its README shows them (github.com/pinojs/pino, README "Usage"); the last one has two
        // of a run's fields and nothing else of one
        Path log = dir.resolve("app.log.jsonl");
        String content = """
                {"level":30,"time":1531171074631,"msg":"hello world","pid":657,"hostname":"Davids-MBP-3.fritz.box"}
                {"level":30,"time":1531171082399,"msg":"hello child!","pid":657,"hostname":"Davids-MBP-3.fritz.box","a":"property"}
                {"level":50,"time":1531171082400,"msg":"deploy failed","services":[{"id":"api","status":"UP","latencyMs":3}]}
                {"deployment":"shop","causes":[{"id":"app.oom"}],"msg":"not a run either"}
                """;
        Files.writeString(log, content);

        History h = History.read(log);
        assertEquals(0, h.assessments(), "no line of a log is a run");
        assertEquals(4, h.skippedLines());
        assertTrue(h.baselines().isEmpty(), "a log's latencies make no baseline");
        java.nio.file.FileSystemException e = assertThrows(java.nio.file.FileSystemException.class,
                () -> History.append(log, answered(5), 50));
        assertEquals(History.NOT_A_HISTORY, e.getReason());
        assertEquals(content, Files.readString(log), "the log is as it was");
    }

    @Test
    void aHistoryAnEarlierVersionWroteIsReadAndKeptWhenTheNextRunIsRecorded() throws IOException {
        // lines as the version before the marker wrote them (its line() output, byte for byte)
        Path file = dir.resolve("history.jsonl");
        String earlier = """
                {"deployment":"one","generatedAt":"2026-01-02T03:04:05Z","gate":"OPEN","services":[{"id":"api","status":"UP","latencyMs":40}],"causes":[]}
                {"deployment":"one","generatedAt":"2026-01-02T03:09:05Z","gate":"BLOCKED","services":[{"id":"api","status":"DOWN"}],"causes":[{"id":"app.oom","probability":0.61}]}
                {"deployment":"one","generatedAt":"2026-01-02T03:14:05Z","gate":"OPEN","services":[{"id":"api","status":"UP","latencyMs":50}],"causes":[]}
                {"deployment":"one","generatedAt":"2026-01-02T03:19:05Z","gate":"OPEN","services":[{"id":"api","status":"UP","latencyMs":60}],"causes":[]}
                """;
        Files.writeString(file, earlier);
        History h = History.read(file);
        assertEquals(4, h.assessments());
        assertEquals(0, h.skippedLines());
        assertEquals(1, h.topCauses().get(CauseId.of("app.oom")));
        assertEquals(new History.Baseline(50, 3), h.baselines().get("api"));

        History.append(file, answered(70), 50);
        List<String> lines = Files.readAllLines(file);
        assertEquals(earlier.lines().toList(), lines.subList(0, 4), "the earlier lines are kept as they were");
        assertTrue(lines.get(4).startsWith("{\"sophiaHistory\":1,"), lines.get(4));
        assertEquals(new History.Baseline(60, 4), History.read(file).baselines().get("api"), "40, 50, 60 and 70");
    }

    @Test
    void aLineALaterVersionWroteIsARunAndTheFileIsKept() throws IOException {
        // review finding F5: {"sophiaHistory":2,...} was "no recorded run", and the next append refused the file
        Path file = dir.resolve("history.jsonl");
        String later = """
                {"sophiaHistory":2,"deployment":"one","generatedAt":"2026-01-02T03:04:05Z","gate":"OPEN","services":[{"id":"api","status":"UP","latencyMs":40}],"causes":[],"region":"cdg"}
                {"sophiaHistory":2,"deployment":"one","generatedAt":"2026-01-02T03:09:05Z","gate":"BLOCKED","services":[{"id":"api","status":"DOWN"}],"causes":[{"id":"app.oom","probability":0.61}]}
                """;
        Files.writeString(file, later);
        History h = History.read(file);
        assertEquals(2, h.assessments());
        assertEquals(1, h.topCauses().get(CauseId.of("app.oom")));

        History.append(file, answered(70), 50);
        List<String> lines = Files.readAllLines(file);
        assertEquals(later.lines().toList(), lines.subList(0, 2), "the later version's lines are kept as they were");
        assertEquals(3, lines.size());
    }

    @Test
    void latencyBaselinesAloneLeaveThePriorsAsTheyAre() throws IOException {
        Path file = dir.resolve("history.jsonl");
        Assessment reference = Diagnosis.ofDefaults().diagnose(Fleet.reference(), Fleet.referenceObservations(), Fleet.NOW);
        for (int i = 0; i < 10; i++) {
            History.append(file, reference);
        }
        for (long ms : new long[] {5, 6, 5}) {
            History.append(file, answered(ms));
        }
        History h = History.read(file);
        KnowledgeBase kb = KnowledgeBase.builtIn().withLatencyBaselines(h);
        assertEquals(Long.valueOf(5), kb.latencyBaselines().get("api"));
        for (KnowledgeBase.Cause c : KnowledgeBase.builtIn().causes()) {
            assertEquals(c.prior(), kb.cause(c.id()).orElseThrow().prior(), c.id().value());
        }
        assertTrue(KnowledgeBase.builtIn().withHistory(h).cause(CauseId.BUILD_DOCKERFILE).orElseThrow().prior()
                > KnowledgeBase.builtIn().cause(CauseId.BUILD_DOCKERFILE).orElseThrow().prior());
        assertSame(KnowledgeBase.builtIn(), KnowledgeBase.builtIn().withLatencyBaselines(History.empty()));
    }

    @Test
    void aMissingHistoryChangesNothing() {
        History h = History.read(dir.resolve("none.jsonl"));
        assertEquals(0, h.assessments());
        assertSame(KnowledgeBase.builtIn(), KnowledgeBase.builtIn().withHistory(h));
    }
}
