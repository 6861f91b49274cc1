package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * Rules of the forty-third session's rule writer r43-left, on the misses of the consumed h145- to h148- that a log
 * indication alone did not settle: each scenario already carried the words, read by an indication of the earlier
 * rounds, but the other cause's rules outweighed it. Each test fails before its rule.
 */
class HundredSixtyFifthRoundShapesTest {

    /**
     * ci.cancelled/runner-ignored-the-cancel and ci.runner/runner-ignored-the-cancel: GitHub's annotation "Runner
     * i-0c41e7a9b2 did not respond to a cancelation request with 00:05:00." says the machine had stopped responding
     * before the cancel (CloudSnorkel/cdk-github-runners#537: an instance out of memory, thrashing swap). Before, the
     * run's and the job's cancelled conclusions stated ci.cancelled at 0.9 on h147-46.
     */
    @Test
    void aRunnerThatNeverAnsweredTheCancelIsTheRunner() throws IOException {
        ShapeRound.leadWith(Map.of("h147-46-ci-runner-ephemeral-runner-thrashing-no-cancel-response", "ci.runner"));
    }

    /**
     * ci.test-failure/docker-host-refused-the-mount: the Docker host a test harness starts its containers on refusing
     * to create a bind mount's source ("error while creating mount source path ... mkdir ...: no such file or
     * directory", airbytehq/airbyte#28974) leaves the tests erroring in set-up. Before, pytest's "1 error in 12.84s" at
     * the test step stated ci.test-failure at 0.9 on h148-45.
     */
    @Test
    void testsThatErrOnTheDockerHostsMountAreTheRunner() throws IOException {
        ShapeRound.leadWith(Map.of("h148-45-ci-runner-long-lived-runner-node-disk-docker-500-mkdir", "ci.runner"));
    }

    /**
     * tls.certificate/config-error-named-probe: a look at the proxy naming its certificate resolver's configuration error
     * (Traefik's "ACME challenge not specified") explains the default certificate it serves. Before, the certificate for
     * another host, self-signed, stated tls.certificate at 0.9 on h148-23.
     */
    @Test
    void aProxysResolverConfigErrorExplainsItsDefaultCertificate() throws IOException {
        ShapeRound.leadWith(Map.of("h148-23-config-invalid-traefik-acme-no-challenge-localhost-rule", "config.invalid"));
    }

    /**
     * registry.auth/registry-project-deleted and image.not-found/registry-project-deleted: GCR's "denied: Project
     * cloudsql-docker has been deleted." (GoogleCloudPlatform/cloud-sql-proxy#619) is the registry's state; the daemon's
     * "pull access denied ... repository does not exist or may require 'docker login'" for the same pull is its wording
     * of that refusal. Before, image.not-found and registry.auth tied at 0.49 on h147-07.
     */
    @Test
    void aRegistrysDeletedProjectIsTheRegistry() throws IOException {
        ShapeRound.leadWith(Map.of("h147-07-registry-unavailable-gcr-cloudsql-docker-project-deleted", "registry.unavailable"));
    }
}
