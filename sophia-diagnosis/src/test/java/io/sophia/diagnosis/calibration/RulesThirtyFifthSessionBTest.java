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
 * The rules of rules35b (session 35) read on the consumed holdout scenarios they came from and on the same scenarios
 * edited so that they no longer hold: GitHub's internal error on several jobs at once is the CI service failing, on one
 * job its runner (h118-13, h52-45); Node's missing module required by a CI action's own code is no app crashing (h118-47);
 * curl's own request limit is no job time limit (h118-39); a registry the job pushes to, down itself with a server
 * error while the store it depends on is down, is that store's chain (h118-45); a run cancelled while the cloud had no
 * capacity for the runner's machine is the capacity (h118-11).
 */
class RulesThirtyFifthSessionBTest {

    @Test
    void gitHubsInternalErrorOnSeveralJobsIsTheServiceOnOneItsRunner() throws Exception {
        Assessment several = diagnose(file("h118-13-"));
        assertEquals(CauseId.of("platform.outage"), several.topCause().orElseThrow().id(), several.causes().toString());
        Assessment one = diagnose(file("h52-45-"));
        assertEquals(CauseId.of("ci.runner"), one.topCause().orElseThrow().id(), one.causes().toString());
    }

    @Test
    void aModuleMissingInACiActionsOwnCodeIsNoAppCrash(@TempDir Path dir) throws Exception {
        Path original = file("h118-47-");
        Assessment action = diagnose(original);
        assertTrue(p(action, "app.crash-on-boot") < 0.1, action.causes().toString());
        Assessment app = diagnose(edited(dir, original,
                "/home/runner/work/_actions/fusion-engineering/setup-git-credentials/v2.0.4/dist/index.js", "/app/dist/index.js"));
        assertEquals(CauseId.of("app.crash-on-boot"), app.topCause().orElseThrow().id(),
                "the same line required from the app's own code is its crash: " + app.causes());
    }

    @Test
    void curlsOwnRequestLimitIsNoJobTimeLimit(@TempDir Path dir) throws Exception {
        Path original = file("h118-39-");
        Assessment curl = diagnose(original);
        assertTrue(p(curl, "ci.timeout") < 0.1, curl.causes().toString());
        assertEquals(CauseId.of("app.healthcheck-failing"), curl.topCause().orElseThrow().id(), curl.causes().toString());
        Assessment bare = diagnose(edited(dir, original, "curl: (28) Operation timed out", "Operation timed out"));
        assertTrue(p(bare, "ci.timeout") > p(curl, "ci.timeout"), "without curl's code the line reads as a time limit: "
                + bare.causes());
    }

    @Test
    void aPushAnsweredByARegistryDownWithItsStoreIsTheStoresChain(@TempDir Path dir) throws Exception {
        Path original = file("h118-45-");
        Assessment own = diagnose(original);
        assertEquals(CauseId.of("dependency.down"), own.topCause().orElseThrow().id(), own.causes().toString());
        Assessment other = diagnose(edited(dir, original, "The push refers to repository [harbor.internal.elmstead.net/",
                "The push refers to repository [registry-1.docker.io/"));
        assertTrue(p(other, "dependency.down") < p(own, "dependency.down"),
                "a push to another registry is no talk with the service that is down (p138-37): " + other.causes());
    }

    @Test
    void aCancelWhileTheCloudHadNoCapacityIsTheCapacity() throws Exception {
        Assessment a = diagnose(file("h118-11-"));
        assertEquals(CauseId.of("platform.capacity"), a.topCause().orElseThrow().id(), a.causes().toString());
        assertTrue(p(a, "ci.cancelled") < 0.2, a.causes().toString());
    }
}
