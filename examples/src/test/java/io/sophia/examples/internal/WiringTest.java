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
        List<String> mcpRepo = plan.probes().stream().filter(p -> "mcp-repo".equals(p.serviceId()))
                .map(Probe::source).toList();
        assertEquals(List.of("mcp", "http", "tls"), mcpRepo);
    }
}
