package io.sophia.probes.internal;

import io.sophia.core.Secrets;
import io.sophia.core.FailureKind;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Maps what sockets and OkHttp throw to a precise {@link FailureKind}, shared by the TCP, TLS, MCP
 * and Fly probes. The same condition arrives through different exception types (a refused connect
 * is a {@link ConnectException}, a channel's a {@link ClosedChannelException}; OkHttp wraps an
 * {@link EOFException} in "unexpected end of stream"), so the whole cause chain is read. A timeout
 * of an OkHttp call (its deadline) is told apart by the caller, which knows the call was cancelled.
 */
public final class TcpFailures {

    /** A failure kind and one line for a human. */
    public record Classified(FailureKind kind, String detail) {
    }

    private TcpFailures() {
    }

    /**
     * Classifies {@code error}.
     *
     * @param connected true once the TCP connection was established (a timeout is then a read timeout)
     */
    public static Classified classify(Throwable error, boolean connected) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new Classified(FailureKind.DNS_FAILURE, "host name does not resolve");
            }
            if (t instanceof SSLException) {
                return new Classified(FailureKind.TLS_FAILURE, "TLS handshake failed: " + message(t));
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return connected
                        ? new Classified(FailureKind.READ_TIMEOUT, "no answer in time")
                        : new Classified(FailureKind.READ_TIMEOUT, "no answer in time (connect or response)");
            }
            if (t instanceof SocketTimeoutException) {
                return connected
                        ? new Classified(FailureKind.READ_TIMEOUT, "no answer in time")
                        : new Classified(FailureKind.CONNECT_TIMEOUT, "connect timed out");
            }
            if (t instanceof NoRouteToHostException) {
                return new Classified(FailureKind.CONNECT_TIMEOUT, "no route to host");
            }
            if (t instanceof ConnectException) {
                String m = lower(t);
                if (m.contains("timed out")) {
                    return new Classified(FailureKind.CONNECT_TIMEOUT, "connect timed out");
                }
                if (m.contains("unreachable")) {
                    return new Classified(FailureKind.CONNECT_TIMEOUT, "network unreachable");
                }
                return new Classified(FailureKind.CONNECTION_REFUSED, "connection refused");
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (Failures.isGarbageAnswer(t)) {
                return new Classified(FailureKind.BAD_PAYLOAD, "not a valid HTTP answer: " + message(t));
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = lower(t);
            // "unexpected end of stream": OkHttp's words for a body or an answer cut short (Http1ExchangeCodec)
            if (t instanceof EOFException || m.contains("reset") || m.contains("broken pipe") || m.contains("end of stream")
                    || m.contains("closed") || m.contains("eof") || m.contains("received no bytes")
                    || m.contains("abort") || t instanceof ClosedChannelException) {
                return new Classified(FailureKind.CONNECTION_RESET, "connection reset or closed by the peer");
            }
        }
        if (error instanceof SocketException || error instanceof IOException) {
            return new Classified(FailureKind.OTHER, "I/O error: " + message(error));
        }
        return new Classified(FailureKind.OTHER, error.getClass().getSimpleName() + ": " + message(error));
    }

    private static String lower(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        m = m.replaceAll("[\\r\\n]+", " ");
        return Secrets.patterns().cut(m, 200);
    }
}
