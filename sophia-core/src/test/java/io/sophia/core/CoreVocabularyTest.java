package io.sophia.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreVocabularyTest {

    @Test
    void a_source_reads_back_from_its_wire_spelling_and_an_unknown_one_is_named() {
        for (Source s : Source.values()) {
            assertEquals(s, Source.of(s.wire()));
            assertEquals(s.name().toLowerCase(java.util.Locale.ROOT), s.wire());
        }
        assertEquals(Source.GITHUB, Source.of("GitHub"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Source.of("travis"));
        assertTrue(e.getMessage().startsWith("'travis' is not a source"), e.getMessage());
    }

    @Test
    void a_log_finding_carries_a_typed_cause_id() {
        Observation.LogFinding f = new Observation.LogFinding("api", Source.LOG, 0, null, null, 3, "buildkit.failed-to-solve",
                CauseId.BUILD_DOCKERFILE, "failed to solve", List.of(), 0.9);
        assertEquals("build.dockerfile", f.causeId().value());
        assertEquals(Source.LOG, f.source());
    }

    @Test
    void oneDownObservationMakesTheServiceDownWhateverElseWasSeen() {
        assertEquals(Status.DOWN, Status.aggregate(List.of(Status.UP, Status.DOWN, Status.DEGRADED)));
        assertEquals(Status.DEGRADED, Status.aggregate(List.of(Status.UP, Status.DEGRADED, Status.UNKNOWN)));
        assertEquals(Status.UP, Status.aggregate(List.of(Status.UNKNOWN, Status.UP)));
        assertEquals(Status.UNKNOWN, Status.aggregate(List.of()));
    }

    @Test
    void aDeploymentRejectsDuplicateIdsAndDanglingDependencies() {
        Service a = Service.http("a", "http://127.0.0.1:1/");
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> new Deployment("d", List.of(a, a)));
        assertTrue(dup.getMessage().contains("duplicate service id 'a'"), dup.getMessage());

        Service b = Service.builder("b", "http://127.0.0.1:2/").critical().dependsOn("zzz").build();
        IllegalArgumentException dangling = assertThrows(IllegalArgumentException.class,
                () -> new Deployment("d", List.of(a, b)));
        assertTrue(dangling.getMessage().contains("'zzz'"), dangling.getMessage());
    }

    @Test
    void dependentsFollowTheTopology() {
        Service db = Service.http("db", "http://127.0.0.1:1/");
        Service api = Service.builder("api", "http://127.0.0.1:2/").name("API").critical().dependsOn("db").build();
        Deployment d = new Deployment("d", List.of(db, api));
        assertEquals(List.of(api), d.dependents("db"));
        assertEquals("API", d.service("api").orElseThrow().capability(), "capability defaults to the name");
    }

    @Test
    void theBuiltInVocabularyMatchesDesignAndRejectsMalformedIds() {
        assertEquals(22, CauseId.BUILT_IN.size());
        assertEquals("build.dockerfile", CauseId.BUILT_IN.get(0).value());
        assertThrows(IllegalArgumentException.class, () -> CauseId.of("Build Dockerfile"));
    }

    @Test
    void anAssessmentCannotClaimMoreThanCertainty() {
        RankedCause a = new RankedCause(CauseId.BUILD_DOCKERFILE, "t", 0.7, Confidence.HIGH, "", List.of(), List.of());
        RankedCause b = new RankedCause(CauseId.PLATFORM_QUOTA, "t", 0.4, Confidence.LOW, "", List.of(), List.of());
        GateDecision gate = new GateDecision(GateDecision.Verdict.OPEN, 100, List.of());
        assertThrows(IllegalArgumentException.class, () -> Assessment.builder("d", Instant.EPOCH, gate)
                .schemaVersion("1.0")
                .causes(List.of(a, b)).build());
        assertThrows(IllegalArgumentException.class,
                () -> new RankedCause(CauseId.UNKNOWN, "t", 1.2, Confidence.LOW, "", List.of(), List.of()));
    }

    @Test
    void expectationsAcceptAny2xxOr3xxUnlessCodesAreListed() {
        assertTrue(Expectations.DEFAULT.accepts(204));
        assertTrue(!Expectations.DEFAULT.accepts(503));
        Expectations only200 = Expectations.builder().statusCodes(200).maxLatency(Duration.ofMillis(300)).build();
        assertTrue(only200.accepts(200));
        assertTrue(!only200.accepts(204));
    }

    @Test
    void thePipelineProbesThenDiagnosesWithTheClocksInstant() {
        Deployment d = new Deployment("d", List.of(Service.http("a", "http://127.0.0.1:1/")));
        Observation seen = new Observation.ProbeFailure("a", Source.HTTP, "http://127.0.0.1:1/",
                FailureKind.CONNECTION_REFUSED, "refused", null, Duration.ofMillis(3), 1);
        ProbeExecutor executor = probes -> List.of(seen);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Diagnoser diagnoser = (dep, obs, at) -> Assessment.builder(dep.name(), at,
                new GateDecision(GateDecision.Verdict.BLOCKED, 0, List.of())).observations(obs).build();
        Assessment result = new Assessor(executor, diagnoser, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .run(d, List.of());
        assertEquals(now, result.generatedAt());
        assertEquals(List.of(seen), result.observations());
        assertEquals(2, result.gate().status().exitCode());
    }

    @Test
    void aServiceIsBuiltFromItsRequiredPartsAndNamedOptions() {
        Service tools = Service.builder("tools", "tcp://db.internal:5432").kind(ServiceKind.TCP).critical()
                .dependsOn("api", "db").capability("Tools")
                .expect(Expectations.builder().statusCodes(200, 204).healthPath("/health").build()).build();
        assertEquals(ServiceKind.TCP, tools.kind());
        assertTrue(tools.critical());
        assertEquals(List.of("api", "db"), tools.dependsOn());
        assertEquals("tools", tools.name(), "name defaults to the id");
        assertEquals("Tools", tools.capability());
        assertEquals(List.of(200, 204), tools.expect().statusCodes());
        assertEquals("/health", tools.expect().healthPath());
        Service plain = Service.http("api", "https://api.example.com/");
        assertEquals(Service.builder("api", "https://api.example.com/").build(), plain);
        assertTrue(!plain.critical());
        assertEquals(Expectations.DEFAULT, plain.expect());
    }
}
