package io.sophia.report;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.Owner;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Up since" end to end: a config with owners and Fly apps, checked against loopback services and a loopback
 * Fly Machines API that serves the Fly docs' example payloads (../shared/corpus/fly-api/examples, see its
 * SOURCE.md: superfly/docs, Apache-2.0). Only the platform's word counts: the newest start of a started machine.
 */
class UpSinceTest {

    /** The newer of the two machines' start events in list_resp.json (1698719726615 ms; the other started 1697145796337). */
    private static final Instant WEB_START = Instant.ofEpochMilli(1698719726615L);
    private static final Instant NOW = Instant.parse("2023-10-31T04:00:00Z");

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> machines = new ConcurrentHashMap<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        machines.put("fleet-web", corpus("fly-api/examples/list_resp.json"));
        machines.put("crashy", "[" + corpus("fly-api/examples/2023-get_resp.json") + "]");
        machines.put("fleet-down", "[" + corpus("fly-api/examples/get_resp.json") + "]");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", ex -> send(ex, 200, "{\"status\":\"ok\"}"));
        server.createContext("/down/health", ex -> send(ex, 503, "unavailable"));
        server.createContext("/v1/apps/", ex -> {
            String app = ex.getRequestURI().getPath().split("/")[3];
            String body = machines.get(app);
            send(ex, body == null ? 404 : 200, body == null ? "{\"error\":\"app not found\"}" : body);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aServiceIsUpSinceItsStartedMachinesLastStartAndOtherwiseNothingIsSaid() throws IOException {
        Path config = Files.writeString(dir.resolve("fleet.yaml"), """
                deployment: fleet
                services:
                  - {id: web, url: "%1$s/health", owner: {team: storefront, contact: "#storefront-oncall"}}
                  - {id: crashy, url: "%1$s/health", owner: jobs-team}
                  - {id: down, url: "%1$s/down/health", critical: true, owner: {team: payments, contact: "#payments-oncall"}}
                  - {id: plain, url: "%1$s/health"}
                platform:
                  fly: {apiUrl: "%1$s", tokenEnv: TEST_FLY_TOKEN, apps: {web: fleet-web, crashy: crashy, down: fleet-down}}
                probe: {timeout: 30s, retries: 0}
                """.formatted(base)); // a hang guard: every stand-in answers at once
        Assessment a = Sophia.builder(DeploymentConfig.load(config)).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .env(Map.of("TEST_FLY_TOKEN", "fo1_test-token-for-the-loopback-api")::get).build().check();

        ServiceHealth web = a.service("web").orElseThrow();
        assertEquals(Status.UP, web.status(), web::toString);
        assertEquals(WEB_START, web.upSince(), "the newest start of its two started machines");
        assertEquals(new Owner("storefront", "#storefront-oncall"), web.owner());

        ServiceHealth crashy = a.service("crashy").orElseThrow();
        assertEquals(Status.UP, crashy.status(), "it answers; its one machine is stopped (exit 127)");
        assertNull(crashy.upSince(), "no started machine: the platform does not say, so nothing is said");
        assertEquals(Owner.of("jobs-team"), crashy.owner());

        ServiceHealth down = a.service("down").orElseThrow();
        assertEquals(Status.DOWN, down.status());
        assertNull(down.upSince(), "its machine is started, but the service is not up");

        assertNull(a.service("plain").orElseThrow().upSince(), "no platform configured");

        String md = MarkdownReport.render(a);
        String webRow = md.lines().filter(l -> l.startsWith("| **web**")).findFirst().orElseThrow();
        assertTrue(webRow.contains("| 2023-10-31 02:35 UTC (1 h 24 min) | storefront (#storefront-oncall) |"), webRow);
        assertTrue(md.contains("## Escalation"), "down is affected and has an owner");
        assertTrue(JsonReport.render(a).contains("\"upSince\": \"2023-10-31T02:35:26.615Z\""));
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String corpus(String relative) throws IOException {
        String configured = System.getProperty("sophia.corpus");
        Path root = configured != null && Files.isDirectory(Path.of(configured)) ? Path.of(configured)
                : Path.of("../../shared/corpus");
        for (Path d = Path.of("").toAbsolutePath(); !Files.isDirectory(root) && d != null; d = d.getParent()) {
            root = d.resolve("../shared/corpus").normalize();
        }
        return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    }
}
