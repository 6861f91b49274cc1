package io.sophia.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A small checker for the subset of JSON Schema 2020-12 that report.schema.json uses: type
 * (with null unions), required, properties, additionalProperties false, items, enum, const,
 * minimum, maximum, pattern, local $ref, oneOf, allOf and if/then. Enough to prove that the
 * rendered report and the shipped schema agree, without a validator dependency.
 */
final class SchemaCheck {

    private static final ObjectMapper M = new ObjectMapper();

    private final JsonNode root;
    private final List<String> errors = new ArrayList<>();

    private SchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** The violations of {@code json} against {@code schema}; empty when it conforms. */
    static List<String> violations(String schema, String json) throws Exception {
        SchemaCheck c = new SchemaCheck(M.readTree(schema));
        c.check(c.root, M.readTree(json), "$");
        return c.errors;
    }

    private boolean valid(JsonNode schema, JsonNode value, String path) {
        int before = errors.size();
        check(schema, value, path);
        boolean ok = errors.size() == before;
        while (errors.size() > before) {
            errors.remove(errors.size() - 1);
        }
        return ok;
    }

    private void check(JsonNode s, JsonNode v, String path) {
        if (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                errors.add(path + ": unsupported $ref " + ref);
                return;
            }
            check(root.at(ref.substring(1)), v, path);
        }
        if (s.has("type") && !typeMatches(s.get("type"), v)) {
            errors.add(path + ": expected type " + s.get("type") + " but was " + v.getNodeType());
            return;
        }
        if (s.has("const") && !s.get("const").equals(v)) {
            errors.add(path + ": expected " + s.get("const") + " but was " + v);
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": " + v + " is not one of " + s.get("enum"));
            }
        }
        if (v.isNumber()) {
            if (s.has("minimum") && v.doubleValue() < s.get("minimum").doubleValue()) {
                errors.add(path + ": " + v + " < minimum " + s.get("minimum"));
            }
            if (s.has("maximum") && v.doubleValue() > s.get("maximum").doubleValue()) {
                errors.add(path + ": " + v + " > maximum " + s.get("maximum"));
            }
        }
        if (v.isTextual() && s.has("pattern") && !v.textValue().matches(s.get("pattern").asText())) {
            errors.add(path + ": '" + v.textValue() + "' does not match " + s.get("pattern"));
        }
        if (v.isObject()) {
            if (s.has("required")) {
                for (JsonNode r : s.get("required")) {
                    if (!v.has(r.asText())) {
                        errors.add(path + ": missing required '" + r.asText() + "'");
                    }
                }
            }
            JsonNode props = s.get("properties");
            if (props != null) {
                for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (props.has(f)) {
                        check(props.get(f), v.get(f), path + "." + f);
                    } else if (s.has("additionalProperties") && !s.get("additionalProperties").asBoolean(true)) {
                        errors.add(path + ": unexpected property '" + f + "'");
                    }
                }
            }
        }
        if (v.isArray() && s.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                check(s.get("items"), v.get(i), path + "[" + i + "]");
            }
        }
        if (s.has("oneOf")) {
            int matches = 0;
            for (JsonNode alt : s.get("oneOf")) {
                matches += valid(alt, v, path) ? 1 : 0;
            }
            if (matches != 1) {
                errors.add(path + ": matches " + matches + " alternatives of oneOf, expected exactly 1");
            }
        }
        if (s.has("allOf")) {
            for (JsonNode part : s.get("allOf")) {
                check(part, v, path);
            }
        }
        if (s.has("if") && valid(s.get("if"), v, path) && s.has("then")) {
            check(s.get("then"), v, path);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> v.isNull();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            default -> false;
        };
    }
}
