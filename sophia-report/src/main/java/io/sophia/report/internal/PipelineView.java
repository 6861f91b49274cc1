package io.sophia.report.internal;

import io.sophia.core.Assessment;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.LogFinding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The CI pipeline as the reports show it, derived from the CiRun, CiJob, CiAnnotation and
 * LogFinding observations of an assessment: the run (the latest when several were read), its
 * jobs in the order observed, and the log findings best first.
 *
 * @param run         the run, or null when only jobs were observed
 * @param jobs        the run's jobs (all jobs when there is no run)
 * @param annotations annotations of the jobs
 * @param findings    log findings, highest score first (stable for equal scores)
 */
public record PipelineView(CiRun run, List<CiJob> jobs, List<CiAnnotation> annotations, List<LogFinding> findings) {

    /** The view, or null when the assessment holds no CI run or job. */
    public static PipelineView of(Assessment a) {
        List<CiRun> runs = a.observations(CiRun.class);
        List<CiJob> allJobs = a.observations(CiJob.class);
        if (runs.isEmpty() && allJobs.isEmpty()) {
            return null;
        }
        CiRun run = runs.stream()
                .max(Comparator.comparingLong(CiRun::runId).thenComparingInt(CiRun::runAttempt))
                .orElse(null);
        List<CiJob> jobs = run == null ? allJobs
                : allJobs.stream().filter(j -> j.runId() == run.runId() || j.runId() == 0).toList();
        if (jobs.isEmpty() && run != null && runs.size() == 1) {
            jobs = allJobs;
        }
        return new PipelineView(run, List.copyOf(jobs), a.observations(CiAnnotation.class), findings(a));
    }

    /** Log findings of an assessment, highest score first. */
    public static List<LogFinding> findings(Assessment a) {
        List<LogFinding> f = new ArrayList<>(a.observations(LogFinding.class));
        f.sort(Comparator.comparingDouble(LogFinding::score).reversed());
        return List.copyOf(f);
    }

    /** The run's wall time, or the span of its jobs when the run's own times are missing. */
    public Duration duration() {
        if (run != null && run.duration() != null) {
            return run.duration();
        }
        Instant start = start();
        Instant end = jobs.stream().map(CiJob::completedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return start == null || end == null ? null : Duration.between(start, end);
    }

    /** The earliest start among the run and its jobs, or null. */
    public Instant start() {
        Instant s = run == null ? null : run.createdAt();
        for (CiJob j : jobs) {
            if (j.startedAt() != null && (s == null || j.startedAt().isBefore(s))) {
                s = j.startedAt();
            }
        }
        return s;
    }

    /** Jobs that concluded other than success or skipped. */
    public List<CiJob> unsuccessfulJobs() {
        return jobs.stream().filter(j -> j.conclusion() != null && !"success".equals(j.conclusion())
                && !"skipped".equals(j.conclusion())).toList();
    }

    /** The first failed step name over all jobs, or null. */
    public String firstFailedStep() {
        for (CiJob j : jobs) {
            if (j.failedStep() != null) {
                return j.failedStep().name();
            }
        }
        return null;
    }
}
