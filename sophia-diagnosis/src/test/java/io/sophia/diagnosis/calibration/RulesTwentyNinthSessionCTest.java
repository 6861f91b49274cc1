package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consequence rules of rules29c (session 29), each read on the tuning scenario it came from and on the same
 * scenario edited so that the rule no longer holds: a web dyno's R14 while its service answers (p137-38), and a
 * registry mirror's error status beside the primary registry's own refusal (p138-37).
 */
class RulesTwentyNinthSessionCTest {

    @Test
    void aWebDynosR14WhileItsServiceAnswersExplainsNoFailure(@TempDir Path dir) throws Exception {
        Path original = file("p137-38-");
        Assessment answers = diagnose(original);
        assertTrue(p(answers, "app.oom") < 0.1, "the app answers 200 and R14 kills nothing: " + p(answers, "app.oom"));
        Assessment timesOut = diagnose(edited(dir, original,
                "http: {status: 200, latencyMs: 310, body: '[{\"id\":1,\"text\":\"hello\"}]'}",
                "http: {failure: READ_TIMEOUT, latencyMs: 30000}"));
        assertEquals(CauseId.of("app.oom"), timesOut.topCause().orElseThrow().id(),
                "with the app not answering, the swapping dyno is the failure again");
    }

    @Test
    void aMirrorsErrorStatusGivesWayToThePrimaryRegistrysAnswer(@TempDir Path dir) throws Exception {
        Path original = file("p138-37-");
        Assessment refused = diagnose(original);
        assertEquals(CauseId.of("image.not-found"), refused.topCause().orElseThrow().id());
        assertTrue(p(refused, "registry.unavailable") < 0.1, "only the mirror answered 500: "
                + p(refused, "registry.unavailable"));
        Assessment primaryFails = diagnose(edited(dir, original,
                "in docker.io/bitnami/bitnami-shell: requested access to the resource is denied",
                "in docker.io/bitnami/bitnami-shell: received unexpected HTTP status: 503 Service Unavailable"));
        assertEquals(CauseId.of("registry.unavailable"), primaryFails.topCause().orElseThrow().id(),
                "with Docker Hub itself answering 503, the registry is failing");
    }
}
