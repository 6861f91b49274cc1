package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.RankedCause;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.diagnosis.LogScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform's private name resolves only while the app has a started machine: a dependency whose machines are all
 * stopped loses its name because it is down, so the name failing is its consequence, not a DNS fault; and a line of a
 * platform machine's own log (printed by fly logs) is no CI runner's full disk. Read on h13-15 (a Fly Postgres app
 * whose only machine stopped after its disk filled) and on the same fleet with that machine started.
 */
class StoppedAppNameTest {

    private static double p(Assessment a, String cause) {
        return a.causes().stream().filter(c -> c.id().value().equals(cause)).mapToDouble(RankedCause::probability)
                .findFirst().orElse(0);
    }

    private static Assessment diagnose(Path file) throws Exception {
        Scenario s = ScenarioLoader.with(LogScanner.builtIn()).load(file);
        return Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
    }

    @Test
    void aDependencyWithoutAStartedMachineLosesItsNameBecauseItIsDown(@TempDir Path dir) throws Exception {
        Path original;
        try (var files = Files.list(ScenarioLoader.corpusDirectory())) {
            original = files.filter(f -> f.getFileName().toString().startsWith("h13-15-")).findFirst().orElseThrow();
        }
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
