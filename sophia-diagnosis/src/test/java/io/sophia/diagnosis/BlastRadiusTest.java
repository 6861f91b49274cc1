package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependsOn topology (a Guava graph) decides the blast radius: services that answer their own
 * health check but need a DOWN service, directly or through another one, count as degraded
 * capabilities, not online ones; a cycle neither hangs nor explains itself.
 */
class BlastRadiusTest {

    private static Assessment diagnose(Deployment d, List<Observation> observations) {
        return Diagnosis.ofDefaults().diagnose(d, observations, Fleet.NOW);
    }

    @Test
    void servicesThatNeedTheDownDatabaseDirectlyOrNotAreAtRiskAndTheRestStaysOnline() {
        // web -> api -> db, and an independent docs site
        Deployment d = new Deployment("shop", List.of(
                Fleet.service("db", "Database", "Orders storage", ServiceKind.HTTP),
                Fleet.service("api", "API", "Checkout", ServiceKind.HTTP, "db"),
                Fleet.service("web", "Web", "Storefront", ServiceKind.HTTP, "api"),
                Fleet.service("docs", "Docs", "Documentation", ServiceKind.HTTP)));
        Impact impact = diagnose(d, List.of(Fleet.refused("db"), Fleet.up("api"), Fleet.up("web"), Fleet.up("docs")))
                .impact();
        assertEquals(List.of("Orders storage"), impact.capabilitiesOffline());
        assertEquals(List.of("Checkout", "Storefront"), impact.capabilitiesDegraded(), impact::toString);
        assertEquals(List.of("Documentation"), impact.capabilitiesOnline());
        assertEquals(3, impact.servicesUp(), "the availability still counts what answers");
    }

    @Test
    void withNothingDownNothingIsAtRisk() {
        Deployment d = new Deployment("shop", List.of(
                Fleet.service("db", "Database", "Orders storage", ServiceKind.HTTP),
                Fleet.service("api", "API", "Checkout", ServiceKind.HTTP, "db")));
        Impact impact = diagnose(d, List.of(Fleet.up("db"), Fleet.up("api"))).impact();
        assertEquals(List.of("Orders storage", "Checkout"), impact.capabilitiesOnline());
        assertTrue(impact.capabilitiesDegraded().isEmpty());
    }

    @Test
    void aDependencyCycleIsDiagnosedWithoutHangingAndNeitherSideExplainsTheOther() {
        Deployment d = new Deployment("loop", List.of(
                Fleet.service("a", "A", "Alpha", ServiceKind.HTTP, "b"),
                Fleet.service("b", "B", "Beta", ServiceKind.HTTP, "a"),
                Fleet.service("c", "C", "Gamma", ServiceKind.HTTP, "a")));
        Assessment a = diagnose(d, List.of(Fleet.refused("a"), Fleet.refused("b"), Fleet.up("c")));
        assertEquals(List.of("Gamma"), a.impact().capabilitiesDegraded());
        assertTrue(a.causes().stream().noneMatch(c -> c.id().value().equals("dependency.down")
                        && c.probability() > 0.5),
                () -> "in a cycle neither DOWN service is explained by the other: " + a.causes());
    }
}
