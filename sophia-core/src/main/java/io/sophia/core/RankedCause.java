package io.sophia.core;

import java.util.List;
import java.util.Objects;

/**
 * A root cause with its posterior probability and the evidence behind it.
 *
 * @param id          a cause id (DESIGN.md vocabulary or a rule file's)
 * @param title       short human name ("Dockerfile build failure")
 * @param probability posterior in [0,1]; over all causes of an assessment the sum is at most 1
 * @param confidence  how solid the evidence is
 * @param explanation one or two sentences saying why it ranks where it does, with the numbers
 * @param evidence    arguments for and against, strongest first
 * @param serviceIds  services it explains
 * @param nextChecks  what to look at next to confirm or refute it (for {@code unknown}: the evidence that is missing
 *                    and how to get it), most useful first; may be empty
 */
public record RankedCause(CauseId id, String title, double probability, Confidence confidence, String explanation,
                          List<Evidence> evidence, List<String> serviceIds, List<String> nextChecks) {

    /**
     * A ranked cause without next checks.
     *
     * @param id the id
     * @param title the title
     * @param probability a probability between 0 and 1
     * @param confidence the confidence
     * @param explanation the explanation
     * @param evidence the evidence
     * @param serviceIds the service ids
     */
    public RankedCause(CauseId id, String title, double probability, Confidence confidence, String explanation,
                       List<Evidence> evidence, List<String> serviceIds) {
        this(id, title, probability, confidence, explanation, evidence, serviceIds, List.of());
    }

    /**
     * Canonical constructor: checks and normalises the components.
     *
     * @param id          a cause id (DESIGN.md vocabulary or a rule file's)
     * @param title       short human name ("Dockerfile build failure")
     * @param probability posterior in [0,1]; over all causes of an assessment the sum is at most 1
     * @param confidence  how solid the evidence is
     * @param explanation one or two sentences saying why it ranks where it does, with the numbers
     * @param evidence    arguments for and against, strongest first
     * @param serviceIds  services it explains
     * @param nextChecks  what to look at next to confirm or refute it (for {@code unknown}: the evidence that is
     *                    missing and how to get it), most useful first; may be empty
     */
    public RankedCause {
        Objects.requireNonNull(id, "id");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0,1], was " + probability);
        }
        evidence = List.copyOf(Objects.requireNonNullElse(evidence, List.of()));
        serviceIds = List.copyOf(Objects.requireNonNullElse(serviceIds, List.of()));
        nextChecks = List.copyOf(Objects.requireNonNullElse(nextChecks, List.of()));
    }
}
