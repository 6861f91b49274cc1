package io.sophia.probes;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.ProbeContext;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiLogRead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Streams a generated job log of a given size (default 2048 MiB) from a loopback stand-in through
 * {@link GitHubActionsProbe} and prints throughput and peak heap; meant to run with a small heap:
 *
 * <pre>
 * java -Xmx64m -cp ... io.sophia.probes.GitHubLogStreamBenchmark 2048
 * java -Xmx64m -cp ... io.sophia.probes.GitHubLogStreamBenchmark 2048 64          # tail of 64 MiB, Range honoured
 * java -Xmx64m -cp ... io.sophia.probes.GitHubLogStreamBenchmark 2048 64 ignore   # the server ignores Range
 * </pre>
 *
 * Not a test: speed is printed, never asserted.
 */
public final class GitHubLogStreamBenchmark {

    private static final byte[] LINE =
            "2026-11-25T15:42:57.9954489Z #12 [build 4/7] RUN npm ci --omit=dev --no-audit --progress=false\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private GitHubLogStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 2048;
        long size = mib << 20;
        long cap = args.length > 1 ? Long.parseLong(args[1]) << 20 : Long.MAX_VALUE;
        boolean honourRange = args.length < 3 || !args[2].equals("ignore");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String repo = "acme/fleet";
        String run = "{\"id\":1,\"name\":\"Deploy\",\"status\":\"completed\",\"conclusion\":\"failure\",\"run_attempt\":1}";
        String jobs = "{\"total_count\":1,\"jobs\":[{\"id\":7,\"name\":\"Deploy MCP Repo\",\"status\":\"completed\","
                + "\"conclusion\":\"failure\",\"steps\":[]}]}";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            if (path.endsWith("/actions/runs/1")) {
                body = run.getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/jobs")) {
                body = jobs.getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/annotations")) {
                body = "[]".getBytes(StandardCharsets.UTF_8);
            } else if (path.endsWith("/logs")) {
                exchange.getResponseHeaders().add("Location", "/signed/log?sig=x");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            } else {
                String range = exchange.getRequestHeaders().getFirst("Range");
                long from = 0;
                if (honourRange && range != null && range.matches("bytes=\\d+-")) {
                    from = Long.parseLong(range.substring(6, range.length() - 1));
                    exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
                    exchange.sendResponseHeaders(206, size - from);
                } else {
                    exchange.sendResponseHeaders(200, size);
                }
                byte[] block = new byte[LINE.length * 1024];
                for (int i = 0; i < 1024; i++) {
                    System.arraycopy(LINE, 0, block, i * LINE.length, LINE.length);
                }
                try (OutputStream out = exchange.getResponseBody()) {
                    int first = (int) (from % block.length);
                    for (long left = size - from; left > 0; first = 0) {
                        int n = (int) Math.min(block.length - first, left);
                        out.write(block, first, n);
                        left -= n;
                    }
                } catch (IOException ignored) {
                    // reader stopped
                }
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            LogAnalyzer countLines = (origin, log) -> {
                BufferedReader r = new BufferedReader(log);
                while (r.readLine() != null) {
                    // a real analyzer would match indications here
                }
                return List.of();
            };
            GitHubActionsProbe probe = GitHubActionsProbe.of(GitHubActionsConfig.custom()
                    .apiUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                    .repository(repo).runId(1)
                    .maxLogBytes(cap)
                    .timeout(Duration.ofMinutes(10))
                    .build(), null, countLines);
            long t0 = System.nanoTime();
            List<Observation> seen = probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            CiLogRead read = seen.stream().filter(CiLogRead.class::isInstance).map(CiLogRead.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no log read: " + seen));
            seen.stream().filter(Observation.ProbeFailure.class::isInstance).forEach(f -> System.out.println("failure: " + f));
            long peakHeap = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peakHeap += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("log %d MiB: read %d bytes, %d lines, truncated=%s in %.2f s = %.0f MiB/s; "
                            + "max heap %d MiB, peak heap used %d MiB%n",
                    mib, read.bytes(), read.lines(), read.truncated(), seconds, (read.bytes() / 1048576.0) / seconds,
                    Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
        } finally {
            server.stop(0);
        }
    }
}
