package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.Source;
import io.sophia.diagnosis.EngineAccess;
import io.sophia.diagnosis.KnowledgeBase;
import io.sophia.diagnosis.internal.reasoning.Calibration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Engine changes of the twenty-seventh session's rule writer rules27b (issue 9). */
class RulesTwentySeventhSessionTest {

    private static final Instant AT = Instant.parse("2026-11-21T14:45:00Z");

    /** One machine of app "pricing" with a critical check, stopped after an exit whose detail is {@code detail}. */
    private static List<Calibration.Term> stoppedMachine(String detail) {
        Deployment d = new Deployment("d", List.of(Service.http("pricing", "https://pricing.example.test/v1/health")));
        Observation m = Observation.PlatformMachine.builder("pricing", Source.FLY, "pricing-svc", "m1").name("m1")
                .state("stopped", false).region("nrt").imageRef("img").hostStatus("ok")
                .checks(List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "critical",
                        "context deadline exceeded")))
                .events(List.of(new Observation.MachineEvent("exit", "stopped", null, AT.minusSeconds(120), 1, false,
                        detail)))
                .updatedAt(AT.minusSeconds(60)).build();
        return Calibration.terms(EngineAccess.knowledge(KnowledgeBase.builtIn()), d, List.of(m), AT);
    }

    private static int sources(List<Calibration.Term> terms, CauseId id) {
        return terms.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().sources();
    }

    /**
     * A machine's stop detail saying its health check failed is the platform's verdict on the check its critical
     * machine check shows: one source with it, not two (h92-37: the two stated app.healthcheck-failing at 0.95 for a
     * dependency its dependents timed out behind, and the refit's evidenceScale fell from 2.7 to 1.6).
     */
    @Test
    void aStopDetailSayingTheCheckFailedAndTheCriticalCheckAreOneSource() {
        assertEquals(1, sources(stoppedMachine("health check failed: context deadline exceeded"),
                CauseId.APP_HEALTHCHECK_FAILING));
    }

    /** A front end answering 200 with {@code body} while its expectation on the body is violated with {@code actual}. */
    private static List<Calibration.Term> guardPage(String body, String actual) {
        Deployment d = new Deployment("d", List.of(Service.http("frontend", "https://front.example.test/")));
        List<Observation> o = List.of(
                Observation.HttpCheck.builder("frontend", Source.HTTP, "https://front.example.test/", 200)
                        .latency(Duration.ofMillis(60)).body(body, "text/html").build(),
                new Observation.ConditionCheck("frontend", Source.HTTP, "[BODY] contains \"Backend Status: ok\"", false,
                        actual));
        return Calibration.terms(EngineAccess.knowledge(KnowledgeBase.builtIn()), d, o, AT);
    }

    private static double evidence(List<Calibration.Term> terms, CauseId id) {
        return terms.stream().filter(t -> t.id().equals(id)).mapToDouble(Calibration.Term::evidenceSum).findFirst()
                .orElse(0);
    }

    /**
     * An answer whose status is accepted but whose body a violated [BODY] expectation rejects is read as an error
     * answer (h92-21: a Vite front end's own guard page naming the variable never set, served with 200), and a cause the
     * expectation's actual value already reads is not read a second time in the body it restates.
     */
    @Test
    void aBodyItsExpectationRejectsIsReadOnceBesideTheActualValue() {
        String page = "<div id=\"root\"><h2>Configuration Error</h2><p>Backend URL missing. Please set VITE_API_URL "
                + "environment variable.</p></div>";
        List<Calibration.Term> guard = guardPage(page, "Configuration Error");
        org.junit.jupiter.api.Assertions.assertTrue(evidence(guard, CauseId.CONFIG_MISSING_SECRET)
                > evidence(guard, CauseId.CONFIG_INVALID), guard.toString());
        String restated = "Backend URL missing. Please set VITE_API_URL environment variable.";
        assertEquals(evidence(guardPage(restated, restated), CauseId.CONFIG_MISSING_SECRET),
                evidence(guardPage("ok", restated), CauseId.CONFIG_MISSING_SECRET), 1e-9);
    }
}
