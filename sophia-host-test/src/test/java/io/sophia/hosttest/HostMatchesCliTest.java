package io.sophia.hosttest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sophia.examples.Main;
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
import java.util.Map;
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

    @Test
    void aHostOnTheLibraryAloneGetsTheSameReportAsTheCli(@TempDir Path tmp) throws Exception {
        Function<String, String> env = DemoFleet.env(name -> null);
        int cliExit;
        int hostExit;
        ByteArrayOutputStream cliErr = new ByteArrayOutputStream();
        try (DemoFleet fleet = DemoFleet.start()) {
            Path config = tmp.resolve("demo-config.yaml");
            // a generous deadline: this compares two runs, so neither may lose a probe to a loaded machine
            Files.writeString(config, fleet.configYaml(Duration.ofSeconds(4), 1));
            String[] args = {"check", "--config", config.toString(), "--out", tmp.resolve("cli").toString()};
            cliExit = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(cliErr, true, StandardCharsets.UTF_8), CLOCK, env);
            hostExit = DemoHost.check(config, tmp.resolve("host-out"), CLOCK.instant(), env);
        }
        assertEquals(2, cliExit, () -> cliErr.toString(StandardCharsets.UTF_8));
        assertEquals(cliExit, hostExit, "the same gate, so the same exit code");
        for (String file : List.of("report.md", "report.json", "report.html", "junit.xml")) {
            assertTrue(Files.isRegularFile(tmp.resolve("host-out").resolve(file)), file);
        }
        // the same clock and config; only what the network measured (latencies, ports) differs between two runs
        JsonNode fromCli = JSON.readTree(Files.readString(tmp.resolve("cli/report.json")));
        JsonNode fromHost = JSON.readTree(Files.readString(tmp.resolve("host-out/report.json")));
        assertEquals(normalised(fromCli).toPrettyString(), normalised(fromHost).toPrettyString());
        assertEquals(fromCli.get("generatedAt"), fromHost.get("generatedAt"));
        assertTrue(fromHost.path("diagnosis").path("causes").size() > 0, "a diagnosis to compare: " + fromHost);
    }

    /** report.json without what legitimately differs between two runs: ports, timings, the timestamp (as MainTest). */
    private static JsonNode normalised(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                String k = e.getKey();
                if (!k.equals("generatedAt") && !k.endsWith("Ms") && !k.equals("latency")) {
                    copy.set(k, normalised(e.getValue()));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = JSON.createArrayNode();
            a.forEach(n -> copy.add(normalised(n)));
            return copy;
        }
        if (node.isTextual()) {
            return new TextNode(node.asText()
                    .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
                    .replaceAll("\\b\\d+ ?ms\\b", "N ms"));
        }
        return node;
    }
}
