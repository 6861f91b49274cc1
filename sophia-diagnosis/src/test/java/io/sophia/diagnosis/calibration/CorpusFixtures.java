package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.RankedCause;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.diagnosis.LogScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A labelled scenario of the corpus as a test's fixture: found by its id's prefix, diagnosed with the built-in rules as
 * the CLI would, and read for one cause's probability (tests that also diagnose a copy edited on disk).
 */
final class CorpusFixtures {

    private CorpusFixtures() {
    }

    /** {@return the corpus file whose name starts with {@code idPrefix} ("h13-15-")} */
    static Path file(String idPrefix) throws IOException {
        try (var files = Files.list(ScenarioLoader.corpusDirectory())) {
            return files.filter(f -> f.getFileName().toString().startsWith(idPrefix)).findFirst().orElseThrow();
        }
    }

    /** {@return the assessment of the scenario in {@code file}, its logs read by the built-in scanner} */
    static Assessment diagnose(Path file) throws Exception {
        Scenario s = ScenarioLoader.with(LogScanner.builtIn()).load(file);
        return Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
    }

    /**
     * {@return a copy of {@code original} in {@code dir} with {@code from} replaced by {@code to}} The copy keeps the
     * file's name (a scenario's id is its file name); the fixture must contain {@code from}.
     */
    static Path edited(Path dir, Path original, String from, String to) throws IOException {
        String text = Files.readString(original);
        String changed = text.replace(from, to);
        org.junit.jupiter.api.Assertions.assertNotEquals(text, changed, "the fixture " + original.getFileName() + " has " + from);
        Path copy = dir.resolve(original.getFileName());
        Files.writeString(copy, changed);
        return copy;
    }

    /** {@return the probability {@code a} gives {@code cause}, 0 when it does not rank it} */
    static double p(Assessment a, String cause) {
        return a.causes().stream().filter(c -> c.id().value().equals(cause)).mapToDouble(RankedCause::probability)
                .findFirst().orElse(0);
    }
}
