package io.sophia.diagnosis;

import io.sophia.diagnosis.calibration.CalibrationEvaluation;
import io.sophia.diagnosis.calibration.Scenario;
import io.sophia.diagnosis.calibration.ScenarioLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the knowledge base's {@code evidenceScale} on the tuning part of the labeled corpus and checks the fit
 * by leave-one-out. Not a test: it prints figures. It never diagnoses a holdout scenario.
 *
 * <p>The rule: the smallest scale at which the mean top-1 probability reaches the lower 95% Wilson bound of the
 * top-1 accuracy. Fitting the likelihood (log-loss) instead would drive the scale up without limit as long as
 * every tuning scenario is ranked right, and those scenarios were used to write the rules, so their accuracy is
 * optimistic: the lower bound is the accuracy we can vouch for.
 *
 * <pre>
 * mvn -q -pl sophia-diagnosis -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * cd sophia-diagnosis && java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.sophia.diagnosis.EvidenceScaleFit src/main/resources/io/sophia/diagnosis/knowledge-base.yaml
 * </pre>
 */
public final class EvidenceScaleFit {

    private EvidenceScaleFit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EvidenceScaleFit KNOWLEDGE_BASE.yaml (with an evidenceScale setting)");
        }
        String yaml = Files.readString(Path.of(args[0]));
        if (!yaml.matches("(?s).*\\n  evidenceScale: [^\\n]*\\n.*")) {
            throw new IllegalArgumentException(args[0] + " has no 'evidenceScale:' line under settings");
        }
        List<Scenario> tuning = ScenarioLoader.with(LogScanner.builtIn()).loadAll(ScenarioLoader.corpusDirectory())
                .stream().filter(s -> !s.holdout()).toList();
        int n = tuning.size();
        List<Double> grid = new ArrayList<>();
        for (int i = 0; i <= 85; i++) {
            grid.add(0.8 + i * 0.02);
        }
        double[][] conf = new double[grid.size()][n];
        boolean[][] right = new boolean[grid.size()][n];
        double[][] brier = new double[grid.size()][n];
        Path tmp = Files.createTempFile("knowledge-base", ".yaml");
        try {
            for (int g = 0; g < grid.size(); g++) {
                Files.writeString(tmp, yaml.replaceFirst("(?m)^  evidenceScale: .*$",
                        "  evidenceScale: " + String.format(Locale.ROOT, "%.2f", grid.get(g))));
                CalibrationEvaluation.Report r = CalibrationEvaluation.evaluate(
                        Diagnosis.builder().knowledgeBase(KnowledgeBase.load(tmp)).build(), tuning);
                for (int i = 0; i < n; i++) {
                    CalibrationEvaluation.Outcome o = r.outcomes().get(i);
                    conf[g][i] = o.confidence();
                    right[g][i] = o.top1();
                    brier[g][i] = o.brier();
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        int all = fit(conf, right, -1);
        System.out.printf(Locale.ROOT, "tuning part: %d scenarios%n", n);
        for (int g = 0; g < grid.size(); g += 5) {
            System.out.printf(Locale.ROOT, "  scale %.2f  mean top-1 p %.3f  top-1 %.3f  Brier %.4f%n", grid.get(g),
                    mean(conf[g], -1), accuracy(right[g], -1), mean(brier[g], -1));
        }
        System.out.printf(Locale.ROOT, "fit: scale %.2f (mean top-1 p %.3f, Wilson lower bound of top-1 %.3f)%n",
                grid.get(all), mean(conf[all], -1), lowerBound(right[all], -1));
        double[] c = new double[n];
        boolean[] k = new boolean[n];
        double b = 0;
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            int g = fit(conf, right, i);
            lo = Math.min(lo, grid.get(g));
            hi = Math.max(hi, grid.get(g));
            c[i] = conf[g][i];
            k[i] = right[g][i];
            b += brier[g][i];
        }
        System.out.printf(Locale.ROOT, "leave-one-out: scales %.2f-%.2f; top-1 %.3f, mean top-1 p %.3f, Brier %.4f, ECE %.3f%n",
                lo, hi, accuracy(k, -1), mean(c, -1), b / n, ece(c, k));
    }

    private static int fit(double[][] conf, boolean[][] right, int leftOut) {
        for (int g = 0; g < conf.length; g++) {
            if (mean(conf[g], leftOut) >= lowerBound(right[g], leftOut)) {
                return g;
            }
        }
        return conf.length - 1;
    }

    private static double lowerBound(boolean[] right, int leftOut) {
        int m = 0;
        int s = 0;
        for (int i = 0; i < right.length; i++) {
            if (i != leftOut) {
                m++;
                s += right[i] ? 1 : 0;
            }
        }
        double p = s / (double) m;
        double z = 1.959964;
        double d = 1 + z * z / m;
        return (p + z * z / (2.0 * m)) / d - z * Math.sqrt(p * (1 - p) / m + z * z / (4.0 * m * m)) / d;
    }

    private static double mean(double[] v, int leftOut) {
        double s = 0;
        int m = 0;
        for (int i = 0; i < v.length; i++) {
            if (i != leftOut) {
                s += v[i];
                m++;
            }
        }
        return s / m;
    }

    private static double accuracy(boolean[] v, int leftOut) {
        int s = 0;
        int m = 0;
        for (int i = 0; i < v.length; i++) {
            if (i != leftOut) {
                s += v[i] ? 1 : 0;
                m++;
            }
        }
        return s / (double) m;
    }

    /** Expected calibration error over 10 equal-width bins, as CalibrationEvaluation defines it. */
    private static double ece(double[] conf, boolean[] right) {
        double e = 0;
        for (int b = 0; b < CalibrationEvaluation.ECE_BINS; b++) {
            double sum = 0;
            int count = 0;
            int hits = 0;
            for (int i = 0; i < conf.length; i++) {
                if (Math.min(CalibrationEvaluation.ECE_BINS - 1, (int) Math.floor(conf[i] * CalibrationEvaluation.ECE_BINS)) == b) {
                    sum += conf[i];
                    count++;
                    hits += right[i] ? 1 : 0;
                }
            }
            if (count > 0) {
                e += count / (double) conf.length * Math.abs(hits / (double) count - sum / count);
            }
        }
        return e;
    }
}
