package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code watch} says since when a service is up only when it saw it come up, and keeps the platform's word. */
class RoundHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant PLATFORM_START = Instant.parse("2026-12-01T08:00:00Z");

    private static Assessment round(int minute, Status api, Status db, Instant dbPlatformStart) {
        return new Assessment(Assessment.SCHEMA_VERSION, "shop", T0.plusSeconds(60L * minute), List.of(
                ServiceHealth.builder("api", api).name("API").critical(true).build(),
                ServiceHealth.builder("db", db).name("DB").critical(true).upSince(dbPlatformStart).build()),
                List.of(), List.of(), List.of(), null, List.of(),
                new GateDecision(GateDecision.Verdict.OPEN, 100, List.of()), null);
    }

    private static Instant since(Assessment a, String id) {
        return a.service(id).orElseThrow().upSince();
    }

    @Test
    void aServiceSeenComingUpIsUpSinceThatRoundUntilItGoesDownAgain() {
        RoundHistory seen = new RoundHistory();
        Assessment first = seen.apply(round(0, Status.UP, Status.DOWN, null));
        assertNull(since(first, "api"), "up from the first round: watch does not know since when");

        Assessment second = seen.apply(round(1, Status.UP, Status.UP, null));
        assertEquals(T0.plusSeconds(60), since(second, "db"), "seen coming up in this round");
        assertNull(since(second, "api"));

        Assessment third = seen.apply(round(2, Status.DEGRADED, Status.UP, null));
        assertEquals(T0.plusSeconds(60), since(third, "db"), "still up since the round it came up");
        assertNull(since(third, "api"), "degraded is still up: no new start");

        Assessment fourth = seen.apply(round(3, Status.UP, Status.DOWN, null));
        assertNull(since(fourth, "db"), "down: no up-since");
        Assessment fifth = seen.apply(round(4, Status.UP, Status.UP, null));
        assertEquals(T0.plusSeconds(240), since(fifth, "db"), "up again: since the new round");
    }

    @Test
    void thePlatformsWordIsKept() {
        RoundHistory seen = new RoundHistory();
        seen.apply(round(0, Status.UP, Status.DOWN, null));
        Assessment a = seen.apply(round(1, Status.UP, Status.UP, PLATFORM_START));
        assertEquals(PLATFORM_START, since(a, "db"), "the machine's last start, not the round");
    }
}
