package io.sophia.examples.internal;

import io.sophia.core.Secrets;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML or JSON document as a tree whose every node knows its line, so configuration errors can
 * name the line of the offending key. Jackson's own tree model drops locations, hence this small one
 * built from the streaming parser.
 */
public final class YamlTree {

    private YamlTree() {
    }

    /** A node of the document. */
    public sealed interface Node permits MapNode, ListNode, ScalarNode {
        /** 1-based line where the node starts. */
        int line();

        /** What the node is, for "expected X, got Y" messages. */
        String describe();
    }

    /** One {@code key: value} pair of a mapping; {@code line} is the key's line. */
    public record Entry(String key, int line, Node value) {
    }

    /** A mapping; entries in document order, duplicates kept so a validator can report them. */
    public record MapNode(int line, List<Entry> entries) implements Node {
        public MapNode {
            entries = List.copyOf(entries);
        }

        /** The first entry with this key. */
        public Optional<Entry> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    public record ListNode(int line, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** Kinds of scalars the parser tells apart. */
    public enum ScalarKind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A scalar; {@code text} is null for a null value. */
    public record ScalarNode(int line, ScalarKind kind, String text) implements Node {
        /** A BOOLEAN scalar's value: YAML 1.1 booleans keep their spelling, so {@code yes}, {@code on}, {@code True} are true. */
        public boolean isTrue() {
            String t = text.strip().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("y") || t.equals("on");
        }

        @Override
        public String describe() {
            return kind == ScalarKind.NULL ? "nothing"
                    : Secrets.looksLikeSecret(text) ? "a value that looks like a secret (not shown)"
                    : "'" + abbreviate(text) + "'";
        }
    }

    /** The document is not well-formed YAML or JSON. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        /** 1-based line of the problem, 0 when unknown. */
        public int line() {
            return line;
        }
    }

    /**
     * Parses one document.
     *
     * @param json true to read strict JSON, false for YAML
     * @return the root node, or empty for an empty document
     */
    public static Optional<Node> parse(Reader reader, boolean json) throws SyntaxError, IOException {
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            Node root = read(p);
            if (p.nextToken() != null) {
                throw new SyntaxError(line(p), "more than one document in the file");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            if (nl > 0) {
                msg = msg.substring(0, nl);
            }
            throw new SyntaxError(loc == null ? 0 : Math.max(loc.getLineNr(), 0),
                    "malformed " + (json ? "JSON" : "YAML") + ": " + Secrets.parserMessage(msg));
        }
    }

    private static Node read(JsonParser p) throws IOException {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                List<Entry> entries = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    entries.add(new Entry(key, keyLine, read(p)));
                }
                return new MapNode(line, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p));
                }
                return new ListNode(line, items);
            }
            case VALUE_STRING:
                return new ScalarNode(line, ScalarKind.STRING, p.getText());
            case VALUE_NUMBER_INT:
                return new ScalarNode(line, ScalarKind.INTEGER, p.getText());
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(line, ScalarKind.DECIMAL, p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(line, ScalarKind.BOOLEAN, p.getText());
            case VALUE_NULL:
                return new ScalarNode(line, ScalarKind.NULL, null);
            default:
                // embedded objects (YAML binary) and the like: keep the text, validators reject it
                return new ScalarNode(line, ScalarKind.STRING, String.valueOf(p.getText()));
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    }

    /** Plain Java values (Map, List, String, Long, Double, Boolean, null) for hand-over to other APIs. */
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
        ScalarNode s = (ScalarNode) node;
        return switch (s.kind()) {
            case NULL -> null;
            case BOOLEAN -> s.isTrue();
            case INTEGER -> {
                try {
                    yield Long.parseLong(s.text());
                } catch (NumberFormatException e) {
                    yield s.text();
                }
            }
            case DECIMAL -> Double.parseDouble(s.text());
            case STRING -> s.text();
        };
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        // redacted before the cut, and the cut never ends inside a word
        return Secrets.patterns().cut(oneLine, 60);
    }
}
