package io.sophia.probes;

import io.sophia.core.testing.RefusedPort;
import io.sophia.core.Source;
import io.sophia.core.ProbeContext;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Observation.TcpConnect;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("TCP probe against loopback ports")
class TcpProbeTest {

    /** A hang guard far above what a loopback answer needs: a machine that stalls for seconds cannot make an answer a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Service tcp(String url) {
        return Service.builder("db", url).name("Database").kind(ServiceKind.TCP).critical().build();
    }

    @Test
    void aListeningPortGivesAConnectWithItsHostAndPort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Observation> out = TcpProbe.of(tcp("tcp://127.0.0.1:" + server.getLocalPort()), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            TcpConnect c = (TcpConnect) out.get(0);
            assertEquals("127.0.0.1", c.host());
            assertEquals(server.getLocalPort(), c.port());
            assertEquals(Source.TCP, c.source());
            assertEquals("db", c.serviceId());
        }
    }

    @Test
    void anHttpUrlIsProbedOnItsOwnPortThroughItsHostName() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Observation> out = TcpProbe.of(Service.http("web", "http://localhost:" + server.getLocalPort()
                    + "/health"), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            TcpConnect c = (TcpConnect) out.get(0);
            assertEquals("localhost", c.host());
            assertEquals(server.getLocalPort(), c.port());
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port = RefusedPort.held(); // refused until the run ends: no other process can take it
        ProbeFailure f = (ProbeFailure) TcpProbe.of(tcp("tcp://127.0.0.1:" + port), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
        assertEquals("127.0.0.1:" + port, f.target());
    }

    @Test
    @DisplayName("a listener whose accept backlog is full lets the connect stall: CONNECT_TIMEOUT within the timeout")
    void aStalledConnectIsAConnectTimeout() throws Exception {
        // Linux drops SYNs to a listener whose accept queue is full, so the connect never completes.
        List<Socket> fillers = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            boolean stalled = false;
            for (int i = 0; i < 16 && !stalled; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                try {
                    filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 100);
                } catch (SocketTimeoutException e) {
                    stalled = true;
                }
            }
            Assumptions.assumeTrue(stalled,
                    "this kernel completes connects to a full backlog; the mapping is covered by the failure tests");

            List<Observation> out = TcpProbe.of(tcp("tcp://127.0.0.1:" + server.getLocalPort()), Duration.ofMillis(300)).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));

            assertEquals(1, out.size(), out::toString);
            ProbeFailure f = (ProbeFailure) out.get(0);
            assertEquals(FailureKind.CONNECT_TIMEOUT, f.kind(), f::toString);
            assertEquals("127.0.0.1:" + server.getLocalPort(), f.target());
            // not the kernel's own connect timeout (minutes); the margin is for a machine that stalls for seconds
            assertTrue(f.elapsed().compareTo(Duration.ofSeconds(20)) < 0, () -> "gave up only after " + f.elapsed());
        } finally {
            for (Socket filler : fillers) {
                filler.close();
            }
        }
    }

    @Test
    void anUnresolvableHostIsADnsFailure() {
        ProbeFailure f = (ProbeFailure) TcpProbe.of(tcp("tcp://db.sophia-test.invalid:5432"), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        assertEquals(FailureKind.DNS_FAILURE, f.kind());
    }

    @Test
    void aUrlWithoutPortIsMisconfiguredNamingTheUrl() {
        ProbeFailure f = (ProbeFailure) TcpProbe.of(tcp("tcp://127.0.0.1"), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        assertEquals(FailureKind.MISCONFIGURED, f.kind());
        assertTrue(f.detail().contains("tcp://127.0.0.1") && f.detail().contains("no port"), f.detail());
    }
}
