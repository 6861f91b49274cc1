package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in knowledge base, measured on the labeled corpus, does not fall below the figures it reached.
 *
 * <p>Floors sit a little below a measured run so that an honest change of weights can move them slightly,
 * but a regression (a rule that stops firing, a scanner indication that disappears) fails the build.
 * Raise them when the figures improve; never lower them without saying why in the commit.
 *
 * <p>MEASURED: see the constants below (date, figures, command in {@link CalibrationEvaluation}).
 */
class CalibrationTest {

    // Measured 2026-11-25 16:19 UTC, 70 scenarios (45 tuning, 25 holdout), Diagnosis.ofDefaults() + LogScanner.builtIn(),
    // after the global evidenceScale 1.30 (fitted on the tuning part only, see knowledge-base.yaml) and unknownFloor 0.01:
    //   tuning  top-1 1.000  top-3 1.000  Brier 0.017  ECE 0.076
    //   holdout top-1 0.880  top-3 0.920  Brier 0.225  ECE 0.072
    //   overall top-1 0.957  top-3 0.971  Brier 0.092  ECE 0.038
    // (16:12 UTC, evidence as written: tuning Brier 0.054 ECE 0.140, holdout Brier 0.253 ECE 0.082, overall ECE 0.103;
    //  15:35 UTC, before the knowledge base was tuned on the corpus: tuning top-1 0.600, holdout top-1 0.680.)
    // Floors leave about three tuning and two holdout scenarios of slack; raise them as the figures improve.
    static final double TUNING_TOP1_FLOOR = 0.96;
    static final double TUNING_TOP3_FLOOR = 0.95;
    static final double TUNING_BRIER_CEILING = 0.06;
    static final double TUNING_ECE_CEILING = 0.10;
    // holdout-1 (consumed: its misses were seen by the team) keeps its floors; they are no longer blind figures.
    static final double HOLDOUT_TOP1_FLOOR = 0.80;
    static final double HOLDOUT_TOP3_FLOOR = 0.84;
    static final double HOLDOUT_BRIER_CEILING = 0.30;
    static final double HOLDOUT_ECE_CEILING = 0.12;
    // holdout-2 (blind, the 24 h2- files): written 2026-11-25 without reading the knowledge base, labels fixed
    // before the first and only blind run, 2026-11-25 ~17:00 UTC, 100 scenarios (51 tuning, 25 holdout-1, 24 holdout-2):
    //   holdout-2 top-1 0.833 (20/24)  top-3 1.000  Brier 0.283  ECE 0.073
    //   (same run: tuning top-1 1.000 Brier 0.018 ECE 0.069; holdout-1 top-1 1.000 Brier 0.028 ECE 0.069;
    //    overall top-1 0.960 Brier 0.084 ECE 0.040)
    // Floors leave one scenario of slack (1/24 = 0.042). Any tuning that looks at holdout-2 misses consumes it too.
    // 17:11 UTC, after the KB was tuned on four holdout-2 misses (h2-02, h2-04, h2-09, h2-23 -- so holdout-2 is
    // consumed now) with t-81..t-85 and evidenceScale 1.38: tuning 56/56 Brier 0.017 ECE 0.063; holdout-1 25/25
    // Brier 0.025 ECE 0.059; holdout-2 24/24 Brier 0.024 ECE 0.074. Floors raised, leaving about three scenarios.
    static final double HOLDOUT2_TOP1_FLOOR = 0.87;
    static final double HOLDOUT2_TOP3_FLOOR = 0.95;
    static final double HOLDOUT2_BRIER_CEILING = 0.10;
    static final double HOLDOUT2_ECE_CEILING = 0.12;

    // holdout-3 (blind, the 24 h3- files, all 22 causes): written 2026-11-25 without reading the knowledge base, the
    // indications, the diagnosis sources or any h2-/t- file; labels frozen (HOLDOUT-3.sha256) before the first and only
    // blind run, 2026-11-25 17:13 UTC, 129 scenarios (56 tuning, 25 holdout-1, 24 holdout-2, 24 holdout-3):
    //   holdout-3 top-1 0.917 (22/24)  top-3 0.917  Brier 0.174  ECE 0.083  mean-conf 0.950  mean-p(y) 0.868
    //   (same run: tuning 56/56 Brier 0.017 ECE 0.063; holdout-1 25/25 Brier 0.025 ECE 0.059;
    //    holdout-2 24/24 Brier 0.024 ECE 0.074; overall top-1 0.984 Brier 0.049 ECE 0.046)
    // Floors leave one scenario of slack (1/24 = 0.042). Tuning on holdout-3 misses consumes it too.
    static final double HOLDOUT3_TOP1_FLOOR = 0.87;
    static final double HOLDOUT3_TOP3_FLOOR = 0.87;
    static final double HOLDOUT3_BRIER_CEILING = 0.22;
    static final double HOLDOUT3_ECE_CEILING = 0.12;

    private static CalibrationEvaluation.Report report;

    @BeforeAll
    static void evaluate() throws IOException {
        report = CalibrationEvaluation.evaluateBuiltIn();
        // the figures are the point of this test: show them in the build output and keep them in target/
        System.out.println(report.render());
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("calibration-report.txt"), report.render());
            Files.writeString(target.resolve("calibration-misses.md"), report.missesMarkdown());
        }
    }

    @Test
    void the_tuning_part_stays_above_its_measured_floors() {
        CalibrationEvaluation.Figures f = report.tuning();
        String where = "\n" + report.render();
        assertTrue(f.top1() >= TUNING_TOP1_FLOOR, "tuning top-1 " + f.top1() + " < " + TUNING_TOP1_FLOOR + where);
        assertTrue(f.top3() >= TUNING_TOP3_FLOOR, "tuning top-3 " + f.top3() + " < " + TUNING_TOP3_FLOOR + where);
        assertTrue(f.brier() <= TUNING_BRIER_CEILING, "tuning Brier " + f.brier() + " > " + TUNING_BRIER_CEILING + where);
        assertTrue(f.ece() <= TUNING_ECE_CEILING, "tuning ECE " + f.ece() + " > " + TUNING_ECE_CEILING + where);
    }

    @Test
    void the_first_holdout_set_stays_above_its_measured_floors() {
        CalibrationEvaluation.Figures f = report.holdout1();
        String where = "\n" + report.render();
        assertTrue(f.top1() >= HOLDOUT_TOP1_FLOOR, "holdout top-1 " + f.top1() + " < " + HOLDOUT_TOP1_FLOOR + where);
        assertTrue(f.top3() >= HOLDOUT_TOP3_FLOOR, "holdout top-3 " + f.top3() + " < " + HOLDOUT_TOP3_FLOOR + where);
        assertTrue(f.brier() <= HOLDOUT_BRIER_CEILING, "holdout Brier " + f.brier() + " > " + HOLDOUT_BRIER_CEILING + where);
        assertTrue(f.ece() <= HOLDOUT_ECE_CEILING, "holdout ECE " + f.ece() + " > " + HOLDOUT_ECE_CEILING + where);
    }

    @Test
    void the_blind_second_holdout_set_stays_above_its_measured_floors() {
        CalibrationEvaluation.Figures f = report.holdout2();
        String where = "\n" + report.render();
        assertEquals(24, f.n(), "holdout-2 size" + where);
        assertTrue(f.top1() >= HOLDOUT2_TOP1_FLOOR, "holdout-2 top-1 " + f.top1() + " < " + HOLDOUT2_TOP1_FLOOR + where);
        assertTrue(f.top3() >= HOLDOUT2_TOP3_FLOOR, "holdout-2 top-3 " + f.top3() + " < " + HOLDOUT2_TOP3_FLOOR + where);
        assertTrue(f.brier() <= HOLDOUT2_BRIER_CEILING, "holdout-2 Brier " + f.brier() + " > " + HOLDOUT2_BRIER_CEILING + where);
        assertTrue(f.ece() <= HOLDOUT2_ECE_CEILING, "holdout-2 ECE " + f.ece() + " > " + HOLDOUT2_ECE_CEILING + where);
    }

    @Test
    void the_blind_third_holdout_set_stays_above_its_measured_floors() {
        CalibrationEvaluation.Figures f = report.holdout3();
        String where = "\n" + report.render();
        assertEquals(24, f.n(), "holdout-3 size" + where);
        assertTrue(f.top1() >= HOLDOUT3_TOP1_FLOOR, "holdout-3 top-1 " + f.top1() + " < " + HOLDOUT3_TOP1_FLOOR + where);
        assertTrue(f.top3() >= HOLDOUT3_TOP3_FLOOR, "holdout-3 top-3 " + f.top3() + " < " + HOLDOUT3_TOP3_FLOOR + where);
        assertTrue(f.brier() <= HOLDOUT3_BRIER_CEILING, "holdout-3 Brier " + f.brier() + " > " + HOLDOUT3_BRIER_CEILING + where);
        assertTrue(f.ece() <= HOLDOUT3_ECE_CEILING, "holdout-3 ECE " + f.ece() + " > " + HOLDOUT3_ECE_CEILING + where);
    }

    @Test
    void no_scenario_makes_the_diagnosis_throw() {
        var errors = report.outcomes().stream().filter(o -> o.error() != null).map(o -> o.scenario().id() + ": " + o.error())
                .toList();
        assertEquals(java.util.List.of(), errors);
    }

    @Test
    void the_reference_scenario_is_diagnosed_as_a_dockerfile_build_failure() {
        var ref = report.outcomes().stream().filter(o -> o.scenario().id().equals("01-reference-seed")).findFirst()
                .orElseThrow();
        assertEquals(CauseId.BUILD_DOCKERFILE, ref.predicted(), "ranking " + ref.ranking() + " p " + ref.p());
    }
}
