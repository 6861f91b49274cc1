package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the fortieth session's rule writer r40-h133, each in its tool's own words: its round on h133-
 * (infrastructure-as-code and configuration tools in the deploy path). OpenSSL's "key values mismatch" as nginx relays
 * it (the certificate and key are not a pair); goss's summary with failed assertions under molecule verify; Google
 * Cloud's "Quota limit '...' has been exceeded. Limit: 0"; a Helm chart repository answering its index with a 5xx (the
 * repository unavailable, where a time-out stays the dependency download's); BuildKit refused a base image's manifest
 * with a 401/403; terraform's discovery request broken off inside its wrapped diagnostic box. Widened: aws.limit-exceeded
 * to EC2's "The maximum number of VPCs has been reached", azurerm's "Failure responding to request: StatusCode=500 ...
 * Code="InternalServerError"" and nginx's "[emerg] unknown directive" of a name that is no word. And two rules: tests
 * that fail behind a quota refusal are the quota's, and a download that broke off in a step whose disk is full is the
 * disk's. Each indication is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its
 * own cause.
 */
class HundredThirtiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r40-h133 (h133-: infrastructure-as-code and configuration tools in the deploy path)
            Map.entry("gcp.quota-limit-exceeded", "platform.quota"),
            Map.entry("goss.validate-failed", "ci.test-failure"),
            Map.entry("helm.chart-index-server-error", "registry.unavailable"),
            Map.entry("registry.manifest-status-refused", "registry.auth"),
            Map.entry("terraform.discovery-request-broken-wrapped", "build.dependency-fetch"),
            Map.entry("tls.key-values-mismatch", "tls.certificate"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("gcp.quota-limit-exceeded", "Error: Error creating Instance: googleapi: Error 429: Quota limit 'StandardInstancesPerProjectPerRegion' has been exceeded. Limit: 0 in region us-central1.");
        ROUND.readsNot("gcp.quota-limit-exceeded", "Error: Error creating Instance: googleapi: Error 429: Rate limit exceeded for quota metric 'Read requests'");
        ROUND.reads("gcp.quota-limit-exceeded", "TestLookerInstanceBasic 2026-11-18T10:14:05Z logger.go:66: Error: Error creating Instance: googleapi: Error 429: Quota limit 'StandardInstancesPerProjectPerRegion' has been exceeded. Limit: 0 in region us-central1.");
        ROUND.readsNot("gcp.quota-limit-exceeded", "Quota 'CPUS' usage: 20.0 of 24.0 in region us-central1");
        ROUND.reads("goss.validate-failed", "Count: 14, Failed: 1, Skipped: 0");
        ROUND.readsNot("goss.validate-failed", "Count: 9, Failed: 0, Skipped: 3");
        ROUND.reads("goss.validate-failed", "fatal: [kafka-debian12]: FAILED! => {\"changed\": true, \"cmd\": [\"/usr/local/bin/goss\", \"-g\", \"/tmp/molecule/goss/test_kafka.yml\", \"validate\"], \"rc\": 1, \"stdout\": \"Port: tcp:9092: listening: Expected\\n    <bool>: false\\nto equal\\n    <bool>: true\\n\\nTotal Duration: 0.012s\\nCount: 14, Failed: 1, Skipped: 0\"}");
        ROUND.readsNot("goss.validate-failed", "Test Count: 302, Passed: 301, Failed: 0, Warnings: 0, Inconclusive: 0, Skipped: 1");
        ROUND.reads("helm.chart-index-server-error", "Error: looks like \"https://charts.jetstack.io\" is not a valid chart repository or cannot be reached: failed to fetch https://charts.jetstack.io/index.yaml : 503 Service Unavailable");
        ROUND.readsNot("helm.chart-index-server-error", "failed to fetch https://kubernetes-charts.storage.googleapis.com/index.yaml : 403 Forbidden");
        ROUND.reads("helm.chart-index-server-error", "          Error: failed to fetch https://helm.mittwald.de/index.yaml : 503 Service Unavailable");
        ROUND.readsNot("helm.chart-index-server-error", "Error: looks like \"https://charts.orchardpay.internal/stable\" is not a valid chart repository or cannot be reached: Get \"https://charts.orchardpay.internal/stable/index.yaml\": dial tcp 10.31.8.22:443: i/o timeout"); // helm.chart-repository-unreachable
        ROUND.reads("registry.manifest-status-refused", "failed to solve with frontend dockerfile.v0: failed to create LLB definition: unexpected status code [manifests 0.23-1-cpu-py3]: 403 Forbidden");
        ROUND.readsNot("registry.manifest-status-refused", "failed to solve with frontend dockerfile.v0: failed to create LLB definition: unexpected status code [manifests 1]: 503 Service Unavailable"); // registry.frontend-status
        ROUND.reads("registry.manifest-status-refused", "#2 ERROR: unexpected status code [manifests 0.23-1-cpu-py3]: 401 Unauthorized");
        ROUND.readsNot("registry.manifest-status-refused", "#2 ERROR: docker.io/library/nod:20-alpine: not found");
        ROUND.reads("terraform.discovery-request-broken-wrapped", "│ Could not retrieve the list of available versions for provider hashicorp/null: could not connect to\n│ registry.terraform.io: Failed to request discovery document: Get\n│ \"https://registry.terraform.io/.well-known/terraform.json\": net/http: request canceled while waiting for connection");
        ROUND.readsNot("terraform.discovery-request-broken-wrapped", "│ Could not retrieve the list of available versions for provider hashicorp/null: could not connect to\n│ registry.terraform.io: Failed to request discovery document: Get\n│ \"https://registry.terraform.io/.well-known/terraform.json\": dial tcp: lookup registry.terraform.io: no such host");
        ROUND.reads("terraform.discovery-request-broken-wrapped", "│ Could not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io:\n│ failed to request discovery document: Get \"https://registry.terraform.io/.well-known/terraform.json\":\n│ context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        ROUND.readsNot("terraform.discovery-request-broken-wrapped", "│ Could not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io:\n│ failed to request discovery document: Get \"https://registry.terraform.io/.well-known/terraform.json\":\n│ x509: certificate signed by unknown authority");
        ROUND.reads("tls.key-values-mismatch", "nginx: [emerg] SSL_CTX_use_PrivateKey_file(\"/etc/nginx/tls/key.pem\") failed (SSL: error:0B080074:x509 certificate routines:X509_check_private_key:key values mismatch)");
        ROUND.readsNot("tls.key-values-mismatch", "nginx: [emerg] cannot load certificate \"/etc/nginx/tls/cert.pem\": BIO_new_file() failed (SSL: error:02001002:system library:fopen:No such file or directory)");
        ROUND.reads("tls.key-values-mismatch", "nginx: [emerg] SSL_CTX_use_PrivateKey(\"/home/deploy/.acme.sh/example.org_ecc/example.org.key\") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)");
        ROUND.readsNot("tls.key-values-mismatch", "nginx: configuration file /etc/nginx/nginx.conf test failed");
        // widened indications of earlier rounds
        ROUND.reads("aws.limit-exceeded", "platform.quota", "AWSAccelerator-NetworkVpcStack-111122223333-eu-west-2 | 12:25:58 PM | CREATE_FAILED        | AWS::EC2::VPC | MainVpcVpc (MainVpcVpc92BED2A6) Resource handler returned message: \"The maximum number of VPCs has been reached. (Service: Ec2, Status Code: 400, Request ID: 0b7e1c2d-4f5a-4e6b-9c8d-7a6b5c4d3e2f)\"");
        ROUND.readsNot("aws.limit-exceeded", "Error: maximum number of redirects exceeded"); // a client's redirect limit
        ROUND.reads("azurerm.request-internal-server-error", "platform.outage", "│ Error: retrieving Sql Virtual Machine (Sql Virtual Machine Name \"erp-sql01\" / Resource Group \"erp\"): sqlvirtualmachine.SQLVirtualMachinesClient#Get: Failure responding to request: StatusCode=500 -- Original Error: autorest/azure: Service returned an error. Status=500 Code=\"InternalServerError\" Message=\"An unexpected error occured while processing the request.\"");
        ROUND.readsNot("azurerm.request-internal-server-error", "│ Error: retrieving Sql Virtual Machine: sqlvirtualmachine.SQLVirtualMachinesClient#Get: Failure responding to request: StatusCode=404 -- Original Error: autorest/azure: Service returned an error. Status=404 Code=\"ResourceNotFound\" Message=\"The Resource was not found.\"");
        ROUND.reads("nginx.config-refused", "config.invalid", "nginx[20418]: nginx: [emerg] unknown directive \"?.=x)@+!+!%+\" in /etc/nginx/nginx.conf:1");
        ROUND.readsNot("nginx.config-refused", "nginx: [emerg] unknown directive \"proxy_passs\" in /etc/nginx/conf.d/default.conf:5"); // config.unknown-field-generic
        ROUND.readsNot("nginx.config-refused", "nginx[20418]: nginx: configuration file /etc/nginx/nginx.conf test failed");
        ROUND.readsNot("helm.chart-repository-unreachable", "Error: looks like \"https://charts.jetstack.io\" is not a valid chart repository or cannot be reached: failed to fetch https://charts.jetstack.io/index.yaml : 503 Service Unavailable");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the round's own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /** The round's sources are diagnosed as their labels say, each by its tool's own words. */
    @Test
    void theSourcesNameTheirCauses() throws IOException {
        Map<String, String> expected = Map.of(
                "h133-03-build-dependency-fetch-terraform-init-registry-discovery-client-timeout", "build.dependency-fetch",
                "h133-06-registry-auth-cdk-asset-build-from-private-ecr-base-403", "registry.auth",
                "h133-07-registry-unavailable-helm-repo-add-jetstack-index-503", "registry.unavailable",
                "h133-08-registry-unavailable-helm-repo-update-vendor-cloudfront-503", "registry.unavailable",
                "h133-17-config-invalid-ansible-nginx-handler-reports-changed-site-down", "config.invalid",
                "h133-21-platform-quota-cloudformation-vpc-maximum-reached-network-stack", "platform.quota",
                "h133-24-platform-outage-azurerm-mssql-vm-refresh-api-500s", "platform.outage",
                "h133-37-tls-certificate-ansible-nginx-restart-fails-on-wrong-certs", "tls.certificate",
                "h133-40-ci-test-failure-molecule-verify-goss-test-fails-role", "ci.test-failure");
        ShapeRound.leadWith(expected);
    }

    /**
     * Tests that fail behind the platform's quota refusal are the quota's (ci.test-failure's quota-refused-first): a
     * Go acceptance test whose resource Google Cloud refused for a quota limit of 0.
     */
    @Test
    void testsFailingBehindAQuotaRefusalAreTheQuotas() throws IOException {
        assertEquals("platform.quota",
                Fleet.top(Fleet.scenario("h133-22-platform-quota-looker-instance-quota-429-limit-zero")));
    }

    /**
     * A provider download that broke off ("unexpected EOF") in a step whose output says the disk is full is the
     * runner's disk (build.dependency-fetch's download-broken-on-full-disk), not the registry's or the network's.
     */
    @Test
    void aDownloadBrokenOnAFullDiskIsTheRunners() throws IOException {
        assertEquals("ci.runner",
                Fleet.top(Fleet.scenario("h133-46-ci-runner-parallel-terraform-init-runner-disk-full")));
    }
}
