package io.sophia.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReportTest {

    private static final ObjectMapper M = new ObjectMapper();

    @Test
    void the_reference_report_has_the_design_top_level_fields_in_order() throws Exception {
        JsonNode json = M.readTree(JsonReport.render(ReferenceScenario.assessment()));
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schemaVersion", "deployment", "generatedAt", "services", "pipeline", "diagnosis",
                "anomalies", "impact", "actions", "gate", "observations"), fields);
        assertEquals("1.0", json.get("schemaVersion").asText());
        assertEquals("sophia-ai-v2", json.get("deployment").asText());
        assertEquals("2025-08-23T14:12:55.244Z", json.get("generatedAt").asText());
    }

    @Test
    void six_services_appear_with_exactly_one_up_and_every_contract_field() throws Exception {
        JsonNode services = M.readTree(JsonReport.render(ReferenceScenario.assessment())).get("services");
        assertEquals(6, services.size());
        int up = 0;
        for (JsonNode s : services) {
            List<String> fields = new ArrayList<>();
            s.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("id", "name", "capability", "critical", "url", "status", "httpStatus", "latencyMs",
                    "failure", "version"), fields);
            up += s.get("status").asText().equals("UP") ? 1 : 0;
        }
        assertEquals(1, up);
        JsonNode dashboard = services.get(0);
        assertEquals("dashboard", dashboard.get("id").asText());
        assertTrue(dashboard.get("httpStatus").isNull());
        assertEquals(16, dashboard.get("latencyMs").asLong());
        assertEquals("connection refused", dashboard.get("failure").asText());
    }

    @Test
    void the_pipeline_names_the_run_the_jobs_and_the_failed_step_with_durations_in_ms() throws Exception {
        JsonNode p = M.readTree(JsonReport.render(ReferenceScenario.assessment())).get("pipeline");
        assertEquals(ReferenceScenario.RUN_ID, p.get("run").get("runId").asLong());
        assertEquals("failure", p.get("run").get("conclusion").asText());
        assertEquals(35_000, p.get("run").get("durationMs").asLong());
        assertEquals(ReferenceScenario.FAILED_STEP, p.get("failedStep").asText());
        assertEquals(5, p.get("jobs").size());
        JsonNode dashboardJob = p.get("jobs").get(1);
        assertEquals("failure", dashboardJob.get("conclusion").asText());
        assertEquals(14_000, dashboardJob.get("durationMs").asLong());
        assertEquals(ReferenceScenario.FAILED_STEP, dashboardJob.get("failedStep").asText());
        JsonNode failedStep = dashboardJob.get("steps").get(4);
        assertTrue(failedStep.get("failed").asBoolean());
        assertEquals(9_000, failedStep.get("durationMs").asLong());
    }

    @Test
    void without_ci_observations_the_pipeline_is_null_and_causes_are_empty() throws Exception {
        JsonNode json = M.readTree(JsonReport.render(ReferenceScenario.healthy()));
        assertTrue(json.get("pipeline").isNull());
        assertEquals(0, json.get("diagnosis").get("causes").size());
        assertEquals("OPEN", json.get("gate").get("status").asText());
    }

    @Test
    void causes_carry_rounded_probabilities_confidence_and_evidence_for_and_against() throws Exception {
        String text = JsonReport.render(ReferenceScenario.assessment());
        JsonNode causes = M.readTree(text).get("diagnosis").get("causes");
        JsonNode top = causes.get(0);
        assertEquals("build.dockerfile", top.get("id").asText());
        assertEquals(0.7812, top.get("probability").doubleValue());
        assertEquals("HIGH", top.get("confidence").asText());
        assertTrue(top.get("explanation").asText().contains("failed to solve"));
        assertEquals("for", top.get("evidence").get(0).get("direction").asText());
        assertEquals(2.3026, top.get("evidence").get(0).get("weight").doubleValue());
        assertEquals("against", top.get("evidence").get(2).get("direction").asText());
        assertTrue(text.contains("\"weight\": 2.3026,"), "fixed decimal format");
        double sum = 0;
        for (JsonNode c : causes) {
            sum += c.get("probability").doubleValue();
        }
        assertTrue(sum <= 1.0);
    }

    @Test
    void probabilities_that_round_above_one_are_trimmed_so_the_report_reads_back() {
        // 0.33335 rounds half-even to 0.3334: rounded naively the three would sum to 1.0001
        Assessment base = ReferenceScenario.healthy();
        Assessment a = base.toBuilder().causes(List.of(
                new RankedCause(CauseId.APP_OOM, "OOM", 0.33335, Confidence.LOW, "", List.of(), List.of()),
                new RankedCause(CauseId.APP_CRASH_ON_BOOT, "Crash", 0.33335, Confidence.LOW, "", List.of(), List.of()),
                new RankedCause(CauseId.UNKNOWN, "Unknown", 0.3333, Confidence.LOW, "", List.of(), List.of()))).build();
        String json = JsonReport.render(a);
        Assessment back = JsonReport.read(json);
        double sum = back.causes().stream().mapToDouble(RankedCause::probability).sum();
        assertTrue(sum <= 1.0 + 1e-12, "sum " + sum);
        assertEquals(json, JsonReport.render(back));
    }

    @Test
    void actions_say_their_window_for_humans_and_in_iso_8601() throws Exception {
        JsonNode actions = M.readTree(JsonReport.render(ReferenceScenario.assessment())).get("actions");
        assertEquals("P0", actions.get(0).get("priority").asText());
        assertEquals("1h", actions.get(0).get("within").asText());
        assertEquals("PT1H", actions.get(0).get("withinIso").asText());
        assertEquals(3_600_000, actions.get(0).get("withinMs").asLong());
        assertEquals("30m", actions.get(1).get("within").asText());
        assertEquals("1d", actions.get(3).get("within").asText());
        assertEquals("build.dockerfile", actions.get(0).get("causeId").asText());
    }

    @Test
    void the_gate_lists_each_criterion_with_outcome_value_and_threshold() throws Exception {
        JsonNode gate = M.readTree(JsonReport.render(ReferenceScenario.assessment())).get("gate");
        assertEquals("BLOCKED", gate.get("status").asText());
        assertEquals(25.0, gate.get("score").doubleValue());
        JsonNode first = gate.get("criteria").get(0);
        assertEquals("critical-services-up", first.get("id").asText());
        assertTrue(first.get("key").asBoolean());
        assertEquals("FAIL", first.get("outcome").asText());
        assertEquals("3 of 3 critical services DOWN", first.get("value").asText());
        assertEquals("all critical services UP", first.get("threshold").asText());
    }

    @Test
    void every_observation_is_listed_with_a_type_discriminator() throws Exception {
        Assessment a = ReferenceScenario.withPlatform();
        JsonNode obs = M.readTree(JsonReport.render(a)).get("observations");
        assertEquals(a.observations().size(), obs.size());
        Set<String> types = new TreeSet<>();
        for (JsonNode o : obs) {
            types.add(o.get("type").asText());
        }
        assertEquals(new TreeSet<>(List.of("ci-annotation", "ci-job", "ci-log-read", "ci-run", "condition-check",
                "dns-resolution", "http-check", "log-finding", "mcp-handshake", "platform-machine", "probe-failure",
                "tcp-connect", "tls-handshake", "change-set", "change-set-unavailable")), types);
        assertEquals(new TreeSet<>(io.sophia.report.internal.ObservationTypes.names()), types, "every kind of the sealed family");
    }

    @Test
    void the_same_assessment_renders_to_the_same_bytes() {
        assertEquals(JsonReport.render(ReferenceScenario.withPlatform()), JsonReport.render(ReferenceScenario.withPlatform()));
        assertEquals(JsonReport.render(ReferenceScenario.hostile()), JsonReport.render(ReferenceScenario.hostile()));
    }

    @Test
    void a_report_read_back_renders_to_the_same_bytes() {
        for (Assessment a : List.of(ReferenceScenario.assessment(), ReferenceScenario.withPlatform(),
                ReferenceScenario.hostile(), ReferenceScenario.healthy())) {
            String json = JsonReport.render(a);
            Assessment back = JsonReport.read(json);
            assertEquals(json, JsonReport.render(back));
            assertEquals(a.services(), back.services());
            assertEquals(a.gate(), back.gate());
            assertEquals(a.anomalies(), back.anomalies());
            assertEquals(a.actions(), back.actions());
            assertEquals(a.observations().size(), back.observations().size());
        }
    }

    @Test
    void rendered_reports_conform_to_the_shipped_schema() throws Exception {
        String schema = JsonReport.schema();
        assertTrue(schema.contains("https://json-schema.org/draft/2020-12/schema"));
        for (Assessment a : List.of(ReferenceScenario.assessment(), ReferenceScenario.withPlatform(),
                ReferenceScenario.hostile(), ReferenceScenario.healthy())) {
            List<String> violations = SchemaCheck.violations(schema, JsonReport.render(a));
            assertTrue(violations.isEmpty(), a.deployment() + ": " + violations);
        }
    }

    @Test
    void the_schema_check_catches_a_wrong_enum_and_a_missing_field() throws Exception {
        String json = JsonReport.render(ReferenceScenario.assessment())
                .replace("\"status\": \"BLOCKED\"", "\"status\": \"MAYBE\"")
                .replace("\"deployment\": \"sophia-ai-v2\",", "");
        List<String> violations = SchemaCheck.violations(JsonReport.schema(), json);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/gate/status") && v.contains("enumeration")),
                violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("required property 'deployment' not found")),
                violations.toString());
        assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void the_schema_requires_exactly_the_fields_the_renderer_writes() throws Exception {
        JsonNode schema = M.readTree(JsonReport.schema());
        JsonNode json = M.readTree(JsonReport.render(ReferenceScenario.assessment()));
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(r -> required.add(r.asText()));
        Set<String> written = new TreeSet<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            written.add(it.next());
        }
        assertEquals(written, required);
    }

    @Test
    void garbage_is_a_format_error_not_a_crash() {
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReport.read("{not json"));
        assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
        assertThrows(ReportFormatException.class, () -> JsonReport.read("[1,2]"));
        assertThrows(ReportFormatException.class, () -> JsonReport.read(""));
    }

    @Test
    void a_wrong_value_is_reported_with_its_json_path() {
        String json = JsonReport.render(ReferenceScenario.assessment());
        String badStatus = json.replaceFirst("\"status\": \"DOWN\"", "\"status\": \"SIDEWAYS\"");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReport.read(badStatus));
        assertTrue(e.getMessage().startsWith("$.services[0].status"), e.getMessage());
        assertTrue(e.getMessage().contains("SIDEWAYS"), e.getMessage());

        String badCause = json.replace("\"id\": \"build.dockerfile\"", "\"id\": \"Not A Cause\"");
        e = assertThrows(ReportFormatException.class, () -> JsonReport.read(badCause));
        assertTrue(e.getMessage().startsWith("$.diagnosis.causes[0].id"), e.getMessage());

        String badLatency = json.replaceFirst("\"latencyMs\": 16,", "\"latencyMs\": \"16\",");
        e = assertThrows(ReportFormatException.class, () -> JsonReport.read(badLatency));
        assertEquals("$.services[0].latencyMs: expected an integer", e.getMessage());

        String secondsNotMillis = json.replaceFirst("\"elapsedMs\": 16,", "\"elapsedMs\": 0.016,");
        e = assertThrows(ReportFormatException.class, () -> JsonReport.read(secondsNotMillis));
        assertTrue(e.getMessage().startsWith("$.observations[0].elapsedMs: expected an integer"), e.getMessage());

        String noStatus = json.replaceFirst("\"status\": \"DOWN\",", "");
        e = assertThrows(ReportFormatException.class, () -> JsonReport.read(noStatus));
        assertEquals("$.services[0]: status: missing", e.getMessage());

        String badSource = json.replaceFirst("\"source\": \"http\"", "\"source\": \"travis\"");
        e = assertThrows(ReportFormatException.class, () -> JsonReport.read(badSource));
        assertTrue(e.getMessage().startsWith("$.observations[0].source: 'travis' is not one of [HTTP, MCP, TCP, DNS, TLS, "
                + "GITHUB, FLY, LOG, HOST]"), e.getMessage());

        String badFindingCause = json.replaceFirst("\"causeId\": \"build.dockerfile\",\n      \"line\"",
                "\"causeId\": \"Build Dockerfile\",\n      \"line\"");
        e = assertThrows(ReportFormatException.class, () -> JsonReport.read(badFindingCause));
        assertTrue(e.getMessage().matches("\\$\\.observations\\[\\d+\\]\\.causeId: .*not a dotted lower-case name"), e.getMessage());

        String noGate = json.substring(0, json.indexOf("  \"gate\"")) + json.substring(json.indexOf("  \"observations\""));
        e = assertThrows(ReportFormatException.class, () -> JsonReport.read(noGate));
        assertEquals("$.gate: missing", e.getMessage());
    }

    @Test
    void a_report_of_a_later_minor_version_reads_its_fields_unknown_ones_ignored() throws Exception {
        // what a 1.1 writer may add: a top-level field, fields inside records, an observation kind
        ObjectNode json = (ObjectNode) M.readTree(JsonReport.render(ReferenceScenario.withPlatform()));
        json.put("schemaVersion", "1.1");
        json.putObject("budget").put("checkBudgetMs", 30_000);
        ((ObjectNode) json.get("services").get(0)).put("runbook", "https://runbooks.example/web");
        ((ObjectNode) json.get("diagnosis").get("causes").get(0)).put("nextCheck", "look at the build log");
        ((ObjectNode) json.get("diagnosis")).putArray("missingEvidence").add("fly logs");
        ((ObjectNode) json.get("observations").get(0)).put("retryAfterMs", 5);
        ArrayNode observations = (ArrayNode) json.get("observations");
        observations.insertObject(1).put("type", "k8s-pod").put("serviceId", "api").put("source", "k8s");

        Assessment back = JsonReport.read(M.writeValueAsString(json));

        Assessment original = ReferenceScenario.withPlatform();
        assertEquals("1.1", back.schemaVersion());
        assertEquals(original.services(), back.services());
        assertEquals(original.observations(), back.observations(), "the unknown kind is skipped, the rest kept");
        assertEquals(original.causes().get(0).id(), back.causes().get(0).id());
        assertEquals(original.gate(), back.gate());
    }

    @Test
    void a_report_of_another_major_version_is_refused_by_name() {
        String json = JsonReport.render(ReferenceScenario.assessment()).replace("\"schemaVersion\": \"1.0\"",
                "\"schemaVersion\": \"2.0\"");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReport.read(json));
        assertEquals("$.schemaVersion: '2.0' is of another major version; this reader reads 1.x", e.getMessage());
    }

    @Test
    void an_observation_without_a_type_is_a_format_error() {
        String json = JsonReport.render(ReferenceScenario.assessment()).replaceFirst("\"type\": \"probe-failure\",", "");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReport.read(json));
        assertEquals("$.observations[0]: type: missing", e.getMessage());
    }

    @Test
    void a_token_in_unreadable_input_does_not_reach_the_error_message() {
        String token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReport.read(token));
        assertFalse(e.getMessage().contains(token), e.getMessage());
    }

    @Test
    void gate_status_is_read_back_as_the_enum() {
        Assessment back = JsonReport.read(JsonReport.render(ReferenceScenario.assessment()));
        assertEquals(GateDecision.Verdict.BLOCKED, back.gate().status());
        assertEquals("build.dockerfile", back.topCause().orElseThrow().id().value());
    }
}
