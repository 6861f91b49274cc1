package io.sophia.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a probe saw. The family is closed so that a {@code switch} over it is checked by the
 * compiler; every kind is a record and carries the id of the service it concerns ({@code null}
 * when it concerns the deployment as a whole, such as a CI run) and the source that produced it
 * ({@code http}, {@code mcp}, {@code tcp}, {@code dns}, {@code tls}, {@code github}, {@code fly}, or a
 * host's own name).
 */
public sealed interface Observation {

    /** {@return the service this observation concerns, or {@code null} for the deployment as a whole} */
    String serviceId();

    /** {@return the probe family that produced it} */
    String source();

    /** Timing phases of one HTTP exchange, like blackbox_exporter's; a phase not measured is null. */
    record Timing(Duration dns, Duration connect, Duration tls, Duration firstByte, Duration transfer) {
        /** No phase timed. */
        public static final Timing NONE = new Timing(null, null, null, null, null);
    }

    /**
     * An HTTP answer.
     *
     * @param statusCode  the status code
     * @param latency     time from request start to the complete body
     * @param bodyExcerpt the first bytes of the body, capped (never the whole body)
     * @param contentType the Content-Type header, or null
     * @param version     the deployed version the service reported, or null
     * @param timing      phase breakdown, {@link Timing#NONE} when not measured
     */
    record HttpCheck(String serviceId, String source, String url, int statusCode, Duration latency,
                     String bodyExcerpt, String contentType, String version, Timing timing) implements Observation {
        /** Canonical constructor: normalises the components. */
        public HttpCheck {
            timing = Objects.requireNonNullElse(timing, Timing.NONE);
        }
    }

    /**
     * A probe that got no usable answer.
     *
     * @param target     what was probed (a url, host:port, an API path), never with credentials
     * @param kind       the precise failure
     * @param detail     one line for a human, already free of secrets
     * @param httpStatus the HTTP status when one came back, else null
     * @param elapsed    how long the probe tried
     * @param attempts   how many attempts were made
     */
    record ProbeFailure(String serviceId, String source, String target, FailureKind kind, String detail,
                        Integer httpStatus, Duration elapsed, int attempts) implements Observation {
    }

    /** A satisfied or violated expectation ({@code [STATUS] == 200}, {@code [BODY].status == ok}). */
    record ConditionCheck(String serviceId, String source, String condition, boolean passed, String actual)
            implements Observation {
    }

    /** A TCP connect that succeeded. */
    record TcpConnect(String serviceId, String source, String host, int port, Duration latency) implements Observation {
    }

    /** A name that resolved. */
    record DnsResolution(String serviceId, String source, String host, List<String> addresses, Duration latency)
            implements Observation {
        /** Canonical constructor: copies the collections, so the record is immutable. */
        public DnsResolution {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * A completed TLS handshake and what the leaf certificate says.
     *
     * @param daysToExpiry    whole days from the probe's clock to notAfter (negative when expired)
     * @param hostnameMatches the certificate names the host
     * @param selfSigned      the leaf is its own issuer
     * @param trusted         the chain validated against the JDK's trust store
     */
    record TlsHandshake(String serviceId, String source, String host, int port, String protocol, String cipher,
                        String subject, String issuer, Instant notBefore, Instant notAfter, long daysToExpiry,
                        boolean hostnameMatches, boolean selfSigned, boolean trusted, int chainLength)
            implements Observation {
    }

    /** An MCP server that completed the handshake (or discovery) and listed its tools. */
    record McpHandshake(String serviceId, String source, String protocolVersion, String era, String serverName,
                        String serverVersion, List<String> capabilities, int toolCount, Duration latency)
            implements Observation {
        /** Canonical constructor: copies the collections, so the record is immutable. */
        public McpHandshake {
            capabilities = List.copyOf(capabilities);
        }
    }

    /**
     * A CI workflow run.
     *
     * @param status     queued, in_progress, completed …
     * @param conclusion success, failure, cancelled, timed_out, startup_failure … or null while running
     */
    record CiRun(String serviceId, String source, String repository, long runId, String workflowName,
                 String headBranch, String headSha, String event, String status, String conclusion,
                 int runAttempt, Instant createdAt, Instant updatedAt, String htmlUrl) implements Observation {
        /** {@return wall time from creation to the last update, or null} */
        public Duration duration() {
            return createdAt == null || updatedAt == null ? null : Duration.between(createdAt, updatedAt);
        }
    }

    /** One step of a CI job. */
    record CiStep(int number, String name, String status, String conclusion, Instant startedAt, Instant completedAt) {
        /** {@return from start to completion, or null while either is unknown} */
        public Duration duration() {
            return startedAt == null || completedAt == null ? null : Duration.between(startedAt, completedAt);
        }
    }

    /**
     * A CI job with its steps. {@code serviceId} is set when the job deploys one service (matched by
     * the probe from the job name), else null.
     */
    record CiJob(String serviceId, String source, long runId, long jobId, String name, String status,
                 String conclusion, int runAttempt, Instant startedAt, Instant completedAt, String runnerName,
                 List<String> labels, List<CiStep> steps, String htmlUrl) implements Observation {
        /** Canonical constructor: copies the collections, so the record is immutable. */
        public CiJob {
            labels = List.copyOf(Objects.requireNonNullElse(labels, List.of()));
            steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
        }

        /** {@return from start to completion, or null while either is unknown} */
        public Duration duration() {
            return startedAt == null || completedAt == null ? null : Duration.between(startedAt, completedAt);
        }

        /** {@return the first step that concluded {@code failure}, or null} */
        public CiStep failedStep() {
            return steps.stream().filter(s -> "failure".equals(s.conclusion())).findFirst().orElse(null);
        }
    }

    /** A check-run annotation of a CI job (they often hold the exact error). */
    record CiAnnotation(String serviceId, String source, long jobId, String level, String title, String message,
                        String path, Integer line) implements Observation {
    }

    /** A job log that was read (streamed) in full or up to a cap. */
    record CiLogRead(String serviceId, String source, long jobId, long bytes, long lines, boolean truncated)
            implements Observation {
    }

    /**
     * A line of a log that an indication matched.
     *
     * @param jobId       the CI job, or 0 when the log is not a CI job's
     * @param step        the step the line belongs to, or null when unknown
     * @param lineNumber  1-based line number in the log
     * @param indicationId the indication that matched
     * @param causeId     the root cause the indication belongs to
     * @param line        the matched line, ANSI codes and timestamp stripped (untrusted text)
     * @param context     a few lines around it
     * @param score       how strongly this finding explains the failure, in [0,1]; findings are ranked by it
     */
    record LogFinding(String serviceId, String source, long jobId, String jobName, String step, long lineNumber,
                      String indicationId, String causeId, String line, List<String> context, double score)
            implements Observation {
        /** Canonical constructor: copies the collections, so the record is immutable. */
        public LogFinding {
            context = List.copyOf(Objects.requireNonNullElse(context, List.of()));
        }
    }

    /** A health check of a platform machine. */
    record MachineCheck(String name, String status, String output) {
    }

    /** An event of a platform machine (start, exit, launch failure, restart …). */
    record MachineEvent(String type, String status, String source, Instant timestamp, Integer exitCode,
                        Boolean oomKilled, String detail) {
    }

    /**
     * A machine of the hosting platform (Fly.io Machines API).
     *
     * @param state      created, starting, started, stopping, stopped, suspended, failed, destroyed, replacing …
     * @param stuck      a transient state that lasted too long
     * @param hostStatus ok, unknown, unreachable …, or null
     */
    record PlatformMachine(String serviceId, String source, String app, String machineId, String name, String state,
                           boolean stuck, String region, String imageRef, String hostStatus,
                           List<MachineCheck> checks, List<MachineEvent> events, Instant updatedAt)
            implements Observation {
        /** Canonical constructor: copies the collections, so the record is immutable. */
        public PlatformMachine {
            checks = List.copyOf(Objects.requireNonNullElse(checks, List.of()));
            events = List.copyOf(Objects.requireNonNullElse(events, List.of()));
        }
    }
}
