package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Evidence;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal summary names the one thing to check next for the top cause, on one line, free of escape sequences. */
class TopCauseCheckLineTest {

    private static Assessment withNextChecks(List<String> next) {
        RankedCause top = new RankedCause(CauseId.of("config.missing-secret"), "Missing secret or environment variable",
                0.9, Confidence.MEDIUM, "KeyError on a variable read at start-up",
                List.of(new Evidence(Evidence.Direction.FOR, 2.0, "KeyError: 'DJANGO_SECRET_KEY'",
                        "python.environ-keyerror", List.of("api"))), List.of("api"), next);
        GateDecision gate = new GateDecision(GateDecision.Verdict.BLOCKED, 0, List.of());
        return Assessment.builder("shop", Instant.EPOCH, gate).causes(List.of(top)).build();
    }

    @Test
    void theFirstNextCheckOfTheTopCauseIsPrinted() {
        String text = TextSummary.render(withNextChecks(List.of("fly secrets list -a shop-api: is DJANGO_SECRET_KEY set?",
                "compare with the last good release's secrets")));

        List<String> checks = text.lines().filter(l -> l.startsWith("Check      ")).toList();
        assertEquals(List.of("Check      fly secrets list -a shop-api: is DJANGO_SECRET_KEY set?"), checks, text);
        assertFalse(text.contains("compare with the last good release"), text);
    }

    @Test
    void aCheckFromRemoteTextIsOneLineWithoutEscapeSequences() {
        String text = TextSummary.render(withNextChecks(List.of("read the logs of \u001b]8;;http://x\u0007api\u001b]8;;\u0007"
                + "\u001b[2J\nnow")));

        String check = text.lines().filter(l -> l.startsWith("Check      ")).findFirst().orElseThrow();
        assertFalse(check.contains("\u001b") || check.contains("\u0007"), check);
        assertTrue(check.startsWith("Check      read the logs of"), check);
        assertTrue(check.endsWith("now"), check);
    }

    @Test
    void withoutANextCheckThereIsNoCheckLine() {
        assertFalse(TextSummary.render(withNextChecks(List.of())).contains("Check      "));
    }
}
