package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeContextTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theDeadlineIsOnTheClockButTimeLeftRunsEvenWhenTheClockStandsStill() throws Exception {
        ProbeContext ctx = ProbeContext.withTimeout(Duration.ofMillis(50), FIXED);
        assertEquals(Instant.parse("2026-03-01T10:00:00.050Z"), ctx.deadline());
        assertSame(FIXED, ctx.clock());
        assertTrue(ctx.remaining().compareTo(Duration.ofMillis(50)) <= 0);
        Thread.sleep(80);
        assertTrue(ctx.isDone(), ctx::toString);
        assertEquals(Duration.ZERO, ctx.remaining());
        assertEquals(1, ctx.socketTimeoutMillis(), "a socket timeout is never 0, which would mean forever");
    }

    @Test
    void aDeadlineInThePastLeavesNoTime() {
        ProbeContext ctx = ProbeContext.withDeadline(FIXED.instant().minusSeconds(1), FIXED);
        assertTrue(ctx.isDone());
        assertFalse(ctx.isCancelled());
    }

    @Test
    void cancellingRunsTheRegisteredActionsOnceLeavesNoTimeAndReachesDerivedContexts() {
        ProbeContext ctx = ProbeContext.withTimeout(Duration.ofMinutes(1), FIXED);
        ProbeContext step = ctx.within(Duration.ofSeconds(5));
        List<String> ran = new ArrayList<>();
        step.onCancel(() -> ran.add("close socket"));
        ProbeContext.Registration done = ctx.onCancel(() -> ran.add("step already over"));
        done.close();
        ctx.onCancel(() -> {
            throw new IllegalStateException("a failing clean-up does not stop the others");
        });
        ctx.onCancel(() -> ran.add("second"));

        ctx.cancel();
        ctx.cancel();

        assertEquals(List.of("close socket", "second"), ran);
        assertTrue(step.isCancelled());
        assertEquals(Duration.ZERO, ctx.remaining());
        ctx.onCancel(() -> ran.add("late"));
        assertEquals("late", ran.get(ran.size() - 1), "an action registered after cancellation runs at once");
    }

    @Test
    void withinNeverExtendsTheDeadline() {
        ProbeContext ctx = ProbeContext.withTimeout(Duration.ofSeconds(2), FIXED);
        assertSame(ctx, ctx.within(Duration.ofSeconds(10)));
        ProbeContext shorter = ctx.within(Duration.ofMillis(100));
        assertTrue(shorter.remaining().compareTo(Duration.ofMillis(100)) <= 0);
        assertTrue(shorter.deadline().isBefore(ctx.deadline()));
    }
}
