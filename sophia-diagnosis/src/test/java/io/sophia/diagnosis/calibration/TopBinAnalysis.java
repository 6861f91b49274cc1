package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.diagnosis.internal.reasoning.Calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What separates the right from the wrong top causes stated in the top bin ([0.9, 1.0]) out of fold: a measurement for
 * the calibration (issue 9's ECE goal), written into the calibration report. The top bin is underconfident (most of it
 * one-source findings held at the one-source cap, right ~97 % of the time); a higher cap for a subset is worth having
 * only if the subset can be told apart from the ~3 % wrong ones without looking at the scenario's own fold.
 *
 * <p>Each case's features come from its own terms (the top cause's number of independent sources, what kind of
 * evidence its keys name, the margin to the runner-up) and from the track record of its evidence keys on the OTHER
 * folds only (the scenario's own fold never counts): in how many distinct families a key named the labelled cause, and
 * how many times it named another, counted as {@link CrossValidation#proven} counts it (any term with a specific source,
 * as the rules stand and with each fold's own wording left out). Both views are shown: the cross-validation's out-of-fold
 * outcomes and the estimate for unseen wording.
 */
final class TopBinAnalysis {

    private TopBinAnalysis() {
    }

    /** A key's record on the training folds. */
    static final class Record {
        final Set<String> familiesRight = new HashSet<>();
        int right;
        int wrong;
    }

    /** Per fold, the record of each key on the scenarios of the other folds (both views). */
    static List<Map<String, Record>> records(List<Scenario> scenarios, int[] fold, CrossValidation.Result cv) {
        List<Map<String, Record>> out = new ArrayList<>();
        for (int f = 0; f < CrossValidation.FOLDS; f++) {
            Map<String, Record> byKey = new HashMap<>();
            for (int i = 0; i < scenarios.size(); i++) {
                if (fold[i] == f) {
                    continue;
                }
                Scenario s = scenarios.get(i);
                for (List<Calibration.Term> view : List.of(cv.terms().get(i), cv.unseenTerms().get(i))) {
                    for (Calibration.Term t : view) {
                        if (t.sources() < 1 || t.id().equals(CauseId.UNKNOWN)) {
                            continue;
                        }
                        for (String k : t.keys()) {
                            Record r = byKey.computeIfAbsent(k, x -> new Record());
                            if (t.id().equals(s.cause())) {
                                r.right++;
                                r.familiesRight.add(s.family());
                            } else {
                                r.wrong++;
                            }
                        }
                    }
                }
            }
            out.add(byKey);
        }
        return out;
    }

    /** Counts of one row. */
    static final class Row {
        int n;
        int wrong;
        double conf;
        final List<String> wrongIds = new ArrayList<>();

        void add(CalibrationEvaluation.Outcome o) {
            n++;
            conf += o.confidence();
            if (!o.top1()) {
                wrong++;
                String id = o.scenario().id();
                wrongIds.add(id.substring(0, Math.min(id.length(), 24)) + " " + o.scenario().cause().value() + " -> "
                        + o.predicted().value());
            }
        }

        String render(String name, boolean ids) {
            return String.format(Locale.ROOT, "    %-46s n %5d  wrong %4d  right %.4f  mean confidence %.3f%s%n", name, n,
                    wrong, n == 0 ? Double.NaN : 1 - wrong / (double) n, n == 0 ? Double.NaN : conf / n,
                    ids && wrong > 0 && wrong <= 8 ? "  " + wrongIds : "");
        }
    }

    static String render(List<Scenario> scenarios, CrossValidation.Result cv) {
        int n = scenarios.size();
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = cv.foldOf().get(scenarios.get(i).family());
        }
        List<Map<String, Record>> records = records(scenarios, fold, cv);
        StringBuilder sb = new StringBuilder("top bin ([0.9, 1.0]) out of fold: what separates the wrong top causes from"
                + " the right ones (key records from the other folds only; TopBinAnalysis)\n");
        sb.append("  fits per fold: ").append(cv.fitPerFold()).append('\n');
        for (var view : List.of(Map.entry("CV out of fold", List.of(cv.outOfFold(), cv.terms())),
                Map.entry("unseen wording", List.of(cv.unseenOutOfFold(), cv.unseenTerms())))) {
            @SuppressWarnings("unchecked")
            List<CalibrationEvaluation.Outcome> outcomes = (List<CalibrationEvaluation.Outcome>) view.getValue().get(0);
            @SuppressWarnings("unchecked")
            List<List<Calibration.Term>> terms = (List<List<Calibration.Term>>) view.getValue().get(1);
            Map<String, Row> bySources = new TreeMap<>();
            Map<String, Row> byKind = new TreeMap<>();
            Map<String, Row> byRecord = new LinkedHashMap<>();
            Map<String, Row> byMargin = new TreeMap<>();
            Map<String, Row> byPrecision = new LinkedHashMap<>();
            for (String b : List.of("no key (a general shape)", "key never seen elsewhere", "wrong elsewhere",
                    "never wrong, right in 1 family", "never wrong, right in 2", "never wrong, right in 3-4",
                    "never wrong, right in 5-9", "never wrong, right in 10-19", "never wrong, right in 20+")) {
                byRecord.put(b, new Row());
            }
            for (String b : List.of("precision >= 0.999", "precision 0.99-0.999", "precision 0.95-0.99",
                    "precision 0.90-0.95", "precision < 0.90", "no record")) {
                byPrecision.put(b, new Row());
            }
            int[] ks = {1, 2, 3, 5, 10, 20, 40};
            Row[] neverWrongAtLeast = new Row[ks.length];
            Row[][] precisionAtLeast = new Row[ks.length][3];
            double[] precisions = {0.99, 0.995, 0.999};
            for (int x = 0; x < ks.length; x++) {
                neverWrongAtLeast[x] = new Row();
                for (int y = 0; y < precisions.length; y++) {
                    precisionAtLeast[x][y] = new Row();
                }
            }
            Row all = new Row();
            for (int i = 0; i < n; i++) {
                CalibrationEvaluation.Outcome o = outcomes.get(i);
                if (o.ranking().isEmpty() || o.confidence() < 0.9) {
                    continue;
                }
                all.add(o);
                CauseId top = o.predicted();
                Calibration.Term t = terms.get(i).stream().filter(x -> x.id().equals(top)).findFirst().orElse(null);
                int sources = t == null ? -1 : t.sources();
                bySources.computeIfAbsent(top.equals(CauseId.UNKNOWN) ? "unknown leads" : "sources " + Math.min(3,
                        sources) + (sources >= 3 ? "+" : ""), x -> new Row()).add(o);
                double second = o.p().entrySet().stream().filter(e -> !e.getKey().equals(top))
                        .mapToDouble(Map.Entry::getValue).max().orElse(0);
                double margin = o.confidence() - second;
                byMargin.computeIfAbsent(margin >= 0.85 ? "margin >= 0.85" : margin >= 0.8 ? "margin 0.80-0.85"
                        : margin >= 0.7 ? "margin 0.70-0.80" : "margin < 0.70", x -> new Row()).add(o);
                if (sources != 1 || top.equals(CauseId.UNKNOWN)) {
                    continue;
                }
                // one-source findings from here on
                boolean anyKey = !t.keys().isEmpty();
                boolean logKey = t.keys().stream().anyMatch(k -> !k.contains("/"));
                byKind.computeIfAbsent(!anyKey ? "one source, no key (general shape)" : logKey
                        ? "one source, a log line read exactly" : "one source, a non-log rule (probe, platform ...)",
                        x -> new Row()).add(o);
                Map<String, Record> rec = records.get(fold[i]);
                // the key's best record: most families right among keys never wrong; else the best precision
                int bestFamilies = -1;
                double bestPrecision = -1;
                boolean seen = false;
                for (String k : t.keys()) {
                    Record r = rec.get(k);
                    if (r == null) {
                        continue;
                    }
                    seen = true;
                    if (r.wrong == 0) {
                        bestFamilies = Math.max(bestFamilies, r.familiesRight.size());
                    }
                    bestPrecision = Math.max(bestPrecision, r.right / (double) (r.right + r.wrong));
                }
                String bucket = !anyKey ? "no key (a general shape)" : !seen ? "key never seen elsewhere"
                        : bestFamilies < 0 ? "wrong elsewhere" : bestFamilies <= 2 ? "never wrong, right in "
                        + (bestFamilies == 1 ? "1 family" : String.valueOf(bestFamilies)) : bestFamilies <= 4
                        ? "never wrong, right in 3-4" : bestFamilies <= 9 ? "never wrong, right in 5-9"
                        : bestFamilies <= 19 ? "never wrong, right in 10-19" : "never wrong, right in 20+";
                byRecord.get(bucket).add(o);
                byPrecision.get(!seen ? "no record" : bestPrecision >= 0.999 ? "precision >= 0.999" : bestPrecision
                        >= 0.99 ? "precision 0.99-0.999" : bestPrecision >= 0.95 ? "precision 0.95-0.99"
                        : bestPrecision >= 0.9 ? "precision 0.90-0.95" : "precision < 0.90").add(o);
                for (int x = 0; x < ks.length; x++) {
                    if (bestFamilies >= ks[x]) {
                        neverWrongAtLeast[x].add(o);
                    }
                    for (int y = 0; y < precisions.length; y++) {
                        final int kx = ks[x];
                        final double py = precisions[y];
                        boolean qualifies = t.keys().stream().map(rec::get).anyMatch(r -> r != null
                                && r.familiesRight.size() >= kx && r.right / (double) (r.right + r.wrong) >= py);
                        if (qualifies) {
                            precisionAtLeast[x][y].add(o);
                        }
                    }
                }
            }
            sb.append("  ").append(view.getKey()).append(":\n").append(all.render("top bin, all", false));
            bySources.forEach((k, r) -> sb.append(r.render(k, false)));
            byMargin.forEach((k, r) -> sb.append(r.render(k, false)));
            byKind.forEach((k, r) -> sb.append(r.render(k, false)));
            sb.append("   one source, by the key's record on the other folds (families it named its cause in):\n");
            byRecord.forEach((k, r) -> sb.append(r.render(k, false)));
            sb.append("   one source, by the key's precision on the other folds:\n");
            byPrecision.forEach((k, r) -> sb.append(r.render(k, false)));
            sb.append("   one source, candidate subsets for a higher cap (a key right in >= K families on the other"
                    + " folds):\n");
            for (int x = 0; x < ks.length; x++) {
                sb.append(neverWrongAtLeast[x].render("never wrong, K >= " + ks[x], true));
                for (int y = 0; y < precisions.length; y++) {
                    sb.append(precisionAtLeast[x][y].render(String.format(Locale.ROOT, "precision >= %.3f, K >= %d",
                            precisions[y], ks[x]), true));
                }
            }
        }
        // 36 more passes over the corpus (a tenth of the module's test time): on request only, for a study of the top bin
        if (Boolean.getBoolean(WHAT_IF)) {
            sb.append(whatIf(scenarios, fold, records, cv));
        } else {
            sb.append("  what if a one-source cause with a proven key were capped higher: run with -D").append(WHAT_IF)
                    .append("=true\n");
        }
        return sb.toString();
    }

    /** System property that adds {@link #whatIf} to the report. */
    static final String WHAT_IF = "sophia.topBinWhatIf";

    /**
     * The mechanism the records suggest, measured before it is fitted: a one-source cause whose key named its cause, and
     * never another, in at least K families of the other folds is capped at c instead of the one-source cap (the proven
     * cap, with the proven evidence taken per fold from the other folds only). Scored with each fold's fitted calibration
     * and with the shipped one on every fold (the fits of the folds can be pulled down by one confident miss), in both
     * views; the baseline row (no proven evidence) first.
     */
    static String whatIf(List<Scenario> scenarios, int[] fold, List<Map<String, Record>> records,
                         CrossValidation.Result cv) {
        io.sophia.diagnosis.KnowledgeBase.Settings base = io.sophia.diagnosis.KnowledgeBase.builtIn().settings();
        StringBuilder sb = new StringBuilder("  what if a one-source cause whose key was never wrong and right in >= K "
                + "families on the other folds were capped at c (nested per fold):\n");
        int[] ks = {0, 3, 10, 20, 40};
        double[] caps = {0.95, 0.97};
        for (String calibration : List.of("fitted per fold", "shipped calibration on every fold")) {
            for (int k : ks) {
                List<Set<String>> proven = new ArrayList<>();
                for (int f = 0; f < CrossValidation.FOLDS; f++) {
                    Set<String> keys = new java.util.TreeSet<>();
                    records.get(f).forEach((key, r) -> {
                        if (r.wrong == 0 && r.familiesRight.size() >= k) {
                            keys.add(key);
                        }
                    });
                    proven.add(keys);
                }
                for (double c : k == 0 ? new double[] {0} : caps) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-34s %-12s", calibration,
                            k == 0 ? "as fitted" : String.format(Locale.ROOT, "K %2d c %.2f", k, c)));
                    for (boolean unseenView : new boolean[] {false, true}) {
                        List<CalibrationEvaluation.Outcome> out = new ArrayList<>();
                        for (int i = 0; i < scenarios.size(); i++) {
                            double scale = calibration.startsWith("shipped") ? base.evidenceScale()
                                    : cv.fitPerFold().get(fold[i]).scale();
                            List<Double> sourceCaps = calibration.startsWith("shipped") ? base.sourceCaps()
                                    : cv.fitPerFold().get(fold[i]).caps();
                            io.sophia.diagnosis.KnowledgeBase.Settings settings = base.withCalibration(scale, sourceCaps,
                                    c, c == 0 ? Set.of() : proven.get(fold[i]));
                            out.add(CrossValidation.outcome(scenarios.get(i), (unseenView ? cv.unseenTerms()
                                    : cv.terms()).get(i), settings));
                        }
                        CalibrationEvaluation.Figures f = CalibrationEvaluation.Figures.of("what if", out);
                        long confidentMisses = out.stream().filter(o -> !o.ranking().isEmpty() && !o.top1()
                                && o.confidence() > 0.9).count();
                        line.append(String.format(Locale.ROOT, " | %s top-1 %.3f top-3 %.3f Brier %.4f ECE %.4f "
                                + "wrong>0.9 %3d", unseenView ? "unseen" : "CV", f.top1(), f.top3(), f.brier(), f.ece(),
                                confidentMisses));
                    }
                    sb.append(line).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
