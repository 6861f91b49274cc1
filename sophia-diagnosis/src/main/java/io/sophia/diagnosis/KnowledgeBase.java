package io.sophia.diagnosis;

import io.sophia.core.Action;
import io.sophia.core.CauseId;
import io.sophia.diagnosis.internal.kb.RuleFileReader;

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
 * your own. Rule files (YAML or JSON, same format) add or override causes, rules, priors and
 * actions without Java:
 *
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(Path.of("team-rules.yaml"));
 * Diagnosis diagnosis = Diagnosis.builder().knowledgeBase(kb).build();
 * }</pre>
 *
 * <p>Merging: a cause id already known keeps what the file does not mention; a rule id already
 * known within that cause is overridden key by key ({@code enabled: false} removes it); an
 * {@code actions} list replaces the cause's actions. A bad file raises {@link RuleFileException}
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
     */
    public record Settings(double unknownPrior, double unexplainedLr, double floor, double aggregationBonus,
                           double aggregationCap, double silentLr, double evidenceScale, double unknownFloor) {
        /**
         * The defaults for a rule file that does not set them: unknown prior 0.08, unexplained LR 6, floor 1%,
         * bonus 0.5, cap 2, silent LR 0.15, evidence scale 1 (likelihood ratios as written), unknown floor 1%.
         * The built-in knowledge base sets its own, calibrated values in its {@code settings} section.
         */
        public static final Settings DEFAULTS = new Settings(0.08, 6.0, 0.01, 0.5, 2.0, 0.15, 1.0, 0.01);

        /**
         * Settings with evidence scale 1 and an unknown floor of 1%.
         *
         * @param unknownPrior prior of the {@code unknown} hypothesis
         * @param unexplainedLr likelihood ratio of {@code unknown} per unexplained failure
         * @param floor smallest probability a cause is reported with
         * @param aggregationBonus log-ratio bonus per further service a rule matches
         * @param aggregationCap cap on that bonus
         * @param silentLr likelihood ratio of a cause whose expected evidence is silent
         */
        public Settings(double unknownPrior, double unexplainedLr, double floor, double aggregationBonus,
                        double aggregationCap, double silentLr) {
            this(unknownPrior, unexplainedLr, floor, aggregationBonus, aggregationCap, silentLr, 1.0, 0.01);
        }
    }

    /**
     * One root cause.
     *
     * @param id      the cause id
     * @param title   short human name ("Dockerfile build failure")
     * @param prior   probability before any evidence, in (0,1)
     * @param rules   evidence rules, in file order
     * @param actions remediation actions, in file order
     */
    public record Cause(CauseId id, String title, double prior, List<Rule> rules, List<Remedy> actions) {
        /**
         * Canonical constructor: rejects invalid components, and copies the collections, so the record is immutable.
         *
         * @param id      the cause id
         * @param title   short human name ("Dockerfile build failure")
         * @param prior   probability before any evidence, in (0,1)
         * @param rules   evidence rules, in file order
         * @param actions remediation actions, in file order
         */
        public Cause {
            Objects.requireNonNull(id, "id");
            rules = List.copyOf(rules);
            actions = List.copyOf(actions);
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
     */
    public record Rule(String id, String when, Map<String, List<String>> match, Map<String, String> pattern,
                       Map<String, Double> atLeast, Map<String, Double> atMost, int minCount, double lr, String text,
                       String textMany, String group) {
        /**
         * Canonical constructor: copies the collections, so the record is immutable.
         *
         * @param id       unique within its cause
         * @param when     fact type: log, job, step, commonStep, cancelledAfterFailure, run, annotation, probe,
         *        http, condition, machine, machineEvent, machineCheck, tls, dns, tcp, mcp, service,
         *        dependency, version
         * @param match    attribute -> accepted values
         * @param pattern  attribute -> regex
         * @param atLeast  numeric attribute -> lowest accepted value (a log finding's {@code score} …)
         * @param atMost   numeric attribute -> highest accepted value
         * @param minCount distinct subjects required
         * @param lr       likelihood ratio; above 1 supports the cause, below 1 refutes it
         * @param text     sentence template with placeholders such as {service}, {step}, {line}, {count}
         * @param textMany template used when more than one subject matched, or null to use {@code text}
         * @param group    rules of a cause with the same group are alternatives: for each subject only the
         *        strongest matching one counts (a strong and a weak reading of the same log); null for none
         */
        public Rule {
            match = Map.copyOf(match);
            pattern = Map.copyOf(pattern);
            atLeast = Map.copyOf(atLeast);
            atMost = Map.copyOf(atMost);
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

    private KnowledgeBase(Settings settings, List<Cause> causes, List<String> sources) {
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
                throw new RuleFileException(name, 0, "", "resource " + BUILT_IN_RESOURCE + " is missing from the jar", null);
            }
            RuleFileReader.Result r = RuleFileReader.read(in.readAllBytes(), name, null);
            return new KnowledgeBase(r.settings(), r.causes(), List.of(name));
        } catch (IOException e) {
            throw new RuleFileException(name, 0, "", "cannot read resource: " + e.getMessage(), e);
        }
    }

    /**
     * A knowledge base made only of {@code ruleFile} (which must then define every cause it wants).
     * For the built-in causes plus yours, use {@code builtIn().withRuleFile(path)}.
     *
     *
     * @param ruleFile a YAML or JSON rule file
     * @return the built-in knowledge base with the file merged in
     * @throws RuleFileException when the file cannot be read or is invalid
     */
    public static KnowledgeBase load(Path ruleFile) {
        RuleFileReader.Result r = RuleFileReader.read(ruleFile, null);
        return new KnowledgeBase(r.settings(), r.causes(), List.of(ruleFile.toString()));
    }

    /**
     * This knowledge base with {@code ruleFile} merged over it (see the class comment for the rules).
     *
     *
     * @param ruleFile a YAML or JSON rule file
     * @return a new knowledge base; this one is unchanged
     * @throws RuleFileException when the file cannot be read or is invalid
     */
    public KnowledgeBase withRuleFile(Path ruleFile) {
        RuleFileReader.Result r = RuleFileReader.read(ruleFile, new RuleFileReader.Result(settings, causes));
        List<String> src = new java.util.ArrayList<>(sources);
        src.add(ruleFile.toString());
        return new KnowledgeBase(r.settings(), r.causes(), src);
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
            return this;
        }
        double w = 20;
        int n = history.failures();
        List<Cause> adjusted = new java.util.ArrayList<>();
        for (Cause c : causes) {
            int k = history.topCauses().getOrDefault(c.id(), 0);
            double p = (c.prior() * w + k) / (w + n);
            p = Math.max(1e-4, Math.min(0.9, p));
            adjusted.add(new Cause(c.id(), c.title(), p, c.rules(), c.actions()));
        }
        List<String> src = new java.util.ArrayList<>(sources);
        src.add("history (" + n + " failures)");
        return new KnowledgeBase(settings, adjusted, src);
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

    /** {@return the files this knowledge base was built from, in merge order} */
    public List<String> sources() {
        return sources;
    }

    @Override
    public String toString() {
        return "KnowledgeBase" + sources + " (" + causes.size() + " causes)";
    }
}
