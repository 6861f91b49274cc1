package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-fifth session's rule writer rules35e, each in its tool's own words: its round on p161-
 * (progressive delivery: Argo Rollouts, CodeDeploy, Helm, Nomad). Argo Rollouts refusing an analysis whose metrics are
 * invalid as written ("Analysis spec invalid: ...") and aborting a canary it never measured because the analysis
 * provider's address does not answer ("assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): ...
 * dial tcp ..."); Helm unable to create a hook's Job a previous release left behind ("Hook post-upgrade ... failed:
 * jobs.batch "x" already exists"); Nomad's servers marking client nodes down ("nomad.heartbeat: node TTL expired");
 * Docker's pull breaking off on a blob the registry or its mirror did not serve ("unknown blob"); a CodeDeploy hook's
 * script past its appspec timeout ("ScriptTimedOut"). env.variable-missing is widened to the past tense ("DOCKER_ARGS
 * was not defined"). Each is tested on its source's words and a near miss; each new log indication reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause. And a look through a cluster's or a
 * scheduler's own CLI ("kubectl describe pod x", "nomad alloc status x") is read as a look at the platform whatever
 * source filed it.
 */
class NinetyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules35e (p161-: progressive delivery)
            Map.entry("argo-rollouts.analysis-spec-invalid", "config.invalid"),
            Map.entry("argo-rollouts.analysis-provider-unreachable", "config.invalid"),
            Map.entry("helm.hook-object-already-exists", "config.invalid"),
            Map.entry("nomad.node-heartbeat-expired", "platform.outage"),
            Map.entry("docker.pull-unknown-blob", "registry.unavailable"),
            Map.entry("codedeploy.script-timed-out", "ci.timeout"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("argo-rollouts.analysis-spec-invalid", "Status: Message: analysis spec invalid: metrics[0]: no provider specified  Phase: Error");
        ROUND.readsNot("argo-rollouts.analysis-spec-invalid", "Message: RolloutAborted: Rollout aborted update to revision 3: Metric \"success-rate\" assessed Failed due to failed (3) > failureLimit (2)");
        ROUND.reads("argo-rollouts.analysis-spec-invalid", "time=\"2026-11-26T14:50:00Z\" level=warning msg=\"Analysis spec invalid: dryRun[0]: Rule didn't match any metric name(s)\" analysisrun=intake-3-1");
        ROUND.readsNot("argo-rollouts.analysis-spec-invalid", "analysis completed Error");
        ROUND.reads("argo-rollouts.analysis-provider-unreachable", "Degraded - RolloutAborted: Rollout aborted update to revision 37: Metric \"error-rate\" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): \"Error Message: Post \\\"http://prometheus-server.monitoring-old.svc:9090/api/v1/query\\\": dial tcp 10.0.41.7:9090: connect: connection refused\"");
        ROUND.readsNot("argo-rollouts.analysis-provider-unreachable", "RolloutAborted: Metric \"healthz-ok\" assessed Error due to consecutiveErrors (9) > consecutiveErrorLimit (8): \"Error Message: received non 2xx response code: 500\"");
        ROUND.reads("argo-rollouts.analysis-provider-unreachable", "message: 'metric \"success-rate\" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): \"Error Message: Post \"http://prometheus.example.com:9090/api/v1/query\": dial tcp: lookup prometheus.example.com on 10.96.0.10:53: no such host\"'");
        ROUND.readsNot("argo-rollouts.analysis-provider-unreachable", "Metric \"error-rate\" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): \"Error Message: reflect: slice index out of range\"");
        ROUND.reads("helm.hook-object-already-exists", "Error: UPGRADE FAILED: release posthog failed, and has been rolled back due to atomic being set: post-upgrade hooks failed: warning: Hook post-upgrade posthog/templates/migrate.job.yaml failed: jobs.batch \"posthog-migrate\" already exists");
        ROUND.readsNot("helm.hook-object-already-exists", "Error: UPGRADE FAILED: release posthog failed, and has been rolled back due to atomic being set: post-upgrade hooks failed: job failed: BackoffLimitExceeded");
        ROUND.reads("helm.hook-object-already-exists", "Error: UPGRADE FAILED: jobs.batch \"deis-upgrade\" already exists");
        ROUND.readsNot("helm.hook-object-already-exists", "Error: UPGRADE FAILED: pre-upgrade hooks failed: warning: Hook pre-upgrade lakefs/templates/job.yaml failed: jobs.batch \"example-lakefs-migrate\" is forbidden: exceeded quota: compute-resources, requested: limits.memory=512Mi");
        ROUND.reads("nomad.node-heartbeat-expired", "2026-11-20T03:11:09.512Z [WARN]  nomad.heartbeat: node TTL expired: node_id=3c1f0a2e-7b9d-4e21-a0c6-5f8b2d9e1a47");
        ROUND.readsNot("nomad.node-heartbeat-expired", "fe303806 webhook_delivery_service 125014 failed Deployment marked as failed - rolling back to job version 114687");
        ROUND.reads("nomad.node-heartbeat-expired", "    2016/08/04 05:22:34.094506 [WARN] nomad.heartbeat: node '3977b787-0ada-8a68-5b70-4bc2130c9538' TTL expired");
        ROUND.readsNot("nomad.node-heartbeat-expired", "2017/08/16 16:23:53 [INFO] memberlist: Suspect vol-cl-control-02.global has failed, no acks received");
        ROUND.reads("docker.pull-unknown-blob", "dockerd[1388]: level=error msg=\"Download failed after 1 attempts: unknown blob\"");
        ROUND.readsNot("docker.pull-unknown-blob", "Error: failed to start VM 148e2d1fd92389: failed to pull image registry.fly.io/thumbnailer:deployment-01JB7Q1F0E4M9TQ2X3S6A8V5CD: blob unknown: blob unknown to registry");
        ROUND.reads("docker.pull-unknown-blob", "time=\"2016-11-23T14:14:09.721724730Z\" level=error msg=\"Download failed, retrying: unknown blob\"");
        ROUND.readsNot("docker.pull-unknown-blob", "time=\"2026-06-03T18:25:12Z\" level=fatal msg=\"writing manifest: uploading manifest release-v3.11-683a72f to docker.io/mpcnet/mpc-launcher: blob unknown to registry\"");
        ROUND.reads("codedeploy.script-timed-out", "Lifecycle event AfterInstall failed on i-0c4f2a9b7e1d53a86: ScriptTimedOut");
        ROUND.readsNot("codedeploy.script-timed-out", "Message     Script at specified location: start_docker_container.sh failed with exit code 1");
        ROUND.reads("codedeploy.script-timed-out", "Script at specified location: scripts/deregister_from_elb.sh failed to complete in 360 seconds");
        ROUND.readsNot("codedeploy.script-timed-out", "Error Code  ScriptFailed");
        // widened: the past tense of a start script's missing variable
        ROUND.reads("env.variable-missing", "config.missing-secret", "            [stderr]DOCKER_ARGS was not defined");
        ROUND.readsNot("env.variable-missing", "DOCKER_ARGS was not set. Using defaults");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // argo-rollouts.analysis-spec-invalid and nomad.node-heartbeat-expired read no labelled scenario's log: p161-13 and
        // p161-30, their sources, carry the lines in a look through the cluster's CLI (api:), which the probe-detail rule
        // reads
        ROUND.without(java.util.Set.of("argo-rollouts.analysis-spec-invalid", "nomad.node-heartbeat-expired"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    private static Assessment epinioWith(Source source, String target) {
        Deployment d = new Deployment("epinio", List.of(Fleet.service("epinio-ui", "Epinio UI", "Platform", ServiceKind.HTTP)));
        Observation down = Fleet.failure("epinio-ui", "http", FailureKind.UNEXPECTED_STATUS, 503, "Service Unavailable");
        Observation look = new Observation.ProbeFailure("epinio-ui", source, target, FailureKind.SERVER_ERROR,
                "epinio-ui-54c74485dc-g4ns5  0/1  CreateContainerConfigError  0  30s; Warning  Failed  9s (x8 over 89s)  "
                        + "kubelet  Error: couldn't find key uiClientSecret in Secret epinio/dex-config", null,
                Duration.ofMillis(300), 1);
        return Diagnosis.ofDefaults().diagnose(d, List.of(down, look), Fleet.NOW);
    }

    /**
     * The output of a cluster's own CLI is a look at the platform whatever source filed it (p161-19: the pod's events
     * under "kubectl -n epinio describe pod ..."): its words are read as the same line in a log. A call to the CI's
     * API that failed with the same text is not a look.
     */
    @Test
    void aLookThroughTheClustersCliIsReadAsALine() {
        Assessment cli = epinioWith(Source.GITHUB, "kubectl -n epinio describe pod epinio-ui-54c74485dc-g4ns5");
        assertTrue(Fleet.weighs(cli, "config.missing-secret/probe-detail-indication"), cli.causes().toString());
        Assessment nomad = epinioWith(Source.GITHUB, "nomad alloc status 5b2e7d91");
        assertTrue(Fleet.weighs(nomad, "config.missing-secret/probe-detail-indication"), nomad.causes().toString());
        Assessment api = epinioWith(Source.GITHUB, "GET /repos/epinio/epinio/actions/runs/1");
        assertFalse(Fleet.weighs(api, "config.missing-secret/probe-detail-indication"), api.causes().toString());
    }


    /**
     * A probe that fails beside the app's own words that its database refuses (p161-37: StackRox Central's readiness
     * refused while it logs "unable to connect to Postgres: ... connection refused") is the dependency's consequence:
     * the health check is not what to fix. A readiness probe refused with no such line is the check's, as before
     * (h100-32: a slow start).
     */
    @Test
    void aProbeFailingBesideItsDatabaseRefusingIsNotTheChecksFault() throws IOException {
        Assessment both = Fleet.scenario("p161-37-dependency-down-helm-stackrox-central-readiness-refused-database-not-running");
        assertTrue(Fleet.weighs(both, "app.healthcheck-failing/dependency-not-serving-in-log"), both.causes().toString());
        assertEquals("dependency.down", both.causes().get(0).id().value(), both.causes().toString());
        Assessment alone = Fleet.scenario("h100-32-app-healthcheck-failing-k8s-readiness-refused-nextjs-slow-start");
        assertFalse(Fleet.weighs(alone, "app.healthcheck-failing/dependency-not-serving-in-log"), alone.causes().toString());
        assertEquals("app.healthcheck-failing", alone.causes().get(0).id().value(), alone.causes().toString());
    }
}
