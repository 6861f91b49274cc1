package io.sophia.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Assessment;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.ProbePlan;
import io.sophia.report.ReportFiles;
import io.sophia.report.Sophia;
import io.sophia.examples.demo.DemoFleet;
import io.sophia.report.JsonReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the demo reproduces the reference scenario, {@code check} on the same loopback
 * behaviour gives the same report, {@code watch} re-runs it, and bad command lines exit 64.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainTest {

    /**
     * The first attempt's timeout: short, since the demo's hanging service holds every run for its length. A run
     * that timed out where an answer was due (a stalled machine) is run again with {@link Stalls#PATIENT}.
     */
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** The demo's one service that accepts connections and never answers. */
    static final Set<String> HANGING = Set.of("mcp-research");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-23T14:12:55Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path demoDir;
    private CliRun demo;
    /** The timeout the demo that the tests look at ran with. */
    private Duration demoTimeout;

    /** One in-process run of the CLI on this test's clock. */
    static CliRun run(Function<String, String> env, String... args) {
        return CliRun.of(CLOCK, env, args);
    }

    static CliRun run(String... args) {
        return run(name -> null, args);
    }

    @BeforeAll
    void runTheDemoOnce(@TempDir Path dir) {
        demo = Stalls.patiently(timeout -> {
            demoTimeout = timeout;
            demoDir = dir.resolve("demo-out-" + timeout.toMillis());
            return run("demo", "--out", demoDir.toString(), "--timeout", timeout.toMillis() + "ms");
        }, TIMEOUT, r -> timedOutEarly(demoDir));
        System.out.println(demo.out());
        System.out.println(demo.err());
    }

    /** Whether the report in {@code dir} shows a timeout where an answer was due (or is missing). */
    static boolean timedOutEarly(Path dir) {
        return Stalls.timedOutEarly(dir.resolve("report.json"), HANGING);
    }

    private JsonNode demoReport() throws Exception {
        return JSON.readTree(Files.readString(demoDir.resolve("report.json")));
    }

    @Test
    void theDemoWritesEveryReportAndExitsWithTheBlockedGatesCode() {
        assertEquals(2, demo.exit(), () -> "stderr: " + demo.err());
        for (String f : List.of("report.md", "report.json", "report.html", "junit.xml", "demo-config.yaml")) {
            assertTrue(Files.isRegularFile(demoDir.resolve(f)), f + " written");
        }
    }

    @Test
    void sixServicesAppearAndExactlyOneIsUp() throws Exception {
        JsonNode services = demoReport().get("services");
        assertEquals(6, services.size());
        List<String> up = new ArrayList<>();
        services.forEach(s -> {
            if (s.get("status").asText().equals("UP")) {
                up.add(s.get("id").asText());
            }
        });
        assertEquals(List.of("mcp-repo"), up);
    }

    @Test
    void theTopCauseIsTheDockerfileBuildAndTheReportQuotesTheLogLineAndStep() throws Exception {
        JsonNode top = demoReport().at("/diagnosis/causes/0");
        assertEquals("build.dockerfile", top.get("id").asText(), () -> "causes: " + top);
        String md = Files.readString(demoDir.resolve("report.md"));
        assertTrue(md.contains("ERROR: failed to solve:"), "report.md quotes the BuildKit line");
        assertTrue(md.contains("Deploy service (Dockerfile)"), "report.md names the failing step");
        assertTrue(demo.out().contains("build.dockerfile"), demo.out());
        assertTrue(demo.out().contains("failed to solve"), "the summary quotes the line: " + demo.out());
    }

    @Test
    void theHealthyServiceWhoseDeployWasCancelledIsAnAnomaly() throws Exception {
        JsonNode anomalies = demoReport().get("anomalies");
        assertTrue(anomalies.toString().contains("mcp-repo"), anomalies::toString);
        assertTrue(anomalies.toString().toLowerCase(java.util.Locale.ROOT).contains("cancel"), anomalies::toString);
    }

    @Test
    void fiveCapabilitiesAreOffline() throws Exception {
        JsonNode offline = demoReport().at("/impact/capabilitiesOffline");
        assertEquals(5, offline.size(), offline::toString);
        assertTrue(offline.toString().contains("AI Dashboard"));
        assertTrue(offline.toString().contains("Background jobs"));
    }

    @Test
    void theGateIsBlockedWithItsFailedCriteriaNamed() throws Exception {
        JsonNode gate = demoReport().get("gate");
        assertEquals("BLOCKED", gate.get("status").asText());
        List<String> failed = new ArrayList<>();
        gate.get("criteria").forEach(c -> {
            if (c.get("outcome").asText().equals("FAIL")) {
                failed.add(c.get("id").asText());
            }
        });
        assertTrue(failed.contains("critical-services-up"), failed::toString);
        assertTrue(failed.contains("pipeline-succeeded"), failed::toString);
        // the demo's stand-ins answer every CI and platform call the probes make (a 404 there would fail this)
        assertFalse(failed.contains("sources-readable"), failed::toString);
        for (String id : failed) {
            assertTrue(demo.out().contains(id), "summary names " + id + ":\n" + demo.out());
        }
    }

    @Test
    void theSameObservationsAndClockGiveAByteIdenticalReportJson() throws Exception {
        String json = Files.readString(demoDir.resolve("report.json"));
        Assessment recorded = JsonReport.read(json);
        DeploymentConfig config = DeploymentConfig.load(demoDir.resolve("demo-config.yaml"));
        Function<String, String> env = DemoFleet.env(name -> null);
        ProbePlan plan = Sophia.builder(config).clock(CLOCK).env(env).build().plan();
        // replay the recorded observations through the same diagnosis, redaction and writer
        Assessment again = plan.run(new io.sophia.core.ProbeExecutor() {
            @Override
            public List<io.sophia.core.Observation> execute(List<? extends io.sophia.core.Probe> probes) {
                return recorded.observations();
            }

            @Override
            public java.util.Optional<io.sophia.core.Probing> probing() {
                return java.util.Optional.ofNullable(recorded.probing()); // the recorded timeout and budget too
            }
        });
        Path dir = tmp.resolve("replay");
        ReportFiles.writeAll(again, dir);
        assertEquals(json, Files.readString(dir.resolve("report.json")));
    }

    @Test
    void theProbingPhaseEndsWithinTheProbeTimeoutPlusOneSecondThoughAServiceHangs() {
        Matcher m = Pattern.compile("Probing\\s+(\\d+\\.\\d+) s").matcher(demo.out());
        assertTrue(m.find(), demo.out());
        double seconds = Double.parseDouble(m.group(1));
        System.out.printf("demo probing phase: %.2f s (timeout %.2f s)%n", seconds, demoTimeout.toMillis() / 1000.0);
        // a hanging service cannot hold the check: the runner ends its probe at the probe's timeout; the margin is for
        // a machine that stalls for seconds (speed goals live in the benchmarks), while the hanging service would hold
        // a check that did not end it for ever
        assertTrue(seconds <= demoTimeout.toMillis() / 1000.0 * 1.5 + 10.0, "probing took " + seconds + " s");
    }

    @Test
    void checkOnTheSameLoopbackBehaviourGivesTheSameReportAsTheDemo() throws Exception {
        Path[] out = new Path[1];
        CliRun check;
        try (DemoFleet fleet = DemoFleet.start()) {
            check = Stalls.patiently(timeout -> {
                try {
                    out[0] = tmp.resolve("check-out-" + timeout.toMillis());
                    Path config = tmp.resolve("deploy-" + timeout.toMillis() + ".yaml");
                    Files.writeString(config, fleet.configYaml(timeout, 1));
                    return run(DemoFleet.env(name -> null), "check", "--config", config.toString(), "--out", out[0].toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, demoTimeout, r -> timedOutEarly(out[0]));
        }
        assertEquals(2, check.exit(), check::err);
        JsonNode fromCheck = TwoRuns.comparable(JSON.readTree(Files.readString(out[0].resolve("report.json"))), HANGING);
        JsonNode fromDemo = TwoRuns.comparable(demoReport(), HANGING);
        assertEquals(fromDemo.toPrettyString(), fromCheck.toPrettyString());
    }

    @Test
    void watchReRunsTheCheckAndPrintsOneLinePerRun() throws Exception {
        Path[] out = new Path[1];
        CliRun watch;
        try (DemoFleet fleet = DemoFleet.start()) {
            // report.json is the last round's; a timeout where an answer was due in the first round shows as a service
            // count other than one UP
            watch = Stalls.patiently(timeout -> {
                try {
                    out[0] = tmp.resolve("watch-out-" + timeout.toMillis());
                    Path config = tmp.resolve("watch-" + timeout.toMillis() + ".yaml");
                    Files.writeString(config, fleet.configYaml(timeout, 0));
                    return run(DemoFleet.env(name -> null), "watch", "--config", config.toString(), "--out",
                            out[0].toString(), "--interval", "10ms", "--count", "2");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, TIMEOUT, r -> timedOutEarly(out[0]) || r.out().lines().anyMatch(l -> l.contains("gate BLOCKED")
                    && l.contains("0/6 UP")));
        }
        assertEquals(2, watch.exit(), watch::err);
        List<String> lines = watch.out().lines().filter(l -> l.contains("gate BLOCKED")).toList();
        assertEquals(2, lines.size(), watch.out());
        assertTrue(lines.get(0).contains("1/6 UP"), watch.out());
        assertTrue(Files.isRegularFile(out[0].resolve("report.json")));
    }

    @Test
    void checkExitsByTheGateOpenWhenAllIsWellWarnWhenOnlyANonCriticalServiceIsDown() throws Exception {
        try (DemoFleet fleet = DemoFleet.start()) {
            String healthy = """
                    deployment: healthy
                    services:
                      - id: mcp-repo
                        kind: mcp
                        url: %s
                        critical: true
                        expect: {healthPath: /health, versionField: /version}
                    probe: {timeout: 30s, retries: 0}
                    """.formatted(fleet.serviceUrls().get("mcp-repo")); // a hang guard: both services answer at once
            Path open = tmp.resolve("open.yaml");
            Files.writeString(open, healthy);
            CliRun r = run("check", "--config", open.toString(), "--out", tmp.resolve("open-out").toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("Gate       OPEN (exit 0)"), r.out());
            assertTrue(r.out().contains("Top cause  none"), r.out());

            Path warn = tmp.resolve("warn.yaml");
            Files.writeString(warn, healthy.replace("probe:", """
                      - id: mcp-business
                        url: %s
                        critical: false
                    probe:""".formatted(fleet.serviceUrls().get("mcp-business"))));
            CliRun w = run("check", "--config", warn.toString(), "--out", tmp.resolve("warn-out").toString());
            assertEquals(1, w.exit(), w.out() + w.err());
            assertTrue(w.out().contains("Gate       WARN (exit 1)"), w.out());
        }
    }

    @Test
    void watchPrintsAServiceThatComesBackUp() throws Exception {
        // one server from start to end (no port freed and bound again): the first answer is a 503, every later one a 200
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(requests.getAndIncrement() == 0 ? 503 : 200, -1);
            ex.close();
        });
        server.start();
        try {
            Path config = tmp.resolve("comeback.yaml");
            Files.writeString(config, """
                    deployment: comeback
                    services:
                      - id: api
                        url: http://127.0.0.1:%d/health
                        critical: true
                    probe: {timeout: 30s, retries: 0}
                    """.formatted(server.getAddress().getPort())); // a hang guard: the server answers at once
            CliRun r = run("watch", "--config", config.toString(), "--out", tmp.resolve("comeback-out").toString(),
                    "--interval", "100ms", "--count", "2");
            assertEquals(0, r.exit(), r.out() + r.err());
            assertEquals(2, requests.get(), "one probe a round");
            assertTrue(r.out().contains("api: DOWN -> UP"), r.out());
            assertTrue(r.out().contains("gate: BLOCKED -> OPEN"), r.out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBadConfigExits64NamingFileLineAndKey() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "deployment: x\nservices:\n  - id: a\n    url: http://127.0.0.1:9/\n    critical: maybe\n");
        CliRun r = run("check", "--config", bad.toString(), "--out", tmp.resolve("bad-out").toString());
        assertEquals(64, r.exit());
        assertTrue(r.err().contains("bad.yaml line 5: services[0].critical: expected true or false, got 'maybe'"),
                r.err());
        assertTrue(r.out().isEmpty(), "nothing on stdout: " + r.out());
    }

    @Test
    void badRuleFilesAndGateSectionsAreConfigErrorsToo() throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "causes:\n  - id: Not A Cause\n    prior: lots\n");
        Path withRules = tmp.resolve("with-rules.yaml");
        Files.writeString(withRules, "deployment: x\nservices:\n  - id: a\n    url: http://127.0.0.1:9/\n"
                + "rules: [rules.yaml]\n");
        CliRun r = run("check", "--config", withRules.toString(), "--out", tmp.resolve("r-out").toString());
        assertEquals(64, r.exit(), r.err());
        assertTrue(r.err().contains("rules.yaml"), r.err());

        Path withGate = tmp.resolve("with-gate.yaml");
        Files.writeString(withGate, "deployment: x\nservices:\n  - id: a\n    url: http://127.0.0.1:9/\n"
                + "gate:\n  tlsExpiryDays: soon\n");
        CliRun g = run("check", "--config", withGate.toString(), "--out", tmp.resolve("g-out").toString());
        assertEquals(64, g.exit(), g.err());
        assertTrue(g.err().contains("with-gate.yaml line 5"), g.err());
        assertTrue(g.err().contains("tlsExpiryDays"), g.err());
    }

    @Test
    void usageErrorsExit64AndHelpExits0() {
        Map<List<String>, String> cases = Map.of(
                List.of(), "Usage",
                List.of("deploy"), "unknown command 'deploy'",
                List.of("check", "--out", "x"), "missing --config",
                List.of("check", "--config"), "option --config needs a value",
                List.of("demo", "--out", "x", "--colour", "red"), "'demo' has no option --colour",
                List.of("watch", "--config", "c.yaml", "--out", "x", "--count", "0"), "--count",
                List.of("demo", "--out", "x", "--timeout", "fast"), "--timeout: expected a duration");
        cases.forEach((args, expected) -> {
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(64, r.exit(), () -> args + ": " + r.err());
            assertTrue(r.err().contains(expected), () -> args + ": " + r.err());
        });
        CliRun help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("check --config FILE --out DIR"));
    }
}
