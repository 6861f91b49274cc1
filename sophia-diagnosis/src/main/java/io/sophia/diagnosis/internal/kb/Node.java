package io.sophia.diagnosis.internal.kb;

import io.sophia.core.Secrets;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sophia.diagnosis.RuleFileException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML/JSON tree that remembers the line of every value, so that validation errors found after
 * parsing (a bad regex, an unknown placeholder) can still name the line. Jackson's own tree
 * model forgets locations.
 */
public sealed interface Node {

    int line();

    /** A mapping, keys in file order. */
    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines) implements Node {
    }

    /** A sequence. */
    record ListNode(int line, List<Node> items) implements Node {
    }

    /** A scalar: String, Long, Double, Boolean, or null. */
    record Scalar(int line, Object value) implements Node {
    }

    int MAX_DEPTH = 32;
    /**
     * Largest rule file read: 16 times the built-in knowledge base. SnakeYAML scans a long scalar at
     * a few microseconds a character, so a bigger file (a log or a dump named by mistake) would
     * stall the start for seconds; it is refused instead.
     */
    int MAX_BYTES = 1024 * 1024;

    /** Parses YAML (or JSON when {@code json}), failing with the file, line and key path. */
    static Node parse(byte[] content, String file, boolean json) {
        if (content.length > MAX_BYTES) {
            throw new RuleFileException(file, 0, "", "the file is " + content.length + " bytes; rule files are limited to "
                    + MAX_BYTES + " bytes", null);
        }
        JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
        try (JsonParser p = factory.createParser(content)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new RuleFileException(file, 1, "", "the file is empty", null);
            }
            Node root = read(p, file, "", 0);
            if (p.nextToken() != null) {
                throw new RuleFileException(file, line(p), "", "more than one document; put everything in one", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RuleFileException(file, line, "", "not valid " + (json ? "JSON" : "YAML") + ": "
                    + Secrets.parserMessage(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new RuleFileException(file, 0, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }

    private static Node read(JsonParser p, String file, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new RuleFileException(file, line(p), path, "nested deeper than " + MAX_DEPTH + " levels", null);
        }
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw new RuleFileException(file, keyLine, child, "duplicate key", null);
                    }
                    p.nextToken();
                    entries.put(key, read(p, file, child, depth + 1));
                    keyLines.put(key, keyLine);
                }
                return new MapNode(line, entries, keyLines);
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
                return new Scalar(line, p.getText());
            case VALUE_NUMBER_INT:
                return new Scalar(line, p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return new Scalar(line, p.getDoubleValue());
            case VALUE_TRUE:
                return new Scalar(line, Boolean.TRUE);
            case VALUE_FALSE:
                return new Scalar(line, Boolean.FALSE);
            case VALUE_NULL:
                return new Scalar(line, null);
            default:
                throw new RuleFileException(file, line, path, "unexpected " + t, null);
        }
    }
}
