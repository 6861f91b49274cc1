package io.sophia.probes.internal;

import io.github.resilience4j.bulkhead.Bulkhead;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * Hands probe tasks to threads no faster than a {@link Bulkhead} has free slots. A task waits in
 * a queue, not on a thread, so 5,000 waiting probes cost 5,000 small objects rather than 5,000
 * threads. A slot is given back with {@link #release()}: when the probe is abandoned at its
 * deadline (a probe that ignores cancellation keeps its thread, not its slot), or with
 * {@link #releaseAndContinue()} when a task ends normally, and then its thread goes on with the
 * next waiting task itself: no hand-off to another thread, no new thread, while a fleet's probes
 * queue for slots.
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

    /**
     * Gives one slot back and starts the next waiting task, if any, on another thread: for a slot
     * given back by another thread than its task's, or while the task's thread may be stuck.
     */
    public void release() {
        bulkhead.onComplete();
        pump();
    }

    /**
     * Gives back the slot of the task running on the calling thread, as the task's last act: once
     * the task returns, this thread takes the next waiting task itself. Only for a task started by
     * this class, on its own thread.
     */
    public void releaseAndContinue() {
        bulkhead.onComplete();
    }

    /** Tasks waiting for a slot. */
    public int waiting() {
        return waiting.size();
    }

    private void pump() {
        // every submit and every release pumps (and every task's thread looks for more when it ends), so a task
        // never waits while a slot is free
        Runnable task;
        while ((task = next()) != null) {
            Runnable first = task;
            try {
                threads.execute(() -> runFrom(first));
            } catch (RuntimeException | OutOfMemoryError e) {
                // no thread to be had (the pool refused one, or the JVM: "unable to create native thread" is an
                // OutOfMemoryError): the task runs here, and finds its budget spent or not
                runFrom(first);
            }
        }
    }

    /** A waiting task with a slot acquired for it, or null when none waits or no slot is free. */
    private Runnable next() {
        while (!waiting.isEmpty() && bulkhead.tryAcquirePermission()) {
            Runnable task = waiting.poll();
            if (task != null) {
                return task;
            }
            bulkhead.onComplete();
        }
        return null;
    }

    /** Runs {@code first}, then whatever waits while slots are free: the thread stays busy instead of handing off. */
    private void runFrom(Runnable first) {
        Runnable task = first;
        try {
            while (task != null) {
                task.run();
                task = next();
            }
        } finally {
            if (task != null) {
                pump(); // the task threw: the waiting ones go on without this thread
            }
        }
    }
}
