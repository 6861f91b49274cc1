package io.sophia.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Thousands of HTTP endpoints on loopback, one port each, served by one selector thread: a
 * healthy endpoint answers {@code 200 ok} to any request; a hanging one accepts the connection,
 * reads the request and never answers (a read timeout for the client), until the client closes.
 *
 * <p>Used by {@link FleetBenchmark} (in a child process, so its heap is not the prober's) and by
 * the fleet tests. {@code main} prints one url per line, then {@code READY}, and serves until its
 * standard input closes.
 */
public final class LoopbackFleet implements AutoCloseable {

    private static final byte[] OK = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
            + "Connection: close\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final List<URI> urls = new ArrayList<>();
    private final boolean[] hanging;
    private final Thread loop;

    private LoopbackFleet(int endpoints, IntPredicate hangs) throws IOException {
        this.selector = Selector.open();
        this.hanging = new boolean[endpoints];
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            for (int i = 0; i < endpoints; i++) {
                hanging[i] = hangs.test(i);
                ServerSocketChannel ch = ServerSocketChannel.open();
                ch.bind(new InetSocketAddress(loopback, 0), 64);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_ACCEPT, i);
                listeners.add(ch);
                urls.add(URI.create("http://127.0.0.1:" + ch.socket().getLocalPort() + "/health"));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        this.loop = new Thread(this::serve, "loopback-fleet");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Starts {@code endpoints} endpoints; endpoint {@code i} hangs when {@code hangs.test(i)}.
     *
     *
     * @param endpoints the endpoints
     * @param hangs the hangs
     * @return the running fleet; close it to stop the endpoints
     * @throws IOException when a file cannot be read or written
     */
    public static LoopbackFleet start(int endpoints, IntPredicate hangs) throws IOException {
        return new LoopbackFleet(endpoints, hangs);
    }

    /** {@return the endpoints' urls, in order} */
    public List<URI> urls() {
        return List.copyOf(urls);
    }

    /**
     * {@return true when endpoint {@code i} hangs}
     *
     * @param i the i
     */
    public boolean hangs(int i) {
        return hanging[i];
    }

    /** One request being read, or one answer being written. */
    private static final class Conn {
        final boolean hang;
        final ByteBuffer in = ByteBuffer.allocate(1024);
        ByteBuffer out;
        int matched; // how much of CRLF CRLF has been seen

        Conn(boolean hang) {
            this.hang = hang;
        }
    }

    private void serve() {
        try {
            while (selector.isOpen()) {
                selector.select();
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    try {
                        handle(key);
                    } catch (IOException | RuntimeException e) {
                        closeQuietly(key);
                    }
                }
            }
        } catch (IOException | ClosedSelectorException | java.util.ConcurrentModificationException e) {
            // closed (close() races the loop): the fleet is going away
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            int index = (Integer) key.attachment();
            SocketChannel c;
            while ((c = ((ServerSocketChannel) key.channel()).accept()) != null) {
                c.configureBlocking(false);
                c.register(selector, SelectionKey.OP_READ, new Conn(hanging[index]));
            }
            return;
        }
        Conn conn = (Conn) key.attachment();
        SocketChannel c = (SocketChannel) key.channel();
        if (key.isReadable()) {
            conn.in.clear();
            int n = c.read(conn.in);
            if (n < 0) {
                closeQuietly(key);
                return;
            }
            if (conn.hang || conn.out != null) {
                return; // a hanging endpoint reads and ignores; a pipelined byte after the request is dropped
            }
            byte[] b = conn.in.array();
            for (int i = 0; i < conn.in.position(); i++) {
                conn.matched = b[i] == (conn.matched % 2 == 0 ? '\r' : '\n') ? conn.matched + 1 : b[i] == '\r' ? 1 : 0;
                if (conn.matched == 4) {
                    conn.out = ByteBuffer.wrap(OK);
                    key.interestOps(SelectionKey.OP_WRITE);
                    break;
                }
            }
        }
        if (key.isValid() && key.isWritable() && conn.out != null) {
            c.write(conn.out);
            if (!conn.out.hasRemaining()) {
                closeQuietly(key);
            }
        }
    }

    private static void closeQuietly(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // going away anyway
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        for (ServerSocketChannel ch : listeners) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /**
     * Serves {@code args[0]} endpoints of which every {@code args[1]}-th hangs (index {@code % n == n - 1});
     * prints the urls, then {@code READY}; ends when standard input closes.
     *
     * @param args the command line arguments
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        int endpoints = Integer.parseInt(args[0]);
        int every = Integer.parseInt(args[1]);
        try (LoopbackFleet fleet = start(endpoints, i -> every > 0 && i % every == every - 1)) {
            StringBuilder out = new StringBuilder();
            for (URI u : fleet.urls()) {
                out.append(u).append('\n');
            }
            System.out.print(out);
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // wait for the parent to close our stdin
            }
        }
    }
}
