package io.sophia.report;

import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Evidence;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A host may build an assessment by hand with most fields left null; every renderer copes. */
class SparseAssessmentTest {

    static Assessment sparse() {
        List<Observation> obs = List.of(
                new Observation.CiJob(null, null, 0, 7, null, null, null, 0, null, null, null, null,
                        List.of(new Observation.CiStep(1, null, null, "failure", null, null)), null),
                new Observation.LogFinding(null, null, 0, null, null, 1, null, null, null, null, 0.5),
                new Observation.ProbeFailure(null, null, null, null, null, null, null, 0),
                Observation.HttpCheck.builder("x", null, null, 0).build(),
                Observation.PlatformMachine.builder(null, null, null, null).build(),
                new Observation.TlsHandshake(null, null, null, 0, null, null, null, null, null, null, -3, false, true, false, 0),
                new Observation.McpHandshake(null, null, null, null, null, null, List.of(), 0, null));
        return new Assessment(Assessment.SCHEMA_VERSION, "bare", Instant.EPOCH,
                List.of(ServiceHealth.builder("x", Status.UNKNOWN).build()),
                obs,
                List.of(new RankedCause(CauseId.UNKNOWN, null, 1.0, null, null,
                        List.of(new Evidence(Evidence.Direction.FOR, 0, null, null, null)), null)),
                List.of(new Anomaly(null, null, null, null)), null, List.of(),
                new GateDecision(GateDecision.Verdict.WARN, 50, List.of(
                        new GateDecision.Criterion("c", null, false, 1, GateDecision.Outcome.WARN, null, null))), null);
    }

    @Test
    void a_sparse_assessment_renders_in_every_format_and_reads_back() throws Exception {
        Assessment a = sparse();
        String md = MarkdownReport.render(a);
        assertTrue(md.startsWith("# 🟡 bare — WARN, release with care"));
        assertFalse(md.contains("null"), md);
        String html = HtmlReport.render(a);
        assertFalse(html.contains(">null<"), html);
        JUnitXmlReportTest.parse(JUnitXmlReport.render(a));
        String json = JsonReport.render(a);
        assertEquals(json, JsonReport.render(JsonReport.read(json)));
        assertTrue(SchemaCheck.violations(JsonReport.schema(), json).isEmpty(),
                SchemaCheck.violations(JsonReport.schema(), json).toString());
        AssessmentAssert.assertThat(a).serviceHasStatus("x", Status.UNKNOWN).topCauseIs("unknown")
                .gateIs(GateDecision.Verdict.WARN);
    }
}
