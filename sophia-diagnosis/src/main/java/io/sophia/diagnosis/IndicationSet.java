package io.sophia.diagnosis;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sophia.core.CauseId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * {@code followedBy} with {@code window} makes a multi-line indication; {@code requires} (a list) is a second
 * prefilter a line must also pass ({@link Indication#requires()}). Every pattern is compiled with
 * RE2/J at load time; an invalid one is rejected with an {@link InputException} naming its line and key.
 */
public final class IndicationSet {

    /**
     * The built-in indications are one resource per cause family of DESIGN.md's vocabulary
     * ({@code indications/<family>.yaml}, the family being the part of a cause id before its dot), read in this order:
     * a family's file holds only indications of its causes, so a change to one family's words stays in one file.
     */
    static final List<String> BUILT_IN_FAMILIES = List.of("build", "registry", "image", "platform", "config", "app",
            "auth", "unknown", "network", "tls", "ci", "dependency");
    private static final String BUILT_IN_DIRECTORY = "indications/";
    private static final Set<String> KEYS = Set.of("id", "cause", "causeId", "literal", "literals", "pattern",
            "patterns", "weight", "followedBy", "window", "description", "requires");
    private static volatile IndicationSet builtIn;

    private final List<Indication> indications;

    private IndicationSet(List<Indication> indications) {
        this.indications = List.copyOf(indications);
    }

    /**
     * {@return the indications shipped with Sophia: {@code io/sophia/diagnosis/indications/<family>.yaml} for each
     * family of {@link #BUILT_IN_FAMILIES}, in that order}
     */
    public static IndicationSet builtIn() {
        IndicationSet set = builtIn;
        if (set == null) {
            List<Indication> all = new ArrayList<>();
            Map<String, String> fileOf = new LinkedHashMap<>();
            for (String family : BUILT_IN_FAMILIES) {
                String resource = BUILT_IN_DIRECTORY + family + ".yaml";
                for (Indication indication : builtInFile(resource).indications) {
                    String first = fileOf.putIfAbsent(indication.id(), resource);
                    if (first != null) {
                        throw InputException.of(resource, 0, "indications[" + indication.id() + "].id",
                                "duplicate id '" + indication.id() + "' (also in " + first + ")");
                    }
                    if (!family.equals(familyOf(indication.causeId()))) {
                        throw InputException.of(resource, 0, "indications[" + indication.id() + "].cause",
                                "cause " + indication.causeId() + " belongs in " + familyOf(indication.causeId()) + ".yaml");
                    }
                    all.add(indication);
                }
            }
            set = new IndicationSet(all);
            builtIn = set;
        }
        return set;
    }

    /** {@return the family of a cause id: its part before the dot ({@code unknown} has none)} */
    static String familyOf(CauseId cause) {
        String value = cause.value();
        int dot = value.indexOf('.');
        return dot < 0 ? value : value.substring(0, dot);
    }

    private static IndicationSet builtInFile(String resource) {
        try (InputStream in = IndicationSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            return of(InputTree.parse(in.readAllBytes(), resource, InputTree.Format.YAML, MAX_BYTES).orElseThrow(),
                    resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indication files are small; a larger file is a mistake. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    /**
     * Validates {@code indications} (patterns compile, ids unique).
     *
     *
     * @param indications the indications
     * @return the validated set
     * @throws InputException naming the offending indication ({@code indications[id]}) of source {@code indications}
     */
    public static IndicationSet of(List<Indication> indications) {
        Map<String, Indication> byId = new LinkedHashMap<>();
        for (Indication indication : indications) {
            String at = "indications[" + indication.id() + "]";
            validate(indication, "indications", 0, at);
            if (byId.put(indication.id(), indication) != null) {
                throw InputException.of("indications", 0, at + ".id", "duplicate id '" + indication.id() + "'");
            }
        }
        return new IndicationSet(new ArrayList<>(byId.values()));
    }

    /**
     * Reads a YAML or JSON file of indications ({@code .json} is read as JSON).
     *
     *
     * @param file a YAML or JSON file
     * @return the validated set
     * @throws InputException naming the file, line and key of the first problem
     */
    public static IndicationSet load(Path file) {
        String name = file.toString();
        InputTree.Node root = InputTree.read(file, InputTree.Format.of(name), MAX_BYTES)
                .orElseThrow(() -> InputException.of(name, 0, "", "the file is empty"));
        return of(root, name);
    }

    /**
     * Parses YAML (or JSON, a subset) text of indications.
     *
     *
     * @param source a name for messages, such as the file name
     * @param text the YAML or JSON document
     * @return the validated set
     * @throws InputException naming the source, line and key of the first problem
     */
    public static IndicationSet parse(String text, String source) {
        InputTree.Node root = InputTree.parse(text, source, InputTree.Format.YAML)
                .orElseThrow(() -> InputException.of(source, 0, "", "the file is empty"));
        return of(root, source);
    }

    private static IndicationSet of(InputTree.Node root, String source) {
        InputTree.Node list = root instanceof InputTree.MapNode m ? m.node("indications") : null;
        if (!(list instanceof InputTree.ListNode items)) {
            throw InputException.of(source, root.line(), "indications", "missing; expected a list of indications");
        }
        List<Indication> result = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int index = 0; index < items.items().size(); index++) {
            InputTree.Node item = items.items().get(index);
            String at = "indications[" + index + "]";
            if (!(item instanceof InputTree.MapNode node)) {
                throw InputException.of(source, item.line(), at, "expected a mapping, got " + item.describe());
            }
            for (InputTree.Entry e : node.entries()) {
                if (!KEYS.contains(e.key())) {
                    throw InputException.of(source, e.line(), at + "." + e.key(), "unknown key; known keys: "
                            + new java.util.TreeSet<>(KEYS));
                }
            }
            String id = text(node, "id", source, at);
            if (id == null) {
                throw InputException.of(source, node.line(), at + ".id", "missing");
            }
            String cause = node.has("cause") ? text(node, "cause", source, at) : text(node, "causeId", source, at);
            if (cause == null) {
                throw InputException.of(source, node.line(), at + ".cause", "missing (indication " + id + ")");
            }
            String followedBy = text(node, "followedBy", source, at);
            Indication indication;
            try {
                indication = new Indication(id, causeId(cause, id), strings(node, "literal", "literals", source, at),
                        strings(node, "pattern", "patterns", source, at),
                        node.has("weight") ? number(node, "weight", source, at) : 0.5,
                        followedBy,
                        node.has("window") ? (int) number(node, "window", source, at) : followedBy != null ? 3 : 0,
                        Objects.requireNonNullElse(text(node, "description", source, at), ""),
                        strings(node, null, "requires", source, at));
            } catch (IllegalArgumentException e) {
                throw InputException.of(source, node.line(), at, e.getMessage(), e);
            }
            validate(indication, source, node.line(), at);
            Integer first = seen.putIfAbsent(id, node.keyLine("id"));
            if (first != null) {
                throw InputException.of(source, node.keyLine("id"), at + ".id",
                        "duplicate id '" + id + "' (first at line " + first + ")");
            }
            result.add(indication);
        }
        return new IndicationSet(result);
    }

    /** The cause id {@code cause}; throws {@link IllegalArgumentException} naming the indication unless it is one. */
    private static CauseId causeId(String cause, String id) {
        try {
            return CauseId.of(cause);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("indication " + id + ": cause '" + cause + "' is not a cause id", e);
        }
    }

    /** A scalar's text, null when absent or null. */
    private static String text(InputTree.MapNode node, String key, String source, String at) {
        InputTree.Node n = node.node(key);
        if (n == null || n instanceof InputTree.Scalar s && s.kind() == InputTree.ScalarKind.NULL) {
            return null;
        }
        if (n instanceof InputTree.Scalar s) {
            return s.text();
        }
        throw InputException.of(source, n.line(), at + "." + key, "expected a text, got " + n.describe());
    }

    private static double number(InputTree.MapNode node, String key, String source, String at) {
        InputTree.Node n = node.node(key);
        if (n instanceof InputTree.Scalar s && s.value() instanceof Number num) {
            return num.doubleValue();
        }
        throw InputException.of(source, n.line(), at + "." + key, "expected a number, got " + n.describe());
    }

    private static List<String> strings(InputTree.MapNode node, String one, String many, String source, String at) {
        List<String> values = new ArrayList<>();
        String single = one == null ? null : text(node, one, source, at);
        if (single != null) {
            values.add(single);
        }
        InputTree.Node list = node.node(many);
        if (list instanceof InputTree.ListNode l) {
            for (InputTree.Node v : l.items()) {
                if (!(v instanceof InputTree.Scalar s) || s.text() == null) {
                    throw InputException.of(source, v.line(), at + "." + many, "expected texts, got " + v.describe());
                }
                values.add(s.text());
            }
        } else if (list != null) {
            String t = text(node, many, source, at);
            if (t != null) {
                values.add(t);
            }
        }
        return values;
    }

    private static void validate(Indication indication, String source, int line, String at) {
        List<String> expressions = new ArrayList<>(indication.patterns());
        if (indication.followedBy() != null) {
            expressions.add(indication.followedBy());
        }
        for (String expression : expressions) {
            try {
                Pattern.compile(expression);
            } catch (PatternSyntaxException e) {
                throw InputException.of(source, line, at, "indication " + indication.id() + ": invalid pattern '"
                        + InputTree.abbreviate(expression) + "': " + e.getDescription(), e);
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
