package io.sophia.core;

import java.util.List;

/**
 * Looks at one target and reports what it saw.
 *
 * <p>A probe may block and may throw; the {@link ProbeExecutor} that runs it enforces the deadline
 * and turns any exception into a {@link Observation.ProbeFailure}, so nothing reaches the host.
 * Implementations should still map the failures they understand to precise {@link FailureKind}s
 * themselves.
 *
 * <p>Everything a run may rely on comes in its {@link ProbeContext}: the deadline (the probe
 * derives its connect and read timeouts from the time left, and ends by then), the cancellation
 * signal (stop, and release sockets, when it fires) and the clock. A probe may also carry a
 * timeout of its own; the earlier of the two applies.
 */
public interface Probe {

    /**
     * {@return the probe family ({@link Source#HTTP}, {@link Source#GITHUB} …; {@link Source#HOST} for a host's own
     * probe), used as the observations' source}
     */
    Source source();

    /** {@return the service probed, or null for deployment-wide probes (CI, platform)} */
    String serviceId();

    /** {@return what is probed, for messages: a url or host:port, never with credentials} */
    String target();

    /**
     * Runs the probe once, by {@code context}'s deadline. Called from a worker thread; interruption or
     * cancellation of {@code context} means the result is no longer wanted.
     *
     * @param context the context
     * @return what it observed
     * @throws Exception when it cannot complete; the runner turns it into a typed observation
     */
    List<Observation> run(ProbeContext context) throws Exception;
}
