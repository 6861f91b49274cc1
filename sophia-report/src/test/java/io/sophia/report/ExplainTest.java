package io.sophia.report;

import io.sophia.core.Source;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.diagnosis.InputException;
import io.sophia.diagnosis.LogDiagnosis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sophia explain} as the library does it: a log alone, a run url against a loopback GitHub
 * API serving hub4j's recorded run (../shared/corpus/github-api, see its SOURCE.md), and both.
 */
@DisplayName("Sophia.explain: a run url, a log, or both")
class ExplainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String REPO = "hub4j-test-org/GHWorkflowRunTest";
    private static final long RUN = 686036126L;
    private static final long FAILED_JOB = 6653410527L;
    private static final Path HUB = corpus().resolve("github-api/hub4j-recorded");

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

    private HttpServer server;
    private final Map<String, String> routes = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String body = routes.get(ex.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"message\":\"Not Found\"}" : body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
            ex.close();
        });
        server.start();
        String wm = HUB.resolve("GHWorkflowRunTest/wiremock").toString();
        routes.put("/repos/" + REPO + "/actions/runs/" + RUN,
                Files.readString(Path.of(wm, "testCancelAndRerun/__files/8-r_h_g_actions_runs_686036126.json")));
        ObjectNode failed = (ObjectNode) JSON.readTree(HUB.resolve("GHEventPayloadTest/workflow_job.json").toFile())
                .get("workflow_job");
        failed.put("run_id", RUN);
        ObjectNode jobs = JSON.createObjectNode();
        jobs.put("total_count", 1);
        jobs.putArray("jobs").add(failed);
        routes.put("/repos/" + REPO + "/actions/runs/" + RUN + "/jobs", JSON.writeValueAsString(jobs));
        // the log of the failed job: hub4j's recorded job log, served as it is
        routes.put("/repos/" + REPO + "/actions/jobs/" + FAILED_JOB + "/logs",
                Files.readString(Path.of(wm, "testJobs_actions-user-content/__files/1-u_a_p_1_runs_139_signedlogcontent_5.txt")));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static List<String> ids(Assessment a) {
        return a.causes().stream().map(c -> c.id().value()).toList();
    }

    /**
     * Explains {@code what}, and once more when a deadline cut the first: explain has no timeout option, so its default
     * stands, and only two stalls in a row, each longer than it, can fail a test on the loopback API (which answers at
     * once).
     */
    private static Assessment explain(java.util.function.Supplier<Explain.Builder> what) throws IOException {
        Assessment first = Sophia.explain(what.get().build(), CLOCK, k -> null);
        boolean timedOut = first.observations(Observation.ProbeFailure.class).stream().anyMatch(f -> f.kind().name()
                .matches("CONNECT_TIMEOUT|READ_TIMEOUT|DEADLINE_EXCEEDED|NOT_PROBED"));
        return timedOut ? Sophia.explain(what.get().build(), CLOCK, k -> null) : first;
    }

    @Test
    @DisplayName("a run url on a loopback API gives the same causes as check with that run as its pipeline")
    void runGivesTheCausesOfCheck() throws IOException {
        Assessment explained = explain(() -> Explain.builder()
                .run(URI.create("https://github.com/" + REPO + "/actions/runs/" + RUN)).apiUrl(api()));
        Assessment checked = Sophia.builder(DeploymentConfig.of(new Deployment("check", List.of()))
                        .withGitHub(DeploymentConfig.GitHub.run(REPO, RUN).withApiUrl(api()).withTokenEnv("GITHUB_TOKEN")))
                .probe(DeploymentConfig.ProbeSettings.timeout(java.time.Duration.ofSeconds(30))) // a hang guard
                .clock(CLOCK).env(k -> null).build().check();

        assertFalse(explained.causes().isEmpty(), "a cancelled run with a failed job has something to explain");
        assertEquals(ids(checked), ids(explained));
        assertEquals(REPO + " run " + RUN, explained.deployment());
        assertTrue(explained.observations(Observation.CiRun.class).get(0).conclusion().equals("cancelled"));
        // the run did not conclude success: a key criterion fails
        assertEquals(GateDecision.Verdict.BLOCKED, explained.gate().status());
    }

    @Test
    @DisplayName("a log alone gives its labelled cause: BuildKit's error (deploy-errors.tsv) is a Dockerfile failure, and blocks")
    void logAlone() throws IOException {
        // moby/buildkit solver/llbsolver/ops/exec.go and client/solve.go strings, inside a GitLab-style job log
        String log = "$ docker build -t registry.gitlab.com/acme/shop:abc123 .\n"
                + "#8 [4/6] RUN npm run build\n"
                + "#8 ERROR: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 1\n"
                + "ERROR: failed to solve: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 1\n"
                + "ERROR: Job failed: exit code 1\n";

        Assessment a = Sophia.explain(new StringReader(log));

        RankedCause top = a.causes().get(0);
        assertEquals("build.dockerfile", top.id().value());
        assertTrue(top.probability() > LogDiagnosis.BLOCKING_PROBABILITY);
        assertEquals(GateDecision.Verdict.BLOCKED, a.gate().status());
        assertTrue(a.services().isEmpty());
        assertEquals(Source.LOG, a.observations(Observation.LogFinding.class).get(0).source());
    }

    @Test
    @DisplayName("a run and a log combine: the log's findings join the run's")
    void runAndLog() throws IOException {
        String flyctl = "==> Building image\n"
                + "Error: failed to fetch an image or build from source: error building: failed to solve: "
                + "failed to compute cache key: \"/app/package.json\" not found\n";
        Assessment a = explain(() -> Explain.builder().run(URI.create("https://github.com/" + REPO + "/actions/runs/" + RUN))
                .apiUrl(api()).log("flyctl.log", new StringReader(flyctl)));

        assertTrue(a.observations(Observation.CiRun.class).size() == 1);
        assertTrue(a.observations(Observation.LogFinding.class).stream().anyMatch(f -> "flyctl.log".equals(f.jobName())),
                a.observations(Observation.LogFinding.class).toString());
        assertEquals("build.dockerfile", a.causes().get(0).id().value());
    }

    @Test
    @DisplayName("a config's rule file with indications reads the run's job logs in check and in explain")
    void ruleFileIndicationsReadTheRunsLogs(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // a line of hub4j's recorded job log that no built-in indication reads, marked by a team's rule file
        Path rules = dir.resolve("team-rules.yaml");
        Files.writeString(rules, """
                indications:
                  - id: team.hello-from-job
                    cause: config.invalid
                    weight: 0.9
                    literals: ['hello from job']
                    pattern: 'Hello from job\\d+!'
                """);
        java.util.function.Predicate<Assessment> read = a -> a.observations(Observation.LogFinding.class).stream()
                .anyMatch(f -> "team.hello-from-job".equals(f.indicationId()));
        DeploymentConfig config = DeploymentConfig.of(new Deployment("check", List.of()))
                .withGitHub(DeploymentConfig.GitHub.run(REPO, RUN).withApiUrl(api()).withTokenEnv("GITHUB_TOKEN"));
        java.util.function.Function<DeploymentConfig, Assessment> check = c -> Sophia.builder(c)
                .probe(DeploymentConfig.ProbeSettings.timeout(java.time.Duration.ofSeconds(30))) // a hang guard
                .clock(CLOCK).env(k -> null).build().check();

        assertFalse(read.test(check.apply(config)));
        assertTrue(read.test(check.apply(config.withRules(List.of(rules)))));
        Assessment explained = explain(() -> Explain.builder()
                .run(URI.create("https://github.com/" + REPO + "/actions/runs/" + RUN)).apiUrl(api()).rules(rules));
        assertTrue(read.test(explained), explained.observations(Observation.LogFinding.class).toString());
    }

    @Test
    @DisplayName("watch plans the config again every round: its rule file's log scanner is built once, not every round")
    void aWatchRoundDoesNotRebuildTheRuleFilesScanner(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // a scanner reads every indication when built (about a second of CPU); sophia watch's check reads the config's
        // rule files again each round, which before this built a new one each round
        Path rules = dir.resolve("team-rules.yaml");
        Files.writeString(rules, """
                indications:
                  - id: team.round-scanner
                    cause: config.invalid
                    weight: 0.9
                    literals: ['round scanner']
                    pattern: 'round scanner \\d+ refused'
                """);
        DeploymentConfig config = DeploymentConfig.of(new Deployment("watch", List.of())).withRules(List.of(rules));
        java.util.function.Supplier<io.sophia.diagnosis.LogScanner> round = () -> ((io.sophia.diagnosis.Diagnosis) Sophia
                .builder(config).clock(CLOCK).env(k -> null).build().plan().diagnoser()).knowledgeBase().logScanner();

        io.sophia.diagnosis.LogScanner first = round.get();
        org.junit.jupiter.api.Assertions.assertSame(first, round.get());
        assertTrue(first.indications().indications().stream().anyMatch(i -> "team.round-scanner".equals(i.id())));
    }

    @Test
    @DisplayName("run urls: github.com, GitHub Enterprise, attempt and job suffixes; anything else is a usage error naming 'run'")
    void runUrls() {
        Explain.RunUrl a = Explain.RunUrl.parse(URI.create("https://github.com/acme/shop/actions/runs/17176258341/attempts/2"));
        assertEquals(URI.create("https://api.github.com"), a.apiUrl());
        assertEquals("acme/shop", a.repository());
        assertEquals(17176258341L, a.runId());
        Explain.RunUrl ghe = Explain.RunUrl.parse(URI.create("https://git.example.com/acme/shop/actions/runs/5/job/77"));
        assertEquals(URI.create("https://git.example.com/api/v3"), ghe.apiUrl());
        for (String bad : List.of("https://github.com/acme/shop/pull/5", "ftp://github.com/a/b/actions/runs/1",
                "https://user:pw@github.com/a/b/actions/runs/1", "https://github.com/a/b/actions/runs/99999999999999999999",
                "https://github.com/a/ghp_" + "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N/runs/1",
                // a token pasted in place of the url: no scheme, no host, the path glued to "null://null" once
                "ghp_" + "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N",
                "https://github.com/a/b/actions/runs/1ghp_" + "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N")) {
            InputException e = assertThrows(InputException.class, () -> Explain.run(URI.create(bad)), bad);
            assertTrue(e.getMessage().contains("run"), e.getMessage());
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
            assertFalse(e.getMessage().contains("Q7wE9rT2yU4i"), "a token pasted into the path: " + e.getMessage());
            IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> Explain.RunUrl.parse(URI.create(bad)));
            assertFalse(p.getMessage().contains("Q7wE9rT2yU4i"), "the library's exception: " + p.getMessage());
        }
        assertThrows(InputException.class, () -> Explain.builder().build());
        assertThrows(InputException.class, () -> Explain.builder().flyApp("Bad App!").build());
    }

    @Test
    @DisplayName("timeout(d) sets the deadline of each API read; a duration that is not positive is refused, key timeout")
    void timeout() {
        Explain e = Explain.builder().flyApp("shop-api").timeout(java.time.Duration.ofSeconds(12)).build();
        assertEquals(java.time.Duration.ofSeconds(12), e.config().probe().timeout());
        assertEquals(DeploymentConfig.ProbeSettings.DEFAULTS.retries(), e.config().probe().retries());
        assertEquals(DeploymentConfig.ProbeSettings.DEFAULTS.timeout(),
                Explain.builder().flyApp("shop-api").build().config().probe().timeout(), "unset: the default");
        for (java.time.Duration bad : java.util.Arrays.asList(java.time.Duration.ZERO, java.time.Duration.ofMillis(-1), null)) {
            InputException x = assertThrows(InputException.class, () -> Explain.builder().timeout(bad), "" + bad);
            assertEquals("timeout", x.key(), x.getMessage());
        }
    }

    @Test
    @DisplayName("a Fly app becomes a critical service read from its machines; its endpoint is not probed")
    void flyApp() {
        Explain e = Explain.builder().flyApp("shop-api").flyApiUrl(api()).build();
        assertEquals(Map.of("shop-api", "shop-api"), e.config().fly().apps());
        assertTrue(e.config().deployment().services().get(0).critical());
        assertEquals(null, e.config().github());
    }
}
