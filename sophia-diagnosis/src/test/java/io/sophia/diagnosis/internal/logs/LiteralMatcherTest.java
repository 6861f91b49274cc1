package io.sophia.diagnosis.internal.logs;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiteralMatcherTest {

    private static int[] find(LiteralMatcher m, String text, int tags) {
        int[] seen = new int[tags];
        Arrays.fill(seen, -1);
        int[] found = new int[tags];
        int n = m.find(text.toCharArray(), 0, text.length(), seen, 1, found);
        int[] result = Arrays.copyOf(found, n);
        Arrays.sort(result);
        return result;
    }

    @Test
    void overlapping_and_nested_literals_are_all_found_once_ascii_case_insensitively() {
        LiteralMatcher m = new LiteralMatcher(List.of("error", "npm err!", "err", "rror:", "✖ "), new int[] {0, 1, 2, 3, 4});
        assertEquals("[0, 2, 3]", Arrays.toString(find(m, "ERROR: x ERROR again", 5)));
        assertEquals("[1, 2]", Arrays.toString(find(m, "NPM ERR! code ETIMEDOUT", 5)));
        assertEquals("[4]", Arrays.toString(find(m, "  ✖ 2 problems", 5)));
        assertEquals("[]", Arrays.toString(find(m, "ÉRROR ✔ fine", 5)));
    }

    @Test
    void several_literals_can_share_a_tag() {
        LiteralMatcher m = new LiteralMatcher(List.of("no such host", "nxdomain"), new int[] {7, 7});
        assertEquals("[7]", Arrays.toString(find(m, "lookup x: no such host (NXDOMAIN)", 8)));
    }
}
