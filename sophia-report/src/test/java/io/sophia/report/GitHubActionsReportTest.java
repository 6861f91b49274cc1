package io.sophia.report;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workflow in GitHub Actions gets the report as its step summary and the gate and top cause as annotations. */
class GitHubActionsReportTest {

    @TempDir
    Path tmp;

    @Test
    void onlyInsideGitHubActionsIsThereAnythingToPublish() {
        assertTrue(GitHubActionsReport.detect(Map.<String, String>of()::get).isEmpty());
        assertTrue(GitHubActionsReport.detect(Map.of("GITHUB_ACTIONS", "false")::get).isEmpty());
        assertTrue(GitHubActionsReport.detect(Map.of("GITHUB_ACTIONS", "true")::get).isPresent());
    }

    @Test
    void theBlockedReferenceRunIsAppendedToTheSummaryAndAnnotatedAsErrors() throws IOException {
        Assessment a = ReferenceScenario.assessment();
        Path summary = Files.writeString(tmp.resolve("summary.md"), "## Earlier step\n");
        List<Path> files = ReportFiles.writeAll(a, tmp.resolve("out"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        gh(summary).publish(a, files, new PrintStream(out, true, StandardCharsets.UTF_8));

        String appended = Files.readString(summary);
        assertTrue(appended.startsWith("## Earlier step\n"), "appended, not replaced");
        assertTrue(appended.contains(Files.readString(tmp.resolve("out").resolve(ReportFiles.MARKDOWN)).strip()));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("::error title=Sophia gate BLOCKED%3A " + ReferenceScenario.DEPLOYMENT),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("::error title=Top cause%3A "), lines.get(1));
    }

    @Test
    void anOpenGateIsNotAnnotatedAndAHealthyRunHasNoTopCause() {
        assertEquals(List.of(), GitHubActionsReport.annotations(ReferenceScenario.healthy()));
    }

    @Test
    void anUnwritableSummaryIsReportedAfterTheAnnotationsArePrinted() throws IOException {
        Assessment a = ReferenceScenario.assessment();
        List<Path> files = ReportFiles.writeAll(a, tmp.resolve("out"));
        Path directory = Files.createDirectory(tmp.resolve("a-directory"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        IOException e = assertThrows(IOException.class,
                () -> gh(directory).publish(a, files, new PrintStream(out, true, StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().startsWith("cannot append to the step summary"), e.getMessage());
        assertFalse(e.getMessage().contains(directory.toString()), e.getMessage());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("::error title=Sophia gate BLOCKED"));
    }

    @Test
    void aReportOverGitHubsLimitIsCutOnALineAndSaysWhereTheRestIs() throws IOException {
        String line = "| a table row of a very long report |\n";
        String markdown = line.repeat(GitHubActionsReport.SUMMARY_MAX_BYTES / line.length() + 10);
        Path md = Files.writeString(tmp.resolve(ReportFiles.MARKDOWN), markdown);
        Path summary = tmp.resolve("summary.md");

        gh(summary).publish(ReferenceScenario.healthy(), List.of(md), new PrintStream(new ByteArrayOutputStream()));

        byte[] written = Files.readAllBytes(summary);
        assertTrue(written.length <= GitHubActionsReport.SUMMARY_MAX_BYTES, String.valueOf(written.length));
        String text = new String(written, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("the whole report is report.md)*\n"), text.substring(text.length() - 100));
        assertTrue(text.substring(0, text.indexOf("\n\n*(cut at")).lines().allMatch(line::startsWith));
    }

    @Test
    void workflowCommandDataAndPropertiesAreEscapedByGitHubsRules() {
        // rules: actions/toolkit packages/core/src/command.ts escapeData / escapeProperty
        assertEquals("50%25 done%0D%0A::add-mask::x", GitHubActionsReport.escapeData("50% done\r\n::add-mask::x"));
        assertEquals("a%3Ab%2Cc%25", GitHubActionsReport.escapeProperty("a:b,c%"));
        assertEquals("red text", GitHubActionsReport.escapeData("\u001B[31mred\u001B[0m\u0007 text"));
        // 8-bit CSI and OSC go whole, parameters included (before, "31m" and "0;t" were left behind)
        assertEquals("red title", GitHubActionsReport.escapeData("\u009B31mred\u009B0m \u009D0;t\u009Ctitle"));
        assertEquals("::warning title=t%3A1::line one%0Aline two",
                GitHubActionsReport.command("warning", "t:1", "line one\nline two"));
    }

    /**
     * A string sequence without its terminator on its line loses only its introducer, as in report.md (review 31):
     * before, an unterminated OSC took every later line of an annotation's explanation with it.
     */
    @Test
    void anUnterminatedSequenceHidesNoLaterLineOfAnAnnotation() {
        assertEquals("0;title%0Athe line that explains",
                GitHubActionsReport.escapeData("\u001B]0;title\nthe line that explains"));
        assertEquals("said \u00e2no, then: error 42", GitHubActionsReport.escapeData("said \u00e2\u0080\u009Dno, then: error 42"));
    }

    private static GitHubActionsReport gh(Path summary) {
        return GitHubActionsReport.detect(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString())::get)
                .orElseThrow();
    }
}
