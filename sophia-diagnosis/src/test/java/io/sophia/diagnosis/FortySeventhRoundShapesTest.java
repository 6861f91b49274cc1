package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes for the families of the twenty-first session's arrivals (h52- to h57- consumed, p96- to p100- scored
 * on arrival first), each in its tool's own words: more languages' words for a setting the app does not have; and the rule writers'
 * rounds (platform pages and statuses, hosted-build settings, a secrets file, Railway's trial plan...). Each is
 * tested on its source's words and a near miss (the first row of each is indication-cases.tsv's); each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class FortySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("config.value-unset-generic", "config.missing-secret"),
            Map.entry("config.local-default-redis-ruby", "config.missing-secret"),
            Map.entry("broker.credentials-refused", "config.invalid"),
            Map.entry("bullmq.max-retries-must-be-null", "config.invalid"),
            Map.entry("celery.unable-to-load-app", "app.crash-on-boot"),
            Map.entry("supervisord.exited-too-quickly", "app.crash-on-boot"),
            Map.entry("lambda.source-image-missing", "image.not-found"),
            Map.entry("lambda.image-media-type-unsupported", "config.invalid"),
            Map.entry("cloudrun.image-path-rejected", "config.invalid"),
            Map.entry("containerapps.image-pull-unauthorized", "registry.auth"),
            Map.entry("ecs.placement-port-in-use", "config.invalid"),
            Map.entry("ecs.ecr-pull-throttled", "registry.unavailable"),
            Map.entry("gcloud.deploy-action-auth-failed", "auth.deploy-token"),
            Map.entry("docker.cannot-locate-dockerfile", "build.dockerfile"),
            Map.entry("dotnet.coreclr-init-failed", "app.crash-on-boot"),
            Map.entry("npm.cache-enoent", "build.dependency-fetch"),
            Map.entry("ecs.secret-value-not-json", "config.invalid"),
            Map.entry("plug.secret-key-base-unset", "config.missing-secret"),
            Map.entry("fly.config-from-no-machines", "config.invalid"),
            Map.entry("ci.gate-upstream-cancelled", "ci.cancelled"),
            Map.entry("kafka-python.dns-lookup-failed", "network.dns"),
            Map.entry("wrangler.api-token-required", "auth.deploy-token"),
            Map.entry("wrangler.account-id-missing", "config.invalid"),
            Map.entry("platform.plan-maximum-exceeded", "platform.quota"),
            Map.entry("fly.region-likely-at-capacity", "platform.capacity"),
            Map.entry("platform.deployment-larger-than-quota", "platform.quota"),
            Map.entry("platform.no-host-resources", "platform.capacity"),
            Map.entry("paas.no-run-command", "config.invalid"),
            Map.entry("cli.http-error-401", "auth.deploy-token"),
            Map.entry("cf.process-crashed", "app.crash-on-boot"),
            Map.entry("ecr.image-not-found", "image.not-found"),
            Map.entry("autoscaler.scale-up-quota-exceeded", "platform.quota"),
            Map.entry("serverless.missing-handler", "config.invalid"),
            Map.entry("appservice.container-exited", "app.crash-on-boot"),
            Map.entry("containerapps.container-crashing", "app.crash-on-boot"),
            Map.entry("sam.pip-resolve-dependencies", "build.dependency-fetch"),
            Map.entry("redis.error-connecting", "dependency.down"),
            Map.entry("postgres.no-password-supplied", "config.missing-secret"),
            Map.entry("rust.panic-setting-unset", "config.missing-secret"),
            Map.entry("postgres.connect-url-invalid", "config.invalid"),
            Map.entry("dns.getaddrinfo-eai-fail", "network.dns"),
            Map.entry("render.deploy-canceled", "ci.cancelled"),
            Map.entry("python.environ-keyerror", "config.missing-secret"),
            Map.entry("vercel.sandbox-worker-exited", "platform.outage"),
            Map.entry("compose.wait-container-unhealthy", "app.healthcheck-failing"),
            Map.entry("fly.api-eof", "platform.outage"),
            Map.entry("python.ssl-socket-timeout", "build.dependency-fetch"),
            Map.entry("python.bare-env-key-line", "config.missing-secret"),
            Map.entry("paas.deployment-status-crashed", "app.crash-on-boot"),
            Map.entry("secrets.failed-to-load-secrets-file", "config.missing-secret"),
            Map.entry("env.option-requires-variable-generic", "config.missing-secret"),
            Map.entry("node.tool-requires-newer-node", "config.invalid"),
            Map.entry("paas.build-root-no-package-json", "config.invalid"),
            Map.entry("build-env.docker-not-installed", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Read in answers' bodies and platform API details, which no labelled scenario's log holds (p100-12's Workers 1101
     * page, p100-29's "Site not found", p100-35's Railway plan refusal; a registry's
     * ping and a namespace quota's refusal read in carried texts): checked against the shared corpus only.
     */
    private static final ShapeRound ANSWER_ROUND = new ShapeRound(Map.of(
            "workers.worker-threw-exception", "app.crash-on-boot", "paas.site-not-found-page", "config.invalid",
            "railway.limited-trial-no-code", "platform.quota", "registry.ping-unreachable", "registry.unavailable",
            "k8s.quota-usage-forbidden", "platform.quota", "upstash.max-requests-limit", "platform.quota",
            "azure.usage-state-exceeded", "platform.quota"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("config.value-unset-generic",
                "django.core.exceptions.ImproperlyConfigured: No DATABASE_URL environment variable set.");
        ROUND.readsNot("config.value-unset-generic", "No new environment variables were set by this step.");
        ROUND.readsNot("rust.panic-setting-unset", "Error: The token provided to HEROKU_API_KEY is invalid. Please "
                + "double-check that you have the correct token, or run `heroku login` without HEROKU_API_KEY set.");
        ROUND.reads("config.value-unset-generic", "Unhandled exception. System.InvalidOperationException: No connection "
                + "string named 'DefaultConnection' could be found in the application config file.");
        ROUND.readsNot("config.value-unset-generic", "Using connection string named 'DefaultConnection'");
        ROUND.reads("config.value-unset-generic", "Unhandled exception. Microsoft.Extensions.Options."
                + "OptionsValidationException: DataAnnotation validation failed for 'MyOptions' members: 'ApiKey' with "
                + "the error: 'The ApiKey field is required.'.");
        ROUND.readsNot("config.value-unset-generic", "OptionsValidationException handler registered");
        ROUND.reads("config.value-unset-generic", "2026-11-22T17:42:43.610288+00:00 app[web.1]: Error: Secret should be set");
        ROUND.readsNot("config.value-unset-generic", "The secret has been set for app web");
        // the rule writer's round on p100- (platform pages and statuses, hosted-build settings, a secrets file, a plan)
        ANSWER_ROUND.reads("workers.worker-threw-exception", "Error 1101 Ray ID: 88168b0c88be9842 • 2024-05-10 02:36:42 UTC Worker threw exception");
        ANSWER_ROUND.readsNot("workers.worker-threw-exception", "Error 1102 Ray ID: 88168b0c88be9842 • Worker exceeded resource limits");
        ROUND.reads("paas.deployment-status-crashed", "##[error]Service showcase-langgraph CRASHED on Railway");
        ROUND.readsNot("paas.deployment-status-crashed", "Railway status=SUCCESS domain=showcase-crewai-production-91ad.up.railway.app");
        ROUND.reads("secrets.failed-to-load-secrets-file", "Failed to load passwords. Serverpod cannot not start.");
        ROUND.readsNot("secrets.failed-to-load-secrets-file", "Loaded passwords from config/passwords.yaml");
        ROUND.reads("env.option-requires-variable-generic", "Error: edge and split options can only be used with ENABLE_VC_BUILD");
        ROUND.readsNot("env.option-requires-variable-generic", "Error: the --watch option can only be used with the dev command");
        ROUND.reads("node.tool-requires-newer-node", "Wrangler requires at least Node.js v20.0.0. You are using v18.20.8. Please update your version of Node.js.");
        ROUND.readsNot("node.tool-requires-newer-node", "ERROR: Node version v26.0.0 is not supported. Please use a secure LTS version or upgrade your Node");
        ROUND.reads("paas.build-root-no-package-json", "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/opt/buildhome/repo/package.json'");
        ROUND.readsNot("paas.build-root-no-package-json", "npm ERR! enoent ENOENT: no such file or directory, open '/app/package.json'");
        ROUND.reads("build-env.docker-not-installed", "❌ Docker is not installed or not in PATH");
        ROUND.readsNot("build-env.docker-not-installed", "Docker version 24.0.7, build afdd53b is installed");
        ANSWER_ROUND.reads("railway.limited-trial-no-code", "Full Trial users can deploy code and plugins, while Limited Trial users can only deploy plugins.");
        ANSWER_ROUND.readsNot("railway.limited-trial-no-code", "Full Trial users can deploy code and plugins.");
        ANSWER_ROUND.reads("paas.site-not-found-page", "Site not found");
        ANSWER_ROUND.readsNot("paas.site-not-found-page", "Error: Site not found. Please rerun \"netlify link\"");
        // the rule writer's round on h52- to h57-
        ROUND.reads("wrangler.api-token-required", "✘ [ERROR] In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work. Please go to https://developers.cloudflare.com/fundamentals/api/get-started/create-token/ for instructions on how to create an api token, and assign its value to CLOUDFLARE_API_TOKEN.");
        ROUND.readsNot("wrangler.api-token-required", "Make sure CLOUDFLARE_API_TOKEN is set in the repository secrets");
        ROUND.reads("wrangler.account-id-missing", "✘ [ERROR] More than one account available but unable to select one in non-interactive mode.");
        ROUND.readsNot("wrangler.account-id-missing", "Using account 0123 of the accounts available");
        ROUND.reads("platform.plan-maximum-exceeded", "[msachatapp] Some error has happened during the build. Try again. [{\"message\":\"Validation Error\",\"status\":400,\"errors\":[{\"reason\":\"exceededPlanMaximum\",\"context\":{\"message\":\"Desired service spec cpu exceeded the max limit for provided plan earlyAdopter. The max limit is 4\"}}]}].");
        ROUND.readsNot("platform.plan-maximum-exceeded", "Plan earlyAdopter: max cpu 4");
        ROUND.reads("fly.region-likely-at-capacity", "Error: failed to update machine 91857e2a4c6083: The region you're trying to deploy is likely at capacity. Consider deploying to a new region with fly deploy --region <region> or trying again in a few hours");
        ROUND.readsNot("fly.region-likely-at-capacity", "The region you're deploying to has capacity for 3 more machines");
        ROUND.reads("platform.deployment-larger-than-quota", "##[error]The deployment is larger (277025347) than the allowed quota (50003968)");
        ROUND.readsNot("platform.deployment-larger-than-quota", "The deployment is 27 MB, within the allowed quota");
        ROUND.reads("platform.no-host-resources", "{\"error_message\": \"No resources are available to create the requested Kasm. Please try again later or contact an Administrator\"}");
        ROUND.readsNot("platform.no-host-resources", "Resources are available to create the requested Kasm");
        ROUND.reads("paas.no-run-command", "ERROR: no command to run your application: add a run command in your Service configuration or create a Procfile in your git repository. Check https://koyeb.com/e/run-command for more details.");
        ROUND.readsNot("paas.no-run-command", "Using the run command from your Procfile");
        ROUND.reads("cli.http-error-401", "[ERROR] HTTP Error: 401 Authorization Required");
        ROUND.readsNot("cli.http-error-401", "[ERROR] HTTP Error: 404 Not Found");
        ROUND.reads("cf.process-crashed", "   [API/0] OUT App instance exited with guid ad5dfc6e payload: {\"instance\"=>\"b5d7cca2\", \"index\"=>2, \"reason\"=>\"CRASHED\", \"exit_description\"=>\"APP/PROC/WEB: Exited with status 1\", \"crash_count\"=>1}");
        ROUND.readsNot("cf.process-crashed", "   [API/0] OUT App instance exited with guid 0d6a payload: {\"instance\"=>\"d41e\", \"index\"=>0, \"reason\"=>\"CRASHED\", \"exit_description\"=>\"Instance never healthy after 1m0s: Failed to make TCP connection to port 8080: connection refused; process did not exit\", \"crash_count\"=>1}");
        ROUND.reads("ecr.image-not-found", "An error occurred (ImageNotFoundException) when calling the DescribeImages operation: The image with imageId {imageDigest:'null', imageTag:'release-2026-12'} does not exist within the repository with name 'invoices' in the registry with id '730215590011'");
        ROUND.readsNot("ecr.image-not-found", "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'invoices' does not exist in the registry with id '730215590011'");
        ROUND.reads("autoscaler.scale-up-quota-exceeded", "  Warning  FailedScaleUp      11m   cluster-autoscaler   Node scale up in zones europe-west1-b associated with this pod failed: scale.up.error.quota.exceeded. Pod is at risk of not being scheduled.");
        ROUND.readsNot("autoscaler.scale-up-quota-exceeded", "  Normal   TriggeredScaleUp   12m   cluster-autoscaler   pod triggered scale-up");
        ANSWER_ROUND.reads("k8s.quota-usage-forbidden", "Warning FailedCreate replicaset-controller Error creating: Pod \"web-5d8f7c9b6-\" is forbidden: cpu quota is 200m, current usage is 200m, requesting 100m.");
        ANSWER_ROUND.readsNot("k8s.quota-usage-forbidden", "cpu quota is 200m, current usage is 100m");
        ROUND.reads("serverless.missing-handler", "Missing \"handler\" property for function \"handler\".");
        ROUND.readsNot("serverless.missing-handler", "Using handler property app.handler for function api");
        ROUND.reads("appservice.container-exited", "ERROR - Container custportal-dev_0_403efc17 for site custportal-dev has exited, failing site start");
        ROUND.readsNot("appservice.container-exited", "INFO  - Initiating warmup request to container custportal-dev_0_403efc17 for site custportal-dev");
        ROUND.reads("containerapps.container-crashing", "ContainerAppSystemLogs_CL | orders-fn--4d6f8b0 | 2/2 Failed:...ContainerCrashing");
        ROUND.readsNot("containerapps.container-crashing", "ContainerAppSystemLogs_CL | orders-fn--4d6f8b0 | Container started");
        ROUND.reads("sam.pip-resolve-dependencies", "Error: PythonPipBuilder:ResolveDependencies - Could not satisfy the requirement: QuantLib");
        ROUND.readsNot("sam.pip-resolve-dependencies", "Running PythonPipBuilder:ResolveDependencies");
        ROUND.reads("redis.error-connecting", "25066 TID-ov2yh0k4c ERROR: heartbeat: Error connecting to Redis on jobs-redis.internal:6379 (ECONNREFUSED)");
        ROUND.readsNot("redis.error-connecting", "ERROR: heartbeat: Error connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED)");
        ROUND.reads("postgres.no-password-supplied", "PG::ConnectionBad: fe_sendauth: no password supplied (PG::ConnectionBad)");
        ROUND.readsNot("postgres.no-password-supplied", "PG::ConnectionBad: FATAL:  password authentication failed for user \"shop\"");
        ROUND.reads("rust.panic-setting-unset", "thread 'main' panicked at 'Without `DATABASE` set in .env', src/bin/delicate-scheduler.rs:88:10");
        ROUND.readsNot("rust.panic-setting-unset", "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Os { code: 2 }', src/main.rs:10:5");
        ROUND.reads("postgres.connect-url-invalid", "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: ConnectParams(StringError(\"url: Invalid character in scheme.\"))', ../src/libcore/result.rs:789");
        ROUND.readsNot("postgres.connect-url-invalid", "ConnectParams { host: \"db\", port: 5432 }");
        ROUND.reads("dns.getaddrinfo-eai-fail", "[Nest] 27  - 12/04/2026, 11:02:56 AM   ERROR [ExceptionHandler] getaddrinfo EAI_FAIL postgres");
        ROUND.readsNot("dns.getaddrinfo-eai-fail", "getaddrinfo EAI_AGAIN postgres");
        ANSWER_ROUND.reads("registry.ping-unreachable", "Warning Failed kubelet Failed to pull image \"registry.example.in:5005/platform/actuator-sample:r42\": rpc error: code = Unknown desc = Error response from daemon: Get https://registry.example.in:5005/v1/_ping: dial tcp 172.31.17.179:5005: i/o timeout");
        ANSWER_ROUND.readsNot("registry.ping-unreachable", "Get https://registry.example.in:5005/v2/: 200 OK");
        ROUND.reads("render.deploy-canceled", "Deploy status: canceled");
        ROUND.readsNot("render.deploy-canceled", "Deploy status: live");
        ROUND.reads("compose.wait-container-unhealthy", "container popcorn-vote is unhealthy");
        ROUND.readsNot("compose.wait-container-unhealthy", "dependency failed to start: container popcorn-db is unhealthy");
        ROUND.reads("fly.api-eof", "Error: Post \"https://api.fly.io/api/v1/cli_sessions\": EOF");
        ROUND.readsNot("fly.api-eof", "Error: Post \"https://api.fly.io/api/v1/cli_sessions\": 401 Unauthorized");
        ROUND.reads("python.ssl-socket-timeout", "socket.timeout: _ssl.c:835: The handshake operation timed out");
        ROUND.readsNot("python.ssl-socket-timeout", "socket.timeout: timed out");
        ROUND.reads("python.bare-env-key-line", "'PARTNER_API_KEY'");
        ROUND.readsNot("python.bare-env-key-line", "'PARTNER_API_KEY' is set");
        // the rule writer's round on p96- to p99-
        ROUND.reads("config.local-default-redis-ruby", "2026-12-02T21:38:04.811022+00:00 app[web.1]: Redis::CannotConnectError (Error connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED)):");
        ROUND.readsNot("config.local-default-redis-ruby", "Redis::CannotConnectError (Error connecting to Redis on redis.internal:6379 (Errno::ECONNREFUSED)):");
        ROUND.reads("broker.credentials-refused", "[2026-12-03 09:48:16,263: CRITICAL/MainProcess] Unrecoverable error: AccessRefused(403, 'ACCESS_REFUSED - Login was refused using authentication mechanism AMQPLAIN. For details see the broker logfile.', (0, 0), '')");
        ROUND.readsNot("broker.credentials-refused", "[2026-12-03 09:48:16,263: CRITICAL/MainProcess] Unrecoverable error: AccessRefused(403, 'ACCESS_REFUSED - access to vhost 'bench' refused for user 'worker'', (0, 0), '')");
        ROUND.reads("bullmq.max-retries-must-be-null", "app[5683d477a1e018] cdg [info]error: BullMQ: Your redis options maxRetriesPerRequest must be null.");
        ROUND.readsNot("bullmq.max-retries-must-be-null", "Error: Reached the max retries per request limit (which is 20). Refer to \"maxRetriesPerRequest\" option for details.");
        ROUND.reads("celery.unable-to-load-app", "worker_1    | Unable to load celery application.");
        ROUND.readsNot("celery.unable-to-load-app", "worker_1    | celery@worker ready.");
        ROUND.reads("supervisord.exited-too-quickly", "celery-hears-workers:celery-hears-alerts    BACKOFF   Exited too quickly (process log may have details)");
        ROUND.readsNot("supervisord.exited-too-quickly", "celery-hears-workers:celery-hears-alerts    RUNNING   pid 4242, uptime 0:10:03");
        ROUND.reads("lambda.source-image-missing", "ProxyApiHandler  AWS::Lambda::Function  CREATE_FAILED  Resource handler returned message: \"Source image 111122223333.dkr.ecr.ap-southeast-1.amazonaws.com/bedrock-proxy-api is not valid. Provide a valid source image. (Service: Lambda, Status Code: 400)\"");
        ROUND.readsNot("lambda.source-image-missing", "Resource handler returned message: \"Source image 111122223333.dkr.ecr.ap-southeast-1.amazonaws.com/bedrock-proxy-api is not valid. The image manifest or layer media type is not supported.\"");
        ROUND.reads("lambda.image-media-type-unsupported", "Resource handler returned message: \"The image manifest or layer media type for the source image 111122223333.dkr.ecr.eu-west-1.amazonaws.com/fn@sha256:80966d8006f61a65f21ca9ce8a9e1c972ccc9b4b2b79d79ad2a83e6a54e02ccc is not supported. (Service: Lambda, Status Code: 400)\"");
        ROUND.readsNot("lambda.image-media-type-unsupported", "Resource handler returned message: \"Source image 111122223333.dkr.ecr.eu-west-1.amazonaws.com/fn does not exist.\"");
        ROUND.reads("cloudrun.image-path-rejected", "│ Error: Error creating Service: googleapi: Error 400: spec.template.spec.containers[0].image: Expected an image path like [host/]repo-path[:tag and/or @digest], where host is one of [region.]gcr.io, [region-]docker.pkg.dev or docker.io but obtained ghcr.io/example-dev/hello@sha256:1c084931f385ea9a5dabb8ed079c1633dbb509c21c9d292f53e551394ddac53a");
        ROUND.readsNot("cloudrun.image-path-rejected", "│ Error: Error creating Service: googleapi: Error 400: spec.template.spec.containers[0].image: Image 'gcr.io/example-dev/hello:latest' not found.");
        ROUND.reads("containerapps.image-pull-unauthorized", "ERROR: (ContainerAppOperationError) Failed to provision revision for container app 'ca-orders-prod'. Error details: The following field(s) are either invalid or missing. Field 'template.containers.api.image' is invalid with details: 'Invalid value: \"exampleacr.azurecr.io/orders/api:18808\": GET https:?exampleacr.azurecr.io: UNAUTHORIZED: authentication required';.");
        ROUND.readsNot("containerapps.image-pull-unauthorized", "ERROR: (ContainerAppOperationError) Failed to provision revision for container app 'ca-orders-prod'. Error details: The following field(s) are either invalid or missing. Field 'template.containers.api.image' is invalid with details: 'Invalid value: \"exampleacr.azurecr.io/orders/api:18808\": MANIFEST_UNKNOWN: manifest tagged by \"18808\" is not found';.");
        ROUND.reads("ecs.placement-port-in-use", "0a94a8de-13d8-4033-9646-d6a311b3034e - (service frontend-test) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 47d5cb9a-6e38-495e-9777-5ae6d02a3720) is already using a port required by your task.");
        ROUND.readsNot("ecs.placement-port-in-use", "(service frontend-test) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 47d5cb9a) has insufficient memory available.");
        ROUND.reads("ecs.ecr-pull-throttled", "task 2b5f1779: stoppedReason: CannotPullECRContainerError: ThrottlingException: Rate exceeded");
        ROUND.readsNot("ecs.ecr-pull-throttled", "An error occurred (ThrottlingException) when calling the DescribeServices operation (reached max retries: 4): Rate exceeded");
        ROUND.reads("gcloud.deploy-action-auth-failed", "##[error]Error authenticating the Cloud SDK.");
        ROUND.readsNot("gcloud.deploy-action-auth-failed", "##[error]Error: Cloud SDK is not installed.");
        ROUND.reads("docker.cannot-locate-dockerfile", "Error Error response from daemon: Cannot locate specified Dockerfile: Dockerfile");
        ROUND.readsNot("docker.cannot-locate-dockerfile", "Step 1/9 : FROM node:20-alpine");
        ROUND.reads("dotnet.coreclr-init-failed", "Failed to initialize CoreCLR, HRESULT: 0x80004005");
        ROUND.readsNot("dotnet.coreclr-init-failed", "RequestId: d88fc138-1756-4e8f-b887-d44851c12b84 Error: Runtime exited with error: exit status 137");
        ROUND.reads("npm.cache-enoent", "npm ERR! enoent ENOENT: no such file or directory, scandir '/tmp/.npm/_locks/cookie-parser-e0ade791052d8035.lock'");
        ROUND.readsNot("npm.cache-enoent", "npm ERR! enoent ENOENT: no such file or directory, open '/app/package.json'");
        ROUND.reads("ecs.secret-value-not-json", "ECS task 5f0e2c71 STOPPED: ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): invalid character '\\'' looking for beginning of value");
        ROUND.readsNot("ecs.secret-value-not-json", "ECS task 5f0e2c71 STOPPED: ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-central-1:111122223333:secret:valheimServerPass from secrets manager: ResourceNotFoundException");
        ROUND.reads("plug.secret-key-base-unset", "** (ArgumentError) cookie store expects conn.secret_key_base to be set");
        ROUND.readsNot("plug.secret-key-base-unset", "** (ArgumentError) cookie store expects conn.secret_key_base to have at least 64 bytes");
        ROUND.reads("fly.config-from-no-machines", "Error: failed to grab app config from existing machines, error: could not create a fly.toml from any machines :-(");
        ROUND.readsNot("fly.config-from-no-machines", "Error: the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag");
        ROUND.reads("ci.gate-upstream-cancelled", "##[error]user-journeys.yml (reliability-ring1) concluded 'cancelled' for 97f053e…; not deploying.");
        ROUND.readsNot("ci.gate-upstream-cancelled", "##[error]user-journeys.yml (reliability-ring1) concluded 'failure' for 97f053e…; not deploying.");
        ANSWER_ROUND.reads("azure.usage-state-exceeded", "state: Stopped, usageState: Exceeded, dailyMemoryTimeQuota: 2000");
        ANSWER_ROUND.readsNot("azure.usage-state-exceeded", "state: Running, usageState: Normal, dailyMemoryTimeQuota: 2000");
        ROUND.reads("kafka-python.dns-lookup-failed", "ERROR:kafka.conn:DNS lookup failed for kafka:9092 (AddressFamily.AF_UNSPEC)");
        ROUND.readsNot("kafka-python.dns-lookup-failed", "ERROR:kafka.conn:Connect attempt to <BrokerConnection node_id=1 host=10.8.0.3:9092> returned error 111. Disconnecting.");
        ANSWER_ROUND.reads("upstash.max-requests-limit", "ReplyError: ERR max requests limit exceeded. Limit: 500000, Usage: 500000. See https://upstash.com/docs/redis/troubleshooting/max_requests_limit for details");
        ANSWER_ROUND.readsNot("upstash.max-requests-limit", "ReplyError: ERR max number of clients reached");
    }

    /** Existing indications widened this session, on the words that widened them. */
    @Test
    void widenedIndicationsReadTheirNewWords() throws IOException {
        ROUND.reads("heroku.no-web-process", "config.invalid", "2026-06-30T13:19:40.112+00:00 heroku[router]: "
                + "at=error code=H14 desc=\"No web dynos running\" method=GET path=\"/\" host=booking-prod.herokuapp.com");
        ROUND.readsNot("heroku.no-web-process", "heroku[router]: at=error code=H12 desc=\"Request timeout\"");
    }

    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // a container compose marks unhealthy, or a Cloud Foundry instance that crashes, because a variable is missing
        // is that variable's consequence (p17-25, p24-18); os.environ's KeyError while the tests are collected is the
        // tests' own setting (p76-34, ci.test-failure: the indication is moderate for it)
        // redis-rb refused on 127.0.0.1 reads as the client's default for want of a setting, except where the deployment
        // declares that Redis and it is down (p6-20, p99-04: the engine names the down service, the label follows)
        // p110-40- (session 23): Railway's deployment CRASHED during the platform's proxy incident, labelled
        // platform.outage: the crash is the incident's consequence
        // p114-16- (session 23): Mastodon's setup refused by Redis on localhost:6379 because REDIS_HOST was set to
        // localhost inside the container, labelled config.invalid; the corpus reads the client's default both ways
        // p122-20 (session 25): SCRAM refused because the chart left the client password empty (config.missing-secret)
        // p173-35 (tuning, session 38): the broker's refusal is what the failing integration test asserts against, the
        // test's own failure (ci.test-failure)
        // p138-31 (tuning, session 29): Celery cannot load its app because the app's import resolves a MySQL host that
        // does not resolve (network.dns): the load failure is its consequence
        // p141-06 (tuning, session 30): compose marks the llama.cpp container unhealthy because it crashed at start on
        // CUDA error 35 (app.crash-on-boot): the unhealthy container is the crash's consequence
        // p193-02 (tuning, session 42): "rails generate" run in a RUN step of the image build reaches for Redis on
        // localhost, where the build has none (build.dockerfile): the refused connection is the step's consequence
        // p197-35 (tuning, session 43): Sidekiq's at_exit stats flush in a CI test run reaches for Redis on localhost,
        // where the job runs no Redis service (ci.test-failure): the refused connection is the failing test run's own line
        ROUND.staysInItsCauses("p197-35 config.local-default-redis-ruby", "p193-02 config.local-default-redis-ruby", "p141-06- compose.wait-container-unhealthy", "p138-31- celery.unable-to-load-app",
                "p122-20 broker.credentials-refused", "p173-35 broker.credentials-refused", "p114-16- config.local-default-redis-ruby", "p110-40- paas.deployment-status-crashed", "p17-25- compose.wait-container-unhealthy", "p24-18- cf.process-crashed",
                "p76-34- python.environ-keyerror", "p6-20- config.local-default-redis-ruby",
                "p99-04- config.local-default-redis-ruby",
                // h138-38, h138-39 (consumed session 41, ci.test-failure): a CI test suite refused by the Redis on the
                // job's loopback that its service container should have provided; the refusal is the failing tests' output
                "h138-38- config.local-default-redis-ruby", "h138-39- config.local-default-redis-ruby",
                // h150-31 (consumed session 44, dependency.down): Redmine on a VM reaches its Redis on 127.0.0.1, where
                // redis-server really runs and did not come back after a reboot; the loopback is its address, not a default
                "h150-31- config.local-default-redis-ruby",
                // h116-38 (consumed session 35, dependency.down): "redis service status: CRASHED" is the status of the
                // Redis the API depends on, not of the API: the dependency crashed, which is it being down
                "h116-38- paas.deployment-status-crashed",
                // p139-40 (session 29, rules29e): SCRAM refused inside an integration test against the broker the test
                // itself deployed, labelled ci.test-failure: the refusal is the failing test's own output
                "p139-40- broker.credentials-refused",
                // p130-07 (session 26, rules26e: redis-rb 3's "(ECONNREFUSED)" without "Errno::"): Sidekiq refused by
                // the Redis on its own host whose unit is down, labelled dependency.down; the line names the down
                // service "redis", so the engine turns the reading into dependency.down's (refused-at-declared-loopback)
                "p130-07- config.local-default-redis-ruby",
                // h108-24 (consumed in session 32): Sidekiq booted with {:url=>nil} and refused on 127.0.0.1:6379 because
                // its initializer reads REDIS_URL while the app sets REDIS_URL_SIDEKIQ, labelled config.invalid; the log
                // shows the setting unset, as p131-10's and p99-14's (config.missing-secret): the corpus reads it both ways
                "h108-24- config.local-default-redis-ruby",
                // p151-27 (session 33): Sidekiq's client refused on 127.0.0.1:6379 while the ElastiCache it should use is
                // up, labelled config.invalid; the same line as h108-24's, read both ways by the corpus (rules33c)
                "p151-27- config.local-default-redis-ruby",
                // h61-35 (consumed in session 22): App Service's container exits because its Postgres host does not
                // resolve (network.dns): the exit is the name's consequence
                "h61-35- appservice.container-exited",
                // h111-01 (consumed in session 33): the same BullMQ refusal of a Worker's ioredis options on Fly as
                // p99-17's (config.invalid), labelled app.crash-on-boot (the crash loop it causes): the corpus reads the
                // one line both ways
                "h111-01- bullmq.max-retries-must-be-null",
                // p160-12, p160-14 (session 35, rules35d): RabbitMQ refuses the login because the credentials were never
                // given (an AMQP_URL set without user:password; a task definition without the password, the client
                // falling back to guest), labelled config.missing-secret: the refusal is the missing secret's
                // consequence, as p122-20's empty SCRAM password is
                "p160-12- broker.credentials-refused", "p160-14- broker.credentials-refused",
                // p167-16 (session 37, rules37-p167): Celery cannot load its app because the worker's start command names
                // a module the project does not have ("-A tst.cel.app", "The module tst was not found."), labelled
                // config.invalid: the load failure is the wrong command's consequence; p99-22's same words are labelled
                // app.crash-on-boot, so the corpus reads the line both ways
                "p167-16- celery.unable-to-load-app",
                // p168-09 (session 37, rules37-p168): yarn's 'The engine "node" is incompatible with this module ... Got
                // "12.13.0"' inside an image build whose Dockerfile pins FROM node:12.13.0-alpine, labelled build.dockerfile:
                // the Node too old for the tool is the base image's, the Dockerfile's consequence
                "p168-09- node.tool-requires-newer-node");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(ANSWER_ROUND.causeOf().keySet()));
    }
}
