package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Action;
import io.sophia.core.CauseId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The knowledge base as the engine reads it. The API package translates its {@code KnowledgeBase} (and its
 * indications: the built-in ones with its rule files') into this once per diagnosis, so the dependency between the API package and this one
 * points one way: the API knows the engine, the engine knows no API type.
 *
 * @param settings         the knowledge-base wide settings
 * @param causes           every cause with its rules and remedies, in knowledge-base order
 * @param latencyBaselines learned latency baselines by service id
 * @param indications      the built-in log indications (what tells a specific log line from a wrapper)
 * @param lineCause        the cause id a specific (not wrapper) built-in log indication reads one line of text as, read
 *                         at least moderately ({@link #LINE_READ_SCORE}), or null: how a machine's exit detail and a
 *                         log-less job's annotation are read
 * @param answerCause      the same for a service's answer (an HTTP error body), read by specific indications only: a
 *                         general shape ("Internal Server Error") says nothing a status code does not
 */
public record Knowledge(CompiledSettings settings, List<CompiledCause> causes,
                        Map<String, LatencyBaseline> latencyBaselines, List<CompiledIndication> indications,
                        java.util.function.Function<String, String> lineCause,
                        java.util.function.Function<String, String> answerCause) {

    /** Copies the collections. */
    public Knowledge {
        causes = List.copyOf(causes);
        latencyBaselines = Map.copyOf(latencyBaselines);
        indications = List.copyOf(indications);
        java.util.Objects.requireNonNull(lineCause, "lineCause");
        java.util.Objects.requireNonNull(answerCause, "answerCause");
    }

    /**
     * The engine rule a cause gets (the API's translation says which: not unknown, not a crash or a memory kill, whose
     * own rules read an exit's report): a machine's exit detail that a specific log indication of the cause reads
     * ({@code detailCause}) is the app's own words for why it stopped, as strong as the same line in a log.
     */
    public static final String DETAIL_RULE_ID = "exit-detail-indication";

    /** {@return the rule {@link #DETAIL_RULE_ID} for the cause {@code causeId}} */
    public static CompiledRule detailRule(String causeId) {
        return lineRule(DETAIL_RULE_ID, "machineEvent", "detailCause", causeId,
                "Machine {machine} of app {app} stopped saying \"{detail}\".",
                "Machines of {count} apps ({subjects}) stopped saying, for example, \"{detail}\".");
    }

    /**
     * The engine rule a cause gets for a job without a log (not unknown, not a cancel or a time limit, whose annotation
     * restates the job's conclusion): an annotation a specific log indication of the cause reads ({@code messageCause})
     * is the job's own line ("GitHub Actions has encountered an internal error when running your job.").
     */
    public static final String ANNOTATION_RULE_ID = "annotation-indication";

    /** {@return the rule {@link #ANNOTATION_RULE_ID} for the cause {@code causeId}} */
    public static CompiledRule annotationRule(String causeId) {
        return lineRule(ANNOTATION_RULE_ID, "annotation", "messageCause", causeId,
                "An annotation of job \"{job}\" says: \"{message}\"",
                "Annotations of {count} jobs say, for example: \"{message}\"");
    }

    /**
     * The engine rule every cause but unknown gets: a service's error answer whose body a specific log indication of the
     * cause reads ({@code bodyCause}: MySQL's "Access denied for user ... (using password: NO)", Redis's "NOAUTH
     * Authentication required.", Go's "dial tcp: lookup x: no such host" relayed by a front end) is the app's own words
     * for what failed, as strong as the same line in its log.
     */
    public static final String ANSWER_RULE_ID = "answer-indication";

    /** {@return the rule {@link #ANSWER_RULE_ID} for the cause {@code causeId}} */
    public static CompiledRule answerRule(String causeId) {
        return lineRule(ANSWER_RULE_ID, "http", "bodyCause", causeId,
                "{service} answers HTTP {httpStatus} saying \"{body}\".",
                "{count} services ({services}) answer with errors saying, for example, \"{body}\".");
    }

    /**
     * The engine rule every cause but unknown gets: a violated expectation whose actual value a specific log indication of
     * the cause reads ({@code actualCause}: a pod's "Last State: Terminated, Reason: OOMKilled, Exit Code: 137", a
     * platform's "Instance exceeded its memory limit (512 MB) and was restarted") is the platform's own words for what
     * failed (p75-23, p75-25). A source of its own, one family with the log lines and answers it often restates
     * (h20-30, p66-05), at {@link #CONDITION_LR}: in the eighteenth session, weak, it only broke ties, and a fleet whose
     * only words are its pods' reasons ("ImagePullBackOff ... pull access denied", "reason OOMKilled") stayed unknown
     * (p82-: 13 of 40 on arrival); counted as a source it is right there, with the corpus's refit at evidenceScale 2.7
     * (as a weak tie-breaker 2.7 too, and the cross-validated ECE 0.049 against 0.052).
     */
    public static final String CONDITION_RULE_ID = "condition-indication";

    /** {@return the rule {@link #CONDITION_RULE_ID} for the cause {@code causeId}} */
    public static CompiledRule conditionRule(String causeId) {
        return lineRule(CONDITION_RULE_ID, "condition", "actualCause", causeId, CONDITION_LR, false,
                "{service} fails its expectation {condition}: \"{actual}\".",
                "{count} services ({services}) fail their expectations, for example {condition}: \"{actual}\".");
    }

    /**
     * The engine rule every cause but unknown gets: a look at a host or a platform that failed (a probe failure of kind
     * OTHER: its events, its logs; or a host probe of any kind that a platform API answered with a status of 400 or
     * more) whose detail a specific log indication of the cause reads ({@code detailCause}:
     * Kubernetes' 'Failed to pull image ...: not found', a task's log "exec /usr/bin/node: exec format error") is the
     * platform's own words for what failed, as strong as the same line in a log (p78-19, p78-27).
     */
    public static final String PROBE_DETAIL_RULE_ID = "probe-detail-indication";

    /** {@return the rule {@link #PROBE_DETAIL_RULE_ID} for the cause {@code causeId}} */
    public static CompiledRule probeDetailRule(String causeId) {
        return lineRule(PROBE_DETAIL_RULE_ID, "probe", "detailCause", causeId,
                "A look at {target} shows: \"{detail}\".",
                "Looks at {count} services show, for example: \"{detail}\".");
    }

    /** The likelihood ratio of {@link #conditionRule}: the weakest that counts as strong evidence ({@code Inference.STRONG}). */
    public static final double CONDITION_LR = 3;

    /**
     * The engine rules that read the words only some observations of their kind carry (an answer's body, an
     * expectation's actual value, a look at a host's detail): one source family with the log lines they restate, and
     * no place where a cause's evidence came back empty when they find nothing.
     */
    public static final Set<String> CARRIED_TEXT_RULE_IDS = Set.of(ANSWER_RULE_ID, CONDITION_RULE_ID,
            PROBE_DETAIL_RULE_ID);

    /** The ids of the rules the engine adds to a cause; a rule file may not take them. */
    public static final Set<String> ENGINE_RULE_IDS = Set.of(CompiledVocabulary.RULE_ID, DETAIL_RULE_ID, ANNOTATION_RULE_ID,
            ANSWER_RULE_ID, CONDITION_RULE_ID, PROBE_DETAIL_RULE_ID);

    // a fact of type {@code when} whose {@code attribute} names the cause: a line outside a log, read by the indications
    private static CompiledRule lineRule(String id, String when, String attribute, String causeId, String text, String textMany) {
        return lineRule(id, when, attribute, causeId, DETAIL_LR, false, text, textMany);
    }

    private static CompiledRule lineRule(String id, String when, String attribute, String causeId, double lr, boolean weak,
                                 String text, String textMany) {
        return new CompiledRule(id, when, Map.of(attribute, List.of(causeId)), Map.of(), Map.of(), Map.of(), 1, lr, text,
                textMany, null, weak);
    }

    /**
     * The likelihood ratio of {@link #detailRule}, {@link #annotationRule}, {@link #answerRule} and
     * {@link #probeDetailRule}: a specific line,
     * read moderately.
     */
    public static final double DETAIL_LR = 15;

    /** The least score of a log finding that says what failed (the built-in rules weigh it at least moderately). */
    public static final double LINE_READ_SCORE = 0.4;

    /**
     * A service's usual latency, from its past runs.
     *
     * @param medianMs the median latency of the runs in which it was UP
     * @param samples  how many runs that median is taken over
     */
    public record LatencyBaseline(long medianMs, int samples) {
    }

    /** {@return the cause with this id} */
    Optional<CompiledCause> cause(CauseId id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The settings; what each means is documented on the API's {@code KnowledgeBase.Settings}. */
    public record CompiledSettings(double unknownPrior, double unexplainedLr, double floor, double aggregationBonus,
                                   double aggregationCap, double silentLr, double evidenceScale, double unknownFloor,
                                   List<Double> sourceCaps, Set<String> wrappers, double provenCap, Set<String> provenEvidence) {

        /** Copies the collections. */
        public CompiledSettings {
            sourceCaps = List.copyOf(sourceCaps);
            wrappers = Set.copyOf(wrappers);
            provenEvidence = Set.copyOf(provenEvidence);
        }

        /**
         * {@return the highest probability a cause may reach with this many independent specific sources, the evidence
         * behind them named by {@code keys}}: with exactly one source, {@code provenCap} when one of the keys is
         * proven evidence (wording that named its cause every time the labelled corpus saw it, in enough scenarios),
         * else {@link #cap(int)}
         */
        double cap(int sources, Set<String> keys) {
            double plain = cap(sources);
            if (sources == 1 && provenCap > plain && !provenEvidence.isEmpty()
                    && keys.stream().anyMatch(provenEvidence::contains)) {
                return provenCap;
            }
            return plain;
        }

        /** {@return the highest probability a cause may reach with this many independent specific sources} */
        double cap(int sources) {
            if (sourceCaps.isEmpty()) {
                return 1;
            }
            if (sources < 0) {
                // only a wrapper line (a step's exit, "failed to solve") names the cause: it says which step failed,
                // not why, so the cause stands between "nothing specific" and "one specific source"
                return (cap(0) + cap(1)) / 2;
            }
            return sourceCaps.get(Math.min(sources, sourceCaps.size() - 1));
        }
    }

    /** A cause: its prior, the rules that weigh evidence for or against it, its remedies and next checks. */
    public record CompiledCause(CauseId id, String title, double prior, List<CompiledRule> rules,
                                List<CompiledRemedy> actions, List<String> nextChecks) {
        /** Copies the collections. */
        public CompiledCause {
            rules = List.copyOf(rules);
            actions = List.copyOf(actions);
            nextChecks = List.copyOf(nextChecks);
        }
    }

    /** A rule, with the components of the API's {@code KnowledgeBase.Rule}; {@code weak} is its {@code isWeak()}. */
    public record CompiledRule(String id, String when, Map<String, List<String>> match, Map<String, String> pattern,
                               Map<String, Double> atLeast, Map<String, Double> atMost, int minCount, double lr,
                               String text, String textMany, String group, boolean weak) {
        /**
         * The hash of what names the rule, consistent with the components' equality: the engine keys its matches by
         * rule, and the record's own hash walked every map and list of a rule on each lookup.
         */
        @Override
        public int hashCode() {
            return 31 * (31 * java.util.Objects.hashCode(id) + java.util.Objects.hashCode(when)) + Double.hashCode(lr);
        }
    }

    /**
     * A cause's vocabulary (the API's {@code KnowledgeBase.Vocabulary}) and the one rule that weighs every cause's: its
     * words on a failure line no specific indication reads (a generic error reading, cause {@code unknown}) are weak
     * evidence for it, a tie-breaker that keeps a tool's new wording near the right cause at low confidence.
     *
     * @param pattern the words, an RE2/J regular expression found anywhere in the line
     * @param topic   what they speak of, a noun phrase ("the image build")
     */
    public record CompiledVocabulary(String pattern, String topic) {
        /** The rule's id, and with its cause's the evidence key {@code <cause>/generic-vocabulary}. */
        public static final String RULE_ID = "generic-vocabulary";
        /** Its likelihood ratio: weak evidence. */
        public static final double LR = 3;

        /** {@return the rule: a log finding of cause unknown whose line the pattern is found in, weak, {@link #LR}} */
        public CompiledRule rule() {
            return new CompiledRule(RULE_ID, "log", Map.of("causeId", List.of("unknown")), Map.of("line", pattern), Map.of(),
                    Map.of(), 1, LR, "A failure line of job \"{job}\" speaks of " + topic
                    + " (line {lineNumber}): \"{line}\"", null, null, true);
        }
    }

    /** A remedy to propose when its cause ranks high. */
    public record CompiledRemedy(Action.Priority priority, Duration within, String title, String detail) {
    }

    /**
     * What the engine reads of a log indication: which cause it points to, the patterns it matches and its weight (1
     * when not given).
     */
    public record CompiledIndication(String id, String causeId, List<String> patterns, double weight) {
        /** An indication of full weight. */
        public CompiledIndication(String id, String causeId, List<String> patterns) {
            this(id, causeId, patterns, 1.0);
        }
    }
}
