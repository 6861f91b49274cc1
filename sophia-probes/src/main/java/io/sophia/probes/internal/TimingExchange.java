package io.sophia.probes.internal;

import io.sophia.core.Observation.Timing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Measures the phases of one HTTP/1.1 exchange on a raw socket, like blackbox_exporter: connect,
 * TLS handshake, time to first byte (request written to first response byte) and transfer (first
 * byte to end of body). The JDK's HTTP client does not expose these phases, so the probe runs this
 * small second exchange after a successful check. DNS is measured separately by the probe, before
 * the check, so that the JVM's resolver cache does not hide it.
 *
 * <p>Phases not reached are null: a failed handshake leaves {@code tls}, {@code firstByte} and
 * {@code transfer} null. The exchange never outlives its {@link Deadline}.
 */
public final class TimingExchange {

    /** Bodies longer than this are not read to the end; {@code transfer} is then null. */
    static final int MAX_BODY = 1 << 20;

    private TimingExchange() {
    }

    /** Measures the exchange for {@code uri}; {@code dns} is passed through into the result. */
    public static Timing measure(URI uri, InetAddress address, Duration dns, Deadline deadline, String userAgent) {
        Duration connect = null;
        Duration tls = null;
        Duration firstByte = null;
        Duration transfer = null;
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        Socket socket = new Socket();
        try {
            long t0 = System.nanoTime();
            socket.connect(new InetSocketAddress(address, port), deadline.remainingMillisForSocket());
            long t1 = System.nanoTime();
            connect = Duration.ofNanos(t1 - t0);
            Socket channel = socket;
            if (https) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, uri.getHost(), port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(deadline.remainingMillisForSocket());
                ssl.startHandshake();
                tls = Duration.ofNanos(System.nanoTime() - t1);
                channel = ssl;
            }
            channel.setSoTimeout(deadline.remainingMillisForSocket());
            OutputStream out = channel.getOutputStream();
            long sent = System.nanoTime();
            out.write(request(uri, port, https, userAgent));
            out.flush();
            InputStream in = channel.getInputStream();
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            if (n < 0) {
                return new Timing(dns, connect, tls, null, null);
            }
            long first = System.nanoTime();
            firstByte = Duration.ofNanos(first - sent);
            long read = n;
            // Connection: close makes end of stream the end of the answer, whatever its framing.
            while (read <= MAX_BODY && !deadline.expired()) {
                channel.setSoTimeout(deadline.remainingMillisForSocket());
                n = in.read(buf);
                if (n < 0) {
                    transfer = Duration.ofNanos(System.nanoTime() - first);
                    break;
                }
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // the phases measured so far stand; the check itself already reported any failure
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
        return new Timing(dns, connect, tls, firstByte, transfer);
    }

    private static byte[] request(URI uri, int port, boolean https, String userAgent) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        String text = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: */*\r\n"
                + "Connection: close\r\n\r\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
