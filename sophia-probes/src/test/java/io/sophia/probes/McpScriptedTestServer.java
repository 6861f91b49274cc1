package io.sophia.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server whose answers to JSON-RPC POSTs are scripted per test: the stand-in for
 * MCP servers that misbehave in precise ways, and for a server of the 2026-07-28 era.
 */
final class McpScriptedTestServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: its JSON-RPC message and headers (names lower-cased). */
    record Received(String httpMethod, JsonNode message, Map<String, String> headers) {
        String method() {
            return message == null ? null : message.path("method").asText(null);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * A scripted answer.
     *
     * @param holdOpen keep the connection open after writing the body (an SSE stream that never ends)
     */
    record Answer(int status, String contentType, String body, Map<String, String> headers, boolean holdOpen) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of(), false);
        }

        static Answer sse(String... events) {
            StringBuilder b = new StringBuilder();
            for (String e : events) {
                b.append("event: message\n").append("data: ").append(e).append("\n\n");
            }
            return new Answer(200, "text/event-stream", b.toString(), Map.of(), false);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> h = new TreeMap<>(headers);
            h.put(name, value);
            return new Answer(status, contentType, body, h, holdOpen);
        }

        Answer heldOpen() {
            return new Answer(status, contentType, body, headers, true);
        }
    }

    /** Decides the answer to a request. */
    interface Script {
        Answer answer(Received request) throws Exception;
    }

    static final Answer HANG = new Answer(-1, null, null, Map.of(), true);

    /**
     * An SSE answer that opens the stream and then writes {@code event} as one more event again and
     * again (paced by {@code every}) until the client goes or the server closes: a stream that never
     * ends and never goes quiet, so no idle read timeout can end it, only the caller's deadline.
     */
    static Answer dripping(String event, java.time.Duration every) {
        return new Answer(200, "text/event-stream", "data: " + event + "\n\n", Map.of("X-Drip-Millis",
                String.valueOf(every.toMillis())), true);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mcp-scripted-test");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    final List<Received> received = new CopyOnWriteArrayList<>();

    McpScriptedTestServer(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/mcp", exchange -> {
            try {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                        v.get(0)));
                byte[] body = exchange.getRequestBody().readAllBytes();
                JsonNode message = body.length == 0 ? null : JSON.readTree(body);
                Received r = new Received(exchange.getRequestMethod(), message, headers);
                received.add(r);
                Answer a = script.answer(r);
                if (a == HANG) {
                    closed.await();
                    return;
                }
                a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                if (a.contentType() != null) {
                    exchange.getResponseHeaders().set("Content-Type", a.contentType());
                }
                byte[] bytes = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(a.status(), a.holdOpen() ? 0 : (bytes.length == 0 ? -1 : bytes.length));
                OutputStream out = exchange.getResponseBody();
                out.write(bytes);
                out.flush();
                String drip = a.headers().get("X-Drip-Millis");
                while (drip != null && !closed.await(Long.parseLong(drip), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    out.write(bytes);
                    out.flush();
                }
                if (a.holdOpen()) {
                    closed.await();
                }
                out.close();
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    }

    List<String> methods() {
        return received.stream().map(Received::method).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** A JSON-RPC result for {@code request}. */
    static String result(Received request, String resultJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.message().get("id") + ",\"result\":" + resultJson + "}";
    }

    /** A JSON-RPC error for {@code request} (id null when the request had none). */
    static String error(Received request, int code, String message) {
        JsonNode id = request.message() == null ? null : request.message().get("id");
        return "{\"jsonrpc\":\"2.0\",\"id\":" + (id == null ? "null" : id) + ",\"error\":{\"code\":" + code
                + ",\"message\":\"" + message + "\"}}";
    }
}
