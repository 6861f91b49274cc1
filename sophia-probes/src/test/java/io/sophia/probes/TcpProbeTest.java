package io.sophia.probes;

import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Observation.TcpConnect;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("TCP probe against loopback ports")
class TcpProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static Service tcp(String url) {
        return new Service("db", "Database", URI.create(url), ServiceKind.TCP, null, true, List.of(), null);
    }

    @Test
    void aListeningPortGivesAConnectWithItsHostAndPort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Observation> out = TcpProbe.of(tcp("tcp://127.0.0.1:" + server.getLocalPort()), TIMEOUT).run();
            TcpConnect c = (TcpConnect) out.get(0);
            assertEquals("127.0.0.1", c.host());
            assertEquals(server.getLocalPort(), c.port());
            assertEquals("tcp", c.source());
            assertEquals("db", c.serviceId());
        }
    }

    @Test
    void anHttpUrlIsProbedOnItsOwnPortThroughItsHostName() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Observation> out = TcpProbe.of(Service.http("web", "http://localhost:" + server.getLocalPort()
                    + "/health"), TIMEOUT).run();
            TcpConnect c = (TcpConnect) out.get(0);
            assertEquals("localhost", c.host());
            assertEquals(server.getLocalPort(), c.port());
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeFailure f = (ProbeFailure) TcpProbe.of(tcp("tcp://127.0.0.1:" + port), TIMEOUT).run().get(0);
        assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
        assertEquals("127.0.0.1:" + port, f.target());
    }

    @Test
    void anUnresolvableHostIsADnsFailure() {
        ProbeFailure f = (ProbeFailure) TcpProbe.of(tcp("tcp://db.sophia-test.invalid:5432"), TIMEOUT).run().get(0);
        assertEquals(FailureKind.DNS_FAILURE, f.kind());
    }

    @Test
    void aUrlWithoutPortIsMisconfiguredNamingTheUrl() {
        ProbeFailure f = (ProbeFailure) TcpProbe.of(tcp("tcp://127.0.0.1"), TIMEOUT).run().get(0);
        assertEquals(FailureKind.MISCONFIGURED, f.kind());
        assertTrue(f.detail().contains("tcp://127.0.0.1") && f.detail().contains("no port"), f.detail());
    }
}
