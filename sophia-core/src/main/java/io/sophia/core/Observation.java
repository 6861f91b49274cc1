package io.sophia.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a probe saw. The family is closed so that a {@code switch} over it is checked by the
 * compiler; every kind is a record and carries the id of the service it concerns ({@code null}
 * when it concerns the deployment as a whole, such as a CI run) and the {@link Source} that
 * produced it.
 *
 * <p>Most strings of an observation come from remote sources, so every kind bounds them when it is
 * built ({@link RemoteText#name(String)}, {@link RemoteText#text(String)}, at most
 * {@link RemoteText#MAX_ITEMS} list items): whoever builds one, a megabyte name is never stored.
 */
public sealed interface Observation {

    /** {@return the service this observation concerns, or {@code null} for the deployment as a whole} */
    String serviceId();

    /** {@return the probe family (or input) that produced it; null only in hand-built observations} */
    Source source();

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
     * @param protocol    the HTTP version the exchange used, as its ALPN identifier ({@code http/1.0},
     *                    {@code http/1.1}, {@code h2}; {@code h2c} for HTTP/2 without TLS), or null when not
     *                    known (an observation built by hand, or read from a report written before 1.0 had it)
     */
    record HttpCheck(String serviceId, Source source, String url, int statusCode, Duration latency,
                     String bodyExcerpt, String contentType, String version, Timing timing, String protocol)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId   the service it concerns, or null for the deployment as a whole
         * @param source      the probe family that produced it
         * @param url         as {@link #url()}
         * @param statusCode  the status code
         * @param latency     time from request start to the complete body
         * @param bodyExcerpt the first bytes of the body, capped (never the whole body)
         * @param contentType the Content-Type header, or null
         * @param version     the deployed version the service reported, or null
         * @param timing      phase breakdown, {@link Timing#NONE} when not measured
         * @param protocol    the HTTP version negotiated ({@code http/1.1}, {@code h2}, ...), or null
         */
        public HttpCheck {
            timing = Objects.requireNonNullElse(timing, Timing.NONE);
            serviceId = RemoteText.name(serviceId);
            url = RemoteText.text(url);
            bodyExcerpt = RemoteText.text(bodyExcerpt);
            contentType = RemoteText.name(contentType);
            version = RemoteText.name(version);
            protocol = RemoteText.name(protocol);
        }

        /**
         * {@return a builder of the answer {@code statusCode} from {@code url}}: latency, body, version and protocol
         * unknown (null) and {@link Timing#NONE} until set. A host's own probe builds its answers with it rather than
         * with the canonical constructor's ten positional components.
         *
         * <pre>{@code
         * HttpCheck ok = HttpCheck.builder("api", Source.HTTP, "https://api.example.com/health", 200)
         *         .latency(Duration.ofMillis(40)).body("{\"status\":\"ok\"}", "application/json").build();
         * }</pre>
         *
         * @param serviceId  the service it concerns, or null for the deployment as a whole
         * @param source     the probe family that produced it
         * @param url        what was asked, never with credentials
         * @param statusCode the status code
         */
        public static Builder builder(String serviceId, Source source, String url, int statusCode) {
            return new Builder(serviceId, source, url, statusCode);
        }

        /** The optional parts of an {@link HttpCheck}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final String url;
            private final int statusCode;
            private Duration latency;
            private String bodyExcerpt;
            private String contentType;
            private String version;
            private Timing timing = Timing.NONE;
            private String protocol;

            private Builder(String serviceId, Source source, String url, int statusCode) {
                this.serviceId = serviceId;
                this.source = source;
                this.url = url;
                this.statusCode = statusCode;
            }

            /**
             * @param latency time from request start to the complete body, or null when not measured
             * @return this builder
             */
            public Builder latency(Duration latency) {
                this.latency = latency;
                return this;
            }

            /**
             * @param excerpt     the first bytes of the body, capped (never the whole body), or null
             * @param contentType its Content-Type header, or null
             * @return this builder
             */
            public Builder body(String excerpt, String contentType) {
                this.bodyExcerpt = excerpt;
                this.contentType = contentType;
                return this;
            }

            /**
             * @param version the deployed version the service reported, or null
             * @return this builder
             */
            public Builder version(String version) {
                this.version = version;
                return this;
            }

            /**
             * @param timing the phase breakdown; null is {@link Timing#NONE}
             * @return this builder
             */
            public Builder timing(Timing timing) {
                this.timing = timing;
                return this;
            }

            /**
             * @param protocol the HTTP version negotiated ({@code http/1.1}, {@code h2}, ...), or null
             * @return this builder
             */
            public Builder protocol(String protocol) {
                this.protocol = protocol;
                return this;
            }

            /** {@return the answer} */
            public HttpCheck build() {
                return new HttpCheck(serviceId, source, url, statusCode, latency, bodyExcerpt, contentType, version,
                        timing, protocol);
            }
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
    record ProbeFailure(String serviceId, Source source, String target, FailureKind kind, String detail,
                        Integer httpStatus, Duration elapsed, int attempts) implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId  the service it concerns, or null for the deployment as a whole
         * @param source     the probe family that produced it
         * @param target     what was probed (a url, host:port, an API path), never with credentials
         * @param kind       the precise failure
         * @param detail     one line for a human, already free of secrets
         * @param httpStatus the HTTP status when one came back, else null
         * @param elapsed    how long the probe tried
         * @param attempts   how many attempts were made
         */
        public ProbeFailure {
            serviceId = RemoteText.name(serviceId);
            target = RemoteText.text(target);
            detail = RemoteText.text(detail);
        }

        /**
         * {@return a builder of the failure {@code kind} of probing {@code target}}: no detail or HTTP status
         * (null), {@link Duration#ZERO} elapsed and 1 attempt until set, in place of the canonical constructor's eight
         * positional components.
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param target    what was probed (a url, host:port, an API path), never with credentials
         * @param kind      the precise failure
         */
        public static Builder builder(String serviceId, Source source, String target, FailureKind kind) {
            return new Builder(serviceId, source, target, kind);
        }

        /** The optional parts of a {@link ProbeFailure}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final String target;
            private final FailureKind kind;
            private String detail;
            private Integer httpStatus;
            private Duration elapsed = Duration.ZERO;
            private int attempts = 1;

            private Builder(String serviceId, Source source, String target, FailureKind kind) {
                this.serviceId = serviceId;
                this.source = source;
                this.target = target;
                this.kind = kind;
            }

            /**
             * @param detail one line for a human, already free of secrets, or null
             * @return this builder
             */
            public Builder detail(String detail) {
                this.detail = detail;
                return this;
            }

            /**
             * @param httpStatus the HTTP status when one came back, else null
             * @return this builder
             */
            public Builder httpStatus(Integer httpStatus) {
                this.httpStatus = httpStatus;
                return this;
            }

            /**
             * @param elapsed how long the probe tried ({@link Duration#ZERO} unless set)
             * @return this builder
             */
            public Builder elapsed(Duration elapsed) {
                this.elapsed = elapsed;
                return this;
            }

            /**
             * @param attempts how many attempts were made (1 unless set)
             * @return this builder
             */
            public Builder attempts(int attempts) {
                this.attempts = attempts;
                return this;
            }

            /** {@return the failure} */
            public ProbeFailure build() {
                return new ProbeFailure(serviceId, source, target, kind, detail, httpStatus, elapsed, attempts);
            }
        }
    }

    /** A satisfied or violated expectation ({@code [STATUS] == 200}, {@code [BODY].status == ok}). */
    record ConditionCheck(String serviceId, Source source, String condition, boolean passed, String actual)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param condition as {@link #condition()}
         * @param passed    as {@link #passed()}
         * @param actual    as {@link #actual()}
         */
        public ConditionCheck {
            serviceId = RemoteText.name(serviceId);
            condition = RemoteText.text(condition);
            actual = RemoteText.text(actual);
        }
    }

    /** A TCP connect that succeeded. */
    record TcpConnect(String serviceId, Source source, String host, int port, Duration latency) implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param host      as {@link #host()}
         * @param port      as {@link #port()}
         * @param latency   as {@link #latency()}
         */
        public TcpConnect {
            serviceId = RemoteText.name(serviceId);
            host = RemoteText.name(host);
        }
    }

    /** A name that resolved. */
    record DnsResolution(String serviceId, Source source, String host, List<String> addresses, Duration latency)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param host      as {@link #host()}
         * @param addresses as {@link #addresses()}
         * @param latency   as {@link #latency()}
         */
        public DnsResolution {
            serviceId = RemoteText.name(serviceId);
            host = RemoteText.name(host);
            addresses = RemoteText.names(addresses);
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
    record TlsHandshake(String serviceId, Source source, String host, int port, String protocol, String cipher,
                        String subject, String issuer, Instant notBefore, Instant notAfter, long daysToExpiry,
                        boolean hostnameMatches, boolean selfSigned, boolean trusted, int chainLength)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId       the service it concerns, or null for the deployment as a whole
         * @param source          the probe family that produced it
         * @param host            as {@link #host()}
         * @param port            as {@link #port()}
         * @param protocol        as {@link #protocol()}
         * @param cipher          as {@link #cipher()}
         * @param subject         as {@link #subject()}
         * @param issuer          as {@link #issuer()}
         * @param notBefore       as {@link #notBefore()}
         * @param notAfter        as {@link #notAfter()}
         * @param daysToExpiry    whole days from the probe's clock to notAfter (negative when expired)
         * @param hostnameMatches the certificate names the host
         * @param selfSigned      the leaf is its own issuer
         * @param trusted         the chain validated against the JDK's trust store
         * @param chainLength     as {@link #chainLength()}
         */
        public TlsHandshake {
            serviceId = RemoteText.name(serviceId);
            host = RemoteText.name(host);
            protocol = RemoteText.name(protocol);
            cipher = RemoteText.name(cipher);
            subject = RemoteText.text(subject);
            issuer = RemoteText.text(issuer);
        }

        /**
         * {@return a builder of the handshake with {@code host:port}}: protocol, cipher, names and validity
         * unknown (null), 0 days to expiry, a chain of 0 and every flag false (hostname not matched, not
         * self-signed, not trusted) until set, in place of the canonical constructor's fifteen positional components.
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param host      the host connected to
         * @param port      its port
         */
        public static Builder builder(String serviceId, Source source, String host, int port) {
            return new Builder(serviceId, source, host, port);
        }

        /** The optional parts of a {@link TlsHandshake}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final String host;
            private final int port;
            private String protocol;
            private String cipher;
            private String subject;
            private String issuer;
            private Instant notBefore;
            private Instant notAfter;
            private long daysToExpiry = 0;
            private boolean hostnameMatches = false;
            private boolean selfSigned = false;
            private boolean trusted = false;
            private int chainLength = 0;

            private Builder(String serviceId, Source source, String host, int port) {
                this.serviceId = serviceId;
                this.source = source;
                this.host = host;
                this.port = port;
            }

            /**
             * @param protocol the TLS version negotiated ({@code TLSv1.3} …), or null
             * @return this builder
             */
            public Builder protocol(String protocol) {
                this.protocol = protocol;
                return this;
            }

            /**
             * @param cipher the cipher suite negotiated, or null
             * @return this builder
             */
            public Builder cipher(String cipher) {
                this.cipher = cipher;
                return this;
            }

            /**
             * @param subject the leaf certificate's subject, or null
             * @return this builder
             */
            public Builder subject(String subject) {
                this.subject = subject;
                return this;
            }

            /**
             * @param issuer the leaf certificate's issuer, or null
             * @return this builder
             */
            public Builder issuer(String issuer) {
                this.issuer = issuer;
                return this;
            }

            /**
             * @param notBefore the start of the leaf's validity, or null
             * @return this builder
             */
            public Builder notBefore(Instant notBefore) {
                this.notBefore = notBefore;
                return this;
            }

            /**
             * @param notAfter the end of the leaf's validity, or null
             * @return this builder
             */
            public Builder notAfter(Instant notAfter) {
                this.notAfter = notAfter;
                return this;
            }

            /**
             * @param daysToExpiry whole days from the probe's clock to notAfter (negative when expired)
             * @return this builder
             */
            public Builder daysToExpiry(long daysToExpiry) {
                this.daysToExpiry = daysToExpiry;
                return this;
            }

            /**
             * @param hostnameMatches the certificate names the host
             * @return this builder
             */
            public Builder hostnameMatches(boolean hostnameMatches) {
                this.hostnameMatches = hostnameMatches;
                return this;
            }

            /**
             * @param selfSigned the leaf is its own issuer
             * @return this builder
             */
            public Builder selfSigned(boolean selfSigned) {
                this.selfSigned = selfSigned;
                return this;
            }

            /**
             * @param trusted the chain validated against the JDK's trust store
             * @return this builder
             */
            public Builder trusted(boolean trusted) {
                this.trusted = trusted;
                return this;
            }

            /**
             * @param chainLength how many certificates the server sent
             * @return this builder
             */
            public Builder chainLength(int chainLength) {
                this.chainLength = chainLength;
                return this;
            }

            /** {@return the handshake} */
            public TlsHandshake build() {
                return new TlsHandshake(serviceId, source, host, port, protocol, cipher, subject, issuer, notBefore,
                        notAfter, daysToExpiry, hostnameMatches, selfSigned, trusted, chainLength);
            }
        }
    }

    /** An MCP server that completed the handshake (or discovery) and listed its tools. */
    record McpHandshake(String serviceId, Source source, String protocolVersion, String era, String serverName,
                        String serverVersion, List<String> capabilities, int toolCount, Duration latency)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId       the service it concerns, or null for the deployment as a whole
         * @param source          the probe family that produced it
         * @param protocolVersion as {@link #protocolVersion()}
         * @param era             as {@link #era()}
         * @param serverName      as {@link #serverName()}
         * @param serverVersion   as {@link #serverVersion()}
         * @param capabilities    as {@link #capabilities()}
         * @param toolCount       as {@link #toolCount()}
         * @param latency         as {@link #latency()}
         */
        public McpHandshake {
            serviceId = RemoteText.name(serviceId);
            protocolVersion = RemoteText.name(protocolVersion);
            era = RemoteText.name(era);
            serverName = RemoteText.name(serverName);
            serverVersion = RemoteText.name(serverVersion);
            capabilities = RemoteText.names(capabilities);
        }

        /**
         * {@return a builder of an MCP server's handshake}: versions, era, name and latency unknown (null), no
         * capabilities and 0 tools until set, in place of the canonical constructor's nine positional components.
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         */
        public static Builder builder(String serviceId, Source source) {
            return new Builder(serviceId, source);
        }

        /** The optional parts of a {@link McpHandshake}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private String protocolVersion;
            private String era;
            private String serverName;
            private String serverVersion;
            private List<String> capabilities = List.of();
            private int toolCount = 0;
            private Duration latency;

            private Builder(String serviceId, Source source) {
                this.serviceId = serviceId;
                this.source = source;
            }

            /**
             * @param protocolVersion the MCP protocol version agreed, or null
             * @return this builder
             */
            public Builder protocolVersion(String protocolVersion) {
                this.protocolVersion = protocolVersion;
                return this;
            }

            /**
             * @param era the protocol era it belongs to, or null
             * @return this builder
             */
            public Builder era(String era) {
                this.era = era;
                return this;
            }

            /**
             * @param serverName the name the server gave, or null
             * @return this builder
             */
            public Builder serverName(String serverName) {
                this.serverName = serverName;
                return this;
            }

            /**
             * @param serverVersion the version the server gave, or null
             * @return this builder
             */
            public Builder serverVersion(String serverVersion) {
                this.serverVersion = serverVersion;
                return this;
            }

            /**
             * @param capabilities the capabilities it announced; null is none
             * @return this builder
             */
            public Builder capabilities(List<String> capabilities) {
                this.capabilities = capabilities;
                return this;
            }

            /**
             * @param toolCount how many tools it listed
             * @return this builder
             */
            public Builder toolCount(int toolCount) {
                this.toolCount = toolCount;
                return this;
            }

            /**
             * @param latency how long the handshake took, or null
             * @return this builder
             */
            public Builder latency(Duration latency) {
                this.latency = latency;
                return this;
            }

            /** {@return the handshake} */
            public McpHandshake build() {
                return new McpHandshake(serviceId, source, protocolVersion, era, serverName, serverVersion,
                        capabilities, toolCount, latency);
            }
        }
    }

    /**
     * A CI workflow run.
     *
     * @param status     queued, in_progress, completed …
     * @param conclusion success, failure, cancelled, timed_out, startup_failure … or null while running
     */
    record CiRun(String serviceId, Source source, String repository, long runId, String workflowName,
                 String headBranch, String headSha, String event, String status, String conclusion,
                 int runAttempt, Instant createdAt, Instant updatedAt, String htmlUrl) implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId    the service it concerns, or null for the deployment as a whole
         * @param source       the probe family that produced it
         * @param repository   as {@link #repository()}
         * @param runId        as {@link #runId()}
         * @param workflowName as {@link #workflowName()}
         * @param headBranch   as {@link #headBranch()}
         * @param headSha      as {@link #headSha()}
         * @param event        as {@link #event()}
         * @param status       queued, in_progress, completed …
         * @param conclusion   success, failure, cancelled, timed_out, startup_failure … or null while running
         * @param runAttempt   as {@link #runAttempt()}
         * @param createdAt    as {@link #createdAt()}
         * @param updatedAt    as {@link #updatedAt()}
         * @param htmlUrl      as {@link #htmlUrl()}
         */
        public CiRun {
            serviceId = RemoteText.name(serviceId);
            repository = RemoteText.name(repository);
            workflowName = RemoteText.name(workflowName);
            headBranch = RemoteText.name(headBranch);
            headSha = RemoteText.name(headSha);
            event = RemoteText.name(event);
            status = RemoteText.name(status);
            conclusion = RemoteText.name(conclusion);
            htmlUrl = RemoteText.text(htmlUrl);
        }

        /**
         * {@return a builder of run {@code runId} of {@code repository}}: attempt 1 and every other part unknown (null)
         * until set. A host that reads its own CI builds the run with it rather than with the canonical constructor's
         * fourteen positional components.
         *
         * @param serviceId  the service it concerns, or null for the deployment as a whole
         * @param source     the probe family that produced it
         * @param repository the repository, {@code owner/name}
         * @param runId      the run's id
         */
        public static Builder builder(String serviceId, Source source, String repository, long runId) {
            return new Builder(serviceId, source, repository, runId);
        }

        /** The optional parts of a {@link CiRun}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final String repository;
            private final long runId;
            private String workflowName;
            private String headBranch;
            private String headSha;
            private String event;
            private String status;
            private String conclusion;
            private int runAttempt = 1;
            private Instant createdAt;
            private Instant updatedAt;
            private String htmlUrl;

            private Builder(String serviceId, Source source, String repository, long runId) {
                this.serviceId = serviceId;
                this.source = source;
                this.repository = repository;
                this.runId = runId;
            }

            /**
             * @param workflowName the workflow's name, or null
             * @return this builder
             */
            public Builder workflowName(String workflowName) {
                this.workflowName = workflowName;
                return this;
            }

            /**
             * @param headBranch the branch the run is for, or null
             * @return this builder
             */
            public Builder headBranch(String headBranch) {
                this.headBranch = headBranch;
                return this;
            }

            /**
             * @param headSha the commit the run is for, or null
             * @return this builder
             */
            public Builder headSha(String headSha) {
                this.headSha = headSha;
                return this;
            }

            /**
             * @param event what triggered it ({@code push}, {@code workflow_dispatch} …), or null
             * @return this builder
             */
            public Builder event(String event) {
                this.event = event;
                return this;
            }

            /**
             * @param status queued, in_progress, completed …, or null
             * @return this builder
             */
            public Builder status(String status) {
                this.status = status;
                return this;
            }

            /**
             * @param conclusion success, failure, cancelled, timed_out, startup_failure … or null while running
             * @return this builder
             */
            public Builder conclusion(String conclusion) {
                this.conclusion = conclusion;
                return this;
            }

            /**
             * @param runAttempt the attempt, 1 for the first (the default)
             * @return this builder
             */
            public Builder runAttempt(int runAttempt) {
                this.runAttempt = runAttempt;
                return this;
            }

            /**
             * @param createdAt when the run was created, or null
             * @return this builder
             */
            public Builder createdAt(Instant createdAt) {
                this.createdAt = createdAt;
                return this;
            }

            /**
             * @param updatedAt when the run was last updated, or null
             * @return this builder
             */
            public Builder updatedAt(Instant updatedAt) {
                this.updatedAt = updatedAt;
                return this;
            }

            /**
             * @param htmlUrl the run for a browser, or null
             * @return this builder
             */
            public Builder htmlUrl(String htmlUrl) {
                this.htmlUrl = htmlUrl;
                return this;
            }

            /** {@return the run} */
            public CiRun build() {
                return new CiRun(serviceId, source, repository, runId, workflowName, headBranch, headSha, event, status,
                        conclusion, runAttempt, createdAt, updatedAt, htmlUrl);
            }
        }

        /** {@return wall time from creation to the last update, or null} */
        public Duration duration() {
            return createdAt == null || updatedAt == null ? null : Duration.between(createdAt, updatedAt);
        }
    }

    /** One step of a CI job. */
    record CiStep(int number, String name, String status, String conclusion, Instant startedAt, Instant completedAt) {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param number      as {@link #number()}
         * @param name        as {@link #name()}
         * @param status      as {@link #status()}
         * @param conclusion  as {@link #conclusion()}
         * @param startedAt   as {@link #startedAt()}
         * @param completedAt as {@link #completedAt()}
         */
        public CiStep {
            name = RemoteText.name(name);
            status = RemoteText.name(status);
            conclusion = RemoteText.name(conclusion);
        }

        /** {@return from start to completion, or null while either is unknown} */
        public Duration duration() {
            return startedAt == null || completedAt == null ? null : Duration.between(startedAt, completedAt);
        }
    }

    /**
     * A CI job with its steps. {@code serviceId} is set when the job deploys one service (matched by
     * the probe from the job name), else null.
     */
    record CiJob(String serviceId, Source source, long runId, long jobId, String name, String status,
                 String conclusion, int runAttempt, Instant startedAt, Instant completedAt, String runnerName,
                 List<String> labels, List<CiStep> steps, String htmlUrl) implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId   the service it concerns, or null for the deployment as a whole
         * @param source      the probe family that produced it
         * @param runId       as {@link #runId()}
         * @param jobId       as {@link #jobId()}
         * @param name        as {@link #name()}
         * @param status      as {@link #status()}
         * @param conclusion  as {@link #conclusion()}
         * @param runAttempt  as {@link #runAttempt()}
         * @param startedAt   as {@link #startedAt()}
         * @param completedAt as {@link #completedAt()}
         * @param runnerName  as {@link #runnerName()}
         * @param labels      as {@link #labels()}
         * @param steps       as {@link #steps()}
         * @param htmlUrl     as {@link #htmlUrl()}
         */
        public CiJob {
            serviceId = RemoteText.name(serviceId);
            name = RemoteText.name(name);
            status = RemoteText.name(status);
            conclusion = RemoteText.name(conclusion);
            runnerName = RemoteText.name(runnerName);
            htmlUrl = RemoteText.text(htmlUrl);
            labels = RemoteText.names(labels);
            steps = RemoteText.items(steps);
        }

        /**
         * {@return a builder of job {@code jobId} of run {@code runId}}: attempt 1, no labels or steps and every
         * other part unknown (null) until set, in place of the canonical constructor's fourteen positional components.
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param runId     the run it belongs to
         * @param jobId     the job's id
         */
        public static Builder builder(String serviceId, Source source, long runId, long jobId) {
            return new Builder(serviceId, source, runId, jobId);
        }

        /** The optional parts of a {@link CiJob}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final long runId;
            private final long jobId;
            private String name;
            private String status;
            private String conclusion;
            private int runAttempt = 1;
            private Instant startedAt;
            private Instant completedAt;
            private String runnerName;
            private List<String> labels = List.of();
            private List<CiStep> steps = List.of();
            private String htmlUrl;

            private Builder(String serviceId, Source source, long runId, long jobId) {
                this.serviceId = serviceId;
                this.source = source;
                this.runId = runId;
                this.jobId = jobId;
            }

            /**
             * @param name the job's name, or null
             * @return this builder
             */
            public Builder name(String name) {
                this.name = name;
                return this;
            }

            /**
             * @param status queued, in_progress, completed …, or null
             * @return this builder
             */
            public Builder status(String status) {
                this.status = status;
                return this;
            }

            /**
             * @param conclusion success, failure, cancelled, skipped … or null while running
             * @return this builder
             */
            public Builder conclusion(String conclusion) {
                this.conclusion = conclusion;
                return this;
            }

            /**
             * @param runAttempt the run attempt it belongs to, 1 for the first (the default)
             * @return this builder
             */
            public Builder runAttempt(int runAttempt) {
                this.runAttempt = runAttempt;
                return this;
            }

            /**
             * @param startedAt when it started, or null
             * @return this builder
             */
            public Builder startedAt(Instant startedAt) {
                this.startedAt = startedAt;
                return this;
            }

            /**
             * @param completedAt when it completed, or null
             * @return this builder
             */
            public Builder completedAt(Instant completedAt) {
                this.completedAt = completedAt;
                return this;
            }

            /**
             * @param runnerName the runner that ran it, or null
             * @return this builder
             */
            public Builder runnerName(String runnerName) {
                this.runnerName = runnerName;
                return this;
            }

            /**
             * @param labels the runner labels it asked for; null is none
             * @return this builder
             */
            public Builder labels(List<String> labels) {
                this.labels = labels;
                return this;
            }

            /**
             * @param steps its steps in order; null is none
             * @return this builder
             */
            public Builder steps(List<CiStep> steps) {
                this.steps = steps;
                return this;
            }

            /**
             * @param htmlUrl the job for a browser, or null
             * @return this builder
             */
            public Builder htmlUrl(String htmlUrl) {
                this.htmlUrl = htmlUrl;
                return this;
            }

            /** {@return the job} */
            public CiJob build() {
                return new CiJob(serviceId, source, runId, jobId, name, status, conclusion, runAttempt, startedAt,
                        completedAt, runnerName, labels, steps, htmlUrl);
            }
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
    record CiAnnotation(String serviceId, Source source, long jobId, String level, String title, String message,
                        String path, Integer line) implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param jobId     as {@link #jobId()}
         * @param level     as {@link #level()}
         * @param title     as {@link #title()}
         * @param message   as {@link #message()}
         * @param path      as {@link #path()}
         * @param line      as {@link #line()}
         */
        public CiAnnotation {
            serviceId = RemoteText.name(serviceId);
            level = RemoteText.name(level);
            title = RemoteText.name(title);
            message = RemoteText.text(message);
            path = RemoteText.text(path);
        }

        /**
         * {@return a builder of an annotation of job {@code jobId}}: level, title, message, path and line
         * unknown (null) until set, in place of the canonical constructor's eight positional components.
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param jobId     the CI job it annotates
         */
        public static Builder builder(String serviceId, Source source, long jobId) {
            return new Builder(serviceId, source, jobId);
        }

        /** The optional parts of a {@link CiAnnotation}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final long jobId;
            private String level;
            private String title;
            private String message;
            private String path;
            private Integer line;

            private Builder(String serviceId, Source source, long jobId) {
                this.serviceId = serviceId;
                this.source = source;
                this.jobId = jobId;
            }

            /**
             * @param level notice, warning or failure, or null
             * @return this builder
             */
            public Builder level(String level) {
                this.level = level;
                return this;
            }

            /**
             * @param title its title, or null
             * @return this builder
             */
            public Builder title(String title) {
                this.title = title;
                return this;
            }

            /**
             * @param message its message (often the exact error), or null
             * @return this builder
             */
            public Builder message(String message) {
                this.message = message;
                return this;
            }

            /**
             * @param path the file it points at, or null
             * @return this builder
             */
            public Builder path(String path) {
                this.path = path;
                return this;
            }

            /**
             * @param line the line it points at, or null
             * @return this builder
             */
            public Builder line(Integer line) {
                this.line = line;
                return this;
            }

            /** {@return the annotation} */
            public CiAnnotation build() {
                return new CiAnnotation(serviceId, source, jobId, level, title, message, path, line);
            }
        }
    }

    /** A job log that was read (streamed) in full or up to a cap. */
    record CiLogRead(String serviceId, Source source, long jobId, long bytes, long lines, boolean truncated)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param jobId     as {@link #jobId()}
         * @param bytes     as {@link #bytes()}
         * @param lines     as {@link #lines()}
         * @param truncated as {@link #truncated()}
         */
        public CiLogRead {
            serviceId = RemoteText.name(serviceId);
        }
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
    record LogFinding(String serviceId, Source source, long jobId, String jobName, String step, long lineNumber,
                      String indicationId, CauseId causeId, String line, List<String> context, double score)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId    the service it concerns, or null for the deployment as a whole
         * @param source       the probe family that produced it
         * @param jobId        the CI job, or 0 when the log is not a CI job's
         * @param jobName      as {@link #jobName()}
         * @param step         the step the line belongs to, or null when unknown
         * @param lineNumber   1-based line number in the log
         * @param indicationId the indication that matched
         * @param causeId      the root cause the indication belongs to
         * @param line         the matched line, ANSI codes and timestamp stripped (untrusted text)
         * @param context      a few lines around it
         * @param score        how strongly this finding explains the failure, in [0,1]; findings are ranked by it
         */
        public LogFinding {
            serviceId = RemoteText.name(serviceId);
            jobName = RemoteText.name(jobName);
            step = RemoteText.name(step);
            indicationId = RemoteText.name(indicationId);
            line = RemoteText.text(line);
            context = RemoteText.texts(context);
        }

        /**
         * {@return a builder of a line that indication {@code indicationId} of cause {@code causeId} matched}:
         * not a CI job's log (job 0, no job name), step and line unknown (null), line number 0, no context and score 1
         * until set, in place of the canonical constructor's eleven positional components.
         *
         * @param serviceId    the service it concerns, or null for the deployment as a whole
         * @param source       the probe family that produced it
         * @param indicationId the indication that matched
         * @param causeId      the root cause the indication belongs to
         */
        public static Builder builder(String serviceId, Source source, String indicationId, CauseId causeId) {
            return new Builder(serviceId, source, indicationId, causeId);
        }

        /** The optional parts of a {@link LogFinding}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final String indicationId;
            private final CauseId causeId;
            private long jobId = 0;
            private String jobName;
            private String step;
            private long lineNumber = 0;
            private String line;
            private List<String> context = List.of();
            private double score = 1.0;

            private Builder(String serviceId, Source source, String indicationId, CauseId causeId) {
                this.serviceId = serviceId;
                this.source = source;
                this.indicationId = indicationId;
                this.causeId = causeId;
            }

            /**
             * @param jobId the CI job, or 0 (the default) when the log is not a CI job's
             * @return this builder
             */
            public Builder jobId(long jobId) {
                this.jobId = jobId;
                return this;
            }

            /**
             * @param jobName the CI job's name, or null
             * @return this builder
             */
            public Builder jobName(String jobName) {
                this.jobName = jobName;
                return this;
            }

            /**
             * @param step the step the line belongs to, or null when unknown
             * @return this builder
             */
            public Builder step(String step) {
                this.step = step;
                return this;
            }

            /**
             * @param lineNumber 1-based line number in the log
             * @return this builder
             */
            public Builder lineNumber(long lineNumber) {
                this.lineNumber = lineNumber;
                return this;
            }

            /**
             * @param line the matched line, ANSI codes and timestamp stripped (untrusted text)
             * @return this builder
             */
            public Builder line(String line) {
                this.line = line;
                return this;
            }

            /**
             * @param context a few lines around it; null is none
             * @return this builder
             */
            public Builder context(List<String> context) {
                this.context = context;
                return this;
            }

            /**
             * @param score how strongly this finding explains the failure, in [0,1] (1 unless set)
             * @return this builder
             */
            public Builder score(double score) {
                this.score = score;
                return this;
            }

            /** {@return the finding} */
            public LogFinding build() {
                return new LogFinding(serviceId, source, jobId, jobName, step, lineNumber, indicationId, causeId, line,
                        context, score);
            }
        }
    }

    /** A health check of a platform machine. */
    record MachineCheck(String name, String status, String output) {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param name   as {@link #name()}
         * @param status as {@link #status()}
         * @param output as {@link #output()}
         */
        public MachineCheck {
            name = RemoteText.name(name);
            status = RemoteText.name(status);
            output = RemoteText.text(output);
        }
    }

    /** An event of a platform machine (start, exit, launch failure, restart …). */
    record MachineEvent(String type, String status, String source, Instant timestamp, Integer exitCode,
                        Boolean oomKilled, String detail) {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param type      as {@link #type()}
         * @param status    as {@link #status()}
         * @param source    the probe family that produced it
         * @param timestamp as {@link #timestamp()}
         * @param exitCode  as {@link #exitCode()}
         * @param oomKilled as {@link #oomKilled()}
         * @param detail    as {@link #detail()}
         */
        public MachineEvent {
            type = RemoteText.name(type);
            status = RemoteText.name(status);
            source = RemoteText.name(source);
            detail = RemoteText.text(detail);
        }
    }

    /**
     * A machine of the hosting platform (Fly.io Machines API).
     *
     * @param state      created, starting, started, stopping, stopped, suspended, failed, destroyed, replacing …
     * @param stuck      a transient state that lasted too long
     * @param hostStatus ok, unknown, unreachable …, or null
     * @param startedAt  the machine's last start: the newest {@code start} or {@code launch} event the platform
     *                   listed that did not fail (read before the events are capped), or null when it lists none
     */
    record PlatformMachine(String serviceId, Source source, String app, String machineId, String name, String state,
                           boolean stuck, String region, String imageRef, String hostStatus,
                           List<MachineCheck> checks, List<MachineEvent> events, Instant updatedAt, Instant startedAt)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId  the service it concerns, or null for the deployment as a whole
         * @param source     the probe family that produced it
         * @param app        as {@link #app()}
         * @param machineId  as {@link #machineId()}
         * @param name       as {@link #name()}
         * @param state      created, starting, started, stopping, stopped, suspended, failed, destroyed, replacing …
         * @param stuck      a transient state that lasted too long
         * @param region     as {@link #region()}
         * @param imageRef   as {@link #imageRef()}
         * @param hostStatus ok, unknown, unreachable …, or null
         * @param checks     as {@link #checks()}
         * @param events     as {@link #events()}
         * @param updatedAt  as {@link #updatedAt()}
         * @param startedAt  the newest start or launch event's time, or null
         */
        public PlatformMachine {
            serviceId = RemoteText.name(serviceId);
            app = RemoteText.name(app);
            machineId = RemoteText.name(machineId);
            name = RemoteText.name(name);
            state = RemoteText.name(state);
            region = RemoteText.name(region);
            imageRef = RemoteText.name(imageRef);
            hostStatus = RemoteText.name(hostStatus);
            checks = RemoteText.items(checks);
            events = RemoteText.items(events);
        }

        /**
         * {@return a builder of machine {@code machineId} of the platform app {@code app}}: the other parts are null
         * (lists empty, not stuck) until set, and the last start is taken from the events (the newest {@code start}
         * or {@code launch} that did not fail, {@link #lastStart}) unless {@link Builder#startedAt} sets it.
         *
         * @param serviceId the service it concerns, or null for the deployment as a whole
         * @param source    the probe family that produced it
         * @param app       the platform app
         * @param machineId the machine's id
         */
        public static Builder builder(String serviceId, Source source, String app, String machineId) {
            return new Builder(serviceId, source, app, machineId);
        }

        /** The optional parts of a {@link PlatformMachine}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final String app;
            private final String machineId;
            private String name;
            private String state;
            private boolean stuck;
            private String region;
            private String imageRef;
            private String hostStatus;
            private List<MachineCheck> checks = List.of();
            private List<MachineEvent> events = List.of();
            private Instant updatedAt;
            private boolean startKnown;
            private Instant startedAt;

            private Builder(String serviceId, Source source, String app, String machineId) {
                this.serviceId = serviceId;
                this.source = source;
                this.app = app;
                this.machineId = machineId;
            }

            /**
             * @param name the machine's name
             * @return this builder
             */
            public Builder name(String name) {
                this.name = name;
                return this;
            }

            /**
             * @param state created, starting, started, stopping, stopped, suspended, failed, destroyed, replacing …
             * @param stuck whether that state is a transient one that lasted too long
             * @return this builder
             */
            public Builder state(String state, boolean stuck) {
                this.state = state;
                this.stuck = stuck;
                return this;
            }

            /**
             * @param region the platform region it runs in
             * @return this builder
             */
            public Builder region(String region) {
                this.region = region;
                return this;
            }

            /**
             * @param imageRef the image it runs
             * @return this builder
             */
            public Builder imageRef(String imageRef) {
                this.imageRef = imageRef;
                return this;
            }

            /**
             * @param hostStatus ok, unknown, unreachable …, or null
             * @return this builder
             */
            public Builder hostStatus(String hostStatus) {
                this.hostStatus = hostStatus;
                return this;
            }

            /**
             * @param checks the platform's health checks of the machine; null is none
             * @return this builder
             */
            public Builder checks(List<MachineCheck> checks) {
                this.checks = checks;
                return this;
            }

            /**
             * @param events the platform's events of the machine; null is none
             * @return this builder
             */
            public Builder events(List<MachineEvent> events) {
                this.events = events;
                return this;
            }

            /**
             * @param updatedAt when the platform last changed the machine
             * @return this builder
             */
            public Builder updatedAt(Instant updatedAt) {
                this.updatedAt = updatedAt;
                return this;
            }

            /**
             * @param startedAt the machine's last start as the platform reported it (read before its events are
             *                  capped), or null when it lists none; unset, it is taken from the events
             * @return this builder
             */
            public Builder startedAt(Instant startedAt) {
                this.startedAt = startedAt;
                this.startKnown = true;
                return this;
            }

            /** {@return the machine} */
            public PlatformMachine build() {
                return new PlatformMachine(serviceId, source, app, machineId, name, state, stuck, region, imageRef,
                        hostStatus, checks, events, updatedAt, startKnown ? startedAt : lastStart(events));
            }
        }

        /**
         * {@return the time of the newest {@code start} or {@code launch} event of {@code events} that did not fail, or null}
         *
         * @param events a machine's events, in any order; null is none
         */
        public static Instant lastStart(List<MachineEvent> events) {
            Instant last = null;
            for (MachineEvent e : events == null ? List.<MachineEvent>of() : events) {
                // a launch or start the platform reports as failed did not start anything
                if (e != null && e.timestamp() != null && ("start".equals(e.type()) || "launch".equals(e.type()))
                        && !"failed".equals(e.status()) && (last == null || e.timestamp().isAfter(last))) {
                    last = e.timestamp();
                }
            }
            return last;
        }

        /** {@return whether the platform reports the machine as running ({@code started})} */
        public boolean started() {
            return "started".equalsIgnoreCase(state);
        }
    }

    /** A commit between the last good deploy and the failing one: its sha, the first line of its message, its author. */
    record ChangedCommit(String sha, String message, String author, String htmlUrl) {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param sha     as {@link #sha()}
         * @param message as {@link #message()}
         * @param author  as {@link #author()}
         * @param htmlUrl as {@link #htmlUrl()}
         */
        public ChangedCommit {
            sha = RemoteText.name(sha);
            message = RemoteText.name(firstLine(message));
            author = RemoteText.name(author);
            htmlUrl = RemoteText.text(htmlUrl);
        }
    }

    /**
     * A file changed between the last good deploy and the failing one.
     *
     * @param previousPath the old path of a renamed file, else null
     * @param changeClass  what kind of file it is ({@link ChangeClass#of(String)} of its path unless a source knows better)
     * @param status       added, removed, modified, renamed … as the source says
     */
    record ChangedFile(String path, String previousPath, ChangeClass changeClass, String status, int additions,
                       int deletions) {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param path         as {@link #path()}
         * @param previousPath the old path of a renamed file, else null
         * @param changeClass  what kind of file it is ({@link ChangeClass#of(String)} of its path unless a source knows
         *                     better)
         * @param status       added, removed, modified, renamed … as the source says
         * @param additions    as {@link #additions()}
         * @param deletions    as {@link #deletions()}
         */
        public ChangedFile {
            path = RemoteText.text(path);
            previousPath = RemoteText.text(previousPath);
            changeClass = changeClass == null ? ChangeClass.of(path) : changeClass;
            status = RemoteText.name(status);
        }
    }

    /**
     * What changed in the repository between the last successful run of a workflow on a branch (the
     * last good deploy) and the run being diagnosed: the commits and the files, each file classed
     * ({@link ChangeClass}). Read from the GitHub compare API; a host may build one by hand.
     *
     * @param baseRunId    the last successful run, 0 when not known
     * @param baseSha      its commit
     * @param headRunId    the run being diagnosed, 0 when not known
     * @param headSha      its commit
     * @param comparison   ahead, behind, diverged or identical (the compare API's {@code status}), or null
     * @param totalCommits commits between the two by the source's count (may exceed {@code commits.size()})
     * @param commits      the commits read, oldest first, capped
     * @param files        the files changed, capped (GitHub lists at most 300)
     * @param truncated    some commits or files were not read (a cap or the deadline)
     * @param htmlUrl      the comparison for a browser, or null
     */
    record ChangeSet(String serviceId, Source source, String repository, long baseRunId, String baseSha,
                     long headRunId, String headSha, String comparison, int totalCommits,
                     List<ChangedCommit> commits, List<ChangedFile> files, boolean truncated, String htmlUrl)
            implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId    the service it concerns, or null for the deployment as a whole
         * @param source       the probe family that produced it
         * @param repository   as {@link #repository()}
         * @param baseRunId    the last successful run, 0 when not known
         * @param baseSha      its commit
         * @param headRunId    the run being diagnosed, 0 when not known
         * @param headSha      its commit
         * @param comparison   ahead, behind, diverged or identical (the compare API's {@code status}), or null
         * @param totalCommits commits between the two by the source's count (may exceed {@code commits.size()})
         * @param commits      the commits read, oldest first, capped
         * @param files        the files changed, capped (GitHub lists at most 300)
         * @param truncated    some commits or files were not read (a cap or the deadline)
         * @param htmlUrl      the comparison for a browser, or null
         */
        public ChangeSet {
            serviceId = RemoteText.name(serviceId);
            repository = RemoteText.name(repository);
            baseSha = RemoteText.name(baseSha);
            headSha = RemoteText.name(headSha);
            comparison = RemoteText.name(comparison);
            commits = RemoteText.items(commits);
            files = RemoteText.items(files);
            htmlUrl = RemoteText.text(htmlUrl);
        }

        /**
         * {@return a builder of the changes in {@code repository}}: runs not known (0), shas, comparison and url
         * null, no commits or files, 0 commits counted and not truncated until set, in place of the canonical
         * constructor's thirteen positional components.
         *
         * @param serviceId  the service it concerns, or null for the deployment as a whole
         * @param source     the probe family that produced it
         * @param repository the repository, {@code owner/name}
         */
        public static Builder builder(String serviceId, Source source, String repository) {
            return new Builder(serviceId, source, repository);
        }

        /** The optional parts of a {@link ChangeSet}; every setter returns this builder. */
        public static final class Builder {
            private final String serviceId;
            private final Source source;
            private final String repository;
            private long baseRunId = 0;
            private String baseSha;
            private long headRunId = 0;
            private String headSha;
            private String comparison;
            private int totalCommits = 0;
            private List<ChangedCommit> commits = List.of();
            private List<ChangedFile> files = List.of();
            private boolean truncated = false;
            private String htmlUrl;

            private Builder(String serviceId, Source source, String repository) {
                this.serviceId = serviceId;
                this.source = source;
                this.repository = repository;
            }

            /**
             * @param baseRunId the last successful run, 0 when not known (the default)
             * @return this builder
             */
            public Builder baseRunId(long baseRunId) {
                this.baseRunId = baseRunId;
                return this;
            }

            /**
             * @param baseSha its commit, or null
             * @return this builder
             */
            public Builder baseSha(String baseSha) {
                this.baseSha = baseSha;
                return this;
            }

            /**
             * @param headRunId the run being diagnosed, 0 when not known (the default)
             * @return this builder
             */
            public Builder headRunId(long headRunId) {
                this.headRunId = headRunId;
                return this;
            }

            /**
             * @param headSha its commit, or null
             * @return this builder
             */
            public Builder headSha(String headSha) {
                this.headSha = headSha;
                return this;
            }

            /**
             * @param comparison ahead, behind, diverged or identical (the compare API's {@code status}), or null
             * @return this builder
             */
            public Builder comparison(String comparison) {
                this.comparison = comparison;
                return this;
            }

            /**
             * @param totalCommits commits between the two by the source's count (may exceed the commits read)
             * @return this builder
             */
            public Builder totalCommits(int totalCommits) {
                this.totalCommits = totalCommits;
                return this;
            }

            /**
             * @param commits the commits read, oldest first, capped; null is none
             * @return this builder
             */
            public Builder commits(List<ChangedCommit> commits) {
                this.commits = commits;
                return this;
            }

            /**
             * @param files the files changed, capped; null is none
             * @return this builder
             */
            public Builder files(List<ChangedFile> files) {
                this.files = files;
                return this;
            }

            /**
             * @param truncated some commits or files were not read (a cap or the deadline)
             * @return this builder
             */
            public Builder truncated(boolean truncated) {
                this.truncated = truncated;
                return this;
            }

            /**
             * @param htmlUrl the comparison for a browser, or null
             * @return this builder
             */
            public Builder htmlUrl(String htmlUrl) {
                this.htmlUrl = htmlUrl;
                return this;
            }

            /** {@return the change set} */
            public ChangeSet build() {
                return new ChangeSet(serviceId, source, repository, baseRunId, baseSha, headRunId, headSha, comparison,
                        totalCommits, commits, files, truncated, htmlUrl);
            }
        }

        /**
         * {@return the files of one class, in the source's order}
         *
         * @param changeClass the change class
         */
        public List<ChangedFile> files(ChangeClass changeClass) {
            return files.stream().filter(f -> f.changeClass() == changeClass).toList();
        }

        /** {@return the classes of the changed files, in {@link ChangeClass} order} */
        public java.util.Set<ChangeClass> classes() {
            java.util.EnumSet<ChangeClass> out = java.util.EnumSet.noneOf(ChangeClass.class);
            files.forEach(f -> out.add(f.changeClass()));
            return java.util.Collections.unmodifiableSet(out);
        }
    }

    /**
     * The changes since the last good deploy could not be read: no earlier successful run
     * ({@link FailureKind#NOT_FOUND}), the compare API refused ({@code FORBIDDEN}, {@code RATE_LIMITED} …)
     * or the time ran out. Kept apart from {@link ProbeFailure} because the run itself was read: a
     * missing comparison must not count as an unreadable CI source.
     *
     * @param headRunId the run being diagnosed
     * @param target    the request that failed (no credentials), or null
     * @param detail    one line for a human, free of secrets
     */
    record ChangeSetUnavailable(String serviceId, Source source, String repository, long headRunId, String target,
                                FailureKind kind, Integer httpStatus, String detail) implements Observation {
        /**
         * Canonical constructor: remote strings are bounded and stripped of control characters ({@link RemoteText}).
         *
         * @param serviceId  the service it concerns, or null for the deployment as a whole
         * @param source     the probe family that produced it
         * @param repository as {@link #repository()}
         * @param headRunId  the run being diagnosed
         * @param target     the request that failed (no credentials), or null
         * @param kind       as {@link #kind()}
         * @param httpStatus as {@link #httpStatus()}
         * @param detail     one line for a human, free of secrets
         */
        public ChangeSetUnavailable {
            serviceId = RemoteText.name(serviceId);
            repository = RemoteText.name(repository);
            target = RemoteText.text(target);
            detail = RemoteText.text(detail);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return null;
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
