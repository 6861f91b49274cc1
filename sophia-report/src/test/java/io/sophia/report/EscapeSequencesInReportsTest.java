package io.sophia.report;

import io.sophia.report.internal.Md;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote text's escape sequences leave the Markdown and HTML reports whole, as they leave the terminal: tried by hand
 * in session 31, a version field of {@code "abc\e[2J\e]0;pwned\a\e[31mRED\e[0m"} showed in report.md as
 * {@code abc[2J]0;pwned[31mRED[0m} (the control characters were dropped, the rest of each sequence was not), while
 * the terminal showed {@code abcRED}.
 */
class EscapeSequencesInReportsTest {

    @Test
    void aSequenceLeavesWholeAndTheTextAroundItStays() {
        assertEquals("abcRED done", Md.stripControls(
                "abc\u001b[2J\u001b]0;pwned\u0007\u001b[31mRED\u001b[0m\u009b6n done"));
        // a hyperlink's target goes, its visible text stays
        assertEquals("see api logs", Md.stripControls("see \u001b]8;;https://evil.test\u001b\\api\u001b]8;;\u001b\\ logs"));
    }

    @Test
    void whatWasKeptBeforeIsKept() {
        assertEquals("a b\nc", Md.stripControls("a\tb\r\nc"));
        // a bidirectional override is named, not dropped: a reader of the report should see it was there
        assertEquals("x[U+202E]y", Md.stripControls("x\u202ey"));
        assertEquals("nul gone", Md.stripControls("nul\u0000 gone"));
        assertEquals("", Md.stripControls(null));
    }

    /**
     * A string sequence (OSC, DCS, SOS, PM, APC) without its terminator on its line hides nothing after it: only its
     * introducer goes. Review 31 of 200a4d49: forTerminal runs an unterminated one to the end of the text, so a body
     * excerpt or a multi-line detail lost every later line in report.md, and mojibake of a right double quote
     * (UTF-8 E2 80 9D read as Latin-1: a-circumflex, then U+0080 and U+009D, the C1 OSC) lost the rest of the text.
     */
    @Test
    void anUnterminatedStringSequenceHidesNoLaterText() {
        assertEquals("first 0;title\nsecond: connection refused",
                Md.stripControls("first \u001b]0;title\nsecond: connection refused"));
        assertEquals("said \u00e2no, then: error 42", Md.stripControls("said \u00e2\u0080\u009dno, then: error 42"));
        String fence = Md.fence("text", "a \u001bPq unterminated\nERROR: the line a reader needs\n");
        assertTrue(fence.contains("ERROR: the line a reader needs"), fence);
        // a terminated one on its line still leaves whole, and so does one ended by the next sequence's ESC
        assertEquals("ab\ncd", Md.stripControls("a\u001b]0;t\u0007b\nc\u001b]8;;x\u001b[0md"));
    }

    @Test
    void theHostileScenariosReportsCarryNoRestOfASequence() {
        String md = MarkdownReport.render(ReferenceScenario.hostile());
        String html = HtmlReport.render(ReferenceScenario.hostile());
        String junit = JUnitXmlReport.render(ReferenceScenario.hostile());
        for (String report : new String[] {md, html, junit}) {
            assertFalse(report.contains("[31m"), "the colour sequence of the failure and the owner's contact");
            assertFalse(report.contains("\u001b") || report.contains("\u0007"));
        }
    }
}
