package io.sophia.probes;

import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.probes.McpScriptedTestServer.Answer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.sophia.probes.McpScriptedTestServer.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MCP answers on Server-Sent Events streams, read by okhttp-sse on the probe's thread: the awaited
 * response among notifications, streams that stay open, drip forever, grow past the cap, and a run
 * cancelled while the probe waits.
 */
@DisplayName("MCP probe reading Streamable HTTP answers as SSE streams")
class McpProbeSseTest {

    private static final String PROGRESS = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
            + "\"params\":{\"progressToken\":\"t\",\"progress\":1}}";

    private static String initResult() {
        return "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{}},"
                + "\"serverInfo\":{\"name\":\"sse-server\",\"version\":\"1.0\"}}";
    }

    /** The reference TypeScript server's answer to a modern request before initialization. */
    private static Answer notInitialized() {
        return Answer.json(400, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,"
                + "\"message\":\"Bad Request: Server not initialized\"},\"id\":null}");
    }

    private static List<Observation> probe(McpScriptedTestServer server, Duration timeout) {
        return McpProbe.of(service(server), timeout).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    private static Service service(McpScriptedTestServer server) {
        return Service.builder("catalog", server.url()).name("Catalog").kind(ServiceKind.MCP).critical().build();
    }

    private static ProbeFailure failure(List<Observation> out) {
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0) instanceof ProbeFailure, out.toString());
        return (ProbeFailure) out.get(0);
    }

    /** A legacy server whose every answer is an SSE stream: notifications first, CRLF lines, and the stream left open. */
    private static Answer legacyOverSse(McpScriptedTestServer.Received r) {
        if (r.message() == null || "server/discover".equals(r.method())) {
            return notInitialized();
        }
        return switch (r.method()) {
            case "initialize" -> new Answer(200, "text/event-stream",
                    ": a comment line\r\nevent: message\r\ndata: " + PROGRESS + "\r\n\r\n"
                            + "id: 7\r\nevent: message\r\ndata: " + result(r, initResult()) + "\r\n\r\n",
                    Map.of(), true);
            case "notifications/initialized" -> Answer.json(202, "");
            case "ping" -> Answer.sse(PROGRESS, result(r, "{}")).heldOpen();
            // a JSON-RPC response split over two data: lines is one event whose data joins them with a newline
            case "tools/list" -> new Answer(200, "text/event-stream", "data: {\"jsonrpc\":\"2.0\",\"id\":"
                    + r.message().get("id") + ",\n" + "data: \"result\":{\"tools\":[{\"name\":\"a\"},{\"name\":\"b\"}]}}\n\n",
                    Map.of(), true);
            default -> Answer.json(404, "");
        };
    }

    @Test
    @DisplayName("the response after notifications on streams that stay open completes the handshake")
    void answersOnStreamsThatStayOpen() throws Exception {
        try (McpScriptedTestServer server = new McpScriptedTestServer(McpProbeSseTest::legacyOverSse)) {
            List<Observation> out = probe(server, Duration.ofSeconds(20));
            assertEquals(1, out.size(), out.toString());
            McpHandshake h = (McpHandshake) out.get(0);
            assertEquals("legacy", h.era());
            assertEquals("sse-server", h.serverName());
            assertEquals(2, h.toolCount());
            // the probe stopped reading each stream at its answer: it did not wait for the open streams to end
            assertTrue(h.latency().compareTo(Duration.ofSeconds(20)) < 0, h.toString());
        }
    }

    @Test
    @DisplayName("the session is ended with a DELETE before run returns, on the probe's own thread")
    void sessionClosedBeforeRunReturns() throws Exception {
        try (McpScriptedTestServer server = new McpScriptedTestServer(r -> {
            if ("DELETE".equals(r.httpMethod())) {
                return Answer.json(200, "");
            }
            if (r.message() == null || "server/discover".equals(r.method())) {
                return notInitialized();
            }
            return "initialize".equals(r.method())
                    ? Answer.sse(PROGRESS, result(r, initResult())).heldOpen().withHeader("Mcp-Session-Id", "s-77")
                    : legacyOverSse(r);
        })) {
            List<Observation> out = probe(server, Duration.ofSeconds(20));
            assertTrue(out.get(0) instanceof McpHandshake, out.toString());
            McpScriptedTestServer.Received last = server.received.get(server.received.size() - 1);
            assertEquals("DELETE", last.httpMethod(), server.received.toString());
            assertEquals("s-77", last.header("Mcp-Session-Id"));
            assertEquals("2025-06-18", last.header("MCP-Protocol-Version"));
        }
    }

    @Test
    @DisplayName("a stream that drips notifications and never answers ends at the deadline as a read timeout")
    void drippingStreamEndsAtTheDeadline() throws Exception {
        try (McpScriptedTestServer server = new McpScriptedTestServer(r -> "server/discover".equals(r.method())
                ? notInitialized() : McpScriptedTestServer.dripping(PROGRESS, Duration.ofMillis(20)))) {
            Duration timeout = Duration.ofMillis(600);
            // a machine that stalls past the timeout before initialize was sent ends the probe earlier, rightly
            ProbeFailure f = Stalls.retried(() -> {
                server.received.clear();
                return failure(probe(server, timeout));
            }, early -> server.received.stream().noneMatch(r -> "initialize".equals(r.method())));
            assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f.toString());
            assertTrue(f.detail().contains("initialize"), f.detail());
            // the drip keeps the connection busy, so only the probe's own deadline could have ended the wait
            assertTrue(f.elapsed().compareTo(timeout.plusSeconds(20)) < 0, "ended near its deadline: " + f.elapsed());
        }
    }

    @Test
    @DisplayName("a stream larger than the cap is a bad payload, not an out-of-memory")
    void streamPastTheCapIsABadPayload() throws Exception {
        String notification = "data: " + PROGRESS + "\n\n";
        String huge = notification.repeat((5 << 20) / notification.length());
        try (McpScriptedTestServer server = new McpScriptedTestServer(r -> "server/discover".equals(r.method())
                ? notInitialized() : new Answer(200, "text/event-stream", huge, Map.of(), false))) {
            ProbeFailure f = failure(probe(server, Duration.ofSeconds(20)));
            assertEquals(FailureKind.BAD_PAYLOAD, f.kind(), f.toString());
            assertTrue(f.detail().contains("too large"), f.detail());
        }
    }

    @Test
    @DisplayName("a stream that ends without the awaited response is not an MCP answer")
    void streamEndingWithoutTheResponse() throws Exception {
        try (McpScriptedTestServer server = new McpScriptedTestServer(r -> "server/discover".equals(r.method())
                ? notInitialized() : Answer.sse(PROGRESS, "{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":{}}"))) {
            ProbeFailure f = failure(probe(server, Duration.ofSeconds(20)));
            assertEquals(FailureKind.NOT_MCP, f.kind(), f.toString());
            assertTrue(f.detail().startsWith("initialize"), f.detail());
        }
    }

    @Test
    @DisplayName("cancelling the run ends a probe that waits on an open stream, without waiting for its deadline")
    void cancellationCancelsTheCall() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        try (McpScriptedTestServer server = new McpScriptedTestServer(r -> {
            if ("server/discover".equals(r.method())) {
                return notInitialized();
            }
            asked.countDown();
            return Answer.sse(PROGRESS).heldOpen();
        })) {
            ProbeContext context = ProbeContext.withTimeout(Duration.ofMinutes(5));
            McpProbe probe = McpProbe.of(service(server), Duration.ofMinutes(5));
            CompletableFuture<List<Observation>> run = CompletableFuture.supplyAsync(() -> probe.run(context));
            assertTrue(asked.await(30, TimeUnit.SECONDS), "the probe sent initialize");
            context.cancel();
            ProbeFailure f = failure(run.get(30, TimeUnit.SECONDS));
            assertEquals(FailureKind.DEADLINE_EXCEEDED, f.kind(), f.toString());
            assertTrue(f.detail().contains("cancelled"), f.detail());
            assertFalse(f.elapsed().compareTo(Duration.ofMinutes(1)) > 0, f.toString());
        }
    }
}
