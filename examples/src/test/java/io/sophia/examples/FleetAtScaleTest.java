package io.sophia.examples;

import io.sophia.core.Assessment;
import io.sophia.core.Assessor;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.examples.bench.LoopbackFleet;
import io.sophia.probes.HttpProbe;
import io.sophia.probes.ProbeRunner;
import io.sophia.probes.ProbeRunnerConfig;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statuses at fleet scale, against real loopback endpoints: right for every service, never DOWN for
 * a service that was not probed. Not timed: the only durations are the probes' own timeouts.
 */
class FleetAtScaleTest {

    private static final EnumSet<FailureKind> TIMEOUTS = EnumSet.of(FailureKind.READ_TIMEOUT, FailureKind.DEADLINE_EXCEEDED);

    private static Assessment check(LoopbackFleet fleet, int n, ProbeRunnerConfig config) {
        List<Service> services = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Service s = Service.http("svc-" + i, fleet.urls().get(i).toString());
            services.add(s);
            probes.add(HttpProbe.of(s, config.timeout()));
        }
        return new Assessor(ProbeRunner.of(config), Diagnosis.ofDefaults(), Clock.systemUTC())
                .run(new Deployment("fleet", services), probes);
    }

    private static List<Observation.ProbeFailure> failures(Assessment a, String serviceId) {
        return a.observations(Observation.ProbeFailure.class).stream().filter(f -> serviceId.equals(f.serviceId())).toList();
    }

    /**
     * Whether a check timed out where an answer was due, as a machine that stalls for longer than the timeout makes it:
     * a healthy endpoint with a timeout, or a hanging one (which accepts at once) not probed or timed out connecting.
     * Then the check is run again with {@link Stalls#PATIENT}, and that one decides.
     */
    private static boolean timedOutEarly(Assessment a, int n, IntPredicate hangs) {
        for (int i = 0; i < n; i++) {
            for (Observation.ProbeFailure f : failures(a, "svc-" + i)) {
                if (hangs.test(i) ? f.kind() == FailureKind.CONNECT_TIMEOUT || f.kind() == FailureKind.NOT_PROBED
                        : TIMEOUTS.contains(f.kind()) || f.kind() == FailureKind.CONNECT_TIMEOUT) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void threeHundredEndpointsWithTheDefaultConfigEveryHealthyOneUpEveryHangingOneDownWithATimeout() throws Exception {
        IntPredicate hangs = i -> i % 10 == 3; // 30 of 300
        try (LoopbackFleet fleet = LoopbackFleet.start(300, hangs)) {
            // the defaults but the timeout, and a budget that cannot run out on a loaded build machine
            Duration[] timeout = new Duration[1];
            Assessment a = Stalls.patiently(t -> {
                timeout[0] = t;
                return check(fleet, 300, ProbeRunnerConfig.custom().timeout(t).budget(t.multipliedBy(15)).build());
            }, Duration.ofSeconds(2), r -> timedOutEarly(r, 300, hangs));

            assertEquals(300, a.services().size());
            assertEquals(new io.sophia.core.Probing(timeout[0], timeout[0].multipliedBy(15)), a.probing(),
                    "the report states the timeout and the budget");
            for (int i = 0; i < 300; i++) {
                ServiceHealth h = a.services().get(i);
                List<Observation.ProbeFailure> f = failures(a, h.id());
                if (hangs.test(i)) {
                    assertEquals(Status.DOWN, h.status(), h::toString);
                    assertEquals(1, f.size(), f::toString);
                    assertTrue(TIMEOUTS.contains(f.get(0).kind()), f::toString);
                } else {
                    assertEquals(Status.UP, h.status(), () -> h + " " + f);
                }
                assertTrue(f.stream().noneMatch(x -> x.kind() == FailureKind.NOT_PROBED), f::toString);
            }
        }
    }

    @Test
    void probesTheBudgetLeavesNoRoomForAreUnknownNotProbedNeverDown() throws Exception {
        IntPredicate hangs = i -> i < 5;
        try (LoopbackFleet fleet = LoopbackFleet.start(20, hangs)) {
            // five slots taken by five hanging endpoints for the timeout (2 s); the budget (1.4 x) lets a probe start
            // only in the first half of the timeout (1 s), which a machine that stalls longer can miss for a hanging one
            Assessment a = Stalls.patiently(t -> check(fleet, 20, ProbeRunnerConfig.custom().timeout(t)
                    .budget(t.multipliedBy(14).dividedBy(10)).maxConcurrent(5).build()),
                    Duration.ofSeconds(2), r -> timedOutEarly(r, 5, hangs));

            for (int i = 0; i < 20; i++) {
                ServiceHealth h = a.services().get(i);
                List<Observation.ProbeFailure> f = failures(a, h.id());
                if (i < 5) {
                    assertEquals(Status.DOWN, h.status(), h::toString);
                    assertTrue(TIMEOUTS.contains(f.get(0).kind()), f::toString);
                } else {
                    assertEquals(Status.UNKNOWN, h.status(), h::toString);
                    assertEquals(FailureKind.NOT_PROBED, f.get(0).kind(), f::toString);
                    assertTrue(h.failure().startsWith("not probed: the check's time budget ran out"), h::failure);
                }
            }
        }
    }
}
