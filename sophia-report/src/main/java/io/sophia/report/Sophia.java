package io.sophia.report;

import io.sophia.probes.HttpProbe;
import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.InputException;
import io.sophia.diagnosis.KnowledgeBase;
import io.sophia.report.internal.BuiltIns;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.diagnosis.LogDiagnosis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What {@code sophia check --config FILE} does, as one call: read the YAML/JSON config, plan the probes
 * of the deployment (see {@link ProbePlan}), probe, diagnose with the config's gate policy and rule
 * files, and redact the configured tokens. The CLI adds only arguments, terminal output and exit codes.
 *
 * <pre>{@code
 * Assessment a = Sophia.check(Path.of("deploy.yaml"));
 * ReportFiles.writeAll(a, Path.of("sophia-out"));
 * System.exit(a.gate().status().exitCode());
 * }</pre>
 *
 * <p>Hosts that configure in code start from {@link #builder(Deployment)}:
 * <pre>{@code
 * Sophia sophia = Sophia.builder(new Deployment("shop", List.of(Service.http("api", "https://api.example.com/"))))
 *         .github(DeploymentConfig.GitHub.latest("acme/shop", "deploy.yml").withTokenEnv("GITHUB_TOKEN"))
 *         .build();
 * Assessment a = sophia.check();
 * }</pre>
 *
 * <p>Why it lives in sophia-report: the facade needs the probes, the diagnosis and the redaction of the
 * report module; sophia-report is the one library module that may see all three (examples → report →
 * probes, diagnosis → core), so the dependency arrows stay one-way and sophia-core stays JDK-only.
 *
 * <p>Immutable and thread-safe; {@link #check()} may be called repeatedly (as {@code watch} does).
 * Stability: stable.
 */
public final class Sophia {

    private final DeploymentConfig config;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;
    private final Function<String, String> env;
    private final CheckHistory history;

    private Sophia(Builder b) {
        this.config = b.config;
        this.knowledgeBase = b.knowledgeBase;
        this.clock = b.clock;
        this.env = b.env;
        this.history = b.history;
    }

    /**
     * Reads {@code config}, probes, diagnoses: the assessment {@code sophia check --config} writes, with the
     * system clock and the process environment (for the {@code tokenEnv} variables).
     *
     *
     *
     * @param config the configuration
     * @return the redacted assessment
     * @throws InputException when the config, a rule file or the gate section cannot be used; it names the
     *                      file, line and key
     */
    public static Assessment check(Path config) {
        return load(config).check();
    }

    /**
     * {@return a check of the deployment {@code config} describes, with the system clock and environment}
     *
     *
     * @param config the configuration
     * @throws InputException when the config cannot be used
     */
    public static Sophia load(Path config) {
        return builder(DeploymentConfig.load(config)).build();
    }

    /**
     * {@return a builder from a config loaded or built elsewhere}
     *
     * @param config the configuration
     */
    public static Builder builder(DeploymentConfig config) {
        return new Builder(config);
    }

    /**
     * {@return a builder for a host that configures in code: {@code deployment} with default probe settings and gate}
     *
     * @param deployment the deployment
     */
    public static Builder builder(Deployment deployment) {
        return new Builder(DeploymentConfig.of(deployment));
    }

    /**
     * Starts, in the background, the work a cold JVM does before its first check: parsing the built-in
     * knowledge base and compiling the log indications, starting the HTTP stack (OkHttp, the trust
     * store, a loopback exchange: {@link HttpProbe#warmUp()}) and the report renderers — a few hundred
     * ms each. Optional: a check starts the first two anyway; a command line calls it first thing so
     * that the work overlaps its start-up. Later calls do nothing.
     */
    public static void warmUp() {
        BuiltIns.start();
        // referencing the holder starts its warm-up exactly once
        Warm.RENDERERS.isDone();
    }

    private static final class Warm {
        static final CompletableFuture<Void> RENDERERS = BuiltIns.inBackground(() -> {
            try {
                // the HTTP checks' stack (OkHttp, TLS): its first use would otherwise be in the first check's plan
                HttpProbe.warmUp();
                Assessment empty = Assessment.builder("warm-up", Instant.EPOCH,
                                new GateDecision(GateDecision.Verdict.OPEN, 100, List.of()))
                        .impact(new Impact(0, 0, 100, List.of(), List.of(), List.of(), Impact.Severity.NONE)).build();
                MarkdownReport.render(empty);
                JsonReport.render(empty);
                HtmlReport.render(empty);
                JUnitXmlReport.render(empty);
            } catch (RuntimeException e) {
                // only a warm-up: the real run reports any problem itself
            }
            return null;
        });
    }

    /** {@return the config this check runs on} */
    public DeploymentConfig config() {
        return config;
    }

    /** {@return the check's own past runs ({@link Builder#history}), if it keeps them} */
    public java.util.Optional<CheckHistory> history() {
        return java.util.Optional.ofNullable(history);
    }

    /**
     * {@return the probes, executor, diagnosis and redaction of one check, built before any network call; with a
     * {@link Builder#history history}, its latency baselines are read now and the plan's run is recorded there}
     *
     *
     * @throws InputException when a rule file, the gate section or a source's settings cannot be used
     */
    public ProbePlan plan() {
        return Planner.plan(config, knowledgeBase, clock, env, history);
    }

    /**
     * Probes, diagnoses and redacts. Never throws for what the probes find (every failure is an
     * observation). With a {@link Builder#history history}, each service's latency is compared with its own
     * baseline and the run is recorded.
     *
     *
     *
     * @return the redacted assessment
     * @throws InputException when a rule file, the gate section or a source's settings cannot be used
     */
    public Assessment check() {
        return plan().run();
    }

    /**
     * {@return what {@code sophia explain RUN_URL} does: reads the GitHub Actions run (its jobs, failed logs,
     * annotations and the changes since the last good run), token from {@code GITHUB_TOKEN}, and diagnoses it}
     *
     *
     * @param runUrl the run url
     * @throws InputException when {@code runUrl} is not a run url
     */
    public static Assessment explain(URI runUrl) {
        try {
            return explain(Explain.run(runUrl), Clock.systemUTC(), System::getenv);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no log to read: cannot happen
        }
    }

    /**
     * {@return what {@code sophia explain --log FILE} and {@code sophia explain -} do: a build or deploy log from any
     * CI, diagnosed from the log alone} The gate is the log's ({@link LogDiagnosis#gatePolicy()}).
     *
     *
     * @param log the log
     * @throws IOException when reading {@code log} fails
     */
    public static Assessment explain(Reader log) throws IOException {
        return explain(Explain.log("log", log), Clock.systemUTC(), System::getenv);
    }

    /**
     * {@return explains a run, a log, Fly apps or a combination ({@link Explain}): the run and the apps are probed
     * (never the endpoints), the log is scanned, and everything is diagnosed together with {@link
     * LogDiagnosis#gatePolicy()} (the default gate, and a cause above 50 % blocks) and redacted}
     *
     *
     * @param what the what
     * @param clock the clock
     * @param env reads environment variables
     * @throws IOException when reading the log fails
     */
    public static Assessment explain(Explain what, Clock clock, Function<String, String> env) throws IOException {
        Objects.requireNonNull(what, "what");
        ProbePlan plan = builder(what.config()).gatePolicy(LogDiagnosis.gatePolicy()).clock(clock).env(env).build().plan();
        // explain reads the CI run and the platform; a Fly app's endpoint is not probed, its machines say its health
        List<Probe> sources = plan.probes().stream()
                .filter(p -> Source.GITHUB == p.source() || Source.FLY == p.source()).toList();
        List<Observation> findings = new ArrayList<>();
        if (what.log() != null || what.logFile() != null) {
            // the rule files' indications read the log too (the plan's diagnosis has their knowledge base); else the
            // built-ins, warmed up in the background; only the scanner is used of this LogDiagnosis
            LogDiagnosis logs = plan.diagnoser() instanceof Diagnosis d
                    ? LogDiagnosis.of(d.knowledgeBase().logScanner(), d)
                    : LogDiagnosis.of(BuiltIns.logScanner().join(), Diagnosis.builder()
                            .knowledgeBase(BuiltIns.knowledgeBase().join()).build());
            if (what.log() != null) {
                findings.addAll(logs.scan(what.logName(), what.log()));
            } else {
                try (Reader r = new java.io.InputStreamReader(java.nio.file.Files.newInputStream(what.logFile()),
                        java.nio.charset.StandardCharsets.UTF_8)) {
                    findings.addAll(logs.scan(what.logName(), r));
                }
            }
        }
        return new ProbePlan(plan.deployment(), sources, plan.executor(), plan.diagnoser(), plan.redaction(), plan.clock())
                .run(plan.executor(), findings);
    }

    /** Options of a {@link Sophia}; defaults: the config's gate section and rule files, system clock and environment. */
    public static final class Builder {
        private DeploymentConfig config;
        private KnowledgeBase knowledgeBase;
        private Clock clock = Clock.systemUTC();
        private Function<String, String> env = System::getenv;
        private CheckHistory history;

        private Builder(DeploymentConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Reads the run of a GitHub Actions workflow (the CI source).
         *
         * @param github the github
         * @return this builder
         */
        public Builder github(DeploymentConfig.GitHub github) {
            config = config.withGitHub(github);
            return this;
        }

        /**
         * Reads the Fly.io machines of the deployment's apps (the platform source).
         *
         * @param fly the fly
         * @return this builder
         */
        public Builder fly(DeploymentConfig.Fly fly) {
            config = config.withFly(fly);
            return this;
        }

        /**
         * Probe timeout, retries and concurrency.
         *
         * @param probe the probe
         * @return this builder
         */
        public Builder probe(DeploymentConfig.ProbeSettings probe) {
            config = config.withProbe(probe);
            return this;
        }

        /**
         * The gate policy, instead of the config's {@code gate} section ({@link DeploymentConfig#withGate}).
         *
         * @param gatePolicy the gate policy
         * @return this builder
         */
        public Builder gatePolicy(GatePolicy gatePolicy) {
            config = config.withGate(Objects.requireNonNull(gatePolicy, "gatePolicy"));
            return this;
        }

        /**
         * The knowledge base to start from, instead of the built-in one; the config's rule files still apply
         * over it.
         *
         * @param knowledgeBase the knowledge base
         * @return this builder
         */
        public Builder knowledgeBase(KnowledgeBase knowledgeBase) {
            this.knowledgeBase = Objects.requireNonNull(knowledgeBase, "knowledgeBase");
            return this;
        }

        /**
         * Stamps the assessment and ages (a fixed clock gives byte-identical report.json for the same observations).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Reads the {@code tokenEnv} variables (default: the process environment).
         *
         * @param env reads environment variables
         * @return this builder
         */
        public Builder env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /**
         * Keeps the check's own past runs in {@code history}: each service's latency is compared with its own
         * baseline there (an answer far above it is DEGRADED and the gate WARNs), and each run is recorded
         * ({@code sophia check --history FILE}). Default: none.
         *
         * @param history where the runs are kept ({@link CheckHistory#at(Path)})
         * @return this builder
         */
        public Builder history(CheckHistory history) {
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        /** {@return the check} */
        public Sophia build() {
            return new Sophia(this);
        }
    }
}
