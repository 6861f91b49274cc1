package io.sophia.hosttest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.examples.Main;
import io.sophia.examples.Stalls;
import io.sophia.examples.TwoRuns;
import io.sophia.examples.demo.DemoFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How we know the library does what the CLI does (issue 12): {@link DemoHost}, built against the library
 * modules alone, loads the demo's config, checks the demo's loopback fleet and writes the same report.json
 * as {@code sophia check} on the same fleet with the same clock, and exits with the same code.
 */
class HostMatchesCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-23T14:12:55Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first attempt's timeout: the demo's hanging service holds each of the two runs for its length. */
    private static final Duration QUICK = Duration.ofSeconds(4);
    /** The timeout of the attempt that decides when the first timed out where an answer was due (a stalled machine). */
    private static final Duration PATIENT = Stalls.PATIENT;
    /** The demo's one service that accepts a connection and never answers. */
    private static final Set<String> HANGING = Set.of("mcp-research");

    @Test
    void aHostOnTheLibraryAloneGetsTheSameReportAsTheCli(@TempDir Path tmp) throws Exception {
        Function<String, String> env = DemoFleet.env(name -> null);
        int cliExit;
        int hostExit;
        ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
        Path dir;
        try (DemoFleet fleet = DemoFleet.start()) {
            // this compares two runs, so neither may lose a probe to a machine that stalls: when either timed out where
            // an answer was due, both run again with a timeout no stall of a working machine reaches
            Duration timeout = QUICK;
            while (true) {
                dir = tmp.resolve(timeout.toSeconds() + "s");
                Path config = Files.createDirectories(dir).resolve("demo-config.yaml");
                Files.writeString(config, fleet.configYaml(timeout, 1));
                String[] args = {"check", "--config", config.toString(), "--out", dir.resolve("cli").toString()};
                cliErr.reset();
                cliExit = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(cliErr, true, StandardCharsets.UTF_8), CLOCK, env);
                hostExit = DemoHost.check(config, dir.resolve("host-out"), CLOCK.instant(), env);
                if (timeout.equals(PATIENT) || !timedOutEarly(dir.resolve("cli")) && !timedOutEarly(dir.resolve("host-out"))) {
                    break;
                }
                System.err.println("a run with a " + timeout.toSeconds() + " s timeout timed out where an answer was due "
                        + "(a stalled machine?); again with " + PATIENT.toSeconds() + " s");
                timeout = PATIENT;
            }
        }
        assertEquals(2, cliExit, () -> cliErr.toString(StandardCharsets.UTF_8));
        assertEquals(cliExit, hostExit, "the same gate, so the same exit code");
        for (String file : List.of("report.md", "report.json", "report.html", "junit.xml")) {
            assertTrue(Files.isRegularFile(dir.resolve("host-out").resolve(file)), file);
        }
        // the same clock and config; only what the network measured (latencies, ports) differs between two runs
        JsonNode fromCli = JSON.readTree(Files.readString(dir.resolve("cli/report.json")));
        JsonNode fromHost = JSON.readTree(Files.readString(dir.resolve("host-out/report.json")));
        assertEquals(TwoRuns.comparable(fromCli, HANGING).toPrettyString(),
                TwoRuns.comparable(fromHost, HANGING).toPrettyString());
        assertEquals(fromCli.get("generatedAt"), fromHost.get("generatedAt"));
        assertTrue(fromHost.path("diagnosis").path("causes").size() > 0, "a diagnosis to compare: " + fromHost);
    }

    /** Whether the report in {@code out} timed out where an answer was due (see {@link Stalls#timedOutEarly}). */
    private static boolean timedOutEarly(Path out) {
        return Stalls.timedOutEarly(out.resolve("report.json"), HANGING);
    }
}
