package io.sophia.diagnosis.internal.logs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
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

    @Test
    void a_chunk_is_located_in_its_log_by_content_ignoring_blank_lines() throws IOException {
        List<String> log = ChunkEvaluation.normalisedLines(new StringReader(
                "a\n\u001b[31mFAIL x\u001b[0m\r\r\n\nExpected 1\nbut got 2\nz\nFAIL x\nother\n"), true);
        List<String> chunk = ChunkEvaluation.normalisedLines(new StringReader("FAIL x\r\n\r\nExpected 1\n"), false);
        List<long[]> ranges = ChunkEvaluation.locate(log, chunk);
        assertEquals(1, ranges.size());
        assertEquals(2, ranges.get(0)[0]);
        assertEquals(4, ranges.get(0)[1]);
    }
}
