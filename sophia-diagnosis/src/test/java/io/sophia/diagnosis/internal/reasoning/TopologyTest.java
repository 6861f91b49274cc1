package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Deployment;
import io.sophia.core.Service;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topology's two questions, answered from one pass over the graph: cycles and the blast radius. */
class TopologyTest {

    private static Service svc(String id, String... deps) {
        return Service.builder(id, "http://" + id + ".internal/health").dependsOn(deps).build();
    }

    @Test
    void services_on_a_common_cycle_are_told_from_a_plain_dependency() {
        // web -> api -> db -> api (a cycle between api and db); worker -> worker (self loop); web -> cache
        Topology t = Topology.of(new Deployment("d", List.of(svc("web", "api", "cache"), svc("api", "db"),
                svc("db", "api"), svc("cache"), svc("worker", "worker"))));
        assertTrue(t.sameCycle("api", "db"));
        assertTrue(t.sameCycle("db", "api"));
        assertTrue(t.sameCycle("worker", "worker"));
        assertFalse(t.sameCycle("web", "api"), "web depends on api, api does not depend on web");
        assertFalse(t.sameCycle("web", "cache"));
        assertFalse(t.sameCycle("web", "nobody"));
    }

    @Test
    void the_blast_radius_is_every_direct_and_indirect_dependent_in_deployment_order() {
        Topology t = Topology.of(new Deployment("d", List.of(svc("web", "api"), svc("api", "db"), svc("db"),
                svc("admin", "db"), svc("batch", "queue"), svc("queue"))));
        assertEquals(List.of("web", "api", "admin"), new ArrayList<>(t.blastRadius(List.of("db"))));
        // a failed service is not part of the radius, even when it depends on another failed one
        assertEquals(List.of("web", "admin", "batch"), new ArrayList<>(t.blastRadius(List.of("db", "api", "queue"))));
        assertEquals(Set.of(), t.blastRadius(List.of("web")));
    }

    @Test
    void a_long_chain_and_a_long_cycle_need_no_deep_recursion() {
        int n = 50_000;
        List<Service> chain = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chain.add(i + 1 < n ? svc("s" + i, "s" + (i + 1)) : svc("s" + i, "s0"));
        }
        Topology t = Topology.of(new Deployment("ring", chain));
        assertTrue(t.sameCycle("s0", "s" + (n - 1)));
        assertEquals(n - 1, t.blastRadius(List.of("s0")).size());
    }
}
