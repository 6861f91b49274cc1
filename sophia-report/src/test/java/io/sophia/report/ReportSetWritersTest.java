package io.sophia.report;

import io.sophia.report.internal.ReportSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two writers of one report directory take turns, so their renames never interleave into a mixed set. The other
 * writer is a real second JVM ({@link PausedWriter}) stopped between two of its renames, or a second thread of this
 * JVM stopped the same way; this writer either waits for it (the writer's {@code waiting} hook says when, so the
 * test releases the other one only then and depends on no timing) or, given no time to wait, fails with
 * {@link ReportSetBusyException} having written nothing.
 */
@DisplayName("Two writers of one report directory")
class ReportSetWritersTest {

    private static final Duration PATIENT = Duration.ofSeconds(120);

    private static String json(io.sophia.core.Assessment a) {
        return JsonReport.render(Redaction.patterns().apply(a), Redaction.patterns());
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ReportFiles.FILE_NAMES) {
            out.put(name, Files.readString(dir.resolve(name)));
        }
        return out;
    }

    private static long temporaryDirectories(Path dir) throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.filter(p -> p.getFileName().toString().startsWith(ReportSet.TMP_PREFIX)).count();
        }
    }

    /** Reads lines until {@code marker}; returns it, or null when the stream ends first. */
    static String lineUntil(BufferedReader in, String marker) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(marker)) {
                return line;
            }
        }
        return null;
    }

    /** A child JVM writing the hostile set into {@code dir}, stopped right after its report.json was moved. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader out;

        Child(Path dir) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                    PausedWriter.class.getName(), dir.toString())
                    // stderr apart: a JVM notice there ("Picked up JAVA_TOOL_OPTIONS ...") must not come before a marker
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("paused", lineUntil(out, "paused"), "the child writer did not get between its renames");
        }

        /** Lets the child finish its renames; returns once it has. */
        void release() throws Exception {
            process.getOutputStream().close();
            assertEquals("done", lineUntil(out, "done"));
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child did not end");
            assertEquals(0, process.exitValue());
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a writer given no time to wait while another process renames its set fails typed, writing nothing")
    void busyWithoutWaiting(@TempDir Path dir) throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        try (Child child = new Child(dir)) {
            Map<String, String> during = files(dir);

            ReportSetBusyException e = assertThrows(ReportSetBusyException.class,
                    () -> ReportFiles.writeAll(ReferenceScenario.healthy(), dir, Redaction.patterns(), Duration.ZERO));

            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("another writer"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("(the previous reports there are unchanged)"), e.getMessage());
            assertEquals(during, files(dir), "nothing of this writer's set was written");
            assertEquals(1, temporaryDirectories(dir), "only the other writer's temporary directory is there");

            child.release();
        }
        assertEquals(json(ReferenceScenario.hostile()), ReportFiles.read(dir).get(ReportFiles.JSON),
                "the other writer's set, whole");
        assertEquals(0, temporaryDirectories(dir));
    }

    @Test
    @DisplayName("a writer that may wait waits for the other process to finish its renames, then writes its whole set")
    void waitsForAnotherProcess(@TempDir Path dir) throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        try (Child child = new Child(dir)) {
            Map<String, String> during = files(dir);
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<List<Path>> writer = CompletableFuture.supplyAsync(() -> write(dir, waiting));

            assertTrue(waiting.await(60, TimeUnit.SECONDS), "the writer did not find the directory held");
            assertEquals(during, files(dir), "while it waits, it writes nothing");
            assertFalse(writer.isDone());
            child.release();

            assertEquals(4, writer.get(60, TimeUnit.SECONDS).size());
        }
        Map<String, String> set = ReportFiles.read(dir);
        assertEquals(json(ReferenceScenario.healthy()), set.get(ReportFiles.JSON), "this writer's set, whole");
        assertEquals(0, temporaryDirectories(dir));
    }

    @Test
    @DisplayName("two threads of one JVM take turns too: the second waits while the first is between two renames")
    void twoThreads(@TempDir Path dir) throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        CountDownLatch between = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        ReportSet.Sink pausing = new ReportSet.Sink() {
            @Override
            public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public void moved(String fileName) {
                if (fileName.equals(ReportFiles.JSON)) {
                    between.countDown();
                    await(goOn);
                }
            }
        };
        CompletableFuture<List<Path>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return ReportFiles.writeAll(ReferenceScenario.hostile(), dir, Redaction.patterns(), pausing, PATIENT);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(between.await(60, TimeUnit.SECONDS));
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<List<Path>> second = CompletableFuture.supplyAsync(() -> write(dir, waiting));

        assertTrue(waiting.await(60, TimeUnit.SECONDS), "the second writer did not find the directory held");
        assertThrows(ReportSetBusyException.class,
                () -> ReportFiles.writeAll(ReferenceScenario.assessment(), dir, Redaction.patterns(), Duration.ZERO),
                "a third one given no time fails at once");
        goOn.countDown();

        assertEquals(4, first.get(60, TimeUnit.SECONDS).size());
        assertEquals(4, second.get(60, TimeUnit.SECONDS).size());
        assertEquals(json(ReferenceScenario.healthy()), ReportFiles.read(dir).get(ReportFiles.JSON));
    }

    /** Writes the healthy scenario's set into {@code dir}, counting {@code waiting} down when it has to wait. */
    private static List<Path> write(Path dir, CountDownLatch waiting) {
        ReportSet.Sink telling = new ReportSet.Sink() {
            @Override
            public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public void waiting() {
                waiting.countDown();
            }
        };
        try {
            return ReportFiles.writeAll(ReferenceScenario.healthy(), dir, Redaction.patterns(), telling, PATIENT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
