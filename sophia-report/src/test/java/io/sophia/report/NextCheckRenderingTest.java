package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: every cause's "next check" (for unknown: the missing evidence) is shown in every format, escaped. */
class NextCheckRenderingTest {

    static Assessment withChecks() {
        return new Assessment(Assessment.SCHEMA_VERSION, "shop", Instant.EPOCH,
                List.of(ServiceHealth.builder("api", Status.DOWN).name("API").critical(true)
                        .failure("connection reset").build()),
                List.of(),
                List.of(new RankedCause(CauseId.UNKNOWN, "Unknown cause", 0.6, Confidence.LOW, "nothing specific", List.of(),
                                List.of("api"), List.of("No CI log was read: read the failed job's log <gh run view>.")),
                        new RankedCause(CauseId.APP_CRASH_ON_BOOT, "App crashes on boot", 0.3, Confidence.LOW, "", List.of(),
                                List.of("api"), List.of("Read the machine's last boot output (fly logs -a APP)."))),
                List.of(), null, List.of(), new GateDecision(GateDecision.Verdict.BLOCKED, 0, List.of()), null);
    }

    @Test
    void markdownHtmlAndJsonShowTheNextChecks() throws Exception {
        Assessment a = withChecks();
        String md = MarkdownReport.render(a);
        assertTrue(md.contains("**Missing evidence — how to get it:**"), md);
        assertTrue(md.contains("**Next check:**"), md);
        assertTrue(md.contains("fly logs -a APP"), md);
        String html = HtmlReport.render(a);
        assertTrue(html.contains("Missing evidence — how to get it"), html);
        assertTrue(html.contains("&lt;gh run view&gt;"), "escaped in HTML");
        assertFalse(html.contains("<gh run view>"));
        String json = JsonReport.render(a);
        assertTrue(json.contains("\"nextChecks\""), json);
        assertEquals(a.causes().get(1).nextChecks(), JsonReport.read(json).causes().get(1).nextChecks());
        assertTrue(SchemaCheck.violations(JsonReport.schema(), json).isEmpty(),
                SchemaCheck.violations(JsonReport.schema(), json).toString());
    }
}
