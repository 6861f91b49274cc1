package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A diagnosis lists only the causes with evidence for them; the probability the others share was left unsaid, so
 * {@code explain --log} of a real Travis log printed "Top cause unknown 49 %" and nothing else, and a reader could not
 * tell where the other 51 % went. Every format now names that share, and says nothing when the list accounts for all
 * but rounding.
 */
class UnlistedShareRenderingTest {

    private static RankedCause cause(String id, double p) {
        return new RankedCause(CauseId.of(id), id, p, Confidence.LOW, "why", List.of(), List.of());
    }

    private static Assessment with(RankedCause... causes) {
        GateDecision gate = new GateDecision(GateDecision.Verdict.WARN, 100, List.of());
        return Assessment.builder("deploy.log", Instant.EPOCH, gate).causes(List.of(causes)).build();
    }

    @Test
    void whatTheListedCausesLeaveIsNamedInEveryFormat() {
        // what the engine gives a log whose only failure line is a CI wrapper: unknown at 49 %, nothing else listed
        Assessment a = with(cause("unknown", 0.4917));

        String md = MarkdownReport.render(a);
        assertTrue(md.contains("_Not listed: 50.8 %, spread over the causes with no evidence for them (or too little to"
                + " list them)._"), md);
        String html = HtmlReport.render(a);
        assertTrue(html.contains("<p class=\"muted\">Not listed: 50.8 %, spread over the causes with no evidence"), html);
        String text = TextSummary.render(a);
        assertTrue(text.contains("\nNot listed 51 % over causes with no evidence (or too little)\n"), text);
    }

    @Test
    void aListThatAccountsForAllButRoundingSaysNothingMore() {
        // probabilities are rounded down to four decimals, so a full list sums to a little under 1
        Assessment a = with(cause("config.missing-secret", 0.8999), cause("unknown", 0.0999));

        assertFalse(MarkdownReport.render(a).contains("Not listed"));
        assertFalse(HtmlReport.render(a).contains("Not listed"));
        assertFalse(TextSummary.render(a).contains("Not listed"));
    }
}
