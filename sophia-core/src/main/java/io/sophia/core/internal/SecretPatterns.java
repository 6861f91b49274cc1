package io.sophia.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one set of credential shapes every redaction in Sophia uses (reports, probe details, config
 * and rule-file errors, the command line's streams). Add a shape here and every output masks it.
 */
public final class SecretPatterns {

    /** What a masked secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    private static final Predicate<String> ALWAYS = s -> true;

    /**
     * A pattern, the group of it that is the secret, and lower-case literals one of which must
     * occur for the pattern to match (checked first: most text holds none, and the scan is cheap).
     */
    private record Rule(Pattern pattern, int group, Predicate<String> applies, List<String> hints,
            Function<String, List<int[]>> parts) {
        Rule(Pattern pattern, int group, Predicate<String> applies, String... hints) {
            this(pattern, group, applies, List.of(hints), null);
        }

        /** A rule whose group holds several secrets: {@code parts} gives their ranges in the group's text. */
        static Rule split(Pattern pattern, int group, Function<String, List<int[]>> parts, String... hints) {
            return new Rule(pattern, group, ALWAYS, List.of(hints), parts);
        }

        /** The secrets in {@code m}'s group, as ranges in the matched text; none when the rule does not apply. */
        List<int[]> secrets(Matcher m) {
            int start = m.start(group);
            if (start < 0) {
                return List.of();
            }
            String g = m.group(group);
            if (parts == null) {
                return applies.test(g) && !g.equals(MASK) ? List.of(new int[] {start, m.end(group)}) : List.of();
            }
            List<int[]> out = new java.util.ArrayList<>();
            for (int[] p : parts.apply(g)) {
                if (!g.startsWith(MASK, p[0]) || p[1] - p[0] != MASK.length()) {
                    out.add(new int[] {start + p[0], start + p[1]});
                }
            }
            return out;
        }
    }

    /** The heads of AWS access key ids (AKIA a user's, ASIA a session's, ...): the one list the rule and a wrap use. */
    public static final List<String> AWS_KEY_HEADS = List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA");

    /**
     * An Authorization header's scheme: one of the usual ones, or any token of RFC 7235 that 1 to 5 spaces and a
     * credential of 8 or more characters follow (ApiKey, Bot, Negotiate, AWS4-HMAC-SHA256).
     */
    private static final String AUTH_SCHEME = "(?:bearer|basic|token|flyv1|digest"
            + "|[A-Za-z][\\w.+-]{1,30}(?=\\s{1,5}[A-Za-z0-9._~+/=-]{8}))\\s{1,5}";

    // Every quantifier is bounded or possessive on a character class, so a rule is linear in the text.
    // A token's shape matches from its prefix and 12 characters on: a head cut short (a line or field limit of
    // another program, a line break) is a piece of the token, and the canary looks for 12-character pieces.
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]{0,40}PRIVATE KEY-----|\\z)"),
                    0, ALWAYS, "private key-----"),
            new Rule(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{8,255}|github_pat_[A-Za-z0-9_]{1,255})"), 0, ALWAYS,
                    "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_"),
            new Rule(Pattern.compile("(?i)\\bFlyV1\\s{1,5}([^\\s\"'<>`]++)"), 1, ALWAYS, "flyv1"),
            // Fly.io macaroons: fm1_, fm1r_, fm1a_, fm2_ (machines), fo1_ (an organisation's)
            new Rule(Pattern.compile("\\b(?:fm[12][ar]?|fo1)_[A-Za-z0-9_+/=-]{7,}+"), 0, ALWAYS, "fm1", "fm2_", "fo1_"),
            // OpenAI (sk-…, sk-proj-…, sk-svcacct-…) and Anthropic (sk-ant-api03-…) keys; a head of 12 cut short too;
            // not a host or job name that starts with sk- (sk-prod-db-01, sk-eu-west-cache): see isProviderKey
            new Rule(Pattern.compile("\\bsk-[A-Za-z0-9_-]{9,}+"), 0, SecretPatterns::isProviderKey, "sk-"),
            // Google API keys
            new Rule(Pattern.compile("\\bAIza[A-Za-z0-9_-]{8,}+"), 0, ALWAYS, "aiza"),
            new Rule(Pattern.compile("\\b(?:glpat-[A-Za-z0-9_-]{6,}+|xox[abposr]-[A-Za-z0-9-]{7,}+|xapp-[A-Za-z0-9-]{7,}+)"), 0, ALWAYS,
                    "glpat-", "xox", "xapp-"),
            // npm_ + 36: a head of 8 without a digit or capital is an npm variable's name (npm_execpath), not a token's
            new Rule(Pattern.compile("\\bnpm_[A-Za-z0-9]{8,36}+(?![A-Za-z0-9_])"), 0,
                    s -> s.chars().skip(4).anyMatch(c -> Character.isDigit(c) || Character.isUpperCase(c)), "npm_"),
            // Stripe-style secret and restricted keys (sk_live_…, rk_test_…): often in health or config dumps
            new Rule(Pattern.compile("\\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{4,}+"), 0, ALWAYS, "sk_", "rk_"),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{9,}+(?:\\.[A-Za-z0-9_-]*+){0,4}+"), 0, ALWAYS, "eyj"),
            new Rule(Pattern.compile("\\b(?:" + String.join("|", AWS_KEY_HEADS) + ")[A-Z0-9]{8,16}\\b"), 0, ALWAYS,
                    AWS_KEY_HEADS.stream().map(h -> h.toLowerCase(Locale.ROOT)).toArray(String[]::new)),
            // an Authorization header's value after its scheme, any scheme of RFC 7235 followed by a credential of 8 or
            // more characters (Bearer, Basic, ApiKey, Bot, Negotiate, AWS4-HMAC-SHA256 ...; review 42); without one, the
            // value itself, but not a word of prose going on with more words: Docker's "may require authorization:
            // server message: insufficient_scope" (the word masked, and "authorization" everywhere once it was the
            // value, earthly/earthly#1873)
            new Rule(Pattern.compile("(?i)\\b(?:proxy-)?authorization([\"']?\\s{0,5}[:=]\\s{0,5}[\"']?)"
                    + "(?>" + AUTH_SCHEME + "|(?!(?-i:[a-z]{2,13}+)[ \\t]++(?-i:[a-z])))([^\\s\"'<>,;`()\\[\\]{}]++)"),
                    2, ALWAYS, "authorization"),
            // a key or token header's value is the credential whatever it looks like, with a credential-like word after
            // it (a scheme written before a key: "api-key = ApiKey c2VjcmV0...")
            new Rule(Pattern.compile("(?i)\\b(?:x-api-key|api-key|x-auth-token|private-token)"
                    + "([\"']?\\s{0,5}[:=]\\s{0,5}[\"']?)([^\\s\"'<>,;`()\\[\\]{}]++"
                    + "(?:[ \\t]{1,5}+[A-Za-z0-9._~+/=-]{8,}+)?+)"),
                    2, ALWAYS, "api-key", "auth-token", "private-token"),
            // AWS Signature Version 4's signature, in an Authorization header or a query string
            new Rule(Pattern.compile("(?i)\\bSignature=([0-9a-f]{16,}+)"), 1, ALWAYS, "signature="),
            new Rule(Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s{1,5}([A-Za-z0-9._~+/=-]{8,}+)"), 1,
                    SecretPatterns::looksGeneratedOrLong, "bearer", "basic", "token"),
            // the values of a cookie header's pairs: session ids are credentials whatever their shape; its attributes
            // (Path, Expires, HttpOnly, SameSite …) and the text after the header stay
            Rule.split(Pattern.compile("(?i)\\b(?:set-)?cookie[\"']?\\s{0,5}:\\s{0,5}[\"']?([^\\r\\n]{1,2000}+)"), 1,
                    SecretPatterns::cookieValues, "cookie"),
            // a password or secret written in quotes (JSON, YAML, a shell): the whole quoted value, spaces and all
            new Rule(Pattern.compile("(?i)\\b[A-Z0-9_-]{0,40}(?:PASSWORD|PASSWD|PASSPHRASE|SECRET)[\"']?\\s{0,5}[:=]\\s{0,5}"
                    + "\"([^\"\\r\\n]{1,500}+)\""), 1, s -> !s.isBlank(), "passw", "secret", "passphrase"),
            new Rule(Pattern.compile("(?i)\\b[A-Z0-9_-]{0,40}(?:PASSWORD|PASSWD|PASSPHRASE|SECRET)[\"']?\\s{0,5}[:=]\\s{0,5}"
                    + "'([^'\\r\\n]{1,500}+)'"), 1, s -> !s.isBlank(), "passw", "secret", "passphrase"),
            // a password or secret unquoted: any value of 4 or more characters (a person's password looks like words);
            // one of words (correct horse battery staple) up to a delimiter, the next key= or the end of the line
            // (not the kind of a Kubernetes resource named next by its quoted name: "failed to find GitHub config
            // secret: secrets \"x\" not found", actions-runner-controller, projectbluefin/lab#270; "password: secret"
            // alone is a weak password and is masked)
            Rule.split(Pattern.compile("(?i)\\b[A-Z0-9_-]{0,40}(?:PASSWORD|PASSWD|PASSPHRASE|SECRET)\\s{0,5}[:=]\\s{0,5}"
                    + "(?!secrets?\\s{1,5}\\\\?\")([^\\s\"'<>,;`]++(?:[ \\t]{1,5}+(?![^\\s\"'<>,;`=:]{1,60}+[=:])[^\\s\"'<>,;`]++){0,32}+)"), 1,
                    SecretPatterns::passwordValue, "passw", "secret", "passphrase"),
            new Rule(Pattern.compile("(?i)\\b[A-Z0-9_]{0,40}(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|_KEY)"
                    + "[\"']?\\s{0,5}[:=]\\s{0,5}[\"']?([^\\s\"'<>,;`]{6,}+)"), 1, SecretPatterns::looksGeneratedOrLong,
                    "token", "secret", "passw", "key"),
            // credentials on a command line: curl -u user:password, --password VALUE, --token=VALUE
            new Rule(Pattern.compile("(?<![\\w-])(?:-u|--user)\\s{1,5}[\"']?([^\\s:\"'`]{1,100}+:[^\\s\"'`]{4,}+)"), 1,
                    s -> !s.substring(s.indexOf(':') + 1).chars().allMatch(Character::isDigit), "-u", "--user"),
            new Rule(Pattern.compile("(?i)(?<![\\w-])--(?:password|passwd|token|api-key|secret|client-secret|access-token)"
                    + "(?:=|\\s{1,5})[\"']?([^\\s\"'`]{4,}+)"), 1, s -> !s.startsWith("$") && !s.startsWith("-"), "--"),
            // incoming webhooks whose path is their credential (Slack, Discord)
            new Rule(Pattern.compile("(?i)\\bhooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9/_-]{8,}+)"), 1,
                    ALWAYS, "hooks.slack.com"),
            new Rule(Pattern.compile("(?i)\\bdiscord(?:app)?\\.com/api/webhooks/([A-Za-z0-9/_-]{8,}+)"), 1, ALWAYS,
                    "/api/webhooks/"),
            // SendGrid keys
            new Rule(Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{9,}+(?:\\.[A-Za-z0-9_-]*+)?+"), 0, ALWAYS, "sg."),
            // user info of a url with a password of two or three words (scheme://user:correct horse@host)
            new Rule(Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://([^/\\s@\"'<>`:]{0,100}+:[^/@\"'<>`\\r\\n]{1,64}+)@"
                    + "[A-Za-z0-9\\[]"), 1, s -> s.chars().filter(c -> c == ' ').count() <= 2 && s.contains(" "), "@"),
            // user info of a url: scheme://user:password@host (the whole user info, the user name can be a token too)
            new Rule(Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://([^/\\s@\"'<>`]++)@"), 1, ALWAYS, "@"),
            new Rule(Pattern.compile("(?i)[?&;](?:access_token|refresh_token|id_token|token|api_key|apikey|key|secret"
                    + "|client_secret|password|passwd|pwd|sig|signature|x-amz-signature|x-amz-credential"
                    + "|x-amz-security-token|auth)=([^&\\s\"'<>#`]++)"), 1, ALWAYS,
                    "token=", "key=", "secret=", "passw", "pwd=", "sig", "credential=", "auth="));

    /** A whole value shaped like a credential: a known token prefix, an auth scheme and a credential. */
    private static final Pattern SECRET_PREFIX = Pattern.compile(
            "(?is)(gh[pousr]_|github_pat_|fm[12]_|flyv1\\s|bearer\\s|basic\\s|glpat-|npm_|xox[abposr]-|xapp-|sk_live_|sk_test_"
            + "|rk_live_|rk_test_|fo1_|aiza|akia|asia|eyj[a-z0-9_-]{8,}\\.|-----begin ).*");

    private SecretPatterns() {
    }

    /** {@code text} with every credential-shaped part masked; null stays null. Idempotent. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        String lower = t.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            for (String hint : r.hints()) {
                if (lower.contains(hint)) {
                    t = apply(r, t);
                    break;
                }
            }
        }
        return t;
    }

    /**
     * The parts of {@code text} the rules would mask, as {@code [start, end, matchStart, matchEnd]}: the secret and the
     * whole match it was found in (a scheme, a key name), in {@code text}'s indices; rules applied each to the text as
     * it is, so parts may overlap. For text whose indices must be mapped back to another text: a copy with its wrapped
     * lines joined.
     */
    public static List<int[]> find(String text) {
        List<int[]> out = new java.util.ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            for (String hint : r.hints()) {
                if (lower.contains(hint)) {
                    Matcher m = r.pattern().matcher(text);
                    while (m.find()) {
                        // a key block without its END runs to the end of the text: the caller masks such a block
                        // line by line, up to the first line of words, rather than everything after the marker
                        if (r == RULES.get(0) && !m.group().contains("-----END")) {
                            continue;
                        }
                        for (int[] secret : r.secrets(m)) {
                            out.add(new int[] {secret[0], secret[1], m.start(), m.end()});
                        }
                    }
                    break;
                }
            }
        }
        return out;
    }

    /**
     * True when a whole value (a config value, a key) looks like a credential: a known token shape,
     * or a long run of mixed-case letters and digits without spaces (generated, not a name:
     * {@code DEPLOY_TOKEN_FOR_THE_PRODUCTION_CLUSTER} is a name, {@code aZ3…} is not).
     */
    public static boolean looksLikeSecret(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return false;
        }
        if (SECRET_PREFIX.matcher(v).matches() || !redact(v).equals(v)) {
            return true;
        }
        if (v.length() < 32 || v.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        boolean lower = v.chars().anyMatch(Character::isLowerCase);
        boolean upper = v.chars().anyMatch(Character::isUpperCase);
        boolean digit = v.chars().anyMatch(Character::isDigit);
        return lower && upper && digit;
    }

    private static String apply(Rule r, String t) {
        Matcher m = r.pattern().matcher(t);
        if (!m.find()) {
            return t;
        }
        StringBuilder b = new StringBuilder(t.length());
        int last = 0;
        do {
            for (int[] secret : r.secrets(m)) {
                b.append(t, last, secret[0]).append(MASK);
                last = secret[1];
            }
        } while (m.find());
        b.append(t, last, t.length());
        return b.toString();
    }

    /** The part of an OpenAI or Anthropic key after {@code sk-} that names its kind: what follows is the key. */
    private static final Pattern PROVIDER_KEY_KIND = Pattern.compile("(?:proj|svcacct|ant-[a-z]{2,8}+\\d{0,2}+|or-v1)(?:-|$)");

    /**
     * Whether {@code s}, a word that starts with {@code sk-}, is an OpenAI or Anthropic key or its head (12 or more
     * characters): a kind that only keys have ({@code sk-proj-}, {@code sk-svcacct-}, {@code sk-ant-api03-},
     * {@code sk-ant-admin01-}, {@code sk-or-v1-}; {@code sk-admin-} and a capital), or a run of 9 or more letters and digits in upper and lower case
     * that is not words in camel case (a classic key is {@code sk-} and 48 of them), or of 20 or more lower-case
     * letters and digits, or 9 or more hexadecimal digits right after {@code sk-} (a hexadecimal key). A host, job or model name that starts with {@code sk-} is words and
     * short numbers in lower case ({@code sk-prod-db-01}, {@code sk-eu-west-cache}, {@code sk-learn}) and stays.
     * Formats: gitleaks' rules {@code openai.go} ({@code sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}},
     * {@code sk-(proj|svcacct|admin)-…T3BlbkFJ…}) and {@code anthropic.go} ({@code sk-ant-api03-[A-Za-z0-9_-]{93}AA},
     * {@code sk-ant-admin01-…}, {@code sk-ant-oat01-…}).
     */
    static boolean isProviderKey(String s) {
        if (PROVIDER_KEY_KIND.matcher(s).region(3, s.length()).lookingAt()) {
            return true;
        }
        if (s.startsWith("sk-admin-")) {
            // an OpenAI admin key: what follows is mixed case from its first characters on (sk-admin-panel-01 stays)
            return s.length() >= 29 || s.chars().skip(9).anyMatch(Character::isUpperCase);
        }
        for (int i = 3; i < s.length(); ) {
            int e = i;
            boolean lower = false;
            boolean upper = false;
            boolean digit = false;
            for (; e < s.length() && Character.isLetterOrDigit(s.charAt(e)); e++) {
                char c = s.charAt(e);
                lower |= Character.isLowerCase(c);
                upper |= Character.isUpperCase(c);
                digit |= Character.isDigit(c);
            }
            String run = s.substring(i, e);
            boolean hexHead = i == 3 && run.length() >= 9 && digit && run.chars().allMatch(c -> Character.digit(c, 16) >= 0);
            if (run.length() >= 9 && lower && upper && !CAMEL_CASE_WORDS.matcher(run).matches()
                    || run.length() >= 20 && !upper && lower && digit || hexHead && lower) {
                return true;
            }
            i = e + 1;
        }
        return false;
    }

    /** Words in camel case ({@code MyService}, {@code ProdDatabase}): a name, not a key. */
    private static final Pattern CAMEL_CASE_WORDS = Pattern.compile("[A-Z]?[a-z]++(?:[A-Z][a-z]{2,}+)*+");

    /** Cookie attributes of a Set-Cookie header: their values are no secret. */
    private static final java.util.Set<String> COOKIE_ATTRIBUTES = java.util.Set.of("path", "expires", "max-age", "domain",
            "samesite", "secure", "httponly", "priority", "partitioned", "version", "comment", "commenturl", "discard",
            "port");

    /**
     * The values of the {@code name=value} pairs of a cookie header's text ({@code sid=…; theme=…}, a Set-Cookie's
     * {@code sid=…; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT; HttpOnly}, folded ones after a comma), as ranges
     * in {@code text}: not the names, not the attributes' values. The header ends where a pair or an attribute is
     * followed by neither {@code ;} nor {@code ,} (white space, a quote): what follows is text of the message. A
     * first value without a name ({@code Cookie: 3f9aK…}) counts when it looks generated.
     */
    static List<int[]> cookieValues(String text) {
        List<int[]> out = new java.util.ArrayList<>();
        int n = text.length();
        int i = 0;
        for (boolean first = true; i < n; first = false) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int name = i;
            while (i < n && isCookieNameChar(text.charAt(i))) {
                i++;
            }
            if (i < n && text.charAt(i) == '=' && i > name) {
                String key = text.substring(name, i).toLowerCase(Locale.ROOT);
                int v = ++i;
                if (key.equals("expires")) {
                    while (i < n && text.charAt(i) != ';' && text.charAt(i) != '"' && text.charAt(i) != '\'') {
                        i++; // a date: "Wed, 21 Oct 2015 07:28:00 GMT"
                    }
                } else {
                    i = cookieValueEnd(text, i);
                    if (!COOKIE_ATTRIBUTES.contains(key) && i > v) {
                        out.add(new int[] {v, i});
                    }
                }
            } else if (i == name) {
                break;
            } else if (first && looksGeneratedOrLong(text.substring(name, i))) {
                out.add(new int[] {name, i});
            }
            if (i >= n || text.charAt(i) != ';' && text.charAt(i) != ',') {
                break;
            }
            i++;
        }
        return out;
    }

    private static boolean isCookieNameChar(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "!#$%&*+-.^_|~".indexOf(c) >= 0);
    }

    /** Where a cookie value from {@code i} ends: a quoted one at its closing quote, another at a separator. */
    private static int cookieValueEnd(String text, int i) {
        int n = text.length();
        if (i < n && text.charAt(i) == '"') {
            int close = text.indexOf('"', i + 1);
            return close < 0 ? n : close + 1;
        }
        while (i < n && !Character.isWhitespace(text.charAt(i)) && ";,\"'`<>\\".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** Words that follow "password:" or "secret:" in a message rather than a password ("password: unknown key";
     * MySQL's "Access denied for user 'root'@'172.18.0.4' (using password: YES)"). */
    private static final java.util.Set<String> NOT_PASSWORDS = java.util.Set.of("unknown", "missing", "required",
            "invalid", "expired", "empty", "none", "null", "true", "false", "must", "should", "incorrect", "wrong",
            "mismatch", "unset", "provided", "given", "redacted", "hidden", "changed", "rejected", "denied", "failed",
            "yes", "yes)", "authentication", "required.", "not", "too", "was", "is", "the", "with", "from", "(not", "***",
            "****", "no", "n/a", "for", "to", "did", "does", "cannot", "has", "please", "length", "policy", "reset",
            "updated");

    /** A value after a password or secret key that can be one: not a variable reference or a word of a message. */
    static boolean isPasswordValue(String s) {
        return !s.startsWith("$") && !s.startsWith("%") && !NOT_PASSWORDS.contains(s.toLowerCase(Locale.ROOT));
    }

    /**
     * The password in {@code words}, the words after a password or secret key up to a delimiter, the next
     * {@code key=} or the end of the line, as a range in it: when the first is a plain word of letters, the words up
     * to one of a message ({@code password: correct horse battery staple}; {@code … staple was rejected} keeps
     * {@code was rejected}: a passphrase with such a word keeps its tail), the first only otherwise (a generated
     * value, {@code hunter2}, a secret's id: what follows it is the message); none when the first is a word of a
     * message ({@code password: unknown key}, {@code password: must be set}), a variable or too short.
     */
    static List<int[]> passwordValue(String words) {
        int first = 0;
        while (first < words.length() && words.charAt(first) != ' ' && words.charAt(first) != '\t') {
            first++;
        }
        String head = words.substring(0, first);
        int end = first;
        if (head.chars().allMatch(Character::isLetter)) {
            // the words of a passphrase, up to a word of the message ("… staple failed", "… staple was rejected")
            for (int from = end; from < words.length(); ) {
                int w = from;
                while (w < words.length() && (words.charAt(w) == ' ' || words.charAt(w) == '\t')) {
                    w++;
                }
                int e = w;
                while (e < words.length() && words.charAt(e) != ' ' && words.charAt(e) != '\t') {
                    e++;
                }
                if (NOT_PASSWORDS.contains(words.substring(w, e).toLowerCase(Locale.ROOT))) {
                    break;
                }
                end = e;
                from = e;
            }
        }
        return end < 4 || !isPasswordValue(head) ? List.of() : List.of(new int[] {0, end});
    }

    /**
     * True for {@linkplain #looksRandom generated-looking} strings and for any of 20 or more characters: a credential
     * of lower case letters alone is long, a word after "Bearer" or "token" in prose is not.
     */
    static boolean looksGeneratedOrLong(String s) {
        return s.length() >= 20 || looksRandom(s);
    }

    /**
     * True for strings that look generated rather than written: at least 8 characters with a
     * digit, or with at least two of lower case, inner upper case and symbols. Keeps "Bearer
     * authentication" and "token expired" readable while masking "Basic dXNlcjpwYXNz".
     */
    public static boolean looksRandom(String s) {
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
