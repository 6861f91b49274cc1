package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateTest {

    /** dashboard critical, jobs not critical. */
    private static Deployment mixed() {
        return new Deployment("mixed", List.of(
                Fleet.service("dashboard", "Dashboard", "AI Dashboard", ServiceKind.HTTP),
                Service.builder("jobs", "https://jobs/health").name("Jobs").capability("Background Jobs").build()));
    }

    private static GateDecision.Criterion criterion(Assessment a, String id) {
        return a.gate().criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aFailedOtherCriterionWarnsButDoesNotBlock() {
        Assessment a = Diagnosis.ofDefaults().diagnose(mixed(),
                List.of(Fleet.up("dashboard"), Fleet.refused("jobs"), Fleet.run("success")), Fleet.NOW);
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
        assertEquals(GateDecision.Outcome.PASS, criterion(a, GatePolicy.CRITICAL_SERVICES_UP).outcome());
        GateDecision.Criterion all = criterion(a, GatePolicy.ALL_SERVICES_UP);
        assertEquals(GateDecision.Outcome.FAIL, all.outcome());
        assertEquals("1 of 2 services are not UP: jobs DOWN", all.value());
        // Keptn scoring: weights 3+3+1+1+1 = 9, one weight-1 criterion failed
        assertEquals(Math.round(8.0 / 9 * 1000) / 10.0, a.gate().score());
        assertTrue(a.anomalies().stream().anyMatch(x -> x.kind().equals("run-succeeded-service-down")));
    }

    @Test
    void aFailedKeyCriterionBlocks() {
        Assessment a = Diagnosis.ofDefaults().diagnose(mixed(),
                List.of(Fleet.refused("dashboard"), Fleet.up("jobs"), Fleet.run("success")), Fleet.NOW);
        assertEquals(GateDecision.Verdict.BLOCKED, a.gate().status());
        assertEquals("1 of 1 critical services are not UP: dashboard DOWN",
                criterion(a, GatePolicy.CRITICAL_SERVICES_UP).value());
    }

    @Test
    void anUnreadableCiSourceWarnsAndNamesTheFailure() {
        Assessment a = Diagnosis.ofDefaults().diagnose(mixed(), List.of(Fleet.up("dashboard"), Fleet.up("jobs"),
                new Observation.ProbeFailure(null, Source.GITHUB, "/repos/sophia/sophia-ai/actions/runs/1", FailureKind.UNAUTHORIZED,
                        "401 Bad credentials", 401, java.time.Duration.ofMillis(80), 1)), Fleet.NOW);
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
        assertEquals("GitHub Actions: 401 unauthorized", criterion(a, GatePolicy.SOURCES_READABLE).value());
        assertEquals("the run could not be read (see sources-readable)", criterion(a, GatePolicy.PIPELINE_SUCCEEDED).value());
        assertTrue(a.actions().stream().anyMatch(x -> x.title().equals("Restore read access to GitHub Actions")));
    }

    /**
     * A token variable of several lines is refused before any request (the probe's MISCONFIGURED failure); the
     * criterion names what to change, not "probe misconfigured" alone (found by hand in session 31: the terminal's
     * gate line was the only place a reader looked, and it did not say which variable).
     */
    @Test
    void aMisconfiguredSourceNamesWhatToChange() {
        Assessment a = Diagnosis.ofDefaults().diagnose(mixed(), List.of(Fleet.up("dashboard"), Fleet.up("jobs"),
                new Observation.ProbeFailure(null, Source.GITHUB, "/repos/sophia/sophia-ai/actions/runs/1",
                        FailureKind.MISCONFIGURED, "environment variable GH_TOK holds more than one line; a token is a "
                        + "single line (no request was sent)", null, java.time.Duration.ZERO, 0)), Fleet.NOW);
        assertEquals("GitHub Actions: misconfigured, environment variable GH_TOK holds more than one line; a token is a "
                + "single line (no request was sent)", criterion(a, GatePolicy.SOURCES_READABLE).value());
    }

    @Test
    void theBuilderTurnsCriteriaOnAndOff() {
        GatePolicy p = GatePolicy.builder()
                .requireMinAvailabilityPercent(80, true, 2)
                .requireNoCauseAbove(0.9, false, 1)
                .requireTlsValidForDays(30, false, 1)
                .disable(GatePolicy.ALL_SERVICES_UP)
                .build();
        Assessment a = Diagnosis.builder().gatePolicy(p).build().diagnose(mixed(),
                List.of(Fleet.up("dashboard"), Fleet.refused("jobs"), Fleet.run("success")), Fleet.NOW);
        assertFalse(a.gate().criteria().stream().anyMatch(c -> c.id().equals(GatePolicy.ALL_SERVICES_UP)));
        GateDecision.Criterion avail = criterion(a, GatePolicy.MIN_AVAILABILITY);
        assertEquals(GateDecision.Outcome.FAIL, avail.outcome());
        assertEquals("50.0% (1 of 2 UP)", avail.value());
        assertEquals("at least 80.0%", avail.threshold());
        assertEquals(GateDecision.Verdict.BLOCKED, a.gate().status());
    }

    @Test
    void theConfigGateSectionIsReadFromAMap() {
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("allServicesUp", false);
        gate.put("tlsExpiryDays", 30);
        gate.put("minAvailabilityPercent", Map.of("percent", 75, "key", true, "weight", 2));
        gate.put("criticalServicesUp", Map.of("weight", 5));
        gate.put("sources", List.of("github"));
        GatePolicy p = GatePolicy.fromMap(gate);
        assertFalse(p.criterion(GatePolicy.ALL_SERVICES_UP).orElseThrow().enabled());
        assertEquals(30, p.criterion(GatePolicy.TLS_NOT_EXPIRING).orElseThrow().threshold());
        GatePolicy.CriterionSpec avail = p.criterion(GatePolicy.MIN_AVAILABILITY).orElseThrow();
        assertTrue(avail.enabled() && avail.key());
        assertEquals(75, avail.threshold());
        assertEquals(5, p.criterion(GatePolicy.CRITICAL_SERVICES_UP).orElseThrow().weight());
        assertTrue(p.criterion(GatePolicy.CRITICAL_SERVICES_UP).orElseThrow().key());
        assertEquals(List.of("github"), p.sources());
        assertEquals(GatePolicy.defaults().criteria(), GatePolicy.fromMap(Map.of()).criteria());
    }

    @Test
    void anUnknownGateKeyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatePolicy.fromMap(Map.of("minAvailability", 80)));
        assertTrue(e.getMessage().startsWith("gate.minAvailability is not a gate key"), e.getMessage());
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> GatePolicy.fromMap(Map.of("tlsExpiryDays", Map.of("dayz", 3))));
        assertTrue(nested.getMessage().startsWith("gate.tlsExpiryDays.dayz is not a key"), nested.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> GatePolicy.fromMap(Map.of("maxCauseProbability", 3)));
        assertTrue(range.getMessage().contains("gate.maxCauseProbability"), range.getMessage());
    }

    @Test
    void aRunStillInProgressWarns() {
        List<Observation> o = new ArrayList<>(List.of(Fleet.up("dashboard"), Fleet.up("jobs")));
        Observation.CiRun r = Fleet.run(null);
        o.add(new Observation.CiRun(null, Source.GITHUB, r.repository(), r.runId(), r.workflowName(), r.headBranch(), r.headSha(),
                r.event(), "in_progress", null, 1, r.createdAt(), r.updatedAt(), r.htmlUrl()));
        Assessment a = Diagnosis.ofDefaults().diagnose(mixed(), o, Fleet.NOW);
        assertEquals(GateDecision.Outcome.WARN, criterion(a, GatePolicy.PIPELINE_SUCCEEDED).outcome());
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
    }
}
