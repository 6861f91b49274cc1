package io.sophia.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A healthy MCP server on loopback speaking the Streamable HTTP transport of the handshake era
 * (protocol versions 2024-11-05 to 2025-06-18): {@code initialize} with version negotiation and an
 * {@code Mcp-Session-Id}, {@code notifications/initialized}, {@code ping}, {@code tools/list},
 * {@code tools/call}; answers are JSON. A request of the 2026 era ({@code server/discover}) without
 * a session gets what today's servers answer: HTTP 400 with a JSON-RPC error, so a client can fall
 * back. {@code GET /health} answers JSON with the deployed version.
 */
final class McpStandIn implements AutoCloseable {

    static final List<String> VERSIONS = List.of("2025-06-18", "2025-03-26", "2024-11-05");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final URI base;
    private final String name;
    private final String version;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionCounter = new AtomicLong();

    McpStandIn(String name, String version) throws IOException {
        this.name = name;
        this.version = version;
        server = Payloads.loopbackServer(name);
        base = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
        server.createContext("/mcp", this::mcp);
        server.createContext("/health", this::health);
        server.createContext("/mcp/health", this::health);
        server.createContext("/", ex -> {
            Payloads.body(ex, 1 << 16);
            Payloads.json(ex, 404, "{\"error\":\"not found\"}");
        });
        server.start();
    }

    /** The MCP endpoint. */
    URI mcpUrl() {
        return base.resolve("/mcp");
    }

    private void health(HttpExchange ex) throws IOException {
        Payloads.body(ex, 1 << 16);
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "healthy");
        body.put("service", name);
        body.put("version", version);
        body.put("transport", "streamable-http");
        body.put("tools", 3);
        Payloads.json(ex, 200, body.toString());
    }

    private void mcp(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String body = Payloads.body(ex, 1 << 20);
        switch (method) {
            case "POST" -> post(ex, body);
            case "DELETE" -> {
                String session = ex.getRequestHeaders().getFirst("Mcp-Session-Id");
                Payloads.send(ex, session != null && sessions.remove(session) ? 200 : 404, null, null);
            }
            default -> {
                // this server offers no standalone SSE stream (the spec allows 405 for GET)
                ex.getResponseHeaders().set("Allow", "POST, DELETE");
                Payloads.json(ex, 405, rpcError(null, -32000, "Method not allowed.").toString());
            }
        }
    }

    private void post(HttpExchange ex, String body) throws IOException {
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (IOException e) {
            Payloads.json(ex, 400, rpcError(null, -32700, "Parse error").toString());
            return;
        }
        if (message == null || !(message.isObject() || message.isArray())) {
            Payloads.json(ex, 400, rpcError(null, -32600, "Invalid Request").toString());
            return;
        }
        String session = ex.getRequestHeaders().getFirst("Mcp-Session-Id");
        boolean initialize = message.isObject() && "initialize".equals(message.path("method").asText());
        if (initialize) {
            String id = name + "-session-" + sessionCounter.incrementAndGet();
            sessions.add(id);
            ex.getResponseHeaders().set("Mcp-Session-Id", id);
            Payloads.json(ex, 200, answer(message).toString());
            return;
        }
        if (session == null) {
            // what the reference TypeScript server answers to a request before initialize
            Payloads.json(ex, 400, rpcError(null, -32000, "Bad Request: Server not initialized").toString());
            return;
        }
        if (!sessions.contains(session)) {
            Payloads.json(ex, 404, rpcError(null, -32001, "Session not found").toString());
            return;
        }
        String protocol = ex.getRequestHeaders().getFirst("MCP-Protocol-Version");
        if (protocol != null && !VERSIONS.contains(protocol)) {
            Payloads.json(ex, 400, rpcError(null, -32000,
                    "Bad Request: Unsupported protocol version: " + protocol).toString());
            return;
        }
        if (message.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode m : message) {
                JsonNode a = answer(m);
                if (a != null) {
                    out.add(a);
                }
            }
            if (out.isEmpty()) {
                Payloads.send(ex, 202, null, null);
            } else {
                Payloads.json(ex, 200, out.toString());
            }
            return;
        }
        JsonNode a = answer(message);
        if (a == null) {
            Payloads.send(ex, 202, null, null);
        } else {
            Payloads.json(ex, 200, a.toString());
        }
    }

    /** The JSON-RPC answer to one message, or null for notifications and responses. */
    private JsonNode answer(JsonNode m) {
        if (!m.has("id") || !m.has("method")) {
            return null;
        }
        JsonNode id = m.get("id");
        String method = m.path("method").asText();
        ObjectNode result = JSON.createObjectNode();
        switch (method) {
            case "initialize" -> {
                String requested = m.path("params").path("protocolVersion").asText("");
                result.put("protocolVersion", VERSIONS.contains(requested) ? requested : VERSIONS.get(0));
                ObjectNode caps = result.putObject("capabilities");
                caps.putObject("tools").put("listChanged", false);
                caps.putObject("logging");
                ObjectNode info = result.putObject("serverInfo");
                info.put("name", name);
                info.put("version", version);
                result.put("instructions", "Repository access for Sophia agents.");
            }
            case "ping" -> {
                // empty result
            }
            case "tools/list" -> {
                ArrayNode tools = result.putArray("tools");
                tools.add(tool("repo_search", "Search code in the connected repositories"));
                tools.add(tool("repo_read_file", "Read a file at a ref"));
                tools.add(tool("repo_list_pull_requests", "List open pull requests"));
            }
            case "tools/call" -> {
                ArrayNode content = result.putArray("content");
                content.addObject().put("type", "text").put("text", "ok");
                result.put("isError", false);
            }
            default -> {
                return rpcError(id, -32601, "Method not found");
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", id);
        out.set("result", result);
        return out;
    }

    private static ObjectNode tool(String name, String description) {
        ObjectNode t = JSON.createObjectNode();
        t.put("name", name);
        t.put("description", description);
        ObjectNode schema = t.putObject("inputSchema");
        schema.put("type", "object");
        schema.putObject("properties");
        return t;
    }

    private static ObjectNode rpcError(JsonNode id, int code, String message) {
        ObjectNode out = JSON.createObjectNode();
        out.put("jsonrpc", "2.0");
        if (id == null) {
            out.putNull("id");
        } else {
            out.set("id", id);
        }
        ObjectNode err = out.putObject("error");
        err.put("code", code);
        err.put("message", message);
        return out;
    }

    @Override
    public void close() {
        Payloads.stop(server);
    }
}
