package io.sophia.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.examples.demo.DemoFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How we know the library does what the CLI does: a host program compiled against the library modules
 * alone ({@code src/test/host/DemoHost.java}, see {@link LibraryOnlyCompiler}) loads the demo's config,
 * checks the demo's loopback fleet and writes the same report.json as {@code sophia check} on the same
 * fleet with the same clock.
 */
class OutsideHostTest {

    private static final Pattern LIBRARY_OR_JDK_IMPORT =
            Pattern.compile("import (java\\.[a-z.]+|io\\.sophia\\.(core|probes|diagnosis|report))\\.[A-Z]\\w*;");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHostOnTheLibraryAloneGetsTheSameReportAsTheCli(@TempDir Path tmp) throws Exception {
        String source = Files.readString(Path.of("src/test/host/DemoHost.java"));
        for (String line : source.lines().filter(l -> l.startsWith("import ")).toList()) {
            assertTrue(LIBRARY_OR_JDK_IMPORT.matcher(line).matches(), "public library API or the JDK only: " + line);
        }
        Method check = LibraryOnlyCompiler.compile("DemoHost", source, tmp.resolve("host"))
                .getMethod("check", Path.class, Path.class, Instant.class, Function.class);

        Function<String, String> env = DemoFleet.env(name -> null);
        try (DemoFleet fleet = DemoFleet.start()) {
            Path config = tmp.resolve("demo-config.yaml");
            // a generous deadline: this compares two runs, so neither may lose a probe to a loaded machine
            Files.writeString(config, fleet.configYaml(Duration.ofSeconds(4), 1));

            MainTest.Run cli = MainTest.run(env, "check", "--config", config.toString(), "--out",
                    tmp.resolve("cli").toString());
            int hostExit = (int) check.invoke(null, config, tmp.resolve("host-out"), MainTest.CLOCK.instant(), env);

            assertEquals(2, cli.exit(), cli::err);
            assertEquals(cli.exit(), hostExit, "the same gate, so the same exit code");
        }
        for (String file : List.of("report.md", "report.json", "report.html", "junit.xml")) {
            assertTrue(Files.isRegularFile(tmp.resolve("host-out").resolve(file)), file);
        }
        // the same clock and config; only what the network measured (latencies) differs between two runs
        String fromCli = Files.readString(tmp.resolve("cli/report.json"));
        String fromHost = Files.readString(tmp.resolve("host-out/report.json"));
        assertEquals(MainTest.normalised(JSON.readTree(fromCli)).toPrettyString(),
                MainTest.normalised(JSON.readTree(fromHost)).toPrettyString());
        assertEquals(JSON.readTree(fromCli).get("generatedAt"), JSON.readTree(fromHost).get("generatedAt"));
    }
}
