package io.sophia.probes.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Hostile endpoints on loopback, one port each (bound to port 0, read back): servers that hang,
 * stall, drip, reset, send endless or gzip-bomb bodies, garbage, or present bad certificates.
 *
 * <p>The plain endpoints share one NIO selector thread, so thousands of held connections cost no
 * threads; an endpoint's script starts when the client's first bytes arrive (or at once for
 * {@link Behaviour#RESET_ON_ACCEPT}). The TLS endpoints use the JDK's blocking {@link SSLServerSocket},
 * one daemon thread per connection. {@link #close()} closes every socket and ends every thread.
 */
final class HostileServers implements AutoCloseable {

    /** What an endpoint does with a connection. */
    enum Behaviour {
        /** A well-behaved 200 with a small JSON body, then close: the control. */
        HEALTHY(false),
        /** Accepts, reads, never answers. */
        HANGING(false),
        /** Sends complete headers promising a body, then nothing. */
        STALLING(false),
        /** Sends half a header line, then nothing. */
        HALF_HEADERS(false),
        /** A header line that never ends, one byte every {@value #DRIP_MILLIS} ms. */
        DRIPPING(false),
        /** Complete headers, then a JSON body one byte every {@value #DRIP_MILLIS} ms. */
        DRIPPING_BODY(false),
        /** RST as soon as the connection is accepted. */
        RESET_ON_ACCEPT(false),
        /** RST in the middle of the status line's headers. */
        RESET_MID_HEADERS(false),
        /** RST after 5,000 of 100,000 promised body bytes. */
        RESET_MID_BODY(false),
        /** Content-Length of 5 GB, then body bytes as fast as the client reads. */
        HUGE(false),
        /** A chunked body that never ends. */
        HUGE_CHUNKED(false),
        /** A chunked JSON body of ever deeper nesting: {@code [[[[...}. */
        HUGE_NESTED_JSON(false),
        /** Content-Encoding: gzip, 4 MB on the wire that inflate to 4 GiB of JSON whitespace. */
        GZIP_BOMB(false),
        /** 64 KiB of random bytes instead of HTTP, then close. */
        GARBAGE_BINARY(false),
        /** A 3 MB header line, then a tiny body. */
        GARBAGE_HEADER_LINE(false),
        /** A status line that is not one (a 20-digit status, NUL and an escape sequence), a negative length. */
        GARBAGE_STATUS(false),
        /** An SSH banner, then silence. */
        SSH_BANNER(false),
        /** An event stream whose one data line never ends. */
        ENDLESS_EVENT_STREAM(false),
        /** A TLS handshake record header announcing 16 KiB, then one byte every {@value #DRIP_MILLIS} ms. */
        TLS_DRIP(false),
        /** TLS with a self-signed certificate, then a 200 like {@link #HEALTHY}. */
        TLS_SELF_SIGNED(true),
        /** TLS with a certificate that expired a year ago. */
        TLS_EXPIRED(true);

        static final long DRIP_MILLIS = 250;
        final boolean tls;

        Behaviour(boolean tls) {
            this.tls = tls;
        }
    }

    private static final byte[] HEALTHY_BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
    /** One gzip member: 8 MiB of spaces, about 8 KB compressed; a multi-member stream repeats it. */
    private static final byte[] GZIP_MEMBER = gzipOfSpaces(8 << 20);
    private static final int GZIP_MEMBERS = 512;

    private final Selector selector;
    private final Thread loop;
    private final Map<Behaviour, ServerSocketChannel> plain = new EnumMap<>(Behaviour.class);
    private final Map<Behaviour, SSLServerSocket> tls = new EnumMap<>(Behaviour.class);
    private final Set<Object> open = ConcurrentHashMap.newKeySet();
    private final PriorityQueue<Conn> timers = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private volatile boolean closed;

    HostileServers() throws Exception {
        selector = Selector.open();
        for (Behaviour b : Behaviour.values()) {
            if (b.tls) {
                continue;
            }
            ServerSocketChannel ch = ServerSocketChannel.open();
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_ACCEPT, b);
            plain.put(b, ch);
        }
        Instant now = Instant.now();
        tls.put(Behaviour.TLS_SELF_SIGNED, tlsServer(Certificates.selfSigned(now.minusSeconds(3600),
                now.plusSeconds(365L * 86400))));
        tls.put(Behaviour.TLS_EXPIRED, tlsServer(Certificates.selfSigned(now.minusSeconds(2 * 365L * 86400),
                now.minusSeconds(365L * 86400))));
        loop = new Thread(this::run, "hostile-servers");
        loop.setDaemon(true);
        loop.start();
        for (Map.Entry<Behaviour, SSLServerSocket> e : tls.entrySet()) {
            Thread t = new Thread(() -> acceptTls(e.getValue()), "hostile-tls-" + e.getKey());
            t.setDaemon(true);
            t.start();
        }
    }

    /** {@return the port of {@code b}'s endpoint} */
    int port(Behaviour b) {
        return b.tls ? tls.get(b).getLocalPort() : plain.get(b).socket().getLocalPort();
    }

    // ---- the plain endpoints: one selector thread ----

    /** One accepted connection and where its script stands. */
    private static final class Conn {
        final SocketChannel ch;
        final Script script;
        ByteBuffer out;
        boolean started;
        boolean stalled;
        long due;
        SelectionKey key;

        Conn(SocketChannel ch, Behaviour b) {
            this.ch = ch;
            this.script = new Script(b);
        }
    }

    private void run() {
        ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);
        while (!closed) {
            try {
                long wait = 0;
                Conn next = timers.peek();
                if (next != null) {
                    wait = Math.max(1, (next.due - System.nanoTime()) / 1_000_000);
                }
                selector.select(wait);
                for (SelectionKey k : selector.selectedKeys()) {
                    try {
                        if (k.isAcceptable()) {
                            accept((ServerSocketChannel) k.channel(), (Behaviour) k.attachment());
                        } else {
                            Conn c = (Conn) k.attachment();
                            if (k.isReadable()) {
                                read(c, scratch);
                            }
                            if (k.isValid() && k.isWritable()) {
                                pump(c);
                            }
                        }
                    } catch (IOException | CancelledKeyException e) {
                        if (k.attachment() instanceof Conn c) {
                            close(c);
                        }
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().due - now <= 0) {
                    Conn c = timers.poll();
                    if (c.ch.isOpen()) {
                        try {
                            pump(c);
                        } catch (IOException | CancelledKeyException e) {
                            close(c);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void accept(ServerSocketChannel server, Behaviour b) throws IOException {
        SocketChannel ch;
        while ((ch = server.accept()) != null) {
            if (b == Behaviour.RESET_ON_ACCEPT) {
                reset(ch);
                continue;
            }
            ch.configureBlocking(false);
            Conn c = new Conn(ch, b);
            open.add(ch);
            c.key = ch.register(selector, SelectionKey.OP_READ, c);
        }
    }

    /** Reads and discards what the client sends; its first bytes start the script, its EOF ends the connection. */
    private void read(Conn c, ByteBuffer scratch) throws IOException {
        scratch.clear();
        int n = c.ch.read(scratch);
        if (n < 0) {
            close(c);
            return;
        }
        if (n > 0 && !c.started) {
            c.started = true;
            pump(c);
        }
    }

    /** Writes what is pending, then asks the script for more until the socket is full or the script pauses. */
    private void pump(Conn c) throws IOException {
        while (true) {
            if (c.out != null && c.out.hasRemaining()) {
                c.ch.write(c.out);
                if (c.out.hasRemaining()) {
                    c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
            }
            if (c.stalled) {
                c.key.interestOps(SelectionKey.OP_READ);
                return;
            }
            Step step = c.script.next();
            if (step instanceof Send s) {
                c.out = ByteBuffer.wrap(s.bytes());
            } else if (step instanceof Pause p) {
                c.out = null;
                c.due = System.nanoTime() + p.millis() * 1_000_000;
                timers.add(c);
                c.key.interestOps(SelectionKey.OP_READ);
                return;
            } else if (step == End.STALL) {
                c.stalled = true;
            } else if (step == End.CLOSE) {
                close(c);
                return;
            } else {
                open.remove(c.ch);
                c.key.cancel();
                reset(c.ch);
                return;
            }
        }
    }

    private void close(Conn c) {
        open.remove(c.ch);
        if (c.key != null) {
            c.key.cancel();
        }
        try {
            c.ch.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }

    /** Closes with SO_LINGER 0: the kernel sends RST instead of FIN. */
    private static void reset(SocketChannel ch) {
        try {
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            ch.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** What a script does next. */
    private sealed interface Step permits Send, Pause, End {
    }

    private record Send(byte[] bytes) implements Step {
    }

    private record Pause(long millis) implements Step {
    }

    private enum End implements Step { STALL, CLOSE, RESET }

    /** The response of one behaviour, step by step. */
    private static final class Script {
        private static final byte[] CHUNK = filled(64 * 1024, 'x');
        private static final byte[] CHUNKED_X = concat(("10000\r\n").getBytes(StandardCharsets.US_ASCII), CHUNK,
                "\r\n".getBytes(StandardCharsets.US_ASCII));
        private static final byte[] CHUNKED_NESTING = concat(("10000\r\n").getBytes(StandardCharsets.US_ASCII),
                filled(64 * 1024, '['), "\r\n".getBytes(StandardCharsets.US_ASCII));
        private static final byte[] RANDOM = new byte[64 * 1024];
        private static final byte[] HUGE_HEADER = concat(ascii("HTTP/1.1 200 OK\r\nX-Junk: "), filled(3 << 20, 'a'),
                ascii("\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));

        static {
            new Random(42).nextBytes(RANDOM);
        }

        private final Behaviour behaviour;
        private int step;

        Script(Behaviour behaviour) {
            this.behaviour = behaviour;
        }

        Step next() {
            int n = step++;
            return switch (behaviour) {
                case HEALTHY -> n == 0 ? new Send(concat(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + HEALTHY_BODY.length + "\r\nConnection: close\r\n\r\n"), HEALTHY_BODY))
                        : End.CLOSE;
                case HANGING, RESET_ON_ACCEPT -> End.STALL;
                case STALLING -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 4096\r\n\r\n") : End.STALL;
                case HALF_HEADERS -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Ty") : End.STALL;
                case DRIPPING -> n == 0 ? send("HTTP/1.1 200 OK\r\nX-Drip: ") : drip(n, "a");
                case DRIPPING_BODY -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000000\r\n\r\n[") : drip(n, "[");
                case RESET_MID_HEADERS -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Le") : End.RESET;
                case RESET_MID_BODY -> n == 0 ? new Send(concat(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n"), filled(5000, ' '))) : End.RESET;
                case HUGE -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 5000000000\r\n\r\n") : new Send(CHUNK);
                case HUGE_CHUNKED -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n") : new Send(CHUNKED_X);
                case HUGE_NESTED_JSON -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n") : new Send(CHUNKED_NESTING);
                case GZIP_BOMB -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Encoding: gzip\r\nContent-Length: " + (long) GZIP_MEMBER.length * GZIP_MEMBERS
                        + "\r\n\r\n") : n <= GZIP_MEMBERS ? new Send(GZIP_MEMBER) : End.CLOSE;
                case GARBAGE_BINARY -> n == 0 ? new Send(RANDOM) : End.CLOSE;
                case GARBAGE_HEADER_LINE -> n == 0 ? new Send(HUGE_HEADER) : End.CLOSE;
                case GARBAGE_STATUS -> n == 0 ? send("HTTP/1.1 99999999999999999999 \u0000\u001b[2J\u001b]0;owned\u0007\r\n"
                        + "Content-Length: -5\r\nContent-Type: application/json\r\n\r\n{\"status\":") : End.CLOSE;
                case SSH_BANNER -> n == 0 ? send("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n") : End.STALL;
                case ENDLESS_EVENT_STREAM -> n == 0 ? send("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                        + "Cache-Control: no-cache\r\n\r\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"")
                        : new Send(CHUNK);
                case TLS_DRIP -> n == 0 ? new Send(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00, 0x02})
                        : n % 2 == 1 ? new Pause(Behaviour.DRIP_MILLIS) : new Send(new byte[] {0x00});
                case TLS_SELF_SIGNED, TLS_EXPIRED -> throw new IllegalStateException(behaviour + " is served by TLS");
            };
        }

        /** After the first step: pause, byte, pause, byte ... */
        private static Step drip(int n, String b) {
            return n % 2 == 1 ? new Pause(Behaviour.DRIP_MILLIS) : send(b);
        }

        private static Send send(String s) {
            return new Send(ascii(s));
        }
    }

    // ---- the TLS endpoints: blocking, one thread per connection ----

    private static SSLServerSocket tlsServer(Certificates.Identity id) throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        char[] pw = "chaos".toCharArray();
        ks.setKeyEntry("server", id.key(), pw, id.chain());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    }

    private void acceptTls(SSLServerSocket server) {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serveTls((SSLSocket) s), "hostile-tls-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serveTls(SSLSocket s) {
        try (s) {
            s.setSoTimeout(30_000); // a client that goes silent must not hold this thread past the suite
            s.startHandshake();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            if (in.read(buf) > 0) {
                OutputStream out = s.getOutputStream();
                out.write(concat(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + HEALTHY_BODY.length + "\r\nConnection: close\r\n\r\n"), HEALTHY_BODY));
                out.flush();
            }
        } catch (IOException e) {
            // a client that refused the certificate or spoke plain text: expected
        } finally {
            open.remove(s);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ServerSocketChannel ch : plain.values()) {
            ch.close();
        }
        for (SSLServerSocket s : tls.values()) {
            s.close();
        }
        for (Object o : List.copyOf(open)) {
            try {
                ((java.io.Closeable) o).close();
            } catch (IOException e) {
                // closing all: go on
            }
        }
        selector.close();
    }

    // ---- bytes ----

    private static byte[] gzipOfSpaces(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] block = filled(1 << 16, ' ');
            for (int i = 0; i < size / block.length; i++) {
                gz.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** For messages: every endpoint and its port. */
    @Override
    public String toString() {
        List<String> s = new ArrayList<>();
        for (Behaviour b : Behaviour.values()) {
            s.add(b + "=" + port(b));
        }
        return "HostileServers" + s;
    }
}
