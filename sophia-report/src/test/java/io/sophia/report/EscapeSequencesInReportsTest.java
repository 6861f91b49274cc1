package io.sophia.report;

import io.sophia.report.internal.Md;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    @Test
    void theHostileScenariosReportsCarryNoRestOfASequence() {
        String md = MarkdownReport.render(ReferenceScenario.hostile());
        String html = HtmlReport.render(ReferenceScenario.hostile());
        for (String report : new String[] {md, html}) {
            assertFalse(report.contains("[31m"), "the colour sequence of the failure and the owner's contact");
            assertFalse(report.contains("\u001b") || report.contains("\u0007"));
        }
    }
}
