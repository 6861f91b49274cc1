package io.sophia.core;

import java.util.List;
import java.util.Objects;

/**
 * The go/no-go decision: each criterion with the value that decided it, and the overall status.
 *
 * @param status   OPEN, WARN or BLOCKED
 * @param score    weighted share of criteria passed, in percent (Keptn-style: pass = 1, warning = 0.5)
 * @param criteria every criterion, in evaluation order
 */
public record GateDecision(Verdict status, double score, List<Criterion> criteria) {

    /**
     * The gate's verdict (report.json {@code gate.status}); each maps to the CLI's exit code. Named Verdict
     * so that {@link io.sophia.core.Status} (a service's status) is the one {@code Status} type.
     */
    public enum Verdict {
        /** Go: every criterion passed (exit code 0). */
        OPEN(0),
        /** Go with care: a criterion that is not key failed (exit code 1). */
        WARN(1),
        /** No go: a key criterion failed (exit code 2). */
        BLOCKED(2);

        private final int exitCode;

        Verdict(int exitCode) {
            this.exitCode = exitCode;
        }

        /** {@return 0 for OPEN, 1 for WARN, 2 for BLOCKED} */
        public int exitCode() {
            return exitCode;
        }
    }

    /** Result of one criterion. */
    public enum Outcome {
        /** The criterion holds. */
        PASS,
        /** It does not hold, and it is not a key criterion. */
        WARN,
        /** It does not hold. */
        FAIL
    }

    /**
     * One gate criterion.
     *
     * @param id        stable id ({@code critical-services-up})
     * @param description what it asks, in words
     * @param key       a failed key criterion blocks the gate
     * @param weight    its weight in the score
     * @param outcome   pass, warn or fail
     * @param value     the observed value that decided it ("5 of 6 critical services DOWN")
     * @param threshold what was required
     */
    public record Criterion(String id, String description, boolean key, double weight, Outcome outcome, String value,
                            String threshold) {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param id          stable id ({@code critical-services-up})
         * @param description what it asks, in words
         * @param key         a failed key criterion blocks the gate
         * @param weight      its weight in the score
         * @param outcome     pass, warn or fail
         * @param value       the observed value that decided it ("5 of 6 critical services DOWN")
         * @param threshold   what was required
         */
        public Criterion {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * Canonical constructor: checks and normalises the components.
     *
     * @param status   OPEN, WARN or BLOCKED
     * @param score    weighted share of criteria passed, in percent (Keptn-style: pass = 1, warning = 0.5)
     * @param criteria every criterion, in evaluation order
     */
    public GateDecision {
        Objects.requireNonNull(status, "status");
        criteria = List.copyOf(criteria);
    }
}
