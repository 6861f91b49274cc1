package io.sophia.examples.metrics;

import io.sophia.core.testing.RefusedPort;
import io.sophia.examples.CliRun;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.CheckRun;
import io.sophia.report.Sophia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code watch --metrics-port}: two real rounds (a loopback api that answers 503, then 200; a database
 * port nothing listens on) recorded by {@link SophiaMeters}, served by {@link MetricsEndpoint} on a
 * loopback port chosen by the OS, scraped over HTTP and read by a strict parser of the text format.
 */
class PrometheusMetricsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-23T14:12:55Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private HttpServer api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.stop(0);
        }
    }

    @Test
    void aScrapeAfterTwoRoundsHasEveryMeterLabelledByServiceInValidTextFormat() throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(false);
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        api.createContext("/", ex -> {
            ex.sendResponseHeaders(healthy.get() ? 200 : 503, -1);
            ex.close();
        });
        api.start();
        // a port held by a socket bound to it that never listens: refused for the whole test, and no other process can
        // take it (a port released at once may be taken again while a stalled machine gets to the probe)
        java.net.Socket held = new java.net.Socket();
        held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int closed = held.getLocalPort();
        Path configFile = Files.writeString(tmp.resolve("shop.yaml"), """
                deployment: shop
                services:
                  - id: api
                    url: http://127.0.0.1:%d/health
                    critical: true
                  - id: db
                    kind: tcp
                    url: tcp://127.0.0.1:%d
                probe: {timeout: 30s, retries: 0}
                """.formatted(api.getAddress().getPort(), closed)); // a hang guard: api answers, db refuses, at once
        DeploymentConfig config = DeploymentConfig.load(configFile);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SophiaMeters meters = new SophiaMeters(registry);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            meters.record(CheckRun.of(Sophia.builder(config).clock(CLOCK).env(n -> null).build().plan(), tmp.resolve("out")).assessment());
            Map<String, PrometheusText.Family> first = scrape(endpoint.port());
            assertEquals(1, value(first, "sophia_service_status", Map.of("service", "api", "status", "down")));
            assertEquals(1, value(first, "sophia_gate_status", Map.of("status", "blocked")));
            assertTrue(value(first, "sophia_top_cause_probability", Map.of()) > 0, "a top cause is reported");

            healthy.set(true);
            meters.record(CheckRun.of(Sophia.builder(config).clock(CLOCK).env(n -> null).build().plan(), tmp.resolve("out")).assessment());
            Map<String, PrometheusText.Family> second = scrape(endpoint.port());

            assertEquals(1, value(second, "sophia_service_status", Map.of("service", "api", "status", "up")));
            assertEquals(0, value(second, "sophia_service_status", Map.of("service", "api", "status", "down")));
            assertEquals(1, value(second, "sophia_service_status", Map.of("service", "db", "status", "down")));
            assertEquals("gauge", second.get("sophia_service_status").type());

            PrometheusText.Family latency = second.get("sophia_probe_latency_seconds");
            assertEquals("histogram", latency.type());
            assertEquals(2, value(second, "sophia_probe_latency_seconds", "sophia_probe_latency_seconds_count",
                    Map.of("service", "api")));

            assertEquals("counter", second.get("sophia_probe_failures_total").type());
            assertEquals(2, value(second, "sophia_probe_failures_total",
                    Map.of("service", "db", "kind", "connection_refused")));
            assertEquals(2, value(second, "sophia_assessments_total", Map.of()));
            assertTrue(value(second, "sophia_gate_score", Map.of()) >= 0);
            assertTrue(second.keySet().stream().allMatch(n -> n.startsWith("sophia_")), second.keySet()::toString);

            HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, other.statusCode());
        } finally {
            held.close();
        }
    }

    @Test
    void theParserRejectsWhatPrometheusWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("1bad_name 1\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("m{l=\"a\\t\"} 1\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("m 1,5\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("m 1\n# TYPE m gauge\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("m 1\nm 2\n"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("""
                # TYPE h histogram
                h_bucket{le="1.0"} 3
                h_bucket{le="+Inf"} 2
                h_count 2
                """));
        assertEquals(2, PrometheusText.parse("# HELP m a \\\\ help\n# TYPE m gauge\nm{a=\"x\\\"y\"} +Inf\nm{a=\"z\"} NaN 1700\n")
                .get("m").samples().size());
    }

    @Test
    void watchPrintsTheMetricsAddressAndRejectsAPortOutOfRange() throws Exception {
        Path configFile = Files.writeString(tmp.resolve("one.yaml"), RefusedPort.in("""
                deployment: one
                services:
                  - id: api
                    url: http://127.0.0.1:9/health
                probe: {timeout: 30s, retries: 0}
                """)); // a hang guard: the held port refuses, so the probe ends at once
        CliRun r = CliRun.of(CLOCK, n -> null, "watch", "--config", configFile.toString(),
                "--out", tmp.resolve("w").toString(), "--count", "1", "--metrics-port", "0");
        assertTrue(r.out().matches("(?s)Metrics: http://0\\.0\\.0\\.0:[1-9]\\d*/metrics\n.*"), r.out() + r.err());
        CliRun bad = CliRun.of(CLOCK, n -> null, "watch", "--config", configFile.toString(),
                "--out", tmp.resolve("w").toString(), "--metrics-port", "70000");
        assertEquals(64, bad.exit());
        assertTrue(bad.err().contains("--metrics-port: expected a port from 0 to 65535"), bad.err());
    }

    private static Map<String, PrometheusText.Family> scrape(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals(MetricsEndpoint.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse(""));
        return PrometheusText.parse(r.body());
    }

    private static double value(Map<String, PrometheusText.Family> families, String family, Map<String, String> labels) {
        return value(families, family, family, labels);
    }

    private static double value(Map<String, PrometheusText.Family> families, String family, String sample,
                                Map<String, String> labels) {
        PrometheusText.Family f = families.get(family);
        assertTrue(f != null, () -> "no family " + family + " in " + families.keySet());
        List<PrometheusText.Sample> hits = f.samples().stream().filter(s -> s.name().equals(sample)
                && s.labels().entrySet().containsAll(labels.entrySet()) && (labels.isEmpty() ? s.value() != 0
                || f.samples().size() == 1 : true)).toList();
        assertTrue(!hits.isEmpty(), () -> "no " + sample + labels + " in " + f.samples());
        return hits.get(0).value();
    }
}
