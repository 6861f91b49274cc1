package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation.LogFinding;
import io.sophia.diagnosis.internal.logs.LineReader;
import io.sophia.diagnosis.internal.logs.LogScan;
import io.sophia.diagnosis.internal.logs.ScanEngine;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a CI or application log as a stream and returns the lines that explain a failure, best first.
 *
 * <p>The log is read line by line (a line longer than {@link #maxLineChars()} is cut, so a log without
 * newlines needs no more memory than a short one); ANSI colour codes, carriage-return overwrites and
 * the GitHub Actions timestamp prefix are removed. GitHub's {@code ##[group]Run …} headers start a step
 * (mapped onto the {@link LogOrigin#steps()} by name, else by order, skipping "Set up job", "Post …",
 * "Complete job" and skipped steps); the lines of that header group are the step's script and env, so they
 * are context but never findings. In logs without groups a {@code $ command} line (Travis) starts a step.
 * A step whose conclusion is failure, cancelled or timed_out counts as failed; a composite action's nested
 * {@code Run} groups are taken for steps of their own (a known limit of the mapping by order).
 * {@code Process completed with exit code N} and {@code The command "…" exited with N} mark the step as
 * failed at that line.
 *
 * <p>Each line goes through one literal prefilter (Aho–Corasick over every indication's literals); only
 * the indications whose literals occur are tried, with RE2/J, whose matching time is linear in the line
 * length — no pattern can hang a scan. Identical findings (digits aside) collapse into the latest one.
 *
 * <p>Ranking: {@code score = weight × step × proximity × marker}, in [0,1]. {@code step} is 1 in a failed
 * step, 0.5 in another step when some step failed, 0.85 when no step is known to have failed;
 * {@code proximity} is {@code 0.7 + 0.3·exp(-d/150)} for a line {@code d} lines before the point where its
 * step failed (the last error before the failure beats an earlier, retried one) and 0.5 after it; {@code marker} is
 * 1.25 for {@code ##[error]} lines and 0.8 for {@code ##[warning]} lines. Findings within a few lines of a
 * better one are listed after the best finding of every other chunk.
 *
 * <p>Instances are immutable and thread-safe. Defaults: 3 lines of context before and after, 20
 * findings, lines cut at 64 KiB.
 */
public final class LogScanner implements LogAnalyzer {

    private static volatile LogScanner builtIn;

    private final IndicationSet indications;
    private final ScanEngine engine;
    private final LogScan.Options options;

    private LogScanner(IndicationSet indications, ScanEngine engine, LogScan.Options options) {
        this.indications = indications;
        this.engine = engine;
        this.options = options;
    }

    /** {@return a scanner with the built-in indications ({@link IndicationSet#builtIn()})} */
    public static LogScanner builtIn() {
        LogScanner scanner = builtIn;
        if (scanner == null) {
            scanner = of(IndicationSet.builtIn());
            builtIn = scanner;
        }
        return scanner;
    }

    /**
     * A scanner with exactly these indications.
     *
     *
     * @param indications the indications
     * @return the scanner
     * @throws InputException when a pattern is invalid or an id repeats
     */
    public static LogScanner of(List<Indication> indications) {
        return of(IndicationSet.of(indications));
    }

    /**
     * A scanner with these indications.
     *
     * @param indications the indications
     * @return the scanner
     */
    public static LogScanner of(IndicationSet indications) {
        return new LogScanner(indications, new ScanEngine(indications.indications().stream()
                .map(i -> new ScanEngine.Sign(i.id(), i.causeId(), i.literals(), i.patterns(), i.weight(), i.followedBy(),
                        i.window(), i.requires())).toList()), LogScan.Options.DEFAULTS);
    }

    /**
     * {@return the same scanner with {@code before} and {@code after} lines of context (each 0 to 20)}
     *
     * @param before lines kept before a match
     * @param after lines kept after a match
     */
    public LogScanner withContextLines(int before, int after) {
        if (before < 0 || before > 20 || after < 0 || after > 20) {
            throw new IllegalArgumentException("context lines must be in [0,20]");
        }
        return new LogScanner(indications, engine, new LogScan.Options(options.maxLineChars(), before, after,
                options.maxFindings(), options.maxKept()));
    }

    /**
     * {@return the same scanner returning at most {@code max} findings (at least 1)}
     *
     * @param max findings returned at most
     */
    public LogScanner withMaxFindings(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max findings must be at least 1");
        }
        return new LogScanner(indications, engine, new LogScan.Options(options.maxLineChars(),
                options.contextBefore(), options.contextAfter(), max, Math.max(options.maxKept(), 2 * max)));
    }

    /**
     * {@return the same scanner cutting lines at {@code chars} characters (at least 80)}
     *
     * @param chars characters kept per line
     */
    public LogScanner withMaxLineChars(int chars) {
        if (chars < 80) {
            throw new IllegalArgumentException("max line length must be at least 80");
        }
        return new LogScanner(indications, engine, new LogScan.Options(chars, options.contextBefore(),
                options.contextAfter(), options.maxFindings(), options.maxKept()));
    }

    /** {@return the indications this scanner uses} */
    public IndicationSet indications() {
        return indications;
    }

    /**
     * Lines are cut at this many characters.
     *
     * @return characters kept per line
     */
    public int maxLineChars() {
        return options.maxLineChars();
    }

    /**
     * Hands {@code sink} the lines of {@code log} as this scanner sees them, one at a time: ANSI escape
     * sequences and control characters dropped, carriage-return overwrites applied, GitHub Actions
     * timestamps removed, trailing blanks trimmed, lines cut at {@link #maxLineChars()}. A finding's line
     * number counts these lines (1-based), so a tool can tell which line a finding points at.
     *
     * @param log the log
     * @param sink the sink
     * @throws IOException when a file cannot be read or written
     */
    public void lines(Reader log, Consumer<String> sink) throws IOException {
        LineReader reader = new LineReader(log, options.maxLineChars());
        while (reader.next()) {
            sink.accept(reader.text());
        }
    }

    /**
     * Scans {@code log} to its end and returns at most the configured number of findings, best first.
     * Each finding's {@code context} holds the lines before it, the matched line and the lines after it.
     *
     * @param origin where the log comes from (null for an anonymous log)
     */
    @Override
    public List<LogFinding> analyze(LogOrigin origin, Reader log) throws IOException {
        return new LogScan(engine, options, origin != null ? origin : ANONYMOUS).run(log);
    }

    /**
     * What {@code text} (one line carried outside a log: a machine's exit detail, a service's error answer) reads as,
     * best first, as {@link #analyze} ranks its findings but without their lines: nothing of the text is kept, so none
     * of it is masked, which is most of the cost of reading a long answer.
     */
    List<io.sophia.diagnosis.internal.logs.LogScan.Reading> readings(String text) throws IOException {
        return new LogScan(engine, options, ANONYMOUS).readings(new java.io.StringReader(text));
    }

    /** The origin of a log nobody named. */
    private static final LogOrigin ANONYMOUS = new LogOrigin(Source.LOG, null, 0, null, List.of());
}
