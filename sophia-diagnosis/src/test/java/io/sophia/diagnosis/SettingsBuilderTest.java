package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void aHostGetsTheRangesARuleFileGets() {
        KnowledgeBase.Settings.Builder b = KnowledgeBase.Settings.builder();

        assertEquals("must be a probability in (0, 1), was 1.5",
                assertThrows(IllegalArgumentException.class, () -> b.unknownPrior(1.5)).getMessage());
        assertEquals("must be in [0, 0.5), was 0.7",
                assertThrows(IllegalArgumentException.class, () -> b.unknownFloor(0.7)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.evidenceScale(0));
        assertThrows(IllegalArgumentException.class, () -> b.aggregationCap(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.unexplainedLr(2e6));
        // the source caps a rule file refuses (each in (0, 1], rising, at most 20) are refused in code too
        assertEquals("cap 1 must be in (0, 1], was 1.5",
                assertThrows(IllegalArgumentException.class, () -> b.sourceCaps(List.of(0.5, 1.5))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.sourceCaps(List.of(0.9, 0.6)));
        assertThrows(IllegalArgumentException.class, () -> b.sourceCaps(List.of(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> b.sourceCaps(java.util.Arrays.asList(0.5, null)));
        assertThrows(IllegalArgumentException.class, () -> b.sourceCaps(java.util.Collections.nCopies(21, 0.9)));
        assertEquals(List.of(), b.sourceCaps(null).build().sourceCaps());
        assertEquals(KnowledgeBase.Settings.DEFAULTS, b.build(), "a refused value leaves the builder as it was");
    }

    @Test
    void aRuleFileNamesTheKeyAndLineOfAValueOutOfRange(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path rules = java.nio.file.Files.writeString(dir.resolve("team-rules.yaml"),
                "settings:\n  floor: 0.02\n  silentLr: 1.5\n");
        InputException e = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(rules));

        assertEquals("settings.silentLr", e.key());
        assertEquals(3, e.line());
        assertEquals(true, e.getMessage().contains("must be in (0, 1], was 1.5"), e.getMessage());
    }
}
