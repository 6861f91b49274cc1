package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Deployment;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import io.sophia.core.Service;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures mean what CalibrationEvaluation's Javadoc says they mean. */
class CalibrationMetricsTest {

    private static final Deployment FLEET = new Deployment("d", List.of(Service.http("api", "https://api.fly.dev")));

    private static Scenario labeled(CauseId cause, boolean holdout) {
        return new Scenario("s-" + cause, "t", cause, "r", holdout, "", Path.of("s.yaml"), ScenarioLoader.DEFAULT_AT,
                FLEET, List.of());
    }

    private static Assessment ranked(Object... idAndP) {
        List<RankedCause> causes = new ArrayList<>();
        for (int i = 0; i < idAndP.length; i += 2) {
            causes.add(new RankedCause((CauseId) idAndP[i], "t", (Double) idAndP[i + 1], Confidence.MEDIUM, "", List.of(),
                    List.of()));
        }
        return Assessment.builder("d", Instant.EPOCH, new GateDecision(GateDecision.Verdict.OPEN, 100, List.of()))
                .schemaVersion("1.0")
                .causes(causes).build();
    }

    @Test
    void the_mass_an_assessment_leaves_unassigned_goes_to_unknown() {
        var o = CalibrationEvaluation.outcome(labeled(CauseId.BUILD_DOCKERFILE, false),
                ranked(CauseId.BUILD_DOCKERFILE, 0.5, CauseId.PLATFORM_QUOTA, 0.2), null);
        assertEquals(0.3, o.p().get(CauseId.UNKNOWN), 1e-9);
        assertEquals(CauseId.BUILD_DOCKERFILE, o.predicted());
        assertEquals(0.5, o.confidence(), 1e-9);
        // (0.5-1)^2 + 0.2^2 + 0.3^2
        assertEquals(0.25 + 0.04 + 0.09, o.brier(), 1e-9);
    }

    @Test
    void where_unknown_is_stated_it_is_scored_at_what_the_report_says_and_the_rest_goes_to_the_unlisted_causes() {
        // a report that says "unknown 0.49" and lists nothing else has not said 1.0
        var o = CalibrationEvaluation.outcome(labeled(CauseId.APP_OOM, false), ranked(CauseId.UNKNOWN, 0.49,
                CauseId.CI_RUNNER, 0.2), null);
        assertEquals(0.49, o.confidence(), 1e-9);
        assertEquals(CauseId.UNKNOWN, o.predicted());
        int unlisted = CauseId.BUILT_IN.size() - 2;
        assertEquals(0.31 / unlisted, o.pLabel(), 1e-9);
        assertEquals(CauseId.CI_RUNNER, o.ranking().get(1));
        assertEquals(1.0, o.p().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void with_nothing_ranked_unknown_takes_everything_and_wins() {
        var o = CalibrationEvaluation.outcome(labeled(CauseId.UNKNOWN, false), ranked(), null);
        assertEquals(CauseId.UNKNOWN, o.predicted());
        assertEquals(1.0, o.confidence(), 1e-9);
        assertTrue(o.top1());
        assertEquals(0.0, o.brier(), 1e-9);
    }

    @Test
    void a_small_top_cause_loses_to_a_large_unassigned_remainder() {
        var o = CalibrationEvaluation.outcome(labeled(CauseId.CI_RUNNER, false), ranked(CauseId.CI_RUNNER, 0.3), null);
        assertEquals(CauseId.UNKNOWN, o.predicted());
        assertFalse(o.top1());
        assertTrue(o.topK(2));
    }

    @Test
    void a_label_with_no_probability_is_never_a_top_3_hit_even_when_the_zeros_rank_it_third() {
        // build.dependency-fetch follows build.dockerfile in the vocabulary, so it is third among the zeros
        var o = CalibrationEvaluation.outcome(labeled(CauseId.BUILD_DEPENDENCY_FETCH, true),
                ranked(CauseId.BUILD_DOCKERFILE, 0.99), null);
        assertEquals(CauseId.BUILD_DEPENDENCY_FETCH, o.ranking().get(2));
        assertFalse(o.topK(3));
    }

    @Test
    void unknown_loses_a_tie_and_equal_causes_keep_the_assessments_order() {
        var o = CalibrationEvaluation.outcome(labeled(CauseId.APP_OOM, true),
                ranked(CauseId.APP_OOM, 0.25, CauseId.APP_CRASH_ON_BOOT, 0.25, CauseId.CI_RUNNER, 0.25), null);
        assertEquals(List.of(CauseId.APP_OOM, CauseId.APP_CRASH_ON_BOOT, CauseId.CI_RUNNER, CauseId.UNKNOWN),
                o.ranking().subList(0, 4));
    }

    @Test
    void ece_is_the_weighted_gap_between_confidence_and_accuracy_per_bin() {
        List<CalibrationEvaluation.Outcome> outcomes = List.of(
                // bin [0.9,1.0]: confidence 0.95 and 0.95, one right one wrong -> gap 0.45, weight 2/3
                CalibrationEvaluation.outcome(labeled(CauseId.APP_OOM, false), ranked(CauseId.APP_OOM, 0.95), null),
                CalibrationEvaluation.outcome(labeled(CauseId.APP_OOM, false), ranked(CauseId.CI_RUNNER, 0.95), null),
                // bin [0.6,0.7): confidence 0.6, right -> gap 0.4, weight 1/3
                CalibrationEvaluation.outcome(labeled(CauseId.CI_RUNNER, false), ranked(CauseId.CI_RUNNER, 0.6), null));
        assertEquals(2.0 / 3 * 0.45 + 1.0 / 3 * 0.4, CalibrationEvaluation.ece(outcomes), 1e-9);
    }

    @Test
    void the_wilson_interval_of_22_out_of_25_is_about_0_70_to_0_96() {
        double[] ci = CalibrationEvaluation.wilson(22 / 25.0, 25);
        assertEquals(0.700, ci[0], 0.005);
        assertEquals(0.958, ci[1], 0.005);
    }

    @Test
    void a_diagnoser_that_throws_counts_as_all_mass_on_unknown_and_is_reported() {
        var report = CalibrationEvaluation.evaluate((d, o, t) -> {
            throw new IllegalStateException("boom");
        }, List.of(labeled(CauseId.APP_OOM, false), labeled(CauseId.UNKNOWN, true)));
        assertEquals(0.0, report.tuning().top1(), 1e-9);
        assertEquals(1.0, report.holdout().top1(), 1e-9);
        assertEquals(0.5, report.overall().top1(), 1e-9);
        assertTrue(report.render().contains("ERROR java.lang.IllegalStateException: boom"), report.render());
    }
}
