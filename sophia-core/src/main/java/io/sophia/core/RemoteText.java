package io.sophia.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that came from a remote source — run, job and step names, log lines, response bodies,
 * MCP server strings — is untrusted: it can be megabytes long, and it can carry terminal control
 * sequences that rewrite a terminal's screen, title or clipboard. Every {@link Observation}
 * bounds its strings with {@link #name(String)} and {@link #text(String)} when it is built, and
 * everything printed to a terminal goes through {@link #forTerminal(String)}.
 *
 * <p>Stability: public API.
 */
public final class RemoteText {

    /** Longest name, id, state or version an observation keeps (a 3 MB server name is cut to this). */
    public static final int MAX_NAME = 512;

    /** Longest free text an observation keeps: a log line, a message, a detail, a body excerpt. */
    public static final int MAX_TEXT = 8192;

    /** Most items an observation's list keeps (capabilities, labels, steps, events …). */
    public static final int MAX_ITEMS = 1000;

    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;

    private RemoteText() {
    }

    /**
     * {@return {@code s} bounded to {@link #MAX_NAME} characters, redacted first when it is cut (null stays null)}
     *
     * @param s remote text, or null
     */
    public static String name(String s) {
        return s == null || s.length() <= MAX_NAME ? s : Secrets.patterns().cut(s, MAX_NAME);
    }

    /**
     * {@return {@code s} bounded to {@link #MAX_TEXT} characters, redacted first when it is cut (null stays null)}
     *
     * @param s remote text, or null
     */
    public static String text(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : Secrets.patterns().cut(s, MAX_TEXT);
    }

    /**
     * {@return {@code list} with at most {@link #MAX_ITEMS} items, each bounded by {@link #name(String)}; null gives
     * an empty list}
     *
     * @param list remote items, or null
     */
    public static List<String> names(List<String> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Math.min(list.size(), MAX_ITEMS));
        for (String s : list.size() > MAX_ITEMS ? list.subList(0, MAX_ITEMS) : list) {
            out.add(name(s));
        }
        return List.copyOf(out);
    }

    /**
     * {@return {@code list} with at most {@link #MAX_ITEMS} items, each bounded by {@link #text(String)}; null gives
     * an empty list}
     *
     * @param list remote items, or null
     */
    public static List<String> texts(List<String> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Math.min(list.size(), MAX_ITEMS));
        for (String s : list.size() > MAX_ITEMS ? list.subList(0, MAX_ITEMS) : list) {
            out.add(text(s));
        }
        return List.copyOf(out);
    }

    /**
     * {@return {@code list} with at most {@link #MAX_ITEMS} items; null gives an empty list}
     *
     * @param <T> the item type
     * @param list remote items, or null
     */
    public static <T> List<T> items(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return List.copyOf(list.size() > MAX_ITEMS ? list.subList(0, MAX_ITEMS) : list);
    }

    /**
     * {@code s} safe to write to a terminal: ANSI/ECMA-48 escape sequences (CSI such as colours
     * and cursor moves, OSC such as window titles, hyperlinks and clipboard writes, DCS, APC, PM,
     * SOS and two-character escapes) are removed whole (a string sequence no terminator ends on its line loses its
     * introducer only: it hides no later text), and so are the other C0 controls (except
     * newline and tab), DEL, the C1 controls and the {@linkplain #isInvisible invisible format characters}
     * (bidirectional overrides and isolates, zero-width characters, tag characters) that make text read differently
     * from what it is. Linear in the length; null gives the empty string.
     *
     * @param s remote text, or null
     * @return the text, safe to print on a terminal
     */
    public static String forTerminal(String s) {
        if (s == null) {
            return "";
        }
        if (clean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ESC || c == '\u009b' || c == '\u009d' || c == '\u0090' || c == '\u0098' || c == '\u009e'
                    || c == '\u009f') {
                i = skipSequence(s, i);
            } else if (Character.isHighSurrogate(c) && isInvisible(s.codePointAt(i))) {
                i += 2; // a tag character (U+E0000–U+E007F): text a reader does not see
            } else {
                if (!unsafe(c)) {
                    b.append(c);
                }
                i++;
            }
        }
        return b.toString();
    }

    private static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c) || c == ESC || Character.isHighSurrogate(c) && isInvisible(s.codePointAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || isInvisible(c);
    }

    /**
     * {@return whether {@code codePoint} is an invisible format character (Unicode category Cf): the bidirectional
     * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C) that make
     * a viewer show text in another order than it is ("Trojan Source"), zero-width spaces and joiners, the byte order
     * mark, the tag characters (U+E0000–U+E007F) that hide text from a reader but not from a program}
     *
     * @param codePoint a Unicode code point
     */
    public static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    /**
     * {@code s} with each {@linkplain #isInvisible invisible format character} written out as {@code [U+202E]}: for
     * Markdown, HTML and XML, where a reader sees the text as a viewer lays it out (report.json keeps the characters
     * and escapes them as {@code \u202e}, so its text stays what the source sent). Null gives the empty string.
     *
     * @param s remote text, or null
     * @return the text, with nothing in it a viewer would hide or reorder
     */
    public static String visible(String s) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && !isInvisible(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isInvisible(cp)) {
                b.append(String.format(java.util.Locale.ROOT, "[U+%04X]", cp));
            } else {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /**
     * The index after what a terminal would not show at {@code i}: an escape sequence (ESC or a C1 introducer), an
     * invisible format character, a control other than a line break or tab; {@code i} itself when it shows.
     */
    static int hiddenEnd(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0x7f || c == '\n') {
            return i; // most text: printable ASCII
        }
        if (c == ESC || c == '\u009b' || c == '\u009d' || c == '\u0090' || c == '\u0098' || c == '\u009e'
                || c == '\u009f') {
            return Math.max(i + 1, skipSequence(s, i));
        }
        if (Character.isHighSurrogate(c) && isInvisible(s.codePointAt(i))) {
            return i + 2;
        }
        return unsafe(c) && c != '\r' ? i + 1 : i;
    }

    /** The index after the escape sequence starting at {@code i} (ESC or a C1 introducer). */
    private static int skipSequence(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        char kind;
        int j;
        if (c == ESC) {
            if (i + 1 >= n) {
                return n;
            }
            kind = s.charAt(i + 1);
            j = i + 2;
        } else {
            // C1 forms: CSI 0x9b, OSC 0x9d, DCS 0x90, SOS 0x98, PM 0x9e, APC 0x9f
            kind = switch (c) {
                case '\u009b' -> '[';
                case '\u009d' -> ']';
                case '\u0090' -> 'P';
                case '\u0098' -> 'X';
                case '\u009e' -> '^';
                default -> '_';
            };
            j = i + 1;
        }
        return switch (kind) {
            case '[' -> afterCsi(s, j);
            case ']', 'P', 'X', '^', '_' -> afterString(s, j);
            default -> afterShortEscape(s, i, j, c, kind);
        };
    }

    /** After a CSI's parameters and intermediates and its one final byte 0x40-0x7e. */
    private static int afterCsi(String s, int j) {
        int n = s.length();
        while (j < n) {
            char d = s.charAt(j++);
            if (d >= 0x40 && d <= 0x7e) {
                return j;
            }
            if (d < 0x20 || d > 0x7e) {
                // not a CSI character: the sequence is broken, drop what came so far
                return j - 1;
            }
        }
        return n;
    }

    /**
     * After a string, ended by BEL, ESC \ or the C1 string terminator (or by the next sequence's ESC). One that no
     * terminator ends on its line loses its introducer only, {@code start}: run to the end of the text, one stray OSC
     * (or the C1 OSC of a mojibake right double quote, E2 80 9D read as Latin-1) hid every later line of a body.
     */
    private static int afterString(String s, int start) {
        int n = s.length();
        for (int j = start; j < n; j++) {
            char d = s.charAt(j);
            if (d == BEL || d == '\u009c') {
                return j + 1;
            }
            if (d == ESC) {
                return j + 1 < n && s.charAt(j + 1) == '\\' ? j + 2 : j;
            }
            if (d == '\n') {
                break;
            }
        }
        return start;
    }

    private static int afterShortEscape(String s, int i, int j, char c, char kind) {
        if (kind < 0x20 || kind > 0x7e) {
            // a lone ESC before ordinary text or a newline: drop the ESC only
            return i + 1;
        }
        // ESC with intermediates (0x20-0x2f) and a final byte: charset selection, keypad modes …
        int n = s.length();
        while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
            j++;
        }
        return c == ESC && kind >= 0x20 && kind <= 0x2f ? Math.min(n, j + 1) : j;
    }
}
