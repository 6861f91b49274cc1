package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Evidence;
import io.sophia.core.LogAnalyzer.LogOrigin;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * flyctl's "Secrets have been staged, but not set on VMs" is information, not an error: it must never be
 * cited as "a more specific reason" against another cause (the reference demo once said "App crashes on
 * boot is unlikely: the logs name a more specific reason for the exit, for example: 'Secrets have been
 * staged …'").
 */
class InformationalLogLineTest {

    private static final String STAGED = "Secrets have been staged, but not set on VMs. Deploy or update machines in this "
            + "app for the secrets to take effect.";

    private static final LogOrigin DEPLOY_JOB = new LogOrigin(Source.GITHUB, "dashboard", 2L, "Deploy Dashboard", List.of(
            new CiStep(1, "Set up job", "completed", "success", null, null),
            new CiStep(2, "Set secrets", "completed", "failure", null, null)));

    /** The worst place for the line: last in the failing step, marked as an error, right before the exit. */
    private static String stagedRightBeforeTheFailure() {
        return String.join("\n",
                "2025-08-23T13:55:26.0000000Z ##[group]Run actions/checkout@v4",
                "2025-08-23T13:55:26.1000000Z ##[endgroup]",
                "2025-08-23T13:55:27.4954999Z ##[group]Run flyctl secrets set --stage --app sophiaai-dashboard-v2 A=\"$A\"",
                "2025-08-23T13:55:27.5465999Z ##[endgroup]",
                "2025-08-23T13:55:28.7465999Z ##[error]" + STAGED,
                "2025-08-23T13:55:28.8000000Z ##[error]Process completed with exit code 1.",
                "");
    }

    @Test
    void the_scanner_scores_the_staged_line_below_the_threshold_rules_cite_from() throws IOException {
        List<LogFinding> findings = LogScanner.builtIn().analyze(DEPLOY_JOB, new StringReader(stagedRightBeforeTheFailure()));

        LogFinding staged = findings.stream().filter(f -> f.indicationId().equals("fly.secrets-staged")).findFirst()
                .orElseThrow(() -> new AssertionError("the line is still found: " + findings));
        assertTrue(staged.score() < 0.4, "informational line scored " + staged.score());
    }

    @Test
    void the_reference_explanation_does_not_cite_the_staged_line_against_a_crash() throws IOException {
        List<LogFinding> scanned = LogScanner.builtIn().analyze(DEPLOY_JOB, new StringReader(stagedRightBeforeTheFailure()));
        List<Observation> observations = new ArrayList<>(Fleet.referenceObservations());
        scanned.stream().filter(f -> f.indicationId().equals("fly.secrets-staged")).forEach(observations::add);

        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), observations, Fleet.NOW);

        RankedCause top = a.topCause().orElseThrow();
        assertEquals(CauseId.BUILD_DOCKERFILE, top.id());
        assertFalse(top.explanation().contains("Secrets have been staged"), top.explanation());
        for (RankedCause c : a.causes()) {
            for (Evidence e : c.evidence()) {
                assertFalse(e.direction() == Evidence.Direction.AGAINST && e.text().contains("Secrets have been staged"),
                        c.id() + ": " + e.text());
            }
        }
    }
}
