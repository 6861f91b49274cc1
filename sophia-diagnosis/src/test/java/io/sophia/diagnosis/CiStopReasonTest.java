package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "CI time and cancellation": a job GitHub shows as cancelled is told apart by what its annotation says —
 * its time limit, a lost runner, or a newer run in the concurrency group. Annotation texts are the runner's own
 * (actions/runner: "The job running on runner %s has exceeded the maximum execution time of %s minutes.", "The
 * self-hosted runner: %s lost communication with the server.", "Canceling since a higher priority waiting request for
 * '%s' exists"; also ../shared/corpus/deploy-errors ci_timeout / ci_runner_lost rows).
 */
class CiStopReasonTest {

    private static Assessment cancelledWith(String annotation) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("cancelled"));
        // a duration that says nothing by itself: neither just past a round number of minutes nor six hours, where
        // GitHub stops every job (the annotation alone tells the stop's reason here)
        o.add(Fleet.job("dashboard", 2, "Deploy Dashboard", "cancelled", 1234, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Deploy", "cancelled")));
        o.add(new Observation.CiAnnotation("dashboard", Source.GITHUB, 2, "failure", null, annotation, null, null));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    @Test
    void aJobStoppedByItsTimeLimitIsATimeoutThoughGitHubSaysCancelled() {
        assertEquals(CauseId.CI_TIMEOUT, cancelledWith("The job running on runner GitHub Actions 2 has exceeded the "
                + "maximum execution time of 360 minutes.").topCause().orElseThrow().id());
    }

    @Test
    void aRunnerThatLostCommunicationIsARunnerFailure() {
        assertEquals(CauseId.CI_RUNNER, cancelledWith("The self-hosted runner: arm-builder-3 lost communication with the "
                + "server. Verify the machine is running and has a healthy network connection.").topCause().orElseThrow().id());
    }

    @Test
    void aNewerRunInTheConcurrencyGroupIsACancelAndTheEvidenceSaysSo() {
        Assessment a = cancelledWith("Canceling since a higher priority waiting request for 'deploy-main' exists");
        assertEquals(CauseId.CI_CANCELLED, a.topCause().orElseThrow().id());
        assertTrue(evidence(a).contains("newer run of its concurrency group"), evidence(a));
    }

    @Test
    void aPersonCancellingIsACancelAndTheEvidenceSaysWho() {
        // "The run was canceled by @USER." as public run pages show it
        Assessment a = cancelledWith("The run was canceled by @alice.");
        assertEquals(CauseId.CI_CANCELLED, a.topCause().orElseThrow().id());
        assertTrue(evidence(a).contains("A person cancelled job \"Deploy Dashboard\": \"The run was canceled by @alice.\""),
                evidence(a));
    }

    @Test
    void aRunnerOutOfDiskOrNeverAcquiredIsARunnerFailure() {
        // actions/runner's low-disk warning (Runner.Worker) and the hosted runner queue's give-up annotation
        assertEquals(CauseId.CI_RUNNER, cancelledWith("You are running out of disk space. The runner will stop working "
                + "when the machine runs out of disk space. Free space left: 0 MB").topCause().orElseThrow().id());
        assertEquals(CauseId.CI_RUNNER, cancelledWith("The job was not acquired by Runner of type hosted even after "
                + "multiple attempts").topCause().orElseThrow().id());
    }

    @Test
    void aCancelWhoseAnnotationNamesNoReasonStaysACancelAndNamingThePersonIsNoSecondSource() {
        Assessment plain = cancelledWith("The operation was canceled.");
        Assessment named = cancelledWith("The run was canceled by @alice.");
        assertEquals(CauseId.CI_CANCELLED, plain.topCause().orElseThrow().id());
        assertEquals(CauseId.CI_CANCELLED, named.topCause().orElseThrow().id());
        assertTrue(named.topCause().orElseThrow().probability() >= plain.topCause().orElseThrow().probability(),
                plain.causes() + " vs " + named.causes());
        // who cancelled is the CI's record of the same cancel the conclusion shows: one source, held at its cap
        // (h122-18: a person's cancel of a job that waited hours for a runner it could never get stated 0.95)
        assertTrue(named.topCause().orElseThrow().probability() <= 0.9 + 1e-9, named.causes().toString());
    }

    private static String evidence(Assessment a) {
        return a.topCause().orElseThrow().evidence().toString();
    }
}
