package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "honest confidence": a cause is only as sure as its independent specific evidence, unknown leads when
 * nothing specific was seen and says what is missing, and every cause says what to check next.
 */
class HonestConfidenceTest {

    private static Assessment diagnose(List<Observation> o) {
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    /** Every service healthy except dashboard, which fails the given way; no CI run, no platform, no logs. */
    private static List<Observation> onlyDashboard(Observation failure) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, failure);
        o.removeIf(x -> x instanceof Observation.CiRun);
        return o;
    }

    @Test
    void connectionResetsAloneLeaveUnknownInTheLeadAndSayWhatEvidenceIsMissing() {
        Assessment a = diagnose(onlyDashboard(Fleet.failure("dashboard", "http", FailureKind.CONNECTION_RESET, null,
                "connection reset by peer")));
        RankedCause top = a.topCause().orElseThrow();
        assertEquals(CauseId.UNKNOWN, top.id(), a.causes().toString());
        String missing = String.join(" ", top.nextChecks());
        assertTrue(missing.contains("No CI run was read"), missing);
        assertTrue(missing.contains("sophia explain RUN_URL"), "names the command that reads a run: " + missing);
        assertTrue(missing.contains("No CI log was read"), missing);
        assertTrue(missing.contains("No platform machines were listed"), missing);
        assertTrue(missing.contains("dashboard"), "names the service whose own output to read: " + missing);
    }

    @Test
    void aLone5xxLeavesUnknownInTheLead() {
        Assessment a = diagnose(onlyDashboard(Fleet.failure("dashboard", "http", FailureKind.UNEXPECTED_STATUS, 500,
                "HTTP 500")));
        assertEquals(CauseId.UNKNOWN, a.topCause().orElseThrow().id(), a.causes().toString());
    }

    @Test
    void unknownInTheLeadNeverClaimsMoreThanACauseWithoutASpecificSource() {
        // nothing specific seen means "not recognised", not "certainly nothing specific": on the corpus with each
        // family's own wording left out, unknown led 35 times and was right 9 (CalibrationTest prints it)
        double cap0 = KnowledgeBase.builtIn().settings().cap(0);
        for (FailureKind kind : List.of(FailureKind.CONNECTION_RESET, FailureKind.UNEXPECTED_STATUS)) {
            Assessment a = diagnose(onlyDashboard(Fleet.failure("dashboard", "http", kind,
                    kind == FailureKind.UNEXPECTED_STATUS ? 500 : null, "failure")));
            RankedCause top = a.topCause().orElseThrow();
            assertEquals(CauseId.UNKNOWN, top.id(), a.causes().toString());
            assertTrue(top.probability() <= cap0 + 1e-9, kind + ": unknown at " + top.probability() + " > " + cap0);
            assertTrue(top.probability() > 0.2, kind + ": unknown at " + top.probability());
        }
    }

    @Test
    void aFailedStepNameAloneNeverDecides() {
        // the run failed at a step called "Build image" and nothing else is known: a weak signal
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job(null, 2, "Deploy", "failure", 30, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Build image", "failure")));
        Assessment a = diagnose(o);
        for (RankedCause c : a.causes()) {
            if (!c.id().equals(CauseId.UNKNOWN)) {
                assertTrue(c.probability() < 0.5, c.id() + " at " + c.probability() + " from a step name alone");
            }
        }
    }

    @Test
    void aLineThatOnlySaysWhichStepFailedCannotReachNinetyFivePercent() {
        // BuildKit's "process ... did not complete successfully" names the RUN instruction, not why it failed: the
        // error printed before it may be in words no indication knows (issue 9: the innermost error wins)
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("dashboard", 2, "Deploy Dashboard", "failure", 30, Fleet.step(1, "Build image", "failure")));
        o.add(Fleet.finding("dashboard", 2, "Deploy Dashboard", "Build image", "build.dockerfile",
                "ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1", 42));
        RankedCause top = diagnose(o).topCause().orElseThrow();
        KnowledgeBase.Settings s = KnowledgeBase.builtIn().settings();
        assertEquals(CauseId.BUILD_DOCKERFILE, top.id(), top.toString());
        assertTrue(top.probability() < 0.95, "a RUN instruction's exit alone: " + top.probability());
        assertTrue(top.probability() <= (s.cap(0) + s.cap(1)) / 2 + 1e-9, "a RUN instruction's exit alone: "
                + top.probability());
    }

    @Test
    void oneSpecificLogLineIsHeldByTheOneSourceCapAndTwoKindsOfSourceGoHigher() {
        // the one-source cap is fitted by grouped cross-validation (knowledge-base.yaml): never certainty, and below
        // what two independent kinds of evidence allow
        KnowledgeBase kb = KnowledgeBase.builtIn();
        double cap1 = kb.settings().cap(1);
        assertTrue(cap1 < 0.99, "cap for one source " + cap1);
        assertTrue(kb.settings().cap(2) > cap1);
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("dashboard", 2, "Deploy Dashboard", "failure", 30, Fleet.step(1, "Run", "failure")));
        o.add(Fleet.finding("dashboard", 2, "Deploy Dashboard", "Run", "app.oom", "Out of memory: Killed process 412 (node)",
                42));
        RankedCause oneSource = diagnose(o).topCause().orElseThrow();
        assertEquals(CauseId.APP_OOM, oneSource.id());
        assertTrue(oneSource.probability() <= cap1 + 1e-9, "one log line: " + oneSource.probability());
        assertTrue(oneSource.explanation().contains("because it rests on 1 independent kind of evidence (log)"),
                oneSource.explanation());
        // the platform says the same, independently: an exit event with oom_killed
        o.add(Observation.PlatformMachine.builder("dashboard", Source.FLY, "sophiaai-dashboard-v2", "m1").name("m1")
                .state("stopped", false).region("fra").imageRef("img").hostStatus("ok")
                .events(List.of(new Observation.MachineEvent("exit", "stopped", "flyd", Fleet.T0, 137, true, "oom_killed=true")))
                .updatedAt(Fleet.T0).build());
        RankedCause twoSources = diagnose(o).topCause().orElseThrow();
        assertEquals(CauseId.APP_OOM, twoSources.id());
        assertTrue(twoSources.probability() > oneSource.probability(), twoSources.probability() + " vs "
                + oneSource.probability());
    }

    @Test
    void everyRankedCauseOfTheReferenceSaysWhatToCheckNext() {
        Assessment a = diagnose(Fleet.referenceObservations());
        assertEquals(CauseId.BUILD_DOCKERFILE, a.topCause().orElseThrow().id());
        for (RankedCause c : a.causes()) {
            assertFalse(c.nextChecks().isEmpty(), c.id() + " has no next check");
            assertTrue(c.nextChecks().stream().noneMatch(t -> t.contains("{")), c.nextChecks().toString());
        }
        assertTrue(a.topCause().orElseThrow().nextChecks().get(0).contains("docker build"));
    }
}
