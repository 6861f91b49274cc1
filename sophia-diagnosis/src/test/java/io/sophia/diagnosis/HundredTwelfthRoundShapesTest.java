package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-eighth session's rule writer rules38b, each in its tool's own words: its round on the
 * consumed h126- set (Kubernetes deploys as a CI user sees them). The kubelet refusing to admit a pod its node has no
 * room for ("Pod Node didn't have enough resource: memory, ...", reason "OutOfmemory": platform.capacity, no longer an
 * app's out-of-memory kill); a namespace's admission policy (a ResourceQuota that requires limits, a LimitRange's
 * maximum) weighed for the namespace's limit beside the manifest, so that neither is named at 0.9 where the labelled
 * corpus is split; RBAC refusing a person's or a cloud identity's request; the Docker builder's COPY with no source
 * files; Argo CD's helm dependency build timing out; Helm 2's helm test naming a failed test pod; a step under
 * timeout(1) ending with exit status 124. Each new indication is tested on its source's words and a near miss of
 * another cause (the first pair is indication-cases.tsv's row); they read no line of the shared corpus and, on the
 * labelled scenarios, only lines of their own cause. The knowledge-base rules are tested on their scenarios and a near
 * miss each.
 */
class HundredTwelfthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("k8s.kubelet-admission-out-of-resource", "platform.capacity"),
            Map.entry("k8s.rbac-forbidden-user", "auth.deploy-token"),
            Map.entry("docker.copy-no-source-files", "build.dockerfile"),
            Map.entry("argocd.helm-dependency-build-timeout", "build.dependency-fetch"),
            Map.entry("helm2.test-failed", "ci.test-failure"),
            Map.entry("coreutils.timeout-exit-124", "ci.timeout"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("k8s.kubelet-admission-out-of-resource", "Message:            Pod Node didn't have enough resource: cpu, requested: 600, used: 7371, capacity: 7910");
        ROUND.readsNot("k8s.kubelet-admission-out-of-resource", "      Reason:       OOMKilled"); // app.oom
        ROUND.reads("k8s.kubelet-admission-out-of-resource", "  Warning  OutOfcpu          43m   kubelet              Node didn't have enough resource: cpu, requested: 1000, used: 94939, capacity: 95690");
        ROUND.readsNot("k8s.kubelet-admission-out-of-resource", "Error Type: Runtime.OutOfMemory"); // app.oom (Lambda)
        ROUND.reads("k8s.kubelet-admission-out-of-resource", "    reason: OutOfmemory");
        ROUND.reads("k8s.kubelet-admission-out-of-resource", "pod/mondoo-client-node-763805cb0862f3f35a7a493ae9b972985-2--1-69826   0/1     OutOfcpu            0              79s");
        // narrowed: the generic out-of-memory shape no longer reads the kubelet's reason, and still reads an app's
        ROUND.readsNot("memory.exhausted-generic", "    reason: OutOfmemory");
        ROUND.reads("memory.exhausted-generic", "app.oom", "Error Type: Runtime.OutOfMemory");
        ROUND.reads("memory.exhausted-generic", "app.oom", "worker 3 stopped: Out of memory");

        ROUND.reads("k8s.rbac-forbidden-user", " - for: \"STDIN\": roles.rbac.authorization.k8s.io \"prefect-agent-rbac\" is forbidden: User \"882602319443@cloudbuild.gserviceaccount.com\" cannot patch resource \"roles\" in API group \"rbac.authorization.k8s.io\" in the namespace \"default\"");
        ROUND.readsNot("k8s.rbac-forbidden-user", "Error creating: pods \"web-1\" is forbidden: exceeded quota: compute-resources, requested: limits.memory=2Gi, used: limits.memory=7Gi, limited: limits.memory=8Gi"); // platform.quota
        ROUND.reads("k8s.rbac-forbidden-user", "UPGRADE FAILED: cannot patch \"pr-1234-dev-data-store\" with kind FlexibleServersDatabase: flexibleserversdatabases.dbforpostgresql.azure.com \"pr-1234-dev-data-store\" is forbidden: User \"jane.doe@example.net\" cannot patch resource \"flexibleserversdatabases\" in API group \"dbforpostgresql.azure.com\" in the namespace \"sscs\"");
        ROUND.readsNot("k8s.rbac-forbidden-user", "services is forbidden: User \"system:anonymous\" cannot list resource \"services\" in API group \"\" in the namespace \"default\"");

        ROUND.reads("docker.copy-no-source-files", "ADD failed: no source files were specified");
        ROUND.readsNot("docker.copy-no-source-files", "cp: cannot stat 'target/*.jar': No such file or directory");
        ROUND.reads("docker.copy-no-source-files", "FATA[0000] build step: running build for artifact: running build: No source files were specified");
        ROUND.readsNot("docker.copy-no-source-files", "CommandException: No URLs matched: gs://artifacts-bucket/*.jar");

        ROUND.reads("argocd.helm-dependency-build-timeout", "ComparisonError: rpc error: code = Unknown desc = Manifest generation error (cached): `helm dependency build` failed timeout after 1m30s");
        ROUND.readsNot("argocd.helm-dependency-build-timeout", "rpc error: code = Unknown desc = Manifest generation error (cached): `helm dependency build` failed exit status 1: Error: can't get a valid version for repositories mongodb. Try changing the version constraint in Chart.yaml");
        ROUND.reads("argocd.helm-dependency-build-timeout", "rpc error: code = Unknown desc = `helm2 dependency build` failed timeout after 1m30s");
        ROUND.readsNot("argocd.helm-dependency-build-timeout", "ComparisonError: rpc error: code = DeadlineExceeded desc = context deadline exceeded");

        ROUND.reads("helm2.test-failed", "FAILED: banking-ferrit-credentials-test, run `kubectl logs banking-ferrit-credentials-test --namespace mtest1` for more info");
        ROUND.readsNot("helm2.test-failed", "PASSED: banking-ferrit-ansible-test");
        ROUND.reads("helm2.test-failed", "  FAILED: shop-db-connection-test, run `kubectl logs shop-db-connection-test --namespace staging` for more info");
        ROUND.readsNot("helm2.test-failed", "FAILED: pods \"shop-db-connection-test\" is forbidden: exceeded quota: compute-resources");

        ROUND.reads("coreutils.timeout-exit-124", "##[group]Run timeout 300 kubectl rollout status statefulset/search\n##[endgroup]\nWaiting for 1 pods to be ready...\n##[error]Process completed with exit code 124.");
        ROUND.readsNot("coreutils.timeout-exit-124", "##[group]Run timeout 300 kubectl rollout status statefulset/search\n##[endgroup]\nerror: statefulset \"search\" exceeded its progress deadline\n##[error]Process completed with exit code 1.");
        ROUND.reads("coreutils.timeout-exit-124", "##[group]Run timeout --signal=KILL 10m ./scripts/wait-for-deploy.sh\n##[endgroup]\n##[error]Process completed with exit code 124.");
        ROUND.readsNot("coreutils.timeout-exit-124", "##[group]Run kubectl rollout status deploy/web --timeout 300s\n##[endgroup]\n##[error]Process completed with exit code 124.");
    }

    /**
     * No corpus line is read by the round; on the labelled scenarios each new indication reads only its cause's lines,
     * but for a time limit that ran out while a specific fault kept the step waiting (the wrapper reading gives way):
     * h71-12's controller refused by the account's limit, h71-20's caddy without its key, h86-07's swarm with no
     * suitable node, p114-12's database refusing the password, p132-25's container never healthy, p133-19's consumer
     * group without its coordinator, p143-21's crash at start, p157-40's backend host not resolving.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                "h71-12 coreutils.timeout-exit-124", "h71-20 coreutils.timeout-exit-124",
                "h86-07 coreutils.timeout-exit-124", "p114-12 coreutils.timeout-exit-124",
                "p132-25 coreutils.timeout-exit-124", "p133-19 coreutils.timeout-exit-124",
                "p143-21 coreutils.timeout-exit-124", "p157-40 coreutils.timeout-exit-124",
                // p187-18 (tuning, session 40): the deploy under "timeout 15m" ran out because the host never made it
                // ready (labelled platform.outage, the writer's call); the limit is how the outage ended the step
                "p187-18 coreutils.timeout-exit-124");
    }

    /** The kubelet's admission refusal (h126-20) is the node's room, not an out-of-memory kill. */
    @Test
    void aPodTheNodeCouldNotAdmitIsCapacity() throws IOException {
        Assessment a = Fleet.scenario("h126-20-platform-capacity-pod-failed-outofmemory-node-admission");
        assertEquals("platform.capacity", a.causes().get(0).id().value(), a.causes().toString());
        assertTrue(a.causes().stream().noneMatch(c -> c.id().value().equals("app.oom") && c.probability() > 0.05),
                a.causes().toString());
    }

    /**
     * A ResourceQuota that requires limits weighs for the namespace's quota beside the manifest: neither reaches 0.9 on
     * the split corpus (h126-21 and h77-13 platform.quota, p42-24 config.invalid on the same words); a LimitRange's
     * maximum (h126-22) weighs for the quota, its minimum (h86-19) stays the manifest's alone.
     */
    @Test
    void aNamespacesAdmissionPolicyWeighsForItsLimit() throws IOException {
        for (String id : List.of("h126-21-platform-quota-namespace-resourcequota-must-specify-limits-memory",
                "h77-13-platform-quota-helm-hook-job-failed-quota-limits",
                "p42-24-config-invalid-helm-hook-jobs-failed-quota-must-specify-limits-memory")) {
            Assessment a = Fleet.scenario(id);
            assertTrue(Fleet.weighs(a, "platform.quota/namespace-quota-requires-resources"), a.causes().toString());
            assertTrue(a.causes().get(0).probability() < 0.8, a.causes().toString());
            assertTrue(a.causes().stream().limit(2).anyMatch(c -> c.id().value().equals("platform.quota")),
                    a.causes().toString());
        }
        Assessment maximum = Fleet.scenario("h126-22-platform-quota-limitrange-max-memory-per-container-replicaset");
        assertTrue(Fleet.weighs(maximum, "platform.quota/namespace-limitrange-maximum")
                || Fleet.weighs(maximum, "platform.quota/namespace-limitrange-maximum-moderate"), maximum.causes().toString());
        assertEquals("platform.quota", maximum.causes().get(0).id().value(), maximum.causes().toString());
        Assessment minimum = Fleet.scenario("h86-19-config-invalid-limitrange-minimum-memory");
        assertFalse(Fleet.weighs(minimum, "platform.quota/namespace-limitrange-maximum-moderate"), minimum.causes().toString());
        assertFalse(Fleet.weighs(minimum, "platform.quota/namespace-limitrange-maximum"), minimum.causes().toString());
        assertEquals("config.invalid", minimum.causes().get(0).id().value(), minimum.causes().toString());
    }
}
