package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 12: a host's own probe builds an HTTP answer or a platform machine by name, not through ten or fourteen
 * positional components with nulls between them.
 */
class ObservationBuildersTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anHttpAnswerNeedsOnlyWhatWasAskedAndItsStatus() {
        Observation.HttpCheck bare = Observation.HttpCheck.builder("api", Source.HTTP, "https://api.test/health", 503)
                .build();

        assertEquals(new Observation.HttpCheck("api", Source.HTTP, "https://api.test/health", 503, null, null, null,
                null, Observation.Timing.NONE, null), bare);
    }

    @Test
    void everyPartOfAnHttpAnswerIsSetByName() {
        Observation.Timing timing = new Observation.Timing(Duration.ofMillis(1), Duration.ofMillis(2), null,
                Duration.ofMillis(9), Duration.ofMillis(3));
        Observation.HttpCheck full = Observation.HttpCheck.builder("api", Source.HTTP, "https://api.test/health", 200)
                .latency(Duration.ofMillis(15)).body("{}", "application/json").version("1.4.2").timing(timing)
                .protocol("h2").build();

        assertEquals(new Observation.HttpCheck("api", Source.HTTP, "https://api.test/health", 200,
                Duration.ofMillis(15), "{}", "application/json", "1.4.2", timing, "h2"), full);
        assertEquals(Observation.Timing.NONE, Observation.HttpCheck.builder("api", Source.HTTP, "u", 200).timing(null)
                .build().timing());
    }

    @Test
    void aMachinesLastStartComesFromItsEventsUnlessTheBuilderIsToldIt() {
        List<Observation.MachineEvent> events = List.of(
                new Observation.MachineEvent("launch", "created", "user", T.minusSeconds(600), null, null, null),
                new Observation.MachineEvent("start", "started", "user", T.minusSeconds(300), null, null, null),
                new Observation.MachineEvent("start", "failed", "flyd", T.minusSeconds(60), null, null, null));
        Observation.PlatformMachine.Builder machine = Observation.PlatformMachine.builder("api", Source.FLY, "shop-api",
                "m1").name("api-1").state("started", false).region("fra").imageRef("registry.fly.io/shop-api:v2")
                .hostStatus("ok").events(events).updatedAt(T);

        Observation.PlatformMachine derived = machine.build();
        assertEquals(T.minusSeconds(300), derived.startedAt(), "the newest start that did not fail");
        assertEquals(new Observation.PlatformMachine("api", Source.FLY, "shop-api", "m1", "api-1", "started", false,
                "fra", "registry.fly.io/shop-api:v2", "ok", List.of(), events, T, T.minusSeconds(300)), derived);
        assertNull(machine.startedAt(null).build().startedAt(), "told there is none");
        assertEquals(T, machine.startedAt(T).build().startedAt());
    }

    @Test
    void aMachineWithNothingKnownHasEmptyListsAndNoStart() {
        Observation.PlatformMachine bare = Observation.PlatformMachine.builder(null, null, null, null).build();

        assertEquals(List.of(), bare.checks());
        assertEquals(List.of(), bare.events());
        assertNull(bare.startedAt());
        assertEquals(false, bare.stuck());
    }
}
