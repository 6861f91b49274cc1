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
     * Id prefixes of every blind set: their files are loaded only to be scored, never in a tuning run. {@code h9-} and
     * {@code h10-} were consumed on 2026-12-03, {@code h11-} to {@code h31-} on 2026-12-04 and {@code h32-} to
     * {@code h82-} on 2026-12-05 ({@code h14-} to {@code h82-} after being scored once, aggregate only; {@code h77-} to
     * {@code h82-} at 17:16 UTC on 25a4f967, consumed at the start of the twenty-fifth session; {@code h83-} to
     * {@code h88-} at 19:36 UTC on d686ba2b, consumed at the start of the twenty-sixth; {@code h89-} to {@code h94-} at
     * 22:39 UTC on 6c4a4b0f, consumed at the start of the twenty-seventh; {@code h95-} to {@code h97-} at 00:45 UTC
     * on 2026-12-06 on a53cf45d, consumed at the start of the twenty-eighth; {@code h98-} to {@code h100-} at 03:10 UTC
     * on 2026-12-06 on f5d8d32e, consumed at the start of the twenty-ninth; {@code h101-} to {@code h103-} at 05:43 UTC on
     * 2026-12-06 on 30baafb7, consumed at the start of the thirtieth; {@code h104-} to {@code h106-} at 07:47 UTC on
     * 2026-12-06 on e345f5be, consumed at the start of the thirty-first; {@code h107-} to {@code h109-} at 10:11 UTC on
     * 2026-12-06 on 7cad6568, consumed at the start of the thirty-second; {@code h110-} to {@code h112-} at 12:26 UTC on
     * 2026-12-06 on bdc3266e, consumed at the start of the thirty-third; {@code h113-} to {@code h115-} at 15:12 UTC on
     * 2026-12-06 on 0b07d9aa, consumed at the start of the thirty-fourth; {@code h116-} to {@code h118-} at 17:52 UTC on 2026-12-06 on
     * 1e7acfcf, consumed at the start of the thirty-fifth). {@code h119-} to {@code h121-} (written in the
     * thirty-fourth session, wired before their first file landed) were scored once, aggregate only, at 20:10 UTC on
     * 2026-12-06 on 8b3a4664, consumed at the start of the thirty-sixth; {@code h122-} to {@code h124-} (written
     * in the thirty-fifth) were scored once at 22:50 UTC on 2026-12-06 on 1309e9c9, consumed at the start of the
     * thirty-seventh; {@code h125-} to {@code h127-} (written in the thirty-sixth, wired before their first file
     * landed) were scored once, aggregate only, at 01:17 UTC on 2026-12-07 on cc3f4e9e, consumed at the start of
     * the thirty-eighth; {@code h128-} to {@code h130-} (written in the thirty-seventh, wired before their first file
     * landed) were scored once, aggregate only, at 03:42 UTC on 2026-12-07 on 808195ce, consumed at the start of
     * the thirty-ninth; {@code h131-} to {@code h136-} (written in the thirty-eighth, wired before their first file
     * landed) were scored once, aggregate only, at 06:10 UTC on 2026-12-07 on fc4e065f, consumed at the start of
     * the fortieth; {@code h137-} to {@code h140-} (written in the thirty-ninth, wired before their first file landed)
     * were scored once, aggregate only, at 08:53 UTC on 2026-12-07 on 43fa69c2, consumed at the start of the
     * forty-first; {@code h141-} to {@code h144-} (written in the fortieth, wired before their first file
     * landed) were scored once, aggregate only, at 11:41 UTC on 2026-12-07 on fa542231, consumed at the start of
     * the forty-second; {@code h145-} to {@code h148-} (written in the forty-first, wired before
     * their first file landed) were scored once, aggregate only, at 13:44 UTC on 2026-12-07 on bf519049, consumed
     * at the start of the forty-third; {@code h149-} to {@code h152-} (written in the
     * forty-second, wired before their first file landed) were scored once, aggregate only, at 16:38 UTC on 2026-12-07
     * on 8e6243e8, consumed at the start of the forty-fourth; {@code h153-} to
     * {@code h156-} (written in the forty-third, wired before their first file landed) were scored once, aggregate only,
     * at 19:17 UTC on 2026-12-07 on 323acc91, consumed at the start of the forty-fifth;
     * {@code h157-} to {@code h160-} (written in the forty-fourth, wired before their first file landed) were scored
     * once, aggregate only, at 22:33 UTC on 2026-12-07 on 60337c3b, consumed at the start of the forty-sixth;
     * {@code h161-} to {@code h164-} (written in the forty-fifth, wired before their first file
     * landed) were scored once, aggregate only, at 00:45 UTC on 2026-12-08 on 0ad2e6a0, consumed at the start of
     * the forty-seventh; {@code h165-} to {@code h168-} (written in the forty-sixth, wired before
     * their first file landed) were scored once, aggregate only, at 03:28 UTC on 2026-12-08 on 3651104e, to be consumed
     * at the start of the forty-eighth; {@code h169-} to {@code h172-} (written in the
     * forty-seventh, wired before their first file landed) at the end of the forty-eighth.
     */
    public static final List<String> BLIND_PREFIXES = List.of(
            holdoutPrefix(165), holdoutPrefix(166), holdoutPrefix(167), holdoutPrefix(168),
            holdoutPrefix(169), holdoutPrefix(170), holdoutPrefix(171), holdoutPrefix(172));

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

    // "h<N>-" names the N-th holdout set (N >= 2); a holdout file without such a prefix belongs to the first
    private static final java.util.regex.Pattern HOLDOUT_SET = java.util.regex.Pattern.compile("^h(\\d+)-");

    /**
     * The id prefix of the {@code n}-th holdout set, {@code h<n>-} (n at least 2). Each set was written at one time by a
     * writer who never read the rules and is frozen in {@code HOLDOUT-<n>.sha256} (the first set, without a prefix, in
     * {@code HOLDOUT.sha256}); when each was scored and consumed, and its on-arrival figures, are in the scenarios SETS-1.md, SETS-2.md and SETS-3.md.
     */
    public static String holdoutPrefix(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("the first holdout set has no prefix: " + n);
        }
        return "h" + n + "-";
    }

    /**
     * The number of the holdout set this file belongs to ({@code h<N>-}: N; a holdout file without that prefix: 1), or
     * 0 for a tuning file.
     */
    public int holdoutSet() {
        if (!holdout) {
            return 0;
        }
        java.util.regex.Matcher m = HOLDOUT_SET.matcher(id);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /**
     * True for a holdout file whose per-case results the team has seen: every set but the third (blind since
     * 2026-11-25) and the sets of {@link #BLIND_PREFIXES}. Frozen as the record of what was written blind, its per-case
     * results are tuning data.
     */
    public boolean consumed() {
        return holdout && holdoutSet() != 3 && !blind();
    }

    /** "blind", "tuning", or "holdout-N" (N the {@link #holdoutSet() set}; all but holdout-3 consumed). */
    public String part() {
        return blind() ? "blind" : !holdout ? "tuning" : "holdout-" + holdoutSet();
    }

    /** True for a file of a blind set ({@link #BLIND_PREFIXES}), loaded only to be scored. */
    public boolean blind() {
        return isBlind(id);
    }

}
