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

    /**
     * A compiled indication. {@code digitBlind}: no pattern of it tells one digit 1 to 9 from another
     * ({@link #digitBlind(String)}), so it matches a line exactly when it matches the line with other such digits in
     * the same places ({@link LogScan} reuses the answer for such lines).
     */
    record Compiled(int index, Sign indication, Pattern pattern, Pattern followedBy, boolean digitBlind) {
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

    /**
     * True when RE2 syntax {@code regex} tells no digit 1 to 9 from another: a digit appears in it only as a
     * repetition count ({@code {3}}, {@code {1,4}}), as a literal {@code 0}, or in a character class as the range
     * {@code 0-9} or {@code 1-9} or a lone {@code 0}. A brace that is not a repetition is text, as RE2 reads it
     * ({@code {09}} and {@code x{1,05}}: a count with a leading zero), so a digit 1 to 9 in it is literal.
     * Conservative: any other digit, an escape that names a character by number ({@code \x30}, {@code \0}) or a
     * digit 1 to 9 quoted by {@code \Q...\E} makes it false. {@code \d},
     * {@code \w}, {@code .}, {@code \b} and ranges whose ends are not digits treat all ten alike.
     */
    static boolean digitBlind(String regex) {
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && (Character.isDigit(regex.charAt(i + 1)) || regex.charAt(i + 1) == 'x')) {
                    return false; // an octal escape, a character named by its hex number
                }
                if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                    // \Q...\E quotes its text: a bracket or brace in it is a literal, and so is each digit
                    int end = regex.indexOf("\\E", i + 2);
                    end = end < 0 ? n : end;
                    for (int k = i + 2; k < end; k++) {
                        if (regex.charAt(k) >= '1' && regex.charAt(k) <= '9') {
                            return false;
                        }
                    }
                    i = end + 1; // the E of \E
                    continue;
                }
                i++; // the escaped character
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return false;
                }
            } else if (c == '{') {
                int j = countEnd(regex, i + 1);
                boolean count = j > i + 1;
                if (count && j < n && regex.charAt(j) == ',') {
                    int k = countEnd(regex, j + 1);
                    count = k == j + 1 || regex.charAt(j + 1) != '0' || k == j + 2;
                    j = k;
                }
                if (count && j < n && regex.charAt(j) == '}' && (regex.charAt(i + 1) != '0'
                        || !Character.isDigit(regex.charAt(i + 2)))) {
                    i = j; // a repetition count
                }
                // otherwise a literal brace (RE2 reads "{09}", a count with a leading zero, as text): its digits next
            } else if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /** The index after the digits that start at {@code from}. */
    private static int countEnd(String regex, int from) {
        int j = from;
        while (j < regex.length() && regex.charAt(j) >= '0' && regex.charAt(j) <= '9') {
            j++;
        }
        return j;
    }

    /**
     * The index of the {@code ]} that ends the character class opening at {@code open}, or -1 when the class tells
     * one digit 1 to 9 from another (or does not end): see {@link #digitBlind}.
     */
    private static int classEnd(String regex, int open) {
        int n = regex.length();
        int i = open + 1;
        if (i < n && regex.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < n) {
            char lo = regex.charAt(i);
            if (lo == ']' && !first) {
                return i;
            }
            first = false;
            if (lo == '[' && i + 1 < n && regex.charAt(i + 1) == ':') {
                int end = regex.indexOf(":]", i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + 2; // a POSIX class ([:alpha:], [:digit:]): all digits or none
                continue;
            }
            int next = i + 1;
            if (lo == '\\') {
                if (next >= n || Character.isDigit(regex.charAt(next)) || regex.charAt(next) == 'x') {
                    return -1;
                }
                lo = Character.isLetter(regex.charAt(next)) ? 'a' : regex.charAt(next); // \d, \w, \s: all or none
                next++;
            }
            if (next + 1 < n && regex.charAt(next) == '-' && regex.charAt(next + 1) != ']') {
                char hi = regex.charAt(next + 1);
                if (hi == '\\') {
                    return -1; // a range to an escaped end: not worth telling apart
                }
                boolean digits = lo >= '0' && lo <= '9' || hi >= '0' && hi <= '9';
                if (digits && !(hi == '9' && (lo == '0' || lo == '1'))) {
                    return -1;
                }
                i = next + 2;
            } else {
                if (lo >= '1' && lo <= '9') {
                    return -1;
                }
                i = next;
            }
        }
        return -1;
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
                    ind.followedBy() == null ? null : Pattern.compile(ind.followedBy()),
                    ind.patterns().stream().allMatch(ScanEngine::digitBlind)));
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
