package io.sophia.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The small pipeline that makes an assessment: run the probes, then diagnose what they saw. (Named
 * Assessor, not Pipeline: "pipeline" in Sophia is the CI pipeline that deployed the services.)
 *
 * <pre>{@code
 * Assessment a = new Assessor(runner, diagnosis, Clock.systemUTC()).run(deployment, probes);
 * }</pre>
 *
 * @param executor  runs the probes (the probes module's {@code ProbeRunner})
 * @param diagnoser explains the observations (the diagnosis module's {@code Diagnosis})
 * @param clock     stamps the assessment
 */
public record Assessor(ProbeExecutor executor, Diagnoser diagnoser, Clock clock) {

    /**
     * Canonical constructor: checks and normalises the components.
     *
     * @param executor  runs the probes (the probes module's {@code ProbeRunner})
     * @param diagnoser explains the observations (the diagnosis module's {@code Diagnosis})
     * @param clock     stamps the assessment
     */
    public Assessor {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(diagnoser, "diagnoser");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Probes, then diagnoses, with extra observations a host gathered itself appended.
     *
     * @param deployment the deployment
     * @param probes the probes to run
     * @param extra the extra
     * @return the assessment
     */
    public Assessment run(Deployment deployment, List<? extends Probe> probes, List<Observation> extra) {
        List<Observation> all = new ArrayList<>(executor.execute(probes));
        all.addAll(extra);
        Assessment a = diagnoser.diagnose(deployment, all, clock.instant());
        return executor.probing().map(a::withProbing).orElse(a);
    }

    /**
     * Probes, then diagnoses.
     *
     * @param deployment the deployment
     * @param probes the probes to run
     * @return the assessment
     */
    public Assessment run(Deployment deployment, List<? extends Probe> probes) {
        return run(deployment, probes, List.of());
    }
}
