package io.sophia.probes;

import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.PlatformMachine;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.ProbeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Fly probe's HTTP call on the shared OkHttp stack, against answers that are cut, stall, never
 * end or are too large: each ends as a typed failure within the deadline, the token never echoed.
 * The payloads are the corpus's recorded Machines API answers (fly-api/examples, see its SOURCE.md).
 */
@DisplayName("Fly Machines probe: bodies that are cut, stall, never end or are too large")
class FlyMachinesProbeBodyTest {

    private static final String TOKEN = "fo1_secret-test-token-4711";
    private static final Instant NOW = Instant.parse("2023-10-31T02:40:00Z");

    private FlyApiTestServer api;

    @BeforeEach
    void start() throws Exception {
        api = new FlyApiTestServer();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private FlyConfig config(Duration timeout) {
        return FlyConfig.custom().apiUrl(api.url()).tokenEnv("TEST_FLY_TOKEN")
                .env(Map.of("TEST_FLY_TOKEN", TOKEN)::get).timeout(timeout)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).app("web", "fleet-web").build();
    }

    private static ProbeFailure onlyFailure(List<Observation> out) {
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0) instanceof ProbeFailure, out.toString());
        assertFalse(out.toString().contains(TOKEN), out.toString());
        return (ProbeFailure) out.get(0);
    }

    private List<Observation> run(Duration timeout) {
        return FlyMachinesProbe.of(config(timeout), null).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    @Test
    @DisplayName("the recorded machine list, chunked, is read whole")
    void chunkedCorpusList() {
        byte[] list = FlyCorpus.read("fly-api/examples/list_resp.json").getBytes(StandardCharsets.UTF_8);
        api.handle("fleet-web", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < list.length; i += 97) {
                    out.write(list, i, Math.min(97, list.length - i));
                    out.flush();
                }
            }
        });
        List<Observation> out = run(Duration.ofSeconds(20));
        assertFalse(out.isEmpty());
        assertTrue(out.stream().allMatch(o -> o instanceof PlatformMachine), out.toString());
    }

    @Test
    @DisplayName("a list cut short of its Content-Length is a connection reset, not a parse of half a list")
    void truncatedList() {
        byte[] list = FlyCorpus.read("fly-api/examples/list_resp.json").getBytes(StandardCharsets.UTF_8);
        api.handle("fleet-web", exchange -> {
            exchange.sendResponseHeaders(200, list.length);
            OutputStream out = exchange.getResponseBody();
            out.write(list, 0, list.length / 2);
            out.flush();
            exchange.getHttpContext().getServer().stop(0); // the connection goes with the server, mid-body
        });
        ProbeFailure f = onlyFailure(run(Duration.ofSeconds(20)));
        assertEquals(FailureKind.CONNECTION_RESET, f.kind(), f.toString());
    }

    @Test
    @DisplayName("a list larger than the cap is a bad payload, read no further than the cap")
    void hugeList() {
        String machine = FlyCorpus.read("fly-api/examples/2023-get_resp.json").strip();
        api.handle("fleet-web", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('[');
                byte[] one = (machine + ",").getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < (64L << 20); written += one.length) {
                    out.write(one); // an endless list, 64 MiB at most: the probe stops at 8 MiB
                }
            } catch (IOException e) {
                // the probe stopped reading
            }
        });
        ProbeFailure f = onlyFailure(run(Duration.ofSeconds(30)));
        assertEquals(FailureKind.BAD_PAYLOAD, f.kind(), f.toString());
        assertTrue(f.detail().contains("larger than"), f.detail());
    }

    @Test
    @DisplayName("a body that stalls half way ends at the deadline as a read timeout")
    void stalledBody() throws Exception {
        api.handle("fleet-web", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("[{\"id\":\"1781973f\",".getBytes(StandardCharsets.UTF_8));
            out.flush();
            api.awaitClose();
            exchange.close();
        });
        // the call's timeout in any phase is a read timeout; a machine that stalls past the 400 ms before the call was
        // made leaves it no time at all (DEADLINE_EXCEEDED), rightly
        ProbeFailure f = Stalls.retried(() -> onlyFailure(run(Duration.ofMillis(400))),
                early -> early.kind() == FailureKind.DEADLINE_EXCEEDED);
        assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f.toString());
        // the server holds the body until the test ends: ending at all is ending at the deadline; the bound has room
        // for a machine that stalls for seconds
        assertTrue(f.elapsed().compareTo(Duration.ofSeconds(20)) < 0, f.toString());
    }

    @Test
    @DisplayName("cancelling the run cancels the waiting call")
    void cancellation() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        api.handle("fleet-web", exchange -> {
            asked.countDown();
            api.awaitClose();
            exchange.close();
        });
        ProbeContext context = ProbeContext.withTimeout(Duration.ofMinutes(5));
        FlyMachinesProbe probe = FlyMachinesProbe.of(config(Duration.ofMinutes(5)), null);
        CompletableFuture<List<Observation>> run = CompletableFuture.supplyAsync(() -> probe.run(context));
        assertTrue(asked.await(30, TimeUnit.SECONDS));
        context.cancel();
        ProbeFailure f = onlyFailure(run.get(30, TimeUnit.SECONDS));
        assertEquals(FailureKind.DEADLINE_EXCEEDED, f.kind(), f.toString());
    }
}
