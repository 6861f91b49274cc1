package io.sophia.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.RankedCause;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Past assessments as a JSON-lines file: each service's own latency baseline (what {@code sophia check --history}
 * compares a run with) and how often each cause was the top cause before (priors, in the spirit of Build Failure
 * Analyzer's statistics).
 *
 * <p>Each line is one JSON object: the ones {@link #append} writes start with {@code "sophiaHistory":1}; lines
 * of earlier versions (deployment, time, gate, services and causes, no marker) and report.json documents on one
 * line are read too. Any other line, JSON or not, is no recorded run: a JSON-lines file of another kind named by
 * mistake (a structured log) is not a history, and {@link #append(Path, Assessment, int)} never replaces it. The
 * top cause is read from {@code diagnosis.causes[0].id} (the report.json shape) or {@code causes[0].id}. Lines
 * without causes count as healthy assessments and change no prior; malformed lines (a line cut short by a crash,
 * garbage, a line longer than {@value #MAX_LINE} characters) are skipped and counted in {@link #skippedLines()},
 * never fatal, and a long line is skipped without being held in memory.
 *
 * <pre>{@code
 * Path file = Path.of(".sophia/history.jsonl");
 * History h = History.read(file);
 * KnowledgeBase kb = KnowledgeBase.builtIn().withLatencyBaselines(h);   // or withHistory(h): priors too
 * ...
 * History.append(file, assessment, History.DEFAULT_KEEP);               // the last 50 runs, replaced atomically
 * }</pre>
 *
 * <p>Immutable. Stability: experimental.
 */
public final class History {

    /** Why {@link #append(Path, Assessment, int)} refuses a file that holds text but no recorded run. */
    public static final String NOT_A_HISTORY = "it holds no recorded run: not replaced, it may be another file";

    /** Lines larger than this (in characters) are skipped rather than parsed. */
    public static final int MAX_LINE = 1 << 20;

    /** Lines {@link #append(Path, Assessment, int)} keeps when a caller has no reason to choose: the last 50 runs. */
    public static final int DEFAULT_KEEP = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Samples of an UP service's latency needed before its median counts as its baseline. */
    public static final int MIN_BASELINE_SAMPLES = 3;

    private final Map<CauseId, Integer> topCauses;
    private final int assessments;
    private final int skippedLines;
    private final Map<String, Baseline> baselines;

    /**
     * A service's usual latency.
     *
     * @param medianMs the median of its latencies in the runs in which it was UP
     * @param samples  how many such runs the history holds (at least {@value History#MIN_BASELINE_SAMPLES})
     */
    public record Baseline(long medianMs, int samples) {
    }

    private History(Map<CauseId, Integer> topCauses, int assessments, int skippedLines, Map<String, Baseline> baselines) {
        this.topCauses = Collections.unmodifiableMap(new TreeMap<>(topCauses));
        this.assessments = assessments;
        this.skippedLines = skippedLines;
        this.baselines = Collections.unmodifiableMap(new TreeMap<>(baselines));
    }

    /** {@return no history} */
    public static History empty() {
        return new History(Map.of(), 0, 0, Map.of());
    }

    /**
     * {@return each service's usual latency: the median of the latencies it had when UP, for services with at least
     * {@value #MIN_BASELINE_SAMPLES} such samples (report.json lines and lines {@link #append} wrote carry them)} A
     * service answering far above its baseline is DEGRADED even without a latency expectation.
     */
    public Map<String, Long> latencyBaselines() {
        Map<String, Long> medians = new TreeMap<>();
        baselines.forEach((id, b) -> medians.put(id, b.medianMs()));
        return Collections.unmodifiableMap(medians);
    }

    /** {@return {@link #latencyBaselines()} with the number of runs behind each median, by service id} */
    public Map<String, Baseline> baselines() {
        return baselines;
    }

    /**
     * Reads a history file; a missing file is an empty history.
     *
     * @param file a history file (JSON lines)
     * @return the history; empty when the file does not exist
     * @throws InputException when the file exists but cannot be read (a directory, no permission)
     */
    public static History read(Path file) {
        Map<CauseId, Integer> counts = new TreeMap<>();
        Map<String, List<Long>> latencies = new TreeMap<>();
        int assessments = 0;
        int skipped = 0;
        try (Lines lines = Lines.of(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line == Lines.TOO_LONG) {
                    skipped++;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = assessment(line);
                if (node == null) {
                    skipped++;
                    continue;
                }
                assessments++;
                if (!count(node, counts, latencies)) {
                    skipped++;
                }
            }
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw InputException.of(file.toString(), 0, "", "cannot read the history file: "
                    + e.getClass().getSimpleName(), e);
        }
        return new History(counts, assessments, skipped, medians(latencies));
    }

    /** {@return one line as an assessment's JSON object, or null when it is not one} */
    private static JsonNode assessment(String line) {
        if (line.length() > MAX_LINE) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() && isRecord(node) ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The field every line {@link #append} writes starts with, and its value: what makes a line a recorded run. */
    static final String MARKER = "sophiaHistory";
    private static final int MARKER_VERSION = 1;
    private static final java.util.Set<String> GATES = java.util.Set.of("OPEN", "WARN", "BLOCKED");
    /** The fields of a line written before the marker: exactly these (services and causes optional). */
    private static final java.util.Set<String> UNMARKED_FIELDS = java.util.Set.of("deployment", "generatedAt", "gate",
            "services", "causes");

    /**
     * Whether an object is a recorded run, not a line of some other JSON-lines file (a structured log, an export)
     * that happens to be named as the history: a line {@link #append} writes ({@value #MARKER} first), a line an
     * earlier version wrote (deployment, time, gate as a word, nothing else), or a report.json on one line
     * ({@code schemaVersion}, a gate object with its status).
     */
    private static boolean isRecord(JsonNode node) {
        if (node.has(MARKER)) {
            return node.get(MARKER).asInt(0) == MARKER_VERSION;
        }
        if (node.path("schemaVersion").isTextual() && node.path("gate").isObject()) {
            return GATES.contains(node.path("gate").path("status").asText());
        }
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!UNMARKED_FIELDS.contains(names.next())) {
                return false;
            }
        }
        return node.path("deployment").isTextual() && node.path("generatedAt").isTextual()
                && GATES.contains(node.path("gate").asText());
    }

    /** Counts the top cause and the UP services' latencies of one assessment; false when its top cause is no id. */
    private static boolean count(JsonNode node, Map<CauseId, Integer> counts, Map<String, List<Long>> latencies) {
        JsonNode causes = node.path("diagnosis").path("causes");
        if (!causes.isArray()) {
            causes = node.path("causes");
        }
        for (JsonNode svc : node.path("services")) {
            JsonNode ms = svc.path("latencyMs");
            if ("UP".equals(svc.path("status").asText()) && ms.canConvertToLong() && ms.asLong() >= 0
                    && svc.path("id").isTextual()) {
                latencies.computeIfAbsent(svc.path("id").asText(), k -> new ArrayList<>()).add(ms.asLong());
            }
        }
        if (causes.isArray() && !causes.isEmpty()) {
            String id = causes.get(0).path("id").asText("");
            try {
                counts.merge(CauseId.of(id), 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    /** The median latency of each service with enough samples. */
    private static Map<String, Baseline> medians(Map<String, List<Long>> latencies) {
        Map<String, Baseline> baselines = new TreeMap<>();
        latencies.forEach((id, list) -> {
            if (list.size() >= MIN_BASELINE_SAMPLES) {
                List<Long> sorted = list.stream().sorted().toList();
                baselines.put(id, new Baseline(sorted.get(sorted.size() / 2), sorted.size()));
            }
        });
        return baselines;
    }

    /**
     * Appends one line for {@code assessment} (deployment, time, gate, the services' status and latency, causes with
     * probabilities). The file grows without bound: a host that records every run uses
     * {@link #append(Path, Assessment, int)}.
     *
     * @param file a history file (JSON lines)
     * @param assessment the assessment to record
     * @throws IOException when the file cannot be written
     */
    public static void append(Path file, Assessment assessment) throws IOException {
        createParent(file);
        Files.writeString(file, line(assessment) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Records {@code assessment} and keeps only the last {@code keep} lines, so the file never grows without limit.
     * The file is replaced, never edited in place: the new content is written to a temporary file beside it,
     * forced to disk and renamed over it, so a process killed meanwhile leaves the previous file whole (and at most
     * a temporary file named {@code .NAME.*.tmp}). Lines that are not assessments (garbage, a line cut short, a line
     * over {@value #MAX_LINE} characters) are dropped; {@link #read} counted them. A missing file and its directory
     * are created. Two processes recording into the same file at the same moment may lose one of the two lines,
     * never the file.
     *
     * @param file       a history file (JSON lines)
     * @param assessment the assessment to record
     * @param keep       lines to keep, this one included; at least 1
     * @throws IOException when the file exists but cannot be read, cannot be replaced, or holds text of which no
     *                     line is a recorded run (a {@link FileSystemException} whose reason is {@value #NOT_A_HISTORY}:
     *                     another file named by mistake is never overwritten); the file is then unchanged
     * @throws IllegalArgumentException when {@code keep} is below 1
     */
    public static void append(Path file, Assessment assessment, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, got " + keep);
        }
        Deque<String> kept = new ArrayDeque<>();
        boolean anyRecord = false;
        boolean anyOther = false;
        try (Lines lines = Lines.of(file)) {
            String line;
            while ((line = lines.next()) != null) {
                // the lines read() would skip (and whose count its warning says this write drops) are not kept
                JsonNode node = line == Lines.TOO_LONG || line.isBlank() ? null : assessment(line);
                if (node != null && count(node, new TreeMap<>(), new TreeMap<>())) {
                    anyRecord = true;
                    kept.addLast(line);
                    if (kept.size() >= keep) {
                        kept.removeFirst();
                    }
                } else if (line == Lines.TOO_LONG || !line.isBlank()) {
                    anyOther = true;
                }
            }
        } catch (NoSuchFileException e) {
            // a first run: the file is created below
        }
        if (anyOther && !anyRecord) {
            // not one line of it is a run: another file named by mistake (credentials, a log), never replaced
            throw new FileSystemException(file.toString(), null, NOT_A_HISTORY);
        }
        kept.addLast(line(assessment));
        Path parent = createParent(file);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(String.join("\n", kept) + "\n");
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return parent;
    }

    /** The line {@link #append} writes for {@code assessment}. */
    private static String line(Assessment assessment) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put(MARKER, MARKER_VERSION);
        line.put("deployment", assessment.deployment());
        line.put("generatedAt", assessment.generatedAt().toString());
        line.put("gate", assessment.gate().status().name());
        ArrayNode services = line.putArray("services");
        for (io.sophia.core.ServiceHealth h : assessment.services()) {
            ObjectNode svc = services.addObject().put("id", h.id()).put("status", h.status().name());
            if (h.latencyMs() != null) {
                svc.put("latencyMs", h.latencyMs());
            }
        }
        ArrayNode causes = line.putArray("causes");
        for (RankedCause c : assessment.causes()) {
            causes.addObject().put("id", c.id().value()).put("probability", c.probability());
        }
        return JSON.writeValueAsString(line);
    }

    /** {@return how many times each cause was the top cause} */
    public Map<CauseId, Integer> topCauses() {
        return topCauses;
    }

    /** {@return assessments read (healthy ones included)} */
    public int assessments() {
        return assessments;
    }

    /** {@return failed assessments: those with at least one cause} */
    public int failures() {
        return topCauses.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Lines that could not be used.
     *
     * @return lines that could not be used
     */
    public int skippedLines() {
        return skippedLines;
    }

    @Override
    public String toString() {
        return "History[" + assessments + " assessments, top causes " + topCauses + "]";
    }

    /**
     * The lines of a reader, none held longer than {@link #MAX_LINE}: a longer line is read through and returned as
     * {@link #TOO_LONG}, so a file of one endless line costs no more memory than a line at the limit.
     */
    private static final class Lines implements AutoCloseable {
        /** Stands for a line over the limit (compared by identity). */
        static final String TOO_LONG = new String("<too long>");

        private final Reader in;
        private final char[] buf = new char[8192];
        private int pos;
        private int end;

        Lines(Reader in) {
            this.in = in;
        }

        /** Bytes that are not UTF-8 (binary garbage) become U+FFFD, so their line is skipped, not the whole file. */
        static Lines of(Path file) throws IOException {
            return new Lines(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
        }

        /** {@return the next line without its terminator, {@link #TOO_LONG}, or null at the end} */
        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return !any ? null : tooLong ? TOO_LONG : strip(line);
                    }
                }
                any = true;
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                if (!tooLong) {
                    line.append(buf, start, pos - start);
                    if (line.length() > MAX_LINE + 1) {
                        tooLong = true;
                        line.setLength(0);
                    }
                }
                if (pos < end) {
                    pos++; // the newline
                    return tooLong ? TOO_LONG : strip(line);
                }
            }
        }

        private static String strip(StringBuilder line) {
            int n = line.length();
            return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
