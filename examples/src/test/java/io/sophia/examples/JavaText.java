package io.sophia.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of Java's lexical structure for the shape checks: the code of a source file without comments and
 * without the contents of string, character and text-block literals (each replaced by spaces, line breaks kept, so
 * offsets and line numbers stay), and the methods found by matching braces in what is left.
 */
final class JavaText {

    // "static" is no control word: a static initializer's header ("static") never ends in ")", and a package-private
    // static method's does (its methods were missed until session 22)
    private static final Pattern CONTROL = Pattern.compile(
            "^(else\\s+)?(if|for|while|switch|catch|synchronized|try|do|else|finally)\\b");
    private static final Pattern TYPE = Pattern.compile("\\b(class|interface|enum|record)\\b");
    private static final Pattern NAME = Pattern.compile("(\\w+)\\s*\\(");
    private static final Pattern STATEMENT = Pattern.compile("\\b(if|for|while|switch|catch|synchronized|try)\\s*\\(");

    /** A method or constructor body: its name, first line (of the header) and number of lines. */
    record Method(String name, int line, int lines) {
    }

    private JavaText() {
    }

    /** {@return the code of {@code source}: comments and literal contents blanked} */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                int end = source.indexOf('\n', i);
                i = blank(out, i, end < 0 ? n : end);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = blank(out, i, end < 0 ? n : end + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"");
                i = blank(out, i + 3, end) + 3;
            } else if (c == '"' || c == '\'') {
                int end = closing(source, i + 1, String.valueOf(c));
                i = blank(out, i + 1, end) + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** Index of the unescaped {@code quote} from {@code from} on (or the end). */
    private static int closing(String s, int from, String quote) {
        int i = from;
        while (i < s.length() && !s.startsWith(quote, i)) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, s.length());
    }

    private static int blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
        return to;
    }

    /** {@return the methods and constructors of {@code code} (see {@link #code}), nested ones included} */
    static List<Method> methods(String code) {
        List<Method> out = new ArrayList<>();
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ';' || c == '}') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = code.substring(headerStart, i).strip();
                if (isMethod(header)) {
                    int end = matching(code, i);
                    int first = line(code, headerStart + (code.substring(headerStart, i).length()
                            - code.substring(headerStart, i).stripLeading().length()));
                    Matcher m = NAME.matcher(header);
                    out.add(new Method(m.find() ? m.group(1) : "?", first, line(code, end) - first + 1));
                }
                headerStart = i + 1;
            }
        }
        return out;
    }

    private static boolean isMethod(String header) {
        String h = header.replaceAll("@\\w+(\\.\\w+)*(\\s*\\([^)]*\\))?", "").strip();
        return h.matches("(?s).*\\)\\s*(throws\\s+[\\w.,\\s<>]+)?") && !CONTROL.matcher(h).find() && !STATEMENT.matcher(h).find()
                && !TYPE.matcher(h).find() && !h.contains("->") && !h.contains("=") && !h.matches("(?s).*\\bnew\\b.*")
                && NAME.matcher(h).find();
    }

    private static int matching(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length() - 1;
    }

    private static int line(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
