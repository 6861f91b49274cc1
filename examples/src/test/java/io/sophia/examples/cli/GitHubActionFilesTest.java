package io.sophia.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code action.yml} and the example workflow against the schemas GitHub users' editors and linters
 * validate them with: SchemaStore's {@code github-action.json} and {@code github-workflow.json}
 * (../shared/corpus/schemas, see its SOURCE.md), by networknt's draft-07 validator after YAML -> JSON.
 */
class GitHubActionFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCHEMAS = Path.of(System.getProperty("sophia.corpus", "../../shared/corpus"), "schemas");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private static List<String> violations(String schemaFile, JsonNode document) throws Exception {
        Schema schema = REGISTRY.getSchema(Files.readString(SCHEMAS.resolve(schemaFile)), InputFormat.JSON);
        return schema.validate(JSON.writeValueAsString(document), InputFormat.JSON).stream().map(Error::toString)
                .toList();
    }

    private static JsonNode yaml(Path file) throws Exception {
        return YAML.readTree(Files.readString(file));
    }

    @Test
    void theActionValidatesAgainstSchemaStoresActionSchema() throws Exception {
        JsonNode action = yaml(ROOT.resolve("action.yml"));
        assertEquals(List.of(), violations("github-action.json", action));
        assertEquals("composite", action.at("/runs/using").asText());
        for (String input : List.of("config", "explain", "out", "java-version")) {
            assertTrue(action.at("/inputs").has(input), "input " + input);
        }
    }

    @Test
    void theActionUploadsNothingByItself() throws Exception {
        JsonNode steps = yaml(ROOT.resolve("action.yml")).at("/runs/steps");
        List<String> uses = new ArrayList<>();
        steps.forEach(s -> uses.add(s.path("uses").asText("")));
        assertTrue(uses.stream().noneMatch(u -> u.contains("upload-artifact")), uses::toString);
        assertTrue(uses.stream().anyMatch(u -> u.startsWith("actions/setup-java@")), uses::toString);
    }

    @Test
    void theExampleWorkflowValidatesAndChecksAfterTheDeployJob() throws Exception {
        JsonNode workflow = yaml(ROOT.resolve("examples/workflows/deploy-and-check.yml"));
        assertEquals(List.of(), violations("github-workflow.json", workflow));
        JsonNode check = workflow.at("/jobs/check");
        assertEquals("deploy", check.path("needs").asText());
        assertTrue(check.path("steps").toString().contains("sophia"), check::toString);
    }

    /**
     * The example workflow's Sophia step names this repository's action (the root pom's {@code sophia.repository.url},
     * the one place the address is set) at the tag of the version being built, so a change of address or version
     * cannot leave the example pointing elsewhere.
     */
    @Test
    void theExampleWorkflowUsesThisRepositorysActionAtTheReleasedVersion() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        java.util.regex.Matcher url = java.util.regex.Pattern
                .compile("<sophia.repository.url>https://github.com/([^<]+)</sophia.repository.url>").matcher(pom);
        java.util.regex.Matcher version = java.util.regex.Pattern
                .compile("<artifactId>sophia-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(url.find() && version.find(), "the root pom sets the repository url and the version");
        String expected = url.group(1) + "@v" + version.group(1).replace("-SNAPSHOT", "");

        JsonNode workflow = yaml(ROOT.resolve("examples/workflows/deploy-and-check.yml"));
        List<String> sophia = new ArrayList<>();
        workflow.at("/jobs/check/steps").forEach(s -> {
            if (s.path("name").asText().equals("Sophia")) {
                sophia.add(s.path("uses").asText());
            }
        });
        assertEquals(List.of(expected), sophia);
    }

    @Test
    void theValidatorRejectsWhatGitHubWouldReject() throws Exception {
        // proves the schemas bite: an action without runs.using, with a misspelt key
        ObjectNode broken = (ObjectNode) yaml(ROOT.resolve("action.yml"));
        ((ObjectNode) broken.get("runs")).remove("using");
        broken.put("descripton", "typo");
        List<String> v = violations("github-action.json", broken);
        assertFalse(v.isEmpty());
        assertTrue(v.toString().contains("descripton"), v::toString);

        ObjectNode workflow = (ObjectNode) yaml(ROOT.resolve("examples/workflows/deploy-and-check.yml"));
        ((ObjectNode) workflow.at("/jobs/check")).put("runs-on", 42).put("timeout-minutes", "soon");
        assertFalse(violations("github-workflow.json", workflow).isEmpty());
    }
}
