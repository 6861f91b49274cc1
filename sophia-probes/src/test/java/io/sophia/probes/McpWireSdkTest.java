package io.sophia.probes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.FailureKind;
import io.sophia.core.ProbeContext;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.HttpStack;
import io.sophia.probes.internal.McpWire;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MCP wire (OkHttp, okhttp-sse) against the official MCP Java SDK's Streamable HTTP server: its
 * JSON answers and its event streams are read to the response with the request's id.
 */
@DisplayName("McpWire against the official MCP Java SDK server")
class McpWireSdkTest {

    @Test
    @DisplayName("initialize (JSON), notifications/initialized and tools/list (an event stream) over the SDK's transport")
    void sessionOverTheSdksTransport() throws Exception {
        try (McpSdkTestServer sdk = new McpSdkTestServer()) {
            Deadline deadline = Deadline.of(ProbeContext.withTimeout(Duration.ofSeconds(20)), Duration.ofSeconds(20));
            McpWire wire = new McpWire(HttpStack.shared(), HttpUrl.get(sdk.url().toString()), deadline);
            ObjectNode init = McpWire.request(1, "initialize");
            ObjectNode params = init.putObject("params");
            params.put("protocolVersion", "2025-06-18");
            params.putObject("capabilities");
            params.putObject("clientInfo").put("name", "sophia-test").put("version", "0");

            McpWire.Reply reply = wire.post(init, Map.of());
            assertTrue(reply.answered(), reply::toString);
            assertEquals(200, reply.status());
            assertEquals("1", reply.message().get("id").asText());
            assertEquals(McpSdkTestServer.NAME, reply.result().path("serverInfo").path("name").asText());
            String session = reply.header("Mcp-Session-Id");
            assertNotNull(session, "the SDK opens a session");
            Map<String, String> headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");

            McpWire.Reply initialized = wire.post(McpWire.request(-1, "notifications/initialized"), headers);
            assertTrue(initialized.answered() && initialized.status() / 100 == 2, initialized::toString);

            McpWire.Reply tools = wire.post(McpWire.request(2, "tools/list"), headers);
            assertTrue(tools.answered(), tools::toString);
            assertEquals("2", tools.message().get("id").asText(), tools::toString);
            assertEquals(2, tools.result().path("tools").size());
            // the SDK answers initialize with JSON and tools/list on an event stream (MCP Java SDK 2.1.0, the parent pom's mcp.version)
            assertTrue(reply.contentType().startsWith("application/json"), reply::contentType);
            assertTrue(tools.contentType().startsWith("text/event-stream"), tools::contentType);
            assertTrue(tools.body().sse() && tools.body().events() >= 1, tools.body()::toString);
        }
    }

    @Test
    @DisplayName("a wire whose deadline has passed sends nothing and says so")
    void noTimeLeft() {
        McpWire wire = new McpWire(HttpStack.shared(), HttpUrl.get("http://127.0.0.1:9/mcp"), Deadline.after(Duration.ZERO));
        McpWire.Reply reply = wire.post(McpWire.request(1, "ping"), Map.of());
        assertEquals(FailureKind.DEADLINE_EXCEEDED, reply.failure());
    }
}
