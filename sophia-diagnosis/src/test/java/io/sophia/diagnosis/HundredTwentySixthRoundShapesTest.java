package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes for the HashiCorp deploy path the p178- set (Nomad, Consul and Vault, session 39) was missed on: a
 * Nomad or Consul API refusing the deploy's ACL token for its policy, Nomad's Docker driver refused by the registry on
 * its pull, a Nomad task whose command cannot be started as the job specifies it, and a Nomad task whose Vault secrets
 * are not delivered. Each is tested on public wording (the source next to each string), with near misses of other
 * causes; each new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its
 * own cause.
 */
class HundredTwentySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("hashicorp.acl-permission-denied", "auth.deploy-token"),
            Map.entry("nomad.docker-pull-denied", "registry.auth"),
            Map.entry("nomad.task-command-not-runnable", "config.invalid"),
            Map.entry("nomad.task-vault-secret-not-delivered", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * The api client's wrap of the server's 403 for a token short of a policy (hashicorp/nomad#10371, the Terraform
     * provider's "error applying jobspec", Consul's "lacks permission"); Vault's own 403 for a workload's read
     * (hashicorp/vault#17100) and an unknown token (read by hashicorp.acl-token-rejected) are not this shape.
     */
    @Test
    void aHashiCorpApiRefusingTheDeployTokensPolicyIsTheDeployToken() throws IOException {
        String id = "hashicorp.acl-permission-denied";
        ROUND.reads(id, "Error submitting job: Unexpected response code: 403 (Permission denied)");
        ROUND.reads(id, "Error: error applying jobspec: Unexpected response code: 403 (Permission denied)");
        ROUND.reads(id, "Error: Unexpected response code: 403 (Permission denied: token with AccessorID "
                + "'00000000-0000-0000-0000-000000000002' lacks permission 'key:write' on \"app/config\")");
        ROUND.readsNot(id, "URL: GET http://10.0.0.100:8200/v1/kv/data/default/billing-api/config Code: 403. Errors: "
                + "* permission denied (retry attempt 9 after \"1m0s\")");
        ROUND.readsNot(id, "Error submitting job: Unexpected response code: 403 (ACL token not found)");
    }

    /**
     * The Docker driver's "Failed to pull `...`: API error (403)" (hashicorp/nomad#1119) and (401) (a private Docker Hub
     * repository); a pull of a tag that does not exist (404) and a daemon's 500 are not.
     */
    @Test
    void nomadsDockerDriverRefusedOnItsPullIsTheRegistryAuth() throws IOException {
        String id = "nomad.docker-pull-denied";
        ROUND.reads(id, "alloc 1a2e0f3c: Driver Failure: Failed to pull `us.gcr.io/psir-cluster/worker:1.9.0`: API error (403): ");
        ROUND.reads(id, "Driver Failure  Failed to pull `acme/private-api:2.1`: API error (401): ");
        ROUND.readsNot(id, "Driver Failure  Failed to pull `redis:7.9`: API error (404): manifest for redis:7.9 not found");
        ROUND.readsNot(id, "Driver Failure  Failed to pull `redis:7`: API error (500): Get https://registry-1.docker.io/v2/: "
                + "net/http: request canceled while waiting for connection");
    }

    /**
     * The exec drivers' task event for a command that cannot be started as specified (hashicorp/nomad#4809 'binary "..."
     * does not exist', #1919 "fork/exec ...: permission denied"); an exec format error (a binary of another architecture,
     * hashicorp/nomad#1832) and the restart policy's wrapper are not read.
     */
    @Test
    void aNomadTaskWhoseCommandCannotBeStartedIsTheConfig() throws IOException {
        String id = "nomad.task-command-not-runnable";
        ROUND.reads(id, "08/12/26 11:44:41 UTC  Driver Failure     error starting process via the plugin: binary "
                + "\"/var/nomad/alloc/f64e5e3a/example/docker\" does not exist");
        ROUND.reads(id, "11/02/16 12:06:18 PDT  Driver Failure  fork/exec /users/eifadmin/automation/scripts/tinywebserver2: "
                + "permission denied");
        ROUND.readsNot(id, "10/17/16 00:40:28 UTC Driver Failure failed to start task 'example' for alloc "
                + "'930dd478-874a-f17f-af58-f0d000dd301d': fork/exec local/example: exec format error");
        ROUND.readsNot(id, "08/12/26 11:44:41 UTC  Restarts Exceeded  Task exceeded restart policy");
    }

    /**
     * Nomad's template event for a Vault secret not fetched (hashicorp/vault#17100), the server's token creation without
     * a Vault connection (hashicorp/nomad#12126) and a renewal refused for an expired lease (hashicorp/nomad#23859); a
     * secret that does not exist at its path (read by consul-template.vault-no-secret) and a renewal that fails on an
     * expired certificate (a TLS trouble) are not read.
     */
    @Test
    void aNomadTaskWhoseVaultSecretsAreNotDeliveredIsTheMissingSecret() throws IOException {
        String id = "nomad.task-vault-secret-not-delivered";
        ROUND.reads(id, "Template  Missing: vault.read(kv/data/default/billing-api/config)");
        ROUND.reads(id, "2026-12-08T12:55:12.901Z [ERROR] nomad.client: Vault token creation for alloc failed: "
                + "alloc_id=0f7e2d11 error=\"Connection to Vault has not been established\"");
        ROUND.reads(id, "[ERROR] client.vault: error during renewal of lease or token failed due to a non-fatal error; "
                + "retrying: name=default error= | failed to renew the vault token: Error making API request. | URL: PUT "
                + "http://localhost:8200/v1/auth/token/renew-self | Code: 400. Errors: | * lease expired");
        ROUND.readsNot(id, "Template failed: vault.read(secret/data/payments/stripe): no secret exists at "
                + "secret/data/payments/stripe");
        ROUND.readsNot(id, "Vault token creation for alloc \"12e128f9\" failed: Put "
                + "https://vault.service.consul:8200/v1/auth/token/renew-self: x509: certificate has expired or is not yet valid");
    }

    @Test
    void noNewPatternReadsALineOfTheSharedCorpus() throws IOException {
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    @Test
    void onTheLabelledScenariosEachNewPatternReadsOnlyLinesOfItsOwnCause() throws IOException {
        ROUND.staysInItsCauses();
    }

    /**
     * A look at a service whose scheduler says its task was killed (137) but not by the memory killer ("OOM Killed:
     * false", hashicorp/nomad#6060; docker inspect's "OOMKilled": false) argues against app.oom, as a Fly exit event's
     * oom_killed=false does (p178-37 stated app.oom at 0.90 on exit-137 alone); the same look saying true does not.
     */
    @Test
    void aLookSayingTheKillWasNotForMemoryArguesAgainstTheMemoryKill() throws IOException {
        io.sophia.core.Assessment a = Fleet.scenario("p178-37-unknown-probe-only-docker-exit-137-not-oom-killed-sigkill-unknown");
        // (stated 0.90 before the rule; now too weak to be listed)
        assertTrue(Fleet.probability(a, "app.oom") < 0.1, a.causes().toString());
        io.sophia.core.Deployment d = new io.sophia.core.Deployment("w", List.of(Fleet.service("worker", "Worker", "Batch",
                io.sophia.core.ServiceKind.HTTP)));
        String event = "Recent Events: Terminated  Exit Code: 137, Exit Message: \"Docker container exited with non-zero "
                + "exit code: 137\"; OOM Killed: ";
        Map<String, Double> oom = new java.util.HashMap<>();
        for (String killed : List.of("true", "false")) {
            io.sophia.core.Assessment look = io.sophia.diagnosis.Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.refused("worker"),
                    new io.sophia.core.Observation.ProbeFailure("worker", io.sophia.core.Source.HOST, "nomad status 1dda6488",
                            io.sophia.core.FailureKind.OTHER, event + killed, null, java.time.Duration.ofMillis(30), 1)),
                    Fleet.NOW);
            oom.put(killed, Fleet.probability(look, "app.oom"));
        }
        // the kill read as memory's when the look says so, argued away when it says it was not
        assertTrue(oom.get("true") > 0.5, oom.toString());
        assertTrue(oom.get("false") < 0.1, oom.toString());
    }
}
