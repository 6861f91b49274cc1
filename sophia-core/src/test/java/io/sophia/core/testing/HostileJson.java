package io.sophia.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed, truncated, deeply nested, type-confused and huge variants of a valid JSON document,
 * for property tests of parsers. Every variant is derived from jqwik's seeded randomness, so a
 * failure is reproducible and shrinks.
 */
public final class HostileJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HostileJson() {
    }

    /** Variants of {@code valid} (a JSON text), with huge strings of up to 3 MiB. */
    public static Arbitrary<String> variantsOf(String valid) {
        return variantsOf(valid, 3 << 20);
    }

    /** Variants of {@code valid} (a JSON text), with huge strings of up to {@code huge} characters. */
    public static Arbitrary<String> variantsOf(String valid, int huge) {
        return Arbitraries.oneOf(
                // truncated anywhere
                Arbitraries.integers().between(0, valid.length()).map(i -> valid.substring(0, i)),
                // a character replaced or inserted
                Arbitraries.randoms().map(r -> mutate(valid, r)),
                // one value anywhere replaced by a value of another type (or a huge one)
                Arbitraries.randoms().map(r -> confuse(valid, r, huge)),
                // deeply nested arrays and objects, closed or not
                Arbitraries.integers().between(1, 100_000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(1, 50_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.integers().between(1, 100_000).map(n -> "[".repeat(n)),
                // huge scalars
                Arbitraries.integers().between(1, huge).map(n -> "\"" + "n".repeat(n) + "\""),
                Arbitraries.integers().between(1, 5_000).map(n -> "9".repeat(n)),
                // noise
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(200),
                Arbitraries.of("", " ", "null", "[]", "{}", "\"\"", "0", "-1", "1e999", "NaN", "\uFEFF{}", "{\"a\":1}{}"));
    }

    private static String mutate(String valid, Random r) {
        if (valid.isEmpty()) {
            return "{";
        }
        StringBuilder b = new StringBuilder(valid);
        int n = 1 + r.nextInt(5);
        String specials = "{}[]\",:\\\u0000\n";
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(b.length());
            char c = r.nextBoolean() ? specials.charAt(r.nextInt(specials.length())) : (char) r.nextInt(0x3000);
            if (r.nextBoolean()) {
                b.setCharAt(at, c);
            } else {
                b.insert(at, c);
            }
        }
        return b.toString();
    }

    private static String confuse(String valid, Random r, int huge) {
        JsonNode root;
        try {
            root = JSON.readTree(valid);
        } catch (Exception e) {
            return valid;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        int changes = 1 + r.nextInt(3);
        for (int i = 0; i < changes && !containers.isEmpty(); i++) {
            JsonNode c = containers.get(r.nextInt(containers.size()));
            if (c instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.get(r.nextInt(names.size()));
                if (r.nextInt(5) == 0) {
                    o.remove(name);
                } else {
                    o.set(name, randomNode(r, huge));
                }
            } else if (c instanceof ArrayNode a && a.size() > 0) {
                a.set(r.nextInt(a.size()), randomNode(r, huge));
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                collect(it.next().getValue(), out);
            }
            if (n.isArray()) {
                for (JsonNode x : n) {
                    collect(x, out);
                }
            }
        }
    }

    private static JsonNode randomNode(Random r, int huge) {
        return switch (r.nextInt(11)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextLong());
            case 3 -> NODES.numberNode(r.nextDouble() * 1e300);
            case 4 -> NODES.textNode("");
            case 5 -> NODES.textNode("\u001b]0;title\u0007\u001b[2J" + "x".repeat(r.nextInt(100)));
            case 6 -> NODES.textNode("n".repeat(1 + r.nextInt(huge)));
            case 7 -> NODES.arrayNode().add(r.nextInt()).add("a");
            case 8 -> NODES.objectNode().put("x", 1);
            case 9 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + r.nextInt(400))));
            default -> NODES.textNode("2025-13-45T99:99:99Z");
        };
    }
}
