package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weak signals never decide alone (issue 9): a cause resting on weak signals only does not lead over unknown, even
 * where a specific cause was argued away and took unknown's share with it; it stays first among the rest.
 */
class WeakSignalsTest {

    private static final Knowledge.CompiledSettings SETTINGS = new Knowledge.CompiledSettings(0.08, 6, 0.01, 0.5, 2, 0.15, 2.4, 0.01,
            List.of(0.49, 0.9, 0.97, 0.99), Set.of(), 0.97, Set.of());

    /** p of [specific cause argued down, weak-only cause, unknown] for the weak cause's summed ln LR. */
    private static double[] probabilities(double weakEvidence, int weakSources) {
        List<Calibration.Term> terms = List.of(
                // a build failure line read moderately (ln 15) and argued away (ln 0.1): one source, little left
                new Calibration.Term(CauseId.BUILD_DOCKERFILE, 0.08, Math.log(15) + Math.log(0.1), 1, true, Set.of()),
                new Calibration.Term(CauseId.CI_CANCELLED, 0.05, weakEvidence, weakSources, true, Set.of()),
                new Calibration.Term(CauseId.UNKNOWN, 0.08, 0, 0, true, Set.of()));
        double[] p = Calibration.probabilities(terms, SETTINGS);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        return p;
    }

    @Test
    void aCauseOnWeakSignalsOnlyDoesNotLeadOverUnknown() {
        double[] p = probabilities(Math.log(3), 0);
        assertTrue(p[2] > p[1], "unknown leads: " + java.util.Arrays.toString(p));
        assertTrue(p[1] > p[0], "the weak cause stays first among the rest: " + java.util.Arrays.toString(p));
    }

    @Test
    void theSameEvidenceFromASpecificSourceMayLead() {
        double[] p = probabilities(Math.log(3), 1);
        assertTrue(p[1] > p[2], "a specific source is not held under unknown: " + java.util.Arrays.toString(p));
    }
}
