package io.sophia.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Observation.Timing;
import io.sophia.core.Probe;
import io.sophia.core.Service;
import io.sophia.probes.internal.CappedBody;
import io.sophia.probes.internal.Conditions;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.SafeText;
import io.sophia.probes.internal.TimingExchange;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks one HTTP(S) service with the JDK's {@link HttpClient}: one {@code GET} of the service url
 * (plus {@link Expectations#healthPath()}), recording the status code, latency, a capped body
 * excerpt, the content type, the deployed version and the timing phases.
 *
 * <p>Observations of one run, in order:
 * <ul>
 *   <li>an answer: {@link HttpCheck}, then one {@link Observation.ConditionCheck} per expectation
 *       ({@code [STATUS] == 200}, {@code [RESPONSE_TIME] < 300ms}, {@code [BODY]/status == ok}), then a
 *       {@link ProbeFailure} of kind {@link FailureKind#UNEXPECTED_STATUS} when the status is rejected;</li>
 *   <li>no answer: one {@link ProbeFailure} whose kind says why: {@code CONNECTION_REFUSED},
 *       {@code CONNECT_TIMEOUT} (the connect gets 80 % of the time, so a stalled connect is told
 *       apart from a silent server), {@code READ_TIMEOUT}, {@code DNS_FAILURE}, {@code TLS_FAILURE}
 *       (a failed handshake, or one that stalled on a port that accepts TCP),
 *       {@code CONNECTION_RESET}, or {@code MISCONFIGURED} for an unusable url.</li>
 * </ul>
 *
 * <p>The body is never buffered whole: the first {@value #EXCERPT_BYTES} bytes become the excerpt,
 * up to 64 KiB are kept to read the JSON expectations and the version, the rest up to 1 MiB is
 * counted and discarded. The url's user info and query never appear in an observation.
 *
 * <p>The timing phases come from a second, raw-socket HTTP/1.1 exchange made after a successful
 * check (the JDK client does not expose them): {@code dns} is the lookup made before the check,
 * {@code connect}, {@code tls}, {@code firstByte} (request written to first response byte) and
 * {@code transfer} (first byte to end of body) are measured on that exchange; a phase not reached
 * is null.
 *
 * <p>Stable API. Thread-safe; one instance may be run repeatedly.
 */
public final class HttpProbe implements Probe {

    /** The observations' source. */
    public static final String SOURCE = "http";
    /** Bytes of the body kept as {@link HttpCheck#bodyExcerpt()}. */
    public static final int EXCERPT_BYTES = 2048;

    static final String USER_AGENT = "sophia-probe/0.1";
    private static final int PARSE_BYTES = 64 * 1024;
    private static final long READ_LIMIT = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Service service;
    private final Duration timeout;
    private final URI uri;
    private final String misconfiguration;
    private final HttpClient client;

    private HttpProbe(Service service, Duration timeout, URI uri, String misconfiguration) {
        this.service = service;
        this.timeout = timeout;
        this.uri = uri;
        this.misconfiguration = misconfiguration;
        this.client = newClient(timeout);
    }

    /** A client whose connect timeout is 80 % of {@code budget}, so a stalled connect ends before the whole check does. */
    private static HttpClient newClient(Duration budget) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(Math.max(1, budget.toMillis() * 8 / 10)))
                .build();
    }

    /**
     * A probe of {@code service} that gives up after {@code timeout} (or earlier, at the runner's deadline).
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public static HttpProbe of(Service service, Duration timeout) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        try {
            return new HttpProbe(service, timeout, checkUri(service), null);
        } catch (IllegalArgumentException e) {
            return new HttpProbe(service, timeout, null, e.getMessage());
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
    public String source() {
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

    /** The timeout this probe was made with. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public List<Observation> run() throws InterruptedException {
        long start = System.nanoTime();
        if (uri == null) {
            return List.of(failure(FailureKind.MISCONFIGURED, misconfiguration, null, start));
        }
        Deadline deadline = Deadline.within(timeout);
        InetAddress address;
        Duration dns;
        try {
            address = InetAddress.getAllByName(uri.getHost())[0];
            dns = Duration.ofNanos(System.nanoTime() - start);
        } catch (UnknownHostException e) {
            return List.of(failure(FailureKind.DNS_FAILURE, "host " + uri.getHost() + " does not resolve", null, start));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json, */*;q=0.5")
                .build();
        AtomicLong headersAt = new AtomicLong();
        HttpResponse.BodyHandler<CappedBody.Captured> handler = info -> {
            headersAt.set(System.nanoTime());
            return new CappedBody(PARSE_BYTES, READ_LIMIT);
        };
        // a runner deadline well before our own timeout needs a client whose connect timeout fits in it
        HttpClient http = deadline.remaining().compareTo(timeout.multipliedBy(85).dividedBy(100)) < 0
                ? newClient(deadline.remaining()) : client;
        CompletableFuture<HttpResponse<CappedBody.Captured>> call = http.sendAsync(request, handler);
        HttpResponse<CappedBody.Captured> response;
        try {
            response = call.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            String within = " within " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
            String detail = headersAt.get() != 0
                    ? "headers came after " + Duration.ofNanos(headersAt.get() - start).toMillis()
                      + " ms but the body did not complete" + within
                    : "connected but no answer" + within;
            return List.of(failure(FailureKind.READ_TIMEOUT, detail, null, start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            FailureKind kind = Failures.kindOf(cause);
            if (kind == FailureKind.CONNECT_TIMEOUT && "https".equalsIgnoreCase(uri.getScheme())
                    && tcpConnects(address, deadline)) {
                // the JDK's connect timeout covers the TLS handshake too; a port that accepts TCP stalled in TLS
                return List.of(failure(FailureKind.TLS_FAILURE, "TCP connected but the TLS handshake did not complete within "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms", null, start));
            }
            return List.of(failure(kind, Failures.phrase(kind) + ": " + SafeText.describe(cause), null, start));
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
        return answer(response, start, address, dns, deadline);
    }

    private List<Observation> answer(HttpResponse<CappedBody.Captured> response, long start, InetAddress address,
                                     Duration dns, Deadline deadline) {
        CappedBody.Captured body = response.body();
        Duration latency = Duration.ofNanos(body.endNanos() - start);
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String excerpt = excerpt(body, contentType);
        JsonNode json = body.complete() && body.total() <= PARSE_BYTES ? parse(body.head()) : null;
        Expectations expect = service.expect();
        String version = null;
        if (expect.versionHeader() != null) {
            version = response.headers().firstValue(expect.versionHeader()).map(SafeText::text).orElse(null);
        }
        if (version == null && expect.versionField() != null && json != null) {
            String v = Conditions.text(json, Conditions.pointer(expect.versionField()));
            version = v == null ? null : SafeText.text(v);
        }
        Timing timing = deadline.expired()
                ? new Timing(dns, null, null, null, null)
                : TimingExchange.measure(uri, address, dns, deadline, USER_AGENT);
        List<Observation> out = new ArrayList<>();
        out.add(new HttpCheck(service.id(), SOURCE, target(), status, latency, excerpt, contentType, version, timing));
        out.addAll(Conditions.evaluate(service.id(), SOURCE, expect, status, latency, json));
        if (!expect.accepts(status)) {
            out.add(new ProbeFailure(service.id(), SOURCE, target(), FailureKind.UNEXPECTED_STATUS,
                    "answered " + status + ", expected " + Conditions.statusCondition(expect), status, latency, 1));
        }
        return out;
    }

    private boolean tcpConnects(InetAddress address, Deadline deadline) {
        int port = uri.getPort() >= 0 ? uri.getPort() : 443;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), deadline.remainingMillisForSocket());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private ProbeFailure failure(FailureKind kind, String detail, Integer status, long start) {
        return new ProbeFailure(service.id(), SOURCE, target(), kind, SafeText.text(detail), status,
                Duration.ofNanos(System.nanoTime() - start), 1);
    }

    private static String excerpt(CappedBody.Captured body, String contentType) {
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
            return JSON.readTree(Arrays.copyOfRange(head, i, head.length));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "HttpProbe[" + service.id() + " " + target() + " timeout=" + timeout.toMillis() + "ms]";
    }
}
