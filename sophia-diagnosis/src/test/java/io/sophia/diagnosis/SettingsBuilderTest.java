package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Issue 12: a host tunes the diagnosis by naming the settings it changes, not through twelve positional numbers. */
class SettingsBuilderTest {

    @Test
    void theBuilderStartsFromTheDefaultsAndChangesOnlyWhatItIsTold() {
        KnowledgeBase.Settings d = KnowledgeBase.Settings.DEFAULTS;
        KnowledgeBase.Settings s = KnowledgeBase.Settings.builder().unknownPrior(0.1).evidenceScale(1.5)
                .sourceCaps(List.of(0.6, 0.85, 0.97)).build();

        assertEquals(d, KnowledgeBase.Settings.builder().build());
        assertEquals(new KnowledgeBase.Settings(0.1, d.unexplainedLr(), d.floor(), d.aggregationBonus(),
                d.aggregationCap(), d.silentLr(), 1.5, d.unknownFloor(), List.of(0.6, 0.85, 0.97), Set.of(), 0,
                Set.of()), s);
        assertEquals(0.85, s.cap(1));
    }

    @Test
    void toBuilderKeepsEveryPartAndCalibrationChangesOnlyItsOwn() {
        KnowledgeBase.Settings builtIn = KnowledgeBase.builtIn().settings();
        assertEquals(builtIn, builtIn.toBuilder().build());

        KnowledgeBase.Settings refit = builtIn.withCalibration(2.0, List.of(0.5, 0.9), 0.95, Set.of("npm.e404"));
        assertNotEquals(builtIn, refit);
        assertEquals(builtIn.toBuilder().evidenceScale(2.0).sourceCaps(List.of(0.5, 0.9)).provenCap(0.95)
                .provenEvidence(Set.of("npm.e404")).build(), refit);
        assertEquals(builtIn.wrappers(), refit.wrappers());
        assertEquals(builtIn.unknownPrior(), refit.unknownPrior());
    }
}
