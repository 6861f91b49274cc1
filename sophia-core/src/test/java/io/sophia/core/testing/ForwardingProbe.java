package io.sophia.core.testing;

import io.sophia.core.Probe;
import io.sophia.core.Source;

import java.util.Objects;

/**
 * A probe that the runner sees as another one (its source, service and target) and whose {@link #run} a test writes
 * around that one's: for tests that watch how probes are run (on which thread, when, with what escaping them).
 */
public abstract class ForwardingProbe implements Probe {

    /** The probe whose identity this one carries and whose run it wraps. */
    protected final Probe probe;

    /** @param probe the probe to wrap */
    protected ForwardingProbe(Probe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public Source source() {
        return probe.source();
    }

    @Override
    public String serviceId() {
        return probe.serviceId();
    }

    @Override
    public String target() {
        return probe.target();
    }
}
