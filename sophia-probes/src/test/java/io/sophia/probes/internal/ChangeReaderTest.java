package io.sophia.probes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.ChangeClass;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ChangeSet;
import io.sophia.core.Observation.ChangeSetUnavailable;
import io.sophia.core.Observation.CiRun;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "What changed since the last good deploy" against a loopback GitHub API that replays real
 * recordings of ../shared/corpus/github-api (see its SOURCE.md): the WireMock mappings of hub4j's
 * {@code GHRepositoryTest/listCommitsBetween} and {@code listCommitsBetweenPaginated} (status,
 * headers including {@code Link}, body file) for the compare API, and the run list of
 * {@code GHWorkflowRunTest/testSearchOnCreatedAndHeadSha} for finding the last good run.
 *
 * <p>hub4j recorded the runs and the comparison in two different repositories, so the scenario
 * that joins them points two recorded runs at the comparison's two commits ({@code head_sha}
 * rewritten, nothing else). Pages the recorder did not capture (page 2 and later of a paginated
 * comparison) are cut from the unpaginated recording of the same comparison, which holds all 9
 * commits; {@code Link} urls are re-rooted from api.github.com to the loopback server, as GitHub
 * Enterprise answers with its own host.
 */
@DisplayName("ChangeReader against recorded GitHub compare and run-list payloads")
class ChangeReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "hub4j-test-org/GHWorkflowRunTest";
    private static final String BASE = "e46a9f3f2ac55db96de3c5c4706f2813b3a96465";
    private static final String HEAD = "8051615eff597f4e49f4f47625e6fc2b49f26bfc";
    private static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    private static Path corpus() {
        String configured = System.getProperty("sophia.corpus");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/corpus").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared corpus not found; set -Dsophia.corpus");
    }

    private static final Path HUB = corpus().resolve("github-api/hub4j-recorded");
    private static final Path COMPARE = HUB.resolve("GHRepositoryTest/wiremock/listCommitsBetween");
    private static final Path COMPARE_PAGED = HUB.resolve("GHRepositoryTest/wiremock/listCommitsBetweenPaginated");
    private static final Path RUNS = HUB.resolve(
            "GHWorkflowRunTest/wiremock/testSearchOnCreatedAndHeadSha/__files/11-r_h_g_actions_runs.json");

    /** A request the server saw: path, query and whether it carried the token. */
    record Seen(String path, String query, boolean authorized) {
    }

    private HttpServer server;
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    /** One canned answer: status, headers, body. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "github-replay");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(new Seen(uri.getPath(), uri.getRawQuery(), auth != null && auth.contains(TOKEN)));
        try {
            Answer a = routes.get(uri.getPath() + "?" + normalise(uri.getRawQuery()));
            if (a == null) {
                a = routes.get(uri.getPath());
            }
            if (a == null) {
                a = new Answer(404, Map.of(), "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}");
            }
            if (a.status() == 0) {
                // never answers until the test ends: the reader must give up by its deadline
                release.await(30, TimeUnit.SECONDS);
                return;
            }
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            a.headers().forEach((k, v) -> v.forEach(x -> exchange.getResponseHeaders().add(k, x)));
            exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** Query parameters sorted, {@code page=1} implied, so {@code ?per_page=5} and {@code ?page=1&per_page=5} match. */
    private static String normalise(String query) {
        List<String> params = new ArrayList<>(query == null ? List.of() : List.of(query.split("&")));
        if (params.stream().noneMatch(p -> p.startsWith("page="))) {
            params.add("page=1");
        }
        params.sort(null);
        return String.join("&", params);
    }

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves a WireMock mapping under {@code dir} at our repository's path, with its status, headers and body file. */
    private void replay(Path dir, String mappingFile) throws IOException {
        JsonNode mapping = JSON.readTree(dir.resolve("mappings").resolve(mappingFile).toFile());
        URI recorded = URI.create(mapping.at("/request/url").asText());
        String path = recorded.getPath().replace("/repos/hub4j-test-org/github-api/", "/repos/" + REPO + "/");
        JsonNode response = mapping.get("response");
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            if (e.getKey().equalsIgnoreCase("Link")) {
                values.replaceAll(v -> v.replace("https://api.github.com", root()));
            }
            if (!e.getKey().equalsIgnoreCase("Content-Type")) {
                headers.put(e.getKey(), values);
            }
        });
        String body = Files.readString(dir.resolve("__files").resolve(response.get("bodyFileName").asText()));
        String key = recorded.getRawQuery() == null ? path : path + "?" + normalise(recorded.getRawQuery());
        routes.put(key, new Answer(response.get("status").asInt(), headers, body));
    }

    /** The unpaginated recording of the comparison: all 9 commits and the 6 files. */
    private static JsonNode fullComparison() throws IOException {
        try (var files = Files.list(COMPARE.resolve("__files"))) {
            return JSON.readTree(files.findFirst().orElseThrow().toFile());
        }
    }

    /**
     * Page {@code page} of the comparison at {@code perPage} commits a page, cut from the full recording, with the
     * {@code Link} header GitHub sends ({@code next} while commits remain), served under {@code /repositories/206888201},
     * the path the recorded {@code Link} urls use.
     */
    private void synthesisedPage(int perPage, int page) throws IOException {
        ObjectNode body = (ObjectNode) fullComparison().deepCopy();
        ArrayNode all = (ArrayNode) body.get("commits");
        ArrayNode slice = JSON.createArrayNode();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
            slice.add(all.get(i));
        }
        body.set("commits", slice);
        int last = (all.size() + perPage - 1) / perPage;
        String base = root() + "/repositories/206888201/compare/" + BASE + "..." + HEAD + "?per_page=" + perPage + "&page=";
        String link = (page < last ? "<" + base + (page + 1) + ">; rel=\"next\", " : "") + "<" + base + last
                + ">; rel=\"last\", <" + base + "1>; rel=\"first\"";
        routes.put("/repositories/206888201/compare/" + BASE + "..." + HEAD + "?" + normalise("per_page=" + perPage + "&page=" + page),
                new Answer(200, Map.of("Link", List.of(link)), JSON.writeValueAsString(body)));
    }

    /** The recorded run list, with the Fast workflow's runs pointed at the comparison's commits. */
    private void serveRuns(boolean pointAtComparison) throws IOException {
        ObjectNode list = (ObjectNode) JSON.readTree(RUNS.toFile());
        for (JsonNode r : list.get("workflow_runs")) {
            long id = r.get("id").asLong();
            if (pointAtComparison && id == 6804432017L) {
                ((ObjectNode) r).put("head_sha", BASE);
            }
        }
        routes.put("/repos/" + REPO + "/actions/workflows/6820790/runs", new Answer(200, Map.of(), JSON.writeValueAsString(list)));
        routes.put("/repos/" + REPO + "/actions/workflows/6820886/runs", new Answer(200, Map.of(), JSON.writeValueAsString(list)));
    }

    /** The newest recorded Fast-workflow run (7842477524), as the failing run: conclusion failure, optionally at HEAD. */
    private static JsonNode failingFastRun(boolean atHead) throws IOException {
        for (JsonNode r : JSON.readTree(RUNS.toFile()).get("workflow_runs")) {
            if (r.get("id").asLong() == 7842477524L) {
                ObjectNode run = (ObjectNode) r.deepCopy();
                run.put("conclusion", "failure");
                if (atHead) {
                    run.put("head_sha", HEAD);
                }
                return run;
            }
        }
        throw new IllegalStateException("run 7842477524 not in " + RUNS);
    }

    private static JsonNode recordedRun(long id) throws IOException {
        for (JsonNode r : JSON.readTree(RUNS.toFile()).get("workflow_runs")) {
            if (r.get("id").asLong() == id) {
                return r;
            }
        }
        throw new IllegalStateException("run " + id + " not in " + RUNS);
    }

    private static CiRun ciRun(JsonNode json) {
        return GitHubPayloads.run(json, REPO);
    }

    private ChangeReader reader(int perPage, int maxPages, Duration budget) {
        GitHubClient api = new GitHubClient(GitHubClient.newHttpClient(), URI.create(root()), TOKEN,
                Duration.ZERO, Deadline.after(budget), Instant::now);
        return new ChangeReader(api, REPO, perPage, maxPages, ChangeReader.DEFAULT_MAX_COMMITS, TOKEN);
    }

    @Test
    @DisplayName("finds the last good run of the same workflow and lists the 9 commits and 6 classed files between them")
    void recordedComparison() throws Exception {
        serveRuns(true);
        replay(COMPARE, "4-r_h_g_compare_e46a9f3f2ac55db96de3c5c4706f2813b3a964658051.json");
        // the recording was made without per_page; for 9 commits per_page=100 is the same single page
        JsonNode mapping = JSON.readTree(COMPARE.resolve("mappings/4-r_h_g_compare_e46a9f3f2ac55db96de3c5c4706f2813b3a964658051.json").toFile());
        routes.put("/repos/" + REPO + "/compare/" + BASE + "..." + HEAD + "?page=1&per_page=100",
                routes.get("/repos/" + REPO + "/compare/" + BASE + "..." + HEAD));
        JsonNode failing = failingFastRun(true);

        Observation o = reader(100, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null);

        ChangeSet cs = assertInstanceOf(ChangeSet.class, o, o::toString);
        // 7842477524 itself and the other workflows' runs are passed over; 6804432017 is the newest earlier success
        assertEquals(6804432017L, cs.baseRunId());
        assertEquals(BASE, cs.baseSha());
        assertEquals(7842477524L, cs.headRunId());
        assertEquals(HEAD, cs.headSha());
        assertEquals("ahead", cs.comparison());
        assertEquals(9, cs.totalCommits());
        assertEquals(9, cs.commits().size());
        assertEquals("jackson-databind 2.9.9.3", cs.commits().get(0).message());
        assertEquals("sullis", cs.commits().get(0).author());
        assertEquals("squashMerge (#333)", cs.commits().get(8).message(), "first line of the message only");
        assertEquals(HEAD, cs.commits().get(8).sha());
        assertEquals(List.of(".github/workflows/maven.yml", "README", "README.md", "pom.xml", "squashMerge",
                "updateContentSquashMerge"), cs.files().stream().map(Observation.ChangedFile::path).toList());
        assertEquals(List.of(ChangeClass.WORKFLOW, ChangeClass.DOCUMENTATION, ChangeClass.DOCUMENTATION,
                ChangeClass.DEPENDENCIES, ChangeClass.OTHER, ChangeClass.OTHER),
                cs.files().stream().map(Observation.ChangedFile::changeClass).toList());
        Observation.ChangedFile workflow = cs.files().get(0);
        assertEquals(1, workflow.additions());
        assertEquals(7, workflow.deletions());
        assertEquals("removed", cs.files().get(1).status());
        assertFalse(cs.truncated());
        assertEquals(mapping.at("/response/status").asInt(), 200);
        assertEquals("https://github.com/hub4j-test-org/github-api/compare/" + BASE + "..." + HEAD, cs.htmlUrl());

        Seen runs = seen.get(0);
        assertEquals("/repos/" + REPO + "/actions/workflows/6820790/runs", runs.path());
        assertTrue(runs.query().contains("status=success") && runs.query().contains("branch=main"), runs::query);
        assertEquals(2, seen.size(), seen::toString);
        assertTrue(seen.stream().allMatch(Seen::authorized), "the token goes to the API's own origin");
        assertFalse(o.toString().contains(TOKEN));
    }

    @Test
    @DisplayName("follows the recorded Link header to the next page and keeps the commits in order, the files once")
    void paginated() throws Exception {
        serveRuns(true);
        replay(COMPARE_PAGED, "5-r_h_g_compare_e46a9f3f.json");
        synthesisedPage(5, 2);
        JsonNode failing = failingFastRun(true);

        Observation o = reader(5, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null);

        ChangeSet cs = assertInstanceOf(ChangeSet.class, o, o::toString);
        List<String> expected = new ArrayList<>();
        fullComparison().get("commits").forEach(c -> expected.add(c.get("sha").asText()));
        assertEquals(expected, cs.commits().stream().map(Observation.ChangedCommit::sha).toList());
        assertEquals(6, cs.files().size(), "GitHub repeats the files on every page; they are kept once");
        assertFalse(cs.truncated());
        assertEquals(List.of("/repos/" + REPO + "/actions/workflows/6820790/runs", "/repos/" + REPO + "/compare/" + BASE
                + "..." + HEAD, "/repositories/206888201/compare/" + BASE + "..." + HEAD),
                seen.stream().map(Seen::path).toList());
        assertEquals("per_page=5&page=2", seen.get(2).query());
    }

    @Test
    @DisplayName("stops after its page cap and says the listing is truncated (recorded per_page=1 page with Link to page 9)")
    void boundedPaging() throws Exception {
        serveRuns(true);
        replay(COMPARE_PAGED, "4-r_h_g_compare_e46a9f3f.json");
        for (int p = 2; p <= 9; p++) {
            synthesisedPage(1, p);
        }
        JsonNode failing = failingFastRun(true);

        ChangeSet cs = assertInstanceOf(ChangeSet.class, reader(1, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null));

        assertEquals(3, cs.commits().size());
        assertEquals(9, cs.totalCommits());
        assertTrue(cs.truncated());
        assertEquals(4, seen.size(), "one run list and three compare pages: " + seen);
    }

    @Test
    @DisplayName("a next link back to the page just read ends the walk: no page twice, no commit twice, truncated")
    void loopingNextLink() throws Exception {
        serveRuns(true);
        replay(COMPARE_PAGED, "5-r_h_g_compare_e46a9f3f.json");
        String self = root() + "/repos/" + REPO + "/compare/" + BASE + "..." + HEAD + "?per_page=5";
        routes.replaceAll((k, a) -> a.headers().containsKey("Link")
                ? new Answer(a.status(), Map.of("Link", List.of("<" + self + ">; rel=\"next\"")), a.body())
                : a);
        JsonNode failing = failingFastRun(true);

        ChangeSet cs = assertInstanceOf(ChangeSet.class, reader(5, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null));

        assertEquals(5, cs.commits().size());
        assertEquals(5, cs.commits().stream().map(Observation.ChangedCommit::sha).distinct().count());
        assertTrue(cs.truncated());
        assertEquals(2, seen.size(), "one run list and the compare page once: " + seen);
    }

    @Test
    @DisplayName("a next page on another host is not followed")
    void foreignNextLink() throws Exception {
        serveRuns(true);
        replay(COMPARE_PAGED, "5-r_h_g_compare_e46a9f3f.json");
        routes.replaceAll((k, a) -> a.headers().containsKey("Link")
                ? new Answer(a.status(), Map.of("Link", List.of(a.headers().get("Link").get(0).replace(root(), "http://localhost:1"))), a.body())
                : a);
        JsonNode failing = failingFastRun(true);

        ChangeSet cs = assertInstanceOf(ChangeSet.class, reader(5, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null));

        assertEquals(5, cs.commits().size());
        assertTrue(cs.truncated());
        assertEquals(2, seen.size());
    }

    @Test
    @DisplayName("a re-run of the commit that last deployed fine changed nothing, and no comparison is requested")
    void sameCommit() throws Exception {
        serveRuns(false);
        JsonNode failing = failingFastRun(false);

        ChangeSet cs = assertInstanceOf(ChangeSet.class, reader(100, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null));

        assertEquals("identical", cs.comparison());
        assertEquals(6804432017L, cs.baseRunId());
        assertTrue(cs.commits().isEmpty() && cs.files().isEmpty());
        assertNull(cs.htmlUrl());
        assertEquals(1, seen.size());
    }

    @Test
    @DisplayName("with no earlier success of the workflow (recorded 'Failing workflow' run) the change set is unavailable: NOT_FOUND")
    void noEarlierSuccess() throws Exception {
        serveRuns(false);
        JsonNode failing = recordedRun(6804432018L);

        ChangeSetUnavailable u = assertInstanceOf(ChangeSetUnavailable.class,
                reader(100, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null));

        assertEquals(FailureKind.NOT_FOUND, u.kind());
        assertNull(u.httpStatus());
        assertTrue(u.detail().contains("no successful run of workflow \"Failing workflow\" on branch main before run 6804432018"),
                u::detail);
    }

    @Test
    @DisplayName("a compare answered 404, 403 or rate limited becomes a typed observation, never an exception")
    void refusals() throws Exception {
        serveRuns(true);
        JsonNode failing = failingFastRun(true);
        String compare = "/repos/" + REPO + "/compare/" + BASE + "..." + HEAD;
        // 404: GitHub's body for an unknown commit; 403: its body when GITHUB_TOKEN lacks contents:read
        // (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api); 403 with
        // X-RateLimit-Remaining 0: the primary rate limit (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api)
        Object[][] cases = {
                {404, Map.of(), "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/commits/commits#compare-two-commits\"}",
                        FailureKind.NOT_FOUND},
                {403, Map.of(), "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\"}",
                        FailureKind.FORBIDDEN},
                {403, Map.of("X-RateLimit-Remaining", List.of("0"), "X-RateLimit-Reset", List.of("4102444800")),
                        "{\"message\":\"API rate limit exceeded for installation ID 123.\"}", FailureKind.RATE_LIMITED}};
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> headers = (Map<String, List<String>>) c[1];
            routes.put(compare, new Answer((int) c[0], headers, (String) c[2]));

            ChangeSetUnavailable u = assertInstanceOf(ChangeSetUnavailable.class,
                    reader(100, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null));

            assertEquals(c[3], u.kind(), u::detail);
            assertEquals(c[0], u.httpStatus());
            assertTrue(u.detail().startsWith("the comparison with the last successful run 6804432017 could not be read"), u::detail);
            assertFalse(u.toString().contains(TOKEN));
        }
    }

    @Test
    @DisplayName("garbage instead of a comparison is a bad payload")
    void garbage() throws Exception {
        serveRuns(true);
        routes.put("/repos/" + REPO + "/compare/" + BASE + "..." + HEAD, new Answer(200, Map.of(), "<html>oops</html>"));
        JsonNode failing = failingFastRun(true);

        ChangeSetUnavailable u = assertInstanceOf(ChangeSetUnavailable.class,
                reader(100, 3, Duration.ofSeconds(30)).read(ciRun(failing), failing, null));

        assertEquals(FailureKind.BAD_PAYLOAD, u.kind());
    }

    @Test
    @DisplayName("a comparison that never answers ends at the reader's deadline as a typed observation")
    void deadline() throws Exception {
        serveRuns(true);
        routes.put("/repos/" + REPO + "/compare/" + BASE + "..." + HEAD, new Answer(0, Map.of(), ""));
        JsonNode failing = failingFastRun(true);

        ChangeSetUnavailable u = assertInstanceOf(ChangeSetUnavailable.class,
                reader(100, 3, Duration.ofMillis(700)).read(ciRun(failing), failing, null));

        assertTrue(u.kind() == FailureKind.DEADLINE_EXCEEDED || u.kind() == FailureKind.READ_TIMEOUT, u::toString);
    }
}
