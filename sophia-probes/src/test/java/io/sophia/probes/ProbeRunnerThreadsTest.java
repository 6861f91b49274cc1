package io.sophia.probes;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.core.Source;
import io.sophia.core.testing.ForwardingProbe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which threads probes run on. The build runs its tests on whichever JDK runs Maven, so each test
 * states what holds on this runtime: by default the JVM's pool of platform threads; asked for
 * virtual threads, those on Java 21 and later and still the platform pool on Java 17. Whether a thread is virtual is read
 * here with plain reflection ({@code Thread.isVirtual()}, absent on 17), not with the library's own
 * method handle.
 */
@DisplayName("ProbeRunner runs probes on platform threads by default, on virtual threads when asked and present")
class ProbeRunnerThreadsTest {

    private static final boolean RUNTIME_HAS_VIRTUAL_THREADS = Runtime.version().feature() >= 21;

    /** Notes the thread each probe ran on. */
    private record Recording(String id, List<Thread> ranOn) implements Probe {
        @Override
        public Source source() {
            return Source.HOST;
        }

        @Override
        public String serviceId() {
            return id;
        }

        @Override
        public String target() {
            return "fake://" + id;
        }

        @Override
        public List<Observation> run(ProbeContext context) {
            ranOn.add(Thread.currentThread());
            return List.of(HttpCheck.builder(id, Source.HOST, target(), 200).latency(Duration.ofMillis(1))
                    .body("", null).build());
        }
    }

    private static List<Thread> threadsOf(ProbeRunnerConfig config) {
        List<Thread> ranOn = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            probes.add(new Recording("svc-" + i, ranOn));
        }
        List<Observation> out = ProbeRunner.of(config).execute(probes);
        assertEquals(8, out.size());
        out.forEach(o -> assertInstanceOf(HttpCheck.class, o, o::toString));
        assertEquals(8, ranOn.size());
        return List.copyOf(ranOn);
    }

    private static boolean isVirtual(Thread t) throws ReflectiveOperationException {
        if (!RUNTIME_HAS_VIRTUAL_THREADS) {
            return false;
        }
        return (boolean) Thread.class.getMethod("isVirtual").invoke(t);
    }

    @Test
    @DisplayName("virtualThreads(true): virtual threads on Java 21+, the pool's platform daemon threads on Java 17")
    void virtualWhereTheRuntimeHasThem() throws Exception {
        ProbeRunnerConfig config = ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(30)).virtualThreads(true).build();

        for (Thread t : threadsOf(config)) {
            assertTrue(t.isDaemon(), t::toString);
            if (RUNTIME_HAS_VIRTUAL_THREADS) {
                assertTrue(isVirtual(t), () -> "Java " + Runtime.version() + ": a virtual thread, not " + t);
                assertTrue(t.getName().matches("sophia-probe-v[0-9]+"), t::getName);
            } else {
                assertTrue(t.getName().matches("sophia-probe-[0-9]+"), () -> "Java 17: the platform pool, not " + t);
            }
        }
    }

    @Test
    @DisplayName("by default and with virtualThreads(false): the pool's platform threads on every runtime")
    void platformByDefault() throws Exception {
        assertFalse(ProbeRunnerConfig.ofDefaults().virtualThreads());
        for (ProbeRunnerConfig config : List.of(ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(30)).build(),
                ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(30)).virtualThreads(false).build())) {
            for (Thread t : threadsOf(config)) {
                assertFalse(isVirtual(t), t::toString);
                assertTrue(t.isDaemon(), t::toString);
                assertTrue(t.getName().matches("sophia-probe-[0-9]+"), t::getName);
            }
        }
    }

    @Test
    @DisplayName("the system property sophia.probes.virtualThreads sets the builder's default")
    void systemPropertySetsTheDefault() {
        String before = System.getProperty(ProbeRunnerConfig.VIRTUAL_THREADS_PROPERTY);
        try {
            System.setProperty(ProbeRunnerConfig.VIRTUAL_THREADS_PROPERTY, "false");
            assertFalse(ProbeRunnerConfig.custom().build().virtualThreads());
            System.setProperty(ProbeRunnerConfig.VIRTUAL_THREADS_PROPERTY, "true");
            assertTrue(ProbeRunnerConfig.custom().build().virtualThreads());
        } finally {
            if (before == null) {
                System.clearProperty(ProbeRunnerConfig.VIRTUAL_THREADS_PROPERTY);
            } else {
                System.setProperty(ProbeRunnerConfig.VIRTUAL_THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    @DisplayName("real HTTP checks on virtual threads where present: 30 answering endpoints UP, a silent one a READ_TIMEOUT")
    void realChecksOnVirtualThreads() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "threads-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            byte[] ok = "ok".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, ok.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Thread> ranOn = new ConcurrentHashMap<>();
            List<Probe> probes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Service s = Service.http("svc-" + i, "http://127.0.0.1:" + server.getAddress().getPort() + "/health/" + i);
                probes.add(threadNoting(HttpProbe.of(s, Duration.ofSeconds(30)), ranOn));
            }
            Service hanging = Service.http("hanging", "http://127.0.0.1:" + silent.getLocalPort() + "/");
            // the answering endpoints get all the time a loaded machine may need; the silent one's own timeout is short
            ProbeRunner runner = ProbeRunner.of(ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(30)).retries(0)
                    .virtualThreads(true).build());

            // a machine that stalls before the connect completed makes the silent one a connect timeout: see Stalls
            List<Observation> out = Stalls.retried(() -> {
                List<Probe> batch = new ArrayList<>(probes);
                batch.add(HttpProbe.of(hanging, Duration.ofMillis(800)));
                return runner.execute(batch);
            }, o -> o.get(o.size() - 1) instanceof ProbeFailure f && f.kind() != FailureKind.READ_TIMEOUT);

            Map<String, Integer> statusById = new HashMap<>();
            List<ProbeFailure> failures = new ArrayList<>();
            for (Observation o : out) {
                if (o instanceof HttpCheck c) {
                    statusById.put(c.serviceId(), c.statusCode());
                } else if (o instanceof ProbeFailure f) {
                    failures.add(f);
                }
            }
            for (int i = 0; i < 30; i++) {
                assertEquals(200, statusById.get("svc-" + i), "svc-" + i + ": " + out);
            }
            assertEquals(1, failures.size(), failures::toString);
            assertEquals("hanging", failures.get(0).serviceId());
            assertEquals(FailureKind.READ_TIMEOUT, failures.get(0).kind(), failures::toString);
            assertEquals(30, ranOn.size());
            for (Thread t : ranOn.values()) {
                assertEquals(RUNTIME_HAS_VIRTUAL_THREADS, isVirtual(t), t::toString);
            }
        } finally {
            server.stop(0);
        }
    }

    private static Probe threadNoting(Probe probe, Map<String, Thread> ranOn) {
        return new ForwardingProbe(probe) {
            @Override
            public List<Observation> run(ProbeContext context) throws Exception {
                ranOn.put(probe.serviceId(), Thread.currentThread());
                return probe.run(context);
            }
        };
    }
}
