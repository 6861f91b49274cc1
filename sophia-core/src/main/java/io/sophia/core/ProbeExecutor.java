package io.sophia.core;

import java.util.List;

/**
 * Runs probes and collects their observations. Implementations never throw for a failing probe:
 * every failure, including a probe that overruns its deadline, becomes an observation.
 */
@FunctionalInterface
public interface ProbeExecutor {

    /**
     * Runs all probes and returns their observations in the order of {@code probes}.
     *
     * @param probes the probes to run
     * @return the observations, in the order of {@code probes}
     */
    List<Observation> execute(List<? extends Probe> probes);

    /** {@return the timeout and budget this executor runs probes under, when it has them; stated in the report} */
    default java.util.Optional<Probing> probing() {
        return java.util.Optional.empty();
    }
}
