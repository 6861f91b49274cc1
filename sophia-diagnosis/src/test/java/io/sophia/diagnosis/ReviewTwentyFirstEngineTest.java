package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 21's engine changes (rules21a, rules21b, rules21c and the lead's follow-ups): unusual input that
 * the new code paths must take without throwing.
 */
class ReviewTwentyFirstEngineTest {

    /**
     * A log finding of app.healthcheck-failing given without an indication (an embedder's own finding: the indication
     * is optional) matched a log rule of that cause, and the source family check for flyctl's wait lines asked
     * {@code Set.of(...).contains(null)}, which throws NullPointerException.
     */
    @Test
    void aHealthCheckFindingWithoutAnIndicationIsDiagnosed() {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Shop", ServiceKind.HTTP)));
        List<Observation> o = List.of(Fleet.refused("web"), Fleet.deployJob("web", 7, "deploy", "failure", 120),
                new Observation.LogFinding("web", Source.GITHUB, 7, "deploy", "Deploy", 42, null,
                        CauseId.APP_HEALTHCHECK_FAILING, "Health check on port 8080 has failed. Your app is not responding",
                        List.of(), 0.95));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(CauseId.APP_HEALTHCHECK_FAILING, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * rules21b's loopback in downNames (Facts, for dependency.down/refused-at-declared-loopback) ignored the port and the
     * line's own service. A DOWN api declared at http://127.0.0.1:8080 that web depends on, whose own log is refused at
     * 127.0.0.1:5432 (a Postgres default no setting changed), was read as refused at a declared dependency's loopback:
     * dependency.down at 0.9, though api depends on nothing. Fixed in session 22: a declared loopback is its port.
     */
    @Test
    void aLoopbackLineOfTheDownServiceItselfOnAnotherPortIsNoDeclaredDependency() {
        Service api = Service.builder("api", "http://127.0.0.1:8080/health").name("API").kind(ServiceKind.HTTP)
                .capability("API").critical().build();
        Service web = Service.builder("web", "https://web.example.com/").name("Web").kind(ServiceKind.HTTP)
                .capability("Site").critical().dependsOn("api").build();
        Deployment d = new Deployment("shop", List.of(web, api));
        List<Observation> o = List.of(Fleet.refused("web"), Fleet.refused("api"),
                Fleet.deployJob("api", 7, "deploy", "failure", 120),
                new Observation.LogFinding("api", Source.GITHUB, 7, "deploy", "Deploy", 42, "config.local-default-database",
                        CauseId.of("config.missing-secret"), "Error: connect ECONNREFUSED 127.0.0.1:5432", List.of(), 0.9));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(CauseId.of("config.missing-secret"), a.causes().get(0).id(), a.causes().toString());
    }

    private static Assessment refusedOnWebsLog(String line) {
        // an id the line's words do not name, so that only its address can
        Service redis = Service.builder("kv", "tcp://127.0.0.1:6379").name("Sessions").kind(ServiceKind.TCP)
                .capability("Cache").build();
        Service web = Service.builder("web", "https://deals.example.com/up").name("Web").kind(ServiceKind.HTTP)
                .capability("Site").critical().dependsOn("kv").build();
        Deployment d = new Deployment("deals", List.of(web, redis));
        List<Observation> o = List.of(Fleet.refused("web"), Fleet.refused("kv"),
                Fleet.deployJob("web", 7, "deploy", "failure", 120),
                new Observation.LogFinding("web", Source.GITHUB, 7, "deploy", "Deploy", 42,
                        "config.local-default-redis-ruby", CauseId.of("config.missing-secret"), line, List.of(), 0.9));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * The other side of the fix (p99-04's shape): a refusal at the declared Redis's own loopback port in its dependent's
     * log names that service; the same words at another port name nothing declared.
     */
    @Test
    void aLoopbackLineAtTheDeclaredPortNamesTheDownDependency() {
        Assessment atPort = refusedOnWebsLog("Error connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED)");
        assertTrue(Fleet.weighs(atPort, "dependency.down/refused-at-declared-loopback"), atPort.causes().toString());
        Assessment otherPort = refusedOnWebsLog("Error connecting to Redis on 127.0.0.1:6380 (Errno::ECONNREFUSED)");
        assertFalse(Fleet.weighs(otherPort, "dependency.down/refused-at-declared-loopback"),
                otherPort.causes().toString());
    }
}
