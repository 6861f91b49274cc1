package io.sophia.examples.cli;

import io.sophia.examples.CliRun;
import io.sophia.report.ReportFiles;
import io.sophia.report.internal.ReportSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A writer of {@code --out} killed with SIGKILL in the middle of its write ({@link KilledReportWriter}, a real second
 * JVM stopped at a known point, so nothing depends on timing): the next run finishes or removes what it left before
 * it starts, says so on stderr naming the leftover, and leaves one whole set and no temporary directory.
 */
@DisplayName("the run after a killed write cleans up and says what it found")
class KilledWriteCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static List<String> leftovers(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(ReportSet.TMP_PREFIX)).toList();
        }
    }

    @ParameterizedTest(name = "killed while {0}")
    @CsvSource({
        "writing, half report.html, its set was never complete, so it was removed and the set before it stays",
        "renaming, moved report.json, 'its set was complete, so report.html, junit.xml were moved into place'"})
    void theNextRunFinishesOrRemovesTheLeftoverAndNamesIt(String when, String stop, String done)
            throws Exception {
        Path log = Files.writeString(tmp.resolve("build.log"), "ERROR: failed to solve: process \"/bin/sh -c make\""
                + " did not complete successfully: exit code: 2\n");
        Path dir = tmp.resolve("out");
        CliRun first = CliRun.of(CLOCK, name -> null, "explain", "--log", log.toString(), "--out", dir.toString());
        assertEquals(2, first.exit(), first.err());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                KilledReportWriter.class.getName(), dir.toString(), when)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(stop, said.readLine(), "the child did not stop where it should");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block of the writer runs
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end");
        }
        List<String> left = leftovers(dir);
        assertEquals(1, left.size(), "the killed writer left its temporary directory: " + left);

        CliRun next = CliRun.of(CLOCK, name -> null, "explain", "--log", log.toString(), "--out", dir.toString());

        assertEquals(2, next.exit(), next.err());
        assertTrue(next.err().contains("sophia: warning: an interrupted write (a killed process?) left " + left.get(0)
                + " in " + dir + ": " + done), next.err());
        assertEquals(List.of(), leftovers(dir), "the leftover is gone");
        Map<String, String> set = ReportFiles.read(dir);
        assertFalse(set.values().stream().anyMatch(t -> t.startsWith("killed writer's")), "one whole set, of the last run");
        assertEquals(first.out(), next.out(), "the run itself is the same");
    }
}
