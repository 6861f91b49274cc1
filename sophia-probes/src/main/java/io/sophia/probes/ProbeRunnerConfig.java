package io.sophia.probes;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Clock;
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
 *         .budget(Duration.ofSeconds(8))
 *         .build();
 * }</pre>
 *
 * <p>Two clocks run for every probe: its own {@link #timeout()}, which starts when the probe starts,
 * and the {@link #budget()} of the check as a whole, which starts when {@code execute} is called. A
 * probe starts only while the budget still holds nine tenths of its timeout; one that could not start by
 * then (every slot busy) is reported {@code NOT_PROBED}, which leaves its service UNKNOWN rather
 * than DOWN.
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
    /**
     * Default number of probes running at once: 1024, sized for fleets of thousands (a probe that
     * waits on a hanging target holds its slot for the whole timeout, so the slots must outnumber
     * the hanging targets). Each running probe holds one socket and, on a Java 17 runtime, one
     * platform thread; measured in the README's Performance section.
     */
    public static final int DEFAULT_MAX_CONCURRENT = 1024;
    /** Default budget of the check as a whole, as a multiple of the timeout: 1.5 (and see the next constant). */
    public static final double DEFAULT_BUDGET_FACTOR = 1.5;
    /**
     * The least the default budget leaves past the timeout: 5 s, so the default budget of a 2 s timeout is 7 s,
     * not 3 s. A fleet's probes start no faster than the host's CPU completes their exchanges (about 1,500-2,500
     * a second on 2 loaded cores, README's Performance section), and a probe starts only while the budget still
     * holds nine tenths of its timeout: with 1.5 x a short timeout, the probes of a fleet of thousands had
     * 1.2 s to start and most of 5,000 were reported not probed. The budget only bounds a check: one whose probes
     * all end sooner ends sooner.
     */
    public static final Duration DEFAULT_BUDGET_PAST_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The system property that sets the default of {@link #virtualThreads()}: {@code true} runs probes on virtual
     * threads where the runtime has them (Java 21+); unset or {@code false}, on the JVM's pool of platform threads.
     */
    public static final String VIRTUAL_THREADS_PROPERTY = "sophia.probes.virtualThreads";

    private static final ProbeRunnerConfig DEFAULTS = custom().build();

    private final Duration timeout;
    private final int retries;
    private final Duration retryWait;
    private final int maxConcurrent;
    private final CircuitBreakerConfig circuitBreaker;
    private final Duration budget;
    private final Clock clock;
    private final boolean virtualThreads;

    private ProbeRunnerConfig(Builder b) {
        this.timeout = b.timeout;
        this.budget = b.budget;
        this.clock = b.clock;
        this.virtualThreads = b.virtualThreads;
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

    /**
     * {@return the defaults: 10 s timeout, a budget of 1.5 x the timeout and at least the timeout plus 5 s (15 s),
     * 1 retry after 200 ms, 1024 concurrent
     * probes on platform threads (unless the system property {@value #VIRTUAL_THREADS_PROPERTY} is true), no circuit
     * breaker, the system UTC clock}
     */
    public static ProbeRunnerConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * The deadline of each probe, counted from the moment the probe starts (not from the call to
     * {@code execute}): it bounds all attempts and the pauses between them. Waiting for a slot is not
     * counted.
     *
     * @return the deadline
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * {@return the budget of the check as a whole, counted from the call to {@code execute}: every result is in by
     * then (plus a small margin)} Either the one set, or by default {@link #DEFAULT_BUDGET_FACTOR} x the timeout
     * and at least the timeout plus {@link #DEFAULT_BUDGET_PAST_TIMEOUT} (7 s for a 2 s timeout, 15 s for 10 s);
     * never less than the timeout. A probe starts only while at least nine tenths of its timeout are left in the
     * budget, and never runs past the budget.
     */
    public Duration budget() {
        if (budget != null) {
            return budget.compareTo(timeout) < 0 ? timeout : budget;
        }
        Duration byFactor = Duration.ofNanos((long) (timeout.toNanos() * DEFAULT_BUDGET_FACTOR));
        Duration floor = timeout.plus(DEFAULT_BUDGET_PAST_TIMEOUT);
        return byFactor.compareTo(floor) < 0 ? floor : byFactor;
    }

    /** {@return the clock handed to every probe in its {@code ProbeContext}} */
    public Clock clock() {
        return clock;
    }

    /**
     * {@return true when probes run on virtual threads where the runtime has them (Java 21 and later); on an older
     * runtime they run on platform threads all the same} Default false, unless the system property
     * {@value #VIRTUAL_THREADS_PROPERTY} is {@code true} when the builder is made. Not the default because of a
     * measurement (README, Performance section): on an idle host a fleet's probes start faster on virtual threads, but
     * on a host whose CPU is contended the few carrier threads get a smaller share of it than a pool of platform
     * threads, and healthy targets were reported as timed out.
     */
    public boolean virtualThreads() {
        return virtualThreads;
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
        return "ProbeRunnerConfig{timeout=" + timeout + ", budget=" + budget() + ", retries=" + retries + ", retryWait=" + retryWait
                + ", maxConcurrent=" + maxConcurrent + ", circuitBreaker=" + (circuitBreaker != null) + ", virtualThreads=" + virtualThreads + '}';
    }

    /** Builds a {@link ProbeRunnerConfig}; every setter validates its argument at once. */
    public static final class Builder {
        private Duration timeout = DEFAULT_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private Duration retryWait = DEFAULT_RETRY_WAIT;
        private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
        private CircuitBreakerConfig circuitBreaker;
        private Duration budget;
        private Clock clock = Clock.systemUTC();
        private boolean virtualThreads = Boolean.parseBoolean(System.getProperty(VIRTUAL_THREADS_PROPERTY, "false").strip());

        private Builder() {
        }

        private Builder(ProbeRunnerConfig base) {
            this.timeout = base.timeout;
            this.retries = base.retries;
            this.retryWait = base.retryWait;
            this.maxConcurrent = base.maxConcurrent;
            this.circuitBreaker = base.circuitBreaker;
            this.budget = base.budget;
            this.clock = base.clock;
            this.virtualThreads = base.virtualThreads;
        }

        /**
         * Per-probe deadline, counted from the probe's start, positive. Default {@link #DEFAULT_TIMEOUT}.
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
         * Budget of the check as a whole, positive, or null for the default ({@link #DEFAULT_BUDGET_FACTOR} x the
         * timeout, at least the timeout plus {@link #DEFAULT_BUDGET_PAST_TIMEOUT}). A budget shorter than the timeout
         * counts as the timeout.
         *
         * @param budget the budget
         * @return this builder
         */
        public Builder budget(Duration budget) {
            if (budget != null && (budget.isZero() || budget.isNegative())) {
                throw new IllegalArgumentException("budget must be positive, was " + budget);
            }
            this.budget = budget;
            return this;
        }

        /**
         * The clock handed to probes. Default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Run probes on virtual threads where the runtime has them (Java 21+), or, with false, on the JVM's pool of
         * platform threads. Default false (see {@link ProbeRunnerConfig#virtualThreads()}).
         *
         * @param virtualThreads true for virtual threads where present, false for platform threads
         * @return this builder
         */
        public Builder virtualThreads(boolean virtualThreads) {
            this.virtualThreads = virtualThreads;
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
