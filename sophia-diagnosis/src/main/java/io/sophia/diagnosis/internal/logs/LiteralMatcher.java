package io.sophia.diagnosis.internal.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over many literals, compiled to a dense transition table so that one pass
 * over a line finds every literal it contains, whatever their number. ASCII letters compare
 * case-insensitively; other characters compare exactly.
 */
public final class LiteralMatcher {

    private final int alphabet;
    private final int[] delta;
    private final int[][] outputs;
    private final Map<Character, Integer> extra;
    private final char[] asciiClass = new char[128];

    /**
     * @param literals the literals
     * @param tags     for each literal, the tag reported when it occurs (several literals may share one)
     */
    public LiteralMatcher(List<String> literals, int[] tags) {
        extra = new HashMap<>();
        for (int c = 0; c < 128; c++) {
            asciiClass[c] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        for (String literal : literals) {
            for (char c : literal.toCharArray()) {
                if (c >= 128) {
                    extra.putIfAbsent(c, 128 + extra.size());
                }
            }
        }
        alphabet = 128 + extra.size();
        List<int[]> next = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        trie(literals, tags, next, out);
        int n = next.size();
        delta = new int[n * alphabet];
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            outputs[s] = out.get(s);
        }
        failureLinks(next);
        // pre-multiply by the alphabet size so the hot loop does one add per character
        // and mark states with outputs by storing them complemented (negative), so a miss costs no lookup
        for (int i = 0; i < delta.length; i++) {
            int to = delta[i];
            delta[i] = outputs[to].length == 0 ? to * alphabet : ~(to * alphabet);
        }
    }

    /** The trie of the literals: {@code next} its transitions, {@code out} the tags each state ends. */
    private void trie(List<String> literals, int[] tags, List<int[]> next, List<int[]> out) {
        next.add(newRow());
        out.add(new int[0]);
        for (int i = 0; i < literals.size(); i++) {
            int state = 0;
            for (char c : literals.get(i).toCharArray()) {
                int k = cls(c);
                if (k == 0) {
                    continue;
                }
                int to = next.get(state)[k];
                if (to < 0) {
                    to = next.size();
                    next.get(state)[k] = to;
                    next.add(newRow());
                    out.add(new int[0]);
                }
                state = to;
            }
            out.set(state, add(out.get(state), tags[i]));
        }
    }

    /** Aho-Corasick failure links, breadth first: completes {@link #delta} and merges the outputs along them. */
    private void failureLinks(List<int[]> next) {
        int[] fail = new int[next.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int k = 0; k < alphabet; k++) {
            int to = next.get(0)[k];
            if (to < 0) {
                delta[k] = 0;
            } else {
                delta[k] = to;
                fail[to] = 0;
                queue.add(to);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int v : outputs[fail[s]]) {
                outputs[s] = add(outputs[s], v);
            }
            int[] row = next.get(s);
            for (int k = 0; k < alphabet; k++) {
                int to = row[k];
                if (to < 0) {
                    delta[s * alphabet + k] = delta[fail[s] * alphabet + k];
                } else {
                    delta[s * alphabet + k] = to;
                    fail[to] = delta[fail[s] * alphabet + k];
                    queue.add(to);
                }
            }
        }
    }

    private int[] newRow() {
        int[] row = new int[alphabet];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] add(int[] set, int v) {
        for (int x : set) {
            if (x == v) {
                return set;
            }
        }
        int[] r = Arrays.copyOf(set, set.length + 1);
        r[set.length] = v;
        return r;
    }

    private int cls(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        Integer k = extra.get(c);
        return k == null ? 0 : k;
    }

    /**
     * Reports the tags of all literals in {@code buf[from, to)}: {@code seen[tag]} is set to
     * {@code stamp} and a tag seen for the first time under that stamp is appended to {@code found}.
     *
     * @return the number of tags in {@code found}
     */
    public int find(char[] buf, int from, int to, int[] seen, int stamp, int[] found) {
        final int[] d = delta;
        final int[][] outs = outputs;
        final char[] ascii = asciiClass;
        final boolean hasExtra = !extra.isEmpty();
        int count = 0;
        int state = 0;
        for (int i = from; i < to; i++) {
            char c = buf[i];
            int k = c < 128 ? ascii[c] : hasExtra ? cls(c) : 0;
            state = d[state + k];
            if (state < 0) {
                state = ~state;
                for (int tag : outs[state / alphabet]) {
                    if (seen[tag] != stamp) {
                        seen[tag] = stamp;
                        found[count++] = tag;
                    }
                }
            }
        }
        return count;
    }

    /** Number of automaton states (for diagnostics). */
    public int states() {
        return outputs.length;
    }
}
