package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the twenty-fourth session's rule writers, each in its tool's own words: rules24a's round on the
 * misses of h70- and h71- (Prisma's unparsable connection string, Flyway's failed validation, HAProxy's truncated
 * configuration and its error summary, a DNS provider's empty credentials, the runner's failed job message, Envoy's
 * c-ares resolution failure, a container script's CRLF, Harbor's refused repository, caddy-dns's malformed token,
 * Cloudflare's 6003 for empty auth headers, Node's unverifiable first certificate); and rules24b's on h72- to h76-
 * (twine's invalid PyPI auth, JReleaser's Nexus 5xx or timeout, an npm install script's release 5xx, the Supabase CLI's
 * 401, Serverless's invalid configuration, flyctl's unknown region, skaffold's kaniko pod timeout, Azure's
 * InsufficientResourcesAvailable, Go ssh's refused methods, Django's ImproperlyConfigured secret, a secret at its unsafe
 * default, .NET's null connection parameter, helm test's failed pod, Swarm's unhealthy task, Container Apps' probe
 * threshold, a Fly machine that exited 0 unasked). Each is tested on its source's words and a near miss (the first pair
 * of each is indication-cases.tsv's row, then a line its comment quotes and a line of another cause that shares its
 * words); each new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its
 * own cause (or a consequence of that scenario's cause, named with its reason).
 */
class FiftyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules24a
            Map.entry("prisma.connection-string-unparsable", "config.invalid"),
            Map.entry("flyway.validate-failed", "app.crash-on-boot"),
            Map.entry("haproxy.missing-lf", "config.invalid"),
            Map.entry("haproxy.config-errors", "config.invalid"),
            Map.entry("dns-provider.credentials-empty", "config.missing-secret"),
            Map.entry("actions-runner.get-job-message-failed", "ci.runner"),
            Map.entry("envoy.cares-resolution-failed", "network.dns"),
            Map.entry("container.script-crlf", "app.crash-on-boot"),
            Map.entry("harbor.unauthorized-to-access-repository", "registry.auth"),
            Map.entry("caddy-dns.token-appears-invalid", "config.invalid"),
            Map.entry("cloudflare-api.invalid-request-headers", "config.missing-secret"),
            Map.entry("node.unable-to-verify-first-certificate", "tls.certificate"),
            // rules24b
            Map.entry("pypi.upload-invalid-auth", "auth.deploy-token"),
            Map.entry("jreleaser.nexus-unavailable", "registry.unavailable"),
            Map.entry("npm.install-script-release-5xx", "build.dependency-fetch"),
            Map.entry("supabase.cli-status-401", "auth.deploy-token"),
            Map.entry("serverless.invalid-configuration", "config.invalid"),
            Map.entry("flyctl.region-not-found", "config.invalid"),
            Map.entry("skaffold.kaniko-pod-timeout", "ci.timeout"),
            Map.entry("azure.insufficient-resources-available", "platform.capacity"),
            Map.entry("ssh.go-unable-to-authenticate", "auth.deploy-token"),
            Map.entry("django.improperly-configured-secret-must-be-set", "config.missing-secret"),
            Map.entry("settings.secret-unsafe-default", "config.missing-secret"),
            Map.entry("dotnet.value-null-connection-parameter", "config.missing-secret"),
            Map.entry("helm.test-pod-failed", "ci.test-failure"),
            Map.entry("swarm.task-unhealthy-container", "app.healthcheck-failing"),
            Map.entry("containerapps.probe-failure-threshold", "app.healthcheck-failing"),
            Map.entry("fly.machine-exit-zero-unrequested", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules24a
        ROUND.reads("prisma.connection-string-unparsable", "PrismaClientInitializationError: Error parsing connection string: invalid port number");
        ROUND.readsNot("prisma.connection-string-unparsable", "PrismaClientInitializationError: Can't reach database server at `db`:`5432`");
        ROUND.reads("prisma.connection-string-unparsable", "Error: Error parsing connection string: invalid port number in `mysql://root:password_with_#@localhost:3306/mydb`)");
        ROUND.readsNot("prisma.connection-string-unparsable", "Error: P1001: Can't reach database server at `dpg-cm59nkq1hbls73ahtp70-a.oregon-postgres.render.com`:`5432`"); // prisma.database-unreachable
        ROUND.reads("flyway.validate-failed", "nested exception is org.flywaydb.core.api.FlywayException: Validate failed: Detected applied migration not resolved locally: 1.14");
        ROUND.readsNot("flyway.validate-failed", "INFO 1 --- [main] o.f.core.internal.command.DbValidate : Successfully validated 14 migrations");
        ROUND.reads("flyway.validate-failed", "org.flywaydb.core.api.FlywayException: Validate failed: Detected applied migration not resolved locally: 1.14");
        ROUND.readsNot("flyway.validate-failed", "ERROR: InvalidTemplate - Deployment template validation failed: 'The template resource 'x' at line '1' and column '3029' is not valid"); // arm.template-validation-failed
        ROUND.reads("haproxy.missing-lf", "[ALERT]    (2705) : parsing [/etc/haproxy/haproxy.cfg:92]: Missing LF on last line, file might have been truncated at position 96.");
        ROUND.readsNot("haproxy.missing-lf", "[NOTICE]   (1) : haproxy version is 2.8.5-aaba8d0");
        ROUND.reads("haproxy.missing-lf", "[ALERT]    (1) : parsing [/etc/haproxy/haproxy.cfg:92]: Missing LF on last line, file might have been truncated at position 96.");
        ROUND.readsNot("haproxy.missing-lf", "ERROR: failed to solve: dockerfile parse error on line 7: unknown instruction: RUNN"); // dockerfile.parse-error
        ROUND.reads("haproxy.config-errors", "[ALERT]    (1) : Fatal errors found in configuration.");
        ROUND.readsNot("haproxy.config-errors", "Configuration file is valid");
        ROUND.reads("haproxy.config-errors", "[ALERT]    (1) : Error(s) found in configuration file : /etc/haproxy/haproxy.cfg");
        ROUND.readsNot("haproxy.config-errors", "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional."); // runtime.unhandled-exception-generic
        ROUND.reads("dns-provider.credentials-empty", "run: loading initial config: loading new config: loading tls app module: provision tls: making DNS provider: cloudflare: invalid credentials: key & email must not be empty");
        ROUND.readsNot("dns-provider.credentials-empty", "making DNS provider: cloudflare: using API token");
        ROUND.reads("dns-provider.credentials-empty", "edge-caddy-1  | run: loading initial config: loading new config: loading tls app module: provision tls: making DNS provider: cloudflare: invalid credentials: key & email must not be empty");
        ROUND.readsNot("dns-provider.credentials-empty", "unauthorized: You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication"); // registry.gcr-needed-permissions
        ROUND.reads("actions-runner.get-job-message-failed", "[2026-08-06 16:58:12Z ERR  Runner] System.Exception: Failed to get job message: Error: Service Unavailable. upstream connect error or disconnect/reset before headers. reset reason: overflow");
        ROUND.readsNot("actions-runner.get-job-message-failed", "[2026-08-06 16:22:35Z INFO Terminal] WRITE LINE: 2026-08-06 16:22:35Z: Listening for Jobs");
        ROUND.reads("actions-runner.get-job-message-failed", "System.Exception: Failed to get job message: Error: Service Unavailable. upstream connect error or disconnect/reset before headers. reset reason: overflow");
        ROUND.readsNot("actions-runner.get-job-message-failed", "received unexpected HTTP status: 503 Service Unavailable"); // registry.server-error
        ROUND.reads("envoy.cares-resolution-failed", "[2026-01-22 14:29:51.311][1][debug][dns] [source/extensions/network/dns_resolver/cares/dns_impl.cc:356] dns resolution for frontend failed with c-ares status 11");
        ROUND.readsNot("envoy.cares-resolution-failed", "[2026-01-22 14:29:51.311][1][debug][dns] dns resolution without records for frontend");
        ROUND.reads("envoy.cares-resolution-failed", "[2026-01-22 14:29:56.318][1][debug][dns] [source/extensions/network/dns_resolver/cares/dns_impl.cc:356] dns resolution for frontend failed with c-ares status 11");
        ROUND.readsNot("envoy.cares-resolution-failed", "Error 1000 DNS points to prohibited IP"); // cloudflare.prohibited-ip
        ROUND.reads("container.script-crlf", "frontend-1  | /app/run.sh: line 2: $'\\r': command not found");
        ROUND.readsNot("container.script-crlf", "/app/run.sh: line 2: foo: command not found");
        ROUND.reads("container.script-crlf", "model-1  | /usr/src/app/model/entrypoint.sh: line 2: $'\\r': command not found");
        ROUND.readsNot("container.script-crlf", "/home/travis/.travis/job_stages: line 476: yarn: command not found"); // shell.command-not-found
        ROUND.reads("harbor.unauthorized-to-access-repository", "[ERROR] [/server/middleware/v2auth/auth.go:110]: unauthorized to access repository: edge/envoy-gateway, action: pull: unauthorized to access repository: edge/envoy-gateway, action: pull");
        ROUND.readsNot("harbor.unauthorized-to-access-repository", "unauthorized: authentication required");
        ROUND.reads("harbor.unauthorized-to-access-repository", "unauthorized to access repository: edge/envoy-gateway, action: pull");
        ROUND.readsNot("harbor.unauthorized-to-access-repository", "Error response from daemon: login attempt to https://registry.heroku.com/v2/ failed with status: 401 Unauthorized"); // platform-registry.login-refused
        ROUND.reads("caddy-dns.token-appears-invalid", "Error: loading initial config: loading new config: loading tls app module: provision tls: provisioning automation policy 1: loading TLS automation management module: position 0: loading module 'acme': provision tls.issuance.acme: loading DNS provider module: loading module 'cloudflare': provision dns.providers.cloudflare: API token 'hardcodedtokenfortestung' appears invalid; ensure it's correctly entered and not wrapped in braces nor quotes");
        ROUND.readsNot("caddy-dns.token-appears-invalid", "provision dns.providers.cloudflare: API token is valid");
        ROUND.reads("caddy-dns.token-appears-invalid", "provision dns.providers.cloudflare: API token 'testtoken-edge-staging' appears invalid; ensure it's correctly entered and not wrapped in braces nor quotes");
        ROUND.readsNot("caddy-dns.token-appears-invalid", "│ Error: creating IAM Role (pathway-dev-cluster-20261122131845112400000001): InvalidClientTokenId: The security token included in the request is invalid"); // aws.security-token-invalid
        ROUND.reads("cloudflare-api.invalid-request-headers", "presenting for challenge: adding temporary record for zone example.com.: got error status: HTTP 400: [{Code:6003 Message:Invalid request headers}]");
        ROUND.readsNot("cloudflare-api.invalid-request-headers", "got error status: HTTP 403: [{Code:10000 Message:Authentication error}]");
        ROUND.reads("cloudflare-api.invalid-request-headers", "[test.example.com] Obtain: [test.example.com] solving challenges: presenting for challenge: adding temporary record for zone example.com.: got error status: HTTP 400: [{Code:6003 Message:Invalid request headers}]");
        ROUND.readsNot("cloudflare-api.invalid-request-headers", "Error:  Code 10000: Authentication error"); // cloudflare.api-auth-code
        ROUND.reads("node.unable-to-verify-first-certificate", "{\"category\":\"APP\",\"error\":{\"context\":{},\"message\":\"unable to verify the first certificate\",\"name\":\"Error\",\"stack\":\"Error: unable to verify the first certificate\\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1627:34)\"}}");
        ROUND.readsNot("node.unable-to-verify-first-certificate", "verify error:num=21:unable to verify the first certificate");
        ROUND.reads("node.unable-to-verify-first-certificate", "Error: unable to verify the first certificate");
        ROUND.readsNot("node.unable-to-verify-first-certificate", "time=\"2026-11-30T09:12:41Z\" level=fatal msg=\"rpc error: code = Unauthenticated desc = invalid session: failed to verify the token\""); // deploy-tool.unauthenticated
        // rules24b
        ROUND.reads("pypi.upload-invalid-auth", "Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.");
        ROUND.readsNot("pypi.upload-invalid-auth", "ERROR    HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/");
        ROUND.reads("pypi.upload-invalid-auth", "ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/");
        ROUND.readsNot("pypi.upload-invalid-auth", "Failed to upload code with status code 403 Forbidden: Limited Access. New deployments are temporarily unavailable."); // railway.deployments-unavailable
        ROUND.reads("jreleaser.nexus-unavailable", "[ERROR] org.jreleaser.sdk.nexus2.api.NexusAPIException: 502: Bad Gateway");
        ROUND.readsNot("jreleaser.nexus-unavailable", "[ERROR] org.jreleaser.sdk.nexus2.api.NexusAPIException: 401: Unauthorized");
        ROUND.reads("jreleaser.nexus-unavailable", "Caused by: jreleaser.shadow.feign.RetryableException: Read timed out executing POST https://s01.oss.sonatype.org/service/local/staging/profiles/166ff053e5f61f/start");
        ROUND.readsNot("jreleaser.nexus-unavailable", "> Could not GET 'https://jcenter.bintray.com/com/acme/lib/1.0/lib-1.0.pom'. Received status code 502 from server: Bad Gateway"); // gradle.download-failed
        ROUND.reads("npm.install-script-release-5xx", "npm error Error fetching release: Request failed with status code 503");
        ROUND.readsNot("npm.install-script-release-5xx", "npm error Error fetching release: Request failed with status code 404");
        // (the source quotes only the row's line; a wasm-pack postinstall's 4xx from an egress proxy is no 5xx)
        ROUND.readsNot("npm.install-script-release-5xx", "Error fetching release: Request failed with status code 405");
        ROUND.readsNot("npm.install-script-release-5xx", "WARNING: Deployment endpoint responded with status code 503"); // azure.deployment-endpoint-server-error
        ROUND.reads("supabase.cli-status-401", "unexpected list functions status 401: {\"message\":\"Unauthorized\"}");
        ROUND.readsNot("supabase.cli-status-401", "unexpected list functions status 500: {\"message\":\"Internal Server Error\"}");
        ROUND.reads("supabase.cli-status-401", "unexpected deploy status 401: {\"message\":\"Unauthorized\"}");
        ROUND.readsNot("supabase.cli-status-401", "ERROR: failed to solve: failed to fetch oauth token: unexpected status: 401 Unauthorized"); // registry.token-fetch
        ROUND.reads("serverless.invalid-configuration", "  at 'functions.createCertificate.events': must be array");
        ROUND.readsNot("serverless.invalid-configuration", "    at AwsCompileFunctions.compileFunction (/home/runner/work/x/node_modules/serverless/lib/plugins/aws/package/compile/functions.js:417:20)");
        ROUND.reads("serverless.invalid-configuration", "Warning: Invalid configuration encountered");
        ROUND.readsNot("serverless.invalid-configuration", "  A valid environment variable to satisfy the declaration 'env:STRIPE_SECRET_KEY' could not be found."); // serverless.env-variable-not-found
        ROUND.reads("flyctl.region-not-found", "Error: region maa not found");
        ROUND.readsNot("flyctl.region-not-found", "Error: app not found");
        ROUND.reads("flyctl.region-not-found", "        Error: region maa not found");
        ROUND.readsNot("flyctl.region-not-found", "error: Environment variable not found: DIRECT_DATABASE_URL."); // env.variable-not-found
        ROUND.reads("skaffold.kaniko-pod-timeout", "FATA[0605] build step: kaniko build for [eu.gcr.io/acme-dc/admin-app]: waiting for pod to complete: timed out waiting for the condition");
        ROUND.readsNot("skaffold.kaniko-pod-timeout", "error: timed out waiting for the condition on pods/kratos-test-connection");
        ROUND.reads("skaffold.kaniko-pod-timeout", "FATA[0605] build step: kaniko build for [eu.gcr.io/innect-dc/admin-app]: waiting for pod to complete: timed out waiting for the condition");
        ROUND.readsNot("skaffold.kaniko-pod-timeout", "* pod camunda-identity-test-connection failed"); // helm.test-pod-failed
        ROUND.reads("azure.insufficient-resources-available", "InsufficientResourcesAvailable: The region 'eastus2' is currently out of the resources required to provision new services.");
        ROUND.readsNot("azure.insufficient-resources-available", "ERROR: deployment failed: error deploying infrastructure: deploying to subscription:");
        ROUND.reads("azure.insufficient-resources-available", "ERROR: InsufficientResourcesAvailable: The region 'eastus2' is currently out of the resources required to provision new services.");
        ROUND.readsNot("azure.insufficient-resources-available", "ERROR: (gcloud.app.deploy) INVALID_ARGUMENT: The following quotas were exceeded: CPUS (quota: 24, used: 24 + needed: 4), IN_USE_ADDRESSES (quota: 8, used: 8 + needed: 1)."); // cloud.quota-exceeded
        ROUND.reads("ssh.go-unable-to-authenticate", "panic: ssh tcp to server: ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain");
        ROUND.readsNot("ssh.go-unable-to-authenticate", "ssh: handshake failed: EOF");
        ROUND.reads("ssh.go-unable-to-authenticate", "ssh: handshake failed: ssh: unable to authenticate, attempted methods [none publickey], no supported methods remain");
        ROUND.readsNot("ssh.go-unable-to-authenticate", "2026/09/25 08:19:02 [Health Check] Readiness failed: Dial error: handshake failed (connection name = \"example-gke:europe-west1:orders-pg\"): context canceled"); // cloudsql-proxy.dial-failed
        ROUND.reads("django.improperly-configured-secret-must-be-set", "django.core.exceptions.ImproperlyConfigured: Either \"SECRET_KEY\" or \"SECRET_KEY_FILE\" settings parameters must be set.");
        ROUND.readsNot("django.improperly-configured-secret-must-be-set", "django.core.exceptions.ImproperlyConfigured: WSGI application could not be loaded; Error importing module.");
        ROUND.reads("django.improperly-configured-secret-must-be-set", "ImproperlyConfigured: Either \"SECRET_KEY\" or \"SECRET_KEY_FILE\" settings parameters must be set.");
        ROUND.readsNot("django.improperly-configured-secret-must-be-set", "#10 53.14 error: `DATABASE_URL` must be set, or `cargo sqlx prepare` must have been run and .sqlx must exist, to use query macros"); // sqlx.query-cache-missing
        ROUND.reads("settings.secret-unsafe-default", "ValueError: SECRET_KEY is using an unsafe default value...");
        ROUND.readsNot("settings.secret-unsafe-default", "ValueError: invalid literal for int() with base 10");
        ROUND.reads("settings.secret-unsafe-default", "            raise ValueError(\"SECRET_KEY is using an unsafe default value...\")");
        ROUND.readsNot("settings.secret-unsafe-default", "ValueError: invalid literal for int() with base 10: '$PORT'"); // python.setting-not-a-number
        ROUND.reads("dotnet.value-null-connection-parameter", "Microsoft.Azure.WebJobs.EventHubs: Value cannot be null. Parameter name: receiverConnectionString.");
        ROUND.readsNot("dotnet.value-null-connection-parameter", "Value cannot be null. Parameter name: source");
        ROUND.reads("dotnet.value-null-connection-parameter", "Microsoft.Azure.WebJobs.Host: Error indexing method 'scheiotFunction1'. Microsoft.Azure.WebJobs.EventHubs: Value cannot be null. Parameter name: receiverConnectionString.");
        ROUND.readsNot("dotnet.value-null-connection-parameter", "app[5683d477a1e018] cdg [info]error: BullMQ: Your redis options maxRetriesPerRequest must be null."); // bullmq.max-retries-must-be-null
        ROUND.reads("helm.test-pod-failed", "* pod camunda-identity-test-connection failed");
        ROUND.readsNot("helm.test-pod-failed", "error: timed out waiting for the condition on pods/speedtest-7b8c6d9f5-q4lzn");
        ROUND.reads("helm.test-pod-failed", "error: timed out waiting for the condition on pods/kratos-test-connection");
        ROUND.readsNot("helm.test-pod-failed", "FATA[0605] build step: kaniko build for [eu.gcr.io/acme-dc/admin-app]: waiting for pod to complete: timed out waiting for the condition"); // skaffold.kaniko-pod-timeout
        ROUND.reads("swarm.task-unhealthy-container", "q8w2e6r4t0y1    \\_ sim_notifications.1   registry.sim/notifications:master-a6f1d03   worker-03  Shutdown        Failed 52 seconds ago    \"task: non-zero exit (137): dockerexec: unhealthy container\"");
        ROUND.readsNot("swarm.task-unhealthy-container", "\"task: non-zero exit (1)\"");
        ROUND.reads("swarm.task-unhealthy-container", "task: non-zero exit (137): dockerexec: unhealthy container");
        ROUND.readsNot("swarm.task-unhealthy-container", "> Process 'command '/tmp/build/webapp/.gradle/nodejs/node-v6.2.0-linux-x64/bin/node'' finished with non-zero exit value 137"); // gradle.exec-killed-137
        ROUND.reads("containerapps.probe-failure-threshold", "Readiness Probe with executor HttpGetExecutor reached failure threshold 3, changing status to Failure.");
        ROUND.readsNot("containerapps.probe-failure-threshold", "Probe of StartUp succeeded");
        ROUND.reads("containerapps.probe-failure-threshold", "{\"TimeStamp\":\"2026-12-05 09:41:21 +0000 UTC\",\"Type\":\"Warning\",\"ContainerAppName\":\"call-center\",\"RevisionName\":\"call-center--0000007\",\"ReplicaName\":\"call-center--0000007-84d9655cc7-tcnrx\",\"Msg\":\"Readiness Probe with executor HttpGetExecutor reached failure threshold 3, changing status to Failure.\",\"Reason\":\"ProbeFailed\",\"EventSource\":\"ContainerAppController\",\"Count\":1}");
        ROUND.readsNot("containerapps.probe-failure-threshold", "stale-pipeline-detector: pipeline 8812 exceeded run-time threshold 2h0m0s, killing"); // ci.time-threshold-exceeded
        ROUND.reads("fly.machine-exit-zero-unrequested", "stopped exit flyd 2026-12-05T13:05:12.000+00:00 exit_code=0,oom_killed=false,requested_stop=false");
        ROUND.readsNot("fly.machine-exit-zero-unrequested", "stopped exit flyd 2026-12-05T13:05:12.000+00:00 exit_code=0,oom_killed=false,requested_stop=true");
        ROUND.reads("fly.machine-exit-zero-unrequested", "stopped \texit \tflyd  \t2026-12-05T13:05:12.000+00:00\texit_code=0,oom_killed=false,requested_stop=false");
        ROUND.readsNot("fly.machine-exit-zero-unrequested", "Error: release command failed - aborting deployment. error running release_command machine: failed to wait for VM 2865e01f4d7d38 in stopped state: machine not found (Request ID: 01K7E5X1B0R3T7QK2D9S6W4P1Z-fra)"); // platform.created-machine-lost
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // p157-21 (tuning, session 34): the chart's test pod fails because the app it calls crash-loops at boot
        // (app.crash-on-boot; ci.test-failure/crash-loop-first gives way to the crash loop in the same log)
        // h132-22 (session 40): Cloudflare refusing the request's headers because the token secret was truncated when it
        // was pasted: the malformed header is the deploy token's consequence (auth.deploy-token)
        ROUND.staysInItsCauses("p157-21 helm.test-pod-failed", "h132-22 cloudflare-api.invalid-request-headers");
    }
}
