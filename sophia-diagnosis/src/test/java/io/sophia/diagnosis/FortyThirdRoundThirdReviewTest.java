package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Third review of session 18's issue-9 round (a66f3abd, 4e8e2e65..409fca3d): a probe failure of kind OTHER is read as
 * the platform's words only when it is a look at a host or a platform, and not when it names a down service's host as
 * a name that does not resolve; nginx's TLS-to-plain upstream in OpenSSL 3's words.
 */
class FortyThirdRoundThirdReviewTest {

    private static Assessment webWith(Observation... more) {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Site", ServiceKind.HTTP, "api"),
                Fleet.service("api", "API", "Backend", ServiceKind.HTTP)));
        List<Observation> o = new java.util.ArrayList<>(List.of(
                Fleet.failure("web", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"), Fleet.refused("api")));
        o.addAll(List.of(more));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    private static Observation.ProbeFailure other(Source source, String detail) {
        return new Observation.ProbeFailure("web", source, "GET /api/v1/namespaces/shop/events", FailureKind.OTHER, detail,
                null, Duration.ofMillis(5), 1);
    }

    /**
     * A name that does not resolve because the service it names is down (api refuses) is api's consequence, in a
     * host's event as in a log or a condition's text (h20-30's shape); another name's is still DNS.
     */
    @Test
    void aHostsEventNamingADownServicesHostIsNotReadAsDns() {
        Assessment down = webWith(other(Source.HOST, "Warning Failed pod/web-1 dial tcp: lookup api on 10.96.0.10:53: "
                + "no such host"));
        assertFalse(Fleet.weighs(down, "network.dns/probe-detail-indication"), down.causes().toString());
        Assessment other = webWith(other(Source.HOST, "Warning Failed pod/web-1 dial tcp: lookup cache on 10.96.0.10:53: "
                + "no such host"));
        assertTrue(Fleet.weighs(other, "network.dns/probe-detail-indication"), other.causes().toString());
    }

    /**
     * Sophia's own trouble is no look at the service: the runner's exception ("probe failed: OutOfMemoryError: Java heap
     * space", this process's heap) and a GitHub log read that broke off are not read as app.oom or ci.runner; the same
     * words from a look at the host are.
     */
    @Test
    void sophiasOwnFailuresAreNotReadAsThePlatformsWords() {
        Assessment runner = webWith(other(Source.HOST, "probe failed: OutOfMemoryError: Java heap space"));
        assertFalse(Fleet.weighs(runner, "app.oom/probe-detail-indication"), runner.causes().toString());
        Assessment logRead = webWith(other(Source.GITHUB, "log of job 'deploy' broke off after 12 bytes: IOException: "
                + "No space left on device"));
        assertFalse(Fleet.weighs(logRead, "ci.runner/probe-detail-indication"), logRead.causes().toString());
        Assessment http = webWith(new Observation.ProbeFailure("web", Source.HTTP, "https://web/health", FailureKind.OTHER,
                "the check failed: OutOfMemoryError: Java heap space", null, Duration.ofMillis(5), 1));
        assertFalse(Fleet.weighs(http, "app.oom/probe-detail-indication"), http.causes().toString());
        Assessment host = webWith(other(Source.HOST, "app-box dmesg: Out of memory: Killed process 48122 (node) "
                + "total-vm:3120448kB, anon-rss:1402116kB"));
        assertTrue(Fleet.weighs(host, "app.oom/probe-detail-indication"), host.causes().toString());
    }

    /** nginx with OpenSSL 3 leaves the function field empty ("SSL routines::wrong version number"). */
    @Test
    void nginxUpstreamTlsToPlainInOpenSsl3Words() throws Exception {
        Fleet.assertReads("nginx.upstream-tls-to-plain", "config.invalid", "2024/05/01 10:00:00 [error] 29#29: *1 "
                + "SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL "
                + "handshaking to upstream, client: 10.0.0.2, server: app.example.com");
        Fleet.assertReadsNot("nginx.upstream-tls-to-plain", "[error] 29#29: *1 SSL_do_handshake() failed (SSL: "
                + "error:0A000086:SSL routines::certificate verify failed) while SSL handshaking to upstream");
    }
}
