package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP probe's own words for redirects that go on (HttpProbe, with a redirect policy: "too many redirects: a
 * redirect loop, ..." or "... still 307 at the limit ...") are read by the knowledge base's redirect-loop rule, so a
 * loop the probe saw itself is diagnosed like one a browser or curl reported; a plain 3xx the expectations reject is
 * not a loop.
 */
class RedirectLoopProbeTest {

    private static final String RULE = "config.invalid/redirect-loop";

    private static Assessment probed(int status, String detail) {
        Deployment d = new Deployment("shop", List.of(
                Fleet.service("web", "Web", "Storefront", ServiceKind.HTTP),
                Fleet.service("api", "API", "Orders API", ServiceKind.HTTP)));
        String url = "https://sophiaai-web-v2.fly.dev/health";
        List<Observation> o = List.of(
                Observation.HttpCheck.builder("web", Source.HTTP, url, status).latency(Duration.ofMillis(30)).build(),
                new Observation.ProbeFailure("web", Source.HTTP, url, FailureKind.UNEXPECTED_STATUS, detail, status,
                        Duration.ofMillis(30), 1),
                Fleet.up("api"));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    @Test
    void aLoopTheProbeFollowedIsTwoSettingsThatDisagree() {
        for (Assessment a : List.of(
                probed(302, "too many redirects: a redirect loop, 302 back to a URL already visited after 1 followed"),
                probed(307, "too many redirects: still 307 at the limit after 5 followed"))) {
            RankedCause top = a.topCause().orElseThrow();
            assertEquals(CauseId.CONFIG_INVALID, top.id(), a.causes().toString());
            assertEquals(List.of("web"), top.serviceIds());
            assertTrue(Fleet.weighs(a, RULE), a.causes().toString());
        }
    }

    @Test
    void aPlainRedirectTheExpectationsRejectIsNotALoop() {
        Assessment a = probed(302, "answered 302, expected [STATUS] == 200");
        assertFalse(Fleet.weighs(a, RULE), a.causes().toString());
    }
}
