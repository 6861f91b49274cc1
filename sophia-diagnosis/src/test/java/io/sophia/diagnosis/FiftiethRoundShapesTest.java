package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the twenty-third session's last rule writers, each in its tool's own words: rules23e's round on
 * p113- (serverless and edge: the Firebase CLI's functions manifest, esbuild's unresolved import, Netlify's functions
 * bundling and its function size limit, Deno's JSR manifest and a remote module it was downloading, Cloudflare's
 * Worker startup CPU limit, an app's missing service settings, Lambda's image access and its timeout's kill); rules23f's
 * on p114- (self-hosted apps: act_runner unregistered, ClickHouse's status lock and metadata, Node's EACCES at start, a
 * Postgres server without SSL, Keycloak's error during startup, Immich's vector extension version, Discourse's pups
 * command, Docker's invalid volume spec); and rules23g's on p115- (infrastructure as code: terraform's provider not in
 * the registry, its checksums refused, its package 404, the provider's debug log and a provider's API answering 5xx,
 * EC2's request limit, AWS's invalid parameter combination, the CDK without credentials, not bootstrapped or without
 * docker, systemd's failed control process, Pulumi's missing resource plugin, Checkov's failed checks, ARM's ScmType
 * conflict). Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's
 * row, then a line its comment quotes and a line of another cause that shares its words); each new log indication reads
 * no line of the shared corpus and, on the labelled scenarios, only lines of its own cause (or a consequence of that
 * scenario's cause, named with its reason).
 */
class FiftiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules23e
            Map.entry("firebase.functions-manifest-load-failed", "app.crash-on-boot"),
            Map.entry("esbuild.could-not-resolve-mark-external", "build.dockerfile"),
            Map.entry("netlify.functions-bundling-error", "build.dockerfile"),
            Map.entry("deno.jsr-manifest-failed", "build.dependency-fetch"),
            Map.entry("functions.bundle-size-limit", "platform.quota"),
            Map.entry("cloudflare.worker-startup-cpu-limit", "platform.quota"),
            Map.entry("app.missing-service-settings-generic", "config.missing-secret"),
            Map.entry("deno.download-then-module-not-found", "build.dependency-fetch"),
            Map.entry("lambda.image-access-denied", "registry.auth"),
            Map.entry("lambda.task-timed-out-then-killed", "unknown"),
            // rules23f
            Map.entry("ci.act-runner-unregistered", "ci.runner"),
            Map.entry("clickhouse.status-lock", "app.crash-on-boot"),
            Map.entry("clickhouse.metadata-load-failed", "app.crash-on-boot"),
            Map.entry("node.eacces-open-at-start", "app.crash-on-boot"),
            Map.entry("postgres.server-no-ssl", "config.invalid"),
            Map.entry("keycloak.error-during-startup", "app.crash-on-boot"),
            Map.entry("immich.vector-extension-version", "app.crash-on-boot"),
            Map.entry("discourse.pups-exec-failed-generic", "build.dockerfile"),
            Map.entry("docker.invalid-volume-spec", "config.invalid"),
            // rules23g
            Map.entry("terraform.provider-not-in-registry", "config.invalid"),
            Map.entry("terraform.provider-checksums-refused", "registry.unavailable"),
            Map.entry("terraform.provider-package-404", "build.dependency-fetch"),
            Map.entry("terraform.provider-debug-api-5xx", "platform.outage"),
            Map.entry("aws.request-limit-exceeded", "platform.quota"),
            Map.entry("cdk.no-credentials-configured", "config.missing-secret"),
            Map.entry("aws.invalid-parameter-combination", "config.invalid"),
            Map.entry("systemd.control-process-exited", "app.crash-on-boot"),
            Map.entry("pulumi.resource-plugin-not-found", "build.dependency-fetch"),
            Map.entry("cdk.environment-not-bootstrapped", "config.invalid"),
            Map.entry("cdk.docker-not-executable", "ci.runner"),
            Map.entry("terraform.provider-api-5xx-generic", "platform.outage"),
            Map.entry("checkov.failed-checks", "ci.test-failure"),
            Map.entry("arm.conflict-existing-scmtype", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules23e
        ROUND.reads("firebase.functions-manifest-load-failed", "Error: Failed to load function definition from source: Failed to generate manifest from function source: SyntaxError: Invalid or unexpected token");
        ROUND.readsNot("firebase.functions-manifest-load-failed", "i  functions: Loaded functions definitions from source: api, health.");
        ROUND.reads("firebase.functions-manifest-load-failed", "!! functions: Failed to load function definition from source: FirebaseError: Functions codebase could not be analyzed successfully. It may have a syntax or runtime error");
        ROUND.readsNot("firebase.functions-manifest-load-failed", "Error: HTTP Error: 401, Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential."); // firebase.token-refused
        ROUND.reads("esbuild.could-not-resolve-mark-external", " > .netlify/functions-internal/server/node_modules/node-fetch/src/index.js:9:17: error: Could not resolve \"node:http\" (mark it as external to exclude it from the bundle)");
        ROUND.readsNot("esbuild.could-not-resolve-mark-external", "Could not resolve host: github.com");
        ROUND.reads("esbuild.could-not-resolve-mark-external", "error: Could not resolve \"node:http\" (mark it as external to exclude it from the bundle)");
        ROUND.readsNot("esbuild.could-not-resolve-mark-external", "npm ERR! ERESOLVE could not resolve"); // npm.eresolve
        ROUND.reads("netlify.functions-bundling-error", "8:54:51 AM:   Internal error during \"Functions bundling\"");
        ROUND.readsNot("netlify.functions-bundling-error", "8:14:58 PM: (Functions bundling completed in 18.1s)");
        ROUND.reads("netlify.functions-bundling-error", "8:54:51 AM:   During Functions bundling");
        ROUND.readsNot("netlify.functions-bundling-error", "8:21:11 PM: failed during stage 'preparing repo': exit status 1"); // netlify.prepare-repo-failed
        ROUND.reads("deno.jsr-manifest-failed", "    JSR package manifest for '@supabase/functions-js' failed to load. Import 'https://jsr.io/@supabase/functions-js/meta.json' failed: error sending request for url (https://jsr.io/@supabase/functions-js/meta.json)");
        ROUND.readsNot("deno.jsr-manifest-failed", "Download https://jsr.io/@supabase/functions-js/meta.json");
        ROUND.readsNot("deno.jsr-manifest-failed", "    Module not found \"https://deno.land/x/faster@v12.2/vendor/jose/jwe/compact/decrypt.js\"."); // deno.remote-module-not-found
        ROUND.reads("functions.bundle-size-limit", "12:37:14 PM: Request must be smaller than 69905067 bytes for the CreateFunction operation");
        ROUND.readsNot("functions.bundle-size-limit", "12:37:08 PM: 1 new functions to upload");
        ROUND.reads("functions.bundle-size-limit", "8:15:19 PM: The function \"COMMENT\" is larger than the 50MB limit. Please consider reducing it.");
        ROUND.readsNot("functions.bundle-size-limit", "Exceeded soft private memory limit of 128 MB with 135 MB after servicing 1 requests total"); // platform.memory-limit-exceeded-generic
        ROUND.reads("cloudflare.worker-startup-cpu-limit", "  Error: Script startup exceeded CPU time limit.");
        ROUND.readsNot("cloudflare.worker-startup-cpu-limit", "Total Upload: 4816.91 KiB / gzip: 929.53 KiB");
        ROUND.reads("cloudflare.worker-startup-cpu-limit", "Error: Script startup exceeded CPU time limit. [code: 10021]");
        ROUND.readsNot("cloudflare.worker-startup-cpu-limit", "The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 360 minutes."); // actions.max-execution-time
        ROUND.reads("app.missing-service-settings-generic", "Dec 5, 11:53:40 AM: 8e1f2a3b ERROR  Error: Missing Supabase configuration keys");
        ROUND.readsNot("app.missing-service-settings-generic", "Error: Missing project configuration file fly.toml");
        ROUND.reads("app.missing-service-settings-generic", "Error: Missing Supabase credentials");
        ROUND.reads("app.missing-service-settings-generic", "Error: Missing Stripe configuration");
        ROUND.readsNot("app.missing-service-settings-generic", "Error: the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag"); // fly.config-missing-app-name
        ROUND.reads("deno.download-then-module-not-found", "Download https://deno.land/x/xhr@0.3.0/mod.ts\nerror: Module not found \"https://deno.land/x/xhr@0.3.0/mod.ts\".");
        ROUND.readsNot("deno.download-then-module-not-found", "Download https://deno.land/x/xhr@0.3.0/mod.ts\nCheck file:///src/chat/index.ts");
        // without the Download line (a function server failing to boot on a module) the older indication reads the crash
        ROUND.readsNot("deno.download-then-module-not-found", "    Module not found \"https://deno.land/x/faster@v12.2/vendor/jose/jwe/compact/decrypt.js\"."); // deno.remote-module-not-found
        ROUND.reads("lambda.image-access-denied", "{\"Message\":\"The function does not have permission to access the specified image.\",\"Type\":\"User\"}");
        ROUND.readsNot("lambda.image-access-denied", "{\"Message\":\"The function is trying to use a deleted image.\",\"Type\":\"User\"}");
        ROUND.reads("lambda.image-access-denied", "Lambda does not have permission to access the ECR image. Check the ECR permissions.");
        ROUND.readsNot("lambda.image-access-denied", "An error occurred (AccessDeniedException) when calling the UpdateService operation: User: arn:aws:iam::234567890123:user/github-actions is not authorized to perform: ecs:UpdateService on resource: arn:aws:ecs:us-west-2:234567890123:service/prod/api"); // aws.deploy-action-denied
        ROUND.reads("lambda.task-timed-out-then-killed", "[/aws/lambda/asm-MyFunction-] 2026-12-03T19:22:58.186Z 7a1c0e22-0000-4c59-9a0e-5d2f3c1b7e44 Task timed out after 30.27 seconds\nRequestId: 7a1c0e22-0000-4c59-9a0e-5d2f3c1b7e44 Error: Runtime exited with error: signal: killed");
        ROUND.readsNot("lambda.task-timed-out-then-killed", "2026-12-05T06:04:31.512Z 2a3b4c5d-0000-4e6f-8a9b-1c2d3e4f5a6b Task timed out after 3.00 seconds\n##[error]Process completed with exit code 1.");
        ROUND.readsNot("lambda.task-timed-out-then-killed", "Error Runtime exited with error: signal: killed"); // lambda.runtime-killed
        // rules23f
        ROUND.reads("ci.act-runner-unregistered", "ERRO[2026-12-03T07:21:14+08:00] failed to fetch task              error=\"unknown: rpc error: code = Unauthenticated desc = unregistered runner\"");
        ROUND.readsNot("ci.act-runner-unregistered", "rpc error: code = Unauthenticated desc = invalid session: failed to verify the token");
        ROUND.reads("ci.act-runner-unregistered", "failed to fetch task error=\"unknown: rpc error: code = Unauthenticated desc = unregistered runner\"");
        ROUND.readsNot("ci.act-runner-unregistered", "time=\"2026-11-30T09:12:41Z\" level=fatal msg=\"rpc error: code = Unauthenticated desc = invalid session: failed to verify the token\""); // deploy-tool.unauthenticated
        ROUND.reads("clickhouse.status-lock", "2026.11.25 08:09:13.118244 [ 1 ] {} <Error> Application: DB::Exception: Cannot lock file /var/lib/clickhouse/status. Another server instance in same directory is already running.");
        ROUND.readsNot("clickhouse.status-lock", "2026.11.25 08:09:13.118301 [ 1 ] {} <Information> Application: shutting down");
        ROUND.reads("clickhouse.status-lock", "<Error> Application: DB::Exception: Cannot lock file /var/lib/clickhouse/status. Another server instance in same directory is already running.");
        ROUND.readsNot("clickhouse.status-lock", "Context: Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). Elapsed: 10000ms."); // prisma.advisory-lock-timeout
        ROUND.reads("clickhouse.metadata-load-failed", "plausible_events_db_1  | 2026.11.19 15:36:29.730102 [ 1 ] {} <Error> Application: Caught exception while loading metadata: Code: 62, e.displayText() = DB::Exception: Syntax error");
        ROUND.readsNot("clickhouse.metadata-load-failed", "plausible_events_db_1  | 2026.11.19 15:36:29.700000 [ 1 ] {} <Information> Application: Loading metadata from /var/lib/clickhouse/");
        ROUND.reads("clickhouse.metadata-load-failed", "<Error> Application: Caught exception while loading metadata: Code: 62, e.displayText() = DB::Exception: Syntax error (in file /var/lib/clickhouse/metadata/system.sql)");
        ROUND.readsNot("clickhouse.metadata-load-failed", "ERROR: failed to solve: node:99-alpine: failed to resolve source metadata for docker.io/library/node:99-alpine: docker.io/library/node:99-alpine: not found"); // image.resolve-source-metadata
        ROUND.reads("node.eacces-open-at-start", "n8n  | Error: EACCES: permission denied, open '/home/node/.n8n/config'");
        ROUND.readsNot("node.eacces-open-at-start", "npm ERR! Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules/n8n'");
        ROUND.reads("node.eacces-open-at-start", "Error: EACCES: permission denied, open '/home/node/.n8n/config'");
        ROUND.readsNot("node.eacces-open-at-start", "> starter-graph@0.1.0 start\n> npx tsx agent/server.ts\nnpm error code EACCES"); // npm.start-script-failed
        ROUND.reads("postgres.server-no-ssl", "outline-1  | WRN The server does not support SSL connections");
        ROUND.readsNot("postgres.server-no-ssl", "outline-1  | WRN Retrying redis connection: attempt 1");
        ROUND.reads("postgres.server-no-ssl", "server does not support SSL, but SSL was required");
        ROUND.readsNot("postgres.server-no-ssl", "2026/12/02 14:38:23 [error] 10#10: *12 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream"); // nginx.upstream-tls-to-plain
        ROUND.reads("keycloak.error-during-startup", "18:08:50,664 FATAL [org.keycloak.services] (ServerService Thread Pool -- 71) Error during startup: java.lang.RuntimeException: Exception invoking method [listUnrunChangeSets] on object [liquibase.Liquibase@2b5685]");
        ROUND.readsNot("keycloak.error-during-startup", "18:08:49,226 INFO  [org.keycloak.connections.jpa.DefaultJpaConnectionProviderFactory] (ServerService Thread Pool -- 71) Database info: {databaseUrl=jdbc:postgresql://keycloak-postgresql:5432/bitnami_keycloak}");
        ROUND.reads("keycloak.error-during-startup", "FATAL [org.keycloak.services] (ServerService Thread Pool -- 71) Error during startup: java.lang.RuntimeException: Exception invoking method [listUnrunChangeSets]");
        ROUND.readsNot("keycloak.error-during-startup", "Could not fetch secret \"projects/314159265358/secrets/API_KEYS/versions/2\" for environment variable \"API_KEYS\". Instance startup will now abort"); // gcp.secret-for-env-not-fetched
        ROUND.reads("immich.vector-extension-version", "The pgvecto.rs extension version is 0.1.11, but Immich only supports 0.2.0 and later minor releases.");
        ROUND.readsNot("immich.vector-extension-version", "Otherwise, please update the version of pgvecto.rs in the Postgres instance to a compatible version.");
        ROUND.readsNot("immich.vector-extension-version", "Error: creating RDS DB Instance (retool-rds-instance): operation error RDS: CreateDBInstance, https response error StatusCode: 400, api error InvalidParameterCombination: Cannot find version 13.7 for postgres"); // rds.value-not-offered
        ROUND.reads("discourse.pups-exec-failed-generic", "Pups::ExecError: cd /var/www/discourse && su discourse -c 'bundle exec rake db:migrate' failed with return #<Process::Status: pid 297 exit 1>");
        ROUND.readsNot("discourse.pups-exec-failed-generic", "Location of failure: /pups/lib/pups/exec_command.rb:112:in `spawn'");
        ROUND.readsNot("discourse.pups-exec-failed-generic", "Gem::RemoteFetcher::FetchError: Errno::ECONNREFUSED: Connection refused - connect(2) for \"rubygems.org\" port 443 (https://rubygems.org/gems/rake-13.0.6.gem)"); // fetch.package-file-network
        ROUND.reads("docker.invalid-volume-spec", "docker: invalid spec: :/import:ro: empty section between colons.");
        ROUND.readsNot("docker.invalid-volume-spec", "See 'docker run --help'.");
        ROUND.reads("docker.invalid-volume-spec", "invalid volume specification: '...'");
        ROUND.readsNot("docker.invalid-volume-spec", "Error error machine e784ee79f60283 does not have a volume configured and fly.toml expects one with destination /data; remove the [mounts] configuration in fly.toml"); // fly.mounts-without-volume
        // rules23g
        ROUND.reads("terraform.provider-not-in-registry", "│ hashicorp/xenserver: provider registry registry.opentofu.org does not have a");
        ROUND.readsNot("terraform.provider-not-in-registry", "│ hashicorp/xenserver: provider registry registry.opentofu.org does not answer");
        ROUND.reads("terraform.provider-not-in-registry", "provider registry registry.opentofu.org does not have a provider named registry.opentofu.org/hashicorp/xenserver");
        ROUND.reads("terraform.provider-not-in-registry", "Did you intend to use namecheap/namecheap? If so, you must specify that source address in each module which requires that provider.");
        ROUND.readsNot("terraform.provider-not-in-registry", "│ kreuzwerker/docker: could not query provider registry for"); // terraform.provider-registry-unreachable
        ROUND.reads("terraform.provider-checksums-refused", "authentication checksums for provider: 403 Forbidden");
        ROUND.readsNot("terraform.provider-checksums-refused", "authentication checksums for provider: verified");
        ROUND.reads("terraform.provider-checksums-refused", "could not query provider registry for registry.terraform.io/hashicorp/aws: failed to retrieve authentication checksums for provider: 403 Forbidden");
        ROUND.readsNot("terraform.provider-checksums-refused", "npm ERR! 403 403 Forbidden - PUT http://registry.npmjs.org/@ly%2fnpm-publish-test - Forbidden"); // npm.publish-refused
        ROUND.reads("terraform.provider-package-404", "Error while installing hashicorp/random v2.3.1: unsuccessful request to\nhttps://releases.hashicorp.com/terraform-provider-random/2.3.1/terraform-provider-random_2.3.1_linux_amd64.zip\n404 Not Found");
        ROUND.readsNot("terraform.provider-package-404", "Error while installing hashicorp/random v2.3.1: unsuccessful request to\nhttps://releases.hashicorp.com/terraform-provider-random/2.3.1/terraform-provider-random_2.3.1_linux_amd64.zip\n502 Bad Gateway");
        ROUND.readsNot("terraform.provider-package-404", "Error response from daemon: manifest for ghcr.io/acme/app:sha-123 not found"); // image.manifest-not-found
        ROUND.reads("terraform.provider-debug-api-5xx", "2026/11/23 22:19:27 [DEBUG] terraform-provider-aws: HTTP/1.1 503 Service Unavailable");
        ROUND.readsNot("terraform.provider-debug-api-5xx", "2026/11/23 22:19:27 [DEBUG] terraform-provider-aws: HTTP/1.1 200 OK");
        ROUND.reads("terraform.provider-debug-api-5xx", "[DEBUG] provider.terraform-provider-aws: X-Amzn-Errortype: ServiceException");
        ROUND.readsNot("terraform.provider-debug-api-5xx", "[DEBUG] plugin.terraform-provider-google_v3.2.0_x5:         \"reason\": \"RouteMissing\","); // cloudrun.domain-mapping-route-missing
        ROUND.reads("aws.request-limit-exceeded", "* aws_network_acl.private_b: RequestLimitExceeded: Request limit exceeded.");
        ROUND.readsNot("aws.request-limit-exceeded", "* aws_network_acl.private_b: InvalidParameterValue: Request is not valid.");
        ROUND.readsNot("aws.request-limit-exceeded", "toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits"); // registry.rate-limit
        ROUND.reads("cdk.no-credentials-configured", "[Error at /MyStack] Need to perform AWS calls for account ***, but no credentials have been configured");
        ROUND.readsNot("cdk.no-credentials-configured", "[Info at /MyStack] Using default credentials for account ***");
        ROUND.readsNot("cdk.no-credentials-configured", "pulumi:providers:aws resource 'default_6_54_0' has a problem: unable to validate AWS credentials."); // pulumi.cloud-credentials-invalid
        // with keys present but refused (p115-18) the CDK prints the same wrapper; STS's refusal above it is read by the older
        // aws.security-token-invalid, for the deploy token
        ROUND.reads("aws.security-token-invalid", "auth.deploy-token", "[03:21:38] Unable to determine the default AWS account (InvalidClientTokenId): The security token included in the request is invalid.");
        ROUND.reads("aws.invalid-parameter-combination", "api error InvalidParameterCombination: You can't specify IOPS or storage throughput for engine postgres and a storage size less than 400.");
        ROUND.readsNot("aws.invalid-parameter-combination", "api error InvalidParameterValue: Invalid storage size for engine name postgres");
        ROUND.readsNot("aws.invalid-parameter-combination", "InvalidParameterValueException: The runtime parameter of nodejs10.x is no longer supported for creating or updating AWS Lambda functions."); // lambda.runtime-retired
        ROUND.reads("systemd.control-process-exited", "Unable to start service app.service: Job for app.service failed because the control process exited with error code.");
        ROUND.readsNot("systemd.control-process-exited", "Job for app.service failed because a timeout was exceeded.");
        ROUND.reads("systemd.control-process-exited", "Unable to start service power_supply_metrics.service: Job for power_supply_metrics.service failed because the control process exited with error code.");
        ROUND.readsNot("systemd.control-process-exited", "ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1"); // buildkit.process-failed
        ROUND.reads("pulumi.resource-plugin-not-found", "    error: no resource plugin 'pulumi-resource-aws' found in the workspace at version v5.1.2 or on your $PATH, install the plugin using `pulumi plugin install resource aws v5.1.2`");
        ROUND.readsNot("pulumi.resource-plugin-not-found", "    installing plugin 'pulumi-resource-aws' v5.1.2 from the workspace");
        ROUND.readsNot("pulumi.resource-plugin-not-found", "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions"); // cli.token-required-non-interactive
        ROUND.reads("cdk.environment-not-bootstrapped", "This stack uses assets, so the toolkit stack must be deployed to the environment (Run \"cdk bootstrap aws://246824682468/cn-northwest-1\")");
        ROUND.readsNot("cdk.environment-not-bootstrapped", "This stack uses no assets, so no bootstrap is needed");
        ROUND.reads("cdk.environment-not-bootstrapped", "TriviaGameStaticSiteInfraTest failed: Error: This stack uses assets, so the toolkit stack must be deployed to the environment (Run \"cdk bootstrap aws://135791357913/us-east-1\")");
        // the newer wording is not read: a bootstrapped environment looked up with another region, profile or role gives it too
        ROUND.readsNot("cdk.environment-not-bootstrapped", "SSM parameter /cdk-bootstrap/hnb659fds/version not found. Has the environment been bootstrapped? Please run 'cdk bootstrap'");
        ROUND.readsNot("cdk.environment-not-bootstrapped", "2026-11-29T15:11:07 ERROR: [1] bootstrap checks failed"); // elasticsearch.bootstrap-checks-failed
        ROUND.reads("cdk.docker-not-executable", "BatchGlueStack:  fail: Unable to execute 'docker' in order to build a container asset. Please install 'docker' and try again.");
        ROUND.readsNot("cdk.docker-not-executable", "BatchGlueStack:  debug: docker login --username AWS --password-stdin https://565656565656.dkr.ecr.us-east-1.amazonaws.com");
        ROUND.readsNot("cdk.docker-not-executable", "2021-03-01T10:00:01.000000+00:00 app[web.1]: bash: gunicorn: command not found"); // app.start-command-not-found
        ROUND.reads("terraform.provider-api-5xx-generic", "Error: Error retrieving check: 500 Internal Server Error:");
        ROUND.readsNot("terraform.provider-api-5xx-generic", "Error: Error retrieving check: 404 Not Found:");
        ROUND.readsNot("terraform.provider-api-5xx-generic", "received unexpected HTTP status: 503 Service Unavailable"); // registry.server-error
        ROUND.reads("checkov.failed-checks", "Passed checks: 249, Failed checks: 36, Skipped checks: 1");
        ROUND.readsNot("checkov.failed-checks", "Passed checks: 249, Failed checks: 0, Skipped checks: 1");
        ROUND.readsNot("checkov.failed-checks", "remote: Could not start due to 1 failed checks."); // dokku.checks-failed
        ROUND.reads("arm.conflict-existing-scmtype", "      \"message\": \"There was a conflict. Conflict with existing ScmType: GitHub\"");
        ROUND.readsNot("arm.conflict-existing-scmtype", "      \"message\": \"There was a conflict. The site is being updated.\"");
        ROUND.reads("arm.conflict-existing-scmtype", "There was a conflict. Conflict with existing ScmType: GitHub");
        ROUND.readsNot("arm.conflict-existing-scmtype", "##[error]Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run"); // actions.artifact-name-conflict
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // systemd's refused start after the service's own configuration was refused: in h39-21 and p85-03
        // (config.invalid) "Job for caddy.service failed because the control process exited with error code." follows
        // Caddy's "unrecognized directive" in the Caddyfile, in h39-23 "Job for nginx.service failed ..." follows nginx's
        // "[emerg] unknown directive", in p80-16 "Job for chatpdf-compose.service failed ..." is the unit whose
        // docker-compose 1.x refused the file ("Unsupported config option for services"): the exit is the invalid
        // configuration's consequence (the configuration's own line names it)
        // p114-25 (build.dependency-fetch): "Pups::ExecError: ... 'bundle install --deployment ...' failed with return
        // #<Process::Status: pid 299 exit 5>" is pups reporting the template command whose gem install failed: the failed
        // step is the fetch's consequence (the general shape gives way to the step's own reason)
        // p115-18 (auth.deploy-token): "Need to perform AWS calls for account ***, but no credentials have been
        // configured" is the CDK's wrapper printed after STS refused the job's keys ("Unable to determine the default AWS
        // account (InvalidClientTokenId)"): the refusal's consequence (aws.security-token-invalid reads the refusal)
        // p125-12, p125-13 (session 25): HAProxy refusing its configuration, so systemd's unit (or Ansible starting it)
        // reports the control process failed (config.invalid)
        // p195-07 (tuning, session 42): EC2's API degraded during the provider's incident (platform.outage) throttles
        // Karpenter's calls to describe launch templates: the throttling is the outage's consequence
        ROUND.staysInItsCauses("p195-07 aws.request-limit-exceeded", "p125-12 systemd.control-process-exited", "p125-13 systemd.control-process-exited",
                "h39-21- systemd.control-process-exited", "h39-23- systemd.control-process-exited",
                "p80-16- systemd.control-process-exited", "p85-03- systemd.control-process-exited",
                "p114-25- discourse.pups-exec-failed-generic", "p115-18- cdk.no-credentials-configured",
                // h94-22 (consumed in session 27): "Job for caddy.service failed ..." after Caddy's "Caddyfile:2:
                // unrecognized directive: proxy" (a v1 directive, config.invalid), the exit its consequence as h39-21
                "h94-22 systemd.control-process-exited",
                // h107-23 (consumed in session 32): Ansible reloading caddy after a Caddyfile whose directive nesting
                // Caddy refused (config.invalid): "Job for caddy.service failed because the control process exited" is
                // its consequence, as in h39-21
                "h107-23 systemd.control-process-exited",
                // p133-12 (joined in session 27): Ansible's "Unable to start service loki: Job for loki.service failed
                // because the control process exited" after Loki refused its configuration (config.invalid)
                "p133-12 systemd.control-process-exited",
                // h71-30, h76-22 (consumed in session 24): the proxy's unit failed to start because its upstream name did
                // not resolve (network.dns) or its Caddyfile was invalid (config.invalid); systemd's line is the consequence
                "h71-30- systemd.control-process-exited", "h76-22- systemd.control-process-exited",
                // h113-21 (consumed in session 34): "Job for tracker.service failed because the control process exited"
                // after the unit's ExecStart= named a path with no program (203/EXEC, config.invalid): its consequence
                "h113-21 systemd.control-process-exited",
                // p180-21 (joined in session 39): Ansible's "Unable to restart service nginx: Job for nginx.service failed
                // because the control process exited" after nginx refused the template's listen parameter (config.invalid)
                "p180-21 systemd.control-process-exited",
                // p155-12 (tuning, session 34): php-fpm's unit fails to restart because its pool sets more spare servers
                // than max children (config.invalid): the control process exiting is its consequence
                "p155-12 systemd.control-process-exited",
                // h133-37 (consumed in session 40): Ansible's "Unable to restart service nginx: Job for nginx.service
                // failed because the control process exited" after nginx refused a certificate and key that are not a
                // pair (tls.certificate, tls.key-values-mismatch reads the refusal): its consequence
                "h133-37 systemd.control-process-exited");
    }
}
