package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A TLS port that answers in plain HTTP is a server not set up for TLS, not a certificate problem: OpenSSL's "wrong
 * version number" (p61-11, from a Cloudflare community thread: nginx "listen 443;" without "ssl" behind Cloudflare's
 * 525), Go's "server gave HTTP response to HTTPS client", Java's "Unsupported or unrecognized SSL message". A handshake
 * that fails on the certificate itself stays tls.certificate.
 */
class PlaintextOnTlsPortTest {

    private static Assessment handshakeFails(String detail) {
        Deployment d = new Deployment("site", List.of(Fleet.service("web", "Web", "Site", ServiceKind.HTTP)));
        return Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.failure("web", "http", FailureKind.TLS_FAILURE, null,
                detail)), Fleet.NOW);
    }

    @Test
    void plainHttpOnTheTlsPortIsTheServersConfiguration() {
        for (String detail : List.of("error:0A00010B:SSL routines::wrong version number",
                "http: server gave HTTP response to HTTPS client",
                "javax.net.ssl.SSLException: Unsupported or unrecognized SSL message")) {
            Assessment a = handshakeFails(detail);
            assertEquals(CauseId.CONFIG_INVALID, a.causes().get(0).id(), detail + ": " + a.causes());
        }
    }

    @Test
    void aHandshakeThatFailsOnTheCertificateStaysTheCertificate() {
        Assessment a = handshakeFails("PKIX path building failed: unable to find valid certification path to requested "
                + "target");
        assertEquals(CauseId.TLS_CERTIFICATE, a.causes().get(0).id(), a.causes().toString());
    }
}
