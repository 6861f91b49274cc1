package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.FailureKind;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnusualInputTest {

    @Test
    void observationsFullOfNullsAndUnknownServicesDoNotBreakTheDiagnosis() {
        List<Observation> o = new ArrayList<>();
        o.add(new Observation.ProbeFailure("ghost", null, null, null, null, null, null, 0));
        o.add(new Observation.ProbeFailure(null, Source.FLY, null, FailureKind.SERVER_ERROR, null, 500, null, 1));
        o.add(Observation.HttpCheck.builder("dashboard", Source.HTTP, null, 200).build());
        o.add(new Observation.CiRun(null, Source.GITHUB, null, 0, null, null, null, null, null, null, 0, null, null, null));
        o.add(new Observation.CiJob("dashboard", Source.GITHUB, 0, 0, null, null, "failure", 0, null, null, null, null,
                List.of(new Observation.CiStep(1, null, null, "failure", null, null)), null));
        o.add(new Observation.LogFinding("nobody", Source.GITHUB, 0, null, null, 0, null, null, null, null, Double.NaN));
        o.add(Observation.PlatformMachine.builder("jobs", Source.FLY, null, null)
                .events(List.of(new Observation.MachineEvent(null, null, null, null, null, null, null))).build());
        o.add(new Observation.CiAnnotation(null, Source.GITHUB, 9, null, null, null, null, null));
        o.add(null);
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertTrue(a.causes().stream().mapToDouble(c -> c.probability()).sum() <= 1.0);
        assertEquals(GateDecision.Verdict.BLOCKED, a.gate().status());
        assertEquals(8, a.observations().size(), "the null is dropped, everything else kept");
    }

    @Test
    void nullArgumentsAreRejectedAtOnce() {
        assertThrows(NullPointerException.class, () -> Diagnosis.ofDefaults().diagnose(null, List.of(), Fleet.NOW));
        assertThrows(NullPointerException.class, () -> Diagnosis.ofDefaults().diagnose(Fleet.reference(), List.of(), null));
    }

    @Test
    void theOrderOfObservationsDoesNotChangeTheCauses() {
        List<Observation> o = new ArrayList<>(Fleet.referenceObservations());
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        Collections.shuffle(o, new Random(7));
        Assessment b = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals(a.causes(), b.causes());
        assertEquals(a.gate(), b.gate());
        assertEquals(a.impact(), b.impact());
    }

    @Test
    void aGateCanBlockOnACauseAboveAProbability() {
        Diagnosis d = Diagnosis.builder().gatePolicy(GatePolicy.builder().requireNoCauseAbove(0.5, true, 1).build()).build();
        Assessment a = d.diagnose(Fleet.reference(), Fleet.referenceObservations(), Fleet.NOW);
        GateDecision.Criterion c = a.gate().criteria().stream()
                .filter(x -> x.id().equals(GatePolicy.MAX_CAUSE_PROBABILITY)).findFirst().orElseThrow();
        assertEquals(GateDecision.Outcome.FAIL, c.outcome());
        assertTrue(c.value().matches("build\\.dockerfile at [5-9]\\d%"), c.value());
        assertEquals("at most 50%", c.threshold());
    }
}
