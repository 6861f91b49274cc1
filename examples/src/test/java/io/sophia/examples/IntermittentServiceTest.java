package io.sophia.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.probes.HttpProbe;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service that answered 502 once and 200 once at the same address, probed for real by {@code HttpProbe} on loopback,
 * is DEGRADED ("intermittent"), not DOWN: it serves, and fails some requests. A 502 at another address of the same
 * service beside a 200 is still DOWN (one endpoint fails for every request), and a 502 alone is DOWN.
 */
class IntermittentServiceTest {

    private static final Duration PATIENT = Duration.ofSeconds(30);

    private HttpServer server;
    /** The status the health path answers next; the orders path always answers 502. */
    private final AtomicInteger healthStatus = new AtomicInteger(502);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", ex -> answer(ex, healthStatus.get()));
        server.createContext("/orders", ex -> answer(ex, 502));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status) throws java.io.IOException {
        byte[] body = (status == 200 ? "{\"status\":\"ok\"}" : "<html>502 Bad Gateway</html>").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static List<Observation> probe(Service s) throws InterruptedException {
        return HttpProbe.of(s, PATIENT).run(ProbeContext.withTimeout(PATIENT));
    }

    private static ServiceHealth diagnosed(Service s, List<Observation> observations) {
        return Diagnosis.ofDefaults().diagnose(new Deployment("shop", List.of(s)), observations, Instant.now())
                .service(s.id()).orElseThrow();
    }

    @Test
    void aFailureBesideAnAcceptedAnswerAtTheSameAddressIsDegraded() throws Exception {
        Service api = Service.http("api", url("/health"));
        List<Observation> seen = new ArrayList<>(probe(api));
        healthStatus.set(200);
        seen.addAll(probe(api));

        ServiceHealth h = diagnosed(api, seen);
        assertEquals(Status.DEGRADED, h.status(), String.valueOf(h.failure()));
        assertTrue(h.failure().startsWith("intermittent: HTTP 502 is not an accepted status"), h.failure());
    }

    @Test
    void aFailureAloneOrAtAnotherAddressIsDown() throws Exception {
        Service api = Service.http("api", url("/health"));
        ServiceHealth alone = diagnosed(api, probe(api));
        assertEquals(Status.DOWN, alone.status(), String.valueOf(alone.failure()));

        healthStatus.set(200);
        List<Observation> seen = new ArrayList<>(probe(api));
        seen.addAll(probe(Service.http("api", url("/orders"))));
        ServiceHealth elsewhere = diagnosed(api, seen);
        assertEquals(Status.DOWN, elsewhere.status(), String.valueOf(elsewhere.failure()));
        assertTrue(elsewhere.failure().contains("HTTP 502"), elsewhere.failure());
    }
}
