package io.sophia.core;

import java.util.List;

/**
 * Looks at one target and reports what it saw.
 *
 * <p>A probe may block and may throw; the {@link ProbeExecutor} that runs it enforces the deadline
 * and turns any exception into a {@link Observation.ProbeFailure}, so nothing reaches the host.
 * Implementations should still map the failures they understand to precise {@link FailureKind}s
 * themselves.
 */
public interface Probe {

    /** {@return the probe family ({@code http}, {@code github}, {@code fly} …), used as the observations' source} */
    String source();

    /** {@return the service probed, or null for deployment-wide probes (CI, platform)} */
    String serviceId();

    /** {@return what is probed, for messages: a url or host:port, never with credentials} */
    String target();

    /**
     * Runs the probe once. Called from a worker thread; interruption means the deadline passed.
     *
     * @return what it observed
     * @throws Exception when it cannot complete; the runner turns it into a typed observation
     */
    List<Observation> run() throws Exception;
}
