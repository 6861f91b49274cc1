package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessmentAssertTest {

    private static final Assessment REF = ReferenceScenario.assessment();

    @Test
    void the_reference_scenario_passes_the_assertions_that_describe_it() {
        AssessmentAssert.assertThat(REF)
                .serviceIsUp("mcp-repo")
                .serviceHasStatus("dashboard", Status.DOWN)
                .topCauseIs("build.dockerfile")
                .causeProbabilityAbove("build.dockerfile", 0.5)
                .hasAnomaly("stale-version-serving")
                .gateIs(GateDecision.Verdict.BLOCKED);
        AssessmentAssert.assertThat(ReferenceScenario.healthy()).allCriticalServicesUp().gateIsOpen().hasNoCauses();
    }

    @Test
    void a_down_service_explains_itself_and_appends_the_summary() {
        AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).serviceIsUp("dashboard"));
        String first = e.getMessage().lines().findFirst().orElseThrow();
        assertEquals("Expecting service dashboard to be UP but was DOWN: connection refused", first);
        assertTrue(e.getMessage().contains("--- assessment ---\n# 🔴 sophia-ai-v2 — BLOCKED"));
        assertTrue(e.getMessage().contains("1. **Dockerfile build failure** (`build.dockerfile`) — 78.1 %"));
    }

    @Test
    void an_unknown_service_lists_the_services_there_are() {
        AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).serviceIsUp("billing"));
        assertTrue(e.getMessage().startsWith("Expecting service billing to be UP but the assessment has no such service "
                + "(services: dashboard, mcp-repo, mcp-research, mcp-context, mcp-business, jobs)"), e.getMessage());
    }

    @Test
    void critical_services_not_up_are_each_named() {
        AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).allCriticalServicesUp());
        assertTrue(e.getMessage().startsWith("Expecting all critical services to be UP but 3 were not:\n"
                + "  dashboard DOWN: connection refused\n  mcp-research DOWN: read timeout after 2 s\n"
                + "  mcp-business DOWN: connection refused"), e.getMessage());
    }

    @Test
    void a_closed_gate_names_the_criteria_that_did_not_pass() {
        AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).gateIsOpen());
        assertTrue(e.getMessage().startsWith("Expecting gate to be OPEN but was BLOCKED; criteria not passed: "
                + "critical-services-up FAIL (3 of 3 critical services DOWN), deploy-run-succeeded FAIL "
                + "(run 17176258341 concluded failure)"), e.getMessage());
    }

    @Test
    void cause_assertions_say_what_ranked_instead() {
        AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).topCauseIs("config.invalid"));
        assertTrue(e.getMessage().startsWith("Expecting top cause to be config.invalid but was build.dockerfile (78.1 %); "
                + "config.invalid ranked 4"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).causeProbabilityAbove("platform.quota", 0.5));
        assertTrue(e.getMessage().startsWith("Expecting cause platform.quota to have a probability above 0.5 but was 0.0833"),
                e.getMessage());
        e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).causeProbabilityAbove("app.oom", 0.1));
        assertTrue(e.getMessage().startsWith("Expecting cause app.oom to have a probability above 0.1 but it was not ranked "
                + "(ranked: build.dockerfile (78.1 %), platform.quota (8.3 %), unknown (7.3 %), config.invalid (4.2 %))"),
                e.getMessage());
        e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).hasNoCauses());
        assertTrue(e.getMessage().startsWith("Expecting no causes but found 4: build.dockerfile (78.1 %)"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(ReferenceScenario.healthy()).topCauseIs("app.oom"));
        assertTrue(e.getMessage().startsWith("Expecting top cause to be app.oom but no cause was ranked"), e.getMessage());
    }

    @Test
    void a_missing_anomaly_lists_the_anomalies_found() {
        AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(REF).hasAnomaly("run-succeeded-service-down"));
        assertTrue(e.getMessage().startsWith("Expecting an anomaly of kind run-succeeded-service-down but found "
                + "stale-version-serving on mcp-repo"), e.getMessage());
    }

    @Test
    void a_null_assessment_fails_instead_of_throwing_npe() {
        AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(null));
        assertEquals("Expecting an assessment but was null", e.getMessage());
    }
}
