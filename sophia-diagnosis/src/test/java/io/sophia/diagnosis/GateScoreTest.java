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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keptn-style score thresholds: off by default, and when on, the score decides too. */
class GateScoreTest {

    /** dashboard critical, jobs not critical. */
    private static Deployment mixed() {
        return new Deployment("mixed", List.of(
                Fleet.service("dashboard", "Dashboard", "AI Dashboard", ServiceKind.HTTP),
                Service.builder("jobs", "https://jobs/health").name("Jobs").capability("Background Jobs").build()));
    }

    private static Assessment diagnose(GatePolicy policy, List<Observation> o) {
        return Diagnosis.builder().gatePolicy(policy).build().diagnose(mixed(), o, Fleet.NOW);
    }

    /** Three non-key criteria fail: jobs down, GitHub unreadable, a certificate about to expire (6 of 9 = 66.7 %). */
    private static List<Observation> threeOtherFailures() {
        return List.of(Fleet.up("dashboard"), Fleet.refused("jobs"),
                Fleet.failure(null, "github", FailureKind.UNAUTHORIZED, 401, "401 Bad credentials"),
                new Observation.TlsHandshake("jobs", Source.TLS, "jobs", 443, "TLSv1.3", "TLS_AES_128_GCM_SHA256", "CN=jobs",
                        "CN=R11", Fleet.NOW.minusSeconds(80 * 86400), Fleet.NOW.plusSeconds(3 * 86400), 3, true, false, true,
                        2));
    }

    private static GateDecision.Criterion score(Assessment a) {
        return a.gate().criteria().stream().filter(c -> c.id().equals(GatePolicy.SCORE)).findFirst().orElseThrow();
    }

    @Test
    void byDefaultTheScoreDecidesNothingSoThreeFailedOtherCriteriaOnlyWarn() {
        assertTrue(GatePolicy.defaults().scoreThresholds().isEmpty());
        Assessment a = diagnose(GatePolicy.defaults(), threeOtherFailures());
        assertEquals(66.7, a.gate().score());
        assertEquals(GateDecision.Verdict.WARN, a.gate().status(), a.gate().criteria().toString());
        assertTrue(a.gate().criteria().stream().noneMatch(c -> c.id().equals(GatePolicy.SCORE)));
    }

    @Test
    void withKeptnThresholdsAScoreBelowWarningBlocks() {
        GatePolicy keptn = GatePolicy.fromMap(Map.of("score", true));
        assertEquals(GatePolicy.ScoreThresholds.KEPTN, keptn.scoreThresholds().orElseThrow());
        Assessment a = diagnose(keptn, threeOtherFailures());
        assertEquals(GateDecision.Verdict.BLOCKED, a.gate().status());
        GateDecision.Criterion s = score(a);
        assertEquals(GateDecision.Outcome.FAIL, s.outcome());
        assertTrue(s.key());
        assertEquals(0.0, s.weight());
        assertEquals("66.7 %", s.value());
        assertEquals("pass at 90.0 %, warning at 75.0 %", s.threshold());
        // the score criterion does not count in the score it judges
        assertEquals(66.7, a.gate().score());
        assertTrue(a.actions().stream().anyMatch(x -> x.title().equals("Hold the release") && x.detail().contains("score")));
    }

    @Test
    void withKeptnThresholdsOneFailedOtherCriterionStillOnlyWarns() {
        // 8 of 9 = 88.9 %: below pass (warn), above warning (no block), as DESIGN.md's default gate says
        Assessment a = diagnose(GatePolicy.builder().scoreThresholds(90, 75).build(),
                List.of(Fleet.up("dashboard"), Fleet.refused("jobs"), Fleet.run("success")));
        assertEquals(88.9, a.gate().score());
        assertEquals(GateDecision.Outcome.WARN, score(a).outcome());
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
    }

    @Test
    void aScoreBelowPassWarnsEvenWhenNoCriterionFailed() {
        // a DEGRADED non-key service is a warning (0.5 of weight 1): 8.5 of 9 = 94.4 %; with pass at 95 the score warns
        Observation.ConditionCheck slow = new Observation.ConditionCheck("jobs", Source.HTTP, "[BODY].queue < 100", false, "5000");
        Assessment lenient = diagnose(GatePolicy.builder().scoreThresholds(90, 75).build(),
                List.of(Fleet.up("dashboard"), Fleet.up("jobs"), slow, Fleet.run("success")));
        assertEquals(94.4, lenient.gate().score());
        assertEquals(GateDecision.Outcome.PASS, score(lenient).outcome());
        Assessment strict = diagnose(GatePolicy.fromMap(Map.of("score", Map.of("pass", 95, "warning", 50))),
                List.of(Fleet.up("dashboard"), Fleet.up("jobs"), slow, Fleet.run("success")));
        assertEquals(GateDecision.Outcome.WARN, score(strict).outcome());
        assertEquals(GateDecision.Verdict.WARN, strict.gate().status());
    }

    @Test
    void allPassingWithThresholdsOpens() {
        Assessment a = diagnose(GatePolicy.fromMap(Map.of("score", Map.of("pass", 90, "warning", 75))),
                List.of(Fleet.up("dashboard"), Fleet.up("jobs"), Fleet.run("success")));
        assertEquals(GateDecision.Verdict.OPEN, a.gate().status());
        assertEquals(GateDecision.Outcome.PASS, score(a).outcome());
    }

    @Test
    void badScoreSettingsNameTheirKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatePolicy.fromMap(Map.of("score", Map.of("pass", 70, "warning", 80))));
        assertTrue(e.getMessage().contains("gate.score.warning"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GatePolicy.fromMap(Map.of("score", Map.of("passs", 90))));
        assertTrue(e.getMessage().contains("gate.score.passs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GatePolicy.fromMap(Map.of("score", Map.of("pass", 120))));
        assertTrue(e.getMessage().contains("gate.score.pass"), e.getMessage());
        assertFalse(GatePolicy.fromMap(Map.of("score", false)).scoreThresholds().isPresent());
        assertFalse(GatePolicy.fromMap(Map.of("score", Map.of("enabled", false))).scoreThresholds().isPresent());
    }
}
