package io.sophia.examples.eval;

import io.sophia.core.Observation.LogFinding;
import io.sophia.diagnosis.LogScanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints how often the LogChunks data set's hand-labelled failure chunk overlaps the built-in
 * {@link LogScanner}'s top-1 and top-3 findings, for the tuning part and the held-out part (split by
 * repository). Definitions are in {@link ChunkEvaluation}.
 *
 * <pre>
 * java -cp examples/target/sophia.jar io.sophia.examples.eval.LogChunksEvaluation [DATASET_DIR] [--misses]
 * </pre>
 * DATASET_DIR defaults to {@code ../shared/corpus/build-logs/LogChunks-subset}; {@code --misses} also
 * prints every located example whose chunk is not in the top 3, with the chunk's first line and the
 * top findings.
 */
public final class LogChunksEvaluation {

    private LogChunksEvaluation() {
    }

    /**
     * Prints the evaluation table.
     *
     * @param args {@code --misses} also lists the chunks it missed
     * @throws IOException when the corpus cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path dataSet = Path.of(System.getProperty("sophia.corpus", "../shared/corpus"), "build-logs",
                "LogChunks-subset");
        boolean misses = false;
        for (String arg : args) {
            if (arg.equals("--misses")) {
                misses = true;
            } else {
                dataSet = Path.of(arg);
            }
        }
        if (!Files.isDirectory(dataSet)) {
            System.err.println("LogChunks data set not found: " + dataSet);
            System.exit(64);
        }
        LogScanner scanner = LogScanner.builtIn();
        long start = System.nanoTime();
        ChunkEvaluation.Evaluation result = ChunkEvaluation.evaluate(dataSet, scanner, 3, null);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (misses) {
            for (ChunkEvaluation.ChunkOutcome o : result.outcomes()) {
                if (!o.located()) {
                    System.out.println("NOT LOCATED " + o.example().logPath());
                } else if (o.hitRank() < 0 || o.hitRank() > 2) {
                    System.out.println("MISS " + (o.example().heldOut() ? "[held-out] " : "") + o.example().logPath());
                    System.out.println("  chunk: " + cut(o.example().chunk().get(0)));
                    List<LogFinding> top = o.top();
                    for (LogFinding f : top) {
                        System.out.printf("  #%d %.3f %s L%d: %s%n", top.indexOf(f) + 1, f.score(), f.indicationId(),
                                f.lineNumber(), cut(f.line()));
                    }
                }
            }
        }
        System.out.println("LogChunks evaluation of LogScanner.builtIn() (" + scanner.indications().size()
                + " indications) in " + ms + " ms");
        System.out.println(result.tuning());
        System.out.println(result.heldOut());
        System.out.println(result.all());
    }

    private static String cut(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
