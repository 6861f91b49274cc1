package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 (top-3): the causes no evidence names share their probability by how often failures of the same context had
 * them as root cause, without passing the leader or touching unknown and the causes with evidence.
 */
class ContextPriorsTest {

    private static final CauseId CONFIG = CauseId.of("config.invalid");
    private static final CauseId TOKEN = CauseId.of("auth.deploy-token");
    private static final CauseId DOCKERFILE = CauseId.of("build.dockerfile");
    private static final CauseId OOM = CauseId.of("app.oom");
    /** unknown's floor in the built-in knowledge base. */
    private static final double FLOOR = 0.01;

    /** Deploy steps that failed were config 60 times and the token 30 times; builds were the Dockerfile; OOM elsewhere. */
    private static ContextPriors counted() {
        List<Map.Entry<Set<String>, CauseId>> examples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            examples.add(Map.entry(Set.of("job.failedStep=deploy", "run.conclusion=failure"), CONFIG));
        }
        for (int i = 0; i < 30; i++) {
            examples.add(Map.entry(Set.of("job.failedStep=deploy", "run.conclusion=failure"), TOKEN));
        }
        for (int i = 0; i < 80; i++) {
            examples.add(Map.entry(Set.of("job.failedStep=build", "run.conclusion=failure"), DOCKERFILE));
        }
        for (int i = 0; i < 80; i++) {
            examples.add(Map.entry(Set.of("service.status=down", "machineEvent.exitKind=oom"), OOM));
        }
        return ContextPriors.count(examples);
    }

    @Test
    void freeCausesAreOrderedByTheirContextAndKeepTheirMassBelowTheLeader() {
        List<CauseId> ids = List.of(DOCKERFILE, OOM, CONFIG, TOKEN, CauseId.of("ci.runner"), CauseId.UNKNOWN);
        double[] p = {0.1, 0.1, 0.1, 0.1, 0.1, 0.5};
        boolean[] free = {true, true, true, true, false, false};
        boolean shared = counted().share(p, ids, free, Set.of("job.failedStep=deploy", "run.conclusion=failure"), FLOOR);
        assertTrue(shared);
        assertTrue(p[2] > p[3] && p[3] > p[0] && p[3] > p[1], java.util.Arrays.toString(p));
        assertEquals(0.4, p[0] + p[1] + p[2] + p[3], 1e-12);
        assertEquals(0.1, p[4], 0); // evidence for it: untouched
        assertEquals(0.5, p[5], 0); // unknown: untouched
        assertTrue(p[2] < 0.5);
    }

    @Test
    void behindACauseWithEvidenceMostOfUnknownsShareGoesToTheCausesTheContextNames() {
        List<CauseId> ids = List.of(DOCKERFILE, OOM, CONFIG, TOKEN, CauseId.of("ci.runner"), CauseId.UNKNOWN);
        boolean[] free = {true, true, true, true, false, false};
        Set<String> context = Set.of("job.failedStep=deploy", "run.conclusion=failure");
        double[] p = {0, 0, 0, 0, 0.9, 0.1};
        assertTrue(counted().share(p, ids, free, context, FLOOR));
        assertEquals(0.9, p[4], 0); // the leader with evidence: untouched
        assertEquals(0.1 * (1 - ContextPriors.UNKNOWN_SHARE), p[5], 1e-12);
        assertEquals(0.1 * ContextPriors.UNKNOWN_SHARE, p[0] + p[1] + p[2] + p[3], 1e-12);
        assertTrue(p[2] > p[3] && p[3] > p[0], java.util.Arrays.toString(p));
        // a small unknown keeps its floor
        double[] q = {0, 0, 0, 0, 0.985, 0.015};
        assertTrue(counted().share(q, ids, free, context, FLOOR));
        assertEquals(FLOOR, q[5], 1e-12);
        assertEquals(0.005, q[0] + q[1] + q[2] + q[3], 1e-12);
    }

    @Test
    void aShareThatWouldPassTheLeaderIsBlendedBelowIt() {
        List<CauseId> ids = List.of(CONFIG, TOKEN, DOCKERFILE, CauseId.UNKNOWN);
        double[] p = {0.2, 0.2, 0.2, 0.4};
        assertTrue(counted().share(p, ids, new boolean[] {true, true, true, false}, Set.of("job.failedStep=deploy"),
                FLOOR));
        // the mass of the free causes is 0.6: config alone would take most of it, above unknown's 0.4
        assertTrue(p[0] < 0.4 - 1e-4 && p[0] > p[1] && p[1] > p[2], java.util.Arrays.toString(p));
        assertEquals(0.6, p[0] + p[1] + p[2], 1e-12);
        assertEquals(0.4, p[3], 0);
    }

    @Test
    void theReportListsTheFirstTwoFreeCausesAtOrAboveTheFloorInItsOrder() {
        List<CauseId> ids = List.of(DOCKERFILE, OOM, CONFIG, TOKEN, CauseId.of("ci.runner"), CauseId.UNKNOWN);
        double[] p = {0.05, 0.005, 0.05, 0.2, 0.3, 0.395};
        boolean[] free = {true, true, true, true, false, false};
        // token first, then the tie at 0.05 by id (build.dockerfile before config.invalid); app.oom is under the floor
        assertEquals(Set.of(3, 0), ContextPriors.listed(p, ids, free, 0.01));
        assertEquals(Set.of(3), ContextPriors.listed(p, ids, free, 0.1));
    }

    @Test
    void withoutCountsOrContextNothingMoves() {
        List<CauseId> ids = List.of(CONFIG, TOKEN, CauseId.UNKNOWN);
        double[] p = {0.2, 0.2, 0.6};
        boolean[] free = {true, true, false};
        assertFalse(ContextPriors.none().share(p, ids, free, Set.of("job.failedStep=deploy"), FLOOR));
        assertFalse(counted().share(p, ids, free, Set.of(), FLOOR));
        assertEquals(0.2, p[0], 0);
        assertEquals(0.2, p[1], 0);
    }

    @Test
    void aFeatureSeenFewerThanFiveTimesIsNotCounted() {
        List<Map.Entry<Set<String>, CauseId>> examples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            examples.add(Map.entry(Set.of("probe.kind=http:rare"), OOM));
        }
        for (int i = 0; i < 4; i++) {
            examples.add(Map.entry(Set.of(), CONFIG));
        }
        ContextPriors c = ContextPriors.count(examples);
        // the rare feature says nothing: both causes keep their base rate
        assertEquals(c.score(OOM, Set.of()), c.score(OOM, Set.of("probe.kind=http:rare")), 0);
        assertTrue(c.lines().stream().noneMatch(l -> l.contains("rare")));
    }

    @Test
    void theTableReadsBackAsWritten() {
        ContextPriors c = counted();
        ContextPriors back = ContextPriors.parse(c.lines());
        assertEquals(c.lines(), back.lines());
        assertEquals(250, back.total());
        assertEquals(c.score(TOKEN, Set.of("job.failedStep=deploy")), back.score(TOKEN, Set.of("job.failedStep=deploy")),
                1e-12);
    }

    @Test
    void stepNamesCountOnlyByTheirClass() {
        assertEquals("test", ContextPriors.stepClass("Run pytest -x"));
        assertEquals("build", ContextPriors.stepClass("Build and push image"));
        assertEquals("deploy", ContextPriors.stepClass("flyctl deploy --remote-only"));
        assertEquals("setup", ContextPriors.stepClass("Set up job"));
        assertEquals("other", ContextPriors.stepClass("Notify Slack"));
    }

    @Test
    void remoteWordsBecomeBoundedSafeTokens() {
        String state = "st\u001b]8;;http://x\u0007arted " + "x".repeat(3_000_000);
        Fact machine = new Fact("machine", "api", "api", true, Map.of("state", state), Map.of(), "");
        Set<String> f = ContextPriors.features(List.of(machine));
        assertEquals(1, f.size());
        String only = f.iterator().next();
        assertTrue(only.startsWith("machine.state=st_8_http://x_arted_x"), only);
        assertTrue(only.length() <= "machine.state=".length() + 60, only);
        assertTrue(only.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), only);
    }

    @Test
    void theDescriptionNamesAtMostThreeKindsOfFailureTheTableCounted() {
        List<Map.Entry<Set<String>, CauseId>> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            examples.add(Map.entry(Set.of("job.failedStep=deploy", "run.conclusion=failure", "service.status=down",
                    "probe.kind=http:connection_refused"), CONFIG));
        }
        ContextPriors c = ContextPriors.count(examples);
        String d = c.describe(Set.of("job.failedStep=deploy", "run.conclusion=failure", "service.status=down",
                "probe.kind=http:connection_refused"));
        assertEquals("a job that failed at a deploy step, a run whose conclusion is failure and a service DOWN", d);
        // a value no labelled failure had (a remote word of this one, a token in a state) is never repeated
        String unseen = c.describe(Set.of("machine.state=ghp_abcdefghijklmnop0123456789", "job.failedStep=deploy"));
        assertEquals("a job that failed at a deploy step", unseen);
    }
}
