package io.sophia.diagnosis.calibration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider's status page probed like a service (Statuspage's status.json) that reports a major incident is the
 * provider's own word that it is failing (platform.outage/status-page-incident, session 16); the same page reporting
 * nothing adds nothing. Read on h25-39, two sites on one provider failing with its status page showing an incident, and on it edited.
 */
class StatusPageIncidentTest {

    @Test
    void aMajorIncidentOnTheProvidersStatusPageRaisesAnOutageAndAQuietPageDoesNot(@TempDir Path dir) throws Exception {
        Path original = file("h25-39-");
        double major = p(diagnose(original), "platform.outage");
        double quiet = p(diagnose(edited(dir, original, "\"indicator\":\"major\"", "\"indicator\":\"none\"")),
                "platform.outage");
        assertTrue(major > quiet + 0.1, "major " + major + " vs none " + quiet);
    }
}
