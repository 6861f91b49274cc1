package io.sophia.probes.internal;

import io.sophia.core.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.FailureKind;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One probe run's conversation with the GitHub REST API: the headers GitHub asks for, the token
 * sent only to the API's own origin, redirects followed by hand, rate limits waited out when the
 * wait is short, and every other answer turned into an {@link ApiException} of the right kind.
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

    private final HttpClient http;
    private final URI apiUrl;
    private final String token;
    private final Duration maxRetryAfter;
    private final Deadline deadline;
    private final java.util.function.Supplier<Instant> clock;
    private int rateLimitWaits;

    public GitHubClient(HttpClient http, URI apiUrl, String token, Duration maxRetryAfter, Deadline deadline,
                        java.util.function.Supplier<Instant> clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
        this.token = token;
        this.maxRetryAfter = maxRetryAfter;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** An HTTP client for GitHub: HTTP/1.1, redirects never followed by the client (this class does it). */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** The absolute url of an API path ({@code /repos/o/r/...}). */
    public URI api(String pathAndQuery) {
        return URI.create(apiUrl + pathAndQuery);
    }

    /** GETs JSON at {@code uri}. */
    public Page getJson(URI uri) throws ApiException, InterruptedException {
        HttpResponse<InputStream> response = send(uri);
        if (isRedirect(response.statusCode())) {
            close(response);
            throw new ApiException(FailureKind.OTHER, target(uri), "GET " + path(uri) + " answered an unexpected redirect "
                    + response.statusCode(), response.statusCode());
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        } catch (IOException e) {
            throw io(uri, e);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " answered more than "
                    + (MAX_JSON_BYTES >> 20) + " MiB of JSON", response.statusCode());
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " answered an empty body",
                        response.statusCode());
            }
            return new Page(node, next(response.headers()));
        } catch (JsonProcessingException e) {
            throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " answered something that is not JSON: "
                    + Secrets.parserMessage(e.getOriginalMessage()), response.statusCode());
        } catch (IOException e) {
            throw io(uri, e);
        }
    }

    /**
     * GETs a download that GitHub answers with a redirect (job logs): follows up to three
     * redirects, sending the token only while the url stays on the API's origin, and returns the
     * final 2xx answer with its body unread.
     */
    public HttpResponse<InputStream> download(URI uri) throws ApiException, InterruptedException {
        return download(uri, -1);
    }

    /**
     * Like {@link #download(URI)}, asking for the bytes from {@code from} on ({@code Range: bytes=from-})
     * when {@code from >= 0}; a server that honours it answers 206, one that ignores it 200 with the
     * whole body, so the caller checks the status.
     */
    public HttpResponse<InputStream> download(URI uri, long from) throws ApiException, InterruptedException {
        String range = from >= 0 ? "bytes=" + from + "-" : null;
        URI current = uri;
        for (int hop = 0; ; hop++) {
            HttpResponse<InputStream> response = send(current, range);
            if (!isRedirect(response.statusCode())) {
                return response;
            }
            close(response);
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty() || hop >= MAX_REDIRECTS) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri) + " redirected "
                        + (location.isEmpty() ? "without a Location header" : "more than " + MAX_REDIRECTS + " times"),
                        response.statusCode());
            }
            try {
                current = current.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, target(uri), "GET " + path(uri)
                        + " redirected to an invalid url", response.statusCode());
            }
        }
    }

    /** True when {@code uri} is on the API's own scheme, host and port (so the token may go there). */
    public boolean sameOrigin(URI uri) {
        return Objects.equals(lower(uri.getScheme()), lower(apiUrl.getScheme()))
                && Objects.equals(lower(uri.getHost()), lower(apiUrl.getHost()))
                && port(uri) == port(apiUrl);
    }

    private HttpResponse<InputStream> send(URI uri) throws ApiException, InterruptedException {
        return send(uri, null);
    }

    private HttpResponse<InputStream> send(URI uri, String range) throws ApiException, InterruptedException {
        while (true) {
            if (deadline.expired()) {
                throw new ApiException(FailureKind.DEADLINE_EXCEEDED, target(uri), "the probe's time ran out before GET "
                        + path(uri), null);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                    .timeout(Duration.ofMillis(deadline.remainingMillisForSocket()))
                    .header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28")
                    .header("User-Agent", USER_AGENT);
            if (range != null) {
                request.header("Range", range);
            }
            if (token != null && sameOrigin(uri)) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), DeadlineBody.handler(deadline));
            } catch (IOException e) {
                throw io(uri, e);
            }
            int status = response.statusCode();
            if (status < 400) {
                return response;
            }
            String message = errorMessage(response);
            if (isRateLimit(status, response.headers(), message)) {
                Duration wait = rateLimitWait(response.headers());
                if (wait != null && rateLimitWaits < 3 && wait.compareTo(maxRetryAfter) <= 0
                        && wait.plusMillis(100).toNanos() < deadline.remainingNanos()) {
                    rateLimitWaits++;
                    TimeUnit.NANOSECONDS.sleep(Math.max(1, wait.toNanos()));
                    continue;
                }
                throw new ApiException(FailureKind.RATE_LIMITED, target(uri), rateLimitDetail(uri, response.headers(),
                        message, wait), status);
            }
            throw new ApiException(Failures.ofHttpStatus(status, FailureKind.OTHER), target(uri), "GET " + path(uri) + " answered " + status
                    + (message.isEmpty() ? "" : ": " + message) + hint(status), status);
        }
    }

    private String hint(int status) {
        return switch (status) {
            case 401 -> token == null ? " (no token was sent)" : " (the token is invalid or expired)";
            case 403 -> token == null ? " (no token was sent)" : " (the token lacks a permission, e.g. actions:read)";
            default -> "";
        };
    }

    private static boolean isRateLimit(int status, HttpHeaders headers, String message) {
        if (status == 429) {
            return true;
        }
        if (status != 403) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return "0".equals(headers.firstValue("X-RateLimit-Remaining").map(String::strip).orElse(null))
                || headers.firstValue("Retry-After").isPresent()
                || lower.contains("rate limit");
    }

    /** The wait GitHub asks for: {@code Retry-After}, else the primary limit's reset, else null. */
    private Duration rateLimitWait(HttpHeaders headers) {
        Optional<String> retryAfter = headers.firstValue("Retry-After");
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
        if ("0".equals(headers.firstValue("X-RateLimit-Remaining").map(String::strip).orElse(null))) {
            Optional<String> reset = headers.firstValue("X-RateLimit-Reset");
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

    private String rateLimitDetail(URI uri, HttpHeaders headers, String message, Duration wait) {
        boolean secondary = message.toLowerCase(Locale.ROOT).contains("secondary rate limit");
        StringBuilder b = new StringBuilder("GET ").append(path(uri)).append(" was rate limited (")
                .append(secondary ? "secondary rate limit" : "primary rate limit").append(')');
        headers.firstValue("X-RateLimit-Remaining").ifPresent(v -> b.append("; X-RateLimit-Remaining ").append(v.strip()));
        headers.firstValue("X-RateLimit-Reset").ifPresent(v -> {
            try {
                b.append("; resets at ").append(Instant.ofEpochSecond(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                b.append("; reset ").append(v.strip());
            }
        });
        headers.firstValue("Retry-After").ifPresent(v -> b.append("; Retry-After ").append(v.strip()).append(" s"));
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

    private String errorMessage(HttpResponse<InputStream> response) {
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_ERROR_BYTES);
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

    private static URI next(HttpHeaders headers) {
        for (String link : headers.allValues("Link")) {
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

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
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
