package io.sophia.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped config schema documents exactly the keys the reader accepts, section by section. */
class ConfigSchemaKeysTest {

    @Test
    void everySectionOfTheSchemaListsTheKeysTheReaderAccepts() throws Exception {
        JsonNode schema;
        try (InputStream in = DeploymentConfig.class.getResourceAsStream(DeploymentConfig.SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        JsonNode defs = schema.get("$defs");
        assertEquals(new TreeSet<>(ConfigReader.TOP), keys(schema));
        assertEquals(new TreeSet<>(ConfigReader.SERVICE), keys(defs.get("service")));
        assertEquals(new TreeSet<>(ConfigReader.EXPECT), keys(defs.get("service").get("properties").get("expect")));
        assertEquals(new TreeSet<>(ConfigReader.HTTP), keys(defs.get("service").get("properties").get("http")));
        assertEquals(new TreeSet<>(ConfigReader.OWNER),
                keys(defs.get("service").get("properties").get("owner").get("oneOf").get(1)));
        assertEquals(new TreeSet<>(ConfigReader.PIPELINE), keys(schema.get("properties").get("pipeline")));
        assertEquals(new TreeSet<>(ConfigReader.GITHUB), keys(defs.get("github")));
        assertEquals(new TreeSet<>(ConfigReader.PLATFORM), keys(schema.get("properties").get("platform")));
        assertEquals(new TreeSet<>(ConfigReader.FLY), keys(defs.get("fly")));
        assertEquals(new TreeSet<>(ConfigReader.PROBE), keys(schema.get("properties").get("probe")));
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.get("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }
}
