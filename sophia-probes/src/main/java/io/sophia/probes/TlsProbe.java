package io.sophia.probes;

import io.sophia.core.Source;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.DnsLookup;
import io.sophia.probes.internal.TcpDial;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.TcpTarget;
import io.sophia.probes.internal.TlsCertificates;

import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Completes a TLS handshake with a service and reports what its certificate says
 * ({@link Observation.TlsHandshake}): protocol and cipher, leaf subject and issuer, validity, whole
 * days to expiry by the probe's clock, whether the certificate names the host, whether it is
 * self-signed, and whether the chain validates against the trust store (the JDK's by default).
 *
 * <p>The handshake itself accepts any certificate, so that an expired, self-signed or wrong-host
 * certificate is described rather than merely refused; trust is then checked separately. When the
 * service's expectations set {@code minCertificateDays}, a {@link Observation.ConditionCheck}
 * {@code [CERTIFICATE_EXPIRATION] >= Nd} is added. Failures are {@code TLS_FAILURE} (no TLS
 * spoken, handshake refused), {@code CONNECTION_REFUSED}, {@code CONNECT_TIMEOUT},
 * {@code READ_TIMEOUT} (handshake unanswered), {@code CONNECTION_RESET}, {@code DNS_FAILURE},
 * {@code DNS_TIMEOUT}. Never throws for these and never runs past its timeout.
 */
public final class TlsProbe implements Probe {

    /**
     * Options of a TLS probe, immutable. Defaults: the clock of the run's {@link ProbeContext}, the
     * JDK's trust store.
     */
    public static final class Options {
        private static final Options DEFAULTS = custom().build();
        private final Clock clock;
        private final KeyStore trustStore;

        private Options(Builder b) {
            this.clock = b.clock;
            this.trustStore = b.trustStore;
        }

        /** {@return default options} */
        public static Options ofDefaults() {
            return DEFAULTS;
        }

        /** {@return a builder starting from the defaults} */
        public static Builder custom() {
            return new Builder();
        }

        /**
         * {@return the clock that days to expiry are counted from, or null for the run's {@link
         * ProbeContext#clock()}}
         */
        public Clock clock() {
            return clock;
        }

        /** {@return the trust store the chain is validated against; null means the JDK's cacerts} */
        public KeyStore trustStore() {
            return trustStore;
        }

        /** Builds {@link Options}. */
        public static final class Builder {
            private Clock clock;
            private KeyStore trustStore;

            private Builder() {
            }

            /**
             * The clock that days to expiry are counted from, overriding the run's {@link ProbeContext#clock()}.
             *
             * @param clock the clock
             * @return this builder
             */
            public Builder clock(Clock clock) {
                this.clock = Objects.requireNonNull(clock, "clock");
                return this;
            }

            /**
             * A trust store to validate chains against instead of the JDK's cacerts.
             *
             * @param trustStore a trust store
             * @return this builder
             */
            public Builder trustStore(KeyStore trustStore) {
                this.trustStore = trustStore;
                return this;
            }

            /** {@return the options} */
            public Options build() {
                return new Options(this);
            }
        }
    }

    private static final long SECONDS_PER_DAY = 86_400L;

    private final Service service;
    private final Duration timeout;
    private final Options options;

    private TlsProbe(Service service, Duration timeout, Options options) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * {@return a probe of {@code service} with the default options, giving up after {@code timeout}}
     *
     * @param service the service to probe
     * @param timeout the handshake deadline
     */
    public static TlsProbe of(Service service, Duration timeout) {
        return new TlsProbe(service, timeout, Options.ofDefaults());
    }

    /**
     * {@return a probe of {@code service} with {@code options}, giving up after {@code timeout}}
     *
     * @param service the service to probe
     * @param timeout the handshake deadline
     * @param options clock and trust store
     */
    public static TlsProbe of(Service service, Duration timeout, Options options) {
        return new TlsProbe(service, timeout, options);
    }

    @Override
    public Source source() {
        return Source.TLS;
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
        Clock clock = options.clock() != null ? options.clock() : context.clock();
        TcpTarget target;
        try {
            target = TcpTarget.of(service.url());
        } catch (IllegalArgumentException e) {
            return List.of(TcpTarget.unusable(service, source(), e));
        }
        TcpDial.Connection dial = TcpDial.dial(DnsLookup.SYSTEM, target, deadline);
        if (!dial.ok()) {
            return List.of(failure(target.toString(), dial.failure(), dial.detail(), start));
        }
        Socket plain = dial.socket();
        // closed at the deadline, not only on cancellation: a server that drips its handshake a byte at a time
        // never trips the socket timeout, and the probe must end by its deadline even outside a runner
        try (ProbeContext.Registration r = deadline.onExpiryOrCancel(() -> TcpDial.closeQuietly(plain));
             SSLSocket tls = (SSLSocket) inspectingContext().getSocketFactory()
                .createSocket(plain, target.host(), target.port(), true)) {
            SSLParameters params = tls.getSSLParameters();
            if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
                params.setServerNames(List.of(new SNIHostName(target.host())));
            }
            tls.setSSLParameters(params);
            if (deadline.expired()) {
                return List.of(failure(target.toString(), FailureKind.DEADLINE_EXCEEDED, "no time left for the handshake", start));
            }
            tls.setSoTimeout(deadline.remainingMillisForSocket());
            tls.startHandshake();
            SSLSession session = tls.getSession();
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return describe(target, session, latency, clock);
        } catch (IOException e) {
            if (deadline.expired() && !deadline.cancelled()) {
                // our own close at the deadline, not the peer's
                return List.of(failure(target.toString(), FailureKind.READ_TIMEOUT, "TCP connected but the TLS handshake"
                        + " did not complete by the probe's deadline", start));
            }
            Failures.Classified c = Failures.classify(e, true);
            return List.of(failure(target.toString(), c.kind(), c.detail(), start));
        } catch (RuntimeException e) {
            return List.of(failure(target.toString(), FailureKind.TLS_FAILURE,
                    "TLS handshake failed: " + e.getClass().getSimpleName(), start));
        } finally {
            TcpDial.closeQuietly(plain);
        }
    }

    private List<Observation> describe(TcpTarget target, SSLSession session, Duration latency, Clock clock)
            throws IOException {
        Certificate[] peer = session.getPeerCertificates();
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : peer) {
            if (c instanceof X509Certificate x) {
                chain.add(x);
            }
        }
        if (chain.isEmpty()) {
            return List.of(failure(target.toString(), FailureKind.TLS_FAILURE, "the server sent no X.509 certificate",
                    System.nanoTime() - latency.toNanos()));
        }
        X509Certificate leaf = chain.get(0);
        Instant now = clock.instant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        long days = Math.floorDiv(notAfter.getEpochSecond() - now.getEpochSecond(), SECONDS_PER_DAY);
        X509TrustManager trust = options.trustStore() == null ? JdkTrust.MANAGER
                : TlsCertificates.trustManager(options.trustStore());
        boolean trusted = TlsCertificates.trustProblem(trust, chain.toArray(new X509Certificate[0])) == null;
        List<Observation> out = new ArrayList<>();
        out.add(new Observation.TlsHandshake(service.id(), source(), target.host(), target.port(),
                session.getProtocol(), session.getCipherSuite(),
                leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                leaf.getNotBefore().toInstant(), notAfter, days,
                TlsCertificates.matchesHost(leaf, target.host()), TlsCertificates.selfSigned(leaf), trusted,
                chain.size()));
        Integer min = service.expect().minCertificateDays();
        if (min != null) {
            out.add(new Observation.ConditionCheck(service.id(), source(), "[CERTIFICATE_EXPIRATION] >= " + min + "d",
                    days >= min, days + "d"));
        }
        return out;
    }

    private Observation.ProbeFailure failure(String target, FailureKind kind, String detail, long startNanos) {
        return new Observation.ProbeFailure(service.id(), source(), target, kind, detail, null,
                Duration.ofNanos(System.nanoTime() - startNanos), 1);
    }

    /** The JDK's default trust manager, loaded once: reading cacerts costs ~100 ms. */
    private static final class JdkTrust {
        static final X509TrustManager MANAGER = TlsCertificates.trustManager(null);
    }

    private static SSLContext inspectingContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AcceptAll()}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("no TLS implementation available", e);
        }
    }

    /** Accepts every chain so it can be inspected; trust is judged afterwards, never skipped. */
    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
