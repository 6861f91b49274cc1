package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirtieth session's rule writer rules30d, each in its tool's own words: its round on the p141-
 * tuning set (ML model serving and GPU workloads): the CUDA runtime refusing the host's driver (error 35), the legacy
 * builder's FROM step refused as unauthenticated, transformers' "You are trying to access a gated repo", vLLM refusing
 * its max_model_len (longer than the model's or than its KV cache holds), KServe finding no serving runtime of the name
 * asked, TorchServe's model worker dying while it loads, RunPod without the machine a pod asks for, SkyPilot finding no
 * quota for the instance type, Ray Serve's replica still initializing, the Ollama CLI or an app's client finding no
 * Ollama server on 11434; and hf-hub.download-throttled narrowed (no running container's prefixed log line). Each is
 * tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its
 * comment quotes or its scenario shows and a line of another cause that shares its words); each reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause (or a consequence of that scenario's cause,
 * named with its reason).
 */
class SeventySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules30d (p141-: ML model serving and GPU workloads)
            Map.entry("cuda.driver-insufficient", "app.crash-on-boot"),
            Map.entry("dockerfile.from-pull-unauthorized", "registry.auth"),
            Map.entry("hf-hub.download-throttled", "build.dependency-fetch"),
            Map.entry("kserve.serving-runtime-not-found", "config.invalid"),
            Map.entry("ollama.server-unreachable", "dependency.down"),
            Map.entry("ray-serve.replica-slow-init", "app.healthcheck-failing"),
            Map.entry("runpod.machine-no-resources", "platform.capacity"),
            Map.entry("skypilot.no-quota", "platform.quota"),
            Map.entry("torchserve.worker-died", "app.crash-on-boot"),
            Map.entry("transformers.gated-repo", "config.missing-secret"),
            Map.entry("vllm.max-model-len-invalid", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules30d (p141-)
        ROUND.reads("cuda.driver-insufficient", "F1124 11:59:12.418320     1 common.cpp:152] Check failed: error == cudaSuccess (35 vs. 0)  CUDA driver version is insufficient for CUDA runtime version");
        ROUND.readsNot("cuda.driver-insufficient", "| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2     |");
        ROUND.reads("cuda.driver-insufficient", "web  | CUDA error 35 at /tmp/pip-install-iu4nd6_y/llama-cpp-python_ea6f0cbd4f6343bcbd9b3fd180bbd240/vendor/llama.cpp/ggml-cuda.cu:5522: CUDA driver version is insufficient for CUDA runtime version");
        ROUND.reads("cuda.driver-insufficient", "RuntimeError: cuda runtime error (35) : CUDA driver version is insufficient for CUDA runtime version at /pytorch/torch/csrc/cuda/Module.cpp:34");
        ROUND.readsNot("cuda.driver-insufficient", "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 224.00 MiB"); // gpu.out-of-memory
        ROUND.reads("dockerfile.from-pull-unauthorized", "Step 1/17 : FROM nvcr.io/nvidia/tensorrt:19.05-py3\nGet https://nvcr.io/v2/nvidia/tensorrt/manifests/19.05-py3: unauthorized: authentication required");
        ROUND.readsNot("dockerfile.from-pull-unauthorized", "Step 1/17 : FROM nvcr.io/nvidia/tensorrt:19.05-py3\n19.05-py3: Pulling from nvidia/tensorrt");
        ROUND.reads("dockerfile.from-pull-unauthorized", "Sending build context to Docker daemon  265.7kB\nStep 1/17 : FROM nvcr.io/nvidia/tensorrt:19.05-py3\nGet https://nvcr.io/v2/nvidia/tensorrt/manifests/19.05-py3: unauthorized: authentication required");
        ROUND.readsNot("dockerfile.from-pull-unauthorized", "Step 1/7 : FROM mcr.microsoft.com/windows/servercore:20H2\n20H2: Pulling from windows/servercore\nno matching manifest for windows/amd64 10.0.17763 in the manifest list entries"); // dockerfile.from-no-platform-variant
        // narrowed: an official Docker Hub image is public; a login refused for it is the registry failing (h41-07)
        ROUND.readsNot("dockerfile.from-pull-unauthorized", "Step 1/7 : FROM node:20-bookworm-slim\nError response from daemon: unauthorized: authentication required.");
        ROUND.readsNot("dockerfile.from-pull-unauthorized", "Get https://nvcr.io/v2/nvidia/tensorrt/manifests/19.05-py3: unauthorized: authentication required"); // registry.unauthorized (no FROM step before it)
        // narrowed this session: a running container's own log (kubectl logs --prefix, compose) is no build's download
        ROUND.reads("hf-hub.download-throttled", "huggingface_hub.errors.HfHubHTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/gripworks/pick-place-ckpts/resolve/main/shards/ep_0442.safetensors");
        ROUND.readsNot("hf-hub.download-throttled", "requests.exceptions.HTTPError: 504 Server Error: Gateway Time-out for url: https://huggingface.co/api/models/guillaumekln/faster-whisper-large-v2/revision/main");
        ROUND.reads("hf-hub.download-throttled", "#11 61.03 huggingface_hub.errors.HfHubHTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/gripworks/pick-place-ckpts/resolve/main/shards/ep_0442.safetensors");
        ROUND.readsNot("hf-hub.download-throttled", "[pod/ocr-api-7d9c-2k4fp/app] huggingface_hub.errors.HfHubHTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/api/models/KotaroKinoshita/yomitoku-text-detector-dbnet-open-beta/revision/main"); // generic.error-word
        ROUND.readsNot("hf-hub.download-throttled", "ocr-1  | huggingface_hub.errors.HfHubHTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/api/models/KotaroKinoshita/yomitoku-text-detector-dbnet-open-beta/revision/main"); // generic.error-word
        ROUND.reads("kserve.serving-runtime-not-found", "  Warning  InternalError  5m2s (x41 over 5m) v1beta1Controllers  No ServingRuntimes or ClusterServingRuntimes with the name: unknown-runtime");
        ROUND.readsNot("kserve.serving-runtime-not-found", "No ServingRuntimes or ClusterServingRuntimes found. kserve may not be installed.");
        ROUND.reads("kserve.serving-runtime-not-found", "  Warning  InternalError  8m5s (x482 over 4d23h)  v1beta1Controllers  No ServingRuntimes or ClusterServingRuntimes with the name: unknown-runtime");
        ROUND.readsNot("kserve.serving-runtime-not-found", "error: timed out waiting for the condition on inferenceservices/sentiment"); // rust.error
        ROUND.reads("ollama.server-unreachable", "Error: Post \"http://127.0.0.1:11434/api/pull\": dial tcp 127.0.0.1:11434: connect: connection refused");
        ROUND.readsNot("ollama.server-unreachable", "Error: pull model manifest: file does not exist");
        ROUND.reads("ollama.server-unreachable", "Error: could not connect to ollama app, is it running?");
        ROUND.reads("ollama.server-unreachable", "Error: could not connect to ollama server, run 'ollama serve' to start it");
        ROUND.reads("ollama.server-unreachable", "{\"detail\":\"Connection error: Cannot connect to host localhost:11434 ssl:default\"}");
        ROUND.readsNot("ollama.server-unreachable", "Error: Post \"http://127.0.0.1:8080/api/pull\": dial tcp 127.0.0.1:8080: connect: connection refused"); // exception.line
        ROUND.readsNot("ollama.server-unreachable", "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host redis:6379 ssl:default [Connect call failed ('172.18.0.3', 6379)]"); // exception.line
        ROUND.reads("ray-serve.replica-slow-init", "(ServeController pid=44317) WARNING 2024-02-01 06:09:27,403 controller 44317 deployment_state.py:2171 - Deployment 'DeepSpeedLlamaModel' in application 'default' has 1 replicas that have taken more than 30s to initialize. This may be caused by a slow __init__ or reconfigure method.");
        ROUND.readsNot("ray-serve.replica-slow-init", "Deployment \"fruit_app_DAGDriver\" has 1 replicas that have taken more than 30s to be scheduled. This may be caused by waiting for the cluster to auto-scale, or waiting for a runtime environment to install.");
        ROUND.reads("ray-serve.replica-slow-init", "(ServeController pid=170719) WARNING 2025-03-03 06:22:37,562 controller 170719 -- Deployment 'DeepSpeedLlamaModel' in application 'default' has 1 replicas that have taken more than 30s to initialize.");
        ROUND.readsNot("ray-serve.replica-slow-init", "Deployment 'LLMServer:qwen2_5-7b-instruct' in application 'llms' has 1 replicas that have taken more than 30s to be scheduled. This may be due to waiting for the cluster to auto-scale or for a runtime environment to be installed."); // read by none: a cluster without room for the replica
        ROUND.reads("runpod.machine-no-resources", "Error: this machine does not have the resources to deploy this pod");
        ROUND.readsNot("runpod.machine-no-resources", "pod \"u7k2x9q1m3\" stopped");
        ROUND.reads("runpod.machine-no-resources", "{\"error\":\"This machine does not have the resources to deploy your pod. Please try a different machine\"}");
        ROUND.reads("runpod.machine-no-resources", "There are no longer any instances available with the requested specifications.");
        ROUND.readsNot("runpod.machine-no-resources", "Error: error creating a new machine: failed to launch VM: aborted: could not reserve resource for machine: insufficient memory available to fulfill request"); // fly.reserve-resource
        ROUND.reads("skypilot.no-quota", "Found no quota for g4dn.xlarge on-demand instances in region us-east-2 in AWS. To request quotas, check the instruction: https://skypilot.readthedocs.io/en/latest/cloud-setup/quota.html.");
        ROUND.readsNot("skypilot.no-quota", "Launching on AWS us-east-2 (us-east-2a,us-east-2b,us-east-2c)");
        ROUND.reads("skypilot.no-quota", "Found no quota for g4dn.xlarge spot instances in region us-east-1 in AWS. To request quotas, check the instruction: https://skypilot.readthedocs.io/en/latest/cloud-setup/quota.html.");
        ROUND.readsNot("skypilot.no-quota", "sky.exceptions.ResourcesUnavailableError: Failed to provision all possible launchable resources. Relax the task's resource requirements: 1x AWS({'T4': 1})"); // exception.line
        ROUND.reads("torchserve.worker-died", "2020-11-19 08:11:13,180 [WARN ] W-9000-backside_ver3_1.0 org.pytorch.serve.wlm.BatchAggregator - Load model failed: backside_ver3, error: Worker died.");
        ROUND.readsNot("torchserve.worker-died", "2020-11-19 08:11:13,176 [INFO ] epollEventLoopGroup-5-1 org.pytorch.serve.wlm.WorkerThread - 9000 Worker disconnected. WORKER_STARTED");
        ROUND.reads("torchserve.worker-died", "2026-12-03 07:27:59,926 [DEBUG] W-9005-DocTag_1.0 org.pytorch.serve.wlm.WorkerThread - Backend worker monitoring thread interrupted or backend worker process died.");
        ROUND.readsNot("torchserve.worker-died", "2023-05-10 10:12:41,301 [INFO ] W-9000-resnet_1.0-stdout MODEL_LOG - torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB"); // gpu.out-of-memory
        ROUND.reads("transformers.gated-repo", "OSError: You are trying to access a gated repo.");
        ROUND.readsNot("transformers.gated-repo", "OSError: We couldn't connect to 'https://huggingface.co' to load this file, couldn't find it in the cached files and it looks like meta-llama/LlamaGuard-7b is not the path to a directory containing a file named config.json."); // exception.line
        ROUND.reads("transformers.gated-repo", "guard-1  | OSError: You are trying to access a gated repo.");
        ROUND.readsNot("transformers.gated-repo", "guard-1  | Make sure to request access at https://huggingface.co/meta-llama/LlamaGuard-7b and pass a token having permission to this repo either by logging in with `huggingface-cli login` or by passing `token=<your_token>`.");
        ROUND.reads("vllm.max-model-len-invalid", "ValueError: User-specified max_model_len (131072) is greater than the derived max_model_len (None=8192 in model's config.json). This may lead to incorrect model outputs or CUDA errors.");
        ROUND.readsNot("vllm.max-model-len-invalid", "INFO 06-09 14:01:52 [kv_cache_utils.py:716] Maximum concurrency for 131,072 tokens per request: 1.02x");
        ROUND.reads("vllm.max-model-len-invalid", "(EngineCore pid=42521) ERROR 06-09 14:01:52 [core.py:1136] ValueError: To serve at least one request with the models's max seq len (131072), (4.11 GiB KV cache is needed, which is larger than the available KV cache memory (4.0 GiB). Based on the available memory, the estimated maximum model length is 127776. Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.");
        ROUND.reads("vllm.max-model-len-invalid", "ValueError: The model's max seq len (32768) is larger than the maximum number of tokens that can be stored in KV cache (13440). Try increasing `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.");
        ROUND.readsNot("vllm.max-model-len-invalid", "ValueError: No available memory for the cache blocks. Try increasing `gpu_memory_utilization` when initializing the engine."); // exception.line
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
