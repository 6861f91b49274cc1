package io.sophia.probes;

import io.sophia.core.Expectations;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health checks share a few connection pools (HttpStack.check), never a connection: over HTTP/1.1 every check of one
 * origin opens, times and closes a connection of its own, whichever pool it is given, so its connect phase and a
 * refused or stalled connect are its own. Two things see to it, each enough alone: the pools keep no idle connection,
 * and the request says {@code Connection: close}.
 */
class HttpProbeConnectionsTest {

    /** More checks than there are pools (64), so that some are given a pool an earlier check used. */
    private static final int CHECKS = 150;

    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private Service service(int i) {
        // an IP literal: a check of a host name gets a client of its own (its lookup bounded by its deadline), whose
        // connections no other check's Address matches; a literal's check uses the shared pool's client as it is
        return Service.builder("svc-" + i, "http://127.0.0.1:" + server.getPort() + "/").expect(Expectations.DEFAULT)
                .build();
    }

    private static HttpCheck check(List<Observation> seen) {
        assertTrue(!seen.isEmpty() && seen.get(0) instanceof HttpCheck, seen::toString);
        return (HttpCheck) seen.get(0);
    }

    @Test
    void checks_one_after_another_each_open_a_connection_of_their_own() throws Exception {
        for (int i = 0; i < CHECKS; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        }
        server.start();

        for (int i = 0; i < CHECKS; i++) {
            HttpCheck check = check(HttpProbe.of(service(i), Duration.ofSeconds(30))
                    .run(ProbeContext.withTimeout(Duration.ofSeconds(30))));
            assertEquals(200, check.statusCode());
            assertNotNull(check.timing().connect(), () -> "a check timed no connect of its own: " + check);
        }

        assertOwnConnections(CHECKS);
    }

    @Test
    void checks_at_the_same_time_each_open_a_connection_of_their_own() throws Exception {
        for (int i = 0; i < CHECKS; i++) {
            // a body that takes a moment, so that the checks overlap: a connection in use is never handed to another
            server.enqueue(new MockResponse.Builder().code(200).body("ok".repeat(64))
                    .throttleBody(16, 5, TimeUnit.MILLISECONDS).build());
        }
        server.start();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<HttpCheck>> runs = new ArrayList<>();
            for (int i = 0; i < CHECKS; i++) {
                Service svc = service(i);
                runs.add(pool.submit(() -> check(HttpProbe.of(svc, Duration.ofSeconds(30))
                        .run(ProbeContext.withTimeout(Duration.ofSeconds(30))))));
            }
            for (Future<HttpCheck> run : runs) {
                HttpCheck check = run.get(30, TimeUnit.SECONDS);
                assertEquals(200, check.statusCode(), check::toString);
                assertNotNull(check.timing().connect(), check::toString);
            }
        } finally {
            pool.shutdownNow();
        }

        assertOwnConnections(CHECKS);
    }

    /** Every request the server saw was the first of its connection, each on a different one. */
    private void assertOwnConnections(int requests) throws InterruptedException {
        Set<Integer> connections = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            RecordedRequest r = server.takeRequest(30, TimeUnit.SECONDS);
            assertNotNull(r, "request " + i + " never came");
            assertEquals(0, r.getExchangeIndex(), () -> "a check reused connection " + r.getConnectionIndex());
            connections.add(r.getConnectionIndex());
        }
        assertEquals(requests, connections.size());
    }
}
