package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An assessment rendered for GitHub Actions, for a host that runs in a workflow ({@code GITHUB_ACTIONS=true}):
 * the Markdown report appended to the job's step summary ({@code $GITHUB_STEP_SUMMARY}) and {@code ::error}/
 * {@code ::warning} workflow commands for the gate and the top cause, which GitHub shows as annotations on the run.
 *
 * <pre>{@code
 * List<Path> files = ReportFiles.writeAll(assessment, dir);
 * GitHubActionsReport.detect(System::getenv).ifPresent(gh -> gh.publish(assessment, files, System.out));
 * }</pre>
 *
 * <p>Every text comes from an assessment that is already redacted; it is stripped of control characters
 * and escaped by the workflow-command rules ({@code %}, CR and LF in the message; also {@code :} and
 * {@code ,} in properties), so remote text can neither start a command of its own nor break one.
 *
 * <p>Stability: public API.
 */
public final class GitHubActionsReport {

    /**
     * GitHub caps a step summary at 1 MiB; a longer one is rejected whole, so at most this many bytes of the
     * report are appended, with a line that says where the rest is.
     */
    public static final int SUMMARY_MAX_BYTES = 1_000_000;

    private final Path stepSummary;

    private GitHubActionsReport(Path stepSummary) {
        this.stepSummary = stepSummary;
    }

    /**
     * {@return the output for this environment, empty unless {@code GITHUB_ACTIONS} is {@code true}}
     *
     * @param env reads environment variables ({@code System::getenv})
     */
    public static Optional<GitHubActionsReport> detect(Function<String, String> env) {
        if (!"true".equals(env.apply("GITHUB_ACTIONS"))) {
            return Optional.empty();
        }
        String summary = env.apply("GITHUB_STEP_SUMMARY");
        Path path = null;
        if (summary != null && !summary.isBlank()) {
            try {
                path = Path.of(summary);
            } catch (InvalidPathException e) {
                path = null;
            }
        }
        return Optional.of(new GitHubActionsReport(path));
    }

    /**
     * Appends the report.md among {@code files} to the step summary (when the environment names one) and prints
     * the annotations of {@code assessment} on {@code out}. The annotations are printed whatever happens to the
     * step summary.
     *
     * @param assessment a redacted assessment
     * @param files      the report files written for it ({@link ReportFiles#writeAll})
     * @param out        the standard output, which the runner reads workflow commands from
     * @throws IOException when report.md cannot be read or the step summary cannot be appended to; the message
     *                     names neither path's contents nor the summary's location
     */
    public void publish(Assessment assessment, List<Path> files, PrintStream out) throws IOException {
        Objects.requireNonNull(assessment, "assessment");
        IOException failed = null;
        try {
            appendStepSummary(files);
        } catch (IOException e) {
            failed = e;
        }
        for (String line : annotations(assessment)) {
            out.println(line);
        }
        out.flush();
        if (failed != null) {
            throw failed;
        }
    }

    private void appendStepSummary(List<Path> files) throws IOException {
        String markdown = null;
        for (Path f : files) {
            if (f.getFileName() != null && f.getFileName().toString().equals(ReportFiles.MARKDOWN)) {
                try {
                    markdown = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    throw new IOException("cannot read " + ReportFiles.MARKDOWN + " for the step summary: "
                            + e.getClass().getSimpleName(), e);
                }
            }
        }
        if (stepSummary != null && markdown != null) {
            try {
                Files.writeString(stepSummary, capped(markdown), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot append to the step summary ($GITHUB_STEP_SUMMARY): "
                        + e.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * The workflow commands for an assessment: one for the gate (BLOCKED an error, WARN a warning, OPEN
     * none) and one for the top cause (at the gate's level; a notice when the gate is OPEN).
     *
     * @param a a redacted assessment
     * @return the {@code ::error}/{@code ::warning}/{@code ::notice} lines, escaped
     */
    public static List<String> annotations(Assessment a) {
        Objects.requireNonNull(a, "assessment");
        List<String> lines = new java.util.ArrayList<>();
        GateDecision gate = a.gate();
        String level = switch (gate.status()) {
            case BLOCKED -> "error";
            case WARN -> "warning";
            case OPEN -> null;
        };
        if (level != null) {
            String failed = gate.criteria().stream().filter(c -> c.outcome() != GateDecision.Outcome.PASS)
                    .map(c -> c.id() + " (" + c.value() + ")").reduce((x, y) -> x + ", " + y).orElse("");
            lines.add(command(level, "Sophia gate " + gate.status() + ": " + a.deployment(),
                    "Deployment gate " + gate.status() + " (score " + Math.round(gate.score()) + ")"
                            + (failed.isEmpty() ? "" : ": " + failed)));
        }
        Optional<RankedCause> top = a.topCause();
        if (top.isPresent()) {
            RankedCause c = top.get();
            String services = c.serviceIds().isEmpty() ? "" : " on " + String.join(", ", c.serviceIds());
            String evidence = c.explanation() == null || c.explanation().isBlank() ? "" : "\n" + c.explanation();
            lines.add(command(level == null ? "notice" : level, "Top cause: " + c.title(),
                    String.format(Locale.ROOT, "%s (%s) %.0f %%%s%s", c.title(), c.id(), c.probability() * 100,
                            services, evidence)));
        }
        return lines;
    }

    /** {@code ::level title=T::message}, escaped by the workflow-command rules. */
    static String command(String level, String title, String message) {
        return "::" + level + " title=" + escapeProperty(title) + "::" + escapeData(message);
    }

    /** The data of a workflow command: {@code %}, CR and LF escaped, other control characters dropped. */
    static String escapeData(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        String clean = stripControl(s);
        for (int i = 0; i < clean.length(); i++) {
            char ch = clean.charAt(i);
            switch (ch) {
                case '%' -> sb.append("%25");
                case '\r' -> sb.append("%0D");
                case '\n' -> sb.append("%0A");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A property value of a workflow command: as data, plus {@code :} and {@code ,}. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** Drops ANSI escape sequences and control characters other than CR and LF. */
    static String stripControl(String s) {
        // every escape sequence whole, 7-bit and 8-bit (C1 CSI, OSC): the one terminal filter (a C1 CSI dropped
        // alone left its parameters, "31m", in the annotation); a string sequence not ended on its line loses only its
        // introducer, so an unterminated one does not take the lines after it
        String noAnsi = java.util.Arrays.stream(s.split("\r", -1))
                .map(io.sophia.core.RemoteText::forTerminal)
                .collect(java.util.stream.Collectors.joining("\r")); // CR kept: escapeData writes it as %0D
        StringBuilder sb = new StringBuilder(noAnsi.length());
        noAnsi.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t' || !(Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT && cp != 0x200D)) {
                sb.appendCodePoint(cp == '\t' ? ' ' : cp);
            }
        });
        return sb.toString();
    }

    private static String capped(String markdown) {
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
        if (bytes.length <= SUMMARY_MAX_BYTES) {
            return text;
        }
        String note = "\n\n*(cut at " + SUMMARY_MAX_BYTES / 1000 + " kB, GitHub's step summary limit: "
                + "the whole report is report.md)*\n";
        // cut on a line boundary within the byte budget
        int budget = SUMMARY_MAX_BYTES - note.length() - 4;
        int end = 0;
        int bytesSoFar = 0;
        for (int i = 0; i < markdown.length(); ) {
            int cp = markdown.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytesSoFar + len > budget) {
                break;
            }
            bytesSoFar += len;
            i += Character.charCount(cp);
            if (cp == '\n') {
                end = i;
            }
        }
        return markdown.substring(0, end) + note;
    }
}
