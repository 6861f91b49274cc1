package io.sophia.probes;

import io.sophia.core.Source;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.DnsLookup;
import io.sophia.probes.internal.TcpDial;
import io.sophia.probes.internal.TcpTarget;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Opens a TCP connection to a service ({@code tcp://host:port}, or an http(s) url's host and port)
 * and closes it again. Reports {@link Observation.TcpConnect} with the connect latency, or a
 * {@link Observation.ProbeFailure}: {@code CONNECTION_REFUSED}, {@code CONNECT_TIMEOUT},
 * {@code DNS_FAILURE}, {@code DNS_TIMEOUT}, {@code MISCONFIGURED} (no host or port). Never throws for
 * these and never waits past its timeout (name resolution included).
 */
public final class TcpProbe implements Probe {

    private final Service service;
    private final Duration timeout;

    private TcpProbe(Service service, Duration timeout) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * {@return a probe of {@code service} that gives up after {@code timeout}}
     *
     * @param service the service to probe
     * @param timeout the connect deadline
     */
    public static TcpProbe of(Service service, Duration timeout) {
        return new TcpProbe(service, timeout);
    }

    @Override
    public Source source() {
        return Source.TCP;
    }

    @Override
    public String serviceId() {
        return service.id();
    }

    @Override
    public String target() {
        return TcpTarget.describe(service.url());
    }

    @Override
    public List<Observation> run(ProbeContext context) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.of(context, timeout);
        TcpTarget target;
        try {
            target = TcpTarget.of(service.url());
        } catch (IllegalArgumentException e) {
            return List.of(TcpTarget.unusable(service, source(), e));
        }
        TcpDial.Connection dial = TcpDial.dial(DnsLookup.SYSTEM, target, deadline);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!dial.ok()) {
            return List.of(new Observation.ProbeFailure(service.id(), source(), target.toString(), dial.failure(),
                    dial.detail(), null, elapsed, 1));
        }
        TcpDial.closeQuietly(dial.socket());
        return List.of(new Observation.TcpConnect(service.id(), source(), target.host(), target.port(), elapsed));
    }
}
