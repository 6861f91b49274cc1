package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a host that checks in rounds ({@code sophia watch}) knows from its own rounds: since when a service is up.
 * Apply it to each round's assessment, in order, before the reports are written
 * ({@link CheckRun#of(ProbePlan, java.nio.file.Path, java.util.function.UnaryOperator)}).
 *
 * <p>{@code watch}'s own word on since when a service is up: the round in which it saw the service come up after
 * seeing it not up. A service that was up from the first round has no such moment (watch does not know when it
 * came up), so nothing is said; the platform's word (a machine's last start), when there is one, is kept.
 * Not thread-safe: one watch loop applies it to its rounds in order.
 */
public final class RoundHistory implements UnaryOperator<Assessment> {

    private final Map<String, Status> last = new HashMap<>();
    private final Map<String, Instant> since = new HashMap<>();

    /** A history that has seen no round yet. */
    public RoundHistory() {
    }

    /**
     * Records {@code a} as the next round.
     *
     * @param a the round's assessment
     * @return {@code a}, with {@code upSince} set for the services seen coming up (the platform's word kept)
     */
    @Override
    public Assessment apply(Assessment a) {
        boolean changed = false;
        java.util.List<ServiceHealth> services = new java.util.ArrayList<>(a.services().size());
        for (ServiceHealth s : a.services()) {
            Status before = last.put(s.id(), s.status());
            if (!up(s.status())) {
                since.remove(s.id());
            } else if (before != null && !up(before)) {
                since.put(s.id(), a.generatedAt());
            }
            Instant seen = since.get(s.id());
            if (s.upSince() == null && seen != null) {
                services.add(s.withUpSince(seen));
                changed = true;
            } else {
                services.add(s);
            }
        }
        return !changed ? a : new Assessment(a.schemaVersion(), a.deployment(), a.generatedAt(), services,
                a.observations(), a.causes(), a.anomalies(), a.impact(), a.actions(), a.gate(), a.probing());
    }

    private static boolean up(Status s) {
        return s == Status.UP || s == Status.DEGRADED;
    }
}
