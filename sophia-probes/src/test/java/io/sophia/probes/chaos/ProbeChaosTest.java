package io.sophia.probes.chaos;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The chaos suite: thousands of probes of every kind (HTTP, HTTPS, MCP, TCP, TLS, GitHub Actions
 * and Fly Machines APIs) against hostile loopback endpoints (hanging, stalling, dripping,
 * resetting, huge, gzip-bomb, garbage and bad-TLS, see {@link HostileServers.Behaviour}), run in
 * a child JVM with a 96 MB heap through the public API only ({@link ChaosRun}, in a package of its
 * own so that nothing package-private is within reach).
 *
 * <p>What must hold, checked by the child and reported here: no exception reaches the host and
 * every probe yields a typed observation (never {@code OTHER}); every probe's run ends within its deadline plus a
 * generous margin ({@link ChaosRun#MARGIN}: a bound, not a timing measurement); after the run the
 * threads started for it are gone or idle in their pool and the open file descriptors are back
 * near the baseline; no token reaches an observation and none copies a huge answer; the child does
 * not run out of memory. Besides the runner's batch, every service probe kind runs once more alone,
 * with a context nobody cancels: a probe owns its deadline and must end by it without a runner.
 */
class ProbeChaosTest {

    /** 64 MB held the service probes; a GitHub probe reading its 16 MiB JSON cap needs some 40 MB more at once. */
    private static final String HEAP = "-Xmx96m";
    private static final long TIMEOUT_MILLIS = 1000;
    /**
     * Service probes per endpoint and kind: 20 endpoints x (5 kinds x 15 through the runner, 1 each run alone) plus
     * a GitHub and a Fly probe per endpoint = 1,645 probes.
     */
    private static final int REPLICAS = 15;

    @Test
    void thousands_of_probes_against_hostile_endpoints_end_in_time_typed_and_without_leaks() throws Exception {
        try (HostileServers servers = new HostileServers()) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP, "-XX:+ExitOnOutOfMemoryError", "-Xss512k",
                    // Java 17's G1 fails an allocation with OutOfMemoryError after two waits for the GC locker, which
                    // threads inflating gzip hold in JNI critical sections (seen here: "Retried waiting for GCLocker
                    // too often allocating 331 words", 1 run in 4); let allocation wait longer. Java 22 pins regions
                    // instead (JEP 423) and may not know the option, hence IgnoreUnrecognizedVMOptions.
                    "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:GCLockerRetryAllocationCount=100",
                    "-cp", System.getProperty("java.class.path"),
                    ChaosRun.class.getName(), String.valueOf(TIMEOUT_MILLIS), String.valueOf(REPLICAS)));
            for (HostileServers.Behaviour b : HostileServers.Behaviour.values()) {
                command.add(b.name() + "=" + servers.port(b));
            }
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> said = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        said.add(line);
                    }
                } catch (java.io.IOException e) {
                    said.add("(reading the child's output failed: " + e + ")");
                }
            }, "chaos-child-output");
            reader.setDaemon(true);
            reader.start();
            if (!child.waitFor(240, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                fail("the chaos run did not end within 240 s: " + String.join("\n", said));
            }
            reader.join(10_000);
            String out = String.join("\n", said);
            assertEquals(0, child.exitValue(), () -> "the chaos run failed (exit 3: out of memory at " + HEAP + "):\n" + out);
            assertTrue(said.contains("DONE"), () -> "the chaos run did not finish:\n" + out);
            List<String> violations = said.stream().filter(l -> l.startsWith("VIOLATION ")).collect(Collectors.toList());
            assertTrue(violations.isEmpty(), () -> violations.size() + " broken guarantees under chaos:\n"
                    + String.join("\n", violations) + "\n\nfigures:\n" + said.stream().filter(l -> l.startsWith("FIGURE "))
                    .collect(Collectors.joining("\n")));
            System.out.println(said.stream().filter(l -> l.startsWith("FIGURE ")).collect(Collectors.joining("\n")));
        }
    }
}
