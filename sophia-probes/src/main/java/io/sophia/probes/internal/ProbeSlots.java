package io.sophia.probes.internal;

import io.github.resilience4j.bulkhead.Bulkhead;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Hands probe tasks to threads no faster than a {@link Bulkhead} has free slots. A task waits in
 * a queue, not on a thread, so 5,000 waiting probes cost 5,000 small objects rather than 5,000
 * threads. A slot is given back with {@link #release()}: when the probe ends, or when it is
 * abandoned at its deadline (a probe that ignores cancellation keeps its thread, not its slot).
 */
public final class ProbeSlots {

    private final Bulkhead bulkhead;
    private final Executor threads;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    /** Slots counted by {@code bulkhead} (whose wait must be zero), tasks run on {@code threads}. */
    public ProbeSlots(Bulkhead bulkhead, Executor threads) {
        this.bulkhead = bulkhead;
        this.threads = threads;
    }

    /** Queues {@code task}; it runs, holding a slot, as soon as one is free. */
    public void submit(Runnable task) {
        waiting.add(task);
        pump();
    }

    /** Gives one slot back and starts the next waiting task, if any. Call once per task started. */
    public void release() {
        bulkhead.onComplete();
        pump();
    }

    /** Tasks waiting for a slot. */
    public int waiting() {
        return waiting.size();
    }

    private void pump() {
        // every submit and every release pumps, so a task never waits while a slot is free
        while (!waiting.isEmpty() && bulkhead.tryAcquirePermission()) {
            Runnable task = waiting.poll();
            if (task == null) {
                bulkhead.onComplete();
                continue;
            }
            try {
                threads.execute(task);
            } catch (RuntimeException e) {
                // no thread to be had (the JVM refused one): the task runs here, and finds its budget spent or not
                task.run();
            }
        }
    }
}
