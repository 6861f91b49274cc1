/**
 * Sophia's probes and the runner that executes them.
 *
 * <p>Entry points: {@link io.sophia.probes.ProbeRunner} (a {@link io.sophia.core.ProbeExecutor}
 * configured by {@link io.sophia.probes.ProbeRunnerConfig}) runs any {@link io.sophia.core.Probe}s
 * concurrently under a deadline, with retries of transient failures and a concurrency cap;
 * {@link io.sophia.probes.HttpProbe} checks an HTTP service;
 * {@link io.sophia.probes.GitHubActionsProbe} (configured by
 * {@link io.sophia.probes.GitHubActionsConfig}) reads a workflow run, its jobs, annotations and
 * logs; the platform and protocol probes (Fly.io Machines, MCP, TCP, DNS, TLS) sit beside them.
 *
 * <pre>{@code
 * ProbeRunner runner = ProbeRunner.of(ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(5)).build());
 * List<Observation> seen = runner.execute(List.of(
 *         HttpProbe.of(service, Duration.ofSeconds(5)),
 *         GitHubActionsProbe.of(githubConfig, deployment, analyzer)));
 * }</pre>
 *
 * <p>Every probe reports what it saw as {@link io.sophia.core.Observation}s and never throws into
 * the host: a failure is an {@link io.sophia.core.Observation.ProbeFailure} with a precise
 * {@link io.sophia.core.FailureKind}. No observation carries a token, a url's user info or query.
 *
 * <p>Stability: the types in this package are the public API; {@code io.sophia.probes.internal}
 * may change in any release.
 */
package io.sophia.probes;
