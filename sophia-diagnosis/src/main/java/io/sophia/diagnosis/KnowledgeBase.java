package io.sophia.diagnosis;

import io.sophia.core.Action;
import io.sophia.core.CauseId;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Sophia knows about root causes: for every cause a prior, the rules that turn observations
 * into evidence for or against it (each with a likelihood ratio and a sentence template), and the
 * remediation actions to propose when it ranks high.
 *
 * <p>The built-in knowledge base is a data file shipped as the resource
 * {@code io/sophia/diagnosis/knowledge-base.yaml}; read it to see every rule, copy it to start
 * your own. Rule files (YAML or JSON, same format) add or override causes, rules, priors,
 * actions and log indications without Java:
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(Path.of("team-rules.yaml"));
 * Diagnosis diagnosis = Diagnosis.builder().knowledgeBase(kb).build();
 * }</pre>
 *
 * <p>Merging: a cause id already known keeps what the file does not mention; a rule id already
 * known within that cause is overridden key by key ({@code enabled: false} removes it); an
 * {@code actions} list replaces the cause's actions; a cause's {@code vocabulary} ({@code pattern}, {@code topic}: its
 * words on a failure line no specific indication reads, weighed by one engine rule, see {@link Vocabulary}) is
 * overridden key by key ({@code enabled: false} removes it). A file's {@code indications} list (the format of a
 * built-in family file, {@code io/sophia/diagnosis/indications/README.md}) is added to the built-in indications: one
 * with a built-in id replaces it, a new id is added, and each must name a cause of the merged knowledge base that a
 * {@code when: log} rule reads ({@code match} naming the cause or the indication's id). They read
 * every log a {@link Diagnosis} of this knowledge base is given through {@link #logScanner()} (the CI logs of
 * {@code sophia check}, {@code sophia explain}'s log), and the lines it reads outside a log (a machine's exit detail, a
 * log-less job's annotation); {@link LogDiagnosis#of(KnowledgeBase)} diagnoses a log with them. A bad file raises
 * {@link InputException}
 * naming the file, line and key; regular expressions are RE2/J patterns (linear-time) and patterns
 * that are invalid or would backtrack catastrophically in a backtracking engine are rejected.
 *
 * <p>Immutable and thread-safe. Stability: stable API; the built-in rules and weights are tuned
 * between releases.
 */
public final class KnowledgeBase {

    /** Resource path of the built-in knowledge base. */
    public static final String BUILT_IN_RESOURCE = "/io/sophia/diagnosis/knowledge-base.yaml";

    private static volatile KnowledgeBase builtIn;

    private final Settings settings;
    private final List<Cause> causes;
    private final List<String> sources;
    private final Map<String, History.Baseline> latencyBaselines;
    /**
     * The log indications the rule files added to the built-in ones, with their merged set and scanner (built on first
     * use); shared by the bases derived without a rule file, or with one that adds no indication.
     */
    private final Indications indications;

    /**
     * Knowledge-base wide settings.
     *
     * @param unknownPrior     prior of the explicit {@code unknown} hypothesis
     * @param unexplainedLr    likelihood ratio for {@code unknown} per failing service that no strong evidence explains
     * @param floor            causes below this probability are left out of the report
     * @param aggregationBonus a rule matching n distinct subjects contributes ln(LR) * min(1 + bonus * ln(n), cap)
     * @param aggregationCap   upper bound of that factor
     * @param silentLr         likelihood ratio applied to a cause none of whose rules found support while
     *                         something failed (its typical evidence was looked for and is absent)
     * @param evidenceScale    every evidence contribution (rules, silence, unexplained failures) is multiplied by
     *                         this before the log-odds are normalised: a single calibration factor for likelihood
     *                         ratios that were written down conservatively; 1 leaves them as written
     * @param unknownFloor     the probability {@code unknown} keeps at least, whatever the evidence (in [0, 0.5))
     * @param sourceCaps       the highest probability a cause may reach with 0, 1, 2 … independent specific sources of
     *                         strong evidence for it (the last value holds for more); what a cap removes goes to
     *                         {@code unknown}. Empty: no cap. Weak evidence (step and job names, bare exit codes)
     *                         counts no source: it can break ties, never decide alone; a cause whose only strong
     *                         evidence is wrapper lines (see {@code wrappers}) stops halfway between the caps of 0 and 1
     * @param wrappers         ids of log indications that only say which step failed (BuildKit's "failed to solve",
     *                         "did not complete successfully", the runner's "Process completed with exit code",
     *                         flyctl's generic "Error:" lines): a finding of one counts no independent source
     * @param provenCap        the cap of a cause with one independent specific source when the evidence behind it is
     *                         proven ({@code provenEvidence}); 0: none (the cap of one source holds)
     * @param provenEvidence   evidence that named its cause every time the labelled corpus saw it, in enough scenarios
     *                         (fitted by cross-validation): log indication ids, or {@code cause/rule} for the other
     *                         kinds. A specific error code or a tool's own denial is such evidence; a symptom several
     *                         causes print (a crash loop, a failing health check, a cancelled operation) is not
     */
    public record Settings(double unknownPrior, double unexplainedLr, double floor, double aggregationBonus,
                           double aggregationCap, double silentLr, double evidenceScale, double unknownFloor,
                           List<Double> sourceCaps, java.util.Set<String> wrappers, double provenCap,
                           java.util.Set<String> provenEvidence) {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param unknownPrior     prior of the explicit {@code unknown} hypothesis
         * @param unexplainedLr    likelihood ratio for {@code unknown} per failing service that no strong evidence
         *                         explains
         * @param floor            causes below this probability are left out of the report
         * @param aggregationBonus a rule matching n distinct subjects contributes ln(LR) * min(1 + bonus * ln(n), cap)
         * @param aggregationCap   upper bound of that factor
         * @param silentLr         likelihood ratio applied to a cause none of whose rules found support while something
         *                         failed (its typical evidence was looked for and is absent)
         * @param evidenceScale    every evidence contribution (rules, silence, unexplained failures) is multiplied by
         *                         this before the log-odds are normalised: a single calibration factor for likelihood
         *                         ratios that were written down conservatively; 1 leaves them as written
         * @param unknownFloor     the probability {@code unknown} keeps at least, whatever the evidence (in [0, 0.5))
         * @param sourceCaps       the highest probability a cause may reach with 0, 1, 2 … independent specific sources
         *                         of strong evidence for it (the last value holds for more); what a cap removes goes to
         *                         {@code unknown}. Empty: no cap. Weak evidence (step and job names, bare exit
         *                         codes) counts no source: it can break ties, never decide alone; a cause whose only
         *                         strong evidence is wrapper lines stops halfway between the caps of 0 and 1
         * @param wrappers         ids of log indications that only say which step failed (BuildKit's "failed to solve",
         *                         "did not complete successfully", the runner's "Process completed with exit code",
         *                         flyctl's generic "Error:" lines): a finding of one counts no independent source
         * @param provenCap        the cap of one source when the evidence behind it is proven; 0: none
         * @param provenEvidence   log indication ids or {@code cause/rule} keys of proven evidence
         */
        public Settings {
            sourceCaps = List.copyOf(Objects.requireNonNullElse(sourceCaps, List.of()));
            wrappers = java.util.Set.copyOf(Objects.requireNonNullElse(wrappers, java.util.Set.of()));
            provenEvidence = java.util.Set.copyOf(Objects.requireNonNullElse(provenEvidence, java.util.Set.of()));
        }

        /**
         * {@return the cap for a cause with {@code sources} independent specific sources (1 when there are no caps)}
         *
         * @param sources the sources
         */
        public double cap(int sources) {
            if (sourceCaps.isEmpty()) {
                return 1;
            }
            return sourceCaps.get(Math.min(sources, sourceCaps.size() - 1));
        }

        /**
         * {@return these settings with another evidence scale and source caps (to refit a calibration)}
         *
         * @param scale the scale
         * @param caps the caps
         */
        public Settings withCalibration(double scale, List<Double> caps) {
            return withCalibration(scale, caps, provenCap, provenEvidence);
        }

        /**
         * {@return these settings with another evidence scale, source caps and proven evidence (to refit a calibration)}
         *
         * @param scale the scale
         * @param caps the caps
         * @param proven the cap of one source behind proven evidence (0: none)
         * @param evidence the proven evidence
         */
        public Settings withCalibration(double scale, List<Double> caps, double proven,
                                        java.util.Set<String> evidence) {
            return toBuilder().evidenceScale(scale).sourceCaps(caps).provenCap(proven).provenEvidence(evidence).build();
        }

        /**
         * The defaults for a rule file that does not set them: unknown prior 0.08, unexplained LR 6, floor 1%,
         * bonus 0.5, cap 2, silent LR 0.15, evidence scale 1 (likelihood ratios as written), unknown floor 1%,
         * no source caps, wrappers or proven evidence. The built-in knowledge base sets its own, calibrated values in
         * its {@code settings} section.
         */
        public static final Settings DEFAULTS = new Settings(0.08, 6.0, 0.01, 0.5, 2.0, 0.15, 1.0, 0.01, List.of(),
                java.util.Set.of(), 0, java.util.Set.of());

        /**
         * {@return a builder that starts from {@link #DEFAULTS}}: a host that tunes the diagnosis in code names the
         * settings it changes rather than passing twelve positional components.
         *
         * <pre>{@code
         * Settings s = Settings.builder().unknownPrior(0.1).evidenceScale(1.5).build();
         * }</pre>
         */
        public static Builder builder() {
            return DEFAULTS.toBuilder();
        }

        /** {@return a builder with every part of these settings, to change some of them} */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** The parts of {@link Settings} by name; every setter returns this builder. */
        public static final class Builder {
            private double unknownPrior;
            private double unexplainedLr;
            private double floor;
            private double aggregationBonus;
            private double aggregationCap;
            private double silentLr;
            private double evidenceScale;
            private double unknownFloor;
            private List<Double> sourceCaps;
            private java.util.Set<String> wrappers;
            private double provenCap;
            private java.util.Set<String> provenEvidence;

            private Builder(Settings s) {
                unknownPrior = s.unknownPrior;
                unexplainedLr = s.unexplainedLr;
                floor = s.floor;
                aggregationBonus = s.aggregationBonus;
                aggregationCap = s.aggregationCap;
                silentLr = s.silentLr;
                evidenceScale = s.evidenceScale;
                unknownFloor = s.unknownFloor;
                sourceCaps = s.sourceCaps;
                wrappers = s.wrappers;
                provenCap = s.provenCap;
                provenEvidence = s.provenEvidence;
            }

            /**
             * @param v prior of the explicit {@code unknown} hypothesis, a probability in (0, 1)
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not a probability in (0, 1)
             */
            public Builder unknownPrior(double v) {
                this.unknownPrior = within(v, v > 0 && v < 1, "a probability in (0, 1)");
                return this;
            }

            /**
             * @param v likelihood ratio for {@code unknown} per failing service no strong evidence explains,
             *          positive and at most 1e6
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not positive or above 1e6
             */
            public Builder unexplainedLr(double v) {
                this.unexplainedLr = within(v, v > 0 && v <= 1e6, "> 0 and at most 1e6");
                return this;
            }

            /**
             * @param v causes below this probability are left out of the report, in [0, 0.5)
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not in [0, 0.5)
             */
            public Builder floor(double v) {
                this.floor = within(v, v >= 0 && v < 0.5, "in [0, 0.5)");
                return this;
            }

            /**
             * @param v a rule matching n distinct subjects contributes ln(LR) * min(1 + bonus * ln(n), cap), in [0, 1]
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not in [0, 1]
             */
            public Builder aggregationBonus(double v) {
                this.aggregationBonus = within(v, v >= 0 && v <= 1, "in [0, 1]");
                return this;
            }

            /**
             * @param v upper bound of that factor, in [1, 10]
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not in [1, 10]
             */
            public Builder aggregationCap(double v) {
                this.aggregationCap = within(v, v >= 1 && v <= 10, "in [1, 10]");
                return this;
            }

            /**
             * @param v likelihood ratio of a cause none of whose rules found support while a service failed, in (0, 1]
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not in (0, 1]
             */
            public Builder silentLr(double v) {
                this.silentLr = within(v, v > 0 && v <= 1, "in (0, 1]");
                return this;
            }

            /**
             * @param v the factor every evidence contribution is multiplied by; 1 leaves ratios as written, in (0, 5]
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not in (0, 5]
             */
            public Builder evidenceScale(double v) {
                this.evidenceScale = within(v, v > 0 && v <= 5, "in (0, 5]");
                return this;
            }

            /**
             * @param v the probability {@code unknown} keeps at least, in [0, 0.5)
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not in [0, 0.5)
             */
            public Builder unknownFloor(double v) {
                this.unknownFloor = within(v, v >= 0 && v < 0.5, "in [0, 0.5)");
                return this;
            }

            /**
             * @param sourceCaps the highest probability with 0, 1, 2 … independent specific sources, each in (0, 1] and
             *                   none lower than the one before it, at most 20; empty or null: no cap
             * @return this builder
             * @throws IllegalArgumentException when a cap is null, out of (0, 1] or lower than the one before it, or
             *                                  there are more than 20
             */
            public Builder sourceCaps(List<Double> sourceCaps) {
                List<Double> caps = sourceCaps == null ? List.of() : sourceCaps;
                if (caps.size() > 20) {
                    throw new IllegalArgumentException("must be at most 20 caps, was " + caps.size());
                }
                for (int i = 0; i < caps.size(); i++) {
                    Double v = caps.get(i);
                    if (v == null || !(v > 0) || v > 1) {
                        throw new IllegalArgumentException("cap " + i + " must be in (0, 1], was " + v);
                    }
                    if (i > 0 && v < caps.get(i - 1)) {
                        throw new IllegalArgumentException("cap " + i + " must not be lower than the cap before it ("
                                + caps.get(i - 1) + "), was " + v);
                    }
                }
                this.sourceCaps = caps;
                return this;
            }

            /**
             * @param wrappers ids of log indications that only say which step failed
             * @return this builder
             */
            public Builder wrappers(java.util.Set<String> wrappers) {
                this.wrappers = wrappers;
                return this;
            }

            /**
             * @param v the cap of one source when the evidence behind it is proven; 0: none, in [0, 1]
             * @return this builder
             * @throws IllegalArgumentException when {@code v} is not in [0, 1]
             */
            public Builder provenCap(double v) {
                this.provenCap = within(v, v >= 0 && v <= 1, "in [0, 1]");
                return this;
            }

            /**
             * @param provenEvidence log indication ids or {@code cause/rule} keys of proven evidence
             * @return this builder
             */
            public Builder provenEvidence(java.util.Set<String> provenEvidence) {
                this.provenEvidence = provenEvidence;
                return this;
            }

            /** {@code v} when {@code ok}: the one place the settings' ranges are checked, for rule files and hosts. */
            private static double within(double v, boolean ok, String range) {
                if (!ok) {
                    throw new IllegalArgumentException("must be " + range + ", was " + v);
                }
                return v;
            }

            /** {@return the settings} */
            public Settings build() {
                return new Settings(unknownPrior, unexplainedLr, floor, aggregationBonus, aggregationCap, silentLr,
                        evidenceScale, unknownFloor, sourceCaps, wrappers, provenCap, provenEvidence);
            }
        }
    }

    /**
     * One root cause.
     *
     * @param id         the cause id
     * @param title      short human name ("Dockerfile build failure")
     * @param prior      probability before any evidence, in (0,1)
     * @param rules      evidence rules, in file order
     * @param actions    remediation actions, in file order
     * @param nextChecks what to look at next to confirm or refute the cause, in order (may be empty)
     * @param vocabulary the cause's words on a failure line no specific indication reads, weighed by the engine's one
     *                   {@value Vocabulary#RULE_ID} rule; null for none
     */
    public record Cause(CauseId id, String title, double prior, List<Rule> rules, List<Remedy> actions,
                        List<String> nextChecks, Vocabulary vocabulary) {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param id         the cause id
         * @param title      short human name ("Dockerfile build failure")
         * @param prior      probability before any evidence, in (0,1)
         * @param rules      evidence rules, in file order
         * @param actions    remediation actions, in file order
         * @param nextChecks what to look at next to confirm or refute the cause, in order (may be empty)
         * @param vocabulary the cause's words on a generic failure line; null for none
         */
        public Cause {
            Objects.requireNonNull(id, "id");
            rules = List.copyOf(rules);
            actions = List.copyOf(actions);
            nextChecks = List.copyOf(Objects.requireNonNullElse(nextChecks, List.of()));
        }

        /**
         * A cause without a vocabulary.
         *
         * @param id a cause id
         * @param title the title
         * @param prior the prior
         * @param rules the rules
         * @param actions the actions
         * @param nextChecks the next checks
         */
        public Cause(CauseId id, String title, double prior, List<Rule> rules, List<Remedy> actions,
                     List<String> nextChecks) {
            this(id, title, prior, rules, actions, nextChecks, null);
        }

        /**
         * A cause without next checks or a vocabulary.
         *
         * @param id a cause id
         * @param title the title
         * @param prior the prior
         * @param rules the rules
         * @param actions the actions
         */
        public Cause(CauseId id, String title, double prior, List<Rule> rules, List<Remedy> actions) {
            this(id, title, prior, rules, actions, List.of(), null);
        }
    }

    /**
     * A cause's vocabulary: the words by which a failure line speaks of the cause when no specific indication reads
     * it (only a generic error reading, cause {@code unknown}). The engine turns it into one weak rule, the same for
     * every cause: a log finding of cause {@code unknown} whose line {@code pattern} is found in gives likelihood ratio
     * {@value #LR} for the cause, counts no independent source (weak signals break ties, never decide alone) and reads
     * "A failure line of job "{job}" speaks of <em>topic</em> (line {lineNumber}): "{line}"". Its evidence key is
     * {@code <cause>/}{@value #RULE_ID}.
     *
     * @param pattern RE2/J regular expression, found anywhere in the line
     * @param topic   what the words speak of, a noun phrase ("the image build", "a time limit")
     */
    public record Vocabulary(String pattern, String topic) {
        /** The id of the engine's rule and, after its cause's id, of its evidence; no rule of a file may take it. */
        public static final String RULE_ID = io.sophia.diagnosis.internal.reasoning.Knowledge.CompiledVocabulary.RULE_ID;
        /** The likelihood ratio a vocabulary gives its cause: weak evidence. */
        public static final double LR = io.sophia.diagnosis.internal.reasoning.Knowledge.CompiledVocabulary.LR;

        /**
         * Checks the components.
         *
         * @param pattern RE2/J regular expression, found anywhere in the line
         * @param topic   what the words speak of
         */
        public Vocabulary {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(topic, "topic");
        }
    }

    /**
     * One evidence rule: when facts of type {@code when} match all of {@code match} (value equals one
     * of the listed values, case-insensitive), {@code pattern} (RE2/J regex found in the value) and the
     * numeric bounds {@code atLeast}/{@code atMost}, and
     * at least {@code minCount} distinct subjects (services, jobs, apps) match, the rule contributes
     * ln({@code lr}) to the cause's log-odds, aggregated over the subjects.
     *
     * @param id       unique within its cause
     * @param when     fact type: log, job, step, commonStep, cancelledAfterFailure, run, annotation, probe,
     *                 http, condition, machine, machineEvent, machineCheck, tls, dns, tcp, mcp, service,
     *                 dependency, version
     * @param match    attribute -> accepted values
     * @param pattern  attribute -> regex
     * @param atLeast  numeric attribute -> lowest accepted value (a log finding's {@code score} …)
     * @param atMost   numeric attribute -> highest accepted value
     * @param minCount distinct subjects required
     * @param lr       likelihood ratio; above 1 supports the cause, below 1 refutes it
     * @param text     sentence template with placeholders such as {service}, {step}, {line}, {count}
     * @param textMany template used when more than one subject matched, or null to use {@code text}
     * @param group    rules of a cause with the same group are alternatives: for each subject only the
     *                 strongest matching one counts (a strong and a weak reading of the same log); null for none
     * @param weak     true: a weak signal (a step or job name, a generic wrapper line, a bare exit code) that counts
     *                 no independent source for the source caps; false: specific; null: derived by
     *                 {@link #isWeak()}
     */
    public record Rule(String id, String when, Map<String, List<String>> match, Map<String, String> pattern,
                       Map<String, Double> atLeast, Map<String, Double> atMost, int minCount, double lr, String text,
                       String textMany, String group, Boolean weak) {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param id       unique within its cause
         * @param when     fact type: log, job, step, commonStep, cancelledAfterFailure, run, annotation, probe, http,
         *                 condition, machine, machineEvent, machineCheck, tls, dns, tcp, mcp, service, dependency,
         *                 version
         * @param match    attribute -> accepted values
         * @param pattern  attribute -> regex
         * @param atLeast  numeric attribute -> lowest accepted value (a log finding's {@code score} …)
         * @param atMost   numeric attribute -> highest accepted value
         * @param minCount distinct subjects required
         * @param lr       likelihood ratio; above 1 supports the cause, below 1 refutes it
         * @param text     sentence template with placeholders such as {service}, {step}, {line}, {count}
         * @param textMany template used when more than one subject matched, or null to use {@code text}
         * @param group    rules of a cause with the same group are alternatives: for each subject only the strongest
         *                 matching one counts (a strong and a weak reading of the same log); null for none
         * @param weak     true: a weak signal (a step or job name, a generic wrapper line, a bare exit code) that
         *                 counts no independent source for the source caps; false: specific; null: derived by {@link
         *                 #isWeak()}
         */
        public Rule {
            match = Map.copyOf(match);
            pattern = Map.copyOf(pattern);
            atLeast = Map.copyOf(atLeast);
            atMost = Map.copyOf(atMost);
        }

        /**
         * {@return a builder of rule {@code id} on facts of type {@code when} with likelihood ratio {@code lr}}: no
         * match, pattern or bounds (empty), one subject required, no text, no group and weakness derived
         * ({@link #isWeak()}) until set, in place of the canonical constructor's twelve positional components.
         *
         * @param id   unique within its cause
         * @param when fact type: log, job, step, run, probe, http …
         * @param lr   likelihood ratio; above 1 supports the cause, below 1 refutes it
         */
        public static Builder builder(String id, String when, double lr) {
            return new Builder(id, when, lr);
        }

        /** The optional parts of a {@link Rule}; every setter returns this builder. */
        public static final class Builder {
            private final String id;
            private final String when;
            private final double lr;
            private Map<String, List<String>> match = Map.of();
            private Map<String, String> pattern = Map.of();
            private Map<String, Double> atLeast = Map.of();
            private Map<String, Double> atMost = Map.of();
            private int minCount = 1;
            private String text;
            private String textMany;
            private String group;
            private Boolean weak;

            private Builder(String id, String when, double lr) {
                this.id = id;
                this.when = when;
                this.lr = lr;
            }

            /**
             * @param match attribute -> accepted values; null is none
             * @return this builder
             */
            public Builder match(Map<String, List<String>> match) {
                this.match = match;
                return this;
            }

            /**
             * @param pattern attribute -> regex; null is none
             * @return this builder
             */
            public Builder pattern(Map<String, String> pattern) {
                this.pattern = pattern;
                return this;
            }

            /**
             * @param atLeast numeric attribute -> lowest accepted value; null is none
             * @return this builder
             */
            public Builder atLeast(Map<String, Double> atLeast) {
                this.atLeast = atLeast;
                return this;
            }

            /**
             * @param atMost numeric attribute -> highest accepted value; null is none
             * @return this builder
             */
            public Builder atMost(Map<String, Double> atMost) {
                this.atMost = atMost;
                return this;
            }

            /**
             * @param minCount distinct subjects required (1 unless set)
             * @return this builder
             */
            public Builder minCount(int minCount) {
                this.minCount = minCount;
                return this;
            }

            /**
             * @param text sentence template with placeholders such as {service}, {step}, {line}, {count}
             * @return this builder
             */
            public Builder text(String text) {
                this.text = text;
                return this;
            }

            /**
             * @param textMany template used when more than one subject matched, or null to use the text
             * @return this builder
             */
            public Builder textMany(String textMany) {
                this.textMany = textMany;
                return this;
            }

            /**
             * @param group the group of alternative rules it belongs to, or null for none
             * @return this builder
             */
            public Builder group(String group) {
                this.group = group;
                return this;
            }

            /**
             * @param weak true: a weak signal; false: specific; null: derived by {@link Rule#isWeak()}
             * @return this builder
             */
            public Builder weak(Boolean weak) {
                this.weak = weak;
                return this;
            }

            /** {@return the rule} */
            public Rule build() {
                return new Rule(id, when, Objects.requireNonNullElse(match, Map.of()),
                        Objects.requireNonNullElse(pattern, Map.of()), Objects.requireNonNullElse(atLeast, Map.of()),
                        Objects.requireNonNullElse(atMost, Map.of()), minCount, lr, text, textMany, group, weak);
            }
        }

        /**
         * {@return true when the rule reads a weak signal: as set by {@code weak}, else derived} Weak are rules on
         * names (a pattern on a step, job or failed-step name), on several jobs failing at one step and on files
         * changed since the last good deploy. (A log rule is specific, but a finding of a {@linkplain
         * Settings#wrappers wrapper} indication counts no source.)
         */
        public boolean isWeak() {
            if (weak != null) {
                return weak;
            }
            if (when.equals("commonStep") || when.equals("change") || when.equals("releaseSplit")) {
                return true;
            }
            if ((when.equals("job") || when.equals("step")) && (pattern.containsKey("failedStep")
                    || pattern.containsKey("name") || pattern.containsKey("job") || pattern.containsKey("step"))) {
                return true;
            }
            return false;
        }
    }

    /**
     * A remediation action template.
     *
     * @param priority P0, P1 or P2 when the cause ranks first
     * @param within   the time window
     * @param title    imperative title
     * @param detail   detail template; placeholders as in rules plus {services}
     */
    public record Remedy(Action.Priority priority, Duration within, String title, String detail) {
    }

    private KnowledgeBase(Settings settings, List<Cause> causes, List<String> sources, IndicationSet added) {
        this(settings, causes, sources, Map.of(), Indications.of(added));
    }

    private KnowledgeBase(Settings settings, List<Cause> causes, List<String> sources,
                          Map<String, History.Baseline> baselines, Indications indications) {
        this.indications = indications;
        this.latencyBaselines = Map.copyOf(baselines);
        this.settings = settings;
        this.causes = List.copyOf(causes);
        this.sources = List.copyOf(sources);
    }

    /** {@return the built-in knowledge base (parsed once, then shared)} */
    public static KnowledgeBase builtIn() {
        KnowledgeBase kb = builtIn;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = builtIn;
                if (kb == null) {
                    kb = builtIn = loadBuiltIn();
                }
            }
        }
        return kb;
    }

    private static KnowledgeBase loadBuiltIn() {
        String name = "built-in knowledge-base.yaml";
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw InputException.of(name, 0, "", "resource " + BUILT_IN_RESOURCE + " is missing from the jar");
            }
            RuleFileReader.Result r = RuleFileReader.read(in.readAllBytes(), name, null);
            return new KnowledgeBase(r.settings(), r.causes(), List.of(name), IndicationSet.NONE);
        } catch (IOException e) {
            throw InputException.of(name, 0, "", "cannot read resource: " + e.getMessage(), e);
        }
    }

    /**
     * A knowledge base made only of {@code ruleFile} (which must then define every cause it wants).
     * For the built-in causes plus yours, use {@code builtIn().withRuleFile(path)}.
     *
     *
     * @param ruleFile a YAML or JSON rule file
     * @return the built-in knowledge base with the file merged in
     * @throws InputException when the file cannot be read or is invalid
     */
    public static KnowledgeBase load(Path ruleFile) {
        RuleFileReader.Result r = RuleFileReader.read(ruleFile, null);
        return new KnowledgeBase(r.settings(), r.causes(), List.of(ruleFile.toString()), r.indications());
    }

    /**
     * This knowledge base with {@code ruleFile} merged over it (see the class comment for the rules).
     *
     *
     * @param ruleFile a YAML or JSON rule file
     * @return a new knowledge base; this one is unchanged
     * @throws InputException when the file cannot be read or is invalid
     */
    public KnowledgeBase withRuleFile(Path ruleFile) {
        RuleFileReader.Result r = RuleFileReader.read(ruleFile,
                new RuleFileReader.Result(settings, causes, indications.added));
        List<String> src = new java.util.ArrayList<>(sources);
        src.add(ruleFile.toString());
        // a rule file changes the causes, not what the history says about the services; one without indications keeps
        // this base's scanner
        return new KnowledgeBase(r.settings(), r.causes(), src, latencyBaselines,
                r.indications() == indications.added ? indications : Indications.of(r.indications()));
    }

    /**
     * This knowledge base with priors that follow {@code history}: each cause's prior becomes
     * {@code (prior * W + topCount) / (W + failures)} with a pseudo-count {@code W = 20}, so the
     * built-in prior weighs like 20 past failures and the history takes over as it grows. Causes
     * the history never saw keep a share of their prior; every prior stays in (0, 1).
     *
     * @param history past assessments
     * @return a new knowledge base; this one is unchanged
     */
    public KnowledgeBase withHistory(History history) {
        if (history.failures() == 0) {
            return withLatencyBaselines(history);
        }
        double w = 20;
        int n = history.failures();
        List<Cause> adjusted = new java.util.ArrayList<>();
        for (Cause c : causes) {
            int k = history.topCauses().getOrDefault(c.id(), 0);
            double p = (c.prior() * w + k) / (w + n);
            p = Math.max(1e-4, Math.min(0.9, p));
            adjusted.add(new Cause(c.id(), c.title(), p, c.rules(), c.actions(), c.nextChecks(), c.vocabulary()));
        }
        List<String> src = new java.util.ArrayList<>(sources);
        src.add("history (" + n + " failures)");
        return new KnowledgeBase(settings, adjusted, src, history.baselines(), indications);
    }

    /**
     * This knowledge base with the services' latency baselines of {@code history} and nothing else of it: the
     * priors stay as they are, so the same observations rank the causes as without a history. What
     * {@code sophia check --history} uses: a run is compared with the service's own past latency, while its
     * probabilities stay those the knowledge base was calibrated with (priors that follow the past top causes
     * would reinforce whatever was diagnosed before).
     *
     * @param history past assessments
     * @return a new knowledge base (this one when the history has no baseline); this one is unchanged
     */
    public KnowledgeBase withLatencyBaselines(History history) {
        return history.baselines().isEmpty() ? this
                : new KnowledgeBase(settings, causes, sources, history.baselines(), indications);
    }

    /**
     * {@return this knowledge base with other settings: how a calibration is refitted (a host that measured Sophia on
     * its own labelled failures can ship its own evidence scale and source caps) without rewriting the rule file}
     *
     * @param settings the settings
     */
    public KnowledgeBase withSettings(Settings settings) {
        return new KnowledgeBase(Objects.requireNonNull(settings, "settings"), causes, sources, latencyBaselines,
                indications);
    }

    /**
     * {@return each service's usual latency from {@link #withHistory history} (empty without one): a service
     * answering at least three times its baseline (and 500 ms above it) is DEGRADED}
     */
    public Map<String, Long> latencyBaselines() {
        Map<String, Long> medians = new java.util.TreeMap<>();
        latencyBaselines.forEach((id, b) -> medians.put(id, b.medianMs()));
        return java.util.Collections.unmodifiableMap(medians);
    }

    /** {@return {@link #latencyBaselines()} with the number of past runs behind each median} */
    public Map<String, History.Baseline> baselines() {
        return latencyBaselines;
    }

    /** {@return settings (unknown prior, floor, aggregation)} */
    public Settings settings() {
        return settings;
    }

    /** {@return every cause, in file order (built-in causes first)} */
    public List<Cause> causes() {
        return causes;
    }

    /**
     * {@return one cause by id}
     *
     * @param id a cause id
     */
    public Optional<Cause> cause(CauseId id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * {@return the log indications of this knowledge base: the built-in ones ({@link IndicationSet#builtIn()}) with
     * those of its rule files' {@code indications} lists (an id already known replaced in place, a new one added)}
     */
    public IndicationSet indications() {
        return indications.merged();
    }

    /**
     * {@return the scanner of {@link #indications()}: {@link LogScanner#builtIn()} when no rule file added any, else
     * one built on the first call (building one reads every indication: a second of CPU, so knowledge bases with the
     * same added indications, such as a {@code sophia watch}'s rounds re-reading the same rule files, share the last
     * one built); what a host hands the logs it reads to, so that its rule files' indications read them}
     */
    public LogScanner logScanner() {
        return indications.scanner();
    }

    /** {@return the files this knowledge base was built from, in merge order} */
    public List<String> sources() {
        return sources;
    }

    /**
     * The indications rule files added, their merge over the built-in ones and its scanner, each made once on first
     * use (thread-safe: a scanner is never built twice at once).
     */
    private static final class Indications {
        private static final Indications NONE = new Indications(IndicationSet.NONE);
        /**
         * The scanners built last, by the added indications they were built for, for the next knowledge base with equal
         * ones (a watch's next round, a host's next check of the same config): at most four, each the size
         * of the built-in one.
         */
        private static final int KEPT = 4;
        private static final Map<List<Indication>, LogScanner> LAST = new java.util.LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Indication>, LogScanner> eldest) {
                return size() > KEPT;
            }
        }; // guarded by Indications.class

        private final IndicationSet added;
        private volatile IndicationSet merged;
        private volatile LogScanner scanner;

        private Indications(IndicationSet added) {
            this.added = added;
        }

        static Indications of(IndicationSet added) {
            return added.size() == 0 ? NONE : new Indications(added);
        }

        IndicationSet merged() {
            if (added.size() == 0) {
                return IndicationSet.builtIn();
            }
            // racy single check: an equal immutable set either way
            IndicationSet m = merged;
            if (m == null) {
                m = IndicationSet.builtIn().with(added);
                merged = m;
            }
            return m;
        }

        LogScanner scanner() {
            if (added.size() == 0) {
                return LogScanner.builtIn();
            }
            LogScanner s = scanner;
            if (s == null) {
                synchronized (Indications.class) {
                    s = scanner;
                    if (s == null) {
                        s = LAST.get(added.indications());
                        if (s == null) {
                            s = LogScanner.of(merged());
                            LAST.put(added.indications(), s);
                        }
                        scanner = s;
                    }
                }
            }
            return s;
        }
    }

    @Override
    public String toString() {
        return "KnowledgeBase" + sources + " (" + causes.size() + " causes)";
    }
}
