package io.sophia.diagnosis.internal.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Session 45 (r45-p205): {@link Facts#commitOf} reads the commit a service's reported version names, bare or behind
 * docker/metadata-action's "sha-" prefix (its {@code type=sha} tag's default, "sha-3c9e1a7"), so that a service serving
 * the run's commit is seen as such (p205-11: a rollout wait that gave up while production already served "sha-3c9e1a7").
 */
class VersionCommitTest {

    @Test
    void aBareHashOrOneBehindShaPrefixNamesACommit() {
        assertEquals("3c9e1a7", Facts.commitOf("sha-3c9e1a7"));
        assertEquals("3c9e1a7", Facts.commitOf("SHA-3C9E1A7"));
        assertEquals("4f2a9c1d", Facts.commitOf("4f2a9c1d"));
    }

    @Test
    void aReleaseNumberOrAnotherPrefixNamesNone() {
        assertNull(Facts.commitOf("7.3.0"));
        assertNull(Facts.commitOf("worker-2026.12.15.3"));
        assertNull(Facts.commitOf("sha-3c9e"));
        assertNull(Facts.commitOf("sha256:3c9e1a7b"));
        assertNull(Facts.commitOf(null));
    }
}
