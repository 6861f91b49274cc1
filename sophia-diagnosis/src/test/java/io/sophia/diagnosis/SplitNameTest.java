package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A name that leads to two servers: its lookups answer address sets with nothing in common, and one server presents
 * the host's certificate while the other presents another host's (h32-26, from byanush.tech "How I Fixed Mixed
 * Nameservers and DNS Propagation Hell": intermittent NET::ERR_CERT_COMMON_NAME_INVALID while registrar and Cloudflare
 * nameservers were both delegated). The wrong certificate is where the name should not lead, so network.dns leads;
 * round-robin answers of one server farm, or a wrong certificate everywhere, stay a certificate problem.
 */
class SplitNameTest {

    private static final String HOST = "shop.example.np";

    private static Observation.DnsResolution dns(String... addresses) {
        return new Observation.DnsResolution("web", Source.DNS, HOST, List.of(addresses), Duration.ofMillis(20));
    }

    private static Observation.TlsHandshake tls(boolean matches, String subject) {
        return new Observation.TlsHandshake("web", Source.TLS, HOST, 443, "TLSv1.3", "TLS_AES_128_GCM_SHA256", subject,
                "CN=R11,O=Let's Encrypt", Fleet.NOW.minusSeconds(20L * 86_400), Fleet.NOW.plusSeconds(70L * 86_400), 70,
                matches, false, true, 2);
    }

    private static Assessment diagnose(List<Observation> observations) {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Storefront", ServiceKind.HTTP)));
        List<Observation> all = new ArrayList<>(observations);
        all.add(Fleet.failure("web", "http", FailureKind.TLS_FAILURE, null,
                "Hostname/IP does not match certificate's altnames: Host: " + HOST + ". is not in the cert's altnames"));
        return Diagnosis.ofDefaults().diagnose(d, all, Fleet.NOW);
    }

    @Test
    void aWrongCertificateAtOnlyOneOfTwoDisjointAnswersIsTheName() {
        Assessment a = diagnose(List.of(dns("76.76.21.21"), dns("103.21.44.10"), tls(true, "CN=" + HOST),
                tls(false, "CN=*.nestnepal.example")));
        assertEquals(CauseId.NETWORK_DNS, a.causes().get(0).id(), a.causes().toString());
        assertTrue(Fleet.weighs(a, "network.dns/split-name"), a.causes().toString());
        // tls.certificate falls under the list's cut: its counter-evidence shows in the explanation
        assertTrue(a.causes().get(0).explanation().contains("is served at only one of the addresses"),
                a.causes().get(0).explanation());
    }

    /** Round robin: the answers differ, but every server presents the same wrong certificate. */
    @Test
    void aWrongCertificateEverywhereStaysTheCertificate() {
        Assessment a = diagnose(List.of(dns("10.0.0.1"), dns("10.0.0.2"), tls(false, "CN=old.example"),
                tls(false, "CN=old.example")));
        assertEquals(CauseId.TLS_CERTIFICATE, a.causes().get(0).id(), a.causes().toString());
        assertFalse(Fleet.weighs(a, "network.dns/split-name"), a.causes().toString());
    }

    /** The answers overlap (one farm answering two of its three addresses): no split, whatever the certificates. */
    @Test
    void overlappingAnswersAreNoSplit() {
        Assessment a = diagnose(List.of(dns("10.0.0.1", "10.0.0.2"), dns("10.0.0.2", "10.0.0.3"),
                tls(true, "CN=" + HOST), tls(false, "CN=old.example")));
        assertEquals(CauseId.TLS_CERTIFICATE, a.causes().get(0).id(), a.causes().toString());
        assertFalse(Fleet.weighs(a, "network.dns/split-name"), a.causes().toString());
    }
}
