package io.sophia.probes.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * The sockets of the HTTP stack: plain sockets that connect where they are told ({@code new Socket(Proxy.NO_PROXY)}).
 *
 * <p>The JDK's default socket ({@code new Socket()}, what {@link SocketFactory#getDefault()} makes) wraps its
 * implementation in a SOCKS layer that, at every connect, builds a {@code socket://host:port} {@link java.net.URI} and
 * asks the JVM's {@link ProxySelector} whether a SOCKS proxy should be used: a fleet check pays that for each of its
 * thousands of connections, although OkHttp has already chosen the route (direct, or the HTTP proxy of the
 * environment). So a socket here skips that layer, unless the JVM is set up to use a SOCKS proxy: the
 * {@code socksProxyHost} or {@code java.net.useSystemProxies} system property is set, or a
 * {@link ProxySelector} other than the JDK's default is installed. Then it is the JDK's default socket, as before.
 */
public final class DirectSockets extends SocketFactory {

    /** The one instance: the factory holds no state. */
    public static final DirectSockets INSTANCE = new DirectSockets();

    private static final String JDK_DEFAULT_SELECTOR = "sun.net.spi.DefaultProxySelector";

    private DirectSockets() {
    }

    /** True when a connect of the JDK's default socket could go through a SOCKS proxy the JVM is set up with. */
    static boolean jvmMayProxy() {
        if (System.getProperty("socksProxyHost") != null || Boolean.getBoolean("java.net.useSystemProxies")) {
            return true;
        }
        ProxySelector selector = ProxySelector.getDefault();
        return selector != null && !selector.getClass().getName().equals(JDK_DEFAULT_SELECTOR);
    }

    @Override
    public Socket createSocket() {
        return jvmMayProxy() ? new Socket() : new Socket(Proxy.NO_PROXY);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private Socket connected(SocketAddress local, SocketAddress remote) throws IOException {
        Socket s = createSocket();
        try {
            if (local != null) {
                s.bind(local);
            }
            s.connect(remote);
            return s;
        } catch (IOException | RuntimeException e) {
            try {
                s.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
