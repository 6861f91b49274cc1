package io.sophia.examples.cli;

import io.sophia.examples.CliRun;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line around the commands: {@code --version}, {@code --help} per command, exit 70 for
 * Sophia's own failure (an exception, an OutOfMemoryError) with one redacted line, exit 73 for an output
 * directory that cannot be written, and the GitHub Actions step summary and annotations.
 */
class CommandLineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-23T14:12:55Z"), ZoneOffset.UTC);
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    @TempDir
    Path tmp;

    private HttpServer server;
    private Path config;

    static CliRun run(Function<String, String> env, String... args) {
        return CliRun.of(CLOCK, env, args);
    }

    /** A one-service deployment whose critical service answers 503 with a body that holds % and a newline. */
    @BeforeEach
    void startAFailingService() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            byte[] body = "{\"status\":\"down 100%\",\n\"detail\":\"db pool exhausted\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(503, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        config = tmp.resolve("shop.yaml");
        Files.writeString(config, """
                deployment: shop
                services:
                  - id: api
                    url: http://127.0.0.1:%d/health
                    critical: true
                    capability: Checkout
                probe: {timeout: 30s, retries: 0}
                """.formatted(server.getAddress().getPort())); // a hang guard: the service answers at once
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void versionPrintsThePomVersionAndExits0() {
        for (String flag : List.of("--version", "-V")) {
            CliRun r = run(n -> null, flag);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("sophia " + Version.current() + " (Java "), r.out());
        }
        assertTrue(Version.current().matches("\\d+\\.\\d+\\.\\d+.*"), "a Maven version: " + Version.current());
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        for (String command : List.of("demo", "check", "watch", "explain")) {
            CliRun r = run(n -> null, command, "--help");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("Usage: sophia " + command + " "), r.out());
            assertTrue(r.out().contains("73 output directory not writable"), r.out());
        }
        assertTrue(run(n -> null, "watch", "--help").out().contains("--metrics-port"));
        assertTrue(run(n -> null, "explain", "--help").out().contains("--fly-app NAME"));
        assertTrue(run(n -> null, "explain", "https://github.com/o/r/actions/runs/1", "--help").out()
                .startsWith("Usage: sophia explain "), "help after a run url too");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedExits73() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
        CliRun r = run(n -> null, "check", "--config", config.toString(), "--out", file.resolve("out").toString());
        assertEquals(73, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("output directory"), r.err());
    }

    @Test
    void sophiasOwnFailureExits70WithOneRedactedLine() throws Exception {
        Path withToken = tmp.resolve("token.yaml");
        Files.writeString(withToken, Files.readString(config) + """
                pipeline:
                  github: {apiUrl: "http://127.0.0.1:%d", repository: acme/shop, runId: 1, tokenEnv: SECRET_TOKEN}
                """.formatted(io.sophia.core.testing.RefusedPort.held()));
        Function<String, String> failingVault = name -> {
            if (name.equals("SECRET_TOKEN")) {
                throw new IllegalStateException("vault sealed, last token " + TOKEN + "\n\tat Vault.read");
            }
            return null;
        };
        CliRun r = run(failingVault, "check", "--config", withToken.toString(), "--out", tmp.resolve("o1").toString());
        assertEquals(70, r.exit(), r.err());
        assertTrue(r.err().contains("sophia: internal error: IllegalStateException: vault sealed"), r.err());
        assertFalse(r.err().contains(TOKEN), "the token is redacted: " + r.err());
        assertFalse(r.err().contains("Vault.read"), "one line only: " + r.err());

        Function<String, String> outOfMemory = name -> {
            if (name.equals("SECRET_TOKEN")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return null;
        };
        CliRun oom = run(outOfMemory, "check", "--config", withToken.toString(), "--out", tmp.resolve("o2").toString());
        assertEquals(70, oom.exit(), oom.err());
        assertTrue(oom.err().contains("sophia: internal error: OutOfMemoryError: Java heap space"), oom.err());
    }

    @Test
    void insideGitHubActionsTheReportIsAppendedToTheStepSummaryAndTheGateAndTopCauseAreAnnotated() throws Exception {
        Path summary = Files.writeString(tmp.resolve("step_summary.md"), "## Deploy\nearlier step's summary\n");
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString());
        Path out = tmp.resolve("gh-out");
        CliRun r = run(env::get, "check", "--config", config.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.out() + r.err());

        String appended = Files.readString(summary);
        assertTrue(appended.startsWith("## Deploy\nearlier step's summary\n"), "appended, not replaced");
        assertTrue(appended.endsWith(Files.readString(out.resolve("report.md")).stripTrailing() + "\n")
                || appended.contains(Files.readString(out.resolve("report.md"))), "the whole report.md");

        List<String> commands = r.out().lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(2, commands.size(), r.out());
        assertTrue(commands.get(0).startsWith("::error title=Sophia gate BLOCKED%3A shop::Deployment gate BLOCKED"),
                commands.get(0));
        assertTrue(commands.get(0).contains("critical-services-up"), commands.get(0));
        assertTrue(commands.get(1).startsWith("::error title=Top cause%3A "), commands.get(1));
        // the 503 body's % and newline never reach the runner unescaped
        for (String c : commands) {
            String data = c.substring(c.indexOf("::", 2) + 2);
            assertFalse(data.contains("\n") || data.contains("\r"), c);
            assertFalse(data.matches(".*%(?!25|0D|0A).*"), "every % escaped: " + c);
        }
    }

    @Test
    void outsideGitHubActionsNothingIsAnnotatedAndNoSummaryWritten() throws Exception {
        Path summary = tmp.resolve("never.md");
        CliRun r = run(Map.of("GITHUB_STEP_SUMMARY", summary.toString())::get, "check", "--config", config.toString(),
                "--out", tmp.resolve("local-out").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("::")), r.out());
        assertFalse(Files.exists(summary));
    }

    @Test
    void anUnwritableStepSummaryIsAWarningAndTheExitCodeStaysTheGates() throws Exception {
        Path directory = Files.createDirectory(tmp.resolve("summary-is-a-directory"));
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", directory.toString());
        CliRun r = run(env::get, "check", "--config", config.toString(), "--out", tmp.resolve("o3").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("cannot append to the step summary"), r.err());
        assertTrue(r.out().contains("::error title=Sophia gate BLOCKED"), r.out());
    }
}
