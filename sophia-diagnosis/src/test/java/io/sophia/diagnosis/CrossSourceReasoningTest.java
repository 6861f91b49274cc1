package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Evidence;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossSourceReasoningTest {

    private static RankedCause cause(Assessment a, CauseId id) {
        return a.causes().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + a.causes().stream().map(RankedCause::id).toList()));
    }

    private static Observation.PlatformMachine machine(String service, String state, Observation.MachineEvent... events) {
        return Observation.PlatformMachine.builder(service, Source.FLY, "sophiaai-" + service + "-v2", "m-" + service)
                .name(service).state(state, false).region("fra")
                .imageRef("registry.fly.io/sophiaai-" + service + "-v2:deployment-01").hostStatus("ok")
                .events(List.of(events)).updatedAt(Fleet.T0).build();
    }

    private static Observation.MachineEvent exit(int code, boolean oom) {
        return new Observation.MachineEvent("exit", "stopped", "flyd", Fleet.T0.plusSeconds(30), code, oom,
                "exit_code=" + code);
    }

    @Test
    void aServiceDownBecauseItsDependencyIsDownIsExplainedByThatDependency() {
        Deployment d = new Deployment("shop", List.of(
                Fleet.service("db", "Database", "Storage", ServiceKind.TCP),
                Fleet.service("api", "API", "Orders API", ServiceKind.HTTP, "db"),
                Fleet.service("web", "Web", "Storefront", ServiceKind.HTTP)));
        List<Observation> o = List.of(
                Fleet.refused("db"),
                machine("db", "stopped", exit(1, false)),
                Observation.HttpCheck.builder("api", Source.HTTP, "https://api/health", 503)
                        .latency(Duration.ofMillis(20)).body("db unavailable", "text/plain").build(),
                Fleet.up("web"));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        RankedCause dep = cause(a, CauseId.DEPENDENCY_DOWN);
        assertEquals(List.of("api"), dep.serviceIds());
        assertTrue(dep.evidence().get(0).text().contains("api is down and depends on db, which is down too"),
                dep.evidence().get(0).text());
        // api's own 503 is explained by db: it is not weighed as a health-check problem of api
        assertTrue(a.causes().stream().filter(c -> c.id().equals(CauseId.APP_HEALTHCHECK_FAILING))
                .allMatch(c -> !c.serviceIds().contains("api")));
        String why = a.topCause().orElseThrow().explanation();
        if (!a.topCause().orElseThrow().id().equals(CauseId.DEPENDENCY_DOWN)) {
            assertTrue(why.contains("Service api is down only because a service it depends on is down"), why);
        }
        RankedCause crash = cause(a, CauseId.APP_CRASH_ON_BOOT);
        assertEquals(List.of("db"), crash.serviceIds());
        assertTrue(crash.evidence().stream().anyMatch(e -> e.text().contains("exited with code 1")));
        assertTrue(a.actions().stream().anyMatch(x -> x.title().equals("Restore db first")), a.actions().toString());
    }

    @Test
    void servicesThatDependOnEachOtherInACycleAreStillDiagnosed() {
        Deployment d = new Deployment("loop", List.of(
                Fleet.service("a", "A", "A", ServiceKind.HTTP, "b"),
                Fleet.service("b", "B", "B", ServiceKind.HTTP, "a")));
        Assessment x = Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.refused("a"), Fleet.refused("b")), Fleet.NOW);
        // no evidence for a chain on a cycle (the context priors may still list dependency.down, without evidence)
        assertTrue(x.causes().stream().noneMatch(c -> c.id().equals(CauseId.DEPENDENCY_DOWN)
                && c.evidence().stream().anyMatch(e -> e.direction() == Evidence.Direction.FOR && e.weight() > 0)),
                x.causes().toString());
        assertFalse(x.causes().isEmpty());
    }

    @Test
    void severalAppsFailingAtOnceWithPlatformApiErrorsPointAtThePlatform() {
        Deployment d = Fleet.reference();
        List<Observation> o = new ArrayList<>();
        for (String id : List.of("dashboard", "mcp-research", "mcp-context", "jobs")) {
            o.add(Fleet.failure(id, "http", FailureKind.CONNECT_TIMEOUT, null, "connect timed out after 2000 ms"));
            o.add(Fleet.failure(id, "fly", FailureKind.SERVER_ERROR, 503, "503 Service Unavailable"));
        }
        o.add(Fleet.up("mcp-repo"));
        o.add(Fleet.up("mcp-business"));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        RankedCause top = a.topCause().orElseThrow();
        assertEquals(CauseId.PLATFORM_OUTAGE, top.id(), a.causes().toString());
        assertTrue(top.probability() > 0.5, "p=" + top.probability());
        assertTrue(top.evidence().stream().anyMatch(e -> e.text().startsWith("Several apps")));
        // the two healthy services argue against an outage for everyone, so it is not certain
        assertTrue(top.evidence().stream().anyMatch(e -> e.direction() == Evidence.Direction.AGAINST));
        assertTrue(top.probability() < 0.99);
        assertTrue(a.gate().criteria().stream().anyMatch(c -> c.id().equals(GatePolicy.SOURCES_READABLE)
                && c.value().contains("Fly.io")));
    }

    @Test
    void theSameEvidenceFromFiveServicesIsAggregatedNotMultiplied() {
        Deployment d = Fleet.reference();
        List<Observation> one = List.of(Fleet.refused("dashboard"), Fleet.up("mcp-repo"), Fleet.up("mcp-research"),
                Fleet.up("mcp-context"), Fleet.up("mcp-business"), Fleet.up("jobs"));
        List<Observation> five = List.of(Fleet.refused("dashboard"), Fleet.up("mcp-repo"), Fleet.refused("mcp-research"),
                Fleet.refused("mcp-context"), Fleet.refused("mcp-business"), Fleet.refused("jobs"));
        // likelihood ratios as written, no caps: this is about aggregation, not calibration
        KnowledgeBase kb = KnowledgeBase.builtIn();
        Diagnosis asWritten = Diagnosis.builder().knowledgeBase(kb.withSettings(kb.settings().withCalibration(1.0,
                List.of()))).build();
        double w1 = weight(asWritten.diagnose(d, one, Fleet.NOW));
        double w5 = weight(asWritten.diagnose(d, five, Fleet.NOW));
        assertTrue(w5 > w1, w5 + " vs " + w1);
        assertTrue(w5 < 2 * w1, "five services weigh " + w5 + ", one weighs " + w1);
        assertEquals(Math.log(1.5) * (1 + 0.5 * Math.log(5)), w5, 0.001);
    }

    private static double weight(Assessment a) {
        return a.causes().stream().flatMap(c -> c.evidence().stream())
                .filter(e -> e.ruleId().equals("app.crash-on-boot/refused")).mapToDouble(Evidence::weight).findFirst()
                .orElseThrow(() -> new AssertionError(a.causes().toString()));
    }

    @Test
    void onlyConnectionRefusedGivesNoFalseCertainty() {
        Deployment d = Fleet.reference();
        List<Observation> o = List.of(Fleet.refused("dashboard"), Fleet.up("mcp-repo"), Fleet.up("mcp-research"),
                Fleet.up("mcp-context"), Fleet.up("mcp-business"), Fleet.up("jobs"));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        // one refused connection says little: no known cause may claim it, unknown leads
        RankedCause top = a.topCause().orElseThrow();
        assertEquals(CauseId.UNKNOWN, top.id(), a.causes().toString());
        assertEquals(io.sophia.core.Confidence.LOW, top.confidence());
        assertTrue(top.explanation().startsWith("No known cause explains the failure well"), top.explanation());
        assertTrue(a.causes().stream().filter(c -> !c.id().equals(CauseId.UNKNOWN))
                .allMatch(c -> c.probability() < 0.3 && c.confidence() == io.sophia.core.Confidence.LOW), a.causes().toString());
    }

    @Test
    void anOomKilledMachineIsAnOutOfMemoryNotACrash() {
        Deployment d = Fleet.reference();
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(d));
        o.set(0, Fleet.refused("dashboard"));
        o.add(machine("dashboard", "stopped", exit(137, true)));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(CauseId.APP_OOM, a.topCause().orElseThrow().id());
        assertTrue(a.topCause().orElseThrow().evidence().get(0).text().contains("killed for memory"));
    }

    @Test
    void anExpiredCertificateIsTheTlsCause() {
        Deployment d = Fleet.reference();
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(d));
        o.add(new Observation.TlsHandshake("jobs", Source.TLS, "sophiaai-jobs-v2.fly.dev", 443, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                "CN=sophiaai-jobs-v2.fly.dev", "CN=R11", Fleet.NOW.minus(Duration.ofDays(93)),
                Fleet.NOW.minus(Duration.ofDays(3)), -3, true, false, true, 2));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(io.sophia.core.Status.DOWN, a.service("jobs").orElseThrow().status());
        assertEquals(CauseId.TLS_CERTIFICATE, a.topCause().orElseThrow().id());
        assertTrue(a.gate().criteria().stream().anyMatch(c -> c.id().equals(GatePolicy.TLS_NOT_EXPIRING)
                && c.value().contains("jobs expired 3 days ago")));
    }

    @Test
    void theDownDependencyItselfCountsAsExplainedByDependencyDown() {
        Deployment d = new Deployment("accounts", List.of(
                Fleet.service("auth", "Auth", "Sign-in", ServiceKind.HTTP),
                Fleet.service("orders", "Orders", "Orders API", ServiceKind.HTTP, "auth"),
                Fleet.service("profile", "Profile", "Profiles", ServiceKind.HTTP, "auth")));
        List<Observation> o = List.of(Fleet.refused("auth"), Fleet.refused("orders"), Fleet.refused("profile"));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);

        RankedCause top = a.topCause().orElseThrow();
        assertEquals(CauseId.DEPENDENCY_DOWN, top.id());
        // "auth is down" is the answer dependency.down gives; it does not leave auth to the unknown hypothesis
        RankedCause unknown = cause(a, CauseId.UNKNOWN);
        assertTrue(unknown.evidence().stream().noneMatch(e -> e.text().contains("auth is failing")),
                unknown.evidence().toString());
        // auth is an application, not a datastore: since session 22 its chain is read weakly (an application root was
        // dependency.down 25 times of 66 in the tuning corpus), still first here, but below one source's level
        assertTrue(top.probability() > 0.4 && top.probability() < 0.9, "p " + top.probability());
    }
}
