package io.sophia.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The report files in a directory do not come from one run: a file's set mark does not name the
 * report.json beside it (see {@link ReportFiles}). {@link ReportFiles#read(Path)} throws it when
 * the mix persists while it reads, which happens when another process is moving its set into place
 * at that moment, or when a file was replaced by hand; reading again later gives one run's set.
 *
 * <p>The message names the directory and the file, never a report's content.
 *
 * <p>Stability: public API.
 */
public final class MixedReportSetException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    /** The file that does not belong to the run of the report.json beside it, e.g. {@code report.html}. */
    private final String file;

    /**
     * @param directory the output directory
     * @param file      the file that does not belong to the run of the report.json beside it
     */
    public MixedReportSetException(Path directory, String file) {
        super(file + " in " + directory + " does not belong to the run of the report.json beside it; a writer may be"
                + " moving its set into place: read again");
        this.directory = directory;
        this.file = file;
    }

    /** {@return the output directory} */
    public Path directory() {
        return directory;
    }

    /** {@return the file name that does not belong to report.json's run, e.g. {@code report.html}} */
    public String file() {
        return file;
    }
}
