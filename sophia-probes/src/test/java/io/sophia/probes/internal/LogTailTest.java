package io.sophia.probes.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("LogTail starts a log's tail on a whole line")
class LogTailTest {

    private static final Deadline LATER = Deadline.after(Duration.ofMinutes(1));

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a window that begins mid-line drops the partial line")
    void partialFirstLine() throws IOException {
        assertEquals("second\nthird\n", read(new LogTail(bytes("rst\nsecond\nthird\n"), 0, LATER)));
    }

    @Test
    @DisplayName("a window asked one byte early that lands on a newline loses no line")
    void newlineJustBefore() throws IOException {
        assertEquals("second\n", read(new LogTail(bytes("\nsecond\n"), 0, LATER)));
    }

    @Test
    @DisplayName("the head a server sent despite Range is dropped before the line start is looked for")
    void headIsSkipped() throws IOException {
        // 17 bytes is "head line\nhead\nmi": the rest of "mid-line" is the partial line
        LogTail tail = new LogTail(bytes("head line\nhead\nmid-line\nlast\n"), 17, LATER);
        assertEquals("last\n", read(tail));
        assertFalse(tail.skipping());
        assertEquals(17, tail.discarded());
    }

    @Test
    @DisplayName("a first line longer than the limit is passed on cut rather than swallowing the tail")
    void hugeFirstLine() throws IOException {
        // one word past twice the limit: no token is that long, so it is passed on from the hard cap
        String huge = "x".repeat(2 * LogTail.MAX_PARTIAL_LINE + 10) + "\nend\n";
        String out = read(new LogTail(bytes(huge), 0, LATER));
        assertTrue(out.endsWith("x\nend\n"), out.substring(Math.max(0, out.length() - 20)));
        assertTrue(out.length() < huge.length() && out.length() > 5, "length " + out.length());
    }

    @Test
    @DisplayName("a first line passed on cut starts after the word the limit falls into: no tail of a token")
    void hugeFirstLineCutBetweenWords() throws IOException {
        String token = "ghp" + "_Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N"; // a fake, 4 of its characters before the limit
        String huge = "p".repeat(LogTail.MAX_PARTIAL_LINE - 5) + " " + token + " tail words\nend\n";
        String out = read(new LogTail(bytes(huge), 0, LATER));
        assertEquals("tail words\nend\n", out);
        for (int i = 0; i + 12 <= token.length(); i++) {
            assertFalse(out.contains(token.substring(i, i + 12)), out);
        }
    }

    @Test
    @DisplayName("with no time left the head is not read and the tail reads as empty, still skipping")
    void expired() throws IOException {
        LogTail tail = new LogTail(bytes("head\nlast\n"), 5, Deadline.after(Duration.ZERO));
        assertEquals("", read(tail));
        assertTrue(tail.skipping());
    }
}
