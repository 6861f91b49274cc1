package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 34, review34b of rules34a (annotations beside a log, ca44af61) and rules34c (the kernel's OOM kill in an
 * answer, 18bbf151).
 */
class Review34bTest {

    private static final List<Observation.CiStep> STEPS = List.of(Fleet.step(1, "Checkout", "success"),
            Fleet.step(2, "Restart unit", "failure"));

    private static Observation bad502() {
        return Fleet.failure("dashboard", "http", FailureKind.UNEXPECTED_STATUS, 502, "502 Bad Gateway");
    }

    /**
     * A line longer than the 8192 characters a log finding and an annotation keep is cut in both, each with its
     * ellipsis, the log's after its "##[error]" prefix: neither then contains the other, and the annotation GitHub made
     * of the "##[error]" line (its message up to 64 KB) was read a second time as if it were a journal beside the log.
     */
    @Test
    void anAnnotationOfALongErrorLineTheLogReadIsNotReadTwice() throws IOException {
        StringBuilder tail = new StringBuilder();
        for (int i = 0; tail.length() < 9000; i++) {
            tail.append(" /opt/tracker/lib/module").append(i).append(".so");
        }
        String message = "tracker.service: Failed at step EXEC spawning /opt/tracker/bin/tracker-server: No such file or"
                + " directory; searched" + tail;
        Assessment a = Fleet.jobEnded(bad502(), "failure", 40, STEPS, """
                ##[group]Run ssh deploy@vps 'sudo systemctl restart tracker'
                ##[endgroup]
                ##[error]%s
                ##[error]Process completed with exit code 1.
                """.formatted(message), message);
        assertTrue(Fleet.weighs(a, "config.invalid/log-indication"), a.causes().toString());
        assertFalse(Fleet.weighs(a, "config.invalid/annotation-indication"), a.causes().toString());
    }

    /**
     * The log's lines are masked (a URL's credentials), an annotation's short message is not: the same line, masked in
     * one and not in the other, still restates it.
     */
    @Test
    void anAnnotationOfALineTheLogMaskedIsNotReadTwice() throws IOException {
        String message = "tracker.service: Failed at step EXEC spawning /opt/tracker/bin/tracker-server: No such file or"
                + " directory (fetched from https://deploy:glpat-Zx81kQ93nBv72LmPq0aW@git.example.org/ops/tracker.git)";
        Assessment a = Fleet.jobEnded(bad502(), "failure", 40, STEPS, """
                ##[group]Run ssh deploy@vps 'sudo systemctl restart tracker'
                ##[endgroup]
                ##[error]%s
                ##[error]Process completed with exit code 1.
                """.formatted(message), message);
        assertTrue(Fleet.weighs(a, "config.invalid/log-indication"), a.causes().toString());
        assertFalse(Fleet.weighs(a, "config.invalid/annotation-indication"), a.causes().toString());
    }

    /** The reference fleet where dashboard answered 502 and then 200 with {@code body} (as p155-26's web). */
    private static Assessment answering(String body, String contentType) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, bad502());
        o.add(Observation.HttpCheck.builder("dashboard", Source.HTTP, "https://sophiaai-dashboard-v2.fly.dev/health",
                200).latency(Duration.ofMillis(150)).body(body, contentType).build());
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    /**
     * A documentation or status page that quotes the kernel's words ("Out of memory: Killed process ...") in an HTML
     * answer is not the kernel's report of a kill on this host: kernel-oom-kill-in-answer (lr 20) read it as app.oom.
     */
    @Test
    void anHtmlPageQuotingTheKernelsOomLineIsNoOomKill() {
        Assessment a = answering("""
                <!DOCTYPE html><html><head><title>Troubleshooting memory | Tracker docs</title></head><body>
                <h1>When the kernel kills the worker</h1><p>If the pod restarts, look for a line such as</p>
                <pre>Out of memory: Killed process 812 (php-fpm) total-vm:1248660kB, anon-rss:402112kB</pre>
                <p>and raise the memory limit.</p></body></html>""", "text/html; charset=utf-8");
        assertFalse(a.causes().stream().anyMatch(c -> c.id() == CauseId.APP_OOM && c.probability() > 0.2),
                a.causes().toString());
    }

    /** The plain-text dmesg endpoint of p155-26 is still the kernel's report. */
    @Test
    void aPlainKernelReportInAnAnswerStillReadsAsAnOomKill() {
        Assessment a = answering("Out of memory: Killed process 812 (php-fpm) total-vm:1248660kB, anon-rss:402112kB,"
                + " file-rss:0kB, shmem-rss:10240kB, UID:33 pgtables:1004kB oom_score_adj:0", "text/plain");
        assertTrue(Fleet.weighs(a, "app.oom/kernel-oom-kill-in-answer"), a.causes().toString());
    }

    private static Assessment rerun(int attempt, String title, String message) throws IOException {
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Checkout", "success"), Fleet.step(2, "Restart unit", "failure"));
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, bad502());
        Observation.CiRun r = Fleet.run("failure");
        o.set(o.size() - 1, new Observation.CiRun(r.serviceId(), r.source(), r.repository(), r.runId(), r.workflowName(),
                r.headBranch(), r.headSha(), r.event(), r.status(), r.conclusion(), attempt, r.createdAt(), r.updatedAt(),
                r.htmlUrl()));
        o.add(Fleet.job("dashboard", 2, "deploy", "failure", 40, steps.toArray(Observation.CiStep[]::new)));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy", steps),
                new java.io.StringReader("""
                        ##[group]Run ssh deploy@vps 'sudo systemctl restart tracker'
                        ##[endgroup]
                        Job for tracker.service failed because the control process exited with error code.
                        ##[error]Process completed with exit code 1.
                        """)));
        o.add(new Observation.CiAnnotation("dashboard", Source.GITHUB, 2, "failure", title, message, null, null));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    private static final String EXEC_LINE =
            "tracker.service: Failed at step EXEC spawning /opt/tracker/bin/tracker-server: No such file or directory";

    /**
     * An annotation titled with an attempt before the run's (p120-24: "Build and Deploy Job (attempt 1)", "Invalid API
     * key.", in a run at attempt 3) is that attempt's word; the job's log is the latest attempt's and supersedes it.
     */
    @Test
    void anAnnotationOfAnEarlierAttemptBesideTheLogIsNotRead() throws IOException {
        Assessment a = rerun(3, "deploy (attempt 1)", EXEC_LINE);
        assertFalse(Fleet.weighs(a, "config.invalid/annotation-indication"), a.causes().toString());
    }

    /** The latest attempt's own annotation beside the log is still read (AnnotationBesideLogTest's case, rerun). */
    @Test
    void anAnnotationOfTheLatestAttemptBesideTheLogIsRead() throws IOException {
        assertTrue(Fleet.weighs(rerun(3, "deploy (attempt 3)", EXEC_LINE), "config.invalid/annotation-indication"));
        assertTrue(Fleet.weighs(rerun(3, null, EXEC_LINE), "config.invalid/annotation-indication"));
    }
}
