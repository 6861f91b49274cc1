package io.sophia.probes.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A point in time (on the {@link System#nanoTime()} scale) by which a probe must be done.
 *
 * <p>The runner binds its per-probe deadline to the worker thread before calling
 * {@code Probe.run()}; a probe asks {@link #within(Duration)} for the earlier of that and its own
 * budget, so a probe that reads a long log can stop early and return what it has instead of being
 * cut off with nothing.
 */
public final class Deadline {

    private static final ThreadLocal<Long> BOUND = new ThreadLocal<>();

    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + saturatedNanos(budget));
    }

    /** The earlier of {@code budget} from now and the deadline the runner bound to this thread. */
    public static Deadline within(Duration budget) {
        long own = System.nanoTime() + saturatedNanos(budget);
        Long bound = BOUND.get();
        return new Deadline(bound == null || own - bound < 0 ? own : bound);
    }

    /** The earlier of this deadline and {@code budget} from now: a part of a probe that must leave time for the rest. */
    public Deadline sooner(Duration budget) {
        long own = System.nanoTime() + saturatedNanos(budget);
        return own - atNanos < 0 ? new Deadline(own) : this;
    }

    /** Binds a runner deadline to the current thread; pair with {@link #unbind()} in a finally block. */
    public static void bind(long atNanos) {
        BOUND.set(atNanos);
    }

    /** Removes the current thread's runner deadline. */
    public static void unbind() {
        BOUND.remove();
    }

    /** Nanoseconds left, never negative. */
    public long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(remainingNanos());
    }

    /** Whole milliseconds left, at least {@code 1} so it can be a socket timeout (0 would mean forever). */
    public int remainingMillisForSocket() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remainingNanos())));
    }

    /** True when no time is left. */
    public boolean expired() {
        return remainingNanos() == 0;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
