package io.sophia.core;

import io.sophia.core.internal.SecretPatterns;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one redaction every output of Sophia goes through: report files, the command line's
 * streams, log messages, exception messages, config and rule-file errors. It masks explicitly
 * registered values (the value of a token environment variable, say) and strings shaped like
 * credentials — GitHub tokens ({@code ghp_}, {@code gho_}, {@code ghs_}, {@code ghu_}, {@code ghr_},
 * {@code github_pat_}), Fly.io tokens ({@code FlyV1 …}, {@code fm1_}, {@code fm2_}), GitLab, npm,
 * Slack and Stripe keys, AWS access key ids, JWTs, private key blocks, values of
 * {@code Authorization}-like headers, {@code Bearer}/{@code Basic}/{@code token} credentials, the
 * user info of URLs ({@code https://user:pass@host}), credential query parameters and
 * {@code *_TOKEN=}/{@code *_SECRET=}/{@code PASSWORD=} assignments. A masked secret becomes
 * {@value #MASK}; redacting twice gives the same text as redacting once.
 *
 * <p>Text is redacted <em>before</em> it is cut: {@link #cut(String, int)} masks first and then
 * never ends inside a word, so a limit that falls inside a token cannot leave its head behind.
 *
 * <p>A registered value that spans several lines is masked whole and line by line, so a part of
 * it printed on its own is masked too. Values shorter than {@value #MIN_SECRET_LENGTH} characters
 * are ignored: masking every "1" or "ok" would destroy the text without protecting anything.
 *
 * <p>Immutable and thread-safe. Stability: public API.
 */
public final class Secrets {

    /** What a masked secret is replaced with. */
    public static final String MASK = SecretPatterns.MASK;

    /** Shortest registered value that is masked. */
    public static final int MIN_SECRET_LENGTH = 4;

    /** What a cut text ends with. */
    public static final String ELLIPSIS = "…";

    private static final Secrets PATTERNS = new Secrets(List.of());

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /**
     * Masks credential-shaped strings only.
     *
     * @return the redaction
     */
    public static Secrets patterns() {
        return PATTERNS;
    }

    /**
     * Masks these values wherever they appear, and credential-shaped strings. Null and short values are ignored.
     *
     * @param values secret values
     * @return the redaction
     */
    public static Secrets of(Collection<String> values) {
        return PATTERNS.and(values);
    }

    /**
     * {@return this redaction plus more secret values}
     *
     * @param more further secret values
     */
    public Secrets and(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(values);
        for (String s : Objects.requireNonNullElse(more, List.<String>of())) {
            if (s == null) {
                continue;
            }
            add(all, s);
            add(all, s.strip());
            // a multi-line value can be printed a line at a time (a header split at its newline)
            for (String line : s.split("\\R")) {
                add(all, line);
                add(all, line.strip());
            }
        }
        List<String> sorted = new ArrayList<>(all);
        // longest first, so a secret that contains another is masked whole
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Secrets(List.copyOf(sorted));
    }

    private static void add(Set<String> all, String s) {
        if (s.strip().length() >= MIN_SECRET_LENGTH) {
            all.add(s);
        }
    }

    /**
     * {@return {@code text} with every secret masked; null stays null}
     *
     * @param text any text, or null
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        for (String s : values) {
            if (t.contains(s)) {
                t = t.replace(s, MASK);
            }
        }
        return SecretPatterns.redact(t);
    }

    /**
     * {@code text} redacted, then cut to at most {@code max} characters ending in {@value #ELLIPSIS}
     * when longer. The cut never ends inside a word (a run without spaces or quotes), so no piece of
     * a token that the patterns do not know survives a cut either; a first word longer than the
     * limit is dropped whole. Null stays null.
     *
     * @param text any text, or null
     * @param max characters kept at most
     * @return the text, cut and masked
     */
    public String cut(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        if (text == null) {
            return null;
        }
        String r = redact(text);
        if (r.length() <= max) {
            return r;
        }
        return atWordBoundary(r, max);
    }

    /**
     * {@code text} cut to at most {@code max} characters at a word boundary, without redacting
     * first: for text already redacted, or text that never held a secret.
     */
    static String atWordBoundary(String r, int max) {
        if (r.length() <= max) {
            return r;
        }
        int end = wordEnd(r, 0, r.length(), Math.max(0, max - ELLIPSIS.length()));
        if (end > 0 && Character.isHighSurrogate(r.charAt(end - 1))) {
            end--;
        }
        return r.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * Where a copy of at most {@code max} characters of {@code text[from, end)} ends without keeping part of a word:
     * a cut that falls inside one goes back to where the word starts, since the head of a token could be printed
     * where its whole would be masked. What {@link #cut} does, for callers that cut before they build a string (a
     * log read into a buffer) or cut text they redact line by line.
     *
     * @param text the text
     * @param from the first character of the part to copy
     * @param end  the end of that part (exclusive)
     * @param max  characters kept at most
     * @return the end (exclusive) of the copy, from {@code from} to {@code from + max}
     */
    public static int wordEnd(CharSequence text, int from, int end, int max) {
        int e = from + Math.min(end - from, max);
        if (e < end && !isWordBoundary(text.charAt(e))) {
            while (e > from && !isWordBoundary(text.charAt(e - 1))) {
                e--;
            }
        }
        return e;
    }

    /**
     * {@return whether {@code c} ends a word for {@link #cut}: white space, a quote or a bracket, so a token (a run of
     * letters, digits and {@code _-.+/=:}) is never split between two words}
     *
     * @param c a character
     */
    public static boolean isWordBoundary(char c) {
        return Character.isWhitespace(c) || "\"'`,;()[]{}<>|".indexOf(c) >= 0;
    }

    /** Lines of a private key block masked at most when its END line never comes (a 4096-bit RSA key has 51). */
    public static final int MAX_PRIVATE_KEY_LINES = 200;

    private static final java.util.regex.Pattern KEY_MATERIAL = java.util.regex.Pattern.compile(
            "\\s*(?:#\\d+ [\\d.]+ |[\\w.-]+ +\\| ?)?(?:[A-Za-z0-9+/=]*|(?:Proc-Type|DEK-Info): [^\\n]*)\\s*");

    /**
     * {@return whether {@code line} can be a line inside a PEM private key block printed a line at a time: one run of
     * base64, a PEM header ({@code Proc-Type}, {@code DEK-Info}) or nothing, after a BuildKit ({@code #8 0.231 }) or
     * Compose ({@code app-1  | }) prefix. A block goes on while its lines look so; a line of words ends it}
     *
     * @param line one line, without its line break
     */
    public static boolean isPrivateKeyMaterial(CharSequence line) {
        return KEY_MATERIAL.matcher(line).matches();
    }

    /**
     * True when a whole value (a config value, an argument) looks like a credential: a known token
     * shape, or a long run of mixed-case letters and digits without spaces. Such values are named,
     * never quoted, in messages.
     *
     * @param value a string, or null
     * @return true when {@code value} has the shape of a credential
     */
    public static boolean looksLikeSecret(String value) {
        return SecretPatterns.looksLikeSecret(value);
    }

    /**
     * {@return a parser's error message fit to print about a file that may not be what the user thinks (a credentials
     * file named as a rule file, say): its first line only, every quoted excerpt of the input ({@code Unrecognized
     * token 'ghp_…'}) replaced by {@code '…'} except single characters and the JSON literals, then redacted and cut
     * to 200 characters} Null gives {@code "parse error"}.
     *
     * @param message what is wrong
     */
    public static String parserMessage(String message) {
        if (message == null || message.isBlank()) {
            return "parse error";
        }
        String first = message.strip().lines().findFirst().orElse("");
        StringBuilder b = new StringBuilder(first.length());
        int i = 0;
        while (i < first.length()) {
            char c = first.charAt(i);
            int close = c == '\'' || c == '"' ? first.indexOf(c, i + 1) : -1;
            if (close < 0) {
                b.append(c);
                i++;
                continue;
            }
            String quoted = first.substring(i + 1, close);
            boolean harmless = quoted.codePointCount(0, quoted.length()) <= 1 || quoted.equals("null")
                    || quoted.equals("true") || quoted.equals("false");
            b.append(c).append(harmless ? quoted : ELLIPSIS).append(c);
            i = close + 1;
        }
        return PATTERNS.cut(b.toString(), 200);
    }

    /** {@return the number of registered secret values (not the values)} */
    public int registeredValues() {
        return values.size();
    }

    @Override
    public String toString() {
        return "Secrets[patterns + " + values.size() + " registered values]";
    }
}
