package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, session 34 (rules34a): an annotation of a job that has a log is read as a line of it when it restates no line
 * the log's findings read: a unit's journal quoted beside the job's log (h113-21: systemd's "Failed at step EXEC spawning
 * ...: No such file or directory" while the log says only "Job for tracker.service failed because the control process
 * exited"). An annotation that restates a line the log already read (GitHub makes one of every "##[error]" line) is not
 * read a second time.
 */
class AnnotationBesideLogTest {

    private static final List<Observation.CiStep> STEPS = List.of(Fleet.step(1, "Checkout", "success"),
            Fleet.step(2, "Restart unit", "failure"));

    private static final String EXEC_LINE =
            "tracker.service: Failed at step EXEC spawning /opt/tracker/bin/tracker-server: No such file or directory";

    private static Observation bad502() {
        return Fleet.failure("dashboard", "http", FailureKind.UNEXPECTED_STATUS, 502, "502 Bad Gateway");
    }

    @Test
    void aJournalQuotedBesideTheLogSaysWhyTheUnitDidNotStart() throws IOException {
        Assessment a = Fleet.jobEnded(bad502(), "failure", 40, STEPS, """
                ##[group]Run ssh deploy@vps 'sudo systemctl restart tracker'
                ##[endgroup]
                Job for tracker.service failed because the control process exited with error code.
                ##[error]Process completed with exit code 1.
                """, EXEC_LINE);
        assertTrue(Fleet.weighs(a, "config.invalid/annotation-indication"), a.causes().toString());
        assertEquals(CauseId.CONFIG_INVALID, a.topCause().orElseThrow().id(), a.causes().toString());
    }

    @Test
    void anAnnotationThatRestatesALineTheLogReadIsNotReadTwice() throws IOException {
        Assessment a = Fleet.jobEnded(bad502(), "failure", 40, STEPS, """
                ##[group]Run ssh deploy@vps 'sudo systemctl restart tracker'
                ##[endgroup]
                Nov 09 12:03:41 vps systemd[1]: %s
                ##[error]Process completed with exit code 1.
                """.formatted(EXEC_LINE), EXEC_LINE);
        assertTrue(Fleet.weighs(a, "config.invalid/log-indication"), a.causes().toString());
        assertFalse(Fleet.weighs(a, "config.invalid/annotation-indication"), a.causes().toString());
    }
}
