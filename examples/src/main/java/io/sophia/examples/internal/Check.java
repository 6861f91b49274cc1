package io.sophia.examples.internal;

import io.sophia.core.Assessment;
import io.sophia.core.ProbeExecutor;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.ProbePlan;
import io.sophia.report.ReportFiles;
import io.sophia.report.Sophia;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one code path behind {@code check}, {@code demo} and {@code watch}: {@link Sophia} plans, probes and
 * diagnoses; this adds the timing of the probing (for the summary) and the report files.
 */
public final class Check {

    /**
     * What one check produced.
     *
     * @param config     the configuration it ran on
     * @param assessment the diagnosis
     * @param files      the files written
     * @param probing    wall time of the probing phase
     */
    public record Result(DeploymentConfig config, Assessment assessment, List<Path> files, Duration probing) {
        public Result {
            files = List.copyOf(files);
        }

        /** 0 OPEN, 1 WARN, 2 BLOCKED. */
        public int exitCode() {
            return assessment.gate().status().exitCode();
        }
    }

    /** The output directory cannot be written (exit code 73). */
    public static final class OutputException extends Exception {
        private static final long serialVersionUID = 1L;

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Check() {
    }

    /** Probes, diagnoses and writes the reports of {@code config} into {@code out}. */
    public static Result run(DeploymentConfig config, Path out, Clock clock, Function<String, String> env)
            throws OutputException {
        return run(config, out, clock, env, UnaryOperator.identity());
    }

    /**
     * As {@link #run(DeploymentConfig, Path, Clock, Function)}, with {@code amend} applied to the assessment
     * before the reports are written ({@code watch} adds what its own history knows).
     */
    public static Result run(DeploymentConfig config, Path out, Clock clock, Function<String, String> env,
                             UnaryOperator<Assessment> amend) throws OutputException {
        // the plan first: a rule-file or gate error is reported before the output directory is touched
        ProbePlan plan = Sophia.builder(config).clock(clock).env(env).build().plan();
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
        return new Result(config, assessment, write(assessment, out), Duration.ofNanos(probingNanos.get()));
    }

    /** Writes the report set of {@code assessment} into {@code out}. */
    static List<Path> write(Assessment assessment, Path out) throws OutputException {
        prepare(out);
        try {
            return ReportFiles.writeAll(assessment, out);
        } catch (IOException e) {
            // ReportWriteException already names the directory and says the previous reports are unchanged
            throw new OutputException(e instanceof io.sophia.report.ReportWriteException ? e.getMessage()
                    : "cannot write the reports into " + out + ": " + e.getMessage(), e);
        }
    }

    private static void prepare(Path out) throws OutputException {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new OutputException("cannot create the output directory " + out + ": " + e, e);
        }
        if (!Files.isWritable(out)) {
            throw new OutputException("the output directory " + out + " is not writable", null);
        }
    }
}
