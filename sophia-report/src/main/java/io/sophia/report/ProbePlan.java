package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.Diagnoser;
import io.sophia.core.Assessor;
import io.sophia.core.Probe;
import io.sophia.core.ProbeExecutor;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything one check of a deployment needs, built before any network call so that every configuration
 * problem (rule files, gate section, a source's settings) surfaces first: which probes each service
 * gets, the CI and platform probes, the executor that runs them under their deadlines, the diagnosis
 * with its gate policy and rule files, and the redaction of the configured tokens. Made by
 * {@link Sophia#plan()}; {@link #run()} is what {@code sophia check} does.
 *
 * <p>Probes per service: {@code http} an HTTP probe; {@code mcp} an MCP probe, plus an HTTP probe when
 * {@code expect.healthPath} is set; {@code tcp} a TCP probe; a host name (not an IP literal) a DNS probe;
 * an {@code https} url a TLS probe. Then one GitHub Actions probe and one Fly Machines probe when those
 * sources are configured; they run beside the service checks under their own, longer budget.
 *
 * @param deployment the services
 * @param probes     the probes, services first in config order, then CI, then platform
 * @param executor   runs them
 * @param diagnoser  explains what they saw
 * @param redaction  applied to the assessment: token-looking strings and the configured tokens' values
 * @param clock      stamps the assessment
 * @param history    the check's own past runs: their latency baselines are already in the diagnosis, and
 *                   {@link #run()} records the run there; null when the check keeps no history
 */
public record ProbePlan(Deployment deployment, List<Probe> probes, ProbeExecutor executor, Diagnoser diagnoser,
                        Redaction redaction, Clock clock, CheckHistory history) {

    /**
     * Canonical constructor: checks and normalises the components.
     *
     * @param deployment the services
     * @param probes     the probes, services first in config order, then CI, then platform
     * @param executor   runs them
     * @param diagnoser  explains what they saw
     * @param redaction  applied to the assessment: token-looking strings and the configured tokens' values
     * @param clock      stamps the assessment
     * @param history    the check's own past runs, or null
     */
    public ProbePlan {
        Objects.requireNonNull(deployment, "deployment");
        probes = List.copyOf(probes);
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(diagnoser, "diagnoser");
        Objects.requireNonNull(redaction, "redaction");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * A plan that keeps no history of its runs.
     *
     * @param deployment the services
     * @param probes     the probes, services first in config order, then CI, then platform
     * @param executor   runs them
     * @param diagnoser  explains what they saw
     * @param redaction  applied to the assessment: token-looking strings and the configured tokens' values
     * @param clock      stamps the assessment
     */
    public ProbePlan(Deployment deployment, List<Probe> probes, ProbeExecutor executor, Diagnoser diagnoser,
                     Redaction redaction, Clock clock) {
        this(deployment, probes, executor, diagnoser, redaction, clock, null);
    }

    /**
     * Probes, diagnoses and redacts: the assessment {@code sophia check} writes; with a {@link #history()}, the run
     * is recorded there (a file that cannot be written is a warning, never a failure of the check).
     *
     * @return the redacted assessment
     */
    public Assessment run() {
        return run(executor);
    }

    /**
     * {@return like {@link #run()} with another executor, typically {@link #executor()} wrapped by a host that times
     * or traces the probing}
     *
     * @param executor the executor
     */
    public Assessment run(ProbeExecutor executor) {
        return run(executor, List.of());
    }

    /**
     * Like {@link #run(ProbeExecutor)}, diagnosing {@code extra} observations made elsewhere (the findings of
     * a log scanned by the host) together with what the probes saw. Each call is one run of the
     * {@link #history()}, when there is one.
     *
     * @param executor the executor
     * @param extra the extra
     * @return the redacted assessment
     */
    public Assessment run(ProbeExecutor executor, List<io.sophia.core.Observation> extra) {
        Assessment raw = new Assessor(executor, diagnoser, clock).run(deployment, probes, extra);
        Assessment redacted = redaction.apply(raw);
        if (history != null) {
            history.record(redacted);
        }
        return redacted;
    }
}
