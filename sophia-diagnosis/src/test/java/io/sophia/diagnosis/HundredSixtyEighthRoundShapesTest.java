package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-fourth session's rule writer r44-h150, each in its tool's own words: its round on the
 * consumed sets h150- (Ruby and PHP services) and h151- (ML model serving and GPU workloads). vLLM refusing a tensor or
 * pipeline parallel size the model's heads or the node's GPUs cannot be split by (vllm-project/vllm#414, #596, #2652);
 * a Ray Serve replica dying in its constructor (ray-project/ray#16597; the controller's "failed to start N times in a
 * row" of ray/serve/_private/deployment_state.py); php-fpm without its main php-fpm.conf (LycheeOrg/Lychee-Docker#28);
 * a GPU test failing on "no CUDA-capable device is detected" on its runner (lightgbm-org/LightGBM#6958, #6966); a
 * deploy CLI's "Failed to create endpoint." answered "Unauthorized" (pooyahrtn/RunpodOllama#3); a toolkit's _HOME unset
 * in a BuildKit RUN step (xorbitsai/inference#2614). And four widened: Composer's codeload "HTTP/2 400"
 * (composer/composer#12956), php-fpm's slowlog it cannot open (laradock/laradock#3187, dokku/dokku#2344,
 * garylab/dnmp#206, thias/puppet-php#23), Azure ML's "You do not have enough quota for the following VM sizes"
 * (pytorch/text#2202, MicrosoftDocs/azure-docs#114478, MicrosoftLearning/mslearn-azure-ml#30), pip's vendored urllib3
 * "Connection broken" (AbdBarho/stable-diffusion-webui-docker#420). Each indication is tested on its source's words and
 * a near miss (the first pair of each new one is indication-cases.tsv's row); each reads no line of the shared corpus
 * and, on the labelled scenarios, only lines of its own cause. And two rules: a crash loop beside a look at the
 * service's own output that says nothing names no cause (app.crash-on-boot/crash-loop-beside-quiet-logs, on the facts'
 * quietLogsBeside), and an upstream's gateway error in a crash-looping pod's previous log is the dependency
 * (app.crash-on-boot/more-specific-upstream-error-probe-detail).
 */
class HundredSixtyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("vllm.parallel-size-not-divisible", "config.invalid"),
            Map.entry("ray-serve.replica-constructor-failed", "app.crash-on-boot"),
            Map.entry("php-fpm.main-configuration-missing", "app.crash-on-boot"),
            Map.entry("ci.gpu-test-no-cuda-device", "ci.runner"),
            Map.entry("deploy-cli.create-failed-unauthorized", "auth.deploy-token"),
            Map.entry("buildkit.run-toolkit-home-unset", "build.dockerfile"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("vllm.parallel-size-not-divisible", "ValueError: Total number of attention heads (52) must be divisible by tensor parallel size (3).");
        ROUND.readsNot("vllm.parallel-size-not-divisible", "AssertionError: n_physical_experts=256 must be divisible by ep_size=3. Adjust num_redundant_experts.");
        ROUND.reads("vllm.parallel-size-not-divisible", "vllm-1  | ValueError: The number of GPUs per node is not divisible by the number of tensor parallelism.");
        ROUND.reads("vllm.parallel-size-not-divisible", "Value error, Total number of attention heads (64) must be divisible by tensor parallel size (3).");
        ROUND.readsNot("vllm.parallel-size-not-divisible", "INFO 01-22 14:32:19 llm_engine.py:73] Initializing an LLM engine with config: model='/tmp/CodeLlama-13b-Instruct-hf', tensor_parallel_size=5, quantization=None");
        ROUND.reads("ray-serve.replica-constructor-failed", "(pid=43093) ERROR worker.py:414 -- Exception raised in creation task: The actor died because of an error raised in its creation task, ray::SERVE_CONTROLLER_ACTOR:Fail#ZEqBbB:RayServeWrappedReplica.__init__ (pid=43093, ip=192.168.86.154)");
        ROUND.readsNot("ray-serve.replica-constructor-failed", "ray.exceptions.ActorDiedError: The actor died unexpectedly before finishing this task.");
        ROUND.reads("ray-serve.replica-constructor-failed", "The deployment failed to start 3 times in a row. This may be due to a problem with its constructor or initial health check failing. See controller logs for details. Retrying after 1 seconds.");
        ROUND.readsNot("ray-serve.replica-constructor-failed", "Exception raised in creation task: The actor died because of an error raised in its creation task, ray::RolloutWorker.__init__() (pid=2201, ip=10.0.0.4)");
        ROUND.reads("php-fpm.main-configuration-missing", "lychee | [12-Feb-2026 01:00:54] ERROR: failed to open configuration file '/etc/php/7.3/fpm/php-fpm.conf': No such file or directory (2)");
        ROUND.readsNot("php-fpm.main-configuration-missing", "[13-Aug-2013 13:01:26] ERROR: failed to open error_log (/var/log/php5-fpm.log): Permission denied (13)");
        ROUND.reads("ci.gpu-test-no-cuda-device", "FAILED tests/gpu/test_cuda_train.py::test_cuda_regression - lightgbm.basic.LightGBMError: [CUDA] no CUDA-capable device is detected /tmp/pip-req-build-c2yfcsg8/src/io/cuda/cuda_column_data.cpp 18");
        ROUND.readsNot("ci.gpu-test-no-cuda-device", "pycuda._driver.RuntimeError: cuInit failed: no CUDA-capable device is detected");
        ROUND.reads("ci.gpu-test-no-cuda-device", "FAILED tests/test_kernels.py::test_fused_adam - RuntimeError: No CUDA GPUs are available");
        ROUND.readsNot("ci.gpu-test-no-cuda-device", "FAILED tests/test_kernels.py::test_fused_adam - torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB");
        ROUND.reads("deploy-cli.create-failed-unauthorized", "Failed to create endpoint.\nUnauthorized");
        ROUND.readsNot("deploy-cli.create-failed-unauthorized", "Failed to create endpoint.\nTemplate ollama_serverless_mistral not found");
        ROUND.reads("buildkit.run-toolkit-home-unset", "#9 41.88       OSError: CUDA_HOME environment variable is not set. Please set it to your CUDA install root.");
        ROUND.readsNot("buildkit.run-toolkit-home-unset", "ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH.");
        ROUND.readsNot("buildkit.run-toolkit-home-unset", "#12 3.214 Error: NPM_TOKEN environment variable is not set");
        // the widened ones, each on its new words and a near miss
        ROUND.reads("composer.file-could-not-be-downloaded", "build.dependency-fetch", "  The \"https://codeload.github.com/doctrine/DoctrineBundle/legacy.zip/75f1bf75d0ba099f23e7d43ebd804df5bec58c29\" file could not be downloaded (HTTP/2 400 )");
        ROUND.readsNot("composer.file-could-not-be-downloaded", "  The \"https://repo.packagist.com/acme/packages.json\" file could not be downloaded (HTTP/1.1 401 Unauthorized)");
        ROUND.reads("php-fpm.configuration-refused", "config.invalid", "php-fpm_1 | [29-Mar-2022 11:40:49] ERROR: Unable to create or open slowlog(/var/log/php-fpm/slowlog-site.log): No such file or directory (2)");
        ROUND.readsNot("php-fpm.configuration-refused", "[05-Sep-2016 07:40:49] WARNING: [pool www] child 15, script '/var/www/dmz.php' (request: \"GET /dmz.php/welcome/index.php\") executing too slow (1.102794 sec), logging");
        ROUND.reads("cloud.quota-exceeded", "platform.quota", "ERROR: (BadArgument) You do not have enough quota for the following VM sizes. If this is an existing deployment, please increase the quota or select a different VM size.");
        ROUND.reads("cloud.quota-exceeded", "platform.quota", "(InferencingClientCreateDeploymentFailed) InferencingClient HttpRequest error, error detail: {\"errors\":{\"VmSize\":[\"Not enough quota available for Standard_F4s_v2 in SubscriptionId a7842ee4-aaba-4d38-8bba-c1804e31a761. Current usage/limit: 0/6. Additional needed: 8\"]}}");
        ROUND.readsNot("cloud.quota-exceeded", "Quota usage for Standard_NC4as_T4_v3: 6 of 8 cores");
        ROUND.reads("pip.download-interrupted", "build.dependency-fetch", "#0 63.72 pip._vendor.urllib3.exceptions.ProtocolError: (\"Connection broken: ConnectionResetError(104, 'Connection reset by peer')\", ConnectionResetError(104, 'Connection reset by peer'))");
        ROUND.reads("pip.download-interrupted", "build.dependency-fetch", "#12 453.1 pip._vendor.urllib3.exceptions.ProtocolError: ('Connection broken: IncompleteRead(64337044 bytes read, 81605893 more expected)', IncompleteRead(64337044 bytes read, 81605893 more expected))");
        ROUND.readsNot("pip.download-interrupted", "pip._vendor.urllib3.exceptions.ProtocolError: (\"Connection broken: OSError(28, 'No space left on device')\", OSError(28, 'No space left on device'))");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these three read no labelled scenario's log: h151-15, -16, -25 and h150-25, their sources, carry the lines in a
        // look at the host (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("vllm.parallel-size-not-divisible", "ray-serve.replica-constructor-failed",
                "php-fpm.main-configuration-missing")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** The misses of h150- and h151- the round's shapes settle, each now led by its label. */
    @Test
    void theSetsMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h150-04-build-dependency-fetch-composer-codeload-http2-400-symfony", "build.dependency-fetch"),
                Map.entry("h150-16-config-invalid-php-fpm-slowlog-path-fpm-init-failed", "config.invalid"),
                Map.entry("h150-25-app-crash-on-boot-lychee-php-fpm-conf-missing-after-migrations", "app.crash-on-boot"),
                Map.entry("h151-02-build-dockerfile-xinference-cpu-dockerfile-cuda-home-unset", "build.dockerfile"),
                Map.entry("h151-04-build-dependency-fetch-sd-webui-image-torch-wheel-download-broken", "build.dependency-fetch"),
                Map.entry("h151-12-auth-deploy-token-runpod-endpoint-create-key-readonly", "auth.deploy-token"),
                Map.entry("h151-15-config-invalid-vllm-tp3-attention-heads-52", "config.invalid"),
                Map.entry("h151-16-config-invalid-vllm-gpus-per-node-not-divisible-tp", "config.invalid"),
                Map.entry("h151-21-platform-quota-azureml-whisper-endpoint-vm-quota", "platform.quota"),
                Map.entry("h151-25-app-crash-on-boot-ray-serve-constructor-failure-replica-died", "app.crash-on-boot"),
                Map.entry("h151-45-ci-runner-lightgbm-gpu-runner-no-cuda-device", "ci.runner")));
    }

    /**
     * app.crash-on-boot/crash-loop-beside-quiet-logs: a crash loop beside a look at the same pod's previous log that shows
     * a clean start and no error, exit reason or resource signal names no cause (cachethq/cachet#3663: two of four
     * replicas restarting, "Starting Cachet! ...", "supervisord started with pid 70"). Before, the crash loop alone stated
     * app.crash-on-boot at 0.9 on h150-46; a constructed fleet's loop beside a quiet log falls below 0.5, beside a log
     * that ends in an error it stays above.
     */
    @Test
    void aCrashLoopWhoseLogsSayNothingNamesNoCause() throws IOException {
        ShapeRound.leadWith(Map.of("h150-46-unknown-cachet-two-of-four-pods-crashloop-logs-look-normal", "unknown"));
        String quiet = "Initializing Cachet container ...  Attempting to connect to database ...  Nothing to migrate.  "
                + "Starting Cachet! ...  Configuration cached successfully!  2026-06-24 05:21:19,610 INFO supervisord started with pid 70";
        String erring = "node:internal/modules/cjs/loader:1080  throw err;  Error: Cannot find module '/app/dist/server.js'";
        org.junit.jupiter.api.Assertions.assertTrue(crashOnBoot(quiet) < 0.5, "quiet: " + crashOnBoot(quiet));
        org.junit.jupiter.api.Assertions.assertTrue(crashOnBoot(erring) >= 0.5, "erring: " + crashOnBoot(erring));
    }

    // the probability of app.crash-on-boot for a one-service fleet whose service refuses, a pod list shows crash-looping
    // and its previous log shows {@code previousLog}
    private static double crashOnBoot(String previousLog) {
        io.sophia.core.Deployment d = new io.sophia.core.Deployment("status", List.of(
                Fleet.service("status", "Status", "Status page", io.sophia.core.ServiceKind.HTTP)));
        List<io.sophia.core.Observation> obs = List.of(Fleet.refused("status"),
                new io.sophia.core.Observation.ProbeFailure("status", io.sophia.core.Source.HOST,
                        "kubectl get pods -l app=status", io.sophia.core.FailureKind.OTHER,
                        "status-665bc4c864-7sxq8  0/1  CrashLoopBackOff  30  81m", null, java.time.Duration.ofMillis(300), 1),
                new io.sophia.core.Observation.ProbeFailure("status", io.sophia.core.Source.HOST,
                        "kubectl logs status-665bc4c864-7sxq8 --previous", io.sophia.core.FailureKind.OTHER,
                        previousLog, null, java.time.Duration.ofMillis(300), 1));
        return Fleet.probability(Diagnosis.ofDefaults().diagnose(d, obs, Fleet.NOW), "app.crash-on-boot");
    }

    /**
     * dependency.down/previous-container-refused-of-a-service-that-answers reads a refusal only, and
     * app.crash-on-boot/more-specific-probe-detail an upstream's gateway error: new pods crash-looping on the Hugging Face
     * Hub's "504 Server Error: Gateway Time-out" while old ones serve from their cache (huggingface/transformers#23228)
     * follow the Hub. Before, the crash loop stated app.crash-on-boot at 0.9 on h151-34.
     */
    @Test
    void anUpstreamsGatewayErrorBehindACrashLoopIsTheDependency() throws IOException {
        ShapeRound.leadWith(Map.of("h151-34-dependency-down-hf-hub-504-tokenizer-load-at-boot", "dependency.down"));
    }
}
