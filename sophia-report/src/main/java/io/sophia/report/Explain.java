package io.sophia.report;

import io.sophia.core.Deployment;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.diagnosis.InputException;

import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code sophia explain} diagnoses, without a fleet config: a GitHub Actions run named by its
 * url, a build or deploy log from any CI, the machines of Fly apps, or any combination. Run it with
 * {@link Sophia#explain(Explain, java.time.Clock, java.util.function.Function)} (or the one-argument
 * shortcuts {@link Sophia#explain(URI)} and {@link Sophia#explain(Reader)}).
 *
 * <pre>{@code
 * Assessment a = Sophia.explain(Explain.builder()
 *         .run(URI.create("https://github.com/acme/shop/actions/runs/123"))
 *         .flyApp("shop-api")
 *         .build(), Clock.systemUTC(), System::getenv);
 * }</pre>
 *
 * <p>A run url {@code https://HOST/OWNER/REPO/actions/runs/ID[/attempts/N][/job/JOB]} is read through
 * {@code https://api.github.com} for github.com and {@code https://HOST/api/v3} for GitHub Enterprise
 * Server, unless {@link Builder#apiUrl(URI)} says otherwise; the token comes from
 * {@link Builder#tokenEnv(String)} (default {@code GITHUB_TOKEN}). Each Fly app becomes a critical
 * service of the same name whose health is read from its machines (its endpoints are not probed).
 *
 * <p>Immutable once built, except that the log {@link Reader} is consumed by the one explanation
 * that reads it. Stability: stable API.
 */
public final class Explain {

    /** Default variable of the GitHub token: {@code GITHUB_TOKEN}. */
    public static final String DEFAULT_TOKEN_ENV = "GITHUB_TOKEN";
    private static final Pattern RUN_PATH = Pattern.compile(
            "/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/actions/runs/(\\d{1,19})(?:/attempts/\\d+)?(?:/job/\\d+)?/?");

    private final DeploymentConfig config;
    private final String logName;
    private final Reader log;
    private final Path logFile;

    private Explain(DeploymentConfig config, String logName, Reader log, Path logFile) {
        this.config = config;
        this.logName = logName;
        this.log = log;
        this.logFile = logFile;
    }

    /** {@return a builder; at least one of a run, a log or a Fly app must be given} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the run at {@code runUrl}, token from {@code GITHUB_TOKEN}}
     *
     * @param runUrl the run url
     */
    public static Explain run(URI runUrl) {
        return builder().run(runUrl).build();
    }

    /**
     * {@return the log read from {@code log}, called {@code name} in the reports}
     *
     * @param name the name
     * @param log the log
     */
    public static Explain log(String name, Reader log) {
        return builder().log(name, log).build();
    }

    /**
     * {@return the config this explanation probes with: no endpoints, the run as {@code pipeline.github}, the apps as
     * {@code platform.fly}}
     */
    public DeploymentConfig config() {
        return config;
    }

    /** {@return the log's name, or null without a log} */
    public String logName() {
        return logName;
    }

    /** The log, or null. */
    Reader log() {
        return log;
    }

    /** The log file, read (and closed) by the explanation, or null. */
    Path logFile() {
        return logFile;
    }

    /**
     * The API root, repository and run id of a run url.
     *
     * @param apiUrl     the REST API root of the url's host
     * @param repository {@code owner/name}
     * @param runId      the run
     */
    public record RunUrl(URI apiUrl, String repository, long runId) {

        /**
         * Parses {@code https://github.com/OWNER/REPO/actions/runs/ID} (attempt and job suffixes allowed).
         *
         *
         *
         * @param url the url
         * @return the run
         * @throws IllegalArgumentException saying what a run url looks like
         */
        public static RunUrl parse(URI url) {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            Matcher m = url.getRawPath() == null ? null : RUN_PATH.matcher(url.getRawPath());
            if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || m == null || !m.matches()
                    || url.getRawUserInfo() != null) {
                // the path is where a paste lands (a token in place of the url, glued to its end): never quoted; a
                // token glued to what is left of it has no word boundary for its shape ("null://nullghp_…")
                String got = url.getScheme() == null || url.getHost() == null ? "no scheme and host"
                        : "a url of " + url.getScheme() + "://" + url.getHost();
                throw new IllegalArgumentException(io.sophia.core.Secrets.patterns().redact("not a GitHub Actions run url"
                        + " (expected https://github.com/OWNER/REPO/actions/runs/ID): got " + got));
            }
            String host = url.getHost().toLowerCase(Locale.ROOT);
            URI api = host.equals("github.com") || host.equals("www.github.com") ? DeploymentConfig.GITHUB_API
                    : URI.create(scheme + "://" + url.getRawAuthority() + "/api/v3");
            try {
                return new RunUrl(api, m.group(1) + "/" + m.group(2), Long.parseLong(m.group(3)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("run id out of range (more than " + Long.MAX_VALUE + ")");
            }
        }
    }

    /** Builds an {@link Explain}. */
    public static final class Builder {
        private URI runUrl;
        private URI apiUrl;
        private String tokenEnv = DEFAULT_TOKEN_ENV;
        private String logName;
        private Reader log;
        private Path logFile;
        private final List<String> flyApps = new ArrayList<>();
        private String flyTokenEnv;
        private URI flyApiUrl;
        private java.time.Duration timeout;
        private final List<Path> rules = new ArrayList<>();

        private Builder() {
        }

        /**
         * A rule file merged over the built-in knowledge base, as a config's {@code rules:} entry is: its causes, rules
         * and priors weigh the evidence, and its {@code indications} read the log and the run's logs. Each call adds one
         * file, merged in order.
         *
         * @param ruleFile a YAML or JSON rule file; read when the explanation is planned
         * @return this builder
         */
        public Builder rules(Path ruleFile) {
            rules.add(Objects.requireNonNull(ruleFile, "ruleFile"));
            return this;
        }

        /**
         * The GitHub Actions run to read.
         *
         * @param runUrl the run url
         * @return this builder
         */
        public Builder run(URI runUrl) {
            this.runUrl = Objects.requireNonNull(runUrl, "runUrl");
            return this;
        }

        /**
         * The REST API root to read the run through (GitHub Enterprise Server, a stand-in).
         *
         * @param apiUrl the API root
         * @return this builder
         */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        /**
         * The variable holding the GitHub token; default {@link #DEFAULT_TOKEN_ENV}.
         *
         * @param tokenEnv name of the environment variable that holds the token
         * @return this builder
         */
        public Builder tokenEnv(String tokenEnv) {
            this.tokenEnv = tokenEnv;
            return this;
        }

        /**
         * A log to scan, called {@code name} in the reports. One log per explanation.
         *
         * @param name the name
         * @param log the log
         * @return this builder
         */
        public Builder log(String name, Reader log) {
            oneLog();
            this.logName = name == null || name.isBlank() ? "log" : name;
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * A log file to scan (UTF-8, a malformed byte read as U+FFFD), called by its file name in the reports.
         *
         *
         * @param file the file
         * @return this builder
         * @throws InputException (key {@code log}) when it cannot be read
         */
        public Builder logFile(Path file) {
            oneLog();
            if (!Files.isRegularFile(Objects.requireNonNull(file, "file")) || !Files.isReadable(file)) {
                throw InputException.of("explain", 0, "log", "cannot read the log file " + file);
            }
            this.logName = String.valueOf(file.getFileName());
            this.logFile = file;
            return this;
        }

        private void oneLog() {
            if (log != null || logFile != null) {
                throw InputException.of("explain", 0, "log", "one log per explanation: " + logName + " is already named");
            }
        }

        /**
         * The run at {@code url}, as typed by a user.
         *
         *
         * @param url the url
         * @return this builder
         * @throws InputException (key {@code run}) when it is not a url
         */
        public Builder run(String url) {
            return run(uri(url, "run"));
        }

        /**
         * The API root as typed by a user, or null for the run url's.
         *
         *
         * @param url the url
         * @return this builder
         * @throws InputException (key {@code api-url}) when it is not a url
         */
        public Builder apiUrl(String url) {
            return apiUrl(url == null ? null : uri(url, "api-url"));
        }

        private static URI uri(String s, String key) {
            try {
                return new URI(Objects.requireNonNull(s, key));
            } catch (URISyntaxException e) {
                throw InputException.of("explain", 0, key, "not a url: " + e.getReason());
            }
        }

        /**
         * A Fly app whose machines, events and checks are read.
         *
         * @param app the app
         * @return this builder
         */
        public Builder flyApp(String app) {
            flyApps.add(Objects.requireNonNull(app, "app"));
            return this;
        }

        /**
         * The variable holding the Fly token; default the probe's ({@code FLY_API_TOKEN}).
         *
         * @param flyTokenEnv the fly token env
         * @return this builder
         */
        public Builder flyTokenEnv(String flyTokenEnv) {
            this.flyTokenEnv = flyTokenEnv;
            return this;
        }

        /**
         * The Machines API root (a stand-in).
         *
         * @param flyApiUrl the fly api url
         * @return this builder
         */
        public Builder flyApiUrl(URI flyApiUrl) {
            this.flyApiUrl = flyApiUrl;
            return this;
        }

        /**
         * The deadline of each read of the run's and the apps' APIs; default the probes' (5 s). The check's budget is
         * derived from it as for {@code check}.
         *
         * @param timeout positive
         * @return this builder
         * @throws InputException when {@code timeout} is not positive (key {@code timeout})
         */
        public Builder timeout(java.time.Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw InputException.of("explain", 0, "timeout", "must be a positive duration, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @return the request
         * @throws InputException when nothing is named, or the run url or an app name cannot be used (key {@code run}
         *                      or {@code fly-app})
         */
        public Explain build() {
            if (runUrl == null && log == null && logFile == null && flyApps.isEmpty()) {
                throw InputException.of("explain", 0, "run", "name a run url, a log or a Fly app to explain");
            }
            List<Service> services = new ArrayList<>();
            Map<String, String> apps = new LinkedHashMap<>();
            for (String app : flyApps) {
                if (!app.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                    throw InputException.of("explain", 0, "fly-app", "not a Fly app name: '" + app + "'");
                }
                services.add(Service.builder(app, "https://" + app + ".fly.dev/").kind(ServiceKind.HTTP).critical(true).build());
                apps.put(app, app);
            }
            String name = !flyApps.isEmpty() ? flyApps.get(0) : logName;
            DeploymentConfig config;
            RunUrl run = null;
            if (runUrl != null) {
                try {
                    run = RunUrl.parse(runUrl);
                } catch (IllegalArgumentException e) {
                    throw InputException.of("explain", 0, "run", e.getMessage());
                }
                name = run.repository() + " run " + run.runId();
            }
            config = DeploymentConfig.of(new Deployment(name, services));
            if (run != null) {
                config = config.withGitHub(DeploymentConfig.GitHub.run(run.repository(), run.runId())
                        .withApiUrl(apiUrl != null ? apiUrl : run.apiUrl()).withTokenEnv(tokenEnv));
            }
            if (!apps.isEmpty()) {
                DeploymentConfig.Fly fly = DeploymentConfig.Fly.apps(apps).withTokenEnv(flyTokenEnv);
                config = config.withFly(flyApiUrl == null ? fly : fly.withApiUrl(flyApiUrl));
            }
            if (timeout != null) {
                config = config.withProbe(DeploymentConfig.ProbeSettings.timeout(timeout));
            }
            if (!rules.isEmpty()) {
                config = config.withRules(rules);
            }
            return new Explain(config, logName, log, logFile);
        }
    }
}
