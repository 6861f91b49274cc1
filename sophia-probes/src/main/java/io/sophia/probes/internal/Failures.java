package io.sophia.probes.internal;

import io.sophia.core.FailureKind;
import io.sophia.core.Secrets;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.util.zip.ZipException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Maps what sockets, the JDK and OkHttp throw to a precise {@link FailureKind}, for every probe.
 *
 * <p>The same condition arrives through different exception types and wrappers: a name that does not resolve as an
 * {@code UnresolvedAddressException} inside a {@code ConnectException}, a refused connect as a
 * {@link ConnectException} or a channel's {@link ClosedChannelException}, an answer cut short as OkHttp's "unexpected
 * end of stream" around an {@link EOFException}. So the whole cause chain is read, strongest signal first: the name
 * and TLS, then timeouts and connects, then garbage, then a reset. A timeout of an OkHttp call (its deadline) is told
 * apart by the caller, which knows the call was cancelled.
 */
public final class Failures {

    /** A failure kind and one line for a human. */
    public record Classified(FailureKind kind, String detail) {
    }

    /** Causes read at most: real chains are a few deep. */
    private static final int MAX_CAUSES = 32;

    private Failures() {
    }

    /** The failure kind {@code t} (or one of its causes) stands for; {@link FailureKind#OTHER} when none fits. */
    public static FailureKind kindOf(Throwable t) {
        return classify(t, null).kind();
    }

    /**
     * Classifies {@code error}.
     *
     * @param error     what was thrown
     * @param connected true once the TCP connection was established (a socket timeout is then a read timeout), false
     *                  before, null when the caller cannot tell (the exception's words decide)
     * @return the kind and a one-line detail, redacted and cut; {@link FailureKind#OTHER} for a null {@code error}
     */
    public static Classified classify(Throwable error, Boolean connected) {
        if (error == null) {
            return new Classified(FailureKind.OTHER, "failed without saying why");
        }
        List<Throwable> causes = chain(error);
        for (Throwable t : causes) {
            if (t instanceof HttpConnectTimeoutException) {
                return new Classified(FailureKind.CONNECT_TIMEOUT, "connect timed out");
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new Classified(FailureKind.DNS_FAILURE, "host name does not resolve");
            }
            if (t instanceof SSLException || t instanceof CertificateException) {
                return new Classified(FailureKind.TLS_FAILURE, "TLS handshake failed: " + message(t));
            }
        }
        for (Throwable t : causes) {
            String m = lower(t.getMessage());
            if (t instanceof SocketTimeoutException) {
                boolean beforeConnect = connected == null ? m.contains("connect") : !connected;
                return beforeConnect ? new Classified(FailureKind.CONNECT_TIMEOUT, "connect timed out")
                        : new Classified(FailureKind.READ_TIMEOUT, "no answer in time");
            }
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return new Classified(FailureKind.READ_TIMEOUT, Boolean.FALSE.equals(connected)
                        ? "no answer in time (connect or response)" : "no answer in time");
            }
            if (t instanceof NoRouteToHostException) {
                return new Classified(FailureKind.CONNECT_TIMEOUT, "no route to host");
            }
            if (t instanceof ConnectException) {
                if (m.contains("timed out")) {
                    return new Classified(FailureKind.CONNECT_TIMEOUT, "connect timed out");
                }
                if (m.contains("unreachable")) {
                    return new Classified(FailureKind.CONNECT_TIMEOUT, "network unreachable");
                }
                return new Classified(FailureKind.CONNECTION_REFUSED, "connection refused");
            }
        }
        for (Throwable t : causes) {
            if (isGarbageAnswer(t)) {
                return new Classified(FailureKind.BAD_PAYLOAD, "not a valid HTTP answer: " + message(t));
            }
        }
        for (Throwable t : causes) {
            String m = lower(t.getMessage());
            // "unexpected end of stream": OkHttp's words for a body or an answer cut short (Http1ExchangeCodec)
            if (t instanceof EOFException || t instanceof ClosedChannelException || t instanceof IOException
                    && (m.contains("reset") || m.contains("broken pipe") || m.contains("end of stream")
                    || m.contains("closed") || m.contains("eof") || m.contains("received no bytes")
                    || m.contains("abort"))) {
                return new Classified(FailureKind.CONNECTION_RESET, "connection reset or closed by the peer");
            }
        }
        if (error instanceof IOException) {
            return new Classified(FailureKind.OTHER, "I/O error: " + message(error));
        }
        return new Classified(FailureKind.OTHER, error.getClass().getSimpleName() + ": " + message(error));
    }

    /**
     * True when {@code c} says garbage came where an HTTP answer belongs: a bad status line, a header too big, a body
     * that is not the gzip it claims ("gzip finished without exhausting source": OkHttp reads one gzip member). An
     * answer cut short ("unexpected end of stream") is a reset, not garbage.
     */
    static boolean isGarbageAnswer(Throwable c) {
        String m = lower(c.getMessage());
        return (c instanceof ProtocolException || c instanceof ZipException || m.contains("gzip"))
                && !m.contains("end of stream");
    }

    /**
     * The kind of an API's HTTP error status: 401, 402, 403, 404, 410, 422 and 429 by name, 5xx
     * {@link FailureKind#SERVER_ERROR}, anything else {@code otherwise}.
     */
    public static FailureKind ofHttpStatus(int status, FailureKind otherwise) {
        return switch (status) {
            case 401 -> FailureKind.UNAUTHORIZED;
            case 402 -> FailureKind.PAYMENT_REQUIRED;
            case 403 -> FailureKind.FORBIDDEN;
            case 404 -> FailureKind.NOT_FOUND;
            case 410 -> FailureKind.GONE;
            case 422 -> FailureKind.UNPROCESSABLE;
            case 429 -> FailureKind.RATE_LIMITED;
            default -> status >= 500 ? FailureKind.SERVER_ERROR : otherwise;
        };
    }

    /** A short human phrase for a kind ("connection refused"). */
    public static String phrase(FailureKind kind) {
        return switch (kind) {
            case CONNECTION_REFUSED -> "connection refused";
            case CONNECT_TIMEOUT -> "connect timeout";
            case READ_TIMEOUT -> "read timeout";
            case CONNECTION_RESET -> "connection reset";
            case DNS_FAILURE -> "name does not resolve";
            case DNS_TIMEOUT -> "DNS timeout";
            case TLS_FAILURE -> "TLS handshake failed";
            case DEADLINE_EXCEEDED -> "deadline exceeded";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * {@code error} and its causes, each once and at most {@value #MAX_CAUSES}: a chain can loop (initCause refuses
     * only a throwable as its own cause), and a probe's exception must not keep its thread here for ever.
     */
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && out.size() < MAX_CAUSES && seen.add(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * The exception's message on one line, as {@link SafeText#text(String)} makes every detail (urls without user info
     * or query, token shapes masked), cut to 200 characters; its type when it has none.
     */
    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return Secrets.patterns().cut(SafeText.text(m), 200);
    }
}
