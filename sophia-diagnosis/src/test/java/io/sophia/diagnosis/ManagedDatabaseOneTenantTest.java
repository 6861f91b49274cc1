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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * platform.outage/managed-database-endpoints-fail (lr 30) says a managed database provider's layer in front of its
 * tenants fails. Two endpoints of one tenant's project, at one host, failing together are that project failing, the
 * app's own dependency (supabase discussion #48947: one project's Auth and PostgREST containers dead, HTTP 521 on
 * /auth/v1/health and /rest/v1/ while Storage and Edge Functions answer): not the provider's outage. Two tenants'
 * hosts failing together still are (h93-03's two Neon projects).
 */
class ManagedDatabaseOneTenantTest {

    private static final String RULE = "platform.outage/managed-database-endpoints-fail";

    private static Assessment failing(String... urls) {
        List<io.sophia.core.Service> services = new ArrayList<>();
        List<Observation> o = new ArrayList<>();
        services.add(Fleet.service("web", "Web", "Storefront", ServiceKind.HTTP));
        o.add(Fleet.up("web"));
        for (int i = 0; i < urls.length; i++) {
            String id = "db" + i;
            services.add(Fleet.service(id, "Database API " + i, "Data", ServiceKind.HTTP));
            o.add(Observation.HttpCheck.builder(id, Source.HTTP, urls[i], 521).latency(Duration.ofMillis(40)).build());
            o.add(new Observation.ProbeFailure(id, Source.HTTP, urls[i], FailureKind.UNEXPECTED_STATUS,
                    "answered 521, expected [STATUS] == 200", 521, Duration.ofMillis(40), 1));
        }
        return Diagnosis.ofDefaults().diagnose(new Deployment("shop", services), o, Fleet.NOW);
    }

    @Test
    void twoEndpointsOfOneProjectAreNotTheProvidersOutage() {
        Assessment a = failing("https://yhfngphapcgverhcufnc.supabase.co/auth/v1/health",
                "https://yhfngphapcgverhcufnc.supabase.co/rest/v1/");
        assertFalse(Fleet.weighs(a, RULE), a.causes().toString());
        assertNotEquals(CauseId.PLATFORM_OUTAGE, a.topCause().orElseThrow().id(), a.causes().toString());
    }

    @Test
    void aProjectsDatabaseHostAndItsApiAreOneTenant() {
        Assessment a = failing("https://yhfngphapcgverhcufnc.supabase.co/rest/v1/",
                "tcp://db.yhfngphapcgverhcufnc.supabase.co:5432");
        assertFalse(Fleet.weighs(a, RULE), a.causes().toString());
    }

    @Test
    void twoProjectsAtTheProviderStillAre() {
        Assessment a = failing("https://yhfngphapcgverhcufnc.supabase.co/rest/v1/",
                "https://oelzcsnwofbuisqwvhsl.supabase.co/rest/v1/");
        assertTrue(Fleet.weighs(a, RULE), a.causes().toString());
    }
}
