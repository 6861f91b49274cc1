package io.sophia.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.ProbeContext;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.ConditionCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jobs of a run are read page by page along the {@code Link: <…>; rel="next"} header; a
 * hostile or broken API must not make that walk loop, and when Sophia stops early it says so.
 */
@DisplayName("GitHub job pagination cannot loop and says when it stopped early")
class GitHubPaginationTest {

    private static final String REPO = "octo/fleet";
    private static final String JOBS = "/repos/" + REPO + "/actions/runs/7/jobs";

    private HttpServer server;
    private final List<String> jobRequests = new CopyOnWriteArrayList<>();
    /** page number -> the next page's number, or 0 for none. */
    private IntFunction<Integer> next = p -> 0;
    private long totalCount = 10_000;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repos/" + REPO + "/actions/runs/7", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.equals(JOBS)) {
                send(ex, "{\"id\":7,\"name\":\"deploy\",\"status\":\"completed\",\"conclusion\":\"success\",\"run_attempt\":1}");
                return;
            }
            jobRequests.add(ex.getRequestURI().toString());
            String query = String.valueOf(ex.getRequestURI().getRawQuery());
            int page = query.contains("page=") && query.matches(".*(^|&)page=\\d+.*")
                    ? Integer.parseInt(query.replaceAll(".*(?:^|&)page=(\\d+).*", "$1")) : 1;
            int to = next.apply(page);
            if (to > 0) {
                ex.getResponseHeaders().add("Link", "<" + root() + JOBS + "?per_page=2&page=" + to + ">; rel=\"next\", <"
                        + root() + JOBS + "?per_page=2&page=5000>; rel=\"last\"");
            }
            long a = page * 2L;
            send(ex, "{\"total_count\":" + totalCount + ",\"jobs\":[" + job(a) + "," + job(a + 1) + "]}");
        }
    }

    private static String job(long id) {
        return "{\"id\":" + id + ",\"run_id\":7,\"name\":\"job " + id + "\",\"status\":\"completed\","
                + "\"conclusion\":\"success\",\"steps\":[]}";
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private List<Observation> run(int maxPages) throws InterruptedException {
        GitHubActionsConfig config = GitHubActionsConfig.custom().apiUrl(URI.create(root())).repository(REPO).runId(7)
                .tokenEnv("T").env(Map.of("T", "test-token-value-1")::get).timeout(Duration.ofSeconds(20))
                .maxJobPages(maxPages).build();
        return GitHubActionsProbe.of(config, new Deployment("fleet", List.of()), (origin, log) -> List.of()).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    private static <T> List<T> of(List<Observation> seen, Class<T> kind) {
        return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    @DisplayName("a next link back to a page already read ends the walk, and the report says how many jobs were read")
    void aLoopingNextLinkEndsTheWalk() throws Exception {
        next = p -> p == 1 ? 2 : p == 2 ? 3 : 2; // 1 -> 2 -> 3 -> 2 -> 3 …
        List<Observation> seen = run(1_000);

        assertEquals(3, jobRequests.size(), jobRequests::toString);
        assertEquals(6, of(seen, CiJob.class).size());
        ConditionCheck note = of(seen, ConditionCheck.class).get(0);
        assertEquals(false, note.passed());
        assertEquals("read 6 of 10,000 jobs; the API's next link pointed back to a page already read", note.actual());
    }

    @Test
    @DisplayName("a next link to itself is read once")
    void aSelfLinkIsReadOnce() throws Exception {
        totalCount = 4;
        next = p -> p == 1 ? 2 : 2;
        List<Observation> seen = run(1_000);

        assertEquals(2, jobRequests.size(), jobRequests::toString);
        assertEquals(4, of(seen, CiJob.class).size());
        assertTrue(of(seen, ConditionCheck.class).isEmpty(), "all 4 of 4 jobs were read: " + seen);
    }

    @Test
    @DisplayName("total_count bounds what is read even when next links go on")
    void totalCountBoundsTheWalk() throws Exception {
        totalCount = 5;
        next = p -> p + 1;
        List<Observation> seen = run(1_000);

        assertEquals(3, jobRequests.size(), jobRequests::toString);
        assertEquals(5, of(seen, CiJob.class).size());
        assertTrue(of(seen, ConditionCheck.class).isEmpty(), seen::toString);
    }

    @Test
    @DisplayName("the page cap stops an endless walk and the report says 'read 6 of 10,000 jobs'")
    void thePageCapIsReported() throws Exception {
        next = p -> p + 1;
        List<Observation> seen = run(3);

        assertEquals(3, jobRequests.size(), jobRequests::toString);
        assertEquals(6, of(seen, CiJob.class).size());
        ConditionCheck note = of(seen, ConditionCheck.class).get(0);
        assertEquals("all jobs of run 7 read", note.condition());
        assertEquals("read 6 of 10,000 jobs; stopped at the cap of 3 pages", note.actual());
    }
}
