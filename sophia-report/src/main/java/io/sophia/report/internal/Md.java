package io.sophia.report.internal;

/**
 * Markdown escaping for untrusted text (log lines, response bodies, names from APIs). The output
 * must not be able to open a link, an HTML tag, a code span, emphasis or a new table cell, and
 * must stay on one line where the caller asked for inline text.
 */
public final class Md {

    private Md() {
    }

    /**
     * Removes escape sequences whole (a colour, a window title, a hyperlink: what a terminal would not show, as
     * {@link io.sophia.core.RemoteText#forTerminal}) and the other control characters but tab and newline; tabs become
     * spaces; invisible format characters (the bidirectional overrides and isolates that reorder what a reader sees,
     * zero-width characters) are written out as {@code [U+202E]} ({@link io.sophia.core.RemoteText#visible}). A string
     * sequence (a title, a hyperlink's target) without its terminator on its line loses only its introducer
     * ({@link #shown}).
     */
    public static String stripControls(String s) {
        if (s == null) {
            return "";
        }
        String shown = shown(s);
        StringBuilder b = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '\t') {
                b.append(' ');
            } else if (c != '\u2028' && c != '\u2029') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * {@code s} as a reader of a report should see it: escape sequences and control characters removed as
     * {@link io.sophia.core.RemoteText#forTerminal} removes them, invisible format characters named as
     * {@link io.sophia.core.RemoteText#visible} names them (a string sequence no terminator ends on its line loses only
     * its introducer there, so it hides no later line of a body excerpt or a detail). Newlines and tabs are kept.
     *
     * @param s remote text, or null
     * @return the text, with nothing a viewer would hide, reorder or run
     */
    public static String shown(String s) {
        if (s == null) {
            return "";
        }
        // visible first: forTerminal would drop the format characters a reader of the report should see named
        return io.sophia.core.RemoteText.forTerminal(io.sophia.core.RemoteText.visible(s));
    }

    /**
     * Inline text, safe in prose, list items and table cells: Markdown punctuation is
     * backslash-escaped (CommonMark lets any ASCII punctuation be escaped), newlines become
     * spaces, and the result is capped to {@code max} characters.
     */
    public static String inline(String s, int max) {
        String t = stripControls(s).replace('\n', ' ').strip();
        t = cap(t, max);
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~' -> b.append('\\').append(c);
                case '#', '-', '+', '=' -> b.append(i == 0 ? "\\" : "").append(c);
                case '.', ')' -> b.append(i > 0 && i < 10 && allDigits(t, i)
                        && (i + 1 == t.length() || t.charAt(i + 1) == ' ') ? "\\" : "").append(c);
                case '&' -> {
                    // only an entity-looking ampersand needs it; "R&D" stays readable
                    boolean entity = i + 1 < t.length()
                            && (Character.isLetterOrDigit(t.charAt(i + 1)) || t.charAt(i + 1) == '#');
                    b.append(entity ? "\\&" : "&");
                }
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@link #inline(String, int)} with a 300-character cap. */
    public static String inline(String s) {
        return inline(s, 300);
    }

    /**
     * A code span that holds {@code s} literally: the backtick run is longer than any run
     * inside. In a table a pipe still ends the cell even inside a code span (GFM), so it is
     * escaped there.
     */
    public static String code(String s, boolean inTable) {
        String t = stripControls(s).replace('\n', ' ').strip();
        t = cap(t, 200);
        if (t.isEmpty()) {
            return "—";
        }
        if (inTable) {
            t = t.replace("|", "\\|");
        }
        String ticks = "`".repeat(longestRun(t, '`') + 1);
        boolean pad = t.startsWith("`") || t.endsWith("`");
        return ticks + (pad ? " " : "") + t + (pad ? " " : "") + ticks;
    }

    /**
     * A fenced code block holding {@code text} literally, whatever backtick or tilde fences the
     * text contains: the fence is one backtick longer than the longest run inside.
     */
    public static String fence(String info, String text) {
        String t = stripControls(text);
        String ticks = "`".repeat(Math.max(3, longestRun(t, '`') + 1));
        return ticks + (info == null ? "" : info) + "\n" + t + (t.endsWith("\n") ? "" : "\n") + ticks + "\n";
    }

    /**
     * A link to {@code url} when it is an http(s) url, else just the escaped text. The
     * destination is percent-encoded where Markdown would read it as syntax.
     */
    public static String link(String text, String url) {
        String label = inline(text, 200);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return label;
        }
        StringBuilder d = new StringBuilder();
        for (char c : stripControls(url).toCharArray()) {
            switch (c) {
                case ' ' -> d.append("%20");
                case '(' -> d.append("%28");
                case ')' -> d.append("%29");
                case '<' -> d.append("%3C");
                case '>' -> d.append("%3E");
                case '[' -> d.append("%5B");
                case ']' -> d.append("%5D");
                case '`' -> d.append("%60");
                case '|' -> d.append("%7C");
                case '"' -> d.append("%22");
                case '\\' -> d.append("%5C");
                case '\n' -> d.append("");
                default -> d.append(c);
            }
        }
        return "[" + label + "](" + d + ")";
    }

    /** Caps {@code s} at {@code max} characters with an ellipsis, never splitting a surrogate pair. */
    public static String cap(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** True when everything before {@code end} is digits: "1. " at the start would open an ordered list. */
    private static boolean allDigits(String t, int end) {
        for (int i = 0; i < end; i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                run++;
                best = Math.max(best, run);
            } else {
                run = 0;
            }
        }
        return best;
    }
}
