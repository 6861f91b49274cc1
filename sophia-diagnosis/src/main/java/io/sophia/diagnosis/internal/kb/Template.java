package io.sophia.diagnosis.internal.kb;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Sentence templates with {@code {name}} placeholders. Values are inserted as given (never
 * re-interpreted), so a log line that itself contains braces cannot inject placeholders.
 */
public final class Template {

    private Template() {
    }

    /** The placeholder names a template uses, in order of first appearance. */
    public static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        while (true) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                return out;
            }
            int close = template.indexOf('}', open + 1);
            if (close < 0) {
                return out;
            }
            String name = template.substring(open + 1, close);
            if (name.matches("[A-Za-z][A-Za-z0-9]*")) {
                out.add(name);
            }
            i = close + 1;
        }
    }

    /** Renders {@code template}; a placeholder without a value becomes "?". */
    public static String render(String template, Map<String, String> values) {
        StringBuilder sb = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open + 1);
            if (close < 0) {
                sb.append(template, i, template.length());
                break;
            }
            String name = template.substring(open + 1, close);
            if (name.matches("[A-Za-z][A-Za-z0-9]*")) {
                sb.append(template, i, open);
                String v = values.get(name);
                sb.append(v == null || v.isEmpty() ? "?" : v);
                i = close + 1;
            } else {
                sb.append(template, i, open + 1);
                i = open + 1;
            }
        }
        return sb.toString();
    }
}
