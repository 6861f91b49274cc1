package io.sophia.probes.internal;

import io.sophia.core.Observation.Timing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Times one call's phases from OkHttp's events, like blackbox_exporter: {@code dns}, {@code connect}
 * (to the proxy, when there is one, tunnel included), {@code tls}, {@code firstByte} (ready to send
 * until the response headers are in) and {@code transfer} (headers until the end of the body, which
 * the caller marks). The phases are contiguous from the caller's start, so they add up to the latency.
 * A call that follows a redirect keeps the first connection's phases; the redirect's round trips go
 * into {@code firstByte}, so the sum still holds.
 *
 * <p>Attach one per call, before it runs: {@code call.addEventListener(clock)}. It also remembers the
 * step the call was in (for telling a connect timeout from a silent server) and the negotiated protocol.
 * Events come from the calling thread; the fields are volatile because a cancellation may read them from another.
 */
public final class PhaseClock extends EventListener {

    /** The step a call was in. */
    public enum Step {
        /** not yet connecting: proxy selection, DNS */
        START,
        /** the TCP connect (and a proxy's CONNECT tunnel) */
        CONNECT,
        /** the TLS handshake */
        TLS,
        /** writing the request and waiting for the answer's headers */
        FIRST_BYTE,
        /** reading the body */
        BODY
    }

    private final long start;
    private volatile long dnsEnd;
    private volatile long connectStart;
    private volatile long tlsStart;
    private volatile long tlsEnd;
    private volatile long connectEnd;
    private volatile long headersAt;
    private volatile Step step = Step.START;
    private volatile Protocol protocol;
    private volatile boolean connected;

    /** A clock whose phases start at {@code startNanos} ({@link System#nanoTime()}): the caller's start. */
    public PhaseClock(long startNanos) {
        this.start = startNanos;
    }

    @Override
    public void dnsEnd(Call call, String domainName, List<java.net.InetAddress> inetAddressList) {
        if (dnsEnd == 0) {
            dnsEnd = System.nanoTime();
        }
    }

    @Override
    public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
        if (!connected) {
            if (connectStart == 0) {
                connectStart = System.nanoTime();
            }
            step = Step.CONNECT;
        }
    }

    @Override
    public void secureConnectStart(Call call) {
        if (!connected) {
            tlsStart = System.nanoTime();
            step = Step.TLS;
        }
    }

    @Override
    public void secureConnectEnd(Call call, Handshake handshake) {
        if (!connected) {
            tlsEnd = System.nanoTime();
        }
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress inetSocketAddress, Proxy proxy, Protocol protocol) {
        if (!connected) {
            connectEnd = System.nanoTime();
            connected = true;
            this.protocol = protocol;
            step = Step.FIRST_BYTE;
        }
    }

    @Override
    public void connectionAcquired(Call call, okhttp3.Connection connection) {
        if (!connected) {
            // a pooled connection: no connect phase at all
            connected = true;
            connectEnd = System.nanoTime();
            protocol = connection.protocol();
        }
        step = Step.FIRST_BYTE;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        // OkHttp reads the whole header block before its first header event: this is "headers in"
        headersAt = System.nanoTime();
        protocol = response.protocol();
        step = Step.BODY;
    }

    @Override
    public void callFailed(Call call, IOException ioe) {
        // the step stays where it failed
    }

    /** {@return the step the call is (or was, when it failed) in} */
    public Step step() {
        return step;
    }

    /** {@return the protocol negotiated (HTTP/1.1, h2), or null before the connection was made} */
    public Protocol protocol() {
        return protocol;
    }

    /** {@return {@link System#nanoTime()} when the answer's headers were in, or 0 when they never were} */
    public long headersAtNanos() {
        return headersAt;
    }

    /**
     * {@return the phases of a call whose body ended at {@code endNanos}; {@code transfer} is null when
     * the body was not read to its end ({@code complete} false)}
     *
     * @param endNanos when the body was read ({@link System#nanoTime()})
     * @param complete whether the body was read to its end
     */
    public Timing timing(long endNanos, boolean complete) {
        long dnsAt = dnsEnd;
        Duration dns = dnsAt == 0 ? null : Duration.ofNanos(dnsAt - start);
        long before = dnsAt == 0 ? start : dnsAt;
        long connected = connectEnd;
        long tlsFrom = tlsStart;
        long tlsTo = tlsEnd;
        Duration connect = null;
        Duration tls = null;
        long ready = before;
        if (connectStart != 0 && connected != 0) {
            // the TCP connect (and any tunnel) ends where TLS starts
            long tcpEnd = tlsFrom != 0 ? tlsFrom : connected;
            connect = Duration.ofNanos(tcpEnd - before);
            ready = tcpEnd;
            if (tlsFrom != 0 && tlsTo != 0) {
                // the handshake ends where the connection is ready (ALPN bookkeeping included)
                tls = Duration.ofNanos(connected - tlsFrom);
                ready = connected;
            }
        } else if (connected != 0) {
            ready = connected;
        }
        long headers = headersAt;
        Duration firstByte = headers == 0 ? null : Duration.ofNanos(headers - ready);
        Duration transfer = headers == 0 || !complete ? null : Duration.ofNanos(endNanos - headers);
        return new Timing(dns, connect, tls, firstByte, transfer);
    }
}
