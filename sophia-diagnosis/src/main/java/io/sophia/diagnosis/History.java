package io.sophia.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.RankedCause;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Past assessments as a JSON-lines file, so that priors follow how often each cause was the top
 * cause before — in the spirit of Build Failure Analyzer's statistics.
 *
 * <p>Each line is one JSON object; the top cause is read from {@code diagnosis.causes[0].id} (the
 * report.json shape) or {@code causes[0].id} (the shape {@link #append} writes). Lines without
 * causes count as healthy assessments and change no prior; malformed lines (a line cut short by a
 * crash) are skipped and counted in {@link #skippedLines()}.
 *
 * <pre>{@code
 * History h = History.read(Path.of(".sophia/history.jsonl"));
 * KnowledgeBase kb = KnowledgeBase.builtIn().withHistory(h);
 * ...
 * History.append(Path.of(".sophia/history.jsonl"), assessment);
 * }</pre>
 *
 * <p>Immutable. Stability: experimental.
 */
public final class History {

    /** Lines larger than this are skipped rather than parsed. */
    public static final int MAX_LINE = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Samples of an UP service's latency needed before its median counts as its baseline. */
    public static final int MIN_BASELINE_SAMPLES = 3;

    private final Map<CauseId, Integer> topCauses;
    private final int assessments;
    private final int skippedLines;
    private final Map<String, Long> latencyBaselines;

    private History(Map<CauseId, Integer> topCauses, int assessments, int skippedLines,
                    Map<String, Long> latencyBaselines) {
        this.topCauses = Collections.unmodifiableMap(new TreeMap<>(topCauses));
        this.assessments = assessments;
        this.skippedLines = skippedLines;
        this.latencyBaselines = Collections.unmodifiableMap(new TreeMap<>(latencyBaselines));
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
        return latencyBaselines;
    }

    /**
     * Reads a history file; a missing file is an empty history.
     *
     *
     * @param file a history file (JSON lines)
     * @return the history; empty when the file does not exist
     * @throws InputException when the file exists but cannot be read
     */
    public static History read(Path file) {
        Map<CauseId, Integer> counts = new TreeMap<>();
        Map<String, java.util.List<Long>> latencies = new TreeMap<>();
        int assessments = 0;
        int skipped = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
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
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Counts the top cause and the UP services' latencies of one assessment; false when its top cause is no id. */
    private static boolean count(JsonNode node, Map<CauseId, Integer> counts, Map<String, java.util.List<Long>> latencies) {
        JsonNode causes = node.path("diagnosis").path("causes");
        if (!causes.isArray()) {
            causes = node.path("causes");
        }
        for (JsonNode svc : node.path("services")) {
            JsonNode ms = svc.path("latencyMs");
            if ("UP".equals(svc.path("status").asText()) && ms.canConvertToLong() && ms.asLong() >= 0
                    && svc.path("id").isTextual()) {
                latencies.computeIfAbsent(svc.path("id").asText(), k -> new java.util.ArrayList<>()).add(ms.asLong());
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
    private static Map<String, Long> medians(Map<String, java.util.List<Long>> latencies) {
        Map<String, Long> baselines = new TreeMap<>();
        latencies.forEach((id, list) -> {
            if (list.size() >= MIN_BASELINE_SAMPLES) {
                java.util.List<Long> sorted = list.stream().sorted().toList();
                baselines.put(id, sorted.get(sorted.size() / 2));
            }
        });
        return baselines;
    }

    /**
     * Appends one line for {@code assessment} (deployment, time, causes with probabilities).
     *
     *
     * @param file a history file (JSON lines)
     * @param assessment the assessment to record
     * @throws IOException when the file cannot be written
     */
    public static void append(Path file, Assessment assessment) throws IOException {
        ObjectNode line = JSON.createObjectNode();
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
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
}
