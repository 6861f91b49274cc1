package io.sophia.probes;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback stand-in for the Fly Machines API: {@code GET /v1/apps/{app}/machines} answers per app. */
final class FlyApiTestServer implements AutoCloseable {

    record Answer(int status, String body) {
    }

    static final Answer HANG = new Answer(-1, "");

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, com.sun.net.httpserver.HttpHandler> handlers = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fly-api-test");
        t.setDaemon(true);
        return t;
    });

    FlyApiTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/apps/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            paths.add(path);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String[] parts = path.split("/");
            String app = parts.length >= 4 ? parts[3] : "";
            com.sun.net.httpserver.HttpHandler handler = handlers.get(app);
            if (handler != null) {
                handler.handle(exchange);
                return;
            }
            Answer answer = answers.getOrDefault(app, new Answer(404, "{\"error\":\"app not found\"}"));
            if (answer == HANG) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    FlyApiTestServer answer(String app, int status, String body) {
        answers.put(app, new Answer(status, body));
        return this;
    }

    /** Answers {@code app}'s requests with {@code handler}: for bodies that are cut, stall or never end. */
    FlyApiTestServer handle(String app, com.sun.net.httpserver.HttpHandler handler) {
        handlers.put(app, handler);
        return this;
    }

    /** Blocks a handler until the server closes (a stall); false when interrupted. */
    boolean awaitClose() {
        try {
            release.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    FlyApiTestServer hang(String app) {
        answers.put(app, HANG);
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
