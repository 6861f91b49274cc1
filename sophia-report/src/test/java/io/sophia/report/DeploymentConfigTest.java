package io.sophia.report;

import io.sophia.core.Secrets;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentConfigTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            deployment: Sophia AI
            services:
              - id: dashboard
                name: Dashboard
                url: https://sophiaai-dashboard-v2.fly.dev/
                capability: AI Dashboard
                critical: true
                expect:
                  statusCodes: [200, 204]
                  maxLatency: 300ms
                  minCertificateDays: 14
              - id: mcp-repo
                kind: mcp
                url: https://sophiaai-mcp-repo-v2.fly.dev/mcp
                dependsOn: [dashboard]
                expect:
                  healthPath: /health
                  versionField: data.version
                  jsonField: /status
                  jsonEquals: healthy
              - id: db
                kind: tcp
                url: tcp://10.0.0.5:5432
                dependsOn: dashboard
            pipeline:
              github:
                repository: sophia-ai/sophia-intel-ai
                runId: 17176258341
                tokenEnv: GITHUB_TOKEN
            platform:
              fly:
                tokenEnv: FLY_API_TOKEN
                apps:
                  dashboard: sophiaai-dashboard-v2
            probe:
              timeout: 1.5s
              retries: 2
            gate:
              tlsExpiryDays: 7
              minAvailabilityPercent: {percent: 80, key: false}
            """;

    @Test
    void aCompleteDescriptionIsReadWithEveryKey() throws Exception {
        DeploymentConfig c = load("good.yaml", GOOD);

        assertEquals("Sophia AI", c.deployment().name());
        assertEquals(3, c.deployment().services().size());
        Service dashboard = c.deployment().service("dashboard").orElseThrow();
        assertTrue(dashboard.critical());
        assertEquals("AI Dashboard", dashboard.capability());
        assertEquals(List.of(200, 204), dashboard.expect().statusCodes());
        assertEquals(Duration.ofMillis(300), dashboard.expect().maxLatency());
        assertEquals(14, dashboard.expect().minCertificateDays());
        Service repo = c.deployment().service("mcp-repo").orElseThrow();
        assertEquals(ServiceKind.MCP, repo.kind());
        assertEquals("/data/version", repo.expect().versionField(), "a dotted path becomes a JSON pointer");
        assertEquals("healthy", repo.expect().jsonEquals());
        assertEquals(List.of("dashboard"), c.deployment().service("db").orElseThrow().dependsOn(),
                "a single dependsOn value is read as a list");
        assertEquals(ServiceKind.TCP, c.deployment().service("db").orElseThrow().kind());

        assertEquals(URI.create("https://api.github.com"), c.github().apiUrl(), "public API by default");
        assertEquals(17176258341L, c.github().runId());
        assertEquals("GITHUB_TOKEN", c.github().tokenEnv());
        assertEquals(Map.of("dashboard", "sophiaai-dashboard-v2"), c.fly().apps());
        assertEquals(URI.create("https://api.machines.dev"), c.fly().apiUrl());
        assertEquals(Duration.ofMillis(1500), c.probe().timeout());
        assertEquals(2, c.probe().retries());
        assertEquals(7.0, c.gate().criterion(GatePolicy.TLS_NOT_EXPIRING).orElseThrow().threshold());
        GatePolicy.CriterionSpec availability = c.gate().criterion(GatePolicy.MIN_AVAILABILITY).orElseThrow();
        assertTrue(availability.enabled());
        assertEquals(80.0, availability.threshold());
        assertFalse(availability.key());
    }

    @Test
    void theShippedExampleForTheReferenceFleetIsValid() throws Exception {
        DeploymentConfig c = DeploymentConfig.load(Path.of("../examples/config/sophia-ai.example.yaml"));
        assertEquals(6, c.deployment().services().size());
        assertEquals("deploy-all.yml", c.github().workflow());
        assertEquals(6, c.fly().apps().size());
        // file order, every run: the platform machines in report.json follow it (byte-identical reports)
        assertEquals(List.of("dashboard", "mcp-repo", "mcp-research", "mcp-context", "mcp-business", "jobs"),
                List.copyOf(c.fly().apps().keySet()));
        assertEquals(Duration.ofSeconds(5), c.probe().timeout());
        assertEquals(80.0, c.gate().criterion(GatePolicy.MIN_AVAILABILITY).orElseThrow().threshold(),
                "the gate section is read with the config");
    }

    @Test
    void theSameDescriptionInJsonIsReadAlike() throws Exception {
        String json = """
                {
                  "deployment": "x",
                  "services": [
                    {"id": "a", "url": "http://127.0.0.1:9/", "critical": true},
                    {"id": "b", "url": "http://127.0.0.1:10/", "dependsOn": ["a"]}
                  ],
                  "pipeline": {"github": {"repository": "o/r", "workflow": "deploy.yml", "branch": "main"}},
                  "probe": {"timeout": "2s"}
                }
                """;
        DeploymentConfig c = load("deploy.json", json);
        assertEquals(2, c.deployment().services().size());
        assertNull(c.github().runId());
        assertEquals("deploy.yml", c.github().workflow());
        assertEquals("main", c.github().branch());
        assertNull(c.fly());
        assertEquals(Duration.ofSeconds(2), c.probe().timeout());
        assertEquals(1, c.probe().retries(), "default retries");
    }

    @Test
    void ruleFilesAreResolvedAgainstTheConfigDirectory() throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("rules/extra.yaml"), "causes: []\n");
        DeploymentConfig c = load("c.yaml", """
                deployment: x
                services: [{id: a, url: "http://127.0.0.1:9/"}]
                rules: [rules/extra.yaml]
                """);
        assertEquals(List.of(dir.resolve("rules/extra.yaml")), c.rules());
    }

    static Stream<Arguments> badConfigs() {
        String head = "deployment: x\nservices:\n";
        return Stream.of(
                Arguments.of("a boolean that is not one", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    critical: maybe\n",
                        "bad.yaml line 5: services[0].critical: expected true or false, got 'maybe'"),
                Arguments.of("an unknown key with a near miss", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    dependOn: [b]\n",
                        "line 5: services[0].dependOn: unknown key (did you mean 'dependsOn'?)"),
                Arguments.of("an unknown top-level key", "deployment: x\nservice:\n  - id: a\n",
                        "line 2: service: unknown key (did you mean 'services'?)"),
                Arguments.of("a service without id", head + "  - url: http://127.0.0.1:9/\n",
                        "line 3: services[0].id: missing"),
                Arguments.of("a service without url", head + "  - id: a\n    name: A\n",
                        "line 3: services[0].url: missing"),
                Arguments.of("duplicate ids", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n  - id: a\n    url: http://127.0.0.1:10/\n",
                        "line 5: services[1].id: duplicate id 'a' (first defined at line 3)"),
                Arguments.of("dependsOn an unknown service", head
                                + "  - id: mcp-context\n    url: http://127.0.0.1:9/\n"
                                + "  - id: jobs\n    url: http://127.0.0.1:10/\n    dependsOn: [mcp-contxt]\n",
                        "line 7: services[1].dependsOn[0]: 'mcp-contxt' is not the id of a service"
                                + " (did you mean 'mcp-context'?)"),
                Arguments.of("a duration without unit", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\nprobe:\n  timeout: 5\n",
                        "line 6: probe.timeout: expected a positive duration like 300ms, 2s or 1m, got '5'"),
                Arguments.of("a duration in words", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    expect:\n      maxLatency: fast\n",
                        "line 6: services[0].expect.maxLatency: expected a positive duration"),
                Arguments.of("malformed YAML", "deployment: x\nservices:\n  - id: a\n   url: [unclosed\n",
                        "bad.yaml line 4: malformed YAML"),
                Arguments.of("services as a mapping", "deployment: x\nservices:\n  a: http://x/\n",
                        "line 3: services: expected a list, got a mapping"),
                Arguments.of("an unknown kind", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    kind: grpc\n",
                        "line 5: services[0].kind: expected http, mcp or tcp, got 'grpc'"),
                Arguments.of("a url without scheme", head + "  - id: a\n    url: dashboard.fly.dev\n",
                        "line 4: services[0].url: expected an absolute url with a host"),
                Arguments.of("a run id that is text", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\npipeline:\n  github:\n"
                                + "    repository: o/r\n    runId: latest\n",
                        "line 8: pipeline.github.runId: expected a whole number, got 'latest'"),
                Arguments.of("a missing rule file", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\nrules: [nope.yaml]\n",
                        "line 5: rules[0]: rule file not found"),
                Arguments.of("a dependency cycle", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    dependsOn: [b]\n"
                                + "  - id: b\n    url: http://127.0.0.1:9/\n    dependsOn: [a]\n",
                        "line 2: services: dependsOn forms a cycle: a -> b -> a"),
                Arguments.of("a fly app for an unknown service", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\nplatform:\n  fly:\n    apps:\n      b: app-b\n",
                        "line 8: platform.fly.apps.b: 'b' is not the id of a service"),
                Arguments.of("a duplicate key", "deployment: x\ndeployment: y\nservices: []\n",
                        "line 2: deployment: duplicate key (first at line 1)"),
                Arguments.of("no deployment name", "services:\n  - id: a\n    url: http://127.0.0.1:9/\n",
                        "line 1: deployment: missing"),
                Arguments.of("a status code out of range", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    expect: {statusCodes: [200, 999]}\n",
                        "line 5: services[0].expect.statusCodes[1]: expected a whole number from 100 to 599, got 999"),
                Arguments.of("a log cap in words", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\npipeline:\n  github:\n"
                                + "    repository: o/r\n    runId: 1\n    maxLogBytes: lots\n",
                        "bad.yaml line 9: pipeline.github.maxLogBytes: expected a size like 64MiB, 512KB or a number of bytes,"
                                + " got 'lots'"),
                Arguments.of("a log cap with an unknown unit", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\npipeline:\n  github:\n"
                                + "    repository: o/r\n    runId: 1\n    maxLogBytes: 64TB\n",
                        "line 9: pipeline.github.maxLogBytes: expected a size like 64MiB"),
                Arguments.of("a log cap too small to hold a line", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\npipeline:\n  github:\n"
                                + "    repository: o/r\n    runId: 1\n    maxLogBytes: 10\n",
                        "line 9: pipeline.github.maxLogBytes: expected a size from 1KiB to 64GiB, got '10'"),
                Arguments.of("allAttempts that is not a boolean", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\npipeline:\n  github:\n"
                                + "    repository: o/r\n    runId: 1\n    allAttempts: every\n",
                        "line 9: pipeline.github.allAttempts: expected true or false, got 'every'"),
                Arguments.of("runId and workflow together", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\npipeline:\n  github:\n"
                                + "    repository: o/r\n    runId: 1\n    workflow: deploy.yml\n",
                        "line 9: pipeline.github.workflow: give either runId or workflow, not both"),
                Arguments.of("a port above 65535", head + "  - id: a\n    url: http://127.0.0.1:70000/\n",
                        "bad.yaml line 4: services[0].url: port 70000 is outside 1-65535"),
                Arguments.of("port zero", head + "  - id: a\n    kind: tcp\n    url: tcp://db.internal:0\n",
                        "bad.yaml line 5: services[0].url: port 0 is outside 1-65535"),
                Arguments.of("an API port out of range", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\npipeline:\n  github:\n"
                                + "    apiUrl: http://127.0.0.1:65536\n    repository: o/r\n    runId: 1\n",
                        "bad.yaml line 7: pipeline.github.apiUrl: port 65536 is outside 1-65535"),
                Arguments.of("a zero timeout", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\nprobe:\n  timeout: 0s\n",
                        "bad.yaml line 6: probe.timeout: expected a positive duration like 300ms, 2s or 1m, got '0s'"),
                Arguments.of("a negative ISO timeout", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\nprobe:\n  timeout: PT-2S\n",
                        "bad.yaml line 6: probe.timeout: expected a positive duration"),
                Arguments.of("a negative latency bound", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    expect: {maxLatency: -300ms}\n",
                        "bad.yaml line 5: services[0].expect.maxLatency: expected a positive duration"),
                Arguments.of("negative retries", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\nprobe:\n  retries: -1\n",
                        "bad.yaml line 6: probe.retries: expected a whole number from 0 to 10, got -1"),
                Arguments.of("zero concurrency", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\nprobe:\n  maxConcurrent: 0\n",
                        "bad.yaml line 6: probe.maxConcurrent: expected a whole number from 1"),
                Arguments.of("a service depending on itself", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\n    dependsOn: [a]\n",
                        "bad.yaml line 5: services[0].dependsOn[0]: a service cannot depend on itself"),
                Arguments.of("a gate threshold out of range", head
                                + "  - id: a\n    url: http://127.0.0.1:9/\ngate:\n  tlsExpiryDays: -3\n",
                        "bad.yaml line 5: gate:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void aBadConfigNamesFileLineAndKey(String scenario, String yaml, String expected) throws IOException {
        InputException e = assertThrows(InputException.class, () -> load("bad.yaml", yaml));
        assertTrue(e.getMessage().contains(expected),
                () -> "expected the message to contain\n  " + expected + "\nbut it was\n  " + e.getMessage());
    }

    @Test
    void theLogCapIsASizeAsPeopleWriteItAndAllAttemptsAFlag() throws Exception {
        String head = "deployment: x\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\npipeline:\n  github:\n"
                + "    repository: o/r\n    runId: 1\n";
        assertEquals(64L << 20, load("a.yaml", head + "    maxLogBytes: 64MiB\n").github().maxLogBytes());
        assertEquals(512_000L, load("b.yaml", head + "    maxLogBytes: 512KB\n").github().maxLogBytes());
        assertEquals(1536L << 10, load("c.yaml", head + "    maxLogBytes: 1.5 MiB\n").github().maxLogBytes());
        assertEquals(17L, load("r.yaml", head.replace("runId: 1", "runId: '17'")).github().runId(),
                "a run id in quotes, as copied from a URL");
        assertEquals("123456", load("w.yaml", head.replace("runId: 1", "workflow: 123456")).github().workflow(),
                "a workflow by its numeric id");
        assertEquals(1_048_576L, load("d.yaml", head + "    maxLogBytes: 1048576\n").github().maxLogBytes());
        assertEquals(2L << 30, load("e.yaml", head + "    maxLogBytes: 2gib\n").github().maxLogBytes());
        DeploymentConfig all = load("f.yaml", head + "    allAttempts: true\n");
        assertTrue(all.github().allAttempts());
        assertTrue(load("h.yaml", head + "    allAttempts: yes\n").github().allAttempts(), "YAML 1.1 yes is true");
        assertFalse(load("i.yaml", head + "    allAttempts: off\n").github().allAttempts());
        DeploymentConfig plain = load("g.yaml", head);
        assertEquals(null, plain.github().maxLogBytes(), "unset: the probe's default");
        assertFalse(plain.github().allAttempts(), "the latest attempt by default");
    }

    @Test
    void malformedJsonNamesTheLine() {
        InputException e = assertThrows(InputException.class,
                () -> load("bad.json", "{\n  \"deployment\": \"x\",\n  \"services\": [,]\n}\n"));
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.json") + " line 3: malformed JSON"), e.getMessage());
    }

    @Test
    void aServiceHttpSectionIsReadAndItsTokenIsASecretOfTheCheck() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/ca.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        DeploymentConfig c = load("http.yaml", """
                deployment: x
                services:
                  - id: orders
                    url: https://orders.example/
                    http:
                      headers: {X-Tenant: acme, X-Shard: 3}
                      tokenEnv: ORDERS_TOKEN
                      trustStore: certs/ca.pem
                      redirects: same-host
                      proxy: none
                  - id: web
                    url: https://web.example/
                    http: {redirects: 3}
                """);
        DeploymentConfig.HttpSettings orders = c.http().get("orders");
        assertEquals(java.util.Map.of("X-Tenant", "acme", "X-Shard", "3"), orders.headers());
        assertEquals("ORDERS_TOKEN", orders.tokenEnv());
        assertEquals(dir.resolve("certs/ca.pem"), orders.trustStore());
        assertEquals(io.sophia.probes.HttpProbe.Redirects.SAME_HOST, orders.redirects());
        assertFalse(orders.proxyFromEnv());
        assertEquals(io.sophia.probes.HttpProbe.Redirects.ANY, c.http().get("web").redirects());
        assertEquals(3, c.http().get("web").maxRedirects());
        assertEquals(List.of("tok-0123456789abcdef"), c.secretValues(java.util.Map.of("ORDERS_TOKEN", "tok-0123456789abcdef")::get));
    }

    @Test
    void headerValuesThatMayBeCredentialsAreSecretValues() throws Exception {
        // a key written as a header (too short to be refused as a credential) is masked wherever a server echoes it;
        // a media type or a tenant name is not
        DeploymentConfig c = ordersWithHeaders("headers.yaml", "{X-Api-Key: k3y-Lp0Ok9, Accept: application/vnd.github+json,"
                + " X-Tenant: acme, X-Request-Tag: build-2026-Hq3Zt7Nw}");
        assertEquals(List.of("k3y-Lp0Ok9", "build-2026-Hq3Zt7Nw"), c.secretValues(name -> null));
        // a versioned media type or a product token has letters and digits too, but is no credential: registered,
        // its 12-character pieces ("application/") would mask every content type and user agent of the report
        DeploymentConfig plain = ordersWithHeaders("plain-headers.yaml", "{Accept: application/vnd.github.v3+json,"
                + " User-Agent: acme-monitor/2.14.0-SNAPSHOT, Content-Type: application/json;charset=utf-8}");
        assertEquals(List.of(), plain.secretValues(name -> null));
        // a credential header's flag or mode is no credential: registered, "true" was masked in every word holding it
        DeploymentConfig flags = ordersWithHeaders("flag-headers.yaml",
                "{X-Auth-Required: \"true\", X-Token-Type: Bearer, X-Session-Affinity: enabled}");
        assertEquals(List.of(), flags.secretValues(name -> null));
        assertEquals("got application/json from acme-monitor/2.14.1", Secrets.of(plain.secretValues(name -> null))
                .redact("got application/json from acme-monitor/2.14.1"));
    }

    @Test
    void aBadHttpSectionNamesTheKeyAndNeverEchoesACredential() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        InputException e = assertThrows(InputException.class, () -> load("bad.yaml", """
                deployment: x
                services:
                  - id: a
                    url: "http://127.0.0.1:9/"
                    http:
                      headers: {X-Api-Key: %s}
                      trustStore: missing.pem
                      redirects: always
                      proxy: socks
                """.formatted(token)));
        String m = e.getMessage();
        assertTrue(m.contains("like a credential; put it in an environment variable"), m);
        assertTrue(m.contains("services[0].http.trustStore: file not found"), m);
        assertTrue(m.contains("services[0].http.redirects: expected none, same-host or a number"), m);
        assertTrue(m.contains("services[0].http.proxy: expected env"), m);
        assertFalse(m.contains("a1B2c3"), m);
    }

    @Test
    void aTokenPastedWhereTheVariableNameGoesIsNotEchoed() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        InputException e = assertThrows(InputException.class, () -> load("bad.yaml", """
                deployment: x
                services: [{id: a, url: "http://127.0.0.1:9/"}]
                pipeline:
                  github: {repository: o/r, runId: 1, tokenEnv: %s}
                """.formatted(token)));
        assertTrue(e.getMessage().contains("pipeline.github.tokenEnv: expected the name of an environment variable"),
                e.getMessage());
        assertFalse(e.getMessage().contains(token), "the token must not appear: " + e.getMessage());
        assertFalse(e.getMessage().contains("a1B2c3"), "no part of the token may appear: " + e.getMessage());
    }

    @Test
    void aLongVariableNameIsANameNotASecret() throws Exception {
        DeploymentConfig c = load("long.yaml", """
                deployment: x
                services: [{id: a, url: "http://127.0.0.1:9/"}]
                pipeline:
                  github: {repository: o/r, runId: 1, tokenEnv: SOPHIA_DEPLOY_TOKEN_FOR_THE_PRODUCTION_CLUSTER}
                """);
        assertEquals("SOPHIA_DEPLOY_TOKEN_FOR_THE_PRODUCTION_CLUSTER", c.github().tokenEnv());
        assertTrue(ConfigReader.looksSecret("aZ3kQ9mP2xL7vB4nR8tY1wE6uI0oS5dF"));
        assertFalse(ConfigReader.looksSecret("SOPHIA_DEPLOY_TOKEN_FOR_THE_PRODUCTION_CLUSTER"));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        InputException e = assertThrows(InputException.class, () -> load("bad.yaml", """
                deployment: x
                services:
                  - id: a
                    critical: maybe
                  - id: b
                    url: http://127.0.0.1:9/
                    kind: grpc
                """));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertEquals(List.of(3, 4, 7), e.problems().stream().map(InputException.Problem::line).toList());
    }

    @Test
    void anEmptyOrMissingFileIsAConfigError() throws IOException {
        InputException empty = assertThrows(InputException.class, () -> load("empty.yaml", ""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> DeploymentConfig.load(dir.resolve("absent.yaml")));
        assertTrue(missing.getMessage().endsWith("absent.yaml: the file does not exist"), missing.getMessage());
    }

    @Test
    void durationsReadTheWayPeopleWriteThem() throws IOException {
        DeploymentConfig c = load("d.yaml", "deployment: x\nservices: [{id: a, url: \"http://127.0.0.1:9/\","
                + " expect: {maxLatency: 1.5s}}]\nprobe: {timeout: PT30S}\n");
        assertEquals(Duration.ofSeconds(30), c.probe().timeout());
        assertEquals(Duration.ofMillis(1500), c.deployment().services().get(0).expect().maxLatency());
        assertEquals("300ms", DeploymentConfig.formatDuration(Duration.ofMillis(300)));
        assertEquals("2s", DeploymentConfig.formatDuration(Duration.ofSeconds(2)));
    }

    @Test
    void theChecksBudgetIsAKeyOfItsOwnAndNeverShorterThanTheTimeout() throws IOException {
        DeploymentConfig c = load("b.yaml", "deployment: x\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\n"
                + "probe: {timeout: 2s, budget: 7s}\n");
        assertEquals(Duration.ofSeconds(7), c.probe().budget());
        assertEquals(Duration.ofSeconds(7), Sophia.builder(c).build().plan().executor().probing().orElseThrow().budget(),
                "the plan's runner takes the budget");
        DeploymentConfig byDefault = load("d.yaml", "deployment: x\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\n"
                + "probe: {timeout: 2s}\n");
        assertEquals(null, byDefault.probe().budget());
        assertEquals(Duration.ofSeconds(7), Sophia.builder(byDefault).build().plan().executor().probing().orElseThrow()
                .budget(), "1.5 x the timeout, at least the timeout plus 5 s");
        InputException shorter = assertThrows(InputException.class, () -> load("s.yaml",
                "deployment: x\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\nprobe: {timeout: 2s, budget: 1s}\n"));
        assertTrue(shorter.getMessage().contains("s.yaml line 3: probe.budget: must be at least probe.timeout"),
                shorter.getMessage());
        InputException negative = assertThrows(InputException.class, () -> load("n.yaml",
                "deployment: x\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\nprobe: {budget: -5s}\n"));
        assertTrue(negative.getMessage().contains("probe.budget"), negative.getMessage());
    }

    @Test
    void theAlertsSectionIsPartOfTheConfigAndAWebhookUrlIsNeverEchoed() throws Exception {
        DeploymentConfig ok = load("ok.yaml", """
                deployment: shop
                services:
                  - id: api
                    url: https://api.shop.example/health
                alerts:
                  webhooks:
                    - https://alerts.example.com/sophia
                    - urlEnv: SLACK_WEBHOOK_URL
                """);
        assertEquals(List.of(DeploymentConfig.Webhook.url(URI.create("https://alerts.example.com/sophia")),
                DeploymentConfig.Webhook.fromEnv("SLACK_WEBHOOK_URL")), ok.alerts().webhooks());
        String slack = "https://hooks.slack.example/services/T0/B0/XYZ";
        assertEquals(List.of(URI.create("https://alerts.example.com/sophia"), URI.create(slack)),
                ok.webhookUrls(Map.of("SLACK_WEBHOOK_URL", slack)::get));
        assertEquals(List.of(slack), ok.secretValues(Map.of("SLACK_WEBHOOK_URL", slack)::get),
                "a webhook URL held in a variable is masked like a token");
        assertFalse(ok.toString().contains("alerts.example.com"), "a webhook URL is not printed: " + ok);
        InputException unset = assertThrows(InputException.class, () -> ok.webhookUrls(name -> null));
        assertTrue(unset.getMessage().endsWith("ok.yaml: alerts.webhooks[1].urlEnv: the environment variable"
                + " SLACK_WEBHOOK_URL is not set"), unset.getMessage());
        InputException notUrl = assertThrows(InputException.class, () -> ok.webhookUrls(name -> "xoxb-pa55w0rd-not-a-url"));
        assertFalse(notUrl.getMessage().contains("pa55w0rd"), notUrl.getMessage());
        assertEquals(DeploymentConfig.Alerts.NONE, load("none.yaml", "deployment: x\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\n")
                .alerts());

        InputException bad = assertThrows(InputException.class, () -> load("bad.yaml", """
                deployment: shop
                alerts:
                  webhooks:
                    - ftp://user:pa55w0rd@files.example/
                    - urlEnv: 5LACK
                    - {url: https://x.example/}
                  channel: ops
                services: [{id: a, url: "http://127.0.0.1:9/"}]
                """));
        String message = bad.getMessage();
        assertTrue(message.contains("bad.yaml line 4: alerts.webhooks[0]: expected an http or https URL"), message);
        assertTrue(message.contains("line 5: alerts.webhooks[1].urlEnv: expected the name of an environment variable,"
                + " got '5LACK'"), message);
        assertTrue(message.contains("line 6: alerts.webhooks[2]: expected a URL or {urlEnv: NAME}"), message);
        assertTrue(message.contains("line 7: alerts.channel: unknown key; allowed: webhooks"), message);
        assertFalse(message.contains("pa55w0rd"), message);
    }

    @Test
    void theGateSectionIsReadOnceIntoThePolicyTheDiagnosisUses() throws Exception {
        DeploymentConfig c = load("g.yaml", """
                deployment: x
                services: [{id: a, url: "http://127.0.0.1:9/"}]
                gate:
                  allServicesUp: {key: true, weight: 2}
                  score: {pass: 80, warning: 60}
                """);
        GatePolicy.CriterionSpec all = c.gate().criterion(GatePolicy.ALL_SERVICES_UP).orElseThrow();
        assertTrue(all.key());
        assertEquals(2.0, all.weight());
        assertEquals(new GatePolicy.ScoreThresholds(80, 60), c.gate().scoreThresholds().orElseThrow());
        assertEquals(GatePolicy.defaults().criteria(), load("d.yaml", "deployment: x\nservices: [{id: a, url:"
                + " \"http://127.0.0.1:9/\"}]\n").gate().criteria(), "no gate section: the default gate");
        GatePolicy host = GatePolicy.builder().disable(GatePolicy.ALL_SERVICES_UP).build();
        assertEquals(host, Sophia.builder(c).gatePolicy(host).build().config().gate(), "a host's policy replaces it");
        InputException e = assertThrows(InputException.class, () -> load("s.yaml", """
                deployment: x
                services: [{id: a, url: "http://127.0.0.1:9/"}]
                gate:
                  score: {pass: 60, warning: 80}
                """));
        assertTrue(e.getMessage().contains("s.yaml line 3: gate: gate.score.warning (80.0) must not be above"),
                e.getMessage());
    }

    static Stream<Arguments> badShapes() {
        String head = "deployment: x\nservices:\n  - id: a\n    url: http://127.0.0.1:9/\n";
        return Stream.of(
                Arguments.of(head + "probe: [1, 2]\n", "line 5: probe: expected a mapping (key: value), got a list"),
                Arguments.of(head + "probe:\n  timeout: {s: 2}\n",
                        "line 6: probe.timeout: expected a positive duration like 300ms, 2s or 1m, got a mapping"),
                Arguments.of(head + "    expect: {statusCodes: [200, ok]}\n",
                        "line 5: services[0].expect.statusCodes[1]: expected a whole number, got 'ok'"),
                Arguments.of(head + "    expect: {minCertificateDays: 1.5}\n",
                        "line 5: services[0].expect.minCertificateDays: expected a whole number, got '1.5'"),
                Arguments.of(head + "    expect:\n      statusCodes: [200]\n      timeout: 2s\n",
                        "line 7: services[0].expect.timeout: unknown key; allowed: healthPath, jsonEquals, jsonField,"
                                + " maxLatency, minCertificateDays, statusCodes, versionField, versionHeader"),
                Arguments.of(head + "  - id: b\n    url: http://127.0.0.1:9/\n    dependsOn: [{id: a}]\n",
                        "line 7: services[1].dependsOn[0]: expected a text, got a mapping"),
                Arguments.of(head + "    name:\n", "line 5: services[0].name: expected a value, got nothing"),
                // values as written, not coerced by the binder
                Arguments.of(head + "    critical: 1\n", "line 5: services[0].critical: expected true or false, got '1'"),
                Arguments.of(head + "    critical: 'true'\n",
                        "line 5: services[0].critical: expected true or false, got 'true'"),
                Arguments.of("deployment: x\nservices:\n  - id: 5\n    url: http://127.0.0.1:9/\n",
                        "line 3: services[0].id: expected a text, got '5'"),
                Arguments.of(head + "pipeline: {github: {repository: o/r, runId: 99999999999999999999}}\n",
                        "line 5: pipeline.github.runId: expected a whole number, got '99999999999999999999'"),
                Arguments.of(head + "platform:\n  fly:\n    apps: [a]\n",
                        "line 7: platform.fly.apps: expected a mapping (key: value), got a list"),
                Arguments.of(head + "platform:\n  fly:\n    apps: {a: app-a}\n    region: ams\n",
                        "line 8: platform.fly.region: unknown key; allowed: apiUrl, apps, tokenEnv"),
                Arguments.of(head + "pipeline:\n  gitlab: {project: 1}\n",
                        "line 6: pipeline.gitlab: unknown key (did you mean 'github'?); allowed: github"),
                Arguments.of("deployment: x\nservices: [a, b]\n",
                        "line 2: services[0]: expected a mapping (key: value), got 'a'"),
                // rules (like dependsOn and statusCodes) is a list or a single value
                Arguments.of(head + "rules: {a: b}\n", "line 5: rules: expected a text, got a mapping"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badShapes")
    void jacksonsBindingProblemsNameTheKeyAndTheLine(String yaml, String expected) throws IOException {
        InputException e = assertThrows(InputException.class, () -> load("shape.yaml", yaml));
        assertTrue(e.getMessage().contains("shape.yaml " + expected),
                () -> "expected the message to contain\n  " + expected + "\nbut it was\n  " + e.getMessage());
    }

    @Test
    void aJsonConfigsProblemsNameTheirLinesToo() {
        InputException e = assertThrows(InputException.class, () -> load("bad.json", """
                {
                  "deployment": "x",
                  "services": [
                    {"id": "a", "url": "http://127.0.0.1:9/",
                     "critical": "yes",
                     "expect": {"statusCodes": [200], "maxLatncy": "1s"}}
                  ],
                  "probe": {"retries": 2.5}
                }
                """));
        assertEquals(List.of(
                        "services[0].critical: expected true or false, got 'yes'",
                        "services[0].expect.maxLatncy: unknown key (did you mean 'maxLatency'?); allowed: healthPath,"
                                + " jsonEquals, jsonField, maxLatency, minCertificateDays, statusCodes, versionField,"
                                + " versionHeader",
                        "probe.retries: expected a whole number, got '2.5'"),
                e.problems().stream().map(p -> p.key() + ": " + p.message()).toList());
        assertEquals(List.of(5, 6, 8), e.problems().stream().map(InputException.Problem::line).toList());
    }

    @Test
    void aTokenWhereATypedValueGoesIsNeverEchoed() {
        String token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        InputException e = assertThrows(InputException.class, () -> load("t.yaml", """
                deployment: x
                services:
                  - id: a
                    url: http://127.0.0.1:9/
                    critical: %1$s
                    kind: %1$s
                    expect: {maxLatency: %1$s, statusCodes: [%1$s]}
                  - id: b
                    url: http://127.0.0.1:9/
                    %1$s: x
                probe: {retries: %1$s}
                """.formatted(token)));
        assertEquals(6, e.problems().size(), e.getMessage());
        assertFalse(e.getMessage().contains("a1B2c3"), "no part of the token may appear: " + e.getMessage());
        assertTrue(e.getMessage().contains("services[0].critical: expected true or false, got a value that looks like"
                + " a secret (not shown)"), e.getMessage());
    }

    /** The shop deployment of one HTTP service, orders, sending {@code headers} (a YAML flow mapping). */
    private DeploymentConfig ordersWithHeaders(String name, String headers) throws IOException, InputException {
        return load(name, """
                deployment: shop
                services:
                  - id: orders
                    url: https://orders.example/health
                    http:
                      headers: %s
                """.formatted(headers));
    }

    private DeploymentConfig load(String name, String text) throws IOException, InputException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return DeploymentConfig.load(file);
    }

    @Test
    void yamlYesInTheGateSectionIsTrueAsEverywhereElse() throws Exception {
        DeploymentConfig c = DeploymentConfig.parse(String.join("\n",
                "deployment: d",
                "services:",
                "  - id: a",
                "    url: http://127.0.0.1:9/",
                "    critical: yes",
                "gate:",
                "  minAvailabilityPercent: {percent: 80, key: yes}"), Path.of("yes.yaml"));
        assertTrue(c.deployment().services().get(0).critical());
        assertTrue(c.gate().criterion(GatePolicy.MIN_AVAILABILITY).orElseThrow().key());
    }
}
