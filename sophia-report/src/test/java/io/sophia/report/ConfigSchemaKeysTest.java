package io.sophia.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped config schema documents exactly the keys the reader binds (the record components), section by section. */
class ConfigSchemaKeysTest {

    @Test
    void everySectionOfTheSchemaListsTheKeysTheReaderAccepts() throws Exception {
        JsonNode schema;
        try (InputStream in = DeploymentConfig.class.getResourceAsStream(DeploymentConfig.SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        JsonNode defs = schema.get("$defs");
        JsonNode props = schema.get("properties");
        assertEquals(components(ConfigDocument.class), keys(schema));
        assertEquals(components(ConfigDocument.ServiceDoc.class), keys(defs.get("service")));
        assertEquals(components(ConfigDocument.ExpectDoc.class), keys(defs.get("service").get("properties").get("expect")));
        assertEquals(components(ConfigDocument.HttpDoc.class), keys(defs.get("service").get("properties").get("http")));
        assertEquals(components(ConfigDocument.OwnerDoc.class),
                keys(defs.get("service").get("properties").get("owner").get("oneOf").get(1)));
        assertEquals(components(ConfigDocument.PipelineDoc.class), keys(props.get("pipeline")));
        assertEquals(components(ConfigDocument.GitHubDoc.class), keys(defs.get("github")));
        assertEquals(components(ConfigDocument.PlatformDoc.class), keys(props.get("platform")));
        assertEquals(components(ConfigDocument.FlyDoc.class), keys(defs.get("fly")));
        assertEquals(components(ConfigDocument.ProbeDoc.class), keys(props.get("probe")));
        assertEquals(components(ConfigDocument.AlertsDoc.class), keys(props.get("alerts")));
    }

    /** The keys a section accepts: the components of the record Jackson binds it to. */
    private static Set<String> components(Class<? extends Record> section) {
        Set<String> out = new TreeSet<>();
        for (RecordComponent c : section.getRecordComponents()) {
            out.add(c.getName());
        }
        return out;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.get("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }
}
