package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteTextTest {

    @Test
    void stripsEscapeSequencesAndControls() {
        assertEquals("red text", RemoteText.forTerminal("\u001b[31mred\u001b[0m text"));
        // OSC 0 (window title), OSC 8 hyperlink, OSC 52 clipboard write
        assertEquals("title", RemoteText.forTerminal("\u001b]0;pwned\u0007title"));
        assertEquals("link", RemoteText.forTerminal("\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\"));
        assertEquals("x", RemoteText.forTerminal("\u001b]52;c;ZXZpbA==\u0007x"));
        assertEquals("ab", RemoteText.forTerminal("a\u009b2Jb"));
        assertEquals("a\nb\tc", RemoteText.forTerminal("a\r\nb\tc\u0000\u0008\u007f\u0085"));
        assertEquals("abc", RemoteText.forTerminal("a\u202eb\u2066c"));
        // the other invisible format characters: marks, zero-width space and joiner, BOM, a tag character
        assertEquals("abcdef\uD83D\uDE80", RemoteText.forTerminal("a\u200eb\u061cc\u200bd\u200de\ufeff\uDB40\uDC41f\uD83D\uDE80"));
        // a string sequence no terminator ends on its line loses its introducer only: it hides no later text
        assertEquals("keep0;unterminated title", RemoteText.forTerminal("keep\u001b]0;unterminated title"));
        assertEquals("keep0;open title\nnext line", RemoteText.forTerminal("keep\u001b]0;open title\nnext line"));
        assertEquals("said \u00e2no, then: error 42", RemoteText.forTerminal("said \u00e2\u0080\u009dno, then: error 42"));
        assertEquals("a dcs\nb", RemoteText.forTerminal("a \u001bPdcs\nb"));
        assertEquals("a\nb", RemoteText.forTerminal("a\u001b\nb"));
        assertEquals("ab", RemoteText.forTerminal("a\u001b(Bb"));
        String plain = "plain text, nothing to do";
        assertTrue(plain == RemoteText.forTerminal(plain));
    }

    @Test
    void invisibleFormatCharactersAreWrittenOut() {
        assertEquals("cp [U+202E]lmay.exe[U+202C] [U+E0041]x \u00e9\uD83D\uDE80",
                RemoteText.visible("cp \u202elmay.exe\u202c \uDB40\uDC41x \u00e9\uD83D\uDE80"));
        String plain = "plain text";
        assertTrue(plain == RemoteText.visible(plain), "text without them is returned as it is");
        assertEquals("", RemoteText.visible(null));
    }

    @Test
    void observationsBoundWhatTheyStore() {
        String huge = "n".repeat(3 << 20);
        Observation.McpHandshake m = new Observation.McpHandshake("svc", Source.MCP, "2025-06-18", "modern", huge, "1.0",
                Collections.nCopies(50_000, "tools"), 3, Duration.ZERO);
        assertTrue(m.serverName().length() <= RemoteText.MAX_NAME);
        assertEquals(RemoteText.MAX_ITEMS, m.capabilities().size());
        Observation.LogFinding f = new Observation.LogFinding("svc", Source.GITHUB, 1, "job", "step", 1, "i", CauseId.of("c"),
                "word ".repeat(10_000), List.of(), 0.5);
        assertTrue(f.line().length() <= RemoteText.MAX_TEXT);
    }
}
