package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 45 (r45-p205): {@link Facts#cancelledInFailedRun} tells a cancel no one made from a person's. A run on GitHub
 * that a person (or a newer run of its concurrency group) cancels concludes cancelled; one that concludes failure while
 * its jobs were cancelled and none failed was stopped by a time limit or by its runner going away (elizaOS/eliza#10353:
 * "The operation was canceled." two minutes into the checkout on a self-hosted pool, no actor). A cancelled leg beside a
 * failed one is fail-fast, not this.
 */
class CancelledInFailedRunTest {

    private static final Instant T = Instant.parse("2026-12-16T02:35:00Z");

    private static Observation.CiJob job(long id, String conclusion) {
        return new Observation.CiJob(null, Source.GITHUB, 1, id, "Deploy " + id, "completed", conclusion, 1,
                T.minusSeconds(140), T, "hetzner-robot-11", List.of(), List.of(), null);
    }

    private static Observation.CiRun run(String conclusion) {
        return new Observation.CiRun(null, Source.GITHUB, "lumenwright/platform", 1, "cloud-cf-deploy", "main", "90b1f4d",
                "push", "completed", conclusion, 1, T.minusSeconds(150), T, null);
    }

    @Test
    void aJobCancelledInARunThatFailedWithNoFailingJobWasCancelledByNoOne() {
        Observation.CiJob cancelled = job(1000, "cancelled");
        List<Observation.CiJob> jobs = List.of(cancelled, job(1001, "cancelled"), job(1002, "success"));
        assertTrue(Facts.cancelledInFailedRun(cancelled, run("failure"), jobs));
    }

    @Test
    void aPersonsCancelAFailFastLegAndAJobThatDidNotCancelAreNot() {
        Observation.CiJob cancelled = job(1000, "cancelled");
        // a person's cancel ends the run cancelled
        assertFalse(Facts.cancelledInFailedRun(cancelled, run("cancelled"), List.of(cancelled)));
        // a leg cancelled because another failed
        assertFalse(Facts.cancelledInFailedRun(cancelled, run("failure"), List.of(cancelled, job(1001, "failure"))));
        Observation.CiJob failed = job(1001, "failure");
        assertFalse(Facts.cancelledInFailedRun(failed, run("failure"), List.of(failed)));
        assertFalse(Facts.cancelledInFailedRun(cancelled, null, List.of(cancelled)));
    }
}
