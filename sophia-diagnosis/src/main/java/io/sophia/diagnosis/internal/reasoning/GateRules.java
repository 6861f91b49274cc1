package io.sophia.diagnosis.internal.reasoning;

import java.util.List;
import java.util.Optional;

/**
 * A gate policy as the engine reads it, translated from the API's {@code GatePolicy} (which documents each
 * criterion) so that this package depends on no API type.
 *
 * @param criteria        every criterion, enabled or not, in evaluation order
 * @param sources         sources whose probe failures make {@code sources-readable} fail
 * @param scoreThresholds the score thresholds, empty when the score decides nothing
 */
public record GateRules(List<ConfiguredCriterion> criteria, List<String> sources,
                        Optional<Thresholds> scoreThresholds) {

    /** Criterion ids; the API's {@code GatePolicy} constants are these. */
    public static final String CRITICAL_SERVICES_UP = "critical-services-up";
    /** Criterion id. */
    public static final String PIPELINE_SUCCEEDED = "pipeline-succeeded";
    /** Criterion id. */
    public static final String ALL_SERVICES_UP = "all-services-up";
    /** Criterion id. */
    public static final String SOURCES_READABLE = "sources-readable";
    /** Criterion id. */
    public static final String TLS_NOT_EXPIRING = "tls-not-expiring";
    /** Criterion id. */
    public static final String MIN_AVAILABILITY = "min-availability";
    /** Criterion id. */
    public static final String MAX_CAUSE_PROBABILITY = "max-cause-probability";
    /** Id of the score criterion the thresholds add. */
    public static final String SCORE = "score";

    /** Copies the lists. */
    public GateRules {
        criteria = List.copyOf(criteria);
        sources = List.copyOf(sources);
    }

    /** One configured criterion (see the API's {@code GatePolicy.CriterionSpec}). */
    public record ConfiguredCriterion(String id, boolean enabled, boolean key, double weight, double threshold) {
    }

    /** Score thresholds in percent. */
    public record Thresholds(double pass, double warning) {
    }
}
