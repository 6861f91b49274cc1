package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes for the families the p23- tuning set (session 11) was missed on: a registry refusing a push for a
 * quota (read as a refused credential at 0.97 on arrival), ECR's token not retrieved, the Kubernetes API asking for
 * credentials, Cloud Foundry's out-of-memory exit, the cluster autoscaler at its node group's size, and libpq's host name
 * that does not translate. Each is tested on public wording, with near misses; each new log indication reads no line of
 * the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class SeventeenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("registry.quota-denied", "platform.quota"),
            Map.entry("ecr.authorization-token-failed", "registry.auth"),
            Map.entry("k8s.credentials-refused", "auth.deploy-token"),
            Map.entry("cf.exited-out-of-memory", "app.oom"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Harbor's storage quota (its quota error's format string, as a CI note quotes it after "DENIED:") and DigitalOcean's
     * repository limit (deploy notes quoting "registry contains 5 repositories, limit is 5") refuse a push for the
     * account's quota; a GitHub search client's "too many repositories, limit is 1000" is not a registry.
     */
    @Test
    void aRegistryRefusingAPushForItsQuotaIsTheQuota() throws IOException {
        String id = "registry.quota-denied";
        ROUND.reads(id, "error pushing image: ... DENIED: adding 20.3 MiB of storage resource, which when updated to current "
                + "usage of 300.0 GiB will exceed the configured upper limit of 300.0 GiB.");
        ROUND.reads(id, "denied: registry contains 5 repositories, limit is 5");
        ROUND.readsNot(id, "Asking for too many repositories, limit is 1000");
        ROUND.readsNot(id, "quota usage reach 85%: resource storage used 0.9 GiB of 1 GiB");
    }

    /** The same refusal behind a push's "denied" leads as the quota, not as a refused credential (camunda/keycloak#641). */
    @Test
    void aQuotaDenialOutranksTheRegistrysDenial() throws IOException {
        Assessment a = Fleet.deployFailed("build", "Build and push", "#29 ERROR: failed to push registry.example.cloud/team/"
                + "keycloak:ci-25: denied: adding 151.7 MiB of storage resource, which when updated to current usage of "
                + "100.0 GiB will exceed the configured upper limit of 100.0 GiB.\n");
        assertEquals(CauseId.PLATFORM_QUOTA, a.topCause().orElseThrow().id());
    }

    /** docker/login-action's own error when ECR's token cannot be had (its src/aws.ts) is the registry login. */
    @Test
    void ecrsTokenNotRetrievedIsTheRegistryLogin() throws IOException {
        String id = "ecr.authorization-token-failed";
        ROUND.reads(id, "Error: Could not retrieve an authorization token from AWS ECR");
        ROUND.readsNot(id, "Retrieving registries data through AWS SDK...");
    }

    /**
     * The Kubernetes API asking for credentials, under helm (a Drone helm3 plugin) and kubectl, is the deploy's token; an
     * RBAC refusal of a known user ("is forbidden: User ... cannot get resource") is not read here.
     */
    @Test
    void theKubernetesApiAskingForCredentialsIsTheDeployToken() throws IOException {
        String id = "k8s.credentials-refused";
        ROUND.reads(id, "Error: UPGRADE FAILED: query: failed to query with labels: the server has asked for the client to "
                + "provide credentials (get secrets)");
        ROUND.reads(id, "error: You must be logged in to the server (the server has asked for the client to provide "
                + "credentials)");
        ROUND.readsNot(id, "Error from server (Forbidden): secrets is forbidden: User \"ci\" cannot list resource \"secrets\"");
    }

    /** Cloud Foundry's crash event at the memory limit is out of memory; its plain crash event is not. */
    @Test
    void cloudFoundrysOutOfMemoryExitIsOutOfMemory() throws IOException {
        String id = "cf.exited-out-of-memory";
        ROUND.reads(id, "app.crash  gateway  index: 1, reason: CRASHED, exit_description: APP/PROC/WEB: Exited with status "
                + "137 (out of memory)");
        ROUND.readsNot(id, "app.crash  gateway  index: 0, reason: CRASHED, exit_description: APP/PROC/WEB: Exited with status 1");
    }

    /**
     * The cluster autoscaler at its node group's size (its NotTriggerScaleUp event) is capacity; libpq's host name that
     * does not translate is DNS, and its URL-shaped cousin stays the configuration's.
     */
    @Test
    void theAutoscalerAtItsSizeAndAnUntranslatableHostAreReadForTheirCauses() throws IOException {
        ROUND.reads("scheduler.no-capacity", "platform.capacity", "Normal   NotTriggerScaleUp   pod/render-worker-8hq2m   "
                + "pod didn't trigger scale-up: 12 node(s) didn't match Pod's node affinity/selector, 3 max node group size reached");
        ROUND.reads("dns.getaddrinfo", "network.dns", "ERROR:coe_assembly.init:(psycopg2.OperationalError) could not "
                + "translate host name \"postgres\" to address: Name does not resolve");
        ROUND.readsNot("dns.getaddrinfo", "could not translate host name \"postgres://postgres:@db:5432/postgres\" to address");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        ROUND.staysInItsCauses();
    }
}
