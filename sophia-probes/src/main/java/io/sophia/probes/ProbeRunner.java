package io.sophia.probes;

import io.sophia.core.Source;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeExecutor;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.SafeText;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs probes concurrently under a per-probe deadline, retrying transient failures and capping how
 * many run at once, and never lets a failure reach the caller.
 *
 * <p>Each probe is decorated the resilience4j way: a {@link TimeLimiter} bounds the whole probe
 * (waiting for a {@link Bulkhead} slot, every {@link Retry} attempt and the pauses between them)
 * by {@link ProbeRunnerConfig#timeout()}; on timeout the running attempt is cancelled, which
 * interrupts its thread. Only failures whose {@link FailureKind#transientFailure()} is true are
 * retried, and only while the deadline leaves room for another attempt. An optional
 * {@link CircuitBreaker} per target skips targets that keep failing across calls.
 *
 * <p>Guarantees of {@link #execute(List)}:
 * <ul>
 *   <li>it returns within the timeout plus a small margin (about 100 ms), even when a probe ignores
 *       interruption: probes run on daemon threads and a stuck one is abandoned, not joined;</li>
 *   <li>results come in probe order; a probe that throws becomes a {@link ProbeFailure} of kind
 *       {@code OTHER} (or the kind its exception maps to), one that overruns becomes
 *       {@code DEADLINE_EXCEEDED}, one that never got a slot {@code BULKHEAD_FULL};</li>
 *   <li>every {@link ProbeFailure} of a probe carries the number of attempts made.</li>
 * </ul>
 *
 * <p>Stable API. Thread-safe; one runner may execute many batches (the circuit breakers remember
 * targets between batches). Its threads are daemons that end when idle, so it needs no closing.
 */
public final class ProbeRunner implements ProbeExecutor {

    private static final System.Logger LOG = System.getLogger(ProbeRunner.class.getName());
    /** How long execute() waits past the deadline for the time limiter's own verdict before deciding itself. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ProbeRunnerConfig config;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final CircuitBreakerRegistry breakers;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor scheduler;

    private ProbeRunner(ProbeRunnerConfig config) {
        this.config = config;
        this.bulkhead = Bulkhead.of("sophia-probes", BulkheadConfig.custom()
                .maxConcurrentCalls(config.maxConcurrent())
                .maxWaitDuration(config.timeout())
                .build());
        this.timeLimiter = TimeLimiter.of("sophia-probes", TimeLimiterConfig.custom()
                .timeoutDuration(config.timeout())
                .cancelRunningFuture(true)
                .build());
        this.breakers = config.circuitBreaker().map(CircuitBreakerRegistry::of).orElse(null);
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemons("sophia-probe-"));
        this.scheduler = new ScheduledThreadPoolExecutor(1, daemons("sophia-probe-deadline-"));
        scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
        scheduler.allowCoreThreadTimeOut(true);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** A runner with {@code config}. */
    public static ProbeRunner of(ProbeRunnerConfig config) {
        return new ProbeRunner(Objects.requireNonNull(config, "config"));
    }

    /** A runner with {@link ProbeRunnerConfig#ofDefaults()}. */
    public static ProbeRunner ofDefaults() {
        return of(ProbeRunnerConfig.ofDefaults());
    }

    /** This runner's configuration. */
    public ProbeRunnerConfig config() {
        return config;
    }

    @Override
    public List<Observation> execute(List<? extends Probe> probes) {
        Objects.requireNonNull(probes, "probes");
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        List<Run> runs = new ArrayList<>(probes.size());
        for (Probe probe : probes) {
            runs.add(probe == null ? null : launch(probe, start, deadline));
        }
        List<Observation> out = new ArrayList<>();
        for (Run run : runs) {
            if (run == null) {
                out.add(new ProbeFailure(null, Source.HOST, "", FailureKind.MISCONFIGURED, "a null probe was passed to the runner",
                        null, Duration.ZERO, 0));
                continue;
            }
            out.addAll(await(run, deadline + GRACE_NANOS));
        }
        return List.copyOf(out);
    }

    private List<Observation> await(Run run, long until) {
        try {
            return run.result.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            run.task.cancel(true);
            return run.overdue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.task.cancel(true);
            return List.of(run.failure(FailureKind.OTHER, "the runner was interrupted before the probe finished"));
        } catch (ExecutionException e) {
            return run.failed(e.getCause());
        }
    }

    private Run launch(Probe probe, long start, long deadline) {
        Run run = new Run(probe, start);
        CompletableFuture<List<Observation>> promise = new CompletableFuture<>();
        FutureTask<List<Observation>> task = new FutureTask<>(() -> supervise(run, promise, deadline)) {
            @Override
            protected void done() {
                if (isCancelled()) {
                    promise.cancel(false);
                    return;
                }
                try {
                    promise.complete(get());
                } catch (ExecutionException e) {
                    promise.completeExceptionally(e.getCause());
                } catch (InterruptedException | CancellationException e) {
                    promise.cancel(false);
                }
            }
        };
        run.task = task;
        // The time limiter completes the promise with a TimeoutException; this stops the attempt and frees its slot.
        promise.whenComplete((r, t) -> {
            if (t != null) {
                task.cancel(true);
                run.releasePermit(bulkhead);
            }
        });
        run.result = timeLimiter.decorateCompletionStage(scheduler, () -> promise).get().toCompletableFuture()
                .handle((r, t) -> t == null ? run.finished(r) : run.failed(t));
        try {
            workers.execute(task);
        } catch (RuntimeException e) {
            promise.completeExceptionally(e);
        }
        return run;
    }

    private List<Observation> supervise(Run run, CompletableFuture<List<Observation>> promise, long deadline)
            throws Exception {
        // the probe sees a slightly earlier deadline, so one that stops early still returns before it is cut off
        long margin = Math.min(TimeUnit.MILLISECONDS.toNanos(200), config.timeout().toNanos() / 10);
        Deadline.bind(deadline - margin);
        CircuitBreaker breaker = breakers == null ? null : breakers.circuitBreaker(run.target);
        try {
            if (breaker != null && !breaker.tryAcquirePermission()) {
                return List.of(run.failure(FailureKind.CIRCUIT_OPEN,
                        "circuit breaker open after repeated failures of " + run.target + "; not probed"));
            }
            run.breaker = breaker;
            run.waitingForSlot = true;
            try {
                bulkhead.acquirePermission();
            } catch (BulkheadFullException e) {
                return List.of(run.failure(FailureKind.BULKHEAD_FULL, "no free probe slot within "
                        + config.timeout().toMillis() + " ms (maxConcurrent " + config.maxConcurrent() + ")"));
            }
            run.slotAt = System.nanoTime();
            run.permitHeld.set(true);
            if (promise.isDone()) {
                run.releasePermit(bulkhead);
                return List.of();
            }
            Retry retry = Retry.of("sophia-probe-" + run.target, RetryConfig.<List<Observation>>custom()
                    .maxAttempts(config.retries() + 1)
                    .waitDuration(config.retryWait().isZero() ? Duration.ofMillis(1) : config.retryWait())
                    .retryOnResult(r -> onlyTransientFailures(r) && worthAnotherAttempt(deadline))
                    .retryOnException(e -> false)
                    .failAfterMaxAttempts(false)
                    .build());
            List<Observation> result = retry.executeCallable(() -> run.attempt());
            run.recordOutcome(result);
            return result;
        } finally {
            run.releasePermit(bulkhead);
            Deadline.unbind();
        }
    }

    private boolean worthAnotherAttempt(long deadline) {
        long left = deadline - System.nanoTime() - config.retryWait().toNanos();
        // an attempt that could get less than a tenth of the budget would only end as DEADLINE_EXCEEDED
        return left > config.timeout().toNanos() / 10;
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

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "ProbeRunner" + config;
    }

    /** The state of one probe within one call of execute. */
    private final class Run {
        final Probe probe;
        final Source source;
        final String serviceId;
        final String target;
        final long start;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicBoolean permitHeld = new AtomicBoolean();
        volatile List<Observation> lastResult;
        volatile boolean waitingForSlot;
        volatile long slotAt;
        volatile CircuitBreaker breaker;
        volatile FutureTask<List<Observation>> task;
        CompletableFuture<List<Observation>> result;

        Run(Probe probe, long start) {
            this.probe = probe;
            this.start = start;
            this.source = safely(probe::source, Source.HOST);
            this.serviceId = safely(probe::serviceId, null);
            this.target = SafeText.text(safely(probe::target, source.wire()));
        }

        List<Observation> attempt() throws InterruptedException {
            int n = attempts.incrementAndGet();
            List<Observation> result;
            try {
                List<Observation> r = probe.run();
                result = r == null ? List.of() : List.copyOf(r);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                FailureKind kind = Failures.kindOf(e);
                LOG.log(System.Logger.Level.DEBUG, () -> "probe " + target + " threw " + SafeText.describe(e));
                result = List.of(failure(kind, "probe threw " + SafeText.describe(e)));
            }
            if (n > 1) {
                LOG.log(System.Logger.Level.DEBUG, "probe {0}: attempt {1}", target, n);
            }
            lastResult = result;
            return result;
        }

        List<Observation> finished(List<Observation> result) {
            int n = Math.max(1, attempts.get());
            List<Observation> out = new ArrayList<>(result.size());
            for (Observation o : result) {
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
            FailureKind kind = Failures.kindOf(cause);
            return finished(List.of(failure(kind, "probe failed: " + SafeText.describe(cause))));
        }

        /** The probe ran past its deadline: report the last completed attempt if there was one, else the overrun. */
        List<Observation> overdue() {
            recordError();
            List<Observation> last = lastResult;
            if (last != null) {
                return finished(last);
            }
            long slot = slotAt;
            long waited = (slot == 0 ? System.nanoTime() : slot) - start;
            // a slot that came in the last tenth of the budget left the probe no real chance to run
            if (waitingForSlot && waited >= config.timeout().toNanos() * 9 / 10) {
                return finished(List.of(failure(FailureKind.BULKHEAD_FULL, "waited " + TimeUnit.NANOSECONDS.toMillis(waited)
                        + " ms of its " + config.timeout().toMillis() + " ms for a probe slot (maxConcurrent "
                        + config.maxConcurrent() + ")")));
            }
            return finished(List.of(failure(FailureKind.DEADLINE_EXCEEDED,
                    "no result within " + config.timeout().toMillis() + " ms; the probe was abandoned")));
        }

        ProbeFailure failure(FailureKind kind, String detail) {
            return new ProbeFailure(serviceId, source, target, kind, SafeText.text(detail), null,
                    Duration.ofNanos(System.nanoTime() - start), Math.max(1, attempts.get()));
        }

        void releasePermit(Bulkhead bulkhead) {
            if (permitHeld.compareAndSet(true, false)) {
                bulkhead.onComplete();
            }
        }

        void recordOutcome(List<Observation> result) {
            CircuitBreaker b = breaker;
            if (b == null) {
                return;
            }
            long elapsed = System.nanoTime() - start;
            if (result.stream().anyMatch(ProbeFailure.class::isInstance)) {
                b.onError(elapsed, TimeUnit.NANOSECONDS, new ProbeFailedException());
            } else {
                b.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
        }

        void recordError() {
            CircuitBreaker b = breaker;
            if (b != null) {
                b.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, new ProbeFailedException());
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
