package io.sophia.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code sophia check} does, as a host calls it: a plan, an output directory, the report set. */
class CheckRunTest {

    @TempDir
    Path tmp;

    private static ProbePlan plan() {
        DeploymentConfig config = DeploymentConfig.parse("""
                deployment: shop
                services:
                  - {id: api, url: "http://127.0.0.1:9/health", critical: true}
                probe: {timeout: 1s, retries: 0}
                """, Path.of("inline.yaml"));
        return Sophia.builder(config).env(n -> null).build().plan();
    }

    @Test
    void aCheckWritesTheReportSetAndStatesThePlansProbeSettings() throws Exception {
        CheckRun run = CheckRun.of(plan(), tmp.resolve("out"));

        assertEquals(java.util.Set.of(ReportFiles.MARKDOWN, ReportFiles.JSON, ReportFiles.HTML, ReportFiles.JUNIT),
                run.files().stream().map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(run.files().stream().allMatch(Files::isRegularFile));
        assertEquals(java.time.Duration.ofSeconds(1), run.assessment().probing().timeout(),
                "the report states the plan's probe timeout");
        assertEquals(2, run.assessment().gate().status().exitCode(), "the one critical service is down");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedFailsBeforeAnyProbeRuns() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        ReportWriteException e = assertThrows(ReportWriteException.class,
                () -> CheckRun.of(plan(), file.resolve("out")));

        assertTrue(e.getMessage().contains("the output directory cannot be created"), e.getMessage());
        assertEquals(file.resolve("out"), e.directory());
    }
}
