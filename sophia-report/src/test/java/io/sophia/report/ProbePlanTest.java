package io.sophia.report;

import io.sophia.core.Source;
import io.sophia.core.Probe;
import io.sophia.probes.GitHubActionsConfig;
import io.sophia.probes.GitHubActionsProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbePlanTest {

    @Test
    void eachServiceKindGetsItsProbesAndTheCiAndPlatformSourcesOneEach() throws Exception {
        DeploymentConfig config = DeploymentConfig.load(Path.of("../examples/config/sophia-ai.example.yaml"));
        ProbePlan plan = Sophia.builder(config).env(name -> null).build().plan();

        Map<String, Long> bySource = plan.probes().stream()
                .collect(Collectors.groupingBy(p -> p.source().wire(), Collectors.counting()));
        // six https services: a TLS probe each; a GET for the 2 http services and the 4 mcp ones with a healthPath
        assertEquals(6L, bySource.get("tls"), bySource::toString);
        assertEquals(4L, bySource.get("mcp"), bySource::toString);
        assertEquals(6L, bySource.get("http"), bySource::toString);
        assertEquals(1L, bySource.get("github"), bySource::toString);
        assertEquals(1L, bySource.get("fly"), bySource::toString);
        // every service has a host name, so each gets a DNS probe that tells NXDOMAIN from a dead host
        assertEquals(6L, bySource.get("dns"), bySource::toString);
        List<Source> mcpRepo = plan.probes().stream().filter(p -> "mcp-repo".equals(p.serviceId()))
                .map(Probe::source).toList();
        assertEquals(List.of(Source.MCP, Source.HTTP, Source.DNS, Source.TLS), mcpRepo);
    }

    @Test
    void theLogCapAndAllAttemptsReachTheGitHubProbe() throws Exception {
        String head = "deployment: d\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\npipeline:\n  github:\n"
                + "    repository: o/r\n    runId: 1\n";
        DeploymentConfig set = DeploymentConfig.parse(head + "    maxLogBytes: 512KiB\n    allAttempts: true\n",
                Path.of("inline.yaml"));
        GitHubActionsConfig wired = github(set);
        assertEquals(512L << 10, wired.maxLogBytes());
        assertTrue(wired.allAttempts());

        GitHubActionsConfig defaults = github(DeploymentConfig.parse(head, Path.of("inline.yaml")));
        assertEquals(GitHubActionsConfig.DEFAULT_MAX_LOG_BYTES, defaults.maxLogBytes());
        assertFalse(defaults.allAttempts());
    }

    private static GitHubActionsConfig github(DeploymentConfig config) throws Exception {
        return Sophia.builder(config).env(name -> null).build().plan().probes().stream()
                .filter(GitHubActionsProbe.class::isInstance).map(GitHubActionsProbe.class::cast)
                .findFirst().orElseThrow().config();
    }

    @Test
    void anIpLiteralNeedsNoDnsProbe() throws Exception {
        DeploymentConfig config = DeploymentConfig.parse(String.join("\n",
                "deployment: d",
                "services:",
                "  - id: a",
                "    url: http://127.0.0.1:9/",
                "  - id: b",
                "    url: http://localhost:9/",
                "  - id: db",
                "    kind: tcp",
                "    url: tcp://db:5432",
                "  - id: v6",
                "    url: http://[::1]:9/"), Path.of("inline.yaml"));
        List<String> sources = Sophia.builder(config).env(name -> null).build().plan().probes().stream()
                .map(p -> p.serviceId() + ":" + p.source().wire()).toList();
        // "db" is made of hex letters only, yet a name: it gets its DNS probe
        assertEquals(List.of("a:http", "b:http", "b:dns", "db:tcp", "db:dns", "v6:http"), sources);
    }
}
