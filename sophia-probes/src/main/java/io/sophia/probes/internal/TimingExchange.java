package io.sophia.probes.internal;

import io.sophia.core.Observation.Timing;
import io.sophia.core.ProbeContext;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 {@code GET} on a raw socket, timed phase by phase like blackbox_exporter: connect,
 * TLS handshake, first byte (request sent to first response byte) and transfer (first byte to end
 * of body). It is the check itself, not a second request, so the phases partition the latency: the
 * phase timestamps are contiguous and {@code dns + connect + tls + firstByte + transfer} equals the
 * latency whenever the body was read to its end. The JDK's HTTP client is not used because it hides
 * these phases and its first request in a JVM costs some 200 ms of start-up that a health check
 * must not blame on the server.
 *
 * <p>The answer is framed by {@code Content-Length}, {@code chunked} transfer coding or the end of
 * the connection ({@code Connection: close} is sent). The body is never buffered whole: the first
 * {@code keep} bytes are kept, the rest up to {@code limit} is counted and discarded; a body longer
 * than {@code limit} stops the read and leaves {@code transfer} null. Every blocking step is bounded
 * by the {@link Deadline}.
 */
public final class TimingExchange {

    /** The step an exchange was in when it failed. */
    public enum Phase {
        /** the TCP connect */
        CONNECT,
        /** the TLS handshake */
        TLS,
        /** writing the request or waiting for the first byte of the answer */
        FIRST_BYTE,
        /** reading the status line and headers */
        HEADERS,
        /** reading the body */
        BODY
    }

    /**
     * A completed exchange.
     *
     * @param status   the status code
     * @param headers  the first value of each header, by lower-case name
     * @param head     the first bytes of the (de-chunked) body, at most {@code keep}
     * @param total    body bytes read
     * @param complete false when reading stopped at {@code limit} before the end of the body
     * @param timing   the phases; {@code transfer} is null when the body was not read to its end
     * @param latency  from {@code start} to the end of the read
     */
    public record Answer(int status, Map<String, String> headers, byte[] head, long total, boolean complete,
                         Timing timing, Duration latency) {

        /** The first value of header {@code name} (any case). */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** An exchange that failed in {@link #phase()}; the cause is the I/O error. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final Phase phase;
        private final long headersAtNanos;

        Failed(Phase phase, long headersAtNanos, IOException cause) {
            super(cause.getMessage(), cause);
            this.phase = phase;
            this.headersAtNanos = headersAtNanos;
        }

        /** The step that failed. */
        public Phase phase() {
            return phase;
        }

        /** {@link System#nanoTime()} when the headers were complete, or 0 when they never were. */
        public long headersAtNanos() {
            return headersAtNanos;
        }

        /** True when the step ran out of time (a socket timeout or the deadline). */
        public boolean timedOut() {
            return getCause() instanceof SocketTimeoutException;
        }

        /** True when the peer closed the connection early. */
        public boolean closedEarly() {
            return getCause() instanceof EOFException;
        }
    }

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private TimingExchange() {
    }

    /** The JVM's default TLS socket factory; its one-time set-up (trust store) is not a phase of any server. */
    public static SSLSocketFactory tlsFactory() {
        return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    /**
     * Performs the exchange.
     *
     * @param uri            the url to get
     * @param request        its request bytes, from {@link #request(URI, String)}
     * @param address        the resolved address of {@code uri}'s host
     * @param dns            the lookup's duration, or null when the host is an IP literal
     * @param start          {@link System#nanoTime()} when the check began (before the lookup)
     * @param phaseStart     {@link System#nanoTime()} when the connect phase begins (end of the lookup)
     * @param connectTimeout the most the TCP connect may take
     * @param deadline       bounds every step
     * @param tlsSockets     makes the TLS socket of an https url (and so decides what is trusted)
     * @param keep           body bytes to keep
     * @param limit          body bytes after which reading stops
     * @throws Failed when a step fails; the phase tells which
     */
    public static Answer get(URI uri, byte[] request, InetAddress address, Duration dns, long start, long phaseStart,
                             Duration connectTimeout, Deadline deadline, SSLSocketFactory tlsSockets, int keep, long limit)
            throws Failed {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        Phase phase = Phase.CONNECT;
        Reader reader = null;
        Socket socket = new Socket();
        // a blocked connect or read does not answer to interruption on a platform thread; closing the socket does
        ProbeContext.Registration onCancel = deadline.onCancel(() -> closeQuietly(socket));
        try {
            if (deadline.cancelled()) {
                throw new SocketTimeoutException("the probe was cancelled");
            }
            socket.setTcpNoDelay(true);
            int connectMillis = (int) Math.max(1, Math.min(deadline.remainingMillisForSocket(), connectTimeout.toMillis()));
            socket.connect(new InetSocketAddress(address, port), connectMillis);
            long connected = System.nanoTime();
            Duration connect = Duration.ofNanos(connected - phaseStart);
            Duration tls = null;
            long ready = connected;
            Socket channel = socket;
            if (https) {
                phase = Phase.TLS;
                SSLSocket ssl = (SSLSocket) tlsSockets.createSocket(socket, uri.getHost(), port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(deadline.remainingMillisForSocket());
                ssl.startHandshake();
                ready = System.nanoTime();
                tls = Duration.ofNanos(ready - connected);
                channel = ssl;
            }
            phase = Phase.FIRST_BYTE;
            OutputStream out = channel.getOutputStream();
            out.write(request);
            out.flush();
            reader = new Reader(channel, deadline);
            reader.fill();
            long firstAt = reader.firstByteAt;
            phase = Phase.HEADERS;
            int status;
            Map<String, String> headers;
            do {
                status = statusCode(reader.line());
                headers = headers(reader);
            } while (status >= 100 && status < 200 && status != 101);
            reader.headersAt = System.nanoTime();
            phase = Phase.BODY;
            Sink body = new Sink(keep, limit);
            boolean bodyless = status == 204 || status == 304 || status < 200;
            String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            String length = headers.get("content-length");
            if (bodyless) {
                body.complete = true;
            } else if (encoding.contains("chunked")) {
                chunked(reader, body);
            } else if (length != null) {
                fixed(reader, body, contentLength(length));
            } else {
                untilClose(reader, body);
            }
            long end = System.nanoTime();
            Duration firstByte = Duration.ofNanos(firstAt - ready);
            Duration transfer = body.complete ? Duration.ofNanos(end - firstAt) : null;
            return new Answer(status, Map.copyOf(headers), Arrays.copyOf(body.head, body.size), body.total, body.complete,
                    new Timing(dns, connect, tls, firstByte, transfer), Duration.ofNanos(end - start));
        } catch (IOException e) {
            throw new Failed(phase, reader == null ? 0 : reader.headersAt, e);
        } catch (RuntimeException e) {
            // the TLS stack reports some malformed input unchecked; it is still a failed exchange
            throw new Failed(phase, reader == null ? 0 : reader.headersAt,
                    new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e));
        } finally {
            onCancel.close();
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static int statusCode(String line) throws ProtocolException {
        // HTTP/1.1 200 OK
        if (!line.startsWith("HTTP/") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("the answer does not start with an HTTP/1.x status line");
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit) || line.length() > 12 && line.charAt(12) != ' ') {
            throw new ProtocolException("the answer's status line has no three-digit status code");
        }
        return Integer.parseInt(code);
    }

    private static Map<String, String> headers(Reader reader) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int bytes = 0;
        for (String line = reader.line(); !line.isEmpty(); line = reader.line()) {
            bytes += line.length();
            if (bytes > MAX_HEADER_BYTES) {
                throw new ProtocolException("the answer's headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static long contentLength(String value) throws ProtocolException {
        try {
            long n = Long.parseLong(value.split(",")[0].strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProtocolException("the answer's Content-Length is not a number");
    }

    private static void fixed(Reader reader, Sink body, long length) throws IOException {
        long left = length;
        while (left > 0 && !body.full()) {
            if (reader.available() == 0 && !reader.fill()) {
                throw new EOFException("connection closed after " + (length - left) + " of " + length + " body bytes");
            }
            left -= reader.drainTo(body, left);
        }
        body.complete = left == 0;
    }

    private static void chunked(Reader reader, Sink body) throws IOException {
        while (!body.full()) {
            String line = reader.line();
            int semicolon = line.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon >= 0 ? line.substring(0, semicolon) : line).strip(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("the answer's chunked body has a malformed chunk size");
            }
            if (size < 0) {
                throw new ProtocolException("the answer's chunked body has a malformed chunk size");
            }
            if (size == 0) {
                for (String trailer = reader.line(); !trailer.isEmpty(); trailer = reader.line()) {
                    // trailers carry nothing a health check uses
                }
                body.complete = true;
                return;
            }
            fixed(reader, body, size);
            if (!body.complete) {
                return;
            }
            body.complete = false;
            if (!reader.line().isEmpty()) {
                throw new ProtocolException("the answer's chunked body has a chunk longer than its size");
            }
        }
    }

    private static void untilClose(Reader reader, Sink body) throws IOException {
        while (!body.full()) {
            if (reader.available() == 0 && !reader.fill()) {
                body.complete = true;
                return;
            }
            reader.drainTo(body, Long.MAX_VALUE);
        }
    }

    /**
     * The bytes of a {@code GET} of {@code uri} with {@code Connection: close}; the url's user info is
     * never sent. Built once per probe, not in the timed window: the first string concatenation in a
     * JVM costs milliseconds of bootstrap.
     */
    public static byte[] request(URI uri, String userAgent) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        String text = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: application/json, */*;q=0.5\r\n"
                + "Connection: close\r\n\r\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Keeps the first bytes of the body, counts the rest, and says when {@code limit} is reached. */
    private static final class Sink {
        private final int keep;
        private final long limit;
        private byte[] head = new byte[0];
        private int size;
        private long total;
        private boolean complete;

        Sink(int keep, long limit) {
            this.keep = keep;
            this.limit = limit;
        }

        boolean full() {
            return total >= limit;
        }

        void accept(byte[] buf, int off, int n) {
            int take = Math.min(n, keep - size);
            if (take > 0) {
                if (head.length < size + take) {
                    head = Arrays.copyOf(head, Math.min(keep, Math.max(size + take, head.length * 2)));
                }
                System.arraycopy(buf, off, head, size, take);
                size += take;
            }
            total += n;
        }
    }

    /** A buffered reader of the socket that re-arms the socket timeout from the deadline before every read. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final Deadline deadline;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int end;
        private long firstByteAt;
        private long headersAt;

        Reader(Socket socket, Deadline deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        int available() {
            return end - pos;
        }

        /** Reads more bytes; false at end of stream. The first call must see a byte, or fails with EOF. */
        boolean fill() throws IOException {
            if (deadline.expired()) {
                throw new SocketTimeoutException("deadline reached");
            }
            socket.setSoTimeout(deadline.remainingMillisForSocket());
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                if (firstByteAt == 0) {
                    throw new EOFException("connection closed before any answer");
                }
                return false;
            }
            if (firstByteAt == 0) {
                firstByteAt = System.nanoTime();
            }
            pos = 0;
            end = n;
            return true;
        }

        long drainTo(Sink sink, long max) {
            int n = (int) Math.min(Math.min(available(), max), Math.max(1, sink.limit - sink.total));
            sink.accept(buf, pos, n);
            pos += n;
            return n;
        }

        String line() throws IOException {
            StringBuilder b = new StringBuilder();
            while (true) {
                if (available() == 0 && !fill()) {
                    throw new EOFException("connection closed in the middle of the answer");
                }
                byte c = buf[pos++];
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                if (b.length() >= MAX_LINE) {
                    throw new ProtocolException("a line of the answer exceeds " + MAX_LINE + " bytes");
                }
                b.append((char) (c & 0xff));
            }
        }
    }
}
