package io.sophia.examples.eval;

import io.sophia.core.Source;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.LogAnalyzer.LogOrigin;
import io.sophia.core.Observation.LogFinding;
import io.sophia.diagnosis.LogScanner;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures how well a log analyzer finds the failure chunk on the LogChunks data set (Brandt, Panichella,
 * Beller, MSR 2020; ../shared/corpus/build-logs/LogChunks-subset).
 *
 * <p>Definitions. The label XML files are parsed leniently (regular expressions; 42 of them hold raw ESC
 * characters). A chunk and a log are both normalised line by line as the scanner reads them ({@link LogScanner#lines}) (ANSI codes and
 * carriage-return overwrites removed, trimmed); blank lines are ignored. A chunk is <em>located</em> in its
 * log where its first non-blank line is contained in a log line and each following non-blank chunk line is
 * contained in the following non-blank log lines (containment, not equality, because labellers sometimes
 * selected part of a line); every such occurrence counts. A finding <em>hits</em> when its window — the
 * matched line plus the context lines the analyzer returned with it — intersects an occurrence's line range;
 * it hits <em>strictly</em> when the matched line itself lies inside the range. Top-k recall is the share of
 * located examples with a hit among the first k findings. Examples whose log is not in the subset are
 * skipped; examples whose chunk cannot be located are counted and reported, not scored.
 *
 * <p>Split: an example is held out when {@code floorMod(repo.hashCode(), 4) == 0}, {@code repo} being the
 * {@code owner@name} directory of its log; the indications were tuned on the other part only.
 */
public final class ChunkEvaluation {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<ExampleDataOfString>.*?<InputPath>(.*?)</InputPath>.*?<Output>(.*?)</Output>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos|#\\d+|#x[0-9a-fA-F]+);");

    /** One labelled example. */
    public record Example(String logPath, String repo, boolean heldOut, List<String> chunk) {
    }

    /** The outcome of one example. */
    public record ChunkOutcome(Example example, boolean located, int hitRank, int strictHitRank, List<LogFinding> top) {
    }

    /** Recall figures of one part of the data set. */
    public record Figures(String part, int examples, int located, int top1, int top3, int strictTop1, int strictTop3) {
        /** {@return the share of chunks the top finding or its context overlaps} */
        public double recall1() {
            return located == 0 ? 0 : (double) top1 / located;
        }

        /** {@return the share of chunks a top-3 finding or its context overlaps} */

        public double recall3() {
            return located == 0 ? 0 : (double) top3 / located;
        }

        /** {@return the share of chunks whose matched line is inside the chunk, top finding only} */

        public double strictRecall1() {
            return located == 0 ? 0 : (double) strictTop1 / located;
        }

        /** {@return the share of chunks whose matched line is inside the chunk, in the top 3} */

        public double strictRecall3() {
            return located == 0 ? 0 : (double) strictTop3 / located;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%-9s examples=%d located=%d top1=%.3f top3=%.3f (strict: top1=%.3f top3=%.3f)",
                    part, examples, located, recall1(), recall3(), strictRecall1(), strictRecall3());
        }
    }

    /** Figures for the tuning part, the held-out part and all. */
    public record Evaluation(Figures tuning, Figures heldOut, Figures all, List<ChunkOutcome> outcomes) {
    }

    private ChunkEvaluation() {
    }

    /**
     * Reads the labelled examples whose log is present under {@code dataSet/tool/samples}.
     *
     *
     * @param dataSet the data set
     * @return the examples, in file order
     * @throws IOException when a file cannot be read or written
     */
    public static List<Example> examples(Path dataSet) throws IOException {
        Path labels = dataSet.resolve("tool/example-sets/BuildFailureReason");
        Path samples = dataSet.resolve("tool/samples");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(labels)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            String xml = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Matcher m = EXAMPLE.matcher(xml);
            while (m.find()) {
                String logPath = unescape(m.group(1)).trim();
                if (!Files.isRegularFile(samples.resolve(logPath))) {
                    continue;
                }
                String[] parts = logPath.split("/");
                String repo = parts.length > 1 ? parts[1] : logPath;
                examples.add(new Example(logPath, repo, Math.floorMod(repo.hashCode(), 4) == 0,
                        normalisedLines(new StringReader(unescape(m.group(2))), false)));
            }
        }
        return examples;
    }

    /**
     * {@return scores {@code analyzer} on every example; {@code progress} sees each outcome (may be null)}
     *
     * @param dataSet the data set
     * @param analyzer the analyzer
     * @param contextBefore the context before
     * @param progress the progress
     * @throws IOException when a file cannot be read or written
     */
    public static Evaluation evaluate(Path dataSet, LogAnalyzer analyzer, int contextBefore, Consumer<ChunkOutcome> progress)
            throws IOException {
        Path samples = dataSet.resolve("tool/samples");
        List<ChunkOutcome> outcomes = new ArrayList<>();
        for (Example ex : examples(dataSet)) {
            Path log = samples.resolve(ex.logPath());
            List<String> lines;
            try (Reader r = reader(log)) {
                lines = normalisedLines(r, true);
            }
            List<long[]> ranges = locate(lines, ex.chunk());
            List<LogFinding> findings;
            try (Reader r = reader(log)) {
                findings = analyzer.analyze(new LogOrigin(Source.LOG, null, 0, ex.logPath(), List.of()), r);
            }
            int hit = -1;
            int strict = -1;
            for (int i = 0; i < findings.size(); i++) {
                LogFinding f = findings.get(i);
                long before = Math.min(contextBefore, f.lineNumber() - 1);
                long from = f.lineNumber() - before;
                long to = from + Math.max(0, f.context().size() - 1);
                for (long[] range : ranges) {
                    if (hit < 0 && from <= range[1] && to >= range[0]) {
                        hit = i;
                    }
                    if (strict < 0 && f.lineNumber() >= range[0] && f.lineNumber() <= range[1]) {
                        strict = i;
                    }
                }
            }
            ChunkOutcome outcome = new ChunkOutcome(ex, !ranges.isEmpty(), hit, strict,
                    findings.subList(0, Math.min(3, findings.size())));
            outcomes.add(outcome);
            if (progress != null) {
                progress.accept(outcome);
            }
        }
        return new Evaluation(figures("tuning", outcomes.stream().filter(o -> !o.example().heldOut()).toList()),
                figures("held-out", outcomes.stream().filter(o -> o.example().heldOut()).toList()),
                figures("all", outcomes), outcomes);
    }

    private static Figures figures(String part, List<ChunkOutcome> outcomes) {
        int located = 0;
        int t1 = 0;
        int t3 = 0;
        int s1 = 0;
        int s3 = 0;
        for (ChunkOutcome o : outcomes) {
            if (!o.located()) {
                continue;
            }
            located++;
            t1 += o.hitRank() == 0 ? 1 : 0;
            t3 += o.hitRank() >= 0 && o.hitRank() < 3 ? 1 : 0;
            s1 += o.strictHitRank() == 0 ? 1 : 0;
            s3 += o.strictHitRank() >= 0 && o.strictHitRank() < 3 ? 1 : 0;
        }
        return new Figures(part, outcomes.size(), located, t1, t3, s1, s3);
    }

    private static Reader reader(Path log) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(Files.newInputStream(log), decoder);
    }

    /** Lines as the built-in scanner sees them ({@link LogScanner#lines}), trimmed; blank lines dropped unless {@code keepBlank}. */
    static List<String> normalisedLines(Reader in, boolean keepBlank) throws IOException {
        List<String> lines = new ArrayList<>();
        LogScanner.builtIn().lines(in, text -> {
            String line = text.trim();
            if (keepBlank || !line.isEmpty()) {
                lines.add(line);
            }
        });
        return lines;
    }

    /** Every occurrence of {@code chunk} in {@code lines}, as 1-based [first, last] line ranges. */
    static List<long[]> locate(List<String> lines, List<String> chunk) {
        List<long[]> ranges = new ArrayList<>();
        if (chunk.isEmpty()) {
            return ranges;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains(chunk.get(0)) || lines.get(i).isEmpty()) {
                continue;
            }
            int j = i;
            int k = 1;
            while (k < chunk.size()) {
                int next = j + 1;
                while (next < lines.size() && lines.get(next).isEmpty()) {
                    next++;
                }
                if (next >= lines.size() || !lines.get(next).contains(chunk.get(k))) {
                    break;
                }
                j = next;
                k++;
            }
            if (k == chunk.size()) {
                ranges.add(new long[] {i + 1, j + 1});
            }
        }
        return ranges;
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> e.startsWith("#x") ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                        : new String(Character.toChars(Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(b, Matcher.quoteReplacement(r));
        }
        m.appendTail(b);
        return b.toString();
    }
}
