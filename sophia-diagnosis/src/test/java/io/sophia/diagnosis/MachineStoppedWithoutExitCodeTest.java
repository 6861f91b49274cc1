package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Fly machine whose exit the platform records with neither an exit code nor a word (rules33a, h110-48: a machine
 * that never started) weighs against a crash on boot and against a failing health check: nothing shows its process
 * ran. But a machine that also exited with a code (its process did run and end, and may say why) is not such a
 * machine: the rules stay silent there, and the report does not say "nothing shows that its process ran".
 */
class MachineStoppedWithoutExitCodeTest {

    private static final String CRASH = "Error: Cannot find module '/app/server.js'";

    /** dashboard refusing connections, its one machine stopped with {@code events} and its health check critical. */
    private static Assessment dashboardStoppedWith(List<Observation.MachineEvent> events) {
        Observation.PlatformMachine machine = new Observation.PlatformMachine("dashboard", Source.FLY,
                "sophiaai-dashboard-v2", "1857a0a1b2c3d", "m", "stopped", false, "cdg",
                "registry.fly.io/sophiaai-dashboard-v2:v7", "ok",
                List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "critical",
                        "connect: connection refused")), events, Fleet.NOW, Fleet.NOW.minusSeconds(600));
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.add(machine);
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    private static Observation.MachineEvent event(String type, String status, int agoSec, Integer exitCode, String detail) {
        return new Observation.MachineEvent(type, status, "flyd", Fleet.NOW.minusSeconds(agoSec), exitCode,
                exitCode == null ? null : false, detail);
    }

    @Test
    void a_machine_that_never_ran_its_process_weighs_against_a_crash_on_boot() {
        Assessment a = dashboardStoppedWith(List.of(event("launch", "created", 600, null, null),
                event("start", "starting", 590, null, null), event("exit", "stopped", 300, null, null)));
        assertTrue(Fleet.weighs(a, "app.crash-on-boot/stopped-without-exit-code"), a.causes().toString());
        assertTrue(Fleet.weighs(a, "app.healthcheck-failing/process-never-ran"), a.causes().toString());
    }

    @Test
    void a_machine_that_exited_with_a_code_before_stopping_without_one_did_run_its_process() {
        Assessment a = dashboardStoppedWith(List.of(event("start", "started", 600, null, null),
                event("exit", "stopped", 590, 1, CRASH), event("start", "started", 500, null, null),
                event("exit", "stopped", 490, 1, CRASH), event("exit", "stopped", 200, null, null)));
        assertFalse(Fleet.weighs(a, "app.crash-on-boot/stopped-without-exit-code"), a.causes().toString());
        assertFalse(Fleet.weighs(a, "app.healthcheck-failing/process-never-ran"), a.causes().toString());
        assertEquals(CauseId.APP_CRASH_ON_BOOT, a.topCause().orElseThrow().id());
    }
}
