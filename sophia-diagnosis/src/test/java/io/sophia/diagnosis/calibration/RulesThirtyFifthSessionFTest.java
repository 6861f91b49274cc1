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
 * The rules of rules35f (session 35) read on the tuning scenarios they came from and on the same scenarios edited so
 * that they no longer hold: GitHub Pages' size limit warned before its deploy fails is the limit, not an outage
 * (p162-26); deploy-pages giving up while its deployment is still queued leaves the platform beside the step's limit,
 * and a deployment the platform had started is the limit's again (p162-28).
 */
class RulesThirtyFifthSessionFTest {

    @Test
    void aDeployFailingAfterThePagesSizeLimitWarningIsTheLimit(@TempDir Path dir) throws Exception {
        Path original = file("p162-26-");
        Assessment warned = diagnose(original);
        assertEquals(CauseId.of("platform.quota"), warned.topCause().orElseThrow().id(), warned.causes().toString());
        Assessment bare = diagnose(edited(dir, original,
                "##[warning]Uploaded artifact size of 3481333760 bytes exceeds the allowed size of 1 GB. Deployment might fail.",
                "Artifact github-pages is ready."));
        assertEquals(CauseId.of("platform.outage"), bare.topCause().orElseThrow().id(),
                "without the limit named, the platform's \"Deployment failed, try again later.\" stays its own: " + bare.causes());
    }

    @Test
    void aPagesDeploymentStillQueuedWhenTheStepGaveUpIsNotConfidentlyTheLimit(@TempDir Path dir) throws Exception {
        Path original = file("p162-28-");
        Assessment queued = diagnose(original);
        assertTrue(p(queued, "ci.timeout") < 0.5, queued.causes().toString());
        assertTrue(p(queued, "platform.outage") >= 0.5, queued.causes().toString());
        Assessment started = diagnose(edited(dir, original, "deployment_queued", "deployment_in_progress"));
        assertEquals(CauseId.of("ci.timeout"), started.topCause().orElseThrow().id(),
                "a deployment the platform had started, still running at the step's limit: " + started.causes());
    }
}
