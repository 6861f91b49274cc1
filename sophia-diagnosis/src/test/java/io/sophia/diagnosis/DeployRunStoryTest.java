package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Action;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Evidence;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's deploy run, told the way the audit read it: two jobs failing at the same step with
 * different errors, three deploys skipped after them, one service depending on another.
 */
class DeployRunStoryTest {

    // the two errors of the demo run (BuildKit as flyctl prints it, see ../shared/corpus/deploy-errors)
    private static final String NPM_BUILD = "ERROR: failed to solve: process \"/bin/sh -c npm run build\" did not complete "
            + "successfully: exit code: 1";
    private static final String COPY_MISSING = "ERROR: failed to solve: failed to compute cache key: failed to calculate "
            + "checksum of ref 9f1c2d7e::wq3x8k2m: \"/requirements.txt\": not found";

    private static Observation.LogFinding finding(String service, long job, String jobName, String indication, String line,
                                                  long n) {
        return new Observation.LogFinding(service, Source.GITHUB, job, jobName, Fleet.DEPLOY_STEP, n, indication,
                CauseId.of("build.dockerfile"), line, List.of(), 0.9);
    }

    /** The reference fleet where jobs depends on mcp-context, with the demo's CI run. */
    private static Deployment fleet() {
        List<Service> services = new ArrayList<>(Fleet.reference().services());
        services.set(5, Fleet.service("jobs", "Jobs Service", "Background Jobs", ServiceKind.HTTP, "mcp-context"));
        return new Deployment("sophia-ai", services);
    }

    private static List<Observation> run(String dashboardLine, String dashboardIndication, String businessLine,
                                         String businessIndication) {
        List<Observation> o = new ArrayList<>();
        o.add(Fleet.refused("dashboard"));
        o.add(Fleet.up("mcp-repo"));
        o.add(Fleet.mcp("mcp-repo"));
        for (String id : List.of("mcp-research", "mcp-context", "mcp-business", "jobs")) {
            o.add(Fleet.refused(id));
        }
        o.add(Fleet.run("failure"));
        o.add(Fleet.job(null, 1, "Preflight (repo & secrets)", "success", 3, Fleet.step(1, "Set up job", "success")));
        o.add(Fleet.deployJob("dashboard", 2, "Deploy Dashboard", "failure", 14));
        o.add(Fleet.deployJob("mcp-business", 3, "Deploy MCP Business", "failure", 5));
        o.add(Fleet.deployJob("mcp-repo", 4, "Deploy MCP Repo", "cancelled", 18));
        o.add(Fleet.job("mcp-research", 5, "Deploy MCP Research", "skipped", 0));
        o.add(Fleet.job("mcp-context", 6, "Deploy MCP Context", "skipped", 0));
        o.add(Fleet.job("jobs", 7, "Deploy Jobs", "skipped", 0));
        o.add(finding("dashboard", 2, "Deploy Dashboard", dashboardIndication, dashboardLine, 132));
        o.add(finding("mcp-business", 3, "Deploy MCP Business", businessIndication, businessLine, 100));
        return o;
    }

    private static Assessment diagnose(List<Observation> o) {
        return Diagnosis.ofDefaults().diagnose(fleet(), o, Fleet.NOW);
    }

    private static List<Evidence> evidence(Assessment a, String ruleId) {
        return a.causes().stream().flatMap(c -> c.evidence().stream()).filter(e -> e.ruleId().equals(ruleId)).toList();
    }

    @Test
    void jobsFailingAtTheSameStepWithDifferentErrorsAreNotCalledOneSharedCause() {
        Assessment a = diagnose(run(NPM_BUILD, "buildkit.process-failed", COPY_MISSING, "buildkit.cache-key-not-found"));
        assertEquals(CauseId.BUILD_DOCKERFILE, a.topCause().orElseThrow().id());
        assertTrue(evidence(a, "build.dockerfile/common-build-step").isEmpty(), a.topCause().orElseThrow().evidence().toString());
        String why = a.topCause().orElseThrow().explanation();
        assertFalse(why.contains("one shared cause"), why);
        assertTrue(why.contains("Deploy Dashboard and Deploy MCP Business failed at the same step \"Deploy service "
                + "(Dockerfile)\" but with different errors"), why);
    }

    @Test
    void jobsFailingAtTheSameStepWithTheSameErrorAreOneSharedCause() {
        Assessment a = diagnose(run(NPM_BUILD, "buildkit.process-failed", NPM_BUILD.replace("ERROR: ", "#12 ERROR: "),
                "buildkit.failed-to-solve"));
        List<Evidence> common = evidence(a, "build.dockerfile/common-build-step");
        assertEquals(1, common.size(), a.topCause().orElseThrow().evidence().toString());
        assertTrue(common.get(0).text().contains("with the same error: one shared cause, not 2 separate ones"),
                common.get(0).text());
    }

    @Test
    void withoutLogsTheCommonStepSaysTheErrorsCouldNotBeCompared() {
        List<Observation> o = run(NPM_BUILD, "x", COPY_MISSING, "y");
        o.removeIf(x -> x instanceof Observation.LogFinding);
        Assessment a = diagnose(o);
        assertTrue(evidence(a, "build.dockerfile/common-build-step").isEmpty());
        List<Evidence> unread = evidence(a, "build.dockerfile/common-build-step-logs-unread");
        assertEquals(1, unread.size(), a.causes().toString());
        assertTrue(unread.get(0).text().contains("cannot be compared"), unread.get(0).text());
    }

    @Test
    void theDockerfileRemedyNamesEachDistinctError() {
        Assessment a = diagnose(run(NPM_BUILD, "buildkit.process-failed", COPY_MISSING, "buildkit.cache-key-not-found"));
        Action fix = a.actions().get(0);
        assertEquals(CauseId.BUILD_DOCKERFILE, fix.causeId());
        assertTrue(fix.detail().contains("2 different errors"), fix.detail());
        assertTrue(fix.detail().contains("npm run build\" did not complete successfully: exit code: 1\" (Deploy Dashboard)"),
                fix.detail());
        assertTrue(fix.detail().contains("\"/requirements.txt\": not found\" (Deploy MCP Business)"), fix.detail());

        Assessment same = diagnose(run(NPM_BUILD, "buildkit.process-failed", NPM_BUILD, "buildkit.process-failed"));
        String detail = same.actions().get(0).detail();
        assertTrue(detail.contains("the failing line was: \"" + NPM_BUILD + "\""), detail);
        assertFalse(detail.contains("different errors"), detail);
    }

    @Test
    void servicesWhoseDeployWasSkippedAreCountedWithTheCauseThatStoppedTheRun() {
        Assessment a = diagnose(run(NPM_BUILD, "buildkit.process-failed", COPY_MISSING, "buildkit.cache-key-not-found"));
        RankedCause top = a.topCause().orElseThrow();
        assertEquals(List.of("dashboard", "mcp-research", "mcp-context", "mcp-business", "jobs"), top.serviceIds());
        // mcp-repo's deploy was cancelled too, but it answers: it is an anomaly, not part of the failure
        assertFalse(top.serviceIds().contains("mcp-repo"));
        assertTrue(top.explanation().contains("The run stopped before deploying mcp-research, mcp-context and jobs"),
                top.explanation());
        assertTrue(a.actions().stream().anyMatch(x -> x.title().equals(
                "Redeploy dashboard, mcp-research, mcp-context, mcp-business and jobs once the image builds")),
                a.actions().toString());
        // attribution, not likelihood: the same run without the skipped jobs ranks the cause the same
        List<Observation> without = run(NPM_BUILD, "buildkit.process-failed", COPY_MISSING, "buildkit.cache-key-not-found");
        without.removeIf(x -> x instanceof Observation.CiJob j && "skipped".equals(j.conclusion()));
        assertEquals(diagnose(without).topCause().orElseThrow().probability(), top.probability(), 1e-9);
    }

    @Test
    void aDependencyThatIsDownIsStatedWithoutClaimingAnUnrankedCauseCoversIt() {
        Assessment a = diagnose(run(NPM_BUILD, "buildkit.process-failed", COPY_MISSING, "buildkit.cache-key-not-found"));
        String why = a.topCause().orElseThrow().explanation();
        assertTrue(why.contains("jobs depends on mcp-context, which is DOWN"), why);
        boolean dependencyRanked = a.causes().stream().anyMatch(c -> c.id().equals(CauseId.DEPENDENCY_DOWN));
        assertEquals(dependencyRanked, why.contains("dependency.down covers"), why);
    }

    @Test
    void thePlatformApiIsCountedForEveryAppItAnsweredFor() {
        List<Observation> o = run(NPM_BUILD, "buildkit.process-failed", COPY_MISSING, "buildkit.cache-key-not-found");
        for (Service s : fleet().services()) {
            String state = s.id().equals("mcp-repo") ? "started" : "stopped";
            o.add(Observation.PlatformMachine.builder(s.id(), Source.FLY, "sophiaai-" + s.id() + "-v2", "m-" + s.id())
                    .name(s.id()).state(state, false).region("ams")
                    .imageRef("registry.fly.io/sophiaai-" + s.id() + "-v2:deployment-01").hostStatus("ok")
                    .updatedAt(Fleet.T0).build());
        }
        Assessment a = diagnose(o);
        List<Evidence> api = evidence(a, "platform.outage/api-answered");
        String text = api.isEmpty() ? a.topCause().orElseThrow().explanation() : api.get(0).text();
        // jobs is explained by its dependency, yet the API still answered for its app
        assertTrue(text.contains("answered normally for 6 apps"), text);
    }
}
