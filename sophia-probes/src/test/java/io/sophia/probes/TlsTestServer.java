package io.sophia.probes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A loopback TLS server presenting a given certificate chain; or, for failure cases, a plain
 * server that answers HTTP to a ClientHello or one that accepts and never says anything.
 */
final class TlsTestServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final CountDownLatch closed = new CountDownLatch(1);

    private TlsTestServer(ServerSocket socket, Mode mode) {
        this.socket = socket;
        this.acceptor = new Thread(() -> acceptLoop(mode), "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private enum Mode { TLS, PLAIN_HTTP, SILENT }

    static TlsTestServer presenting(TlsTestPki.Identity identity) throws Exception {
        // JKS: PKCS12's password-based key protection costs a noticeable key derivation per test
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        char[] pw = "test".toCharArray();
        ks.setKeyEntry("server", identity.key(), pw, identity.chain());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new TlsTestServer(server, Mode.TLS);
    }

    static TlsTestServer plainHttp() throws IOException {
        return new TlsTestServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), Mode.PLAIN_HTTP);
    }

    static TlsTestServer silent() throws IOException {
        return new TlsTestServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), Mode.SILENT);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop(Mode mode) {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve(s, mode), "tls-test-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, Mode mode) {
        try (s) {
            switch (mode) {
                case TLS -> {
                    ((SSLSocket) s).startHandshake();
                    drain(s.getInputStream());
                }
                case PLAIN_HTTP -> {
                    s.getInputStream().read(new byte[512]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case SILENT -> closed.await();
            }
        } catch (IOException | InterruptedException e) {
            // the probe went away: nothing to do
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[1024];
        while (in.read(buf) >= 0) {
            // discard until the client closes
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
    }
}
