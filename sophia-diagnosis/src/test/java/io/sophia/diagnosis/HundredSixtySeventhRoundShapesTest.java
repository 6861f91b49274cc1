package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-fourth session's rule writer r44-h149, each in its tool's own words: its round on the
 * consumed sets h149- (serverless functions and edge workers) and h152- (deploys to plain VMs and VPS hosts). nginx -t
 * refusing its configuration for a names hash its bucket size cannot hold ("could not build server_names_hash, you should
 * increase server_names_hash_bucket_size: 64", miguelgfierro/ai_projects#31);
 * the Serverless Framework's SSM parameter that does not exist ("ServerlessError: Parameter /myvariable not found.",
 * serverless/serverless#5110); the AWS SDK's endpoint built from a quoted region ("Inaccessible host: `cloudformation.'",
 * aws/aws-cdk#6577); Hetzner Cloud's "(invalid_input, ...)" (roots/trellis-cli#622); PHPUnit's verdict relayed by
 * Capistrano's SSHKit ("01 FAILURES!", capistrano/symfony#117); yum's mirror timeouts ("[Errno 12] Timeout on",
 * Azure/az-hop#149); Ansible get_url's server error ("response": "HTTP Error 500", roots/trellis#781); SAM's CopySource
 * of a missing file (cohalz/CertUpdater#3); CloudFront's Lambda@Edge code-size limit (laardee/one-time-presigned-url#4);
 * the Docker SDK for Python's pull answered 500 (aws/aws-sam-cli#3773); the Lambda runtime's "is not a function"
 * (CodeGenieApp/serverless-express#370); the Linode API's 500 (linode/linode_api4-python#72); CloudFormation's own
 * "Internal Failure" (aws/serverless-application-model#1834). And one rule: a cloud provider's API endpoint that does not resolve
 * (network.dns/cloud-api-endpoint-not-a-fetch: "getaddrinfo EAI_AGAIN apigateway.us-east-1.amazonaws.com",
 * amplify-education/serverless-domain-manager#574) is the deploy's own target, not a package index. Each indication is
 * tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row); each reads no
 * line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredSixtySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("nginx.hash-bucket-too-small", "config.invalid"),
            Map.entry("serverless.ssm-parameter-not-found", "config.missing-secret"),
            Map.entry("aws-sdk.endpoint-from-malformed-region", "config.invalid"),
            Map.entry("hcloud.invalid-input", "config.invalid"),
            Map.entry("phpunit.relayed-failures", "ci.test-failure"),
            Map.entry("yum.mirror-download-failed", "build.dependency-fetch"),
            Map.entry("ansible.get-url-download-failed", "build.dependency-fetch"),
            Map.entry("sam.copy-source-file-missing", "build.dockerfile"),
            Map.entry("lambda-edge.function-code-size-limit", "platform.quota"),
            Map.entry("docker-py.image-pull-server-error", "registry.unavailable"),
            Map.entry("lambda.handler-export-not-a-function", "app.crash-on-boot"),
            Map.entry("linode.api-server-error", "platform.outage"),
            Map.entry("cloudformation.internal-failure", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("nginx.hash-bucket-too-small", "nginx: [emerg] could not build server_names_hash, you should increase server_names_hash_bucket_size: 64");
        ROUND.readsNot("nginx.hash-bucket-too-small", "nginx: configuration file /etc/nginx/nginx.conf test is successful");
        ROUND.reads("nginx.hash-bucket-too-small", "2026/12/07 13:20:11 [emerg] 4711#4711: could not build variables_hash, you should increase variables_hash_bucket_size: 64");
        ROUND.readsNot("nginx.hash-bucket-too-small", "nginx: configuration file /etc/nginx/nginx.conf test failed");
        ROUND.readsNot("nginx.hash-bucket-too-small", "nginx: [warn] could not build optimal types_hash, you should increase either types_hash_max_size: 1024 or types_hash_bucket_size: 64; ignoring types_hash_bucket_size");
        ROUND.reads("serverless.ssm-parameter-not-found", "{ ServerlessError: Parameter /myvariable not found.");
        ROUND.readsNot("serverless.ssm-parameter-not-found", "ServerlessError: The security token included in the request is invalid.");
        ROUND.reads("serverless.ssm-parameter-not-found", "Cannot resolve variable at \"provider.environment.DB_PASSWORD\": Value not found at \"ssm\" source");
        ROUND.readsNot("serverless.ssm-parameter-not-found", "An error occurred (AccessDeniedException) when calling the GetParameter operation: User is not authorized to perform: ssm:GetParameter");
        ROUND.reads("aws-sdk.endpoint-from-malformed-region", "Inaccessible host: `cloudformation.'. This service may not be available in the `\"us-east-1\"' region.");
        ROUND.readsNot("aws-sdk.endpoint-from-malformed-region", "Inaccessible host: `cloudformation.us-east-1.amazonaws.com'. This service may not be available in the `us-east-1' region.");
        ROUND.reads("aws-sdk.endpoint-from-malformed-region", "UnknownEndpoint: Inaccessible host: `lambda.'. This service may not be available in the `' region.");
        ROUND.readsNot("aws-sdk.endpoint-from-malformed-region", "UnknownEndpoint: Inaccessible host: `sts.amazonaws.com'. This service may not be available in the `us-east-1' region.");
        ROUND.reads("hcloud.invalid-input", "Error creating server: unsupported location for server type (invalid_input, 261e51cc9f7b737dd2412acadc7d08c4)");
        ROUND.readsNot("hcloud.invalid-input", "Error creating server: internal server error (service_error)");
        ROUND.reads("phpunit.relayed-failures", "      01 FAILURES!");
        ROUND.readsNot("phpunit.relayed-failures", "      01 OK (412 tests, 1088 assertions)");
        ROUND.reads("phpunit.relayed-failures", "      01 Tests: 412, Assertions: 1088, Failures: 2.");
        ROUND.readsNot("phpunit.relayed-failures", "      01 Tests: 412, Assertions: 1088, Skipped: 3.");
        ROUND.reads("phpunit.relayed-failures", "php stdout: FAILURES!");
        ROUND.readsNot("phpunit.relayed-failures", "php stdout: OK (412 tests, 1088 assertions)");
        ROUND.reads("yum.mirror-download-failed", "http://olcentgbl.trafficmanager.net/centos/7/updates/x86_64/python3-3.6.8-18.el7.x86_64.rpm: [Errno 12] Timeout on http://olcentgbl.trafficmanager.net/centos/7/updates/x86_64/python3-3.6.8-18.el7.x86_64.rpm: (28, 'Connection timed out after 30001 milliseconds')");
        ROUND.readsNot("yum.mirror-download-failed", "Error: Nothing to do");
        ROUND.reads("yum.mirror-download-failed", "http://mirror.centos.org/centos/7/os/x86_64/repodata/repomd.xml: [Errno 14] HTTP Error 503 - Service Unavailable");
        ROUND.readsNot("yum.mirror-download-failed", "https://download.docker.com/linux/centos/7/x86_64/stable/repodata/repomd.xml: [Errno 14] HTTPS Error 404 - Not Found");
        ROUND.reads("ansible.get-url-download-failed", "fatal: [web]: FAILED! => {\"changed\": false, \"dest\": \"/tmp/wp-cli-1.1.0.phar\", \"failed\": true, \"response\": \"HTTP Error 500: Internal Server Error\", \"state\": \"absent\", \"status_code\": 500, \"url\": \"https://github.com/wp-cli/wp-cli/releases/download/v1.1.0/wp-cli-1.1.0.phar\"}");
        ROUND.readsNot("ansible.get-url-download-failed", "fatal: [web]: FAILED! => {\"changed\": false, \"dest\": \"/tmp/wp-cli-9.9.9.phar\", \"failed\": true, \"response\": \"HTTP Error 404: Not Found\", \"state\": \"absent\", \"status_code\": 404, \"url\": \"https://github.com/wp-cli/wp-cli/releases/download/v9.9.9/wp-cli-9.9.9.phar\"}");
        ROUND.reads("sam.copy-source-file-missing", "Error: PythonPipBuilder:CopySource - [Errno 2] No such file or directory: '/tmp/samcli/source/requirements.txt'");
        ROUND.readsNot("sam.copy-source-file-missing", "Running PythonPipBuilder:CopySource");
        ROUND.reads("lambda-edge.function-code-size-limit", "An error occurred: CloudFrontDistribution - The function code size is larger than the maximum allowed size for functions that are triggered by a CloudFront event.");
        ROUND.readsNot("lambda-edge.function-code-size-limit", "CloudFormation - UPDATE_FAILED - AWS::CloudFront::Distribution - CloudFrontDistribution");
        ROUND.reads("docker-py.image-pull-server-error", "requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: http+docker://localhost/v1.35/images/create?tag=latest-x86_64&fromImage=public.ecr.aws%2Fsam%2Fbuild-python3.8");
        ROUND.readsNot("docker-py.image-pull-server-error", "requests.exceptions.HTTPError: 404 Client Error: Not Found for url: http+docker://localhost/v1.35/images/create?tag=latest&fromImage=acme%2Fapp");
        ROUND.reads("lambda.handler-export-not-a-function", "{\"errorType\":\"Runtime.HandlerNotFound\",\"errorMessage\":\"main.handler is not a function\",\"stack\":[\"Runtime.HandlerNotFound: main.handler is not a function\"]}");
        ROUND.readsNot("lambda.handler-export-not-a-function", "{\"errorType\":\"Runtime.HandlerNotFound\",\"errorMessage\":\"index.handler is undefined or not exported\"}");
        ROUND.reads("linode.api-server-error", "linode_api4.errors.ApiError: 500: Internal server error");
        ROUND.readsNot("linode.api-server-error", "linode_api4.errors.ApiError: 400: region is not valid");
        ROUND.reads("linode.api-server-error", "{\"errors\": [{\"reason\": \"Internal server error\"}]}");
        ROUND.readsNot("linode.api-server-error", "{\"errors\": [{\"reason\": \"Invalid Token\"}]}");
        ROUND.reads("cloudformation.internal-failure", "\"Status\": \"FAILED\", \"StatusReason\": \"Internal Failure\"");
        ROUND.readsNot("cloudformation.internal-failure", "\"Status\": \"FAILED\", \"StatusReason\": \"The submitted information didn't contain changes. Submit different information to create a change set.\"");
        ROUND.reads("cloudformation.internal-failure", "CloudFormation - CREATE_FAILED - AWS::Lambda::Function - ApiFunction - Internal Failure");
        ROUND.readsNot("cloudformation.internal-failure", "CloudFormation - CREATE_FAILED - AWS::Lambda::Function - ApiFunction - Resource creation cancelled");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these two read no labelled scenario's log: h149-27 and h149-24, their sources, carry the lines in a look at the
        // host (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("lambda.handler-export-not-a-function", "cloudformation.internal-failure"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** The round's indications lead the scenarios whose failure line they read (each missed before the round). */
    @Test
    void theirScenariosAreLedByTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h149-02-build-dockerfile-sam-copysource-requirements-file-missing", "build.dockerfile"),
                Map.entry("h149-08-registry-unavailable-sam-build-image-pull-500-public-ecr", "registry.unavailable"),
                Map.entry("h149-13-config-missing-secret-sls-ssm-parameter-not-found-new-region", "config.missing-secret"),
                Map.entry("h149-15-config-invalid-cdk-region-env-quoted-inaccessible-host", "config.invalid"),
                Map.entry("h149-22-platform-quota-lambda-edge-function-code-size-cloudfront-trigger", "platform.quota"),
                Map.entry("h149-27-app-crash-on-boot-serverless-express-v3-api-handler-not-function", "app.crash-on-boot"),
                Map.entry("h152-03-build-dependency-fetch-trellis-provision-wp-cli-download-http-500", "build.dependency-fetch"),
                Map.entry("h152-04-build-dependency-fetch-ansible-yum-mirror-timeout-scheduler-deps", "build.dependency-fetch"),
                Map.entry("h152-15-config-invalid-trellis-cli-hetzner-server-type-unsupported-location", "config.invalid"),
                Map.entry("h152-16-config-invalid-nginx-t-server-names-hash-bucket-size-after-new-vhost", "config.invalid"),
                Map.entry("h152-39-ci-test-failure-capistrano-symfony-phpunit-before-deploy-aborts", "ci.test-failure"),
                Map.entry("h152-21-platform-outage-linode-api-instances-500-internal-server-error", "platform.outage"),
                Map.entry("h149-24-platform-outage-sam-managed-resources-changeset-fails-us-east-1", "platform.outage")));
    }

    /**
     * network.dns/cloud-api-endpoint-not-a-fetch: a cloud provider's API endpoint that does not resolve from the runner
     * ("getaddrinfo EAI_AGAIN apigateway.us-east-1.amazonaws.com", "... cloudformation.us-east-1.amazonaws.com:443") is
     * the deploy's own target, not a package index or registry. Before, resolver-in-fetch's "amazonaws.com" left
     * h149-34 and h149-35 to unknown.
     */
    @Test
    void aCloudApiEndpointThatDoesNotResolveIsTheName() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h149-34-network-dns-sls-domain-manager-eai-again-apigateway", "network.dns",
                "h149-35-network-dns-gulp-deploy-eai-again-cloudformation-endpoint", "network.dns"));
    }
}
