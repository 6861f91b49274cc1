package io.sophia.examples.bench;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.probes.HttpProbe;
import io.sophia.probes.ProbeRunner;
import io.sophia.probes.ProbeRunnerConfig;
import io.sophia.report.HtmlReport;
import io.sophia.report.JUnitXmlReport;
import io.sophia.report.JsonReport;
import io.sophia.report.MarkdownReport;
import io.sophia.diagnosis.InputTree;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sophia against a fleet: 1,000 and 5,000 loopback HTTP endpoints of which every tenth hangs, probed
 * with the default runner configuration and a 2 s probe timeout. Prints, per size, the probing wall
 * time over the timeout (JVM start and warm-up excluded), the services whose status is wrong (a
 * healthy one not UP, a hanging one not DOWN), peak heap and threads; beside it, in the same run,
 * the same check by {@code curl} through {@code xargs -P 64}, and by the JDK's non-blocking
 * HttpClient ({@code sendAsync}, all requests at once) as the non-blocking reference. Then the
 * diagnosis and the four renderers at 1k, 10k and 100k observations, with their growth.
 *
 * <pre>
 * java -Xmx256m -cp examples/target/sophia.jar io.sophia.examples.bench.FleetBenchmark \
 *      [--sizes 1000,5000] [--timeout 2s] [--hang-every 10] [--threads platform|virtual] [--no-curl] [--no-nio]
 *      [--observations 1000,10000,100000] [--no-render] [--trace] [--contention] [--warm-up 300] [--settle]
 * </pre>
 *
 * <p>Before the sizes, a warm-up check of {@code --warm-up} healthy endpoints (300) loads the classes; its JIT work
 * still runs into the first measured check. {@code --settle} then waits until the JIT compilers have been idle
 * for half a second (at most 30 s): the figures are then those of a warm JVM, as in a long-running host or
 * {@code watch}, not of a CLI's first check.
 *
 * <p>{@code --trace} also prints when the probes started (median, 90th percentile, last, from the call to
 * {@code execute}), how late the hanging ones ended past their timeout, and the CPU time this JVM spent
 * per probe started (JIT and GC included): where the wall time goes. The wall time is the last start
 * plus the timeout, so a slow start rate, not the hanging endpoints, is what makes it long.
 *
 * The endpoints are served by {@link LoopbackFleet} in a child JVM, so the heap measured is the
 * prober's alone. Peak heap is the highest used heap seen by polling {@link MemoryMXBean} every
 * 5 ms; "live" is the old generation after the last collection (what survives a GC).
 */
public final class FleetBenchmark {

    /**
     * {@code --contention}: with {@code --trace}, also count how long probe threads waited for monitors (the JVM's
     * thread contention monitoring, which makes every contended monitor entry dearer: off unless asked for).
     */
    private static boolean contention;

    private FleetBenchmark() {
    }

    /**

     * Runs the benchmark and prints its table.

     *

     * @param args options, see the class description

     * @throws Exception when a loopback endpoint cannot start

     */

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(1000, 5000);
        List<Integer> observationSizes = List.of(1000, 10_000, 100_000);
        Duration timeout = Duration.ofSeconds(2);
        int hangEvery = 10;
        // the library's default: platform threads, unless -Dsophia.probes.virtualThreads=true
        boolean virtual = ProbeRunnerConfig.ofDefaults().virtualThreads();
        boolean curl = true;
        boolean nio = true;
        boolean render = true;
        boolean probe = true;
        boolean trace = false;
        WarmUp warmUp = new WarmUp(300, false);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = ints(args[++i]);
                case "--observations" -> observationSizes = ints(args[++i]);
                case "--timeout" -> {
                    String v = args[++i];
                    timeout = InputTree.parseDuration(v).orElseThrow(() -> new IllegalArgumentException(
                            "--timeout: a duration such as 2s or 500ms, not " + v));
                }
                case "--hang-every" -> hangEvery = Integer.parseInt(args[++i]);
                case "--threads" -> virtual = switch (args[++i]) {
                    case "virtual" -> true;
                    case "platform" -> false;
                    default -> throw new IllegalArgumentException("--threads platform or --threads virtual");
                };
                case "--no-curl" -> curl = false;
                case "--no-nio" -> nio = false;
                case "--no-render" -> render = false;
                case "--no-probe" -> probe = false;
                case "--trace" -> trace = true;
                case "--contention" -> contention = true;
                case "--warm-up" -> warmUp = new WarmUp(Integer.parseInt(args[++i]), warmUp.settle());
                case "--settle" -> warmUp = new WarmUp(warmUp.endpoints(), true);
                default -> {
                    System.err.println("usage: FleetBenchmark [--sizes 1000,5000] [--timeout 2s] [--hang-every 10]"
                            + " [--threads platform|virtual] [--no-curl] [--no-nio] [--observations 1000,10000,100000] [--no-render]"
                            + " [--no-probe] [--trace] [--contention] [--warm-up 300] [--settle]");
                    System.exit(64);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB, load average %.1f%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (probe) {
            probing(sizes, timeout, hangEvery, virtual, curl, nio, trace, warmUp);
        }
        if (render) {
            rendering(observationSizes);
        }
        System.exit(0);
    }

    // ---- probing ----------------------------------------------------------------------------------

    private static void probing(List<Integer> sizes, Duration timeout, int hangEvery, boolean virtual, boolean curl,
                                boolean nio, boolean trace, WarmUp warmUp) throws Exception {
        int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        Process server = new ProcessBuilder(javaCommand(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LoopbackFleet.class.getName(), String.valueOf(max), String.valueOf(hangEvery))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            List<URI> urls = new ArrayList<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("READY"); line = in.readLine()) {
                urls.add(URI.create(line));
            }
            if (urls.size() != max) {
                throw new IOException("the loopback fleet started " + urls.size() + " of " + max + " endpoints");
            }
            final int every = hangEvery;
            java.util.function.IntPredicate hangs = i -> every > 0 && i % every == every - 1;
            ProbeRunnerConfig config = ProbeRunnerConfig.custom().timeout(timeout).virtualThreads(virtual).build();
            System.out.printf(Locale.ROOT, "%nProbing: %s; every %d. endpoint hangs; threads: %s%n", config,
                    hangEvery, virtual && Runtime.version().feature() >= 21 ? "virtual" : "platform (the JVM's pool)");
            // warm-up on healthy endpoints only (class loading and JIT are not the fleet's time)
            List<Integer> warm = new ArrayList<>();
            for (int i = 0; i < Math.min(warmUp.endpoints(), max); i++) {
                if (!hangs.test(i)) {
                    warm.add(i);
                }
            }
            check(urls, warm, hangs, config, timeout, "warm-up", false);
            if (warmUp.settle()) {
                settle();
            }
            for (int n : sizes) {
                List<Integer> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ids.add(i);
                }
                check(urls, ids, hangs, config, timeout, "sophia", trace);
                if (nio) {
                    nonBlocking(urls.subList(0, n), hangs, timeout);
                }
                if (curl) {
                    curl(urls.subList(0, n), hangs, timeout);
                }
            }
        } finally {
            server.getOutputStream().close();
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void check(List<URI> urls, List<Integer> ids, java.util.function.IntPredicate hangs,
                              ProbeRunnerConfig config, Duration timeout, String label, boolean trace) {
        List<Service> services = new ArrayList<>(ids.size());
        List<Probe> probes = new ArrayList<>(ids.size());
        long[] started = new long[ids.size()];
        long[] ended = new long[ids.size()];
        for (int i : ids) {
            Service s = Service.http("svc-" + i, urls.get(i).toString());
            services.add(s);
            Probe p = HttpProbe.of(s, timeout);
            probes.add(trace ? new Traced(p, started, ended, probes.size()) : p);
        }
        ProbeRunner runner = ProbeRunner.of(config);
        System.gc();
        Meter meter = Meter.start();
        Map<String, long[]> threads0 = trace ? threadCpu() : Map.of();
        long[] blocked0 = trace && contention ? probeThreadsBlocked() : new long[2];
        long[] sched0 = trace ? schedstat() : new long[2];
        long cpu0 = processCpuNanos();
        long jit0 = jitMillis();
        long up0 = ManagementFactory.getRuntimeMXBean().getUptime();
        Instant at0 = Instant.now();
        long t0 = System.nanoTime();
        List<Observation> observations = runner.execute(probes);
        long probingNanos = System.nanoTime() - t0;
        long[] sched1 = trace ? schedstat() : new long[2];
        long cpuNanos = processCpuNanos() - cpu0;
        Map<String, long[]> threads1 = trace ? threadCpu() : Map.of();
        long[] blocked1 = trace && contention ? probeThreadsBlocked() : new long[2];
        long jitNanos = TimeUnit.MILLISECONDS.toNanos(jitMillis() - jit0);
        long up1 = ManagementFactory.getRuntimeMXBean().getUptime();
        Meter.Reading reading = meter.stop();
        long d0 = System.nanoTime();
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("fleet", services), observations, Instant.now());
        long diagnosisNanos = System.nanoTime() - d0;
        Map<String, Integer> wrong = new HashMap<>();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        int timeoutKinds = tally(a, observations, ids, hangs, wrong, counts);
        double ratio = probingNanos / (double) timeout.toNanos();
        System.out.printf(Locale.ROOT, "%-8s %5d endpoints: probing %.2f s = %.2f x timeout; diagnosis %.2f s; %s;"
                        + " wrong statuses %d; timeouts reported %d; peak heap %d MB (live after GC %d MB, %d GCs,"
                        + " %d ms in GC); peak threads %d%n",
                label, ids.size(), probingNanos / 1e9, ratio, diagnosisNanos / 1e9, counts,
                wrong.values().stream().mapToInt(Integer::intValue).sum(), timeoutKinds, reading.peakHeap >> 20,
                reading.liveAfterGc >> 20, reading.gcCount, reading.gcMillis, reading.peakThreads);
        wrong.forEach((why, count) -> System.out.printf(Locale.ROOT, "           %5d x %s%n", count, why));
        if (trace) {
            traced(ids, hangs, timeout, t0, started, ended, cpuNanos);
            wallTraced(ids, hangs, t0, probingNanos, started, ended, reading.gcMillis,
                    new long[] {blocked1[0] - blocked0[0], blocked1[1] - blocked0[1]});
            System.out.printf(Locale.ROOT, "           the thread that called execute (it launches the probes, then waits"
                    + " for their results): %.0f ms on a CPU, %.0f ms runnable but waiting for one%n",
                    (sched1[0] - sched0[0]) / 1e6, (sched1[1] - sched0[1]) / 1e6);
            threadsTraced(threads0, threads1);
            System.out.printf(Locale.ROOT, "           JIT compiling during the check %d ms; the check ran from %d to %d ms"
                    + " after the JVM started (from %s)%n", TimeUnit.NANOSECONDS.toMillis(jitNanos), up0, up1, at0);
        }
    }

    /** Counts the statuses and the wrong ones (by reason) into {@code wrong} and {@code counts}; returns the timeouts. */
    private static int tally(Assessment a, List<Observation> observations, List<Integer> ids,
                             java.util.function.IntPredicate hangs, Map<String, Integer> wrong,
                             Map<Status, Integer> counts) {
        int timeoutKinds = 0;
        for (int k = 0; k < ids.size(); k++) {
            int i = ids.get(k);
            ServiceHealth h = a.services().get(k);
            counts.merge(h.status(), 1, Integer::sum);
            Status expected = hangs.test(i) ? Status.DOWN : Status.UP;
            if (h.status() != expected) {
                String why = h.status() + " for a " + (hangs.test(i) ? "hanging" : "healthy") + " endpoint"
                        + (h.failure() == null ? "" : ": " + h.failure().replaceAll("[0-9]+", "N"));
                wrong.merge(why, 1, Integer::sum);
            }
        }
        for (Observation o : observations) {
            if (o instanceof Observation.ProbeFailure f && (f.kind() == FailureKind.READ_TIMEOUT
                    || f.kind() == FailureKind.DEADLINE_EXCEEDED)) {
                timeoutKinds++;
            }
        }
        return timeoutKinds;
    }

    /** Prints when the probes started and how far past their timeout the hanging ones ended. */
    private static void traced(List<Integer> ids, java.util.function.IntPredicate hangs, Duration timeout, long t0,
                               long[] started, long[] ended, long cpuNanos) {
        List<Long> starts = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            if (started[k] != 0) {
                starts.add(started[k] - t0);
                if (hangs.test(ids.get(k)) && ended[k] != 0) {
                    late.add(ended[k] - started[k] - timeout.toNanos());
                }
            }
        }
        starts.sort(null);
        late.sort(null);
        System.out.printf(Locale.ROOT, "           %d probes started: median %s, p90 %s, last %s after execute;"
                        + " %d hanging ones ended past their timeout by median %s, at most %s; CPU of this JVM %.0f ms"
                        + " (%.0f µs a probe started)%n", starts.size(),
                ms(starts, 0.5), ms(starts, 0.9), ms(starts, 1.0), late.size(), ms(late, 0.5), ms(late, 1.0),
                cpuNanos / 1e6, cpuNanos / 1e3 / Math.max(1, starts.size()));
    }

    /**
     * Prints where the wall time went: the probe that ended last (when it started, how long it ran), the time execute
     * took to return after it, how long the healthy probes took (an answer is there within a millisecond on an idle
     * host: the rest is waiting for a CPU or a lock), how long probe threads waited for monitors, and the GC's pauses.
     */
    private static void wallTraced(List<Integer> ids, java.util.function.IntPredicate hangs, long t0, long wallNanos,
                                   long[] started, long[] ended, long gcMillis, long[] blocked) {
        int last = -1;
        List<Long> healthy = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            if (started[k] == 0 || ended[k] == 0) {
                continue;
            }
            if (last < 0 || ended[k] > ended[last]) {
                last = k;
            }
            if (!hangs.test(ids.get(k))) {
                healthy.add(ended[k] - started[k]);
            }
        }
        if (last < 0) {
            return;
        }
        healthy.sort(null);
        System.out.printf(Locale.ROOT, "           wall %.0f ms = the last probe to end (%s) started at %.0f ms, ran %.0f ms;"
                        + " execute returned %.0f ms after it ended. Healthy probes ran median %s, p99 %s, max %s;"
                        + " probe threads blocked on monitors %s; GC pauses %d ms%n",
                wallNanos / 1e6, hangs.test(ids.get(last)) ? "a hanging one" : "a healthy one",
                (started[last] - t0) / 1e6, (ended[last] - started[last]) / 1e6, (t0 + wallNanos - ended[last]) / 1e6,
                ms(healthy, 0.5), ms(healthy, 0.99), ms(healthy, 1.0), contention ? blocked[0] + " times, "
                        + blocked[1] + " ms in all" : "(--contention counts them)", gcMillis);
    }

    /**
     * The calling thread's time on a CPU and time runnable but waiting for one (ns), from Linux's
     * {@code /proc/thread-self/schedstat}; zeros elsewhere.
     */
    private static long[] schedstat() {
        try {
            String[] f = Files.readString(Path.of("/proc/thread-self/schedstat")).strip().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /**
     * How often and how long (ms) the live probe threads ({@code sophia-probe-*}) have waited to enter a monitor, by the
     * JVM's thread contention monitoring (switched on at the first call); zeros where the JVM does not measure it.
     */
    private static long[] probeThreadsBlocked() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadContentionMonitoringSupported()) {
            return new long[2];
        }
        threads.setThreadContentionMonitoringEnabled(true);
        long count = 0;
        long millis = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("sophia-probe-") && t.getBlockedTime() >= 0) {
                count += t.getBlockedCount();
                millis += t.getBlockedTime();
            }
        }
        return new long[] {count, millis};
    }

    private static String ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1));
        return String.format(Locale.ROOT, "%.0f ms", sorted.get(i) / 1e6);
    }

    /** A probe that notes when its run started and ended ({@link System#nanoTime()}), for {@code --trace}. */
    private record Traced(Probe probe, long[] started, long[] ended, int index) implements Probe {
        @Override
        public Source source() {
            return probe.source();
        }

        @Override
        public String serviceId() {
            return probe.serviceId();
        }

        @Override
        public String target() {
            return probe.target();
        }

        @Override
        public List<Observation> run(io.sophia.core.ProbeContext context) throws Exception {
            started[index] = System.nanoTime();
            try {
                return probe.run(context);
            } finally {
                ended[index] = System.nanoTime();
            }
        }
    }

    /** The same endpoints with the JDK's non-blocking HttpClient: every request at once, one selector thread. */
    private static void nonBlocking(List<URI> urls, java.util.function.IntPredicate hangs, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        System.gc();
        Meter meter = Meter.start();
        long t0 = System.nanoTime();
        List<CompletableFuture<Integer>> calls = new ArrayList<>(urls.size());
        for (URI u : urls) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(u).timeout(timeout).GET().build(),
                            HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).exceptionally(t -> 0));
        }
        int wrong = 0;
        for (int i = 0; i < calls.size(); i++) {
            int code = calls.get(i).join();
            if (hangs.test(i) ? code != 0 : code != 200) {
                wrong++;
            }
        }
        long nanos = System.nanoTime() - t0;
        Meter.Reading r = meter.stop();
        System.out.printf(Locale.ROOT, "%-8s %5d endpoints: %.2f s = %.2f x timeout; wrong %d; peak heap %d MB"
                        + " (live after GC %d MB); peak threads %d%n", "jdk-nio", urls.size(), nanos / 1e9,
                nanos / (double) timeout.toNanos(), wrong, r.peakHeap >> 20, r.liveAfterGc >> 20, r.peakThreads);
    }

    private static void curl(List<URI> urls, java.util.function.IntPredicate hangs, Duration timeout) throws Exception {
        Process version;
        try {
            version = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            version.waitFor();
        } catch (IOException e) {
            System.out.println("curl     skipped: curl is not installed");
            return;
        }
        Path list = Files.createTempFile("fleet-urls", ".txt");
        try {
            StringBuilder b = new StringBuilder();
            for (URI u : urls) {
                b.append(u).append('\n');
            }
            Files.writeString(list, b);
            double seconds = timeout.toMillis() / 1000.0;
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", "xargs -P 64 -n 1 curl -s -o /dev/null -m "
                    + String.format(Locale.ROOT, "%.3f", seconds) + " -w '%{url_effective} %{http_code}\\n' < " + list)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            long nanos = System.nanoTime() - t0;
            Map<String, String> codes = new HashMap<>();
            for (String line : out.split("\n")) {
                int sp = line.lastIndexOf(' ');
                if (sp > 0) {
                    codes.put(line.substring(0, sp), line.substring(sp + 1));
                }
            }
            int wrong = 0;
            for (int i = 0; i < urls.size(); i++) {
                String code = codes.getOrDefault(urls.get(i).toString(), "none");
                if (hangs.test(i) ? !code.equals("000") : !code.equals("200")) {
                    wrong++;
                }
            }
            System.out.printf(Locale.ROOT, "%-8s %5d endpoints: %.2f s = %.2f x timeout; wrong %d (xargs -P 64 curl -m %s)%n",
                    "curl", urls.size(), nanos / 1e9, nanos / (double) timeout.toNanos(), wrong,
                    String.format(Locale.ROOT, "%.1f", seconds));
        } finally {
            Files.deleteIfExists(list);
        }
    }

    // ---- diagnosis and rendering ------------------------------------------------------------------

    private static void rendering(List<Integer> observationSizes) {
        System.out.printf(Locale.ROOT, "%nDiagnosis and rendering (2 observations per service, every tenth service"
                + " failing; ms, and µs per observation):%n");
        System.out.printf(Locale.ROOT, "%8s %8s %12s %12s %12s %12s %12s %10s%n", "obs", "services", "diagnosis",
                "markdown", "json", "html", "junit", "json MB");
        // warm-up: the first diagnosis loads the knowledge base
        timeAll(synthetic(200));
        long[] previous = null;
        int previousSize = 0;
        for (int n : observationSizes) {
            long[] t = timeAll(synthetic(n / 2));
            System.out.printf(Locale.ROOT, "%8d %8d %s %s %s %s %s %10.1f%n", n, n / 2, cell(t[0], n), cell(t[1], n),
                    cell(t[2], n), cell(t[3], n), cell(t[4], n), t[5] / 1e6);
            if (previous != null) {
                double f = n / (double) previousSize;
                System.out.printf(Locale.ROOT, "%8s %8s %12s %12s %12s %12s %12s   (x%.0f observations; linear = x%.0f)%n",
                        "growth", "", growth(t[0], previous[0]), growth(t[1], previous[1]), growth(t[2], previous[2]),
                        growth(t[3], previous[3]), growth(t[4], previous[4]), f, f);
            }
            previous = t;
            previousSize = n;
            if (t[0] + t[1] + t[2] + t[3] + t[4] > TimeUnit.SECONDS.toNanos(120)) {
                System.out.println("         (stopping: the last size took over 2 minutes)");
                break;
            }
        }
    }

    /** Times the diagnosis and each renderer: ns for each, then the JSON's size in bytes. */
    private static long[] timeAll(Object[] input) {
        Assessment[] holder = new Assessment[1];
        Deployment deployment = (Deployment) input[0];
        @SuppressWarnings("unchecked")
        List<Observation> observations = (List<Observation>) input[1];
        long[] t = new long[6];
        t[0] = time(() -> holder[0] = Diagnosis.ofDefaults().diagnose(deployment, observations,
                Instant.parse("2026-03-01T10:00:00Z")));
        Assessment a = holder[0];
        t[1] = time(() -> MarkdownReport.render(a));
        String[] json = new String[1];
        t[2] = time(() -> json[0] = JsonReport.render(a));
        t[3] = time(() -> HtmlReport.render(a));
        t[4] = time(() -> JUnitXmlReport.render(a));
        t[5] = json[0].getBytes(StandardCharsets.UTF_8).length;
        return t;
    }

    private static Object[] synthetic(int services) {
        List<Service> list = new ArrayList<>(services);
        List<Observation> obs = new ArrayList<>(services * 2);
        for (int i = 0; i < services; i++) {
            String id = "svc-" + i;
            String url = "http://10.0." + (i / 250) + "." + (i % 250) + ":8080/health";
            list.add(Service.http(id, url));
            if (i % 10 == 9) {
                obs.add(new Observation.ProbeFailure(id, Source.HTTP, url, FailureKind.READ_TIMEOUT,
                        "connected but no answer within 2000 ms", null, Duration.ofMillis(2000), 1));
                obs.add(new Observation.TcpConnect(id, Source.TCP, "10.0." + (i / 250) + "." + (i % 250), 8080,
                        Duration.ofMillis(1)));
            } else {
                obs.add(Observation.HttpCheck.builder(id, Source.HTTP, url, 200).latency(Duration.ofMillis(3 + i % 7))
                        .body("ok", "text/plain").build());
                obs.add(new Observation.ConditionCheck(id, Source.HTTP, "[STATUS] == 200", true, "200"));
            }
        }
        return new Object[] {new Deployment("fleet-" + services, list), obs};
    }

    private static long time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    private static String cell(long nanos, int observations) {
        return String.format(Locale.ROOT, "%7d %4.0f", nanos / 1_000_000, nanos / 1e3 / observations);
    }

    private static String growth(long now, long before) {
        return String.format(Locale.ROOT, "x%11.1f", now / (double) Math.max(1, before));
    }

    // ---- measuring --------------------------------------------------------------------------------

    /** Polls the used heap every 5 ms and counts collections while a measured step runs. */
    private static final class Meter {
        private final AtomicLong peak = new AtomicLong();
        private final Thread poller;
        private final long gcCount0;
        private final long gcMillis0;
        private volatile boolean running = true;

        record Reading(long peakHeap, long liveAfterGc, long gcCount, long gcMillis, int peakThreads) {
        }

        private Meter() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            ManagementFactory.getThreadMXBean().resetPeakThreadCount();
            gcCount0 = gcCount();
            gcMillis0 = gcMillis();
            poller = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-poller");
            poller.setDaemon(true);
            poller.start();
        }

        static Meter start() {
            return new Meter();
        }

        Reading stop() {
            running = false;
            peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            long live = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null
                        && !pool.getName().toLowerCase(Locale.ROOT).contains("eden")
                        && !pool.getName().toLowerCase(Locale.ROOT).contains("survivor")) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            return new Reading(peak.get(), live, gcCount() - gcCount0, gcMillis() - gcMillis0, threads.getPeakThreadCount());
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(c -> c > 0).sum();
        }
    }

    /**
     * CPU time (ns) and thread count of this JVM's threads by name with its digits dropped ("sophia-probe-#", "C#
     * CompilerThre"), read from Linux's {@code /proc/self/task/<id>/schedstat}; empty elsewhere. Threads that ended in
     * between are not counted.
     */
    private static Map<String, long[]> threadCpu() {
        Map<String, long[]> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    long ns = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    long[] t = out.computeIfAbsent(name, k -> new long[2]);
                    t[0] += ns;
                    t[1]++;
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while read
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    /** Prints which threads took this JVM's CPU during a check, most first (ms). */
    private static void threadsTraced(Map<String, long[]> before, Map<String, long[]> after) {
        if (after.isEmpty()) {
            return;
        }
        List<Map.Entry<String, long[]>> rows = new ArrayList<>();
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long d = e.getValue()[0] - b[0];
            if (d >= 1_000_000) {
                rows.add(Map.entry(e.getKey(), new long[] {d, e.getValue()[1]}));
            }
        }
        rows.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
        StringBuilder b = new StringBuilder("           CPU by thread (ms):");
        for (var r : rows) {
            b.append(String.format(Locale.ROOT, " %s (%d) %d;", r.getKey(), r.getValue()[1], r.getValue()[0] / 1_000_000));
        }
        System.out.println(b);
    }

    /** How the JVM is warmed before the measured checks: a check of this many healthy endpoints, then maybe a settle. */
    private record WarmUp(int endpoints, boolean settle) {
    }

    /** Waits until the JIT compilers have been idle for 500 ms (at most 30 s), and says how long that took. */
    private static void settle() throws InterruptedException {
        long start = System.nanoTime();
        long seen = jitMillis();
        long idleSince = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30)
                && System.nanoTime() - idleSince < TimeUnit.MILLISECONDS.toNanos(500)) {
            Thread.sleep(50);
            long now = jitMillis();
            if (now != seen) {
                seen = now;
                idleSince = System.nanoTime();
            }
        }
        System.out.printf(Locale.ROOT, "settle     JIT idle after %.2f s (%d ms of compilation so far)%n",
                (System.nanoTime() - start) / 1e9, seen);
    }

    /** Time the JIT compilers spent so far, ms, or 0 when the JVM does not say. */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** CPU time of this JVM, all its threads (JIT and GC included), or 0 when the platform does not say. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.strip()));
        }
        return out;
    }
}
