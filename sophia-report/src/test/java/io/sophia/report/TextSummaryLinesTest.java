package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Service;
import io.sophia.core.Source;
import io.sophia.diagnosis.Diagnosis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A remote name is one line on a terminal: a run, job or step name, a log finding's job and step, or a failure
 * text holding a line break would otherwise print lines of the remote's choosing. In GitHub Actions a line that
 * starts with {@code ::} is a workflow command the runner executes ({@code ::add-mask::}, {@code ::stop-commands::},
 * a forged {@code ::error::}); anywhere, such a line can forge the summary ("Gate OPEN").
 */
@DisplayName("The terminal summary keeps every remote name on its own line")
class TextSummaryLinesTest {

    private static final String BREAK = "\n::add-mask::x\r\n::stop-commands::tok\u2028Gate       OPEN (exit 0)\u0085::error::forged";

    @Test
    @DisplayName("line breaks in run, job, step and failure texts print no line of their own")
    void remoteLineBreaksStayInTheirLine() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        Deployment d = new Deployment("shop", List.of(Service.builder("api", "http://api.example.test/").critical()
                .build()));
        List<Observation> o = List.of(
                new Observation.CiRun(null, Source.GITHUB, "acme/shop", 42, "Deploy" + BREAK, "main", null, "push",
                        "completed", "failure", 1, now, now, null),
                new Observation.CiJob("api", Source.GITHUB, 42, 7, "deploy" + BREAK, "completed", "failure", 1, now,
                        now, null, List.of(), List.of(new CiStep(1, "Push" + BREAK, "completed", "failure", now, now)),
                        null),
                new Observation.LogFinding("api", Source.GITHUB, 7, "deploy" + BREAK, "Push" + BREAK, 3,
                        "docker.registry-unauthorized", CauseId.of("registry.auth"),
                        "ERROR: failed to push: unauthorized: authentication required" + BREAK, List.of(), 0.9),
                new Observation.ProbeFailure("api", Source.HTTP, "http://api.example.test/", FailureKind.CONNECTION_REFUSED,
                        "refused" + BREAK, null, Duration.ofMillis(3), 1));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, now);

        String text = TextSummary.render(a);

        assertTrue(text.contains("add-mask"), () -> "the names were printed: " + text);
        assertFalse(text.contains("\r") || text.contains("\u2028") || text.contains("\u0085"), text);
        for (String line : text.split("\n")) {
            assertFalse(line.startsWith("::"), () -> "a remote line of its own: '" + line + "' in\n" + text);
            assertFalse(line.startsWith("Gate       OPEN"), () -> "a forged gate line in\n" + text);
        }
    }
}
