package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review of session 22's indications and rules. */
class ReviewTwentySecondTest {

    /**
     * pytest's short summary line for a test that errored, "ERROR tests/x.py::test_y - ...", begins the line with
     * "ERROR": the prefilter literal " error" (a space before it) is not in it, so the second pattern of
     * pytest.summary-errors never ran on the line it was written for (h63-38's source).
     */
    @Test
    void pytestsShortSummaryErrorLineIsRead() throws java.io.IOException {
        assertEquals(List.of("pytest.summary-errors"), Fleet.readAlone("pytest.summary-errors",
                "ERROR tests/api/test_sessions.py::test_create_session - psycopg.OperationalError: connection failed: "
                        + "connection to server at \"127.0.0.1\", port 5432 failed: Connection refused"));
    }

    /**
     * build.dockerfile/more-specific-build-error gained a pattern on the finding's indication id (not "-generic"); a log
     * finding given without an indication (an embedder's own: the indication is optional) has no such attribute, so
     * neither it nor other-cause-in-general-words matched, and a registry's refusal stopped arguing against the
     * Dockerfile as it did before session 22.
     */
    @Test
    void aFindingWithoutAnIndicationStillNamesAMoreSpecificCause() {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Shop", ServiceKind.HTTP)));
        List<Observation> o = List.of(Fleet.refused("web"), Fleet.deployJob("web", 7, "deploy", "failure", 120),
                Fleet.finding("web", 7, "deploy", Fleet.DEPLOY_STEP, "build.dockerfile",
                        "#12 ERROR: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1", 40),
                new LogFinding("web", Source.GITHUB, 7, "deploy", Fleet.DEPLOY_STEP, 42, null,
                        CauseId.of("registry.auth"), "denied: requested access to the resource is denied", List.of(), 0.9));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertTrue(Fleet.weighs(a, "build.dockerfile/more-specific-build-error"), a.causes().toString());
    }

    private static String rulePattern(String cause, String rule, String attribute) {
        return KnowledgeBase.builtIn().causes().stream().filter(c -> c.id().value().equals(cause))
                .flatMap(c -> c.rules().stream()).filter(r -> r.id().equals(rule)).findFirst().orElseThrow()
                .pattern().get(attribute);
    }

    /**
     * dependency.down/tests-own-local-service reads the loopback as "::1\b" anywhere: any IPv6 address that ends in
     * "::1" ("2001:db8::1", a remote database's) was read as the CI machine's own loopback.
     */
    @Test
    void onlyTheIpv6LoopbackIsTheTestsOwnMachine() {
        com.google.re2j.Pattern p = io.sophia.diagnosis.internal.kb.RegexGuard.compile(
                rulePattern("dependency.down", "tests-own-local-service", "line"));
        assertTrue(p.matcher("E   ConnectionRefusedError: [Errno 111] Connect call failed ('::1', 5432, 0, 0)").find());
        assertTrue(p.matcher("E   psycopg.OperationalError: connection to server at \"[::1]\", port 5432 failed").find());
        assertFalse(p.matcher("E   ConnectionRefusedError: [Errno 111] Connect call failed ('2001:db8::1', 5432, 0, 0)")
                .find());
    }
}
