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
 * holds from 355 minutes on, where a job GitHub stopped at 360 lists as little as 355 from its listed start.
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
}
