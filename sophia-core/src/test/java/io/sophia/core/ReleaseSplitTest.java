package io.sophia.core;

import io.sophia.core.Observation.MachineCheck;
import io.sophia.core.Observation.MachineEvent;
import io.sophia.core.Observation.PlatformMachine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image of an app's healthy machines against the image of its failing ones. */
class ReleaseSplitTest {

    private static final Instant T = Instant.parse("2025-08-23T14:00:00Z");
    private static final String OLD = "registry.fly.io/shop-api:deployment-01J9";
    private static final String NEW = "registry.fly.io/shop-api:deployment-01JA";

    private static PlatformMachine machine(String app, String id, String state, String image, List<MachineCheck> checks,
                                           MachineEvent... events) {
        return PlatformMachine.builder("api", Source.FLY, app, id).name(id).state(state, false).region("fra")
                .imageRef(image).hostStatus("ok").checks(checks).events(List.of(events)).updatedAt(T).build();
    }

    private static MachineEvent exit(int code, boolean oom) {
        return new MachineEvent("exit", "stopped", "flyd", T, code, oom, "exit_code=" + code);
    }

    @Test
    void a_rolling_deploy_that_failed_leaves_the_old_image_healthy_and_the_new_one_failing() {
        List<Observation> o = List.of(
                machine("shop-api", "m1", "started", OLD, List.of(new MachineCheck("http", "passing", "200 OK"))),
                machine("shop-api", "m2", "stopped", NEW, List.of(), exit(1, false)),
                machine("shop-api", "m3", "started", NEW, List.of(new MachineCheck("http", "critical", "connection refused"))),
                // another app, all on one image: no split
                machine("shop-web", "w1", "started", "registry.fly.io/shop-web:deployment-1", List.of()),
                machine("shop-web", "w2", "failed", "registry.fly.io/shop-web:deployment-1", List.of()));

        List<ReleaseSplit> splits = ReleaseSplit.of(o);

        assertEquals(1, splits.size(), splits::toString);
        ReleaseSplit s = splits.get(0);
        assertEquals("shop-api", s.app());
        assertEquals("api", s.serviceId());
        assertEquals(List.of(OLD), s.healthyImages());
        assertEquals(List.of(NEW), s.failingImages());
        assertEquals(List.of("m1"), s.healthyMachines());
        assertEquals(List.of("m2", "m3"), s.failingMachines());
    }

    @Test
    void machines_stopped_cleanly_or_without_a_healthy_peer_give_no_split() {
        assertTrue(ReleaseSplit.of(List.of(
                machine("a", "m1", "started", OLD, List.of()),
                machine("a", "m2", "stopped", NEW, List.of(), exit(0, false)))).isEmpty(), "scaled to zero is not failing");
        assertTrue(ReleaseSplit.of(List.of(
                machine("a", "m1", "failed", OLD, List.of()),
                machine("a", "m2", "stopped", NEW, List.of(), exit(137, true)))).isEmpty(), "no healthy machine to compare with");
        assertTrue(ReleaseSplit.of(List.of(
                machine("a", "m1", "started", null, List.of()),
                machine("a", "m2", "failed", NEW, List.of()))).isEmpty(), "a machine without an image is not compared");
    }

    @Test
    void an_oom_killed_machine_is_failing() {
        assertEquals(List.of("m2"), ReleaseSplit.of(List.of(
                machine("a", "m1", "started", OLD, List.of()),
                machine("a", "m2", "stopped", NEW, List.of(), exit(0, true)))).get(0).failingMachines());
    }
}
