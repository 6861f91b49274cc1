package io.sophia.diagnosis;

import io.sophia.core.Source;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A diagnosis from a build or deploy log alone, without a fleet: the log of any CI (GitHub,
 * GitLab, Jenkins, a local {@code flyctl deploy}) is streamed through a {@link LogScanner} and its
 * findings are weighed by a {@link Diagnosis}. This is what {@code sophia explain --log FILE} and
 * {@code sophia explain -} do.
 *
 * <pre>{@code
 * try (Reader log = Files.newBufferedReader(Path.of("build.log"))) {
 *     Assessment a = LogDiagnosis.builtIn().diagnose("build.log", log, Instant.now());
 * }
 * }</pre>
 *
 * <p>The gate of a log: there is no service to be UP and no run to have succeeded, so the log
 * itself decides. {@link #gatePolicy()} blocks when the log makes one cause more probable than
 * 50 % ({@code max-cause-probability}, a key criterion): with the built-in calibration that takes
 * at least one specific error line, not a wrapper such as "Process completed with exit code 1".
 * A log that shows a failure no known cause explains ({@code unknown} leads) warns: the release is
 * not blocked on a guess, nor waved through. A clean log has nothing to explain and opens the gate.
 *
 * <p>Thread-safe. Stability: stable API.
 */
public final class LogDiagnosis {

    /** The {@link Observation#source()} of the findings: {@code log}. */
    public static final Source SOURCE = Source.LOG;
    /** The probability above which a cause a log names blocks the gate. */
    public static final double BLOCKING_PROBABILITY = 0.5;

    private final LogAnalyzer scanner;
    private final Diagnosis diagnosis;

    private LogDiagnosis(LogAnalyzer scanner, Diagnosis diagnosis) {
        this.scanner = scanner;
        this.diagnosis = diagnosis;
    }

    /** {@return the built-in indications and knowledge base, with {@link #gatePolicy()}} */
    public static LogDiagnosis builtIn() {
        return new LogDiagnosis(LogScanner.builtIn(), Diagnosis.builder().gatePolicy(gatePolicy()).build());
    }

    /**
     * {@return a log diagnosis with {@code kb}: its scanner ({@link KnowledgeBase#logScanner()}: the built-in indications
     * with those of its rule files) and its causes and rules, with {@link #gatePolicy()}}
     *
     * <pre>{@code
     * KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(Path.of("team-rules.yaml"));
     * Assessment a = LogDiagnosis.of(kb).diagnose("build.log", log, Instant.now());
     * }</pre>
     *
     * @param kb the knowledge base
     */
    public static LogDiagnosis of(KnowledgeBase kb) {
        Objects.requireNonNull(kb, "kb");
        return new LogDiagnosis(kb.logScanner(), Diagnosis.builder().knowledgeBase(kb).gatePolicy(gatePolicy()).build());
    }

    /**
     * {@return a log diagnosis with the host's scanner and diagnosis (its gate policy included)}
     *
     * @param scanner the scanner
     * @param diagnosis the diagnosis
     */
    public static LogDiagnosis of(LogAnalyzer scanner, Diagnosis diagnosis) {
        return new LogDiagnosis(Objects.requireNonNull(scanner, "scanner"), Objects.requireNonNull(diagnosis, "diagnosis"));
    }

    /**
     * {@return the default gate with {@code max-cause-probability} at {@link #BLOCKING_PROBABILITY} as a key
     * criterion}
     */
    public static GatePolicy gatePolicy() {
        return GatePolicy.builder().requireNoCauseAbove(BLOCKING_PROBABILITY, true, 1).build();
    }

    /**
     * {@return the findings of {@code log}: streamed, never held in memory whole}
     *
     *
     * @param name what the log is (a file name, {@code stdin}); it becomes the findings' job name
     * @param log the log
     * @throws IOException when reading {@code log} fails
     */
    public List<Observation.LogFinding> scan(String name, Reader log) throws IOException {
        Objects.requireNonNull(log, "log");
        List<Observation.LogFinding> found = scanner.analyze(
                new LogAnalyzer.LogOrigin(SOURCE, null, 0, name == null ? "log" : name, List.of()), log);
        return found == null ? List.of() : found.stream().filter(Objects::nonNull).toList();
    }

    /**
     * Scans {@code log} and diagnoses its findings, together with {@code more} observations (a run
     * or machines read elsewhere), as the deployment named {@code name} without services.
     *
     *
     *
     * @param name the name
     * @param log the log
     * @param now the now
     * @param more more of the same, applied after these
     * @return the assessment
     * @throws IOException when reading {@code log} fails
     */
    public Assessment diagnose(String name, Reader log, Instant now, List<Observation> more) throws IOException {
        List<Observation> observations = new ArrayList<>(more == null ? List.of() : more);
        observations.addAll(scan(name, log));
        return diagnosis.diagnose(new Deployment(name == null ? "log" : name, List.of()), observations, now);
    }

    /**
     * Scans {@code log} and diagnoses it alone.
     *
     *
     *
     * @param name the name
     * @param log the log
     * @param now the now
     * @return the assessment
     * @throws IOException when reading {@code log} fails
     */
    public Assessment diagnose(String name, Reader log, Instant now) throws IOException {
        return diagnose(name, log, now, List.of());
    }
}
