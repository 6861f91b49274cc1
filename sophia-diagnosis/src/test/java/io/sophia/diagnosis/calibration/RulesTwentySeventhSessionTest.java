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
}
