package io.sophia.probes;

import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.ProbeContext;
import io.sophia.probes.GitHubActionsProbeTest.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub client's HTTP calls on the shared OkHttp stack, against answers that are cut, stall,
 * never end, inflate or cannot be requested: each ends as a typed failure within the deadline and
 * the token appears nowhere. The run payload is the hub4j recording in the corpus
 * (github-api/hub4j-recorded/GHWorkflowRunTest, see its SOURCE.md).
 */
@DisplayName("GitHubActionsProbe: API answers that are cut, stall, never end or inflate")
class GitHubActionsProbeBodyTest {

    private static final String REPO = "hub4j-test-org/GHWorkflowRunTest";
    private static final String TOKEN = "s3cr3t-token-value-123";
    private static final long RUN_ID = 686036126L;
    private static final String RUN_PATH = "/repos/" + REPO + "/actions/runs/" + RUN_ID;
    private static final byte[] RUN = FlyCorpus.read("github-api/hub4j-recorded/GHWorkflowRunTest/wiremock/"
            + "testCancelAndRerun/__files/8-r_h_g_actions_runs_686036126.json").getBytes(StandardCharsets.UTF_8);

    private StandIn api;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        api = new StandIn("127.0.0.1");
    }

    @AfterEach
    void stop() {
        release.countDown();
        api.close();
    }

    private GitHubActionsConfig config(Duration timeout, String token) {
        return GitHubActionsConfig.custom().apiUrl(URI.create(api.root())).repository(REPO).runId(RUN_ID)
                .tokenEnv("SOPHIA_GITHUB_TOKEN").env(Map.of("SOPHIA_GITHUB_TOKEN", token)::get)
                .timeout(timeout).readLogs(false).readAnnotations(false).readChanges(false).build();
    }

    private static ProbeFailure onlyFailure(List<Observation> seen, String token) {
        assertFalse(seen.toString().contains(token), seen.toString());
        List<ProbeFailure> failures = seen.stream().filter(ProbeFailure.class::isInstance).map(ProbeFailure.class::cast)
                .toList();
        assertEquals(1, failures.size(), seen::toString);
        return failures.get(0);
    }

    private List<Observation> run(Duration timeout) throws InterruptedException {
        return GitHubActionsProbe.of(config(timeout, TOKEN), null, null).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("a run cut short of its Content-Length is a connection reset, not half a run")
    void truncatedRun() throws Exception {
        api.routes.put(RUN_PATH, exchange -> {
            exchange.sendResponseHeaders(200, RUN.length);
            OutputStream out = exchange.getResponseBody();
            out.write(RUN, 0, RUN.length / 3);
            out.flush();
            exchange.getHttpContext().getServer().stop(0);
        });
        ProbeFailure f = onlyFailure(run(Duration.ofSeconds(20)), TOKEN);
        assertEquals(FailureKind.CONNECTION_RESET, f.kind(), f.toString());
    }

    @Test
    @DisplayName("an endless answer is a bad payload, read no further than the 16 MiB cap")
    void endlessRun() throws Exception {
        api.routes.put(RUN_PATH, exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] spaces = " ".repeat(64 << 10).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write('[');
                for (int i = 0; i < 1024; i++) { // 64 MiB at most; the probe stops reading at 16
                    out.write(spaces);
                }
            } catch (IOException e) {
                // the probe stopped reading
            }
        });
        ProbeFailure f = onlyFailure(run(Duration.ofSeconds(30)), TOKEN);
        assertEquals(FailureKind.BAD_PAYLOAD, f.kind(), f.toString());
        assertTrue(f.detail().contains("MiB"), f.detail());
    }

    @Test
    @DisplayName("a gzip bomb is inflated no further than the cap")
    void gzipBomb() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write('[');
            byte[] zeros = "0,".repeat(32 << 10).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 512; i++) { // 32 MiB of JSON in some 100 KiB on the wire
                gzip.write(zeros);
            }
        }
        byte[] bomb = packed.toByteArray();
        api.routes.put(RUN_PATH, exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bomb.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bomb);
            } catch (IOException e) {
                // the probe stopped reading
            }
        });
        ProbeFailure f = onlyFailure(run(Duration.ofSeconds(30)), TOKEN);
        assertEquals(FailureKind.BAD_PAYLOAD, f.kind(), f.toString());
    }

    @Test
    @DisplayName("an API that stalls half way through the run ends at the deadline as a read timeout")
    void stalledRun() throws Exception {
        api.routes.put(RUN_PATH, exchange -> {
            exchange.sendResponseHeaders(200, RUN.length);
            OutputStream out = exchange.getResponseBody();
            out.write(RUN, 0, 100);
            out.flush();
            awaitRelease();
        });
        // the deadline in any phase of the call is a read timeout; a machine that stalls past the 500 ms before the call
        // was made leaves it no time at all (DEADLINE_EXCEEDED), rightly
        ProbeFailure f = Stalls.retried(() -> onlyFailure(run(Duration.ofMillis(500)), TOKEN),
                early -> early.kind() == FailureKind.DEADLINE_EXCEEDED);
        assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f.toString());
        // the server holds the answer for a minute: ending well before is ending at the deadline (with room for a
        // machine that stalls for seconds)
        assertTrue(f.elapsed().compareTo(Duration.ofSeconds(30)) < 0, f.toString());
    }

    @Test
    @DisplayName("cancelling the run cancels the call waiting for the API")
    void cancellation() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        api.routes.put(RUN_PATH, exchange -> {
            asked.countDown();
            awaitRelease();
        });
        ProbeContext context = ProbeContext.withTimeout(Duration.ofMinutes(5));
        GitHubActionsProbe probe = GitHubActionsProbe.of(config(Duration.ofMinutes(5), TOKEN), null, null);
        CompletableFuture<List<Observation>> result = CompletableFuture.supplyAsync(() -> {
            try {
                return probe.run(context);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(asked.await(30, TimeUnit.SECONDS));
        context.cancel();
        ProbeFailure f = onlyFailure(result.get(30, TimeUnit.SECONDS), TOKEN);
        assertEquals(FailureKind.DEADLINE_EXCEEDED, f.kind(), f.toString());
        assertTrue(f.detail().contains("cancelled"), f.detail());
    }

    @Test
    @DisplayName("a token a header cannot carry is refused before any request, and never echoed")
    void tokenOutsideAscii() throws Exception {
        String token = "ghp_caf\u00e9-secret-token-value-4711";
        List<Observation> seen = GitHubActionsProbe.of(config(Duration.ofSeconds(20), token), null, null)
                .run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        ProbeFailure f = onlyFailure(seen, "secret-token-value");
        assertEquals(FailureKind.MISCONFIGURED, f.kind(), f.toString());
        assertTrue(api.seen.isEmpty(), api.seen::toString);
    }
}
