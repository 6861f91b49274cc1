package io.sophia.probes;

import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Lets a test whose subject is a short timeout hold on a machine that stalls (a CI host with noisy
 * neighbours, a GC pause of the test JVM).
 *
 * <p>Such a test gives a probe a few hundred milliseconds against a server that hangs in one precise
 * phase (no answer after the request, a handshake that never completes, a body that stops) and asserts
 * how the probe names the timeout. A machine that stalls for longer than the timeout <em>before</em>
 * the probe reached that phase makes the probe time out earlier, and then it rightly names the earlier
 * phase: that attempt says nothing about the subject. {@link #retried} runs it again, a few times; a
 * probe that misnames the timeout does so on every attempt, so the test still fails for it. The
 * predicate says precisely what "timed out before the phase" looks like, never "the assertions failed".
 */
final class Stalls {

    /** Attempts before the test gives up on the machine: a stall at the same moment this often is not chance. */
    static final int ATTEMPTS = 4;

    private Stalls() {
    }

    /**
     * Runs {@code attempt} until its result is not {@code timedOutEarly}, at most {@link #ATTEMPTS} times.
     *
     * @param attempt       one run of the scenario, against servers that are still up
     * @param timedOutEarly true of a result in which the deadline passed before the probe reached the phase
     *                      the test is about
     * @return the first result that reached the phase
     * @throws AssertionError when no attempt reached it
     */
    static <T> T retried(Callable<T> attempt, Predicate<? super T> timedOutEarly) throws Exception {
        T last = null;
        for (int i = 1; i <= ATTEMPTS; i++) {
            last = attempt.call();
            if (!timedOutEarly.test(last)) {
                return last;
            }
            System.err.println("attempt " + i + " timed out before the phase under test (a stalled machine?): " + last);
        }
        throw new AssertionError("in " + ATTEMPTS + " attempts the probe never reached the phase under test "
                + "before its deadline; last result: " + last);
    }
}
