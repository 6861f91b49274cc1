package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A machine's exit detail is read as the log indications read a line: the app's own words for why it stopped count
 * whether a log or the platform's event carries them. Read on h17-06 (a Fly app whose machines exit with Neon's "No
 * database connection string was provided to `neon()`. Perhaps an environment variable has not been set?",
 * neondatabase/serverless) and on the same fleet with the detail replaced by words no indication reads, and by a
 * wrapper's ("Exited with status 1": says a process ended, not why).
 */
class ExitDetailReadingTest {

    private static final String NEON = "error: No database connection string was provided to `neon()`. Perhaps an "
            + "environment variable has not been set?";

    private static Path variant(Path dir, Path original, String detail) throws Exception {
        String text = Files.readString(original);
        String changed = text.replace(NEON, detail);
        assertNotEquals(text, changed, "the fixture carries Neon's words in its exit details");
        Files.createDirectories(dir);
        Path copy = dir.resolve(original.getFileName());
        Files.writeString(copy, changed);
        return copy;
    }

    @Test
    void theAppsWordsInAnExitDetailAreReadAsItsLogLineWouldBe(@TempDir Path dir) throws Exception {
        Path original = file("h17-06-");
        Assessment read = diagnose(original);
        assertEquals(CauseId.of("config.missing-secret"), read.topCause().orElseThrow().id());
        assertTrue(read.causes().get(0).evidence().stream().anyMatch(e -> String.valueOf(e.ruleId()).endsWith("/exit-detail-indication")),
                "the exit detail is the evidence: " + read.causes().get(0).evidence());

        Assessment silent = diagnose(variant(dir.resolve("a"), original, "Main child exited normally with code: 1"));
        assertTrue(p(silent, "config.missing-secret") < p(read, "config.missing-secret") / 3,
                "without the app's words the secret is no longer read: " + p(silent, "config.missing-secret"));

        Assessment wrapped = diagnose(variant(dir.resolve("b"), original, "==> Exited with status 1"));
        assertTrue(wrapped.causes().stream().flatMap(c -> c.evidence().stream())
                        .noneMatch(e -> String.valueOf(e.ruleId()).endsWith("/exit-detail-indication")),
                "a wrapper's words in an exit detail are no evidence");
    }
}
