package io.sophia.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What one run of a {@link Probe} may rely on: its deadline, a cancellation signal and the clock.
 * Handed to {@link Probe#run(ProbeContext)} explicitly, never through a thread-local.
 *
 * <p>The deadline is an {@link Instant} on {@link #clock()}, but the time left is measured on the
 * JVM's monotonic timer from the moment the context was made, so a wall-clock jump (or a fixed
 * clock in a test) neither extends nor shortens a probe. A probe derives its connect and read
 * timeouts from {@link #remaining()} (or {@link #socketTimeoutMillis()}), checks
 * {@link #isCancelled()} between steps, and may register an action with {@link #onCancel(Runnable)}
 * (closing its socket, say) that unblocks a call which does not answer to interruption.
 *
 * <p>Whoever runs the probe (the probes module's {@code ProbeRunner}, or a host) makes the context
 * and calls {@link #cancel()} when the result is no longer wanted. Contexts derived with
 * {@link #within(Duration)} share the cancellation of their parent.
 *
 * <p>Stable API. Thread-safe.
 */
public final class ProbeContext {

    private final Instant deadline;
    private final long deadlineNanos;
    private final Clock clock;
    private final Cancellation cancellation;

    private ProbeContext(Instant deadline, long deadlineNanos, Clock clock, Cancellation cancellation) {
        this.deadline = deadline;
        this.deadlineNanos = deadlineNanos;
        this.clock = clock;
        this.cancellation = cancellation;
    }

    /**
     * {@return a fresh, uncancelled context whose deadline is {@code timeout} from now on {@code clock}}
     *
     * @param timeout how long the probe may take
     * @param clock the clock
     */
    public static ProbeContext withTimeout(Duration timeout, Clock clock) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
        long nanos = saturatedNanos(timeout);
        return new ProbeContext(plus(clock.instant(), timeout), System.nanoTime() + nanos, clock, new Cancellation());
    }

    /**
     * {@return a fresh, uncancelled context whose deadline is {@code timeout} from now on the system UTC clock}
     *
     * @param timeout how long the probe may take
     */
    public static ProbeContext withTimeout(Duration timeout) {
        return withTimeout(timeout, Clock.systemUTC());
    }

    /**
     * {@return a fresh, uncancelled context with the deadline {@code deadline} on {@code clock}}
     *
     * @param deadline the deadline
     * @param clock the clock
     */
    public static ProbeContext withDeadline(Instant deadline, Clock clock) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(clock, "clock");
        Duration left = Duration.between(clock.instant(), deadline);
        return new ProbeContext(deadline, System.nanoTime() + Math.max(0, saturatedNanos(left)), clock, new Cancellation());
    }

    /** {@return when the probe must be done, on {@link #clock()}} */
    public Instant deadline() {
        return deadline;
    }

    /** {@return the clock a probe stamps and ages things with (certificate expiry, machine state ages)} */
    public Clock clock() {
        return clock;
    }

    /** {@return time left before the deadline, never negative; {@link Duration#ZERO} once cancelled} */
    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** {@return nanoseconds left before the deadline, never negative; 0 once cancelled} */
    public long remainingNanos() {
        if (cancellation.cancelled) {
            return 0;
        }
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /**
     * {@return whole milliseconds left, at least 1, for {@code Socket.setSoTimeout} and connect timeouts (where 0
     * would mean "wait forever")}
     */
    public int socketTimeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remainingNanos())));
    }

    /** {@return true when the deadline has passed or the run was cancelled} */
    public boolean isDone() {
        return remainingNanos() == 0;
    }

    /** {@return true when whoever runs the probe no longer wants its result} */
    public boolean isCancelled() {
        return cancellation.cancelled;
    }

    /**
     * {@return a context with the earlier of this deadline and {@code budget} from now, sharing this one's
     * cancellation and clock: for a step that must not use all the time left}
     *
     * @param budget the budget
     */
    public ProbeContext within(Duration budget) {
        Objects.requireNonNull(budget, "budget");
        long own = System.nanoTime() + Math.max(0, saturatedNanos(budget));
        if (own - deadlineNanos >= 0) {
            return this;
        }
        return new ProbeContext(plus(clock.instant(), budget), own, clock, cancellation);
    }

    /**
     * Runs {@code action} when this context is cancelled (at once, on this thread, if it already
     * is). Close the returned registration when the step it guards is over, so a later
     * cancellation does not act on a resource that is gone or reused.
     *
     *
     * @param action the action
     * @return a handle that removes the action
     */
    public Registration onCancel(Runnable action) {
        Objects.requireNonNull(action, "action");
        return cancellation.register(action);
    }

    /**
     * Cancels the run: {@link #isCancelled()} becomes true, {@link #remaining()} zero, and every
     * action registered with {@link #onCancel(Runnable)} runs once, on the calling thread. An action
     * that throws does not stop the others. Idempotent.
     */
    public void cancel() {
        cancellation.cancel();
    }

    @Override
    public String toString() {
        return "ProbeContext{deadline=" + deadline + ", remaining=" + remaining().toMillis() + "ms"
                + (isCancelled() ? ", cancelled" : "") + '}';
    }

    /** An action registered with {@link #onCancel(Runnable)}; closing it unregisters the action. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        /** Unregisters the action; it will not run. Idempotent. */
        @Override
        void close();
    }

    private static Instant plus(Instant at, Duration d) {
        try {
            return at.plus(d);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Instant.MAX;
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Math.min(d.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE / 4 : Long.MAX_VALUE / 4;
        }
    }

    /** The cancellation shared by a context and the contexts derived from it. */
    private static final class Cancellation {
        private volatile boolean cancelled;
        private List<Runnable> actions = new ArrayList<>();

        Registration register(Runnable action) {
            synchronized (this) {
                if (!cancelled) {
                    actions.add(action);
                    return () -> {
                        synchronized (this) {
                            if (actions != null) {
                                actions.remove(action);
                            }
                        }
                    };
                }
            }
            action.run();
            return () -> { };
        }

        void cancel() {
            List<Runnable> toRun;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                toRun = actions;
                actions = null;
            }
            for (Runnable r : toRun) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // one failing clean-up must not keep the others from running
                }
            }
        }
    }
}
