package io.sophia.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The 12-character pieces of registered secret values (a token of no known shape, read from the variable a config
 * names), found in any text: a server that echoes the head of a token it cut short, a cut of Sophia's own or of
 * another program, a value wrapped over lines. Each piece found is masked with the word it stands in (a run of
 * characters between {@linkplain #isWordBoundary word boundaries}), so neither the piece nor the rest of the token
 * around it is kept. Found by a rolling hash over the text: linear in its length, whatever the number of values.
 *
 * <p>A value that is a URL (a webhook's, held in a variable) gives the pieces of its user info, path segments and
 * query values only: its scheme and host name the service it belongs to, which reports name anyway.
 */
public final class SecretPieces {

    /** Length of a piece: the canary looks for 12-character pieces of a token. */
    public static final int PIECE = 12;

    private static final long BASE = 1_000_003L;
    private static final long TOP = power(BASE, PIECE - 1);
    private static final SecretPieces NONE = new SecretPieces(new long[0], List.of());

    private final long[] hashes;
    /** A bit per value of a hash's low 16 bits: most windows of a text are ruled out by one test. */
    private final long[] filter = new long[1024];
    private final List<String> sources;

    private SecretPieces(long[] hashes, List<String> sources) {
        this.hashes = hashes;
        this.sources = sources;
        for (long h : hashes) {
            int bit = (int) (h & 0xFFFF);
            filter[bit >>> 6] |= 1L << bit;
        }
    }

    private boolean mayHold(long h) {
        int bit = (int) (h & 0xFFFF);
        return (filter[bit >>> 6] & 1L << bit) != 0 && Arrays.binarySearch(hashes, h) >= 0;
    }

    /** {@return the pieces of {@code values} (those of fewer than 12 characters give none)} */
    public static SecretPieces of(List<String> values) {
        Set<String> sources = new LinkedHashSet<>();
        for (String v : values) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.contains("%3a%2f%2f") || lower.contains(":\\/\\/")) {
                continue; // a URL encoded: its parts are the plain URL's, found from it
            }
            for (String part : v.contains("://") ? urlParts(v) : List.of(v)) {
                if (part.length() >= PIECE) {
                    sources.add(part);
                }
            }
        }
        if (sources.isEmpty()) {
            return NONE;
        }
        List<Long> hs = new ArrayList<>();
        for (String s : sources) {
            long h = 0;
            for (int i = 0; i < s.length(); i++) {
                h = i < PIECE ? h * BASE + s.charAt(i) : (h - s.charAt(i - PIECE) * TOP) * BASE + s.charAt(i);
                if (i >= PIECE - 1) {
                    hs.add(h);
                }
            }
        }
        long[] sorted = hs.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        return new SecretPieces(sorted, List.copyOf(sources));
    }

    /**
     * {@return the forms {@code value} takes in a URL (percent-encoded: as a form encodes it, with {@code %20}, and
     * with every character but letters and digits encoded, upper and lower case hex) and in a JSON string (quotes,
     * backslashes, slashes and controls escaped), those that differ from it}
     *
     * @param value a secret value
     */
    public static List<String> encodedForms(String value) {
        Set<String> out = new LinkedHashSet<>();
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        out.add(form);
        out.add(form.replace("+", "%20"));
        StringBuilder all = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                all.append((char) c);
            } else {
                all.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        out.add(all.toString());
        out.add(lowerHex(all.toString()));
        String json = json(value, false);
        out.add(json);
        out.add(json(value, true));
        out.remove(value);
        return List.copyOf(out);
    }

    private static String lowerHex(String encoded) {
        StringBuilder b = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            boolean hex = i > 0 && (encoded.charAt(i - 1) == '%' || i > 1 && encoded.charAt(i - 2) == '%');
            b.append(hex ? Character.toLowerCase(c) : c);
        }
        return b.toString();
    }

    private static String json(String value, boolean slash) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '/' -> b.append(slash ? "\\/" : "/");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * The user info, and the path segments, query values and fragment that look generated ({@link
     * SecretPatterns#looksRandom}): the parts that can be its credential; the words of its path ({@code notifications},
     * {@code alertmanager-receiver}) name things a report names too.
     */
    private static List<String> urlParts(String url) {
        int scheme = url.indexOf("://");
        String rest = url.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        List<String> parts = new ArrayList<>();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            parts.add(authority.substring(0, at));
            parts.addAll(Arrays.asList(authority.substring(0, at).split(":")));
        }
        if (slash >= 0) {
            Arrays.stream(rest.substring(slash + 1).split("[/?&=#;]")).filter(SecretPatterns::looksRandom)
                    .forEach(parts::add);
        }
        return parts;
    }

    private static long power(long base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
    }

    /**
     * {@return the words of {@code text} that hold a piece of a value, as {@code [start, end, start, end]}}
     *
     * @param text any text
     */
    public List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        if (hashes.length == 0 || text == null || text.length() < PIECE) {
            return out;
        }
        long h = 0;
        int coveredTo = -1;
        for (int i = 0; i < text.length(); i++) {
            h = i < PIECE ? h * BASE + text.charAt(i) : (h - text.charAt(i - PIECE) * TOP) * BASE + text.charAt(i);
            int start = i - PIECE + 1;
            if (start < 0 || start < coveredTo || !mayHold(h) || !isPiece(text, start)) {
                continue;
            }
            int from = start;
            while (from > 0 && !isWordBoundary(text.charAt(from - 1))) {
                from--;
            }
            int to = i + 1;
            while (to < text.length() && !isWordBoundary(text.charAt(to))) {
                to++;
            }
            if (!out.isEmpty() && out.get(out.size() - 1)[1] >= from) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], to);
                last[3] = last[1];
            } else {
                out.add(new int[] {from, to, from, to});
            }
            coveredTo = to;
        }
        return out;
    }

    private boolean isPiece(String text, int start) {
        for (String s : sources) {
            for (int k = s.indexOf(text.charAt(start)); k >= 0 && k + PIECE <= s.length(); k = s.indexOf(text.charAt(start), k + 1)) {
                if (s.regionMatches(k, text, start, PIECE)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@return {@code text} with every word that holds a piece of a value masked (null stays null)}
     *
     * @param text any text, or null
     */
    public String mask(String text) {
        List<int[]> found = find(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int copied = 0;
        for (int[] r : found) {
            b.append(text, copied, r[0]).append(SecretPatterns.MASK);
            copied = r[1];
        }
        return b.append(text, copied, text.length()).toString();
    }

    /** A word boundary as {@code Secrets.isWordBoundary} has it (white space, quotes, brackets and separators). */
    private static boolean isWordBoundary(char c) {
        return Character.isWhitespace(c) || "\"'`,;()[]{}<>|".indexOf(c) >= 0;
    }
}
