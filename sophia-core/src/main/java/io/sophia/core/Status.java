package io.sophia.core;

import java.util.Collection;

/**
 * Health of one service, derived from all its observations.
 *
 * <p>{@link #aggregate(Collection)} orders statuses the way Spring Boot's health aggregation does:
 * DOWN before DEGRADED before UP before UNKNOWN, so one DOWN observation makes the service DOWN.
 */
public enum Status {
    /** Does not serve. */
    DOWN,
    /** Serves, but misses an expectation (latency, version, certificate). */
    DEGRADED,
    /** Serves as expected. */
    UP,
    /** Not observed, or the observations disagree. */
    UNKNOWN;

    /**
     * {@return the most severe status of {@code statuses}; UNKNOWN when empty}
     *
     * @param statuses statuses to combine
     */
    public static Status aggregate(Collection<Status> statuses) {
        Status worst = UNKNOWN;
        for (Status s : statuses) {
            if (s.ordinal() < worst.ordinal()) {
                worst = s;
            }
        }
        return worst;
    }
}
