package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's error answer is read as its log line would be (the engine rule answer-indication): MySQL's "Access denied
 * for user ... (using password: NO)" in a 500's body names a missing secret (p36-38, whose log has no such line), while
 * a general shape ("Internal Server Error") in a body says nothing a status code does not; and the edge's own branded
 * 500 page names the edge (p36-31).
 */
class AnswerBodyReadingTest {

    private static boolean weighs(Assessment a, String cause, String ruleId) {
        return a.causes().stream().filter(c -> c.id().value().equals(cause)).flatMap(c -> c.evidence().stream())
                .anyMatch(e -> e.ruleId().equals(cause + "/" + ruleId));
    }

    @Test
    void anErrorAnswersBodyIsReadAsTheAppsOwnLine(@TempDir Path dir) throws Exception {
        // p36-38 without MySQL's own log lines: the words are then only in the app's answer
        Path original = file("p36-38-");
        String text = Files.readString(original);
        String answerOnly = java.util.Arrays.stream(text.split("\n", -1))
                .filter(l -> !(l.startsWith("        ") && l.contains("(using password: NO)")))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertNotEquals(text, answerOnly, "the fixture's log has MySQL's lines");
        assertTrue(answerOnly.contains("(using password: NO)"), "the answer keeps the words");
        Path copy = dir.resolve(original.getFileName());
        Files.writeString(copy, answerOnly);
        Assessment read = diagnose(copy);
        assertEquals(CauseId.of("config.missing-secret"), read.topCause().orElseThrow().id(), read.causes().toString());
        assertTrue(weighs(read, "config.missing-secret", "answer-indication"), read.causes().toString());

        Path plainCopy = Files.createDirectories(dir.resolve("plain")).resolve(original.getFileName());
        Files.writeString(plainCopy, answerOnly.replace(
                "body: 'SQLSTATE[HY000] [1045] Access denied for user ''root''@''172.18.0.1'' (using password: NO)'",
                "body: 'Internal Server Error'"));
        Assessment general = diagnose(plainCopy);
        assertTrue(general.causes().stream().flatMap(c -> c.evidence().stream())
                .noneMatch(e -> e.ruleId().endsWith("/answer-indication")), general.causes().toString());
        assertTrue(p(general, "config.missing-secret") < 0.1, "nothing names a secret: " + p(general, "config.missing-secret"));
    }

    @Test
    void theEdgesOwnBrandedErrorPageNamesTheEdge(@TempDir Path dir) throws Exception {
        Path original = file("p36-31-");
        Assessment branded = diagnose(original);
        assertEquals(CauseId.of("platform.outage"), branded.topCause().orElseThrow().id(), branded.causes().toString());
        assertTrue(weighs(branded, "platform.outage", "edge-own-error-page"), branded.causes().toString());
        Assessment plain = diagnose(edited(dir, original, "<center>cloudflare</center>", "<center>nginx</center>"));
        assertTrue(p(plain, "platform.outage") < p(branded, "platform.outage") / 2,
                "an origin's own 500 page says nothing of the edge: " + p(plain, "platform.outage"));
    }
}
