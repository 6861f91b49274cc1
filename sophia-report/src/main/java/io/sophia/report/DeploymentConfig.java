package io.sophia.report;

import io.sophia.core.Deployment;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.InputException;
import io.sophia.diagnosis.InputTree;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated deployment description: what {@code sophia check --config FILE} reads, as a library
 * feature. The YAML or JSON keys are those of DESIGN.md, documented key by key in the JSON Schema
 * shipped as the resource {@value #SCHEMA_RESOURCE} (point an editor's YAML language server at it to
 * complete and check a config):
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
 *     http:                     # HTTP checks: headers, a token, TLS material, redirects (all optional)
 *       headers: {X-Tenant: acme}
 *       tokenEnv: ORDERS_TOKEN  # sent as Authorization: Bearer; redacted everywhere
 *       trustStore: certs/ca.pem
 *       clientCertificate: certs/client.p12
 *       clientCertificatePasswordEnv: CLIENT_P12_PASSWORD
 *       redirects: same-host    # none (default), same-host, or N: follow up to N to any host
 *       proxy: env              # env (default: HTTPS_PROXY, HTTP_PROXY, NO_PROXY) or none
 * probe: {timeout: 2s, retries: 1}
 * gate: {...}                   # the diagnosis' gate policy (GatePolicy.fromMap), read with the config
 * rules: [rules/extra.yaml]     # knowledge-base rule files, relative to this file
 * alerts: {webhooks: [https://alerts.example.com/sophia, {urlEnv: SLACK_WEBHOOK_URL}]}
 * }</pre>
 *
 * <p>Every problem — a malformed file, an unknown key, a port outside 1–65535, a duration that is not
 * positive, a duplicate service id, a {@code dependsOn} naming no service — is an
 * {@link InputException} naming the file, line and key ({@code bad.yaml line 5: services[0].critical:
 * expected true or false, got 'maybe'}). Values that look like secrets are never echoed.
 *
 * <p>Hosts that configure in code use {@link #of(Deployment)} and the {@code with...} methods, or
 * {@link Sophia#builder(Deployment)}.
 *
 * @param source     the file it was read from, as the user named it; empty for a config built in code
 * @param deployment the services and their topology
 * @param github     the CI source, or null when not configured
 * @param fly        the platform source, or null when not configured
 * @param probe      timeouts and retries
 * @param gate       the gate policy of the {@code gate} section (read once, when the config is read; the
 *                   defaults when absent)
 * @param rules      rule files, resolved against the config file's directory
 * @param http       the {@code http} settings of services that have them, by service id
 * @param alerts     where {@code sophia watch} posts its alerts ({@link Alerts#NONE} when absent)
 */
public record DeploymentConfig(Optional<Path> source, Deployment deployment, GitHub github, Fly fly,
                               ProbeSettings probe, GatePolicy gate, List<Path> rules, Map<String, HttpSettings> http,
                               Alerts alerts) {

    /** Class-path resource of the config's JSON Schema (draft 2020-12). */
    public static final String SCHEMA_RESOURCE = "/io/sophia/report/config.schema.json";
    /** Default GitHub REST API. */
    public static final URI GITHUB_API = io.sophia.probes.GitHubActionsConfig.DEFAULT_API_URL;
    /** Default Fly.io Machines API. */
    public static final URI FLY_API = io.sophia.probes.FlyConfig.DEFAULT_API_URL;

    /**
     * Canonical constructor: checks and normalises the components.
     *
     * @param source     the file it was read from, as the user named it; empty for a config built in code
     * @param deployment the services and their topology
     * @param github     the CI source, or null when not configured
     * @param fly        the platform source, or null when not configured
     * @param probe      timeouts and retries
     * @param gate       the gate policy; null for the defaults
     * @param rules      rule files, resolved against the config file's directory
     * @param http       the {@code http} settings of services that have them, by service id; null for none
     * @param alerts     where {@code sophia watch} posts its alerts; null for none
     */
    public DeploymentConfig {
        source = Objects.requireNonNullElse(source, Optional.empty());
        Objects.requireNonNull(deployment, "deployment");
        probe = Objects.requireNonNullElse(probe, ProbeSettings.DEFAULTS);
        gate = Objects.requireNonNullElse(gate, GatePolicy.defaults());
        rules = List.copyOf(Objects.requireNonNullElse(rules, List.of()));
        // file order: the config reads back as written
        http = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(http, Map.of())));
        alerts = Objects.requireNonNullElse(alerts, Alerts.NONE);
    }

    /**
     * {@return this config with the HTTP settings {@code settings} for the service {@code serviceId}}
     *
     * @param serviceId the service's id
     * @param settings  its HTTP settings
     */
    public DeploymentConfig withHttp(String serviceId, HttpSettings settings) {
        Map<String, HttpSettings> all = new LinkedHashMap<>(http);
        all.put(Objects.requireNonNull(serviceId, "serviceId"), Objects.requireNonNull(settings, "settings"));
        return new DeploymentConfig(source, deployment, github, fly, probe, gate, rules, all, alerts);
    }

    /**
     * The {@code http} section of a service: what its HTTP checks send and trust.
     *
     * @param headers                      extra request headers (not for credentials: use {@code tokenEnv})
     * @param tokenEnv                     environment variable whose value is sent as {@code Authorization: Bearer};
     *                                     redacted in every output; null for none
     * @param trustStore                   PEM or PKCS12 file of trusted certificates, or null for the JVM's
     * @param trustStorePasswordEnv        environment variable with the PKCS12 trust store's password, or null
     * @param clientCertificate            PKCS12 file, or PEM with certificate and PKCS#8 key (mTLS), or null
     * @param clientCertificatePasswordEnv environment variable with the PKCS12 client certificate's password,
             *                                     or null
     * @param redirects                    which redirects are followed
     * @param maxRedirects                 the most followed
     * @param proxyFromEnv                 whether {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} apply
     */
    public record HttpSettings(Map<String, String> headers, String tokenEnv, Path trustStore,
                               String trustStorePasswordEnv, Path clientCertificate,
                               String clientCertificatePasswordEnv, io.sophia.probes.HttpProbe.Redirects redirects,
                               int maxRedirects, boolean proxyFromEnv) {
        /** No headers, token or TLS material, no redirects followed, proxy from the environment. */
        public static final HttpSettings DEFAULTS = new HttpSettings(Map.of(), null, null, null, null, null,
                io.sophia.probes.HttpProbe.Redirects.NONE, 0, true);

        /**
         * Canonical constructor: copies the headers.
         *
         * @param headers                      extra request headers
         * @param tokenEnv                     the token's environment variable, or null
         * @param trustStore                   the trust store file, or null
         * @param trustStorePasswordEnv        the trust store password's environment variable, or null
         * @param clientCertificate            the client certificate file, or null
         * @param clientCertificatePasswordEnv the client certificate password's environment variable, or null
         * @param redirects                    which redirects are followed
         * @param maxRedirects                 the most followed
         * @param proxyFromEnv                 whether the proxy variables apply
         */
        public HttpSettings {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(headers, Map.of())));
            redirects = Objects.requireNonNullElse(redirects, io.sophia.probes.HttpProbe.Redirects.NONE);
        }

        /**
         * {@return a builder that starts from {@link #DEFAULTS}}: no headers, token or TLS material, no redirects
         * followed, proxy from the environment until set, in place of the canonical constructor's nine positional
         * components.
         */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * The parts of an {@link HttpSettings}, each as in {@link HttpSettings#DEFAULTS} until set; every setter
         * returns this builder.
         */
        public static final class Builder {
            private Map<String, String> headers = DEFAULTS.headers();
            private String tokenEnv = DEFAULTS.tokenEnv();
            private Path trustStore = DEFAULTS.trustStore();
            private String trustStorePasswordEnv = DEFAULTS.trustStorePasswordEnv();
            private Path clientCertificate = DEFAULTS.clientCertificate();
            private String clientCertificatePasswordEnv = DEFAULTS.clientCertificatePasswordEnv();
            private io.sophia.probes.HttpProbe.Redirects redirects = DEFAULTS.redirects();
            private int maxRedirects = DEFAULTS.maxRedirects();
            private boolean proxyFromEnv = DEFAULTS.proxyFromEnv();

            private Builder() {
            }

            /**
             * @param headers extra request headers (not for credentials: use {@link #tokenEnv(String)}); null is none
             * @return this builder
             */
            public Builder headers(Map<String, String> headers) {
                this.headers = headers;
                return this;
            }

            /**
             * @param tokenEnv environment variable whose value is sent as {@code Authorization: Bearer}, or null
             * @return this builder
             */
            public Builder tokenEnv(String tokenEnv) {
                this.tokenEnv = tokenEnv;
                return this;
            }

            /**
             * @param trustStore PEM or PKCS12 file of trusted certificates, or null for the JVM's
             * @return this builder
             */
            public Builder trustStore(Path trustStore) {
                this.trustStore = trustStore;
                return this;
            }

            /**
             * @param trustStorePasswordEnv environment variable with the PKCS12 trust store's password, or null
             * @return this builder
             */
            public Builder trustStorePasswordEnv(String trustStorePasswordEnv) {
                this.trustStorePasswordEnv = trustStorePasswordEnv;
                return this;
            }

            /**
             * @param clientCertificate PKCS12 file, or PEM with certificate and PKCS#8 key (mTLS), or null
             * @return this builder
             */
            public Builder clientCertificate(Path clientCertificate) {
                this.clientCertificate = clientCertificate;
                return this;
            }

            /**
             * @param clientCertificatePasswordEnv environment variable with the PKCS12 client certificate's password,
             *                                     or null
             * @return this builder
             */
            public Builder clientCertificatePasswordEnv(String clientCertificatePasswordEnv) {
                this.clientCertificatePasswordEnv = clientCertificatePasswordEnv;
                return this;
            }

            /**
             * @param redirects which redirects are followed; null is none
             * @return this builder
             */
            public Builder redirects(io.sophia.probes.HttpProbe.Redirects redirects) {
                this.redirects = redirects;
                return this;
            }

            /**
             * @param maxRedirects the most followed
             * @return this builder
             */
            public Builder maxRedirects(int maxRedirects) {
                this.maxRedirects = maxRedirects;
                return this;
            }

            /**
             * @param proxyFromEnv whether {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} apply
             * @return this builder
             */
            public Builder proxyFromEnv(boolean proxyFromEnv) {
                this.proxyFromEnv = proxyFromEnv;
                return this;
            }

            /** {@return the settings} */
            public HttpSettings build() {
                return new HttpSettings(headers, tokenEnv, trustStore, trustStorePasswordEnv, clientCertificate,
                        clientCertificatePasswordEnv, redirects, maxRedirects, proxyFromEnv);
            }
        }

        /**
         * {@return the probe options of these settings}
         *
         * @param env reads the token, password and proxy variables
         */
        public io.sophia.probes.HttpProbe.Options options(java.util.function.Function<String, String> env) {
            io.sophia.probes.HttpProbe.Options.Builder b = io.sophia.probes.HttpProbe.Options.custom()
                    .env(env).proxyFromEnv(proxyFromEnv).bearerTokenEnv(tokenEnv)
                    .trustStore(trustStore).trustStorePasswordEnv(trustStorePasswordEnv)
                    .clientCertificate(clientCertificate).clientCertificatePasswordEnv(clientCertificatePasswordEnv)
                    .redirects(redirects, maxRedirects);
            headers.forEach(b::header);
            return b.build();
        }
    }


    /**
     * {@return a config of {@code deployment} alone: no CI or platform source, default probe settings and gate}
     *
     * @param deployment the deployment
     */
    public static DeploymentConfig of(Deployment deployment) {
        return new DeploymentConfig(Optional.empty(), deployment, null, null, ProbeSettings.DEFAULTS,
                GatePolicy.defaults(), List.of(), Map.of(), Alerts.NONE);
    }

    /**
     * {@return this config with the CI source {@code github}}
     *
     * @param github the github
     */
    public DeploymentConfig withGitHub(GitHub github) {
        return new DeploymentConfig(source, deployment, github, fly, probe, gate, rules, http, alerts);
    }

    /**
     * {@return this config with the platform source {@code fly}}
     *
     * @param fly the fly
     */
    public DeploymentConfig withFly(Fly fly) {
        return new DeploymentConfig(source, deployment, github, fly, probe, gate, rules, http, alerts);
    }

    /**
     * {@return this config with other probe settings}
     *
     * @param probe the probe
     */
    public DeploymentConfig withProbe(ProbeSettings probe) {
        return new DeploymentConfig(source, deployment, github, fly, probe, gate, rules, http, alerts);
    }

    /**
     * {@return this config with another gate policy}
     *
     * @param gate the gate policy
     */
    public DeploymentConfig withGate(GatePolicy gate) {
        return new DeploymentConfig(source, deployment, github, fly, probe, gate, rules, http, alerts);
    }

    /**
     * {@return this config with other alert webhooks}
     *
     * @param alerts where {@code sophia watch} posts its alerts
     */
    public DeploymentConfig withAlerts(Alerts alerts) {
        return new DeploymentConfig(source, deployment, github, fly, probe, gate, rules, http, alerts);
    }

    /**
     * {@return this config with knowledge-base rule files (applied in order over the built-in base)}
     *
     * @param rules the rules
     */
    public DeploymentConfig withRules(List<Path> rules) {
        return new DeploymentConfig(source, deployment, github, fly, probe, gate, rules, http, alerts);
    }

    /** {@return how errors name this config: its file as the user named it, or {@code config} when built in code} */
    public String name() {
        return source.map(Path::toString).orElse("config");
    }

    /**
     * The {@code pipeline.github} section. Start from {@link #run(String, long)} or
     * {@link #latest(String, String)}; the {@code with...} methods set the optional parts.
     *
     * @param apiUrl      REST API root (GitHub Enterprise Server or a loopback stand-in); default {@link #GITHUB_API}
     * @param repository  {@code owner/name}
     * @param runId       the run to read, or null to read the latest run of {@code workflow}
     * @param workflow    workflow file name or id, used when {@code runId} is null
     * @param branch      branch of the latest run, or null for any
     * @param tokenEnv    name of the environment variable holding the token, or null for anonymous access
     * @param maxLogBytes bytes read at most from one failed job's log (its tail when longer), or null for the
     *                    probe's default ({@code GitHubActionsConfig.DEFAULT_MAX_LOG_BYTES}, 64 MiB)
     * @param allAttempts read the jobs of every attempt of the run ({@code filter=all}) instead of the latest
     */
    public record GitHub(URI apiUrl, String repository, Long runId, String workflow, String branch, String tokenEnv,
                         Long maxLogBytes, boolean allAttempts) {

        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param apiUrl      REST API root (GitHub Enterprise Server or a loopback stand-in); default {@link
         *                    #GITHUB_API}
         * @param repository  {@code owner/name}
         * @param runId       the run to read, or null to read the latest run of {@code workflow}
         * @param workflow    workflow file name or id, used when {@code runId} is null
         * @param branch      branch of the latest run, or null for any
         * @param tokenEnv    name of the environment variable holding the token, or null for anonymous access
         * @param maxLogBytes bytes read at most from one failed job's log (its tail when longer), or null for the
         *                    probe's default ({@code GitHubActionsConfig.DEFAULT_MAX_LOG_BYTES}, 64 MiB)
         * @param allAttempts read the jobs of every attempt of the run ({@code filter=all}) instead of the latest
         */
        public GitHub {
            apiUrl = Objects.requireNonNullElse(apiUrl, GITHUB_API);
            Objects.requireNonNull(repository, "repository");
        }

        /**
         * {@return run {@code runId} of {@code repository} on the public API, read anonymously}
         *
         * @param repository the repository, {@code owner/name}
         * @param runId the run to read, or null for the latest run of {@code workflow}
         */
        public static GitHub run(String repository, long runId) {
            return new GitHub(GITHUB_API, repository, runId, null, null, null, null, false);
        }

        /**
         * {@return the latest run of {@code workflow} (file name or id) of {@code repository}, any branch}
         *
         * @param repository the repository, {@code owner/name}
         * @param workflow workflow whose latest run is read, or null
         */
        public static GitHub latest(String repository, String workflow) {
            return new GitHub(GITHUB_API, repository, null, workflow, null, null, null, false);
        }

        /**
         * {@return another API root (GitHub Enterprise Server, a stand-in)}
         *
         * @param apiUrl API root, null for api.github.com
         */
        public GitHub withApiUrl(URI apiUrl) {
            return new GitHub(apiUrl, repository, runId, workflow, branch, tokenEnv, maxLogBytes, allAttempts);
        }

        /**
         * {@return the latest run on {@code branch} only}
         *
         * @param branch branch of the latest run, or null for any
         */
        public GitHub withBranch(String branch) {
            return new GitHub(apiUrl, repository, runId, workflow, branch, tokenEnv, maxLogBytes, allAttempts);
        }

        /**
         * {@return the token read from the environment variable {@code tokenEnv}}
         *
         * @param tokenEnv environment variable holding the token, or null
         */
        public GitHub withTokenEnv(String tokenEnv) {
            return new GitHub(apiUrl, repository, runId, workflow, branch, tokenEnv, maxLogBytes, allAttempts);
        }

        /**
         * {@return at most {@code maxLogBytes} read from one failed job's log}
         *
         * @param maxLogBytes the max log bytes
         */
        public GitHub withMaxLogBytes(long maxLogBytes) {
            return new GitHub(apiUrl, repository, runId, workflow, branch, tokenEnv, maxLogBytes, allAttempts);
        }

        /**
         * {@return the jobs of every attempt of the run, not only the latest}
         *
         * @param allAttempts the all attempts
         */
        public GitHub withAllAttempts(boolean allAttempts) {
            return new GitHub(apiUrl, repository, runId, workflow, branch, tokenEnv, maxLogBytes, allAttempts);
        }
    }

    /**
     * The {@code platform.fly} section. Start from {@link #apps(Map)}.
     *
     * @param apiUrl   Machines API root; default {@link #FLY_API}
     * @param tokenEnv name of the environment variable holding the token, or null for {@code FLY_API_TOKEN}
     * @param apps     service id to Fly app name, in file order
     */
    public record Fly(URI apiUrl, String tokenEnv, Map<String, String> apps) {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param apiUrl   Machines API root; default {@link #FLY_API}
         * @param tokenEnv name of the environment variable holding the token, or null for {@code FLY_API_TOKEN}
         * @param apps     service id to Fly app name, in file order
         */
        public Fly {
            apiUrl = Objects.requireNonNullElse(apiUrl, FLY_API);
            // file order, not Map.copyOf's per-JVM order: the machines, and so report.json, follow it
            apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
        }

        /**
         * {@return the apps of these services (service id to Fly app name) on the public API}
         *
         * @param apps the apps
         */
        public static Fly apps(Map<String, String> apps) {
            return new Fly(FLY_API, null, apps);
        }

        /**
         * {@return another API root (a stand-in)}
         *
         * @param apiUrl API root, null for api.github.com
         */
        public Fly withApiUrl(URI apiUrl) {
            return new Fly(apiUrl, tokenEnv, apps);
        }

        /**
         * {@return the token read from the environment variable {@code tokenEnv}}
         *
         * @param tokenEnv environment variable holding the token, or null
         */
        public Fly withTokenEnv(String tokenEnv) {
            return new Fly(apiUrl, tokenEnv, apps);
        }
    }

    /**
     * The {@code probe} section.
     *
     * @param timeout       deadline of one probe (default 5 s)
     * @param retries       retries of transient failures (default 1)
     * @param maxConcurrent probes run at once (default the library's, 1024: enough for fleets of thousands)
     * @param budget        time budget of the check as a whole, at least {@code timeout}; {@code null} for the
     *                      library's default, 1.5 x the timeout and at least the timeout plus 5 s
     */
    public record ProbeSettings(Duration timeout, int retries, int maxConcurrent, Duration budget) {
        /** 5 s, 1 retry, {@code ProbeRunnerConfig.DEFAULT_MAX_CONCURRENT} at once, the default budget. */
        public static final ProbeSettings DEFAULTS = new ProbeSettings(Duration.ofSeconds(5), 1,
                io.sophia.probes.ProbeRunnerConfig.DEFAULT_MAX_CONCURRENT, null);

        /**
         * Canonical constructor: checks the components.
         *
         * @param timeout       deadline of one probe
         * @param retries       retries of transient failures
         * @param maxConcurrent probes run at once
         * @param budget        time budget of the check, at least {@code timeout}, or {@code null} for the default
         */
        public ProbeSettings {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            if (retries < 0 || maxConcurrent < 1) {
                throw new IllegalArgumentException("retries must be >= 0 and maxConcurrent >= 1");
            }
            if (budget != null && budget.compareTo(timeout) < 0) {
                throw new IllegalArgumentException("budget must be at least the timeout, was " + budget);
            }
        }

        /**
         * Settings with the default budget (1.5 x the timeout, at least the timeout plus 5 s).
         *
         * @param timeout       deadline of one probe
         * @param retries       retries of transient failures
         * @param maxConcurrent probes run at once
         */
        public ProbeSettings(Duration timeout, int retries, int maxConcurrent) {
            this(timeout, retries, maxConcurrent, null);
        }

        /**
         * {@return the defaults with another timeout}
         *
         * @param timeout how long the probe may take
         */
        public static ProbeSettings timeout(Duration timeout) {
            return new ProbeSettings(timeout, DEFAULTS.retries(), DEFAULTS.maxConcurrent());
        }
    }

    /**
     * The {@code alerts} section: where {@code sophia watch} POSTs one JSON alert per transition.
     *
     * <pre>
     * alerts:
     *   webhooks:
     *     - https://alerts.example.com/sophia        # a URL
     *     - urlEnv: SLACK_WEBHOOK_URL                # or the variable that holds it (Slack's URL is a secret)
     * </pre>
     *
     * @param webhooks the webhooks, in file order
     */
    public record Alerts(List<Webhook> webhooks) {
        /** No alerts. */
        public static final Alerts NONE = new Alerts(List.of());

        /**
         * Canonical constructor: copies the list.
         *
         * @param webhooks the webhooks, in file order
         */
        public Alerts {
            webhooks = List.copyOf(webhooks);
        }
    }

    /**
     * One alert webhook: its URL, or the environment variable that holds it (exactly one of the two). A webhook
     * URL is treated as a secret: errors name its position, never its text.
     *
     * @param url    the URL, or null when {@code urlEnv} names it
     * @param urlEnv the environment variable holding the URL, or null
     */
    public record Webhook(URI url, String urlEnv) {
        /**
         * Canonical constructor: checks that exactly one of the two is given.
         *
         * @param url    the URL, or null when {@code urlEnv} names it
         * @param urlEnv the environment variable holding the URL, or null
         */
        public Webhook {
            if ((url == null) == (urlEnv == null)) {
                throw new IllegalArgumentException("a webhook has a url or a urlEnv, exactly one");
            }
        }

        /**
         * {@return a webhook at {@code url}}
         *
         * @param url an http or https URL
         */
        public static Webhook url(URI url) {
            return new Webhook(Objects.requireNonNull(url, "url"), null);
        }

        /**
         * {@return a webhook whose URL the environment variable {@code name} holds}
         *
         * @param name the variable's name
         */
        public static Webhook fromEnv(String name) {
            return new Webhook(null, Objects.requireNonNull(name, "name"));
        }

        /** {@return the variable's name, never the URL (a webhook URL carries its credential)} */
        @Override
        public String toString() {
            return urlEnv != null ? "Webhook[urlEnv=" + urlEnv + "]" : "Webhook[url=(not shown)]";
        }
    }

    /**
     * {@return the alert webhooks' URLs, the {@code urlEnv} ones read through {@code env}, in file order}
     *
     * @param env reads environment variables
     * @throws InputException naming the file and key of a variable that is not set or holds no http(s) URL (the
     *                        value is never shown)
     */
    public List<URI> webhookUrls(java.util.function.Function<String, String> env) {
        List<URI> urls = new java.util.ArrayList<>();
        List<InputException.Problem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < alerts.webhooks().size(); i++) {
            Webhook w = alerts.webhooks().get(i);
            if (w.url() != null) {
                urls.add(w.url());
                continue;
            }
            String key = "alerts.webhooks[" + i + "].urlEnv";
            String value = env.apply(w.urlEnv());
            Optional<URI> url = value == null ? Optional.empty() : ConfigReader.httpUrl(value);
            if (value == null || value.isBlank()) {
                problems.add(new InputException.Problem(name(), 0, key,
                        "the environment variable " + w.urlEnv() + " is not set"));
            } else if (value.strip().indexOf('\n') >= 0 || value.strip().indexOf('\r') >= 0) {
                // a URL pasted with a second line: said as such, since "not a URL" would send the user looking
                // at the URL's first line
                problems.add(new InputException.Problem(name(), 0, key, "the environment variable " + w.urlEnv()
                        + " holds more than one line; a webhook URL is a single line"));
            } else if (url.isEmpty()) {
                problems.add(new InputException.Problem(name(), 0, key, "the environment variable " + w.urlEnv()
                        + " does not hold an http or https URL with a host"));
            } else {
                urls.add(url.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return List.copyOf(urls);
    }

    /** Environment variable the Fly.io probe reads its token from when {@code platform.fly.tokenEnv} is absent. */
    public static final String DEFAULT_FLY_TOKEN_ENV = io.sophia.probes.FlyConfig.DEFAULT_TOKEN_ENV;

    /**
     * {@return the values of the token variables this config names, read through {@code env} (set ones only), and the
     * values of its services' headers that may be credentials: what
     * every output of a check masks — the report (see {@link ProbePlan#redaction()}) and, in a command line, its
     * terminal streams}
     *
     * @param env reads environment variables
     */
    public List<String> secretValues(java.util.function.Function<String, String> env) {
        List<String> names = new java.util.ArrayList<>();
        if (github != null && github.tokenEnv() != null) {
            names.add(github.tokenEnv());
        }
        if (fly != null) {
            names.add(fly.tokenEnv() != null ? fly.tokenEnv() : DEFAULT_FLY_TOKEN_ENV);
        }
        for (HttpSettings h : http.values()) {
            if (h.tokenEnv() != null) {
                names.add(h.tokenEnv());
            }
        }
        // a webhook URL held in a variable is a secret too (a Slack incoming webhook's path is its credential)
        alerts.webhooks().stream().map(Webhook::urlEnv).filter(Objects::nonNull).forEach(names::add);
        List<String> values = new java.util.ArrayList<>(headerSecrets());
        for (String name : names) {
            String v = env.apply(name);
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        }
        return List.copyOf(values);
    }

    /** Values of a credential header's name that are a flag, a mode or a scheme, not a credential. */
    private static final java.util.Set<String> NOT_CREDENTIALS = java.util.Set.of("true", "false", "none", "null",
            "enabled", "disabled", "required", "optional", "bearer", "basic", "token", "digest", "off");

    private static final java.util.regex.Pattern CREDENTIAL_HEADER = java.util.regex.Pattern.compile(
            "(?i).*(auth|key|token|secret|cookie|session|passw|credential|signature).*");

    /**
     * The values of the services' extra headers that may be credentials: those of a header whose name says so
     * ({@code X-Api-Key}, {@code X-Auth-Token}, {@code Cookie} …; an {@code Authorization} value without its scheme
     * too) and any that looks generated (16 or more characters, letters and digits, no space). A server that echoes
     * one, whole or in part, must not have it printed.
     */
    private List<String> headerSecrets() {
        List<String> values = new java.util.ArrayList<>();
        for (HttpSettings h : http.values()) {
            h.headers().forEach((name, value) -> {
                boolean flag = NOT_CREDENTIALS.contains(value.strip().toLowerCase(java.util.Locale.ROOT));
                if (!flag && CREDENTIAL_HEADER.matcher(name).matches() || generated(value.strip())) {
                    values.add(value);
                    int space = value.strip().indexOf(' ');
                    if (space > 0) {
                        values.add(value.strip().substring(space + 1)); // "Bearer abc…": abc… alone
                    }
                }
            });
        }
        return values;
    }

    /**
     * A media type ({@code application/vnd.github.v3+json}, {@code text/plain;charset=utf-8}) or a product token
     * ({@code acme-monitor/2.14.0}): a word, a slash and a subtype or version with a dot, plus or semicolon. A
     * base64 value has no dot or semicolon.
     */
    private static final java.util.regex.Pattern MEDIA_TYPE_OR_PRODUCT = java.util.regex.Pattern.compile(
            "[A-Za-z][A-Za-z.-]*/[A-Za-z0-9][\\w-]*[.+;].*");

    /**
     * 16 or more characters without spaces, with letters and digits: generated, not a media type, a product token or a
     * name (registered, its 12-character pieces would mask every {@code application/json} of a report).
     */
    private static boolean generated(String value) {
        return value.length() >= 16 && value.chars().noneMatch(Character::isWhitespace)
                && value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter)
                && !MEDIA_TYPE_OR_PRODUCT.matcher(value).matches();
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
     * @throws InputException listing every problem, each with file, line and key
     */
    public static DeploymentConfig load(Path file) {
        return ConfigReader.load(file);
    }

    /**
     * Reads and validates a document given as text; {@code file} names it in errors, tells JSON from YAML
     * by its extension and anchors relative rule paths.
     *
     *
     * @param text the document, or a duration such as {@code 2s}
     * @param file the config file (YAML or JSON)
     * @return the validated configuration
     * @throws InputException listing every problem, each with file, line and key
     */
    public static DeploymentConfig parse(String text, Path file) {
        return ConfigReader.parse(text, file);
    }

    /**
     * Formats a duration the way the config writes it ({@code 300ms}, {@code 2s}, {@code 1m}); see {@link
     * InputTree#formatDuration}.
     *
     * @param d a duration
     * @return the config spelling
     */
    public static String formatDuration(Duration d) {
        return InputTree.formatDuration(d);
    }
}
