package io.sophia.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How the probes of an assessment were run: each probe's own timeout, counted from its start, and
 * the budget of the check as a whole, counted from the start of probing. A probe the budget left
 * no room to start is a {@link FailureKind#NOT_PROBED} failure, and its service UNKNOWN.
 *
 * <p>Stable API.
 *
 * @param timeout each probe's deadline, from the moment it starts
 * @param budget  the check's deadline, from the moment probing starts; never shorter than the timeout
 */
public record Probing(Duration timeout, Duration budget) {

    /**
     * Canonical constructor: checks and normalises the components.
     *
     * @param timeout each probe's deadline, from the moment it starts
     * @param budget  the check's deadline, from the moment probing starts; never shorter than the timeout
     */
    public Probing {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(budget, "budget");
    }
}
