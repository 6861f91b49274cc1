package io.sophia.report;

import io.sophia.core.testing.HostileJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sophia.diagnosis.InputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment description is written by hand (or is the wrong file): whatever its text, parsing
 * it gives a config or a {@link InputException} naming the file, never another exception and
 * never a hang. The valid base is the config printed in the README.
 */
class ConfigProperties {

    private static final String README_CONFIG = readmeConfig();

    private static String readmeConfig() {
        try {
            String readme = Files.readString(Path.of("../README.md"));
            int start = readme.indexOf("```yaml\n", readme.indexOf("## Probes and the config"));
            String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
            return new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> configs() {
        return Arbitraries.oneOf(HostileJson.variantsOf(README_CONFIG, (1 << 20) + 1024),
                Arbitraries.of("a: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n",
                        "services:\n\t- id: a\n", "--- a\n--- b\n", "!!java.net.URL [\"http://x\"]", "services: *missing\n",
                        "deployment: x\nservices:\n  - id: a\n    url: http://u:p@h:99999999/\n"));
    }

    @Property(tries = 100)
    void anyTextIsAConfigOrATypedError(@ForAll("configs") String text, @ForAll boolean asJson) {
        Path file = Path.of(asJson ? "deploy.json" : "deploy.yaml");
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try {
                DeploymentConfig c = DeploymentConfig.parse(text, file);
                assertFalse(c.deployment().services().isEmpty());
            } catch (InputException expected) {
                assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
                assertFalse(expected.problems().isEmpty());
            }
        });
    }
}
