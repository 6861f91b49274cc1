package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.ServiceHealth;
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
 * What session 43 mended when the tuning sets p196- and p197- arrived and the whole-corpus refit fell from evidence scale
 * 2.7 to 1.4: h122-18's person's cancel of a job that had waited three hours for a runner, stated a cancel at 0.95 once
 * the queue's wording was unseen (the cancel's annotation and the conclusion counted as two sources), and p197-09's
 * worker machines a deploy left stopped, their checks critical, while the web machine answered: nothing was seen failing,
 * so "unknown" took all the probability, 1.0, for a scenario labelled with a cause; p199-27 the same, every check of
 * every started machine critical while the service answered.
 */
class FixFortyThirdSessionTest {

    @Test
    void aPersonsCancelAndTheCancelledConclusionAreOneSource(@TempDir Path dir) throws Exception {
        // h122-18 without the queue lines that make its job one that waited for a runner: what is left is a cancelled
        // job with a person's annotation, the CI's one record of one cancel, held at the one-source cap
        Path original = file("h122-18-");
        Path unqueued = edited(dir, original, "Job is waiting for a hosted runner to come online.", "Preparing workflow");
        Assessment a = diagnose(unqueued);
        assertEquals(CauseId.of("ci.cancelled"), a.topCause().orElseThrow().id(), a.causes().toString());
        assertTrue(p(a, "ci.cancelled") <= 0.9 + 1e-9, "one record of one cancel: " + a.causes());
    }

    @Test
    void machinesADeployLeftStoppedWithACriticalCheckAreSomethingToExplain(@TempDir Path dir) throws Exception {
        Path original = file("p197-09-");
        Assessment a = diagnose(original);
        ServiceHealth registry = a.service("registry").orElseThrow();
        assertEquals(Status.DEGRADED, registry.status(), registry.toString());
        assertTrue(p(a, "unknown") < 0.9, "nothing specific read is no certainty: " + a.causes());
        // review 43: Fly reports every stopped machine's check as critical; a machine the proxy's auto-stop stopped (its
        // last event the probe's exit for a requested stop) or one without events is an idle machine, not a down one
        String updated = "    - type: update\n      status: stopped\n      detail: process group worker; replaced by rolling deploy";
        for (String stop : java.util.List.of(
                "    - type: exit\n      status: stopped\n      exitCode: 0\n      detail: requested_stop",
                "    - type: launch\n      status: created\n    - type: update\n      status: stopped\n"
                        + "      detail: process group worker; replaced by rolling deploy\n    - type: start\n      status: started\n"
                        + "    - type: exit\n      status: stopped\n      exitCode: 0\n      detail: requested_stop")) {
            Path d = java.nio.file.Files.createDirectories(dir.resolve("s" + Math.abs(stop.hashCode())));
            Assessment idle = diagnose(edited(d, original, "    - type: launch\n      status: created\n" + updated, stop));
            assertEquals(Status.UP, idle.service("registry").orElseThrow().status(), stop + ": " + idle.services());
        }
        String text = java.nio.file.Files.readString(original);
        String noEvents = text.replace("    events:\n    - type: launch\n      status: created\n" + updated + "\n", "");
        org.junit.jupiter.api.Assertions.assertNotEquals(text, noEvents);
        Path d = java.nio.file.Files.createDirectories(dir.resolve("none"));
        java.nio.file.Files.writeString(d.resolve(original.getFileName()), noEvents);
        Assessment unknownStops = diagnose(d.resolve(original.getFileName()));
        assertEquals(Status.UP, unknownStops.service("registry").orElseThrow().status(), unknownStops.services().toString());
    }

    @Test
    void everyCheckOfEveryStartedMachineCriticalIsSomethingToExplainThoughTheServiceAnswers(@TempDir Path dir)
            throws Exception {
        // p199-27 (keycloak#10559): Keycloak 17 answers its realm, while Fly's check asks the old health path and gets 404
        Path original = file("p199-27-");
        Assessment a = diagnose(original);
        assertEquals(Status.DEGRADED, a.service("keycloak").orElseThrow().status(), a.services().toString());
        assertTrue(p(a, "unknown") < 0.9, "the platform's critical checks are no certainty: " + a.causes());
        // one machine's check passing: the platform sees the service up on it (p119-14: an agent's own check failing
        // beside the service's passing one)
        String text = java.nio.file.Files.readString(original);
        int second = text.indexOf("      status: critical", text.indexOf("148e2b6fa35d90"));
        String passing = text.substring(0, second) + "      status: passing" + text.substring(second + "      status: critical".length());
        Path d = java.nio.file.Files.createDirectories(dir.resolve("passing"));
        java.nio.file.Files.writeString(d.resolve(original.getFileName()), passing);
        Assessment one = diagnose(d.resolve(original.getFileName()));
        assertEquals(Status.UP, one.service("keycloak").orElseThrow().status(), one.services().toString());
    }
}
