package io.sophia.core;

/** How much the evidence behind a cause's probability can be trusted (amount and agreement of evidence). */
public enum Confidence {
    /** Several independent pieces of evidence agree. */
    HIGH,
    /** Some evidence, or evidence that partly disagrees. */
    MEDIUM,
    /** Little evidence. */
    LOW
}
