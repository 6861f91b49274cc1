package io.sophia.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Assessment;
import io.sophia.report.internal.ObservationTypes;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated reports against the shipped report.schema.json with a real JSON Schema 2020-12
 * validator (networknt, see {@link SchemaCheck}), and the schema's versioning rule: a report of a
 * later minor version, with fields and an observation kind this version does not know, still
 * validates and reads.
 */
class ReportSchemaTest {

    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void every_generated_report_conforms_to_the_shipped_schema() throws Exception {
        Map<String, String> reports = new java.util.LinkedHashMap<>();
        reports.put("demo (written by the CLI)", Files.readString(Path.of("src/test/resources/golden/demo.report.json")));
        for (Map.Entry<String, Assessment> e : Map.of("reference", ReferenceScenario.assessment(),
                "with-platform", ReferenceScenario.withPlatform(), "hostile", ReferenceScenario.hostile(),
                "healthy", ReferenceScenario.healthy(), "sparse", SparseAssessmentTest.sparse()).entrySet()) {
            reports.put(e.getKey(), JsonReport.render(e.getValue()));
        }
        for (Map.Entry<String, String> r : reports.entrySet()) {
            List<String> violations = SchemaCheck.violations(JsonReport.schema(), r.getValue());
            assertTrue(violations.isEmpty(), r.getKey() + ": " + violations);
        }
    }

    @Test
    void a_later_minor_version_with_new_fields_and_a_new_kind_validates_and_reads() throws Exception {
        ObjectNode json = (ObjectNode) M.readTree(JsonReport.render(ReferenceScenario.withPlatform()));
        json.put("schemaVersion", "1.4");
        json.put("checkBudgetMs", 30_000);
        ((ObjectNode) json.get("gate")).put("policy", "default");
        ((ObjectNode) json.get("diagnosis").get("causes").get(0)).put("nextCheck", "the registry's status page");
        ((ObjectNode) json.get("pipeline").get("jobs").get(0)).put("runnerGroup", "default");
        json.withArray("observations").addObject().put("type", "k8s-pod").put("serviceId", "api").put("source", "k8s");
        String later = M.writeValueAsString(json);

        assertEquals(List.of(), SchemaCheck.violations(JsonReport.schema(), later));
        assertEquals(ReferenceScenario.withPlatform().observations(), JsonReport.read(later).observations());
    }

    @Test
    void what_the_schema_forbids_is_caught_with_its_location() throws Exception {
        ObjectNode json = (ObjectNode) M.readTree(JsonReport.render(ReferenceScenario.withPlatform()));
        ((ObjectNode) json.get("services").get(0)).put("latencyMs", -1);
        ((ObjectNode) json.get("observations").get(0)).put("type", "Not A Type");
        json.put("generatedAt", "yesterday");
        json.put("schemaVersion", "2.0");
        List<String> violations = SchemaCheck.violations(JsonReport.schema(), M.writeValueAsString(json));
        List<String> where = new ArrayList<>();
        violations.forEach(v -> where.add(v.substring(0, v.indexOf(':'))));
        assertEquals(new TreeSet<>(List.of("/services/0/latencyMs", "/observations/0/type", "/generatedAt",
                "/schemaVersion")), new TreeSet<>(where), violations.toString());
    }

    @Test
    void the_schema_has_required_fields_for_exactly_the_observation_kinds_of_the_sealed_family() throws Exception {
        TreeSet<String> inSchema = new TreeSet<>();
        M.readTree(JsonReport.schema()).at("/$defs/observation/allOf")
                .forEach(rule -> inSchema.add(rule.at("/if/properties/type/const").asText()));
        assertEquals(new TreeSet<>(ObservationTypes.names()), inSchema);
        assertEquals(io.sophia.core.Observation.class.getPermittedSubclasses().length, inSchema.size());
    }
}
