package io.sophia.examples.cli;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import io.sophia.report.ReportFiles;

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
 * What the CLI adds when it runs inside GitHub Actions ({@code GITHUB_ACTIONS=true}), with or without
 * Sophia's action: the Markdown report appended to the job's step summary ({@code $GITHUB_STEP_SUMMARY})
 * and {@code ::error}/{@code ::warning} workflow commands for the gate and the top cause, which GitHub
 * shows as annotations on the run.
 *
 * <p>Every text comes from an assessment that is already redacted; it is stripped of control characters
 * and escaped by the workflow-command rules ({@code %}, CR and LF in the message; also {@code :} and
 * {@code ,} in properties), so remote text can neither start a command of its own nor break one.
 */
public final class GitHubActionsOutput {

    /**
     * GitHub caps a step summary at 1 MiB; a longer one is rejected whole, so Sophia appends at most this
     * many bytes of its report and says where the rest is.
     */
    static final int SUMMARY_MAX_BYTES = 1_000_000;

    private final Path stepSummary;

    private GitHubActionsOutput(Path stepSummary) {
        this.stepSummary = stepSummary;
    }

    /**
     * {@return the output for this environment, empty unless {@code GITHUB_ACTIONS} is {@code true}}
     *
     * @param env reads environment variables
     */
    public static Optional<GitHubActionsOutput> detect(Function<String, String> env) {
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
        return Optional.of(new GitHubActionsOutput(path));
    }

    /**
     * Appends the report.md among {@code files} to the step summary and prints the annotations of
     * {@code assessment} on {@code out}; a step summary that cannot be read or written is reported on
     * {@code err} and changes nothing else (the exit code stays the gate's).
     *
     * @param assessment a redacted assessment
     * @param files      the report files written for it ({@link ReportFiles#writeAll})
     * @param out        the standard output, which the runner reads workflow commands from
     * @param err        warnings
     */
    public void publish(Assessment assessment, List<Path> files, PrintStream out, PrintStream err) {
        String markdown = null;
        for (Path f : files) {
            if (f.getFileName() != null && f.getFileName().toString().equals(ReportFiles.MARKDOWN)) {
                try {
                    markdown = Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    err.println("sophia: cannot read " + ReportFiles.MARKDOWN + " for the step summary: "
                            + e.getClass().getSimpleName());
                }
            }
        }
        Objects.requireNonNull(assessment, "assessment");
        if (stepSummary != null && markdown != null) {
            try {
                Files.writeString(stepSummary, capped(markdown), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException | RuntimeException e) {
                err.println("sophia: cannot append to the step summary ($GITHUB_STEP_SUMMARY): "
                        + e.getClass().getSimpleName());
            }
        }
        for (String line : annotations(assessment)) {
            out.println(line);
        }
        out.flush();
    }

    /**
     * The workflow commands for an assessment: one for the gate (BLOCKED an error, WARN a warning, OPEN
     * none) and one for the top cause (at the gate's level; a notice when the gate is OPEN).
     */
    static List<String> annotations(Assessment a) {
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
        // CSI sequences (colours, cursor moves), then OSC sequences (titles, hyperlinks) up to BEL or ST
        String noAnsi = s.replaceAll("\u001B\\[[0-?]*[ -/]*[@-~]", "")
                .replaceAll("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?", "");
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
