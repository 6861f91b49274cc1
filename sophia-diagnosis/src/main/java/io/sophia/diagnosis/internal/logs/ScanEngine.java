package io.sophia.diagnosis.internal.logs;

import com.google.re2j.Pattern;
import io.sophia.core.CauseId;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled form of a list of indications, shared by all scans: one literal automaton over every
 * indication's literals (plus the scanner's own step markers) and the RE2/J patterns. Immutable and
 * thread-safe.
 */
public final class ScanEngine {

    /**
     * What the engine needs of an indication (the diagnosis' public {@code Indication}, copied so that this
     * package does not depend on the API package).
     */
    public record Sign(String id, CauseId causeId, List<String> literals, List<String> patterns, double weight,
                       String followedBy, int window, List<String> requires) {
        public Sign {
            literals = List.copyOf(literals);
            patterns = List.copyOf(patterns);
            requires = List.copyOf(requires);
        }
    }

    /** A compiled indication. */
    record Compiled(int index, Sign indication, Pattern pattern, Pattern followedBy) {
        boolean hasRequires() {
            return !indication.requires().isEmpty();
        }

        boolean matches(String text) {
            return pattern.matcher(text).find();
        }
    }

    /**
     * One alternation of all of an indication's patterns: RE2/J's cost is per character and pass, so
     * one pass over the line beats one pass per pattern. A leading {@code (?i)} is scoped to its branch.
     */
    static Pattern combine(List<String> patterns) {
        if (patterns.size() == 1) {
            return Pattern.compile(patterns.get(0));
        }
        StringBuilder b = new StringBuilder();
        for (String p : patterns) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(p.startsWith("(?i)") ? "(?i:" + p.substring(4) : "(?:" + p).append(')');
        }
        return Pattern.compile(b.toString());
    }

    static final Pattern GITHUB_EXIT = Pattern.compile("Process completed with exit code (\\d+)");
    static final Pattern TRAVIS_EXIT = Pattern.compile("^The command \"(.*)\" exited with (\\d+)\\.?$");

    final List<Compiled> compiled;
    final LiteralMatcher literals;
    /** Tag of the marker literals, after the indications' tags. */
    final int markerExitTag;
    /**
     * Tag of indication {@code i}'s second prefilter ({@link Sign#requires}) is {@code requiresBase + i}: its
     * literals share the one automaton, so checking them costs no second pass over the line.
     */
    final int requiresBase;
    final int tags;

    public ScanEngine(List<Sign> indications) {
        List<Compiled> list = new ArrayList<>();
        List<String> lits = new ArrayList<>();
        List<Integer> litTags = new ArrayList<>();
        for (int i = 0; i < indications.size(); i++) {
            Sign ind = indications.get(i);
            list.add(new Compiled(i, ind, combine(ind.patterns()),
                    ind.followedBy() == null ? null : Pattern.compile(ind.followedBy())));
            for (String literal : ind.literals()) {
                lits.add(literal);
                litTags.add(i);
            }
        }
        markerExitTag = indications.size();
        for (String marker : List.of("process completed with exit code", "\" exited with ")) {
            lits.add(marker);
            litTags.add(markerExitTag);
        }
        requiresBase = markerExitTag + 1;
        for (int i = 0; i < indications.size(); i++) {
            for (String literal : indications.get(i).requires()) {
                lits.add(literal);
                litTags.add(requiresBase + i);
            }
        }
        tags = requiresBase + indications.size();
        compiled = List.copyOf(list);
        literals = new LiteralMatcher(lits, litTags.stream().mapToInt(Integer::intValue).toArray());
    }
}
