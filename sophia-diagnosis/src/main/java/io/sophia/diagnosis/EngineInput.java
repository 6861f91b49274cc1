package io.sophia.diagnosis;

import io.sophia.diagnosis.internal.reasoning.GateRules;
import io.sophia.diagnosis.internal.reasoning.Knowledge;

import java.util.List;
import java.util.Map;

/**
 * Translates the API's knowledge base and gate policy into what the reasoning engine reads, so the engine package
 * needs no type of this one (the dependency points one way: API to engine).
 */
final class EngineInput {

    private EngineInput() {
    }

    static Knowledge knowledge(KnowledgeBase kb) {
        List<Knowledge.CompiledCause> causes = kb.causes().stream().map(EngineInput::cause).toList();
        List<Knowledge.CompiledIndication> indications = kb.indications().indications().stream()
                .map(i -> new Knowledge.CompiledIndication(i.id(), i.causeId().value(), i.patterns(),
                        i.weight())).toList();
        Map<String, Knowledge.LatencyBaseline> baselines = new java.util.TreeMap<>();
        kb.baselines().forEach((id, b) -> baselines.put(id, new Knowledge.LatencyBaseline(b.medianMs(), b.samples())));
        return new Knowledge(settings(kb.settings()), causes, baselines, indications,
                lineCause(kb.logScanner(), kb.settings().wrappers(), false),
                lineCause(kb.logScanner(), kb.settings().wrappers(), true));
    }

    /**
     * How the engine reads one line of text outside a log (a machine's exit detail, a log-less job's annotation): the
     * cause of the best finding of the knowledge base's scanner that is read at least moderately ({@link
     * Knowledge#LINE_READ_SCORE}, as a log line that counts) and says more than which step failed (no wrapper), or null;
     * with {@code specificOnly}, a general shape of a cause (an id ending in "-generic") does not count either.
     */
    static java.util.function.Function<String, String> lineCause(LogScanner scanner, java.util.Set<String> wrappers,
                                                                 boolean specificOnly) {
        return text -> {
            try {
                for (io.sophia.diagnosis.internal.logs.LogScan.Reading f : scanner.readings(text)) {
                    if (f.score() >= Knowledge.LINE_READ_SCORE && f.causeId() != null
                            && !io.sophia.core.CauseId.UNKNOWN.equals(f.causeId())
                            && !wrappers.contains(f.indicationId())
                            && !(specificOnly && f.indicationId().endsWith(
                                    io.sophia.diagnosis.internal.logs.LogScan.GENERAL_SHAPE_SUFFIX))) {
                        return f.causeId().value();
                    }
                }
            } catch (java.io.IOException e) {
                // a StringReader does not fail
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        };
    }

    /** Causes the exit-detail rule is not given: unknown, and the two whose rules read an exit's own report. */
    private static final java.util.Set<io.sophia.core.CauseId> DETAIL_READ_BY_OWN_RULES = java.util.Set.of(
            io.sophia.core.CauseId.UNKNOWN, io.sophia.core.CauseId.of("app.crash-on-boot"), io.sophia.core.CauseId.of("app.oom"));

    /**
     * Causes the annotation rule is not given: unknown, and a cancel's and a time limit's, whose annotation restates
     * the job's conclusion ("The operation was canceled.") and whose own rules read what it adds (CiStopReasonTest).
     */
    private static final java.util.Set<io.sophia.core.CauseId> ANNOTATION_READ_BY_OWN_RULES = java.util.Set.of(
            io.sophia.core.CauseId.UNKNOWN, io.sophia.core.CauseId.CI_CANCELLED, io.sophia.core.CauseId.CI_TIMEOUT);

    static Knowledge.CompiledSettings settings(KnowledgeBase.Settings s) {
        return new Knowledge.CompiledSettings(s.unknownPrior(), s.unexplainedLr(), s.floor(), s.aggregationBonus(),
                s.aggregationCap(), s.silentLr(), s.evidenceScale(), s.unknownFloor(), s.sourceCaps(), s.wrappers(),
                s.provenCap(), s.provenEvidence());
    }

    static GateRules gate(GatePolicy policy) {
        return new GateRules(policy.criteria().stream()
                .map(c -> new GateRules.ConfiguredCriterion(c.id(), c.enabled(), c.key(), c.weight(), c.threshold())).toList(),
                policy.sources(),
                policy.scoreThresholds().map(t -> new GateRules.Thresholds(t.pass(), t.warning())));
    }

    private static Knowledge.CompiledCause cause(KnowledgeBase.Cause c) {
        List<Knowledge.CompiledRule> rules = new java.util.ArrayList<>();
        if (c.vocabulary() != null) {
            // the one engine rule every cause's vocabulary is weighed by
            rules.add(new Knowledge.CompiledVocabulary(c.vocabulary().pattern(), c.vocabulary().topic()).rule());
        }
        // the one engine rule that reads a machine's exit detail as its log line would be read; not for a crash or a
        // memory kill, whose words in a detail are the platform's report of the exit, read by their own rules (h14-10:
        // "machine has reached its max restart count" counted twice was stated at 0.97)
        if (!DETAIL_READ_BY_OWN_RULES.contains(c.id())) {
            rules.add(Knowledge.detailRule(c.id().value()));
        }
        if (!ANNOTATION_READ_BY_OWN_RULES.contains(c.id())) {
            rules.add(Knowledge.annotationRule(c.id().value()));
        }
        if (!io.sophia.core.CauseId.UNKNOWN.equals(c.id())) {
            rules.add(Knowledge.answerRule(c.id().value()));
            rules.add(Knowledge.conditionRule(c.id().value()));
            rules.add(Knowledge.probeDetailRule(c.id().value()));
        }
        c.rules().forEach(r -> rules.add(new Knowledge.CompiledRule(r.id(), r.when(), r.match(), r.pattern(), r.atLeast(),
                r.atMost(), r.minCount(), r.lr(), r.text(), r.textMany(), r.group(), r.isWeak())));
        List<Knowledge.CompiledRemedy> remedies = c.actions().stream()
                .map(a -> new Knowledge.CompiledRemedy(a.priority(), a.within(), a.title(), a.detail())).toList();
        return new Knowledge.CompiledCause(c.id(), c.title(), c.prior(), rules, remedies, c.nextChecks());
    }
}
