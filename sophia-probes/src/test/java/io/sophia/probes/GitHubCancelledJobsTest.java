package io.sophia.probes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiLogRead;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.sophia.probes.GitHubActionsProbeTest.jobsPage;
import static io.sophia.probes.GitHubActionsProbeTest.recordedJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "CI time and cancellation": GitHub shows a job stopped by its time limit, by a newer run of its
 * concurrency group, by a lost runner or by a person as {@code cancelled}; only its check-run annotations tell which,
 * so the probe reads them for cancelled jobs too, against a loopback stand-in of the REST API.
 *
 * <p>Jobs are the recorded hub4j/github-api payloads (../shared/corpus/github-api, GHWorkflowRunTest) with their
 * conclusion set to {@code cancelled}; annotation items have the shape of {@code GET /check-runs/{id}/annotations}
 * and the messages GitHub writes, as quoted in public reports:
 * <ul>
 * <li>"Canceling since a higher priority waiting request for 'deploy-main' exists": GitHub's concurrency cancel,
 *     quoted e.g. in a public test of a CI tool ("Canceling since a higher priority waiting request for 'ci-feature'
 *     exists") and in run notes ("... for ci-CI Pipeline-refs/heads/main exists");</li>
 * <li>"The run was canceled by @alice.": a person's cancel, as on public run pages ("The run was canceled by
 *     @frank-hartung");</li>
 * <li>"The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 360 minutes.":
 *     https://github.com/lowlighter/metrics/issues/731;</li>
 * <li>"The self-hosted runner: arm-builder-3 lost communication with the server. ...":
 *     https://github.com/actions/runner/issues/2624.</li>
 * </ul>
 */
class GitHubCancelledJobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "acme/fleet";
    private static final long RUN_ID = 686036126L;
    private static final String CONCURRENCY = "Canceling since a higher priority waiting request for 'deploy-main' exists";
    private static final String PERSON = "The run was canceled by @alice.";
    private static final String TIME_LIMIT = "The job running on runner GitHub Actions 3 has exceeded the maximum "
            + "execution time of 360 minutes.";
    private static final String LOST_RUNNER = "The self-hosted runner: arm-builder-3 lost communication with the server. "
            + "Verify the machine is running and has a healthy network connection. Anything in your workflow that "
            + "terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.";

    private GitHubActionsProbeTest.StandIn api;
    private final Deployment deployment = new Deployment("fleet", List.of(
            Service.builder("api", "http://127.0.0.1:1/").name("API").critical().build(),
            Service.builder("web", "http://127.0.0.1:1/").name("Web").build()));

    @BeforeEach
    void start() throws IOException {
        api = new GitHubActionsProbeTest.StandIn("127.0.0.1");
        ObjectNode run = (ObjectNode) GitHubActionsProbeTest.read(GitHubActionsProbeTest.RUN_CANCELLED).deepCopy();
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID, run);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static ObjectNode job(long id, String name, String conclusion) {
        ObjectNode job = (ObjectNode) recordedJob(0).deepCopy();
        job.put("id", id);
        job.put("run_id", RUN_ID);
        job.put("name", name);
        job.put("conclusion", conclusion);
        return job;
    }

    private void annotations(long jobId, String message) {
        ArrayNode items = JSON.createArrayNode();
        items.addObject().put("path", ".github").put("start_line", 1).put("end_line", 1)
                .put("annotation_level", "failure").put("title", "").put("message", message).put("raw_details", "");
        api.json("/repos/" + REPO + "/check-runs/" + jobId + "/annotations", items);
    }

    private List<Observation> probe() throws InterruptedException {
        GitHubActionsConfig config = GitHubActionsConfig.custom().apiUrl(URI.create(api.root())).repository(REPO)
                .runId(RUN_ID).tokenEnv("T").env(Map.of("T", "tok-123")::get).timeout(Duration.ofSeconds(20))
                .readChanges(false).build();
        return GitHubActionsProbe.of(config, deployment, null).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    private static List<CiAnnotation> annotationsOf(List<Observation> seen) {
        return seen.stream().filter(CiAnnotation.class::isInstance).map(CiAnnotation.class::cast).toList();
    }

    @Test
    void theAnnotationsOfEveryKindOfCancelledJobAreReadWithTheServiceTheJobDeploys() throws Exception {
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(job(11, "Deploy API", "cancelled"),
                job(12, "Deploy Web", "cancelled"), job(13, "Smoke tests", "cancelled"), job(14, "Lint", "cancelled")));
        annotations(11, CONCURRENCY);
        annotations(12, PERSON);
        annotations(13, TIME_LIMIT);
        annotations(14, LOST_RUNNER);

        List<Observation> seen = probe();

        List<CiAnnotation> read = annotationsOf(seen);
        assertEquals(List.of(CONCURRENCY, PERSON, TIME_LIMIT, LOST_RUNNER), read.stream().map(CiAnnotation::message)
                .toList(), seen::toString);
        assertEquals(List.of(11L, 12L, 13L, 14L), read.stream().map(CiAnnotation::jobId).toList());
        assertEquals("api", read.get(0).serviceId());
        assertEquals("web", read.get(1).serviceId());
        // no job failed: the stop is the whole story, so the logs of the first cancelled jobs are read as well
        assertEquals(3, seen.stream().filter(CiLogRead.class::isInstance).count()
                + seen.stream().filter(o -> o instanceof Observation.ProbeFailure f && f.detail().contains("log of job"))
                .count(), seen::toString);
        assertEquals(1, api.requests("/repos/" + REPO + "/actions/jobs/11/logs").size());
        assertEquals(0, api.requests("/repos/" + REPO + "/actions/jobs/14/logs").size(), "at most 3 cancelled logs");
    }

    @Test
    void besideAFailedJobOnlyTheAnnotationsOfTheCancelledOnesAreReadNotTheirLogs() throws Exception {
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(job(21, "Deploy API", "failure"),
                job(22, "Deploy Web", "cancelled")));
        annotations(21, "Process completed with exit code 1.");
        annotations(22, CONCURRENCY);

        List<Observation> seen = probe();

        assertEquals(List.of(21L, 22L), annotationsOf(seen).stream().map(CiAnnotation::jobId).toList());
        assertEquals(1, api.requests("/repos/" + REPO + "/actions/jobs/21/logs").size());
        assertEquals(0, api.requests("/repos/" + REPO + "/actions/jobs/22/logs").size());
    }

    @Test
    void aFailFastMatrixOfManyCancelledJobsCostsAtMostTenAnnotationRequests() throws Exception {
        ObjectNode[] jobs = new ObjectNode[31];
        jobs[0] = job(100, "Test (shard 0)", "failure");
        for (int i = 1; i < jobs.length; i++) {
            jobs[i] = job(100 + i, "Test (shard " + i + ")", "cancelled");
        }
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(jobs));

        probe();

        long asked = api.seen.stream().filter(s -> s.path().endsWith("/annotations")).count();
        assertEquals(1 + GitHubActionsProbe.MAX_STOPPED_JOBS_READ, asked);
    }

    @Test
    void successfulAndSkippedJobsAreNotAskedAboutAndABrokenAnnotationAnswerIsATypedFailure() throws Exception {
        api.json("/repos/" + REPO + "/actions/runs/" + RUN_ID + "/jobs", jobsPage(job(31, "Deploy API", "success"),
                job(32, "Deploy Web", "skipped"), job(33, "Smoke tests", "cancelled")));
        api.json("/repos/" + REPO + "/check-runs/33/annotations", "{\"message\":\"not an array\"}");

        List<Observation> seen = probe();

        assertTrue(api.seen.stream().noneMatch(s -> s.path().contains("/31/") || s.path().contains("/32/")),
                api.seen::toString);
        assertTrue(seen.stream().anyMatch(o -> o instanceof Observation.ProbeFailure f
                && f.kind() == io.sophia.core.FailureKind.BAD_PAYLOAD && f.detail().contains("annotations of job 'Smoke tests'")),
                seen::toString);
    }
}
