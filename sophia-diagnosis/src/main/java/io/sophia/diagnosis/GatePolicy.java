package io.sophia.diagnosis;

import io.sophia.core.Secrets;
import io.sophia.diagnosis.internal.reasoning.GateRules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which criteria the go/no-go gate checks, how much each weighs and which are key.
 *
 * <p>Scoring follows Keptn's quality gates: a passed criterion scores 1, a warning 0.5, a failure
 * 0; the gate's score is the weighted share in percent. A failed <b>key</b> criterion blocks the
 * gate outright ({@code BLOCKED}); otherwise any failed or warning criterion gives {@code WARN};
 * otherwise {@code OPEN}.
 *
 * <p>Score thresholds (Keptn's {@code total_score}: pass 90 %, warning 75 %) are <b>off by
 * default</b>, because with the default weights (3 + 3 + 1 + 1 + 1 = 9) three failed non-key
 * criteria score 66.7 % and would block, where DESIGN.md's default gate only warns. When enabled
 * ({@link Builder#scoreThresholds(double, double)}, config {@code gate.score}) the gate reports one
 * more criterion, {@code score}, a key criterion of weight 0 (it does not count in the score it
 * judges): it passes when the score is at least {@code pass}, warns when at least {@code warning},
 * fails otherwise. So: {@code BLOCKED} if a key criterion fails or the score is below {@code warning};
 * {@code WARN} if any other criterion fails or warns, or the score is below {@code pass}; else {@code OPEN}.
 *
 * <p>Defaults ({@link #defaults()}, DESIGN.md "Default gate"):
 * <table>
 * <caption>default criteria</caption>
 * <tr><th>id</th><th>key</th><th>weight</th><th>threshold</th></tr>
 * <tr><td>critical-services-up</td><td>yes</td><td>3</td><td>every critical service UP</td></tr>
 * <tr><td>pipeline-succeeded</td><td>yes</td><td>3</td><td>the deploy run, when readable, concluded success</td></tr>
 * <tr><td>all-services-up</td><td>no</td><td>1</td><td>every service UP</td></tr>
 * <tr><td>sources-readable</td><td>no</td><td>1</td><td>no probe failure from the CI or platform sources (github, fly)</td></tr>
 * <tr><td>tls-not-expiring</td><td>no</td><td>1</td><td>no certificate expires within 14 days</td></tr>
 * </table>
 * Off by default: {@code min-availability} (percent of services UP) and {@code max-cause-probability}
 * (no diagnosed cause above a probability; where {@code unknown} leads, a failure no known cause explains, it warns
 * however probable unknown is).
 *
 * <p>The config's {@code gate} section ({@link #fromMap(Map)}) uses these keys, each optional:
 * <pre>
 * gate:
 *   criticalServicesUp:   true | false | {enabled, key, weight}
 *   pipelineSucceeded:    true | false | {enabled, key, weight}
 *   allServicesUp:        true | false | {enabled, key, weight}
 *   sourcesReadable:      true | false | {enabled, key, weight}
 *   tlsExpiryDays:        14   | false | {enabled, key, weight, days}
 *   minAvailabilityPercent: 80 | false | {enabled, key, weight, percent}
 *   maxCauseProbability:  0.5  | false | {enabled, key, weight, probability}
 *   score:                false | true (Keptn's pass 90, warning 75) | {enabled, pass, warning}   # percent
 *   sources:              [github, fly]       # sources whose probe failures fail sources-readable
 * </pre>
 *
 * <p>Immutable. Stability: stable.
 */
public final class GatePolicy {

    /** Criterion: every critical service is UP. Criterion ids are spelled as the gate reports them. */
    public static final String CRITICAL_SERVICES_UP = GateRules.CRITICAL_SERVICES_UP;
    /** Criterion: the deploy run concluded success. */
    public static final String PIPELINE_SUCCEEDED = GateRules.PIPELINE_SUCCEEDED;
    /** Criterion: every service is UP. */
    public static final String ALL_SERVICES_UP = GateRules.ALL_SERVICES_UP;
    /** Criterion: the CI and platform sources were readable. */
    public static final String SOURCES_READABLE = GateRules.SOURCES_READABLE;
    /** Criterion: no certificate expires soon. */
    public static final String TLS_NOT_EXPIRING = GateRules.TLS_NOT_EXPIRING;
    /** Criterion: enough services are UP. */
    public static final String MIN_AVAILABILITY = GateRules.MIN_AVAILABILITY;
    /** Criterion: no cause is too probable. */
    public static final String MAX_CAUSE_PROBABILITY = GateRules.MAX_CAUSE_PROBABILITY;
    /** The criterion the gate adds when score thresholds are enabled. */
    public static final String SCORE = GateRules.SCORE;

    /**
     * Score thresholds in percent, Keptn-style: the score must reach {@code pass} for the gate to
     * open and {@code warning} for it not to block.
     *
     * @param pass    0 to 100, at least {@code warning}
     * @param warning 0 to 100
     */
    public record ScoreThresholds(double pass, double warning) {
        /** Keptn's defaults: pass at 90 %, warning at 75 %. */
        public static final ScoreThresholds KEPTN = new ScoreThresholds(90, 75);

        /**
         * Canonical constructor: rejects invalid components.
         *
         * @param pass    0 to 100, at least {@code warning}
         * @param warning 0 to 100
         */
        public ScoreThresholds {
            if (!(warning >= 0 && warning <= pass && pass <= 100)) {
                throw new IllegalArgumentException("gate score thresholds need 0 <= warning <= pass <= 100, were pass "
                        + pass + ", warning " + warning);
            }
        }
    }

    /**
     * One configured criterion.
     *
     * @param id        one of the ids above
     * @param enabled   evaluated at all
     * @param key       a failure blocks the gate
     * @param weight    weight in the score, > 0
     * @param threshold the number it compares to (days, percent, probability), NaN when it has none
     */
    public record CriterionSpec(String id, boolean enabled, boolean key, double weight, double threshold) {
        /**
         * Canonical constructor: rejects invalid components.
         *
         * @param id        one of the ids above
         * @param enabled   evaluated at all
         * @param key       a failure blocks the gate
         * @param weight    weight in the score, > 0
         * @param threshold the number it compares to (days, percent, probability), NaN when it has none
         */
        public CriterionSpec {
            Objects.requireNonNull(id, "id");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("gate criterion " + id + ": weight must be > 0, was " + weight);
            }
        }
    }

    private static final List<String> ORDER = List.of(CRITICAL_SERVICES_UP, PIPELINE_SUCCEEDED, ALL_SERVICES_UP,
            SOURCES_READABLE, TLS_NOT_EXPIRING, MIN_AVAILABILITY, MAX_CAUSE_PROBABILITY);

    private static final Map<String, String> CONFIG_KEYS = Map.of(
            "criticalServicesUp", CRITICAL_SERVICES_UP,
            "pipelineSucceeded", PIPELINE_SUCCEEDED,
            "allServicesUp", ALL_SERVICES_UP,
            "sourcesReadable", SOURCES_READABLE,
            "tlsExpiryDays", TLS_NOT_EXPIRING,
            "minAvailabilityPercent", MIN_AVAILABILITY,
            "maxCauseProbability", MAX_CAUSE_PROBABILITY);

    private static final GatePolicy DEFAULTS = builder().build();

    private final Map<String, CriterionSpec> criteria;
    private final List<String> sources;
    private final ScoreThresholds scoreThresholds;

    private GatePolicy(Builder b) {
        Map<String, CriterionSpec> m = new LinkedHashMap<>();
        for (String id : ORDER) {
            m.put(id, b.specs.get(id));
        }
        this.criteria = java.util.Collections.unmodifiableMap(m);
        this.sources = List.copyOf(b.sources);
        this.scoreThresholds = b.scoreThresholds;
    }

    /** {@return the default gate of DESIGN.md} */
    public static GatePolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A policy from the config's {@code gate} section (see the class comment for the keys), starting
     * from the defaults. A null or empty map gives the defaults.
     *
     *
     * @param gate the {@code gate} map of a config
     * @return the policy
     * @throws IllegalArgumentException naming the key ({@code gate.tlsExpiryDays.dayz}) when a key is
     *                                 unknown or a value has the wrong type or range
     */
    public static GatePolicy fromMap(Map<String, ?> gate) {
        Builder b = builder();
        if (gate == null) {
            return b.build();
        }
        for (Map.Entry<String, ?> e : new java.util.TreeMap<String, Object>(gate).entrySet()) {
            String configKey = e.getKey();
            Object value = e.getValue();
            if ("sources".equals(configKey)) {
                if (!(value instanceof List<?> list)) {
                    throw new IllegalArgumentException("gate.sources must be a list of source names, was " + describe(value));
                }
                List<String> s = new ArrayList<>();
                for (Object o : list) {
                    s.add(String.valueOf(o).toLowerCase(Locale.ROOT));
                }
                b.sources(s);
                continue;
            }
            if ("score".equals(configKey)) {
                b.scoreThresholds = score(value);
                continue;
            }
            String id = CONFIG_KEYS.get(configKey);
            if (id == null) {
                throw new IllegalArgumentException("gate." + configKey + " is not a gate key; known keys: "
                        + new java.util.TreeSet<>(CONFIG_KEYS.keySet()) + ", score and sources");
            }
            b.specs.put(id, parse("gate." + configKey, b.specs.get(id), value));
        }
        return b.build();
    }

    private static CriterionSpec parse(String path, CriterionSpec base, Object value) {
        String thresholdKey = switch (base.id()) {
            case TLS_NOT_EXPIRING -> "days";
            case MIN_AVAILABILITY -> "percent";
            case MAX_CAUSE_PROBABILITY -> "probability";
            default -> null;
        };
        if (value instanceof Boolean on) {
            return new CriterionSpec(base.id(), on, base.key(), base.weight(), base.threshold());
        }
        if (value instanceof Number n) {
            if (thresholdKey == null) {
                throw new IllegalArgumentException(path + " takes true, false or a map {enabled, key, weight}, was " + n);
            }
            return new CriterionSpec(base.id(), true, base.key(), base.weight(), threshold(path, base.id(), n));
        }
        if (value instanceof Map<?, ?> map) {
            boolean enabled = true;
            boolean key = base.key();
            double weight = base.weight();
            double threshold = base.threshold();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                Object v = e.getValue();
                String p = path + "." + k;
                if (k.equals("enabled")) {
                    enabled = bool(p, v);
                } else if (k.equals("key")) {
                    key = bool(p, v);
                } else if (k.equals("weight")) {
                    weight = number(p, v);
                    if (!(weight > 0)) {
                        throw new IllegalArgumentException(p + " must be > 0, was " + v);
                    }
                } else if (thresholdKey != null && k.equals(thresholdKey)) {
                    threshold = threshold(p, base.id(), number(p, v));
                } else {
                    throw new IllegalArgumentException(p + " is not a key of " + path + "; known keys: enabled, key, weight"
                            + (thresholdKey == null ? "" : ", " + thresholdKey));
                }
            }
            return new CriterionSpec(base.id(), enabled, key, weight, threshold);
        }
        throw new IllegalArgumentException(path + " has an unusable value " + describe(value));
    }

    private static ScoreThresholds score(Object value) {
        if (value instanceof Boolean on) {
            return on ? ScoreThresholds.KEPTN : null;
        }
        if (value instanceof Map<?, ?> map) {
            boolean enabled = true;
            double pass = ScoreThresholds.KEPTN.pass();
            double warning = ScoreThresholds.KEPTN.warning();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                String p = "gate.score." + k;
                switch (k) {
                    case "enabled" -> enabled = bool(p, e.getValue());
                    case "pass" -> pass = percent(p, e.getValue());
                    case "warning" -> warning = percent(p, e.getValue());
                    default -> throw new IllegalArgumentException(p + " is not a key of gate.score; known keys: enabled, "
                            + "pass, warning");
                }
            }
            if (warning > pass) {
                throw new IllegalArgumentException("gate.score.warning (" + warning + ") must not be above gate.score.pass ("
                        + pass + ")");
            }
            return enabled ? new ScoreThresholds(pass, warning) : null;
        }
        throw new IllegalArgumentException("gate.score takes true, false or a map {enabled, pass, warning}, was "
                + describe(value));
    }

    private static double percent(String path, Object v) {
        double d = number(path, v);
        if (!(d >= 0 && d <= 100)) {
            throw new IllegalArgumentException(path + " is a percentage from 0 to 100, was " + v);
        }
        return d;
    }

    private static double threshold(String path, String id, Number n) {
        double d = n.doubleValue();
        boolean ok = switch (id) {
            case TLS_NOT_EXPIRING -> d >= 0 && d <= 3650;
            case MIN_AVAILABILITY -> d >= 0 && d <= 100;
            case MAX_CAUSE_PROBABILITY -> d >= 0 && d <= 1;
            default -> true;
        };
        if (!ok) {
            throw new IllegalArgumentException(path + " is out of range: " + n);
        }
        return d;
    }

    private static boolean bool(String path, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(path + " must be true or false, was " + describe(v));
    }

    private static double number(String path, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(path + " must be a number, was " + describe(v));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String s = String.valueOf(v);
        return Secrets.patterns().cut(s, 40) + " (" + v.getClass().getSimpleName() + ")";
    }

    /** {@return every criterion, enabled or not, in evaluation order} */
    public List<CriterionSpec> criteria() {
        return List.copyOf(criteria.values());
    }

    /**
     * {@return one criterion by id}
     *
     * @param id a criterion id
     */
    public Optional<CriterionSpec> criterion(String id) {
        return Optional.ofNullable(criteria.get(id));
    }

    /** {@return sources whose probe failures make {@code sources-readable} fail (default github, fly)} */
    public List<String> sources() {
        return sources;
    }

    /**
     * The score thresholds, empty when the score decides nothing (the default).
     *
     * @return this builder
     */
    public Optional<ScoreThresholds> scoreThresholds() {
        return Optional.ofNullable(scoreThresholds);
    }

    @Override
    public String toString() {
        return "GatePolicy" + criteria.values() + (scoreThresholds == null ? "" : " " + scoreThresholds);
    }

    /** Builds a {@link GatePolicy}; starts from the defaults. */
    public static final class Builder {
        private final Map<String, CriterionSpec> specs = new LinkedHashMap<>();
        private List<String> sources = List.of("github", "fly");
        private ScoreThresholds scoreThresholds;

        private Builder() {
            specs.put(CRITICAL_SERVICES_UP, new CriterionSpec(CRITICAL_SERVICES_UP, true, true, 3, Double.NaN));
            specs.put(PIPELINE_SUCCEEDED, new CriterionSpec(PIPELINE_SUCCEEDED, true, true, 3, Double.NaN));
            specs.put(ALL_SERVICES_UP, new CriterionSpec(ALL_SERVICES_UP, true, false, 1, Double.NaN));
            specs.put(SOURCES_READABLE, new CriterionSpec(SOURCES_READABLE, true, false, 1, Double.NaN));
            specs.put(TLS_NOT_EXPIRING, new CriterionSpec(TLS_NOT_EXPIRING, true, false, 1, 14));
            specs.put(MIN_AVAILABILITY, new CriterionSpec(MIN_AVAILABILITY, false, false, 1, 100));
            specs.put(MAX_CAUSE_PROBABILITY, new CriterionSpec(MAX_CAUSE_PROBABILITY, false, false, 1, 0.5));
        }

        private Builder set(String id, boolean enabled, boolean key, double weight, double threshold) {
            specs.put(id, new CriterionSpec(id, enabled, key, weight, threshold));
            return this;
        }

        private Builder set(String id, boolean enabled, boolean key, double weight) {
            return set(id, enabled, key, weight, specs.get(id).threshold());
        }

        /**
         * Every critical service must be UP (default: on, key, weight 3).
         *
         * @param enabled whether the criterion is evaluated
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         * @param weight the weight in the score, > 0
         * @return this builder
         */
        public Builder requireCriticalServicesUp(boolean enabled, boolean key, double weight) {
            return set(CRITICAL_SERVICES_UP, enabled, key, weight);
        }

        /**
         * The deploy run, when readable, must have concluded success (default: on, key, weight 3).
         *
         * @param enabled whether the criterion is evaluated
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         * @param weight the weight in the score, > 0
         * @return this builder
         */
        public Builder requirePipelineSucceeded(boolean enabled, boolean key, double weight) {
            return set(PIPELINE_SUCCEEDED, enabled, key, weight);
        }

        /**
         * Every service must be UP (default: on, not key, weight 1).
         *
         * @param enabled whether the criterion is evaluated
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         * @param weight the weight in the score, > 0
         * @return this builder
         */
        public Builder requireAllServicesUp(boolean enabled, boolean key, double weight) {
            return set(ALL_SERVICES_UP, enabled, key, weight);
        }

        /**
         * The CI and platform sources must have been readable (default: on, not key, weight 1).
         *
         * @param enabled whether the criterion is evaluated
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         * @param weight the weight in the score, > 0
         * @return this builder
         */
        public Builder requireSourcesReadable(boolean enabled, boolean key, double weight) {
            return set(SOURCES_READABLE, enabled, key, weight);
        }

        /**
         * No TLS certificate may expire within {@code days} (default: 14 days, not key, weight 1).
         *
         * @param days days a certificate must still be valid
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         * @param weight the weight in the score, > 0
         * @return this builder
         */
        public Builder requireTlsValidForDays(int days, boolean key, double weight) {
            return set(TLS_NOT_EXPIRING, true, key, weight, days);
        }

        /**
         * At least {@code percent} of the services must be UP (default: off).
         *
         * @param percent minimum share of services UP, 0 to 100
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         * @param weight the weight in the score, > 0
         * @return this builder
         */
        public Builder requireMinAvailabilityPercent(double percent, boolean key, double weight) {
            return set(MIN_AVAILABILITY, true, key, weight, percent);
        }

        /**
         * No diagnosed cause may be more probable than {@code probability} (default: off). Where {@code unknown} leads
         * the criterion warns, whatever its probability: it names no cause to block on.
         *
         * @param probability the largest acceptable probability, 0 to 1
         * @param key whether a failure blocks the gate (key criterion) rather than warning
         * @param weight the weight in the score, > 0
         * @return this builder
         */
        public Builder requireNoCauseAbove(double probability, boolean key, double weight) {
            return set(MAX_CAUSE_PROBABILITY, true, key, weight, probability);
        }

        /**
         * Turns a criterion off by id.
         *
         * @param criterionId a criterion id
         * @return this builder
         */
        public Builder disable(String criterionId) {
            CriterionSpec s = specs.get(criterionId);
            if (s == null) {
                throw new IllegalArgumentException("'" + criterionId + "' is not a gate criterion; known: " + ORDER);
            }
            specs.put(criterionId, new CriterionSpec(s.id(), false, s.key(), s.weight(), s.threshold()));
            return this;
        }

        /**
         * Lets the score decide too (default: off): below {@code warningPercent} blocks, below
         * {@code passPercent} warns. Keptn uses 90 and 75 ({@link ScoreThresholds#KEPTN}).
         *
         * @param passPercent a score below this warns (0 to 100)
         * @param warningPercent a score below this blocks (0 to 100, at most {@code passPercent})
         * @return this builder
         */
        public Builder scoreThresholds(double passPercent, double warningPercent) {
            this.scoreThresholds = new ScoreThresholds(passPercent, warningPercent);
            return this;
        }

        /**
         * The score decides nothing (the default).
         *
         * @return this builder
         */
        public Builder noScoreThresholds() {
            this.scoreThresholds = null;
            return this;
        }

        /**
         * Sources whose probe failures fail {@code sources-readable} (default github, fly).
         *
         * @param sourceNames probe sources ({@code github}, {@code fly})
         * @return this builder
         */
        public Builder sources(List<String> sourceNames) {
            this.sources = List.copyOf(sourceNames);
            return this;
        }

        /** {@return the policy} */
        public GatePolicy build() {
            return new GatePolicy(this);
        }
    }
}
