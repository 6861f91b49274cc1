package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A proxy's self-signed fallback (TRAEFIK DEFAULT CERT) in one handshake beside the host's own trusted certificate in
 * others ("Sometimes, i get traefik's invalid cert instead of the one for my domain", fosrl/pangolin#2910, p116-26):
 * the host's certificate is there. Only the same host's: a service reached at its apex and at www, whose apex has its
 * Let's Encrypt certificate while www gets the fallback ("Traefik serves TRAEFIK DEFAULT CERT for www", the www router's
 * certificate never issued), has no certificate for www at all.
 */
class FallbackBesideOwnTest {

    private static final String APEX = "shop.example.np";
    private static final String WWW = "www.shop.example.np";

    private static Observation.TlsHandshake own(String host) {
        return new Observation.TlsHandshake("web", Source.TLS, host, 443, "TLSv1.3", "TLS_AES_128_GCM_SHA256", "CN=" + host,
                "CN=R11,O=Let's Encrypt", Fleet.NOW.minusSeconds(20L * 86_400), Fleet.NOW.plusSeconds(70L * 86_400), 70,
                true, false, true, 2);
    }

    private static Observation.TlsHandshake fallback(String host) {
        return new Observation.TlsHandshake("web", Source.TLS, host, 443, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                "CN=TRAEFIK DEFAULT CERT", "CN=TRAEFIK DEFAULT CERT", Fleet.NOW.minusSeconds(2L * 86_400),
                Fleet.NOW.plusSeconds(363L * 86_400), 363, false, true, false, 1);
    }

    private static Assessment diagnose(String failingHost, List<Observation> observations) {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Storefront", ServiceKind.HTTP)));
        List<Observation> all = new ArrayList<>(observations);
        all.add(Fleet.failure("web", "http", FailureKind.TLS_FAILURE, null,
                "x509: certificate is valid for TRAEFIK DEFAULT CERT, not " + failingHost));
        return Diagnosis.ofDefaults().diagnose(d, all, Fleet.NOW);
    }

    @Test
    void theFallbackBesideTheSameHostsOwnCertificateWeighs() {
        Assessment a = diagnose(APEX, List.of(own(APEX), fallback(APEX), own(APEX)));
        assertTrue(Fleet.weighs(a, "tls.certificate/fallback-beside-own"), a.causes().toString());
    }

    @Test
    void anotherHostsOwnCertificateDoesNotExplainTheFallback() {
        Assessment a = diagnose(WWW, List.of(own(APEX), fallback(WWW)));
        assertFalse(Fleet.weighs(a, "tls.certificate/fallback-beside-own"), a.causes().toString());
        assertEquals(CauseId.TLS_CERTIFICATE, a.causes().get(0).id(), a.causes().toString());
    }
}
