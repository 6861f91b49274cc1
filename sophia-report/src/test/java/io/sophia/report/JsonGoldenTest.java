package io.sophia.report;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Evidence;
import io.sophia.core.FailureKind;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * report.json pinned byte for byte. The golden files were written by the field-by-field codec
 * that preceded the databind mapping; the mapping must reproduce them exactly, so a report
 * consumer sees no change. {@code demo.report.json} is a report the CLI's {@code demo} wrote
 * (read back and written again); the others are rendered from assessments built here and
 * together hold every observation kind, nulls in every nullable place and hostile text.
 *
 * <p>A deliberate format change regenerates them:
 * {@code mvn -B -q -pl sophia-report -am test -Dtest=JsonGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dsophia.golden.update=true}
 * and the diff of {@code src/test/resources/golden} is reviewed like code.
 */
class JsonGoldenTest {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("sophia.golden.update");

    static Stream<Arguments> assessments() {
        return Stream.of(
                Arguments.of("reference", ReferenceScenario.assessment()),
                Arguments.of("with-platform", ReferenceScenario.withPlatform()),
                Arguments.of("hostile", ReferenceScenario.hostile()),
                Arguments.of("healthy", ReferenceScenario.healthy()),
                Arguments.of("sparse", SparseAssessmentTest.sparse()),
                Arguments.of("edges", edges()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assessments")
    void an_assessment_renders_to_its_golden_bytes(String name, Assessment a) throws IOException {
        String json = JsonReport.render(a);
        assertEquals(golden(name, json), json, name + ".report.json changed; see the class comment to update it deliberately");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assessments")
    void a_golden_report_reads_back_to_the_same_bytes(String name, Assessment ignored) throws IOException {
        String json = Files.readString(DIR.resolve(name + ".report.json"), StandardCharsets.UTF_8);
        assertEquals(json, JsonReport.render(JsonReport.read(json)));
    }

    @org.junit.jupiter.api.Test
    void the_demo_report_reads_back_and_renders_to_the_same_bytes() throws IOException {
        String json = Files.readString(DIR.resolve("demo.report.json"), StandardCharsets.UTF_8);
        assertEquals(json, JsonReport.render(JsonReport.read(json)));
    }

    private static String golden(String name, String actual) throws IOException {
        Path file = DIR.resolve(name + ".report.json");
        if (UPDATE) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Values at the edges of each field's format: extremes, unicode, partial timings, zero and negative numbers. */
    static Assessment edges() {
        Instant t = Instant.parse("2026-02-28T23:59:59.999999999Z");
        List<Observation> obs = List.of(
                Observation.HttpCheck.builder("a", Source.HTTP, "http://[::1]:8080/é?q=\"x\"", 599)
                        .latency(Duration.ofNanos(1_500_000))
                        .body("line1\nline2\t\u2028\u0000end", "text/plain; charset=utf-8").version("v\u00e9")
                        .timing(new Observation.Timing(null, Duration.ZERO, null,
                                Duration.ofMillis(Long.MAX_VALUE / 1_000_000), Duration.ofSeconds(1)))
                        .build(),
                new Observation.ProbeFailure("a", Source.TCP, "a:1", FailureKind.DEADLINE_EXCEEDED, "", 0,
                        Duration.ofMillis(-5), Integer.MAX_VALUE),
                new Observation.TcpConnect(null, Source.TCP, "", 65535, Duration.ZERO),
                new Observation.DnsResolution("a", Source.DNS, "xn--bcher-kva.example", List.of("::1", "127.0.0.1"), null),
                new Observation.TlsHandshake("a", Source.TLS, "a", 0, null, null, null, null, Instant.MIN, Instant.MAX,
                        Long.MIN_VALUE, true, true, true, Integer.MIN_VALUE),
                new Observation.CiRun("a", Source.GITHUB, null, Long.MAX_VALUE, null, null, null, null, null, null, 0,
                        t, null, null),
                new Observation.CiAnnotation(null, Source.GITHUB, -1, null, null, null, null, 0),
                new Observation.CiLogRead(null, Source.GITHUB, 0, Long.MAX_VALUE, 0, true),
                new Observation.LogFinding("a", Source.LOG, 0, null, null, 0, "x", CauseId.of("unknown"), "", List.of("", " "), 1.0 / 3),
                Observation.PlatformMachine.builder("a", Source.FLY, "app", "m").name("n").state("starting", true)
                        .checks(List.of(new Observation.MachineCheck(null, null, null)))
                        .events(List.of(new Observation.MachineEvent(null, null, null, null, -1, false, "")))
                        .updatedAt(t).build(),
                new Observation.ConditionCheck("a", Source.HTTP, "[BODY].x == \u00fc", true, null),
                new Observation.McpHandshake("a", Source.MCP, "2025-11-25", "discover", null, null, List.of(""),
                        -1, Duration.ofMillis(1)),
                new Observation.ChangeSet(null, Source.GITHUB, "o/r", 0, null, Long.MAX_VALUE, "", null, Integer.MAX_VALUE,
                        List.of(new Observation.ChangedCommit(null, "first\nsecond", null, null)),
                        List.of(new Observation.ChangedFile("fly.toml", "old/fly.toml", null, "renamed", 0, -1),
                                new Observation.ChangedFile("\u00e9\u2028.lock", null, io.sophia.core.ChangeClass.OTHER, null, 0, 0)),
                        true, null),
                new Observation.ChangeSetUnavailable(null, Source.GITHUB, null, 0, null, null, null, null));
        return new Assessment("1.7", "\u00e9dge \uD83D\uDE80", t,
                List.of(ServiceHealth.builder("a", Status.DEGRADED).name("").capability("").critical(true).url("")
                        .httpStatus(-1).latencyMs(Long.MIN_VALUE).failure("").version("").build()),
                obs,
                List.of(new RankedCause(CauseId.of("custom.x-1"), "T", 0.123456789, Confidence.MEDIUM, "",
                                List.of(new Evidence(Evidence.Direction.AGAINST, 1e-9, "", "", List.of("a")),
                                        new Evidence(Evidence.Direction.FOR, 123456.78915, "w", "r", List.of())),
                                List.of("a")),
                        new RankedCause(CauseId.UNKNOWN, "U", 0.00005, Confidence.LOW, "e", List.of(), List.of())),
                List.of(), null,
                List.of(new io.sophia.core.Action(io.sophia.core.Action.Priority.P2, Duration.ofMillis(1500), "", null,
                                CauseId.of("custom.x-1"), List.of()),
                        new io.sophia.core.Action(io.sophia.core.Action.Priority.P1, Duration.ofDays(400), "t", "d",
                                null, List.of("a", "b"))),
                new GateDecision(GateDecision.Verdict.WARN, 66.666666, List.of(
                        new GateDecision.Criterion("score", "", false, 0.00004, GateDecision.Outcome.WARN, "", ""))),
                null);
    }
}
