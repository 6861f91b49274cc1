package io.sophia.report;

import io.sophia.core.Source;
import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Evidence;
import io.sophia.core.FailureKind;
import io.sophia.core.GateDecision;
import io.sophia.core.GateDecision.Criterion;
import io.sophia.core.GateDecision.Outcome;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Owner;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference scenario of /work/shared/reference/seed-report.md, built by hand: six services,
 * one MCP server UP, the deploy run failed at "Deploy service (Dockerfile)", the top cause is
 * build.dockerfile with the BuildKit line quoted, MCP Repo serves a stale version, gate BLOCKED.
 */
final class ReferenceScenario {

    static final String DEPLOYMENT = "sophia-ai-v2";
    static final Instant NOW = Instant.parse("2025-08-23T14:12:55.244Z");
    static final Instant RUN_START = Instant.parse("2025-08-23T13:55:16Z");
    static final long RUN_ID = 17176258341L;
    static final String WORKFLOW = "Deploy All (Dashboard + MCPs) — Fly (Docker-only, Proof-first)";
    static final String FAILED_STEP = "Deploy service (Dockerfile)";
    /** BuildKit's "failed to solve" message (moby/buildkit client/solve.go, see corpus/deploy-errors) as flyctl prints it. */
    static final String BUILDKIT_LINE = "Error: failed to fetch an image or build from source: error building: "
            + "failed to solve: process \"/bin/sh -c npm ci --omit=dev\" did not complete successfully: exit code: 1";

    private ReferenceScenario() {
    }

    static Assessment assessment() {
        return build(new Names());
    }

    /** The same scenario with names, texts and log lines that try to break out of every output format. */
    static Assessment hostile() {
        return build(new Names().hostile());
    }

    /** Strings that differ between the normal and the hostile variant. */
    static final class Names {
        String dashboardName = "Dashboard";
        String dashboardFailure = "connection refused";
        String jobName = "Deploy Dashboard";
        String logLine = BUILDKIT_LINE;
        String body = "{\"status\":\"ok\",\"server\":\"mcp-repo\"}";
        String explanation = "BuildKit's \"failed to solve\" appears in the failing step of both deploy jobs "
                + "that failed (likelihood ratio 10.0 each, aggregated once), while MCP Repo, deployed by the same "
                + "workflow, is healthy, which argues against a configuration or platform cause.";
        String anomalyStatement = "GitHub: job Deploy MCP Repo was cancelled after 18 s";
        String capability = "AI Dashboard — primary user interface";
        String criterionValue = "3 of 3 critical services DOWN";
        Owner owner;

        Names hostile() {
            dashboardName = "Dash|board <script>alert('x')</script> [click](javascript:alert(1)) **bold** `tick` & &amp;";
            dashboardFailure = "refused | <img src=x onerror=alert(1)> ``` ~~~\u0007\u001b[31m";
            jobName = "Deploy <b>Dashboard</b> | ]]> --> \u0001 [x](http://evil)";
            logLine = "```\n</code></pre><script>alert(\"log\")</script> | ]]><!-- \u0000\u0008 ````` " + BUILDKIT_LINE;
            body = "<html><script>steal()</script></html>";
            explanation = "Because <iframe src=\"http://evil\"></iframe> and | pipes | and `code` and [link](http://evil).";
            anomalyStatement = "GitHub said: <script>x()</script> & \"quoted\" | piped";
            capability = "<marquee>AI</marquee> | Dashboard";
            criterionValue = "3 of 3 <b>critical</b> | DOWN";
            owner = new Owner("<script>team()</script> | **ops**", "[page](javascript:alert(1)) <img src=x> \u001b[31m#oncall");
            return this;
        }
    }

    private static Assessment build(Names n) {
        List<ServiceHealth> services = List.of(
                ServiceHealth.builder("dashboard", Status.DOWN).name(n.dashboardName).capability(n.capability)
                        .critical(true).url("https://sophiaai-dashboard-v2.fly.dev").latencyMs(16L)
                        .failure(n.dashboardFailure).owner(n.owner).build(),
                ServiceHealth.builder("mcp-repo", Status.UP).name("MCP Repo").capability("GitHub integration")
                        .url("https://sophiaai-mcp-repo-v2.fly.dev").httpStatus(200).latencyMs(150L)
                        .version("2025.08.02-4f1c2ab").build(),
                ServiceHealth.builder("mcp-research", Status.DOWN).name("MCP Research")
                        .capability("Research capabilities").critical(true)
                        .url("https://sophiaai-mcp-research-v2.fly.dev").latencyMs(2000L)
                        .failure("read timeout after 2 s").build(),
                ServiceHealth.builder("mcp-context", Status.DOWN).name("MCP Context").capability("Context management")
                        .url("https://sophiaai-mcp-context-v2.fly.dev").httpStatus(503).latencyMs(33L)
                        .failure("HTTP 503 Service Unavailable").build(),
                ServiceHealth.builder("mcp-business", Status.DOWN).name("MCP Business")
                        .capability("Business intelligence").critical(true)
                        .url("https://sophiaai-mcp-business-v2.fly.dev").latencyMs(15L).failure("connection refused")
                        .build(),
                ServiceHealth.builder("jobs", Status.DOWN).name("Jobs Service").capability("Background jobs")
                        .url("https://sophiaai-jobs-v2.fly.dev").latencyMs(500L)
                        .failure("connect timeout after 500 ms").build());

        List<Observation> obs = new ArrayList<>();
        obs.add(new ProbeFailure("dashboard", Source.HTTP, "https://sophiaai-dashboard-v2.fly.dev", FailureKind.CONNECTION_REFUSED,
                n.dashboardFailure, null, Duration.ofMillis(16), 1));
        obs.add(HttpCheck.builder("mcp-repo", Source.HTTP, "https://sophiaai-mcp-repo-v2.fly.dev/health", 200)
                .latency(Duration.ofMillis(150)).body(n.body, "application/json").version("2025.08.02-4f1c2ab")
                .timing(new Observation.Timing(Duration.ofMillis(12), Duration.ofMillis(20), Duration.ofMillis(41),
                        Duration.ofMillis(67), Duration.ofMillis(10)))
                .build());
        obs.add(new McpHandshake("mcp-repo", Source.MCP, "2025-06-18", "handshake", "mcp-repo", "2025.08.02-4f1c2ab",
                List.of("tools", "resources"), 14, Duration.ofMillis(180)));
        obs.add(new ProbeFailure("mcp-research", Source.HTTP, "https://sophiaai-mcp-research-v2.fly.dev", FailureKind.READ_TIMEOUT,
                "read timeout after 2 s", null, Duration.ofMillis(2000), 2));
        obs.add(HttpCheck.builder("mcp-context", Source.HTTP, "https://sophiaai-mcp-context-v2.fly.dev", 503)
                .latency(Duration.ofMillis(33)).body("Service Unavailable", "text/plain").build());
        obs.add(new ProbeFailure("mcp-business", Source.HTTP, "https://sophiaai-mcp-business-v2.fly.dev", FailureKind.CONNECTION_REFUSED,
                "connection refused", null, Duration.ofMillis(15), 1));
        obs.add(new ProbeFailure("jobs", Source.HTTP, "https://sophiaai-jobs-v2.fly.dev", FailureKind.CONNECT_TIMEOUT,
                "connect timeout after 500 ms", null, Duration.ofMillis(500), 2));
        obs.add(new CiRun(null, Source.GITHUB, "sophia-ai/sophia", RUN_ID, WORKFLOW, "main",
                "4f1c2ab9d0e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4", "workflow_dispatch", "completed", "failure", 1,
                RUN_START, RUN_START.plusSeconds(35),
                "https://github.com/sophia-ai/sophia/actions/runs/" + RUN_ID));
        obs.add(job(null, 1, "Preflight (repo & secrets)", "success", 0, 3, List.of(
                step(1, "Set up job", "success", 0, 1), step(2, "Check secrets", "success", 1, 3))));
        obs.add(job("dashboard", 2, n.jobName, "failure", 4, 18, List.of(
                step(1, "Set up job", "success", 4, 5), step(2, "Checkout", "success", 5, 6),
                step(3, "Set up flyctl", "success", 6, 7), step(4, "Set secrets", "success", 7, 9),
                step(5, FAILED_STEP, "failure", 9, 18), step(6, "Verify health", "skipped", 18, 18))));
        obs.add(job("mcp-business", 3, "Deploy MCP Business", "failure", 4, 9, List.of(
                step(1, "Set up job", "success", 4, 5), step(2, "Set secrets", "success", 5, 7),
                step(3, FAILED_STEP, "failure", 7, 9))));
        obs.add(job("mcp-repo", 4, "Deploy MCP Repo", "cancelled", 4, 22, List.of(
                step(1, "Set up job", "success", 4, 5), step(2, FAILED_STEP, "cancelled", 5, 22))));
        obs.add(job(null, 5, "Summary", "success", 30, 33, List.of(step(1, "Write summary", "success", 30, 33))));
        obs.add(new CiAnnotation("dashboard", Source.GITHUB, 48_000_000_002L, "failure", "Deploy service (Dockerfile)",
                "Process completed with exit code 1.", ".github", null));
        obs.add(new LogFinding("dashboard", Source.GITHUB, 2, n.jobName, FAILED_STEP, 312, "buildkit.failed-to-solve",
                CauseId.of("build.dockerfile"), n.logLine, List.of("#12 [build 4/6] RUN npm ci --omit=dev",
                "#12 ERROR: process \"/bin/sh -c npm ci --omit=dev\" did not complete successfully: exit code: 1",
                n.logLine), 0.95));
        obs.add(new LogFinding("mcp-business", Source.GITHUB, 3, "Deploy MCP Business", FAILED_STEP, 187,
                "buildkit.failed-to-solve", CauseId.of("build.dockerfile"), BUILDKIT_LINE, List.of(), 0.9));

        List<RankedCause> causes = List.of(
                new RankedCause(CauseId.BUILD_DOCKERFILE, "Dockerfile build failure", 0.7812, Confidence.HIGH,
                        n.explanation, List.of(
                        new Evidence(Evidence.Direction.FOR, 2.3026, "BuildKit reported \"failed to solve\" in step "
                                + FAILED_STEP + " of 2 deploy jobs", "log.buildkit-failed-to-solve",
                                List.of("dashboard", "mcp-business")),
                        new Evidence(Evidence.Direction.FOR, 0.6931, "Both failing deploy jobs stopped at the same step",
                                "ci.same-failed-step", List.of("dashboard", "mcp-business")),
                        new Evidence(Evidence.Direction.AGAINST, 0.2231, "MCP Repo, built by the same workflow, is serving",
                                "http.sibling-healthy", List.of("mcp-repo"))),
                        List.of("dashboard", "mcp-business")),
                new RankedCause(CauseId.PLATFORM_QUOTA, "Platform quota or billing", 0.0833, Confidence.LOW,
                        "No platform message mentions a limit; only the prior supports it.", List.of(
                        new Evidence(Evidence.Direction.AGAINST, 1.2, "No log or API answer mentions a limit or billing",
                                "platform.no-quota-message", List.of())), List.of()),
                new RankedCause(CauseId.UNKNOWN, "Unknown", 0.0731, Confidence.LOW,
                        "Kept so that weak evidence does not produce false certainty.", List.of(), List.of()),
                new RankedCause(CauseId.CONFIG_INVALID, "Invalid configuration", 0.0424, Confidence.LOW,
                        "MCP Repo with the same setup is healthy.", List.of(
                        new Evidence(Evidence.Direction.AGAINST, 1.6094, "A service with the same configuration is UP",
                                "config.sibling-healthy", List.of("mcp-repo"))), List.of()));

        List<Anomaly> anomalies = List.of(new Anomaly("stale-version-serving", "mcp-repo",
                "MCP Repo answers although its deploy job was cancelled: it still serves the previous version.",
                List.of(n.anomalyStatement, "HTTP: https://sophiaai-mcp-repo-v2.fly.dev answered 200 in 150 ms, version 2025.08.02-4f1c2ab")));

        Impact impact = new Impact(6, 1, 16.666666, List.of(n.capability, "Research capabilities",
                "Context management", "Business intelligence", "Background jobs"), List.of(),
                List.of("GitHub integration"), Impact.Severity.SEVERE);

        List<Action> actions = List.of(
                new Action(Action.Priority.P0, Duration.ofHours(1), "Fix the Dockerfile build of dashboard and mcp-business",
                        "Reproduce `npm ci --omit=dev` locally with the same base image and fix the failing instruction.",
                        CauseId.BUILD_DOCKERFILE, List.of("dashboard", "mcp-business")),
                new Action(Action.Priority.P0, Duration.ofMinutes(30), "Re-run the deploy workflow after the fix",
                        "Run " + WORKFLOW + " again and watch the Deploy service step.", CauseId.BUILD_DOCKERFILE, List.of()),
                new Action(Action.Priority.P1, Duration.ofHours(2), "Redeploy MCP Repo so it serves the current commit",
                        "Its deploy job was cancelled; it serves 2025.08.02-4f1c2ab.", null, List.of("mcp-repo")),
                new Action(Action.Priority.P2, Duration.ofDays(1), "Build the images in pull requests",
                        "A docker build check before merge catches Dockerfile failures before a deploy.", null, List.of()));

        GateDecision gate = new GateDecision(GateDecision.Verdict.BLOCKED, 25.0, List.of(
                new Criterion("critical-services-up", "Every critical service is UP", true, 3, Outcome.FAIL,
                        n.criterionValue, "all critical services UP"),
                new Criterion("deploy-run-succeeded", "The deploy run concluded success", true, 3, Outcome.FAIL,
                        "run " + RUN_ID + " concluded failure", "success"),
                new Criterion("all-services-up", "Every service is UP", false, 1, Outcome.FAIL, "1 of 6 UP", "6 of 6 UP"),
                new Criterion("sources-readable", "The CI and platform sources could be read", false, 1, Outcome.PASS,
                        "github read", "all sources read"),
                new Criterion("tls-expiry", "No certificate expires within 14 days", false, 1, Outcome.WARN,
                        "not checked", "> 14 days")));

        return new Assessment(Assessment.SCHEMA_VERSION, DEPLOYMENT, NOW, services, obs, causes, anomalies, impact,
                actions, gate, null);
    }

    static CiJob job(String serviceId, long jobId, String name, String conclusion, int startS, int endS, List<CiStep> steps) {
        return new CiJob(serviceId, Source.GITHUB, RUN_ID, 48_000_000_000L + jobId, name, "completed", conclusion, 1,
                RUN_START.plusSeconds(startS), RUN_START.plusSeconds(endS), "GitHub Actions " + jobId,
                List.of("ubuntu-latest"), steps,
                "https://github.com/sophia-ai/sophia/actions/runs/" + RUN_ID + "/job/" + (48_000_000_000L + jobId));
    }

    static CiStep step(int number, String name, String conclusion, int startS, int endS) {
        return new CiStep(number, name, "completed", conclusion, RUN_START.plusSeconds(startS), RUN_START.plusSeconds(endS));
    }

    /** The reference scenario plus platform, TLS, DNS, TCP, condition and source-failure observations. */
    static Assessment withPlatform() {
        Assessment a = assessment();
        List<Observation> obs = new ArrayList<>(a.observations());
        obs.add(Observation.PlatformMachine.builder("dashboard", Source.FLY, "sophiaai-dashboard-v2", "148ed193b95089")
                .name("dashboard-1").state("failed", false).region("iad")
                .imageRef("registry.fly.io/sophiaai-dashboard-v2:deployment-01J5").hostStatus("ok")
                .checks(List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "critical",
                        "connect: connection refused")))
                .events(List.of(new Observation.MachineEvent("launch", "failed", "flyd", NOW.minusSeconds(900), null, null,
                                "failed to launch VM"),
                        new Observation.MachineEvent("exit", "stopped", "flyd", NOW.minusSeconds(600), 137, true, null)))
                .updatedAt(NOW.minusSeconds(600)).build());
        obs.add(Observation.PlatformMachine.builder("mcp-repo", Source.FLY, "sophiaai-mcp-repo-v2", "e784079b449483")
                .name("repo-1").state("started", false).region("iad")
                .imageRef("registry.fly.io/sophiaai-mcp-repo-v2:deployment-01J2").hostStatus("ok")
                .checks(List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "passing", "HTTP GET 200")))
                .events(List.of(new Observation.MachineEvent("start", "started", "user", NOW.minusSeconds(86_400), null, null,
                                null),
                        new Observation.MachineEvent("launch", "created", "user", NOW.minusSeconds(86_410), null, null, null)))
                .updatedAt(NOW.minusSeconds(86_400)).build());
        obs.add(new Observation.TlsHandshake("mcp-repo", Source.TLS, "sophiaai-mcp-repo-v2.fly.dev", 443, "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", "CN=*.fly.dev", "CN=R11, O=Let's Encrypt, C=US", NOW.minusSeconds(86_400 * 60L),
                NOW.plusSeconds(86_400 * 9L), 9, true, false, true, 2));
        obs.add(new Observation.DnsResolution("mcp-repo", Source.DNS, "sophiaai-mcp-repo-v2.fly.dev", List.of("66.241.124.10"),
                Duration.ofMillis(4)));
        obs.add(new Observation.TcpConnect("mcp-repo", Source.TCP, "sophiaai-mcp-repo-v2.fly.dev", 443, Duration.ofMillis(21)));
        obs.add(new Observation.ConditionCheck("mcp-context", Source.HTTP, "[STATUS] == 200", false, "503"));
        obs.add(new Observation.CiLogRead("dashboard", Source.GITHUB, 48_000_000_002L, 48_213, 402, false));
        obs.add(new ProbeFailure(null, Source.FLY, "GET /v1/apps/sophiaai-jobs-v2/machines", FailureKind.UNAUTHORIZED,
                "401 Unauthorized: token invalid", 401, Duration.ofMillis(87), 1));
        obs.add(new Observation.ChangeSet(null, Source.GITHUB, "sophia-ai/sophia", 17176001234L,
                "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", RUN_ID, "4f1c2ab9d0e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4", "ahead", 2,
                List.of(new Observation.ChangedCommit("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", "Bump node to 20\n\nbody",
                                "dev-a", "https://github.com/sophia-ai/sophia/commit/9f8e7d6"),
                        new Observation.ChangedCommit("4f1c2ab9d0e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4", "Use npm ci", "dev-b", null)),
                List.of(new Observation.ChangedFile("dashboard/Dockerfile", null, null, "modified", 3, 1),
                        new Observation.ChangedFile("dashboard/package-lock.json", null, null, "modified", 120, 80),
                        new Observation.ChangedFile("docs/deploy.md", "docs/old-deploy.md", null, "renamed", 0, 0)),
                false, "https://github.com/sophia-ai/sophia/compare/1a2b3c4...4f1c2ab"));
        obs.add(new Observation.ChangeSetUnavailable("mcp-repo", Source.GITHUB, "sophia-ai/mcp-repo", RUN_ID,
                "GET /repos/sophia-ai/mcp-repo/compare/a...b", FailureKind.RATE_LIMITED, 403, "rate limit exhausted"));
        return a.toBuilder().services(owned(a.services())).observations(obs).build();
    }

    /**
     * The owners of the seed report's escalation contacts, two services left without one; MCP Repo up since its
     * machine's start event (one day before the check).
     */
    static List<ServiceHealth> owned(List<ServiceHealth> services) {
        Owner frontend = new Owner("frontend", "#dashboard-oncall");
        Owner ai = new Owner("ai-platform", "ai-platform@sophia.example");
        return services.stream().map(s -> {
            Owner owner = switch (s.id()) {
                case "dashboard" -> frontend;
                case "mcp-research", "mcp-business" -> ai;
                case "mcp-repo" -> Owner.of("devtools");
                default -> null;
            };
            Instant upSince = s.id().equals("mcp-repo") ? NOW.minusSeconds(86_400) : null;
            return ServiceHealth.builder(s.id(), s.status()).name(s.name()).capability(s.capability())
                    .critical(s.critical()).url(s.url()).httpStatus(s.httpStatus()).latencyMs(s.latencyMs())
                    .failure(s.failure()).version(s.version()).owner(owner).upSince(upSince).build();
        }).toList();
    }

    /** A deployment where everything is healthy: no causes, gate OPEN, no CI. */
    static Assessment healthy() {
        List<ServiceHealth> services = List.of(
                ServiceHealth.builder("api", Status.UP).name("API").capability("Public API").critical(true)
                        .url("https://api.example.test").httpStatus(200).latencyMs(42L).version("1.4.2").build(),
                ServiceHealth.builder("web", Status.UP).name("Web").capability("Web shop")
                        .url("https://web.example.test").httpStatus(200).latencyMs(87L).build());
        List<Observation> obs = List.of(
                HttpCheck.builder("api", Source.HTTP, "https://api.example.test", 200).latency(Duration.ofMillis(42))
                        .body("{}", "application/json").version("1.4.2").build(),
                HttpCheck.builder("web", Source.HTTP, "https://web.example.test", 200).latency(Duration.ofMillis(87))
                        .body("<html>", "text/html").build());
        return new Assessment(Assessment.SCHEMA_VERSION, "shop", NOW, services, obs, List.of(), List.of(),
                new Impact(2, 2, 100.0, List.of(), List.of(), List.of("Public API", "Web shop"), Impact.Severity.NONE),
                List.of(), new GateDecision(GateDecision.Verdict.OPEN, 100.0, List.of(
                new Criterion("critical-services-up", "Every critical service is UP", true, 3, Outcome.PASS,
                        "1 of 1 critical services UP", "all critical services UP"))), null);
    }
}
