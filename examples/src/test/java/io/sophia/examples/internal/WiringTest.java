package io.sophia.examples.internal;

import io.sophia.core.Probe;
import io.sophia.examples.config.DeploymentConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WiringTest {

    @Test
    void eachServiceKindGetsItsProbesAndTheCiAndPlatformSourcesOneEach() throws Exception {
        DeploymentConfig config = DeploymentConfig.load(Path.of("config/sophia-ai.example.yaml"));
        Wiring.Plan plan = Wiring.plan(config, Clock.systemUTC(), name -> null);

        Map<String, Long> bySource = plan.probes().stream()
                .collect(Collectors.groupingBy(Probe::source, Collectors.counting()));
        // six https services: a TLS probe each; a GET for the 2 http services and the 4 mcp ones with a healthPath
        assertEquals(6L, bySource.get("tls"), bySource::toString);
        assertEquals(4L, bySource.get("mcp"), bySource::toString);
        assertEquals(6L, bySource.get("http"), bySource::toString);
        assertEquals(1L, bySource.get("github"), bySource::toString);
        assertEquals(1L, bySource.get("fly"), bySource::toString);
        // every service has a host name, so each gets a DNS probe that tells NXDOMAIN from a dead host
        assertEquals(6L, bySource.get("dns"), bySource::toString);
        List<String> mcpRepo = plan.probes().stream().filter(p -> "mcp-repo".equals(p.serviceId()))
                .map(Probe::source).toList();
        assertEquals(List.of("mcp", "http", "dns", "tls"), mcpRepo);
    }

    @Test
    void anIpLiteralNeedsNoDnsProbe() throws Exception {
        DeploymentConfig config = DeploymentConfig.parse(String.join("\n",
                "deployment: d",
                "services:",
                "  - id: a",
                "    url: http://127.0.0.1:9/",
                "  - id: b",
                "    url: http://localhost:9/"), Path.of("inline.yaml"));
        List<String> sources = Wiring.plan(config, Clock.systemUTC(), name -> null).probes().stream()
                .map(p -> p.serviceId() + ":" + p.source()).toList();
        assertEquals(List.of("a:http", "b:http", "b:dns"), sources);
    }
}
