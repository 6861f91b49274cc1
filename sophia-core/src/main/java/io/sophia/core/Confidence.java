package io.sophia.core;

/** How much the evidence behind a cause's probability can be trusted (amount and agreement of evidence). */
public enum Confidence { HIGH, MEDIUM, LOW }
