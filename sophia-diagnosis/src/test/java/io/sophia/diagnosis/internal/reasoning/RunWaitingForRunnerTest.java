package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 47 (r47-h161): {@link Facts#runWaitingForRunner} tells a run no runner ever took from one that runs or waits for
 * something else. A dispatched workflow run that GitHub keeps "queued" for hours with its jobs listed as none
 * ("Status: queued / Jobs: 0", "runner never assigned": yaohehe.github.io, 2026-04-29, "GitHub Actions Troubleshooting: A
 * Real 8-Hour Pages Freeze From Start to Finish", h162-45's source) has had no runner; a run "waiting" for an environment's
 * approval, one that started a step, or one queued a few minutes has not shown that.
 */
class RunWaitingForRunnerTest {

    private static final Instant T = Instant.parse("2026-12-12T05:50:00Z");

    private static Observation.CiRun run(String status, long queuedSeconds) {
        return run(status, queuedSeconds, 1);
    }

    private static Observation.CiRun run(String status, long queuedSeconds, int attempt) {
        return new Observation.CiRun(null, Source.GITHUB, "nightquill/nightquill.github.io", 31102004170L,
                "GitHub Pages Deploy", "main", "a7d03b5", "workflow_dispatch", status, null, attempt,
                T.minusSeconds(queuedSeconds), T, null);
    }

    /** GitHub keeps a run's first created_at when it is re-run: a second attempt queued a minute ago is no long wait. */
    @Test
    void aReRunIsNotReadAsWaitingSinceItsFirstAttempt() {
        assertFalse(Facts.runWaitingForRunner(run("queued", 27000, 2), List.of(), T));
    }

    private static Observation.CiJob job(List<Observation.CiStep> steps) {
        return new Observation.CiJob(null, Source.GITHUB, 31102004170L, 1, "deploy", "in_progress", null, 1,
                T.minusSeconds(3000), null, "GitHub Actions 4", List.of("ubuntu-latest"), steps, null);
    }

    @Test
    void aRunQueuedForHoursWithNoJobOrNoStepStartedWaitsForARunner() {
        assertTrue(Facts.runWaitingForRunner(run("queued", 27000), List.of(), T));
        assertTrue(Facts.runWaitingForRunner(run("queued", 27000),
                List.of(job(List.of(new Observation.CiStep(1, "Set up job", "in_progress", null, null, null)))), T));
    }

    @Test
    void aRunQueuedBrieflyWaitingForApprovalOrRunningDoesNot() {
        assertFalse(Facts.runWaitingForRunner(run("queued", 240), List.of(), T));
        assertFalse(Facts.runWaitingForRunner(run("waiting", 27000), List.of(), T));
        assertFalse(Facts.runWaitingForRunner(run("in_progress", 27000), List.of(), T));
        assertFalse(Facts.runWaitingForRunner(run("queued", 27000),
                List.of(job(List.of(new Observation.CiStep(1, "Set up job", "completed", "success", null, null),
                        new Observation.CiStep(2, "Checkout", "in_progress", null, null, null)))), T));
    }
}
