package io.sophia.probes.internal;

import io.sophia.core.Source;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.sophia.core.Expectations;
import io.sophia.core.Observation.ConditionCheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Evaluates a service's {@link Expectations} against one HTTP answer, writing each condition the
 * way Gatus users read them: {@code [STATUS] == 200}, {@code [RESPONSE_TIME] < 300ms},
 * {@code [BODY]/status == ok}.
 */
public final class Conditions {

    private Conditions() {
    }

    /**
     * @param body the parsed body, or null when it is not JSON (or was not complete)
     */
    public static List<ConditionCheck> evaluate(String serviceId, Source source, Expectations expect, int status,
                                                Duration latency, JsonNode body) {
        List<ConditionCheck> out = new ArrayList<>();
        out.add(new ConditionCheck(serviceId, source, statusCondition(expect), expect.accepts(status),
                Integer.toString(status)));
        if (expect.maxLatency() != null) {
            out.add(new ConditionCheck(serviceId, source, "[RESPONSE_TIME] < " + expect.maxLatency().toMillis() + "ms",
                    latency.compareTo(expect.maxLatency()) < 0, latency.toMillis() + "ms"));
        }
        if (expect.jsonField() != null) {
            String pointer = pointer(expect.jsonField());
            String expected = expect.jsonEquals() == null ? "" : expect.jsonEquals();
            String actual = body == null ? "<not JSON>" : text(body, pointer);
            out.add(new ConditionCheck(serviceId, source, "[BODY]" + pointer + " == " + expected,
                    actual != null && actual.equals(expected), actual == null ? "<missing>" : SafeText.text(actual)));
        }
        return out;
    }

    /** The condition text for the accepted status codes. */
    public static String statusCondition(Expectations expect) {
        List<Integer> codes = expect.statusCodes();
        if (codes.isEmpty()) {
            return "[STATUS] < 400";
        }
        if (codes.size() == 1) {
            return "[STATUS] == " + codes.get(0);
        }
        return "[STATUS] in (" + codes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * {@code field} as a JSON pointer: {@code /status} stays, Gatus' {@code .status} and a bare
     * {@code status.code} become {@code /status} and {@code /status/code}.
     */
    public static String pointer(String field) {
        String f = field.strip();
        if (f.startsWith("/")) {
            return f;
        }
        if (f.startsWith(".")) {
            f = f.substring(1);
        }
        return "/" + f.replace('.', '/');
    }

    /** The text at {@code pointer} (a string's value, a number's or boolean's spelling), or null when absent. */
    public static String text(JsonNode body, String pointer) {
        JsonNode node;
        try {
            node = body.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
