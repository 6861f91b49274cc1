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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform's private name resolves only while the app has a started machine: a dependency whose machines are all
 * stopped loses its name because it is down, so the name failing is its consequence, not a DNS fault; and a line of a
 * platform machine's own log (printed by fly logs) is no CI runner's full disk. Read on h13-15 (a Fly Postgres app
 * whose only machine stopped after its disk filled) and on the same fleet with that machine started.
 */
class StoppedAppNameTest {

    @Test
    void aDependencyWithoutAStartedMachineLosesItsNameBecauseItIsDown(@TempDir Path dir) throws Exception {
        Path original = file("h13-15-");
        Assessment stopped = diagnose(original);
        assertEquals(CauseId.of("dependency.down"), stopped.topCause().orElseThrow().id());
        assertTrue(p(stopped, "ci.runner") < 0.05, "the database machine's full disk is no runner's: " + p(stopped, "ci.runner"));

        String text = Files.readString(original);
        String started = text.replace("        state: stopped\n", "        state: started\n");
        assertTrue(!started.equals(text), "the fixture has the database machine stopped");
        Path copy = dir.resolve(original.getFileName());
        Files.writeString(copy, started);
        Assessment running = diagnose(copy);
        assertTrue(p(running, "network.dns") > p(stopped, "network.dns") * 3, "with a started machine the name failing "
                + "is evidence again: " + p(running, "network.dns") + " vs " + p(stopped, "network.dns"));
    }
}
