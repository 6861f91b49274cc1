package io.sophia.report.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The directory writer lock of {@link ReportSet} at its edges: one directory under two paths, a wait too long for
 * nanoseconds, a lock file that cannot be used, and the per-directory state this JVM keeps. A writer held between
 * two of its renames (its {@code moved} hook) and a writer's {@code waiting} hook order the threads, so nothing
 * depends on timing.
 */
@DisplayName("The report directory's writer lock")
@Isolated("it counts the directories this JVM tracks, which other classes writing report sets change")
class ReportSetLockTest {

    private static final Duration PATIENT = Duration.ofSeconds(120);

    private static Map<String, String> set(String tag) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.txt", tag + " a");
        files.put("b.txt", tag + " b");
        return files;
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of("a.txt", "b.txt")) {
            files.put(name, Files.readString(dir.resolve(name)));
        }
        return files;
    }

    /** A writer of {@code tag}'s set into {@code dir} that stops after moving a.txt until {@code goOn}. */
    private static CompletableFuture<List<Path>> pausedWriter(Path dir, String tag, CountDownLatch between,
                                                              CountDownLatch goOn) {
        ReportSet.Sink pausing = new ReportSet.Sink() {
            @Override
            public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public void moved(String fileName) {
                if (fileName.equals("a.txt")) {
                    between.countDown();
                    try {
                        goOn.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ReportSet.write(dir, set(tag), pausing, PATIENT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    @DisplayName("a writer through a symbolic link to a held directory finds it busy or waits; the holder's set stays whole")
    void symbolicLink(@TempDir Path tmp) throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link;
        try {
            link = Files.createSymbolicLink(tmp.resolve("link"), real);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
            return;
        }
        ReportSet.write(real, set("old"), Duration.ZERO);
        CountDownLatch between = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CompletableFuture<List<Path>> first = pausedWriter(real, "first", between, goOn);
        assertTrue(between.await(60, TimeUnit.SECONDS), "the first writer did not get between its renames");

        assertThrows(ReportSet.Busy.class, () -> ReportSet.write(link, set("second"), Duration.ZERO),
                "the same directory under another path is held too");
        assertThrows(ReportSet.Busy.class,
                () -> ReportSet.write(tmp.resolve("real/../link/."), set("second"), Duration.ZERO),
                "and under a third spelling");
        assertEquals(Map.of("a.txt", "first a", "b.txt", "old b"), read(real), "nothing of the second set was written");

        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<List<Path>> third = CompletableFuture.supplyAsync(() -> {
            try {
                return ReportSet.write(link, set("third"), new ReportSet.Sink() {
                    @Override
                    public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                        out.write(bytes);
                    }

                    @Override
                    public void waiting() {
                        waiting.countDown();
                    }
                }, PATIENT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(waiting.await(60, TimeUnit.SECONDS), "the writer through the link did not find the directory held");
        assertFalse(third.isDone());
        goOn.countDown();

        assertEquals(2, first.get(60, TimeUnit.SECONDS).size());
        assertEquals(2, third.get(60, TimeUnit.SECONDS).size());
        assertEquals(Map.of("a.txt", "third a", "b.txt", "third b"), read(real), "the waiting writer's set, whole");
    }

    @Test
    @DisplayName("a wait too long for a count of nanoseconds (200000 days) is a wait, not an ArithmeticException")
    void hugeWait(@TempDir Path dir) throws Exception {
        List<Path> written = ReportSet.write(dir, set("new"), Duration.ofDays(200_000));

        assertEquals(2, written.size());
        assertEquals(Map.of("a.txt", "new a", "b.txt", "new b"), read(dir));
    }

    @Test
    @DisplayName("a lock file that cannot be opened (here a directory) falls back to this JVM's lock: the set is written")
    void unusableLockFile(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve(ReportSet.DIR_LOCK));

        ReportSet.write(dir, set("new"), Duration.ZERO);
        ReportSet.write(dir, set("newer"), Duration.ZERO);

        assertEquals(Map.of("a.txt", "newer a", "b.txt", "newer b"), read(dir));
        assertTrue(Files.isDirectory(dir.resolve(ReportSet.DIR_LOCK)), "the lock path is left as it was");
    }

    @Test
    @DisplayName("this JVM keeps no state for a directory nobody writes or waits for any more")
    void noStateLeft(@TempDir Path tmp) throws Exception {
        for (int i = 0; i < 20; i++) {
            ReportSet.write(tmp.resolve("run-" + i), set("run " + i), Duration.ZERO);
        }
        Path dir = Files.createDirectory(tmp.resolve("failed"));
        assertThrows(IOException.class, () -> ReportSet.write(dir, Map.of("x", "x"), new ReportSet.Sink() {
            @Override
            public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                throw new IOException("disk full");
            }
        }, Duration.ZERO));

        assertEquals(0, ReportSet.trackedDirectories());
    }
}
