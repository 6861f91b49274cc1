package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes and rules of the forty-sixth session's rule writer r46-h158, on the consumed set h158- (MCP servers and
 * AI-backed services). Indications, each in its tool's own words: a model provider answering that the configured model
 * does not exist (OpenAI's and every OpenAI-compatible provider's "The model `gpt-4o` does not exist or you do not have
 * access to it." with code model_not_found, shobrook/wut#14, Ant0wan/openai-pr#30, rd-1-2022/ai-openai-helloworld#9,
 * continuedev/continue#10832; Vertex AI's "Publisher Model `...` was not found or your project does not have access to
 * it.", truefoundry/models#946, genkit-ai/genkit#4688); OpenAI refusing a placeholder or unset key ("Incorrect API key
 * provided: xxx.", wandb/openui#199; "... undefined.", "... YOUR_API_KEY"); SageMaker's "Unable to provision requested ML
 * compute capacity" (aws/deep-learning-containers#6673, DIAGNijmegen/rse-grand-challenge#2631); the Hugging Face Hub's
 * "You don't have the rights to create a dataset under this namespace" (huggingface/community-events#25,
 * OpenCodeInterpreter/OpenCodeInterpreter#13); the Docker daemon's "Error response from daemon: error from registry:
 * denied" (open-webui/mcpo#282). Rules: the MCP probe's failure kinds (a protocol version refused,
 * xpzouying/xiaohongshu-mcp#697; a session lost within the probe, higress-group/wasm-go#32; a credential refused,
 * cloudflare/mcp-server-cloudflare#241), tests erring in set-up on the platform's capacity, a smoke test of a failing
 * service, an SDK's APIConnectionError answered (anthropics/anthropic-sdk-python#404). Each test fails before its change.
 */
class HundredSeventyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("llm.model-not-found", "config.invalid"),
            Map.entry("openai.placeholder-api-key", "config.missing-secret"),
            Map.entry("sagemaker.unable-to-provision-ml-compute", "platform.capacity"),
            Map.entry("hf-hub.no-rights-under-namespace", "auth.deploy-token"),
            Map.entry("docker.error-from-registry-denied", "registry.auth"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("llm.model-not-found", "openai.NotFoundError: Error code: 404 - {'error': {'message': 'The model `gpt-4o` does not exist or you do not have access to it.', 'type': 'invalid_request_error', 'param': None, 'code': 'model_not_found'}}");
        ROUND.readsNot("llm.model-not-found", "INFO listing models: gpt-4o exists and you have access to it");
        ROUND.reads("llm.model-not-found", "openai.error.InvalidRequestError: The model `gtp-4` does not exist or you do not have access to it.");
        ROUND.reads("llm.model-not-found", "Error from API: map[code:model_not_found message:The model `gpt-4o` does not exist or you do not have access to it. param:<nil> type:invalid_request_error]");
        ROUND.reads("llm.model-not-found", "openai.NotFoundError: Error code: 404 - {'status': 'failure', 'message': 'vertex error: Publisher Model `projects/truefoundry-devtest/locations/global/publishers/google/models/gemma4` was not found or your project does not have access to it. Please ensure you are using a valid model version.'}");
        ROUND.readsNot("llm.model-not-found", "404 Not Found: the requested URL /v1/chat/completions was not found on this server");
        ROUND.reads("openai.placeholder-api-key", "openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: xxx. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}");
        ROUND.readsNot("openai.placeholder-api-key", "401 Incorrect API key provided: sk-proj-****************************************MxYA. You can find your API key at https://platform.openai.com/account/api-keys.");
        ROUND.reads("openai.placeholder-api-key", "\"message\": \"Incorrect API key provided: undefined. You can find your API key at https://platform.openai.com/account/api-keys.\",");
        ROUND.reads("openai.placeholder-api-key", "Error: Incorrect API key provided: your-ope************here");
        ROUND.readsNot("openai.placeholder-api-key", "{\"message\":\"Incorrect API key provided: kod-460f**********2829. You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}");
        ROUND.reads("sagemaker.unable-to-provision-ml-compute", "Final Resource State: Failed. Failure Reason: Unable to provision requested ML compute capacity due to InsufficientInstanceCapacity error.");
        ROUND.readsNot("sagemaker.unable-to-provision-ml-compute", "Provisioned requested ML compute capacity for endpoint vllm-nightly-llama");
        ROUND.reads("sagemaker.unable-to-provision-ml-compute", "\"FailureReason\": \"CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.\"");
        ROUND.reads("hf-hub.no-rights-under-namespace", "HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/api/repos/create - You don't have the rights to create a dataset under this namespace");
        ROUND.readsNot("hf-hub.no-rights-under-namespace", "Creating repo (exist_ok) under the namespace fieldbot");
        ROUND.reads("docker.error-from-registry-denied", "Using default tag: latest Error response from daemon: error from registry: denied");
        ROUND.readsNot("docker.error-from-registry-denied", "Error response from daemon: manifest for ghcr.io/open-webui/mcpo:dev not found: manifest unknown");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these three read no labelled scenario's log: h158-14, -15, -16 and -44, their sources, carry the lines in an
        // answer's body and a look at the host (api:), which the answer and probe-detail rules read
        ROUND.without(java.util.Set.of("llm.model-not-found", "openai.placeholder-api-key",
                "docker.error-from-registry-denied")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * The indications, with the host's refused pull read (Facts.containerPullRefused), lead their scenarios: a model id
     * the provider does not serve (h158-15, h158-16), a placeholder key (h158-14), SageMaker without capacity (h158-24),
     * the Hub refusing the deploy's token (h158-40), the registry denying the host's pull (h158-44). Before, unknown led
     * each at 0.49.
     */
    @Test
    void theProvidersWordsLead() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h158-15-config-invalid-coding-assistant-gateway-groq-model-llama3-1-405b-retired-404", "config.invalid",
                "h158-16-config-invalid-vertex-gateway-publisher-model-gemma4-not-found-404", "config.invalid",
                "h158-14-config-missing-secret-ui-generator-openai-401-incorrect-api-key-placeholder", "config.missing-secret",
                "h158-24-platform-capacity-reader-study-inference-job-capacityerror-ml-compute", "platform.capacity",
                "h158-40-auth-deploy-token-dataset-viewer-space-sync-403-token-lacks-org-write", "auth.deploy-token",
                "h158-44-registry-auth-tools-proxy-ghcr-pull-error-from-registry-denied-restricted-login", "registry.auth"));
    }

    /**
     * config.invalid/mcp-protocol-version-refused, config.invalid/mcp-session-lost-within-the-probe and
     * config.missing-secret/mcp-server-refuses-credential: the MCP probe's own failure kinds name what its server does
     * (h158-01, h158-04, h158-02; unknown at 0.49 before, no rule read an MCP failure); a client's log of a lost session
     * with every probe green stays unknown (h158-03).
     */
    @Test
    void theMcpProbesFailuresLead() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h158-01-config-invalid-mcp-server-rejects-protocol-2025-11-25-http-400", "config.invalid",
                "h158-04-config-invalid-mcp-scaled-two-machines-no-session-affinity-tools-list-400", "config.invalid",
                "h158-02-config-missing-secret-gateway-remote-mcp-oauth-401-invalid-token", "config.missing-secret",
                "h158-03-unknown-mcp-hub-session-ids-lost-after-redeploy-clients-reconnect", "unknown"));
    }

    /**
     * ci.test-failure/capacity-refused-first and ci.test-failure/smoke-test-of-failing-service: a test erring in set-up
     * on the platform's capacity (h158-23, ci.test-failure at 0.894 before) and a smoke test of a service whose own log
     * shows why it fails (h158-21, ci.test-failure at 0.9 before) report the failure; dependency.down/
     * answer-names-provider-connection-error: an SDK's APIConnectionError answered while the provider times out (h158-22,
     * unknown at 0.49 before).
     */
    @Test
    void whatTheTestsAndTheAnswerReportLeads() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h158-23-platform-capacity-vllm-sagemaker-endpoint-g6e-insufficient-instance-capacity", "platform.capacity",
                "h158-21-tls-certificate-litellm-router-openai-self-signed-chain-apierror-connection", "tls.certificate",
                "h158-22-dependency-down-flowchart-app-anthropic-apiconnectionerror-two-hours-heroku-500", "dependency.down"));
    }
}
