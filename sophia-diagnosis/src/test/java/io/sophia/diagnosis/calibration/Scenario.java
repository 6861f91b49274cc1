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

    /** True for a holdout file of the second, blind set (id starts with {@value #SECOND_HOLDOUT_PREFIX}). */
    public boolean secondHoldout() {
        return holdout && id.startsWith(SECOND_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the first set, whose misses the team has seen (consumed). */
    public boolean firstHoldout() {
        return holdout && !id.startsWith(SECOND_HOLDOUT_PREFIX);
    }

    /** "tuning", "holdout-1" (consumed) or "holdout-2" (blind). */
    public String part() {
        return !holdout ? "tuning" : secondHoldout() ? "holdout-2" : "holdout-1";
    }
}
