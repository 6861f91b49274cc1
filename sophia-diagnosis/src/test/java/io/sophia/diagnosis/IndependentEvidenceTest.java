package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Evidence;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, "honest confidence": what counts as independent evidence. A wrapper line and the inner error printed before
 * it are one failure, not two: the inner error names the cause and the wrapper adds nothing to another cause; a
 * check-run annotation is a line of the job's log, not a second kind of source; and a dependency whose own log ends on
 * an error of a named cause is where the failure spread, not its root; a connection failure to the deployment's
 * own endpoint is that endpoint being down, not a download; and a health check the app answered with a 5xx reached it. Every string is public wording; its source is named where
 * it is used.
 */
class IndependentEvidenceTest {

    // Postgrex on Erlang's resolver (elixir-ecto/postgrex#255)
    private static final String NXDOMAIN = "Postgrex.Protocol (#PID<0.1486.0>) failed to connect: ** "
            + "(DBConnection.ConnectionError) tcp connect: non-existing domain - :nxdomain";
    // flyctl's wait for health checks (superfly/flyctl's wording, as in FailureFamiliesTest)
    private static final String HEALTH_WAIT = "Error: timeout reached waiting for health checks to pass for machine "
            + "3d8d413b29d089: context deadline exceeded";

    private static List<Observation.LogFinding> scan(String serviceId, long jobId, String log) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, serviceId, jobId, "deploy",
                List.of()), new StringReader(log));
    }

    /** One failed deploy job for dashboard whose log is {@code log}; the other services are healthy. */
    private static Assessment deployFailsWith(String log) throws IOException {
        return Fleet.deployFailed("deploy", "Deploy", log);
    }

    private static List<String> evidenceFor(Assessment a, CauseId cause) {
        return a.causes().stream().filter(c -> c.id().equals(cause)).flatMap(c -> c.evidence().stream())
                .filter(e -> e.direction() == Evidence.Direction.FOR && e.weight() > 0).map(Evidence::ruleId).toList();
    }

    @Test
    void aWrapperLineAfterASpecificErrorOfAnotherCauseAddsNothingToItsOwnCause() throws IOException {
        // alone, the wait says the health checks failed: the wrapper supports app.healthcheck-failing
        Assessment alone = deployFailsWith(HEALTH_WAIT + "\n");
        assertTrue(evidenceFor(alone, CauseId.APP_HEALTHCHECK_FAILING).stream().anyMatch(r -> r.contains("log-indication")),
                alone.causes().toString());
        // with the error printed before it, the wait only says which step failed: the inner error is the cause
        Assessment wrapped = deployFailsWith(NXDOMAIN + "\n" + HEALTH_WAIT + "\n");
        assertEquals(CauseId.NETWORK_DNS, wrapped.topCause().orElseThrow().id(), wrapped.causes().toString());
        assertTrue(evidenceFor(wrapped, CauseId.APP_HEALTHCHECK_FAILING).stream().noneMatch(r -> r.contains("log-indication")),
                wrapped.causes().toString());
        // printed after the wrapper, the same line is not the wrapper's inner error: the wrapper still counts
        Assessment after = deployFailsWith(HEALTH_WAIT + "\n" + NXDOMAIN + "\n");
        assertTrue(evidenceFor(after, CauseId.APP_HEALTHCHECK_FAILING).stream().anyMatch(r -> r.contains("log-indication")),
                after.causes().toString());
    }

    @Test
    void aBuildWrapperThatQuotesAnErrorOfAnotherCauseOnItsOwnLineOnlySaysWhichStepFailed() throws IOException {
        // flyctl's build wrapper around the remote builder's capacity error (shirotamaki/outdoor-heart-sutra#431)
        Assessment a = deployFailsWith("Error: failed to fetch an image or build from source: error connecting to "
                + "docker: Couldn't allocate volume, not enough compute capacity left in iad\n");
        assertEquals(CauseId.PLATFORM_CAPACITY, a.topCause().orElseThrow().id(), a.causes().toString());
        assertTrue(evidenceFor(a, CauseId.BUILD_DOCKERFILE).stream().noneMatch(r -> r.contains("log-indication")),
                a.causes().toString());
        // two readings of one line that is no build wrapper are not one inside the other: flyctl's smoke-check line
        // (superfly/flyctl's wording, as in FailureFamiliesTest) keeps both readings
        Assessment smoke = deployFailsWith("Error: smoke checks for 1781973f045789 failed: the app appears to be crashing\n");
        assertFalse(evidenceFor(smoke, CauseId.APP_CRASH_ON_BOOT).isEmpty(), smoke.causes().toString());
    }

    @Test
    void aRunningAppsFailurePrintedInsideAnImageBuildDoesNotTakeTheBuildWrappersPlace() throws IOException {
        // a heap exhausted by RUN yarn run build is the build's failure (casdoor/casdoor#3672): the phase decides
        Assessment a = deployFailsWith("""
                #10 [front 6/6] RUN yarn run build
                #10 297.8 FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
                #10 298.4 error Command failed with exit code 134.
                #10 ERROR: process "/bin/sh -c yarn run build" did not complete successfully: exit code: 134
                ERROR: failed to solve: process "/bin/sh -c yarn run build" did not complete successfully: exit code: 134
                """);
        assertEquals(CauseId.BUILD_DOCKERFILE, a.topCause().orElseThrow().id(), a.causes().toString());
    }

    @Test
    void anAnnotationAndTheLogLineItRepeatsAreOneSource() throws IOException {
        // the runner prints "##[error]<message>" in the job log and posts the same message as the job's annotation
        // (actions/runner: "The job running on runner %s has exceeded the maximum execution time of %s minutes.")
        String message = "The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.";
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("cancelled"));
        o.add(Fleet.job("dashboard", 2, "deploy", "cancelled", 21600, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Deploy", "cancelled")));
        o.addAll(scan("dashboard", 2, "##[error]" + message + "\n"));
        o.add(new Observation.CiAnnotation("dashboard", Source.GITHUB, 2, "failure", null, message, null, null));
        RankedCause top = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW).topCause().orElseThrow();
        assertEquals(CauseId.CI_TIMEOUT, top.id(), top.toString());
        // the log with its annotation, and the job's own conclusion: two kinds, not three
        assertTrue(top.probability() <= KnowledgeBase.builtIn().settings().cap(2) + 1e-9, top.toString());
        assertFalse(top.explanation().contains("annotation"), top.explanation());
    }

    @Test
    void aSmokeCheckThatCannotReachTheDeploymentsOwnEndpointIsNoDownloadFailure() throws IOException {
        // curl's message (curl/curl lib/connect.c: "Failed to connect to %s port %u after %ld ms: %s"): to the
        // deployment's own endpoint it says the service is unreachable; to a package host, that a download failed
        Assessment own = deployFailsWith("curl: (7) Failed to connect to sophiaai-dashboard-v2.fly.dev port 443 after "
                + "3 ms: Couldn't connect to server\n");
        assertTrue(evidenceFor(own, CauseId.BUILD_DEPENDENCY_FETCH).isEmpty(), own.causes().toString());
        Assessment download = deployFailsWith("curl: (7) Failed to connect to registry.npmjs.org port 443 after 3 ms: "
                + "Couldn't connect to server\n");
        assertFalse(evidenceFor(download, CauseId.BUILD_DEPENDENCY_FETCH).isEmpty(), download.causes().toString());
    }

    /** dashboard answers 503; its one machine runs, with a critical health check whose output is {@code output}. */
    private static Assessment criticalCheck(String output) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.failure("dashboard", "http", io.sophia.core.FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"));
        o.removeIf(x -> x instanceof Observation.CiRun);
        o.add(Observation.PlatformMachine.builder("dashboard", Source.FLY, "sophiaai-dashboard-v2", "m1").name("m1")
                .state("started", false).region("fra").imageRef("img").hostStatus("ok")
                .checks(List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "critical", output)))
                .updatedAt(Fleet.T0).build());
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    @Test
    void aHealthCheckTheAppAnsweredWithAServerErrorReachedItAndIsNoSourceForAFailingCheck() {
        // Fly's check outputs as quoted in the corpus: a 503 from Spring's actuator whose Redis is down (h4-34's
        // source), a refused connection from an app listening elsewhere (h8-41's)
        RankedCause answered = criticalCheck("HTTP GET http://172.19.8.2:8080/actuator/health: 503 Service Unavailable")
                .topCause().orElseThrow();
        RankedCause refused = criticalCheck("connect: connection refused").topCause().orElseThrow();
        assertEquals(CauseId.APP_HEALTHCHECK_FAILING, refused.id(), refused.toString());
        // the app answered: it runs and says it is unhealthy for a reason of its own, which nothing here names
        assertEquals(CauseId.UNKNOWN, answered.id(), answered.toString());
    }

    /** api depends on db; both refuse connections; db's deploy job failed with {@code log}. */
    private static Assessment dependencyDeployFailsWith(String log) throws IOException {
        Deployment d = new Deployment("shop", List.of(
                Fleet.service("api", "API", "Public API", ServiceKind.HTTP, "db"),
                Fleet.service("db", "Database", "Storage", ServiceKind.HTTP)));
        List<Observation> o = new ArrayList<>();
        o.add(Fleet.refused("api"));
        o.add(Fleet.refused("db"));
        o.add(Fleet.run("failure"));
        o.add(Fleet.job("db", 2, "deploy", "failure", 30, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Create deployment", "failure")));
        o.addAll(scan("db", 2, log));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    @Test
    void aDependencyWhoseOwnLogNamesAnErrorIsWhereTheFailureSpreadNotItsRoot() throws IOException {
        // GKE's quota inside its error (amygdala/tensorflow-workshop#13): the quota is the root, api is down because db is
        Assessment quota = dependencyDeployFailsWith("EXTERNAL: Insufficient regional quota to satisfy request for "
                + "resource: \"CPUS\". The request requires '24.0' and is short '16.0'. The regional quota is '8.0' with "
                + "'8.0' available.\n");
        assertEquals(CauseId.PLATFORM_QUOTA, quota.topCause().orElseThrow().id(), quota.causes().toString());
        assertTrue(evidenceFor(quota, CauseId.DEPENDENCY_DOWN).stream().noneMatch(r -> r.endsWith("/dependency-down")),
                quota.causes().toString());
        // the dependency deployed, then its own log ends on a named error (the JVM's "java.lang.OutOfMemoryError: Java
        // heap space", Oracle's troubleshooting guide): that error is the root, whatever the job's conclusion
        Deployment d = new Deployment("logs", List.of(
                Fleet.service("ui", "UI", "Logs UI", ServiceKind.HTTP, "search"),
                Fleet.service("search", "Search", "Search engine", ServiceKind.HTTP)));
        List<Observation> o = new ArrayList<>(List.of(Fleet.refused("ui"), Fleet.refused("search"), Fleet.run("success"),
                Fleet.job("search", 2, "deploy", "success", 30, Fleet.step(1, "Deploy", "success"))));
        o.addAll(scan("search", 2, "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n"));
        Assessment oom = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(CauseId.APP_OOM, oom.topCause().orElseThrow().id(), oom.causes().toString());
        // a job on the database that failed with nothing specific (flyctl's "Error no active leader found" for a
        // Postgres app that is not running, dwyl/elixir-auth-github-demo#22) says the dependency is down: it is the root
        Assessment leader = dependencyDeployFailsWith("Error no active leader found\n");
        assertTrue(evidenceFor(leader, CauseId.DEPENDENCY_DOWN).stream().anyMatch(r -> r.endsWith("/dependency-down")),
                leader.causes().toString());
    }
}
