package io.sophia.probes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configuration of the {@link FlyMachinesProbe}, immutable; built with {@link #custom()}.
 *
 * <p>Defaults: {@code apiUrl} {@code https://api.machines.dev}; {@code tokenEnv}
 * {@code FLY_API_TOKEN}; {@code env} {@link System#getenv(String)}; {@code timeout} 10 s for all
 * apps together; {@code stuckAfter} 5 minutes (the Fly docs' threshold for {@code starting},
 * {@code stopping}, {@code restarting}, {@code destroying}; {@code updating} and {@code replacing}
 * get twice as long, like the docs' 10 minutes); the clock of the run's {@code ProbeContext}. The token itself is never
 * stored here, only the name of the variable that holds it.
 */
public final class FlyConfig {

    /** The public Machines API. */
    public static final URI DEFAULT_API_URL = URI.create("https://api.machines.dev");
    /** The variable flyctl itself reads. */
    public static final String DEFAULT_TOKEN_ENV = "FLY_API_TOKEN";

    private final URI apiUrl;
    private final String tokenEnv;
    private final Function<String, String> env;
    private final Map<String, String> apps;
    private final Duration timeout;
    private final Duration stuckAfter;
    private final Clock clock;

    private FlyConfig(Builder b) {
        this.apiUrl = b.apiUrl;
        this.tokenEnv = b.tokenEnv;
        this.env = b.env;
        this.apps = Collections.unmodifiableMap(new LinkedHashMap<>(b.apps));
        this.timeout = b.timeout;
        this.stuckAfter = b.stuckAfter;
        this.clock = b.clock;
    }

    /** {@return a builder with the defaults} */
    public static Builder custom() {
        return new Builder();
    }

    /** {@return base url of the Machines API} */
    public URI apiUrl() {
        return apiUrl;
    }

    /** {@return name of the environment variable that holds the API token} */
    public String tokenEnv() {
        return tokenEnv;
    }

    /**
     * Reads environment variables (replaceable in tests and by hosts).
     *
     * @return the function that reads environment variables
     */
    public Function<String, String> env() {
        return env;
    }

    /** {@return service id to Fly app name, in configuration order} */
    public Map<String, String> apps() {
        return apps;
    }

    /** {@return budget for all API calls of one probe run} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return how long a transient state may last before the machine counts as stuck} */
    public Duration stuckAfter() {
        return stuckAfter;
    }

    /** {@return the clock that state ages are measured against, or null for the run's {@code ProbeContext} clock} */
    public Clock clock() {
        return clock;
    }

    /** Builds a {@link FlyConfig}. */
    public static final class Builder {
        private URI apiUrl = DEFAULT_API_URL;
        private String tokenEnv = DEFAULT_TOKEN_ENV;
        private Function<String, String> env = System::getenv;
        private final Map<String, String> apps = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(10);
        private Duration stuckAfter = Duration.ofMinutes(5);
        private Clock clock;

        private Builder() {
        }

        /**
         * Base url of the Machines API; null keeps the default {@link #DEFAULT_API_URL}.
         *
         * @param apiUrl the Machines API root
         * @return this builder
         */
        public Builder apiUrl(URI apiUrl) {
            this.apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
            return this;
        }

        /**
         * Name of the variable holding the token; null or blank keeps the default {@link #DEFAULT_TOKEN_ENV}.
         *
         * @param tokenEnv name of the environment variable that holds the token
         * @return this builder
         */
        public Builder tokenEnv(String tokenEnv) {
            this.tokenEnv = tokenEnv == null || tokenEnv.isBlank() ? DEFAULT_TOKEN_ENV : tokenEnv;
            return this;
        }

        /**
         * Reads environment variables; default {@link System#getenv(String)}.
         *
         * @param env reads environment variables
         * @return this builder
         */
        public Builder env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env, "env");
            return this;
        }

        /**
         * Probes the Fly app {@code appName} on behalf of service {@code serviceId}.
         *
         * @param serviceId a service id of the deployment
         * @param appName the Fly app it runs as
         * @return this builder
         */
        public Builder app(String serviceId, String appName) {
            apps.put(Objects.requireNonNull(serviceId, "serviceId"), Objects.requireNonNull(appName, "appName"));
            return this;
        }

        /**
         * Budget for all API calls of one probe run; default 10 s.
         *
         * @param timeout budget for all API calls of one probe run
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long a transient state may last before the machine counts as stuck; default 5 minutes.
         *
         * @param stuckAfter how long a transient state may last
         * @return this builder
         */
        public Builder stuckAfter(Duration stuckAfter) {
            this.stuckAfter = Objects.requireNonNull(stuckAfter, "stuckAfter");
            return this;
        }

        /**
         * The clock state ages are measured against; default the clock of the run's {@code ProbeContext}.
         *
         * @param clock the clock state ages are measured against
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** {@return the configuration} */
        public FlyConfig build() {
            return new FlyConfig(this);
        }
    }
}
