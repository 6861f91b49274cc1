package io.sophia.diagnosis.calibration;

import org.apache.commons.text.StringEscapeUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The published evaluation of the diagnosis: the grouped cross-validation figures with their intervals, the goals of
 * issue 9 and whether each holds, a reliability diagram (SVG) and the folds, as plain text and as a small
 * self-contained HTML page. Per-scenario results appear only for misses of scenarios that are not held out.
 */
public final class EvaluationReport {

    /** Number of bootstrap resamples of the ECE interval (fixed seed: the report is reproducible). */
    static final int BOOTSTRAP = 1000;

    /**
     * One goal of issue 9.
     *
     * @param name     what is measured
     * @param target   the goal, as text
     * @param measured the measured value
     * @param holds    whether it is met
     */
    public record Goal(String name, String target, double measured, boolean holds) {
    }

    private final CrossValidation.Result cv;
    private final CalibrationEvaluation.Figures figures;
    private final double[] eceInterval;
    private final long confidentMisses;

    EvaluationReport(CrossValidation.Result cv) {
        this.cv = cv;
        this.figures = cv.figures();
        this.eceInterval = eceInterval(cv.outOfFold());
        this.confidentMisses = cv.outOfFold().stream().filter(o -> !o.top1() && o.confidence() > 0.9).count();
    }

    /** The cross-validated figures. */
    public CalibrationEvaluation.Figures figures() {
        return figures;
    }

    /** Wrong top causes stated above 0.9, out of fold. */
    public long confidentMisses() {
        return confidentMisses;
    }

    /** The goals of issue 9 with the cross-validated figures. */
    public List<Goal> goals() {
        return List.of(new Goal("top-1", ">= 0.90", figures.top1(), figures.top1() >= 0.90),
                new Goal("top-3", ">= 0.97", figures.top3(), figures.top3() >= 0.97),
                new Goal("Brier", "<= 0.15", figures.brier(), figures.brier() <= 0.15),
                new Goal("ECE", "<= 0.05", figures.ece(), figures.ece() <= 0.05),
                new Goal("wrong top cause above 0.9", "0", confidentMisses, confidentMisses == 0));
    }

    /** 95 % percentile bootstrap interval of the ECE over scenarios. */
    static double[] eceInterval(List<CalibrationEvaluation.Outcome> outcomes) {
        int n = outcomes.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(20261203L);
        double[] eces = new double[BOOTSTRAP];
        // each outcome's confidence and hit read once: the resamples only count them per bin, in the order
        // CalibrationEvaluation.ece sums them (it read them from the outcomes' maps a thousand times over)
        double[] confidence = new double[n];
        boolean[] hit = new boolean[n];
        for (int i = 0; i < n; i++) {
            confidence[i] = outcomes.get(i).confidence();
            hit[i] = outcomes.get(i).top1();
        }
        int bins = CalibrationEvaluation.ECE_BINS;
        for (int b = 0; b < BOOTSTRAP; b++) {
            double[] sum = new double[bins];
            int[] count = new int[bins];
            int[] hits = new int[bins];
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(n);
                int bin = CalibrationEvaluation.bin(confidence[j]);
                sum[bin] += confidence[j];
                count[bin]++;
                hits[bin] += hit[j] ? 1 : 0;
            }
            double ece = 0;
            for (int k = 0; k < bins; k++) {
                if (count[k] > 0) {
                    ece += count[k] / (double) n * Math.abs(hits[k] / (double) count[k] - sum[k] / count[k]);
                }
            }
            eces[b] = ece;
        }
        java.util.Arrays.sort(eces);
        return new double[] {eces[(int) (0.025 * BOOTSTRAP)], eces[(int) (0.975 * BOOTSTRAP) - 1]};
    }

    /** The report as text (printed by CalibrationTest). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        double[] ci = CalibrationEvaluation.wilson(figures.top1(), figures.n());
        double[] ci3 = CalibrationEvaluation.wilson(figures.top3(), figures.n());
        sb.append(String.format(Locale.ROOT, "Grouped %d-fold cross-validation by source family (%d families), n = %d "
                        + "(every scenario except the blind set)%n", CrossValidation.FOLDS, cv.foldOf().size(), figures.n()));
        sb.append(String.format(Locale.ROOT, "  top-1 %.3f (95%% CI %.2f-%.2f)  top-3 %.3f (%.2f-%.2f)  Brier %.3f  "
                        + "ECE %.3f (95%% CI %.3f-%.3f)  wrong top cause above 0.9: %d%n", figures.top1(), ci[0], ci[1],
                figures.top3(), ci3[0], ci3[1], figures.brier(), figures.ece(), eceInterval[0], eceInterval[1],
                confidentMisses));
        CalibrationEvaluation.Figures plain = CalibrationEvaluation.Figures.of("without context",
                cv.outOfFoldWithoutContext());
        sb.append(String.format(Locale.ROOT, "  the same folds without context priors (ContextPriors): top-1 %.3f  top-3 %.3f  "
                + "Brier %.3f  ECE %.3f%n", plain.top1(), plain.top3(), plain.brier(), plain.ece()));
        sb.append("goals (issue 9):\n");
        for (Goal g : goals()) {
            sb.append(String.format(Locale.ROOT, "  %-28s %-8s measured %.3f  %s%n", g.name(), g.target(), g.measured(),
                    g.holds() ? "met" : "NOT MET"));
        }
        sb.append("fitted per fold (on the other folds):\n");
        for (int f = 0; f < cv.fitPerFold().size(); f++) {
            sb.append("  fold ").append(f).append(": ").append(cv.fitPerFold().get(f)).append('\n');
        }
        sb.append("fitted on everything (shipped in knowledge-base.yaml): ").append(cv.fitAll()).append('\n');
        sb.append("reliability (out of fold, top-1 confidence):\n");
        for (double[] bin : bins()) {
            if (bin[2] > 0) {
                sb.append(String.format(Locale.ROOT, "  [%.1f,%.1f)  n %3d  mean-conf %.3f  accuracy %.3f%n", bin[0],
                        bin[1], (int) bin[2], bin[3], bin[4]));
            }
        }
        sb.append("families per fold: ").append(families()).append('\n');
        return sb.toString();
    }

    /** Per bin: lower, upper, n, mean confidence, accuracy. */
    private List<double[]> bins() {
        List<double[]> out = new ArrayList<>();
        for (int b = 0; b < CalibrationEvaluation.ECE_BINS; b++) {
            final int bin = b;
            List<CalibrationEvaluation.Outcome> in = cv.outOfFold().stream()
                    .filter(o -> CalibrationEvaluation.bin(o.confidence()) == bin).toList();
            double conf = in.stream().mapToDouble(CalibrationEvaluation.Outcome::confidence).average().orElse(0);
            double acc = in.isEmpty() ? 0 : in.stream().filter(CalibrationEvaluation.Outcome::top1).count()
                    / (double) in.size();
            out.add(new double[] {b / 10.0, (b + 1) / 10.0, in.size(), conf, acc});
        }
        return out;
    }

    private Map<Integer, List<String>> families() {
        Map<Integer, List<String>> out = new TreeMap<>();
        cv.foldOf().forEach((family, fold) -> out.computeIfAbsent(fold, k -> new ArrayList<>()).add(family));
        return out;
    }

    /** The reliability diagram: accuracy per confidence bin against the diagonal, bar width by count. */
    public String svg() {
        int w = 420;
        int h = 420;
        int m = 40;
        double plot = w - 2.0 * m;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h, w, h));
        sb.append("<title>Reliability diagram: out-of-fold top-1 confidence vs accuracy</title>\n");
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" "
                + "stroke=\"#999\"/>%n", m, m, plot, plot));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" "
                + "stroke-dasharray=\"4 3\"/>%n", m, m + plot, m + plot, m));
        int max = 1;
        for (double[] b : bins()) {
            max = Math.max(max, (int) b[2]);
        }
        for (double[] b : bins()) {
            if (b[2] == 0) {
                continue;
            }
            double x = m + b[0] * plot;
            double bw = plot / 10;
            double accH = b[4] * plot;
            double confY = m + plot - b[3] * plot;
            double opacity = 0.35 + 0.65 * b[2] / max;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"#3b7dd8\" fill-opacity=\"%.2f\"><title>confidence %.1f-%.1f: n %d, accuracy %.3f, "
                            + "mean confidence %.3f</title></rect>%n", x + 2, m + plot - accH, bw - 4, accH, opacity, b[0],
                    b[1], (int) b[2], b[4], b[3]));
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d83b3b\" "
                    + "stroke-width=\"2\"/>%n", x + 2, confY, x + bw - 2, confY));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n",
                    x + bw / 2, m + plot - accH - 3, (int) b[2]));
        }
        for (int i = 0; i <= 10; i += 2) {
            double v = i / 10.0;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.1f</text>%n",
                    m + v * plot, m + plot + 14, v));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n",
                    m - 4.0, m + plot - v * plot + 4, v));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">top-1 confidence "
                + "(bars: accuracy, red: mean confidence, label: n)</text>%n", m + plot / 2, h - 8));
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" transform=\"rotate(-90 12 %.1f)\" "
                + "text-anchor=\"middle\">accuracy</text>%n", m + plot / 2, m + plot / 2));
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** The HTML page: figures, goals, the diagram inline, folds, and the misses of the scenarios not held out. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sophia diagnosis evaluation"
                + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
                + ".met{color:#1a7f37}.not{color:#b42318}pre{background:#f6f8fa;padding:.6em;overflow:auto}</style>"
                + "</head><body>\n<h1>Sophia diagnosis evaluation</h1>\n");
        sb.append("<p>Grouped ").append(CrossValidation.FOLDS).append("-fold cross-validation by source family on ")
                .append(figures.n()).append(" labelled scenarios (the blind set excluded). Each scenario is scored with "
                        + "the calibration fitted on the folds that do not hold its family. The rules were written with "
                        + "these scenarios in view, so this measures the calibration across families; the blind set "
                        + "measures both.</p>\n");
        double[] ci = CalibrationEvaluation.wilson(figures.top1(), figures.n());
        double[] ci3 = CalibrationEvaluation.wilson(figures.top3(), figures.n());
        sb.append("<table><tr><th>figure</th><th>goal</th><th>measured</th><th>95 % interval</th><th></th></tr>\n");
        for (Goal g : goals()) {
            String interval = switch (g.name()) {
                case "top-1" -> String.format(Locale.ROOT, "%.2f–%.2f (Wilson)", ci[0], ci[1]);
                case "top-3" -> String.format(Locale.ROOT, "%.2f–%.2f (Wilson)", ci3[0], ci3[1]);
                case "ECE" -> String.format(Locale.ROOT, "%.3f–%.3f (bootstrap)", eceInterval[0], eceInterval[1]);
                default -> "";
            };
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"%s\">%s"
                            + "</td></tr>%n", esc(g.name()), esc(g.target()),
                    g.name().startsWith("wrong") ? String.valueOf((long) g.measured())
                            : String.format(Locale.ROOT, "%.3f", g.measured()), interval, g.holds() ? "met" : "not",
                    g.holds() ? "met" : "not met"));
        }
        sb.append("</table>\n<h2>Reliability diagram</h2>\n").append(svg());
        sb.append("<h2>Calibration</h2>\n<pre>").append(esc(text())).append("</pre>\n");
        sb.append("<h2>Misses (scenarios not held out)</h2>\n<table><tr><th>scenario</th><th>family</th><th>label</th>"
                + "<th>top cause</th><th>p</th></tr>\n");
        for (CalibrationEvaluation.Outcome o : cv.outOfFold()) {
            if (!o.top1() && !o.scenario().holdout()) {
                sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.3f</td></tr>%n",
                        esc(o.scenario().id()), esc(o.scenario().family()), esc(o.scenario().cause().value()),
                        esc(o.predicted().value()), o.confidence()));
            }
        }
        sb.append("</table>\n<p>Regenerate: <code>mvn -B -q -pl sophia-diagnosis -am test -Dtest=CalibrationTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false</code> (writes sophia-diagnosis/target/evaluation/).</p>\n"
                + "</body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s);
    }
}
