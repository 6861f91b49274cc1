package io.sophia.probes.internal;

import io.sophia.core.ProbeContext;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A point in time (on the {@link System#nanoTime()} scale) by which a probe must be done, and the
 * cancellation of the run it belongs to.
 *
 * <p>A probe makes one with {@link #of(ProbeContext, Duration)}: the earlier of the context's
 * deadline and the probe's own timeout. The context travels explicitly; nothing is bound to the
 * thread. A cancelled run has no time left, so every step derived from it stops at once.
 */
public final class Deadline {

    /**
     * Runs the actions of {@link #onExpiryOrCancel}: one daemon thread, started on first use and ended after 30 s
     * without work, so the library needs no closing.
     */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final long atNanos;
    private final ProbeContext context;

    private Deadline(long atNanos, ProbeContext context) {
        this.atNanos = atNanos;
        this.context = context;
    }

    /** A deadline {@code budget} from now, never cancelled. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + saturatedNanos(budget), null);
    }

    /** The earlier of {@code budget} from now and {@code context}'s deadline, cancelled with the context. */
    public static Deadline of(ProbeContext context, Duration budget) {
        long now = System.nanoTime();
        long own = now + saturatedNanos(budget);
        if (context == null) {
            return new Deadline(own, null);
        }
        long ctx = now + context.remainingNanos();
        return new Deadline(own - ctx < 0 ? own : ctx, context);
    }

    /** The context this deadline came from, or null. */
    public ProbeContext context() {
        return context;
    }

    /** The earlier of this deadline and {@code budget} from now: a part of a probe that must leave time for the rest. */
    public Deadline sooner(Duration budget) {
        long own = System.nanoTime() + saturatedNanos(budget);
        return own - atNanos < 0 ? new Deadline(own, context) : this;
    }

    /** The deadline on the {@link System#nanoTime()} scale. */
    public long atNanos() {
        return atNanos;
    }

    /** True when the run this deadline belongs to was cancelled. */
    public boolean cancelled() {
        return context != null && context.isCancelled();
    }

    /**
     * Runs {@code action} if the run is cancelled before the returned registration is closed
     * (closing a socket unblocks a read that interruption cannot).
     */
    public ProbeContext.Registration onCancel(Runnable action) {
        return context == null ? () -> { } : context.onCancel(action);
    }

    /**
     * Runs {@code action} once when this deadline passes or the run is cancelled, whichever comes first, unless the
     * returned registration is closed before. A socket timeout bounds one read, not a peer that trickles a byte
     * at a time (a TLS handshake record, say): closing the socket at the deadline bounds the whole exchange.
     */
    public ProbeContext.Registration onExpiryOrCancel(Runnable action) {
        ProbeContext.Registration cancel = onCancel(action);
        ScheduledFuture<?> expiry = WATCHDOG.schedule(action, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        return () -> {
            expiry.cancel(false);
            cancel.close();
        };
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, ProbeThreads.daemons("sophia-probe-watchdog-"));
        e.setKeepAliveTime(30, TimeUnit.SECONDS);
        e.allowCoreThreadTimeOut(true);
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** Nanoseconds left, never negative; 0 once cancelled. */
    public long remainingNanos() {
        if (cancelled()) {
            return 0;
        }
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
            return Math.max(0, Math.min(d.toNanos(), Long.MAX_VALUE / 4));
        } catch (ArithmeticException e) {
            return d.isNegative() ? 0 : Long.MAX_VALUE / 4;
        }
    }
}
