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
        // per open group: start index, whether its body contains an unbounded quantifier, alternative starts
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<java.util.List<String>> alts = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<StringBuilder> altText = new java.util.ArrayDeque<>();
        boolean lastGroupInnerRepeat = false;
        java.util.List<String> lastGroupAlts = java.util.List.of();
        int lastGroupStart = -1;
        boolean prevWasGroupClose = false;
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            boolean groupClose = false;
            if (c == '\\') {
                appendAlt(altText, re.substring(i, Math.min(n, i + 2)));
                i++;
            } else if (c == '[') {
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
                appendAlt(altText, re.substring(i, Math.min(n, j + 1)));
                i = j;
            } else if (c == '(') {
                stack.push(new int[]{i, 0});
                alts.push(new java.util.ArrayList<>());
                altText.push(new StringBuilder());
                if (i + 1 < n && re.charAt(i + 1) == '?') {
                    // skip (?: (?i) (?P<name> flags
                    int j = i + 2;
                    if (j < n && re.charAt(j) == 'P' && j + 1 < n && re.charAt(j + 1) == '<') {
                        j = re.indexOf('>', j);
                        i = j < 0 ? n : j;
                    } else {
                        while (j < n && re.charAt(j) != ':' && re.charAt(j) != ')') {
                            j++;
                        }
                        if (j < n && re.charAt(j) == ')') {
                            // a pure flag group like (?i) closes immediately
                            stack.pop();
                            alts.pop();
                            altText.pop();
                            i = j;
                            continue;
                        }
                        i = j;
                    }
                }
            } else if (c == '|') {
                if (!alts.isEmpty()) {
                    alts.peek().add(altText.peek().toString());
                    altText.peek().setLength(0);
                }
            } else if (c == ')') {
                if (!stack.isEmpty()) {
                    int[] g = stack.pop();
                    java.util.List<String> a = alts.pop();
                    a.add(altText.pop().toString());
                    lastGroupInnerRepeat = g[1] == 1;
                    lastGroupAlts = a;
                    lastGroupStart = g[0];
                    groupClose = true;
                    if (!stack.isEmpty() && lastGroupInnerRepeat) {
                        stack.peek()[1] = 1;
                    }
                    appendAlt(altText, re.substring(g[0], i + 1));
                }
            } else if (c == '*' || c == '+' || (c == '{' && unboundedBrace(re, i))) {
                if (prevWasGroupClose) {
                    if (lastGroupInnerRepeat) {
                        return "the group " + excerpt(re.substring(lastGroupStart, i)) + " repeats and contains a repetition";
                    }
                    String dup = overlappingAlternatives(lastGroupAlts);
                    if (dup != null) {
                        return "the group " + excerpt(re.substring(lastGroupStart, i)) + " repeats and its alternatives "
                                + dup;
                    }
                }
                if (!stack.isEmpty()) {
                    stack.peek()[1] = 1;
                }
                appendAlt(altText, String.valueOf(c));
            } else {
                appendAlt(altText, String.valueOf(c));
            }
            prevWasGroupClose = groupClose;
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
