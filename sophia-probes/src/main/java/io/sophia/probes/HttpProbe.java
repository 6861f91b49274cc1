package io.sophia.probes;

import io.sophia.core.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.probes.internal.Conditions;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.DnsLookup;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.SafeText;
import io.sophia.probes.internal.TimingExchange;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * Checks one HTTP(S) service with one {@code GET} of the service url (plus
 * {@link Expectations#healthPath()}), recording the status code, latency, a capped body excerpt,
 * the content type, the deployed version and the timing phases.
 *
 * <p>Observations of one run, in order:
 * <ul>
 *   <li>an answer: {@link HttpCheck}, then one {@link Observation.ConditionCheck} per expectation
 *       ({@code [STATUS] == 200}, {@code [RESPONSE_TIME] < 300ms}, {@code [BODY]/status == ok}), then a
 *       {@link ProbeFailure} of kind {@link FailureKind#UNEXPECTED_STATUS} when the status is rejected;</li>
 *   <li>no answer: one {@link ProbeFailure} whose kind says why: {@code CONNECTION_REFUSED},
 *       {@code CONNECT_TIMEOUT} (the connect gets 80 % of the time, so a stalled connect is told
 *       apart from a silent server), {@code READ_TIMEOUT}, {@code DNS_FAILURE} or {@code DNS_TIMEOUT},
 *       {@code TLS_FAILURE} (a failed handshake, or one that stalled on a port that accepts TCP),
 *       {@code CONNECTION_RESET}, or {@code MISCONFIGURED} for an unusable url.</li>
 * </ul>
 *
 * <p>The check is a single HTTP/1.1 exchange on a socket, timed phase by phase like
 * blackbox_exporter: {@code dns} (null when the host is an IP literal), {@code connect},
 * {@code tls} (https only), {@code firstByte} (request sent to first response byte) and
 * {@code transfer} (first byte to end of body). The phases are contiguous, so they add up to the
 * latency; a body read only up to its cap has no {@code transfer}. The latency is the server's
 * time plus the network's, without any client start-up cost, so a {@code maxLatency} of a few
 * milliseconds holds for a fast service even on the first check in a JVM.
 *
 * <p>The body is never buffered whole: the first {@value #EXCERPT_BYTES} bytes become the excerpt,
 * up to 64 KiB are kept to read the JSON expectations and the version, the rest up to 1 MiB is
 * counted and discarded. The url's user info and query never appear in an observation, and user
 * info is never sent.
 *
 * <p>Stable API. Thread-safe; one instance may be run repeatedly.
 */
public final class HttpProbe implements Probe {

    /** The observations' source. */
    public static final Source SOURCE = Source.HTTP;
    /** Bytes of the body kept as {@link HttpCheck#bodyExcerpt()}. */
    public static final int EXCERPT_BYTES = 2048;

    static final String USER_AGENT = "sophia-probe/0.1";
    private static final int PARSE_BYTES = 64 * 1024;
    private static final long READ_LIMIT = 1 << 20;
    /** Created on first use, in a probe thread: Jackson's start-up would otherwise land on the caller of of(). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Service service;
    private final Duration timeout;
    private final URI uri;
    private final String misconfiguration;
    private final byte[] request;
    private final SSLSocketFactory tls;

    private HttpProbe(Service service, Duration timeout, URI uri, String misconfiguration, SSLSocketFactory tls) {
        this.service = service;
        this.timeout = timeout;
        this.uri = uri;
        this.misconfiguration = misconfiguration;
        this.request = uri == null ? null : TimingExchange.request(uri, USER_AGENT);
        this.tls = tls;
    }

    /**
     * A probe of {@code service} that gives up after {@code timeout} (or earlier, at the runner's deadline).
     *
     *
     * @param service the service to probe
     * @param timeout the request deadline
     * @return the probe
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public static HttpProbe of(Service service, Duration timeout) {
        return of(service, timeout, null);
    }

    /** A probe whose https connections trust what {@code tls} trusts (null: the JVM's default trust store); for tests. */
    static HttpProbe of(Service service, Duration timeout, SSLSocketFactory tls) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        try {
            return new HttpProbe(service, timeout, checkUri(service), null, tls);
        } catch (IllegalArgumentException e) {
            return new HttpProbe(service, timeout, null, e.getMessage(), tls);
        }
    }

    /** The url checked: the service url with {@link Expectations#healthPath()} appended. */
    static URI checkUri(Service service) {
        URI base = service.url();
        if (base == null) {
            throw new IllegalArgumentException("service '" + service.id() + "' has no url");
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new IllegalArgumentException("url of service '" + service.id() + "' is not an http(s) url with a host: "
                    + SafeText.url(base));
        }
        String health = service.expect().healthPath();
        if (health == null || health.isBlank()) {
            return base;
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String joined = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
                + (health.startsWith("/") ? health : "/" + health);
        try {
            return new URI(scheme + "://" + base.getRawAuthority() + joined);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("healthPath of service '" + service.id() + "' does not make a url: "
                    + SafeText.text(e.getMessage()), e);
        }
    }

    @Override
    public Source source() {
        return SOURCE;
    }

    @Override
    public String serviceId() {
        return service.id();
    }

    @Override
    public String target() {
        return uri == null ? SafeText.url(service.url()) : SafeText.url(uri);
    }

    /** {@return the timeout this probe was made with} */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public List<Observation> run(ProbeContext context) throws InterruptedException {
        if (uri == null) {
            return List.of(failure(FailureKind.MISCONFIGURED, misconfiguration, null, System.nanoTime()));
        }
        Deadline deadline = Deadline.of(context, timeout);
        // the JVM's one-time trust-store set-up is not the server's time: done before the clock starts
        SSLSocketFactory factory = tls != null || !"https".equalsIgnoreCase(uri.getScheme()) ? tls : TimingExchange.tlsFactory();
        long start = System.nanoTime();
        String host = uri.getHost();
        InetAddress address;
        Duration dns = null;
        long phaseStart = start;
        if (isIpLiteral(host)) {
            try {
                address = InetAddress.getByName(host); // a literal is parsed, never looked up
            } catch (UnknownHostException e) {
                return List.of(failure(FailureKind.MISCONFIGURED, "host " + host + " is not a valid IP address", null, start));
            }
        } else {
            DnsLookup.Result lookup = DnsLookup.resolve(DnsLookup.SYSTEM, host, deadline.remaining());
            if (!lookup.ok()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while resolving " + host);
                }
                return List.of(failure(lookup.failure(), lookup.detail(), null, start)); // the detail names the host
            }
            address = lookup.addresses().get(0);
            phaseStart = System.nanoTime();
            dns = Duration.ofNanos(phaseStart - start);
        }
        Duration connectTimeout = Duration.ofMillis(Math.max(1, Math.min(timeout.toMillis(),
                deadline.remaining().toMillis()) * 8 / 10));
        TimingExchange.Answer answer;
        try {
            answer = TimingExchange.get(uri, request, address, dns, start, phaseStart, connectTimeout, deadline,
                    factory, PARSE_BYTES, READ_LIMIT);
        } catch (TimingExchange.Failed e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during the check of " + target());
            }
            return List.of(failure(e, start));
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted during the check of " + target());
        }
        return answer(answer);
    }

    /** The failure kind of an exchange that failed, told by the step it failed in. */
    private ProbeFailure failure(TimingExchange.Failed e, long start) {
        Throwable cause = e.getCause();
        String within = " within " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
        FailureKind kind = Failures.kindOf(cause);
        switch (e.phase()) {
            case CONNECT -> {
                if (e.timedOut()) {
                    return failure(FailureKind.CONNECT_TIMEOUT, "connect timeout: the TCP connect did not complete" + within,
                            null, start);
                }
                if (kind == FailureKind.CONNECTION_REFUSED) {
                    // the JDK's "ConnectException: Connection refused" only repeats the kind; the port says more
                    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                    return failure(kind, "connection refused: nothing listens on " + uri.getHost() + ":" + port, null, start);
                }
            }
            case TLS -> {
                if (e.timedOut()) {
                    return failure(FailureKind.TLS_FAILURE, "TCP connected but the TLS handshake did not complete" + within,
                            null, start);
                }
                if (kind == FailureKind.OTHER) {
                    kind = FailureKind.TLS_FAILURE;
                }
            }
            case FIRST_BYTE -> {
                if (e.timedOut()) {
                    return failure(FailureKind.READ_TIMEOUT, "connected but no answer" + within, null, start);
                }
                if (e.closedEarly()) {
                    return failure(FailureKind.CONNECTION_RESET, "connection closed by the server before any answer",
                            null, start);
                }
            }
            case HEADERS, BODY -> {
                if (e.timedOut()) {
                    String detail = e.headersAtNanos() != 0
                            ? "headers came after " + Duration.ofNanos(e.headersAtNanos() - start).toMillis()
                              + " ms but the body did not complete" + within
                            : "the answer began but its headers did not complete" + within;
                    return failure(FailureKind.READ_TIMEOUT, detail, null, start);
                }
                if (e.closedEarly()) {
                    return failure(FailureKind.CONNECTION_RESET, "connection closed by the server in the middle of the answer: "
                            + SafeText.describe(cause), null, start);
                }
                if (cause instanceof ProtocolException) {
                    return failure(FailureKind.OTHER, "malformed HTTP answer: " + SafeText.describe(cause), null, start);
                }
            }
            default -> {
                // every phase is handled above
            }
        }
        return failure(kind, Failures.phrase(kind) + ": " + SafeText.describe(cause), null, start);
    }

    private List<Observation> answer(TimingExchange.Answer response) {
        Duration latency = response.latency();
        int status = response.status();
        String contentType = response.header("Content-Type").orElse(null);
        String excerpt = excerpt(response, contentType);
        JsonNode json = response.complete() && response.total() <= PARSE_BYTES ? parse(response.head()) : null;
        Expectations expect = service.expect();
        String version = null;
        if (expect.versionHeader() != null) {
            version = response.header(expect.versionHeader()).map(SafeText::text).orElse(null);
        }
        if (version == null && expect.versionField() != null && json != null) {
            String v = Conditions.text(json, Conditions.pointer(expect.versionField()));
            version = v == null ? null : SafeText.text(v);
        }
        List<Observation> out = new ArrayList<>();
        out.add(new HttpCheck(service.id(), SOURCE, target(), status, latency, excerpt, contentType, version,
                response.timing()));
        out.addAll(Conditions.evaluate(service.id(), SOURCE, expect, status, latency, json));
        if (!expect.accepts(status)) {
            out.add(new ProbeFailure(service.id(), SOURCE, target(), FailureKind.UNEXPECTED_STATUS,
                    "answered " + status + ", expected " + Conditions.statusCondition(expect), status, latency, 1));
        }
        return out;
    }

    /** True for {@code 203.0.113.7} and {@code [2001:db8::1]}: addresses written out, which need no lookup. */
    static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private ProbeFailure failure(FailureKind kind, String detail, Integer status, long start) {
        return new ProbeFailure(service.id(), SOURCE, target(), kind, SafeText.text(detail), status,
                Duration.ofNanos(System.nanoTime() - start), 1);
    }

    private static String excerpt(TimingExchange.Answer body, String contentType) {
        byte[] head = body.head();
        int n = Math.min(head.length, EXCERPT_BYTES);
        CharBuffer out = CharBuffer.allocate(n);
        // endOfInput only when the whole body is here, so a character cut at the cap is dropped, not garbled
        boolean whole = body.complete() && n == body.total();
        charset(contentType).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(head, 0, n), out, whole);
        return out.flip().toString();
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static JsonNode parse(byte[] head) {
        int i = 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == head.length || head[i] != '{' && head[i] != '[') {
            return null;
        }
        try {
            return Json.MAPPER.readTree(Arrays.copyOfRange(head, i, head.length));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "HttpProbe[" + service.id() + " " + target() + " timeout=" + timeout.toMillis() + "ms]";
    }
}
