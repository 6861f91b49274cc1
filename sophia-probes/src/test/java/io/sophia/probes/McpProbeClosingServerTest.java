package io.sophia.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Observation;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An MCP server that speaks HTTP/1.0 and closes the connection after every answer without saying so (no
 * {@code Connection: close}), as Python's {@code http.server} does: the probe must not reuse the closed connection
 * and report a healthy server DOWN with "connection reset" or "unexpected end of stream".
 */
class McpProbeClosingServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aServerThatClosesEachConnectionUnannouncedStillGetsItsHandshake() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> methods = new CopyOnWriteArrayList<>();
            AtomicInteger connections = new AtomicInteger();
            Thread serving = new Thread(() -> serve(server, methods, connections), "http10-mcp");
            serving.setDaemon(true);
            serving.start();
            URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/mcp");
            Service s = Service.builder("catalog", url).kind(ServiceKind.MCP).build();
            List<Observation> out = McpProbe.of(s, Duration.ofSeconds(30))
                    .run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0) instanceof McpHandshake, out.toString());
            McpHandshake h = (McpHandshake) out.get(0);
            assertEquals("2025-06-18", h.protocolVersion());
            assertEquals(1, h.toolCount());
            assertTrue(methods.contains("tools/list"), methods.toString());
            // every request of the exchange came on a connection of its own: none was sent into a closed one
            assertEquals(methods.size(), connections.get(), methods.toString());
        }
    }

    private static void serve(ServerSocket server, List<String> methods, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                connections.incrementAndGet();
                JsonNode message = readRequest(socket.getInputStream());
                String method = message == null ? "" : message.path("method").asText("");
                methods.add(method);
                JsonNode id = message == null ? null : message.get("id");
                String body = switch (method) {
                    case "server/discover" -> null;
                    case "initialize" -> result(id, "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{}},"
                            + "\"serverInfo\":{\"name\":\"py-server\",\"version\":\"1.0\"}}");
                    case "tools/list" -> result(id, "{\"tools\":[{\"name\":\"search\"}]}");
                    case "notifications/initialized" -> "";
                    default -> result(id, "{}");
                };
                int status = body == null ? 400 : body.isEmpty() ? 202 : 200;
                if (body == null) {
                    body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32022,\"message\":\"Unsupported protocol"
                            + " version\",\"data\":{\"supported\":[\"2025-06-18\"]}}}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream o = socket.getOutputStream();
                // HTTP/1.0, no Connection header: the client may only learn of the close by reading it
                o.write(("HTTP/1.0 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                o.write(bytes);
                o.flush();
            } catch (IOException e) {
                // the server was closed, or a client went away: keep serving until closed
            }
        }
    }

    private static String result(JsonNode id, String result) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (id == null ? "null" : id.toString()) + ",\"result\":" + result + "}";
    }

    /** Reads one request's head and its Content-Length body; the JSON-RPC message or null. */
    private static JsonNode readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return body.length == 0 ? null : JSON.readTree(body);
    }
}
