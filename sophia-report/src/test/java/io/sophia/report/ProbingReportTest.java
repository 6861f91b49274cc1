package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.Probing;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe timeout and the check's budget are stated in the report when the assessment carries them. */
class ProbingReportTest {

    private static final Probing PROBING = new Probing(Duration.ofSeconds(2), Duration.ofSeconds(3));

    @Test
    void jsonStatesTimeoutAndBudgetConformsToTheSchemaAndReadsBack() throws Exception {
        Assessment a = ReferenceScenario.assessment().withProbing(PROBING);

        String json = JsonReport.render(a);

        assertTrue(json.contains("\"probing\": {\n    \"timeoutMs\": 2000,\n    \"budgetMs\": 3000\n  }")
                || json.replaceAll("\\s", "").contains("\"probing\":{\"timeoutMs\":2000,\"budgetMs\":3000}"), json);
        List<String> violations = SchemaCheck.violations(JsonReport.schema(), json);
        assertTrue(violations.isEmpty(), violations::toString);
        assertEquals(PROBING, JsonReport.read(json).probing());
    }

    @Test
    void anAssessmentWithoutProbingWritesNoFieldAndReadsBackWithout() {
        String json = JsonReport.render(ReferenceScenario.assessment());
        assertFalse(json.contains("\"probing\""), "older reports stay byte-identical");
        assertNull(JsonReport.read(json).probing());
    }

    @Test
    void markdownStatesTimeoutBudgetAndHowManyProbesDidNotRun() {
        String md = MarkdownReport.render(ReferenceScenario.assessment().withProbing(PROBING));
        assertTrue(md.contains("| Probe timeout / check budget | 2000 ms / 3000 ms |"), md);
        assertTrue(md.contains("| Probes not run (budget ran out) | 0 |"), md);
    }

    @Test
    void htmlStatesTimeoutAndBudgetInItsKeyFigures() {
        String with = HtmlReport.render(ReferenceScenario.assessment().withProbing(PROBING));
        String without = HtmlReport.render(ReferenceScenario.assessment());
        assertTrue(with.contains("Timeout / budget"), "the key figures name the budget");
        assertTrue(with.contains("<div class=\"v\">2 s / 3 s</div>"), with);
        assertFalse(without.contains("Timeout / budget"));
    }

    @Test
    void redactionKeepsIt() {
        Assessment a = Redaction.patterns().apply(ReferenceScenario.assessment().withProbing(PROBING));
        assertEquals(PROBING, a.probing());
    }
}
