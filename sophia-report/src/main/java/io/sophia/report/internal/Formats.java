package io.sophia.report.internal;

import io.sophia.core.GateDecision;
import io.sophia.core.Observation.TlsHandshake;
import io.sophia.core.RankedCause;
import io.sophia.core.Status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number, duration and marker formatting shared by the renderers; locale-independent so output is deterministic. */
public final class Formats {

    private Formats() {
    }

    // a log or a CI run diagnosed without a fleet: "100 % available, 0 of 0 UP" would state what nobody measured
    /** The verdict's opening when no service was probed. */
    public static final String NO_SERVICE = "No service was probed (a diagnosis of logs, CI and platform state only)";
    /** Availability when no service was probed. */
    public static final String NOT_MEASURED = "not measured";
    /** The impact section's sentence when no service was probed. */
    public static final String IMPACT_NOT_MEASURED = "no service was probed: the impact on users is not measured.";

    /** {@code d} rounded half-even to {@code scale} decimals, as a plain decimal with at least one fraction digit. */
    public static String decimal(double d, int scale) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "0.0";
        }
        BigDecimal b = BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (b.scale() < 1) {
            b = b.setScale(1, RoundingMode.UNNECESSARY);
        }
        return b.toPlainString();
    }

    /** Rounds half-even to {@code scale} decimals. */
    public static double round(double d, int scale) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return 0.0;
        }
        return BigDecimal.valueOf(d).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * Probabilities rounded to 4 decimals so that their sum never exceeds 1 (rounding three
     * thirds up would give 1.0001, which an {@code Assessment} rejects on read).
     */
    public static List<Double> roundProbabilities(List<Double> ps) {
        List<BigDecimal> r = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (double p : ps) {
            BigDecimal b = BigDecimal.valueOf(Double.isNaN(p) ? 0 : p).setScale(4, RoundingMode.HALF_EVEN);
            r.add(b);
            sum = sum.add(b);
        }
        BigDecimal excess = sum.subtract(BigDecimal.ONE);
        // take the excess (at most a few 1e-4) off the largest values, first one first
        while (excess.signum() > 0) {
            int largest = 0;
            for (int i = 1; i < r.size(); i++) {
                if (r.get(i).compareTo(r.get(largest)) > 0) {
                    largest = i;
                }
            }
            BigDecimal cut = excess.min(r.get(largest));
            r.set(largest, r.get(largest).subtract(cut));
            excess = excess.subtract(cut);
        }
        return r.stream().map(BigDecimal::doubleValue).toList();
    }

    /** A probability in [0,1] as a percentage with one decimal ("81.2 %"). */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p * 100);
    }

    /** Below this share the causes not listed are not mentioned: the listed probabilities are rounded down. */
    private static final double UNLISTED_SHOWN_FROM = 0.01;

    /**
     * {@return the probability the listed causes leave to the causes the diagnosis does not list (no evidence for
     * them, or too little to list), or 0 when it is under one percent}
     */
    public static double unlistedShare(List<RankedCause> causes) {
        double listed = 0;
        for (RankedCause c : causes) {
            listed += c.probability();
        }
        double rest = 1 - listed;
        return rest >= UNLISTED_SHOWN_FROM ? rest : 0;
    }

    /** The sentence under a cause list that names what its probabilities leave out ("Not listed: 51.0 % ..."). */
    public static String unlistedSentence(double share) {
        return "Not listed: " + percent(share) + ", spread over the causes with no evidence for them (or too little to"
                + " list them).";
    }

    /** A value already in percent, one decimal ("16.7 %"). */
    public static String percentValue(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v);
    }

    /** Milliseconds of a duration, or null. */
    public static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }

    /**
     * An HTTP version for humans, from its ALPN identifier: {@code http/1.1} is "HTTP/1.1", {@code h2} "HTTP/2",
     * {@code h2c} "HTTP/2 (h2c)", {@code h3} "HTTP/3"; another identifier as it is (the caller escapes it); "—"
     * when null.
     */
    public static String protocol(String alpn) {
        if (alpn == null || alpn.isBlank()) {
            return "—";
        }
        return switch (alpn.toLowerCase(Locale.ROOT)) {
            case "http/1.0" -> "HTTP/1.0";
            case "http/1.1" -> "HTTP/1.1";
            case "h2" -> "HTTP/2";
            case "h2c" -> "HTTP/2 (h2c)";
            case "h3" -> "HTTP/3";
            default -> alpn;
        };
    }

    /** A duration for humans: "850 ms", "14 s", "2 min 05 s", "1 h 03 min"; "—" when null. */
    public static String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long ms = d.toMillis();
        if (ms < 0) {
            return "—";
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return ms < 10_000 && ms % 1000 != 0
                    ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
                    : s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return String.format(Locale.ROOT, "%d min %02d s", m, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", m / 60, m % 60);
    }

    /**
     * Since when a service is up, for a table cell: "2023-10-31 02:35 UTC (2 d 03 h)", the age counted to
     * {@code now}; the bare time when {@code now} is unknown or earlier (a clock skew is not a negative age);
     * "—" when no source said.
     */
    public static String upSince(java.time.Instant since, java.time.Instant now) {
        if (since == null) {
            return "—";
        }
        String at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(since);
        if (now == null || now.isBefore(since)) {
            return at;
        }
        Duration age = Duration.between(since, now);
        String words = age.toDays() > 0 ? String.format(Locale.ROOT, "%d d %02d h", age.toDays(), age.toHoursPart())
                : age.toHours() > 0 ? String.format(Locale.ROOT, "%d h %02d min", age.toHours(), age.toMinutesPart())
                : age.toMinutes() + " min";
        return at + " (" + words + ")";
    }

    /** A latency in milliseconds for a table cell ("16 ms"), "—" when null. */
    public static String latency(Long ms) {
        return ms == null ? "—" : ms + " ms";
    }

    /** A service's latency with its usual one from a check history when known: "1840 ms (usual 120 ms)". */
    public static String latency(io.sophia.core.ServiceHealth s) {
        return latency(s.latencyMs()) + (s.baselineMs() == null ? "" : " (usual " + s.baselineMs() + " ms)");
    }

    /** A compact time window: "1h", "30m", "1h30m", "2d", "45s", "500ms". */
    public static String window(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms == 0) {
            return "0m";
        }
        StringBuilder b = new StringBuilder();
        long days = ms / 86_400_000L;
        ms %= 86_400_000L;
        long h = ms / 3_600_000L;
        ms %= 3_600_000L;
        long m = ms / 60_000L;
        ms %= 60_000L;
        long s = ms / 1000;
        ms %= 1000;
        if (days > 0) {
            b.append(days).append('d');
        }
        if (h > 0) {
            b.append(h).append('h');
        }
        if (m > 0) {
            b.append(m).append('m');
        }
        if (s > 0) {
            b.append(s).append('s');
        }
        if (ms > 0) {
            b.append(ms).append("ms");
        }
        return b.toString();
    }

    /** "within 1 hour"-style words for an action window. */
    public static String windowWords(Duration d) {
        if (d == null) {
            return "";
        }
        long min = d.toMinutes();
        if (d.isZero()) {
            return "immediately";
        }
        if (min > 0 && min % 1440 == 0) {
            long days = min / 1440;
            return "within " + days + (days == 1 ? " day" : " days");
        }
        if (min > 0 && min % 60 == 0) {
            long h = min / 60;
            return "within " + h + (h == 1 ? " hour" : " hours");
        }
        if (min > 0 && d.toSeconds() % 60 == 0) {
            return "within " + min + (min == 1 ? " minute" : " minutes");
        }
        return "within " + window(d);
    }

    /**
     * What is wrong with a certificate, in the words of the TLS tables: untrusted, self-signed, host
     * name mismatch, expired or expires soon (under 14 days); empty when nothing is.
     */
    public static List<String> certificateProblems(TlsHandshake t) {
        List<String> problems = new ArrayList<>();
        if (!t.trusted()) {
            problems.add("untrusted");
        }
        if (t.selfSigned()) {
            problems.add("self-signed");
        }
        if (!t.hostnameMatches()) {
            problems.add("host name mismatch");
        }
        if (t.daysToExpiry() < 0) {
            problems.add("expired");
        } else if (t.daysToExpiry() < 14) {
            problems.add("expires soon");
        }
        return problems;
    }

    /** A marker for a service status. */
    public static String statusMarker(Status s) {
        return switch (s) {
            case UP -> "🟢";
            case DEGRADED -> "🟡";
            case DOWN -> "🔴";
            case UNKNOWN -> "⚪";
        };
    }

    /** A marker for a gate status. */
    public static String gateMarker(GateDecision.Verdict s) {
        return switch (s) {
            case OPEN -> "🟢";
            case WARN -> "🟡";
            case BLOCKED -> "🔴";
        };
    }

    /** A marker for a gate criterion outcome. */
    public static String outcomeMarker(GateDecision.Outcome o) {
        return switch (o) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
    }

    /** A marker for a CI conclusion (success, failure, cancelled, skipped, timed_out …; null while running). */
    public static String conclusionMarker(String conclusion) {
        if (conclusion == null) {
            return "⏳";
        }
        return switch (conclusion) {
            case "success" -> "✅";
            case "failure", "startup_failure" -> "❌";
            case "cancelled" -> "🚫";
            case "skipped" -> "⏭️";
            case "timed_out" -> "⏱️";
            case "neutral" -> "➖";
            case "action_required" -> "✋";
            default -> "❔";
        };
    }

    /** CSS class / colour family of a CI conclusion. */
    public static String conclusionClass(String conclusion) {
        if (conclusion == null) {
            return "running";
        }
        return switch (conclusion) {
            case "success" -> "ok";
            case "failure", "startup_failure", "timed_out" -> "bad";
            case "cancelled", "action_required" -> "warn";
            default -> "muted";
        };
    }

    /** "HIGH confidence", or "confidence not rated" when null. */
    public static String confidence(io.sophia.core.Confidence c) {
        return c == null ? "confidence not rated" : c + " confidence";
    }

    /** A short commit sha. */
    public static String shortSha(String sha) {
        // only a real (hex) sha is shortened: the head of anything else could be the head of a token
        return sha == null ? null : sha.length() > 7 && sha.matches("[0-9a-fA-F]+") ? sha.substring(0, 7)
                : io.sophia.core.Secrets.patterns().cut(sha, 40);
    }

    /** Text for a nullable value. */
    public static String orDash(Object o) {
        return o == null || o.toString().isEmpty() ? "—" : o.toString();
    }
}
