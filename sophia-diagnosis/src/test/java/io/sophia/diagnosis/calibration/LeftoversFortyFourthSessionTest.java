package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What session 44 mended in the reasoning for misses of the tuning sets that no indication could: an app refused at the
 * loopback beside its pod's crashed proxy sidecar (h147-24, GoogleCloudPlatform/cloud-sql-proxy#655: gce-proxy
 * 1.20.1's "errors parsing config: ... exec: \"gcloud\": executable file not found in $PATH"; p196-03,
 * GoogleCloudPlatform/cloud-sql-proxy#949: the proxy's first start failing before the mesh sidecar), read as a client's
 * default host for want of a setting; queue workers whose store's compose name does not resolve (p197-31,
 * dragonflydb/dragonfly#782: "Error: getaddrinfo ENOTFOUND immich_redis"), their words not counted because the store is
 * DOWN, for that very name; a CronJob's pod backing off pulling a tag the registry's tag list does not hold (p197-30,
 * kubernetes/kubernetes#101584: 'Back-off pulling image "my.private.artifactory/myimage:mytag"').
 */
class LeftoversFortyFourthSessionTest {

    @Test
    void aLoopbackRefusalBesideASidecarsRestartIsTheSidecarsCrash(@TempDir Path dir) throws Exception {
        for (String id : new String[] {"h147-24-", "p196-03-"}) {
            Assessment a = diagnose(file(id));
            assertEquals(CauseId.APP_CRASH_ON_BOOT, a.topCause().orElseThrow().id(), id + a.causes());
            assertTrue(p(a, "config.missing-secret") < 0.1, id + " no setting is missing: " + a.causes());
        }
        // the proxy's current log, not its previous one: nothing says it restarted, the refusal is read as before
        Path original = file("p196-03-");
        Path current = edited(dir, original, "-c cloudsql-proxy --previous", "-c cloudsql-proxy");
        Assessment c = diagnose(current);
        assertNotEquals(CauseId.APP_CRASH_ON_BOOT, c.topCause().orElseThrow().id(), c.causes().toString());
        // a restart of another pod's container says nothing of this pod's loopback
        Path d = Files.createDirectories(dir.resolve("other-pod"));
        Assessment other = diagnose(edited(d, original, "kubectl logs billing-api-7f6c9d-xk2lp -c cloudsql-proxy",
                "kubectl logs billing-api-7f6c9d-q8w3n -c cloudsql-proxy"));
        assertNotEquals(CauseId.APP_CRASH_ON_BOOT, other.topCause().orElseThrow().id(), other.causes().toString());
        // p196-14 (cloud-sql-proxy#162): the proxy's own log says its credentials file is absent; seen at its previous
        // instance, beside the app's refusal at the loopback, it is still the missing secret, not a crash to explain
        Path e = Files.createDirectories(dir.resolve("own-words"));
        Assessment own = diagnose(edited(e, file("p196-14-"), "kubectl logs deploy/api -c cloudsql-proxy'",
                "kubectl logs deploy/api -c cloudsql-proxy --previous'"));
        assertEquals(CauseId.CONFIG_MISSING_SECRET, own.topCause().orElseThrow().id(), own.causes().toString());
    }

    @Test
    void aDependentsWordsForADependencyDownOnlyByItsNameAreTheNamesEvidence(@TempDir Path dir) throws Exception {
        Path original = file("p197-31-");
        Assessment a = diagnose(original);
        assertEquals(CauseId.NETWORK_DNS, a.topCause().orElseThrow().id(), a.causes().toString());
        assertTrue(p(a, "unknown") < 0.2, "the store's DOWN is the name's failure: " + a.causes());
        // the store's name withdrawn because its container restarts: the store is down, the name is not the fault
        Assessment restarting = diagnose(edited(dir, original, "detail: ENOTFOUND photos_redis",
                "detail: ENOTFOUND photos_redis (container restarting)"));
        assertNotEquals(CauseId.NETWORK_DNS, restarting.topCause().orElseThrow().id(), restarting.causes().toString());
        // a line naming another name than the store's says nothing of the store's
        Path d = Files.createDirectories(dir.resolve("other-name"));
        Path once = edited(d, original, "ENOTFOUND photos_redis  at", "ENOTFOUND photos_cache  at");
        Path d2 = Files.createDirectories(dir.resolve("other-name-2"));
        Assessment other = diagnose(edited(d2, once, "hostname: ''photos_redis''", "hostname: ''photos_cache''"));
        assertTrue(p(other, "network.dns") < p(a, "network.dns"), other.causes().toString());
    }

    @Test
    void aTagTheRegistryDoesNotListIsAnImageNotFound(@TempDir Path dir) throws Exception {
        Path original = file("p197-30-");
        Assessment a = diagnose(original);
        assertEquals(CauseId.IMAGE_NOT_FOUND, a.topCause().orElseThrow().id(), a.causes().toString());
        // the tag listed: the back-off names no reason, the missing tag is not read
        Assessment listed = diagnose(edited(dir, original, "\"2026.12.08\"]", "\"2026.12.08\",\"2026.12.09-rc\"]"));
        assertTrue(p(listed, "image.not-found") < 0.2, listed.causes().toString());
        // one page of the list may not hold every tag
        Path d = Files.createDirectories(dir.resolve("paged"));
        Assessment paged = diagnose(edited(d, original, "rail-sync/tags/list", "rail-sync/tags/list?n=2"));
        assertTrue(p(paged, "image.not-found") < 0.2, paged.causes().toString());
        // another repository's list says nothing of this one's tags
        Path e = Files.createDirectories(dir.resolve("other-repository"));
        Assessment other = diagnose(edited(e, original, "{\"name\":\"sync/rail-sync\"", "{\"name\":\"sync/rail-export\""));
        assertTrue(p(other, "image.not-found") < 0.2, other.causes().toString());
        // the same JSON from a look that is no tag listing (an app's status has a "name" and "tags" too) lists nothing
        Path f = Files.createDirectories(dir.resolve("no-listing"));
        Assessment status = diagnose(edited(f, original, "v2/sync/rail-sync/tags/list", "api/sync/rail-sync/status"));
        assertTrue(p(status, "image.not-found") < 0.2, status.causes().toString());
    }
}
