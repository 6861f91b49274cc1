package io.sophia.report;

import io.sophia.core.Assessment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the four artifacts of an assessment into a directory: {@value #MARKDOWN},
 * {@value #JSON}, {@value #HTML} and {@value #JUNIT}. The Markdown and HTML reports list the
 * artifacts written. Each file is written to a temporary sibling first and then moved into
 * place, so a reader never sees half a report.
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
     * @throws IOException when {@code dir} cannot be created or a file cannot be written
     */
    public static List<Path> writeAll(Assessment assessment, Path dir) throws IOException {
        return writeAll(assessment, dir, Redaction.patterns());
    }

    /**
     * Writes the four reports into {@code dir} with {@code redaction} (add the values of secret env vars to it).
     *
     * @param assessment the assessment
     * @param dir the output directory (created when missing)
     * @param redaction the redaction applied to every text (see {@link Redaction})
     * @return the paths written: report.md, report.json, report.html, junit.xml
     * @throws IOException when {@code dir} cannot be created or a file cannot be written
     */
    public static List<Path> writeAll(Assessment assessment, Path dir, Redaction redaction) throws IOException {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(redaction, "redaction");
        Files.createDirectories(dir);
        Assessment safe = redaction.apply(assessment);
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve(MARKDOWN), MarkdownReport.render(safe, FILE_NAMES, redaction)));
        written.add(write(dir.resolve(JSON), JsonReport.render(safe, redaction)));
        written.add(write(dir.resolve(HTML), HtmlReport.render(safe, FILE_NAMES, redaction)));
        written.add(write(dir.resolve(JUNIT), JUnitXmlReport.render(safe, redaction)));
        return List.copyOf(written);
    }

    private static Path write(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
