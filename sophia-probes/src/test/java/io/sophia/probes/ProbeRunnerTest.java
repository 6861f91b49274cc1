package io.sophia.probes;

import io.sophia.core.Source;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("ProbeRunner runs probes under deadlines, retries and a concurrency cap")
class ProbeRunnerTest {

    /** Releases probes that ignore interruption, so no test leaves a spinning thread behind. */
    private final AtomicBoolean release = new AtomicBoolean();

    @AfterEach
    void releaseStuckProbes() {
        release.set(true);
    }

    /** A probe made of a lambda. */
    private static class FakeProbe implements Probe {
        private final String serviceId;
        private final Body body;

        FakeProbe(String serviceId, Body body) {
            this.serviceId = serviceId;
            this.body = body;
        }

        @Override
        public String serviceId() {
            return serviceId;
        }

        interface Body {
            List<Observation> run() throws Exception;
        }

        @Override
        public Source source() {
            return Source.HOST;
        }

        @Override
        public String target() {
            return "fake://" + serviceId;
        }

        @Override
        public List<Observation> run(ProbeContext context) throws Exception {
            return body.run();
        }
    }

    private static HttpCheck ok(String id) {
        return HttpCheck.builder(id, Source.HOST, "fake://" + id, 200).latency(Duration.ofMillis(1)).body("", null)
                .build();
    }

    private static ProbeFailure failure(String id, FailureKind kind) {
        return new ProbeFailure(id, Source.HOST, "fake://" + id, kind, kind.name(), null, Duration.ZERO, 1);
    }

    /**
     * The timeout of a batch whose probes all return at once: a hang guard far above need, so that a machine that
     * stalls for seconds (a loaded CI host) cannot cut a probe the test expects to finish.
     */
    private static final long GUARD_MILLIS = 30_000;

    private static ProbeRunner runner(long timeoutMillis, int retries, int maxConcurrent) {
        return ProbeRunner.of(ProbeRunnerConfig.custom()
                .timeout(Duration.ofMillis(timeoutMillis))
                .retries(retries)
                .retryWait(Duration.ofMillis(10))
                .maxConcurrent(maxConcurrent)
                .build());
    }

    private static ProbeFailure failureOf(List<Observation> seen, String serviceId) {
        return seen.stream().filter(ProbeFailure.class::isInstance).map(ProbeFailure.class::cast)
                .filter(f -> serviceId.equals(f.serviceId())).findFirst()
                .orElseThrow(() -> new AssertionError("no failure for " + serviceId + " in " + seen));
    }

    @Test
    @DisplayName("a probe that ignores interruption is cut at the deadline; execute returns and the others' results stand, in order")
    void hangingProbeIsCut() throws Exception {
        Probe stuck = new FakeProbe("stuck", () -> {
            while (!release.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // a badly written probe: swallows the interruption and goes on
                }
            }
            return List.of();
        });
        Probe fine = new FakeProbe("fine", () -> List.of(ok("fine")));
        ProbeRunner runner = runner(300, 0, 4);

        long t0 = System.nanoTime();
        // "fine" has 300 ms too: a machine that stalls longer than that rightly cuts it (or leaves it unprobed), and one
        // that stalls past the budget's room for "stuck" before it started leaves that unprobed
        List<Observation> seen = Stalls.retried(() -> runner.execute(List.of(stuck, fine)),
                early -> !(early.get(early.size() - 1) instanceof HttpCheck)
                        || early.get(0) instanceof ProbeFailure f && f.kind() == FailureKind.NOT_PROBED);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        // the stuck probe never returns before the test ends, so returning at all means it was cut; the bound only
        // says "not much later than the deadline", with room for a machine that stalls for seconds
        assertTrue(elapsedMs < Stalls.ATTEMPTS * (450 + 10_000), "execute took " + elapsedMs + " ms for a 300 ms deadline");
        assertEquals(2, seen.size(), seen::toString);
        ProbeFailure cut = (ProbeFailure) seen.get(0);
        assertEquals(FailureKind.DEADLINE_EXCEEDED, cut.kind());
        assertEquals("stuck", cut.serviceId());
        assertEquals(Source.HOST, cut.source());
        assertEquals("fake://stuck", cut.target());
        assertEquals(ok("fine"), seen.get(1));
    }

    @Test
    @DisplayName("an interruptible hanging probe is interrupted when its deadline passes")
    void hangingProbeIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        Probe sleeper = new FakeProbe("sleeper", () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return List.of();
        });

        ProbeRunner runner = runner(200, 0, 2);

        // a machine that stalls past the budget's room for the probe before it started leaves it unprobed, rightly
        List<Observation> seen = Stalls.retried(() -> runner.execute(List.of(sleeper)),
                early -> ((ProbeFailure) early.get(0)).kind() == FailureKind.NOT_PROBED);

        assertEquals(FailureKind.DEADLINE_EXCEEDED, ((ProbeFailure) seen.get(0)).kind());
        assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the probe's thread was never interrupted");
    }

    @Test
    @DisplayName("probes run concurrently: four probes that wait for each other all finish")
    void concurrent() {
        CountDownLatch all = new CountDownLatch(4);
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "s" + i;
            probes.add(new FakeProbe(id, () -> {
                all.countDown();
                // a hang guard: the four meet at once unless a probe never runs
                return all.await(GUARD_MILLIS, TimeUnit.MILLISECONDS) ? List.of(ok(id)) : List.of(failure(id, FailureKind.OTHER));
            }));
        }

        List<Observation> seen = runner(2 * GUARD_MILLIS, 0, 4).execute(probes);

        assertEquals(List.of(ok("s0"), ok("s1"), ok("s2"), ok("s3")), seen);
    }

    @Test
    @DisplayName("a transient failure is retried and the success is reported")
    void transientRetried() {
        AtomicInteger calls = new AtomicInteger();
        Probe flaky = new FakeProbe("flaky", () -> calls.incrementAndGet() == 1
                ? List.of(failure("flaky", FailureKind.CONNECTION_RESET)) : List.of(ok("flaky")));

        List<Observation> seen = runner(GUARD_MILLIS, 2, 2).execute(List.of(flaky));

        assertEquals(List.of(ok("flaky")), seen);
        assertEquals(2, calls.get());
    }

    @Test
    @DisplayName("a non-transient failure is not retried")
    void nonTransientNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        Probe refused = new FakeProbe("refused", () -> {
            calls.incrementAndGet();
            return List.of(failure("refused", FailureKind.CONNECTION_REFUSED));
        });

        List<Observation> seen = runner(GUARD_MILLIS, 3, 2).execute(List.of(refused));

        assertEquals(1, calls.get());
        assertEquals(1, ((ProbeFailure) seen.get(0)).attempts());
    }

    @Test
    @DisplayName("a failure that stays transient is retried up to the limit and reports the attempts made")
    void retriesExhausted() {
        AtomicInteger calls = new AtomicInteger();
        Probe timeouts = new FakeProbe("slow", () -> {
            calls.incrementAndGet();
            return List.of(failure("slow", FailureKind.READ_TIMEOUT));
        });

        List<Observation> seen = runner(GUARD_MILLIS, 2, 2).execute(List.of(timeouts));

        assertEquals(3, calls.get());
        ProbeFailure f = (ProbeFailure) seen.get(0);
        assertEquals(FailureKind.READ_TIMEOUT, f.kind());
        assertEquals(3, f.attempts());
    }

    @Test
    @DisplayName("a probe that throws becomes a failure naming the exception, with secrets masked")
    void exceptionBecomesFailure() {
        Probe broken = new FakeProbe("broken", () -> {
            throw new IllegalStateException("cannot parse https://bot:pw@ci.test/x?sig=abc, Authorization: Bearer s3cr3t");
        });
        Probe refused = new FakeProbe("refused", () -> {
            throw new ConnectException("Connection refused");
        });

        List<Observation> seen = runner(GUARD_MILLIS, 1, 2).execute(List.of(broken, refused));

        ProbeFailure f = failureOf(seen, "broken");
        assertEquals(FailureKind.OTHER, f.kind());
        assertTrue(f.detail().contains("IllegalStateException"), f.detail());
        assertFalse(f.detail().contains("s3cr3t") || f.detail().contains("bot:pw") || f.detail().contains("sig=abc"), f.detail());
        assertEquals(FailureKind.CONNECTION_REFUSED, failureOf(seen, "refused").kind());
    }

    @Test
    @DisplayName("a probe that returns null, or throws an Error, does not break the batch")
    void nullAndErrors() {
        Probe nothing = new FakeProbe("nothing", () -> null);
        Probe error = new FakeProbe("error", () -> {
            throw new AssertionError("bug");
        });

        List<Observation> seen = runner(GUARD_MILLIS, 0, 2).execute(List.of(nothing, error, new FakeProbe("ok", () -> List.of(ok("ok")))));

        assertEquals(FailureKind.OTHER, failureOf(seen, "error").kind());
        assertEquals(ok("ok"), seen.get(seen.size() - 1));
    }

    @Test
    @DisplayName("the bulkhead caps how many probes run at once")
    void bulkheadCapsConcurrency() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = "s" + i;
            probes.add(new FakeProbe(id, () -> {
                max.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(40);
                } finally {
                    running.decrementAndGet();
                }
                return List.of(ok(id));
            }));
        }

        List<Observation> seen = runner(GUARD_MILLIS, 0, 2).execute(probes);

        assertEquals(6, seen.size());
        assertTrue(seen.stream().allMatch(HttpCheck.class::isInstance), seen::toString);
        assertEquals(2, max.get(), "max concurrent probes");
    }

    @Test
    @DisplayName("with one slot and two hanging probes, one overruns and the other is not probed, with the budget named")
    void bulkheadFull() throws Exception {
        FakeProbe.Body hang = () -> {
            Thread.sleep(60_000);
            return List.of();
        };

        ProbeRunner runner = ProbeRunner.of(ProbeRunnerConfig.custom().timeout(Duration.ofMillis(300)).retries(0)
                .maxConcurrent(1).budget(Duration.ofMillis(450)).build());

        // "a" must start within 180 ms (nine tenths of its timeout before the 450 ms budget ends): a machine that
        // stalls longer rightly leaves it unprobed too, which says nothing about the slot
        List<Observation> seen = Stalls.retried(() -> runner.execute(List.of(new FakeProbe("a", hang), new FakeProbe("b", hang))),
                early -> failureOf(early, "a").kind() == FailureKind.NOT_PROBED);

        assertEquals(FailureKind.DEADLINE_EXCEEDED, failureOf(seen, "a").kind(), seen::toString);
        ProbeFailure b = failureOf(seen, "b");
        assertEquals(FailureKind.NOT_PROBED, b.kind(), seen::toString);
        assertTrue(b.detail().startsWith("not probed: the check's time budget ran out (450 ms"), b.detail());
        assertEquals(0, b.attempts(), "a probe that never ran made no attempt");
    }

    /** A probe that keeps the context it was run with, then runs its body. */
    private static final class ContextProbe extends FakeProbe {
        final List<ProbeContext> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();

        ContextProbe(String serviceId, Body body) {
            super(serviceId, body);
        }

        @Override
        public List<Observation> run(ProbeContext context) throws Exception {
            contexts.add(context);
            return super.run(context);
        }
    }

    @Test
    @DisplayName("a probe's timeout starts when it starts: waiting for the one slot is not charged to the target")
    void timeoutStartsWithTheProbe() {
        // the first holds the one slot for 300 ms; the second waits for it. Both deadlines are read, not raced:
        // the timeout is a hang guard, so a machine that stalls cannot decide the outcome
        ContextProbe first = new ContextProbe("first", () -> {
            Thread.sleep(300);
            return List.of(ok("first"));
        });
        ContextProbe second = new ContextProbe("second", () -> List.of(ok("second")));
        ProbeRunner runner = ProbeRunner.of(ProbeRunnerConfig.custom()
                .timeout(Duration.ofMillis(GUARD_MILLIS)).budget(Duration.ofMillis(2 * GUARD_MILLIS))
                .retries(0).maxConcurrent(1).build());

        List<Observation> seen = runner.execute(List.of(first, second));

        assertEquals(List.of(ok("first"), ok("second")), seen);
        // charged from the batch's start, both deadlines would be the same instant; from each probe's start, the
        // second's is at least the 300 ms it waited for the slot later
        Duration later = Duration.between(first.contexts.get(0).deadline(), second.contexts.get(0).deadline());
        assertTrue(later.compareTo(Duration.ofMillis(290)) >= 0, () -> "the second's deadline is only " + later.toMillis()
                + " ms after the first's, though it waited 300 ms for the slot");
        assertTrue(second.contexts.get(0).remaining().compareTo(Duration.ofMillis(GUARD_MILLIS)) <= 0);
    }

    @Test
    @DisplayName("the probe's context carries the runner's clock and a deadline no later than its timeout")
    void contextCarriesClockAndDeadline() {
        java.time.Clock fixed = java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        List<ProbeContext> seenContexts = new ArrayList<>();
        Probe look = new FakeProbe("look", () -> List.of(ok("look"))) {
            @Override
            public List<Observation> run(ProbeContext context) throws Exception {
                seenContexts.add(context);
                return super.run(context);
            }
        };
        ProbeRunner.of(ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(5)).clock(fixed).build())
                .execute(List.of(look));

        ProbeContext ctx = seenContexts.get(0);
        assertEquals(fixed, ctx.clock());
        assertFalse(ctx.deadline().isAfter(fixed.instant().plusSeconds(5)), ctx::toString);
        assertTrue(ctx.deadline().isAfter(fixed.instant().plusSeconds(4)), ctx::toString);
    }

    @Test
    @DisplayName("the check's budget defaults to 1.5 x the timeout and at least the timeout plus 5 s, may be set, and is"
            + " never shorter than the timeout")
    void budgetDefaults() {
        assertEquals(Duration.ofSeconds(7), ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(2)).build().budget(),
                "a short timeout leaves a fleet 5 s to start its probes");
        assertEquals(Duration.ofSeconds(15), ProbeRunnerConfig.ofDefaults().budget());
        assertEquals(Duration.ofSeconds(30), ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(20)).build().budget());
        assertEquals(Duration.ofSeconds(7), ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(2))
                .budget(Duration.ofSeconds(7)).build().budget());
        assertEquals(Duration.ofSeconds(2), ProbeRunnerConfig.custom().timeout(Duration.ofSeconds(2))
                .budget(Duration.ofSeconds(1)).build().budget());
        assertThrows(IllegalArgumentException.class, () -> ProbeRunnerConfig.custom().budget(Duration.ZERO));
        assertEquals(ProbeRunnerConfig.DEFAULT_MAX_CONCURRENT, ProbeRunnerConfig.ofDefaults().maxConcurrent());
    }

    @Test
    @DisplayName("a slot held by an abandoned probe is freed for the next batch")
    void slotFreedAfterDeadline() throws Exception {
        ProbeRunner runner = runner(200, 0, 1);
        runner.execute(List.of(new FakeProbe("stuck", () -> {
            while (!release.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // ignores interruption
                }
            }
            return List.of();
        })));

        // "next" has 200 ms: a machine that stalls longer rightly cuts it (or, past the budget's room for it, leaves it
        // unprobed); a slot that was never freed leaves it unprobed on every attempt
        List<Observation> seen = Stalls.retried(() -> runner.execute(List.of(new FakeProbe("next", () -> List.of(ok("next"))))),
                early -> early.get(0) instanceof ProbeFailure f
                        && (f.kind() == FailureKind.NOT_PROBED || f.kind() == FailureKind.DEADLINE_EXCEEDED));

        assertEquals(List.of(ok("next")), seen);
    }

    @Test
    @DisplayName("with a circuit breaker, a target that keeps failing is skipped as CIRCUIT_OPEN")
    void circuitBreaker() {
        AtomicInteger calls = new AtomicInteger();
        Probe down = new FakeProbe("down", () -> {
            calls.incrementAndGet();
            return List.of(failure("down", FailureKind.CONNECTION_REFUSED));
        });
        ProbeRunner runner = ProbeRunner.of(ProbeRunnerConfig.custom()
                .timeout(Duration.ofMillis(GUARD_MILLIS))
                .retries(0)
                .circuitBreaker(CircuitBreakerConfig.custom()
                        .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1)).build())
                .build());

        runner.execute(List.of(down));
        runner.execute(List.of(down));
        List<Observation> third = runner.execute(List.of(down));

        assertEquals(FailureKind.CIRCUIT_OPEN, ((ProbeFailure) third.get(0)).kind());
        assertEquals(2, calls.get());
    }

    @Test
    @DisplayName("a probe abandoned at its deadline counts once with the circuit breaker, also when its worker ends later")
    void anAbandonedProbeCountsOnce() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Thread> worker = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stuck = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        Probe flaky = new FakeProbe("flaky", () -> {
            calls.incrementAndGet();
            if (stuck.getAndSet(false)) {
                worker.set(Thread.currentThread());
                // deaf to the runner's interrupt: the worker outlives the deadline and ends only when released
                while (true) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException ignored) {
                        // keeps waiting
                    }
                }
                return List.of(failure("flaky", FailureKind.CONNECTION_REFUSED));
            }
            return List.of(ok("flaky"));
        });
        // opens at two failures of two calls: counted twice, the one abandoned probe alone would open it
        ProbeRunner runner = ProbeRunner.of(ProbeRunnerConfig.custom().timeout(Duration.ofMillis(200)).retries(0)
                .circuitBreaker(CircuitBreakerConfig.custom()
                        .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(100)
                        .waitDurationInOpenState(Duration.ofMinutes(1)).build())
                .build());

        ProbeFailure first = (ProbeFailure) runner.execute(List.of(flaky)).get(0);
        assertEquals(FailureKind.DEADLINE_EXCEEDED, first.kind());
        release.countDown();
        Thread t = worker.get();
        // the worker has told the runner its outcome once it waits for its next task (a pool thread) or has ended
        long until = System.nanoTime() + Duration.ofSeconds(GUARD_MILLIS / 1000).toNanos();
        while (t.getState() == Thread.State.RUNNABLE || t.getState() == Thread.State.BLOCKED
                || t.getState() == Thread.State.WAITING && release.getCount() > 0) {
            assertTrue(System.nanoTime() < until, "the released worker did not finish");
            Thread.sleep(5);
        }
        Thread.sleep(50); // not a condition: gives a late second count its chance to show

        Observation second = runner.execute(List.of(flaky)).get(0);
        assertTrue(!(second instanceof ProbeFailure f) || f.kind() != FailureKind.CIRCUIT_OPEN,
                "the breaker opened on one failure counted twice: " + second);
        assertEquals(2, calls.get());
    }

    @Test
    @DisplayName("an HTTP probe of a server that never answers reports READ_TIMEOUT within the runner's shorter deadline")
    void httpProbeKeepsToTheRunnersDeadline() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            io.sophia.core.Service svc = io.sophia.core.Service.http("hanging", "http://127.0.0.1:" + silent.getLocalPort());

            ProbeRunner runner = runner(400, 1, 2);

            // a machine that stalls past the 400 ms before the connect completed makes it a connect timeout, rightly; one
            // that stalls across the deadline wakes the runner's limiter (a moment later) and the probe together, and
            // either may report first. A probe that never stops itself is abandoned on every attempt.
            ProbeFailure f = Stalls.retried(() -> (ProbeFailure) runner.execute(List.of(HttpProbe.of(svc, Duration.ofSeconds(30)))).get(0),
                    early -> early.kind() == FailureKind.CONNECT_TIMEOUT || early.kind() == FailureKind.DEADLINE_EXCEEDED);
            assertEquals(FailureKind.READ_TIMEOUT, f.kind(), "the probe stops itself before the runner abandons it: " + f);
            assertEquals("hanging", f.serviceId());
        }
    }

    @Test
    @DisplayName("an empty batch gives no observations; a bad config is refused with the key named")
    void edges() {
        assertEquals(List.of(), ProbeRunner.ofDefaults().execute(List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProbeRunnerConfig.custom().maxConcurrent(0));
        assertTrue(e.getMessage().contains("maxConcurrent"));
        assertEquals(Duration.ofSeconds(10), ProbeRunnerConfig.ofDefaults().timeout());
    }
}
