package io.sophia.diagnosis.internal.logs;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines the way a terminal shows them, without holding more than one
 * line: only {@code \n} ends a line; ANSI escape sequences and other control characters are dropped;
 * a carriage return inside a line starts over (the last non-blank {@code \r}-segment is what a
 * terminal shows, as in Travis fold markers and progress bars); a GitHub Actions timestamp prefix
 * ({@code 2021-04-05T15:42:49.0017341Z }) is removed; trailing blanks are trimmed. A line longer than
 * the cap is cut (the rest is read and dropped), so a log without newlines needs no more memory.
 */
public final class LineReader {

    private static final char ESC = 27;

    private final Reader in;
    private final char[] input = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;

    private final char[] line;
    private int len;
    private int segStart;
    private boolean segContent;

    private int start;
    private int end;
    private long lineNumber;
    private boolean truncated;
    private long truncatedLines;
    private long chars;
    /** The line (after its timestamp) began with GitHub's colour for the lines of a step's script it echoes. */
    private boolean echoColoured;
    /** The line began with a GitHub Actions timestamp (a raw log's line; a multi-line value's next lines have none). */
    private boolean stamped;
    /** Reading the parameters of the escape sequence that began the line: -1 when not, else the code so far. */
    private int lead = -1;
    /** {@code ESC[36;1m}: cyan, bold; the runner echoes each line of a {@code run:} script in it. */
    private static final int ECHO_COLOUR = (((('3' * 128) + '6') * 128 + ';') * 128) + '1';

    public LineReader(Reader in, int maxLineChars) {
        this.in = in;
        this.line = new char[Math.max(16, maxLineChars)];
    }

    /** Reads the next line; false at the end of the stream. */
    public boolean next() throws IOException {
        len = 0;
        segStart = 0;
        segContent = false;
        truncated = false;
        echoColoured = false;
        lead = -1;
        boolean any = false;
        final char[] buf = line;
        final int cap = buf.length;
        // the hot loop keeps its state in locals and writes it back only around the rare calls
        int n = 0;
        int esc = 0;
        boolean content = false;
        boolean cut = false;
        while (true) {
            if (pos >= limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            final char[] in = input;
            int p = pos;
            final int lim = limit;
            boolean done = false;
            while (p < lim) {
                char c = in[p++];
                if (c >= ' ') {
                    if (esc != 0) {
                        if (lead >= 0) {
                            leadSequence(esc, c);
                        }
                        esc = escapeState(esc, c);
                    } else if (n < cap) {
                        buf[n++] = c;
                        content |= c != ' ';
                    } else {
                        cut = true;
                    }
                } else if (c == '\n') {
                    esc = 0;
                    done = true;
                    break;
                } else if (esc != 0) {
                    esc = escapeState(esc, c);
                } else if (c == '\t') {
                    if (n < cap) {
                        buf[n++] = c;
                    } else {
                        cut = true;
                    }
                } else if (c == ESC) {
                    esc = 1;
                    lead = !echoColoured && lead < 0 && (n == 0 || skipTimestamp(buf, 0, n) == n) ? 0 : -1;
                } else if (c == '\r') {
                    len = n;
                    segContent = content;
                    carriageReturn();
                    n = len;
                    content = segContent;
                }
            }
            chars += p - pos;
            pos = p;
            if (done) {
                break;
            }
        }
        len = n;
        segContent = content;
        truncated = cut;
        finishLine();
        lineNumber++;
        if (truncated) {
            truncatedLines++;
        }
        return true;
    }

    /** Follows the escape sequence that began the line: is it {@code ESC[36;1m}? */
    private void leadSequence(int state, char c) {
        if (state == 1) {
            lead = c == '[' ? 0 : -1;
        } else if (state == 2 && c >= 0x40 && c <= 0x7E) {
            echoColoured = c == 'm' && lead == ECHO_COLOUR;
            lead = -1;
        } else if (state == 2 && lead < (1 << 24)) {
            lead = lead * 128 + c;
        } else {
            lead = -1;
        }
    }

    private static int escapeState(int state, char c) {
        switch (state) {
            case 1: // after ESC
                return c == '[' ? 2 : c == ']' ? 3 : 0;
            case 2: // CSI: parameters until a final byte
                return c >= 0x40 && c <= 0x7E ? 0 : 2;
            case 3: // OSC: until BEL or ESC \
                return c == 7 ? 0 : c == ESC ? 4 : 3;
            default:
                return 0;
        }
    }

    private void carriageReturn() {
        if (segContent) {
            // keep the last non-blank segment at the front; what follows the \r overwrites it on a terminal
            if (segStart > 0) {
                System.arraycopy(line, segStart, line, 0, len - segStart);
                len -= segStart;
            }
            segStart = len;
            segContent = false;
        } else {
            len = segStart;
        }
    }

    private void finishLine() {
        int s;
        int e;
        if (segContent || segStart == 0) {
            s = segStart;
            e = len;
        } else {
            s = 0;
            e = segStart;
        }
        int unstamped = s;
        s = skipTimestamp(line, s, e);
        stamped = s != unstamped;
        if (truncated) {
            // the cut may have fallen inside a token: drop the word it fell into, so no head of it is kept
            while (e > s && !Character.isWhitespace(line[e - 1]) && "\"'`,;()[]{}<>|".indexOf(line[e - 1]) < 0) {
                e--;
            }
        }
        while (e > s && (line[e - 1] == ' ' || line[e - 1] == '\t')) {
            e--;
        }
        start = s;
        end = e;
    }

    /** Skips {@code yyyy-mm-ddThh:mm:ss[.fraction]Z } at {@code s}. */
    static int skipTimestamp(char[] b, int s, int e) {
        if (e - s < 21 || b[s + 4] != '-' || b[s + 10] != 'T' || b[s + 13] != ':') {
            return s;
        }
        for (int i = 0; i < 19; i++) {
            char c = b[s + i];
            boolean digit = c >= '0' && c <= '9';
            if (i == 4 || i == 7 ? c != '-' : i == 10 ? c != 'T' : i == 13 || i == 16 ? c != ':' : !digit) {
                return s;
            }
        }
        int i = s + 19;
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        if (i + 1 < e && b[i] == 'Z' && b[i + 1] == ' ') {
            return i + 2;
        }
        if (i + 1 == e && b[i] == 'Z') {
            return e;
        }
        return s;
    }

    private boolean fill() throws IOException {
        int n = in.read(input, 0, input.length);
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return n > 0 || fill();
    }

    /** The buffer holding the current line between {@link #start()} and {@link #end()}. */
    public char[] buffer() {
        return line;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The current line as a string (allocates). */
    public String text() {
        return new String(line, start, end - start);
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * {@return whether the current line began with a GitHub Actions timestamp: a raw log's own line, where the next
     * lines of a multi-line value the runner echoes have none}
     */
    public boolean stamped() {
        return stamped;
    }

    /**
     * Whether the current line began (after its timestamp) with {@code ESC[36;1m}, the colour in which GitHub's runner
     * echoes each line of a step's script in a raw log.
     */
    public boolean echoColoured() {
        return echoColoured;
    }

    /** Whether the current line was cut at the cap. */
    public boolean truncated() {
        return truncated;
    }

    public long truncatedLines() {
        return truncatedLines;
    }

    /** Characters read so far. */
    public long chars() {
        return chars;
    }
}
