package io.sophia.examples.internal;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.Diagnoser;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.ProbeExecutor;
import io.sophia.core.Service;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.KnowledgeBase;
import io.sophia.diagnosis.LogScanner;
import io.sophia.diagnosis.RuleFileException;
import io.sophia.examples.config.ConfigException;
import io.sophia.examples.config.DeploymentConfig;
import io.sophia.probes.FlyConfig;
import io.sophia.probes.FlyMachinesProbe;
import io.sophia.probes.GitHubActionsConfig;
import io.sophia.probes.GitHubActionsProbe;
import io.sophia.probes.HttpProbe;
import io.sophia.probes.McpProbe;
import io.sophia.probes.ProbeRunner;
import io.sophia.probes.ProbeRunnerConfig;
import io.sophia.probes.DnsProbe;
import io.sophia.probes.TcpProbe;
import io.sophia.probes.TlsProbe;
import io.sophia.report.Redaction;
import io.sophia.report.ReportFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The one place that knows the other modules' entry points: from a {@link DeploymentConfig} to the
 * probes, the executor and the diagnosis, and from an {@link Assessment} to the files.
 */
public final class Wiring {

    /** Sources whose probes call remote APIs and read logs; they get a longer budget than a service check. */
    private static final Set<Source> API_SOURCES = java.util.EnumSet.of(Source.GITHUB, Source.FLY);
    /** Budget of the CI and platform probes (several API calls and log downloads each). */
    static final Duration API_BUDGET = Duration.ofSeconds(30);

    private Wiring() {
    }

    /**
     * Everything needed to assess a deployment, built before any network call so that every
     * configuration problem (rule files, gate section) surfaces as a {@link ConfigException} first.
     */
    public record Plan(Deployment deployment, List<Probe> probes, ProbeExecutor executor, Diagnoser diagnoser,
                       Duration probeTimeout) {
        public Plan {
            probes = List.copyOf(probes);
        }
    }

    /** Builds the plan for {@code config}; {@code env} reads token variables, {@code clock} stamps ages. */
    public static Plan plan(DeploymentConfig config, Clock clock, Function<String, String> env)
            throws ConfigException {
        Preload.start();
        CompletableFuture<KnowledgeBase> builtInKb = Preload.KNOWLEDGE_BASE;
        CompletableFuture<LogScanner> scanner = Preload.LOG_SCANNER;
        Diagnoser diagnoser = diagnosis(config, builtInKb);
        Deployment deployment = config.deployment();
        DeploymentConfig.ProbeSettings settings = config.probe();
        Duration timeout = settings.timeout();
        Duration apiBudget = timeout.compareTo(API_BUDGET) > 0 ? timeout : API_BUDGET;
        List<Probe> probes = new ArrayList<>();
        for (Service s : deployment.services()) {
            probes.addAll(serviceProbes(config, s, timeout, clock));
        }
        if (config.github() != null) {
            probes.add(github(config, deployment, env, apiBudget, (origin, log) -> scanner.join().analyze(origin, log)));
        }
        if (config.fly() != null) {
            probes.add(fly(config, deployment, env, apiBudget, clock));
        }
        ProbeRunner services = ProbeRunner.of(ProbeRunnerConfig.custom()
                .timeout(timeout).retries(settings.retries()).maxConcurrent(settings.maxConcurrent()).build());
        ProbeRunner apis = ProbeRunner.of(ProbeRunnerConfig.custom()
                .timeout(apiBudget).retries(settings.retries()).maxConcurrent(4).build());
        return new Plan(deployment, probes, split(services, apis), diagnoser, timeout);
    }

    /** Writes report.md, report.json, report.html and junit.xml into {@code dir}. */
    public static List<Path> write(Assessment assessment, Path dir) throws IOException {
        return ReportFiles.writeAll(assessment, dir);
    }

    /** {@code assessment} with token-looking strings and the values of the configured token variables masked. */
    public static Assessment redact(Assessment assessment, DeploymentConfig config, Function<String, String> env) {
        return Redaction.patterns().and(secretValues(config, env)).apply(assessment);
    }

    /** The values of the token variables {@code config} names (set ones only): what every output masks. */
    public static List<String> secretValues(DeploymentConfig config, Function<String, String> env) {
        List<String> names = new ArrayList<>();
        if (config.github() != null && config.github().tokenEnv() != null) {
            names.add(config.github().tokenEnv());
        }
        if (config.fly() != null) {
            names.add(config.fly().tokenEnv() != null ? config.fly().tokenEnv() : FlyConfig.DEFAULT_TOKEN_ENV);
        }
        List<String> values = new ArrayList<>();
        for (String name : names) {
            String v = env.apply(name);
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        }
        return values;
    }

    private static Diagnoser diagnosis(DeploymentConfig config, CompletableFuture<KnowledgeBase> builtInKb)
            throws ConfigException {
        String file = config.source().toString();
        GatePolicy gate;
        try {
            gate = GatePolicy.fromMap(config.gate());
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(file, config.gateLine(), "", e.getMessage());
        }
        if (config.rules().isEmpty()) {
            // nothing of the user's to validate before probing: wait for the built-in base only when diagnosing
            return (deployment, observations, now) -> Diagnosis.builder().knowledgeBase(builtInKb.join())
                    .gatePolicy(gate).build().diagnose(deployment, observations, now);
        }
        // a broken built-in knowledge base is our bug, not the user's config: let it surface as internal
        KnowledgeBase kb = builtInKb.join();
        try {
            for (Path rules : config.rules()) {
                kb = kb.withRuleFile(rules);
            }
        } catch (RuleFileException e) {
            throw ConfigException.of(e.file(), e.line(), e.key(), e.problem());
        }
        return Diagnosis.builder().knowledgeBase(kb).gatePolicy(gate).build();
    }

    private static List<Probe> serviceProbes(DeploymentConfig config, Service s, Duration timeout, Clock clock)
            throws ConfigException {
        List<Probe> out = new ArrayList<>();
        try {
            switch (s.kind()) {
                case HTTP -> out.add(HttpProbe.of(s, timeout));
                case MCP -> {
                    out.add(McpProbe.of(s, timeout));
                    // an MCP endpoint answers only POSTed JSON-RPC; a GET health check needs its own path
                    if (s.expect().healthPath() != null) {
                        out.add(HttpProbe.of(s, timeout));
                    }
                }
                case TCP -> out.add(TcpProbe.of(s, timeout));
            }
            // a name (not an IP literal) gets its own DNS probe, so NXDOMAIN is told apart from a dead host
            String host = s.url().getHost();
            if (host != null && !host.isEmpty() && !host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
                out.add(DnsProbe.of(s, timeout));
            }
            if ("https".equals(String.valueOf(s.url().getScheme()).toLowerCase(Locale.ROOT))) {
                out.add(TlsProbe.of(s, timeout, TlsProbe.Options.custom().clock(clock).build()));
            }
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(config.source().toString(), 0, "services." + s.id(), e.getMessage());
        }
        return out;
    }

    private static Probe github(DeploymentConfig config, Deployment deployment, Function<String, String> env,
                                Duration budget, LogAnalyzer analyzer) throws ConfigException {
        DeploymentConfig.GitHub g = config.github();
        try {
            GitHubActionsConfig.Builder b = GitHubActionsConfig.custom()
                    .apiUrl(g.apiUrl()).repository(g.repository()).env(env).timeout(budget);
            if (g.runId() != null) {
                b.runId(g.runId());
            } else {
                b.workflow(g.workflow());
                if (g.branch() != null) {
                    b.branch(g.branch());
                }
            }
            if (g.tokenEnv() != null) {
                b.tokenEnv(g.tokenEnv());
            }
            if (g.maxLogBytes() != null) {
                b.maxLogBytes(g.maxLogBytes());
            }
            b.allAttempts(g.allAttempts());
            return GitHubActionsProbe.of(b.build(), deployment, analyzer);
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw ConfigException.of(config.source().toString(), 0, "pipeline.github", String.valueOf(e.getMessage()));
        }
    }

    private static Probe fly(DeploymentConfig config, Deployment deployment, Function<String, String> env,
                             Duration budget, Clock clock) throws ConfigException {
        DeploymentConfig.Fly f = config.fly();
        try {
            FlyConfig.Builder b = FlyConfig.custom().apiUrl(f.apiUrl()).env(env).timeout(budget).clock(clock);
            if (f.tokenEnv() != null) {
                b.tokenEnv(f.tokenEnv());
            }
            for (Map.Entry<String, String> app : f.apps().entrySet()) {
                b.app(app.getKey(), app.getValue());
            }
            return FlyMachinesProbe.of(b.build(), deployment);
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw ConfigException.of(config.source().toString(), 0, "platform.fly", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Runs service checks and API probes side by side, each under its own deadline, and returns
     * the observations in probe order.
     */
    private static ProbeExecutor split(ProbeExecutor services, ProbeExecutor apis) {
        return probes -> {
            List<Probe> serviceProbes = new ArrayList<>();
            List<Probe> apiProbes = new ArrayList<>();
            for (Probe p : probes) {
                (API_SOURCES.contains(p.source()) ? apiProbes : serviceProbes).add(p);
            }
            CompletableFuture<List<Observation>> api = apiProbes.isEmpty()
                    ? CompletableFuture.completedFuture(List.of())
                    : CompletableFuture.supplyAsync(() -> apis.execute(apiProbes));
            List<Observation> serviceObs = serviceProbes.isEmpty() ? List.of() : services.execute(serviceProbes);
            List<Observation> apiObs = api.join();
            // probe order matters for reproducible reports: services first as listed, then CI, then platform
            List<Observation> out = new ArrayList<>(serviceObs.size() + apiObs.size());
            out.addAll(serviceObs);
            out.addAll(apiObs);
            return out;
        };
    }

}
