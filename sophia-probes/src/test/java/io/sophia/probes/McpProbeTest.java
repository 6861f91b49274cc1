package io.sophia.probes;

import io.sophia.core.testing.RefusedPort;
import io.sophia.core.Source;
import io.sophia.core.ProbeContext;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.probes.McpScriptedTestServer.Answer;
import io.sophia.probes.McpScriptedTestServer.Received;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static io.sophia.probes.McpScriptedTestServer.error;
import static io.sophia.probes.McpScriptedTestServer.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("MCP probe against loopback servers of both protocol eras")
class McpProbeTest {

    /** A hang guard far above what a loopback answer needs: a machine that stalls for seconds cannot make an answer a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static List<Observation> probe(URI url, Duration timeout) {
        Service s = Service.builder("catalog", url).name("Catalog").kind(ServiceKind.MCP).critical().build();
        return McpProbe.of(s, timeout).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    private static McpHandshake handshake(List<Observation> out) {
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0) instanceof McpHandshake, out.toString());
        return (McpHandshake) out.get(0);
    }

    private static ProbeFailure failure(List<Observation> out) {
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0) instanceof ProbeFailure, out.toString());
        ProbeFailure f = (ProbeFailure) out.get(0);
        assertEquals(Source.MCP, f.source());
        return f;
    }

    /** The reference TypeScript server's answer to a modern request before initialization. */
    private static Answer notInitialized() {
        return Answer.json(400, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,"
                + "\"message\":\"Bad Request: Server not initialized\"},\"id\":null}");
    }

    private static String initResult(String version) {
        return "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{\"tools\":{\"listChanged\":true},"
                + "\"prompts\":{}},\"serverInfo\":{\"name\":\"ts-server\",\"version\":\"0.9.1\"}}";
    }

    @Test
    @DisplayName("a 3 MB server name and a 600-character version are cut to 512 characters, a token the cut falls into leaves no piece")
    void aHugeServerNameIsCutAndATokenAtTheCutLeavesNoPiece() throws Exception {
        String token = "ghp_" + "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N";
        String name = "n ".repeat(250) + token + " " + "Z".repeat(3_000_000);
        try (McpScriptedTestServer server = new McpScriptedTestServer(r -> switch (r.method()) {
            case "server/discover" -> Answer.json(400, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32022,"
                    + "\"message\":\"Unsupported protocol version\",\"data\":{\"supported\":[\"2025-06-18\"]}}}");
            case "initialize" -> Answer.json(200, result(r, initResult("2025-06-18").replace("\"ts-server\"", "\"" + name + "\"")
                    .replace("\"0.9.1\"", "\"" + "V".repeat(600) + "\"")));
            case "notifications/initialized" -> Answer.json(202, "");
            case "tools/list" -> Answer.json(200, result(r, "{\"tools\":[{\"name\":\"a\"}]}"));
            default -> Answer.json(200, result(r, "{}"));
        })) {
            McpHandshake h = handshake(probe(server.url(), TIMEOUT));
            assertTrue(h.serverName().length() <= io.sophia.core.RemoteText.MAX_NAME, () -> "" + h.serverName().length());
            assertTrue(h.serverName().startsWith("n n n"), h.serverName());
            assertTrue(h.serverVersion().length() <= io.sophia.core.RemoteText.MAX_NAME);
            for (int i = 0; i + 12 <= token.length(); i++) {
                assertFalse(h.serverName().contains(token.substring(i, i + 12)), h.serverName());
            }
        }
    }

    @Nested
    @DisplayName("the 2026-07-28 era")
    class Modern {

        @Test
        void aModernServerIsDiscoveredWithoutInitializeAndItsPagedToolsAreCountedFromSseStreams() throws Exception {
            try (McpScriptedTestServer server = McpModernTestServer.start(List.of("2026-07-28"))) {
                McpHandshake h = handshake(probe(server.url(), TIMEOUT));
                assertEquals("modern", h.era());
                assertEquals("2026-07-28", h.protocolVersion());
                assertEquals(McpModernTestServer.NAME, h.serverName());
                assertEquals(McpModernTestServer.VERSION, h.serverVersion());
                assertEquals(List.of("tools", "resources"), h.capabilities());
                assertEquals(McpModernTestServer.TOOLS.size(), h.toolCount(), "three pages of tools");

                assertEquals(List.of("server/discover", "tools/list", "tools/list", "tools/list"), server.methods());
                for (Received r : server.received) {
                    assertEquals("2026-07-28", r.header("MCP-Protocol-Version"));
                    assertEquals(r.method(), r.header("Mcp-Method"));
                    assertNull(r.header("Mcp-Session-Id"));
                    assertTrue(r.header("Accept").contains("text/event-stream"));
                }
            }
        }

        @Test
        void aModernServerWithoutACommonVersionIsVersionNotSupportedAndNeverGetsInitialize() throws Exception {
            try (McpScriptedTestServer server = McpModernTestServer.start(List.of("2027-03-01"))) {
                ProbeFailure f = failure(probe(server.url(), TIMEOUT));
                assertEquals(FailureKind.VERSION_NOT_SUPPORTED, f.kind());
                assertTrue(f.detail().contains("2027-03-01"), f.detail());
                assertEquals(List.of("server/discover"), server.methods());
            }
        }

        @Test
        void aDualEraServerThatRejectsTheModernVersionButListsALegacyOneGetsTheHandshake() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> switch (r.method()) {
                case "server/discover" -> Answer.json(400, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32022,"
                        + "\"message\":\"Unsupported protocol version\",\"data\":{\"supported\":[\"2025-06-18\"]}}}");
                case "initialize" -> Answer.json(200, result(r, initResult("2025-06-18")));
                case "notifications/initialized" -> Answer.json(202, "");
                case "ping" -> Answer.json(200, result(r, "{}"));
                case "tools/list" -> Answer.json(200, result(r, "{\"tools\":[{\"name\":\"a\"}]}"));
                default -> Answer.json(404, "");
            })) {
                McpHandshake h = handshake(probe(server.url(), TIMEOUT));
                assertEquals("legacy", h.era());
                assertEquals("2025-06-18", h.protocolVersion());
            }
        }
    }

    @Nested
    @DisplayName("fallback to the handshake era")
    class Handshake {

        @Test
        void serverNotInitializedMakesTheProbeFallBackWithSessionHeadersSseAndPagination() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> {
                if (r.message() == null || r.header("Mcp-Session-Id") == null && !"initialize".equals(r.method())) {
                    return notInitialized();
                }
                return switch (r.method()) {
                    case "initialize" -> Answer.sse(result(r, initResult("2025-03-26")))
                            .withHeader("Mcp-Session-Id", "sess-42");
                    case "notifications/initialized" -> Answer.json(202, "");
                    case "ping" -> Answer.sse(result(r, "{}"));
                    case "tools/list" -> r.message().path("params").has("cursor")
                            ? Answer.json(200, result(r, "{\"tools\":[{\"name\":\"c\"}]}"))
                            : Answer.sse(result(r, "{\"tools\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"nextCursor\":\"p2\"}"));
                    default -> Answer.json(404, "");
                };
            })) {
                McpHandshake h = handshake(probe(server.url(), TIMEOUT));
                assertEquals("legacy", h.era());
                assertEquals("2025-03-26", h.protocolVersion());
                assertEquals("ts-server", h.serverName());
                assertEquals("0.9.1", h.serverVersion());
                assertEquals(List.of("tools", "prompts"), h.capabilities());
                assertEquals(3, h.toolCount());

                List<String> methods = server.methods();
                assertEquals("server/discover", methods.get(0));
                assertEquals(List.of("initialize", "notifications/initialized", "ping", "tools/list", "tools/list"),
                        methods.subList(1, 6));
                Received init = server.received.get(1);
                assertEquals("2025-11-25", init.message().path("params").path("protocolVersion").asText(),
                        "the probe offers the latest handshake-era version");
                for (Received r : server.received.subList(2, 6)) {
                    assertEquals("sess-42", r.header("Mcp-Session-Id"));
                    assertEquals("2025-03-26", r.header("MCP-Protocol-Version"));
                }
                assertEquals("p2", server.received.get(5).message().path("params").path("cursor").asText());
            }
        }

        @Test
        void aProbeRemembersALegacyServerAndGoesStraightToInitializeNextTime() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> switch (String.valueOf(r.method())) {
                case "initialize" -> Answer.json(200, result(r, initResult("2025-06-18")));
                case "notifications/initialized" -> Answer.json(202, "");
                case "ping" -> Answer.json(200, result(r, "{}"));
                case "tools/list" -> Answer.json(200, result(r, "{\"tools\":[]}"));
                default -> notInitialized();
            })) {
                Service s = Service.builder("catalog", server.url()).name("Catalog").kind(ServiceKind.MCP).critical()
                        .build();
                McpProbe probe = McpProbe.of(s, TIMEOUT);
                handshake(probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))));
                server.received.clear();
                McpHandshake again = handshake(probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))));
                assertEquals("legacy", again.era());
                assertEquals("initialize", server.methods().get(0));
            }
        }

        @Test
        void aSessionDroppedAfterInitializeIsSessionLost() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> {
                if ("initialize".equals(r.method())) {
                    return Answer.json(200, result(r, initResult("2025-11-25"))).withHeader("Mcp-Session-Id", "s-1");
                }
                if (r.header("Mcp-Session-Id") != null) {
                    return Answer.json(404, error(r, -32001, "Session not found"));
                }
                return notInitialized();
            })) {
                ProbeFailure f = failure(probe(server.url(), TIMEOUT));
                assertEquals(FailureKind.SESSION_LOST, f.kind());
                assertEquals(404, f.httpStatus());
            }
        }

        @Test
        void aJsonRpcErrorToInitializeIsReportedWithItsCodeAndMessage() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> "initialize".equals(r.method())
                    ? Answer.json(200, error(r, -32603, "Internal error: tool registry unavailable"))
                    : notInitialized())) {
                ProbeFailure f = failure(probe(server.url(), TIMEOUT));
                assertEquals(FailureKind.JSONRPC_ERROR, f.kind());
                assertTrue(f.detail().contains("-32603") && f.detail().contains("tool registry unavailable"),
                        f.detail());
            }
        }

        @Test
        void aServerAnsweringAnUnknownProtocolVersionIsVersionNotSupported() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> "initialize".equals(r.method())
                    ? Answer.json(200, result(r, initResult("2023-01-01")))
                    : notInitialized())) {
                ProbeFailure f = failure(probe(server.url(), TIMEOUT));
                assertEquals(FailureKind.VERSION_NOT_SUPPORTED, f.kind());
                assertTrue(f.detail().contains("2023-01-01"), f.detail());
            }
        }

        @Test
        void anInitializeRejectedForItsVersionIsVersionNotSupported() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> "initialize".equals(r.method())
                    ? Answer.json(400, error(r, -32602, "Unsupported protocol version: 2025-11-25"))
                    : notInitialized())) {
                assertEquals(FailureKind.VERSION_NOT_SUPPORTED, failure(probe(server.url(), TIMEOUT)).kind());
            }
        }
    }

    @Nested
    @DisplayName("endpoints that are not MCP, or not reachable")
    class NotMcp {

        @Test
        void anHtmlPageThatAnswers200IsNotMcp() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> new Answer(200, "text/html",
                    "<!doctype html><html><body>Welcome to nginx!</body></html>", java.util.Map.of(), false))) {
                ProbeFailure f = failure(probe(server.url(), TIMEOUT));
                assertEquals(FailureKind.NOT_MCP, f.kind());
                assertTrue(f.detail().contains("text/html") && f.detail().contains("nginx"), f.detail());
                assertEquals(List.of("server/discover", "initialize"), server.methods(), "both eras were tried");
            }
        }

        @Test
        void anUnauthorizedEndpointIsUnauthorizedWithoutFallback() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> Answer.json(401,
                    "{\"error\":\"invalid_token\"}"))) {
                ProbeFailure f = failure(probe(server.url(), TIMEOUT));
                assertEquals(FailureKind.UNAUTHORIZED, f.kind());
                assertEquals(401, f.httpStatus());
                assertEquals(1, server.received.size());
            }
        }

        @Test
        void aServerThatNeverAnswersIsAReadTimeoutWithinTheTimeout() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> McpScriptedTestServer.HANG)) {
                // a machine that stalls past the timeout before the connect completed makes it a connect timeout (or, before
                // the request, "no time left": DEADLINE_EXCEEDED), rightly
                ProbeFailure f = Stalls.retried(() -> failure(probe(server.url(), Duration.ofMillis(300))),
                        early -> early.kind() == FailureKind.CONNECT_TIMEOUT || early.kind() == FailureKind.DEADLINE_EXCEEDED);
                assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f.toString());
                // the server holds the request until the test ends: ending at all is ending at the deadline
                assertTrue(f.elapsed().toMillis() < 300 + 20_000, "gave up at its deadline, not when the server let go: " + f.elapsed());
            }
        }

        @Test
        void anSseStreamThatNeverDeliversTheResponseIsAReadTimeout() throws Exception {
            try (McpScriptedTestServer server = new McpScriptedTestServer(r -> Answer.sse(
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{}}").heldOpen())) {
                ProbeFailure f = Stalls.retried(() -> failure(probe(server.url(), Duration.ofMillis(300))),
                        early -> early.kind() == FailureKind.CONNECT_TIMEOUT || early.kind() == FailureKind.DEADLINE_EXCEEDED);
                assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f.toString());
            }
        }

        @Test
        void aClosedPortIsConnectionRefused() throws Exception {
            int port = RefusedPort.held(); // refused until the run ends: no other process can take it
            ProbeFailure f = failure(probe(URI.create("http://127.0.0.1:" + port + "/mcp"), TIMEOUT));
            assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
        }

        @Test
        void aServerThatClosesTheConnectionWithoutAnswerIsAConnectionReset() throws Exception {
            try (ServerSocket s = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
                Thread closer = new Thread(() -> {
                    while (!s.isClosed()) {
                        try {
                            s.accept().close();
                        } catch (java.io.IOException e) {
                            return;
                        }
                    }
                });
                closer.setDaemon(true);
                closer.start();
                ProbeFailure f = failure(probe(URI.create("http://127.0.0.1:" + s.getLocalPort() + "/mcp"), TIMEOUT));
                assertEquals(FailureKind.CONNECTION_RESET, f.kind(), f.toString());
            }
        }

        @Test
        void anUnresolvableHostIsADnsFailure() {
            ProbeFailure f = failure(probe(URI.create("http://mcp.sophia-test.invalid/mcp"), TIMEOUT));
            assertEquals(FailureKind.DNS_FAILURE, f.kind());
        }

        @Test
        void aNonHttpUrlIsMisconfigured() {
            ProbeFailure f = failure(probe(URI.create("tcp://127.0.0.1:9"), TIMEOUT));
            assertEquals(FailureKind.MISCONFIGURED, f.kind());
            assertFalse(f.detail().isBlank());
        }
    }
}
