package io.sophia.examples.internal;

import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.core.Assessment;
import io.sophia.diagnosis.History;
import io.sophia.diagnosis.InputException;
import io.sophia.report.CheckHistory;
import io.sophia.report.CheckRun;
import io.sophia.report.Explain;
import io.sophia.report.GitHubActionsReport;
import io.sophia.report.Sophia;
import io.sophia.report.WebhookAlerts;
import io.sophia.diagnosis.InputTree;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.ReportFiles;
import io.sophia.report.ReportWriteException;
import io.sophia.report.RoundHistory;
import io.sophia.examples.metrics.MetricsEndpoint;
import io.sophia.examples.demo.DemoFleet;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The commands of {@code io.sophia.examples.Main}: argument parsing, demo, check, watch, explain. */
public final class Commands {

    static final int EXIT_USAGE = 64;
    static final int EXIT_SOFTWARE = 70;
    /** The output directory cannot be written (BSD {@code EX_CANTCREAT}); the previous reports stay. */
    static final int EXIT_CANTCREAT = 73;
    static final Duration DEMO_TIMEOUT = Duration.ofSeconds(2);
    static final String DEMO_CONFIG = "demo-config.yaml";

    private static final System.Logger LOG = System.getLogger(Commands.class.getName());

    static final String USAGE = """
            Usage: sophia <command> [options]      sophia --version      sophia <command> --help

            Commands:
              demo  --out DIR [--timeout 2s] [--lock-wait 10s]
                    Reproduce the reference scenario on loopback stand-ins (no network) and assess it.
              check --config FILE --out DIR [--lock-wait 10s] [--history FILE [--history-keep 50]]
                    Probe the deployment FILE describes (YAML or JSON), diagnose, write the reports.
              watch --config FILE --out DIR [--interval 30s] [--count N] [--metrics-port PORT] [--lock-wait 10s]
                    [--history FILE [--history-keep 50]]
                    Re-run check every interval; print changes, POST alerts, serve Prometheus metrics.
              explain [RUN_URL | -] [--log FILE] [--fly-app NAME] [--token-env VAR] [--api-url URL] [--out DIR]
                      [--timeout 5s] [--lock-wait 10s] [--rules FILE]
                    Diagnose a GitHub Actions run, a log (- reads stdin) and/or a Fly app without a config;
                    --rules: a rule file (causes, rules, priors, log indications) over the built-in ones.

            Every command writes (explain with --out) DIR/report.md, report.json, report.html and junit.xml.
            Exit codes: 0 gate OPEN, 1 WARN, 2 BLOCKED, 64 usage or configuration error, 70 internal error,
            73 the output directory cannot be written (the previous reports stay intact), also when another
            sophia was still writing reports into DIR after --lock-wait (default 10s; 0s: do not wait): try again.
            """;

    private final TerminalStream out;
    private final TerminalStream err;
    private final Clock clock;
    private final Function<String, String> env;
    /** How long a report write waits for another writer of the same directory: the command's --lock-wait. */
    private Duration lockWait = ReportFiles.DEFAULT_LOCK_WAIT;

    public Commands(PrintStream out, PrintStream err, Clock clock, Function<String, String> env) {
        // every line the user sees is redacted and stripped of control sequences, error paths included
        this.out = TerminalStream.of(out);
        this.err = TerminalStream.of(err);
        this.clock = clock;
        this.env = env;
    }

    /** Runs {@code args}; returns the exit code. Never throws. */
    public int run(String[] args) {
        try {
            return dispatch(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(String[] args) {
        try {
            if (args.length == 0) {
                err.print(USAGE);
                return EXIT_USAGE;
            }
            String command = args[0];
            boolean help = List.of("--help", "-h", "help").contains(command);
            if (help || List.of("--version", "-V", "version").contains(command)) {
                out.print(help ? USAGE : io.sophia.examples.cli.Version.line() + System.lineSeparator());
                return 0;
            }
            String target = command.equals("explain") && args.length > 1 && !args[1].startsWith("--") ? args[1] : null;
            Map<String, String> opts = options(args, target == null ? 1 : 2);
            if (opts.containsKey("help")) {
                out.print(io.sophia.examples.cli.CommandHelp.of(command).orElse(USAGE));
                return 0;
            }
            lockWait = lockWait(opts);
            Path outDir = opts.containsKey("out") ? path(opts, "out") : null;
            if (outDir != null && Files.isDirectory(outDir)) { // finish or remove what a killed run left, and say so
                ReportFiles.recover(outDir).forEach(line -> err.println("sophia: warning: " + line));
            }
            return switch (command) {
                case "demo" -> demo(opts);
                case "check" -> check(opts);
                case "watch" -> watch(opts);
                case "explain" -> explain(target, opts);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("sophia: " + e.getMessage());
            err.println("Run 'sophia --help' for usage.");
            return EXIT_USAGE;
        } catch (InputException e) {
            err.println(e.getMessage());
            return EXIT_USAGE;
        } catch (ReportWriteException e) {
            err.println("sophia: " + e.getMessage());
            return EXIT_CANTCREAT;
        } catch (RuntimeException | IOException | Error e) {
            // also OutOfMemoryError: one line, exit 70, rather than a stack trace and exit 1
            // a backstop: no known path puts a secret into an exception; the log gets the stream's redaction too
            String message = e.getMessage() == null ? "" : ": " + err.secrets().cut(firstLine(e.getMessage()), 500);
            LOG.log(System.Logger.Level.ERROR, "internal error: " + e.getClass().getName() + message);
            err.println("sophia: internal error: " + e.getClass().getSimpleName() + message);
            return EXIT_SOFTWARE;
        }
    }

    // ---------------------------------------------------------------- commands

    private int check(Map<String, String> opts) throws UsageException, ReportWriteException {
        allow(opts, "check", Set.of("config", "out", "lock-wait", "history", "history-keep"));
        Path configFile = path(opts, "config");
        Path dir = path(opts, "out");
        CheckHistory history = history(opts);
        DeploymentConfig config = DeploymentConfig.load(configFile);
        register(config, env);
        CheckRun result = check(config, dir, env, UnaryOperator.identity(), history);
        out.print(Summary.render(result, config));
        out.flush();
        publishInActions(result.assessment(), result.files());
        return result.assessment().gate().status().exitCode();
    }

    /** The demo is check on a config it writes for its own loopback stand-ins. */
    private int demo(Map<String, String> opts) throws UsageException, IOException {
        allow(opts, "demo", Set.of("out", "timeout", "lock-wait"));
        Path dir = path(opts, "out");
        Duration timeout = opts.containsKey("timeout") ? duration(opts, "timeout") : DEMO_TIMEOUT;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ReportWriteException(dir, "the output directory cannot be created ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        try (DemoFleet fleet = DemoFleet.start()) {
            Path config = dir.resolve(DEMO_CONFIG);
            Files.writeString(config, fleet.configYaml(timeout, 1));
            out.println("Demo: six services, a GitHub Actions API and a Fly Machines API on loopback; config "
                    + config);
            out.flush();
            Function<String, String> demoEnv = DemoFleet.env(env);
            DeploymentConfig loaded = DeploymentConfig.load(config);
            register(loaded, demoEnv);
            CheckRun result = check(loaded, dir, demoEnv, UnaryOperator.identity(), null);
            out.print(Summary.render(result, loaded));
            out.flush();
            publishInActions(result.assessment(), result.files());
            return result.assessment().gate().status().exitCode();
        }
    }

    private int watch(Map<String, String> opts) throws UsageException, ReportWriteException {
        allow(opts, "watch", Set.of("config", "out", "interval", "count", "metrics-port", "lock-wait", "history",
                "history-keep"));
        Path configFile = path(opts, "config");
        Path dir = path(opts, "out");
        CheckHistory history = history(opts);
        Duration interval = opts.containsKey("interval") ? duration(opts, "interval") : Duration.ofSeconds(30);
        long count = opts.containsKey("count") ? number("count", opts.get("count"), 1, Long.MAX_VALUE,
                "a whole number of at least 1") : Long.MAX_VALUE;
        DeploymentConfig config = DeploymentConfig.load(configFile);
        register(config, env);
        Integer port = opts.containsKey("metrics-port") ? (int) number("metrics-port", opts.get("metrics-port"), 0, 65535,
                "a port from 0 to 65535") : null;
        List<URI> hooks = config.webhookUrls(env);
        // closing delivers the alerts in flight and stops the endpoint
        try (WebhookAlerts alerts = hooks.isEmpty() ? null
                : new WebhookAlerts(config.deployment().name(), hooks, line -> err.println("sophia: " + line));
             MetricsEndpoint metrics = metrics(port)) {
            Map<String, Status> last = new HashMap<>();
            String lastGate = null;
            int exit = 0;
            RoundHistory upSeen = new RoundHistory();
            for (long i = 0; i < count; i++) {
                if (i > 0 && !sleep(interval)) {
                    break;
                }
                Assessment a = check(config, dir, env, upSeen, history).assessment();
                if (alerts != null) {
                    alerts.onRound(a);
                }
                if (metrics != null) {
                    metrics.record(a);
                }
                exit = a.gate().status().exitCode();
                lastGate = printRound(a, lastGate, last);
            }
            return exit;
        }
    }

    /** One status line per round, then what changed since the last: the gate, each service. */
    private String printRound(Assessment a, String lastGate, Map<String, Status> last) {
        String gate = a.gate().status().name();
        long up = a.services().stream().filter(s -> s.status() == Status.UP).count();
        String top = a.topCause().map(c -> String.format(java.util.Locale.ROOT, ", top %s %.0f %%", c.id(),
                c.probability() * 100)).orElse("");
        out.printf("%s  gate %s, %d/%d UP%s%n", a.generatedAt(), gate, up, a.services().size(), top);
        if (lastGate != null && !lastGate.equals(gate)) {
            out.printf("  gate: %s -> %s%n", lastGate, gate);
        }
        for (ServiceHealth s : a.services()) {
            Status before = last.put(s.id(), s.status());
            if (before != null && before != s.status()) {
                out.printf("  %s: %s -> %s%s%n", s.id(), before, s.status(), s.failure() == null ? ""
                        : " (" + s.failure().replaceAll("\\R", " ") + ")"); // one line: it can quote a remote answer
            }
        }
        out.flush();
        return gate;
    }

    /** The Prometheus endpoint of {@code --metrics-port}, or null without the option. */
    private MetricsEndpoint metrics(Integer port) throws UsageException {
        if (port == null) {
            return null;
        }
        try {
            MetricsEndpoint metrics = MetricsEndpoint.serve(port);
            out.println("Metrics: http://0.0.0.0:" + metrics.port() + "/metrics");
            return metrics;
        } catch (IOException e) {
            throw new UsageException("--metrics-port " + port + ": cannot listen (" + e.getMessage() + ")");
        }
    }

    private int explain(String target, Map<String, String> opts) throws UsageException, IOException {
        allow(opts, "explain", Set.of("log", "fly-app", "token-env", "api-url", "out", "lock-wait", "timeout", "rules"));
        Explain.Builder b = Explain.builder().tokenEnv(opts.getOrDefault("token-env", Explain.DEFAULT_TOKEN_ENV))
                .apiUrl(opts.get("api-url"));
        Optional.ofNullable(opts.get("fly-app")).ifPresent(b::flyApp);
        if (opts.containsKey("timeout")) {
            b.timeout(duration(opts, "timeout"));
        }
        Optional.ofNullable(opts.get("log")).map(Path::of).ifPresent(b::logFile);
        Optional.ofNullable(opts.get("rules")).map(Path::of).ifPresent(b::rules);
        if (target != null) {
            b = "-".equals(target) ? b.log("stdin", new InputStreamReader(System.in, StandardCharsets.UTF_8)) : b.run(target);
        }
        Explain e = b.build();
        register(e.config(), env);
        Assessment a = Sophia.explain(e, clock, env);
        List<Path> files = opts.containsKey("out") ? CheckRun.write(a, path(opts, "out"), lockWait) : List.of();
        out.print(Summary.render(new CheckRun(a, files, Duration.ZERO), e.config()));
        publishInActions(a, files);
        return a.gate().status().exitCode();
    }

    /** The plan first (a rule-file or gate error before the directory is touched); amend: watch's rounds. */
    private CheckRun check(DeploymentConfig config, Path dir, Function<String, String> env,
                           UnaryOperator<Assessment> amend, CheckHistory history) throws ReportWriteException {
        Sophia.Builder sophia = Sophia.builder(config).clock(clock).env(env);
        return CheckRun.of((history == null ? sophia : sophia.history(history)).build().plan(), dir, amend, lockWait);
    }

    /** --history FILE [--history-keep N] of check and watch, its warnings on stderr; null without --history. */
    private CheckHistory history(Map<String, String> opts) throws UsageException {
        if (opts.containsKey("history-keep") && !opts.containsKey("history")) {
            throw new UsageException("--history-keep needs --history FILE");
        }
        int keep = (int) number("history-keep", opts.getOrDefault("history-keep", "" + History.DEFAULT_KEEP),
                History.MIN_BASELINE_SAMPLES, 10_000, "a number of runs from " + History.MIN_BASELINE_SAMPLES + " to 10000");
        return !opts.containsKey("history") ? null : CheckHistory.at(path(opts, "history")).keep(keep)
                .warnings(line -> err.println("sophia: warning: " + line));
    }

    /** Inside GitHub Actions: the step summary and annotations; a summary not written is a warning only. */
    private void publishInActions(Assessment a, List<Path> files) {
        Optional<GitHubActionsReport> gh = GitHubActionsReport.detect(env);
        try {
            if (gh.isPresent()) {
                gh.get().publish(a, files, out);
            }
        } catch (IOException e) {
            err.println("sophia: " + e.getMessage());
        }
    }

    /** From now on the streams mask the values of the token variables {@code config} names too. */
    private void register(DeploymentConfig config, Function<String, String> env) {
        List<String> values = config.secretValues(env);
        out.register(values);
        err.register(values);
    }

    // ---------------------------------------------------------------- arguments

    /** A command line that cannot be run. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static Map<String, String> options(String[] args, int from) throws UsageException {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                opts.put("help", "");
                continue;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                name = a.substring(2);
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (opts.put(name, value) != null) {
                throw new UsageException("option --" + name + " given twice");
            }
        }
        return opts;
    }

    private static void allow(Map<String, String> opts, String command, Set<String> allowed) throws UsageException {
        for (String name : opts.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("'" + command + "' has no option --" + name + " (options: --"
                        + String.join(", --", List.copyOf(new java.util.TreeSet<>(allowed))) + ")");
            }
        }
    }

    private static Path path(Map<String, String> opts, String name) throws UsageException {
        String v = Optional.ofNullable(opts.get(name))
                .orElseThrow(() -> new UsageException("missing --" + name));
        if (v.isBlank()) {
            throw new UsageException("--" + name + " is empty");
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " is not a valid path: " + v);
        }
    }

    private static Duration duration(Map<String, String> opts, String name) throws UsageException {
        String v = opts.get(name);
        return InputTree.parseDuration(v).filter(d -> !d.isZero() && !d.isNegative())
                .orElseThrow(() -> new UsageException("--" + name + ": expected a duration like 500ms, 2s or 1m, got '"
                        + v + "'"));
    }

    /** {@code --lock-wait}: a duration, zero allowed (fail at once when another writer holds the directory). */
    private static Duration lockWait(Map<String, String> opts) throws UsageException {
        String v = opts.get("lock-wait");
        return v == null ? ReportFiles.DEFAULT_LOCK_WAIT : InputTree.parseDuration(v).filter(d -> !d.isNegative())
                .orElseThrow(() -> new UsageException("--lock-wait: expected a duration like 0s or 10s, got " + v));
    }

    /** A whole number from {@code min} to {@code max}, {@code what} naming both in the error. */
    private static long number(String option, String v, long min, long max, String what) throws UsageException {
        try {
            long n = Long.parseLong(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + option + ": expected " + what + ", got '" + v + "'");
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
