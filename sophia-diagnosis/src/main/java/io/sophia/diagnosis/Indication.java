package io.sophia.diagnosis;

import io.sophia.core.CauseId;

import java.util.List;
import java.util.Objects;

/**
 * A weighted sign of a root cause in a log, in the spirit of Jenkins' Build Failure Analyzer: a line
 * that matches one of {@link #patterns()} (RE2 syntax, so matching is linear in the line length) is a
 * finding for {@link #causeId()}. Indications are data: the built-in ones are read from the resource
 * {@code io/sophia/diagnosis/indications/<family>.yaml} and users add their own with {@link IndicationSet}.
 *
 * <p>Stable: the components are part of the rule-file format.
 *
 * @param id          unique name, such as {@code buildkit.failed-to-solve}
 * @param causeId     the root cause this indication points to (a DESIGN.md id, or {@link CauseId#UNKNOWN} for a
 *                    generic failure line that explains a failure but belongs to no specific cause)
 * @param literals    the prefilter: a line is tried against the patterns only when it contains at
 *                    least one of these strings (ASCII letters compared case-insensitively); every
 *                    line a pattern matches must contain one of them
 * @param patterns    RE2 regular expressions; the line matches when any of them finds a match
 * @param weight      how strongly a match explains a failure, in [0,1]
 * @param followedBy  for a multi-line indication, an RE2 expression one of the next {@code window}
 *                    lines must match; null for a one-line indication
 * @param window      how many lines after the matched line {@code followedBy} may match (0 when
 *                    {@code followedBy} is null, at most {@link #MAX_WINDOW})
 * @param description one sentence for a human
 * @param requires    a second prefilter, empty for none: a line is tried only when it also contains one of these
 *                    (compared as {@code literals}); every line a pattern matches must contain one of them. For a
 *                    pattern that needs two things on a line (a package host and a network error): lines that name
 *                    the host alone are common (every download a package manager logs) and costly to try
 */
public record Indication(String id, CauseId causeId, List<String> literals, List<String> patterns, double weight,
                         String followedBy, int window, String description, List<String> requires) {

    /** Upper bound of {@link #window()}: a multi-line indication looks at a bounded number of lines. */
    public static final int MAX_WINDOW = 20;

    /**
     * Canonical constructor: rejects invalid components, and copies the collections, so the record is immutable.
     *
     * @param id          unique name, such as {@code buildkit.failed-to-solve}
     * @param causeId     the root cause this indication points to (a DESIGN.md id, or {@link CauseId#UNKNOWN} for a
     *        generic failure line that explains a failure but belongs to no specific cause)
     * @param literals    the prefilter: a line is tried against the patterns only when it contains at
     *        least one of these strings (ASCII letters compared case-insensitively); every
     *        line a pattern matches must contain one of them
     * @param patterns    RE2 regular expressions; the line matches when any of them finds a match
     * @param weight      how strongly a match explains a failure, in [0,1]
     * @param followedBy  for a multi-line indication, an RE2 expression one of the next {@code window}
     *        lines must match; null for a one-line indication
     * @param window      how many lines after the matched line {@code followedBy} may match (0 when
     *        {@code followedBy} is null, at most {@link #MAX_WINDOW})
     * @param description one sentence for a human
     * @param requires    a second prefilter, empty or null for none: a line is tried only when it also contains one
     *        of these; every line a pattern matches must contain one of them
     */
    public Indication {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("indication id is blank");
        }
        if (causeId == null) {
            throw new IllegalArgumentException("indication " + id + ": no cause id");
        }
        literals = List.copyOf(Objects.requireNonNullElse(literals, List.of()));
        patterns = List.copyOf(Objects.requireNonNullElse(patterns, List.of()));
        if (literals.isEmpty() || literals.stream().anyMatch(l -> l == null || l.isEmpty())) {
            throw new IllegalArgumentException("indication " + id + ": needs at least one non-empty literal");
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("indication " + id + ": needs at least one pattern");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("indication " + id + ": weight " + weight + " is not in [0,1]");
        }
        if (followedBy == null) {
            window = 0;
        } else if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("indication " + id + ": window " + window + " is not in [1,"
                    + MAX_WINDOW + "]");
        }
        description = Objects.requireNonNullElse(description, "");
        requires = List.copyOf(Objects.requireNonNullElse(requires, List.of()));
        if (requires.stream().anyMatch(l -> l == null || l.isEmpty())) {
            throw new IllegalArgumentException("indication " + id + ": an empty string in requires");
        }
    }

    /**
     * A one-line indication with one literal and one pattern.
     *
     * @param id a unique id
     * @param causeId the cause it points to
     * @param literal a literal every match contains (the prefilter), or null
     * @param pattern an RE2/J pattern a line must match
     * @param weight how strongly a match points to the cause, > 0
     * @param description what a match means, for the report
     * @return the indication
     */
    public static Indication of(String id, CauseId causeId, String literal, String pattern, double weight,
                                String description) {
        return new Indication(id, causeId, List.of(literal), List.of(pattern), weight, null, 0, description, List.of());
    }
}
