package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.Service;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job that has not ended and has run no step for ten minutes or more is still waiting for a runner: something to
 * explain even while every service answers (h79-20: a hosted macOS release job queued 2 h 10 min, the release stalled
 * behind it, which the diagnosis had called "nothing failing"). GitHub gives such a job status "queued", no conclusion
 * and no end.
 */
class JobStillWaitingForRunnerTest {

    private static final String RUN_URL = "https://github.com/sophia/sophia-ai/actions/runs/17176258341";

    private static Observation.CiJob queued(long minutes, Observation.CiStep... steps) {
        return new Observation.CiJob(null, Source.GITHUB, 17176258341L, 9, "build (macos-15)", "queued", null, 1,
                Fleet.NOW.minusSeconds(minutes * 60), null, null, List.of("macos-15"), List.of(steps), RUN_URL + "/job/9");
    }

    private static Assessment healthyFleetWith(Observation.CiJob job) {
        List<Observation> o = new ArrayList<>();
        for (Service s : Fleet.reference().services()) {
            o.add(Fleet.up(s.id()));
        }
        o.add(new Observation.CiRun(null, Source.GITHUB, "sophia/sophia-ai", 17176258341L, "Release", "main", "d2b8e61",
                "release", "in_progress", null, 1, Fleet.NOW.minusSeconds(7900), null, RUN_URL));
        o.add(job);
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    @Test
    void aJobQueuedForTwoHoursIsExplainedAsNoRunnerTakingItWithoutDecidingWhy() {
        Assessment a = healthyFleetWith(queued(130));
        assertFalse(a.causes().isEmpty(), "a stalled release is something to explain");
        assertTrue(Fleet.weighs(a, "ci.runner/waiting-for-a-runner-now"), a.causes().toString());
        RankedCause runner = a.causes().stream().filter(c -> c.id().equals(CauseId.CI_RUNNER)).findFirst().orElseThrow();
        assertTrue(runner.evidence().stream().anyMatch(e -> e.text().contains("has waited 130 minutes without running a step")),
                runner.evidence().toString());
        // the wait alone does not say why no runner takes the job: no cause is stated above 0.9 on it
        assertTrue(a.causes().get(0).probability() <= 0.9, a.causes().toString());
    }

    @Test
    void aJobQueuedForAFewMinutesIsNothingToExplainYet() {
        assertTrue(healthyFleetWith(queued(4)).causes().isEmpty());
    }

    /**
     * Issue 9, session 34 (rules34a): a job that stays at the CI's own "Set up job" with no step concluded was never
     * started by a runner (h113-44: a Forgejo task the server assigned and the runner never received, three hours at
     * "Set up job"), which the diagnosis had called nothing failing and scored unknown at 1.000.
     */
    @Test
    void aJobStuckAtItsSetUpForHoursIsStillWaitingForARunner() {
        Observation.CiStep setUp = new Observation.CiStep(1, "Set up job", "in_progress", null,
                Fleet.NOW.minusSeconds(180 * 60), null);
        Assessment a = healthyFleetWith(queued(180, setUp));
        assertFalse(a.causes().isEmpty(), "a job stuck at its set-up is something to explain");
        assertTrue(Fleet.weighs(a, "ci.runner/waiting-for-a-runner-now"), a.causes().toString());
        assertTrue(a.causes().get(0).probability() <= 0.9, a.causes().toString());
    }

    @Test
    void aJobThatRunsItsStepsIsNotWaitingForARunner() {
        Observation.CiStep running = new Observation.CiStep(1, "Build wheels", "in_progress", null,
                Fleet.NOW.minusSeconds(3000), null);
        assertTrue(healthyFleetWith(queued(130, running)).causes().isEmpty());
    }

    /**
     * A job cancelled while its log shows only GitHub's queue lines waited for a runner, whatever its recorded duration
     * (h122-18: "Job is waiting for a hosted runner to come online." for three hours until a person cancelled it, the job
     * itself recorded as 0 s): the cancel ended the wait, so the cancel is no confident root. The same cancel after a
     * line of the job's own is a cancelled job.
     */
    @Test
    void aCancelledJobWhoseLogIsOnlyTheQueueWaitedForARunner() {
        Assessment queuedOnly = cancelledWith("Job is waiting for a hosted runner to come online.");
        assertTrue(Fleet.weighs(queuedOnly, "ci.runner/waited-for-a-runner"), queuedOnly.causes().toString());
        assertTrue(queuedOnly.causes().stream().noneMatch(c -> c.id().equals(CauseId.CI_CANCELLED) && c.probability() > 0.9),
                queuedOnly.causes().toString());
        // the job itself recorded 0 s (its wait was in the queue): no "waited 0 minutes"
        assertTrue(queuedOnly.causes().stream().flatMap(c -> c.evidence().stream())
                .anyMatch(e -> e.text().equals("Job \"build (macos-14-large)\" waited in its queue without running a step"
                        + " until it was cancelled: no runner took it.")), queuedOnly.causes().toString());
        assertTrue(queuedOnly.causes().stream().flatMap(c -> c.evidence().stream())
                .noneMatch(e -> e.text().contains(" 0 minutes")), queuedOnly.causes().toString());
        Assessment ownLine = cancelledWith("npm ERR! code ELIFECYCLE");
        assertFalse(Fleet.weighs(ownLine, "ci.runner/waited-for-a-runner"), ownLine.causes().toString());
    }

    /**
     * Issue 9, session 37 (h122-18): a person's cancel annotation ("The run was canceled by @alice.") on a job that only
     * waited for a runner says who gave up, not why no runner took the job: it is no evidence for a cancelled job
     * there, and ci.cancelled leads nowhere near certainty. The same annotation on a job that ran its own lines is.
     */
    @Test
    void aPersonsCancelOfAJobThatOnlyWaitedIsNoCancelledJob() {
        String byPerson = "The run was canceled by @shankari-dev.";
        Assessment waited = cancelledWith("Job is waiting for a hosted runner to come online.", byPerson);
        assertFalse(Fleet.weighs(waited, "ci.cancelled/cancelled-by-person"), waited.causes().toString());
        assertTrue(waited.causes().stream().noneMatch(c -> c.id().equals(CauseId.CI_CANCELLED) && c.probability() > 0.9),
                waited.causes().toString());
        Assessment ran = cancelledWith("npm ERR! code ELIFECYCLE", byPerson);
        assertTrue(Fleet.weighs(ran, "ci.cancelled/cancelled-by-person"), ran.causes().toString());
    }

    private static Assessment cancelledWith(String line) {
        return cancelledWith(line, null);
    }

    private static Assessment cancelledWith(String line, String annotation) {
        List<Observation> o = new ArrayList<>();
        for (Service s : Fleet.reference().services()) {
            o.add(Fleet.up(s.id()));
        }
        o.add(new Observation.CiRun(null, Source.GITHUB, "sophia/sophia-ai", 17176258341L, "Release", "main", "d2b8e61",
                "release", "completed", "cancelled", 1, Fleet.NOW.minusSeconds(10800), Fleet.NOW, RUN_URL));
        o.add(Fleet.job(null, 9, "build (macos-14-large)", "cancelled", 0));
        o.add(Fleet.finding(null, 9, "build (macos-14-large)", null, "platform.capacity", line, 4));
        if (annotation != null) {
            o.add(new Observation.CiAnnotation(null, Source.GITHUB, 9, "failure", "build (macos-14-large)", annotation,
                    null, null));
        }
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }
}
