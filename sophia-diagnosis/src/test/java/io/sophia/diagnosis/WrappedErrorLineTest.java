package io.sophia.diagnosis;

import io.sophia.core.CauseId;
import io.sophia.core.Source;
import io.sophia.core.LogAnalyzer.LogOrigin;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.LogFinding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * flyctl repeats BuildKit's error inside its own ("Error: failed to fetch an image or build from
 * source: error building: failed to solve: …") on the next line: the report should quote the
 * failure once, with the wrapper as context, not twice.
 */
class WrappedErrorLineTest {

    private static final List<CiStep> STEPS = List.of(
            new CiStep(1, "Set up job", "completed", "success", null, null),
            new CiStep(2, "Deploy service (Dockerfile)", "completed", "failure", null, null),
            new CiStep(3, "Complete job", "completed", "success", null, null));

    private static final LogOrigin JOB = new LogOrigin(Source.GITHUB, "mcp-business", 7L, "Deploy MCP Business", STEPS);

    // BuildKit's and flyctl's messages as in ../shared/corpus/deploy-errors/deploy-errors.tsv
    private static final String CHECKSUM = "failed to compute cache key: failed to calculate checksum of ref "
            + "9f1c2d7e::wq3x8k2m: \"/requirements.txt\": not found";
    private static final String SOLVE = "ERROR: failed to solve: " + CHECKSUM;
    private static final String FLYCTL = "Error: failed to fetch an image or build from source: error building: "
            + "failed to solve: " + CHECKSUM;

    private static List<LogFinding> scan(String... tail) throws IOException {
        StringBuilder log = new StringBuilder();
        log.append("##[group]Run flyctl deploy --remote-only\nflyctl deploy --remote-only\n##[endgroup]\n");
        log.append("==> Building image\n#7 [3/6] COPY requirements.txt .\n");
        for (int i = 0; i < 8; i++) {
            log.append("#7 DONE 0.").append(i).append("s\n");
        }
        for (String line : tail) {
            log.append(line).append('\n');
        }
        log.append("##[error]Process completed with exit code 1.\nCleaning up orphan processes\n");
        return LogScanner.builtIn().analyze(JOB, new StringReader(log.toString()));
    }

    @Test
    void theWrapperLineIsContextOfTheErrorItRepeatsNotASecondFinding() throws IOException {
        List<LogFinding> findings = scan(SOLVE, FLYCTL);
        assertFalse(findings.isEmpty());
        assertTrue(findings.stream().noneMatch(f -> f.line().equals(FLYCTL)), findings.toString());
        LogFinding solve = findings.stream().filter(f -> f.line().equals(SOLVE)).findFirst()
                .orElseThrow(() -> new AssertionError(findings.toString()));
        assertEquals(CauseId.of("build.dockerfile"), solve.causeId());
        assertTrue(solve.context().contains(FLYCTL), solve.context().toString());
        assertEquals(findings.get(0), solve, "the error is still the best finding: " + findings);
        // one finding per line: weaker indications of the same cause, and generic ones, on the same line are dropped
        assertEquals(1, findings.stream().filter(f -> f.lineNumber() == solve.lineNumber()).count(), findings.toString());
        // nor does a generic reading of the wrapper line ("Error: …" as an error word) come back
        assertTrue(findings.stream().noneMatch(f -> f.lineNumber() == solve.lineNumber() + 1), findings.toString());
    }

    @Test
    void theSameMessageFarFromTheErrorIsStillItsOwnFinding() throws IOException {
        String[] tail = new String[12];
        tail[0] = SOLVE;
        for (int i = 1; i < 11; i++) {
            tail[i] = "retrying in " + i + "s";
        }
        tail[11] = FLYCTL;
        List<LogFinding> findings = scan(tail);
        assertTrue(findings.stream().anyMatch(f -> f.line().equals(FLYCTL)), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.line().equals(SOLVE)), findings.toString());
    }
}
