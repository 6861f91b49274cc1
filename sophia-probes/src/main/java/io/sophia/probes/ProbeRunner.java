package io.sophia.probes;

import io.sophia.core.Source;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.ProbeExecutor;
import io.sophia.core.Probing;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.ProbeSlots;
import io.sophia.probes.internal.ProbeThreads;
import io.sophia.probes.internal.SafeText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs probes concurrently, each under its own deadline and all under the check's budget,
 * retrying transient failures, and never lets a failure reach the caller.
 *
 * <p>Two clocks: a probe's {@link ProbeRunnerConfig#timeout()} starts when the probe starts, so
 * time spent waiting for a slot is never charged to the target; the check's
 * {@link ProbeRunnerConfig#budget()} starts when {@link #execute(List)} is called. A probe starts
 * only while the budget still holds nine tenths of its timeout; one that could not start by then
 * is reported {@link FailureKind#NOT_PROBED} ("not probed: the check's time budget ran out"),
 * which the diagnosis reads as UNKNOWN, never DOWN.
 *
 * <p>Each probe gets a {@link ProbeContext} with its deadline, the clock and a cancellation signal.
 * resilience4j does the rest: a {@link Bulkhead} caps how many probes run at once
 * ({@link ProbeRunnerConfig#maxConcurrent()}); a {@link Retry}
 * repeats attempts whose failures are all {@link FailureKind#transientFailure() transient} while
 * the deadline leaves room; an optional {@link CircuitBreaker} per target skips targets that keep
 * failing across calls. A timer started with the probe on the runner's scheduler cancels its context (closing
 * its sockets) and interrupts its thread when it overruns (a JDK timer rather than resilience4j's TimeLimiter, which
 * logs through SLF4J and so made every host without a logger binding print SLF4J's "no providers" warning).
 *
 * <p>Probes run on the JVM's one pool of daemon platform threads, shared by every runner (idle threads end after
 * 30 s), or, with {@link ProbeRunnerConfig#virtualThreads()} on a Java 21+ runtime, on virtual threads; either way
 * at most {@code maxConcurrent} probes of a runner at once.
 *
 * <p>Guarantees of {@link #execute(List)}:
 * <ul>
 *   <li>it returns within the budget plus a small margin (at most 350 ms), even when a probe ignores
 *       both cancellation and interruption: a stuck probe is abandoned, not joined;</li>
 *   <li>results come in probe order; a probe that throws becomes a {@link ProbeFailure} of kind
 *       {@code OTHER} (or the kind its exception maps to), one that overruns its own deadline
 *       {@code DEADLINE_EXCEEDED}, one that never started {@code NOT_PROBED};</li>
 *   <li>every {@link ProbeFailure} of a probe carries the number of attempts made.</li>
 * </ul>
 *
 * <p>Stable API. Thread-safe; one runner may execute many batches (the circuit breakers remember
 * targets between batches). Its threads are daemons that end when idle, so it needs no closing.
 */
public final class ProbeRunner implements ProbeExecutor {

    private static final System.Logger LOG = System.getLogger(ProbeRunner.class.getName());
    /** How long execute() waits past the budget (and the overdue timer's grace) for results before deciding itself. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The text of a probe the budget left no room to start. */
    static final String NOT_PROBED = "not probed: the check's time budget ran out";

    private final ProbeRunnerConfig config;
    private final Bulkhead bulkhead;
    /** One for every probe: a probe's attempts are counted in a context of their own ({@link Retry#context()}). */
    private final Retry retry;
    private final CircuitBreakerRegistry breakers;
    private final ProbeSlots slots;
    private final ScheduledThreadPoolExecutor scheduler;
    private final long timeoutNanos;
    /** The timer waits this long past a probe's deadline, so the probe's own, more precise timeout report wins. */
    private final long graceNanos;

    private ProbeRunner(ProbeRunnerConfig config) {
        this.config = config;
        this.timeoutNanos = config.timeout().toNanos();
        this.graceNanos = Math.min(TimeUnit.MILLISECONDS.toNanos(250), Math.max(TimeUnit.MILLISECONDS.toNanos(20),
                timeoutNanos / 5));
        // The bulkhead counts running probes; ProbeSlots keeps the others in a queue, not on threads, and a
        // probe abandoned at its deadline gives its slot back even if its thread is stuck.
        this.bulkhead = Bulkhead.of("sophia-probes", BulkheadConfig.custom()
                .maxConcurrentCalls(config.maxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.slots = new ProbeSlots(bulkhead, ProbeThreads.executor(config.virtualThreads()));
        RetryConfig retryConfig = RetryConfig.<List<Observation>>custom()
                .maxAttempts(config.retries() + 1)
                .waitDuration(config.retryWait().isZero() ? Duration.ofMillis(1) : config.retryWait())
                .retryOnResult(ProbeRunner::onlyTransientFailures)
                .retryOnException(e -> false)
                .failAfterMaxAttempts(false)
                .build();
        this.breakers = config.circuitBreaker().map(CircuitBreakerRegistry::of).orElse(null);
        // made now, not during the first probe (a cold JVM needs ~100 ms to load the retry machinery)
        this.retry = Retry.of("sophia-probe", retryConfig);
        this.scheduler = new ScheduledThreadPoolExecutor(1, ProbeThreads.daemons("sophia-probe-deadline-"));
        scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * {@return a runner with {@code config}}
     *
     * @param config deadlines, retries and concurrency
     */
    public static ProbeRunner of(ProbeRunnerConfig config) {
        return new ProbeRunner(Objects.requireNonNull(config, "config"));
    }

    /** {@return a runner with {@link ProbeRunnerConfig#ofDefaults()}} */
    public static ProbeRunner ofDefaults() {
        return of(ProbeRunnerConfig.ofDefaults());
    }

    /** {@return this runner's configuration} */
    public ProbeRunnerConfig config() {
        return config;
    }

    @Override
    public List<Observation> execute(List<? extends Probe> probes) {
        Objects.requireNonNull(probes, "probes");
        long start = System.nanoTime();
        Batch batch = new Batch(start, start + config.budget().toNanos());
        List<Run> runs = new ArrayList<>(probes.size());
        for (Probe probe : probes) {
            runs.add(probe == null ? null : launch(probe, batch));
        }
        List<Observation> out = new ArrayList<>();
        for (Run run : runs) {
            if (run == null) {
                out.add(new ProbeFailure(null, Source.HOST, "", FailureKind.MISCONFIGURED, "a null probe was passed to the runner",
                        null, Duration.ZERO, 0));
                continue;
            }
            out.addAll(await(run, batch.end + graceNanos + GRACE_NANOS));
        }
        return List.copyOf(out);
    }

    /** When the check began and when its budget ends, on the {@link System#nanoTime()} scale. */
    private record Batch(long start, long end) {
    }

    private List<Observation> await(Run run, long until) {
        try {
            return run.result.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return run.abandon();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.abandon();
            return List.of(run.failure(FailureKind.OTHER, "the runner was interrupted before the probe finished"));
        } catch (ExecutionException e) {
            return run.failed(e.getCause());
        }
    }

    private Run launch(Probe probe, Batch batch) {
        Run run = new Run(probe, batch);
        slots.submit(run::supervise);
        return run;
    }

    /** Another attempt only while the deadline leaves it a real chance: a tenth of the timeout after the pause. */
    private boolean worthAnotherAttempt(long deadline, ProbeContext ctx) {
        long left = deadline - System.nanoTime() - config.retryWait().toNanos();
        return !ctx.isCancelled() && left > timeoutNanos / 10;
    }

    private static boolean onlyTransientFailures(List<Observation> result) {
        boolean anyTransient = false;
        for (Observation o : result) {
            if (!(o instanceof ProbeFailure f)) {
                return false;
            }
            anyTransient |= f.kind().transientFailure();
        }
        return anyTransient;
    }

    /** This runner's timeout and budget. */
    @Override
    public Optional<Probing> probing() {
        return Optional.of(new Probing(config.timeout(), config.budget()));
    }

    @Override
    public String toString() {
        return "ProbeRunner" + config;
    }

    /** The state of one probe within one call of execute. */
    private final class Run {
        final Probe probe;
        final Batch batch;
        final Source source;
        final String serviceId;
        private volatile String targetText;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicBoolean permitHeld = new AtomicBoolean();
        /** Completed exactly once: by the worker, by the overdue timer's verdict, or by execute giving up. */
        final CompletableFuture<List<Observation>> result = new CompletableFuture<>();
        volatile List<Observation> lastResult;
        volatile long startedAt;
        volatile ProbeContext context;
        Thread worker; // guarded by this
        volatile CircuitBreaker breaker;

        Run(Probe probe, Batch batch) {
            this.probe = probe;
            this.batch = batch;
            this.source = safely(probe::source, Source.HOST);
            this.serviceId = safely(probe::serviceId, null);
        }

        /** The probe's target made safe to print: computed on first use, by a probe thread, not by the launching one. */
        String target() {
            String t = targetText;
            if (t == null) {
                t = SafeText.text(safely(probe::target, source.wire()));
                targetText = t;
            }
            return t;
        }

        /** Runs on a worker thread holding a slot: probe under the probe's own deadline, if the budget still allows. */
        void supervise() {
            permitHeld.set(true);
            try {
                if (!result.isDone()) {
                    probe();
                }
            } catch (RuntimeException | Error e) {
                // a bug of the runner's own must still end as an observation, never as a lost probe
                result.complete(List.of(failure(FailureKind.OTHER, "probe failed: " + SafeText.describe(e))));
            } finally {
                if (permitHeld.compareAndSet(true, false)) {
                    slots.releaseAndContinue(); // this thread takes the next waiting probe itself
                }
            }
        }

        private void probe() {
            long now = System.nanoTime();
            // a probe that cannot get nine tenths of its timeout would only end as a false timeout
            if (now - (batch.end - timeoutNanos * 9 / 10) > 0) {
                result.complete(List.of(failure(FailureKind.NOT_PROBED, NOT_PROBED + " ("
                        + config.budget().toMillis() + " ms for the check, " + config.maxConcurrent()
                        + " probes at once)")));
                return;
            }
            CircuitBreaker b = breakers == null ? null : breakers.circuitBreaker(target());
            if (b != null && !b.tryAcquirePermission()) {
                result.complete(List.of(failure(FailureKind.CIRCUIT_OPEN,
                        "circuit breaker open after repeated failures of " + target() + "; not probed")));
                return;
            }
            breaker = b;
            // the runner's own set-up comes before the probe's clock starts
            Retry.Context<List<Observation>> retries = retry.context();
            CompletableFuture<List<Observation>> attempt = new CompletableFuture<>();
            now = System.nanoTime();
            startedAt = now;
            long deadline = Math.min(now + timeoutNanos, batch.end);
            ProbeContext ctx = ProbeContext.withTimeout(Duration.ofNanos(Math.max(0, deadline - now)), config.clock());
            context = ctx;
            enter();
            // the overdue timer starts now, with the probe, not with the batch
            decideOnTime(attempt, ctx);
            List<Observation> observations;
            try {
                observations = attemptOnce(ctx);
                // another attempt when every failure is transient (the retry's predicate) and the deadline leaves room;
                // onResult counts the attempt and makes the pause before it
                while (worthAnotherAttempt(deadline, ctx) && retries.onResult(observations)) {
                    observations = attemptOnce(ctx);
                }
                retries.onComplete();
            } catch (InterruptedException e) {
                observations = null;
            } catch (Exception | Error e) {
                observations = List.of(failure(Failures.kindOf(e), "probe failed: " + SafeText.describe(e)));
            } finally {
                leave();
            }
            if (observations != null) {
                recordOutcome(observations);
                attempt.complete(observations);
            } else {
                attempt.cancel(false);
            }
        }

        /**
         * Whichever comes first decides the probe: the attempt's end, or the overdue timer, which gives it up past its
         * deadline and a grace (cancelling its context, interrupting its thread and freeing its slot).
         */
        private void decideOnTime(CompletableFuture<List<Observation>> attempt, ProbeContext ctx) {
            ScheduledFuture<?> overdueTimer = scheduler.schedule(() -> attempt.completeExceptionally(
                    new TimeoutException("probe overran its timeout")), timeoutNanos + graceNanos, TimeUnit.NANOSECONDS);
            attempt.whenComplete((r, t) -> {
                overdueTimer.cancel(false);
                if (t != null) {
                    ctx.cancel();
                    interruptWorker();
                    result.complete(overdue());
                    releaseSlot(); // the thread may be stuck; the slot is not
                } else {
                    result.complete(finished(r));
                }
            });
        }

        void releaseSlot() {
            if (permitHeld.compareAndSet(true, false)) {
                slots.release();
            }
        }

        List<Observation> attemptOnce(ProbeContext ctx) throws InterruptedException {
            int n = attempts.incrementAndGet();
            if (n > 1) {
                LOG.log(System.Logger.Level.DEBUG, "probe {0}: attempt {1}", target(), n);
            }
            List<Observation> r;
            try {
                List<Observation> seen = probe.run(ctx);
                r = seen == null ? List.of() : List.copyOf(seen);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | LinkageError | AssertionError e) {
                FailureKind kind = Failures.kindOf(e);
                LOG.log(System.Logger.Level.DEBUG, () -> "probe " + target() + " threw " + SafeText.describe(e));
                r = List.of(failure(kind, "probe threw " + SafeText.describe(e)));
            }
            lastResult = r;
            return r;
        }

        List<Observation> finished(List<Observation> observations) {
            int n = Math.max(1, attempts.get());
            List<Observation> out = new ArrayList<>(observations.size());
            for (Observation o : observations) {
                if (o instanceof ProbeFailure f && f.attempts() < n) {
                    out.add(new ProbeFailure(f.serviceId(), f.source(), f.target(), f.kind(), f.detail(),
                            f.httpStatus(), f.elapsed(), n));
                } else {
                    out.add(o);
                }
            }
            return out;
        }

        List<Observation> failed(Throwable t) {
            Throwable cause = t;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof TimeoutException || cause instanceof CancellationException) {
                return overdue();
            }
            recordError();
            return finished(List.of(failure(Failures.kindOf(cause), "probe failed: " + SafeText.describe(cause))));
        }

        /** execute() stops waiting: a probe still running is cancelled and overdue; one never started was not probed. */
        List<Observation> abandon() {
            List<Observation> verdict = startedAt == 0
                    ? List.of(failure(FailureKind.NOT_PROBED, NOT_PROBED + " (" + config.budget().toMillis()
                            + " ms for the check)"))
                    : overdue();
            if (!result.complete(verdict)) {
                return result.getNow(verdict);
            }
            ProbeContext ctx = context;
            if (ctx != null) {
                ctx.cancel();
            }
            interruptWorker();
            releaseSlot();
            return verdict;
        }

        synchronized void enter() {
            worker = Thread.currentThread();
        }

        /** Ends the probe's hold on its thread; an interrupt meant for it must not reach the thread's next task. */
        synchronized void leave() {
            worker = null;
            Thread.interrupted();
        }

        synchronized void interruptWorker() {
            if (worker != null) {
                worker.interrupt();
            }
        }

        /** The probe ran past its deadline: report the last completed attempt if there was one, else the overrun. */
        List<Observation> overdue() {
            recordError();
            List<Observation> last = lastResult;
            if (last != null) {
                return finished(last);
            }
            return finished(List.of(failure(FailureKind.DEADLINE_EXCEEDED,
                    "no result within " + config.timeout().toMillis() + " ms; the probe was abandoned")));
        }

        ProbeFailure failure(FailureKind kind, String detail) {
            long from = startedAt == 0 ? batch.start : startedAt;
            return new ProbeFailure(serviceId, source, target(), kind, SafeText.text(detail), null,
                    Duration.ofNanos(Math.max(0, System.nanoTime() - from)), Math.max(kind == FailureKind.NOT_PROBED
                    || kind == FailureKind.CIRCUIT_OPEN ? 0 : 1, attempts.get()));
        }

        /**
         * The breaker to tell this probe's one outcome, or null when it was told already: an overdue probe is counted
         * when it is abandoned, and its worker finishing later must not count it again.
         */
        synchronized CircuitBreaker claimBreaker() {
            CircuitBreaker b = breaker;
            breaker = null;
            return b;
        }

        void recordOutcome(List<Observation> observations) {
            CircuitBreaker b = claimBreaker();
            if (b == null) {
                return;
            }
            long elapsed = System.nanoTime() - startedAt;
            if (observations.stream().anyMatch(ProbeFailure.class::isInstance)) {
                b.onError(elapsed, TimeUnit.NANOSECONDS, new ProbeFailedException());
            } else {
                b.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
        }

        void recordError() {
            CircuitBreaker b = claimBreaker();
            if (b != null) {
                b.onError(System.nanoTime() - startedAt, TimeUnit.NANOSECONDS, new ProbeFailedException());
            }
        }
    }

    private static <T> T safely(java.util.function.Supplier<T> s, T fallback) {
        try {
            T v = s.get();
            return v == null ? fallback : v;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** Tells a circuit breaker that a probe failed; carries no stack trace and no message. */
    private static final class ProbeFailedException extends Exception {
        ProbeFailedException() {
            super("probe failed", null, false, false);
        }
    }
}
