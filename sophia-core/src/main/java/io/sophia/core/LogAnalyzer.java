package io.sophia.core;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Reads one log as a stream and returns the lines that matter. Probes that fetch logs (CI job
 * logs) hand them to an analyzer instead of holding them in memory.
 */
@FunctionalInterface
public interface LogAnalyzer {

    /**
     * Where a log comes from.
     *
     * @param source    what read the log ({@link Source#GITHUB}, {@link Source#LOG} …)
     * @param serviceId the service the job deploys, or null
     * @param jobId     CI job id, 0 when not a CI job
     * @param jobName   CI job name, or null
     * @param steps     the job's steps, to attribute lines to steps; may be empty
     */
    record LogOrigin(Source source, String serviceId, long jobId, String jobName, List<Observation.CiStep> steps) {
        /**
         * Canonical constructor: copies the collections, so the record is immutable.
         *
         * @param source    what read the log ({@link Source#GITHUB}, {@link Source#LOG} …)
         * @param serviceId the service the job deploys, or null
         * @param jobId     CI job id, 0 when not a CI job
         * @param jobName   CI job name, or null
         * @param steps     the job's steps, to attribute lines to steps; may be empty
         */
        public LogOrigin {
            steps = List.copyOf(java.util.Objects.requireNonNullElse(steps, List.of()));
        }
    }

    /**
     * Scans {@code log} to its end (or the analyzer's own cap) and returns findings, best first.
     *
     * @param origin where the log comes from (job, steps)
     * @param log the log text; not closed
     * @return the findings, best first
     * @throws IOException when reading {@code log} fails
     */
    List<Observation.LogFinding> analyze(LogOrigin origin, Reader log) throws IOException;
}
