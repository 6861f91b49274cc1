package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-second session's rule writer rules32g, each in its tool's or cloud's own words: its round
 * on p150- (infrastructure-as-code applies: a create refused because the object already exists outside the stack's
 * state, in GCP's "Error 409 ... alreadyExists", IAM's "EntityAlreadyExists" and pulumi-kubernetes' "was not
 * successfully created by the Kubernetes API server : ... already exists"; a Crossplane managed resource referencing a
 * ProviderConfig that is not found; ARM's RequestContentTooLarge, its subscription "LimitExceeded - " and its
 * "SkuUnavailableInZone"; a Google API's 403 for a location that does not exist, and its refusal of the deploy identity
 * in Deployment Manager's JSON; Pulumi's AWS provider "Invalid credentials configured" and its plugin lookup rate
 * limited by the GitHub API; CloudFormation's resources-per-stack limit; ARM's what-if service stopping at its "system
 * limitations"; ECS's "is unhealthy in (target-group ...)"
 * service event). Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another cause that
 * shares its words); each new log indication reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause (or a consequence of that scenario's cause, named with its reason).
 */
class EightyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules32g (p150-: infrastructure-as-code applies)
            Map.entry("iac.resource-already-exists", "config.invalid"),
            Map.entry("crossplane.providerconfig-not-found", "config.invalid"),
            Map.entry("arm.request-content-too-large", "config.invalid"),
            Map.entry("gcp.location-denied-or-missing", "config.invalid"),
            Map.entry("gcp.api-identity-not-authorized", "auth.deploy-token"),
            Map.entry("pulumi.provider-invalid-credentials", "auth.deploy-token"),
            Map.entry("pulumi.plugin-github-rate-limit", "build.dependency-fetch"),
            Map.entry("cfn.stack-resource-limit", "platform.quota"),
            Map.entry("arm.limit-exceeded", "platform.quota"),
            Map.entry("arm.sku-unavailable-in-zone", "platform.capacity"),
            Map.entry("ecs.target-unhealthy-event", "app.healthcheck-failing"),
            Map.entry("arm.whatif-system-limitations", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("iac.resource-already-exists", "            * Error creating instance template: googleapi: Error 409: The resource 'projects/acme-edge/global/instanceTemplates/edge-web-tmpl-v7' already exists, alreadyExists");
        ROUND.readsNot("iac.resource-already-exists", "ERROR: relation \"users\" already exists");
        ROUND.reads("iac.resource-already-exists", "    error: Error creating IAM policy billing-worker-policy: EntityAlreadyExists: A policy called billing-worker-policy already exists. Duplicate names are not allowed.");
        ROUND.reads("iac.resource-already-exists", " +  kubernetes:core:ServiceAccount alb-ingress-controller **creating failed** error: resource default/alb-ingress-controller was not successfully created by the Kubernetes API server : serviceaccounts \"alb-ingress-controller\" already exists");
        ROUND.readsNot("iac.resource-already-exists", "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/acme-ui - You cannot publish over the previously published versions: 1.4.2."); // npm's version already published
        ROUND.reads("crossplane.providerconfig-not-found", "  Warning  CannotConnectToProvider  27s (x9 over 3m24s)  managed/object.kubernetes.crossplane.io  cannot get ProviderConfig: ProviderConfig.kubernetes.crossplane.io \"provider-kubernetes\" not found");
        ROUND.readsNot("crossplane.providerconfig-not-found", "providerconfig.kubernetes.crossplane.io/provider-kubernetes created");
        ROUND.reads("crossplane.providerconfig-not-found", "2026-11-21T13:04:10Z cannot get referenced ProviderConfig: ProviderConfig.aws.upbound.io \"default\" not found");
        ROUND.readsNot("crossplane.providerconfig-not-found", "Error from server (NotFound): deployments.apps \"reports\" not found"); // a Kubernetes object not found, no ProviderConfig
        ROUND.reads("arm.request-content-too-large", "     |  RequestContentTooLarge - The request content size exceeds the maximum size of 4 MB.");
        ROUND.readsNot("arm.request-content-too-large", "Uploading template (3.2 MB) to the deployment");
        ROUND.reads("arm.request-content-too-large", "ERROR: RequestContentTooLarge - The request content size exceeds the maximum size of 4 MB.");
        ROUND.readsNot("arm.request-content-too-large", "npm ERR! 413 Request Entity Too Large - PUT https://registry.npmjs.org/acme-ui"); // a registry's size limit
        ROUND.reads("gcp.location-denied-or-missing", "    ,\\\"ResourceErrorMessage\\\":{\\\"code\\\":403,\\\"message\\\":\\\"Permission denied on 'locations/us-east-1-d'\\");
        ROUND.readsNot("gcp.location-denied-or-missing", "Permission denied on resource project acme-ledger-prod.");
        ROUND.reads("gcp.location-denied-or-missing", "ERROR: (gcloud.compute.instances.create) Could not fetch resource: - Permission denied on 'locations/europe-west9-z' (or it may not exist).");
        ROUND.readsNot("gcp.location-denied-or-missing", "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'iam.serviceaccounts.actAs' denied on service account deployer@acme.iam.gserviceaccount.com (or it may not exist)."); // gcloud.permission-denied
        ROUND.reads("gcp.api-identity-not-authorized", "    is not authorized.\",\"status\":\"PERMISSION_DENIED\",\"statusMessage\":\"Forbidden\",\"requestPath\":\"https://cloudresourcemanager.googleapis.com/v1/projects/acme-analytics-prod\",\"httpMethod\":\"GET\"}}'");
        ROUND.readsNot("gcp.api-identity-not-authorized", "    \\ (or it may not exist).\\\",\\\"status\\\":\\\"PERMISSION_DENIED\\\",\\\"statusMessage\\\":\\\"Forbidden\\\"");
        ROUND.reads("gcp.api-identity-not-authorized", "    does not have storage.buckets.get access to bucket spinnaker-spinnaker-bucket.\",\"statusMessage\":\"Forbidden\",\"requestPath\":\"https://www.googleapis.com/storage/v1/b/spinnaker-spinnaker-bucket\"}}'");
        ROUND.readsNot("gcp.api-identity-not-authorized", "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Cloud Run Admin API has not been used in project 123 before or it is disabled."); // gcloud.api-disabled
        ROUND.reads("pulumi.provider-invalid-credentials", "    error: pulumi:providers:aws resource 'default_6_18_2' has a problem: Invalid credentials configured.");
        ROUND.readsNot("pulumi.provider-invalid-credentials", "    Please see https://www.pulumi.com/docs/intro/cloud-providers/aws/setup/ for more information about providing credentials.");
        ROUND.reads("pulumi.provider-invalid-credentials", "2026-11-22T08:01:02.0000000Z     error: pulumi:providers:aws resource 'default' has a problem: Invalid credentials configured.");
        ROUND.readsNot("pulumi.provider-invalid-credentials", " ▸    Invalid credentials provided."); // heroku's refusal of its API key
        ROUND.reads("pulumi.plugin-github-rate-limit", "error: could not find latest version for provider aws: GitHub rate limit exceeded for https://api.github.com/repos/pulumi/pulumi-aws/releases/latest, try again in 59m52.974628s. You can set GITHUB_TOKEN to make an authenticated request with a higher rate limit.");
        ROUND.readsNot("pulumi.plugin-github-rate-limit", "Error: Builds rate limit exceeded (0 of 100 remaining). Try again in 24h");
        ROUND.reads("pulumi.plugin-github-rate-limit", "E1128 12:07:48.026082   45104 log.go:90] GitHub rate limit exceeded for https://api.github.com/repos/pulumi/pulumi-iamPolicy/releases/latest, try again in 59m52.974628s. You can set GITHUB_TOKEN to make an authenticated request with a higher rate limit.");
        ROUND.readsNot("pulumi.plugin-github-rate-limit", "Error: An unexpected error occurred in deploy: Error: Rate limit exceeded (429)"); // a platform's deploy rate
        ROUND.reads("cfn.stack-resource-limit", "  The CloudFormation template is invalid: Template format error: Number of resources, 202, is greater than maximum allowed");
        ROUND.readsNot("cfn.stack-resource-limit", "Stack dialog-prod has 202 resources");
        ROUND.reads("cfn.stack-resource-limit", " ❌  aws-simple--dealer-search--df3e4b06 failed: Error [ValidationError]: Template format error: Number of resources, 203, is greater than maximum allowed, 200");
        ROUND.readsNot("cfn.stack-resource-limit", "  Error: The CloudFormation template is invalid: Template format error: Unresolved resource dependencies [OwnstatsDatabase] in the Resources block of the template"); // cfn.template-format-error
        ROUND.reads("arm.limit-exceeded", "LimitExceeded - Target - 'adt-plant-weu'. Subscription '6c1f0000-aaaa-bbbb-cccc-1234567890ab' has '10' instances in this region. Please visit https://aka.ms/dtV2limits for details.");
        ROUND.readsNot("arm.limit-exceeded", "ERROR: DeploymentWhatIfLimitExceeded - Processing of the what-if request has exceeded system limitations.");
        ROUND.reads("arm.limit-exceeded", "2026-11-24T10:02:11Z ERROR: LimitExceeded - Target - 'adt-plant-neu'. Subscription '6c1f0000-aaaa-bbbb-cccc-1234567890ab' has '10' instances in this region.");
        ROUND.readsNot("arm.limit-exceeded", "Error: creating Auto Scaling Group: RequestLimitExceeded: Request limit exceeded."); // AWS's request throttling
        ROUND.reads("arm.sku-unavailable-in-zone", "ERROR: {\"code\":\"DeploymentFailed\",\"message\":\"At least one resource deployment operation failed.\",\"details\":[{\"code\":\"SkuUnavailableInZone\",\"message\":\"The sku Sku: Standard_ZRS, Kind: StorageV2 is not available in zone.\"}]}");
        ROUND.readsNot("arm.sku-unavailable-in-zone", "The sku Standard_ZRS is available in zones 1, 2 and 3.");
        ROUND.reads("arm.sku-unavailable-in-zone", "The sku Sku: Premium_ZRS, Kind: FileStorage is not available in zone.");
        ROUND.readsNot("arm.sku-unavailable-in-zone", "ERROR: InvalidTemplateDeployment - The template deployment 'adt' is not valid according to the validation procedure."); // a template refusal, no zone
        ROUND.reads("ecs.target-unhealthy-event", "2026-11-29 09:50:14 (service orders-api) (port 3000) is unhealthy in (target-group arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/orders-api/7f1e2d3c4b5a6978) due to (reason Health checks failed).");
        ROUND.readsNot("ecs.target-unhealthy-event", "2026-11-29 09:48:40 (service orders-api) registered 1 targets in (target-group arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/orders-api/7f1e2d3c4b5a6978)");
        ROUND.reads("ecs.target-unhealthy-event", "(service web) (instance i-0a1b2c3d) (port 32768) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc) due to (reason Health checks failed with these codes: [404]).");
        ROUND.reads("arm.whatif-system-limitations", "ERROR: DeploymentWhatIfLimitExceeded - Processing of the what-if request has exceeded system limitations. Diagnostic information: timestamp '20261130T063149Z', scope '/subscriptions/9a8b7c6d-0000-4e5f-a1b2-c3d4e5f60718'");
        ROUND.readsNot("arm.whatif-system-limitations", "ERROR: DeploymentQuotaExceeded - Creating the deployment 'lz' would exceed the quota of '800'.");
        ROUND.reads("arm.whatif-system-limitations", "2026-11-30T06:37:02.0000000Z ERROR: DeploymentWhatIfLimitExceeded - Processing of the what-if request has exceeded system limitations.");
        ROUND.readsNot("arm.whatif-system-limitations", "LimitExceeded - Target - 'adt-plant-weu'. Subscription '6c1f0000-aaaa-bbbb-cccc-1234567890ab' has '10' instances in this region."); // arm.limit-exceeded
        ROUND.readsNot("ecs.target-unhealthy-event", "2026-11-29 09:58:02 (service orders-api) (deployment ecs-svc/6012345678901234567) deployment failed: tasks failed to start."); // the circuit breaker's verdict, no health check named
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
