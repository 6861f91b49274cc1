package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthyFleetTest {

    @Test
    void withNothingFailingThereIsNothingToExplainAndTheGateIsOpen() {
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), Fleet.allHealthy(Fleet.reference()), Fleet.NOW);
        assertTrue(a.causes().isEmpty(), "causes: " + a.causes());
        assertTrue(a.anomalies().isEmpty());
        assertTrue(a.actions().isEmpty(), "actions: " + a.actions());
        assertEquals(GateDecision.Verdict.OPEN, a.gate().status());
        assertEquals(100.0, a.gate().score());
        assertEquals(Impact.Severity.NONE, a.impact().severity());
        assertEquals(100.0, a.impact().availabilityPercent());
        assertTrue(a.services().stream().allMatch(s -> s.status() == Status.UP));
    }

    @Test
    void healthyServicesWithoutAnyCiRunAreStillNothingToExplain() {
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(),
                Fleet.reference().services().stream().map(s -> (io.sophia.core.Observation) Fleet.up(s.id())).toList(),
                Fleet.NOW);
        assertTrue(a.causes().isEmpty());
        assertEquals(GateDecision.Verdict.OPEN, a.gate().status());
        assertEquals("no CI run observed", a.gate().criteria().get(1).value());
    }

    @Test
    void aServiceWithoutObservationsIsUnknownAndTheGateWarnsOrBlocks() {
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), List.of(Fleet.up("dashboard")), Fleet.NOW);
        assertEquals(Status.UNKNOWN, a.service("jobs").orElseThrow().status());
        assertEquals("not probed", a.service("jobs").orElseThrow().failure());
        assertEquals(GateDecision.Verdict.BLOCKED, a.gate().status(), "critical services not known to be UP block");
    }
}
