package io.sophia.report;

import io.sophia.core.Assessment;

import io.sophia.core.Secrets;
import io.sophia.report.internal.ReportSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the four artifacts of an assessment into a directory: {@value #MARKDOWN},
 * {@value #JSON}, {@value #HTML} and {@value #JUNIT}. The Markdown and HTML reports list the
 * artifacts written.
 *
 * <p>The four files are written as a set: all of them come from the same run, even when the
 * process is killed while writing or the disk fills up. They are written and forced to disk in a
 * {@code .sophia-tmp-*} directory inside {@code dir}, then renamed into place; a failure before
 * that leaves the previous set untouched, removes the temporary files and throws
 * {@link ReportWriteException}. A write interrupted while renaming is finished by the next write
 * or by {@link #recover(Path)}.
 *
 * <p>Stability: public API.
 */
public final class ReportFiles {

    /** File name of the Markdown report. */
    public static final String MARKDOWN = "report.md";
    /** File name of the JSON report. */
    public static final String JSON = "report.json";
    /** File name of the HTML report. */
    public static final String HTML = "report.html";
    /** File name of the JUnit XML report. */
    public static final String JUNIT = "junit.xml";

    /** The artifact file names, in the order they are written and returned. */
    public static final List<String> FILE_NAMES = List.of(MARKDOWN, JSON, HTML, JUNIT);

    private ReportFiles() {
    }

    /**
     * Writes the four reports into {@code dir} (created when missing) with
     * {@link Redaction#patterns()}.
     *
     *
     * @param assessment the assessment
     * @param dir the output directory (created when missing)
     * @return the paths written: report.md, report.json, report.html, junit.xml
     * @throws ReportWriteException when the set cannot be written; the previous set is intact
     */
    public static List<Path> writeAll(Assessment assessment, Path dir) throws IOException {
        return writeAll(assessment, dir, Redaction.patterns());
    }

    /**
     * Writes the four reports into {@code dir} with {@code redaction} (add the values of secret env
     * vars to it), as one set: see the class comment.
     *
     *
     * @param assessment the assessment
     * @param dir the output directory (created when missing)
     * @param redaction the redaction applied to every text (see {@link Redaction})
     * @return the paths written: report.md, report.json, report.html, junit.xml
     * @throws ReportWriteException when the set cannot be written; the previous set is intact
     */
    public static List<Path> writeAll(Assessment assessment, Path dir, Redaction redaction) throws IOException {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(redaction, "redaction");
        return writeAll(assessment, dir, redaction, ReportSet.Sink.DIRECT);
    }

    /** {@link #writeAll(Assessment, Path, Redaction)} with the bytes going through {@code sink} (fault injection in tests). */
    static List<Path> writeAll(Assessment assessment, Path dir, Redaction redaction, ReportSet.Sink sink)
            throws ReportWriteException {
        // everything is rendered before the disk is touched: a rendering bug cannot leave a partial set
        Assessment safe = redaction.apply(assessment);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MARKDOWN, MarkdownReport.render(safe, FILE_NAMES, redaction));
        files.put(JSON, JsonReport.render(safe, redaction));
        files.put(HTML, HtmlReport.render(safe, FILE_NAMES, redaction));
        files.put(JUNIT, JUnitXmlReport.render(safe, redaction));
        try {
            return ReportSet.write(dir, files, sink);
        } catch (IOException e) {
            throw new ReportWriteException(dir, reason(e), e);
        }
    }

    /**
     * Finishes or discards what a write interrupted by a killed process left in {@code dir}, so
     * that the directory holds one whole set again. {@link #writeAll} does this first on its own;
     * a reader that wants a consistent set after a crash calls it before reading.
     *
     * @param dir the output directory (created when missing)
     * @throws ReportWriteException None
     */
    public static void recover(Path dir) throws ReportWriteException {
        try {
            ReportSet.recover(dir);
        } catch (IOException e) {
            throw new ReportWriteException(dir, reason(e), e);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        String what = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        return Secrets.patterns().cut(what.replaceAll("\\s+", " "), 300);
    }
}
