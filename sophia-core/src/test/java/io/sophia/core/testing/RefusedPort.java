package io.sophia.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loopback ports that refuse connections for the rest of the test run, for every module's tests: each is held by a
 * socket bound to it that never listens, so the kernel answers a connect with a reset ("connection refused") and no
 * other process can take the port. Neither a port taken from a server socket and closed at once (free again: on a
 * machine shared with other builds, something else may listen there by the time the test connects) nor port 9 (a
 * machine with the discard service accepts there and never answers) is sure to refuse.
 */
public final class RefusedPort {

    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    private RefusedPort() {
    }

    /** {@return a loopback port that refuses connections until the JVM ends} */
    public static int held() {
        Socket s = new Socket();
        try {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HELD.add(s);
        return s.getLocalPort();
    }

    /** {@return {@code text} with every {@code 127.0.0.1:9/} replaced by a held port of its own} */
    public static String in(String text) {
        return text.replace("127.0.0.1:9/", "127.0.0.1:" + held() + "/");
    }
}
