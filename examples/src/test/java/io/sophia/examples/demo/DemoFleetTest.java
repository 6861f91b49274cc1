package io.sophia.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.report.DeploymentConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's stand-ins answer real HTTP the way the services, GitHub and Fly.io do in the reference scenario. */
class DemoFleetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENT = Duration.ofSeconds(30);
    private static DemoFleet fleet;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        fleet = DemoFleet.start();
        // hang guards, far above what a loopback answer needs: a machine that stalls for seconds fails no request
        http = HttpClient.newBuilder().connectTimeout(PATIENT).build();
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static URI url(String id) {
        return fleet.serviceUrls().get(id);
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(PATIENT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(PATIENT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHealthyMcpServerCompletesAStreamableHttpHandshake() throws Exception {
        URI mcp = url("mcp-repo");
        HttpResponse<String> init = post(mcp, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",
                 "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}""", Map.of());
        assertEquals(200, init.statusCode());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        JsonNode result = JSON.readTree(init.body()).get("result");
        assertEquals("2025-06-18", result.get("protocolVersion").asText(),
                "an unsupported requested version is answered with the server's latest");
        assertEquals("mcp-repo", result.at("/serverInfo/name").asText());
        assertTrue(result.at("/capabilities/tools").isObject());

        HttpResponse<String> initialized = post(mcp, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"));
        assertEquals(202, initialized.statusCode());

        HttpResponse<String> tools = post(mcp, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"));
        assertEquals(200, tools.statusCode());
        assertEquals(3, JSON.readTree(tools.body()).at("/result/tools").size());

        HttpResponse<String> ping = post(mcp, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
                Map.of("Mcp-Session-Id", session));
        assertTrue(JSON.readTree(ping.body()).get("result").isObject());
    }

    @Test
    void aModernEraRequestGetsTodaysServersBadRequestSoClientsFallBack() throws Exception {
        HttpResponse<String> discover = post(url("mcp-repo"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":"
                        + "{\"modelcontextprotocol.io/protocolVersion\":\"2026-07-28\"}}}",
                Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "server/discover"));
        assertEquals(400, discover.statusCode());
        JsonNode error = JSON.readTree(discover.body()).get("error");
        assertEquals(-32000, error.get("code").asInt());
        assertEquals("Bad Request: Server not initialized", error.get("message").asText());

        HttpResponse<String> lost = post(url("mcp-repo"), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                Map.of("Mcp-Session-Id", "no-such-session"));
        assertEquals(404, lost.statusCode(), "an unknown session is gone");
    }

    @Test
    void theHealthyMcpServerReportsItsVersionAsJson() throws Exception {
        HttpResponse<String> health = get(URI.create(url("mcp-repo") + "/health"));
        assertEquals(200, health.statusCode());
        assertTrue(health.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(health.body());
        assertEquals("healthy", body.get("status").asText());
        assertEquals(DemoFleet.MCP_REPO_VERSION, body.get("version").asText());
    }

    @Test
    void theUnhealthyServicesFailInVariedWays() throws Exception {
        assertThrows(ConnectException.class, () -> get(url("dashboard")), "dashboard refuses connections");
        assertThrows(ConnectException.class, () -> get(url("jobs")), "jobs refuses connections");
        assertEquals(503, get(url("mcp-context")).statusCode());
        assertEquals(502, get(url("mcp-business")).statusCode());
        // a timeout in any phase is an HttpTimeoutException, so a stalled machine cannot change the outcome
        HttpRequest hang = HttpRequest.newBuilder(url("mcp-research")).timeout(Duration.ofMillis(300)).GET().build();
        assertThrows(HttpTimeoutException.class, () -> http.send(hang, HttpResponse.BodyHandlers.ofString()),
                "mcp-research accepts the connection and never answers");
    }

    @Test
    void theGitHubStandInServesTheFailedDeployRunWithItsJobsAndSteps() throws Exception {
        String repo = fleet.githubApi() + "/repos/" + DemoFleet.REPOSITORY;
        JsonNode run = JSON.readTree(get(URI.create(repo + "/actions/runs/" + DemoFleet.RUN_ID)).body());
        assertEquals(DemoFleet.RUN_ID, run.get("id").asLong());
        assertEquals("Deploy All (Dashboard + MCPs) — Fly (Docker-only, Proof-first)", run.get("name").asText());
        assertEquals("failure", run.get("conclusion").asText());
        assertEquals("workflow_dispatch", run.get("event").asText());
        assertTrue(run.get("jobs_url").asText().startsWith(fleet.githubApi().toString()),
                "urls in payloads point back at the stand-in");

        JsonNode jobs = JSON.readTree(get(URI.create(repo + "/actions/runs/" + DemoFleet.RUN_ID + "/jobs")).body());
        assertEquals(8, jobs.get("total_count").asInt());
        Map<String, String> conclusions = new java.util.LinkedHashMap<>();
        jobs.get("jobs").forEach(j -> conclusions.put(j.get("name").asText(), j.get("conclusion").asText()));
        assertEquals("success", conclusions.get("Preflight (repo & secrets)"));
        assertEquals("failure", conclusions.get("Deploy Dashboard"));
        assertEquals("failure", conclusions.get("Deploy MCP Business"));
        assertEquals("cancelled", conclusions.get("Deploy MCP Repo"));
        assertEquals("skipped", conclusions.get("Deploy MCP Research"));
        assertEquals("success", conclusions.get("Summary"));
        JsonNode dashboard = StreamSupport.stream(jobs.get("jobs").spliterator(), false)
                .filter(j -> j.get("name").asText().equals("Deploy Dashboard")).findFirst().orElseThrow();
        JsonNode failed = StreamSupport.stream(dashboard.get("steps").spliterator(), false)
                .filter(s -> s.get("conclusion").asText().equals("failure")).findFirst().orElseThrow();
        assertEquals("Deploy service (Dockerfile)", failed.get("name").asText());
    }

    @Test
    void jobsArePaginatedWithALinkHeader() throws Exception {
        String jobs = fleet.githubApi() + "/repos/" + DemoFleet.REPOSITORY + "/actions/runs/" + DemoFleet.RUN_ID
                + "/jobs";
        HttpResponse<String> first = get(URI.create(jobs + "?per_page=3"));
        assertEquals(3, JSON.readTree(first.body()).get("jobs").size());
        String link = first.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("page=2>; rel=\"next\""), link);
        assertTrue(link.contains("page=3>; rel=\"last\""), link);
        HttpResponse<String> last = get(URI.create(jobs + "?per_page=3&page=3"));
        assertEquals(2, JSON.readTree(last.body()).get("jobs").size());
    }

    @Test
    void aJobLogIsBehindARedirectAndQuotesRealBuildKitErrors() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI logs = URI.create(fleet.githubApi() + "/repos/" + DemoFleet.REPOSITORY + "/actions/jobs/48712339003/logs");
        HttpResponse<String> redirect = noRedirects.send(HttpRequest.newBuilder(logs).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(location.getRawQuery().contains("urlSignature="));

        String log = get(location).body();
        assertTrue(log.lines().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z .*")),
                "every line carries GitHub's timestamp prefix");
        assertTrue(log.contains("##[group]Run flyctl deploy"));
        assertTrue(log.contains("ERROR: failed to solve: process \"/bin/sh -c npm run build\" did not complete"
                + " successfully: exit code: 1"));
        assertTrue(log.contains("##[error]Process completed with exit code 1."));

        HttpResponse<String> skipped = get(URI.create(fleet.githubApi() + "/repos/" + DemoFleet.REPOSITORY
                + "/actions/jobs/48712339006/logs"));
        assertEquals(404, skipped.statusCode(), "a job that never ran has no log");
    }

    @Test
    void everyErrorLineOfTheDemoLogsIsARealMessageFromTheCorpus() throws Exception {
        List<String> messages = Files.readAllLines(corpus().resolve("deploy-errors/deploy-errors.tsv")).stream()
                .skip(1).map(l -> l.split("\t")[1]).toList();
        List<String> unknown = new ArrayList<>();
        for (String job : List.of("48712339003", "48712339004")) {
            String log = Payloads.read("github/logs/" + job + ".log", Map.of()).orElseThrow();
            for (String line : log.lines().toList()) {
                String text = line.substring(line.indexOf(' ') + 1);
                if (text.startsWith("ERROR: ") || text.startsWith("Error: ") || text.startsWith("##[error]")) {
                    boolean known = messages.stream().map(DemoFleetTest::literalPrefix)
                            .anyMatch(p -> p.length() >= 10 && text.contains(p));
                    if (!known) {
                        unknown.add(text);
                    }
                }
            }
        }
        assertTrue(unknown.isEmpty(), "error lines not backed by deploy-errors.tsv: " + unknown);
    }

    @Test
    void theFlyStandInAnswersMachineStatesOnlyWithAToken() throws Exception {
        URI machines = URI.create(fleet.flyApi() + "/v1/apps/sophiaai-mcp-repo-v2/machines");
        assertEquals(401, get(machines).statusCode());
        String token = DemoFleet.env(n -> null).apply(DemoFleet.FLY_TOKEN_ENV);
        assertNotNull(token);
        HttpResponse<String> repo = http.send(HttpRequest.newBuilder(machines)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode machine = JSON.readTree(repo.body()).get(0);
        assertEquals("started", machine.get("state").asText());
        assertEquals("passing", machine.at("/checks/0/status").asText());

        HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(
                        URI.create(fleet.flyApi() + "/v1/apps/sophiaai-dashboard-v2/machines"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("stopped", JSON.readTree(dashboard.body()).get(0).get("state").asText());

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                        URI.create(fleet.flyApi() + "/v1/apps/no-such-app/machines"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void theConfigTheFleetWritesIsValidAndDescribesSixServices() throws Exception {
        Path file = Files.createTempFile("demo-config", ".yaml");
        try {
            Files.writeString(file, fleet.configYaml(Duration.ofMillis(500), 1));
            DeploymentConfig c = DeploymentConfig.load(file);
            assertEquals(6, c.deployment().services().size());
            assertEquals(Duration.ofMillis(500), c.probe().timeout());
            assertEquals(DemoFleet.RUN_ID, c.github().runId());
            assertEquals(fleet.githubApi(), c.github().apiUrl());
            assertEquals(6, c.fly().apps().size());
            assertEquals(List.of("mcp-context"), c.deployment().service("jobs").orElseThrow().dependsOn());
            assertFalse(c.deployment().services().stream().anyMatch(s -> !s.url().getHost().equals("127.0.0.1")),
                    "nothing beyond loopback");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The literal text of a corpus message up to its first format verb. */
    private static String literalPrefix(String message) {
        int cut = message.length();
        for (String verb : List.of("%", "{", "${")) {
            int i = message.indexOf(verb);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return message.substring(0, cut);
    }

    static Path corpus() {
        String prop = System.getProperty("sophia.corpus");
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared/corpus");
        if (!Files.isDirectory(p)) {
            p = Path.of("../shared/corpus");
        }
        return p;
    }
}
