package io.sophia.probes.chaos;

import com.sun.management.UnixOperatingSystemMXBean;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.core.testing.ForwardingProbe;
import io.sophia.probes.FlyConfig;
import io.sophia.probes.FlyMachinesProbe;
import io.sophia.probes.GitHubActionsConfig;
import io.sophia.probes.GitHubActionsProbe;
import io.sophia.probes.HttpProbe;
import io.sophia.probes.McpProbe;
import io.sophia.probes.ProbeRunner;
import io.sophia.probes.ProbeRunnerConfig;
import io.sophia.probes.TcpProbe;
import io.sophia.probes.TlsProbe;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The child JVM of {@link ProbeChaosTest}: runs thousands of probes of every kind against the
 * hostile endpoints it is given, through the public API only ({@link ProbeRunner} and the probes'
 * {@code of} factories), and prints what it found, one line each:
 * {@code VIOLATION <what>} for a broken guarantee, {@code FIGURE <name>=<value>} for the record,
 * then {@code DONE}. It runs under a small heap (the parent sets {@code -Xmx}).
 *
 * <p>Arguments: {@code timeoutMillis replicas BEHAVIOUR=port...}.
 */
public final class ChaosRun {

    /** A fake token of GitHub's shape: it must never appear in an observation. */
    static final String GITHUB_TOKEN = "ghp_" + "Ch4osT0kenNeverPrinted0123456789abcd";
    static final String FLY_TOKEN = "fo1_" + "ch4osFlyTokenNeverPrinted0123456789";
    /**
     * A probe ends within its timeout plus this. A bound, not a measurement: on 2 shared cores at a load average of 16
     * some 1-second probes took 10 s, while the failures this catches run for minutes or for ever (a TLS handshake
     * dripped at 4 bytes a second lasts an hour).
     */
    static final Duration MARGIN = Duration.ofSeconds(30);
    /** How long threads and file descriptors get to settle back to the baseline after the run. */
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final int FD_SLACK = 32;
    private static final int SHOWN = 15;
    /** Remote text is bounded where an observation is built: a 3 MB header line or a 5 GB body must not be copied. */
    private static final int MAX_OBSERVATION_CHARS = 20_000;
    /** Enough probes at once that hanging targets pile up, few enough that 2 loaded cores are not the subject. */
    private static final int MAX_CONCURRENT = 128;
    /**
     * GitHub and Fly probes running at once (one of each per endpoint in all). A check runs one of each (they are
     * deployment-wide, not per service), and each may hold its capped JSON answer in memory (16 MiB for GitHub, 8 MiB
     * for Fly, some 40 MB at the peak of reading it): two at once against endless bodies already overflowed 64 MB.
     */
    private static final int API_CONCURRENT = 1;

    private final Duration timeout;
    /** Port to the name of the hostile endpoint on it, for messages. */
    private final Map<Integer, String> endpoints = new HashMap<>();
    private final Map<String, List<String>> violations = new TreeMap<>();
    private final Queue uncaught = new Queue();

    private ChaosRun(Duration timeout) {
        this.timeout = timeout;
    }

    public static void main(String[] args) throws Exception {
        Duration timeout = Duration.ofMillis(Long.parseLong(args[0]));
        int replicas = Integer.parseInt(args[1]);
        Map<HostileServers.Behaviour, Integer> ports = new EnumMap<>(HostileServers.Behaviour.class);
        for (String a : Arrays.asList(args).subList(2, args.length)) {
            String[] kv = a.split("=");
            ports.put(HostileServers.Behaviour.valueOf(kv[0]), Integer.parseInt(kv[1]));
        }
        ChaosRun chaos = new ChaosRun(timeout);
        try {
            chaos.run(ports, replicas);
        } finally {
            chaos.printViolations();
        }
        System.out.println("DONE");
        System.out.flush();
        // a test process of its own: the probes' idle daemon threads need not be waited for
        System.exit(0);
    }

    private void run(Map<HostileServers.Behaviour, Integer> ports, int replicas) throws Exception {
        ports.forEach((b, port) -> endpoints.put(port, b.name()));
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(t.getName() + ": " + e));
        ProbeRunner runner = runner(MAX_CONCURRENT);
        ProbeRunner apiRunner = runner(API_CONCURRENT);

        // warm-up: every kind once against the healthy endpoint, so that class loading and the JDK's one-time
        // set-up (trust store, selectors) are part of the baseline, not counted as a leak
        int healthy = ports.get(HostileServers.Behaviour.HEALTHY);
        runner.execute(probes("warm", healthy, false, 1, false));
        apiRunner.execute(probes("warm", healthy, false, 1, true));
        runner.execute(probes("warm-tls", ports.get(HostileServers.Behaviour.TLS_SELF_SIGNED), true, 1, false));
        System.gc();
        Set<Long> baseThreads = busyThreads();
        long baseFds = openFds();

        List<Timed> services = new ArrayList<>();
        List<Timed> apis = new ArrayList<>();
        for (Map.Entry<HostileServers.Behaviour, Integer> e : ports.entrySet()) {
            if (e.getKey() != HostileServers.Behaviour.HEALTHY) {
                String name = e.getKey().name().toLowerCase(java.util.Locale.ROOT);
                services.addAll(probes(name, e.getValue(), e.getKey().tls, replicas, false));
                apis.addAll(probes(name, e.getValue(), e.getKey().tls, 1, true));
            }
        }
        List<Timed> probes = new ArrayList<>(services);
        probes.addAll(apis);
        long t0 = System.nanoTime();
        List<Observation> seen = new ArrayList<>();
        try {
            // a check runs its CI and platform probes beside its service probes, one of each per check
            CompletableFuture<List<Observation>> ci = CompletableFuture.supplyAsync(() -> apiRunner.execute(apis));
            seen.addAll(runner.execute(services));
            seen.addAll(ci.join());
        } catch (RuntimeException | Error e) {
            violation("exception from ProbeRunner.execute", e.toString());
            return;
        }
        long wall = System.nanoTime() - t0;
        check(probes, seen);
        long maxRun = awaitEnds(probes);
        int probeCount = probes.size() + runAlone(ports);
        probes = null;
        seen = null;

        String leaks = settle(baseThreads, baseFds);
        if (leaks != null) {
            violation("leak after the run", leaks);
        }
        uncaught.drain().forEach(u -> violation("uncaught exception", u));

        figure("probes", probeCount);
        figure("executeMillis", TimeUnit.NANOSECONDS.toMillis(wall));
        figure("slowestProbeMillis", TimeUnit.NANOSECONDS.toMillis(maxRun));
        figure("peakHeapMB", peakHeap() >> 20);
        figure("peakThreads", ManagementFactory.getThreadMXBean().getPeakThreadCount());
        figure("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
    }

    /** One line per broken guarantee (the first {@value #SHOWN} of a kind), printable ASCII only. */
    private void printViolations() {
        synchronized (violations) {
            for (Map.Entry<String, List<String>> v : violations.entrySet()) {
                List<String> all = v.getValue();
                all.stream().limit(SHOWN).forEach(s -> System.out.println("VIOLATION " + v.getKey() + ": "
                        + s.replaceAll("[^\\x20-\\x7e]", "?")));
                if (all.size() > SHOWN) {
                    System.out.println("VIOLATION " + v.getKey() + ": ... and " + (all.size() - SHOWN) + " more");
                }
            }
        }
    }

    // ---- the probes ----

    private ProbeRunner runner(int maxConcurrent) {
        return ProbeRunner.of(ProbeRunnerConfig.custom()
                .timeout(timeout)
                .maxConcurrent(maxConcurrent)
                // every probe gets to start: the budget is a bound for the batch, not the subject here
                .budget(Duration.ofSeconds(90))
                .build());
    }

    /**
     * The service probes (HTTP, HTTPS, MCP, TCP, TLS) or, with {@code api}, the GitHub and Fly probes against one
     * endpoint, {@code replicas} times, each wrapped to time its runs.
     */
    private List<Timed> probes(String name, int port, boolean tls, int replicas, boolean api) {
        String host = "127.0.0.1:" + port;
        String scheme = tls ? "https" : "http";
        Duration t = timeout;
        List<Timed> out = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            String id = name + "-" + i;
            if (api) {
                out.addAll(apiProbes(id, host, scheme));
                continue;
            }
            out.add(new Timed(id + "-http", HttpProbe.of(Service.builder(id + "-http", "http://" + host + "/health")
                    .build(), t)));
            out.add(new Timed(id + "-https", HttpProbe.of(Service.builder(id + "-https", "https://" + host + "/health")
                    .build(), t)));
            out.add(new Timed(id + "-mcp", McpProbe.of(Service.builder(id + "-mcp", scheme + "://" + host + "/mcp")
                    .kind(ServiceKind.MCP).build(), t)));
            out.add(new Timed(id + "-tcp", TcpProbe.of(Service.builder(id + "-tcp", "tcp://" + host)
                    .kind(ServiceKind.TCP).build(), t)));
            out.add(new Timed(id + "-tls", TlsProbe.of(Service.builder(id + "-tls", "https://" + host).build(), t)));
        }
        return out;
    }

    /** A GitHub Actions and a Fly Machines probe whose API is the endpoint at {@code host}. */
    private List<Timed> apiProbes(String id, String host, String scheme) {
        Duration t = timeout;
        List<Timed> out = new ArrayList<>();
        Deployment deployment = new Deployment("chaos", List.of(Service.builder(id + "-app", "http://" + host).build()));
        out.add(new Timed(id + "-github", GitHubActionsProbe.of(GitHubActionsConfig.custom()
                .apiUrl(URI.create(scheme + "://" + host))
                .repository("sophia/chaos")
                .runId(4242)
                .tokenEnv("CHAOS_GITHUB_TOKEN")
                .env(Map.of("CHAOS_GITHUB_TOKEN", GITHUB_TOKEN)::get)
                .timeout(t)
                .build(), deployment, null)));
        out.add(new Timed(id + "-fly", FlyMachinesProbe.of(FlyConfig.custom()
                .apiUrl(URI.create(scheme + "://" + host))
                .tokenEnv("CHAOS_FLY_TOKEN")
                .env(Map.of("CHAOS_FLY_TOKEN", FLY_TOKEN)::get)
                .app(id + "-app", "chaos-app")
                .timeout(t)
                .build(), deployment)));
        return out;
    }

    /** A probe as the runner sees it, plus when its runs started and ended and what escaped them. */
    private final class Timed extends ForwardingProbe {
        final String label;
        final AtomicLong firstStart = new AtomicLong();
        final AtomicLong lastEnd = new AtomicLong();
        final AtomicInteger running = new AtomicInteger();

        Timed(String label, Probe probe) {
            super(probe);
            this.label = label;
        }

        @Override
        public List<Observation> run(ProbeContext context) throws Exception {
            firstStart.compareAndSet(0, System.nanoTime());
            running.incrementAndGet();
            try {
                List<Observation> r = probe.run(context);
                if (r == null || r.isEmpty()) {
                    violation("a run without any observation", label);
                }
                return r;
            } catch (InterruptedException e) {
                // the runner interrupts a probe that overran its deadline: the overrun is judged by its duration
                throw e;
            } catch (Exception | Error e) {
                violation("an exception escaped Probe.run", label + ": " + e);
                throw e;
            } finally {
                lastEnd.set(System.nanoTime());
                running.decrementAndGet();
            }
        }
    }

    // ---- the checks ----

    private void check(List<Timed> probes, List<Observation> seen) {
        Set<String> withObservation = seen.stream().map(Observation::serviceId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<FailureKind, Integer> kinds = new EnumMap<>(FailureKind.class);
        for (Observation o : seen) {
            String text = String.valueOf(o);
            if (text.length() > MAX_OBSERVATION_CHARS) {
                violation("an observation that copies a huge answer", o.getClass().getSimpleName() + " of "
                        + o.serviceId() + ": " + text.length() + " characters");
            }
            if (text.contains(GITHUB_TOKEN.substring(4, 16)) || text.contains(FLY_TOKEN.substring(4, 16))) {
                violation("a token in an observation", o.getClass().getSimpleName() + " of " + o.serviceId());
            }
            if (o instanceof ProbeFailure f) {
                kinds.merge(f.kind(), 1, Integer::sum);
                if (f.kind() == FailureKind.OTHER) {
                    violation("an untyped failure (OTHER)", f.target() + ": " + f.detail());
                }
                if (f.kind() == FailureKind.NOT_PROBED) {
                    violation("a probe that never ran", f.target());
                }
            }
        }
        for (Timed p : probes) {
            if (p.serviceId() != null && !withObservation.contains(p.serviceId())) {
                violation("a probe without an observation in the result", p.label);
            }
            if (p.firstStart.get() == 0) {
                violation("a probe that never ran", p.label);
            }
        }
        figure("failureKinds", kinds);
    }

    /** Waits (bounded) for every probe's run to return; reports runs that end past their deadline plus the margin. */
    private long awaitEnds(List<Timed> probes) throws InterruptedException {
        long bound = timeout.plus(MARGIN).toNanos();
        long latestStart = probes.stream().mapToLong(p -> p.firstStart.get()).max().orElse(System.nanoTime());
        while (System.nanoTime() - (latestStart + bound) < 0 && probes.stream().anyMatch(p -> p.running.get() > 0)) {
            Thread.sleep(50);
        }
        long slowest = 0;
        long now = System.nanoTime();
        Map<String, Integer> late = new TreeMap<>();
        for (Timed p : probes) {
            long start = p.firstStart.get();
            if (start == 0) {
                continue;
            }
            long took = (p.running.get() > 0 ? now : p.lastEnd.get()) - start;
            slowest = Math.max(slowest, took);
            if (took > timeout.toNanos() * 3 / 2) {
                late.merge(p.label.replaceAll("-\\d+-", " "), 1, Integer::sum); // "hanging mcp"
            }
            if (p.running.get() > 0) {
                violation("a probe still running past its deadline plus " + MARGIN.toSeconds() + " s", p.label
                        + " (running " + TimeUnit.NANOSECONDS.toMillis(took) + " ms)");
            } else if (took > bound) {
                violation("a probe that ended past its deadline plus " + MARGIN.toSeconds() + " s", p.label
                        + " took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
            }
        }
        // for the record, not asserted: runs past 1.5 x the timeout, by endpoint and kind (a loaded machine makes some)
        figure("runsPastOneAndAHalfTimeouts", late);
        return slowest;
    }

    /**
     * Every service probe kind once against every endpoint, run directly with a context that nobody cancels: a probe
     * owns its deadline, so it ends by it without a runner to cancel it (a TLS handshake dripped a byte at a time did
     * not). Returns how many ran.
     */
    private int runAlone(Map<HostileServers.Behaviour, Integer> ports) throws InterruptedException {
        List<Timed> alone = new ArrayList<>();
        for (Map.Entry<HostileServers.Behaviour, Integer> e : ports.entrySet()) {
            String name = "alone-" + e.getKey().name().toLowerCase(java.util.Locale.ROOT);
            alone.addAll(probes(name, e.getValue(), e.getKey().tls, 1, false));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            for (Timed p : alone) {
                pool.execute(() -> {
                    try {
                        p.run(ProbeContext.withTimeout(timeout));
                    } catch (Exception e) {
                        // recorded by Timed as an escaped exception
                    }
                });
            }
            awaitEnds(alone);
        } finally {
            // a probe still running past its bound is reported above; its thread must not outlive the check of leaks
            pool.shutdownNow();
        }
        return alone.size();
    }

    /**
     * Waits (bounded) until no thread is at work but those that were at the baseline, and the open file
     * descriptors are back near the baseline; returns what is still off, or null.
     */
    private String settle(Set<Long> baseThreads, long baseFds) throws InterruptedException {
        long until = System.nanoTime() + SETTLE.toNanos();
        String off;
        do {
            System.gc(); // a JDK HttpClient's selector thread and sockets go with the client, when it is collected
            Thread.sleep(200);
            off = leaks(baseThreads, baseFds);
        } while (off != null && System.nanoTime() - until < 0);
        figure("fdsBaseline", baseFds);
        figure("fdsAfter", openFds());
        return off;
    }

    private String leaks(Set<Long> baseThreads, long baseFds) {
        List<String> busy = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (!t.isAlive() || baseThreads.contains(t.getId()) || t == Thread.currentThread() || !busy(e.getValue())) {
                continue;
            }
            busy.add(t.getName() + " at " + Arrays.stream(e.getValue()).limit(6).map(String::valueOf)
                    .collect(Collectors.joining(" < ")));
        }
        long fds = openFds();
        if (busy.isEmpty() && fds <= baseFds + FD_SLACK) {
            return null;
        }
        return (busy.isEmpty() ? "" : busy.size() + " threads still at work: " + busy.stream().limit(5)
                .collect(Collectors.joining("; ")) + ". ")
                + "open file descriptors " + fds + " (baseline " + baseFds + "): " + fdKinds();
    }

    /**
     * A thread left behind still at work: running Sophia's code, or in socket, TLS or selector I/O. A thread that
     * merely waits (a pool worker for its next task, an HTTP client's housekeeping) holds nothing of a probe's and
     * ends with its pool's keep-alive, so it does not count; a selector thread does until its client is collected.
     */
    private static boolean busy(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("io.sophia.") || c.startsWith("sun.nio.ch.") || c.startsWith("java.net.Socket")
                    || c.startsWith("sun.security.ssl.") || c.startsWith("java.util.zip.Inflater")) {
                return true;
            }
        }
        return false;
    }

    /** The threads at work now (see {@link #busy}): a pool thread idle now but stuck in a probe later is not excused. */
    private static Set<Long> busyThreads() {
        Set<Long> ids = new java.util.HashSet<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() != Thread.currentThread() && busy(e.getValue())) {
                ids.add(e.getKey().getId());
            }
        }
        return ids;
    }

    private static long openFds() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

    /**
     * For a failure message: the open descriptors by kind (pipe, anon_inode, file), and the sockets by the endpoint
     * they are connected to, from /proc on Linux.
     */
    private String fdKinds() {
        Map<String, String> peerOfInode = socketPeers();
        Map<String, Integer> kinds = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    String kind = target.contains(":") ? target.substring(0, target.indexOf(':')) : "file";
                    if (kind.equals("socket")) {
                        String inode = target.replaceAll("\\D", "");
                        kind = "socket to " + peerOfInode.getOrDefault(inode, "?");
                    }
                    kinds.merge(kind, 1, Integer::sum);
                } catch (IOException e) {
                    // closed meanwhile
                }
            });
        } catch (IOException e) {
            return "(no /proc here)";
        }
        return kinds.toString();
    }

    /** Socket inode to the hostile endpoint (or port) at its other end, from /proc/self/net/tcp and tcp6. */
    private Map<String, String> socketPeers() {
        Map<String, String> peers = new HashMap<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                    String[] f = line.trim().split("\\s+");
                    int port = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                    peers.put(f[9], endpoints.getOrDefault(port, port == 0 ? "nothing (listening)" : "port " + port));
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the table changed shape: the kinds are still told
            }
        }
        return peers;
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private void violation(String what, String detail) {
        synchronized (violations) {
            violations.computeIfAbsent(what, k -> new ArrayList<>()).add(detail);
        }
    }

    private static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + "=" + value);
    }

    /** Uncaught exceptions of any thread, collected while the probes run. */
    private static final class Queue {
        private final ConcurrentLinkedQueue<String> q = new ConcurrentLinkedQueue<>();

        void add(String s) {
            q.add(s);
        }

        List<String> drain() {
            return List.copyOf(q);
        }
    }
}
