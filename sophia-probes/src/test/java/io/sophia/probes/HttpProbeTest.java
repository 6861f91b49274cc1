package io.sophia.probes;

import io.sophia.core.testing.RefusedPort;
import io.sophia.core.Source;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.ProbeContext;
import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ConditionCheck;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("HttpProbe against real loopback servers")
class HttpProbeTest {

    /**
     * The timeout of checks that must get an answer: a hang guard far above what a loopback answer needs, so that
     * a machine that stalls for seconds (a loaded CI host) cannot turn an answer into a timeout.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The timeout of checks whose subject is the timeout itself (a server that hangs in one phase). */
    private static final Duration SHORT = Duration.ofMillis(300);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private HttpServer server(String path, int status, String contentType, String body, String... headers)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, exchange -> respond(exchange, status, contentType, body, headers));
        server.start();
        closeables.add(() -> server.stop(0));
        return server;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body, String... headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String base(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Service service(String url, Expectations expect) {
        return Service.builder("mcp-research", url).name("MCP Research").critical()
                .expect(Objects.requireNonNullElse(expect, Expectations.DEFAULT)).build();
    }

    private static Expectations expect(List<Integer> codes, Duration maxLatency, String jsonField, String jsonEquals,
                                       String versionField, String versionHeader, String healthPath) {
        return new Expectations(codes, maxLatency, jsonField, jsonEquals, null, versionField, versionHeader, healthPath);
    }

    private static <T extends Observation> List<T> of(List<Observation> seen, Class<T> kind) {
        return seen.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static ProbeFailure onlyFailure(List<Observation> seen) {
        assertEquals(1, seen.size(), () -> "expected one failure but saw " + seen);
        return assertInstance(ProbeFailure.class, seen.get(0));
    }

    private static <T> T assertInstance(Class<T> type, Object o) {
        assertTrue(type.isInstance(o), () -> "expected a " + type.getSimpleName() + " but was " + o);
        return type.cast(o);
    }

    @Nested
    @DisplayName("a service that answers")
    class Answers {

        @Test
        @DisplayName("records status, excerpt, content type, version and passing Gatus-style conditions")
        void healthyJsonService() throws Exception {
            HttpServer server = server("/health", 200, "application/json",
                    "{\"status\":\"ok\",\"build\":{\"version\":\"1.4.2\"}}");
            // a latency limit no stalled machine reaches: this test is about the conditions, not speed
            Service svc = service(base(server), expect(List.of(200), Duration.ofSeconds(60), "/status", "ok",
                    "/build/version", null, "/health"));

            List<Observation> seen = HttpProbe.of(svc, TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            HttpCheck check = assertInstance(HttpCheck.class, seen.get(0));
            assertEquals(200, check.statusCode());
            assertEquals(base(server) + "/health", check.url());
            assertEquals("application/json", check.contentType());
            assertEquals("1.4.2", check.version());
            assertTrue(check.bodyExcerpt().contains("\"status\":\"ok\""));
            assertEquals("mcp-research", check.serviceId());
            assertEquals(Source.HTTP, check.source());
            assertEquals("http/1.1", check.protocol(), "the JDK's server speaks HTTP/1.1");
            List<ConditionCheck> conditions = of(seen, ConditionCheck.class);
            assertEquals(List.of("[STATUS] == 200", "[RESPONSE_TIME] < 60000ms", "[BODY]/status == ok"),
                    conditions.stream().map(ConditionCheck::condition).toList());
            assertTrue(conditions.stream().allMatch(ConditionCheck::passed), conditions::toString);
            assertTrue(of(seen, ProbeFailure.class).isEmpty());
        }

        @Test
        @DisplayName("measures the timing phases it can reach: connect, first byte and transfer, no TLS on http")
        void timingPhases() throws Exception {
            HttpServer server = server("/", 200, "text/plain", "pong");
            String byName = "http://localhost:" + server.getAddress().getPort();

            HttpCheck check = assertInstance(HttpCheck.class, HttpProbe.of(service(byName, null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0));

            Observation.Timing t = check.timing();
            assertNotNull(t.dns(), "dns: the host is a name, so it was looked up");
            assertNotNull(t.connect(), "connect");
            assertNull(t.tls(), "tls is not a phase of plain http");
            assertNotNull(t.firstByte(), "firstByte");
            assertNotNull(t.transfer(), "transfer");
            assertFalse(t.connect().isNegative() || t.firstByte().isNegative() || t.transfer().isNegative());
        }

        @Test
        @DisplayName("reads the deployed version from a header when one is configured")
        void versionFromHeader() throws Exception {
            HttpServer server = server("/", 200, "text/plain", "ok", "X-App-Version", "2026.11.3");

            HttpCheck check = assertInstance(HttpCheck.class, HttpProbe.of(service(base(server),
                    expect(null, null, null, null, null, "X-App-Version", null)), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0));

            assertEquals("2026.11.3", check.version());
        }

        @Test
        @DisplayName("keeps only a 2 KiB excerpt of a large body")
        void largeBodyIsCapped() throws Exception {
            String big = "word ".repeat(60_000);
            HttpServer server = server("/", 200, "text/plain", big);

            HttpCheck check = assertInstance(HttpCheck.class, HttpProbe.of(service(base(server), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0));

            // cut at a word boundary (the word the cap falls into may be the head of a token), ending in an ellipsis
            String excerpt = check.bodyExcerpt();
            assertTrue(excerpt.length() <= HttpProbe.EXCERPT_BYTES && excerpt.length() > HttpProbe.EXCERPT_BYTES - 8,
                    () -> "" + excerpt.length());
            assertTrue(excerpt.endsWith("word…") && big.startsWith(excerpt.substring(0, excerpt.length() - 1)), excerpt);
            assertEquals(200, check.statusCode());
        }

        @Test
        @DisplayName("an endless body (a stream that never ends) is read up to its cap and still reported as an answer")
        void endlessBody() throws Exception {
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            closeables.add(() -> stop.set(true));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                byte[] event = "data: {\"tick\":1}\n\n".getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    while (!stop.get()) {
                        out.write(event);
                    }
                } catch (IOException ignored) {
                    // the probe hung up
                }
            });
            server.start();
            closeables.add(0, () -> server.stop(0));

            List<Observation> seen = HttpProbe.of(service(base(server), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            HttpCheck check = assertInstance(HttpCheck.class, seen.get(0));
            assertEquals(200, check.statusCode());
            assertEquals("text/event-stream", check.contentType());
            assertTrue(check.bodyExcerpt().startsWith("data: {\"tick\":1}"));
            assertTrue(check.bodyExcerpt().length() <= HttpProbe.EXCERPT_BYTES
                    && check.bodyExcerpt().length() > HttpProbe.EXCERPT_BYTES - 40 && check.bodyExcerpt().endsWith("…"));
            assertNull(check.timing().transfer(), "a body that never ends has no transfer time");
        }

        @Test
        @DisplayName("a 503 is an answer: HttpCheck, a failed status condition and an UNEXPECTED_STATUS failure")
        void unexpectedStatus() throws Exception {
            HttpServer server = server("/", 503, "text/plain", "upstream connect error");

            List<Observation> seen = HttpProbe.of(service(base(server), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertEquals(503, assertInstance(HttpCheck.class, seen.get(0)).statusCode());
            ConditionCheck status = of(seen, ConditionCheck.class).get(0);
            assertEquals("[STATUS] < 400", status.condition());
            assertFalse(status.passed());
            assertEquals("503", status.actual());
            ProbeFailure failure = of(seen, ProbeFailure.class).get(0);
            assertEquals(FailureKind.UNEXPECTED_STATUS, failure.kind());
            assertEquals(503, failure.httpStatus());
        }

        @Test
        @DisplayName("a JSON field that differs and a slow answer fail their conditions with the actual values")
        void violatedConditions() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try {
                    Thread.sleep(60);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 200, "application/json", "{\"status\":\"degraded\"}");
            });
            server.start();
            closeables.add(() -> server.stop(0));

            List<Observation> seen = HttpProbe.of(service(base(server),
                    expect(List.of(200, 204), Duration.ofMillis(20), "status", "ok", null, null, null)), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            List<ConditionCheck> conditions = of(seen, ConditionCheck.class);
            assertEquals("[STATUS] in (200, 204)", conditions.get(0).condition());
            assertTrue(conditions.get(0).passed());
            assertEquals("[RESPONSE_TIME] < 20ms", conditions.get(1).condition());
            assertFalse(conditions.get(1).passed());
            assertEquals("[BODY]/status == ok", conditions.get(2).condition());
            assertFalse(conditions.get(2).passed());
            assertEquals("degraded", conditions.get(2).actual());
        }

        @Test
        @DisplayName("never shows the url's user info or query in any observation")
        void noSecretsFromTheUrl() throws Exception {
            HttpServer server = server("/health", 200, "text/plain", "ok");
            String url = "http://admin:hunter2@127.0.0.1:" + server.getAddress().getPort() + "/health?token=s3cr3t";

            HttpProbe probe = HttpProbe.of(service(url, null), TIMEOUT);
            List<Observation> seen = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertEquals(200, assertInstance(HttpCheck.class, seen.get(0)).statusCode());
            String all = seen + " " + probe.target() + " " + probe;
            assertFalse(all.contains("hunter2") || all.contains("admin") || all.contains("s3cr3t"), all);
        }
    }

    @Test
    @DisplayName("the protocol is the one the answer came in: an HTTP/1.0 server's answer is http/1.0")
    void protocolOfTheAnswer() throws Exception {
        try (CannedServer old = new CannedServer("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 2\r\n\r\nok")) {
            // a generous timeout: the test is about the protocol, not about time
            List<Observation> seen = HttpProbe.of(service("http://127.0.0.1:" + old.port() + "/", null),
                            Duration.ofSeconds(30))
                    .run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            HttpCheck check = assertInstance(HttpCheck.class, seen.get(0));
            assertEquals(200, check.statusCode());
            assertEquals("http/1.0", check.protocol());
            assertEquals(1, old.requests());
        }
    }

    /**
     * A plain-socket server that answers every request with the same bytes at once and counts the
     * requests it read, so a test sees exactly what the probe sent.
     */
    private static final class CannedServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger requests = new AtomicInteger();
        private final Thread acceptor;

        CannedServer(String response) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket c = socket.accept()) {
                        c.setSoTimeout(30_000); // a hang guard: the probe sends its request at once
                        if (readRequestHead(c.getInputStream())) {
                            requests.incrementAndGet();
                            c.getOutputStream().write(bytes);
                            c.getOutputStream().flush();
                        }
                    } catch (IOException ignored) {
                        // closed, or a client that hung up
                    }
                }
            }, "canned-http");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static boolean readRequestHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
                if (matched == 4) {
                    return true;
                }
            }
            return false;
        }

        int port() {
            return socket.getLocalPort();
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private CannedServer canned(String response) throws IOException {
        CannedServer server = new CannedServer(response);
        closeables.add(server);
        return server;
    }

    private static final String FAST_OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n"
            + "Connection: close\r\n\r\n{\"status\":\"ok\"}";

    private static Duration sum(Observation.Timing t) {
        Duration s = Duration.ZERO;
        for (Duration d : new Duration[]{t.dns(), t.connect(), t.tls(), t.firstByte(), t.transfer()}) {
            s = d == null ? s : s.plus(d);
        }
        return s;
    }

    @Nested
    @DisplayName("the latency and its phases")
    class Latency {

        @Test
        @DisplayName("a fresh probe's first check of a loopback server that answers at once does no start-up work of "
                + "its own: under 50 ms of CPU, so a 50 ms limit holds")
        void fastServerMeetsTightLimit() throws Exception {
            // another probe of another server first: what a JVM loads once (Jackson for the body's JSON path, the
            // condition classes) is not what this test is about, and without it the result would depend on which
            // tests ran before this one
            CannedServer other = canned(FAST_OK);
            HttpProbe.of(service("http://127.0.0.1:" + other.port() + "/", expect(List.of(200), Duration.ofMillis(50),
                    "/status", "ok", null, null, null)), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            CannedServer server = canned(FAST_OK);
            Service svc = service("http://127.0.0.1:" + server.port() + "/",
                    expect(List.of(200), Duration.ofMillis(50), "/status", "ok", null, null, null));
            HttpProbe probe = HttpProbe.of(svc, TIMEOUT);
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

            // the check runs on this thread (a synchronous call): a cold stack (class loading, TLS set-up) would
            // show as CPU time here. CPU time, unlike the latency, is not stretched by a machine that stalls.
            long cpuBefore = threads.getCurrentThreadCpuTime();
            List<Observation> seen = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuBefore);

            HttpCheck check = assertInstance(HttpCheck.class, seen.get(0));
            assertTrue(cpu.compareTo(Duration.ofMillis(50)) < 0,
                    () -> "the first check cost " + cpu.toMillis() + " ms of CPU for a server that answers at once: "
                            + check.timing());
            List<ConditionCheck> conditions = of(seen, ConditionCheck.class);
            assertEquals("[RESPONSE_TIME] < 50ms", conditions.get(1).condition());
            // the condition judges the latency the check measured (a stalled machine may stretch it past 50 ms)
            assertEquals(check.latency().compareTo(Duration.ofMillis(50)) < 0, conditions.get(1).passed(), conditions::toString);
            assertTrue(conditions.get(0).passed() && conditions.get(2).passed(), conditions::toString);
            assertEquals(200, check.statusCode());
            assertTrue(of(seen, ProbeFailure.class).isEmpty(), seen::toString);
        }

        @Test
        @DisplayName("the phases are those of the checked request and add up to its latency")
        void phasesAddUpToTheLatency() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 200, "text/plain", "slow but fine");
            });
            server.start();
            closeables.add(() -> server.stop(0));
            String byName = "http://localhost:" + server.getAddress().getPort();

            HttpCheck check = assertInstance(HttpCheck.class, HttpProbe.of(service(byName, null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0));

            Observation.Timing t = check.timing();
            Duration gap = sum(t).minus(check.latency()).abs();
            assertTrue(gap.compareTo(Duration.ofMillis(1)) <= 0,
                    () -> "phases " + t + " sum to " + sum(t) + " but the latency is " + check.latency());
            // the server's 40 ms think time is in the first-byte phase of this very request
            assertTrue(t.firstByte().compareTo(Duration.ofMillis(40)) >= 0, t::toString);
            assertTrue(check.latency().compareTo(t.firstByte()) >= 0, t::toString);
        }

        @Test
        @DisplayName("an IP literal is not looked up: no DNS phase; a host name is: a DNS phase")
        void dnsOnlyForNames() throws Exception {
            CannedServer server = canned(FAST_OK);

            HttpCheck literal = assertInstance(HttpCheck.class,
                    HttpProbe.of(service("http://127.0.0.1:" + server.port(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0));
            HttpCheck named = assertInstance(HttpCheck.class,
                    HttpProbe.of(service("http://localhost:" + server.port(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0));

            assertNull(literal.timing().dns(), () -> "dns for 127.0.0.1: " + literal.timing());
            assertNotNull(literal.timing().connect());
            assertNotNull(named.timing().dns(), () -> "no dns for localhost: " + named.timing());
            assertEquals(200, named.statusCode());
        }

        @Test
        @DisplayName("each check is exactly one request to the server")
        void oneRequestPerCheck() throws Exception {
            CannedServer server = canned(FAST_OK);
            HttpProbe probe = HttpProbe.of(service("http://127.0.0.1:" + server.port() + "/",
                    expect(List.of(200), null, "/status", "ok", null, null, null)), TIMEOUT);

            for (int run = 1; run <= 3; run++) {
                List<Observation> seen = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
                assertEquals(200, assertInstance(HttpCheck.class, seen.get(0)).statusCode());
                assertEquals(run, server.requests(), "requests the server read after " + run + " checks");
            }
        }

        @Test
        @DisplayName("https: the TLS handshake is a phase of the one request, and the phases still add up")
        void httpsPhases() throws Exception {
            TlsTestPki pki = new TlsTestPki();
            Instant now = Instant.now();
            TlsTestPki.Identity id = pki.issue("localhost", now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS),
                    "localhost", "127.0.0.1");
            KeyStore keys = KeyStore.getInstance("JKS");
            keys.load(null, null);
            keys.setKeyEntry("server", id.key(), "test".toCharArray(), id.chain());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "test".toCharArray());
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(kmf.getKeyManagers(), null, null);
            ServerSocket tlsServer = serverContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            closeables.add(tlsServer);
            AtomicInteger requests = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!tlsServer.isClosed()) {
                    try (Socket c = tlsServer.accept()) {
                        c.setSoTimeout(30_000); // a hang guard: the probe sends its request at once
                        if (CannedServer.readRequestHead(c.getInputStream())) {
                            requests.incrementAndGet();
                            c.getOutputStream().write(FAST_OK.getBytes(StandardCharsets.UTF_8));
                            c.getOutputStream().flush();
                        }
                    } catch (IOException ignored) {
                        // closed, or a client that gave up
                    }
                }
            }, "tls-http");
            acceptor.setDaemon(true);
            acceptor.start();
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(pki.trustStore());
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, tmf.getTrustManagers(), null);
            Service svc = service("https://127.0.0.1:" + tlsServer.getLocalPort() + "/",
                    expect(List.of(200), null, "/status", "ok", null, null, null));

            List<Observation> seen = HttpProbe.of(svc, TIMEOUT, HttpProbe.Options.custom()
                    .tls(clientContext.getSocketFactory(), (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0]).build()).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            HttpCheck check = assertInstance(HttpCheck.class, seen.get(0));
            assertEquals(200, check.statusCode());
            Observation.Timing t = check.timing();
            assertNull(t.dns(), t::toString);
            assertNotNull(t.tls(), t::toString);
            assertNotNull(t.transfer(), t::toString);
            assertTrue(sum(t).minus(check.latency()).abs().compareTo(Duration.ofMillis(1)) <= 0,
                    () -> "phases " + t + " but latency " + check.latency());
            assertEquals(1, requests.get());
            assertTrue(of(seen, ConditionCheck.class).stream().allMatch(ConditionCheck::passed), seen::toString);

            ProbeFailure untrusted = onlyFailure(HttpProbe.of(svc, TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));
            assertEquals(FailureKind.TLS_FAILURE, untrusted.kind(), untrusted::toString);
            assertEquals(1, requests.get(), "no request goes over an untrusted connection");
        }

        @Test
        @DisplayName("a chunked JSON answer is de-chunked for the expectations and read to its end")
        void chunkedJson() throws Exception {
            CannedServer server = canned("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + "a;ext=1\r\n{\"status\":\r\n12\r\n\"ok\",\"version\":\"7\"\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n");

            List<Observation> seen = HttpProbe.of(service("http://127.0.0.1:" + server.port(),
                    expect(List.of(200), null, "/status", "ok", "/version", null, null)), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            HttpCheck check = assertInstance(HttpCheck.class, seen.get(0));
            assertEquals("{\"status\":\"ok\",\"version\":\"7\"}", check.bodyExcerpt());
            assertEquals("7", check.version());
            assertNotNull(check.timing().transfer());
            assertTrue(of(seen, ConditionCheck.class).stream().allMatch(ConditionCheck::passed), seen::toString);
        }

        @Test
        @DisplayName("an answer without length ends when the server closes the connection")
        void bodyUntilClose() throws Exception {
            CannedServer server = canned("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");

            HttpCheck check = assertInstance(HttpCheck.class,
                    HttpProbe.of(service("http://127.0.0.1:" + server.port(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0));

            assertEquals("all of it", check.bodyExcerpt());
            assertNotNull(check.timing().transfer());
        }
    }

    @Nested
    @DisplayName("a service that does not answer")
    class Failures {

        @Test
        @DisplayName("a closed port is CONNECTION_REFUSED")
        void refused() throws Exception {
            int port = RefusedPort.held(); // refused until the run ends: no other process can take it

            ProbeFailure f = onlyFailure(HttpProbe.of(service("http://127.0.0.1:" + port, null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
            assertEquals("mcp-research", f.serviceId());
            assertTrue(f.detail().contains("refused"), f.detail());
            assertTrue(f.detail().endsWith("nothing listens on 127.0.0.1:" + port), f.detail());
        }

        @Test
        @DisplayName("a server that accepts and never answers is READ_TIMEOUT")
        void silent() throws Exception {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            closeables.add(s);
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(s.accept());
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            closeables.add(() -> {
                for (Socket a : accepted) {
                    a.close();
                }
            });

            HttpProbe probe = HttpProbe.of(service("http://127.0.0.1:" + s.getLocalPort(), null), SHORT);

            // a machine that stalls past the timeout before the connect completed makes it a connect timeout, rightly
            ProbeFailure f = Stalls.retried(() -> onlyFailure(probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)))),
                    early -> early.kind() == FailureKind.CONNECT_TIMEOUT);

            assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f::toString);
            assertTrue(f.detail().contains("no answer"), f.detail());
        }

        @Test
        @DisplayName("a server that resets the connection (SO_LINGER 0) is CONNECTION_RESET")
        void reset() throws Exception {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            closeables.add(s);
            Thread resetter = new Thread(() -> {
                try {
                    while (true) {
                        Socket c = s.accept();
                        InputStream in = c.getInputStream();
                        byte[] buf = new byte[4096];
                        c.setSoTimeout(30_000); // a hang guard: the probe sends its request at once
                        try {
                            in.read(buf);
                        } catch (SocketTimeoutException ignored) {
                            // reset anyway
                        }
                        c.setSoLinger(true, 0);
                        c.close();
                    }
                } catch (IOException ignored) {
                    // closed
                }
            });
            resetter.setDaemon(true);
            resetter.start();

            ProbeFailure f = onlyFailure(HttpProbe.of(service("http://127.0.0.1:" + s.getLocalPort(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.CONNECTION_RESET, f.kind(), f::toString);
        }

        @Test
        @DisplayName("a server that closes in the middle of a body it announced is CONNECTION_RESET")
        void closedMidBody() throws Exception {
            CannedServer server = canned("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");

            ProbeFailure f = onlyFailure(HttpProbe.of(service("http://127.0.0.1:" + server.port(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.CONNECTION_RESET, f.kind(), f::toString);
            assertTrue(f.detail().contains("10 of 100"), f.detail());
        }

        @Test
        @DisplayName("a server that answers something other than HTTP is a failure that says so, not an exception")
        void notHttp() throws Exception {
            CannedServer server = canned("SSH-2.0-OpenSSH_9.6\r\n");

            ProbeFailure f = onlyFailure(HttpProbe.of(service("http://127.0.0.1:" + server.port(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.BAD_PAYLOAD, f.kind(), f::toString);
            assertTrue(f.detail().contains("status line"), f.detail());
        }

        @Test
        @DisplayName("a name in the .invalid TLD is DNS_FAILURE")
        void dns() throws Exception {
            ProbeFailure f = onlyFailure(HttpProbe.of(service("http://nonexistent.invalid/health", null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.DNS_FAILURE, f.kind());
            assertTrue(f.detail().contains("nonexistent.invalid"), f.detail());
        }

        @Test
        @DisplayName("https spoken to a plain-http server that waits for a request line is TLS_FAILURE (handshake stalls)")
        void tls() throws Exception {
            HttpServer server = server("/", 200, "text/plain", "plain");

            HttpProbe probe = HttpProbe.of(service("https://127.0.0.1:" + server.getAddress().getPort(), null), SHORT);

            // a machine that stalls past the timeout before the connect completed makes it a connect timeout, rightly
            ProbeFailure f = Stalls.retried(() -> onlyFailure(probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)))),
                    early -> early.kind() == FailureKind.CONNECT_TIMEOUT);

            assertEquals(FailureKind.TLS_FAILURE, f.kind(), f::toString);
        }

        @Test
        @DisplayName("https spoken to a server that answers plain HTTP at once is TLS_FAILURE")
        void tlsGarbage() throws Exception {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            closeables.add(s);
            Thread plain = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket c = s.accept()) {
                            c.getInputStream().read(new byte[512]);
                            c.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                            c.getOutputStream().flush();
                            Thread.sleep(100);
                        }
                    }
                } catch (IOException | InterruptedException ignored) {
                    // closed
                }
            });
            plain.setDaemon(true);
            plain.start();

            ProbeFailure f = onlyFailure(HttpProbe.of(service("https://127.0.0.1:" + s.getLocalPort(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.TLS_FAILURE, f.kind(), f::toString);
            assertTrue(f.detail().contains("SSL"), f.detail());
        }

        @Test
        @DisplayName("a listener whose accept backlog is full lets the connect stall: CONNECT_TIMEOUT")
        void connectTimeout() throws Exception {
            // Linux drops SYNs to a listener whose accept queue is full, so the connect never completes.
            ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            closeables.add(s);
            boolean stalled = false;
            for (int i = 0; i < 16 && !stalled; i++) {
                Socket filler = new Socket();
                closeables.add(filler);
                try {
                    filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort()), 100);
                } catch (SocketTimeoutException e) {
                    stalled = true;
                }
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(stalled,
                    "this kernel completes connects to a full backlog; the mapping is covered by FailuresTest");

            // the connect never completes, so a stalled machine cannot move the timeout into a later phase
            ProbeFailure f = onlyFailure(HttpProbe.of(service("http://127.0.0.1:" + s.getLocalPort(), null),
                    SHORT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.CONNECT_TIMEOUT, f.kind(), f::toString);
        }

        @Test
        @DisplayName("a url that is not http(s) is MISCONFIGURED, not an exception")
        void misconfigured() throws Exception {
            ProbeFailure f = onlyFailure(HttpProbe.of(service("ftp://127.0.0.1/x", null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));

            assertEquals(FailureKind.MISCONFIGURED, f.kind());
        }
    }
}
