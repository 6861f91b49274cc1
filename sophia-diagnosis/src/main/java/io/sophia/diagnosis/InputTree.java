package io.sophia.diagnosis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sophia.core.Secrets;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of Sophia's YAML and JSON input (deployment configs, knowledge-base rule files,
 * indication files): a document as a tree whose every node knows its line, so that a problem found
 * while validating — long after parsing — still names the file, the line and the key. Jackson's own
 * tree model forgets locations, so this tree is built from Jackson's streaming parser
 * ({@link JsonLocation}). Every failure is an {@link InputException}.
 *
 * <p>It also owns the one duration grammar of the input: {@link #parseDuration(String)}.
 *
 * <p>Why here: the diagnosis module reads rule and indication files and is the lowest module with a
 * YAML parser; the report module's config reader builds on it, so the arrows stay one-way and
 * sophia-core stays JDK-only.
 *
 * <p>Stability: stable.
 */
public final class InputTree {

    /** Nesting deeper than this is rejected (no real config or rule file comes near it). */
    public static final int MAX_DEPTH = 32;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,9})?)\\s*(ms|s|min|m|h|d)");

    private InputTree() {
    }

    /** The syntax of a document. */
    public enum Format {
        /** YAML. */
        YAML,
        /** JSON. */
        JSON;

        /**
         * {@return JSON for a name ending in {@code .json}, YAML otherwise}
         *
         * @param fileName the file name
         */
        public static Format of(String fileName) {
            return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    /** A node of the document. */
    public sealed interface Node permits MapNode, ListNode, Scalar {
        /** {@return 1-based line where the node starts, 0 when unknown} */
        int line();

        /** {@return what the node is, for "expected X, got Y" messages ({@code a mapping}, {@code 'maybe'})} */
        String describe();
    }

    /**
     * One {@code key: value} pair of a mapping.
     *
     * @param key   the key
     * @param line  the key's line
     * @param value the value
     */
    public record Entry(String key, int line, Node value) {
    }

    /** A mapping, entries in document order; keys are unique (the reader rejects duplicates). */
    public record MapNode(int line, List<Entry> entries) implements Node {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param line    as {@link #line()}
         * @param entries as {@link #entries()}
         */
        public MapNode {
            entries = List.copyOf(entries);
        }

        /**
         * {@return the entry with this key}
         *
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         */
        public Optional<Entry> get(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        /**
         * {@return true when the mapping has this key}
         *
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         */
        public boolean has(String key) {
            return get(key).isPresent();
        }

        /**
         * {@return the value of this key, or null when absent}
         *
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         */
        public Node node(String key) {
            return get(key).map(Entry::value).orElse(null);
        }

        /** {@return key to value, in document order} */
        public Map<String, Node> asMap() {
            Map<String, Node> out = new LinkedHashMap<>();
            entries.forEach(e -> out.put(e.key(), e.value()));
            return out;
        }

        /** {@return key to the key's line, in document order} */
        public Map<String, Integer> keyLines() {
            Map<String, Integer> out = new LinkedHashMap<>();
            entries.forEach(e -> out.put(e.key(), e.line()));
            return out;
        }

        /**
         * {@return the line of this key, or the mapping's line when absent}
         *
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         */
        public int keyLine(String key) {
            return get(key).map(Entry::line).orElse(line);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    public record ListNode(int line, List<Node> items) implements Node {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param line  as {@link #line()}
         * @param items as {@link #items()}
         */
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** Kinds of scalars the parser tells apart. */
    public enum ScalarKind {
        /** Text. */
        STRING,
        /** A whole number. */
        INTEGER,
        /** A number with a fraction or exponent. */
        DECIMAL,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** {@code null} or nothing. */
        NULL
    }

    /**
     * A scalar as written: {@code text} is the source spelling (null for a null value).
     *
     * @param line 1-based line
     * @param kind how the parser typed it
     * @param text the spelling, null for {@link ScalarKind#NULL}
     */
    public record Scalar(int line, ScalarKind kind, String text) implements Node {

        /**
         * {@return a BOOLEAN scalar's value: YAML 1.1 booleans keep their spelling, so {@code yes}, {@code on},
         * {@code True} are true}
         */
        public boolean isTrue() {
            if (text == null) {
                return false;
            }
            String t = text.strip().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("y") || t.equals("on");
        }

        /** {@return the value as a Java object: String, Long (Double when too large), Double, Boolean, or null} */
        public Object value() {
            return switch (kind) {
                case NULL -> null;
                case BOOLEAN -> isTrue();
                case INTEGER -> {
                    try {
                        yield Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        yield Double.parseDouble(text);
                    }
                }
                case DECIMAL -> Double.parseDouble(text);
                case STRING -> text;
            };
        }

        @Override
        public String describe() {
            return kind == ScalarKind.NULL ? "nothing"
                    : Secrets.looksLikeSecret(text) ? "a value that looks like a secret (not shown)"
                    : "'" + abbreviate(text) + "'";
        }
    }

    /**
     * Reads and parses a file of at most {@code maxBytes} bytes of UTF-8.
     *
     * @param file     the file; its name as given appears in errors
     * @param format   its syntax
     * @param maxBytes larger files are rejected before they are read
     * @return the root node, or empty for an empty document
     * @throws InputException when the file is missing, unreadable, too large, not UTF-8 or malformed
     */
    public static Optional<Node> read(Path file, Format format, long maxBytes) {
        String name = file.toString();
        byte[] content;
        try {
            if (!Files.exists(file)) {
                throw InputException.of(name, 0, "", "the file does not exist");
            }
            if (!Files.isRegularFile(file)) {
                throw InputException.of(name, 0, "", "not a regular file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw InputException.of(name, 0, "", "the file is " + size + " bytes; at most " + maxBytes
                        + " are read");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InputException.of(name, 0, "", "the file does not exist");
        } catch (IOException e) {
            // the exception's message may quote the path only; its class says enough
            throw InputException.of(name, 0, "", "cannot read: " + e.getClass().getSimpleName(), e);
        }
        return parse(content, name, format, maxBytes);
    }

    /**
     * Parses one document given as bytes.
     *
     *
     * @param file names the document in errors
     * @param content the content
     * @param format the format
     * @param maxBytes the max bytes
     * @return the root node, or empty for an empty document
     * @throws InputException when the content is too large, not UTF-8 or malformed
     */
    public static Optional<Node> parse(byte[] content, String file, Format format, long maxBytes) {
        if (content.length > maxBytes) {
            throw InputException.of(file, 0, "", "the file is " + content.length + " bytes; at most " + maxBytes
                    + " are read");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw InputException.of(file, 0, "", "not UTF-8 text");
        }
        return parse(text, file, format);
    }

    /**
     * Parses one document given as text.
     *
     *
     * @param file names the document in errors
     * @param text the text
     * @param format the format
     * @return the root node, or empty for an empty document
     * @throws InputException when the text is malformed, nested too deep or has a duplicate key
     */
    public static Optional<Node> parse(String text, String file, Format format) {
        JsonFactory factory = format == Format.JSON ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            Node root = read(p, file, "", 0);
            if (p.nextToken() != null) {
                throw InputException.of(file, line(p), "", "more than one document; put everything in one");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw InputException.of(file, loc == null ? 0 : Math.max(loc.getLineNr(), 0), "",
                    "malformed " + format + ": " + Secrets.parserMessage(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw InputException.of(file, 0, "", "cannot read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Node read(JsonParser p, String file, String path, int depth) throws IOException {
        int line = line(p);
        if (depth > MAX_DEPTH) {
            throw InputException.of(file, line, path, "nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                List<Entry> entries = new ArrayList<>();
                Map<String, Integer> seen = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String child = path.isEmpty() ? key : path + "." + key;
                    Integer first = seen.putIfAbsent(key, keyLine);
                    if (first != null) {
                        throw InputException.of(file, keyLine, child, "duplicate key (first at line " + first + ")");
                    }
                    p.nextToken();
                    entries.add(new Entry(key, keyLine, read(p, file, child, depth + 1)));
                }
                return new MapNode(line, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file, path + "[" + i++ + "]", depth + 1));
                }
                return new ListNode(line, items);
            }
            case VALUE_STRING:
                return new Scalar(line, ScalarKind.STRING, p.getText());
            case VALUE_NUMBER_INT:
                return new Scalar(line, ScalarKind.INTEGER, p.getText());
            case VALUE_NUMBER_FLOAT:
                return new Scalar(line, ScalarKind.DECIMAL, p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Scalar(line, ScalarKind.BOOLEAN, p.getText());
            case VALUE_NULL:
                return new Scalar(line, ScalarKind.NULL, null);
            default:
                throw InputException.of(file, line, path, "unexpected " + t);
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    /**
     * {@return plain Java values (Map in document order, List, String, Long, Double, Boolean, null)}
     *
     * @param node the node
     */
    public static Object toPlain(Node node) {
        if (node instanceof MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Entry e : m.entries()) {
                out.put(e.key(), toPlain(e.value()));
            }
            return out;
        }
        if (node instanceof ListNode l) {
            List<Object> out = new ArrayList<>();
            for (Node n : l.items()) {
                out.add(toPlain(n));
            }
            return out;
        }
        return ((Scalar) node).value();
    }

    // ---------------------------------------------------------------- durations

    /**
     * The one duration grammar of Sophia's input: a number with a unit — {@code ms}, {@code s},
     * {@code m} or {@code min}, {@code h}, {@code d} — such as {@code 300ms}, {@code 1.5s}, {@code 30m},
     * {@code 4h}, {@code 1d}; or ISO-8601 ({@code PT2S}, {@code P1D}). Whole milliseconds.
     *
     *
     * @param text the text
     * @return the duration (it may be zero or negative for ISO input: callers state their bounds), or
     *        empty when the text is no duration
     */
    public static Optional<Duration> parseDuration(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            BigDecimal millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount.movePointRight(3);
                case "m", "min" -> amount.multiply(BigDecimal.valueOf(60_000));
                case "h" -> amount.multiply(BigDecimal.valueOf(3_600_000));
                default -> amount.multiply(BigDecimal.valueOf(86_400_000));
            };
            try {
                return Optional.of(Duration.ofMillis(millis.setScale(0, java.math.RoundingMode.DOWN).longValueExact()));
            } catch (ArithmeticException ex) {
                return Optional.empty();
            }
        }
        if (t.startsWith("p") || t.startsWith("-p")) {
            try {
                return Optional.of(Duration.parse(text.strip()));
            } catch (DateTimeParseException | ArithmeticException ex) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Formats a duration in the grammar of {@link #parseDuration(String)}: {@code 300ms}, {@code 2s}, {@code 1m},
     * {@code 4h}, {@code 1d}.
     *
     * @param d the d
     * @return the text, such as {@code 2s}
     */
    public static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms > 0 && ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms > 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms > 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms > 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        // redacted before the cut, and the cut never ends inside a word
        return Secrets.patterns().cut(oneLine, 60);
    }
}
