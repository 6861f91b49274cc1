package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.diagnosis.calibration.Scenario;
import io.sophia.diagnosis.calibration.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Fly health check that fails on a host of the platform's own ("*.fly.internal": the Consul behind Fly's Stolon
 * Postgres, p66-33 from Fly's infra-log of 2025-03-15) weighs for platform.outage and against the app's health check;
 * the same check failing on the app's own private name ("shop-db.internal") does not.
 */
class PlatformHostCheckTest {

    private static Scenario p66_33(String replaceHost) throws IOException {
        Path dir = ScenarioLoader.corpusDirectory();
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("p66-33-")).findFirst().orElseThrow();
        }
        String text = Files.readString(file);
        ScenarioLoader loader = ScenarioLoader.with(LogScanner.builtIn());
        return loader.parse(file, replaceHost == null ? text : text.replace("consul-iad-mt.fly.internal", replaceHost));
    }

    private static Assessment diagnose(Scenario s) {
        return Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
    }

    @Test
    void aCheckFailingOnThePlatformsOwnHostIsThePlatforms() throws IOException {
        Assessment a = diagnose(p66_33(null));
        assertTrue(Fleet.weighs(a, "platform.outage/check-on-platform-host"), a.causes().toString());
        assertNotEquals(CauseId.APP_HEALTHCHECK_FAILING, a.causes().get(0).id(), a.causes().toString());
    }

    @Test
    void aCheckFailingOnTheAppsOwnPrivateNameIsNot() throws IOException {
        Assessment a = diagnose(p66_33("shop-db.internal"));
        assertFalse(Fleet.weighs(a, "platform.outage/check-on-platform-host"), a.causes().toString());
        assertFalse(Fleet.weighs(a, "app.healthcheck-failing/check-on-platform-host"), a.causes().toString());
    }
}
