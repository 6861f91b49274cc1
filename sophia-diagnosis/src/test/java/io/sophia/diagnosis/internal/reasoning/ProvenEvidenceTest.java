package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap of one source depends on the evidence behind it: proven evidence may reach {@code provenCap}. */
class ProvenEvidenceTest {

    private static final Knowledge.CompiledSettings SETTINGS = new Knowledge.CompiledSettings(0.08, 6, 0.01, 0.5, 2, 0.15, 2.4, 0.01,
            List.of(0.49, 0.9, 0.97, 0.99), Set.of(), 0.97, Set.of("registry.unauthorized"));

    /** A cause with strong evidence (ln LR 8), {@code sources} sources named by {@code keys}, and unknown. */
    private static double top(int sources, Set<String> keys) {
        List<Calibration.Term> terms = List.of(
                new Calibration.Term(CauseId.REGISTRY_AUTH, 0.05, 8, sources, true, keys),
                new Calibration.Term(CauseId.BUILD_DOCKERFILE, 0.08, 0, 0, false, Set.of()),
                new Calibration.Term(CauseId.UNKNOWN, 0.08, 0, 0, true, Set.of()));
        double[] p = Calibration.probabilities(terms, SETTINGS);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
        return p[0];
    }

    @Test
    void oneSourceReachesTheProvenCapOnlyWhenItsEvidenceIsProven() {
        assertEquals(0.97, top(1, Set.of("registry.unauthorized")), 1e-9);
        assertEquals(0.97, top(1, Set.of("k8s.crash-loop", "registry.unauthorized")), 1e-9, "one proven key suffices");
        assertEquals(0.9, top(1, Set.of("k8s.crash-loop")), 1e-9, "a symptom stays at the cap of one source");
        assertEquals(0.9, top(1, Set.of()), 1e-9);
    }

    @Test
    void theProvenCapChangesNothingForNoneOrSeveralSources() {
        assertEquals(0.97, top(2, Set.of("registry.unauthorized")), 1e-9);
        assertEquals(0.99, top(3, Set.of("registry.unauthorized")), 1e-6);
        assertTrue(top(0, Set.of("registry.unauthorized")) <= 0.49 + 1e-9, "weak signals alone stay under one half");
        assertEquals(0.9, SETTINGS.cap(1, Set.of("other")), 1e-12);
        assertEquals((0.49 + 0.9) / 2, SETTINGS.cap(-1, Set.of("registry.unauthorized")), 1e-12, "a wrapper line");
    }

    @Test
    void withoutAProvenCapOneSourceIsHeldAtItsCapWhateverTheEvidence() {
        Knowledge.CompiledSettings none = new Knowledge.CompiledSettings(0.08, 6, 0.01, 0.5, 2, 0.15, 2.4, 0.01,
                List.of(0.49, 0.9, 0.97, 0.99), Set.of(), 0, Set.of("registry.unauthorized"));
        assertEquals(0.9, none.cap(1, Set.of("registry.unauthorized")), 1e-12);
    }
}
