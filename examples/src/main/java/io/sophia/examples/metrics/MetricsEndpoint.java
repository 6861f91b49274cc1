package io.sophia.examples.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sophia.core.Assessment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in the Prometheus text format (0.0.4) from a Micrometer Prometheus registry, on
 * the JDK's HTTP server; anything else is 404. One daemon thread serves the scrapes, so a slow scraper
 * never delays a round.
 */
public final class MetricsEndpoint implements AutoCloseable {

    /** The content type of the Prometheus text exposition format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private SophiaMeters meters;

    private MetricsEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves Sophia's meters (a registry of their own) on every address at {@code port}: what
     * {@code watch --metrics-port} starts.
     *
     * @param port the port, 0 picks a free one
     * @return the running endpoint; {@link #record(Assessment)} after each round
     * @throws IOException when the port cannot be bound
     */
    public static MetricsEndpoint serve(int port) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MetricsEndpoint endpoint = start(registry, new InetSocketAddress(port));
        endpoint.meters = new SophiaMeters(registry);
        return endpoint;
    }

    /**
     * Updates the meters {@link #serve(int)} made from a round's assessment.
     *
     * @param a the round's (redacted) assessment
     */
    public void record(Assessment a) {
        if (meters != null) {
            meters.record(a);
        }
    }

    /**
     * Starts serving {@code registry} at {@code address} (port 0 picks a free port).
     *
     * @param registry the registry scraped
     * @param address  where to listen; the wildcard address for a watcher that Prometheus scrapes
     * @return the running endpoint
     * @throws IOException when the address cannot be bound
     */
    public static MetricsEndpoint start(PrometheusMeterRegistry registry, InetSocketAddress address)
            throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sophia-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                if (!ex.getRequestURI().getPath().equals("/metrics")) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                    ex.getResponseHeaders().add("Allow", "GET, HEAD");
                    ex.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", CONTENT_TYPE);
                if (ex.getRequestMethod().equals("HEAD")) {
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new MetricsEndpoint(server, executor);
    }

    /** {@return the port it listens on (the one chosen when started with port 0)} */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
