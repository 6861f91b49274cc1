package io.sophia.diagnosis.internal.kb;

import io.sophia.core.Secrets;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles rule patterns with RE2/J, which matches in linear time, and rejects the shapes that
 * backtrack catastrophically in backtracking engines ({@code (a+)+}, {@code (a|a)*}) even though
 * RE2/J would survive them: rule files are shared and copied into other tools (grep -P, IDE
 * searches, the JDK's regex in a host), so Sophia refuses to bless a pattern that hangs them.
 */
public final class RegexGuard {

    /** Longest pattern accepted. */
    public static final int MAX_LENGTH = 1000;

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private RegexGuard() {
    }

    /** The compiled pattern, or an exception whose message says what is wrong (no location). */
    public static Pattern compile(String regex) {
        Pattern cached = CACHE.get(regex);
        if (cached != null) {
            return cached;
        }
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        if (regex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the pattern is " + regex.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted");
        }
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression (RE2 syntax: no backreferences or "
                    + "lookaround): " + e.getDescription(), e);
        }
        String hazard = catastrophicShape(regex);
        if (hazard != null) {
            throw new IllegalArgumentException("the pattern can backtrack catastrophically: " + hazard
                    + "; rewrite it without a repeated group that itself repeats or has overlapping alternatives");
        }
        if (CACHE.size() < 10_000) {
            CACHE.put(regex, p);
        }
        return p;
    }

    /**
     * Finds a quantified group whose body can itself match repeatedly (a nested quantifier) or
     * whose alternatives start alike; returns a description or null. A small parser over the
     * pattern text: escapes and character classes are skipped, groups are tracked on a stack.
     */
    static String catastrophicShape(String re) {
        int n = re.length();
        OpenGroups groups = new OpenGroups();
        boolean prevWasGroupClose = false;
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            boolean groupClose = false;
            if (c == '\\') {
                appendAlt(groups.altText, re.substring(i, Math.min(n, i + 2)));
                i++;
            } else if (c == '[') {
                int j = classEnd(re, i);
                appendAlt(groups.altText, re.substring(i, Math.min(n, j + 1)));
                i = j;
            } else if (c == '(') {
                int j = groupOpeningEnd(re, i);
                if (j < n && re.charAt(j) == ')') {
                    // a pure flag group like (?i) closes immediately (and leaves prevWasGroupClose as it was)
                    i = j;
                    continue;
                }
                openGroup(groups, i);
                i = j;
            } else if (c == '|') {
                endAlternative(groups);
            } else if (c == ')') {
                groupClose = closeGroup(re, i, groups);
            } else if (c == '*' || c == '+' || (c == '{' && unboundedBrace(re, i))) {
                if (prevWasGroupClose) {
                    String hazard = repeatedGroupHazard(re, i, groups);
                    if (hazard != null) {
                        return hazard;
                    }
                }
                if (!groups.stack.isEmpty()) {
                    groups.stack.peek()[1] = 1;
                }
                appendAlt(groups.altText, String.valueOf(c));
            } else {
                appendAlt(groups.altText, String.valueOf(c));
            }
            prevWasGroupClose = groupClose;
        }
        return null;
    }

    /**
     * The groups {@link #catastrophicShape} has open while it reads a pattern, innermost first, and the one it
     * closed last. Per open group: its start index and whether its body contains an unbounded quantifier
     * ({@code stack}), its finished alternatives ({@code alts}) and the text of the alternative being read
     * ({@code altText}).
     */
    private static final class OpenGroups {
        final java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        final java.util.ArrayDeque<java.util.List<String>> alts = new java.util.ArrayDeque<>();
        final java.util.ArrayDeque<StringBuilder> altText = new java.util.ArrayDeque<>();
        boolean lastGroupInnerRepeat = false;
        java.util.List<String> lastGroupAlts = java.util.List.of();
        int lastGroupStart = -1;
    }

    /** The index of the {@code ]} closing the character class that opens at {@code i} ({@code n} if none does). */
    private static int classEnd(String re, int i) {
        int n = re.length();
        int j = i + 1;
        if (j < n && re.charAt(j) == '^') {
            j++;
        }
        if (j < n && re.charAt(j) == ']') {
            j++;
        }
        while (j < n && re.charAt(j) != ']') {
            if (re.charAt(j) == '\\') {
                j++;
            }
            j++;
        }
        return j;
    }

    /**
     * The index of the last character of the opening of the group at {@code i}: {@code i} for a plain {@code (},
     * the {@code >} of {@code (?P<name>}, the {@code :} of {@code (?:} or {@code (?i:}, the {@code )} of a pure
     * flag group like {@code (?i)}; {@code n} when the opening never ends.
     */
    private static int groupOpeningEnd(String re, int i) {
        int n = re.length();
        if (i + 1 >= n || re.charAt(i + 1) != '?') {
            return i;
        }
        int j = i + 2;
        if (j < n && re.charAt(j) == 'P' && j + 1 < n && re.charAt(j + 1) == '<') {
            j = re.indexOf('>', j);
            return j < 0 ? n : j;
        }
        while (j < n && re.charAt(j) != ':' && re.charAt(j) != ')') {
            j++;
        }
        return j;
    }

    private static void openGroup(OpenGroups groups, int start) {
        groups.stack.push(new int[]{start, 0});
        groups.alts.push(new java.util.ArrayList<>());
        groups.altText.push(new StringBuilder());
    }

    /** At a {@code |}: the innermost open group's current alternative is finished. */
    private static void endAlternative(OpenGroups groups) {
        if (!groups.alts.isEmpty()) {
            groups.alts.peek().add(groups.altText.peek().toString());
            groups.altText.peek().setLength(0);
        }
    }

    /** At the {@code )} at {@code i}: closes the innermost open group, if any, and returns whether there was one. */
    private static boolean closeGroup(String re, int i, OpenGroups groups) {
        if (groups.stack.isEmpty()) {
            return false;
        }
        int[] g = groups.stack.pop();
        java.util.List<String> a = groups.alts.pop();
        a.add(groups.altText.pop().toString());
        groups.lastGroupInnerRepeat = g[1] == 1;
        groups.lastGroupAlts = a;
        groups.lastGroupStart = g[0];
        if (!groups.stack.isEmpty() && groups.lastGroupInnerRepeat) {
            groups.stack.peek()[1] = 1;
        }
        appendAlt(groups.altText, re.substring(g[0], i + 1));
        return true;
    }

    /** The hazard of repeating (by the quantifier at {@code i}) the group closed last, or null when it has none. */
    private static String repeatedGroupHazard(String re, int i, OpenGroups groups) {
        if (groups.lastGroupInnerRepeat) {
            return "the group " + excerpt(re.substring(groups.lastGroupStart, i))
                    + " repeats and contains a repetition";
        }
        String dup = overlappingAlternatives(groups.lastGroupAlts);
        if (dup != null) {
            return "the group " + excerpt(re.substring(groups.lastGroupStart, i)) + " repeats and its alternatives "
                    + dup;
        }
        return null;
    }

    private static boolean unboundedBrace(String re, int i) {
        int close = re.indexOf('}', i);
        if (close < 0) {
            return false;
        }
        String body = re.substring(i + 1, close);
        return body.matches("\\d+,") || body.matches("\\d+,\\d{2,}");
    }

    private static void appendAlt(java.util.ArrayDeque<StringBuilder> altText, String s) {
        if (!altText.isEmpty()) {
            altText.peek().append(s);
        }
    }

    private static String overlappingAlternatives(java.util.List<String> alternatives) {
        if (alternatives.size() < 2) {
            return null;
        }
        for (int a = 0; a < alternatives.size(); a++) {
            for (int b = a + 1; b < alternatives.size(); b++) {
                String x = alternatives.get(a);
                String y = alternatives.get(b);
                if (x.isEmpty() || y.isEmpty()) {
                    return "include an empty one";
                }
                if (x.startsWith(y) || y.startsWith(x)) {
                    return "'" + excerpt(x) + "' and '" + excerpt(y) + "' can match the same text";
                }
            }
        }
        return null;
    }

    private static String excerpt(String s) {
        return Secrets.patterns().cut(s, 40);
    }
}
