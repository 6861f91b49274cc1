package io.sophia.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.probes.internal.GitHubPayloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sophia.probes.GitHubActionsProbeTest.jobsPage;
import static io.sophia.probes.GitHubActionsProbeTest.recordedJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "CI time and cancellation": beside a stopped job's annotations, the probe reads its check run's
 * {@code output} ({@code GET /repos/{o}/{r}/check-runs/{id}}: title, summary, text), which says in GitHub's words what
 * stopped it, and hands its lines on as annotations, against a loopback stand-in of the REST API.
 *
 * <p>Sources. The check-run object is GitHub's REST documentation example for "Get a check run" (the
 * {@code check-run} example of github/rest-api-description, {@code api.github.com.2022-11-28.json}; id 4,
 * "Mighty Readme report"), with its {@code id}, {@code conclusion} and {@code output} texts set per case. Jobs are the
 * recorded hub4j/github-api payloads (../shared/corpus/github-api, GHWorkflowRunTest). The output sentences are the
 * ones GitHub writes on such jobs, as quoted publicly:
 * <ul>
 * <li>"The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 360 minutes.":
 *     https://github.com/lowlighter/metrics/issues/731 (format string in actions/runner);</li>
 * <li>"Canceling since a higher priority waiting request for 'deploy-main' exists": GitHub's concurrency cancel
 *     (actions/runner, "Canceling since a higher priority waiting request for '%s' exists");</li>
 * <li>"The self-hosted runner: arm-builder-3 lost communication with the server. ...":
 *     https://github.com/actions/runner/issues/2624;</li>
 * <li>"The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually
 *     started runner is canceled.": actions/runner (Runner.Worker), quoted e.g. in actions/runner issue 2040;</li>
 * <li>"System.IO.IOException: No space left on device": the runner's own failure when its disk is full,
 *     ../shared/corpus/deploy-errors ci_runner rows and actions/runner issue 1723;</li>
 * <li>"The run was canceled by @alice.": a person's cancel, as on public run pages.</li>
 * </ul>
 */
class GitHubCheckRunOutputTest {

    /** GitHub's documentation example of a check run (see the class comment), trimmed of its app and suite objects. */
    static final String DOCS_CHECK_RUN = """
            {
              "id": 4,
              "head_sha": "ce587453ced02b1526dfb4cb910479d431683101",
              "node_id": "MDg6Q2hlY2tSdW40",
              "external_id": "",
              "url": "https://api.github.com/repos/github/hello-world/check-runs/4",
              "html_url": "https://github.com/github/hello-world/runs/4",
              "details_url": "https://example.com",
              "status": "completed",
              "conclusion": "neutral",
              "started_at": "2018-05-04T01:14:52Z",
              "completed_at": "2018-05-04T01:14:52Z",
              "output": {
                "title": "Mighty Readme report",
                "summary": "There are 0 failures, 2 warnings, and 1 notice.",
                "text": "You may have some misspelled words on lines 2 and 4. You also may want to add a section in your README about how to install your app.",
                "annotations_count": 2,
                "annotations_url": "https://api.github.com/repos/github/hello-world/check-runs/4/annotations"
              },
              "name": "mighty_readme",
              "check_suite": {
                "id": 5
              },
              "pull_requests": []
            }
            """;
    static final String TIME_LIMIT = "The job running on runner GitHub Actions 3 has exceeded the maximum execution time "
            + "of 360 minutes.";
    static final String CONCURRENCY = "Canceling since a higher priority waiting request for 'deploy-main' exists";
    static final String LOST_RUNNER = "The self-hosted runner: arm-builder-3 lost communication with the server. Verify "
            + "the machine is running and has a healthy network connection. Anything in your workflow that terminates "
            + "the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.";
    static final String SHUTDOWN = "The runner has received a shutdown signal. This can happen when the runner service "
            + "is stopped, or a manually started runner is canceled.";
    static final String DISK = "System.IO.IOException: No space left on device";
    static final String PERSON = "The run was canceled by @alice.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "acme/fleet";
    private static final long RUN_ID = 686036126L;

    private GitHubActionsProbeTest.StandIn api;
    private final Deployment deployment = new Deployment("fleet", List.of(
            Service.builder("api", "http://127.0.0.1:1/").name("API").critical().build()));

    /** The documentation's check run as job {@code id}'s, concluding {@code conclusion}, its output as given. */
    static ObjectNode checkRun(long id, String conclusion, String title, String summary, String text) {
        try {
            ObjectNode run = (ObjectNode) JSON.readTree(DOCS_CHECK_RUN);
            run.put("id", id);
            run.put("conclusion", conclusion);
            ObjectNode output = (ObjectNode) run.get("output");
            output.put("title", title);
            output.put("summary", summary);
            output.put("text", text);
            output.put("annotations_count", 0);
            return run;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode job(long id, String name, String conclusion) {
        ObjectNode job = (ObjectNode) recordedJob(0).deepCopy();
        job.put("id", id);
        job.put("run_id", RUN_ID);
        job.put("name", name);
        job.put("conclusion", conclusion);
        return job;
    }

    @BeforeEach
    void start() throws IOException {
        api = new GitHubActionsProbeTest.StandIn("127.0.0.1");
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID,
                GitHubActionsProbeTest.read(GitHubActionsProbeTest.RUN_CANCELLED).deepCopy());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private List<Observation> probe() throws InterruptedException {
        GitHubActionsConfig config = GitHubActionsConfig.custom().apiUrl(URI.create(api.root())).repository(REPO)
                .runId(RUN_ID).tokenEnv("T").env(Map.of("T", "tok-123")::get).timeout(Duration.ofSeconds(20))
                .readChanges(false).build();
        return GitHubActionsProbe.of(config, deployment, null).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    private static List<CiAnnotation> annotationsOf(List<Observation> seen, long jobId) {
        return seen.stream().filter(o -> o instanceof CiAnnotation a && a.jobId() == jobId).map(CiAnnotation.class::cast)
                .toList();
    }

    private static List<ProbeFailure> failuresOf(List<Observation> seen) {
        return seen.stream().filter(ProbeFailure.class::isInstance).map(ProbeFailure.class::cast).toList();
    }

    private void noAnnotations(long... jobIds) {
        for (long id : jobIds) {
            api.json("/repos/" + REPO + "/check-runs/" + id + "/annotations", "[]");
        }
    }

    @Test
    void theOutputOfEachKindOfStoppedJobIsReadLineByLineWithTheJobsService() throws Exception {
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(job(11, "Deploy API", "cancelled"),
                job(12, "Smoke tests", "timed_out"), job(13, "Lint", "cancelled"), job(14, "Build", "cancelled")));
        noAnnotations(11, 12, 13, 14);
        api.json("/repos/" + REPO + "/check-runs/11", checkRun(11, "cancelled", null, CONCURRENCY, null));
        api.json("/repos/" + REPO + "/check-runs/12", checkRun(12, "timed_out", "Smoke tests", null, TIME_LIMIT));
        api.json("/repos/" + REPO + "/check-runs/13", checkRun(13, "cancelled", "", LOST_RUNNER + "\n\n" + SHUTDOWN, ""));
        api.json("/repos/" + REPO + "/check-runs/14", checkRun(14, "cancelled", null, PERSON, DISK));

        List<Observation> seen = probe();

        assertEquals(List.of(CONCURRENCY), annotationsOf(seen, 11).stream().map(CiAnnotation::message).toList(),
                seen::toString);
        assertEquals("api", annotationsOf(seen, 11).get(0).serviceId());
        assertEquals(List.of("Smoke tests", TIME_LIMIT), annotationsOf(seen, 12).stream().map(CiAnnotation::message).toList());
        assertEquals("Smoke tests", annotationsOf(seen, 12).get(1).title());
        assertEquals(List.of(LOST_RUNNER, SHUTDOWN), annotationsOf(seen, 13).stream().map(CiAnnotation::message).toList());
        assertEquals(List.of(PERSON, DISK), annotationsOf(seen, 14).stream().map(CiAnnotation::message).toList());
        assertTrue(annotationsOf(seen, 11).stream().allMatch(a -> a.level() == null), "the output claims no level");
        assertTrue(failuresOf(seen).stream().noneMatch(f -> f.detail().contains("check-run")), seen::toString);
        assertEquals(1, api.requests("/repos/" + REPO + "/check-runs/11").size());
    }

    @Test
    void aSentenceTheAnnotationsAlreadyHoldIsNotCountedTwice() throws Exception {
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(job(21, "Deploy API", "cancelled")));
        api.json("/repos/" + REPO + "/check-runs/21/annotations", "[{\"path\":\".github\",\"start_line\":1,"
                + "\"end_line\":1,\"annotation_level\":\"failure\",\"title\":\"\",\"message\":" + JSON.valueToTree(CONCURRENCY)
                + ",\"raw_details\":\"\"}]");
        api.json("/repos/" + REPO + "/check-runs/21", checkRun(21, "cancelled", null, CONCURRENCY, null));

        List<Observation> seen = probe();

        assertEquals(List.of(CONCURRENCY), annotationsOf(seen, 21).stream().map(CiAnnotation::message).toList(),
                seen::toString);
        assertEquals("failure", annotationsOf(seen, 21).get(0).level(), "the annotation's own observation is kept");
    }

    @Test
    void aFailedJobWithAReadableLogIsNotAskedButOneWhoseLogExpiredIs() throws Exception {
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(job(31, "Deploy API", "failure"),
                job(32, "Build", "failure")));
        noAnnotations(31, 32);
        api.routes.put("/repos/" + REPO + "/actions/jobs/31/logs", exchange -> GitHubActionsProbeTest.send(exchange, 200,
                "text/plain", "2021-04-05T15:42:49.0017341Z ##[error]Process completed with exit code 1.\n"));
        api.routes.put("/repos/" + REPO + "/actions/jobs/32/logs", exchange -> GitHubActionsProbeTest.send(exchange, 410,
                "application/json", "{\"message\":\"Gone\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        api.json("/repos/" + REPO + "/check-runs/32", checkRun(32, "failure", null, LOST_RUNNER, null));

        List<Observation> seen = probe();

        assertEquals(0, api.requests("/repos/" + REPO + "/check-runs/31").size());
        assertEquals(List.of(LOST_RUNNER), annotationsOf(seen, 32).stream().map(CiAnnotation::message).toList(),
                seen::toString);
    }

    @Test
    void aManyJobRunCostsAtMostFiveCheckRunRequests() throws Exception {
        ObjectNode[] jobs = new ObjectNode[12];
        for (int i = 0; i < jobs.length; i++) {
            jobs[i] = job(100 + i, "Test (shard " + i + ")", "cancelled");
            api.json("/repos/" + REPO + "/check-runs/" + (100 + i), checkRun(100 + i, "cancelled", null, CONCURRENCY, null));
        }
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(jobs));

        probe();

        long asked = api.seen.stream().filter(s -> s.path().matches(".*/check-runs/\\d+")).count();
        assertEquals(GitHubActionsProbe.MAX_OUTPUTS_READ, asked);
    }

    @Test
    void aHugeGarbageOrHostileCheckRunIsATypedFailureAndTheOtherJobsAreStillRead() throws Exception {
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(job(41, "Deploy API", "cancelled"),
                job(42, "Smoke tests", "cancelled"), job(43, "Lint", "cancelled"), job(44, "Build", "cancelled")));
        noAnnotations(41, 42, 43, 44);
        // 41: a body past the cap, streamed without end in sight; only the cap is read
        api.routes.put("/repos/" + REPO + "/check-runs/41", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = ("{\"output\":{\"summary\":\"" + "A".repeat(64 << 10)).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) { // 4 MiB, eight times the cap
                    out.write(chunk);
                }
            } catch (IOException closedByTheProbe) {
                // the probe drops the connection at the cap
            }
        });
        api.json("/repos/" + REPO + "/check-runs/42", "<html><body>502 Bad Gateway</body></html>");
        // 43: an output that is not an object, and 44: a summary of terminal escapes and 10,000 lines
        api.json("/repos/" + REPO + "/check-runs/43", "{\"id\":43,\"output\":\"cancelled\"}");
        ObjectNode hostile = checkRun(44, "cancelled", "\u001b]0;pwned\u0007title",
                "\u001b[2J\u001b[31m" + TIME_LIMIT + "\n" + "line\n".repeat(10_000) + java.util.stream.IntStream
                        .range(0, 10_000).mapToObj(i -> "step " + i + "\n").collect(java.util.stream.Collectors.joining()),
                "x".repeat(60_000));
        api.json("/repos/" + REPO + "/check-runs/44", hostile);

        List<Observation> seen = probe();

        List<ProbeFailure> failures = failuresOf(seen).stream().filter(f -> f.detail().contains("check-run output")).toList();
        assertEquals(3, failures.size(), seen::toString);
        assertTrue(failures.stream().allMatch(f -> f.kind() == FailureKind.BAD_PAYLOAD), failures::toString);
        assertTrue(failures.get(0).detail().contains("more than 512 KiB"), failures.get(0).detail());
        assertTrue(failures.get(1).detail().contains("job 'Smoke tests'"), failures.get(1).detail());
        assertTrue(failures.get(2).detail().contains("output is not a JSON object"), failures.get(2).detail());
        List<CiAnnotation> lines = annotationsOf(seen, 44);
        assertEquals(GitHubPayloads.MAX_OUTPUT_LINES, lines.size());
        assertTrue(lines.stream().allMatch(a -> a.message().length() <= GitHubPayloads.MAX_OUTPUT_LINE
                && a.message().chars().noneMatch(c -> c == 0x1b || c == 0x07)), lines::toString);
        assertTrue(lines.stream().anyMatch(a -> a.message().contains(TIME_LIMIT)), lines::toString);
        assertEquals(List.of("line"), lines.stream().map(CiAnnotation::message).filter(m -> m.equals("line")).toList(),
                "a repeated line is one observation");
    }

    @Test
    void aCheckRunWithoutOutputGivesNothingAndNoFailure() {
        JsonNode run = checkRun(5, "cancelled", null, null, null);
        assertEquals(List.of(), GitHubPayloads.checkRunOutput(run, null, 5, List.of()));
        ObjectNode bare = ((ObjectNode) run.deepCopy());
        bare.remove("output");
        assertEquals(List.of(), GitHubPayloads.checkRunOutput(bare, null, 5, List.of()));
    }

    @Test
    void aPrivateKeyInTheOutputAndATokenAtALineCapKeepNoPieceOfEither() {
        // fakes, assembled at run time: a key printed a line at a time, and tokens whose heads a cut could keep
        String key1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "hostileCanaryKeyLine";
        String key2 = "MIIEpAIBAAKCAQEAsecondLineOfKeyMaterial" + "XyZqwertyuiopasdf";
        // a token of no known shape (the reader's own token, echoed): only a cut at a word boundary keeps it out
        String unshaped = "echoed-token-" + "Hq3Zt7Nw1Xc5Vb9Lm2Kp";
        String text = String.join("\n", "Error: the deploy key was printed:", "-----BEGIN PRIVATE KEY-----", key1, key2,
                "-----END PRIVATE KEY-----",
                // 3,985 characters of escape sequences and a space, then the token across the 4,000-character cap
                "\u001b[0m".repeat(996) + " " + unshaped + " rest of the line",
                "Error: the end");
        List<CiAnnotation> lines = GitHubPayloads.checkRunOutput(checkRun(5, "failure", null, null, text), null, 5,
                List.of());

        String all = lines.stream().map(CiAnnotation::message).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(all.contains("Error: the end"), all);
        for (String secret : List.of(key1, key2, unshaped)) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 12);
                assertTrue(!all.contains(piece), () -> "kept '" + piece + "' in " + all);
            }
        }
    }

    @Test
    void aTokenTheOutputWrappedOntoTheNextLineKeepsNoPieceInTheLinesItBecomes() {
        // each line of the output becomes an observation of its own: a token wrapped at a fixed width must be seen
        // whole before the output is split, or its rest is a line that looks like nothing
        String ghs = "ghs" + "_M3nB5vC7xZ9lK2jH4gF6dS8aP1oI0uY7";
        String aws = "AKIA" + "Q3EGRTX7YCNZ2WLM";
        String password = "Pa55w0rd-Canary-9X7qLm";
        String line = "Error: push to https://deploy:" + password + "@registry.example.test refused for " + ghs + " and "
                + aws + " (revoked)";
        for (int width : new int[] {11, 23, 40, 57}) {
            StringBuilder text = new StringBuilder("Deploy failed\n");
            for (int i = 0; i < line.length(); i += width) {
                text.append(line, i, Math.min(line.length(), i + width)).append('\n');
            }
            text.append("Error: the end");
            List<CiAnnotation> lines = GitHubPayloads.checkRunOutput(checkRun(7, "failure", null, null, text.toString()),
                    null, 7, List.of());
            String all = lines.stream().map(CiAnnotation::message).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(all.contains("Error: the end") && all.contains("Deploy failed"), all);
            for (String secret : List.of(ghs, aws, password)) {
                for (int i = 0; i + 12 <= secret.length(); i++) {
                    String piece = secret.substring(i, i + 12);
                    assertTrue(!all.contains(piece), () -> "width " + width + ": kept '" + piece + "' in " + all);
                }
            }
        }
    }

    @Test
    void aKeyMarkerWithoutItsEndMasksTheKeyButKeepsTheLinesAfterIt() {
        // a secret scanner's finding quotes a key cut short (no END line); the output goes on with what the reader needs
        String key1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "hostileCanaryKeyLine";
        String key2 = "MIIEpAIBAAKCAQEAsecondLineOfKeyMaterial" + "XyZqwertyuiopasdf";
        String text = String.join("\n", "Finding: -----BEGIN OPENSSH PRIVATE KEY-----", key1, key2,
                "RuleID: private-key", "File: deploy/id_ed25519", "Error: 1 leak found, the commit is refused");
        List<CiAnnotation> lines = GitHubPayloads.checkRunOutput(checkRun(6, "failure", null, null, text), null, 6,
                List.of());

        String all = lines.stream().map(CiAnnotation::message).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(all.contains("RuleID: private-key") && all.contains("Error: 1 leak found, the commit is refused"),
                all);
        for (String secret : List.of(key1, key2)) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 12);
                assertTrue(!all.contains(piece), () -> "kept '" + piece + "' in " + all);
            }
        }
    }
}

