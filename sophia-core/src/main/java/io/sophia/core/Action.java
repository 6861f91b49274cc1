package io.sophia.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Something to do, with a priority and a time window.
 *
 * @param priority P0 (now), P1, P2
 * @param within   the time window ("within 1 hour")
 * @param title    imperative, one line
 * @param detail   how, in one or two sentences
 * @param causeId  the cause it remedies, or null for general actions
 * @param serviceIds services it concerns
 */
public record Action(Priority priority, Duration within, String title, String detail, CauseId causeId,
                     List<String> serviceIds) {

    /** Urgency of an action. */
    public enum Priority {
        /** Now: the deployment is broken until this is done. */
        P0,
        /** Today. */
        P1,
        /** When convenient. */
        P2
    }

    /**
     * Canonical constructor: rejects invalid components, and copies the collections, so the record is immutable.
     *
     * @param priority   P0 (now), P1, P2
     * @param within     the time window ("within 1 hour")
     * @param title      imperative, one line
     * @param detail     how, in one or two sentences
     * @param causeId    the cause it remedies, or null for general actions
     * @param serviceIds services it concerns
     */
    public Action {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(within, "within");
        serviceIds = List.copyOf(Objects.requireNonNullElse(serviceIds, List.of()));
    }
}
