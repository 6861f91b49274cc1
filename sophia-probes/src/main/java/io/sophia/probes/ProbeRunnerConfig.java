package io.sophia.probes;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ProbeRunner} executes probes. Immutable; build one with {@link #custom()}.
 *
 * <pre>{@code
 * ProbeRunnerConfig config = ProbeRunnerConfig.custom()
 *         .timeout(Duration.ofSeconds(5))
 *         .retries(1)
 *         .maxConcurrent(8)
 *         .build();
 * }</pre>
 *
 * <p>Stable API.
 */
public final class ProbeRunnerConfig {

    /** Default per-probe deadline: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default number of retries after a transient failure: 1 (so at most 2 attempts). */
    public static final int DEFAULT_RETRIES = 1;
    /** Default pause before a retry: 200 ms. */
    public static final Duration DEFAULT_RETRY_WAIT = Duration.ofMillis(200);
    /** Default number of probes running at once: 8. */
    public static final int DEFAULT_MAX_CONCURRENT = 8;

    private static final ProbeRunnerConfig DEFAULTS = custom().build();

    private final Duration timeout;
    private final int retries;
    private final Duration retryWait;
    private final int maxConcurrent;
    private final CircuitBreakerConfig circuitBreaker;

    private ProbeRunnerConfig(Builder b) {
        this.timeout = b.timeout;
        this.retries = b.retries;
        this.retryWait = b.retryWait;
        this.maxConcurrent = b.maxConcurrent;
        this.circuitBreaker = b.circuitBreaker;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * {@return a builder starting from {@code base}}
     *
     * @param base the configuration to start from
     */
    public static Builder from(ProbeRunnerConfig base) {
        return new Builder(base);
    }

    /** {@return the defaults: 10 s timeout, 1 retry after 200 ms, 8 concurrent probes, no circuit breaker} */
    public static ProbeRunnerConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The deadline of each probe, counted from the call to {@code execute}: it bounds waiting for a
     * concurrency slot, all attempts and the pauses between them.
     *
     * @return the deadline
     */
    public Duration timeout() {
        return timeout;
    }

    /** {@return retries after a transient failure ({@code FailureKind.transientFailure()}); 0 disables retrying} */
    public int retries() {
        return retries;
    }

    /** {@return the pause before each retry} */
    public Duration retryWait() {
        return retryWait;
    }

    /** {@return how many probes run at once; the others wait for a slot within their deadline} */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * The circuit breaker kept per probe target across calls of {@code execute}, if any: a target
     * whose breaker is open is reported {@code CIRCUIT_OPEN} without being probed.
     *
     * @return the breaker configuration, empty for none
     */
    public Optional<CircuitBreakerConfig> circuitBreaker() {
        return Optional.ofNullable(circuitBreaker);
    }

    @Override
    public String toString() {
        return "ProbeRunnerConfig{timeout=" + timeout + ", retries=" + retries + ", retryWait=" + retryWait
                + ", maxConcurrent=" + maxConcurrent + ", circuitBreaker=" + (circuitBreaker != null) + '}';
    }

    /** Builds a {@link ProbeRunnerConfig}; every setter validates its argument at once. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private Duration retryWait = DEFAULT_RETRY_WAIT;
        private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
        private CircuitBreakerConfig circuitBreaker;

        private Builder() {
        }

        private Builder(ProbeRunnerConfig base) {
            this.timeout = base.timeout;
            this.retries = base.retries;
            this.retryWait = base.retryWait;
            this.maxConcurrent = base.maxConcurrent;
            this.circuitBreaker = base.circuitBreaker;
        }

        /**
         * Per-probe deadline, positive. Default {@link #DEFAULT_TIMEOUT}.
         *
         * @param timeout the deadline
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Retries after a transient failure, {@code >= 0}. Default {@link #DEFAULT_RETRIES}.
         *
         * @param retries retries
         * @return this builder
         */
        public Builder retries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be >= 0, was " + retries);
            }
            this.retries = retries;
            return this;
        }

        /**
         * Pause before a retry, {@code >= 0}. Default {@link #DEFAULT_RETRY_WAIT}.
         *
         * @param retryWait the pause
         * @return this builder
         */
        public Builder retryWait(Duration retryWait) {
            Objects.requireNonNull(retryWait, "retryWait");
            if (retryWait.isNegative()) {
                throw new IllegalArgumentException("retryWait must be >= 0, was " + retryWait);
            }
            this.retryWait = retryWait;
            return this;
        }

        /**
         * Probes running at once, {@code >= 1}. Default {@link #DEFAULT_MAX_CONCURRENT}.
         *
         * @param maxConcurrent probes at once
         * @return this builder
         */
        public Builder maxConcurrent(int maxConcurrent) {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
            }
            this.maxConcurrent = maxConcurrent;
            return this;
        }

        /**
         * A circuit breaker per probe target, or null for none (the default).
         *
         * @param circuitBreaker the breaker configuration, or null
         * @return this builder
         */
        public Builder circuitBreaker(CircuitBreakerConfig circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
            return this;
        }

        /** {@return the configuration} */
        public ProbeRunnerConfig build() {
            return new ProbeRunnerConfig(this);
        }
    }
}
