package io.sophia.examples.internal;

import io.sophia.core.Assessment;
import io.sophia.core.Observation;
import io.sophia.core.Pipeline;
import io.sophia.core.ProbeExecutor;
import io.sophia.examples.config.ConfigException;
import io.sophia.examples.config.DeploymentConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one code path behind {@code check}, {@code demo} and {@code watch}: read the config, probe,
 * diagnose, write the reports.
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

    /** The output directory cannot be written. */
    public static final class OutputException extends Exception {
        private static final long serialVersionUID = 1L;

        OutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Check() {
    }

    /** Reads {@code configFile}, probes, diagnoses and writes the reports into {@code out}. */
    public static Result run(Path configFile, Path out, Clock clock, Function<String, String> env)
            throws ConfigException, OutputException {
        DeploymentConfig config = DeploymentConfig.load(configFile);
        return run(config, out, clock, env);
    }

    /** Probes, diagnoses and writes the reports of an already loaded {@code config}. */
    public static Result run(DeploymentConfig config, Path out, Clock clock, Function<String, String> env)
            throws ConfigException, OutputException {
        Wiring.Plan plan = Wiring.plan(config, clock, env);
        prepare(out);
        AtomicLong probingNanos = new AtomicLong();
        ProbeExecutor timed = new ProbeExecutor() {
            @Override
            public List<Observation> execute(List<? extends io.sophia.core.Probe> probes) {
                long start = System.nanoTime();
                try {
                    return plan.executor().execute(probes);
                } finally {
                    probingNanos.set(System.nanoTime() - start);
                }
            }

            @Override
            public java.util.Optional<io.sophia.core.Probing> probing() {
                return plan.executor().probing();
            }
        };
        Assessment raw = new Pipeline(timed, plan.diagnoser(), clock)
                .run(plan.deployment(), plan.probes(), List.<Observation>of());
        Assessment assessment = Wiring.redact(raw, config, env);
        List<Path> files;
        try {
            files = Wiring.write(assessment, out);
        } catch (IOException e) {
            throw new OutputException("cannot write the reports into " + out + ": " + e.getMessage(), e);
        }
        return new Result(config, assessment, files, Duration.ofNanos(probingNanos.get()));
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
