package io.sophia.diagnosis.internal.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review 44: a "kubectl logs POD -c NAME --previous" look is a restart only when it shows a previous instance's log;
 * kubectl's refusal for a container that never restarted (kubernetes/kubectl's wording: previous terminated container
 * "proxy" in pod "web-1" not found) or an empty answer is no restart, so it cannot name a sidecar's crash.
 */
class PreviousLogLookTest {

    @Test
    void aPreviousLogIsARestartOnlyWhenItShowsOne() {
        assertTrue(Facts.showsPreviousLog("errors parsing config: exec: \"gcloud\": executable file not found in $PATH"));
        assertFalse(Facts.showsPreviousLog(
                "Error from server (BadRequest): previous terminated container \"cloud-sql-proxy\" in pod \"web-7c9f-2x\" not found"));
        assertFalse(Facts.showsPreviousLog("previous terminated container \"proxy\" in pod \"web-1\" not found"));
        assertFalse(Facts.showsPreviousLog("Error from server (NotFound): pods \"web-1\" not found"));
        assertFalse(Facts.showsPreviousLog("   "));
        assertFalse(Facts.showsPreviousLog(null));
        // a log that quotes the words later is still a log
        assertTrue(Facts.showsPreviousLog("2026-12-07 fatal: dial tcp 127.0.0.1:5432: connection refused"));
    }
}
