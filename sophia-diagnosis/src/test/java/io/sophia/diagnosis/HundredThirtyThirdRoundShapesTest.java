package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the fortieth session's rule writer r40-h136, each in its tool's own words: its round on h136- (ML
 * model serving and GPU workloads). New: Python requests' (and huggingface_hub's) "50[234] Server Error: Bad Gateway for
 * url: ..." of a service a client calls; BentoML's "[yatai] `login` failed: request failed with status code 403";
 * huggingface_hub refusing an organization's token for a write; Slurm's sinfo row of a partition whose nodes are down;
 * docker pull's bare "Authorization Required" under the layers' progress. Changed: cloud.quota-exceeded reads Google's
 * "Quota limit '...' has been exceeded"; platform.status-incident reads a "confirmed outage"; hf-hub.download-throttled
 * reads huggingface_hub's newer "429 Too Many Requests for url" and "for URL"; triton.model-config-invalid no longer
 * reads Triton's summary "failed to load all models" alone (any model's failure ends so); timeout.generic no longer reads
 * Python's ssl "The read (handshake, write) operation timed out". Facts: a host's look of kind DNS_FAILURE, NOT_FOUND,
 * MISCONFIGURED or TLS_FAILURE (not only SERVER_ERROR) is read as its record; the knowledge base: a look naming a more
 * specific reason (memory, a setting, a name) speaks against app.crash-on-boot, as a machine's exit detail does.
 */
class HundredThirtyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("python.requests-gateway-error-for-url", "dependency.down"),
            Map.entry("bentoml.yatai-login-refused", "auth.deploy-token"),
            Map.entry("hf-hub.org-token-for-write", "auth.deploy-token"),
            Map.entry("slurm.sinfo-nodes-down", "platform.outage"),
            Map.entry("docker.pull-authorization-required", "registry.auth"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("python.requests-gateway-error-for-url", "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://api.github.com/graphql");
        ROUND.readsNot("python.requests-gateway-error-for-url", "requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: https://api.github.com/graphql"); // the service answers, with a bug
        ROUND.reads("python.requests-gateway-error-for-url", "huggingface_hub.utils._errors.HfHubHTTPError: 504 Server Error: Gateway Time-out for url: https://huggingface.co/api/models/guillaumekln/faster-whisper-large-v2/revision/main");
        ROUND.readsNot("python.requests-gateway-error-for-url", "#10 95.02 ERROR: Could not install requirement cryptography==43.0.1 from https://files.pythonhosted.org/packages/2f/88/cryptography-43.0.1-cp39-abi3-manylinux_2_28_x86_64.whl because of HTTP error 503 Server Error: Service Unavailable for url: https://files.pythonhosted.org/packages/2f/88/cryptography-43.0.1-cp39-abi3-manylinux_2_28_x86_64.whl"); // pip in a build (p71-22)
        ROUND.readsNot("python.requests-gateway-error-for-url", "huggingface_hub.errors.HfHubHTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/api/datasets/physical-intelligence/libero"); // throttled, not down
        ROUND.reads("bentoml.yatai-login-refused", "Error: [yatai] `login` failed: request failed with status code 403: {\"message\":\"get api token: record not found\"}");
        ROUND.readsNot("bentoml.yatai-login-refused", "Error: [yatai] `login` failed: request failed with status code 500: {\"message\":\"internal error\"}"); // the platform's own failure
        ROUND.reads("bentoml.yatai-login-refused", "Error: [cloud] `login` failed: request failed with status code 401: {\"error\":\"invalid api token\"}");
        ROUND.readsNot("bentoml.yatai-login-refused", "Error: [bentos] `push` failed: request failed with status code 413: Request Entity Too Large");
        ROUND.reads("hf-hub.org-token-for-write", "ValueError: You must use your personal account token for write-access methods. To generate a write-access token, go to https://huggingface.co/settings/tokens");
        ROUND.readsNot("hf-hub.org-token-for-write", "ValueError: Invalid token passed!");
        ROUND.reads("hf-hub.org-token-for-write", "ValueError: You must use your personal account token, not an organization token.");
        ROUND.readsNot("hf-hub.org-token-for-write", "huggingface_hub.utils._errors.GatedRepoError: 401 Client Error. Cannot access gated repo for url https://huggingface.co/meta-llama/Llama-2-7b-chat-hf/resolve/main/config.json."); // config.missing-secret's
        ROUND.reads("slurm.sinfo-nodes-down", "gpu up 2-00:00:00 23 down* c[002-024]");
        ROUND.readsNot("slurm.sinfo-nodes-down", "gpu up 2-00:00:00 23 drain c[002-024]"); // drained by an operator
        ROUND.reads("slurm.sinfo-nodes-down", "debug*       up   infinite      2  down* node[01-02]");
        ROUND.readsNot("slurm.sinfo-nodes-down", "debug*       up   infinite      3   idle node[03-05]");
        ROUND.reads("docker.pull-authorization-required", "19.04-py3: Pulling from nvidia/pytorch\n34667c7e4631: Pull complete\n1e228f756b55: Downloading [=======>    ]  403.1MB/513MB\n6c274a5c6ed9: Download complete\nAuthorization Required");
        ROUND.readsNot("docker.pull-authorization-required", "<html><head><title>401 Authorization Required</title></head>");
        ROUND.reads("docker.pull-authorization-required", "latest: Pulling from nvidia/cuda\nAuthorization Required");
        ROUND.readsNot("docker.pull-authorization-required", "latest: Pulling from nvidia/cuda\nDigest: sha256:1b2c3d4e\nStatus: Downloaded newer image for nvidia/cuda:latest");
    }

    @Test
    void changedIndicationsReadTheirNewWords() throws IOException {
        ROUND.reads("gcp.quota-limit-exceeded", "platform.quota", "googleapiclient.errors.HttpError: <HttpError 429 when requesting https://tpu.googleapis.com/v2alpha1/projects/p/locations/us-east5-b/nodes?alt=json returned \"Quota limit 'TPUV6EPreemptiblePerProjectPerRegionForTPUAPI' has been exceeded. Limit: 0 in region us-east5.\">");
        ROUND.reads("gcp.quota-limit-exceeded", "platform.quota", "rpc error: code = ResourceExhausted desc = googleapi: Error 429: Quota limit 'PremiumStorageGbPerRegion' has been exceeded. Limit: 0 in region us-central1.");
        ROUND.reads("platform.status-incident", "platform.outage", "Confirmed outage. Investigating root cause and initiating recovery process.");
        ROUND.readsNot("platform.status-incident", "No outage confirmed; the incident was a false alarm.");
        ROUND.reads("hf-hub.download-throttled", "build.dependency-fetch", "#12 3.114 requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for URL: https://huggingface.co/meta-llama/Meta-Llama-3-8B/resolve/main/config.json");
        ROUND.reads("hf-hub.download-throttled", "build.dependency-fetch", "huggingface_hub.errors.HfHubHTTPError: 429 Too Many Requests for url: https://huggingface.co/api/models/Systran/faster-whisper-medium");
        ROUND.readsNot("triton.model-config-invalid", "error: creating server: Internal - failed to load all models");
        ROUND.reads("triton.model-config-invalid", "config.invalid", "E0909 08:12:31.411352 1 model_lifecycle.cc:638] failed to load 'text_recognition' version 1: Invalid argument: unexpected inference output '308', allowed outputs are: 307");
        ROUND.readsNot("timeout.generic", "TimeoutError: The read operation timed out");
        ROUND.readsNot("timeout.generic", "socket.timeout: The handshake operation timed out");
        ROUND.reads("timeout.generic", "ci.timeout", "curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received");
        ROUND.reads("timeout.generic", "ci.timeout", "Error: The operation timed out");
    }

    /**
     * No corpus line is read by the round; on the labelled scenarios its new indications read only their own causes.
     * Slurm's sinfo row reads no log: its source's words are a look at the cluster (h136-23, a probe's detail, below).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("slurm.sinfo-nodes-down")).staysInItsCauses();
        Assessment nodes = Fleet.scenario("h136-23-platform-outage-cluster-all-gpu-nodes-down");
        assertTrue(Fleet.weighs(nodes, "platform.outage/probe-detail-indication"), nodes.causes().toString());
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * A host's look of kind DNS_FAILURE (a container's log ending in the resolver's failure) is read as its record, as
     * one of kind SERVER_ERROR was: before this round its detail was not read at all (h136-34, h136-35 stayed unknown).
     */
    @Test
    void aHostsLookOfAnyRecordKindIsRead() throws IOException {
        for (String id : List.of("h136-34-network-dns-h2ogpt-container-no-name-resolution",
                "h136-35-network-dns-alignscore-checkpoint-resolve-huggingface-co")) {
            Assessment a = Fleet.scenario(id);
            assertTrue(Fleet.weighs(a, "network.dns/probe-detail-indication"), id + ": " + a.causes());
            assertEquals("network.dns", a.causes().get(0).id().value(), id + ": " + a.causes());
        }
        Assessment pull = Fleet.scenario("h136-10-image-not-found-vllm-recipe-cuda-variant-tag-404");
        assertTrue(Fleet.weighs(pull, "image.not-found/probe-detail-indication"), pull.causes().toString());
    }

    /** A look naming the GPU's memory beside the crash loop it causes: the crash loop gives way (h136-26). */
    @Test
    void aCrashLoopGivesWayToTheLookThatSaysWhy() throws IOException {
        Assessment a = Fleet.scenario("h136-26-app-oom-vllm-cuda-oom-tried-to-allocate-l40s");
        assertTrue(Fleet.weighs(a, "app.crash-on-boot/more-specific-probe-detail"), a.causes().toString());
        assertEquals("app.oom", a.causes().get(0).id().value(), a.causes().toString());
    }
}
