package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-second session's rule writer r42-p192, each in its tool's own words: its round on the
 * tuning set p192- (infrastructure-as-code applies: Terraform/OpenTofu, Pulumi, CDK, Bicep/ARM). Pulumi's managed state
 * backend failing the CLI's calls ("could not deserialize deployment: [503]", a lease call to api.pulumi.com refused);
 * Azure Resource Manager throttling a subscription's requests (no longer read as a registry's toomanyrequests); an AWS
 * API's InvalidParameterException naming the rule a parameter breaks; a Terraform Kubernetes provider without a cluster
 * calling its default, localhost (a TLS error there is the provider's settings); a provider package's GitHub release
 * host failing terraform init (no longer read as the registry); Container Apps' "Persistent failiure to start
 * container" of a revision whose container exits.
 */
class HundredFiftyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("pulumi.service-backend-unavailable", "platform.outage"),
            Map.entry("azure.arm-requests-throttled", "platform.quota"),
            Map.entry("aws.invalid-parameter-rule", "config.invalid"),
            Map.entry("terraform.kubernetes-provider-localhost-default", "config.invalid"),
            Map.entry("terraform.provider-package-host-5xx", "build.dependency-fetch"),
            Map.entry("containerapps.persistent-start-failure", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("pulumi.service-backend-unavailable", "error: could not deserialize deployment: [503]");
        ROUND.reads("pulumi.service-backend-unavailable", "    error: post-step event returned an error: failed to save snapshot: performing HTTP request: Post \"https://api.pulumi.com/api/stacks/acme/infra/dev/update/1ac5/renew_lease\": dial tcp 54.69.134.167:443: connect: connection refused");
        ROUND.readsNot("pulumi.service-backend-unavailable", "error: post-step event returned an error: failed to save snapshot: [404] Not Found: Update '1ac5fad4-38d6-465e-9b21-742c277e252a' not found");
        ROUND.readsNot("pulumi.service-backend-unavailable", "error: [401] Unauthorized: No credentials provided or are invalid.");
        ROUND.reads("azure.arm-requests-throttled", "statusCode: 429 statusMessage: {\"error\":{\"code\":\"TooManyRequests\",\"message\":\"The request is being throttled as the limit has been reached for operation type - Write_ObservationWindow_00:00:01. For more information, see - https://aka.ms/srpthrottlinglimits\"}}");
        ROUND.reads("azure.arm-requests-throttled", "ERROR: (SubscriptionRequestsThrottled) Number of write requests for subscription '00000000-0000-0000-0000-000000000000' actor '11111111-1111-1111-1111-111111111111' exceeded. Please try again after '5' seconds after additional '1' requests.");
        ROUND.readsNot("azure.arm-requests-throttled", "toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit");
        ROUND.readsNot("azure.arm-requests-throttled", "ERROR: {\"code\":\"QuotaExceeded\",\"message\":\"Operation could not be completed as it results in exceeding approved Total Regional Cores quota.\"}");
        ROUND.reads("aws.invalid-parameter-rule", "│ Error: updating ECS Service (arn:aws:ecs:eu-west-1:123456789012:service/obs/mimir): InvalidParameterException: Health check grace period is only valid for services configured to use load balancers");
        ROUND.reads("aws.invalid-parameter-rule", "Error: error creating ECS service (web): InvalidParameterException: The new ARN and resource ID format must be enabled to add tags to the service. Opt in to the new format and try again.");
        ROUND.readsNot("aws.invalid-parameter-rule", "│ Error: creating ECS Service (web): InvalidParameterException: Unable to assume the service linked role. Please verify that the ECS service linked role exists.");
        ROUND.readsNot("aws.invalid-parameter-rule", "InvalidParameterException: 1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 6");
        ROUND.reads("terraform.kubernetes-provider-localhost-default", "│ Error: failed to create kubernetes rest client for read of resource: Get \"https://localhost/api?timeout=32s\": x509: certificate is valid for *.dev.example.org, dev.example.org, not localhost");
        ROUND.reads("terraform.kubernetes-provider-localhost-default", "Error: Post \"http://localhost/api/v1/namespaces/kns/services\": dial tcp 127.0.0.1:80: connect: connection refused");
        ROUND.readsNot("terraform.kubernetes-provider-localhost-default", "Error: Kubernetes cluster unreachable: Get \"https://127.0.0.1:6443/version\": x509: certificate signed by unknown authority");
        ROUND.readsNot("terraform.kubernetes-provider-localhost-default", "Error: Get \"https://api.prod.example.org/api/v1/namespaces/ops\": x509: certificate has expired or is not yet valid");
        ROUND.reads("terraform.provider-package-host-5xx", "│ Error while installing dnsimple/dnsimple v1.5.0: failed to retrieve authentication checksums for provider: 502 Bad Gateway returned from github.com");
        ROUND.reads("terraform.provider-package-host-5xx", "Error while installing integrations/github v5.42.0: failed to retrieve authentication checksums for provider: 503 Service Unavailable returned from objects.githubusercontent.com");
        ROUND.readsNot("terraform.provider-package-host-5xx", "Error while installing hashicorp/aws v3.20.0: could not query provider registry for registry.terraform.io/hashicorp/aws: failed to retrieve authentication checksums for provider: 403 Forbidden");
        ROUND.readsNot("terraform.provider-package-host-5xx", "Error while installing hashicorp/google v4.51.0: failed to retrieve authentication checksums for provider: 503 Service Unavailable returned from releases.hashicorp.com");
        ROUND.reads("containerapps.persistent-start-failure", "Container 'orders' was terminated with exit code '1'. Persistent failiure to start container. Stopping revision orders--r42");
        ROUND.reads("containerapps.persistent-start-failure", "Container 'worker' was terminated with exit code '139'. Persistent failure to start container.");
        ROUND.readsNot("containerapps.persistent-start-failure", "Container 'api' was terminated with exit code '137'. Persistent failiure to start container.");
        ROUND.readsNot("containerapps.persistent-start-failure", "Container 'api' was terminated with exit code '143' and reason 'ProcessExited'");
    }

    /** The registry's own shapes give way where the round's read: ARM's throttle code, a provider's GitHub host. */
    @Test
    void theRegistryShapesLeaveTheirNeighbours() throws IOException {
        ROUND.reads("registry.rate-limit", "registry.unavailable", "toomanyrequests: Rate exceeded");
        ROUND.reads("registry.rate-limit", "registry.unavailable", "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"Rate exceeded\"}]}");
        ROUND.readsNot("registry.rate-limit", "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"The request is being throttled as the limit has been reached for operation type - Write_ObservationWindow_00:00:01.\"}}");
        ROUND.reads("terraform.provider-checksums-refused", "registry.unavailable", "failed to retrieve authentication checksums for provider: 403 Forbidden");
        ROUND.reads("terraform.provider-checksums-refused", "registry.unavailable", "failed to retrieve authentication checksums for provider: 503 Service Unavailable returned from releases.hashicorp.com");
        ROUND.readsNot("terraform.provider-checksums-refused", "failed to retrieve authentication checksums for provider: 502 Bad Gateway returned from github.com");
    }

    /** p192-08: the x509 error at localhost is the provider's settings, read above the certificate's own shape. */
    @Test
    void theRoundsScenariosLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p192-08-config-invalid-terraform-kubectl-provider-localhost-x509-valid-for", "config.invalid",
                "p192-12-platform-outage-pulumi-service-backend-503-deserialize-deployment", "platform.outage"));
    }

    /**
     * No corpus line is read by the round; on the labelled scenarios, only lines of their own causes (ARM's throttle and
     * Container Apps' system log are read in hosts' looks only, p192-10 and p192-01, which the scenario walk does not
     * read as log lines).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("azure.arm-requests-throttled", "containerapps.persistent-start-failure"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
