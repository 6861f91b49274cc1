package io.sophia.probes.internal;

import io.sophia.core.FailureKind;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import okhttp3.Dns;

/**
 * OkHttp's name lookup bounded by a probe's {@link Deadline}: the JDK's resolver cannot be
 * interrupted and may block for its own timeout, so the lookup runs through {@link DnsLookup} and
 * the call stops waiting at the deadline. A failure is a {@link Failed} carrying the precise kind.
 */
public final class DeadlineDns implements Dns {

    /** A lookup that failed, with the kind ({@code DNS_FAILURE}, {@code DNS_TIMEOUT}) and a detail naming the host. */
    public static final class Failed extends UnknownHostException {
        private static final long serialVersionUID = 1L;
        private final transient FailureKind kind;

        Failed(FailureKind kind, String detail) {
            super(detail);
            this.kind = kind;
        }

        /** {@return the failure kind} */
        public FailureKind kind() {
            return kind;
        }
    }

    private final DnsLookup.NameResolver resolver;
    private final Deadline deadline;

    /** Looks names up with {@code resolver}, giving up at {@code deadline}. */
    public DeadlineDns(DnsLookup.NameResolver resolver, Deadline deadline) {
        this.resolver = resolver;
        this.deadline = deadline;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        DnsLookup.Resolution r = DnsLookup.resolve(resolver, hostname, deadline.remaining());
        if (!r.ok()) {
            throw new Failed(r.failure(), r.detail());
        }
        return r.addresses();
    }
}
