package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.ProbeExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * One check with its report set written: what {@code sophia check --config FILE --out DIR} does, for a host.
 *
 * <pre>{@code
 * CheckRun run = CheckRun.of(Sophia.load(Path.of("sophia.yaml")).plan(), Path.of("reports"));
 * int exitCode = run.assessment().gate().status().exitCode();
 * }</pre>
 *
 * <p>The output directory is created and checked before any probe runs, so a directory that cannot be written
 * costs no probing; writing keeps the previous report set intact on failure ({@link ReportFiles#writeAll}).
 *
 * @param assessment the redacted assessment, with the plan's probe timeout and budget
 * @param files      the report files written
 * @param probing    wall time of the probing phase
 */
public record CheckRun(Assessment assessment, List<Path> files, Duration probing) {

    /**
     * Canonical constructor: checks and copies the components.
     *
     * @param assessment the redacted assessment, with the plan's probe timeout and budget
     * @param files      the report files written
     * @param probing    wall time of the probing phase
     */
    public CheckRun {
        Objects.requireNonNull(assessment, "assessment");
        files = List.copyOf(files);
        Objects.requireNonNull(probing, "probing");
    }

    /**
     * Probes, diagnoses and writes the report set of {@code plan} into {@code out}.
     *
     * @param plan the plan ({@link Sophia#plan()}), which has already surfaced every configuration problem
     * @param out  the output directory, created when missing
     * @return the run
     * @throws ReportWriteException when {@code out} cannot be created or written (before probing when it can tell)
     */
    public static CheckRun of(ProbePlan plan, Path out) throws ReportWriteException {
        return of(plan, out, UnaryOperator.identity());
    }

    /**
     * Like {@link #of(ProbePlan, Path)}, with {@code amend} applied to the assessment before the reports are written
     * (a host that watches adds what its own history knows).
     *
     * @param plan  the plan
     * @param out   the output directory, created when missing
     * @param amend applied to the redacted assessment; must keep it redacted
     * @return the run
     * @throws ReportWriteException when {@code out} cannot be created or written (before probing when it can tell)
     */
    public static CheckRun of(ProbePlan plan, Path out, UnaryOperator<Assessment> amend) throws ReportWriteException {
        return of(plan, out, amend, ReportFiles.DEFAULT_LOCK_WAIT);
    }

    /**
     * Like {@link #of(ProbePlan, Path, UnaryOperator)}, waiting up to {@code lockWait} for another writer of
     * {@code out} ({@link ReportFiles#writeAll(Assessment, Path, Redaction, Duration)}).
     *
     * @param plan     the plan
     * @param out      the output directory, created when missing
     * @param amend    applied to the redacted assessment; must keep it redacted
     * @param lockWait how long the write waits for another writer of {@code out}
     * @return the run
     * @throws ReportSetBusyException when another writer still held {@code out} after {@code lockWait}
     * @throws ReportWriteException   when {@code out} cannot be created or written (before probing when it can tell)
     */
    public static CheckRun of(ProbePlan plan, Path out, UnaryOperator<Assessment> amend, Duration lockWait)
            throws ReportWriteException {
        Objects.requireNonNull(lockWait, "lockWait");
        prepare(out);
        AtomicLong probingNanos = new AtomicLong();
        ProbeExecutor timed = probes -> {
            long start = System.nanoTime();
            try {
                return plan.executor().execute(probes);
            } finally {
                probingNanos.set(System.nanoTime() - start);
            }
        };
        // the timing wrapper knows nothing of the runner's timeout and budget: the report states the plan's
        Assessment ran = plan.run(timed);
        Assessment assessment = amend.apply(plan.executor().probing().map(ran::withProbing).orElse(ran));
        return new CheckRun(assessment, write(assessment, out, lockWait), Duration.ofNanos(probingNanos.get()));
    }

    /**
     * Writes the report set of {@code assessment} into {@code out}, created when missing.
     *
     * @param assessment a redacted assessment
     * @param out        the output directory
     * @return the files written
     * @throws ReportWriteException when {@code out} cannot be created or written
     */
    public static List<Path> write(Assessment assessment, Path out) throws ReportWriteException {
        return write(assessment, out, ReportFiles.DEFAULT_LOCK_WAIT);
    }

    /**
     * Writes the report set of {@code assessment} into {@code out}, created when missing, waiting up to
     * {@code lockWait} for another writer of {@code out}.
     *
     * @param assessment a redacted assessment
     * @param out        the output directory
     * @param lockWait   how long to wait for another writer of {@code out}
     * @return the files written
     * @throws ReportSetBusyException when another writer still held {@code out} after {@code lockWait}
     * @throws ReportWriteException   when {@code out} cannot be created or written
     */
    public static List<Path> write(Assessment assessment, Path out, Duration lockWait) throws ReportWriteException {
        prepare(out);
        try {
            return ReportFiles.writeAll(assessment, out, Redaction.patterns(), lockWait);
        } catch (ReportWriteException e) {
            throw e;
        } catch (IOException e) {
            throw new ReportWriteException(out, String.valueOf(e.getMessage()), e);
        }
    }

    private static void prepare(Path out) throws ReportWriteException {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new ReportWriteException(out, "the output directory cannot be created (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        if (!Files.isWritable(out)) {
            throw new ReportWriteException(out, "the output directory is not writable", null);
        }
    }
}
