package io.sophia.report;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.GateDecision;
import io.sophia.core.Service;
import io.sophia.core.Status;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade on real loopback services: from a config file and configured in code. */
class SophiaTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private HttpServer up;
    private String upUrl;
    private String downUrl;

    @BeforeEach
    void start() throws IOException {
        up = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        up.createContext("/", ex -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        // a service that is down answers 503 (no port juggling: a released port may be taken again)
        up.createContext("/down/", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        up.start();
        upUrl = "http://127.0.0.1:" + up.getAddress().getPort() + "/";
        downUrl = upUrl + "down/";
    }

    @AfterEach
    void stop() {
        up.stop(0);
    }

    @Test
    void aConfigFileIsCheckedLikeTheCliChecksIt(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("deploy.yaml"), """
                deployment: shop
                services:
                  - {id: api, url: "%s", critical: true}
                  - {id: jobs, url: "%s", dependsOn: [api]}
                probe: {timeout: 30s, retries: 0}
                """.formatted(upUrl, downUrl)); // a hang guard: both answer at once
        Assessment a = Sophia.builder(DeploymentConfig.load(config))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).env(name -> null).build().check();

        assertEquals("shop", a.deployment());
        assertEquals(NOW, a.generatedAt());
        assertEquals(Status.UP, a.service("api").orElseThrow().status(), () -> a.service("api").toString());
        assertEquals(Status.DOWN, a.service("jobs").orElseThrow().status());
        // the critical service is up, a non-critical one is down: the default gate warns
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
    }

    @Test
    void aHostConfiguresInCodeWithItsOwnGatePolicy() {
        Deployment shop = new Deployment("shop", List.of(
                Service.builder("api", upUrl).critical().build(),
                Service.builder("jobs", downUrl).dependsOn("api").build()));
        Sophia sophia = Sophia.builder(shop)
                .probe(DeploymentConfig.ProbeSettings.timeout(Duration.ofSeconds(30))) // a hang guard: both answer at once
                .gatePolicy(GatePolicy.builder().requireAllServicesUp(true, true, 1).build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .env(name -> null)
                .build();

        ProbePlan plan = sophia.plan();
        assertEquals(List.of("api:http", "jobs:http"),
                plan.probes().stream().map(p -> p.serviceId() + ":" + p.source().wire()).toList(),
                "IP literals over plain http: one HTTP probe each, no DNS or TLS probe");
        Assessment a = plan.run();
        // all-services-up made key: the down service now blocks
        assertEquals(GateDecision.Verdict.BLOCKED, a.gate().status());
    }

    @Test
    void theConfiguredTokensAreMaskedInTheAssessment() {
        String token = "s3cr3t-Value-of-the-fly-token-123";
        Deployment shop = new Deployment("shop", List.of(Service.http("api", upUrl)));
        Sophia sophia = Sophia.builder(shop)
                .fly(DeploymentConfig.Fly.apps(Map.of("api", "shop-api")).withApiUrl(java.net.URI.create(downUrl)))
                .env(name -> DeploymentConfig.DEFAULT_FLY_TOKEN_ENV.equals(name) ? token : null)
                .build();
        assertEquals(List.of(token), sophia.config().secretValues(name ->
                DeploymentConfig.DEFAULT_FLY_TOKEN_ENV.equals(name) ? token : null));
        String json = JsonReport.render(sophia.check());
        assertFalse(json.contains(token), "the token never reaches the report");
    }

    @Test
    void aBadRuleFileIsAnInputErrorBeforeAnyProbe(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), "causes:\n  build.dockerfile:\n    prior: lots\n");
        Path config = Files.writeString(dir.resolve("deploy.yaml"), """
                deployment: shop
                services: [{id: api, url: "%s"}]
                rules: [rules.yaml]
                """.formatted(upUrl));
        Sophia sophia = Sophia.load(config);
        InputException e = assertThrows(InputException.class, sophia::plan);
        assertEquals(dir.resolve("rules.yaml").toString(), e.file());
        assertEquals(3, e.line());
        assertEquals("causes.build.dockerfile.prior", e.key());
    }

    @Test
    void aBadConfigNamesFileLineAndKey(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"),
                "deployment: shop\nservices:\n  - {id: api, url: \"http://127.0.0.1:99999/\"}\n");
        InputException e = assertThrows(InputException.class, () -> Sophia.check(config));
        assertTrue(e.getMessage().startsWith(config + " line 3: services[0].url: port 99999 is outside 1-65535"),
                e.getMessage());
    }
}
