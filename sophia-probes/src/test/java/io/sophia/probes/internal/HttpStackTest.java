package io.sophia.probes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sophia.core.Observation.Timing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class HttpStackTest {

    @Test
    void theSharedClientIsSizedForFleetsAndDecidesNothingForItsCallers() {
        OkHttpClient shared = HttpStack.shared();
        assertTrue(shared.dispatcher().getMaxRequestsPerHost() >= 5000, "a loopback fleet is one host");
        assertTrue(shared.dispatcher().getMaxRequests() >= 5000);
        assertFalse(shared.followRedirects());
        assertFalse(shared.retryOnConnectionFailure());
        assertEquals(0, shared.callTimeoutMillis());
        // the health-check clients share the dispatcher's threads, not the pool of idle connections
        assertSame(shared.dispatcher().executorService(), HttpStack.check().dispatcher().executorService());
        assertNotSame(shared.connectionPool(), HttpStack.check().connectionPool());
        assertSame(shared, HttpStack.shared());
    }

    @Test
    void phasesOfACallAddUpToItsLatencyAndEachCheckOpensItsOwnConnection() throws Exception {
        HttpStack.warmUp();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());
            server.enqueue(new MockResponse.Builder().code(200).body("again").build());
            server.start();
            OkHttpClient check = HttpStack.check(); // one client, one pool: still no reuse
            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                PhaseClock clock = new PhaseClock(start);
                Call call = check.newCall(new Request.Builder().url(server.url("/health")).build());
                call.timeout().timeout(60, TimeUnit.SECONDS); // a hang guard: a stalled machine must not fail the call
                call.addEventListener(clock);
                try (Response response = call.execute()) {
                    response.body().string();
                }
                long end = System.nanoTime();
                Timing t = clock.timing(end, true);
                assertNotNull(t.dns(), "MockWebServer's url names localhost, which is looked up");
                assertNotNull(t.connect(), "call " + i + " connected itself: " + t);
                assertNull(t.tls());
                Duration sum = t.dns().plus(t.connect()).plus(t.firstByte()).plus(t.transfer());
                assertEquals(Duration.ofNanos(end - start), sum);
                assertEquals(Protocol.HTTP_1_1, clock.protocol());
                assertEquals(PhaseClock.Step.BODY, clock.step());
            }
            // the first exchange on each connection: no check reuses another's connection
            assertEquals(0, server.takeRequest().getExchangeIndex());
            assertEquals(0, server.takeRequest().getExchangeIndex(), "a new connection for the second check");
        }
    }
}
