package io.sophia.report;

import io.sophia.probes.HttpProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12: a host states a service's HTTP settings by name, starting from the defaults, not in nine positions. */
class HttpSettingsBuilderTest {

    @Test
    void theBuilderStartsFromTheDefaults() {
        DeploymentConfig.HttpSettings d = DeploymentConfig.HttpSettings.DEFAULTS;
        assertEquals(d, DeploymentConfig.HttpSettings.builder().build());
        assertEquals(new DeploymentConfig.HttpSettings(Map.of(), null, null, null, null, null,
                HttpProbe.Redirects.NONE, 0, true), DeploymentConfig.HttpSettings.builder().build());
    }

    @Test
    void everyPartIsSetByNameAndEqualsTheCanonicalConstructor() {
        DeploymentConfig.HttpSettings s = DeploymentConfig.HttpSettings.builder().headers(Map.of("X-Env", "staging"))
                .tokenEnv("API_TOKEN").trustStore(Path.of("ca.pem")).trustStorePasswordEnv("TS_PASS")
                .clientCertificate(Path.of("client.p12")).clientCertificatePasswordEnv("CC_PASS")
                .redirects(HttpProbe.Redirects.SAME_HOST).maxRedirects(3).proxyFromEnv(false).build();

        assertEquals(new DeploymentConfig.HttpSettings(Map.of("X-Env", "staging"), "API_TOKEN", Path.of("ca.pem"),
                "TS_PASS", Path.of("client.p12"), "CC_PASS", HttpProbe.Redirects.SAME_HOST, 3, false), s);
    }

    @Test
    void onlyWhatIsToldChangesAndNullsNormaliseAsInTheConstructor() {
        DeploymentConfig.HttpSettings s = DeploymentConfig.HttpSettings.builder().tokenEnv("API_TOKEN").headers(null)
                .redirects(null).build();

        assertEquals(new DeploymentConfig.HttpSettings(Map.of(), "API_TOKEN", null, null, null, null,
                HttpProbe.Redirects.NONE, 0, true), s);
        assertEquals(true, s.proxyFromEnv());
    }
}
