package io.sophia.probes;

import io.sophia.core.Source;

import io.sophia.core.Observation;
import io.sophia.core.Probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prints how far past its timeout {@link ProbeRunner#execute(List)} returns when one probe of a
 * batch ignores interruption and never ends, over a number of rounds. Not a test: the figure is
 * printed, never asserted.
 *
 * <pre>
 * java -cp ... io.sophia.probes.ProbeRunnerDeadlineBenchmark [rounds] [timeoutMillis]
 * </pre>
 */
public final class ProbeRunnerDeadlineBenchmark {

    private ProbeRunnerDeadlineBenchmark() {
    }

    private record Stubborn(String serviceId) implements Probe {
        @Override
        public Source source() {
            return Source.HOST;
        }

        @Override
        public String target() {
            return "bench://" + serviceId;
        }

        @Override
        public List<Observation> run(io.sophia.core.ProbeContext context) {
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // ignores the deadline on purpose
                }
            }
        }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long timeout = args.length > 1 ? Long.parseLong(args[1]) : 500;
        ProbeRunner runner = ProbeRunner.of(ProbeRunnerConfig.custom().timeout(Duration.ofMillis(timeout)).build());
        long[] overshoot = new long[rounds];
        List<Probe> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(new Stubborn("s" + i));
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            runner.execute(batch);
            overshoot[r] = (System.nanoTime() - t0) / 1_000_000 - timeout;
        }
        Arrays.sort(overshoot);
        System.out.printf("6 stubborn probes, timeout %d ms, %d rounds: execute returned after timeout + "
                        + "%d ms (median), + %d ms (max)%n",
                timeout, rounds, overshoot[rounds / 2], overshoot[rounds - 1]);
    }
}
