package io.sophia.examples.bench;

import io.sophia.core.Source;

import io.sophia.core.LogAnalyzer.LogOrigin;
import io.sophia.core.Observation.LogFinding;
import io.sophia.diagnosis.Indication;
import io.sophia.diagnosis.LogScanner;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scan throughput of {@link LogScanner#builtIn()} against {@code grep -E -f} with the same patterns, on a
 * log of at least 200 MB built from corpus lines (the LogChunks build logs and the deploy-errors messages,
 * repeated; written to a temporary file, streaming). Run it with {@code -Xmx64m}: the scanner's heap use
 * does not depend on the log's size.
 *
 * <pre>
 * java -Xmx64m -cp examples/target/sophia.jar io.sophia.examples.bench.LogScanBenchmark [--size-mb 200] [--warmup-mb 30] [--corpus DIR]
 * </pre>
 *
 * The RE2 patterns are exported to an ERE file: {@code (?i)} becomes bracket pairs ({@code [eE]}),
 * {@code \d \s \w} become POSIX classes, {@code (?:} becomes {@code (}, lazy quantifiers become greedy ones
 * (same lines match); a pattern grep still rejects is skipped and counted. grep runs with {@code LC_ALL=C}
 * (its fastest mode) and {@code -c}, so it reads every line and prints one number. As grep's best case the
 * benchmark also times {@code grep -F -i -f} with only the prefilter literals (no regular expressions).
 */
public final class LogScanBenchmark {

    private LogScanBenchmark() {
    }

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param args options ({@code --size-mb N} and others, see the class description)
     * @throws Exception when the log cannot be written or scanned
     */
    public static void main(String[] args) throws Exception {
        long sizeMb = 200;
        long warmupMb = 30;
        Path corpus = Path.of(System.getProperty("sophia.corpus", "../shared/corpus"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size-mb" -> sizeMb = Long.parseLong(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--warmup-mb" -> warmupMb = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("usage: LogScanBenchmark [--size-mb N] [--warmup-mb N] [--corpus DIR]");
                    System.exit(64);
                }
            }
        }
        Path logs = corpus.resolve("build-logs/LogChunks-subset/tool/samples");
        if (!Files.isDirectory(logs)) {
            System.err.println("corpus not found: " + logs);
            System.exit(64);
        }
        Path dir = Files.createTempDirectory("sophia-bench");
        Path log = dir.resolve("big.log");
        Path patterns = dir.resolve("patterns.txt");
        Path literalsFile = dir.resolve("literals.txt");
        try {
            long bytes = buildLog(logs, corpus.resolve("deploy-errors/deploy-errors.tsv"), log, sizeMb * 1_000_000);
            double mb = bytes / 1e6;
            System.out.printf(Locale.ROOT, "log: %s, %.1f MB; JVM max heap %d MB%n", log, mb,
                    Runtime.getRuntime().maxMemory() >> 20);

            LogScanner scanner = LogScanner.builtIn();
            double scanRate = scan(scanner, log, mb, warmupMb);
            grep(scanner, log, mb, scanRate, patterns, literalsFile);
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(patterns);
            Files.deleteIfExists(literalsFile);
            Files.deleteIfExists(dir);
        }
    }

    /** Scans the log once after a warm-up, prints time, rate and peak heap; returns the rate in MB/s. */
    private static double scan(LogScanner scanner, Path log, double mb, long warmupMb) throws IOException {
        if (warmupMb > 0) {
            // JIT warm-up on the head of the log, not timed (as JMH would): RE2/J is much code to compile
            long t = System.nanoTime();
            try (Reader in = new InputStreamReader(new java.io.BufferedInputStream(
                    new LimitedInputStream(Files.newInputStream(log), warmupMb * 1_000_000)), StandardCharsets.UTF_8)) {
                scanner.analyze(null, in);
            }
            System.out.printf(Locale.ROOT, "warm-up: first %d MB scanned once in %.2f s (not counted)%n", warmupMb,
                    (System.nanoTime() - t) / 1e9);
        }
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        List<LogFinding> findings;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader in = new InputStreamReader(Files.newInputStream(log), decoder)) {
            findings = scanner.analyze(new LogOrigin(Source.LOG, null, 0, "big.log", List.of()), in);
        }
        double scanSeconds = (System.nanoTime() - start) / 1e9;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double scanRate = mb / scanSeconds;
        System.out.printf(Locale.ROOT, "LogScanner: %d indications, %.2f s, %.1f MB/s, %d findings returned, "
                        + "peak heap used %.1f MB (sum of heap pool peaks)%n",
                scanner.indications().size(), scanSeconds, scanRate, findings.size(), peak / 1e6);
        if (!findings.isEmpty()) {
            LogFinding top = findings.get(0);
            System.out.println("  top finding: " + top.indicationId() + " line " + top.lineNumber() + ": "
                    + cut(top.line()));
        }

        return scanRate;
    }

    /** The same log through grep: the exported patterns, then the prefilter literals alone (grep's best case). */
    private static void grep(LogScanner scanner, Path log, double mb, double scanRate, Path patterns,
                             Path literalsFile) throws IOException, InterruptedException {
        int[] counts = exportEre(scanner, patterns);
        System.out.printf(Locale.ROOT, "patterns: %d RE2 patterns, %d exported to ERE, %d skipped (grep rejects)%n",
                counts[0], counts[1], counts[0] - counts[1]);
        long start = System.nanoTime();
        String grepOut = run(List.of("grep", "-E", "-c", "-f", patterns.toString(), log.toString()));
        double grepSeconds = (System.nanoTime() - start) / 1e9;
        double grepRate = mb / grepSeconds;
        System.out.printf(Locale.ROOT, "grep -E -c -f (LC_ALL=C): %.2f s, %.1f MB/s, %s matching lines%n",
                grepSeconds, grepRate, grepOut.trim());
        System.out.printf(Locale.ROOT, "ratio LogScanner/grep: %.2f (above 1 means the scanner is faster)%n",
                scanRate / grepRate);

        // grep's best case: only the prefilter literals, fixed strings (no regex at all)
        List<String> literals = scanner.indications().indications().stream()
                .flatMap(i -> i.literals().stream()).distinct().toList();
        Files.write(literalsFile, literals, StandardCharsets.UTF_8);
        start = System.nanoTime();
        String fixedOut = run(List.of("grep", "-F", "-i", "-c", "-f", literalsFile.toString(), log.toString()));
        double fixedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "grep -F -i -c -f literals (%d prefilter literals only, LC_ALL=C): %.2f s, "
                + "%.1f MB/s, %s matching lines; ratio LogScanner/that: %.2f%n", literals.size(), fixedSeconds,
                mb / fixedSeconds, fixedOut.trim(), scanRate / (mb / fixedSeconds));
    }

    private static long buildLog(Path logs, Path deployErrors, Path out, long target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        }
        List<String> messages = new ArrayList<>();
        for (String row : Files.readAllLines(deployErrors, StandardCharsets.UTF_8)) {
            String[] cols = row.split("\t");
            if (cols.length >= 2 && !cols[0].equals("category")) {
                messages.add(cols[1]);
            }
        }
        long written = 0;
        int round = 0;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            while (written < target) {
                for (Path f : files) {
                    try (InputStream in = Files.newInputStream(f)) {
                        written += in.transferTo(o);
                    }
                    // a GitHub-style step with a deploy error between the build logs
                    String msg = messages.get(Math.floorMod(round * 31 + f.hashCode(), messages.size()));
                    byte[] step = ("\n2021-04-05T15:42:58.1548942Z ##[group]Run flyctl deploy --remote-only\n"
                            + "2021-04-05T15:42:58.1549657Z ##[endgroup]\n"
                            + "2021-04-05T15:42:59.1138440Z Error: " + msg + "\n"
                            + "2021-04-05T15:42:59.1177315Z ##[error]Process completed with exit code 1.\n")
                            .getBytes(StandardCharsets.UTF_8);
                    o.write(step);
                    written += step.length;
                    if (written >= target) {
                        break;
                    }
                }
                round++;
            }
        }
        return written;
    }

    /** Writes the scanner's patterns as ERE; returns {total, exported}. */
    private static int[] exportEre(LogScanner scanner, Path file) throws IOException, InterruptedException {
        List<String> ere = new ArrayList<>();
        int total = 0;
        for (Indication indication : scanner.indications().indications()) {
            for (String pattern : indication.patterns()) {
                total++;
                String converted = toEre(pattern);
                if (converted != null && grepAccepts(converted)) {
                    ere.add(converted);
                }
            }
        }
        Files.write(file, ere, StandardCharsets.UTF_8);
        return new int[] {total, ere.size()};
    }

    /** RE2 syntax to GNU ERE, or null when a construct has no ERE form. */
    static String toEre(String re2) {
        boolean ignoreCase = false;
        String p = re2;
        if (p.startsWith("(?i)")) {
            ignoreCase = true;
            p = p.substring(4);
        }
        if (p.contains("(?")) {
            p = p.replace("(?:", "(");
            if (p.contains("(?")) {
                return null;
            }
        }
        return translateToEre(p, ignoreCase);
    }

    /** {@link #toEre} of a pattern without flags or non-capturing groups; null when a construct has no ERE form. */
    private static String translateToEre(String p, boolean ignoreCase) {
        StringBuilder b = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char n = p.charAt(++i);
                if (!(inClass ? appendClassEscape(b, n) : appendEscape(b, n))) {
                    return null;
                }
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                b.append(c);
            } else if (c == '[') {
                inClass = true;
                i = appendClassOpening(p, i, b);
            } else if ((c == '?' || c == '+') && followsQuantifier(p, i)) {
                if (c == '+') {
                    return null;
                }
                // lazy quantifier: the same lines match with the greedy one
            } else if (ignoreCase && Character.isLetter(c) && c < 128) {
                b.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends the ERE form of a backslash and {@code n} inside a bracket expression; false when it has none. */
    private static boolean appendClassEscape(StringBuilder b, char n) {
        switch (n) {
            case 'd' -> b.append("0-9");
            case 's' -> b.append("[:space:]");
            case 'w' -> b.append("[:alnum:]_");
            case ']' -> {
                return false;
            }
            default -> b.append(n);
        }
        return true;
    }

    /** Appends the ERE form of a backslash and {@code n} outside a bracket expression; false when it has none. */
    private static boolean appendEscape(StringBuilder b, char n) {
        switch (n) {
            case 'd' -> b.append("[0-9]");
            case 'D' -> b.append("[^0-9]");
            case 's' -> b.append("[[:space:]]");
            case 'S' -> b.append("[^[:space:]]");
            case 'w' -> b.append("[[:alnum:]_]");
            case 'W' -> b.append("[^[:alnum:]_]");
            case 'b' -> b.append("\\b");
            case '-', '\'', '"', '/', ',', ':', '=', '<', '>', '`', '#', '!', '@', '%', '&', '~' -> b.append(n);
            default -> {
                if (Character.isLetterOrDigit(n)) {
                    return false;
                }
                b.append('\\').append(n);
            }
        }
        return true;
    }

    /**
     * Appends the {@code [} at {@code i} with the {@code ^} and the leading {@code ]} that may follow it (both
     * literal parts of the opening); returns the index of the last character appended.
     */
    private static int appendClassOpening(String p, int i, StringBuilder b) {
        b.append('[');
        if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
            b.append('^');
            i++;
        }
        if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
            b.append(']');
            i++;
        }
        return i;
    }

    /** True when the character at {@code i} follows an unescaped quantifier (it makes it lazy or possessive). */
    private static boolean followsQuantifier(String p, int i) {
        return i > 0 && "*+?}".indexOf(p.charAt(i - 1)) >= 0 && (i < 2 || p.charAt(i - 2) != '\\');
    }

    private static boolean grepAccepts(String ere) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("grep", "-E", "-q", "-e", ere, "/dev/null").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 2;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The first {@code max} bytes of a stream. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private static String cut(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
