package io.sophia.examples.cli;

import io.sophia.core.testing.RefusedPort;
import io.sophia.examples.CliRun;
import io.sophia.core.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.report.WebhookAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code watch} alerts against a loopback webhook receiver: rounds are driven one by one (each round's
 * future says when its alerts were delivered, so nothing waits on a clock), and the receiver sees exactly
 * one alert per transition, retried after a 503, not retried after a 400, never blocking the round.
 */
class WebhookAlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The request timeout of these tests, which are not about timeouts: a post that outlived a short one on a
     * stalled CI machine was resent, and the receiver counted it twice.
     */
    private static final Duration PATIENT = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.parse("2025-08-23T14:12:55Z");
    private static final Deployment SHOP = new Deployment("shop", List.of(
            Service.builder("api", "https://api.shop.example/health").name("API").capability("Checkout")
                    .critical().dependsOn("db").build(),
            Service.builder("db", "https://db.shop.example/health").name("DB").capability("Orders").critical()
                    .owner("data", "<!channel> data-oncall@shop.example").build()));

    @TempDir
    Path tmp;

    private HttpServer receiver;
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    /** Status codes to answer, in order; 200 once they run out. */
    private final List<Integer> answers = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch hold = new CountDownLatch(0);

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/hook", ex -> {
            try {
                hold.await(60, TimeUnit.SECONDS); // a hang guard: the test releases it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
            int status;
            // taken atomically: the receiver answers up to four posts at once, and a check-then-remove race let two
            // posts see the last planned answer, the loser failing with no answer (an extra retry)
            synchronized (answers) {
                status = answers.isEmpty() ? 200 : answers.remove(0);
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    private static Assessment round(boolean dbUp) {
        List<Observation> obs = new ArrayList<>();
        obs.add(Observation.HttpCheck.builder("api", Source.HTTP, "https://api.shop.example/health", 200)
                .latency(Duration.ofMillis(40)).body("{\"status\":\"ok\"}", "application/json").build());
        obs.add(dbUp ? Observation.HttpCheck.builder("db", Source.HTTP, "https://db.shop.example/health", 200)
                .latency(Duration.ofMillis(20)).body("ok", "text/plain").build()
                : new Observation.ProbeFailure("db", Source.HTTP, "https://db.shop.example/health",
                FailureKind.CONNECTION_REFUSED, "connection refused <db.shop.example:443> & more", null,
                Duration.ofMillis(5), 1));
        return Diagnosis.ofDefaults().diagnose(SHOP, obs, NOW);
    }

    private static void join(CompletableFuture<Void> f) throws Exception {
        f.get(150, TimeUnit.SECONDS);
    }

    @Test
    void exactlyOneAlertPerTransitionAndNoneForARoundWithoutChange() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try (WebhookAlerts alerts = new WebhookAlerts("shop", List.of(hook()), warnings::add, Duration.ofMillis(10),
                PATIENT)) {
            join(alerts.onRound(round(true)));
            assertEquals(0, received.size(), "the first round is the baseline");

            join(alerts.onRound(round(false)));
            List<String> kinds = received.stream().map(j -> j.get("kind").asText() + ":" + j.get("subject").asText()
                    + ":" + j.get("from").asText() + "->" + j.get("to").asText()).toList();
            assertTrue(kinds.contains("service:db:UP->DOWN"), kinds::toString);
            assertTrue(kinds.stream().anyMatch(k -> k.startsWith("cause:shop:none->")), kinds::toString);
            assertTrue(kinds.contains("gate:shop:OPEN->BLOCKED"), kinds::toString);
            assertEquals(3, received.size(), kinds::toString);

            join(alerts.onRound(round(false)));
            assertEquals(3, received.size(), "nothing changed, nothing sent");

            join(alerts.onRound(round(true)));
            assertEquals(6, received.size());
            assertTrue(received.stream().anyMatch(j -> j.get("kind").asText().equals("gate")
                    && j.get("to").asText().equals("OPEN")));
            assertEquals(6, received.stream().map(j -> j.get("id").asText()).distinct().count());
            assertEquals(List.of(), warnings);
        }
        JsonNode down = received.stream().filter(j -> j.get("to").asText().equals("DOWN")).findFirst().orElseThrow();
        String text = down.get("text").asText();
        assertTrue(text.startsWith("*Sophia · shop*: service db UP → DOWN"), text);
        // Slack mrkdwn: &, < and > escaped, so remote text cannot form a link or a mention
        assertTrue(text.contains("&lt;db.shop.example:443&gt; &amp; more"), text);
        // the alert names who to call: db's owner from the config, also escaped (no @channel mention from a config)
        assertTrue(text.endsWith(" — call data (&lt;!channel&gt; data-oncall@shop.example)"), text);
        assertFalse(text.contains("<"), text);
        assertEquals("[{\"team\":\"data\",\"contact\":\"<!channel> data-oncall@shop.example\"}]",
                down.get("owners").toString());
        JsonNode gate = received.stream().filter(j -> j.get("kind").asText().equals("gate")
                && j.get("to").asText().equals("BLOCKED")).findFirst().orElseThrow();
        assertEquals("data", gate.get("owners").get(0).get("team").asText(), "the owner of the service not UP");
        JsonNode back = received.stream().filter(j -> j.get("to").asText().equals("UP")).findFirst().orElseThrow();
        assertEquals("data", back.get("owners").get(0).get("team").asText(), "the owner hears the recovery too");
        JsonNode open = received.stream().filter(j -> j.get("kind").asText().equals("gate")
                && j.get("to").asText().equals("OPEN")).findFirst().orElseThrow();
        assertEquals(0, open.get("owners").size(), "nothing down, nobody to call: " + open);
    }

    @Test
    void aFailedPostIsRetriedWithBackoffAndDeliveredOnce() throws Exception {
        answers.addAll(List.of(503, 503));
        try (WebhookAlerts alerts = new WebhookAlerts("shop", List.of(hook()), w -> { }, Duration.ofMillis(10),
                PATIENT)) {
            alerts.onRound(round(true));
            join(alerts.onRound(round(false)));
        }
        // 3 transitions; the first post got 503 twice, so the receiver saw it three times with one id
        Map<String, Long> byId = received.stream().collect(java.util.stream.Collectors.groupingBy(
                j -> j.get("id").asText(), java.util.stream.Collectors.counting()));
        assertEquals(3, byId.size(), byId::toString);
        assertEquals(5, received.size(), byId::toString);
    }

    @Test
    void aRejectedAlertIsNotRetriedAndIsReportedWithoutTheUrl() throws Exception {
        answers.addAll(List.of(400, 400, 400));
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        URI secretHook = URI.create(hook() + "?token=T0K3N-s3cr3t");
        try (WebhookAlerts alerts = new WebhookAlerts("shop", List.of(secretHook), warnings::add,
                Duration.ofMillis(10), PATIENT)) {
            alerts.onRound(round(true));
            join(alerts.onRound(round(false)));
        }
        assertEquals(3, received.size(), "one attempt each");
        assertEquals(3, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("webhook 1 (127.0.0.1) not delivered after 1 attempt: HTTP 400"),
                warnings.get(0));
        assertTrue(warnings.stream().noneMatch(w -> w.contains("T0K3N")), warnings::toString);
    }

    @Test
    void aSlowReceiverNeverBlocksTheRound() throws Exception {
        hold = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        try (WebhookAlerts alerts = new WebhookAlerts("shop", List.of(hook()), w -> { }, Duration.ofMillis(10),
                PATIENT)) {
            alerts.onRound(round(true));
            CompletableFuture<Void> pending = alerts.onRound(round(false));
            rounds.incrementAndGet();
            // the round returned while the receiver still holds every post
            assertFalse(pending.isDone());
            assertEquals(0, received.size());
            CompletableFuture<Void> next = alerts.onRound(round(false));
            rounds.incrementAndGet();
            hold.countDown();
            join(pending);
            join(next);
        }
        assertEquals(2, rounds.get());
        assertEquals(3, received.size());
    }

    @Test
    void aConfigWithAnAlertsSectionIsAcceptedByCheck() throws Exception {
        Path config = Files.writeString(tmp.resolve("with-alerts.yaml"), RefusedPort.in("""
                deployment: shop
                services:
                  - id: api
                    url: http://127.0.0.1:9/health
                probe: {timeout: 30s, retries: 0}
                alerts:
                  webhooks: [%s]
                """.formatted(hook())));
        CliRun r = CommandLineTest.run(n -> null, "watch", "--config", config.toString(), "--out",
                tmp.resolve("out").toString(), "--count", "1");
        assertTrue(r.exit() == 1 || r.exit() == 2, r.out() + r.err());
        assertEquals(0, received.size(), "one round is only the baseline");
        assertTrue(new String(Files.readAllBytes(tmp.resolve("out/report.json")), StandardCharsets.UTF_8)
                .contains("\"api\""));
    }
}
