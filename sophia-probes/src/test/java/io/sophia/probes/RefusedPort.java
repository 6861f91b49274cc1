package io.sophia.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loopback ports that refuse connections for the rest of the test run: each is held by a socket bound to it that
 * never listens, so the kernel answers a connect with a reset ("connection refused") and no other process can take
 * the port. A port taken from a server socket and closed at once is free again: on a machine shared with other
 * builds, the longer the test takes to connect (a stalled machine), the likelier something else listens there.
 */
final class RefusedPort {

    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    private RefusedPort() {
    }

    /** {@return a loopback port that refuses connections until the JVM ends} */
    static int held() {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HELD.add(s);
        return s.getLocalPort();
    }
}
