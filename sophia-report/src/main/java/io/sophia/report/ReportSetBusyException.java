package io.sophia.report;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Another writer (another Sophia process, or another thread of this one) was writing its report set into the same
 * directory for longer than this write was allowed to wait ({@link ReportFiles#writeAll(io.sophia.core.Assessment,
 * Path, Redaction, Duration)}). Two writers of one directory take turns, so their files never mix; this one wrote
 * nothing, and the directory holds the other writer's whole set, or the previous one. Writing again later succeeds.
 * The command line maps it to exit code 73, as any output directory it cannot write (try again).
 *
 * <p>The message names the directory and how long the write waited, never a report's content.
 *
 * <p>Stability: public API.
 */
public final class ReportSetBusyException extends ReportWriteException {

    private static final long serialVersionUID = 1L;

    private final transient Duration waited;

    /**
     * @param directory the output directory
     * @param waited    how long this write waited for the other writer
     * @param cause     the underlying error, or null
     */
    public ReportSetBusyException(Path directory, Duration waited, Throwable cause) {
        super(directory, "another writer was still writing reports there after " + waited.toMillis()
                + " ms, the longest this write waits; try again when it is done", cause);
        this.waited = waited;
    }

    /** {@return how long this write waited for the other writer} */
    public Duration waited() {
        return waited;
    }
}
