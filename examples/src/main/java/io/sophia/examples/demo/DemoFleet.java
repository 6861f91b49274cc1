package io.sophia.examples.demo;

import io.sophia.report.DeploymentConfig;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference scenario on loopback: six services (one healthy MCP server, the others refusing
 * connections, hanging or answering 5xx), a stand-in for the GitHub REST API serving the failed
 * deploy run with its jobs, steps and logs, and a stand-in for the Fly.io Machines API. Everything
 * listens on 127.0.0.1 on ephemeral ports and stops on {@link #close()}.
 *
 * <pre>{@code
 * try (DemoFleet fleet = DemoFleet.start()) {
 *     Files.writeString(dir.resolve("demo-config.yaml"), fleet.configYaml(Duration.ofSeconds(2), 0));
 *     // ... sophia check --config dir/demo-config.yaml
 * }
 * }</pre>
 */
public final class DemoFleet implements AutoCloseable {

    /** The deployment's name in the reference scenario. */
    public static final String DEPLOYMENT = "Sophia AI Intelligence System";
    /** The repository the stand-in serves. */
    public static final String REPOSITORY = "sophia-ai/sophia-intel-ai";
    /** The failed deploy run of the reference scenario. */
    public static final long RUN_ID = 17176258341L;
    /** The version the healthy MCP server reports (the image before the failed deploy). */
    public static final String MCP_REPO_VERSION = "5d1e9f2";

    /** The environment variable the demo config names for the Fly token; {@link #env} supplies it. */
    public static final String FLY_TOKEN_ENV = "SOPHIA_DEMO_FLY_TOKEN";
    private static final String FLY_TOKEN = "sophia-demo-loopback-token";

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final Map<String, URI> urls = new LinkedHashMap<>();
    private final GitHubStandIn github;
    private final FlyStandIn fly;

    private DemoFleet() throws IOException {
        try {
            McpStandIn repo = add(new McpStandIn("mcp-repo", MCP_REPO_VERSION));
            FailingEndpoints.Hanging research = add(new FailingEndpoints.Hanging());
            FailingEndpoints.Status context = add(new FailingEndpoints.Status(503, "Service Unavailable"));
            FailingEndpoints.Status business = add(new FailingEndpoints.Status(502, "Bad Gateway"));
            github = add(new GitHubStandIn(REPOSITORY));
            fly = add(new FlyStandIn(FLY_TOKEN));
            urls.put("dashboard", add(new FailingEndpoints.Refusing()).url("/"));
            urls.put("mcp-repo", repo.mcpUrl());
            urls.put("mcp-research", research.url("/mcp"));
            urls.put("mcp-context", context.url("/mcp"));
            urls.put("mcp-business", business.url("/mcp"));
            urls.put("jobs", add(new FailingEndpoints.Refusing()).url("/healthz"));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts every stand-in.
     *
     * @return the running fleet; close it to stop the servers
     * @throws IOException when a loopback server cannot start
     */
    public static DemoFleet start() throws IOException {
        return new DemoFleet();
    }

    private <T extends AutoCloseable> T add(T part) {
        parts.add(part);
        return part;
    }

    /** {@return service id to the url it is probed at} */
    public Map<String, URI> serviceUrls() {
        return Map.copyOf(urls);
    }

    /**
     * {@code base} plus the demo's Fly token variable, which only the Fly stand-in accepts; the demo
     * runs {@code check} with this environment, so the token path is exercised as for a real platform.
     *
     * @param base the environment of the run, for everything else
     * @return an environment that also holds the stand-ins' tokens
     */
    public static java.util.function.Function<String, String> env(java.util.function.Function<String, String> base) {
        return name -> FLY_TOKEN_ENV.equals(name) ? FLY_TOKEN : base.apply(name);
    }

    /** {@return root of the GitHub REST API stand-in} */
    public URI githubApi() {
        return github.apiUrl();
    }

    /** {@return root of the Fly.io Machines API stand-in} */
    public URI flyApi() {
        return fly.apiUrl();
    }

    /**
     * A deployment description for these stand-ins, in the format {@code sophia check} reads.
     *
     *
     * @param timeout probe deadline ({@code probe.timeout})
     * @param retries retries of transient failures ({@code probe.retries})
     * @return the YAML text
     */
    public String configYaml(Duration timeout, int retries) {
        String t = DeploymentConfig.formatDuration(timeout);
        return """
                # Written by `sophia demo`: the reference scenario on loopback stand-ins.
                # Its urls point at stand-ins that live only while the demo runs; `sophia check --config`
                # reads the same format for a real deployment.
                deployment: %s
                services:
                  - id: dashboard
                    name: Dashboard
                    url: %s
                    capability: AI Dashboard
                    critical: true
                    owner: {team: frontend, contact: "#dashboard-oncall"}
                    expect:
                      statusCodes: [200]
                  - id: mcp-repo
                    name: MCP Repo
                    kind: mcp
                    url: %s
                    capability: GitHub integration
                    critical: true
                    owner: {team: devtools, contact: "#devtools"}
                    expect:
                      healthPath: /health
                      jsonField: /status
                      jsonEquals: healthy
                      versionField: /version
                      maxLatency: %s
                  - id: mcp-research
                    name: MCP Research
                    kind: mcp
                    url: %s
                    capability: Research capabilities
                    critical: false
                    owner: {team: ai-platform, contact: "#mcp-oncall"}
                    expect:
                      healthPath: /health
                  - id: mcp-context
                    name: MCP Context
                    kind: mcp
                    url: %s
                    capability: Context management
                    critical: true
                    owner: {team: ai-platform, contact: "#mcp-oncall"}
                    expect:
                      healthPath: /health
                  - id: mcp-business
                    name: MCP Business
                    kind: mcp
                    url: %s
                    capability: Business intelligence
                    critical: false
                    owner: {team: ai-platform, contact: "#mcp-oncall"}
                    expect:
                      healthPath: /health
                  - id: jobs
                    name: Jobs
                    url: %s
                    capability: Background jobs
                    critical: false
                    owner: devops
                    dependsOn: [mcp-context]
                pipeline:
                  github:
                    apiUrl: %s
                    repository: %s
                    runId: %d
                platform:
                  fly:
                    apiUrl: %s
                    tokenEnv: %s
                    apps:
                      dashboard: sophiaai-dashboard-v2
                      mcp-repo: sophiaai-mcp-repo-v2
                      mcp-research: sophiaai-mcp-research-v2
                      mcp-context: sophiaai-mcp-context-v2
                      mcp-business: sophiaai-mcp-business-v2
                      jobs: sophiaai-jobs-v2
                probe:
                  timeout: %s
                  retries: %d
                """.formatted(DEPLOYMENT, urls.get("dashboard"), urls.get("mcp-repo"), t, urls.get("mcp-research"),
                urls.get("mcp-context"), urls.get("mcp-business"), urls.get("jobs"), github.apiUrl(), REPOSITORY,
                RUN_ID, fly.apiUrl(), FLY_TOKEN_ENV, t, retries);
    }

    /** Stops every stand-in; idempotent. */
    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // stopping the rest matters more
            }
        }
        parts.clear();
    }
}
