package io.sophia.examples.demo;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ways the demo's unhealthy services fail: a closed port, a server that never answers, a 5xx. */
final class FailingEndpoints {

    private FailingEndpoints() {
    }

    /**
     * A loopback port that refuses connections for as long as this is open: a socket bound to it that never
     * listens holds the port (no other server can take it, unlike a port released at once), and the kernel
     * answers a connection to a port with no listener with a reset, so the probe sees "connection refused".
     */
    static final class Refusing implements AutoCloseable {
        private final Socket held = new Socket();

        Refusing() throws IOException {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + held.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            held.close();
        }
    }

    /** Accepts connections and never reads or answers, like a machine that does not wake up. */
    static final class Hanging implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Hanging() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "sophia-demo-hanging");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    /** Answers every request with one status, like the platform's proxy in front of a stopped machine. */
    static final class Status implements AutoCloseable {
        private final HttpServer server;

        Status(int status, String body) throws IOException {
            server = Payloads.loopbackServer("status-" + status);
            server.createContext("/", ex -> {
                Payloads.body(ex, 1 << 16);
                ex.getResponseHeaders().set("Server", "Fly/5f3c1d9a (2025-08-21)");
                ex.getResponseHeaders().set("Fly-Request-Id", "01K3BQ0G1M9ZJ4X7VYD2N6C8RT-ams");
                Payloads.send(ex, status, "text/plain; charset=utf-8", body);
            });
            server.start();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        @Override
        public void close() {
            Payloads.stop(server);
        }
    }
}
