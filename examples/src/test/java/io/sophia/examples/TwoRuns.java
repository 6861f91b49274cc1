package io.sophia.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;
import java.util.Set;

/**
 * Compares the report.json of two runs of the same config on the same loopback fleet (the demo against
 * {@code check}, the CLI against a host on the library alone): what may differ between two runs is taken out,
 * so what is left must be equal. Shared with the sophia-host-test module through this module's test jar.
 */
public final class TwoRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwoRuns() {
    }

    /**
     * {@return {@code report} without what legitimately differs between two runs} Ports, timings and the timestamp
     * are taken out; the failures of the {@code hanging} services are made alike where only timing tells them apart:
     * a probe of a service that never answers ends by its own deadline (READ_TIMEOUT) or by the runner's, a moment
     * later (DEADLINE_EXCEEDED), whichever fires first; after a machine stalled across both, either may.
     *
     * @param report  a report.json
     * @param hanging ids of the services that accept a connection and never answer
     */
    public static JsonNode comparable(JsonNode report, Set<String> hanging) {
        JsonNode copy = report.deepCopy();
        for (JsonNode o : copy.path("observations")) {
            String kind = o.path("kind").asText();
            if (hanging.contains(o.path("serviceId").asText("")) && (kind.equals("READ_TIMEOUT") || kind.equals("DEADLINE_EXCEEDED"))) {
                ((ObjectNode) o).put("kind", "TIMEOUT").put("detail", "(the probe's own deadline or the runner's)");
            }
        }
        for (JsonNode s : copy.path("services")) {
            if (hanging.contains(s.path("id").asText()) && s.has("failure")) {
                ((ObjectNode) s).put("failure", "(the failures above, in the words of the deadline that fired first)");
            }
        }
        return normalised(copy);
    }

    /** report.json without what legitimately differs between two runs: ports, timings, the timestamp. */
    private static JsonNode normalised(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                String k = e.getKey();
                if (k.equals("generatedAt") || k.endsWith("Ms") || k.equals("latency")) {
                    continue;
                }
                copy.set(k, normalised(e.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = JSON.createArrayNode();
            a.forEach(n -> copy.add(normalised(n)));
            return copy;
        }
        if (node.isTextual()) {
            return new TextNode(node.asText()
                    .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
                    .replaceAll("\\b\\d+ ?ms\\b", "N ms"));
        }
        return node;
    }
}
