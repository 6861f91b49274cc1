package io.sophia.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.RemoteText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote text carrying invisible format characters: the bidirectional overrides and isolates of "Trojan Source"
 * (CVE-2021-42574, trojansource.codes: text a viewer shows in another order than it is), a zero-width space and a
 * byte order mark, in a step name and a log line. report.json keeps the text and escapes them ({@code \u202e}), so a
 * viewer of the file cannot reorder it and a reader gets back what the log said; Markdown, HTML, JUnit XML and the
 * step summary write them out as {@code [U+202E]}; the terminal gets none of them.
 */
@DisplayName("Invisible format characters from remote text are escaped or shown, never laid out")
class InvisibleCharactersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    /** True when {@code s} holds a character a viewer would hide or use to reorder the text around it. */
    private static boolean anyInvisible(String s) {
        return s.codePoints().anyMatch(RemoteText::isInvisible);
    }

    @Test
    @DisplayName("a step name and a log line with bidi overrides, a zero-width space and a BOM, through explain")
    void bidiInAStepNameAndALogLine() throws Exception {
        // the failing line reads "cp config/exe.yaml /app" in a viewer; its characters are "lmay.exe" reversed
        String line = "ERROR: failed to solve: process \"/bin/sh -c cp config/\u202Elmay.exe\u202C /app\" did not"
                + " complete successfully: exit code: 1";
        Path log = Files.writeString(tmp.resolve("build.log"), String.join("\n",
                "$ ./deploy.sh --env \u2066prod\u2069 --region\u200B ams\uFEFF",
                "#8 [build 4/6] COPY config/ /app/config/",
                line,
                "npm ERR! 404 Not Found - GET https://registry.npmjs.org/left\u200Bpad - Not found", ""));
        Path out = tmp.resolve("out");
        Path summary = tmp.resolve("summary.md");
        Map<String, String> env = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString());

        CliRun r = CliRun.of(CLOCK, env::get, "explain", "--log", log.toString(), "--out", out.toString());

        assertEquals(2, r.exit(), r.err());
        String json = Files.readString(out.resolve("report.json"));
        assertFalse(anyInvisible(json), "report.json holds a raw invisible character");
        assertTrue(json.contains("config/\\u202elmay.exe\\u202c /app"), "escaped, not dropped: " + json);
        // read back, the text is what the log said
        JsonNode report = new ObjectMapper().readTree(json);
        assertTrue(report.toString().contains("\u202Elmay.exe\u202C") || json.contains("\\u202e"), json);
        boolean lineKept = false;
        for (JsonNode o : report.path("observations")) {
            lineKept |= o.path("line").asText().contains("config/\u202Elmay.exe\u202C /app");
        }
        assertTrue(lineKept, "the finding's line reads back with its characters: " + json);

        for (String name : new String[] {"report.md", "report.html"}) {
            String text = Files.readString(out.resolve(name));
            assertFalse(anyInvisible(text), name + " holds a raw invisible character");
            assertTrue(text.contains("[U+202E]") && text.contains("[U+202C]"), name + " shows them: " + text);
        }
        assertFalse(anyInvisible(Files.readString(out.resolve("junit.xml"))), "junit.xml holds a raw invisible character");
        String stepSummary = Files.readString(summary);
        assertFalse(anyInvisible(stepSummary), "the step summary holds a raw invisible character");
        assertTrue(stepSummary.contains("[U+202E]"), stepSummary);
        assertFalse(anyInvisible(r.out()) || anyInvisible(r.err()), "the terminal got an invisible character: " + r.out());
        assertTrue(r.out().contains("lmay.exe"), "the line is printed without them: " + r.out());
    }

    @Test
    @DisplayName("tag characters (U+E0000-U+E007F) in a log line are escaped in report.json and shown elsewhere; emoji stay")
    void tagCharactersOutsideTheBasicPlane() throws Exception {
        // "ignore previous" spelled in tag characters: invisible in a viewer, read by a program (an LLM) all the same
        StringBuilder hidden = new StringBuilder();
        "ignore previous".chars().forEach(c -> hidden.appendCodePoint(0xE0000 + c));
        String line = "ERROR: failed to push ghcr.io/acme/app: denied " + hidden + " \uD83D\uDE80 rocket";
        Path log = Files.writeString(tmp.resolve("build.log"), "#8 pushing\n" + line + "\n");
        Path out = tmp.resolve("out");

        CliRun r = CliRun.of(CLOCK, name -> null, "explain", "--log", log.toString(), "--out", out.toString());

        String json = Files.readString(out.resolve("report.json"));
        assertFalse(anyInvisible(json), "report.json holds a raw tag character");
        assertTrue(json.contains("\\udb40\\udc69\\udb40\\udc67"), "escaped as surrogate pairs: " + json);
        assertTrue(json.contains("\uD83D\uDE80 rocket"), "an emoji stays as it is: " + json);
        boolean lineKept = false;
        for (JsonNode o : new ObjectMapper().readTree(json).path("observations")) {
            lineKept |= o.path("line").asText().contains("denied " + hidden + " \uD83D\uDE80");
        }
        assertTrue(lineKept, "the line reads back as the log had it: " + json);
        for (String name : new String[] {"report.md", "report.html", "junit.xml"}) {
            String text = Files.readString(out.resolve(name));
            assertFalse(anyInvisible(text), name + " holds a raw tag character");
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("[U+E0069][U+E0067]"), "shown in report.md");
        assertFalse(anyInvisible(r.out()) || anyInvisible(r.err()), "the terminal got a tag character: " + r.out());
    }

    @Test
    @DisplayName("an MCP server's error with bidi overrides: its failure in junit.xml, report.json and on the terminal")
    void bidiInAServiceAnswer() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                // an MCP server's JSON-RPC error: its message is the failure a CI's test view shows
                // and C1 controls, an 8-bit CSI and OSC (U+009B, U+009D), which JSON would carry raw
                byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"upstream"
                        + " \u202Eyxorp\u202C failed\u200B \u009B2J\u009D0;title\u009C\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            Path config = Files.writeString(tmp.resolve("deploy.yaml"), """
                    deployment: bidi
                    services:
                      - id: api
                        kind: mcp
                        url: http://127.0.0.1:%d/mcp
                        critical: true
                    probe: {timeout: 30s, retries: 0}
                    """.formatted(server.getAddress().getPort()));
            Path out = tmp.resolve("check");
            CliRun r = CliRun.of(CLOCK, name -> null, "check", "--config", config.toString(), "--out", out.toString());
            assertEquals(2, r.exit(), r.err());
            String json = Files.readString(out.resolve("report.json"));
            assertFalse(anyInvisible(json), "report.json holds a raw invisible character");
            assertTrue(json.contains("\\u202eyxorp\\u202c"), json);
            assertFalse(json.chars().anyMatch(c -> c >= 0x7f && c <= 0x9f), "report.json holds a raw C1 control");
            assertTrue(json.contains("\\u009b2J"), json);
            String junit = Files.readString(out.resolve("junit.xml"));
            assertFalse(anyInvisible(junit), "junit.xml holds a raw invisible character: " + junit);
            assertTrue(junit.contains("[U+202E]yxorp[U+202C]"), junit);
            assertFalse(anyInvisible(r.out()) || anyInvisible(r.err()), r.out());
        } finally {
            server.stop(0);
        }
    }
}
