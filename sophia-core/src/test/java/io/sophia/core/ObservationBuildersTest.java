package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 12: a host's own probe builds an HTTP answer or a platform machine by name, not through ten or fourteen
 * positional components with nulls between them.
 */
class ObservationBuildersTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anHttpAnswerNeedsOnlyWhatWasAskedAndItsStatus() {
        Observation.HttpCheck bare = Observation.HttpCheck.builder("api", Source.HTTP, "https://api.test/health", 503)
                .build();

        assertEquals(new Observation.HttpCheck("api", Source.HTTP, "https://api.test/health", 503, null, null, null,
                null, Observation.Timing.NONE, null), bare);
    }

    @Test
    void everyPartOfAnHttpAnswerIsSetByName() {
        Observation.Timing timing = new Observation.Timing(Duration.ofMillis(1), Duration.ofMillis(2), null,
                Duration.ofMillis(9), Duration.ofMillis(3));
        Observation.HttpCheck full = Observation.HttpCheck.builder("api", Source.HTTP, "https://api.test/health", 200)
                .latency(Duration.ofMillis(15)).body("{}", "application/json").version("1.4.2").timing(timing)
                .protocol("h2").build();

        assertEquals(new Observation.HttpCheck("api", Source.HTTP, "https://api.test/health", 200,
                Duration.ofMillis(15), "{}", "application/json", "1.4.2", timing, "h2"), full);
        assertEquals(Observation.Timing.NONE, Observation.HttpCheck.builder("api", Source.HTTP, "u", 200).timing(null)
                .build().timing());
    }

    @Test
    void aMachinesLastStartComesFromItsEventsUnlessTheBuilderIsToldIt() {
        List<Observation.MachineEvent> events = List.of(
                new Observation.MachineEvent("launch", "created", "user", T.minusSeconds(600), null, null, null),
                new Observation.MachineEvent("start", "started", "user", T.minusSeconds(300), null, null, null),
                new Observation.MachineEvent("start", "failed", "flyd", T.minusSeconds(60), null, null, null));
        Observation.PlatformMachine.Builder machine = Observation.PlatformMachine.builder("api", Source.FLY, "shop-api",
                "m1").name("api-1").state("started", false).region("fra").imageRef("registry.fly.io/shop-api:v2")
                .hostStatus("ok").events(events).updatedAt(T);

        Observation.PlatformMachine derived = machine.build();
        assertEquals(T.minusSeconds(300), derived.startedAt(), "the newest start that did not fail");
        assertEquals(new Observation.PlatformMachine("api", Source.FLY, "shop-api", "m1", "api-1", "started", false,
                "fra", "registry.fly.io/shop-api:v2", "ok", List.of(), events, T, T.minusSeconds(300)), derived);
        assertNull(machine.startedAt(null).build().startedAt(), "told there is none");
        assertEquals(T, machine.startedAt(T).build().startedAt());
    }

    @Test
    void aMachineWithNothingKnownHasEmptyListsAndNoStart() {
        Observation.PlatformMachine bare = Observation.PlatformMachine.builder(null, null, null, null).build();

        assertEquals(List.of(), bare.checks());
        assertEquals(List.of(), bare.events());
        assertNull(bare.startedAt());
        assertEquals(false, bare.stuck());
    }

    @Test
    void aCiRunNeedsItsRepositoryAndIdAndIsTheFirstAttemptUnlessTold() {
        Observation.CiRun bare = Observation.CiRun.builder(null, Source.GITHUB, "acme/shop", 42L).build();
        assertEquals(new Observation.CiRun(null, Source.GITHUB, "acme/shop", 42L, null, null, null, null, null, null,
                1, null, null, null), bare);

        Observation.CiRun full = Observation.CiRun.builder("api", Source.GITHUB, "acme/shop", 42L).workflowName("Deploy")
                .headBranch("main").headSha("abc123").event("push").status("completed").conclusion("failure")
                .runAttempt(2).createdAt(T).updatedAt(T.plusSeconds(90)).htmlUrl("https://github.test/r/42").build();
        assertEquals(new Observation.CiRun("api", Source.GITHUB, "acme/shop", 42L, "Deploy", "main", "abc123", "push",
                "completed", "failure", 2, T, T.plusSeconds(90), "https://github.test/r/42"), full);
        assertEquals(Duration.ofSeconds(90), full.duration());
    }

    @Test
    void aCiJobHasNoLabelsOrStepsUntilTold() {
        Observation.CiJob bare = Observation.CiJob.builder("api", Source.GITHUB, 42L, 7L).build();
        assertEquals(new Observation.CiJob("api", Source.GITHUB, 42L, 7L, null, null, null, 1, null, null, null,
                null, null, null), bare);
        assertEquals(List.of(), bare.labels());
        assertEquals(List.of(), bare.steps());

        List<Observation.CiStep> steps = List.of(new Observation.CiStep(1, "Build", "completed", "success", T, T),
                new Observation.CiStep(2, "Deploy", "completed", "failure", T, T.plusSeconds(5)));
        Observation.CiJob full = Observation.CiJob.builder("api", Source.GITHUB, 42L, 7L).name("deploy-api")
                .status("completed").conclusion("failure").runAttempt(3).startedAt(T).completedAt(T.plusSeconds(5))
                .runnerName("runner-1").labels(List.of("ubuntu-latest")).steps(steps).htmlUrl("https://j/7").build();
        assertEquals(new Observation.CiJob("api", Source.GITHUB, 42L, 7L, "deploy-api", "completed", "failure", 3, T,
                T.plusSeconds(5), "runner-1", List.of("ubuntu-latest"), steps, "https://j/7"), full);
        assertEquals("Deploy", full.failedStep().name());
    }

    @Test
    void aTlsHandshakeIsNeitherTrustedNorMatchedUntilTold() {
        Observation.TlsHandshake bare = Observation.TlsHandshake.builder("api", Source.TLS, "api.test", 443).build();
        assertEquals(new Observation.TlsHandshake("api", Source.TLS, "api.test", 443, null, null, null, null, null,
                null, 0, false, false, false, 0), bare);

        Observation.TlsHandshake full = Observation.TlsHandshake.builder("api", Source.TLS, "api.test", 8443)
                .protocol("TLSv1.3").cipher("TLS_AES_128_GCM_SHA256").subject("CN=api.test").issuer("CN=Test CA")
                .notBefore(T.minusSeconds(86_400)).notAfter(T.plusSeconds(864_000)).daysToExpiry(10)
                .hostnameMatches(true).selfSigned(false).trusted(true).chainLength(2).build();
        assertEquals(new Observation.TlsHandshake("api", Source.TLS, "api.test", 8443, "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", "CN=api.test", "CN=Test CA", T.minusSeconds(86_400), T.plusSeconds(864_000),
                10, true, false, true, 2), full);
    }

    @Test
    void aChangeSetKnowsNoRunsCommitsOrFilesUntilTold() {
        Observation.ChangeSet bare = Observation.ChangeSet.builder(null, Source.GITHUB, "acme/shop").build();
        assertEquals(new Observation.ChangeSet(null, Source.GITHUB, "acme/shop", 0, null, 0, null, null, 0, null,
                null, false, null), bare);
        assertEquals(List.of(), bare.files());

        List<Observation.ChangedCommit> commits = List.of(new Observation.ChangedCommit("abc", "fix", "ann", null));
        List<Observation.ChangedFile> files = List.of(new Observation.ChangedFile("Dockerfile", null, null,
                "modified", 1, 1));
        Observation.ChangeSet full = Observation.ChangeSet.builder(null, Source.GITHUB, "acme/shop").baseRunId(40)
                .baseSha("aaa").headRunId(42).headSha("abc").comparison("ahead").totalCommits(1).commits(commits)
                .files(files).truncated(true).htmlUrl("https://c").build();
        assertEquals(new Observation.ChangeSet(null, Source.GITHUB, "acme/shop", 40, "aaa", 42, "abc", "ahead", 1,
                commits, files, true, "https://c"), full);
    }

    @Test
    void aLogFindingIsNotACiJobsAndScoresOneUntilTold() {
        CauseId cause = CauseId.of("build.docker");
        Observation.LogFinding bare = Observation.LogFinding.builder("api", Source.LOG, "buildkit.failed-to-solve",
                cause).build();
        assertEquals(new Observation.LogFinding("api", Source.LOG, 0, null, null, 0, "buildkit.failed-to-solve", cause,
                null, List.of(), 1.0), bare);

        Observation.LogFinding full = Observation.LogFinding.builder("api", Source.GITHUB, "buildkit.failed-to-solve",
                cause).jobId(7).jobName("build").step("Build image").lineNumber(120).line("ERROR: failed to solve")
                .context(List.of("#8 ERROR", "ERROR: failed to solve")).score(0.75).build();
        assertEquals(new Observation.LogFinding("api", Source.GITHUB, 7, "build", "Build image", 120,
                "buildkit.failed-to-solve", cause, "ERROR: failed to solve",
                List.of("#8 ERROR", "ERROR: failed to solve"), 0.75), full);
    }

    @Test
    void anMcpHandshakeListsNothingUntilTold() {
        Observation.McpHandshake bare = Observation.McpHandshake.builder("tools", Source.MCP).build();
        assertEquals(new Observation.McpHandshake("tools", Source.MCP, null, null, null, null, null, 0, null), bare);
        assertEquals(List.of(), bare.capabilities());

        Observation.McpHandshake full = Observation.McpHandshake.builder("tools", Source.MCP)
                .protocolVersion("2025-06-18").era("streamable-http").serverName("shop-tools").serverVersion("0.3.1")
                .capabilities(List.of("tools", "prompts")).toolCount(4).latency(Duration.ofMillis(80)).build();
        assertEquals(new Observation.McpHandshake("tools", Source.MCP, "2025-06-18", "streamable-http", "shop-tools",
                "0.3.1", List.of("tools", "prompts"), 4, Duration.ofMillis(80)), full);
    }

    @Test
    void aProbeFailureIsOneInstantAttemptUntilTold() {
        Observation.ProbeFailure bare = Observation.ProbeFailure.builder("api", Source.HTTP, "https://api.test/health",
                FailureKind.CONNECTION_REFUSED).build();
        assertEquals(new Observation.ProbeFailure("api", Source.HTTP, "https://api.test/health",
                FailureKind.CONNECTION_REFUSED, null, null, Duration.ZERO, 1), bare);

        Observation.ProbeFailure full = Observation.ProbeFailure.builder("api", Source.HTTP, "https://api.test/health",
                FailureKind.READ_TIMEOUT).detail("no answer in 5s").httpStatus(null).elapsed(Duration.ofSeconds(15))
                .attempts(3).build();
        assertEquals(new Observation.ProbeFailure("api", Source.HTTP, "https://api.test/health",
                FailureKind.READ_TIMEOUT, "no answer in 5s", null, Duration.ofSeconds(15), 3), full);
    }

    @Test
    void aCiAnnotationSaysNothingUntilTold() {
        Observation.CiAnnotation bare = Observation.CiAnnotation.builder(null, Source.GITHUB, 7L).build();
        assertEquals(new Observation.CiAnnotation(null, Source.GITHUB, 7L, null, null, null, null, null), bare);

        Observation.CiAnnotation full = Observation.CiAnnotation.builder("api", Source.GITHUB, 7L).level("failure")
                .title("Deploy").message("Process completed with exit code 1.").path(".github").line(12).build();
        assertEquals(new Observation.CiAnnotation("api", Source.GITHUB, 7L, "failure", "Deploy",
                "Process completed with exit code 1.", ".github", 12), full);
    }
}
