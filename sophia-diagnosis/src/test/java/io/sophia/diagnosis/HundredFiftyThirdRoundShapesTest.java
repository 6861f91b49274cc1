package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the forty-second session's rule writer r42-h144, each in its tool's own words: its round on h144-
 * (deploy pipelines on CI systems other than GitHub Actions). CircleCI refusing a resource class the project's plan does
 * not include; the Kubernetes API server timing out a write it could not complete; appleboy's SSH deploy plugin given no
 * host; a pipeline's own job saying it cancelled the pipeline because a required job failed (read against the cancel).
 * Three older shapes are widened: platform.control-api-401 reads goreleaser's "error=" field, docker.local-daemon-unreachable
 * docker-compose v1's "Couldn't connect to Docker daemon at http+docker://localhost", appservice.container-exited the
 * "failing to start" wording. A host's look of kind UNEXPECTED_STATUS without a status of its own is read as its record.
 */
class HundredFiftyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("circleci.resource-class-not-in-plan", "platform.quota"),
            Map.entry("k8s.apiserver-request-timeout", "platform.outage"),
            Map.entry("drone-ssh.missing-server-host", "config.missing-secret"),
            Map.entry("ci.pipeline-cancelled-after-job-failed", "unknown"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("circleci.resource-class-not-in-plan", "Resource class docker for xlarge is not available for your project, or is not a valid resource class. This message will often appear if the pricing plan for this project does not support docker use.");
        ROUND.readsNot("circleci.resource-class-not-in-plan", "Resource class docker for xlarge is available for your project.");
        ROUND.reads("circleci.resource-class-not-in-plan", "Error: free-plan-resource-class-unavailable");
        ROUND.readsNot("circleci.resource-class-not-in-plan", "This job was rejected because the image is unavailable"); // image.not-found's words
        ROUND.reads("k8s.apiserver-request-timeout", "Error from server (Timeout): error when creating \"nginx-deployment.yaml\": Timeout: request did not complete within allowed duration");
        ROUND.readsNot("k8s.apiserver-request-timeout", "error: timed out waiting for the condition"); // a rollout's own wait, ci.timeout or the app's
        ROUND.reads("k8s.apiserver-request-timeout", "Error from server (ServerTimeout): the server cannot complete the requested operation at this time, try again later (get nodes)");
        ROUND.readsNot("k8s.apiserver-request-timeout", "Error from server (InternalError): error when creating \"x.yaml\": Internal error occurred: failed calling webhook \"validate.nginx.ingress.kubernetes.io\": context deadline exceeded");
        ROUND.reads("drone-ssh.missing-server-host", "2026/06/28 21:09:51 Error: missing server host");
        ROUND.readsNot("drone-ssh.missing-server-host", "ssh: connect to host 10.0.0.5 port 22: Connection refused");
        ROUND.reads("drone-ssh.missing-server-host", "Error: missing server host");
        ROUND.readsNot("drone-ssh.missing-server-host", "2020/01/02 10:00:00 dial tcp: lookup deploy.example.com: no such host"); // network.dns
        ROUND.reads("ci.pipeline-cancelled-after-job-failed", "The CI pipeline was cancelled due to failure one of the required jobs.");
        ROUND.readsNot("ci.pipeline-cancelled-after-job-failed", "The pipeline was cancelled by a newer pipeline on the same ref.");
        ROUND.reads("ci.pipeline-cancelled-after-job-failed", "The build was canceled because a required job failed.");
        ROUND.readsNot("ci.pipeline-cancelled-after-job-failed", "The run was canceled by @alice.");
    }

    /** The widened older shapes: they keep their own lines and read the new round's. */
    @Test
    void widenedShapesKeepTheirLinesAndReadTheNewOnes() throws IOException {
        ROUND.reads("platform.control-api-401", "auth.deploy-token", "GET https://api.digitalocean.com/v2/account/keys: 401 Unable to authenticate you.");
        ROUND.reads("platform.control-api-401", "auth.deploy-token", "  ⨯ release failed after 1s                  error=scm releases: failed to publish artifacts: GET https://gitlab.com/api/v4/projects/dt.germain/tifling/releases/0.0.3: 401 {message: 401 Unauthorized}");
        ROUND.reads("platform.control-api-401", "auth.deploy-token", "  ⨯ release failed after 1m55s               error=scm releases: failed to publish artifacts: could not release: POST https://api.github.com/repos/vague2k/smv/releases: 401 Bad credentials []");
        ROUND.readsNot("platform.control-api-401", "  ⨯ release failed after 8m31s               error=scm releases: failed to publish artifacts: could not release: POST https://api.github.com/repos/KusionStack/kusion/releases: 404 Not Found []");
        ROUND.reads("docker.local-daemon-unreachable", "ci.runner", "Couldn't connect to Docker daemon at http+docker://localhost - is it running?");
        ROUND.reads("docker.local-daemon-unreachable", "ci.runner", "ERROR: Couldn't connect to Docker daemon at http+docker://localunixsocket - is it running?");
        ROUND.readsNot("docker.local-daemon-unreachable", "docker.errors.APIError: 500 Server Error for http+docker://localhost/v1.40/images/create?tag=8.5.0-buster&fromImage=gcc: Internal Server Error");
        ROUND.reads("appservice.container-exited", "app.crash-on-boot", "2024-03-20T17:13:26.528Z ERROR - Container xxxx-webapp_0_bd9ec074 for site xxxx-webapp has exited, failing site start");
        ROUND.reads("appservice.container-exited", "app.crash-on-boot", "ERROR - Container chat_0_5b1c for site chat has exited, failing to start.");
        ROUND.readsNot("appservice.container-exited", "ERROR - Container chat_0_5b1c didn't respond to HTTP pings on port: 8080, failing site start. See container logs for debugging.");
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of their own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // the pipeline's own cancel job names the required job whose failure made it cancel the rest: a consequence of
        // that failure (h144-38, the failed job's tests), read for no cause of its own
        ROUND.staysInItsCauses("h144-38 ci.pipeline-cancelled-after-job-failed");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * A host's look of kind UNEXPECTED_STATUS without a status of its own is the record it read, as one of kind
     * SERVER_ERROR is: before this round the App Service log stream's "has exited, failing to start" was not read at all
     * (h144-23 stayed unknown).
     */
    @Test
    void aHostsLookOfAnUnexpectedStateIsRead() throws IOException {
        Assessment a = Fleet.scenario("h144-23-app-crash-on-boot-azure-appservice-next-container-exited-failing-to-start");
        assertTrue(Fleet.weighs(a, "app.crash-on-boot/probe-detail-indication"), a.causes().toString());
        assertEquals("app.crash-on-boot", a.causes().get(0).id().value(), a.causes().toString());
    }

    /** The pipeline's own word that it cancelled the rest because a job failed argues against the cancel (h144-38). */
    @Test
    void aCancelThatFollowsAFailedJobGivesWay() throws IOException {
        Assessment a = Fleet.scenario("h144-38-ci-test-failure-gitlab-pipeline-cancelled-after-test-linux-stable-failed");
        assertTrue(Fleet.weighs(a, "ci.cancelled/cancelled-after-a-job-failed-in-log"), a.causes().toString());
        assertEquals("ci.test-failure", a.causes().get(0).id().value(), a.causes().toString());
    }
}
