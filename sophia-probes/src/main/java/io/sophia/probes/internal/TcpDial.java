package io.sophia.probes.internal;

import io.sophia.core.FailureKind;

import io.sophia.core.ProbeContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Opens a TCP connection within a deadline: resolves the name (bounded, see {@link DnsLookup}),
 * then tries each address in turn while time remains, as a browser would.
 */
public final class TcpDial {

    /** A connected socket, or the failure that prevented it. */
    public record Connection(Socket socket, InetAddress address, FailureKind failure, String detail) {
        public boolean ok() {
            return socket != null;
        }
    }

    private TcpDial() {
    }

    /** Connects to {@code target} before {@code deadline}; a cancelled run stops the connect. */
    public static Connection dial(DnsLookup.NameResolver resolver, TcpTarget target, Deadline deadline) {
        DnsLookup.Resolution names = DnsLookup.resolve(resolver, target.host(), deadline.remaining());
        if (!names.ok()) {
            return new Connection(null, null, names.failure(), names.detail());
        }
        Failures.Classified last = null;
        for (InetAddress address : names.addresses()) {
            if (deadline.expired()) {
                break;
            }
            Socket socket = new Socket();
            // closing the socket is what unblocks a connect when the run is cancelled
            try (ProbeContext.Registration r = deadline.onCancel(() -> closeQuietly(socket))) {
                socket.connect(new InetSocketAddress(address, target.port()), deadline.remainingMillisForSocket());
                return new Connection(socket, address, null, null);
            } catch (IOException e) {
                closeQuietly(socket);
                last = Failures.classify(e, false);
            }
        }
        if (last == null) {
            return new Connection(null, null, FailureKind.CONNECT_TIMEOUT, "connect to " + target + " timed out");
        }
        return new Connection(null, null, last.kind(), last.detail() + " (" + target + ")");
    }

    /** Time left until {@code deadlineNanos}, never negative. */
    public static Duration remaining(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do: the socket is being abandoned
        }
    }
}
