package io.sophia.core;

import java.time.Instant;
import java.util.List;

/** Turns observations of a deployment into an {@link Assessment}. Pure: same input, same output. */
@FunctionalInterface
public interface Diagnoser {

    /**
     * @param deployment   the services and their topology
     * @param observations everything the probes saw
     * @param now          the assessment's timestamp (passed in so results are reproducible)
     * @return the assessment
     */
    Assessment diagnose(Deployment deployment, List<Observation> observations, Instant now);
}
