package io.sophia.core.internal;

import java.text.Normalizer;

/**
 * Characters that stand for an ASCII character a secret is written in, read back for detection: the full-width
 * forms (U+FF01–U+FF5E, {@code ｇｈｐ＿…}) and the ideographic space, the mathematical letters and digits
 * (U+1D400–U+1D7FF, {@code 𝐠𝐡𝐩}) that NFKC folds to ASCII, the invisible tag characters (U+E0020–U+E007E, a token
 * a reader does not see and a program reads), each also written as a JSON escape ({@code \uff47},
 * {@code \udb40\udc67}), and percent-encodings of any style ({@code %7E} or {@code ~}: Java's URLEncoder, JavaScript's
 * encodeURIComponent, a UTF-8 sequence). The redaction looks for secrets in the text read so and masks the original
 * span.
 */
public final class LookAlikes {

    private LookAlikes() {
    }

    /**
     * {@return the character at {@code i} of {@code text} read back, as {@code codePoint << 8 | length} (the length
     * of its form in {@code text}), or -1 when it is written as itself} Cheap for ASCII text: only {@code %} and a
     * backslash are looked at further.
     *
     * @param text any text
     * @param i    an index in it
     */
    public static long at(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return c == '%' ? percent(text, i) : c == '\\' ? escaped(text, i) : -1;
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            int a = ascii(Character.toCodePoint(c, text.charAt(i + 1)));
            return a < 0 ? -1 : (long) a << 8 | 2;
        }
        int a = ascii(c);
        return a < 0 ? -1 : (long) a << 8 | 1;
    }

    /**
     * {@return whether {@code cp} is shown as nothing though it is no format character (Unicode's default-ignorable
     * code points outside category Cf): the combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160,
     * U+3164 and U+FFA0, the Khmer vowels U+17B4 and U+17B5, the Mongolian selectors U+180B–U+180F and the variation
     * selectors U+FE00–U+FE0F and U+E0100–U+E01EF; inside a token they cut it in two for the shapes, not for a reader}
     *
     * @param cp a code point
     */
    public static boolean isIgnorable(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 || cp >= 0x180B && cp <= 0x180F
                || cp == 0x3164 || cp >= 0xFE00 && cp <= 0xFE0F || cp == 0xFFA0 || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /**
     * {@return the index after the {@linkplain #isIgnorable ignorable} character at {@code i}, or {@code i}}
     *
     * @param text any text
     * @param i    an index in it
     */
    public static int ignorableEnd(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x034F) {
            return i;
        }
        int cp = text.codePointAt(i);
        return isIgnorable(cp) ? i + Character.charCount(cp) : i;
    }

    /** The ASCII character {@code cp} stands for, or -1: full-width forms, tag characters, mathematical letters. */
    static int ascii(int cp) {
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            return cp - 0xFEE0;
        }
        if (cp == 0x3000) {
            return ' ';
        }
        if (cp >= 0xE0020 && cp <= 0xE007E) {
            return cp - 0xE0000;
        }
        if (cp >= 0x1D400 && cp <= 0x1D7FF) {
            String folded = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
            return folded.length() == 1 && folded.charAt(0) < 0x7f ? folded.charAt(0) : -1;
        }
        return -1;
    }

    /** A JSON escape of a look-alike ({@code \uff47}, {@code \udb40\udc67}), or -1. */
    private static long escaped(String text, int i) {
        int code = hex(text, i + 2, 4);
        if (code < 0 || text.charAt(i + 1) != 'u') {
            return -1;
        }
        if (Character.isHighSurrogate((char) code)) {
            int low = i + 8 <= text.length() && text.startsWith("\\u", i + 6) ? hex(text, i + 8, 4) : -1;
            if (low < 0 || !Character.isLowSurrogate((char) low)) {
                return -1;
            }
            int a = ascii(Character.toCodePoint((char) code, (char) low));
            return a < 0 ? -1 : (long) a << 8 | 12;
        }
        int a = ascii(code);
        return a < 0 ? -1 : (long) a << 8 | 6;
    }

    /**
     * A percent-encoded printable ASCII character or UTF-8 sequence (its code point, or the ASCII one a look-alike
     * stands for), or -1.
     */
    private static long percent(String text, int i) {
        int b = hex(text, i + 1, 2);
        if (b >= 0x20 && b < 0x7f) {
            return (long) b << 8 | 3;
        }
        int more = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
        if (more < 0) {
            return -1;
        }
        int cp = b & (0x3F >> more);
        for (int k = 1; k <= more; k++) {
            int at = i + 3 * k;
            int c = at < text.length() && text.charAt(at) == '%' ? hex(text, at + 1, 2) : -1;
            if (c < 0x80 || c > 0xBF) {
                return -1;
            }
            cp = cp << 6 | (c & 0x3F);
        }
        if (cp < 0x80 || !Character.isValidCodePoint(cp) || Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            return -1;
        }
        int a = ascii(cp);
        return (long) (a < 0 ? cp : a) << 8 | 3 * (more + 1);
    }

    /** The value of {@code digits} hexadecimal digits at {@code from}, or -1. */
    private static int hex(String text, int from, int digits) {
        if (from < 0 || from + digits > text.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + digits; k++) {
            char c = text.charAt(k);
            int d = c < 0x80 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }
}
