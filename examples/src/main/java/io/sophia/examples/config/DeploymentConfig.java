package io.sophia.examples.config;

import io.sophia.core.Deployment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated deployment description, read from the YAML or JSON file that {@code sophia check}
 * takes. The keys are those of DESIGN.md:
 *
 * <pre>{@code
 * deployment: Sophia AI
 * services:
 *   - id: mcp-repo
 *     name: MCP Repo
 *     url: https://sophiaai-mcp-repo-v2.fly.dev/mcp
 *     kind: mcp                 # http (default), mcp, tcp
 *     capability: GitHub integration
 *     critical: true
 *     dependsOn: [dashboard]
 *     expect: {statusCodes: [200], maxLatency: 300ms, healthPath: /health, versionField: /version}
 * pipeline:
 *   github: {repository: owner/name, runId: 17176258341, tokenEnv: GITHUB_TOKEN}
 * platform:
 *   fly: {tokenEnv: FLY_API_TOKEN, apps: {mcp-repo: sophiaai-mcp-repo-v2}}
 * probe: {timeout: 2s, retries: 1}
 * gate: {...}                   # handed to the diagnosis' gate policy
 * rules: [rules/extra.yaml]     # knowledge-base rule files, relative to this file
 * }</pre>
 *
 * @param source     the file it was read from, as the user named it
 * @param deployment the services and their topology
 * @param github     the CI source, or null when not configured
 * @param fly        the platform source, or null when not configured
 * @param probe      timeouts and retries
 * @param gate       the raw {@code gate} section (plain maps, lists and scalars), empty when absent
 * @param gateLine   line of the {@code gate} key, for errors the gate policy raises; 0 when absent
 * @param rules      rule files, resolved against the config file's directory
 */
public record DeploymentConfig(Path source, Deployment deployment, GitHub github, Fly fly, ProbeSettings probe,
                               Map<String, Object> gate, int gateLine, List<Path> rules) {

    /** Default GitHub REST API. */
    public static final URI GITHUB_API = URI.create("https://api.github.com");
    /** Default Fly.io Machines API. */
    public static final URI FLY_API = URI.create("https://api.machines.dev");

    /**
     * Canonical constructor: rejects invalid components, and copies the collections, so the record is immutable.
     *
     * @param source     the file it was read from, as the user named it
     * @param deployment the services and their topology
     * @param github     the CI source, or null when not configured
     * @param fly        the platform source, or null when not configured
     * @param probe      timeouts and retries
     * @param gate       the raw {@code gate} section (plain maps, lists and scalars), empty when absent
     * @param gateLine   line of the {@code gate} key, for errors the gate policy raises; 0 when absent
     * @param rules      rule files, resolved against the config file's directory
     */
    public DeploymentConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(deployment, "deployment");
        probe = Objects.requireNonNullElse(probe, ProbeSettings.DEFAULTS);
        gate = Map.copyOf(Objects.requireNonNullElse(gate, Map.of()));
        rules = List.copyOf(Objects.requireNonNullElse(rules, List.of()));
    }

    /**
     * The {@code pipeline.github} section.
     *
     * @param apiUrl     REST API root (GitHub Enterprise Server or a loopback stand-in); default {@link #GITHUB_API}
     * @param repository {@code owner/name}
     * @param runId      the run to read, or null to read the latest run of {@code workflow}
     * @param workflow   workflow file name or id, used when {@code runId} is null
     * @param branch     branch of the latest run, or null for any
     * @param tokenEnv   name of the environment variable holding the token, or null for anonymous access
     * @param maxLogBytes bytes read at most from one failed job's log (its tail when longer), or null for the
     *                    probe's default ({@code GitHubActionsConfig.DEFAULT_MAX_LOG_BYTES}, 64 MiB)
     * @param allAttempts read the jobs of every attempt of the run ({@code filter=all}) instead of the latest
     */
    public record GitHub(URI apiUrl, String repository, Long runId, String workflow, String branch, String tokenEnv,
                         Long maxLogBytes, boolean allAttempts) {

        /**
         * A section with the default log cap, reading the latest attempt.
         *
         * @param apiUrl API root, null for api.github.com
         * @param repository the repository, {@code owner/name}
         * @param runId the run to read, or null for the latest run of {@code workflow}
         * @param workflow workflow whose latest run is read, or null
         * @param branch branch of the latest run, or null for any
         * @param tokenEnv environment variable holding the token, or null
         */
        public GitHub(URI apiUrl, String repository, Long runId, String workflow, String branch, String tokenEnv) {
            this(apiUrl, repository, runId, workflow, branch, tokenEnv, null, false);
        }
    }

    /**
     * The {@code platform.fly} section.
     *
     * @param apiUrl   Machines API root; default {@link #FLY_API}
     * @param tokenEnv name of the environment variable holding the token
     * @param apps     service id to Fly app name
     */
    public record Fly(URI apiUrl, String tokenEnv, Map<String, String> apps) {
        /**
         * Canonical constructor: copies the collections, so the record is immutable.
         *
         * @param apiUrl   Machines API root; default {@link #FLY_API}
         * @param tokenEnv name of the environment variable holding the token
         * @param apps     service id to Fly app name
         */
        public Fly {
            // file order, not Map.copyOf's per-JVM order: the machines, and so report.json, follow it
            apps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(apps));
        }
    }

    /**
     * The {@code probe} section.
     *
     * @param timeout       deadline of one probe (default 5 s)
     * @param retries       retries of transient failures (default 1)
     * @param maxConcurrent probes run at once (default 16)
     */
    public record ProbeSettings(Duration timeout, int retries, int maxConcurrent) {
        /** 5 s, 1 retry, 16 at once. */
        public static final ProbeSettings DEFAULTS = new ProbeSettings(Duration.ofSeconds(5), 1, 16);
    }

    /** {@return the CI source, when configured} */
    public Optional<GitHub> githubOpt() {
        return Optional.ofNullable(github);
    }

    /** {@return the platform source, when configured} */
    public Optional<Fly> flyOpt() {
        return Optional.ofNullable(fly);
    }

    /**
     * Reads and validates a YAML or JSON file ({@code .json} is read as JSON, anything else as YAML).
     *
     *
     * @param file the config file (YAML or JSON)
     * @return the validated configuration
     * @throws ConfigException listing every problem, each with file, line and key
     */
    public static DeploymentConfig load(Path file) throws ConfigException {
        return ConfigParser.load(file);
    }

    /**
     * Reads and validates a document given as text; {@code file} names it in errors and anchors relative paths.
     *
     * @param text the document, or a duration such as {@code 2s}
     * @param file the config file (YAML or JSON)
     * @return the validated configuration
     * @throws ConfigException naming the file, line and key of every problem
     */
    public static DeploymentConfig parse(String text, Path file) throws ConfigException {
        return ConfigParser.parse(text, file);
    }

    /**
     * Formats a duration the way the config writes it ({@code 300ms}, {@code 2s}, {@code 1m}).
     *
     * @param d a duration
     * @return the config spelling
     */
    public static String formatDuration(Duration d) {
        return ConfigParser.formatDuration(d);
    }

    /**
     * Parses a config duration ({@code 300ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code PT2S}), or empty.
     *
     * @param text the document, or a duration such as {@code 2s}
     * @return the duration, or empty when {@code text} is not one
     */
    public static Optional<Duration> parseDuration(String text) {
        return ConfigParser.parseDuration(text);
    }
}
