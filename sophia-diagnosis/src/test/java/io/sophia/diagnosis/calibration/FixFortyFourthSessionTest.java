package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Status;
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
 * What session 44 mended when h149- to h152- were consumed and the whole-corpus refit fell from evidence scale 2.7 to
 * 1.4: h150-34's database answered its TCP probe and its log, looked at on the host, ended "ready for connections", yet
 * the look (a record of kind OTHER) made it DOWN, so the app's "getaddrinfo for database failed: Temporary failure in
 * name resolution" was read as the name of a down dependency and dependency.down was stated at 0.95.
 */
class FixFortyFourthSessionTest {

    @Test
    void aLookOnTheHostThatReadsNoFailureDoesNotMakeAnAnsweringServiceDown(@TempDir Path dir) throws Exception {
        Path original = file("h150-34-");
        Assessment a = diagnose(original);
        assertEquals(Status.UP, a.service("database").orElseThrow().status(), a.services().toString());
        assertTrue(p(a, "dependency.down") < 0.5, "an answering database is not the down dependency: " + a.causes());
        // the same look without the TCP answer: nothing says the database is reachable, and the look stays evidence
        Path unanswered = edited(dir, original, "tcp: {latencyMs: 1}", "tcp: {failure: CONNECT_TIMEOUT}");
        Assessment b = diagnose(unanswered);
        assertEquals(Status.DOWN, b.service("database").orElseThrow().status(), b.services().toString());
    }

    @Test
    void aLookThatReadsOnlyTheHealthCheckFailingIsDegradedWhateverKindItIsFiledWith(@TempDir Path dir) throws Exception {
        // review 44: p199-26's Docker health log ('exec: "curl": executable file not found') filed as a server error made
        // the answering Keycloak DEGRADED; filed as OTHER it made it DOWN
        Path original = file("p199-26-");
        assertEquals(Status.DEGRADED, diagnose(original).service("keycloak").orElseThrow().status());
        Path other = edited(dir, original, "  kind: SERVER_ERROR", "  kind: OTHER");
        Assessment a = diagnose(other);
        assertEquals(Status.DEGRADED, a.service("keycloak").orElseThrow().status(), a.services().toString());
    }

    @Test
    void aLookOnTheHostThatReadsAFailureStillCountsBesideAnAnswer() throws Exception {
        // p89-38: TimescaleDB answers TCP while its log says "the database system is starting up ... rejecting
        // connections": the look reads a failure, so the database is DOWN and the API behind it its victim
        Assessment a = diagnose(file("p89-38-"));
        assertEquals(Status.DOWN, a.service("timescale").orElseThrow().status(), a.services().toString());
        assertEquals(CauseId.of("dependency.down"), a.topCause().orElseThrow().id(), a.causes().toString());
    }
}
