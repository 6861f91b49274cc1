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

    /** The probe family ({@link Source#HTTP}, {@link Source#GITHUB} …; {@link Source#HOST} for a host's own probe), used as the observations' source. */
    Source source();

    /** The service probed, or null for deployment-wide probes (CI, platform). */
    String serviceId();

    /** What is probed, for messages: a url or host:port, never with credentials. */
    String target();

    /** Runs the probe once. Called from a worker thread; interruption means the deadline passed. */
    List<Observation> run() throws Exception;
}
