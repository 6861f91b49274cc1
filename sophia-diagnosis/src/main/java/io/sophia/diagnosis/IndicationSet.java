package io.sophia.diagnosis;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sophia.core.CauseId;
import io.sophia.core.Secrets;

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
import java.util.function.Function;

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
     * cause family, in the order build, registry, image, platform, config, app, auth, unknown, network, tls, ci,
     * dependency}
     *
     * @throws IllegalStateException when a family's file is missing from the class path (a repackaged jar that dropped
     *                               the {@code indications/} directory)
     */
    public static IndicationSet builtIn() {
        // racy single check: two first callers may both read the files; each gets an equal immutable set, and the
        // volatile write publishes it whole
        IndicationSet set = builtIn;
        if (set == null) {
            set = fromFamilies(BUILT_IN_FAMILIES, IndicationSet::builtInContent);
            builtIn = set;
        }
        return set;
    }

    /**
     * The indications of one file per family, {@code contentOf(family)} being the content of
     * {@code indications/<family>.yaml}
     * (null when there is none), in the order of {@code families}.
     *
     * @throws InputException naming the file, line and key of an id used in an earlier file or of a cause outside the
     *                        file's family
     * @throws IllegalStateException when a family's file is missing (a jar that dropped or moved the resources)
     */
    static IndicationSet fromFamilies(List<String> families, Function<String, byte[]> contentOf) {
        List<Indication> all = new ArrayList<>();
        Map<String, String> firstAt = new LinkedHashMap<>();
        for (String family : families) {
            String resource = BUILT_IN_DIRECTORY + family + ".yaml";
            byte[] content = contentOf.apply(family);
            if (content == null) {
                throw new IllegalStateException("resource " + IndicationSet.class.getPackageName().replace('.', '/')
                        + "/" + resource + " is missing: a jar that repackages sophia-diagnosis must keep every file of "
                        + BUILT_IN_DIRECTORY + " beside the class");
            }
            InputTree.Node root = InputTree.parse(content, resource, InputTree.Format.YAML, MAX_BYTES)
                    .orElseThrow(() -> InputException.of(resource, 0, "", "the file is empty"));
            List<Parsed> parsed = parsed(root, resource);
            for (int index = 0; index < parsed.size(); index++) {
                Parsed p = parsed.get(index);
                Indication indication = p.indication();
                String at = "indications[" + index + "]";
                String first = firstAt.putIfAbsent(indication.id(), resource + " line " + p.idLine());
                if (first != null) {
                    throw InputException.of(resource, p.idLine(), at + ".id",
                            "duplicate id '" + indication.id() + "' (first in " + first + ")");
                }
                String causeFamily = familyOf(indication.causeId());
                if (!family.equals(causeFamily)) {
                    throw InputException.of(resource, p.causeLine(), at + ".cause", "indication " + indication.id()
                            + ": cause " + indication.causeId() + " belongs in " + causeFamily + ".yaml");
                }
                all.add(indication);
            }
        }
        return new IndicationSet(all);
    }

    /** {@return the family of a cause id: its part before the dot ({@code unknown} has none)} */
    static String familyOf(CauseId cause) {
        String value = cause.value();
        int dot = value.indexOf('.');
        return dot < 0 ? value : value.substring(0, dot);
    }

    /** The content of the built-in file of {@code family}, null when the jar does not hold it. */
    private static byte[] builtInContent(String family) {
        try (InputStream in = IndicationSet.class.getResourceAsStream(BUILT_IN_DIRECTORY + family + ".yaml")) {
            return in == null ? null : in.readAllBytes();
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
        return new IndicationSet(parsed(root, source).stream().map(Parsed::indication).toList());
    }

    /**
     * The {@code indications} list of a rule file ({@link KnowledgeBase#withRuleFile}), in the format of a family
     * file; {@code problem} says what is wrong with an indication in the knowledge base the file is merged into (its
     * cause is not one, no rule reads it), null when nothing is.
     *
     * @throws InputException naming the file, line and key of the first problem, or of an indication {@code problem}
     *                        refuses ({@code indications[N].cause})
     */
    static IndicationSet ofRuleFile(InputTree.Node root, String source, Function<Indication, String> problem) {
        List<Parsed> parsed = parsed(root, source);
        for (int index = 0; index < parsed.size(); index++) {
            Parsed p = parsed.get(index);
            String wrong = problem.apply(p.indication());
            if (wrong != null) {
                throw InputException.of(source, p.causeLine(), "indications[" + index + "].cause",
                        "indication " + shown(p.indication().id()) + ": " + wrong);
            }
        }
        return new IndicationSet(parsed.stream().map(Parsed::indication).toList());
    }

    /** The empty set: what a knowledge base adds to the built-in indications when no rule file carries any. */
    static final IndicationSet NONE = new IndicationSet(List.of());

    /** An indication read from a file, with the lines of its id and its cause. */
    private record Parsed(Indication indication, int idLine, int causeLine) {
    }

    private static List<Parsed> parsed(InputTree.Node root, String source) {
        InputTree.Node list = root instanceof InputTree.MapNode m ? m.node("indications") : null;
        if (!(list instanceof InputTree.ListNode items)) {
            throw InputException.of(source, root.line(), "indications", "missing; expected a list of indications");
        }
        List<Parsed> result = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int index = 0; index < items.items().size(); index++) {
            InputTree.Node item = items.items().get(index);
            String at = "indications[" + index + "]";
            if (!(item instanceof InputTree.MapNode node)) {
                throw InputException.of(source, item.line(), at, "expected a mapping, got " + item.describe());
            }
            for (InputTree.Entry e : node.entries()) {
                if (!KEYS.contains(e.key())) {
                    throw InputException.of(source, e.line(), at + "." + keyShown(e.key()), "unknown key; known keys: "
                            + new java.util.TreeSet<>(KEYS));
                }
            }
            String id = text(node, "id", source, at);
            if (id == null) {
                throw InputException.of(source, node.line(), at + ".id", "missing");
            }
            String cause = node.has("cause") ? text(node, "cause", source, at) : text(node, "causeId", source, at);
            if (cause == null) {
                throw InputException.of(source, node.line(), at + ".cause", "missing (indication " + shown(id) + ")");
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
                // the record's words name the indication by its id: shown as every message here shows it
                String message = Objects.requireNonNullElse(e.getMessage(), "invalid");
                throw InputException.of(source, node.line(), at, id.isEmpty() ? message : message.replace(id, shown(id)),
                        e);
            }
            validate(indication, source, node.line(), at);
            Integer first = seen.putIfAbsent(id, node.keyLine("id"));
            if (first != null) {
                throw InputException.of(source, node.keyLine("id"), at + ".id",
                        "duplicate id '" + shown(id) + "' (first at line " + first + ")");
            }
            result.add(new Parsed(indication, node.keyLine("id"),
                    node.keyLine(node.has("cause") ? "cause" : "causeId")));
        }
        return result;
    }

    /**
     * {@return {@code text} as a message may quote it: one line, at most 60 characters, never a value that looks like a
     * secret (a credentials file named as a rule or indication file by mistake is not printed)}
     */
    static String shown(String text) {
        return Secrets.looksLikeSecret(text) ? "(a value that looks like a secret, not shown)" : InputTree.abbreviate(text);
    }

    /** {@return a file's key as a key path may hold it: {@link #shown} for a key} */
    static String keyShown(String key) {
        return Secrets.looksLikeSecret(key) ? "(a key that looks like a secret)" : InputTree.abbreviate(key);
    }

    /** The cause id {@code cause}; throws {@link IllegalArgumentException} naming the indication unless it is one. */
    private static CauseId causeId(String cause, String id) {
        try {
            return CauseId.of(cause);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("indication " + shown(id) + ": cause '" + shown(cause)
                    + "' is not a cause id", e);
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
                throw InputException.of(source, line, at, "indication " + shown(indication.id()) + ": invalid pattern '"
                        + shown(expression) + "': " + e.getDescription(), e);
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
