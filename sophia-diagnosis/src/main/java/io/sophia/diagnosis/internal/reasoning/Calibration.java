package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Evidence;
import io.sophia.core.Observation;
import io.sophia.core.ServiceHealth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The last step of the inference, from evidence to probabilities, apart so that a calibration can be refitted
 * without diagnosing again: the evidence terms of a diagnosis do not depend on the calibration settings
 * ({@code evidenceScale}, {@code unknownFloor}, {@code sourceCaps}), only the probabilities do.
 *
 * <p>For cause i with prior q_i and summed evidence e_i (ln likelihood ratios, aggregated), the log-odds are
 * {@code logit(q_i) + evidenceScale * e_i} (temperature scaling of the evidence); they are normalised with
 * {@code unknown} as one more hypothesis; {@code unknown} is raised to {@code unknownFloor}, the others shrinking in
 * proportion; finally each cause is capped at {@code sourceCaps[k_i]} for its k_i independent specific sources: with
 * specific sources the excess is spread over the other hypotheses in proportion (their order stands), with weak
 * signals only it goes to {@code unknown}; a cause with one source whose evidence is among {@code provenEvidence} is
 * capped at {@code provenCap} instead (see {@link Knowledge.CompiledSettings#cap(int, Set)}). Last, {@code unknown} itself is bounded by {@code sourceCaps[0]} where that
 * keeps it in the lead.
 */
public final class Calibration {

    /**
     * The calibration-independent part of one hypothesis of a diagnosis.
     *
     * @param id          the cause id ({@code unknown} last)
     * @param prior       its prior
     * @param evidenceSum the sum of its evidence terms before scaling
     * @param sources     its independent specific sources of strong evidence; -1 when only a wrapper line supports it
     *                    strongly (its cap lies halfway between those of 0 and 1 sources)
     * @param reported    true when a report would list it (it has evidence for it, or it is {@code unknown})
     * @param keys        what names the evidence behind its specific sources (an indication id, or {@code cause/rule}):
     *                    with one source, a key among {@code provenEvidence} lifts its cap to {@code provenCap}
     * @param context     the features of the failure's context ({@link ContextPriors}), the same on every term of a
     *                    diagnosis
     */
    public record Term(CauseId id, double prior, double evidenceSum, int sources, boolean reported, Set<String> keys,
                       Set<String> context) {

        /** Copies the keys and the context. */
        public Term {
            keys = Set.copyOf(keys);
            context = Set.copyOf(context);
        }

        /** A term without context. */
        public Term(CauseId id, double prior, double evidenceSum, int sources, boolean reported, Set<String> keys) {
            this(id, prior, evidenceSum, sources, reported, keys, Set.of());
        }
    }

    private Calibration() {
    }

    /**
     * The terms of the diagnosis {@code kb} makes of these observations, {@code unknown} last, or an empty list
     * when nothing is failing (then nothing is to be explained).
     */
    public static List<Term> terms(Knowledge kb, Deployment deployment, List<Observation> input, Instant now) {
        List<Observation> observations = input.stream().filter(Objects::nonNull).toList();
        Map<String, ServiceHealth> health = ServiceStates.derive(deployment, observations, now, kb.latencyBaselines(),
                kb.answerCause());
        if (!Reasoner.somethingFailing(observations, health, now)) {
            return List.of();
        }
        return terms(Reasoner.infer(kb, deployment, observations, health, now));
    }

    /** The terms of an inference's causes, {@code unknown} last (an unmodifiable list). */
    static List<Term> terms(Inference.Result r) {
        // copied once, so that every term of the diagnosis shares it (Term copies with Set.copyOf, which returns a set
        // it made itself as it is) instead of copying it for each cause
        Set<String> context = Set.copyOf(r.context());
        List<Term> out = new ArrayList<>();
        Inference.Scored unknown = null;
        for (Inference.Scored s : r.all()) {
            if (s.id().equals(CauseId.UNKNOWN)) {
                unknown = s;
                continue;
            }
            boolean hasFor = s.evidence().stream().anyMatch(Inference::countsFor);
            out.add(new Term(s.id(), s.prior(), s.evidenceSum(), Inference.sourceCount(s.sources()), hasFor, s.keys(),
                    context));
        }
        out.add(new Term(CauseId.UNKNOWN, unknown.prior(), unknown.evidenceSum(), 0, true, Set.of(), context));
        // unmodifiable: the calibration shares one list between the shipped terms and their unseen-wording view
        return List.copyOf(out);
    }

    /**
     * The probabilities of {@code terms} (unknown last) under {@code settings}, in the same order, the causes without
     * evidence sharing theirs by the shipped {@link ContextPriors}, as a diagnosis does.
     */
    public static double[] probabilities(List<Term> terms, Knowledge.CompiledSettings settings) {
        return probabilities(terms, settings, ContextPriors.builtIn());
    }

    /** {@link #probabilities(List, Knowledge.CompiledSettings)} with other context priors ({@code none()}: without). */
    public static double[] probabilities(List<Term> terms, Knowledge.CompiledSettings settings,
                                         ContextPriors contextPriors) {
        int n = terms.size();
        double[] prior = new double[n];
        double[] sums = new double[n];
        int[] sources = new int[n];
        List<Set<String>> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            prior[i] = terms.get(i).prior();
            sums[i] = terms.get(i).evidenceSum();
            sources[i] = terms.get(i).sources();
            keys.add(terms.get(i).keys());
        }
        double[] p = probabilities(prior, sums, sources, keys, settings);
        if (n > 0) {
            contextPriors.share(p, terms.stream().map(Term::id).toList(), free(terms), terms.get(0).context(),
                    settings.unknownFloor());
        }
        return p;
    }

    /** Per term, true for a cause without evidence for it ({@code unknown} never): {@link ContextPriors#share} moves it. */
    public static boolean[] free(List<Term> terms) {
        boolean[] free = new boolean[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            free[i] = !terms.get(i).reported() && !terms.get(i).id().equals(CauseId.UNKNOWN);
        }
        return free;
    }

    /**
     * The probabilities; arrays index the causes, the last entry is {@code unknown}; {@code keys} name the evidence
     * behind each cause's specific sources (see {@link Knowledge.CompiledSettings#cap(int, Set)}).
     */
    public static double[] probabilities(double[] prior, double[] evidenceSum, int[] sources, List<Set<String>> keys,
                                  Knowledge.CompiledSettings settings) {
        return capped(uncapped(logits(prior), evidenceSum, settings.evidenceScale(), settings.unknownFloor()), sources,
                keys, settings);
    }

    /** The priors' log-odds, the input of {@link #uncapped}. */
    public static double[] logits(double[] prior) {
        double[] out = new double[prior.length];
        for (int i = 0; i < prior.length; i++) {
            out[i] = Inference.logit(prior[i]);
        }
        return out;
    }

    /**
     * The first half of {@link #probabilities(double[], double[], int[], List, Knowledge.CompiledSettings)}: the
     * normalised probabilities before any cap, from the priors' log-odds, {@code unknown} raised to its floor. It
     * depends on the calibration only through the scale and the floor, so a fit that tries many caps per scale
     * computes it once per scale.
     */
    public static double[] uncapped(double[] logitPrior, double[] evidenceSum, double scale, double unknownFloor) {
        int n = logitPrior.length;
        double[] logOdds = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            logOdds[i] = logitPrior[i] + scale * evidenceSum[i];
            max = Math.max(max, logOdds[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(logOdds[i] - max);
        }
        double[] p = new double[n];
        int u = n - 1;
        p[u] = Math.exp(logOdds[u] - max) / sum;
        // no combination of evidence makes the knowledge base certain: unknown keeps at least unknownFloor
        double keep = 1;
        if (p[u] < unknownFloor) {
            keep = (1 - unknownFloor) / (1 - p[u]);
            p[u] = unknownFloor;
        }
        for (int i = 0; i < u; i++) {
            p[i] = keep * Math.exp(logOdds[i] - max) / sum;
        }
        return p;
    }

    /**
     * The second half of {@link #probabilities(double[], double[], int[], List, Knowledge.CompiledSettings)}: the caps
     * of {@code settings} applied to {@code uncapped} ({@link #uncapped}, made with the same scale and floor), which it
     * changes and returns.
     */
    public static double[] capped(double[] uncapped, int[] sources, List<Set<String>> keys,
                                  Knowledge.CompiledSettings settings) {
        int n = uncapped.length;
        double[] caps = new double[n];
        for (int i = 0; i < n; i++) {
            caps[i] = settings.cap(sources[i], keys.get(i));
        }
        applyCaps(uncapped, caps, sources);
        weakNeverLeads(uncapped, sources);
        boundUnknown(uncapped, caps, settings);
        return uncapped;
    }

    /**
     * Honest confidence: a cause is only as sure as the independent specific sources behind it allow. What a cap
     * removes from a cause with specific evidence is spread over the other hypotheses (unknown, the last entry,
     * included) in proportion to their probability, so the runners-up keep their order; from a cause resting on weak
     * signals only it goes to unknown, which then leads.
     */
    private static void applyCaps(double[] p, double[] caps, int[] sources) {
        int n = p.length;
        int u = n - 1;
        boolean[] capped = new boolean[n];
        double spread = 0;
        for (int i = 0; i < u; i++) {
            double cap = caps[i];
            if (p[i] > cap) {
                capped[i] = true;
                if (sources[i] <= 0) {
                    p[u] += p[i] - cap;
                } else {
                    spread += p[i] - cap;
                }
                p[i] = cap;
            }
        }
        if (spread > 0) {
            double others = 0;
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    others += p[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (!capped[i]) {
                    p[i] += others > 0 ? spread * p[i] / others : (i == u ? spread : 0);
                }
            }
            // a runner-up lifted above its own cap gives the surplus to unknown
            for (int i = 0; i < u; i++) {
                double cap = caps[i];
                if (!capped[i] && p[i] > cap) {
                    p[u] += p[i] - cap;
                    p[i] = cap;
                }
            }
        }
    }

    /**
     * Weak signals never decide alone (issue 9): a cause without any specific source (a step's name, an exit code, a
     * cause's vocabulary on a generic failure line) that would lead gives unknown what puts unknown just above it. It
     * happens where a specific cause was argued away (a build "failed to solve" that was cancelled): what is left is
     * unexplained, and the weak cause stays first among the rest unless a cause with a specific source stood close
     * behind it (that one may lead). Where the runner-up that would then lead rests on weak signals only too (one
     * generic line with two causes' words), every cause gives unknown in proportion instead, just enough to put
     * unknown above the first: no weak cause leads, and the order of the rest stands.
     */
    private static void weakNeverLeads(double[] p, int[] sources) {
        int u = p.length - 1;
        int lead = u;
        for (int i = 0; i < u; i++) {
            if (p[i] > p[lead]) {
                lead = i;
            }
        }
        if (lead == u || sources[lead] != 0) {
            return;
        }
        int second = -1;
        for (int i = 0; i < u; i++) {
            if (i != lead && (second < 0 || p[i] > p[second])) {
                second = i;
            }
        }
        double x = (p[lead] + p[u]) / 2 - 1e-6;
        if (second < 0 || p[second] < x + 2e-6 || sources[second] != 0) {
            p[u] += p[lead] - x;
            p[lead] = x;
            return;
        }
        // unknown = 1 - k * rest must stand 1e-6 above k * p[lead]; k < 1 as p[lead] > p[u]
        double rest = 1 - p[u];
        double k = (1 - 1e-6) / (rest + p[lead]);
        for (int i = 0; i < u; i++) {
            p[i] *= k;
        }
        p[u] = 1 - k * rest;
    }

    /**
     * Bounds {@code unknown} by the cap of a cause without any specific source ({@code sourceCaps[0]}): its only
     * evidence is that nothing specific was recognised, the weakest kind there is. Where it leads, that is mostly the
     * wording of a specific cause the rules do not know (on the corpus with each family's own wording left out,
     * {@code unknown} led 37 times and was right 10), so it must not claim near-certainty that nothing is wrong in a
     * specific way. The excess goes to the other causes in proportion to their probability, as far as that keeps
     * each under its own cap and below {@code unknown}: the order stands, {@code unknown} still leads and says what is
     * missing.
     */
    private static void boundUnknown(double[] p, double[] caps, Knowledge.CompiledSettings settings) {
        int u = p.length - 1;
        double rest = 1 - p[u];
        if (p[u] <= settings.cap(0) || rest <= 0) {
            return;
        }
        // the others are multiplied by k = (1 - target) / rest: no more than any of them can take under its cap,
        // and not so far that the cause unknown led would overtake it
        double kMax = Double.MAX_VALUE;
        double top = 0;
        for (int i = 0; i < u; i++) {
            if (p[i] > 0) {
                kMax = Math.min(kMax, caps[i] / p[i]);
            }
            top = Math.max(top, p[i]);
        }
        double target = Math.max(settings.cap(0), Math.max(top / (rest + top) + 1e-6, 1 - rest * kMax));
        if (target >= p[u]) {
            return;
        }
        double k = (1 - target) / rest;
        for (int i = 0; i < u; i++) {
            p[i] *= k;
        }
        p[u] = target;
    }
}
