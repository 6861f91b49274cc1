package io.sophia.core;

import java.util.List;
import java.util.Objects;

/**
 * One argument for or against a cause.
 *
 * @param direction whether it raises or lowers the cause's probability
 * @param weight    the absolute natural-log likelihood ratio it contributed (0 = no effect)
 * @param text      the argument in one sentence, as the report prints it
 * @param ruleId    the knowledge-base rule that produced it
 * @param serviceIds the services whose observations it rests on (empty for deployment-wide)
 */
public record Evidence(Direction direction, double weight, String text, String ruleId, List<String> serviceIds) {

    /** For or against. */
    public enum Direction {
        /** Makes the cause more probable. */
        FOR,
        /** Makes the cause less probable. */
        AGAINST;

        /** {@return the contract's lower-case spelling ({@code for}, {@code against})} */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Canonical constructor: rejects invalid components, and copies the collections, so the record is immutable.
     *
     * @param direction  whether it raises or lowers the cause's probability
     * @param weight     the absolute natural-log likelihood ratio it contributed (0 = no effect)
     * @param text       the argument in one sentence, as the report prints it
     * @param ruleId     the knowledge-base rule that produced it
     * @param serviceIds the services whose observations it rests on (empty for deployment-wide)
     */
    public Evidence {
        Objects.requireNonNull(direction, "direction");
        serviceIds = List.copyOf(Objects.requireNonNullElse(serviceIds, List.of()));
        if (weight < 0 || Double.isNaN(weight)) {
            throw new IllegalArgumentException("weight must be >= 0, was " + weight);
        }
    }
}
