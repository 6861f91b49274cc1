package io.sophia.diagnosis;

import io.sophia.core.Action;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Evidence;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 (top-3, "a low-confidence answer is still useful"): with nothing specific observed, {@code unknown} leads and
 * the assessment lists, behind it, at most two causes that failures of the same kind most often had as their root in
 * the labelled corpus (context-priors.tsv): without evidence, said so, with their next checks and no remedy.
 */
class ContextRankedCausesTest {

    private static final String BARE_DEPLOY_FAILURE = """
            ##[group]Run flyctl deploy --remote-only
            flyctl deploy --remote-only
            ##[endgroup]
            ##[error]Process completed with exit code 1.
            """;

    private static List<RankedCause> withoutEvidence(Assessment a) {
        return a.causes().stream().filter(c -> !c.id().equals(CauseId.UNKNOWN))
                .filter(c -> c.evidence().stream().noneMatch(e -> e.direction() == Evidence.Direction.FOR
                        && e.weight() > 0)).toList();
    }

    @Test
    void aBareDeployFailureListsUnknownFirstThenTheCausesOfFailuresLikeIt() throws IOException {
        // the service still answers (the previous release): only the deploy job says something failed
        Assessment a = Fleet.jobEnded(Fleet.up("dashboard"), "failure", 40, List.of(Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Deploy to Fly", "failure")), BARE_DEPLOY_FAILURE, null);
        assertEquals(CauseId.UNKNOWN, a.causes().get(0).id(), a.causes().toString());
        List<RankedCause> byContext = withoutEvidence(a);
        assertFalse(byContext.isEmpty(), a.causes().toString());
        assertTrue(byContext.size() <= 2, byContext.toString());
        for (RankedCause c : byContext) {
            assertTrue(c.probability() < a.causes().get(0).probability(), a.causes().toString());
            assertTrue(c.explanation().startsWith("No observation names this cause"), c.explanation());
            assertTrue(c.explanation().contains("a job that failed at a deploy step"), c.explanation());
            assertFalse(c.nextChecks().isEmpty(), c.id() + " has no next check");
            // no evidence yet: its next checks come first, no remedy is planned for it
            for (Action action : a.actions()) {
                assertFalse(c.id().equals(action.causeId()), action.toString());
            }
        }
        double sum = a.causes().stream().mapToDouble(RankedCause::probability).sum();
        assertTrue(sum <= 1 + 1e-9, a.causes().toString());
    }

    @Test
    void aCauseWithSpecificEvidenceLeadsAsBeforeAndTheContextNeverPassesIt() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Deploy to Fly", """
                ##[group]Run flyctl deploy --remote-only
                flyctl deploy --remote-only
                ##[endgroup]
                Error: failed to fetch an image or build from source: error building: failed to solve: failed to compute cache key: failed to calculate checksum of ref 4f9c1c1e::ab12cd: "/app/package.json": not found
                ##[error]Process completed with exit code 1.
                """);
        RankedCause top = a.causes().get(0);
        assertEquals(CauseId.of("build.dockerfile"), top.id(), a.causes().toString());
        for (RankedCause c : withoutEvidence(a)) {
            assertTrue(c.probability() < top.probability(), a.causes().toString());
        }
    }
}
