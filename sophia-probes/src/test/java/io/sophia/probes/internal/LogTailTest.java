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
        String huge = "x".repeat(LogTail.MAX_PARTIAL_LINE + 10) + "\nend\n";
        String out = read(new LogTail(bytes(huge), 0, LATER));
        assertTrue(out.endsWith("x\nend\n"), out.substring(Math.max(0, out.length() - 20)));
        assertTrue(out.length() < huge.length() && out.length() > 5, "length " + out.length());
    }

    @Test
    @DisplayName("with no time left the head is not read and the tail reads as empty, still skipping")
    void expired() throws IOException {
        LogTail tail = new LogTail(bytes("head\nlast\n"), 5, Deadline.after(Duration.ZERO));
        assertEquals("", read(tail));
        assertTrue(tail.skipping());
    }
}
