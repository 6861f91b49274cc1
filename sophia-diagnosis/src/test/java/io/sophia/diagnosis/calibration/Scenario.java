package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One labeled scenario of the calibration corpus: a recorded fleet / CI / platform state turned into
 * observations, and the root cause a senior engineer would name for it.
 *
 * @param id           the file name without {@code .yaml}
 * @param title        one line
 * @param cause        the label, one of {@link CauseId#BUILT_IN}
 * @param rationale    why a senior engineer names that cause, one line
 * @param holdout      true when the scenario must never be used to tune the knowledge base
 * @param origin       where the error text comes from
 * @param file         the scenario file
 * @param at           the assessment clock
 * @param deployment   the services and their topology
 * @param observations what the probes would have seen, in probe order
 */
public record Scenario(String id, String title, CauseId cause, String rationale, boolean holdout, String origin,
                       Path file, Instant at, Deployment deployment, List<Observation> observations) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cause, "cause");
        observations = List.copyOf(observations);
    }

    /** Observations of one kind, in order. */
    public <T extends Observation> List<T> observations(Class<T> kind) {
        return observations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Id prefix of the second, blind holdout set (written 2026-11-25 without reading the knowledge base). */
    public static final String SECOND_HOLDOUT_PREFIX = "h2-";

    /** True for a holdout file of the second set (blind until its misses were seen; now consumed) (id starts with {@value #SECOND_HOLDOUT_PREFIX}). */
    public boolean secondHoldout() {
        return holdout && id.startsWith(SECOND_HOLDOUT_PREFIX);
    }

    /** Id prefix of the third, blind holdout set (written 2026-11-25 after holdout-2 was consumed). */
    public static final String THIRD_HOLDOUT_PREFIX = "h3-";

    /** True for a holdout file of the third, blind set (id starts with {@value #THIRD_HOLDOUT_PREFIX}). */
    public boolean thirdHoldout() {
        return holdout && id.startsWith(THIRD_HOLDOUT_PREFIX);
    }

    /** Id prefix of the fourth, blind holdout set (written 2026-12-03 from real public failure text). */
    public static final String FOURTH_HOLDOUT_PREFIX = "h4-";

    /** True for a holdout file of the fourth, blind set (id starts with {@value #FOURTH_HOLDOUT_PREFIX}). */
    public boolean fourthHoldout() {
        return holdout && id.startsWith(FOURTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the first set, whose misses the team has seen (consumed). */
    public boolean firstHoldout() {
        return holdout && !id.startsWith(SECOND_HOLDOUT_PREFIX) && !id.startsWith(THIRD_HOLDOUT_PREFIX)
                && !id.startsWith(FOURTH_HOLDOUT_PREFIX);
    }

    /** "tuning", "holdout-1" and "holdout-2" (both consumed), "holdout-3" or "holdout-4" (blind). */
    public String part() {
        return !holdout ? "tuning" : fourthHoldout() ? "holdout-4" : thirdHoldout() ? "holdout-3"
                : secondHoldout() ? "holdout-2" : "holdout-1";
    }
}
