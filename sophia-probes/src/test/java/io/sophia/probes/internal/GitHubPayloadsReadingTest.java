package io.sophia.probes.internal;

import io.sophia.core.Observation.CiJob;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which jobs the GitHub probe reads beyond the jobs list (issue 9: cancelled jobs too). */
class GitHubPayloadsReadingTest {

    private static CiJob job(long id, String conclusion) {
        return new CiJob(null, GitHubPayloads.SOURCE, 1, id, "job " + id, "completed", conclusion, 1, null, null, null,
                List.of(), List.of(), null);
    }

    private static List<String> read(List<CiJob> jobs, int maxStopped, int maxStoppedLogs) {
        return GitHubPayloads.toRead(jobs, maxStopped, maxStoppedLogs).stream()
                .map(r -> r.job().jobId() + (r.log() ? "+log" : "")).toList();
    }

    @Test
    void failedJobsWithTheirLogsAndCancelledOnesForTheirAnnotationsOnly() {
        assertEquals(List.of("1+log", "3", "4+log", "5"), read(List.of(job(1, "failure"), job(2, "success"),
                job(3, "cancelled"), job(4, "timed_out"), job(5, "cancelled"), job(6, "skipped")), 10, 3));
    }

    @Test
    void withoutAFailedJobTheFirstCancelledLogsAreReadAndBothCapsHold() {
        assertEquals(List.of("1+log", "2+log", "3"), read(List.of(job(1, "cancelled"), job(2, "cancelled"),
                job(3, "cancelled"), job(4, "cancelled")), 3, 2));
        assertEquals(List.of(), read(List.of(job(1, "success"), job(2, null)), 10, 3), "a running job is not read");
    }
}
