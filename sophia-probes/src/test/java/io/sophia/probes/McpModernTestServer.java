package io.sophia.probes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A server of the stateless 2026-07-28 era, written from the spec (basic/versioning,
 * basic/transports/streamable-http): no {@code initialize}, every request carries
 * {@code _meta["io.modelcontextprotocol/protocolVersion"]} mirrored in the {@code MCP-Protocol-Version}
 * header and its method in {@code Mcp-Method}; {@code server/discover} lists the supported versions;
 * a header that is missing or disagrees with the body is {@code 400} with {@code -32020}; an
 * unsupported version is {@code 400} with {@code -32022} and {@code data.supported}; an unknown
 * method is {@code 404} with {@code -32601}. {@code tools/list} pages by {@code nextCursor} and
 * answers on an SSE stream that starts with a progress notification and stays open.
 */
final class McpModernTestServer {

    static final String NAME = "catalog-mcp";
    static final String VERSION = "2.0.0";
    static final List<String> TOOLS = List.of("lookup", "search", "describe", "compare", "export");
    private static final int PAGE = 2;

    private McpModernTestServer() {
    }

    static McpScriptedTestServer start(List<String> supportedVersions) throws Exception {
        return new McpScriptedTestServer(request -> answer(request, supportedVersions));
    }

    static McpScriptedTestServer.Answer answer(McpScriptedTestServer.Received r, List<String> supported) {
        if (!r.httpMethod().equals("POST")) {
            return McpScriptedTestServer.Answer.json(405, "");
        }
        String headerVersion = r.header("MCP-Protocol-Version");
        String method = r.method();
        JsonNode meta = r.message().path("params").path("_meta");
        String bodyVersion = meta.path("io.modelcontextprotocol/protocolVersion").asText(null);
        if (headerVersion == null || r.header("Mcp-Method") == null || bodyVersion == null) {
            return McpScriptedTestServer.Answer.json(400, McpScriptedTestServer.error(r, -32020,
                    "Header mismatch: required MCP headers or _meta missing"));
        }
        if (!headerVersion.equals(bodyVersion) || !r.header("Mcp-Method").equals(method)) {
            return McpScriptedTestServer.Answer.json(400, McpScriptedTestServer.error(r, -32020,
                    "Header mismatch: headers do not match the body"));
        }
        if (!supported.contains(bodyVersion)) {
            return McpScriptedTestServer.Answer.json(400, "{\"jsonrpc\":\"2.0\",\"id\":" + r.message().get("id")
                    + ",\"error\":{\"code\":-32022,\"message\":\"Unsupported protocol version\",\"data\":{\"supported\":"
                    + toJson(supported) + ",\"requested\":\"" + bodyVersion + "\"}}}");
        }
        switch (method) {
            case "server/discover" -> {
                return McpScriptedTestServer.Answer.json(200, McpScriptedTestServer.result(r,
                        "{\"resultType\":\"complete\",\"supportedVersions\":" + toJson(supported)
                                + ",\"capabilities\":{\"tools\":{},\"resources\":{}},"
                                + "\"serverInfo\":{\"name\":\"" + NAME + "\",\"version\":\"" + VERSION + "\"},"
                                + "\"instructions\":\"Catalog lookups\"}"));
            }
            case "tools/list" -> {
                int from = r.message().path("params").has("cursor")
                        ? Integer.parseInt(r.message().path("params").path("cursor").asText()) : 0;
                int to = Math.min(TOOLS.size(), from + PAGE);
                StringBuilder tools = new StringBuilder("[");
                for (int i = from; i < to; i++) {
                    tools.append(i > from ? "," : "").append("{\"name\":\"").append(TOOLS.get(i))
                            .append("\",\"inputSchema\":{\"type\":\"object\"}}");
                }
                tools.append(']');
                String next = to < TOOLS.size() ? ",\"nextCursor\":\"" + to + "\"" : "";
                String progress = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
                        + "\"params\":{\"progressToken\":\"t\",\"progress\":1}}";
                String unrelated = "{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":{}}";
                return McpScriptedTestServer.Answer.sse(progress, unrelated, McpScriptedTestServer.result(r,
                        "{\"resultType\":\"complete\",\"tools\":" + tools + next + "}")).heldOpen();
            }
            default -> {
                return McpScriptedTestServer.Answer.json(404, McpScriptedTestServer.error(r, -32601, "Method not found"));
            }
        }
    }

    private static String toJson(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i > 0 ? "," : "").append('"').append(values.get(i)).append('"');
        }
        return b.append(']').toString();
    }
}
