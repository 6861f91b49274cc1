package io.sophia.examples.cli;

import io.sophia.examples.CliRun;
import io.sophia.examples.Main;
import io.sophia.report.ReportFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check --out DIR} while another process holds DIR's writer lock ({@link DirectoryLockHolder}, a real second
 * JVM): with {@code --lock-wait 0s} it exits 73 at once, naming the directory, the previous reports untouched; once
 * the other process lets go, the same command writes its set. The lock is held for the whole of the first run, so
 * the outcome does not depend on timing.
 */
@DisplayName("check into a directory another process is writing")
class ReportDirectoryBusyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static CliRun cli(String... args) {
        return CliRun.of(CLOCK, name -> null, args);
    }

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ReportFiles.FILE_NAMES) {
            out.put(name, Files.readString(dir.resolve(name)));
        }
        return out;
    }

    /** Reads lines until {@code marker}; returns it, or null when the stream ends first. */
    private static String lineUntil(BufferedReader in, String marker) throws java.io.IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(marker)) {
                return line;
            }
        }
        return null;
    }

    @Test
    @DisplayName("exit 73 naming the directory while another process writes there; the same check succeeds after")
    void busyDirectory(@TempDir Path tmp) throws Exception {
        // nothing listens on port 9 (discard) of loopback in a test environment: a service DOWN, a set to write
        Path config = Files.writeString(tmp.resolve("deploy.yaml"), """
                deployment: busy
                services:
                  - id: api
                    url: http://127.0.0.1:9/
                probe: {timeout: 30s, retries: 0}
                """);
        Path dir = tmp.resolve("out");
        CliRun first = cli("check", "--config", config.toString(), "--out", dir.toString());
        assertTrue(first.exit() <= 2, first.err());
        Map<String, String> before = files(dir);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                DirectoryLockHolder.class.getName(), dir.toString())
                // stderr apart: a JVM notice there ("Picked up JAVA_TOOL_OPTIONS ...") must not come before a marker
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", lineUntil(said, "locked"));

            CliRun busy = cli("check", "--config", config.toString(), "--out", dir.toString(), "--lock-wait", "0s");

            assertEquals(Main.EXIT_CANTCREAT, busy.exit(), busy.err());
            assertTrue(busy.err().contains("another writer") && busy.err().contains(dir.toString()), busy.err());
            assertTrue(busy.err().contains("the previous reports there are unchanged"), busy.err());
            assertEquals(before, files(dir), "nothing was written");

            CliRun negative = cli("check", "--config", config.toString(), "--out", dir.toString(), "--lock-wait", "-1s");
            assertEquals(Main.EXIT_USAGE, negative.exit(), negative.err());
            assertTrue(negative.err().contains("--lock-wait"), negative.err());

            holder.getOutputStream().close();
            assertEquals("released", lineUntil(said, "released"));
        } finally {
            holder.destroyForcibly();
            assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
        }

        CliRun after = cli("check", "--config", config.toString(), "--out", dir.toString(), "--lock-wait", "0s");
        assertEquals(first.exit(), after.exit(), after.err());
        assertEquals(4, ReportFiles.read(dir).size(), "one run's whole set");
    }
}
