package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-fifth session's rule writer r45-p206, each in its tool's own words: its round on the
 * tuning set p206- (managed container services: ECS/Fargate, Cloud Run, Azure Container Apps, App Runner and the CI
 * steps that drive them). ECS failing to set up the log driver a task names (TechToSpeech/terraform-aws-serverless-
 * static-wordpress#74, civiform/civiform#7648, Rayraegah/terraform-aws-hasura#25); ECS's ClientException as
 * CloudFormation's resource handler relays it, "Invalid request provided: Create TaskDefinition: ..." (aws/copilot-cli#4963,
 * DefangLabs/defang#729); gcloud's prompt to enable an API that an unattended run declines, ending "Aborted by user."
 * (unytics/bigfunctions#132, kubernetes/k8s.io#596 for the prompt answered "y"); a container runtime's pull of a
 * reference that is no runnable image, "unsupported media type application/vnd.in-toto+json" (aws/aws-cdk#30680,
 * moby/moby#44367, goharbor/harbor#7853 for a registry's own words); Azure Resource Manager's GatewayTimeout for a
 * resource provider (Azure/azure-cli#31815, microsoft/azure-container-apps#953, microsoft/azure-pipelines-tasks#12925,
 * X1192176811/blog#13 for a proxy's 504 page); Container Apps' "Probe of StartUp failed with status code: "
 * (microsoft/azure-container-apps#1423, #1760, #1371); a target group's reason codes beside "unhealthy"
 * (aws-samples/aws-modern-application-workshop#182; docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/
 * API_TargetHealth.html); a deploy tool's own readiness wait naming its time (GoogleCloudPlatform/cloud-run-button#172,
 * knative/serving#14229, merickvaughn/lifting-logbook's "Staging did not become ready in time" for a check's verdict).
 * And rules: a deploy's time limit or waiter that ran out while a look at the platform says why (the refusal,
 * ci.timeout/refused-on-platform-record; the tasks' failure, ci.timeout/failure-on-platform-record); a build service's
 * record of a build it stopped at its limit (ci.timeout/build-record-status-timeout, google-github-actions/
 * deploy-cloudrun#239); a start-up check that failed while the revision's own record names why
 * (app.healthcheck-failing/record-names-other-failure, GoogleCloudPlatform/jit-groups#270). Each indication is tested on
 * its source's words and a near miss (the first pair of each is indication-cases.tsv's row); each reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredSeventySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("ecs.log-driver-setup-failed", "config.invalid"),
            Map.entry("cloudformation.ecs-invalid-request", "config.invalid"),
            Map.entry("gcloud.api-not-enabled-then-aborted", "config.invalid"),
            Map.entry("image.pull-unsupported-media-type", "config.invalid"),
            Map.entry("arm.resource-provider-gateway-timeout", "platform.outage"),
            Map.entry("containerapps.probe-of-failed", "app.healthcheck-failing"),
            Map.entry("elb.target-unhealthy-reason", "app.healthcheck-failing"),
            Map.entry("deploy.readiness-wait-elapsed", "ci.timeout"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("ecs.log-driver-setup-failed", "ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: MissingEndpoint: 'Endpoint' configuration is required for this service : exit status 1");
        // another resource of the same init phase, a secret (p51-16's stopped reason): not the log driver
        ROUND.readsNot("ecs.log-driver-setup-failed", "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s)");
        ROUND.reads("ecs.log-driver-setup-failed", "ResourceInitializationError: failed to validate logger args: The task cannot find the Amazon CloudWatch log group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. Check your network configuration. : signal: killed");
        ROUND.reads("ecs.log-driver-setup-failed", "Status reason | CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. status code: 400");
        ROUND.reads("cloudformation.ecs-invalid-request", "  Resource handler returned message: \"Invalid request provided: Create TaskDefinition: Container.image repository should not be null or empty. (Service: AmazonECS; Status Code: 400; Error Code: ClientException)\"");
        // the deployment circuit breaker stopping a rollout (p206-08's stack): the tasks failed, nothing was refused
        ROUND.readsNot("cloudformation.ecs-invalid-request", "OrdersStack | 1/3 | 14:28:40 | UPDATE_FAILED        | AWS::ECS::Service        | OrdersService Resource handler returned message: \"Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.\"");
        ROUND.reads("cloudformation.ecs-invalid-request", "Resource handler returned message: \"Invalid request provided: Create TaskDefinition: workingDirectory should be at least 1 characters long. (Service: AmazonECS; Status Code: 400; Error Code: ClientException; Request ID: fed3bca4-6f8c-44e5-bcd0-752d40d941b6; Proxy: null)\" (RequestToken: 918aaba1-1fa7-79cb-2133-49178aa8263d, HandlerErrorCode: InvalidRequest)");
        ROUND.reads("gcloud.api-not-enabled-then-aborted", "API [run.googleapis.com] not enabled on project [heronfield-analytics]. Would you like to enable and retry (this will take a few minutes)? (y/N)?\nERROR: (gcloud.run.deploy) Aborted by user.");
        // the prompt answered "y" (an interactive run): gcloud enables the API; what fails after it is another refusal
        ROUND.readsNot("gcloud.api-not-enabled-then-aborted", "API [run.googleapis.com] not enabled on project [388270116193]. Would you like to enable and retry (this will take a few minutes)? (y/N)?  y\nEnabling service [run.googleapis.com] on project [388270116193]...\nERROR: (gcloud.run.deploy) PERMISSION_DENIED: The caller does not have permission");
        ROUND.reads("image.pull-unsupported-media-type", "CannotPullContainerError: unsupported media type application/vnd.in-toto+json");
        ROUND.readsNot("image.pull-unsupported-media-type", "2019-05-21T18:46:53Z [ERROR] [/replication/transfer/image/transfer.go:224]: unsupported media type: application/octet-stream");
        ROUND.reads("image.pull-unsupported-media-type", "unsupported media type application/vnd.cncf.helm.config.v1+json");
        ROUND.reads("arm.resource-provider-gateway-timeout", "ERROR: (GatewayTimeout) The gateway did not receive a response from 'Microsoft.App' within the specified time period.");
        // a proxy's own 504 page: no resource provider named
        ROUND.readsNot("arm.resource-provider-gateway-timeout", "The gateway did not receive a timely response from the upstream server or application.");
        ROUND.reads("arm.resource-provider-gateway-timeout", "ERROR: Gateway Timeout({\"error\":{\"code\":\"GatewayTimeout\",\"message\":\"The gateway did not receive a response from 'Microsoft.App' within the specified time period.\"}})");
        ROUND.reads("arm.resource-provider-gateway-timeout", "        \"message\": \"The gateway did not receive a response from 'Microsoft.Storage' within the specified time period.\"");
        ROUND.reads("containerapps.probe-of-failed", "{\"Type\":\"Warning\",\"ContainerAppName\":\"ledger-api\",\"RevisionName\":\"ledger-api--v7\",\"Msg\":\"Probe of StartUp failed with status code: \",\"Reason\":\"ProbeFailed\",\"EventSource\":\"ContainerAppController\",\"Count\":231}");
        ROUND.readsNot("containerapps.probe-of-failed", "{\"TimeStamp\":\"2025-01-10T14:02:03Z\",\"Type\":\"Normal\",\"ContainerAppName\":null,\"RevisionName\":null,\"ReplicaName\":null,\"Msg\":\"Connecting to the events collector...\",\"Reason\":\"StartingGettingEvents\",\"EventSource\":\"ContainerAppController\",\"Count\":1}");
        ROUND.reads("elb.target-unhealthy-reason", "Target 10.0.2.118:8080 unhealthy (Target.Timeout: Request timed out) / Target 10.0.3.54:8080 unhealthy (Target.Timeout: Request timed out)");
        // the load balancer's own reason code (TargetHealth's Elb.InternalError): not the target's answer
        ROUND.readsNot("elb.target-unhealthy-reason", "Target 10.0.2.118:8080 unhealthy (Elb.InternalError: Health checks failed due to an internal error)");
        // p190-21's look at a Spinnaker server group's targets
        ROUND.reads("elb.target-unhealthy-reason", "i-03f1e2d4c5b6a7980 unhealthy Target.ResponseCodeMismatch Health checks failed with these codes: [500]");
        ROUND.reads("deploy.readiness-wait-elapsed", "Error: the service did not become ready in 30s, check Cloud Console for logs to see why it failed");
        // a check's verdict on an environment, with no time of its own (p37-30's source)
        ROUND.readsNot("deploy.readiness-wait-elapsed", "Staging did not become ready in time");
        ROUND.reads("deploy.readiness-wait-elapsed", "Error: timeout: service 'helloworld-go' not ready after 600 seconds");
        // an older shape narrowed: a summary's count of no ContainerCrashing event (p206-17's diagnostics step) is no crash
        ROUND.readsNot("containerapps.container-crashing", "logs/chat.system.log: 14 x ContainerAppUpdate, 0 x ContainerCrashing, 0 x ProbeFailed");
        ROUND.reads("containerapps.container-crashing", "app.crash-on-boot", "ContainerAppSystemLogs_CL | orders-fn--4d6f8b0 | 2/2 Failed:...ContainerCrashing");
        ROUND.reads("containerapps.container-crashing", "app.crash-on-boot", "1/1 Failed:daprdContainerCrashing");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // the runtime's refusal of an attestation's media type is read in p206-08 from a look at the task (api:), which
        // the probe-detail rule reads; no labelled log has it
        ROUND.without(java.util.Set.of("image.pull-unsupported-media-type")).staysInItsCauses(
                // a deploy's readiness wait that ran out on a revision whose probe failed, a preview whose image the
                // registry refused, a rollout whose app exited without a setting: the wait's end, a wrapper, is the
                // consequence of each label's cause
                "h123-30 deploy.readiness-wait-elapsed",
                "p52-13 deploy.readiness-wait-elapsed",
                "p95-13 deploy.readiness-wait-elapsed",
                // ECS refusing the empty image after the asset build failed: the build's consequence
                // (config.invalid/image-empty-after-failed-build)
                "p123-19 cloudformation.ecs-invalid-request");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * The scenarios of p206- each new shape or rule settles, now led by their labels (before: unknown at 0.49 to 0.51 on
     * p206-03, -06, -08, -18, -19, -26 and -32; ci.timeout at 0.5 to 0.9 on p206-02, -13, -15 and -27;
     * app.healthcheck-failing at 0.63 and 0.7 on p206-29 and -33).
     */
    @Test
    void theSetsMissesNowLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p206-02-config-invalid-fargate-awslogs-region-url-missing-endpoint-log-stream", "config.invalid"),
                Map.entry("p206-03-config-invalid-copilot-upgrade-container-image-repository-null-app-runner-digest", "config.invalid"),
                Map.entry("p206-06-config-invalid-cloud-run-deploy-aborted-by-user-apis-not-enabled-quiet", "config.invalid"),
                Map.entry("p206-08-config-invalid-fargate-cannot-pull-in-toto-attestation-manifest-provenance", "config.invalid"),
                Map.entry("p206-13-image-not-found-ecs-task-public-ecr-gitlab-runner-alpine-tag-removed", "image.not-found"),
                Map.entry("p206-15-platform-quota-ecs-capacity-provider-no-instances-gpu-spot-vcpu-quota", "platform.quota"),
                Map.entry("p206-18-platform-outage-container-apps-microsoft-app-gateway-timeout-one-environment", "platform.outage"),
                Map.entry("p206-19-platform-outage-az-containerapp-gateway-timeout-every-command", "platform.outage"),
                Map.entry("p206-26-app-healthcheck-failing-container-apps-default-tcp-startup-probe-ingress-port", "app.healthcheck-failing"),
                Map.entry("p206-27-app-healthcheck-failing-ecs-nlb-health-check-path-root-times-out-tasks-stopped", "app.healthcheck-failing"),
                Map.entry("p206-29-app-crash-on-boot-cloud-run-jit-groups-java-exec-format-error-arm64-build", "app.crash-on-boot"),
                Map.entry("p206-32-ci-timeout-cloud-run-source-deploy-cloud-build-ten-minute-timeout", "ci.timeout"),
                Map.entry("p206-33-ci-timeout-cloud-run-button-java-service-not-ready-in-30s-revision-fine", "ci.timeout")));
    }
}
