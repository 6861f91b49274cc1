package io.sophia.probes;

import io.sophia.core.Source;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.DnsLookup;
import io.sophia.probes.internal.TcpTarget;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves the host name of a service's url and reports its addresses
 * ({@link Observation.DnsResolution}), or why it did not resolve: {@code DNS_FAILURE} for a name
 * that does not exist (NXDOMAIN), {@code DNS_TIMEOUT} when the resolver did not answer within the
 * timeout or failed temporarily. Never throws for these; never waits past its timeout.
 */
public final class DnsProbe implements Probe {

    /** Resolves a name to its addresses; lets a host plug in its own resolver. */
    @FunctionalInterface
    public interface Resolver {
        /**
         * The addresses of {@code host}; throws {@link java.net.UnknownHostException} when it does not exist.
         *
         * @param host a host name
         * @return the addresses
         * @throws Exception when the lookup fails ({@link java.net.UnknownHostException} when the host does not exist)
         */
        List<InetAddress> resolve(String host) throws Exception;
    }

    private final Service service;
    private final Duration timeout;
    private final Resolver resolver;

    private DnsProbe(Service service, Duration timeout, Resolver resolver) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * {@return a probe of {@code service}'s host with the JDK's resolver, waiting at most {@code timeout}}
     *
     * @param service the service whose url names the host
     * @param timeout how long the probe may take
     */
    public static DnsProbe of(Service service, Duration timeout) {
        return new DnsProbe(service, timeout, host -> List.of(InetAddress.getAllByName(host)));
    }

    /**
     * {@return a probe of {@code service}'s host with {@code resolver}, waiting at most {@code timeout}}
     *
     * @param service the service whose url names the host
     * @param timeout how long the probe may take
     * @param resolver resolves host names
     */
    public static DnsProbe of(Service service, Duration timeout, Resolver resolver) {
        return new DnsProbe(service, timeout, resolver);
    }

    @Override
    public Source source() {
        return Source.DNS;
    }

    @Override
    public String serviceId() {
        return service.id();
    }

    @Override
    public String target() {
        return service.url() == null || service.url().getHost() == null ? "" : service.url().getHost();
    }

    @Override
    public List<Observation> run(ProbeContext context) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.of(context, timeout);
        String host;
        try {
            host = TcpTarget.hostOf(service.url());
        } catch (IllegalArgumentException e) {
            return List.of(TcpTarget.unusable(service, source(), e));
        }
        DnsLookup.Resolution result = DnsLookup.resolve(resolver::resolve, host, deadline.remaining());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!result.ok()) {
            return List.of(new Observation.ProbeFailure(service.id(), source(), host, result.failure(),
                    result.detail(), null, elapsed, 1));
        }
        List<String> addresses = new ArrayList<>();
        for (InetAddress a : result.addresses()) {
            addresses.add(a.getHostAddress());
        }
        return List.of(new Observation.DnsResolution(service.id(), source(), host, addresses, elapsed));
    }
}
