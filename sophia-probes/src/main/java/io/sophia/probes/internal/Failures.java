package io.sophia.probes.internal;

import io.sophia.core.FailureKind;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.util.zip.ZipException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Maps what the JDK throws to a precise {@link FailureKind}.
 *
 * <p>The JDK's HTTP client wraps the interesting exception: a name that does not resolve arrives
 * as a {@code ConnectException} caused by an {@code UnresolvedAddressException}, a connect timeout
 * as an {@code HttpConnectTimeoutException} caused by a {@code ConnectException}. So the whole
 * cause chain is searched for the strongest signal before the outer type is looked at.
 */
public final class Failures {

    private Failures() {
    }

    /** The failure kind {@code t} (or one of its causes) stands for; {@link FailureKind#OTHER} when none fits. */
    public static FailureKind kindOf(Throwable t) {
        for (Throwable c = t; c != null; c = next(c)) {
            if (c instanceof HttpConnectTimeoutException) {
                return FailureKind.CONNECT_TIMEOUT;
            }
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return FailureKind.DNS_FAILURE;
            }
            if (c instanceof SSLException || c instanceof CertificateException) {
                return FailureKind.TLS_FAILURE;
            }
        }
        for (Throwable c = t; c != null; c = next(c)) {
            String m = lower(c.getMessage());
            if (c instanceof SocketTimeoutException && m.contains("connect")) {
                return FailureKind.CONNECT_TIMEOUT;
            }
            if (c instanceof HttpTimeoutException || c instanceof SocketTimeoutException
                    || c instanceof TimeoutException) {
                return FailureKind.READ_TIMEOUT;
            }
            if (c instanceof ConnectException) {
                return m.contains("timed out") ? FailureKind.CONNECT_TIMEOUT : FailureKind.CONNECTION_REFUSED;
            }
            if (c instanceof NoRouteToHostException) {
                return FailureKind.CONNECTION_REFUSED;
            }
            if (isGarbageAnswer(c)) {
                return FailureKind.BAD_PAYLOAD;
            }
            if (c instanceof EOFException) {
                return FailureKind.CONNECTION_RESET;
            }
            if (c instanceof IOException && (m.contains("connection reset") || m.contains("received no bytes")
                    || m.contains("broken pipe") || m.contains("connection closed") || m.contains("eof reached")
                    || m.contains("closed by peer") || m.contains("connection abort")
                    // OkHttp's words for an answer or a body cut short (Http1ExchangeCodec)
                    || m.contains("unexpected end of stream"))) {
                return FailureKind.CONNECTION_RESET;
            }
        }
        return FailureKind.OTHER;
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

    private static Throwable next(Throwable c) {
        Throwable cause = c.getCause();
        return cause == c ? null : cause;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
