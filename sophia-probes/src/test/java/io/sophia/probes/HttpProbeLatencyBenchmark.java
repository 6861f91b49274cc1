package io.sophia.probes;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.ProbeContext;
import io.sophia.core.Expectations;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Service;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints what {@link HttpProbe} reports for a loopback server that answers at once (not a test:
 * figures only): the first check in a cold JVM, then warm checks, with the timing phases, their sum
 * and how many requests the server saw. Run with
 * {@code java -cp <test-classpath> io.sophia.probes.HttpProbeLatencyBenchmark [runs] [url]}: without a url
 * it probes a server in this JVM (whose own first request is slow: its classes load then), with one
 * it probes that server, e.g. {@code python3 -m http.server} in another process, so the first
 * figure is the probe's cold start alone.
 */
public final class HttpProbeLatencyBenchmark {

    private HttpProbeLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = args.length > 1 ? args[1] : "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Service service = Service.builder("fast", url).name("Fast").critical()
                    .expect(new Expectations(List.of(200), Duration.ofMillis(50), null, null, null, null, null, null))
                    .build();
            for (int i = 0; i < runs; i++) {
                int before = requests.get();
                List<Observation> seen = HttpProbe.of(service, Duration.ofSeconds(2)).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
                HttpCheck c = (HttpCheck) seen.get(0);
                Observation.Timing t = c.timing();
                long sum = 0;
                for (Duration d : new Duration[]{t.dns(), t.connect(), t.tls(), t.firstByte(), t.transfer()}) {
                    sum += d == null ? 0 : d.toNanos();
                }
                if (i < 3 || i == runs - 1) {
                    System.out.printf("run %2d: latency %.2f ms, phases dns=%s connect=%s tls=%s firstByte=%s transfer=%s"
                                    + " (sum %.2f ms), requests seen %d, all conditions pass %b%n",
                            i + 1, c.latency().toNanos() / 1e6, ms(t.dns()), ms(t.connect()), ms(t.tls()),
                            ms(t.firstByte()), ms(t.transfer()), sum / 1e6,
                            args.length > 1 ? -1 : requests.get() - before,
                            seen.stream().filter(Observation.ConditionCheck.class::isInstance)
                                    .allMatch(o -> ((Observation.ConditionCheck) o).passed()));
                }
            }
        } finally {
            server.stop(0);
        }
    }

    private static String ms(Duration d) {
        return d == null ? "null" : String.format("%.2fms", d.toNanos() / 1e6);
    }
}
