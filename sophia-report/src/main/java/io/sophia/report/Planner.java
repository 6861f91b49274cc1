package io.sophia.report;

import io.sophia.core.Source;
import io.sophia.core.Deployment;
import io.sophia.core.Diagnoser;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.Secrets;
import io.sophia.core.ProbeExecutor;
import io.sophia.core.Service;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.History;
import io.sophia.diagnosis.KnowledgeBase;
import io.sophia.diagnosis.LogScanner;
import io.sophia.diagnosis.InputException;
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
import io.sophia.report.internal.BuiltIns;

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
import java.util.function.Supplier;

/**
 * The probe plan of a {@link DeploymentConfig}: from the config to the probes, the executor, the
 * diagnosis and the redaction. The one place that knows the probes' and the diagnosis' entry points.
 */
final class Planner {

    /** Sources whose probes call remote APIs and read logs; they get a longer budget than a service check. */
    private static final Set<Source> API_SOURCES = java.util.EnumSet.of(Source.GITHUB, Source.FLY);
    /** Budget of the CI and platform probes (several API calls and log downloads each). */
    static final Duration API_BUDGET = Duration.ofSeconds(30);

    private Planner() {
    }

    /**
     * Builds the plan for {@code config}, comparing each service's latency with {@code history}'s baselines and
     * recording the run there.
     *
     * @param kb      the knowledge base, or null for the built-in one plus the config's rule files
     * @param clock   stamps ages and the assessment
     * @param env     reads token variables
     * @param history the check's own past runs, or null
     * @throws InputException for a rule file or source setting that cannot be used
     */
    static ProbePlan plan(DeploymentConfig config, KnowledgeBase kb, Clock clock, Function<String, String> env,
                          CheckHistory history) {
        BuiltIns.start();
        CheckHistory own = history == null ? null : history.redactedBy(redaction(config, env));
        KnowledgeBase base = knowledgeBase(config, kb);
        Diagnoser diagnoser = diagnosis(config, base, own == null ? History.empty() : own.read());
        // the rule files' indications read the CI logs too; the built-in scanner warms up in the background
        Supplier<LogScanner> scanner = base == null ? () -> BuiltIns.logScanner().join() : base::logScanner;
        Deployment deployment = config.deployment();
        DeploymentConfig.ProbeSettings settings = config.probe();
        Duration timeout = settings.timeout();
        Duration apiBudget = timeout.compareTo(API_BUDGET) > 0 ? timeout : API_BUDGET;
        List<Probe> probes = new ArrayList<>();
        for (Service s : deployment.services()) {
            probes.addAll(serviceProbes(config, s, timeout, clock, env));
        }
        if (config.github() != null) {
            probes.add(github(config, deployment, env, apiBudget, (origin, log) -> scanner.get().analyze(origin, log)));
        }
        if (config.fly() != null) {
            probes.add(fly(config, deployment, env, apiBudget, clock));
        }
        ProbeRunnerConfig.Builder serviceRunner = ProbeRunnerConfig.custom()
                .timeout(timeout).retries(settings.retries()).maxConcurrent(settings.maxConcurrent());
        if (settings.budget() != null) {
            serviceRunner.budget(settings.budget());
        }
        ProbeRunner services = ProbeRunner.of(serviceRunner.build());
        ProbeRunner apis = ProbeRunner.of(ProbeRunnerConfig.custom()
                .timeout(apiBudget).retries(settings.retries()).maxConcurrent(4).build());
        return new ProbePlan(deployment, probes, split(services, apis), diagnoser, redaction(config, env), clock, own);
    }

    /** Token-looking strings and the values of the configured token variables. */
    private static Redaction redaction(DeploymentConfig config, Function<String, String> env) {
        return Redaction.of(Secrets.patterns().and(config.secretValues(env)));
    }

    /**
     * The knowledge base of {@code config}: {@code kb} (or the built-in one) with the config's rule files merged in, or
     * null when there is nothing of the user's (no {@code kb}, no rule file): the built-in base, loaded in the background.
     *
     * @throws InputException for a rule file that cannot be used
     */
    static KnowledgeBase knowledgeBase(DeploymentConfig config, KnowledgeBase kb) {
        if (kb == null && config.rules().isEmpty()) {
            return null;
        }
        // a broken built-in knowledge base is our bug, not the user's config: let it surface as internal
        KnowledgeBase base = kb != null ? kb : BuiltIns.knowledgeBase().join();
        for (Path rules : config.rules()) {
            base = base.withRuleFile(rules);
        }
        return base;
    }

    /** The diagnosis with {@code base} ({@link #knowledgeBase}; null: the built-in one) and the config's gate. */
    private static Diagnoser diagnosis(DeploymentConfig config, KnowledgeBase base, History history) {
        // read once, with the config (its gate section) or set by the host
        GatePolicy gate = config.gate();
        if (base == null) {
            // nothing of the user's to validate before probing: wait for the built-in base only when diagnosing
            return (deployment, observations, now) -> Diagnosis.builder()
                    .knowledgeBase(BuiltIns.knowledgeBase().join().withLatencyBaselines(history))
                    .gatePolicy(gate).build().diagnose(deployment, observations, now);
        }
        return Diagnosis.builder().knowledgeBase(base.withLatencyBaselines(history)).gatePolicy(gate).build();
    }

    private static List<Probe> serviceProbes(DeploymentConfig config, Service s, Duration timeout, Clock clock,
                                             Function<String, String> env) {
        List<Probe> out = new ArrayList<>();
        try {
            // the service's http section, else the defaults: the proxy variables of the environment apply
            HttpProbe.Options http = config.http().getOrDefault(s.id(), DeploymentConfig.HttpSettings.DEFAULTS).options(env);
            switch (s.kind()) {
                case HTTP -> out.add(HttpProbe.of(s, timeout, http));
                case MCP -> {
                    out.add(McpProbe.of(s, timeout));
                    // an MCP endpoint answers only POSTed JSON-RPC; a GET health check needs its own path
                    if (s.expect().healthPath() != null) {
                        out.add(HttpProbe.of(s, timeout, http));
                    }
                }
                case TCP -> out.add(TcpProbe.of(s, timeout));
            }
            // a name (not an IP literal) gets its own DNS probe, so NXDOMAIN is told apart from a dead host
            String host = s.url().getHost();
            // as HttpProbe tells them: an IPv4 literal is digits and dots, an IPv6 one has a colon (a name never has)
            if (host != null && !host.isEmpty() && !host.matches("[0-9.]+") && host.indexOf(':') < 0) {
                out.add(DnsProbe.of(s, timeout));
            }
            if ("https".equals(String.valueOf(s.url().getScheme()).toLowerCase(Locale.ROOT))) {
                out.add(TlsProbe.of(s, timeout, TlsProbe.Options.custom().clock(clock).build()));
            }
        } catch (IllegalArgumentException e) {
            throw InputException.of(config.name(), 0, "services." + s.id(), e.getMessage());
        }
        return out;
    }

    private static Probe github(DeploymentConfig config, Deployment deployment, Function<String, String> env,
                                Duration budget, LogAnalyzer analyzer) {
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
            throw InputException.of(config.name(), 0, "pipeline.github", String.valueOf(e.getMessage()));
        }
    }

    private static Probe fly(DeploymentConfig config, Deployment deployment, Function<String, String> env,
                             Duration budget, Clock clock) {
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
            throw InputException.of(config.name(), 0, "platform.fly", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Runs service checks and API probes side by side, each under its own deadline, and returns
     * the observations in probe order.
     */
    private static ProbeExecutor split(ProbeExecutor services, ProbeExecutor apis) {
        ProbeExecutor both = probes -> {
            List<Probe> serviceProbes = new ArrayList<>();
            List<Probe> apiProbes = new ArrayList<>();
            for (Probe p : probes) {
                (API_SOURCES.contains(p.source()) ? apiProbes : serviceProbes).add(p);
            }
            // the API batch blocks for up to its budget: on a thread of its own, never on a host's common pool
            CompletableFuture<List<Observation>> api = new CompletableFuture<>();
            if (apiProbes.isEmpty()) {
                api.complete(List.of());
            } else {
                Thread t = new Thread(() -> {
                    try {
                        api.complete(apis.execute(apiProbes));
                    } catch (RuntimeException | Error e) {
                        api.completeExceptionally(e);
                    }
                }, "sophia-api-probes");
                t.setDaemon(true);
                t.start();
            }
            List<Observation> serviceObs = serviceProbes.isEmpty() ? List.of() : services.execute(serviceProbes);
            List<Observation> apiObs = api.join();
            // probe order matters for reproducible reports: services first as listed, then CI, then platform
            List<Observation> out = new ArrayList<>(serviceObs.size() + apiObs.size());
            out.addAll(serviceObs);
            out.addAll(apiObs);
            return out;
        };
        // the report states the service checks' timeout and budget: those a fleet's statuses depend on
        return new ProbeExecutor() {
            @Override
            public List<Observation> execute(List<? extends Probe> probes) {
                return both.execute(probes);
            }

            @Override
            public java.util.Optional<io.sophia.core.Probing> probing() {
                return services.probing();
            }
        };
    }

}
