package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One labeled scenario of the calibration corpus: a recorded fleet / CI / platform state turned into
 * observations, and the root cause a senior engineer would name for it.
 *
 * @param id           the file name without {@code .yaml}
 * @param title        one line
 * @param cause        the label, one of {@link CauseId#BUILT_IN}
 * @param rationale    why a senior engineer names that cause, one line
 * @param holdout      true when the scenario must never be used to tune the knowledge base
 * @param origin       where the error text comes from
 * @param file         the scenario file
 * @param at           the assessment clock
 * @param deployment   the services and their topology
 * @param observations what the probes would have seen, in probe order
 * @param family       the source family (tool and origin of the text): the cross-validation group; the file's
 *                     {@code family} key, else {@link #deriveFamily derived} from the id and origin
 * @param source       the URL or corpus path of the real text, empty when the file gives none
 */
public record Scenario(String id, String title, CauseId cause, String rationale, boolean holdout, String origin,
                       Path file, Instant at, Deployment deployment, List<Observation> observations, String family,
                       String source) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cause, "cause");
        observations = List.copyOf(observations);
        origin = Objects.requireNonNullElse(origin, "");
        family = family == null || family.isBlank() ? deriveFamily(origin) : family;
        source = Objects.requireNonNullElse(source, "");
    }

    /** A scenario whose family is derived from its origin. */
    public Scenario(String id, String title, CauseId cause, String rationale, boolean holdout, String origin,
                    Path file, Instant at, Deployment deployment, List<Observation> observations) {
        this(id, title, cause, rationale, holdout, origin, file, at, deployment, observations, null, null);
    }

    /**
     * Id prefix of the ninth holdout set: blind until it was scored once (aggregate only) on 2026-12-03, consumed on
     * 2026-12-03 with the {@code h10-} files ({@link #TENTH_HOLDOUT_PREFIX}); {@code h4-} to {@code h8-} were consumed
     * likewise ({@link #fourthHoldout()} to {@link #eighthHoldout()}, {@link #ninthHoldout()}, {@link #tenthHoldout()}).
     * The blind test is the prefix rule of {@link #BLIND_PREFIXES}.
     */
    public static final String NINTH_HOLDOUT_PREFIX = "h9-";

    /** Id prefix of the tenth holdout set (written 2026-12-03 from public failure text; consumed 2026-12-03). */
    public static final String TENTH_HOLDOUT_PREFIX = "h10-";

    /**
     * Id prefix of the eleventh holdout set (48 files written 2026-12-03 from public failure text by a writer who never
     * read the rules; scored once, aggregate only, on 2026-12-04; consumed on 2026-12-04).
     */
    public static final String ELEVENTH_HOLDOUT_PREFIX = "h11-";

    /**
     * Id prefix of the twelfth holdout set (48 files written 2026-12-04 from public failure text by a writer who never
     * read the rules; scored once, aggregate only, on 2026-12-04; consumed on 2026-12-04).
     */
    public static final String TWELFTH_HOLDOUT_PREFIX = "h12-";

    /**
     * Id prefix of the thirteenth holdout set (48 files written 2026-12-04 from public failure text by a writer who never
     * read the rules; blind, not scored yet; frozen in {@code HOLDOUT-13.sha256}).
     */
    public static final String THIRTEENTH_HOLDOUT_PREFIX = "h13-";

    /** Id prefix of the fifth holdout set (written 2026-12-03 after holdout-4 was scored; consumed 2026-12-03). */
    public static final String FIFTH_HOLDOUT_PREFIX = "h5-";

    /** Id prefix of the sixth holdout set (written 2026-12-03 from public failure text; consumed 2026-12-03). */
    public static final String SIXTH_HOLDOUT_PREFIX = "h6-";

    /** Id prefix of the seventh holdout set (written 2026-12-03 from public failure text; consumed 2026-12-03). */
    public static final String SEVENTH_HOLDOUT_PREFIX = "h7-";

    /** Id prefix of the eighth holdout set (written 2026-12-03 from public failure text; consumed 2026-12-03). */
    public static final String EIGHTH_HOLDOUT_PREFIX = "h8-";

    /**
     * Id prefixes of every blind set: their files are loaded only to be scored, never in a tuning run. {@code h9-} and
     * {@code h10-} were consumed on 2026-12-03, {@code h11-} and {@code h12-} on 2026-12-04; {@code h13-} is the blind
     * set since.
     */
    public static final List<String> BLIND_PREFIXES = List.of(THIRTEENTH_HOLDOUT_PREFIX);

    /** True when a scenario file or id belongs to a blind set. */
    public static boolean isBlind(String fileNameOrId) {
        return BLIND_PREFIXES.stream().anyMatch(fileNameOrId::startsWith);
    }

    // the tool whose words a scenario's origin names first is its family: the text that decides the label comes from
    // it (derived families end in "/derived"; files written since issue 9 name theirs)
    private static final List<Map.Entry<String, java.util.regex.Pattern>> FAMILIES = List.of(
            Map.entry("buildkit/derived", java.util.regex.Pattern.compile(
                    "(?i)buildkit|docker_build|dockerfile|docker/|docker client|docker push|executor failed|failed to solve")),
            Map.entry("flyctl/derived", java.util.regex.Pattern.compile(
                    "(?i)flyctl|fly\\.toml|release_command|smoke checks|health_check_timeout|crash_on_boot|missing_secret"
                            + "|secrets_not_deployed|platform_quota|platform_capacity|platform_lease|image_not_found"
                            + "|listen_address|dockerfile_missing|dockerfile_syntax")),
            Map.entry("fly-machines-api/derived", java.util.regex.Pattern.compile("(?i)machines api|fly-api|host_status")),
            Map.entry("fly-proxy/derived", java.util.regex.Pattern.compile("(?i)superfly docs|\\bP[UCTMR]0\\d|fly proxy")),
            Map.entry("github-runner/derived", java.util.regex.Pattern.compile(
                    "(?i)github|runner|hub4j|ci_timeout|ci_step_failed|ci_runner|concurrency")),
            Map.entry("package-tools/derived", java.util.regex.Pattern.compile(
                    "(?i)\\bnpm\\b|\\bpip\\b|maven|gradle|pnpm|go test|cmd/go|go command|cargo|pytest|jest|surefire")),
            Map.entry("registry/derived", java.util.regex.Pattern.compile("(?i)registry|toomanyrequests|distribution")),
            Map.entry("probes/derived", java.util.regex.Pattern.compile(
                    "(?i)\\bjdk\\b|tlsprobe|jsse|x509|\\bdns|nxdomain|unknownhost|resolver|gatus|mcpprobe|plain http")),
            Map.entry("runtimes/derived", java.util.regex.Pattern.compile(
                    "(?i)\\boom\\b|kernel|jvm|node|python|cpython|go runtime|ruby|postgres|ioredis|disk_space")),
            Map.entry("simulated/fleet", java.util.regex.Pattern.compile("(?i)topology|cascade")));

    /** The family of a scenario that names none: the tool its origin names first, else {@code other/derived}. */
    public static String deriveFamily(String origin) {
        String best = "other/derived";
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, java.util.regex.Pattern> f : FAMILIES) {
            java.util.regex.Matcher m = f.getValue().matcher(origin == null ? "" : origin);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = f.getKey();
            }
        }
        return best;
    }

    /** Observations of one kind, in order. */
    public <T extends Observation> List<T> observations(Class<T> kind) {
        return observations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Id prefix of the second, blind holdout set (written 2026-11-25 without reading the knowledge base). */
    public static final String SECOND_HOLDOUT_PREFIX = "h2-";

    /** True for a holdout file of the second set (blind until its misses were seen; now consumed) (id starts with {@value #SECOND_HOLDOUT_PREFIX}). */
    public boolean secondHoldout() {
        return holdout && id.startsWith(SECOND_HOLDOUT_PREFIX);
    }

    /** Id prefix of the third, blind holdout set (written 2026-11-25 after holdout-2 was consumed). */
    public static final String THIRD_HOLDOUT_PREFIX = "h3-";

    /** True for a holdout file of the third, blind set (id starts with {@value #THIRD_HOLDOUT_PREFIX}). */
    public boolean thirdHoldout() {
        return holdout && id.startsWith(THIRD_HOLDOUT_PREFIX);
    }

    /**
     * True for a holdout file whose misses the team has seen (holdout-1, -2, -4 to -10): frozen as the record of what was
     * written blind, but its per-case results are tuning data.
     */
    public boolean consumed() {
        return holdout && !thirdHoldout() && !blind();
    }

    /** True for a holdout file of the first set, whose misses the team has seen (consumed). */
    public boolean firstHoldout() {
        return holdout && !id.startsWith(SECOND_HOLDOUT_PREFIX) && !id.startsWith(THIRD_HOLDOUT_PREFIX)
                && !id.startsWith(FOURTH_HOLDOUT_PREFIX) && !id.startsWith(FIFTH_HOLDOUT_PREFIX)
                && !id.startsWith(SIXTH_HOLDOUT_PREFIX) && !id.startsWith(SEVENTH_HOLDOUT_PREFIX)
                && !id.startsWith(EIGHTH_HOLDOUT_PREFIX) && !ninthHoldout() && !tenthHoldout() && !eleventhHoldout()
                && !twelfthHoldout() && !blind();
    }

    /** True for a file of a blind set ({@link #BLIND_PREFIXES}), loaded only to be scored. */
    public boolean blind() {
        return isBlind(id);
    }

    /** Id prefix of the fourth holdout set (written 2026-12-03 from real public failure text; consumed 2026-12-03). */
    public static final String FOURTH_HOLDOUT_PREFIX = "h4-";

    /** True for a holdout file of the fourth set, consumed (id starts with {@value #FOURTH_HOLDOUT_PREFIX}). */
    public boolean fourthHoldout() {
        return holdout && id.startsWith(FOURTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the fifth set, consumed (id starts with {@value #FIFTH_HOLDOUT_PREFIX}). */
    public boolean fifthHoldout() {
        return holdout && id.startsWith(FIFTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the sixth set, consumed (id starts with {@value #SIXTH_HOLDOUT_PREFIX}). */
    public boolean sixthHoldout() {
        return holdout && id.startsWith(SIXTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the seventh set, consumed (id starts with {@value #SEVENTH_HOLDOUT_PREFIX}). */
    public boolean seventhHoldout() {
        return holdout && id.startsWith(SEVENTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the eighth set, consumed (id starts with {@value #EIGHTH_HOLDOUT_PREFIX}). */
    public boolean eighthHoldout() {
        return holdout && id.startsWith(EIGHTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the ninth set, consumed (id starts with {@value #NINTH_HOLDOUT_PREFIX}). */
    public boolean ninthHoldout() {
        return holdout && id.startsWith(NINTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the tenth set, consumed (id starts with {@value #TENTH_HOLDOUT_PREFIX}). */
    public boolean tenthHoldout() {
        return holdout && id.startsWith(TENTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the eleventh set, consumed (id starts with {@value #ELEVENTH_HOLDOUT_PREFIX}). */
    public boolean eleventhHoldout() {
        return holdout && id.startsWith(ELEVENTH_HOLDOUT_PREFIX);
    }

    /** True for a holdout file of the twelfth set, consumed (id starts with {@value #TWELFTH_HOLDOUT_PREFIX}). */
    public boolean twelfthHoldout() {
        return holdout && id.startsWith(TWELFTH_HOLDOUT_PREFIX);
    }

    /** "blind", "tuning", or "holdout-1" to "holdout-12" (all but holdout-3 consumed). */
    public String part() {
        return blind() ? "blind" : !holdout ? "tuning" : twelfthHoldout() ? "holdout-12" : eleventhHoldout() ? "holdout-11" : tenthHoldout() ? "holdout-10" : ninthHoldout() ? "holdout-9" : eighthHoldout() ? "holdout-8" : seventhHoldout() ? "holdout-7" : sixthHoldout() ? "holdout-6" : fifthHoldout() ? "holdout-5" : fourthHoldout() ? "holdout-4"
                : thirdHoldout() ? "holdout-3" : secondHoldout() ? "holdout-2" : "holdout-1";
    }
}
