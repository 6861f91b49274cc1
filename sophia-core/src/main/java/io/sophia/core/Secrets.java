package io.sophia.core;

import io.sophia.core.internal.LookAlikes;
import io.sophia.core.internal.SecretPatterns;
import io.sophia.core.internal.SecretPieces;

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
 * {@code github_pat_}), Fly.io tokens ({@code FlyV1 …}, {@code fm1_}, {@code fm2_}, {@code fo1_}), GitLab, npm,
 * Slack, Stripe, OpenAI/Anthropic ({@code sk-}), Google ({@code AIza}) and SendGrid keys, Slack and Discord webhook
 * paths, AWS access key ids, JWTs, private key blocks, cookie values, password and secret values (of plain words
 * too), values of
 * {@code Authorization}-like headers, {@code Bearer}/{@code Basic}/{@code token} credentials, the
 * user info of URLs ({@code https://user:pass@host}), credential query parameters and
 * {@code *_TOKEN=}/{@code *_SECRET=}/{@code PASSWORD=} assignments. A masked secret becomes
 * {@value #MASK}; redacting twice gives the same text as redacting once.
 *
 * <p>Text is redacted <em>before</em> it is cut: {@link #cut(String, int)} masks first and then
 * never ends inside a word, so a limit that falls inside a token cannot leave its head behind.
 *
 * <p>Text of several lines (a response body, a check run's output, a log's context) is masked as lines: a secret
 * its producer wrapped onto the next line at a fixed width is found across the break and masked on both lines, and
 * the lines of a private key block whose END never comes are masked up to the first line of words. A token's shape
 * is recognised from its prefix and 12 characters on, so a head another program cut short is masked too. Mask text
 * of several lines before its lines are joined or split.
 *
 * <p>A registered value is masked in every piece of 12 or more characters (with the word the piece stands in: a
 * server that echoes the head of a token it cut short, a cut, a wrap) and in the forms it takes percent-encoded or
 * JSON-escaped. A value that is a URL gives the pieces of its user info, path and query only. A secret glued to or
 * cut by what a terminal does not show (a colour code, an escape sequence, a zero-width space or a soft hyphen) is
 * found in the text without them and masked from its first to its last character; one written in look-alikes
 * (full-width forms, mathematical letters, invisible tag characters, percent-encoded in any style) is found in the
 * text with them read back and masked the same way.
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

    private static final Secrets PATTERNS = new Secrets(List.of(), 0);

    private final List<String> values;

    /** The 12-character pieces of the registered values, found in any text by their hash. */
    private final SecretPieces pieces;

    /** How many values were registered (with their lines), without the forms they take encoded. */
    private final int registered;

    private Secrets(List<String> values, int registered) {
        this.values = values;
        this.pieces = SecretPieces.of(values);
        this.registered = registered;
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
        int before = all.size();
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
        int count = registered + all.size() - before;
        // the forms a value takes in a URL or a JSON string ("pa%24%24", "pa\\\"ss") are the value too; those of the
        // values held already are in: encoded again ("%2524"), the forms would double with each call
        Set<String> added = new LinkedHashSet<>(all);
        values.forEach(added::remove);
        for (String s : added) {
            SecretPieces.encodedForms(s).forEach(e -> add(all, e));
        }
        List<String> sorted = new ArrayList<>(all);
        // longest first, so a secret that contains another is masked whole
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Secrets(List.copyOf(sorted), count);
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
        return redact(text, false);
    }

    /**
     * {@code lines}, consecutive lines of one text (a log's context around a finding), masked as that text is
     * ({@link #redact}: a secret a line break cut in two is masked on both lines), one line out for each line in: a
     * private key block is masked line by line rather than as one mask.
     *
     * @param lines the lines, without their line breaks; a null line is taken as empty
     * @return the masked lines, as many as given
     */
    public List<String> redactLines(List<String> lines) {
        List<String> in = lines.stream().map(l -> l == null ? "" : l).toList();
        String[] out = redact(String.join("\n", in), true).split("\n", -1);
        if (out.length == in.size()) {
            return List.of(out);
        }
        return in.stream().map(this::redact).toList(); // not reached: no step takes a line break out when asked not to
    }

    private String redact(String text, boolean keepLines) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        for (String s : values) {
            // a value of several lines is registered line by line too: those masks keep the line breaks
            if (t.contains(s) && !(keepLines && s.indexOf('\n') >= 0)) {
                t = t.replace(s, MASK);
            }
        }
        t = maskAcrossHiddenCharacters(t); // before all: a colour code glued to a token hides its start
        t = pieces.mask(t); // a piece of a value another program cut short, kept by a cut, or written in a URL
        boolean lines = t.indexOf('\n') >= 0;
        boolean key = lines && t.contains("PRIVATE KEY-----");
        if (key && !keepLines) {
            t = maskCompleteKeys(t); // a whole block is one mask
        }
        if (lines) {
            // first: a block whose markers a wrap cut is whole only here
            t = maskAcrossLineBreaks(t);
        }
        if (key) {
            t = maskKeyLines(t); // the lines of a block, and of one whose END never comes, masked one by one
        }
        t = maskRepeats(SecretPatterns.redact(t), text);
        return lines ? maskWrappedTokens(t) : t;
    }

    /**
     * {@code masked} ({@code text} redacted) with every other piece of what the patterns find in {@code text} masked
     * too: a value known as a
     * secret by its key once ({@code password=correcthorsebatterystaple}, {@code Cookie: sid=…}) is one where a server
     * echoes it again without its key. Values of 12 or more characters on one line (a passphrase of words too: the
     * cookie rule, which took a sentence of a message for a value, masks the values of its pairs only).
     */
    private static String maskRepeats(String masked, String text) {
        if (masked.equals(text)) {
            return masked;
        }
        Set<String> found = new LinkedHashSet<>();
        for (int[] r : SecretPatterns.find(text)) {
            String v = text.substring(r[0], r[1]);
            if (v.length() >= SecretPieces.PIECE && v.chars().noneMatch(c -> c == '\n' || c == '\r')) {
                found.add(v);
            }
        }
        return found.isEmpty() ? masked : SecretPieces.of(List.copyOf(found)).mask(masked);
    }

    /**
     * {@code text} with every secret that a line break cut in two masked, on both lines: the line breaks that fall
     * between two characters of a word (with the next line's indent) are taken out, the patterns and registered values
     * are looked for in what is left, and each one found across such a break is masked where it was. A producer that
     * wraps at a fixed width cuts anything: a prefix ({@code ghs\n_M3n…}), a scheme and its credential
     * ({@code Bearer Zm9\nvYm…}), a URL's password, a {@code DEPLOY_TO\nKEN=} assignment.
     */
    private String maskAcrossLineBreaks(String text) {
        Joined joined = Joined.of(text, false);
        if (joined == null) {
            return text;
        }
        boolean[] masked = maskAcross(text, joined, null);
        // a token whose line break is right before the next line of an environment listing, of a config file or of
        // words is joined with that line, and its shape has no end there (AKIAIOSFODNN7EXAMPLEAWS_DEFAULT_REGION=…,
        // AKIAIOSFODNN7EXAMPLEregion = us-east-1 after a wrap at "AK"): read with those breaks kept too
        Joined listing = Joined.of(text, true);
        if (listing != null && listing.text().length() != joined.text().length()) {
            masked = maskAcross(text, listing, masked);
        }
        return masked == null ? text : withMasks(text, masked);
    }

    /** {@code masked} (or a new array, or null when nothing is) with what {@code joined} finds across its breaks set. */
    private boolean[] maskAcross(String text, Joined joined, boolean[] masked) {
        String j = joined.text();
        int[] at = joined.at();
        int n = text.length();
        List<int[]> found = SecretPatterns.find(j);
        for (String v : values) {
            for (int k = j.indexOf(v); k >= 0; k = j.indexOf(v, k + 1)) {
                found.add(new int[] {k, k + v.length(), k, k + v.length()});
            }
        }
        found.addAll(pieces.find(j));
        generatedWordsAcrossBreaks(j, at, found);
        for (int[] r : found) {
            int from = at[r[0]];
            int to = at[r[1] - 1];
            // a shape of no fixed length (ghp_…) joined with the first word of a next line of its own (a config
            // file's next key, a line of words) ends before that line: that word is no part of the secret
            for (int k = r[0] + 1; k < r[1]; k++) {
                if (at[k] != at[k - 1] + 1 && Joined.startsNewLine(text, at[k])) {
                    to = at[k - 1];
                    break;
                }
            }
            // a break was taken out inside the match: in the secret, or between it and its scheme ("Bear\ner Zm9v…")
            if (at[r[3] - 1] - at[r[2]] != r[3] - 1 - r[2]) {
                masked = masked == null ? new boolean[n] : masked;
                for (int k = from; k <= to; k++) {
                    char c = text.charAt(k);
                    masked[k] = c != '\n' && c != '\r';
                }
            }
        }
        return masked;
    }

    /**
     * True for a character that hides nothing, escapes nothing and stands for no other: printable ASCII or a line break,
     * but a backslash or a percent sign (what {@link Shown#hiddenEnd}, {@link Shown#escaped} and {@link LookAlikes#at}
     * find nothing at, told without calling them: most text is all such characters).
     */
    private static boolean plain(char c) {
        return (c >= 0x20 && c < 0x7f || c == '\n') && c != '\\' && c != '%';
    }

    /**
     * {@code text} with every secret that characters a terminal does not show would hide masked: escape sequences
     * (a colour code right before a token, {@code ESC[1mAKIA…}, leaves no word boundary for its shape; one inside it
     * cuts it in two), invisible format characters (a zero-width space or a soft hyphen inside a token) and controls.
     * The patterns, registered values and their pieces are looked for in the text without them, and each one found is
     * masked from its first to its last character in {@code text}, what is hidden between included; line breaks stay.
     * A secret written in {@linkplain LookAlikes look-alikes} (full-width, tag characters, percent-encoded in any
     * style) is looked for in the text with them read back.
     */
    private String maskAcrossHiddenCharacters(String text) {
        int n = text.length();
        int first = 0;
        while (first < n && (plain(text.charAt(first)) || Shown.hiddenEnd(text, first) == first
                && Shown.escaped(text, first) < 0 && LookAlikes.at(text, first) < 0)) {
            first++;
        }
        if (first == n) {
            return text;
        }
        boolean hidden = false;
        boolean alike = false;
        for (int i = first; i < n && !(hidden && alike); i++) {
            alike |= LookAlikes.at(text, i) >= 0;
            hidden |= Shown.hiddenEnd(text, i) > i || Shown.escaped(text, i) >= 0;
        }
        List<Shown> views = new ArrayList<>();
        if (hidden) {
            // without them, a token they cut in two is whole; with a space for them, one they were glued to has its
            // start
            views.add(Shown.of(text, first, Shown.WITHOUT));
            views.add(Shown.of(text, first, Shown.SPACED));
        }
        if (alike) {
            Shown back = Shown.of(text, first, Shown.READ_BACK);
            views.add(back);
            Shown joined = back.joined(); // a look-alike token a producer wrapped onto the next line
            if (joined != null) {
                views.add(joined);
            }
        }
        boolean[] masked = null;
        for (Shown shown : views) {
            String c = shown.text();
            List<int[]> here = SecretPatterns.find(c);
            char[] rest = null; // the text without the values found whole: a piece of one masks no word around it
            for (String v : values) {
                for (int k = c.indexOf(v); k >= 0; k = c.indexOf(v, k + 1)) {
                    here.add(new int[] {k, k + v.length()});
                    rest = rest == null ? c.toCharArray() : rest;
                    java.util.Arrays.fill(rest, k, k + v.length(), ' ');
                }
            }
            here.addAll(pieces.find(rest == null ? c : new String(rest)));
            for (int[] r : here) {
                masked = masked == null ? new boolean[n] : masked;
                for (int k = shown.at()[r[0]], to = shown.end(text, r[1] - 1); k < to; k++) {
                    char ch = text.charAt(k);
                    masked[k] = ch != '\n' && ch != '\r';
                }
            }
        }
        return masked == null ? text : withMasks(text, masked);
    }

    /** {@code text} with each run of masked characters replaced by one {@value #MASK}. */
    private static String withMasks(String text, boolean[] masked) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            if (!masked[k]) {
                out.append(text.charAt(k));
            } else if (k == 0 || !masked[k - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /**
     * A text as a terminal or a JSON reader shows it: what it does not show taken out; at[i]: where char i was. In
     * {@link #READ_BACK} mode, look-alikes are read as what they stand for too.
     */
    private record Shown(String text, int[] at, int mode) {

        /** Hidden characters taken out. */
        static final int WITHOUT = 0;
        /** Each run of hidden characters a space. */
        static final int SPACED = 1;
        /** Hidden characters taken out, {@linkplain LookAlikes look-alikes} read back. */
        static final int READ_BACK = 2;

        /** {@code text} from {@code first} on as {@code mode} shows it. */
        static Shown of(String text, int first, int mode) {
            int n = text.length();
            StringBuilder shown = new StringBuilder(n).append(text, 0, first);
            int[] at = new int[n];
            for (int k = 0; k < first; k++) {
                at[k] = k;
            }
            for (int i = first; i < n; ) {
                long alike = mode == READ_BACK ? LookAlikes.at(text, i) : -1;
                int end = hiddenEnd(text, i);
                int escaped = escaped(text, i);
                if (alike >= 0) {
                    at[shown.length()] = i;
                    shown.appendCodePoint((int) (alike >>> 8));
                    at[shown.length() - 1] = i; // a code point of two chars: both stand at i
                    i += (int) (alike & 0xFF);
                } else if (escaped >= 0) {
                    // a JSON escape of a line break, a tab or a printable character ("\\n", Gson's "\\u003d"): what
                    // it stands for, so a token glued to it has its start ("\\nghp_…", "TOKEN\\u003dghp_…")
                    at[shown.length()] = i;
                    shown.append(escaped < 0x20 ? ' ' : (char) escaped);
                    i += text.charAt(i + 1) == 'u' ? 6 : 2;
                } else if (end > i) {
                    if (mode == SPACED) {
                        at[shown.length()] = i;
                        shown.append(' ');
                    }
                    i = end;
                } else {
                    at[shown.length()] = i;
                    shown.append(text.charAt(i++));
                }
            }
            return new Shown(shown.toString(), at, mode);
        }

        /** {@return this text with its line breaks inside words taken out ({@link Joined}), or null if none} */
        Shown joined() {
            Joined j = Joined.of(text, false);
            if (j == null) {
                return null;
            }
            int[] a = new int[j.text().length()];
            for (int k = 0; k < a.length; k++) {
                a[k] = at[j.at()[k]];
            }
            return new Shown(j.text(), a, mode);
        }

        /** The index in {@code text} after the form of shown char {@code k} (an escape, a look-alike, a pair). */
        int end(String text, int k) {
            int i = at[k];
            long alike = mode == READ_BACK ? LookAlikes.at(text, i) : -1;
            if (alike >= 0) {
                return i + (int) (alike & 0xFF);
            }
            if (escaped(text, i) >= 0) {
                return i + (text.charAt(i + 1) == 'u' ? 6 : 2);
            }
            boolean pair = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length();
            return i + (pair ? 2 : 1);
        }

        /**
         * The index after what is not shown at {@code i} ({@link RemoteText#hiddenEnd}), or after such a character
         * written as an escape (JSON's {@code \u001b[1m}, {@code \u200b}, {@code \udb40\udc41}; {@code \x1b[0m},
         * {@code \033[0m} and {@code \e[0m} of a shell): a body or a log in JSON carries its colour codes so.
         */
        static int hiddenEnd(String text, int i) {
            int end = RemoteText.hiddenEnd(text, i);
            end = end > i ? end : LookAlikes.ignorableEnd(text, i);
            if (end > i || text.charAt(i) != '\\' || i + 1 >= text.length()) {
                return end;
            }
            int code = -1;
            int next = i;
            if (text.charAt(i + 1) == 'u' && isHex4(text, i + 2)) {
                code = Integer.parseInt(text, i + 2, i + 6, 16);
                next = i + 6;
                if (Character.isHighSurrogate((char) code) && text.startsWith("\\u", next) && isHex4(text, next + 2)) {
                    code = Character.toCodePoint((char) code, (char) Integer.parseInt(text, next + 2, next + 6, 16));
                    next += 6;
                }
            } else if (text.regionMatches(true, i, "\\x1b", 0, 4) || text.startsWith("\\033", i)) {
                code = 0x1b;
                next = i + 4;
            } else if (text.startsWith("\\e[", i)) {
                code = 0x1b;
                next = i + 2;
            }
            if (code == 0x1b && next < text.length() && text.charAt(next) == '[') {
                int j = next + 1;
                while (j < text.length() && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x3f) {
                    j++;
                }
                return j < text.length() && text.charAt(j) >= 0x40 && text.charAt(j) <= 0x7e ? j + 1 : next;
            }
            boolean hidden = code >= 0 && (code < 0x20 && code != '\n' && code != '\t' || code >= 0x7f && code <= 0x9f
                    || RemoteText.isInvisible(code) || LookAlikes.isIgnorable(code));
            return hidden ? next : i;
        }

        /**
         * The character a JSON escape at {@code i} stands for when it is a line break, a tab ({@code \n}, {@code \r},
         * {@code \t}, {@code \b}, {@code \f}), a quote, slash or backslash (a JSON body quoted in a JSON log line:
         * {@code \"password\":\"…\"}) or a printable ASCII character written as {@code \\u003d} (Gson's {@code =});
         * -1 otherwise (hidden characters are {@link #hiddenEnd}'s).
         */
        static int escaped(String text, int i) {
            if (text.charAt(i) != '\\' || i + 1 >= text.length()) {
                return -1;
            }
            int k = "nrtbf\"/\\".indexOf(text.charAt(i + 1));
            if (k >= 0) {
                return "\n\r\t\b\f\"/\\".charAt(k);
            }
            if (text.charAt(i + 1) != 'u' || !isHex4(text, i + 2)) {
                return -1;
            }
            int code = Integer.parseInt(text, i + 2, i + 6, 16);
            return code >= 0x20 && code < 0x7f ? code : -1;
        }

        private static boolean isHex4(String text, int from) {
            if (from + 4 > text.length()) {
                return false;
            }
            for (int k = from; k < from + 4; k++) {
                if (Character.digit(text.charAt(k), 16) < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A text with the line breaks inside words (and the next line's indent) taken out; at[i]: where char i was. */
    private record Joined(String text, int[] at) {

        private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        /** A word of a table's header row: upper-case letters, '-' and '_', and a closing "(S)" ({@code PORT(S)}). */
        private static final java.util.regex.Pattern TABLE_HEADER_WORD = java.util.regex.Pattern.compile(
                "[A-Z][A-Z_-]{1,20}(\\(S\\))?");

        /** Columns kubectl, docker and helm print in their tables' header rows. */
        private static final Set<String> TABLE_COLUMNS = Set.of("NAME", "NAMES", "READY", "STATUS", "RESTARTS", "AGE",
                "IMAGE", "TYPE", "CREATED", "NAMESPACE", "REVISION", "UPDATED", "CHART", "PORTS", "PORT(S)", "AVAILABLE",
                "UP-TO-DATE", "DESIRED", "CURRENT", "NODE", "CLUSTER-IP", "EXTERNAL-IP", "COMMAND", "CONTAINER", "TAG",
                "STATE", "ID", "SIZE", "VERSION");

        /**
         * Whether the line at {@code i} of {@code text} (after its indent) starts a line of its own rather than going
         * on with a token the line before ends in: an environment variable's assignment, a config file's key
         * ({@code region = us-east-1}, {@code output: json}, {@code aws_secret_access_key=…}), a short word of prose
         * ({@code Deploying the service}) or a date ({@code 2026-12-05T18:07:44Z}). A token's rest is none of these,
         * or is shorter than 12 characters (a word of prose that ends a token wrapped before it is no piece of it).
         */
        static boolean startsNewLine(String text, int i) {
            int end = wordEnd(text, i);
            if (startsWithAssignment(text, i, end) || isPlainWord(text, i, end)) {
                return true;
            }
            int k = i;
            if (k < end && text.charAt(k) >= 'a' && text.charAt(k) <= 'z') {
                while (k < end && (Character.isLowerCase(text.charAt(k)) || Character.isDigit(text.charAt(k))
                        || text.charAt(k) == '_' || text.charAt(k) == '-' || text.charAt(k) == '.')) {
                    k++;
                }
                int e = k;
                while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
                    e++;
                }
                char after = e + 1 < text.length() ? text.charAt(e + 1) : ' ';
                if (e < text.length() && (text.charAt(e) == ':' && isWordBoundary(after)
                        || text.charAt(e) == '=' && (e > k || after != '=' && !isWordBoundary(after)))) {
                    return true; // a key and its value
                }
            }
            return end - i >= 10 && DATE.matcher(text).region(i, end).lookingAt();
        }

        /**
         * Whether the line that ends at {@code i} of {@code text} is a table's header row: three or more words of
         * upper-case letters (with '-' and '_', and a closing "(S)": {@code UP-TO-DATE}, {@code PORT(S)}) alone, one of
         * them a column kubectl, docker or helm prints ({@code NAME   READY   STATUS   RESTARTS   AGE};
         * {@code CONTAINER ID   IMAGE ... NAMES}). The break after it starts the table's first row, so a long name there
         * ({@code alertmanager-kps-alertmanager-0}) joined with {@code AGE} is no generated word a wrap cut in two
         * (p59-03: the pod's name was masked in a finding); an access key's head ending such a line still joins.
         */
        static boolean endsTableHeader(String text, int i) {
            char end = i > 0 ? text.charAt(i - 1) : ' ';
            if (!(end >= 'A' && end <= 'Z' || end == ')')) {
                return false; // the common case, decided without looking at the line
            }
            int start = i;
            while (start > 0 && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
                start--;
            }
            String[] words = text.substring(start, i).strip().split("[ \t]+");
            if (words.length < 3) {
                return false;
            }
            boolean known = false;
            for (String w : words) {
                if (!TABLE_HEADER_WORD.matcher(w).matches()) {
                    return false;
                }
                known |= TABLE_COLUMNS.contains(w);
            }
            String last = words[words.length - 1];
            for (String head : SecretPatterns.AWS_KEY_HEADS) {
                if (last.startsWith(head) || head.startsWith(last)) {
                    return false; // an access key's head (AKIA) or its start, cut by the break
                }
            }
            return known;
        }

        /**
         * {@return {@code text} joined, or null when no line break falls inside a word; with {@code keepBeforeAssignment},
         * a break before a line that starts with an environment variable's assignment stays}
         */
        static Joined of(String text, boolean keepBeforeAssignment) {
            StringBuilder joined = null;
            int[] at = null;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                int next = c == '\n' ? i + 1 : c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : -1;
                if (next >= 0) {
                    while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                        next++;
                    }
                    if (i > 0 && next < n && !isWordBoundary(text.charAt(i - 1)) && !isWordBoundary(text.charAt(next))
                            && !(keepBeforeAssignment && startsNewLine(text, next)) && !endsTableHeader(text, i)) {
                        if (joined == null) {
                            joined = new StringBuilder(n);
                            at = new int[n];
                            joined.append(text, 0, i);
                            for (int k = 0; k < i; k++) {
                                at[k] = k;
                            }
                        }
                        i = next - 1; // the break and the indent go
                        continue;
                    }
                }
                if (joined != null) {
                    at[joined.length()] = i;
                    joined.append(c);
                }
            }
            return joined == null ? null : new Joined(joined.toString(), at);
        }
    }

    private static final java.util.regex.Pattern KEY_BEGIN = java.util.regex.Pattern.compile(
            "-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----");
    private static final java.util.regex.Pattern KEY_END = java.util.regex.Pattern.compile(
            "-----END [A-Z ]{0,40}PRIVATE KEY-----");

    /**
     * {@code text} with each block from a BEGIN marker to the first END marker after it masked whole. Two plain
     * searches, not one lazy pattern: {@code BEGIN[\s\S]*?END} scans to the end of the text from every BEGIN that has
     * no END after it, quadratic in a text of BEGIN lines alone (9 s at 128 KB).
     */
    private static String maskCompleteKeys(String text) {
        java.util.regex.Matcher begin = KEY_BEGIN.matcher(text);
        java.util.regex.Matcher end = KEY_END.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (begin.find(copied) && end.find(begin.end())) {
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, copied, begin.start()).append(MASK);
            copied = end.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * {@code text} with its private key blocks masked line by line: from the BEGIN marker on, then the lines of key
     * material up to the END line. A line of words ends a block whose END never comes (a key cut short, a secret
     * scanner's finding that quotes only the marker) and is read as any other: the pattern alone masks such a block
     * to the end of the text, which would drop every later line of a check run's output or a response body.
     */
    private static String maskKeyLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inKey = false;
        int keyLines = 0;
        for (int from = 0; from <= text.length(); ) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end;
            String line = text.substring(from, end);
            if (!inKey && privateKeyBegin(line) >= 0) {
                out.append(line, 0, line.indexOf(BEGIN_MARK)).append(MASK).append(afterEnd(line));
                inKey = !isPrivateKeyEnd(line);
                keyLines = 0;
            } else if (inKey && isPrivateKeyEnd(line)) {
                out.append(MASK).append(afterEnd(line));
                inKey = false;
            } else if (inKey && ++keyLines <= MAX_PRIVATE_KEY_LINES && isPrivateKeyMaterial(line)) {
                out.append(MASK);
            } else {
                inKey = false;
                out.append(line);
            }
            if (end < text.length()) {
                out.append('\n');
            }
            from = end + 1;
        }
        return maskBeforeEnd(out.toString());
    }

    private static final java.util.regex.Pattern BASE64_RUN = java.util.regex.Pattern.compile("[A-Za-z0-9+/=]{16,}+");

    /**
     * {@code text} with the key material before an END marker masked when the BEGIN marker is out of sight (a window
     * of a log's lines, a key printed on one line and wrapped): runs of 16 or more base64 characters before
     * {@code -----END} on its line (the marker's {@code PRIVATE KEY-----} on that line or the next), and the lines of
     * key material right above it.
     */
    private static String maskBeforeEnd(String text) {
        if (!text.contains("-----END")) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        for (int i = 0; i < lines.length; i++) {
            int end = lines[i].indexOf("-----END");
            if (end < 0 || !(lines[i].indexOf("KEY-----", end) >= 0
                    || i + 1 < lines.length && lines[i + 1].contains("PRIVATE KEY-----"))) {
                continue;
            }
            String before = BASE64_RUN.matcher(lines[i].substring(0, end)).replaceAll(MASK);
            lines[i] = before + lines[i].substring(end);
            for (int j = i - 1; j >= 0 && i - j <= MAX_PRIVATE_KEY_LINES && !lines[j].equals(MASK)
                    && isPrivateKeyMaterial(lines[j]) && !lines[j].isBlank(); j--) {
                lines[j] = MASK;
            }
            changed = true;
        }
        return changed ? String.join("\n", lines) : text;
    }

    /** What follows a key's END marker on its line (nothing when the line has none). */
    private static String afterEnd(String line) {
        int end = line.indexOf("-----END");
        int marker = end < 0 ? -1 : line.indexOf("KEY-----", end);
        return marker < 0 ? "" : line.substring(marker + "KEY-----".length());
    }

    /** Prefixes of token shapes a producer may wrap onto the next line (a terminal's width, a fixed-width log). */
    private static final String[] TOKEN_HEADS = {"ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_", "glpat-",
        "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xapp-", "npm_", "fm1_", "fm2_", "FlyV1", "sk_live_",
        "sk_test_", "rk_live_", "rk_test_", "AKIA", "ASIA", "eyJ"};

    /**
     * {@code text} (already redacted) with the rest of a token of no known shape masked, and its head: after a line that
     * {@linkplain #endsWithTokenHead ends in a mask or a word that starts like a token}, or is one generated-looking
     * word (the middle of a token wrapped over several lines), a next line that starts with
     * {@linkplain #startsWithTokenRest a generated-looking word} (the rule the log scanner applies line by line). Each
     * masked rest that fills its line ends that line in a mask, so a token wrapped over many lines goes whole.
     */
    private static String maskWrappedTokens(String text) {
        String[] lines = text.split("\n", -1);
        boolean changed = false;
        for (int i = 1; i < lines.length; i++) {
            String head = withoutCarriageReturn(lines[i - 1]);
            String next = lines[i];
            int w = head.length();
            while (w > 0 && !isWordBoundary(head.charAt(w - 1))) {
                w--;
            }
            int indent = 0;
            while (indent < next.length() && (next.charAt(indent) == ' ' || next.charAt(indent) == '\t')) {
                indent++;
            }
            int r = wordEnd(next, indent);
            if (r == indent) {
                continue;
            }
            // a line that is one generated word is the middle of a token wrapped over several lines
            if (!(endsWithTokenHead(head) || tokenRestEnd(head) == head.length()) || tokenRestEnd(next) < 0
                    || Joined.startsNewLine(next, indent)) {
                continue;
            }
            if (w < head.length()) {
                lines[i - 1] = head.substring(0, w) + MASK + lines[i - 1].substring(head.length());
            }
            lines[i] = next.substring(0, indent) + MASK + next.substring(r);
            changed = true;
        }
        return changed ? String.join("\n", lines) : text;
    }

    /**
     * Adds to {@code found} each word of {@code joined} that a line break was taken out of and that looks generated
     * whole: 32 or more characters of base64 or token alphabet with lower and upper case, and a digit or no dot (the
     * lines of a private key printed with its line breaks collapsed and then wrapped, a token of no known shape). A
     * path or a hexadecimal digest cut by a wrap has no upper case, a qualified class name has dots and no digit,
     * and words of prose are shorter.
     */
    private static void generatedWordsAcrossBreaks(String joined, int[] at, List<int[]> found) {
        int n = joined.length();
        int w = 0;
        while (w < n) {
            while (w < n && isWordBoundary(joined.charAt(w))) {
                w++;
            }
            int e = w;
            boolean lower = false;
            boolean upper = false;
            boolean digit = false;
            boolean dot = false;
            boolean other = false;
            boolean broken = false;
            for (; e < n && !isWordBoundary(joined.charAt(e)); e++) {
                if (e > w && at[e] != at[e - 1] + 1 && startsWithAssignment(joined, e, unbrokenEnd(joined, at, e))) {
                    break; // the next line of an environment listing
                }
                char c = joined.charAt(e);
                lower |= c >= 'a' && c <= 'z';
                upper |= c >= 'A' && c <= 'Z';
                digit |= c >= '0' && c <= '9';
                dot |= c == '.';
                other |= !(Character.isLetterOrDigit(c) || "+/=_.-".indexOf(c) >= 0);
                broken |= e > w && at[e] != at[e - 1] + 1;
            }
            // without a digit only when there is no dot: a wrapped class name (org.example.SomeFactoryBean) stays
            if (broken && e - w >= 32 && lower && upper && (digit || !dot) && !other) {
                // a plain word the line ends in or the next one starts with ("was", "Starting") is no part of it
                int first = w + 1;
                while (at[first] == at[first - 1] + 1) {
                    first++;
                }
                int last = e - 1;
                while (at[last] == at[last - 1] + 1) {
                    last--;
                }
                int from = isPlainWord(joined, w, first) ? first : w;
                int to = isPlainWord(joined, last, e) ? last : e;
                found.add(new int[] {from, to, w, e}); // the whole word is what a break was taken out of
            }
            w = e;
        }
    }

    /**
     * Where the word at {@code i} of {@code s} ends: an assignment is read in its word only, so a base64 value's padding
     * before a quote or a space ({@code KQ="}, the rest of a wrapped value) is no assignment of an empty value.
     */
    private static int wordEnd(String s, int i) {
        int e = i;
        while (e < s.length() && !isWordBoundary(s.charAt(e))) {
            e++;
        }
        return e;
    }

    /**
     * Where the word at {@code i} of {@code joined} ends or the next break taken out of it is: an assignment is read on
     * its own line only, so a wrapped value's padding at the end of its line ({@code KQ=}) joined with the next
     * line's variable ({@code KQ=NODE_OPTIONS=…}) is no assignment.
     */
    private static int unbrokenEnd(String joined, int[] at, int i) {
        int e = i;
        while (e < joined.length() && !isWordBoundary(joined.charAt(e)) && (e == i || at[e] == at[e - 1] + 1)) {
            e++;
        }
        return e;
    }

    /** Whether {@code s[from, to)} is a short word of prose: letters, lower case but for the first. */
    private static boolean isPlainWord(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLowerCase(c) || i == from && Character.isUpperCase(c))) {
                return false;
            }
        }
        return to - from > 1 && to - from < 12; // a longer one could be a 12-character piece of the secret
    }

    private static String withoutCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * {@return whether the last word of {@code line} starts like a token ({@code ghp_}, {@code github_pat_},
     * {@code xoxb-}, {@code fm2_}, {@code AKIA}, {@code eyJ} …) or the line ends in a {@linkplain #MASK mask}: a
     * line break right after it may have cut a token in two}
     *
     * @param line one line, without its line break
     */
    public static boolean endsWithTokenHead(CharSequence line) {
        int e = line.length();
        if (e >= MASK.length() && startsAt(line, e - MASK.length(), MASK)) {
            return true;
        }
        int w = e;
        while (w > 0 && !isWordBoundary(line.charAt(w - 1))) {
            w--;
        }
        for (String head : TOKEN_HEADS) {
            if (e - w >= head.length() && startsAt(line, w, head)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@return the last word of {@code line} when it is shorter than a token's head and starts it ({@code gh},
     * {@code AKI}, {@code github_p}, {@code e}), else null: a line break right there cut the head itself, so the line
     * alone does not {@linkplain #endsWithTokenHead end like a token}, and only the next line's start
     * ({@link #startsWithRestOfCutHead}) shows whether it was one. A line longer than the context a log scanner keeps
     * of it loses that word to the cut, so the scanner reads it here, on the line as it came (review 25)}
     *
     * @param line one line, without its line break
     */
    public static String endsWithCutTokenHead(CharSequence line) {
        int e = line.length();
        int w = e;
        while (w > 0 && e - w < 11 && !isWordBoundary(line.charAt(w - 1))) {
            w--;
        }
        if (w == e || w > 0 && !isWordBoundary(line.charAt(w - 1))) {
            return null;
        }
        String word = line.subSequence(w, e).toString();
        for (String head : TOKEN_HEADS) {
            if (head.length() > word.length() && head.startsWith(word)) {
                return word;
            }
        }
        return null;
    }

    /**
     * {@return whether {@code line} starts (after spaces) with the rest of a token whose head the line break cut:
     * {@code cutHead} ({@link #endsWithCutTokenHead} of the line before) and this line's first word spell a token's
     * head, and that word {@linkplain #startsWithTokenRest looks like a token's rest}}
     *
     * @param cutHead the part of a head the line before ended in, or null
     * @param line    one line, without its line break
     */
    public static boolean startsWithRestOfCutHead(String cutHead, CharSequence line) {
        if (cutHead == null || tokenRestEnd(line) < 0) {
            return false;
        }
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        for (String head : TOKEN_HEADS) {
            if (head.length() > cutHead.length() && head.startsWith(cutHead)) {
                String rest = head.substring(cutHead.length());
                if (line.length() - i >= rest.length() && startsAt(line, i, rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsAt(CharSequence text, int i, String part) {
        for (int k = 0; k < part.length(); k++) {
            if (text.charAt(i + k) != part.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return whether {@code line} starts (after spaces) with a word of 12 or more token characters that looks
     * generated (a digit, or two of lower case, inner upper case and symbols): after a line that {@linkplain
     * #endsWithTokenHead ends like a token}, the rest of it. Shorter rests are no 12-character piece of anything,
     * and words ("Starting") do not look generated, nor does an environment variable's assignment
     * ({@code NODE_OPTIONS=--max-old-space-size=4096}, the next line of an environment listing)}
     *
     * @param line one line, without its line break
     */
    public static boolean startsWithTokenRest(CharSequence line) {
        return tokenRestEnd(line) >= 0;
    }

    /** Where the rest of a token {@code line} starts with ends, or -1 when it starts with none. */
    private static int tokenRestEnd(CharSequence line) {
        return tokenRestEnd(line, 0);
    }

    /** Where the rest of a token that {@code text} starts with at {@code start} ends, or -1 when none does. */
    private static int tokenRestEnd(CharSequence line, int start) {
        int e = line.length();
        int i = start;
        while (i < e && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        int from = i;
        boolean digit = false;
        boolean lower = false;
        boolean innerUpper = false;
        boolean symbol = false;
        for (; i < e && (Character.isLetterOrDigit(line.charAt(i)) || "_-+/=.,".indexOf(line.charAt(i)) >= 0); i++) {
            char c = line.charAt(i);
            digit |= Character.isDigit(c);
            lower |= Character.isLowerCase(c);
            innerUpper |= i > from && Character.isUpperCase(c);
            symbol |= "_-+/=".indexOf(c) >= 0;
        }
        boolean generated = digit || (lower ? 1 : 0) + (innerUpper ? 1 : 0) + (symbol ? 1 : 0) >= 2;
        return i - from >= 12 && generated && (i == e || isWordBoundary(line.charAt(i)))
                && !startsWithAssignment(line, from, i) ? i : -1;
    }

    /**
     * Whether {@code line[from, end)} starts with an upper-case variable's name, '=' and a value: a new line of an
     * environment listing, not a wrapped token's rest. Base64, the alphabet of tokens of no known shape, has '=' only as
     * padding at its end (then followed by '=', the ',' between a FlyV1 token's macaroons, or nothing).
     */
    private static boolean startsWithAssignment(CharSequence line, int from, int end) {
        int i = from;
        if (i >= end || !(line.charAt(i) >= 'A' && line.charAt(i) <= 'Z')) {
            return false;
        }
        while (i < end && ((line.charAt(i) >= 'A' && line.charAt(i) <= 'Z') || Character.isDigit(line.charAt(i))
                || line.charAt(i) == '_')) {
            i++;
        }
        return i + 1 < end && line.charAt(i) == '=' && line.charAt(i + 1) != '=' && line.charAt(i + 1) != ',';
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

    private static final String BEGIN_MARK = "-----BEGIN";
    private static final String KEY_MARK = "PRIVATE KEY-----";
    private static final String END_MARK = "-----END";

    /**
     * {@return where the marker that begins a PEM private key block ends on {@code line} (just after its
     * {@code PRIVATE KEY-----}), or -1 when the line names no such marker}: a line with {@code -----BEGIN} and
     * {@code PRIVATE KEY-----}. A block printed a line at a time starts at such a line, and key material may follow
     * the marker on it; {@link #redactLines} and the log scanner read blocks by this and {@link #isPrivateKeyEnd}.
     *
     * @param line one line, without its line break
     */
    public static int privateKeyBegin(CharSequence line) {
        int marker = indexOf(line, KEY_MARK);
        return marker < 0 || indexOf(line, BEGIN_MARK) < 0 ? -1 : marker + KEY_MARK.length();
    }

    /**
     * {@return whether {@code line} has a PEM END marker ({@code -----END}): the line a private key block that
     * {@linkplain #privateKeyBegin began} ends at, or, with the BEGIN marker on it, a whole block on one line}
     *
     * @param line one line, without its line break
     */
    public static boolean isPrivateKeyEnd(CharSequence line) {
        return indexOf(line, END_MARK) >= 0;
    }

    private static int indexOf(CharSequence text, String part) {
        if (text instanceof String s) {
            return s.indexOf(part);
        }
        for (int i = 0, last = text.length() - part.length(); i <= last; i++) {
            if (text.charAt(i) == part.charAt(0) && startsAt(text, i, part)) {
                return i;
            }
        }
        return -1;
    }

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
        return registered;
    }

    @Override
    public String toString() {
        return "Secrets[patterns + " + registered + " registered values]";
    }
}
