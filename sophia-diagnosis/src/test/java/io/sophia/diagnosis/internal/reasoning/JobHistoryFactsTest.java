package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the facts of session 32's rule writers read of a job's history (review of rules32b and rules32d): a log line's
 * {@code passedBefore} lists only the steps of its own job that succeeded before its step, and {@code ranSixHours}
 * holds from 355 minutes on, where a job GitHub stopped at 360 lists as little as 355 from its listed start, up to 380
 * (session 36); {@code endedAtRoundLimit} keeps a window of at most two minutes after a round number.
 */
class JobHistoryFactsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T06:00:00Z");

    private static Observation.CiStep step(int number, String name, String conclusion) {
        return new Observation.CiStep(number, name, "completed", conclusion, null, null);
    }

    private static Observation.CiJob job(long id, long seconds, Observation.CiStep... steps) {
        return new Observation.CiJob("web", Source.GITHUB, 1L, id, "deploy", "completed", "failure", 1, T0,
                T0.plusSeconds(seconds), "GitHub Actions 2", List.of("ubuntu-latest"), List.of(steps), null);
    }

    private static Observation.LogFinding lineIn(long jobId, String step) {
        return new Observation.LogFinding("web", Source.GITHUB, jobId, "deploy", step, 40,
                "platform-registry.login-refused", CauseId.of("registry.auth"),
                "Error: failed authenticating with registry.fly.io: unauthorized", List.of(), 0.9);
    }

    @Test
    void aLinesPassedBeforeListsTheStepsOfItsJobThatSucceededBeforeItsStep() {
        Observation.CiJob deploy = job(7, 600,
                step(1, "Set up job", "success"),
                step(2, "flyctl status", "success"),
                step(3, "heroku apps:info", "failure"),
                step(4, "lint", "skipped"),
                step(5, "flyctl auth docker", "failure"),
                step(6, "doctl apps get", "success"));
        Observation.CiJob other = job(8, 600, step(1, "flyctl releases", "success"), step(2, "flyctl auth docker",
                "failure"));
        List<Observation.CiJob> jobs = List.of(other, deploy);
        // a failed or skipped step, a step after the line's and another job's steps are not listed
        assertEquals("Set up job\nflyctl status", Facts.passedBefore(lineIn(7, "flyctl auth docker"), jobs));
        assertEquals("flyctl releases", Facts.passedBefore(lineIn(8, "flyctl auth docker"), jobs));
        assertEquals("", Facts.passedBefore(lineIn(7, "Set up job"), jobs), "the first step: nothing before it");
        assertEquals("", Facts.passedBefore(lineIn(7, "a step the job does not list"), jobs));
        assertEquals("", Facts.passedBefore(lineIn(9, "flyctl auth docker"), jobs), "a job not listed");
        assertEquals("", Facts.passedBefore(lineIn(7, null), jobs));
        assertEquals("", Facts.passedBefore(lineIn(7, "flyctl auth docker"), List.of()));
    }

    @Test
    void aJobRanSixHoursFrom355MinutesOn() {
        assertFalse(Facts.ranSixHours(job(7, 354 * 60 + 59)), "354 min 59 s");
        assertTrue(Facts.ranSixHours(job(7, 355 * 60)), "355 min");
        assertTrue(Facts.ranSixHours(job(7, 359 * 60)), "p147-40: 359 min");
        assertTrue(Facts.ranSixHours(job(7, 360 * 60)));
        assertTrue(Facts.ranSixHours(job(7, 21_400)), "the corpus's shortest six-hour stop, 21,400 s");
        assertFalse(Facts.ranSixHours(new Observation.CiJob("web", Source.GITHUB, 1L, 7, "deploy", "completed",
                "cancelled", 1, null, T0, null, List.of(), List.of(), null)), "no start listed");
    }

    /**
     * Issue 9, session 36 (rules36-p164): six hours is a limit, not a floor: a job listed days past it (p164-18, a Drone
     * build someone stopped after 4318 minutes) did not meet GitHub's 360-minute stop; p53-16's 365 minutes still did.
     */
    @Test
    void aJobRanSixHoursOnlyNearSixHours() {
        assertTrue(Facts.ranSixHours(job(7, 365 * 60)), "p53-16: 365 min");
        assertTrue(Facts.ranSixHours(job(7, 380 * 60)), "380 min");
        assertFalse(Facts.ranSixHours(job(7, 380 * 60 + 1)), "past 380 min");
        assertFalse(Facts.ranSixHours(job(7, 259_100)), "p164-18: three days");
    }

    /**
     * Session 46 (r46-p210): a day is GitHub's queue limit for a job no self-hosted runner takes; a job that ended there
     * lasted 24 hours to within minutes (p210-34: 86,401 s), not a person's cancel after hours nor days past it.
     */
    @Test
    void aJobLastedADayOnlyNearTwentyFourHours() {
        assertTrue(Facts.lastedADay(job(7, 86_401)), "p210-34: 24 h and 1 s");
        assertTrue(Facts.lastedADay(job(7, 24 * 3600 - 300)), "23 h 55 min");
        assertTrue(Facts.lastedADay(job(7, 24 * 3600 + 600)), "24 h 10 min");
        assertFalse(Facts.lastedADay(job(7, 24 * 3600 - 301)), "before 23 h 55 min");
        assertFalse(Facts.lastedADay(job(7, 24 * 3600 + 601)), "past 24 h 10 min");
        assertFalse(Facts.lastedADay(job(7, 3 * 3600)), "h122-18: a person's cancel after three hours");
        assertFalse(Facts.lastedADay(new Observation.CiJob("web", Source.GITHUB, 1L, 7, "deploy", "completed",
                "cancelled", 1, null, T0, null, List.of(), List.of(), null)), "no start listed");
    }

    /**
     * Issue 9, session 36 (rules36-p164): the window after a round number of minutes is at most two minutes: past 500
     * minutes, 1 % of the limit would cover the whole five-minute block and every long job would end "at a limit".
     */
    @Test
    void aLongJobEndsAtARoundLimitOnlyWithinTwoMinutesOfIt() {
        assertTrue(Facts.endedAtRoundLimit(job(7, 30 * 60 + 50)), "30 min 50 s");
        assertFalse(Facts.endedAtRoundLimit(job(7, 32 * 60)), "32 min");
        assertTrue(Facts.endedAtRoundLimit(job(7, 4320 * 60 + 120)), "72 h and 2 min");
        assertFalse(Facts.endedAtRoundLimit(job(7, 259_100)), "p164-18: 4318 min 20 s");
        assertFalse(Facts.endedAtRoundLimit(job(7, 600 * 60 + 240)), "600 min and 4 min");
    }
}
