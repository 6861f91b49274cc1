package io.sophia.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sophia.core.ServiceKind;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.Sophia;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The config printed in the root README is a valid deployment description, key for key. */
class ReadmeConfigTest {

    @Test
    void theReadmeConfigParsesAndEnablesEveryProbeItNames() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```yaml\n", readme.indexOf("## Probes and the config"));
        assertTrue(start > 0, "the README has a yaml block under its probes section");
        String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
        // the rules file it names is the user's own; give it an empty one beside the config
        Path dir = Files.createTempDirectory("readme");
        Files.writeString(dir.resolve("my-rules.yaml"), "causes: {}\n");
        Path config = dir.resolve("deploy.yaml");
        Files.writeString(config, yaml);

        DeploymentConfig c = DeploymentConfig.load(config);
        assertEquals(3, c.deployment().services().size());
        assertEquals(ServiceKind.MCP, c.deployment().service("tools").orElseThrow().kind());
        assertEquals(ServiceKind.TCP, c.deployment().service("db").orElseThrow().kind());
        assertNotNull(c.github());
        assertEquals(2, c.fly().apps().size());
        assertTrue(c.gate().scoreThresholds().isPresent(), "the gate section is read with the config");
        // the gate section and the rule file are only checked when the run is planned
        assertEquals(3 + 3 + 2 + 1 + 1, Sophia.builder(c).env(name -> null).build()
                .plan().probes().size(),
                "api: http+dns+tls, tools: mcp+dns+tls, db: tcp+dns, github, fly");
    }
}
