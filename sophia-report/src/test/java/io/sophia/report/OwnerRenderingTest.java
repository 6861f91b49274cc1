package io.sophia.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Assessment;
import io.sophia.core.Owner;
import io.sophia.core.ServiceHealth;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who to call and since when a service is up, in every report format: the reference scenario with the seed
 * report's escalation contacts as owners ({@link ReferenceScenario#withPlatform()}: the dashboard's team, the AI
 * platform team for two MCP servers, MCP Context and Jobs owned by nobody, MCP Repo up since its machine's start).
 */
class OwnerRenderingTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final Assessment OWNED = ReferenceScenario.withPlatform();
    private static final Instant REPO_START = ReferenceScenario.NOW.minusSeconds(86_400);

    @Test
    void markdownNamesTheOwnersInTheServiceTableTheActionsAndTheEscalationSection() {
        String md = MarkdownReport.render(OWNED);

        assertTrue(md.contains("| Service | Endpoint | Status | HTTP | Latency | Failure | Version | Up since | Owner |\n"), md);
        String repo = row(md, "| **MCP Repo**");
        assertTrue(repo.endsWith("| 2025-08-22 14:12 UTC (1 d 00 h) | devtools |"), repo);
        String dashboard = row(md, "| **Dashboard**");
        assertTrue(dashboard.endsWith("| — | frontend (#dashboard-oncall) |"), "no up-since for a DOWN service: " + dashboard);
        assertTrue(row(md, "| **Jobs Service**").endsWith("| — | — |"), "nobody named, nothing invented");

        // the action plan: the first P0 concerns dashboard and mcp-business, so it names both teams in that order
        String fix = row(md, "1. **Fix the Dockerfile build of dashboard and mcp-business**");
        assertTrue(fix.contains("; call frontend (#dashboard-oncall), ai-platform (ai-platform@sophia.example))_"), fix);
        assertTrue(row(md, "1. **Redeploy MCP Repo").contains("call devtools)_"));
        assertFalse(row(md, "2. **Re-run the deploy workflow").contains("call"), "an action without services names nobody");

        List<String> escalation = section(md, "## Escalation");
        assertEquals(List.of(
                "| **ai-platform** | ai-platform@sophia.example | 🔴 `mcp-research` DOWN, 🔴 `mcp-business` DOWN"
                        + " | Research capabilities, Business intelligence"
                        + " | P0 Fix the Dockerfile build of dashboard and mcp-business (within 1 hour) |",
                "| **frontend** | \\#dashboard-oncall | 🔴 `dashboard` DOWN | AI Dashboard — primary user interface"
                        + " | P0 Fix the Dockerfile build of dashboard and mcp-business (within 1 hour) |",
                "| _no owner configured_ | — | 🔴 `mcp-context` DOWN, 🔴 `jobs` DOWN | Context management, Background jobs"
                        + " | — |"),
                escalation.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| Owner")).toList());
        assertTrue(md.indexOf("## Actions") < md.indexOf("## Escalation") && md.indexOf("## Escalation") < md.indexOf("## Gate"),
                "escalation follows the action plan");
        assertTrue(String.join("\n", escalation).contains("without an owner: `owner: {team: …, contact: …}`"));

        // the short form (step summary) names who to call for a service that is down
        assertTrue(MarkdownReport.summary(OWNED).contains("(`dashboard`) DOWN: connection refused — call frontend (#dashboard-oncall)"));
    }

    @Test
    void theTerminalSummaryListsWhoToCallAndSinceWhenAServiceIsUp() {
        String text = TextSummary.render(OWNED);
        List<String> calls = text.lines().dropWhile(l -> !l.startsWith("Call ")).takeWhile(l -> !l.startsWith("Gate "))
                .toList();
        assertEquals(List.of(
                "Call       ai-platform (ai-platform@sophia.example) (P0): mcp-research, mcp-business",
                "           frontend (#dashboard-oncall) (P0): dashboard",
                "           nobody named: mcp-context, jobs"), calls);
        String repo = text.lines().filter(l -> l.contains(" mcp-repo ")).findFirst().orElseThrow();
        assertTrue(repo.endsWith("GitHub integration, up since 2025-08-22 14:12 UTC (1 d 00 h)"), repo);
        assertFalse(TextSummary.render(ReferenceScenario.assessment()).contains("Call "), "no owners, no call list");
        // the hostile owner's escape sequence never reaches a terminal
        assertFalse(TextSummary.render(ReferenceScenario.hostile()).contains("\u001b"));
    }

    @Test
    void htmlHasTheColumnsTheCallsAndTheEscalationTable() {
        String html = HtmlReport.render(OWNED);
        assertTrue(html.contains("<th>Version</th><th>Up since</th><th>Owner</th></tr>"), "service table columns");
        assertTrue(html.contains("<td><time datetime=\"2025-08-22T14:12:55.244Z\">2025-08-22 14:12 UTC (1 d 00 h)</time></td>"
                + "<td><strong>devtools</strong></td></tr>"), "MCP Repo's row");
        assertTrue(html.contains("<span class=\"owners\">call <strong>frontend</strong> #dashboard-oncall, "
                + "<strong>ai-platform</strong> ai-platform@sophia.example</span>"));
        String escalation = html.substring(html.indexOf("<section id=\"escalation\">"), html.indexOf("<section id=\"gate\">"));
        assertTrue(escalation.indexOf("ai-platform") < escalation.indexOf("frontend")
                && escalation.indexOf("frontend") < escalation.indexOf("<em>no owner configured</em>"), escalation);
        assertTrue(escalation.contains("<code>mcp-context</code> DOWN, <code>jobs</code> DOWN"), escalation);
    }

    @Test
    void reportJsonCarriesOwnersUpSinceAndEscalationValidatesAndReadsBack() throws Exception {
        String json = JsonReport.render(OWNED);
        assertEquals(List.of(), SchemaCheck.violations(JsonReport.schema(), json));
        JsonNode root = M.readTree(json);

        JsonNode repo = service(root, "mcp-repo");
        assertEquals(REPO_START.toString(), repo.get("upSince").asText());
        assertEquals("devtools", repo.get("owner").get("team").asText());
        assertTrue(repo.get("owner").get("contact").isNull());
        JsonNode dashboard = service(root, "dashboard");
        assertFalse(dashboard.has("upSince"), "DOWN: no up-since at all, not a null");
        assertEquals("#dashboard-oncall", dashboard.get("owner").get("contact").asText());
        assertFalse(service(root, "jobs").has("owner"));

        assertEquals("[{\"team\":\"frontend\",\"contact\":\"#dashboard-oncall\"},"
                        + "{\"team\":\"ai-platform\",\"contact\":\"ai-platform@sophia.example\"}]",
                root.get("actions").get(0).get("owners").toString());
        assertFalse(root.get("actions").get(1).has("owners"));

        List<String> teams = new ArrayList<>();
        root.get("escalation").forEach(e -> teams.add(e.get("team").isNull() ? "(nobody)" : e.get("team").asText()
                + " " + e.get("priority").asText() + " " + e.get("status").asText() + " " + e.get("serviceIds")));
        assertEquals(List.of("ai-platform P0 DOWN [\"mcp-research\",\"mcp-business\"]",
                "frontend P0 DOWN [\"dashboard\"]", "(nobody)"), teams);
        assertEquals("[\"mcp-context\",\"jobs\"]", root.get("escalation").get(2).get("serviceIds").toString());

        Assessment back = JsonReport.read(json);
        assertEquals(OWNED.services(), back.services(), "owners and up-since read back");
        assertEquals(json, JsonReport.render(back), "escalation and action owners are derived again, byte for byte");
    }

    @Test
    void anOwnerWrittenAsATeamAloneReadsAsOne() {
        String json = JsonReport.render(OWNED).replace(
                "\"owner\": {\n        \"team\": \"devtools\",\n        \"contact\": null\n      }", "\"owner\": \"devtools\"");
        assertTrue(json.contains("\"owner\": \"devtools\""), "the replacement took");
        assertEquals(Owner.of("devtools"), JsonReport.read(json).service("mcp-repo").map(ServiceHealth::owner).orElseThrow());
    }

    @Test
    void withoutAnyOwnerEveryFormatStaysAsItWas() {
        Assessment plain = ReferenceScenario.assessment();
        String md = MarkdownReport.render(plain);
        assertFalse(md.contains("## Escalation"));
        assertTrue(md.contains("| Service | Endpoint | Status | HTTP | Latency | Failure | Version |\n"), "no empty columns");
        assertFalse(md.contains("call "));
        String json = JsonReport.render(plain);
        assertFalse(json.contains("\"escalation\""));
        assertFalse(json.contains("\"owner"));
        assertFalse(json.contains("\"upSince\""));
        assertFalse(HtmlReport.render(plain).contains("id=\"escalation\""));
    }

    @Test
    void aLargeFleetNamesTwelveServicesPerOwnerAndCountsTheRest() throws Exception {
        List<ServiceHealth> services = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            services.add(ServiceHealth.builder("svc-" + i, io.sophia.core.Status.DOWN).failure("connection refused")
                    .owner(i == 0 ? Owner.of("core") : null).build());
        }
        Assessment big = new Assessment(Assessment.SCHEMA_VERSION, "fleet", ReferenceScenario.NOW, services, List.of(),
                List.of(), List.of(), null, List.of(), OWNED.gate(), null);
        String row = section(MarkdownReport.render(big), "## Escalation").stream()
                .filter(l -> l.startsWith("| _no owner configured_")).findFirst().orElseThrow();
        assertTrue(row.contains("`svc-12` DOWN, and 487 more |"), row);
        assertFalse(row.contains("svc-13"), row);
        assertTrue(HtmlReport.render(big).contains("<code>svc-12</code> DOWN, and 487 more</td>"));
        assertEquals(499, M.readTree(JsonReport.render(big)).get("escalation").get(1).get("serviceIds").size(),
                "report.json lists every one");
    }

    private static JsonNode service(JsonNode root, String id) {
        for (JsonNode s : root.get("services")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no service " + id);
    }

    private static String row(String md, String prefix) {
        return md.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix));
    }

    private static List<String> section(String md, String heading) {
        int from = md.indexOf(heading + "\n");
        assertTrue(from >= 0, heading);
        int to = md.indexOf("\n## ", from + 1);
        return md.substring(from, to < 0 ? md.length() : to).lines().toList();
    }
}
