package io.sophia.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The report set could not be written into its directory (not writable, disk full, a file in
 * the way). The previous set in the directory is intact and no temporary file is left behind.
 * The command line maps it to exit code 73 ({@code EX_CANTCREAT}).
 *
 * <p>The message names the directory and the reason, never a report's content. One case has a type of its own:
 * {@link ReportSetBusyException}, another writer held the directory for longer than this one waited (the same exit code
 * 73 on the command line, with a message that says so).
 *
 * <p>Stability: public API.
 */
public sealed class ReportWriteException extends IOException permits ReportSetBusyException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    /**
     * @param directory the output directory
     * @param reason    what went wrong, in words
     * @param cause     the underlying I/O error, or null
     */
    public ReportWriteException(Path directory, String reason, Throwable cause) {
        super("cannot write the reports into " + directory + ": " + reason
                + (cause instanceof io.sophia.report.internal.ReportSet.UnfinishedMove
                        ? " (the new set is committed; ReportFiles.recover or the next write finishes moving it)"
                        : " (the previous reports there are unchanged)"), cause);
        this.directory = directory;
    }

    /** {@return the output directory} */
    public Path directory() {
        return directory;
    }
}
