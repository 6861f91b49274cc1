package io.sophia.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, validated list of {@link Indication}s, loaded from YAML or JSON:
 *
 * <pre>
 * indications:
 *   - id: buildkit.failed-to-solve
 *     cause: build.dockerfile
 *     literals: ["failed to solve"]
 *     pattern: 'failed to solve: .*'
 *     weight: 0.9
 *     description: BuildKit could not build the image
 * </pre>
 *
 * {@code pattern} may be {@code patterns} (a list), {@code literal} may be {@code literals};
 * {@code followedBy} with {@code window} makes a multi-line indication. Every pattern is compiled with
 * RE2/J at load time; an invalid one is rejected with an {@link IndicationException} naming its id.
 */
public final class IndicationSet {

    private static final String BUILT_IN_RESOURCE = "indications.yaml";
    private static final Set<String> KEYS = Set.of("id", "cause", "causeId", "literal", "literals", "pattern",
            "patterns", "weight", "followedBy", "window", "description");
    private static volatile IndicationSet builtIn;

    private final List<Indication> indications;

    private IndicationSet(List<Indication> indications) {
        this.indications = List.copyOf(indications);
    }

    /** {@return the indications shipped with Sophia ({@code io/sophia/diagnosis/indications.yaml})} */
    public static IndicationSet builtIn() {
        IndicationSet set = builtIn;
        if (set == null) {
            try (InputStream in = IndicationSet.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + BUILT_IN_RESOURCE + " is missing");
                }
                set = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = set;
        }
        return set;
    }

    /**
     * Validates {@code indications} (patterns compile, ids unique).
     *
     * @param indications the indications
     * @return the validated set
     */
    public static IndicationSet of(List<Indication> indications) {
        Map<String, Indication> byId = new LinkedHashMap<>();
        for (Indication indication : indications) {
            validate(indication, "indications");
            if (byId.put(indication.id(), indication) != null) {
                throw new IndicationException("indications", indication.id(), "duplicate id", null);
            }
        }
        return new IndicationSet(new ArrayList<>(byId.values()));
    }

    /**
     * Reads a YAML or JSON file of indications.
     *
     * @param file a YAML or JSON file
     * @return the validated set
     * @throws IOException when a file cannot be read or written
     */
    public static IndicationSet load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses YAML (or JSON) text of indications.
     *
     *
     * @param source a name for messages, such as the file name
     * @param text the YAML or JSON document
     * @return the validated set
     */
    public static IndicationSet parse(String text, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IndicationException(source, null, "not valid YAML or JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("indications");
        if (list == null || !list.isArray()) {
            throw new IndicationException(source, null, "key 'indications' (a list) is missing", null);
        }
        List<Indication> result = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode node : list) {
            String id = node.path("id").asText(null);
            String where = id == null ? "#" + index : id;
            index++;
            if (id == null || id.isBlank()) {
                throw new IndicationException(source, where, "key 'id' is missing", null);
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw new IndicationException(source, id, "unknown key '" + key + "'", null);
                }
            }
            String cause = node.has("cause") ? node.get("cause").asText() : node.path("causeId").asText(null);
            if (cause == null) {
                throw new IndicationException(source, id, "key 'cause' is missing", null);
            }
            Indication indication;
            try {
                indication = new Indication(id, cause, strings(node, "literal", "literals"),
                        strings(node, "pattern", "patterns"),
                        node.has("weight") ? node.get("weight").asDouble(Double.NaN) : 0.5,
                        node.hasNonNull("followedBy") ? node.get("followedBy").asText() : null,
                        node.path("window").asInt(node.hasNonNull("followedBy") ? 3 : 0),
                        node.path("description").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IndicationException(source, id, e.getMessage(), e);
            }
            validate(indication, source);
            if (seen.put(id, Boolean.TRUE) != null) {
                throw new IndicationException(source, id, "duplicate id", null);
            }
            result.add(indication);
        }
        return new IndicationSet(result);
    }

    private static List<String> strings(JsonNode node, String one, String many) {
        List<String> values = new ArrayList<>();
        if (node.hasNonNull(one)) {
            values.add(node.get(one).asText());
        }
        if (node.hasNonNull(many)) {
            JsonNode list = node.get(many);
            if (list.isArray()) {
                list.forEach(v -> values.add(v.asText()));
            } else {
                values.add(list.asText());
            }
        }
        return values;
    }

    private static void validate(Indication indication, String source) {
        List<String> expressions = new ArrayList<>(indication.patterns());
        if (indication.followedBy() != null) {
            expressions.add(indication.followedBy());
        }
        for (String expression : expressions) {
            try {
                Pattern.compile(expression);
            } catch (PatternSyntaxException e) {
                throw new IndicationException(source, indication.id(),
                        "invalid pattern '" + expression + "': " + e.getMessage(), e);
            }
        }
    }

    /** {@return the indications, in file order} */
    public List<Indication> indications() {
        return indications;
    }

    /**
     * {@return this set followed by {@code more}; an indication of {@code more} with an existing id replaces it}
     *
     * @param more indications added after these
     */
    public IndicationSet with(IndicationSet more) {
        Map<String, Indication> byId = new LinkedHashMap<>();
        indications.forEach(i -> byId.put(i.id(), i));
        more.indications.forEach(i -> byId.put(i.id(), i));
        return new IndicationSet(new ArrayList<>(byId.values()));
    }

    /** {@return how many indications there are} */
    public int size() {
        return indications.size();
    }
}
