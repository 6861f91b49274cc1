package io.sophia.probes;

import io.sophia.core.testing.RefusedPort;
import io.sophia.core.Source;
import io.sophia.core.ProbeContext;
import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ConditionCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Observation.TlsHandshake;
import io.sophia.core.Service;
import io.sophia.probes.internal.TlsCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("TLS probe against loopback servers presenting generated certificates")
class TlsProbeTest {

    /** A hang guard far above what a loopback answer needs: a machine that stalls for seconds cannot make an answer a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static TlsTestPki pki;
    private static Instant now;
    private static Clock clock;

    @BeforeAll
    static void issueCa() throws Exception {
        pki = new TlsTestPki();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static Service service(String url, Integer minDays) {
        Expectations expect = new Expectations(List.of(), null, null, null, minDays, null, null, null);
        return Service.builder("api", url).name("API").critical().expect(expect).build();
    }

    private static List<Observation> probe(TlsTestPki.Identity identity, String host, Integer minDays,
                                           boolean trustTestCa) throws Exception {
        try (TlsTestServer server = TlsTestServer.presenting(identity)) {
            TlsProbe.Options.Builder options = TlsProbe.Options.custom().clock(clock);
            if (trustTestCa) {
                options.trustStore(pki.trustStore());
            }
            return TlsProbe.of(service("https://" + host + ":" + server.port() + "/health", minDays), TIMEOUT,
                    options.build()).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        }
    }

    private static TlsHandshake handshake(List<Observation> out) {
        assertTrue(out.get(0) instanceof TlsHandshake, out.toString());
        return (TlsHandshake) out.get(0);
    }

    @Test
    void aValidChainFromTheTestCaIsTrustedOnlyByATrustStoreThatHoldsTheCa() throws Exception {
        TlsTestPki.Identity id = pki.issue("localhost", now.minus(1, ChronoUnit.DAYS),
                now.plus(30, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS), "localhost", "127.0.0.1");

        TlsHandshake trusted = handshake(probe(id, "localhost", null, true));
        assertTrue(trusted.trusted());
        assertTrue(trusted.hostnameMatches());
        assertFalse(trusted.selfSigned());
        assertEquals(2, trusted.chainLength());
        assertEquals(30, trusted.daysToExpiry());
        assertEquals("CN=localhost", trusted.subject());
        assertTrue(trusted.issuer().contains("CN=Sophia Test CA"), trusted.issuer());
        assertTrue(trusted.protocol().startsWith("TLSv1."), trusted.protocol());
        assertFalse(trusted.cipher().isBlank());
        assertEquals("localhost", trusted.host());

        TlsHandshake jdkDefault = handshake(probe(id, "localhost", null, false));
        assertFalse(jdkDefault.trusted(), "the JDK's cacerts does not hold the test CA");
    }

    @Test
    void anExpiredCertificateHasNegativeDaysFailsTheExpiryConditionAndIsNotTrusted() throws Exception {
        TlsTestPki.Identity id = pki.issue("localhost", now.minus(90, ChronoUnit.DAYS),
                now.minus(2, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS), "localhost");
        List<Observation> out = probe(id, "localhost", 14, true);
        TlsHandshake h = handshake(out);
        assertEquals(-3, h.daysToExpiry(), "2 days and 1 hour ago is the third day back");
        assertFalse(h.trusted());
        ConditionCheck c = (ConditionCheck) out.get(1);
        assertEquals("[CERTIFICATE_EXPIRATION] >= 14d", c.condition());
        assertFalse(c.passed());
        assertEquals("-3d", c.actual());
    }

    @Test
    void aCertificateNotYetValidIsReportedWithItsNotBeforeAndIsNotTrusted() throws Exception {
        Instant notBefore = now.plus(2, ChronoUnit.DAYS);
        TlsTestPki.Identity id = pki.issue("localhost", notBefore, now.plus(60, ChronoUnit.DAYS), "localhost");
        TlsHandshake h = handshake(probe(id, "localhost", null, true));
        assertEquals(notBefore, h.notBefore());
        assertTrue(h.notBefore().isAfter(now));
        assertFalse(h.trusted());
    }

    @Test
    void aSelfSignedCertificateIsSelfSignedAndUntrusted() throws Exception {
        TlsTestPki.Identity id = TlsTestPki.selfSigned("localhost", now.minus(1, ChronoUnit.DAYS),
                now.plus(100, ChronoUnit.DAYS), "localhost");
        TlsHandshake h = handshake(probe(id, "localhost", null, true));
        assertTrue(h.selfSigned());
        assertFalse(h.trusted());
        assertEquals(1, h.chainLength());
        assertTrue(h.hostnameMatches());
    }

    @Test
    void aCertificateForAnotherHostDoesNotMatch() throws Exception {
        TlsTestPki.Identity id = pki.issue("other.example", now.minus(1, ChronoUnit.DAYS),
                now.plus(100, ChronoUnit.DAYS), "other.example", "*.other.example");
        TlsHandshake h = handshake(probe(id, "localhost", null, true));
        assertFalse(h.hostnameMatches());
        assertTrue(h.trusted(), "trust and host name are separate findings");
    }

    @Test
    void anIpLiteralMatchesOnlyAnIpAddressEntry() throws Exception {
        TlsTestPki.Identity ipCert = pki.issue("ip", now.minus(1, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS),
                "127.0.0.1");
        assertTrue(handshake(probe(ipCert, "127.0.0.1", null, true)).hostnameMatches());
        TlsTestPki.Identity dnsOnly = pki.issue("127.0.0.1", now.minus(1, ChronoUnit.DAYS),
                now.plus(10, ChronoUnit.DAYS), "localhost");
        assertFalse(handshake(probe(dnsOnly, "127.0.0.1", null, true)).hostnameMatches());
    }

    @Test
    void enoughDaysLeftPassesTheExpiryCondition() throws Exception {
        TlsTestPki.Identity id = pki.issue("localhost", now.minus(1, ChronoUnit.DAYS),
                now.plus(20, ChronoUnit.DAYS).plus(5, ChronoUnit.MINUTES), "localhost");
        List<Observation> out = probe(id, "localhost", 14, true);
        ConditionCheck c = (ConditionCheck) out.get(1);
        assertTrue(c.passed());
        assertEquals("20d", c.actual());
    }

    @Test
    void wildcardsCoverExactlyOneLeftmostLabel() throws Exception {
        TlsTestPki.Identity id = pki.issue("wild", now.minus(1, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS),
                "*.example.com");
        assertTrue(TlsCertificates.matchesHost(id.leaf(), "api.example.com"));
        assertTrue(TlsCertificates.matchesHost(id.leaf(), "API.Example.COM"));
        assertFalse(TlsCertificates.matchesHost(id.leaf(), "a.b.example.com"));
        assertFalse(TlsCertificates.matchesHost(id.leaf(), "example.com"));
        TlsTestPki.Identity tooWide = pki.issue("wide", now.minus(1, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS),
                "*.com");
        assertFalse(TlsCertificates.matchesHost(tooWide.leaf(), "example.com"));
    }

    @Test
    void aServerThatDoesNotSpeakTlsIsATlsFailure() throws Exception {
        try (TlsTestServer server = TlsTestServer.plainHttp()) {
            List<Observation> out = TlsProbe.of(service("https://localhost:" + server.port(), null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            ProbeFailure f = (ProbeFailure) out.get(0);
            assertEquals(FailureKind.TLS_FAILURE, f.kind(), f.toString());
            assertEquals(Source.TLS, f.source());
        }
    }

    @Test
    void aServerThatNeverAnswersTheClientHelloIsAReadTimeoutWithinTheTimeout() throws Exception {
        try (TlsTestServer server = TlsTestServer.silent()) {
            TlsProbe probe = TlsProbe.of(service("https://127.0.0.1:" + server.port(), null), Duration.ofMillis(500));
            // a machine that stalls past the timeout before the connect completed makes it a connect timeout, rightly
            ProbeFailure f = Stalls.retried(() -> (ProbeFailure) probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0),
                    early -> early.kind() == FailureKind.CONNECT_TIMEOUT);
            assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f.toString());
            // the server holds the connection until the test ends: ending at all is ending at the deadline
            assertTrue(f.elapsed().toMillis() < 500 + 20_000, "gave up at its deadline, not when the server let go: " + f.elapsed());
        }
    }

    /**
     * Found by the chaos suite: a server that answers the ClientHello with a handshake record header
     * and then one byte every 100 ms never trips a socket timeout; the probe ends at its own deadline
     * anyway, run directly (no runner to cancel it), and says the handshake did not complete.
     */
    @Test
    void aServerThatDripsItsHandshakeIsAReadTimeoutAtTheDeadlineWithoutARunner() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripper = new Thread(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket s = server.accept()) {
                        s.getInputStream().read(new byte[4096]);
                        java.io.OutputStream out = s.getOutputStream();
                        out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00}); // a handshake record of 16 KiB is coming
                        out.flush();
                        while (true) {
                            Thread.sleep(100);
                            out.write(0x02);
                            out.flush();
                        }
                    } catch (java.io.IOException e) {
                        // the probe closed the connection (or the test the server): serve the next attempt, if any
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "tls-dripper");
            dripper.setDaemon(true);
            dripper.start();
            TlsProbe probe = TlsProbe.of(service("https://127.0.0.1:" + server.getLocalPort(), null), Duration.ofMillis(500));

            // a machine that stalls past the timeout before the connect completed makes it a connect timeout, rightly
            ProbeFailure f = Stalls.retried(() -> (ProbeFailure) assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> probe.run(ProbeContext.withTimeout(Duration.ofMinutes(5)))).get(0),
                    early -> early.kind() == FailureKind.CONNECT_TIMEOUT);

            assertEquals(FailureKind.READ_TIMEOUT, f.kind(), f.toString());
            assertTrue(f.detail().contains("did not complete"), f.detail());
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port = RefusedPort.held(); // refused until the run ends: no other process can take it
        ProbeFailure f = (ProbeFailure) TlsProbe.of(service("https://127.0.0.1:" + port, null), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
        assertEquals("127.0.0.1:" + port, f.target());
    }

    @Test
    void aUrlWithoutAUsablePortIsMisconfiguredNamingTheUrlAndItsTargetWithoutCredentials() {
        TlsProbe probe = TlsProbe.of(service("ftp://user:secret@files.sophia-test.invalid/pub", null), TIMEOUT);
        List<Observation> out = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        assertEquals(1, out.size(), out.toString());
        ProbeFailure f = (ProbeFailure) out.get(0);
        assertEquals(FailureKind.MISCONFIGURED, f.kind());
        assertEquals(Source.TLS, f.source());
        assertEquals("ftp://files.sophia-test.invalid/pub", f.target());
        assertEquals(f.target(), probe.target());
        assertTrue(f.detail().contains("no port"), f.detail());
        assertFalse(f.toString().contains("secret"), f.toString());
    }

    @Test
    void aNameThatDoesNotResolveIsADnsFailure() {
        ProbeFailure f = (ProbeFailure) TlsProbe.of(service("https://sophia-probe-test.invalid", null), TIMEOUT)
                .run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        assertEquals(FailureKind.DNS_FAILURE, f.kind());
    }
}
