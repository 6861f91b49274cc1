package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.diagnosis.History;
import io.sophia.diagnosis.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What a check remembers of its own runs, so that "far over its own baseline" can fire in a check that runs once
 * per deploy: a JSON-lines file ({@link History}) whose latency baselines each run is compared with, and into which
 * each run is recorded, keeping the last {@link #keep()} runs. {@code sophia check --history FILE} and
 * {@code Sophia.builder(config).history(CheckHistory.at(file))} do the same.
 *
 * <pre>{@code
 * Sophia sophia = Sophia.builder(DeploymentConfig.load(Path.of("deploy.yaml")))
 *         .history(CheckHistory.at(Path.of(".sophia/history.jsonl")))
 *         .build();
 * Assessment a = sophia.check();   // api answering in 2400 ms against its usual 125 ms is DEGRADED; the gate WARNs
 * }</pre>
 *
 * <p>Only the baselines are used, not the past top causes: the same observations rank the causes as without a
 * history (see {@code KnowledgeBase.withLatencyBaselines}). A baseline is the median latency of the runs in which
 * the service was UP, once there are {@value History#MIN_BASELINE_SAMPLES}; a run far above it (at least 3 times
 * and 500 ms more) is DEGRADED and does not move the baseline. To accept a new normal, delete the file.
 *
 * <p>A history never fails a check: a missing file is an empty history (created by the first record); a file that
 * cannot be read gives no baseline and is left untouched; unusable lines are skipped, counted in a warning and
 * dropped by the next record; a file that cannot be written is a warning (the check's result stands). The file is
 * replaced atomically ({@link History#append(Path, Assessment, int)}), so a killed process never loses it. Warnings
 * go to the sink given to {@link #warnings(Consumer)} (default: a {@link System.Logger} WARNING), redacted like the
 * reports: a token in the file's path never appears in them.
 *
 * <p>Immutable and thread-safe; one file per place that checks (each watcher region measures its own latencies).
 * Stability: experimental.
 */
public final class CheckHistory {

    private static final System.Logger LOG = System.getLogger(CheckHistory.class.getName());

    private final Path file;
    private final int keep;
    private final Consumer<String> warnings;
    private final UnaryOperator<String> redact;

    private CheckHistory(Path file, int keep, Consumer<String> warnings, UnaryOperator<String> redact) {
        this.file = Objects.requireNonNull(file, "file");
        if (keep < History.MIN_BASELINE_SAMPLES) {
            throw new IllegalArgumentException("keep must be at least " + History.MIN_BASELINE_SAMPLES
                    + " runs (a baseline needs as many), got " + keep);
        }
        this.keep = keep;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.redact = redact;
    }

    /**
     * {@return the history kept in {@code file}, the last {@value History#DEFAULT_KEEP} runs, warnings to the log}
     *
     * @param file a JSON-lines file; it and its directory are created by the first record
     */
    public static CheckHistory at(Path file) {
        return new CheckHistory(file, History.DEFAULT_KEEP, CheckHistory::log, Redaction.patterns()::apply);
    }

    /**
     * {@return this history keeping the last {@code runs} runs}
     *
     * @param runs runs to keep, at least {@value History#MIN_BASELINE_SAMPLES}
     * @throws IllegalArgumentException when {@code runs} is smaller
     */
    public CheckHistory keep(int runs) {
        return new CheckHistory(file, runs, warnings, redact);
    }

    /**
     * {@return this history with its warnings (a file it cannot read or write, unusable lines) sent to {@code sink},
     * one redacted line each}
     *
     * @param sink receives each warning
     */
    public CheckHistory warnings(Consumer<String> sink) {
        return new CheckHistory(file, keep, sink, redact);
    }

    /** {@return this history with warnings redacted by {@code redaction} too (the configured tokens' values)} */
    CheckHistory redactedBy(Redaction redaction) {
        UnaryOperator<String> before = redact;
        return new CheckHistory(file, keep, warnings, s -> redaction.apply(before.apply(s)));
    }

    /** {@return the file} */
    public Path file() {
        return file;
    }

    /** {@return how many runs the file keeps} */
    public int keep() {
        return keep;
    }

    /**
     * Reads the file. Never throws: a missing file is an empty history; a file that cannot be read is an empty
     * history and a warning; unusable lines are skipped with a warning.
     *
     * @return the past runs
     */
    public History read() {
        History h;
        try {
            h = History.read(file);
        } catch (InputException e) {
            warn("the history " + file + " cannot be read (" + cause(e)
                    + "): no latency baseline this run, and the file is left as it is");
            return History.empty();
        }
        if (h.skippedLines() > 0 && h.assessments() == 0) {
            warn("the history " + file + " holds no recorded run (" + h.skippedLines() + " unusable line"
                    + (h.skippedLines() == 1 ? "" : "s") + "): no latency baseline, and the file is left as it is"
                    + " (another file named by mistake? delete it or name another)");
        } else if (h.skippedLines() > 0) {
            warn("the history " + file + " has " + h.skippedLines() + " unusable line" + (h.skippedLines() == 1 ? "" : "s")
                    + " (garbage, cut short or over " + History.MAX_LINE / (1 << 20) + " MiB): skipped, and dropped"
                    + " when this run is recorded");
        }
        return h;
    }

    /**
     * Records {@code assessment} as the latest run, keeping the last {@link #keep()}. Never throws: a file that
     * cannot be read or written is a warning, and the file stays as it was.
     *
     * @param assessment the run's assessment
     * @return whether it was recorded
     */
    public boolean record(Assessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        try {
            History.append(file, assessment, keep);
            return true;
        } catch (IOException | RuntimeException e) {
            // the reason of a refusal is History's own sentence; other exceptions are named by class only
            boolean refused = e instanceof java.nio.file.FileSystemException f && History.NOT_A_HISTORY.equals(f.getReason());
            warn("the history " + file + " was not updated (" + (refused ? History.NOT_A_HISTORY : e.getClass().getSimpleName())
                    + "): this run will not count in the next baselines");
            return false;
        }
    }

    private static String cause(InputException e) {
        return e.getCause() == null ? "unreadable" : e.getCause().getClass().getSimpleName();
    }

    private void warn(String line) {
        warnings.accept(redact.apply(line));
    }

    private static void log(String line) {
        LOG.log(System.Logger.Level.WARNING, line);
    }

    @Override
    public String toString() {
        return "CheckHistory[" + redact.apply(file.toString()) + ", last " + keep + " runs]";
    }
}
