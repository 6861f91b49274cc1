package io.sophia.diagnosis;

import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A log that shows only some steps' groups (the failed step's output alone, or a log cut at its head) names the step
 * that failed, not the first step in order: a group given a step by its place alone whose exit marker says it failed,
 * while that step succeeded, belongs to the later step that failed. A group whose step is named, or a log with every
 * step's group, keeps its steps.
 */
class FailedGroupStepTest {

    private static final String BUILDKIT = "ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not complete "
            + "successfully: exit code: 1";

    private static String stepOf(List<Observation.CiStep> steps, String log) throws IOException {
        List<Observation.LogFinding> found = LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB,
                "dashboard", 2, "deploy", steps), new StringReader(log));
        return found.stream().filter(f -> f.indicationId().equals("buildkit.process-failed")).findFirst()
                .orElseThrow(() -> new AssertionError("not read: " + found)).step();
    }

    private static final List<Observation.CiStep> STEPS = List.of(Fleet.step(1, "Set up job", "success"),
            Fleet.step(2, "Checkout", "success"), Fleet.step(3, "Set up flyctl", "success"),
            Fleet.step(4, "Deploy to Fly", "failure"), Fleet.step(5, "Complete job", "success"));

    @Test
    void theOnlyGroupOfALogThatFailedIsTheFailedStep() throws IOException {
        String log = "##[group]Run flyctl deploy --remote-only\n##[endgroup]\n" + BUILDKIT + "\n"
                + "Error: failed to fetch an image or build from source\n"
                + "##[error]Process completed with exit code 1.\n";
        // before: "Checkout", the first unused step in order
        assertEquals("Deploy to Fly", stepOf(STEPS, log));
    }

    @Test
    void aLogWithEveryStepsGroupKeepsItsOrder() throws IOException {
        String log = "##[group]Run actions/checkout@v4\n##[endgroup]\n"
                + "##[group]Run superfly/flyctl-actions/setup-flyctl@master\n##[endgroup]\n"
                + "##[group]Run flyctl deploy --remote-only\n##[endgroup]\n" + BUILDKIT + "\n"
                + "##[error]Process completed with exit code 1.\n";
        assertEquals("Deploy to Fly", stepOf(STEPS, log));
    }

    @Test
    void aGroupThatExitedZeroStaysWithItsStep() throws IOException {
        // the build line printed in a group that did not fail (a retried build) stays with the step its place gives
        String log = "##[group]Run flyctl deploy --remote-only\n##[endgroup]\n" + BUILDKIT + "\n"
                + "retrying with the remote builder\n";
        assertEquals("Checkout", stepOf(STEPS, log));
    }

    @Test
    void aGroupChosenByItsNameIsNotMoved() throws IOException {
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Set up job", "success"),
                Fleet.step(2, "Run flyctl deploy --remote-only", "success"), Fleet.step(3, "Notify", "failure"));
        String log = "##[group]Run flyctl deploy --remote-only\n##[endgroup]\n" + BUILDKIT + "\n"
                + "##[error]Process completed with exit code 1.\n";
        assertEquals("Run flyctl deploy --remote-only", stepOf(steps, log));
    }
}
