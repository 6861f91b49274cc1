package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.diagnosis.internal.reasoning.Calibration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the labelled cause was when it was not among the first three out of fold: a measurement for issue 9's top-3
 * goal, written into the calibration report. A label outside the top 3 is either a cause with evidence that ranked
 * fourth or lower, or a cause without any evidence for it (only the context priors can list it then, behind
 * {@code unknown} or a cause with evidence), or no probability at all (nothing was failing).
 */
final class TopThreeAnalysis {

    private TopThreeAnalysis() {
    }

    /** One line per top-3 miss out of fold: id, label, the first three, and whether the label had evidence. */
    static List<String> cases(CrossValidation.Result cv) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < cv.outOfFold().size(); i++) {
            CalibrationEvaluation.Outcome o = cv.outOfFold().get(i);
            if (o.error() != null || o.topK(3)) {
                continue;
            }
            CauseId label = o.scenario().cause();
            boolean evidence = cv.terms().get(i).stream().anyMatch(t -> t.id().equals(label) && t.reported());
            out.add(o.scenario().id() + "\t" + label.value() + "\t" + (evidence ? "evidence" : "none") + "\t"
                    + o.ranking().subList(0, Math.min(3, o.ranking().size())).stream()
                    .map(c -> c.value() + String.format(" %.3f", o.p().getOrDefault(c, 0.0))).toList());
        }
        return out;
    }

    static String render(CrossValidation.Result cv) {
        List<CalibrationEvaluation.Outcome> outcomes = cv.outOfFold();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byLabel = new TreeMap<>();
        int misses = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            CalibrationEvaluation.Outcome o = outcomes.get(i);
            if (o.error() != null || o.topK(3)) {
                continue;
            }
            misses++;
            CauseId label = o.scenario().cause();
            List<Calibration.Term> terms = cv.terms().get(i);
            boolean evidence = terms.stream().anyMatch(t -> t.id().equals(label) && t.reported());
            String leader = o.predicted().equals(CauseId.UNKNOWN) ? "unknown leads" : "a cause with evidence leads";
            long withEvidence = terms.stream().filter(t -> t.reported() && !t.id().equals(CauseId.UNKNOWN)).count();
            String kind = terms.isEmpty() ? "nothing failing: no ranking"
                    : leader + ", the label " + (evidence ? "has evidence (rank " + rank(o, label) + ")"
                    : "has none (" + Math.min(withEvidence, 3) + (withEvidence >= 3 ? "+" : "")
                    + " causes with evidence)");
            byKind.merge(kind, 1, Integer::sum);
            byLabel.merge(label.value(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder("top-3 misses out of fold: where the label was (TopThreeAnalysis), "
                + misses + " of " + outcomes.size() + "\n");
        byKind.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format("  %-90s %5d%n", e.getKey(), e.getValue())));
        sb.append("  by label:");
        byLabel.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(' ').append(e.getKey()).append(' ').append(e.getValue()));
        return sb.append('\n').toString();
    }

    private static String rank(CalibrationEvaluation.Outcome o, CauseId label) {
        int r = o.ranking().indexOf(label) + 1;
        return r <= 0 ? "absent" : r >= 6 ? "6+" : String.valueOf(r);
    }
}
