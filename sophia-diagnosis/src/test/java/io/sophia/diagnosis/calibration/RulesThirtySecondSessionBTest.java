package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consequence rules of rules32b (session 32) on the log fact's passedBefore, read on the consumed scenario they came
 * from and on the same scenario edited so that they no longer hold: a login to the platform's own registry refused after
 * a step of the same job read the app through the platform's CLI with the same token (h109-05: "flyctl status", then
 * "flyctl auth docker" refused) is the registry's refusal; without that step it stays the platform token's.
 */
class RulesThirtySecondSessionBTest {

    @Test
    void aRegistryLoginRefusedAfterTheTokenReadTheAppIsTheRegistrys(@TempDir Path dir) throws Exception {
        Path original = file("h109-05-");
        Assessment readFirst = diagnose(original);
        assertEquals(CauseId.of("registry.auth"), readFirst.topCause().orElseThrow().id(),
                "flyctl status succeeded with the token before the registry refused it");
        Assessment noRead = diagnose(edited(dir, original, "flyctl status: success, ", ""));
        assertEquals(CauseId.of("auth.deploy-token"), noRead.topCause().orElseThrow().id(),
                "with no step of the job reaching the platform first, the refused login is the platform token's");
    }
}
