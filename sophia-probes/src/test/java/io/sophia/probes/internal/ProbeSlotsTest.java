package io.sophia.probes.internal;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slots and threads: waiting tasks are queue entries; a task that ends normally hands its thread on
 * to the next waiting task; a slot given back by another thread starts the next task elsewhere. Not
 * timed: every wait is on a latch the test itself opens (the 30 s bounds only end a broken run).
 */
class ProbeSlotsTest {

    private final AtomicInteger threadsStarted = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        threadsStarted.incrementAndGet();
        Thread t = new Thread(r, "slots-test-" + threadsStarted.get());
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static Bulkhead slots(int n) {
        return Bulkhead.of("test", BulkheadConfig.custom().maxConcurrentCalls(n).maxWaitDuration(Duration.ZERO).build());
    }

    @Test
    @DisplayName("with one slot, the thread of a task that ends runs every waiting task itself: one thread for 21 tasks")
    void aThreadGoesOnWithTheWaitingTasks() throws InterruptedException {
        ProbeSlots slots = new ProbeSlots(slots(1), threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(21);
        List<String> ranOn = Collections.synchronizedList(new ArrayList<>());
        slots.submit(() -> {
            awaitQuietly(go);
            ranOn.add(Thread.currentThread().getName());
            slots.releaseAndContinue();
            done.countDown();
        });
        for (int i = 0; i < 20; i++) {
            slots.submit(() -> {
                ranOn.add(Thread.currentThread().getName());
                slots.releaseAndContinue();
                done.countDown();
            });
        }
        assertEquals(20, slots.waiting(), "the others wait in the queue while the one slot is held");

        go.countDown();

        assertTrue(done.await(30, TimeUnit.SECONDS), "every task ran: " + ranOn);
        assertEquals(1, new HashSet<>(ranOn).size(), ranOn::toString);
        assertEquals(1, threadsStarted.get(), "no thread was started for a waiting task");
        assertEquals(0, slots.waiting());
    }

    @Test
    @DisplayName("a slot given back by another thread (a stuck task abandoned) starts the next task on a thread of its own")
    void aSlotGivenBackElsewhereStartsTheNextTaskOnAnotherThread() throws InterruptedException {
        ProbeSlots slots = new ProbeSlots(slots(1), threads);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch next = new CountDownLatch(1);
        String[] names = new String[2];
        slots.submit(() -> {
            names[0] = Thread.currentThread().getName();
            started.countDown();
            awaitQuietly(stuck); // ignores its deadline until the test ends
        });
        slots.submit(() -> {
            names[1] = Thread.currentThread().getName();
            slots.releaseAndContinue();
            next.countDown();
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertEquals(1, slots.waiting());

        slots.release(); // as the runner does when the first task overruns its deadline

        assertTrue(next.await(30, TimeUnit.SECONDS), "the waiting task ran though the first still holds its thread");
        assertNotEquals(names[0], names[1]);
        stuck.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
