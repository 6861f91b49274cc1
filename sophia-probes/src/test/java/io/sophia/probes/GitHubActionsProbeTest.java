package io.sophia.probes;

import io.sophia.core.testing.RefusedPort;
import io.sophia.core.Source;
import io.sophia.core.CauseId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.ProbeContext;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiLogRead;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Actions probe against a loopback stand-in for the REST API that serves the real
 * payloads recorded by hub4j/github-api (GHWorkflowRunTest) and GitHub's OpenAPI examples, read
 * from the shared corpus at test time.
 */
@DisplayName("GitHubActionsProbe against a loopback GitHub API serving recorded payloads")
class GitHubActionsProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "hub4j-test-org/GHWorkflowRunTest";
    private static final String TOKEN = "s3cr3t-token-value-123";
    private static final long RUN_ID = 686036126L;
    private static final long FAILED_JOB_ID = 6653410527L;

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

    private static final Path GITHUB = corpus().resolve("github-api");
    private static final Path HUB = GITHUB.resolve("hub4j-recorded/GHWorkflowRunTest/wiremock");
    static final Path RUN_CANCELLED = HUB.resolve("testCancelAndRerun/__files/8-r_h_g_actions_runs_686036126.json");
    private static final Path JOBS = HUB.resolve("testJobs/__files/11-r_h_g_actions_runs_719643947_jobs.json");
    private static final Path LOG = HUB.resolve("testJobs_actions-user-content/__files/1-u_a_p_1_runs_139_signedlogcontent_5.txt");
    private static final Path LOG_REDIRECT = HUB.resolve("testJobs/mappings/8-r_h_g_actions_jobs_2270858630_logs.json");
    private static final Path NOT_FOUND = HUB.resolve("testLogs/mappings/9-r_h_g_actions_runs_711446981_logs.json");
    private static final Path WORKFLOW_RUNS = HUB.resolve(
            "testStartupFailureConclusion/__files/3-r_h_g_actions_workflows_75497789_runs.json");
    private static final Path FAILED_JOB = GITHUB.resolve("hub4j-recorded/GHEventPayloadTest/workflow_job.json");
    private static final Path REST_JOBS = GITHUB.resolve("rest-api-description-examples/jobs-for-run.json");

    /** A request the stand-in saw. */
    record Seen(String host, String path, String query, String authorization) {
    }

    /** Answers one request; routes are matched by path. */
    interface Route {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** A loopback HTTP server with routes by path that records every request. */
    static final class StandIn implements AutoCloseable {
        final HttpServer server;
        final String host;
        final Map<String, Route> routes = new ConcurrentHashMap<>();
        final List<Seen> seen = new CopyOnWriteArrayList<>();

        StandIn(String host) throws IOException {
            this.host = host;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                URI uri = exchange.getRequestURI();
                seen.add(new Seen(host, uri.getPath(), uri.getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                Route route = routes.get(uri.getPath());
                try {
                    if (route == null) {
                        send(exchange, 404, "application/json",
                                "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}");
                    } else {
                        route.answer(exchange);
                    }
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "stand-in-" + host);
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        String root() {
            return "http://" + host + ":" + server.getAddress().getPort();
        }

        StandIn json(String path, Object body, String... headers) {
            routes.put(path, exchange -> send(exchange, 200, "application/json; charset=utf-8", text(body), headers));
            return this;
        }

        List<Seen> requests(String path) {
            return seen.stream().filter(s -> s.path().equals(path)).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String text(Object body) {
        try {
            return body instanceof String s ? s : body instanceof Path p ? Files.readString(p) : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body, String... headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded failed job (webhook payload's workflow_job), moved into our run. */
    static ObjectNode failedJob() {
        ObjectNode job = (ObjectNode) read(FAILED_JOB).get("workflow_job").deepCopy();
        job.put("run_id", RUN_ID);
        return job;
    }

    static ObjectNode jobsPage(JsonNode... jobs) {
        ObjectNode page = JSON.createObjectNode();
        page.put("total_count", jobs.length);
        ArrayNode array = page.putArray("jobs");
        for (JsonNode j : jobs) {
            array.add(j);
        }
        return page;
    }

    static JsonNode recordedJob(int index) {
        return read(JOBS).get("jobs").get(index);
    }

    private StandIn api;
    private StandIn logs;
    private final Deployment deployment = new Deployment("fleet", List.of(
            Service.builder("jvm-tests", "http://127.0.0.1:1/").name("JVM Tests").critical().build(),
            Service.builder("dashboard", "http://127.0.0.1:1/").name("Dashboard").build()));

    @BeforeEach
    void startStandIns() throws IOException {
        api = new StandIn("127.0.0.1");
        // "localhost" is another origin than "127.0.0.1": the token must not follow the redirect there
        logs = new StandIn("localhost");
    }

    @AfterEach
    void stopStandIns() {
        api.close();
        logs.close();
    }

    private String runPath() {
        return "/repos/" + REPO + "/actions/runs/" + RUN_ID;
    }

    private String jobsPath() {
        return runPath() + "/jobs";
    }

    private String logPath(long jobId) {
        return "/repos/" + REPO + "/actions/jobs/" + jobId + "/logs";
    }

    /** Routes the job log of {@code jobId} through the recorded 302 to the log stand-in, which answers with {@code body}. */
    private void logRedirect(long jobId, Route body) {
        String location = read(LOG_REDIRECT).at("/response/headers/Location").asText();
        URI recorded = URI.create(location);
        api.routes.put(logPath(jobId), exchange -> send(exchange, 302, "text/html;charset=utf-8", "",
                "Location", logs.root() + recorded.getRawPath() + "?" + recorded.getRawQuery()));
        logs.routes.put(recorded.getPath(), body);
    }

    private GitHubActionsConfig.Builder config() {
        return GitHubActionsConfig.custom()
                .apiUrl(URI.create(api.root()))
                .repository(REPO)
                .runId(RUN_ID)
                .tokenEnv("SOPHIA_GITHUB_TOKEN")
                .env(Map.of("SOPHIA_GITHUB_TOKEN", TOKEN)::get)
                .timeout(Duration.ofSeconds(20));
    }

    /** A simple analyzer: one finding per line that mentions the hosted runner; remembers the origin it was given. */
    private final AtomicReference<LogAnalyzer.LogOrigin> origin = new AtomicReference<>();
    private final AtomicInteger linesSeen = new AtomicInteger();
    private final LogAnalyzer analyzer = (o, log) -> {
        origin.set(o);
        List<LogFinding> found = new ArrayList<>();
        BufferedReader reader = new BufferedReader(log);
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.contains("Found online and idle hosted runner")) {
                found.add(new LogFinding(o.serviceId(), o.source(), o.jobId(), o.jobName(), null, number,
                        "test.runner-found", CauseId.of("ci.runner"), line, List.of(), 0.5));
            }
        }
        linesSeen.set((int) number);
        return found;
    };

    private static <T extends Observation> List<T> of(List<Observation> seen, Class<T> kind) {
        return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static void assertNoToken(List<Observation> seen, Object... more) {
        String all = seen.toString() + List.of(more);
        assertFalse(all.contains(TOKEN), "the token leaked into: " + all);
    }

    private static ProbeFailure onlyFailure(List<Observation> seen) {
        List<ProbeFailure> failures = of(seen, ProbeFailure.class);
        assertEquals(1, failures.size(), seen::toString);
        return failures.get(0);
    }

    @Nested
    @DisplayName("a run with a failed job")
    class FailedRun {

        @BeforeEach
        void serve() {
            api.json(runPath(), RUN_CANCELLED);
            api.json(jobsPath(), jobsPage(recordedJob(0), failedJob()));
            api.json("/repos/" + REPO + "/check-runs/" + FAILED_JOB_ID + "/annotations",
                    // shape of GitHub's check-run annotation items; the message is the one the runner writes for a failed step
                    "[{\"path\":\".github\",\"start_line\":1,\"end_line\":1,\"annotation_level\":\"failure\","
                            + "\"title\":\"\",\"message\":\"Process completed with exit code 1.\",\"raw_details\":\"\"}]");
            logRedirect(FAILED_JOB_ID, exchange -> send(exchange, 200, "text/plain", text(LOG)));
        }

        @Test
        @DisplayName("reports the run, its jobs with steps, runner and labels, the annotation, the log read and the findings, in order")
        void everything() throws Exception {
            GitHubActionsProbe probe = GitHubActionsProbe.of(config().build(), deployment, analyzer);

            List<Observation> seen = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertEquals(List.of(CiRun.class, CiJob.class, CiJob.class, Observation.ChangeSetUnavailable.class,
                            CiAnnotation.class, CiLogRead.class, LogFinding.class),
                    seen.stream().map(Object::getClass).toList(), seen::toString);
            CiRun run = (CiRun) seen.get(0);
            assertEquals(RUN_ID, run.runId());
            assertEquals("Slow workflow", run.workflowName());
            assertEquals("cancelled", run.conclusion());
            assertEquals("f6a5c19a67797d64426203b8a7a05a0fd74e5037", run.headSha());
            assertEquals(Duration.ofSeconds(34), run.duration());
            assertEquals(REPO, run.repository());

            CiJob ok = (CiJob) seen.get(1);
            assertEquals("job2", ok.name());
            assertNull(ok.serviceId(), "job2 deploys no service of the deployment");
            assertEquals(3, ok.steps().size());
            assertEquals(Instant.parse("2021-04-05T15:42:56Z"), ok.steps().get(0).startedAt(), "step times carry +02:00");
            assertEquals("my runner", ok.runnerName());
            assertEquals(List.of("ubuntu-latest"), ok.labels());

            CiJob failed = (CiJob) seen.get(2);
            assertEquals("jvm-tests", failed.serviceId(), "'JVM Tests - JDK JDK16' deploys the service named 'JVM Tests'");
            assertEquals("failure", failed.conclusion());
            assertEquals("Build with Maven", failed.failedStep().name());
            assertEquals(Duration.ofSeconds(32), failed.duration());
            assertEquals("GitHub Actions 10", failed.runnerName());

            // the stand-in knows no run list of the workflow: the comparison is unavailable, the rest unaffected
            Observation.ChangeSetUnavailable changes = (Observation.ChangeSetUnavailable) seen.get(3);
            assertEquals(FailureKind.NOT_FOUND, changes.kind());
            assertEquals(RUN_ID, changes.headRunId());
            assertTrue(changes.target().endsWith("/actions/workflows/6820849/runs"), changes::target);

            CiAnnotation annotation = (CiAnnotation) seen.get(4);
            assertEquals(FAILED_JOB_ID, annotation.jobId());
            assertEquals("failure", annotation.level());
            assertEquals("Process completed with exit code 1.", annotation.message());
            assertEquals(1, annotation.line());

            CiLogRead read = (CiLogRead) seen.get(5);
            assertEquals(Files.size(LOG), read.bytes());
            assertEquals(39, read.lines());
            assertEquals(39, linesSeen.get());
            assertFalse(read.truncated());
            assertEquals("jvm-tests", read.serviceId());

            LogFinding finding = (LogFinding) seen.get(6);
            assertEquals(4, finding.lineNumber());
            assertEquals("jvm-tests", finding.serviceId());
            assertEquals(5, origin.get().steps().size(), "the analyzer gets the job's steps to attribute lines");
            assertEquals(FAILED_JOB_ID, origin.get().jobId());
        }

        @Test
        @DisplayName("sends the GitHub headers and the token to the API, but not to the log host it is redirected to")
        void tokenStaysWithTheApi() throws Exception {
            GitHubActionsProbe probe = GitHubActionsProbe.of(config().build(), deployment, analyzer);

            List<Observation> seen = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertFalse(api.seen.isEmpty());
            assertTrue(api.seen.stream().allMatch(s -> ("Bearer " + TOKEN).equals(s.authorization())), api.seen::toString);
            List<Seen> logRequests = logs.seen;
            assertEquals(1, logRequests.size());
            assertNull(logRequests.get(0).authorization(), "Authorization was sent to the log host");
            assertTrue(logRequests.get(0).query().contains("urlSignature="), "the signed url was followed as given");
            assertNoToken(seen, probe, probe.config(), probe.target());
            assertTrue(api.requests(jobsPath()).get(0).query().contains("filter=latest"));
            assertTrue(api.requests(jobsPath()).get(0).query().contains("per_page=100"));
        }

        @Test
        @DisplayName("asks for the jobs of every attempt when told to (filter=all)")
        void allAttempts() throws Exception {
            GitHubActionsProbe.of(config().allAttempts(true).build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertTrue(api.requests(jobsPath()).get(0).query().contains("filter=all"));
        }

        @Test
        @DisplayName("a log that expired (410) is a GONE failure; the run and jobs are still reported")
        void expiredLog() throws Exception {
            api.routes.put(logPath(FAILED_JOB_ID), exchange -> send(exchange, 410, "application/json",
                    "{\"message\":\"Gone\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
            // without its log, the job's check run is read for what it says (GitHubCheckRunOutputTest)
            api.json("/repos/" + REPO + "/check-runs/" + FAILED_JOB_ID, GitHubCheckRunOutputTest.checkRun(FAILED_JOB_ID,
                    "failure", null, null, null));

            List<Observation> seen = GitHubActionsProbe.of(config().build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertEquals(1, api.requests("/repos/" + REPO + "/check-runs/" + FAILED_JOB_ID).size());
            ProbeFailure gone = onlyFailure(seen);
            assertEquals(FailureKind.GONE, gone.kind());
            assertEquals(410, gone.httpStatus());
            assertTrue(gone.detail().contains("expired or was deleted"), gone.detail());
            assertEquals(1, of(seen, CiRun.class).size());
            assertEquals(2, of(seen, CiJob.class).size());
            assertTrue(of(seen, CiLogRead.class).isEmpty());
        }

        @Test
        @DisplayName("a token variable that is named but not set is MISCONFIGURED (naming it) and the probe reads unauthenticated")
        void missingToken() throws Exception {
            List<Observation> seen = GitHubActionsProbe.of(config().env(name -> null).build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            ProbeFailure misconfigured = (ProbeFailure) seen.get(0);
            assertEquals(FailureKind.MISCONFIGURED, misconfigured.kind());
            assertTrue(misconfigured.detail().contains("SOPHIA_GITHUB_TOKEN"), misconfigured.detail());
            assertEquals(1, of(seen, CiRun.class).size());
            assertTrue(api.seen.stream().allMatch(s -> s.authorization() == null));
        }

        @Test
        @DisplayName("a token variable holding two lines is MISCONFIGURED before any request, and no part of it is echoed")
        void multiLineToken() throws Exception {
            String twoLines = "ghp_firstLineOfTheTokenAbc123\nsecondLineOfTheTokenXyz789";
            List<Observation> seen = GitHubActionsProbe.of(config().env(Map.of("SOPHIA_GITHUB_TOKEN", twoLines)::get)
                    .build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertEquals(1, seen.size(), seen::toString);
            ProbeFailure misconfigured = (ProbeFailure) seen.get(0);
            assertEquals(FailureKind.MISCONFIGURED, misconfigured.kind());
            assertTrue(misconfigured.detail().contains("SOPHIA_GITHUB_TOKEN")
                    && misconfigured.detail().contains("more than one line"), misconfigured.detail());
            assertFalse(seen.toString().contains("firstLineOfThe") || seen.toString().contains("secondLineOfThe"));
            assertTrue(api.seen.isEmpty(), () -> "no request may be sent: " + api.seen);
        }

        @Test
        @DisplayName("a log of unknown length (chunked) larger than maxLogBytes is read from its head up to the cap, truncated")
        void cappedLog() throws Exception {
            logRedirect(FAILED_JOB_ID, exchange -> streamLog(exchange, 5L << 20));

            List<Observation> seen = GitHubActionsProbe.of(config().maxLogBytes(1 << 20).build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            CiLogRead read = of(seen, CiLogRead.class).get(0);
            assertEquals(1 << 20, read.bytes());
            assertTrue(read.truncated());
        }

        @Test
        @DisplayName("an 8 MiB log over a 1 MiB cap is read from its tail with Range: the error on its last line is found")
        void tailOfLargeLog() throws Exception {
            long head = (8L << 20) / LOG_LINE.length;
            long size = head * LOG_LINE.length + ERROR_LINE.length;
            List<String> ranges = new CopyOnWriteArrayList<>();
            logRedirect(FAILED_JOB_ID, exchange -> serveLog(exchange, head, true, ranges));
            long cap = 1 << 20;

            List<Observation> seen = GitHubActionsProbe.of(config().maxLogBytes(cap).build(), deployment, errorLines).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertTrue(of(seen, ProbeFailure.class).isEmpty(), seen::toString);
            assertEquals(java.util.Arrays.asList(null, "bytes=" + (size - cap - 1) + "-"), ranges,
                    "the whole log is asked first, then its last cap bytes (one more, to find the line start)");
            assertTrue(logs.seen.stream().allMatch(s -> s.authorization() == null), "the token went to the log host");
            CiLogRead read = of(seen, CiLogRead.class).get(0);
            assertTrue(read.truncated());
            assertTrue(read.bytes() <= cap && read.bytes() > cap - LOG_LINE.length, "tail bytes " + read.bytes());
            assertEquals(0, (read.bytes() - ERROR_LINE.length) % LOG_LINE.length, "the tail starts on a whole line");
            assertTrue(firstLine.get().startsWith("2021-04-05T15:42:57"), firstLine.get());
            LogFinding error = of(seen, LogFinding.class).get(0);
            assertTrue(error.line().contains("##[error]Process completed with exit code 1."), error.line());
            assertEquals(read.lines(), error.lineNumber(), "line numbers count from the tail's first whole line");
            assertNoToken(seen);
        }

        @Test
        @DisplayName("a log server that ignores Range (200, whole body) has the head dropped while streaming: the tail's error is found")
        void tailWhenRangeIsIgnored() throws Exception {
            long head = (8L << 20) / LOG_LINE.length;
            List<String> ranges = new CopyOnWriteArrayList<>();
            logRedirect(FAILED_JOB_ID, exchange -> serveLog(exchange, head, false, ranges));
            long cap = 1 << 20;

            List<Observation> seen = GitHubActionsProbe.of(config().maxLogBytes(cap).build(), deployment, errorLines).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertTrue(of(seen, ProbeFailure.class).isEmpty(), seen::toString);
            assertEquals(2, ranges.size());
            CiLogRead read = of(seen, CiLogRead.class).get(0);
            assertTrue(read.truncated());
            assertTrue(read.bytes() <= cap && read.bytes() > cap - LOG_LINE.length, "tail bytes " + read.bytes());
            assertTrue(firstLine.get().startsWith("2021-04-05T15:42:57"), firstLine.get());
            LogFinding error = of(seen, LogFinding.class).get(0);
            assertTrue(error.line().contains("##[error]"), error.line());
            assertEquals(read.lines(), error.lineNumber());
        }

        @Test
        @DisplayName("a server that ignores Range and stalls in the head: DEADLINE_EXCEEDED says the tail was not reached")
        void tailNotReachedBeforeDeadline() throws Exception {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            long size = 4L << 20;
            logRedirect(FAILED_JOB_ID, exchange -> {
                exchange.sendResponseHeaders(200, size);
                OutputStream out = exchange.getResponseBody();
                out.write(new byte[64 << 10]);
                out.flush();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                GitHubActionsProbe probe = GitHubActionsProbe.of(config().maxLogBytes(1 << 20)
                        .timeout(Duration.ofMillis(800)).build(), deployment, errorLines);
                // the run, its jobs and the log's head must come within the 800 ms: a machine that stalls longer before
                // the log was opened ends the probe there, rightly, without a log read
                List<Observation> seen = Stalls.retried(() -> probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))),
                        early -> of(early, CiLogRead.class).isEmpty());

                CiLogRead read = of(seen, CiLogRead.class).get(0);
                assertEquals(0, read.bytes());
                assertTrue(read.truncated());
                ProbeFailure late = onlyFailure(seen);
                assertEquals(FailureKind.DEADLINE_EXCEEDED, late.kind());
                assertTrue(late.detail().contains("ignored Range"), late.detail());
                assertTrue(of(seen, LogFinding.class).isEmpty());
            } finally {
                release.countDown();
            }
        }

        @Test
        @DisplayName("a log download that stalls is cut at the probe's deadline: what was read is reported, truncated")
        void stalledLog() throws Exception {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            logRedirect(FAILED_JOB_ID, exchange -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write(LOG_LINE);
                out.flush();
                try {
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                GitHubActionsProbe probe = GitHubActionsProbe.of(config().timeout(Duration.ofMillis(800)).build(), deployment,
                        analyzer);
                // the run, its jobs and the log's first line must come within the 800 ms: a machine that stalls longer
                // before the probe read that line ends it earlier, rightly, with less read
                List<Observation> seen = Stalls.retried(() -> probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))),
                        early -> of(early, CiLogRead.class).stream().noneMatch(r -> r.bytes() == LOG_LINE.length));

                assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt must not leak to the caller");
                assertEquals(1, of(seen, CiRun.class).size());
                CiLogRead read = of(seen, CiLogRead.class).get(0);
                assertEquals(LOG_LINE.length, read.bytes());
                assertTrue(read.truncated());
                ProbeFailure stalled = onlyFailure(seen);
                assertEquals(FailureKind.DEADLINE_EXCEEDED, stalled.kind());
                assertTrue(stalled.detail().contains("stalled"), stalled.detail());
            } finally {
                release.countDown();
            }
        }

        @Test
        @DisplayName("a 50 MB log streams through the analyzer without being held in memory")
        void largeLog() throws Exception {
            long size = 50L << 20;
            long lines = logRedirectLines(size);
            logRedirect(FAILED_JOB_ID, exchange -> streamLog(exchange, size));

            List<Observation> seen = GitHubActionsProbe.of(config().timeout(Duration.ofSeconds(120)).build(), deployment,
                    analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            CiLogRead read = of(seen, CiLogRead.class).get(0);
            assertEquals(size, read.bytes());
            assertEquals(lines, read.lines());
            assertEquals(lines, linesSeen.get());
            assertFalse(read.truncated());
        }
    }

    private static final byte[] ERROR_LINE =
            "2021-04-05T15:43:31.1234567Z ##[error]Process completed with exit code 1.\n".getBytes(StandardCharsets.US_ASCII);

    /** Serves {@code headLines} log lines then {@link #ERROR_LINE}, with a Content-Length, from any offset; records each Range asked. */
    private static void serveLog(HttpExchange exchange, long headLines, boolean honourRange, List<String> ranges)
            throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? null : range);
        long size = headLines * LOG_LINE.length + ERROR_LINE.length;
        long from = 0;
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        if (honourRange && range != null && range.matches("bytes=\\d+-")) {
            from = Long.parseLong(range.substring(6, range.length() - 1));
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
            exchange.sendResponseHeaders(206, size - from);
        } else {
            exchange.sendResponseHeaders(200, size);
        }
        long headBytes = headLines * LOG_LINE.length;
        byte[] buf = new byte[64 << 10];
        try (OutputStream out = exchange.getResponseBody()) {
            long p = from;
            while (p < size) {
                int n = 0;
                for (; n < buf.length && p < size; n++, p++) {
                    buf[n] = p < headBytes ? LOG_LINE[(int) (p % LOG_LINE.length)] : ERROR_LINE[(int) (p - headBytes)];
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // the probe closed the whole-log answer to ask for the tail
        }
    }

    /** The first line the error analyzer saw. */
    private final AtomicReference<String> firstLine = new AtomicReference<>();
    /** An analyzer that finds {@code ##[error]} lines, numbering lines as it reads them. */
    private final LogAnalyzer errorLines = (o, log) -> {
        List<LogFinding> found = new ArrayList<>();
        BufferedReader reader = new BufferedReader(log);
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1) {
                firstLine.set(line);
            }
            if (line.contains("##[error]")) {
                found.add(new LogFinding(o.serviceId(), o.source(), o.jobId(), o.jobName(), null, number,
                        "test.error", CauseId.of("ci.error"), line, List.of(), 0.9));
            }
        }
        return found;
    };

    private static final byte[] LOG_LINE =
            "2021-04-05T15:42:57.9954489Z #12 [build 4/7] RUN npm ci --omit=dev --no-audit --progress=false\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private static long logRedirectLines(long size) {
        return size / LOG_LINE.length + (size % LOG_LINE.length == 0 ? 0 : 1);
    }

    /** Writes {@code size} bytes of log lines from one small buffer, chunked, never holding the log. */
    private static void streamLog(HttpExchange exchange, long size) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        byte[] block = new byte[LOG_LINE.length * 1024];
        for (int i = 0; i < 1024; i++) {
            System.arraycopy(LOG_LINE, 0, block, i * LOG_LINE.length, LOG_LINE.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            // the probe stopped reading at its cap
        }
    }

    @Test
    @DisplayName("a failed run is compared with the last good run: the recorded comparison becomes a ChangeSet after the jobs")
    void changesSinceTheLastGoodRun() throws Exception {
        // the newest recorded Fast-workflow run, made to fail, and the recorded success before it, pointed at the two
        // commits of hub4j's recorded comparison (runs and comparison were recorded in different repositories)
        Path runs = HUB.resolve("testSearchOnCreatedAndHeadSha/__files/11-r_h_g_actions_runs.json");
        Path compare = GITHUB.resolve("hub4j-recorded/GHRepositoryTest/wiremock/listCommitsBetween/__files/"
                + "4-r_h_g_compare_e46a9f3f2ac55db96de3c5c4706f2813b3a964658051.json");
        String base = "e46a9f3f2ac55db96de3c5c4706f2813b3a96465";
        String head = "8051615eff597f4e49f4f47625e6fc2b49f26bfc";
        ObjectNode list = (ObjectNode) read(runs);
        ObjectNode failing = null;
        for (JsonNode r : list.get("workflow_runs")) {
            if (r.get("id").asLong() == 6804432017L) {
                ((ObjectNode) r).put("head_sha", base);
            } else if (r.get("id").asLong() == 7842477524L) {
                failing = ((ObjectNode) r).deepCopy();
                failing.put("conclusion", "failure").put("head_sha", head);
            }
        }
        api.json("/repos/" + REPO + "/actions/runs/7842477524", failing);
        api.json("/repos/" + REPO + "/actions/runs/7842477524/jobs", jobsPage());
        api.json("/repos/" + REPO + "/actions/workflows/6820790/runs", list);
        api.json("/repos/" + REPO + "/compare/" + base + "..." + head, compare);

        List<Observation> seen = GitHubActionsProbe.of(config().runId(7842477524L).build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

        assertEquals(List.of(CiRun.class, Observation.ChangeSet.class), seen.stream().map(Object::getClass).toList(),
                seen::toString);
        Observation.ChangeSet changes = (Observation.ChangeSet) seen.get(1);
        assertEquals(6804432017L, changes.baseRunId());
        assertEquals(7842477524L, changes.headRunId());
        assertEquals(9, changes.commits().size());
        assertEquals(List.of("pom.xml"), changes.files(io.sophia.core.ChangeClass.DEPENDENCIES).stream()
                .map(Observation.ChangedFile::path).toList());
        assertEquals("status=success&branch=main&per_page=20",
                api.requests("/repos/" + REPO + "/actions/workflows/6820790/runs").get(0).query());
        assertTrue(api.seen.stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization())));
        assertNoToken(seen);
    }

    @Test
    @DisplayName("a successful run has nothing to explain: no last good run is looked up; readChanges(false) turns it off")
    void noComparisonForASuccess() throws Exception {
        api.json(runPath(), read(RUN_CANCELLED));
        api.json(jobsPath(), jobsPage());
        ObjectNode success = (ObjectNode) read(RUN_CANCELLED).deepCopy();
        success.put("conclusion", "success");
        api.json("/repos/" + REPO + "/actions/runs/1", success.put("id", 1));
        api.json("/repos/" + REPO + "/actions/runs/1/jobs", jobsPage());

        List<Observation> ok = GitHubActionsProbe.of(config().runId(1).build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        List<Observation> off = GitHubActionsProbe.of(config().readChanges(false).build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

        assertEquals(List.of(CiRun.class), ok.stream().map(Object::getClass).toList(), ok::toString);
        assertEquals(List.of(CiRun.class), off.stream().map(Object::getClass).toList(), off::toString);
        assertTrue(api.seen.stream().noneMatch(r -> r.path().contains("/workflows/") || r.path().contains("/compare/")),
                api.seen::toString);
    }

    @Test
    @DisplayName("follows the Link header across pages of jobs")
    void pagination() throws Exception {
        api.json(runPath(), RUN_CANCELLED);
        // GitHub's next links point at /repositories/{id}/..., not at the path that was asked for
        String page2 = "/repositories/348674220/actions/runs/" + RUN_ID + "/jobs";
        // total_count is the run's total on every page (it bounds the walk)
        api.json(jobsPath(), jobsPage(recordedJob(0)).put("total_count", 2),
                "Link", "<" + api.root() + page2 + "?per_page=100&filter=latest&page=2>; rel=\"next\", <"
                        + api.root() + page2 + "?per_page=100&filter=latest&page=2>; rel=\"last\"");
        api.json(page2, jobsPage(recordedJob(1)).put("total_count", 2));

        List<Observation> seen = GitHubActionsProbe.of(config().build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

        assertEquals(List.of("job2", "job1"), of(seen, CiJob.class).stream().map(CiJob::name).toList());
        assertEquals("page=2", api.requests(page2).get(0).query().replaceAll(".*(page=2).*", "$1"));
        assertTrue(of(seen, ProbeFailure.class).isEmpty(), seen::toString);
    }

    @Test
    @DisplayName("reads the latest run of a workflow on a branch, and jobs with ten steps and self-hosted labels")
    void latestRunOfWorkflow() throws Exception {
        String runs = "/repos/" + REPO + "/actions/workflows/deploy.yml/runs";
        api.json(runs, WORKFLOW_RUNS);
        api.json("/repos/" + REPO + "/actions/runs/6804432015/jobs", REST_JOBS);

        List<Observation> seen = GitHubActionsProbe.of(config().runId(0).workflow("deploy.yml").branch("main").build(),
                deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

        String query = api.requests(runs).get(0).query();
        assertTrue(query.contains("branch=main") && query.contains("per_page=1"), query);
        CiRun run = of(seen, CiRun.class).get(0);
        assertEquals(6804432015L, run.runId());
        assertEquals("startup_failure", run.conclusion());
        CiJob job = of(seen, CiJob.class).get(0);
        assertEquals(10, job.steps().size());
        assertEquals(List.of("self-hosted", "foo", "bar"), job.labels());
    }

    @Test
    @DisplayName("a workflow without a run on the branch is NOT_FOUND")
    void noRunOfWorkflow() throws Exception {
        api.json("/repos/" + REPO + "/actions/workflows/deploy.yml/runs", "{\"total_count\":0,\"workflow_runs\":[]}");

        ProbeFailure f = onlyFailure(GitHubActionsProbe.of(config().runId(0).workflow("deploy.yml").branch("main").build(),
                deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

        assertEquals(FailureKind.NOT_FOUND, f.kind());
        assertTrue(f.detail().contains("branch main"), f.detail());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "401, UNAUTHORIZED, Bad credentials",
            "403, FORBIDDEN, Resource not accessible by integration",
            "404, NOT_FOUND, Not Found",
            "410, GONE, Gone",
            "422, UNPROCESSABLE, Validation Failed",
            "500, SERVER_ERROR, Server Error",
            "503, SERVER_ERROR, Service Unavailable"})
    @DisplayName("an error answer to the run request is a typed failure with the status and GitHub's message")
    void errorStatuses(int status, FailureKind kind, String message) throws Exception {
        String body = status == 404 ? read(NOT_FOUND).at("/response/body").asText()
                : "{\"message\":\"" + message + "\",\"documentation_url\":\"https://docs.github.com/rest\"}";
        api.routes.put(runPath(), exchange -> send(exchange, status, "application/json; charset=utf-8", body));

        GitHubActionsProbe probe = GitHubActionsProbe.of(config().build(), deployment, analyzer);
        List<Observation> seen = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

        ProbeFailure f = onlyFailure(seen);
        assertEquals(kind, f.kind());
        assertEquals(status, f.httpStatus());
        assertTrue(f.detail().contains(String.valueOf(status)) && f.detail().contains(message), f.detail());
        assertEquals(Source.GITHUB, f.source());
        assertNoToken(seen);
    }

    @Test
    @DisplayName("a secondary rate limit with a short Retry-After is waited out and the run is read")
    void shortRetryAfterIsWaited() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String run = text(RUN_CANCELLED);
        api.routes.put(runPath(), exchange -> {
            if (calls.incrementAndGet() == 1) {
                send(exchange, 403, "application/json", "{\"message\":\"You have exceeded a secondary rate limit. "
                        + "Please wait a few minutes before you try again.\"}", "Retry-After", "1");
            } else {
                send(exchange, 200, "application/json", run);
            }
        });
        api.json(jobsPath(), jobsPage());

        List<Observation> seen = GitHubActionsProbe.of(config().build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

        assertEquals(2, calls.get());
        assertEquals(1, of(seen, CiRun.class).size());
        assertTrue(of(seen, ProbeFailure.class).isEmpty(), seen::toString);
    }

    @Test
    @DisplayName("an exhausted primary rate limit that resets in an hour is reported, not waited for")
    void longResetIsReported() throws Exception {
        long reset = Instant.now().plusSeconds(3600).getEpochSecond();
        api.routes.put(runPath(), exchange -> send(exchange, 403, "application/json",
                "{\"message\":\"API rate limit exceeded for 203.0.113.7.\"}",
                "X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset)));

        ProbeFailure f = onlyFailure(GitHubActionsProbe.of(config().build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

        assertEquals(FailureKind.RATE_LIMITED, f.kind());
        assertTrue(f.detail().contains("resets at " + Instant.ofEpochSecond(reset)), f.detail());
        assertEquals(1, api.requests(runPath()).size());
    }

    @Test
    @DisplayName("a 429 whose Retry-After exceeds the wait cap is reported with the wait GitHub asked for")
    void tooLongRetryAfter() throws Exception {
        api.routes.put(runPath(), exchange -> send(exchange, 429, "application/json",
                "{\"message\":\"You have exceeded a secondary rate limit.\"}", "Retry-After", "120"));

        ProbeFailure f = onlyFailure(GitHubActionsProbe.of(config().build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

        assertEquals(FailureKind.RATE_LIMITED, f.kind());
        assertTrue(f.detail().contains("secondary rate limit") && f.detail().contains("Retry-After 120"), f.detail());
    }

    @Test
    @DisplayName("garbage instead of JSON is BAD_PAYLOAD, for the run and for a jobs page of the wrong shape")
    void garbage() throws Exception {
        api.routes.put(runPath(), exchange -> send(exchange, 200, "text/html", "<html><body>Unicorn!</body></html>"));
        assertEquals(FailureKind.BAD_PAYLOAD, onlyFailure(GitHubActionsProbe.of(config().build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)))).kind());

        api.json(runPath(), RUN_CANCELLED);
        api.json(jobsPath(), "{\"total_count\":1,\"jobs\":\"nope\"}");
        List<Observation> seen = GitHubActionsProbe.of(config().build(), deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        assertEquals(1, of(seen, CiRun.class).size());
        assertEquals(FailureKind.BAD_PAYLOAD, onlyFailure(seen).kind());
    }

    @Test
    @DisplayName("an API that refuses connections is CONNECTION_REFUSED")
    void refused() throws Exception {
        int port = RefusedPort.held(); // refused until the run ends: no other process can take it
        ProbeFailure f = onlyFailure(GitHubActionsProbe.of(config().apiUrl(URI.create("http://127.0.0.1:" + port)).build(),
                deployment, analyzer).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

        assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
    }

    @Test
    @DisplayName("a bad configuration is refused with the key named")
    void badConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GitHubActionsConfig.custom().repository("not-a-repo").runId(1).build());
        assertTrue(e.getMessage().contains("repository"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GitHubActionsConfig.custom().repository(REPO).build());
        assertTrue(e.getMessage().contains("runId") && e.getMessage().contains("workflow"), e.getMessage());
        Function<String, String> env = name -> TOKEN;
        assertFalse(GitHubActionsConfig.custom().repository(REPO).runId(1).tokenEnv("T").env(env).build().toString()
                .contains(TOKEN));
    }

    @Test
    @DisplayName("an apiUrl of the wrong scheme is refused without echoing the token in its user info")
    void badApiUrlKeepsItsTokenOut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GitHubActionsConfig.custom().apiUrl(URI.create("ftp://x-access-token:" + TOKEN + "@api.github.com/"))
                        .repository(REPO).runId(1).build());
        assertTrue(e.getMessage().contains("apiUrl") && e.getMessage().contains("api.github.com"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }
}
