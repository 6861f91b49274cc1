package io.sophia.probes;

import io.sophia.core.ProbeContext;
import io.sophia.core.Observation;
import io.sophia.core.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Prints how long a complete MCP probe takes on loopback (not a test: figures only). Against the
 * official Java SDK server (modern request rejected, then initialize, initialized, ping, tools/list,
 * session close) and against the 2026-07-28 loopback server (server/discover, three tools/list pages
 * on SSE streams).
 */
public final class McpProbeLatencyBenchmark {

    private McpProbeLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (McpSdkTestServer sdk = new McpSdkTestServer()) {
            report("SDK server, fallback to handshake era", Service.http("sdk", sdk.url().toString()), runs);
        }
        try (McpScriptedTestServer modern = McpModernTestServer.start(List.of("2026-07-28"))) {
            report("2026-07-28 server, discover + 3 pages", Service.http("modern", modern.url().toString()), runs);
        }
    }

    private static void report(String label, Service service, int runs) {
        for (int i = 0; i < 50; i++) {
            McpProbe.of(service, Duration.ofSeconds(5)).run(ProbeContext.withTimeout(Duration.ofMinutes(1))); // warm-up
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            List<Observation> out = McpProbe.of(service, Duration.ofSeconds(5)).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            micros.add((System.nanoTime() - t) / 1000);
            if (!(out.get(0) instanceof Observation.McpHandshake)) {
                throw new IllegalStateException("probe failed: " + out);
            }
        }
        Collections.sort(micros);
        System.out.printf("%-42s runs=%d median=%.1f ms p95=%.1f ms max=%.1f ms%n", label, runs,
                micros.get(runs / 2) / 1000.0, micros.get((int) (runs * 0.95)) / 1000.0,
                micros.get(runs - 1) / 1000.0);
    }
}
