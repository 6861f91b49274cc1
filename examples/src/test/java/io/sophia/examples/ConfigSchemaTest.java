package io.sophia.examples;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sophia.examples.demo.DemoFleet;
import io.sophia.diagnosis.InputException;
import io.sophia.report.DeploymentConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON Schema shipped with the library ({@link DeploymentConfig#SCHEMA_RESOURCE}) agrees with the
 * configs Sophia accepts: every example config, the README's and the demo's pass it; configs Sophia
 * rejects for a shape reason fail it too.
 */
class ConfigSchemaTest {

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = DeploymentConfig.class.getResourceAsStream(DeploymentConfig.SCHEMA_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
        }
    }

    static Stream<Path> exampleConfigs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            List<Path> configs = files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
            assertFalse(configs.isEmpty(), "examples/config holds example configs");
            return configs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("exampleConfigs")
    void everyExampleConfigPassesTheSchemaAndSophia(Path config) throws IOException {
        List<Error> errors = schema.validate(Files.readString(config), format(config));
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), config.toString());
        DeploymentConfig.load(config);
    }

    @Test
    void theReadmeConfigAndTheDemoConfigPassTheSchema() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```yaml\ndeployment:");
        assertTrue(start > 0, "the README has a config block");
        String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
        assertEquals(List.of(), schema.validate(yaml, InputFormat.YAML).stream().map(Error::toString).toList());

        try (DemoFleet fleet = DemoFleet.start()) {
            String demo = fleet.configYaml(Duration.ofSeconds(2), 1);
            assertEquals(List.of(), schema.validate(demo, InputFormat.YAML).stream().map(Error::toString).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "services: [{id: a, url: 'http://x/'}]\n",                                        // no deployment
            "deployment: d\nservices: [{id: a, url: 'http://x/', critical: maybe}]\n",          // not a boolean
            "deployment: d\nservices: [{id: a, url: 'http://x/', dependOn: [b]}]\n",            // unknown key
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\nprobe: {timeout: 5}\n",       // no unit
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\nprobe: {retries: -1}\n",      // negative
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\npipeline: {github: {repository: o/r, runId: 1,"
                    + " apiUrl: 'http://h:70000'}}\n",                                          // port
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\npipeline: {github: {repository: o/r}}\n",
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\ngate: {tlsExpiryDayz: 3}\n",
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\nalerts: {webhooks: [{urlEnv: 5LACK}]}\n",
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\nalerts: {webhooks: [ftp://x/]}\n",
            "deployment: d\nservices: [{id: a, url: 'http://x/'}]\nalerts: {hooks: []}\n"
    })
    void configsSophiaRejectsForTheirShapeFailTheSchemaToo(String yaml) {
        assertFalse(schema.validate(yaml, InputFormat.YAML).isEmpty(), yaml);
        assertThrows(InputException.class, () -> DeploymentConfig.parse(yaml, Path.of("c.yaml")), yaml);
    }

    private static InputFormat format(Path file) {
        return file.toString().endsWith(".json") ? InputFormat.JSON : InputFormat.YAML;
    }
}
