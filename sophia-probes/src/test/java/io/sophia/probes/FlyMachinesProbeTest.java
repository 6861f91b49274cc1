package io.sophia.probes;

import io.sophia.core.testing.RefusedPort;
import io.sophia.core.Source;
import io.sophia.core.ProbeContext;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.PlatformMachine;
import io.sophia.core.Observation.ProbeFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Fly Machines probe against a loopback Machines API serving the corpus payloads")
class FlyMachinesProbeTest {

    private static final String TOKEN = "fo1_secret-test-token-4711";
    private static final Instant NOW = Instant.parse("2023-10-31T02:40:00Z");

    private FlyApiTestServer api;

    @BeforeEach
    void start() throws Exception {
        api = new FlyApiTestServer();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private FlyConfig.Builder config() {
        return FlyConfig.custom()
                .apiUrl(api.url())
                .tokenEnv("TEST_FLY_TOKEN")
                .env(Map.of("TEST_FLY_TOKEN", TOKEN)::get)
                .timeout(Duration.ofSeconds(30)) // a hang guard: a stalled machine must not make an answer a timeout
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<Observation> run(FlyConfig config) {
        List<Observation> out = FlyMachinesProbe.of(config, null).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        assertFalse(out.toString().contains(TOKEN), "the token leaked into an observation: " + out);
        return out;
    }

    private static ProbeFailure onlyFailure(List<Observation> out) {
        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0) instanceof ProbeFailure, out.toString());
        ProbeFailure f = (ProbeFailure) out.get(0);
        assertEquals(Source.FLY, f.source());
        return f;
    }

    @Test
    void listsEveryMachineOfTheDocumentedListResponseWithRegionImageAndChecks() {
        api.answer("fleet-web", 200, FlyCorpus.read("fly-api/examples/list_resp.json"));
        List<Observation> out = run(config().app("web", "fleet-web").build());

        assertEquals(2, out.size(), out.toString());
        PlatformMachine first = (PlatformMachine) out.get(0);
        assertEquals("web", first.serviceId());
        assertEquals("fleet-web", first.app());
        assertEquals("a5c5de9ce64ca12", first.machineId());
        assertEquals("started", first.state());
        assertFalse(first.stuck());
        assertEquals("ord", first.region());
        assertEquals("registry-1.docker.io/rebelthor/sleep:latest@sha256:"
                + "597c3e12f830132be2aa69b4c0deccb0657ea4253e6d59c6f38e41e9f69a0add", first.imageRef());
        assertEquals(Instant.parse("2023-10-31T02:35:26Z"), first.updatedAt());
        assertEquals("start", first.events().get(0).type(), "newest event first");
        assertEquals(Instant.ofEpochMilli(1698719726615L), first.events().get(0).timestamp());

        PlatformMachine second = (PlatformMachine) out.get(1);
        assertEquals("registry.fly.io/teamcoco@sha256:5615ef423504d56ae345ccff9db54796d589965da953297f5785042df0628452",
                second.imageRef(), "no tag in the ref: none in the image reference");
        assertEquals(List.of(new Observation.MachineCheck("servicecheck-00-tcp-8080", "passing", "Success")),
                second.checks());

        assertEquals(List.of("/v1/apps/fleet-web/machines"), api.paths);
        assertEquals(List.of("Bearer " + TOKEN), api.authorizations);
    }

    @Test
    void aStoppedMachineCarriesItsExitCodeAndOomFlagFromTheExitEvent() {
        api.answer("crashy", 200, "[" + FlyCorpus.read("fly-api/examples/2023-get_resp.json") + "]");
        List<Observation> out = run(config().app("api", "crashy").build());

        PlatformMachine m = (PlatformMachine) out.get(0);
        assertEquals("stopped", m.state());
        assertFalse(m.stuck(), "stopped is persistent, never stuck");
        Observation.MachineEvent exit = m.events().get(0);
        assertEquals("exit", exit.type());
        assertEquals("flyd", exit.source());
        assertEquals(127, exit.exitCode());
        assertEquals(Boolean.FALSE, exit.oomKilled());
        assertEquals(Instant.ofEpochMilli(1653346106636L), exit.timestamp());
        assertNull(m.events().get(1).exitCode(), "only exit events carry an exit code");
        assertEquals("registry-1.docker.io/flyio/fastify-functions:latest@sha256:"
                + "e15c11a07e1abbc50e252ac392a908140b199190ab08963b3b5dffc2e813d1e8", m.imageRef());
    }

    @Test
    void aCriticalHealthCheckIsReportedWithItsOutputAlongsideAPassingMachine() {
        // Hand-built after the CheckStatus schema (name/output/status/updated_at): the corpus has no failing check.
        String failing = """
                [{"id":"3d8d9e1fe23589","name":"bold-fog-1234","state":"started","region":"ams",
                  "image_ref":{"registry":"registry.fly.io","repository":"research-mcp","tag":"deployment-01HQ",
                               "digest":"sha256:0a1b2c"},
                  "host_status":"ok","updated_at":"2023-10-31T02:30:00Z",
                  "checks":[{"name":"servicecheck-00-http-8080","status":"critical",
                             "output":"Get \\"http://172.19.0.2:8080/health\\": dial tcp 172.19.0.2:8080: connect: connection refused",
                             "updated_at":"2023-10-31T02:39:00Z"}],
                  "events":[{"type":"exit","status":"stopped","source":"flyd","timestamp":1698719700000,
                             "request":{"exit_event":{"exit_code":137,"oom_killed":true,"signal":9,"restarting":true},
                                        "restart_count":3}},
                            {"type":"launch","status":"failed","source":"flyd","timestamp":1698719600000,
                             "request":{"error":"failed to pull image"}}]}]
                """;
        api.answer("research", 200, failing)
                .answer("fleet-web", 200, FlyCorpus.read("fly-api/examples/machine-with-checks.json")
                        .transform(s -> "[" + s + "]"));
        List<Observation> out = run(config().app("research", "research").app("web", "fleet-web").build());

        assertEquals(2, out.size(), out.toString());
        PlatformMachine research = (PlatformMachine) out.get(0);
        assertEquals("research", research.serviceId());
        assertEquals("ok", research.hostStatus());
        assertEquals("critical", research.checks().get(0).status());
        assertTrue(research.checks().get(0).output().contains("connection refused"));
        Observation.MachineEvent exit = research.events().get(0);
        assertEquals(137, exit.exitCode());
        assertEquals(Boolean.TRUE, exit.oomKilled());
        assertTrue(exit.detail().contains("restart_count=3") && exit.detail().contains("signal=9"), exit.detail());
        Observation.MachineEvent launch = research.events().get(1);
        assertEquals("failed", launch.status());
        assertEquals("failed to pull image", launch.detail());
        PlatformMachine web = (PlatformMachine) out.get(1);
        assertEquals("passing", web.checks().get(0).status());
    }

    @Test
    void aTransientStateThatOutlastsTheThresholdIsStuckButAFreshOneIsNot() {
        String machines = """
                [{"id":"m1","state":"starting","updated_at":"2023-10-31T02:30:00Z"},
                 {"id":"m2","state":"stopping","updated_at":"2023-10-31T02:39:00Z"},
                 {"id":"m3","state":"replacing","updated_at":"2023-10-31T02:33:00Z"},
                 {"id":"m4","state":"updating","updated_at":"2023-10-31T02:20:00Z"},
                 {"id":"m5","state":"destroying","created_at":"2023-10-31T02:00:00Z"},
                 {"id":"m6","state":"suspended","updated_at":"2023-01-01T00:00:00Z"}]
                """;
        api.answer("app", 200, machines);
        List<Observation> out = run(config().app("svc", "app").stuckAfter(Duration.ofMinutes(5)).build());

        Map<String, Boolean> stuck = new java.util.LinkedHashMap<>();
        out.forEach(o -> stuck.put(((PlatformMachine) o).machineId(), ((PlatformMachine) o).stuck()));
        assertEquals(Map.of("m1", true, "m2", false, "m3", false, "m4", true, "m5", true, "m6", false), stuck,
                "starting 10 min: stuck; stopping 1 min: not; replacing 7 min (limit 10): not; updating 20 min: stuck; "
                        + "destroying since creation 40 min: stuck; suspended is persistent");
    }

    @Test
    void anUnknownAppIsNotFoundWithThePlatformsMessage() {
        List<Observation> out = run(config().app("web", "no-such-app").build());
        ProbeFailure f = onlyFailure(out);
        assertEquals(FailureKind.NOT_FOUND, f.kind());
        assertEquals(404, f.httpStatus());
        assertEquals("web", f.serviceId());
        assertTrue(f.detail().contains("app not found"), f.detail());
    }

    @Test
    void aRejectedTokenIsUnauthorizedAndNeverEchoed() {
        api.answer("app", 401, "{\"error\":\"token " + TOKEN + " is invalid\"}");
        ProbeFailure f = onlyFailure(run(config().app("web", "app").build()));
        assertEquals(FailureKind.UNAUTHORIZED, f.kind());
        assertTrue(f.detail().contains(io.sophia.core.Secrets.MASK), f.detail());
    }

    @Test
    void billingAndUnprocessableAnswersKeepThePlatformsMessageAndStatus() {
        api.answer("billing", 402, "{\"error\":\"Your organization has an unpaid invoice\"}")
                .answer("capacity", 422, "{\"error\":\"could not reserve resource for machine\",\"status\":\"insufficient_capacity\"}");
        List<Observation> out = run(config().app("a", "billing").app("b", "capacity").build());
        assertEquals(2, out.size());
        ProbeFailure billing = (ProbeFailure) out.get(0);
        assertEquals(FailureKind.PAYMENT_REQUIRED, billing.kind());
        assertTrue(billing.detail().contains("unpaid invoice"), billing.detail());
        ProbeFailure capacity = (ProbeFailure) out.get(1);
        assertEquals(FailureKind.UNPROCESSABLE, capacity.kind());
        assertEquals("b", capacity.serviceId());
        assertTrue(capacity.detail().contains("could not reserve resource")
                && capacity.detail().contains("insufficient_capacity"), capacity.detail());
    }

    @Test
    void aPlatformOutageIsAServerError() {
        api.answer("app", 503, "<html><body>upstream connect error</body></html>");
        ProbeFailure f = onlyFailure(run(config().app("web", "app").build()));
        assertEquals(FailureKind.SERVER_ERROR, f.kind());
        assertEquals(503, f.httpStatus());
        assertTrue(f.kind().transientFailure());
    }

    @Test
    void garbageOrAnObjectInsteadOfTheMachineListIsABadPayload() {
        api.answer("garbage", 200, "{\"machines\": [tru").answer("object", 200, "{\"id\":\"m1\"}");
        List<Observation> out = run(config().app("a", "garbage").app("b", "object").build());
        assertEquals(FailureKind.BAD_PAYLOAD, ((ProbeFailure) out.get(0)).kind());
        assertEquals(FailureKind.BAD_PAYLOAD, ((ProbeFailure) out.get(1)).kind());
    }

    @Test
    void anAppWithoutMachinesGivesAFailedCondition() {
        api.answer("empty", 200, "[]");
        List<Observation> out = run(config().app("web", "empty").build());
        Observation.ConditionCheck c = (Observation.ConditionCheck) out.get(0);
        assertFalse(c.passed());
        assertEquals("0 machines", c.actual());
    }

    @Test
    void aMissingTokenVariableIsMisconfiguredAndNoRequestIsSent() {
        ProbeFailure f = onlyFailure(FlyMachinesProbe.of(config().env(name -> null).app("web", "app").build(), null).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));
        assertEquals(FailureKind.MISCONFIGURED, f.kind());
        assertTrue(f.detail().contains("TEST_FLY_TOKEN"), f.detail());
        assertTrue(api.paths.isEmpty());
    }

    @Test
    void aTokenStoredWithItsTrailingNewlineIsSentWithoutIt() {
        api.answer("empty", 200, "[]");
        run(config().env(Map.of("TEST_FLY_TOKEN", TOKEN + "\n")::get).app("web", "empty").build());
        assertEquals(List.of("Bearer " + TOKEN), api.authorizations);
    }

    @Test
    void aTokenWithALineBreakInsideIsRejectedBeforeAnyRequestAndNeverEchoed() {
        String twoLines = "fm2_firstLineOfTheToken1234\nsecondLineOfTheToken5678";
        ProbeFailure f = onlyFailure(FlyMachinesProbe.of(config().env(Map.of("TEST_FLY_TOKEN", twoLines)::get)
                .app("web", "app").build(), null).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));
        assertEquals(FailureKind.MISCONFIGURED, f.kind());
        assertTrue(f.detail().contains("TEST_FLY_TOKEN") && f.detail().contains("more than one line"), f.detail());
        assertFalse(f.toString().contains("firstLineOfTheT") || f.toString().contains("secondLineOfThe"), f.toString());
        assertTrue(api.paths.isEmpty(), "no request may be sent: " + api.paths);
    }

    @Test
    void aTokenThatCannotBeAHeaderValueIsMisconfiguredWithoutEchoingIt() {
        String broken = "fo1_first-half\nsecond-half-4711";
        ProbeFailure f = onlyFailure(FlyMachinesProbe.of(config().env(Map.of("TEST_FLY_TOKEN", broken)::get)
                .app("web", "app").build(), null).run(ProbeContext.withTimeout(Duration.ofMinutes(1))));
        assertEquals(FailureKind.MISCONFIGURED, f.kind());
        assertTrue(f.detail().contains("TEST_FLY_TOKEN"), f.detail());
        assertFalse(f.toString().contains("first-half") || f.toString().contains("second-half"), f.toString());
        assertTrue(api.paths.isEmpty());
    }

    @Test
    void aHangingApiIsAReadTimeoutWithinTheBudgetAndTheNextAppIsStillReported() throws Exception {
        api.hang("slow");
        long[] ms = new long[1];
        // a machine that stalls past the 300 ms before the first call was made leaves it no time at all, rightly
        List<Observation> out = Stalls.retried(() -> {
            long t0 = System.nanoTime();
            List<Observation> attempt = run(config().timeout(Duration.ofMillis(300)).app("a", "slow").app("b", "other").build());
            ms[0] = (System.nanoTime() - t0) / 1_000_000;
            return attempt;
        }, early -> early.get(0) instanceof ProbeFailure f && f.kind() == FailureKind.DEADLINE_EXCEEDED);
        assertEquals(2, out.size(), out.toString());
        assertEquals(FailureKind.READ_TIMEOUT, ((ProbeFailure) out.get(0)).kind());
        assertEquals(FailureKind.DEADLINE_EXCEEDED, ((ProbeFailure) out.get(1)).kind());
        // the server holds the request until the test ends: ending at all is ending at the deadline; the bound has
        // room for a machine that stalls for seconds
        assertTrue(ms[0] < 20_000, "the probe gave up at its deadline, not when the server let go: " + ms[0] + " ms");
    }

    @Test
    void anUnreachableApiIsConnectionRefused() throws Exception {
        int port = RefusedPort.held(); // refused until the run ends: no other process can take it
        ProbeFailure f = onlyFailure(run(config().apiUrl(URI.create("http://127.0.0.1:" + port + "/"))
                .app("web", "app").build()));
        assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
        assertEquals("http://127.0.0.1:" + port + "/v1/apps/app/machines", f.target());
    }
}
