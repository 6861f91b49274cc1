package io.sophia.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Reads the demo's resource payloads and answers HTTP exchanges with them. */
final class Payloads {

    private Payloads() {
    }

    /** The resource {@code /demo/<path>} with {@code {{name}}} placeholders replaced, or empty. */
    static Optional<String> read(String path, Map<String, String> vars) {
        try (InputStream in = Payloads.class.getResourceAsStream("/demo/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : vars.entrySet()) {
                text = text.replace("{{" + v.getKey() + "}}", v.getValue());
            }
            return Optional.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException("demo resource " + path, e);
        }
    }

    /** A loopback server on an ephemeral port with daemon worker threads. */
    static HttpServer loopbackServer(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sophia-demo-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        return server;
    }

    /** Stops a server started by {@link #loopbackServer} and its threads. */
    static void stop(HttpServer server) {
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = bytes.length == 0 || "HEAD".equals(ex.getRequestMethod()) || status == 204
                || status == 304;
        ex.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    static void json(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", body);
    }

    /** Drains the request body, capped, so a keep-alive connection stays usable. */
    static String body(HttpExchange ex, int max) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(max);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
