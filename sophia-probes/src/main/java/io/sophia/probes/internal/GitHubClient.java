package io.sophia.probes.internal;

import io.sophia.core.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.FailureKind;

import io.sophia.core.ProbeContext;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One probe run's conversation with the GitHub REST API: the headers GitHub asks for, the token
 * sent only to the API's own origin, redirects followed by hand, rate limits waited out when the
 * wait is short, and every other answer turned into an {@link ApiException} of the right kind.
 *
 * <p>Calls go through the library's OkHttp stack on the caller's thread. Each call's timeout is the
 * time left before the {@link Deadline} (connect, answer and body, a streamed log included), and a
 * cancelled run cancels the call in flight; JSON and error bodies are read with a cap.
 *
 * <p>The token lives in one private field and is masked out of every message this class builds.
 */
public final class GitHubClient {

    /** Largest JSON answer read; larger ones are reported as a bad payload rather than buffered. */
    static final int MAX_JSON_BYTES = 16 << 20;
    private static final int MAX_ERROR_BYTES = 64 << 10;
    private static final int MAX_REDIRECTS = 3;
    private static final String USER_AGENT = "sophia-probe/0.1";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A page of JSON and the next page's url from the {@code Link} header, or null. */
    public record Page(JsonNode body, URI next) {
    }

    private final OkHttpClient http;
    private final URI apiUrl;
    private final String token;
    private final Duration maxRetryAfter;
    private final Deadline deadline;
    private final java.util.function.Supplier<Instant> clock;
    private int rateLimitWaits;

    public GitHubClient(OkHttpClient http, URI apiUrl, String token, Duration maxRetryAfter, Deadline deadline,
                        java.util.function.Supplier<Instant> clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
        this.token = token;
        this.maxRetryAfter = maxRetryAfter;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * {@return the HTTP client of one GitHub probe: the shared stack, redirects never followed by the client
     * (this class does it, to keep the token on the API's origin), a connection pool of its own (the API and
     * the log host; no lock shared with a fleet's checks), a stale pooled connection retried}
     */
    public static OkHttpClient newHttpClient() {
        return HttpStack.shared().newBuilder().connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES))
                .retryOnConnectionFailure(true).build();
    }

    /**
     * A 2xx answer whose body the caller reads (a log download); closing it, or its body, ends the call.
     * Reads end at the deadline, or at once when the run is cancelled.
     */
    public static final class Download implements Closeable {
        private final Response response;
        private final ProbeContext.Registration cancel;
        private final InputStream body;

        private final Call call;

        private Download(Response response, ProbeContext.Registration cancel, Call call) {
            this.response = response;
            this.cancel = cancel;
            this.call = call;
            this.body = new FilterInputStream(response.body().byteStream()) {
                @Override
                public void close() {
                    Download.this.close();
                }
            };
        }

        /** {@return the HTTP status: 200, or 206 for a range} */
        public int status() {
            return response.code();
        }

        /** {@return the url that answered, after redirects} */
        public URI uri() {
            return response.request().url().uri();
        }

        /** {@return the value of header {@code name}, or null} */
        public String header(String name) {
            return response.header(name);
        }

        /** {@return the body's length from Content-Length, or -1 when not known} */
        public long contentLength() {
            try {
                String v = response.header("Content-Length");
                return v == null ? -1 : Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** {@return the body, unread; closing it closes this download} */
        public InputStream body() {
            return body;
        }

        @Override
        public void close() {
            try {
                // a body left unread (a whole log given up for its tail) is dropped with its connection; closing
                // it as is would first spend up to 100 ms draining it to keep the connection for reuse
                call.cancel();
                response.close();
            } finally {
                cancel.close();
            }
        }
    }

    /** An answer and the registration that cancels its call with the run. */
    private record Answer(Response response, ProbeContext.Registration cancel, Call call) implements Closeable {
        int status() {
            return response.code();
        }

        Headers headers() {
            return response.headers();
        }

        @Override
        public void close() {
            try {
                response.close();
            } finally {
                cancel.close();
            }
        }
    }

    /** The absolute url of an API path ({@code /repos/o/r/...}). */
    public URI api(String pathAndQuery) {
        return URI.create(apiUrl + pathAndQuery);
    }

    /** GETs JSON at {@code uri}. */
    public Page getJson(URI uri) throws ApiException, InterruptedException {
        return getJson(uri, MAX_JSON_BYTES);
    }

    /**
     * GETs JSON at {@code uri}, reading at most {@code maxBytes} of it: a larger answer is dropped with its
     * connection and reported as a {@code BAD_PAYLOAD}.
     */
    public Page getJson(URI uri, int maxBytes) throws ApiException, InterruptedException {
        int status;
        Headers headers;
        CappedBody body;
        try (Answer answer = send(uri, null)) {
            status = answer.status();
            headers = answer.headers();
            if (isRedirect(status)) {
                throw new ApiException(FailureKind.OTHER, target(uri), "GET " + path(uri) + " answered an unexpected redirect "
                        + status, status);
            }
            try {
                body = CappedBody.read(answer.response().body(), maxBytes);
            } catch (IOException e) {
                throw io(uri, e);
            }
            if (body.truncated()) {
                answer.call().cancel(); // drop the rest with the connection rather than drain it
            }
        }
        if (body.truncated()) {
            throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " answered more than "
                    + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : (maxBytes >> 10) + " KiB") + " of JSON", status);
        }
        try {
            JsonNode node = JSON.readTree(body.bytes());
            if (node == null || node.isMissingNode()) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " answered an empty body",
                        status);
            }
            return new Page(node, next(headers));
        } catch (JsonProcessingException e) {
            throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " answered something that is not JSON: "
                    + Secrets.parserMessage(e.getOriginalMessage()), status);
        } catch (IOException e) {
            throw io(uri, e);
        }
    }

    /**
     * GETs a download that GitHub answers with a redirect (job logs): follows up to three
     * redirects, sending the token only while the url stays on the API's origin, and returns the
     * final 2xx answer with its body unread.
     */
    public Download download(URI uri) throws ApiException, InterruptedException {
        return download(uri, -1);
    }

    /**
     * Like {@link #download(URI)}, asking for the bytes from {@code from} on ({@code Range: bytes=from-})
     * when {@code from >= 0}; a server that honours it answers 206, one that ignores it 200 with the
     * whole body, so the caller checks the status.
     */
    public Download download(URI uri, long from) throws ApiException, InterruptedException {
        String range = from >= 0 ? "bytes=" + from + "-" : null;
        URI current = uri;
        for (int hop = 0; ; hop++) {
            Answer answer = send(current, range);
            int status = answer.status();
            if (!isRedirect(status)) {
                return new Download(answer.response(), answer.cancel(), answer.call());
            }
            Optional<String> location = Optional.ofNullable(answer.headers().get("Location"));
            answer.close();
            if (location.isEmpty() || hop >= MAX_REDIRECTS) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " redirected "
                        + (location.isEmpty() ? "without a Location header" : "more than " + MAX_REDIRECTS + " times"),
                        status);
            }
            try {
                current = current.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri)
                        + " redirected to an invalid url", status);
            }
        }
    }

    /** True when {@code uri} is on the API's own scheme, host and port (so the token may go there). */
    public boolean sameOrigin(URI uri) {
        return Objects.equals(lower(uri.getScheme()), lower(apiUrl.getScheme()))
                && Objects.equals(lower(uri.getHost()), lower(apiUrl.getHost()))
                && port(uri) == port(apiUrl);
    }

    private Answer send(URI uri, String range) throws ApiException, InterruptedException {
        HttpUrl url = HttpUrl.parse(uri.toString());
        if (url == null) {
            throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + ": not an http(s) url", null);
        }
        while (true) {
            if (deadline.expired()) {
                throw new ApiException(FailureKind.DEADLINE_EXCEEDED, target(uri), "the probe's time ran out before GET "
                        + path(uri), null);
            }
            Call call = http.newCall(request(uri, url, range));
            call.timeout().timeout(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            ProbeContext.Registration cancel = deadline.onCancel(call::cancel);
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                cancel.close();
                throw io(uri, e);
            }
            Answer answer = new Answer(response, cancel, call);
            int status = response.code();
            if (status < 400) {
                return answer;
            }
            String message;
            Headers headers = response.headers();
            try (answer) {
                message = errorMessage(response);
            }
            if (!isRateLimit(status, headers, message)) {
                throw new ApiException(Failures.ofHttpStatus(status, FailureKind.OTHER), target(uri), "GET " + path(uri)
                        + " answered " + status + (message.isEmpty() ? "" : ": " + message) + hint(status), status);
            }
            waitOutRateLimit(uri, status, headers, message);
        }
    }

    /** The GET of {@code uri}: GitHub's headers, the range, and the token only on the API's own origin. */
    private Request request(URI uri, HttpUrl url, String range) throws ApiException {
        Request.Builder request = new Request.Builder().url(url).get()
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", USER_AGENT);
        if (range != null) {
            request.header("Range", range);
        }
        if (token != null && sameOrigin(uri)) {
            try {
                request.header("Authorization", "Bearer " + token);
            } catch (IllegalArgumentException e) {
                // OkHttp refuses the value (a character outside visible ASCII); its message is not used
                throw new ApiException(FailureKind.MISCONFIGURED, target(uri), "the token cannot be sent in an "
                        + "Authorization header (it holds a character a header value cannot carry); no request was sent",
                        null);
            }
        }
        return request.build();
    }

    /**
     * Returns after waiting out a rate limit whose wait is short enough (the caller then asks again),
     * or throws the {@code RATE_LIMITED} failure. The wait ends early when the run is cancelled.
     */
    private void waitOutRateLimit(URI uri, int status, Headers headers, String message)
            throws ApiException, InterruptedException {
        Duration wait = rateLimitWait(headers);
        if (wait != null && rateLimitWaits < 3 && wait.compareTo(maxRetryAfter) <= 0
                && wait.plusMillis(100).toNanos() < deadline.remainingNanos()) {
            rateLimitWaits++;
            java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
            try (ProbeContext.Registration r = deadline.onCancel(cancelled::countDown)) {
                cancelled.await(Math.max(1, wait.toNanos()), TimeUnit.NANOSECONDS);
            }
            return;
        }
        throw new ApiException(FailureKind.RATE_LIMITED, target(uri), rateLimitDetail(uri, headers, message, wait), status);
    }

    private String hint(int status) {
        return switch (status) {
            case 401 -> token == null ? " (no token was sent)" : " (the token is invalid or expired)";
            case 403 -> token == null ? " (no token was sent)" : " (the token lacks a permission, e.g. actions:read)";
            default -> "";
        };
    }

    private static boolean isRateLimit(int status, Headers headers, String message) {
        if (status == 429) {
            return true;
        }
        if (status != 403) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return "0".equals(first(headers, "X-RateLimit-Remaining").map(String::strip).orElse(null))
                || first(headers, "Retry-After").isPresent()
                || lower.contains("rate limit");
    }

    /** The wait GitHub asks for: {@code Retry-After}, else the primary limit's reset, else null. */
    private Duration rateLimitWait(Headers headers) {
        Optional<String> retryAfter = first(headers, "Retry-After");
        if (retryAfter.isPresent()) {
            String v = retryAfter.get().strip();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
            } catch (NumberFormatException e) {
                try {
                    Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return nonNegative(Duration.between(clock.get(), at));
                } catch (RuntimeException ignored) {
                    return null;
                }
            }
        }
        if ("0".equals(first(headers, "X-RateLimit-Remaining").map(String::strip).orElse(null))) {
            Optional<String> reset = first(headers, "X-RateLimit-Reset");
            if (reset.isPresent()) {
                try {
                    Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
                    return nonNegative(Duration.between(clock.get(), at));
                } catch (RuntimeException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    private String rateLimitDetail(URI uri, Headers headers, String message, Duration wait) {
        boolean secondary = message.toLowerCase(Locale.ROOT).contains("secondary rate limit");
        StringBuilder b = new StringBuilder("GET ").append(path(uri)).append(" was rate limited (")
                .append(secondary ? "secondary rate limit" : "primary rate limit").append(')');
        first(headers, "X-RateLimit-Remaining").ifPresent(v -> b.append("; X-RateLimit-Remaining ").append(v.strip()));
        first(headers, "X-RateLimit-Reset").ifPresent(v -> {
            try {
                b.append("; resets at ").append(Instant.ofEpochSecond(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                b.append("; reset ").append(v.strip());
            }
        });
        first(headers, "Retry-After").ifPresent(v -> b.append("; Retry-After ").append(v.strip()).append(" s"));
        if (wait == null) {
            b.append("; GitHub named no wait");
        } else if (wait.compareTo(maxRetryAfter) > 0) {
            b.append("; the wait of ").append(wait.toSeconds()).append(" s exceeds the ")
                    .append(maxRetryAfter.toSeconds()).append(" s the probe may wait");
        } else if (rateLimitWaits >= 3) {
            b.append("; still limited after ").append(rateLimitWaits).append(" waits");
        } else {
            b.append("; the wait of ").append(wait.toMillis()).append(" ms does not fit in the time left");
        }
        if (!message.isEmpty()) {
            b.append(": ").append(message);
        }
        return b.toString();
    }

    private String errorMessage(Response response) {
        byte[] bytes;
        try {
            bytes = CappedBody.read(response.body(), MAX_ERROR_BYTES).bytes();
        } catch (IOException e) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node != null && node.hasNonNull("message")) {
                return clean(node.get("message").asText());
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through to the text
        }
        String text = new String(Arrays.copyOf(bytes, Math.min(bytes.length, 200)), java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length > 200) {
            // the bytes were cut: drop the word the cut fell into, it may be the head of a token
            text = Secrets.patterns().cut(text, Math.max(1, text.length() - 1));
        }
        return text.contains("<") ? "" : clean(text);
    }

    private String clean(String text) {
        return Secrets.patterns().cut(SafeText.without(text, token), 200);
    }

    private ApiException io(URI uri, IOException e) {
        if (deadline.cancelled()) {
            return new ApiException(FailureKind.DEADLINE_EXCEEDED, target(uri), "GET " + path(uri)
                    + ": the run was cancelled", null);
        }
        if (deadline.expired()) {
            // the call's timeout is the deadline: OkHttp says "timeout" whether it was connecting or reading
            return new ApiException(FailureKind.READ_TIMEOUT, target(uri), "GET " + path(uri)
                    + ": read timeout: no complete answer before the probe's deadline", null);
        }
        FailureKind kind = Failures.kindOf(e);
        return new ApiException(kind, target(uri), "GET " + path(uri) + ": " + Failures.phrase(kind) + ": "
                + SafeText.without(SafeText.describe(e), token), null);
    }

    /** What a request was, for observations: the url without query; a foreign host's path is hidden. */
    public String target(URI uri) {
        return sameOrigin(uri) ? SafeText.url(uri) : SafeText.url(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                .replaceAll("^.*@", "") + "/"));
    }

    private String path(URI uri) {
        if (!sameOrigin(uri)) {
            return "the redirected download at " + uri.getHost();
        }
        String p = uri.getRawPath();
        String root = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        return p != null && p.startsWith(root) ? p.substring(root.length()) : String.valueOf(p);
    }

    private static URI next(Headers headers) {
        for (String link : headers.values("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                try {
                    return URI.create(m.group(1).strip());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Optional<String> first(Headers headers, String name) {
        List<String> values = headers.values(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "GitHubClient[" + apiUrl + (token == null ? ", unauthenticated" : ", token ***") + "]";
    }
}
