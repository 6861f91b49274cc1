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
     * A compiled indication. {@code toldDigits}: the digits 1 to 9 its patterns tell apart from the others
     * ({@link #toldDigits(String)}, bit d for digit d; {@link #ALL_DIGITS} when it cannot say): it matches a line
     * exactly when it matches the line with each other digit 1 to 9 written as another such digit ({@link LogScan}
     * reuses the answer for such lines).
     */
    record Compiled(int index, Sign indication, Pattern pattern, Pattern followedBy, int toldDigits) {
        boolean hasRequires() {
            return !indication.requires().isEmpty();
        }

        boolean matches(String text) {
            return pattern.matcher(text).find();
        }

        /** True when no pattern of it tells one digit 1 to 9 from another. */
        boolean digitBlind() {
            return toldDigits == 0;
        }

        /** True when some digit 1 to 9 is not told apart, so lines of one shape may share an answer. */
        boolean shapeReusable() {
            return (toldDigits & ALL_DIGITS) != ALL_DIGITS;
        }
    }

    /** Bits 1 to 9: every digit 1 to 9 told apart, or a pattern the classifier cannot read for digits. */
    static final int ALL_DIGITS = 0x3FE;

    /** {@return the digit among 1 to 9 that lines of one shape have where {@code toldDigits} tells none apart} */
    static char representative(int toldDigits) {
        for (char d = '1'; d <= '9'; d++) {
            if ((toldDigits & (1 << (d - '0'))) == 0) {
                return d;
            }
        }
        throw new IllegalArgumentException("every digit is told apart");
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

    /** True when RE2 syntax {@code regex} tells no digit 1 to 9 from another ({@link #toldDigits} is empty). */
    static boolean digitBlind(String regex) {
        return toldDigits(regex) == 0;
    }

    /**
     * The digits 1 to 9 that RE2 syntax {@code regex} tells apart from the other digits 1 to 9, bit d for digit d: a
     * literal digit (outside a class, or quoted by {@code \Q...\E}), a digit alone in a character class, or the
     * digits a range covers unless it covers all of 1 to 9 ({@code 0-9}, {@code 1-9}, {@code !-z}). A digit elsewhere
     * is a repetition count ({@code {3}}, {@code {1,4}}) and tells none apart; so do {@code \d}, {@code \w}, {@code .},
     * {@code \b}, POSIX and Unicode classes and {@code 0}. Two digits outside the set are alike to the pattern: every
     * piece of it holds both or neither, so it matches a line exactly when it matches the line with one written as
     * the other. Conservative: an escape that names a character by number ({@code \x35}, {@code \0}) or a class that
     * does not end gives {@link #ALL_DIGITS}.
     */
    static int toldDigits(String regex) {
        int told = 0;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && (Character.isDigit(regex.charAt(i + 1)) || regex.charAt(i + 1) == 'x')) {
                    return ALL_DIGITS; // an octal escape, a character named by its hex number
                }
                if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                    // \Q...\E quotes its text: a bracket or brace in it is a literal, and so is each digit
                    int end = regex.indexOf("\\E", i + 2);
                    end = end < 0 ? n : end;
                    for (int k = i + 2; k < end; k++) {
                        told |= digitBit(regex.charAt(k));
                    }
                    i = end + 1; // the E of \E
                    continue;
                }
                i++; // the escaped character
            } else if (c == '[') {
                long end = classDigits(regex, i);
                if (end < 0) {
                    return ALL_DIGITS;
                }
                told |= (int) (end >>> 32);
                i = (int) end;
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
            } else {
                told |= digitBit(c);
            }
        }
        return told;
    }

    /** The index after the digits that start at {@code from}. */
    private static int countEnd(String regex, int from) {
        int j = from;
        while (j < regex.length() && regex.charAt(j) >= '0' && regex.charAt(j) <= '9') {
            j++;
        }
        return j;
    }

    private static int digitBit(char c) {
        return c >= '1' && c <= '9' ? 1 << (c - '0') : 0;
    }

    /**
     * The character class opening at {@code open}: the digits 1 to 9 it tells apart (high 32 bits, as in
     * {@link #toldDigits}) and the index of the {@code ]} that ends it (low 32 bits), or -1 when it does not end or
     * holds an escape the classifier does not read.
     */
    private static long classDigits(String regex, int open) {
        int n = regex.length();
        int i = open + 1;
        if (i < n && regex.charAt(i) == '^') {
            i++; // a negated class holds the digits its members do not: the same ones are told apart
        }
        int told = 0;
        boolean first = true;
        while (i < n) {
            char lo = regex.charAt(i);
            if (lo == ']' && !first) {
                return (long) told << 32 | i;
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
                int covered = 0;
                for (char d = '1'; d <= '9'; d++) {
                    if (d >= lo && d <= hi) {
                        covered |= digitBit(d);
                    }
                }
                if (covered != ALL_DIGITS) {
                    told |= covered;
                }
                i = next + 2;
            } else {
                told |= digitBit(lo);
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
                    ind.patterns().stream().mapToInt(ScanEngine::toldDigits).reduce(0, (a, b) -> a | b)));
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
