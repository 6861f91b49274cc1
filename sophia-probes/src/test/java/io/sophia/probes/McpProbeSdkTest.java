package io.sophia.probes;

import io.sophia.core.Source;
import io.sophia.core.ProbeContext;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("MCP probe against the official MCP Java SDK server (Streamable HTTP in Jetty 12)")
class McpProbeSdkTest {

    private static McpSdkTestServer sdk;

    @BeforeAll
    static void start() throws Exception {
        sdk = new McpSdkTestServer();
    }

    @AfterAll
    static void stop() {
        sdk.close();
    }

    private static Service mcp(URI url) {
        return Service.builder("research", url).name("MCP Research").kind(ServiceKind.MCP)
                .capability("Research capabilities").critical().build();
    }

    @Test
    void theModernRequestIsRejectedSoTheProbeFallsBackToTheHandshakeAndListsTheTools() {
        List<Observation> out = McpProbe.of(mcp(sdk.url()), Duration.ofSeconds(10)).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0) instanceof McpHandshake, out.toString());
        McpHandshake h = (McpHandshake) out.get(0);
        assertEquals("legacy", h.era());
        assertEquals("2025-11-25", h.protocolVersion());
        assertEquals(McpSdkTestServer.NAME, h.serverName());
        assertEquals(McpSdkTestServer.VERSION, h.serverVersion());
        assertTrue(h.capabilities().contains("tools"), h.capabilities().toString());
        assertTrue(h.capabilities().contains("logging"), h.capabilities().toString());
        assertEquals(2, h.toolCount());
        assertEquals("research", h.serviceId());
        assertEquals(Source.MCP, h.source());
    }

    @Test
    void aServerThatForgotTheSessionAfterInitializeIsSessionLost() throws Exception {
        try (McpSdkTestServer forgetful = new McpSdkTestServer(true)) {
            List<Observation> out = McpProbe.of(mcp(forgetful.url()), Duration.ofSeconds(10)).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
            ProbeFailure f = (ProbeFailure) out.get(0);
            assertEquals(FailureKind.SESSION_LOST, f.kind(), f.toString());
            assertEquals(404, f.httpStatus());
            assertTrue(f.detail().startsWith("notifications/initialized"), f.detail());
        }
    }

    @Test
    void aPathWhereTheSdkServesNoEndpointIsNotMcp() {
        List<Observation> out = McpProbe.of(mcp(sdk.root()), Duration.ofSeconds(10)).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        ProbeFailure f = (ProbeFailure) out.get(0);
        assertEquals(FailureKind.NOT_MCP, f.kind(), f.toString());
        assertTrue(f.httpStatus() == 404 || f.httpStatus() == 405, f.toString());
    }
}
