package io.sophia.probes;

import io.sophia.probes.internal.SafeText;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a {@link GitHubActionsProbe} reads a workflow run and how. Immutable; build one with
 * {@link #custom()}. Either {@link Builder#runId(long)} or {@link Builder#workflow(String)} (with an
 * optional {@link Builder#branch(String)}) names the run.
 *
 * <pre>{@code
 * GitHubActionsConfig config = GitHubActionsConfig.custom()
 *         .repository("acme/fleet")
 *         .workflow("deploy.yml").branch("main")
 *         .tokenEnv("GITHUB_TOKEN")
 *         .build();
 * }</pre>
 *
 * <p>The token is never held here: only the name of the environment variable and the function
 * that reads it, so neither this object nor its {@link #toString()} can leak it.
 *
 * <p>Stable API.
 */
public final class GitHubActionsConfig {

    /** Default API root: {@code https://api.github.com} (GitHub Enterprise Server uses {@code https://HOST/api/v3}). */
    public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");
    /**
     * Default cap on the bytes read from one job log: 64 MiB, the log's last 64 MiB when it is
     * longer. The scan streams through a fixed buffer, so the cap bounds time, not memory: 64 MiB
     * leaves room within {@link #DEFAULT_TIMEOUT} on a slow link (on loopback the 64 MiB tail of a
     * 2 GiB log takes about 1 s, 4.5 s when the server ignores {@code Range}; see
     * {@code GitHubLogStreamBenchmark}); raise it (with the timeout) to scan more of a huge log.
     */
    public static final long DEFAULT_MAX_LOG_BYTES = 64L << 20;
    /** Default longest {@code Retry-After} or rate-limit reset the probe waits out: 10 seconds. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(10);
    /** Default budget of one probe run: 30 seconds (the runner's deadline still applies when shorter). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default cap on pages of jobs followed through {@code Link: rel="next"}: 20 (2,000 jobs). */
    public static final int DEFAULT_MAX_JOB_PAGES = 20;

    private final URI apiUrl;
    private final String repository;
    private final long runId;
    private final String workflow;
    private final String branch;
    private final String tokenEnv;
    private final Function<String, String> env;
    private final boolean allAttempts;
    private final long maxLogBytes;
    private final Duration maxRetryAfter;
    private final Duration timeout;
    private final int maxJobPages;
    private final boolean readLogs;
    private final boolean readAnnotations;
    private final boolean readChanges;

    private GitHubActionsConfig(Builder b) {
        this.apiUrl = b.apiUrl;
        this.repository = b.repository;
        this.runId = b.runId;
        this.workflow = b.workflow;
        this.branch = b.branch;
        this.tokenEnv = b.tokenEnv;
        this.env = b.env;
        this.allAttempts = b.allAttempts;
        this.maxLogBytes = b.maxLogBytes;
        this.maxRetryAfter = b.maxRetryAfter;
        this.timeout = b.timeout;
        this.maxJobPages = b.maxJobPages;
        this.readLogs = b.readLogs;
        this.readAnnotations = b.readAnnotations;
        this.readChanges = b.readChanges;
    }

    /** {@return a builder with the defaults; {@code repository} and a run (id or workflow) must be set} */
    public static Builder custom() {
        return new Builder();
    }

    /** {@return API root, without a trailing slash} */
    public URI apiUrl() {
        return apiUrl;
    }

    /** {@return {@code owner/name}} */
    public String repository() {
        return repository;
    }

    /** {@return the run id, or 0 when the run is the latest of {@link #workflow()}} */
    public long runId() {
        return runId;
    }

    /** {@return workflow file name or id whose latest run is read when {@link #runId()} is 0, or null} */
    public String workflow() {
        return workflow;
    }

    /** {@return branch of the latest run, or null for any branch} */
    public String branch() {
        return branch;
    }

    /** {@return name of the environment variable that holds the token, or null to read unauthenticated} */
    public String tokenEnv() {
        return tokenEnv;
    }

    /**
     * Reads environment variables (default {@code System::getenv}).
     *
     * @return the function that reads environment variables
     */
    public Function<String, String> env() {
        return env;
    }

    /**
     * {@return read jobs of every attempt of the run ({@code filter=all}) instead of the latest ({@code
     * filter=latest}, the default)}
     */
    public boolean allAttempts() {
        return allAttempts;
    }

    /**
     * Bytes read at most from one job log. A longer log (by its {@code Content-Length}) is analysed
     * from its tail: its last {@code maxLogBytes} bytes are fetched with {@code Range} (or the head is
     * read and dropped when the server ignores {@code Range}), starting on the first whole line, and
     * the read is reported truncated with line numbers counted from the tail's start. A log of unknown
     * length is read from its head up to the cap. See {@link GitHubActionsProbe}.
     *
     * @return the cap in bytes
     */
    public long maxLogBytes() {
        return maxLogBytes;
    }

    /** {@return longest wait for a {@code Retry-After} or a rate-limit reset; longer ones are reported, not waited} */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** {@return budget of one probe run} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return pages of jobs followed at most} */
    public int maxJobPages() {
        return maxJobPages;
    }

    /** {@return whether logs of failed jobs are read (default true)} */
    public boolean readLogs() {
        return readLogs;
    }

    /** {@return whether check-run annotations of failed jobs are read (default true)} */
    public boolean readAnnotations() {
        return readAnnotations;
    }

    /**
     * {@return whether a run that did not succeed is compared with the last successful run of the same workflow and
     * branch (default true): the commits and classed files between the two become an {@link
     * io.sophia.core.Observation.ChangeSet}} See {@link GitHubActionsProbe}.
     */
    public boolean readChanges() {
        return readChanges;
    }

    @Override
    public String toString() {
        return "GitHubActionsConfig{apiUrl=" + apiUrl + ", repository=" + repository
                + (runId > 0 ? ", runId=" + runId : ", workflow=" + workflow + ", branch=" + branch)
                + ", tokenEnv=" + tokenEnv + ", allAttempts=" + allAttempts + ", maxLogBytes=" + maxLogBytes
                + ", maxRetryAfter=" + maxRetryAfter + ", timeout=" + timeout + '}';
    }

    /** Builds a {@link GitHubActionsConfig}; {@link #build()} says which key is wrong. */
    public static final class Builder {
        private URI apiUrl = DEFAULT_API_URL;
        private String repository;
        private long runId;
        private String workflow;
        private String branch;
        private String tokenEnv;
        private Function<String, String> env = System::getenv;
        private boolean allAttempts;
        private long maxLogBytes = DEFAULT_MAX_LOG_BYTES;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxJobPages = DEFAULT_MAX_JOB_PAGES;
        private boolean readLogs = true;
        private boolean readAnnotations = true;
        private boolean readChanges = true;

        private Builder() {
        }

        /**
         * API root. Default {@link #DEFAULT_API_URL}.
         *
         * @param apiUrl the REST API root
         * @return this builder
         */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
            return this;
        }

        /**
         * {@code owner/name}; required.
         *
         * @param repository the repository, {@code owner/name}
         * @return this builder
         */
        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        /**
         * The run to read; 0 (the default) means the latest run of {@link #workflow(String)}.
         *
         * @param runId the run id, or 0 for the latest
         * @return this builder
         */
        public Builder runId(long runId) {
            this.runId = runId;
            return this;
        }

        /**
         * Workflow file name ({@code deploy.yml}) or id whose latest run is read.
         *
         * @param workflow workflow file name or id
         * @return this builder
         */
        public Builder workflow(String workflow) {
            this.workflow = workflow;
            return this;
        }

        /**
         * Branch of the latest run; null (the default) for any branch.
         *
         * @param branch a branch, or null for any
         * @return this builder
         */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /**
         * Environment variable holding the token; null (the default) reads unauthenticated.
         *
         * @param tokenEnv an environment variable name, or null
         * @return this builder
         */
        public Builder tokenEnv(String tokenEnv) {
            this.tokenEnv = tokenEnv == null || tokenEnv.isBlank() ? null : tokenEnv.strip();
            return this;
        }

        /**
         * How environment variables are read. Default {@code System::getenv}.
         *
         * @param env reads environment variables
         * @return this builder
         */
        public Builder env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /**
         * Jobs of all attempts ({@code filter=all}). Default false ({@code filter=latest}).
         *
         * @param allAttempts whether to read every attempt
         * @return this builder
         */
        public Builder allAttempts(boolean allAttempts) {
            this.allAttempts = allAttempts;
            return this;
        }

        /**
         * Cap on bytes read from one log (its tail when longer), {@code >= 1}. Default {@link
         * #DEFAULT_MAX_LOG_BYTES}.
         *
         * @param maxLogBytes bytes read from one log at most
         * @return this builder
         */
        public Builder maxLogBytes(long maxLogBytes) {
            this.maxLogBytes = maxLogBytes;
            return this;
        }

        /**
         * Longest rate-limit wait, {@code >= 0}. Default {@link #DEFAULT_MAX_RETRY_AFTER}.
         *
         * @param maxRetryAfter the longest wait
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Budget of one run, positive. Default {@link #DEFAULT_TIMEOUT}.
         *
         * @param timeout budget of one probe run
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Pages of jobs followed at most, {@code >= 1}. Default {@link #DEFAULT_MAX_JOB_PAGES}.
         *
         * @param maxJobPages pages followed at most
         * @return this builder
         */
        public Builder maxJobPages(int maxJobPages) {
            this.maxJobPages = maxJobPages;
            return this;
        }

        /**
         * Read logs of failed jobs. Default true.
         *
         * @param readLogs whether to read logs
         * @return this builder
         */
        public Builder readLogs(boolean readLogs) {
            this.readLogs = readLogs;
            return this;
        }

        /**
         * Read annotations of failed jobs. Default true.
         *
         * @param readAnnotations whether to read annotations
         * @return this builder
         */
        public Builder readAnnotations(boolean readAnnotations) {
            this.readAnnotations = readAnnotations;
            return this;
        }

        /**
         * Compare a run that did not succeed with the last successful one. Default true.
         *
         * @param readChanges the read changes
         * @return this builder
         */
        public Builder readChanges(boolean readChanges) {
            this.readChanges = readChanges;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the key that is missing or invalid
         */
        public GitHubActionsConfig build() {
            String scheme = apiUrl.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || apiUrl.getHost() == null) {
                // without user info or query: a mistyped url may still carry a token
                throw new IllegalArgumentException("apiUrl must be an http(s) url with a host, was '"
                        + SafeText.url(apiUrl) + "'");
            }
            if (apiUrl.getRawUserInfo() != null || apiUrl.getRawQuery() != null) {
                throw new IllegalArgumentException("apiUrl must not carry user info or a query");
            }
            String root = apiUrl.toString();
            while (root.endsWith("/")) {
                root = root.substring(0, root.length() - 1);
            }
            apiUrl = URI.create(root);
            if (repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                throw new IllegalArgumentException("repository must be 'owner/name', was '" + repository + "'");
            }
            if (runId < 0) {
                throw new IllegalArgumentException("runId must be positive, was " + runId);
            }
            if (runId == 0 && (workflow == null || workflow.isBlank())) {
                throw new IllegalArgumentException("either runId or workflow must be set");
            }
            if (maxLogBytes < 1) {
                throw new IllegalArgumentException("maxLogBytes must be >= 1, was " + maxLogBytes);
            }
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must be >= 0, was " + maxRetryAfter);
            }
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            if (maxJobPages < 1) {
                throw new IllegalArgumentException("maxJobPages must be >= 1, was " + maxJobPages);
            }
            return new GitHubActionsConfig(this);
        }
    }
}
