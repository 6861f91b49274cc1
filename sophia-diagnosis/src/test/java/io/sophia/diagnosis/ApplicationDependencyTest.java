package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A front answering 502 over a DOWN dependency: when the dependency is a datastore the chain is the classic
 * dependency.down, stated strongly; when it is an application (nginx's upstream on loopback, p101-29: a Django backend
 * refusing behind nginx, down for a setting of its own) the chain is read weakly, below the one-source level, since such
 * a root was dependency.down 25 times of 66 in the tuning corpus.
 */
class ApplicationDependencyTest {

    private static Assessment frontOver(String dependencyId, String dependencyUrl) {
        Deployment d = new Deployment("escrow", List.of(
                Service.builder("front", "https://escrow.example.com/").name("Front").critical()
                        .dependsOn(dependencyId).build(),
                Service.builder(dependencyId, dependencyUrl).kind(ServiceKind.TCP).build()));
        List<Observation> o = List.of(
                Fleet.failure("front", "http", FailureKind.UNEXPECTED_STATUS, 502, "HTTP 502"),
                Fleet.failure(dependencyId, "tcp", FailureKind.CONNECTION_REFUSED, null, "connection refused"));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    private static double probability(Assessment a, CauseId id) {
        return a.causes().stream().filter(c -> c.id().equals(id)).mapToDouble(RankedCause::probability).findFirst()
                .orElse(0);
    }

    @Test
    void aDownDatastoreBehindAFrontIsStatedStrongly() {
        Assessment a = frontOver("postgres", "tcp://10.0.3.12:5432");
        assertEquals(CauseId.DEPENDENCY_DOWN, a.causes().get(0).id(), a.causes().toString());
        assertTrue(Fleet.weighs(a, "dependency.down/dependency-down"), a.causes().toString());
        assertFalse(Fleet.weighs(a, "dependency.down/dependency-down-application"), a.causes().toString());
        assertTrue(probability(a, CauseId.DEPENDENCY_DOWN) >= 0.85, a.causes().toString());
    }

    @Test
    void aDownApplicationBehindAFrontIsAWeakChain() {
        Assessment a = frontOver("crypt-app", "tcp://127.0.0.1:8001");
        assertTrue(Fleet.weighs(a, "dependency.down/dependency-down-application"), a.causes().toString());
        assertFalse(Fleet.weighs(a, "dependency.down/dependency-down"), a.causes().toString());
        assertTrue(probability(a, CauseId.DEPENDENCY_DOWN) < 0.6, a.causes().toString());
        assertTrue(a.causes().get(0).evidence().stream().anyMatch(e -> e.text().contains("an application")
                ) || a.causes().stream().anyMatch(c -> c.evidence().stream().anyMatch(e -> e.text().contains(
                "crypt-app is an application"))), a.causes().toString());
    }
}
