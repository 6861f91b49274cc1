package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reading of the forty-fourth session's rule writer r44-h149 (Facts.probeFact): a look at a DOWN dependency's host
 * whose record says the kernel killed its process for memory ("Out of memory: Killed process 611 (mariadbd)",
 * "mariadb.service: Failed with result 'oom-kill'", systemd/systemd#36529, h152-25's source) makes that dependency the
 * root of its dependents' chain, as its own answer naming its memory already did (p160-23). Before, the site's
 * dependency on the dead database stated dependency.down at 0.72 over the memory the look names.
 */
class HundredSixtySeventhRoundReadingTest {

    @Test
    void aDependencyTheKernelKilledForMemoryIsTheRootOfItsChain() throws IOException {
        String id = "h152-25-app-oom-mariadb-oom-killed-stays-dead-restart-on-abort";
        ShapeRound.leadWith(Map.of(id, "app.oom"));
        Assessment a = Fleet.scenario(id);
        RankedCause down = a.causes().stream().filter(c -> c.id().value().equals("dependency.down")).findFirst().orElseThrow();
        // the chain is read as one whose dependency names its own failure, not as a bare dependency down
        assertTrue(down.evidence().stream().anyMatch(e -> "dependency.down/dependency-own-error".equals(e.ruleId())),
                down.evidence().toString());
        assertTrue(down.evidence().stream().noneMatch(e -> "dependency.down/dependency-down".equals(e.ruleId())),
                down.evidence().toString());
    }
}
