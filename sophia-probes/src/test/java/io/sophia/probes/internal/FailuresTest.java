package io.sophia.probes.internal;

import io.sophia.core.FailureKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Failures maps what the JDK throws to a failure kind")
class FailuresTest {

    private static Throwable causedBy(Throwable outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    @Test
    @DisplayName("the JDK client's connect timeout (HttpConnectTimeoutException over ConnectException) is CONNECT_TIMEOUT")
    void connectTimeout() {
        assertEquals(FailureKind.CONNECT_TIMEOUT, Failures.kindOf(causedBy(
                new HttpConnectTimeoutException("HTTP connect timed out"), new ConnectException("HTTP connect timed out"))));
        assertEquals(FailureKind.CONNECT_TIMEOUT, Failures.kindOf(new SocketTimeoutException("Connect timed out")));
    }

    @Test
    @DisplayName("a request timeout or socket read timeout is READ_TIMEOUT")
    void readTimeout() {
        assertEquals(FailureKind.READ_TIMEOUT, Failures.kindOf(new HttpTimeoutException("request timed out")));
        assertEquals(FailureKind.READ_TIMEOUT, Failures.kindOf(new SocketTimeoutException("Read timed out")));
    }

    @Test
    @DisplayName("an unresolved address wrapped in a ConnectException is DNS_FAILURE, not CONNECTION_REFUSED")
    void dns() {
        assertEquals(FailureKind.DNS_FAILURE, Failures.kindOf(causedBy(new ConnectException(), new UnresolvedAddressException())));
        assertEquals(FailureKind.DNS_FAILURE, Failures.kindOf(new UnknownHostException("nonexistent.invalid")));
    }

    @Test
    @DisplayName("a refused connect is CONNECTION_REFUSED")
    void refused() {
        assertEquals(FailureKind.CONNECTION_REFUSED, Failures.kindOf(new ConnectException("Connection refused")));
        assertEquals(FailureKind.CONNECTION_REFUSED, Failures.kindOf(causedBy(new IOException("wrapped"), new ConnectException())));
    }

    @Test
    @DisplayName("a TLS error anywhere in the chain is TLS_FAILURE")
    void tls() {
        assertEquals(FailureKind.TLS_FAILURE, Failures.kindOf(causedBy(new IOException("x"),
                new SSLHandshakeException("PKIX path building failed"))));
    }

    @Test
    @DisplayName("reset, EOF and 'header parser received no bytes' are CONNECTION_RESET")
    void reset() {
        assertEquals(FailureKind.CONNECTION_RESET, Failures.kindOf(new IOException("Connection reset")));
        assertEquals(FailureKind.CONNECTION_RESET, Failures.kindOf(new IOException("HTTP/1.1 header parser received no bytes")));
        assertEquals(FailureKind.CONNECTION_RESET, Failures.kindOf(new EOFException("EOF reached while reading")));
        // OkHttp's words for a body cut short of its Content-Length (okhttp3.internal.http1.Http1ExchangeCodec)
        assertEquals(FailureKind.CONNECTION_RESET, Failures.kindOf(new java.net.ProtocolException("unexpected end of stream")));
        assertEquals(FailureKind.CONNECTION_RESET, Failures.classify(new java.net.ProtocolException("unexpected end of stream"),
                true).kind());
    }

    @Test
    @DisplayName("an API's error status is named by its code, 5xx is SERVER_ERROR, any other status the caller's fallback")
    void httpStatus() {
        assertEquals(FailureKind.UNAUTHORIZED, Failures.ofHttpStatus(401, FailureKind.OTHER));
        assertEquals(FailureKind.PAYMENT_REQUIRED, Failures.ofHttpStatus(402, FailureKind.OTHER));
        assertEquals(FailureKind.FORBIDDEN, Failures.ofHttpStatus(403, FailureKind.OTHER));
        assertEquals(FailureKind.NOT_FOUND, Failures.ofHttpStatus(404, FailureKind.OTHER));
        assertEquals(FailureKind.GONE, Failures.ofHttpStatus(410, FailureKind.OTHER));
        assertEquals(FailureKind.UNPROCESSABLE, Failures.ofHttpStatus(422, FailureKind.OTHER));
        assertEquals(FailureKind.RATE_LIMITED, Failures.ofHttpStatus(429, FailureKind.OTHER));
        assertEquals(FailureKind.SERVER_ERROR, Failures.ofHttpStatus(503, FailureKind.OTHER));
        assertEquals(FailureKind.OTHER, Failures.ofHttpStatus(418, FailureKind.OTHER));
        assertEquals(FailureKind.UNEXPECTED_STATUS, Failures.ofHttpStatus(302, FailureKind.UNEXPECTED_STATUS));
    }

    @Test
    @DisplayName("anything else is OTHER")
    void other() {
        assertEquals(FailureKind.OTHER, Failures.kindOf(new IllegalStateException("boom")));
    }

    @Test
    @DisplayName("garbage where an HTTP answer belongs (a ProtocolException, wrapped or not) is BAD_PAYLOAD")
    void garbageAnswer() {
        // the JDK client's messages against the chaos suite's SSH banner and 3 MB header line
        assertEquals(FailureKind.BAD_PAYLOAD, Failures.kindOf(new java.net.ProtocolException(
                "Invalid status line: \"SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\"")));
        assertEquals(FailureKind.BAD_PAYLOAD, Failures.kindOf(causedBy(new IOException("Header size too big: 393217 > 393216"),
                new java.net.ProtocolException("Header size too big: 393217 > 393216"))));
        Failures.Classified c = Failures.classify(causedBy(new IOException("Invalid status line"),
                new java.net.ProtocolException("Invalid status line: \"SSH-2.0-OpenSSH_9.6p1\"")), true);
        assertEquals(FailureKind.BAD_PAYLOAD, c.kind());
        assertEquals(true, c.detail().startsWith("not a valid HTTP answer: "), c.detail());
        // OkHttp against the chaos suite's gzip bomb (members concatenated)
        assertEquals(FailureKind.BAD_PAYLOAD, Failures.kindOf(new IOException("gzip finished without exhausting source")));
        assertEquals(FailureKind.BAD_PAYLOAD, Failures.classify(new IOException("gzip finished without exhausting source"),
                true).kind());
        assertEquals(FailureKind.BAD_PAYLOAD, Failures.kindOf(new java.util.zip.ZipException("invalid block type")));
    }

    @Test
    @DisplayName("one classification for every probe: a socket timeout is told by the connection's state when the caller "
            + "knows it, else by its words; the detail is one redacted line")
    void oneClassificationWhetherTheCallerKnowsTheConnectionOrNot() {
        SocketTimeoutException bare = new SocketTimeoutException("timeout");
        assertEquals(FailureKind.CONNECT_TIMEOUT, Failures.classify(bare, false).kind());
        assertEquals(FailureKind.READ_TIMEOUT, Failures.classify(bare, true).kind());
        assertEquals(FailureKind.READ_TIMEOUT, Failures.classify(bare, null).kind());
        assertEquals(FailureKind.CONNECT_TIMEOUT, Failures.classify(new SocketTimeoutException("Connect timed out"), null).kind());
        // what the HTTP probe and the TCP dialer got as two different kinds before: one answer now
        assertEquals(FailureKind.CONNECT_TIMEOUT, Failures.kindOf(new java.net.NoRouteToHostException("No route to host")));
        assertEquals(FailureKind.CONNECT_TIMEOUT, Failures.kindOf(new ConnectException("Network is unreachable")));
        assertEquals(FailureKind.CONNECTION_RESET, Failures.kindOf(new java.net.SocketException("Socket closed")));
        assertEquals(FailureKind.CONNECTION_RESET, Failures.kindOf(new java.nio.channels.ClosedChannelException()));
        Failures.Classified other = Failures.classify(new IOException("odd\nAuthorization: Bearer ghp_"
                + "A".repeat(36)), true);
        assertEquals(FailureKind.OTHER, other.kind());
        assertEquals(false, other.detail().contains("\n") || other.detail().contains("AAAAAAAAAAAA"), other.detail());
    }

    @Test
    @DisplayName("an exception whose causes loop (A caused by B caused by A) and a null are classified, not a hang or an NPE")
    void causeCycleAndNull() {
        IOException a = new IOException("outer");
        SocketTimeoutException b = new SocketTimeoutException("Read timed out");
        a.initCause(b);
        b.initCause(a); // initCause refuses only a throwable as its own cause
        Failures.Classified c = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> Failures.classify(a, true)); // hang guard
        assertEquals(FailureKind.READ_TIMEOUT, c.kind());
        IOException loop = new IOException("no kind in it");
        IOException other = new IOException("nor in this");
        loop.initCause(other);
        other.initCause(loop);
        assertEquals(FailureKind.OTHER, org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> Failures.kindOf(loop)));
        assertEquals(FailureKind.OTHER, Failures.kindOf(null));
        assertEquals(FailureKind.OTHER, Failures.classify(null, false).kind());
    }

    @Test
    @DisplayName("a url in an exception's message loses its user info and query in the detail, as SafeText does for every probe")
    void urlCredentialsInAMessage() {
        Failures.Classified c = Failures.classify(new IOException(
                "unexpected answer from https://deploy:pl41nPassw0rd@mcp.example.com/mcp?session=s3ss10nV4lue99"), true);
        assertEquals(false, c.detail().contains("pl41nPassw0rd") || c.detail().contains("s3ss10nV4lue99"), c.detail());
        assertEquals(true, c.detail().contains("https://mcp.example.com/mcp"), c.detail());
    }
}

