package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Evidence;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A diagnosis without a fleet ({@code explain --log}, a CI run alone) probed no service: its reports say so rather
 * than "100.0 % available, 0 of 0 services UP", a figure nobody measured.
 */
class NoServiceReportTest {

    private static Assessment logOnly() {
        RankedCause top = new RankedCause(CauseId.of("config.missing-secret"), "Missing secret or environment variable",
                0.9, Confidence.MEDIUM, "KeyError on a variable read at start-up",
                List.of(new Evidence(Evidence.Direction.FOR, 2.0, "KeyError: 'DJANGO_SECRET_KEY'",
                        "python.environ-keyerror", List.of())), List.of());
        GateDecision gate = new GateDecision(GateDecision.Verdict.BLOCKED, 90, List.of(new GateDecision.Criterion(
                "max-cause-probability", "a cause more probable than 50 %", true, 1, GateDecision.Outcome.FAIL,
                "config.missing-secret at 90%", "50%")));
        return Assessment.builder("deploy.log", Instant.EPOCH, gate)
                .causes(List.of(top))
                .impact(new Impact(0, 0, 100.0, List.of(), List.of(), List.of(), Impact.Severity.NONE))
                .build();
    }

    @Test
    void markdown_says_no_service_was_probed_and_states_no_availability() {
        String md = MarkdownReport.render(logOnly());
        assertTrue(md.contains("> **Verdict:** No service was probed"), md);
        assertTrue(md.contains("- **Availability:** not measured — no service was probed"), md);
        assertTrue(md.contains("| Availability | not measured |"), md);
        assertFalse(md.contains("0 of 0 services"), md);
        assertTrue(md.contains("no service was probed: the impact on users is not measured."), md);
        assertFalse(md.contains("100.0 %"), md);
    }

    @Test
    void html_and_the_terminal_summary_say_the_same() {
        String html = HtmlReport.render(logOnly());
        assertTrue(html.contains("No service was probed"), html);
        assertTrue(html.contains("not measured"), html);
        assertFalse(html.contains("0 of 0 services"), html);
        assertFalse(html.contains("100.0 %"), html);
        String text = TextSummary.render(logOnly());
        assertTrue(text.contains("Services   none probed\n"), text);
        assertFalse(text.contains("100.0 %"), text);
    }
}
