package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Review of the forty-fifth round (session 19's later diagnosis changes): a violated expectation's reading as a source,
 * never-deployed at LR 0.02, a dependency rooted by its own expectation, and dependencies-answer.
 */
class FortyFifthRoundReviewTest {

    /**
     * A deploy that failed because the runner could not resolve the registry's name: the service's own name not
     * resolving is the deploy's consequence, but the deploy's own failure is the name (network.dns).
     */
    @Test
    void aDeployThatFailedOnANameStillNamesTheName() throws IOException {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.failure("dashboard", "http", FailureKind.DNS_FAILURE, null,
                "lookup sophiaai-dashboard-v2.fly.dev: no such host"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("dashboard", 2, "deploy", "failure", 30, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, Fleet.DEPLOY_STEP, "failure")));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader("""
                Run ssh -o StrictHostKeyChecking=no deploy@dashboard.sophia.internal 'bash -s' < deploy.sh
                ssh: Could not resolve hostname dashboard.sophia.internal: Name or service not known
                ##[error]Process completed with exit code 255.
                """)));
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals(CauseId.NETWORK_DNS, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * api is down, its log saying its Redis refuses; its modelled database answers. Redis is not in the deployment, so
     * "every dependency answers" says nothing about it.
     */
    @Test
    void anUnmodelledDependencyInTheLogIsStillADependencyDown() throws IOException {
        Deployment d = new Deployment("shop", List.of(Fleet.service("api", "API", "Orders API", ServiceKind.HTTP,
                "postgres"), Fleet.service("postgres", "postgres", "db", ServiceKind.HTTP)));
        List<Observation> o = new ArrayList<>(List.of(Fleet.refused("api"), Fleet.up("postgres")));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "api", 0, "logs", List.of()),
                new StringReader("""
                2026-12-05T05:01:02Z INFO starting worker
                redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.
                """)));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(CauseId.DEPENDENCY_DOWN, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * web depends on api, api on db; db is down and api crash-loops because it cannot reach db (its pod's "Back-off
     * restarting failed container" is a symptom, not a failure of its own): the root is db being down.
     */
    @Test
    void aDependencyCrashLoopingOnItsOwnDependencyDoesNotRootTheChain() {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Shop", ServiceKind.HTTP, "api"),
                Fleet.service("api", "API", "Orders API", ServiceKind.HTTP, "db"),
                Fleet.service("db", "db", "Orders database", ServiceKind.HTTP)));
        List<Observation> o = new ArrayList<>(List.of(Fleet.refused("web"), Fleet.refused("api"),
                Fleet.failure("db", "http", FailureKind.CONNECT_TIMEOUT, null, "connect timed out"),
                new Observation.ConditionCheck("api", Source.of("host"), "pod Ready", false,
                        "Back-off restarting failed container api in pod api-7d9f8b6c5-x2k4q")));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(CauseId.DEPENDENCY_DOWN, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * The deploy went through ("Machine ... is now in a good state") and only its smoke test failed, on the service's
     * own name: the deploy "failed" because the name does not resolve, not the other way round.
     */
    @Test
    void aDeployWhoseSmokeTestFailedOnTheNameIsNotANameNeverMade() throws IOException {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.failure("dashboard", "http", FailureKind.DNS_FAILURE, null,
                "lookup sophiaai-dashboard-v2.fly.dev: no such host"));
        o.set(o.size() - 1, Fleet.run("failure"));
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, Fleet.DEPLOY_STEP, "success"), Fleet.step(3, "Smoke test", "failure"));
        o.add(Fleet.job("dashboard", 2, "deploy", "failure", 30, steps.toArray(Observation.CiStep[]::new)));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                steps), new StringReader("""
                ##[group]Run flyctl deploy --remote-only
                ==> Verifying app config
                --> Verified app config
                 ✔ Machine 3d8d9e1c4e5d08 [app] update finished: success
                Visit your newly deployed app at https://sophiaai-dashboard-v2.fly.dev/
                ##[endgroup]
                ##[group]Run curl -fsS https://sophiaai-dashboard-v2.fly.dev/health
                curl: (6) Could not resolve host: sophiaai-dashboard-v2.fly.dev
                ##[error]Process completed with exit code 6.
                """)));
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals(CauseId.NETWORK_DNS, a.causes().get(0).id(), a.causes().toString());
        assertFalse(Fleet.weighs(a, "network.dns/never-deployed"), a.causes().toString());
    }

    /**
     * A violated expectation whose actual value restates the log's line (a pod's reason and the same words in its log)
     * is one source with it: the expectation adds its weight, not a second independent source.
     */
    @Test
    void anExpectationRestatingTheLogIsOneSourceWithIt() throws IOException {
        String line = "Error: secret \"db-credentials\" not found";
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 0, "logs",
                List.of()), new StringReader(line + "\n")));
        Assessment logOnly = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        o.add(new Observation.ConditionCheck("dashboard", Source.of("host"), "pod Ready", false,
                "CreateContainerConfigError: " + line));
        Assessment both = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals(logOnly.causes().get(0).id(), both.causes().get(0).id(), both.causes().toString());
        Fleet.atMostOneSource(both.causes().get(0), both.causes().toString());
    }
}
