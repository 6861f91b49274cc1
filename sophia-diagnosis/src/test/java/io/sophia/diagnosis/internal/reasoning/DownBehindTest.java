package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Deployment;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "dependenciesUp" looks behind a dependency that answers (rules33f, p154-10: RDS Proxy answering while its Aurora
 * writer is down): a DOWN service anywhere behind it, datastore or not, makes the dependency no dependency up; the
 * service itself, or a service on one dependsOn cycle with it, is not "behind" its dependency (as Topology's chains
 * leave cycles out), and a long chain is walked without recursion.
 */
class DownBehindTest {

    private static Service svc(String id, String... deps) {
        return Service.builder(id, "https://" + id + ".example.com/").dependsOn(deps).build();
    }

    private static boolean downBehind(List<Service> fleet, Map<String, Status> status, String origin) {
        Deployment d = new Deployment("d", fleet);
        Map<String, Service> byId = new HashMap<>();
        Map<String, ServiceHealth> health = new HashMap<>();
        for (Service s : fleet) {
            byId.put(s.id(), s);
            Status st = status.getOrDefault(s.id(), Status.UP);
            health.put(s.id(), new ServiceHealth(s.id(), s.id(), null, false, s.url().toString(), st, null, null,
                    st == Status.DOWN ? "connect timed out" : null, null, null, null, null));
        }
        return Facts.downBehind(origin, byId, health, Topology.of(d));
    }

    @Test
    void aProxyThatAnswersInFrontOfADownDatabaseIsNoDependencyUp() {
        assertTrue(downBehind(List.of(svc("app", "proxy"), svc("proxy", "db"), svc("db")),
                Map.of("app", Status.DOWN, "db", Status.DOWN), "app"));
        assertFalse(downBehind(List.of(svc("app", "proxy"), svc("proxy", "db"), svc("db")),
                Map.of("app", Status.DOWN), "app"));
    }

    @Test
    void aDownServiceSeveralHopsBehindAndNotADatastoreCounts() {
        assertTrue(downBehind(List.of(svc("web", "gateway"), svc("gateway", "auth"), svc("auth", "ldap"), svc("ldap")),
                Map.of("web", Status.DOWN, "ldap", Status.DOWN), "web"));
    }

    @Test
    void theServiceItselfOrOneOnItsCycleIsNotBehindItsDependency() {
        // api (down) and cache (up) depend on each other: api's own failure is not a dependency down behind cache
        assertFalse(downBehind(List.of(svc("api", "cache"), svc("cache", "api")), Map.of("api", Status.DOWN), "api"));
        // a -> b -> c -> a, a and c down: c lies on a's cycle, no chain to root
        assertFalse(downBehind(List.of(svc("a", "b"), svc("b", "c"), svc("c", "a")),
                Map.of("a", Status.DOWN, "c", Status.DOWN), "a"));
        // a cycle of answering services with a DOWN one behind it still counts, and the walk ends
        assertTrue(downBehind(List.of(svc("app", "x"), svc("x", "y", "db"), svc("y", "x"), svc("db")),
                Map.of("app", Status.DOWN, "db", Status.DOWN), "app"));
    }

    @Test
    void aLongChainIsWalkedWithoutOverflowingTheStack() {
        int n = 50_000;
        List<Service> fleet = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            fleet.add(svc("s" + i, "s" + (i + 1)));
        }
        fleet.add(svc("s" + (n - 1)));
        assertTrue(downBehind(fleet, Map.of("s0", Status.DOWN, "s" + (n - 1), Status.DOWN), "s0"));
    }
}
