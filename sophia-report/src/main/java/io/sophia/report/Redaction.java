package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.report.internal.AssessmentScrubber;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it reaches a report: explicitly registered secret values (the
 * value of a token environment variable, say) and strings that look like credentials — GitHub
 * tokens ({@code ghp_}, {@code gho_}, {@code ghs_}, {@code ghu_}, {@code ghr_}, {@code github_pat_}),
 * Fly.io tokens ({@code FlyV1 …}, {@code fm1_}, {@code fm2_}), values of {@code Authorization}
 * and similar headers, {@code Bearer}/{@code Basic}/{@code token} credentials, AWS access keys,
 * JWTs, private key blocks, the user-info of URLs ({@code https://user:pass@host}), credential
 * query parameters ({@code ?token=}, {@code access_token=}, {@code sig=} …) and
 * {@code *_TOKEN=}/{@code *_SECRET=}/{@code PASSWORD=} assignments.
 *
 * <p>Every renderer of this package applies a redaction to every string of the assessment
 * before escaping it; by default {@link #patterns()}. A masked secret becomes {@value #MASK}.
 * Applying a redaction twice gives the same text as applying it once.
 *
 * <p>Registered values shorter than {@value #MIN_SECRET_LENGTH} characters are ignored: masking
 * every "1" or "ok" would destroy the report without protecting anything worth the name.
 *
 * <p>Immutable and thread-safe. Stability: public API.
 */
public final class Redaction {

    /** What a masked secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    /** Shortest registered value that is masked. */
    public static final int MIN_SECRET_LENGTH = 4;

    private static final Predicate<String> ALWAYS = s -> true;

    /**
     * A pattern, the group of it that is the secret, and lower-case literals one of which must
     * occur for the pattern to match (checked first: most text holds none, and the scan is cheap).
     */
    private record Rule(Pattern pattern, int group, Predicate<String> applies, List<String> hints) {
        Rule(Pattern pattern, int group, Predicate<String> applies, String... hints) {
            this(pattern, group, applies, List.of(hints));
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|\\z)"),
                    0, ALWAYS, "private key-----"),
            new Rule(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{16,255}|github_pat_[A-Za-z0-9_]{20,255})"), 0, ALWAYS, "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_"),
            new Rule(Pattern.compile("\\bFlyV1\\s+([^\\s\"'<>`]+)"), 1, ALWAYS, "flyv1"),
            new Rule(Pattern.compile("\\bfm[12]_[A-Za-z0-9_+/=-]{16,}"), 0, ALWAYS, "fm1_", "fm2_"),
            new Rule(Pattern.compile("\\b(?:glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|xox[abprs]-[A-Za-z0-9-]{10,})"),
                    0, ALWAYS, "glpat-", "npm_", "xox"),
            // Stripe-style secret and restricted keys (sk_live_…, rk_test_…): often in health or config dumps
            new Rule(Pattern.compile("\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"), 0, ALWAYS, "sk_", "rk_"),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), 0, ALWAYS, "eyj"),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}\\b"), 0, ALWAYS, "akia", "asia", "agpa", "aida", "aroa"),
            new Rule(Pattern.compile("(?i)\\b(?:proxy-)?(?:authorization|x-api-key|api-key|x-auth-token|private-token)"
                    + "([\"']?\\s{0,5}[:=]\\s{0,5}[\"']?)(?:(?:bearer|basic|token|flyv1|digest)\\s{1,5})?+([^\\s\"'<>,;`()\\[\\]{}]+)"),
                    2, ALWAYS, "authorization", "api-key", "auth-token", "private-token"),
            new Rule(Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s{1,5}([A-Za-z0-9._~+/=-]{8,})"), 1,
                    Redaction::looksRandom, "bearer", "basic", "token"),
            new Rule(Pattern.compile("(?i)\\b[A-Z0-9_]{0,40}(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|_KEY)"
                    + "[\"']?\\s{0,5}[:=]\\s{0,5}[\"']?([^\\s\"'<>,;`]{6,})"), 1, Redaction::looksRandom, "token", "secret", "passw", "key"),
            new Rule(Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://([^/\\s@\"'<>`]+)@"), 1, ALWAYS, "@"),
            new Rule(Pattern.compile("(?i)[?&;](?:access_token|refresh_token|id_token|token|api_key|apikey|key|secret"
                    + "|client_secret|password|passwd|pwd|sig|signature|x-amz-signature|x-amz-credential"
                    + "|x-amz-security-token|auth)=([^&\\s\"'<>#`]+)"), 1, ALWAYS, "token=", "key=", "secret=", "passw", "pwd=", "sig", "credential=", "auth="));

    private static final Redaction PATTERNS = new Redaction(List.of());

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Masks token-looking strings only; the default of every renderer.
     *
     * @return the redaction
     */
    public static Redaction patterns() {
        return PATTERNS;
    }

    /**
     * Masks these values wherever they appear, and token-looking strings. Null and short values are ignored.
     *
     * @param secrets secret values
     * @return the redaction
     */
    public static Redaction of(Collection<String> secrets) {
        return PATTERNS.and(secrets);
    }

    /**
     * {@return this redaction plus more secret values}
     *
     * @param more further secret values
     */
    public Redaction and(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(secrets);
        for (String s : Objects.requireNonNullElse(more, List.<String>of())) {
            if (s != null && s.strip().length() >= MIN_SECRET_LENGTH) {
                all.add(s);
                if (!s.strip().equals(s)) {
                    all.add(s.strip());
                }
            }
        }
        List<String> sorted = new ArrayList<>(all);
        // longest first, so a secret that contains another is masked whole
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Redaction(List.copyOf(sorted));
    }

    /**
     * {@return {@code text} with every secret masked; null stays null}
     *
     * @param text any text, or null
     */
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        for (String s : secrets) {
            if (t.contains(s)) {
                t = t.replace(s, MASK);
            }
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        for (Rule r : RULES) {
            if (r.hints().stream().anyMatch(lower::contains)) {
                t = applyRule(r, t);
            }
        }
        return t;
    }

    /** Each of {@code texts} masked (the artifact names a report lists); null gives an empty list. */
    List<String> applyEach(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(this::apply).toList();
    }

    /**
     * {@return a copy of {@code assessment} in which every string (names, urls, log lines, texts) is masked}
     *
     * @param assessment the assessment to mask
     */
    public Assessment apply(Assessment assessment) {
        return AssessmentScrubber.scrub(assessment, this::apply);
    }

    /** {@return the number of registered secret values (not the values)} */
    public int registeredValues() {
        return secrets.size();
    }

    @Override
    public String toString() {
        return "Redaction[patterns + " + secrets.size() + " registered values]";
    }

    private static String applyRule(Rule r, String t) {
        Matcher m = r.pattern().matcher(t);
        if (!m.find()) {
            return t;
        }
        StringBuilder b = new StringBuilder(t.length());
        int last = 0;
        do {
            int start = m.start(r.group());
            int end = m.end(r.group());
            if (start < 0) {
                continue;
            }
            String secret = t.substring(start, end);
            if (secret.equals(MASK) || !r.applies().test(secret)) {
                continue;
            }
            b.append(t, last, start).append(MASK);
            last = end;
        } while (m.find());
        b.append(t, last, t.length());
        return b.toString();
    }

    /**
     * True for strings that look generated rather than written: at least 8 characters with a
     * digit, or with at least two of lower case, inner upper case and symbols. Keeps "Bearer
     * authentication" and "token expired" readable while masking "Basic dXNlcjpwYXNz".
     */
    static boolean looksRandom(String s) {
        if (s.length() < 8) {
            return false;
        }
        boolean lower = false;
        boolean innerUpper = false;
        boolean symbol = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                return true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                innerUpper |= i > 0;
            } else if ("+/=_".indexOf(c) >= 0) {
                symbol = true;
            }
        }
        int classes = (lower ? 1 : 0) + (innerUpper ? 1 : 0) + (symbol ? 1 : 0);
        return classes >= 2;
    }
}
