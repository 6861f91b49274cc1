package io.sophia.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.probes.GitHubActionsConfig;
import io.sophia.probes.GitHubActionsProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "CI time and cancellation", end to end: a loopback stand-in of the GitHub REST API serves a cancelled run
 * whose one job has no annotations and no log read, only its check run's {@code output}; the GitHub Actions probe reads
 * it and the default knowledge base names, from the check run's words alone, a job killed by its time limit
 * ({@code ci.timeout}), a run cancelled by a newer one of its concurrency group or by a person ({@code ci.cancelled}),
 * and a runner that lost communication, was shut down or ran out of disk ({@code ci.runner}).
 *
 * <p>Sources. The run is hub4j/github-api's recording of a real cancelled run (../shared/corpus/github-api,
 * GHWorkflowRunTest/testCancelAndRerun), the job its recording of a job (testJobs) set to {@code cancelled}. The check
 * run is GitHub's REST documentation example for "Get a check run" (github/rest-api-description, the
 * {@code check-run} example) with its output replaced by GitHub's sentences, as quoted publicly:
 * "The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 360 minutes."
 * (https://github.com/lowlighter/metrics/issues/731); "Canceling since a higher priority waiting request for
 * 'deploy-main' exists" (actions/runner's concurrency cancel, "... for '%s' exists"); "The run was canceled by
 * @alice." (public run pages); "The self-hosted runner: arm-builder-3 lost communication with the server."
 * (https://github.com/actions/runner/issues/2624); "The runner has received a shutdown signal. ..." (actions/runner);
 * "System.IO.IOException: No space left on device" (../shared/corpus/deploy-errors ci_runner rows).
 */
class CheckRunOutputDiagnosisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "acme/fleet";
    private static final long RUN_ID = 686036126L;
    private static final long JOB_ID = 2270858576L;
    private static final Path HUB = corpus().resolve("github-api/hub4j-recorded/GHWorkflowRunTest/wiremock");

    private HttpServer server;
    private final Map<String, String> routes = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = routes.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"message\":\"Not Found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ci.timeout   | The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 360 minutes.",
        "ci.cancelled | Canceling since a higher priority waiting request for 'deploy-main' exists",
        "ci.cancelled | The run was canceled by @alice.",
        "ci.runner    | The self-hosted runner: arm-builder-3 lost communication with the server. Verify the machine is running and has a healthy network connection.",
        "ci.runner    | The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.",
        "ci.runner    | System.IO.IOException: No space left on device",
    })
    void theCheckRunsWordsNameTheCause(String cause, String sentence) throws Exception {
        Assessment a = diagnose(sentence);

        assertEquals(new CauseId(cause), a.topCause().orElseThrow().id(), () -> a.causes().toString());
        assertTrue(a.causes().get(0).evidence().toString().contains(sentence.substring(0, Math.min(40, sentence.length()))),
                () -> a.causes().get(0).evidence().toString());
    }

    private Assessment diagnose(String sentence) throws Exception {
        ObjectNode run = (ObjectNode) JSON.readTree(HUB.resolve(
                "testCancelAndRerun/__files/8-r_h_g_actions_runs_686036126.json").toFile());
        routes.put("/repos/" + REPO + "/actions/runs/" + RUN_ID, run.toString());
        ObjectNode jobs = (ObjectNode) JSON.readTree(HUB.resolve(
                "testJobs/__files/11-r_h_g_actions_runs_719643947_jobs.json").toFile());
        ObjectNode job = (ObjectNode) jobs.get("jobs").get(0).deepCopy();
        job.put("id", JOB_ID).put("run_id", RUN_ID).put("name", "Deploy API").put("conclusion", "cancelled");
        ArrayNode list = JSON.createArrayNode().add(job);
        routes.put("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs",
                JSON.createObjectNode().put("total_count", 1).set("jobs", list).toString());
        routes.put("/repos/" + REPO + "/check-runs/" + JOB_ID + "/annotations", "[]");
        routes.put("/repos/" + REPO + "/check-runs/" + JOB_ID, checkRun(sentence));

        Deployment deployment = new Deployment("fleet", List.of(Service.builder("api", "http://127.0.0.1:1/").name("API")
                .critical().build()));
        GitHubActionsConfig config = GitHubActionsConfig.custom()
                .apiUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).repository(REPO).runId(RUN_ID)
                .timeout(Duration.ofSeconds(20)).readChanges(false).readLogs(false).build();
        List<Observation> seen = GitHubActionsProbe.of(config, deployment, null)
                .run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        assertTrue(seen.stream().anyMatch(o -> o instanceof Observation.CiAnnotation an && sentence.equals(an.message())),
                seen::toString);
        return Diagnosis.ofDefaults().diagnose(deployment, seen, Instant.parse("2021-03-25T10:00:00Z"));
    }

    /** GitHub's documentation example of a check run, its output set to {@code sentence}. */
    private static String checkRun(String sentence) throws IOException {
        ObjectNode run = (ObjectNode) JSON.readTree("""
                {"id": 4, "head_sha": "ce587453ced02b1526dfb4cb910479d431683101", "node_id": "MDg6Q2hlY2tSdW40",
                 "external_id": "", "url": "https://api.github.com/repos/github/hello-world/check-runs/4",
                 "html_url": "https://github.com/github/hello-world/runs/4", "details_url": "https://example.com",
                 "status": "completed", "conclusion": "neutral", "started_at": "2018-05-04T01:14:52Z",
                 "completed_at": "2018-05-04T01:14:52Z",
                 "output": {"title": "Mighty Readme report", "summary": "There are 0 failures, 2 warnings, and 1 notice.",
                  "text": "You may have some misspelled words on lines 2 and 4.", "annotations_count": 2,
                  "annotations_url": "https://api.github.com/repos/github/hello-world/check-runs/4/annotations"},
                 "name": "mighty_readme", "check_suite": {"id": 5}, "pull_requests": []}
                """);
        run.put("id", JOB_ID).put("conclusion", "cancelled").put("name", "Deploy API");
        ((ObjectNode) run.get("output")).putNull("title").put("summary", sentence).putNull("text")
                .put("annotations_count", 0);
        return run.toString();
    }

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
        throw new IllegalStateException("../shared/corpus not found");
    }
}
