package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: a host's own diagnoser builds its assessment by name, not through eleven positional components. */
class AssessmentBuilderTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final GateDecision OPEN = new GateDecision(GateDecision.Verdict.OPEN, 100, List.of());

    @Test
    void onlyTheDeploymentTimeAndGateAreNeeded() {
        Assessment a = Assessment.builder("shop", AT, OPEN).build();

        assertEquals(new Assessment(Assessment.SCHEMA_VERSION, "shop", AT, List.of(), List.of(), List.of(), List.of(),
                null, List.of(), OPEN, null), a);
        assertTrue(a.topCause().isEmpty());
        assertNull(a.probing());
        assertThrows(NullPointerException.class, () -> Assessment.builder(null, AT, OPEN));
        assertThrows(NullPointerException.class, () -> Assessment.builder("shop", AT, null));
    }

    @Test
    void everyPartIsSetByNameAndToBuilderCopiesThemAll() {
        ServiceHealth api = ServiceHealth.builder("api", Status.DOWN).failure("connection refused").build();
        RankedCause cause = new RankedCause(CauseId.APP_CRASH_ON_BOOT, "Crash", 0.8, Confidence.HIGH, "e", List.of(),
                List.of("api"));
        Probing probing = new Probing(Duration.ofSeconds(2), Duration.ofSeconds(7));
        Assessment a = Assessment.builder("shop", AT, OPEN).schemaVersion("1.3").services(List.of(api))
                .causes(List.of(cause)).anomalies(List.of(new Anomaly("k", "t", "d", List.of())))
                .actions(List.of(new Action(Action.Priority.P0, Duration.ofHours(1), "t", "d", cause.id(), List.of())))
                .probing(probing).build();

        assertEquals("1.3", a.schemaVersion());
        assertEquals(List.of(api), a.services());
        assertEquals(cause, a.topCause().orElseThrow());
        assertEquals(probing, a.probing());
        assertEquals(a, a.toBuilder().build());
        assertEquals(List.of(), a.toBuilder().causes(List.of()).build().causes());
    }
}
