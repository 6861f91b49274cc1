package io.sophia.examples.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalStreamTest {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final TerminalStream stream = TerminalStream.of(new PrintStream(sink, true, StandardCharsets.UTF_8));

    private String written() {
        stream.flush();
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aJobNameWithEscapeSequencesIsPrintedAsPlainText() {
        // a job name as a hostile CI run could carry it: window title, clear screen, hyperlink, colour
        stream.println("  DOWN  api  \u001b]0;owned\u0007\u001b[2J\u001b]8;;https://evil.test\u001b\\deploy\u001b]8;;\u001b\\"
                + " \u001b[31mfailed\u001b[0m\r");
        assertEquals("  DOWN  api  deploy failed\n", written().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aTokenPrintedInPiecesIsRedactedWhole() {
        String token = "ghp_" + "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N";
        stream.print("push with " + token.substring(0, 10));
        stream.print(token.substring(10));
        stream.println(" failed");
        String out = written();
        assertFalse(out.contains("Q7wE9rT2yU4i"), out);
        assertTrue(out.contains("[REDACTED]"), out);
    }

    @Test
    void registeredValuesAreMaskedFromThenOn() {
        stream.register(List.of("unshaped-secret-value-1"));
        stream.println("echo unshaped-secret-value-1");
        assertEquals("echo [REDACTED]", written().strip());
    }

    @Test
    void aLongOutputIsWrittenByLinesWithoutWaitingForAFlush() {
        String line = "x".repeat(1000) + "\n";
        for (int i = 0; i < 1100; i++) {
            stream.print(line);
        }
        assertTrue(sink.size() > 1_000_000, "complete lines went out: " + sink.size());
        assertEquals(1100 * 1001, written().length());
    }
}
