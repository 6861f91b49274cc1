package io.sophia.report;

import io.sophia.core.Assessment;

import io.sophia.core.Secrets;
import io.sophia.report.internal.ReportSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>The four renames are not one atomic step: a reader that looks while they happen, or after a
 * process was killed among them, can see files of two runs side by side. So the files say which
 * run they belong to: the last line of report.md, report.html and junit.xml is a comment
 * {@code <!-- sophia-report-set sha256:HEX -->} naming the SHA-256 of the report.json written
 * with them (report.json itself is unchanged, and the same assessment still gives the same bytes).
 * {@link #read(Path)} finishes an interrupted write and checks that mark, so a reader gets one
 * run's set or a {@link MixedReportSetException}, never a mix.
 *
 * <p>Two writers of one directory, in two processes or two threads, take turns: a writer holds a lock
 * on {@code .sophia-lock} in the directory (a hidden empty file that stays) from its first to its last
 * rename, and another one waits for it, {@link #DEFAULT_LOCK_WAIT} unless told otherwise, then fails
 * with {@link ReportSetBusyException} having written nothing. So their renames never interleave.
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

    /**
     * How long a write waits for another writer of the same directory (10 s) before it fails with
     * {@link ReportSetBusyException}. Writing a set takes milliseconds; the margin is for a slow disk.
     */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(10);

    /** The word of the comment that ends report.md, report.html and junit.xml and names the set's report.json. */
    static final String SET_MARK = "sophia-report-set";
    /** The mark as the last line of a file (trailing whitespace allowed). */
    private static final Pattern MARK = Pattern.compile("<!-- " + SET_MARK + " (sha256:[0-9a-f]{64}) -->\\s*\\z");

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
        return writeAll(assessment, dir, redaction, DEFAULT_LOCK_WAIT);
    }

    /**
     * Writes the four reports into {@code dir} with {@code redaction}, as one set, waiting up to {@code lockWait}
     * while another writer writes into {@code dir}: see the class comment.
     *
     * @param assessment the assessment
     * @param dir        the output directory (created when missing)
     * @param redaction  the redaction applied to every text (see {@link Redaction})
     * @param lockWait   how long to wait for another writer of {@code dir}; zero fails at once when there is one
     * @return the paths written: report.md, report.json, report.html, junit.xml
     * @throws ReportSetBusyException when another writer still held {@code dir} after {@code lockWait}; nothing was
     *                                written
     * @throws ReportWriteException   when the set cannot be written; the previous set is intact
     */
    public static List<Path> writeAll(Assessment assessment, Path dir, Redaction redaction, Duration lockWait)
            throws IOException {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(redaction, "redaction");
        Objects.requireNonNull(lockWait, "lockWait");
        return writeAll(assessment, dir, redaction, ReportSet.Sink.DIRECT, lockWait);
    }

    /** {@link #writeAll(Assessment, Path, Redaction)} with the bytes going through {@code sink} (fault injection in tests). */
    static List<Path> writeAll(Assessment assessment, Path dir, Redaction redaction, ReportSet.Sink sink)
            throws ReportWriteException {
        return writeAll(assessment, dir, redaction, sink, DEFAULT_LOCK_WAIT);
    }

    /** {@link #writeAll(Assessment, Path, Redaction, Duration)} with the bytes going through {@code sink}. */
    static List<Path> writeAll(Assessment assessment, Path dir, Redaction redaction, ReportSet.Sink sink,
                               Duration lockWait) throws ReportWriteException {
        // everything is rendered before the disk is touched: a rendering bug cannot leave a partial set
        Assessment safe = redaction.apply(assessment);
        Map<String, String> files = new LinkedHashMap<>();
        String json = JsonReport.render(safe, redaction);
        String mark = mark(setOf(json));
        files.put(MARKDOWN, marked(MarkdownReport.render(safe, FILE_NAMES, redaction), mark));
        files.put(JSON, json);
        files.put(HTML, marked(HtmlReport.render(safe, FILE_NAMES, redaction), mark));
        files.put(JUNIT, marked(JUnitXmlReport.render(safe, redaction), mark));
        try {
            return ReportSet.write(dir, files, sink, lockWait);
        } catch (ReportSet.Busy e) {
            throw new ReportSetBusyException(dir, e.waited(), null);
        } catch (IOException e) {
            throw new ReportWriteException(dir, reason(e), e);
        }
    }

    /**
     * Finishes or discards what a write interrupted by a killed process left in {@code dir}, so
     * that the directory holds one whole set again. {@link #writeAll} does this first on its own (and
     * logs each leftover as a {@link System.Logger} warning); a reader that wants a consistent set
     * after a crash calls it before reading.
     *
     * @param dir the output directory (created when missing)
     * @return one sentence per leftover found, naming its temporary directory and what was done with it, for a
     *         warning (a killed run is worth knowing about); empty when there was none, the usual case
     * @throws ReportWriteException None
     */
    public static List<String> recover(Path dir) throws ReportWriteException {
        try {
            return ReportSet.recover(dir);
        } catch (IOException e) {
            throw new ReportWriteException(dir, reason(e), e);
        }
    }

    /**
     * Reads the set in {@code dir} as one run wrote it: first finishes what an interrupted write left
     * (as {@link #recover(Path)}; a write still in progress in another process is left alone), then
     * checks that report.md, report.html and junit.xml name the report.json beside them. When they do
     * not (another process is renaming its set into place this instant), it reads again, up to three
     * times, 20 ms apart. A set written before files carried the mark (none of them has one) is
     * returned as it is.
     *
     * @param dir the output directory
     * @return the text of the four files by name, in the order of {@link #FILE_NAMES}
     * @throws MixedReportSetException when the files still come from different runs
     * @throws IOException when a file is missing or cannot be read, or the recovery fails
     */
    public static Map<String, String> read(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        for (int attempt = 1; ; attempt++) {
            recover(dir);
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : FILE_NAMES) {
                files.put(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
            }
            String stray = strayFile(files);
            if (stray == null) {
                return Collections.unmodifiableMap(files);
            }
            if (attempt == 3) {
                throw new MixedReportSetException(dir, stray);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading the report set in " + dir);
            }
        }
    }

    /** The first file whose set mark does not name the report.json beside it, or null when all agree. */
    private static String strayFile(Map<String, String> files) {
        String expected = setOf(files.get(JSON));
        List<String> marked = new ArrayList<>();
        List<String> strays = new ArrayList<>();
        for (String name : List.of(MARKDOWN, HTML, JUNIT)) {
            String text = files.get(name);
            Matcher m = MARK.matcher(text.substring(Math.max(0, text.length() - 200)));
            if (m.find()) {
                marked.add(name);
                if (!m.group(1).equals(expected)) {
                    strays.add(name);
                }
            } else {
                strays.add(name);
            }
        }
        if (marked.isEmpty()) {
            return null; // written before the mark existed: nothing to check against
        }
        return strays.isEmpty() ? null : strays.get(0);
    }

    /** {@code sha256:} and the hex SHA-256 of report.json's UTF-8 bytes. */
    static String setOf(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String mark(String set) {
        return "<!-- " + SET_MARK + " " + set + " -->\n";
    }

    private static String marked(String text, String mark) {
        return text.endsWith("\n") ? text + mark : text + "\n" + mark;
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        String what = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        return Secrets.patterns().cut(what.replaceAll("\\s+", " "), 300);
    }
}
