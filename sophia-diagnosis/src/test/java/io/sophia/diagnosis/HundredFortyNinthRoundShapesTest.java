package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-second session's rule writer r42-p190, each in its tool's own words: its round on p190-
 * (progressive delivery: canaries, Argo Rollouts, Flagger, blue/green, traffic shifting). Argo Rollouts refusing an
 * analysis spec that names a metric twice, its metrics provider refusing a malformed query (400) or finding no
 * credentials; Flagger's query finding no values, or its metrics server not answering; Cloud Run traffic routed to a
 * revision that does not exist; Spinnaker's validator refusing a stage's field; CodeDeploy refusing a request's field,
 * or a deployment role without the permission or trust it needs; LaunchDarkly's data source down; ecs-deploy's own wait
 * ending; the Serverless Framework's and Amplify Hosting's deployers answered by the provider's own failure. A host's
 * look through a cloud provider's CLI refused (kind FORBIDDEN) is now read by the specific indications, as a cluster
 * CLI's look is.
 */
class HundredFortyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("argo-rollouts.duplicate-metric-rule-name", "config.invalid"),
            Map.entry("argo-rollouts.metric-query-rejected-400", "config.invalid"),
            Map.entry("argo-rollouts.metric-provider-credentials-missing", "config.missing-secret"),
            Map.entry("flagger.metric-no-values-found", "config.invalid"),
            Map.entry("flagger.metrics-server-unreachable", "dependency.down"),
            Map.entry("cloud-run.traffic-revision-missing", "config.invalid"),
            Map.entry("spinnaker.operation-description-invalid", "config.invalid"),
            Map.entry("codedeploy.invalid-request-field", "config.invalid"),
            Map.entry("aws.deploy-role-not-permitted", "auth.deploy-token"),
            Map.entry("launchdarkly.data-source-outage", "dependency.down"),
            Map.entry("ecs-deploy.deployment-failed-due-to-timeout", "ci.timeout"),
            Map.entry("serverless.api-internal-server-error", "platform.outage"),
            Map.entry("amplify.deploy-failed-bare", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void argoRolloutsAnalysisShapes() throws IOException {
        ROUND.reads("argo-rollouts.duplicate-metric-rule-name", "level=error msg=\"roCtx.reconcile err two Measurement Retention metric rules have the same name '.*'\" generation=12 namespace=shop rollout=checkout");
        ROUND.readsNot("argo-rollouts.duplicate-metric-rule-name", "level=info msg=\"rollout syncHandler queue retries: 10 : key \\\"shop/checkout\\\"\"");
        ROUND.reads("argo-rollouts.duplicate-metric-rule-name", "spec.strategy.canary.steps[0].analysis.templates: Invalid value: \"templateNames: [a b]\": two Dry-Run metric rules have the same name 'foo'");
        ROUND.readsNot("argo-rollouts.duplicate-metric-rule-name", "Error from server (AlreadyExists): rollouts.argoproj.io \"checkout\" already exists"); // config, another shape
        ROUND.reads("argo-rollouts.metric-query-rejected-400", "Error Message: received non 2xx response code: 400 {\"errors\":[\"Value of parameter 'aggregator' should be any of these [None, 'avg', 'min', 'max', 'sum']\"]}");
        ROUND.readsNot("argo-rollouts.metric-query-rejected-400", "Error Message: received non 2xx response code: 403 {\"errors\":[\"Forbidden\"]}"); // the keys
        ROUND.reads("argo-rollouts.metric-query-rejected-400", "message: 'received non 2xx response code: 400 {\"errors\":[\"Error parsing query: unable to parse : Rule 'query_expr' didn't match at '' (line 1, column 1).\"]}'");
        ROUND.readsNot("argo-rollouts.metric-query-rejected-400", "Error Message: received non 2xx response code: 503 {\"errors\":[\"Service Unavailable\"]}"); // the provider
        ROUND.reads("argo-rollouts.metric-provider-credentials-missing", "level=warning msg=\"Measurement had error: failed to find the credentials for datadog metrics provider\" analysisrun=api-rollout-86b7-221 metric=http-error");
        ROUND.readsNot("argo-rollouts.metric-provider-credentials-missing", "Failed to find the credentials for the profile : 'deploy'");
        ROUND.reads("argo-rollouts.metric-provider-credentials-missing", "Measurement had error: failed to find the credentials for newrelic metrics provider");
        ROUND.readsNot("argo-rollouts.metric-provider-credentials-missing", "level=warning msg=\"Measurement had error: received non 2xx response code: 403 {\\\"errors\\\":[\\\"Forbidden\\\"]}\" metric=http-error");
    }

    @Test
    void flaggerShapes() throws IOException {
        ROUND.reads("flagger.metric-no-values-found", "Halt advancement no values found for istio metric request-success-rate probably podinfo.test is not receiving traffic: running query failed: no values found");
        ROUND.readsNot("flagger.metric-no-values-found", "Halt advancement podinfo.test request-success-rate 91.53% < 99%"); // a measured failure
        ROUND.reads("flagger.metric-no-values-found", "{\"level\":\"info\",\"msg\":\"Halt advancement no values found for kubernetes metric request-success-rate probably helloworld.flagger-bg is not receiving traffic: no values found\"}");
        ROUND.readsNot("flagger.metric-no-values-found", "Halt advancement podinfo-primary.test waiting for rollout to finish: 0 of 1 updated replicas are available");
        ROUND.reads("flagger.metrics-server-unreachable", "Prometheus query failed: running query failed: request failed: Get \"http://52.120.188.141:8080/api/v1/query?query=+sum%28+rate%28\": dial tcp 52.120.188.141:8080: i/o timeout");
        ROUND.readsNot("flagger.metrics-server-unreachable", "Prometheus query failed: running query failed: no values found");
        ROUND.reads("flagger.metrics-server-unreachable", "Metrics server http://prometheus.istio-system:9090 query failed: running query failed: request failed: Get \"http://prometheus.istio-system:9090/api/v1/query?query=vector(1)\": dial tcp 10.0.12.4:9090: connect: connection refused");
        ROUND.readsNot("flagger.metrics-server-unreachable", "Prometheus query failed: running query failed: request failed: Get \"http://prometheus:9090/api/v1/query\": dial tcp: lookup prometheus on 10.96.0.10:53: no such host"); // a name
    }

    @Test
    void deployToolShapes() throws IOException {
        ROUND.reads("cloud-run.traffic-revision-missing", "Error: Error waiting to create Service: Error waiting for Creating Service: Error code 13, message: Revision 'cloudrun-srv-green' does not exist or is deleted. Update all traffic to route to currently available revisions.");
        ROUND.readsNot("cloud-run.traffic-revision-missing", "Revision 'cloudrun-srv-00002-xyz' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable."); // the app
        ROUND.reads("cloud-run.traffic-revision-missing", "ERROR: (gcloud.run.services.update-traffic) Revision 'api-blue' does not exist. Update all traffic to route to currently available revisions.");
        ROUND.readsNot("cloud-run.traffic-revision-missing", "ERROR: (gcloud.run.deploy) Revision 'api-00007-kid' is not ready and cannot serve traffic. Container failed to start.");
        ROUND.reads("spinnaker.operation-description-invalid", "Exception ( Upsert Load Balancers ) upsertAppengineLoadBalancerAtomicOperationDescription.split.allocations.invalid (Server groups app-v010, app not registered with load balancer backend).");
        ROUND.readsNot("spinnaker.operation-description-invalid", "Exception ( Deploy ) basicAmazonDeployDescription.credentials.invalid (my-aws-account)"); // the account's
        ROUND.reads("spinnaker.operation-description-invalid", "upsertAppEngineLoadBalancerAtomicOperationDescription.split.allocations.invalid (Allocations must sum to 1)");
        ROUND.readsNot("spinnaker.operation-description-invalid", "Exception ( Create Server Group ) Failed to create server group: the description of the pipeline is empty");
        ROUND.reads("codedeploy.invalid-request-field", "Request to deploy new revision returned error: For Lambda and ECS deployment, fileExistsBehavior can not be specified { InvalidFileExistsBehaviorException: For Lambda and ECS deployment, fileExistsBehavior can not be specified");
        ROUND.readsNot("codedeploy.invalid-request-field", "An error occurred (InvalidRoleException) when calling the CreateDeploymentGroup operation: Cross-account pass role is not allowed."); // auth
        ROUND.reads("codedeploy.invalid-request-field", "An error occurred (InvalidDeploymentConfigNameException) when calling the CreateDeployment operation: No deployment configuration found for name: CodeDeployDefault.LambdaLinear5Percent");
        ROUND.readsNot("codedeploy.invalid-request-field", "An error occurred (DeploymentLimitExceededException) when calling the CreateDeployment operation: The Deployment Group 'prod' already has an active Deployment");
        ROUND.reads("aws.deploy-role-not-permitted", "Deployment d-5RJ1XK8QF failed: The IAM role arn:aws:iam::123456789012:role/quotes-prod-CodeDeployServiceRole-1XQ4 does not give you permission to perform operations in the following AWS service: AWSLambda. Contact your AWS administrator if you need help.");
        ROUND.readsNot("aws.deploy-role-not-permitted", "Deployment d-5RJ1XK8QF failed: The deployment failed because a specified file already exists at this location: /var/www/html/index.html");
        ROUND.reads("aws.deploy-role-not-permitted", "The ECS service cannot be updated due to an unexpected error: ECS was unable to assume the role 'arn:aws:iam::210987654321:role/ledger-ecs-codedeploy' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions");
        ROUND.readsNot("aws.deploy-role-not-permitted", "The ECS service cannot be updated due to an unexpected error: The container web does not have a container port 8080 in the task definition.");
        ROUND.reads("ecs-deploy.deployment-failed-due-to-timeout", "Deployment failed due to timeout. Please see: https://github.com/fabfuel/ecs-deploy#timeout");
        ROUND.readsNot("ecs-deploy.deployment-failed-due-to-timeout", "Deployment failed. Please see: https://github.com/fabfuel/ecs-deploy#rollback");
        ROUND.reads("ecs-deploy.deployment-failed-due-to-timeout", "ERROR: Deployment failed due to timeout (waited 300 seconds)");
        ROUND.readsNot("ecs-deploy.deployment-failed-due-to-timeout", "Deployment failed: tasks failed to start (ResourceInitializationError)");
    }

    @Test
    void providerSideShapes() throws IOException {
        ROUND.reads("launchdarkly.data-source-outage", "[LaunchDarkly] 2020/10/29 19:04:51 ERROR: LaunchDarkly data source outage - updates have been unavailable for at least 1m0s with the following errors: ERROR_RESPONSE(503) (2 times), ERROR_RESPONSE(504) (2 times), NETWORK_ERROR (1 time)");
        ROUND.readsNot("launchdarkly.data-source-outage", "[LaunchDarkly] ERROR: LaunchDarkly data source outage - updates have been unavailable for at least 1m0s with the following errors: ERROR_RESPONSE(401) (3 times)"); // the SDK key
        ROUND.reads("launchdarkly.data-source-outage", "LaunchDarkly data source outage - updates have been unavailable for at least 00:01:00 with the following errors: NETWORK_ERROR (4 times)");
        ROUND.readsNot("launchdarkly.data-source-outage", "LaunchDarkly data source outage - updates have been unavailable for at least 1m0s with the following errors: ERROR_RESPONSE(503) (1 time), ERROR_RESPONSE(403) (2 times)");
        // review 42 (finding 9): the Framework's own words open it (its failed stack, its Environment line, its banner)
        ROUND.reads("serverless.api-internal-server-error", "✖ Stack media-resize-prod failed to deploy (88s)\nError:\n{\"message\": \"Internal server error\"}");
        ROUND.readsNot("serverless.api-internal-server-error", "✖ Stack api-prod failed to deploy (12s)\nError:\nServerless Error: The stack service name \"api\" is already in use.");
        ROUND.reads("serverless.api-internal-server-error", "  Serverless Error ---------------------------------------\n \n  {\"message\":\"Internal server error\"}");
        ROUND.readsNot("serverless.api-internal-server-error", "✖ Stack media-resize-prod failed to deploy (88s)\nError:\n{\"message\": \"Missing Authentication Token\"}");
        ROUND.reads("amplify.deploy-failed-bare", "2020-10-14T08:42:03 [ERROR]: Failed to deploy");
        ROUND.readsNot("amplify.deploy-failed-bare", "2020-10-14T08:42:03 [ERROR]: Failed to deploy: Deploy artifact size exceeds the maximum of 5GB");
        ROUND.reads("amplify.deploy-failed-bare", "2019-09-23T18:59:00 [ERROR]: Failed to deploy 2019-09-23T18:59:00 [INFO]: Deployment finished.");
        ROUND.readsNot("amplify.deploy-failed-bare", "2019-09-23T18:59:00 [ERROR]: Failed to deploy the CloudFormation stack amplify-app-dev");
    }

    /**
     * A host's call of a cloud provider's CLI that came back refused (kind FORBIDDEN, no status of its own) is read by the
     * specific indications: p190-34's "aws codepipeline get-pipeline-state" record of the deploy role "not authorized to
     * perform: ecs:TagResource" (an older indication's words, unread before), p190-33's "aws deploy get-deployment" and
     * p190-23's "gcloud app deploy" refused at App Engine's version limit.
     */
    @Test
    void aCloudCliCallRefusedIsReadByTheSpecificIndications() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p190-34-auth-deploy-token-codepipeline-ecs-deploy-missing-tagresource", "auth.deploy-token",
                "p190-33-auth-deploy-token-ecs-codedeploy-role-cannot-be-assumed", "auth.deploy-token",
                "p190-23-platform-quota-spinnaker-appengine-210-versions-pipeline-green", "platform.quota"));
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of their own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // eight read no labelled scenario's log: their sources (p190-01, -05 to -07, -09, -10, -12, -25, -28, -32) carry
        // the words in a look at the platform (api:), which the probe-detail rules read
        ROUND.without(java.util.Set.of("argo-rollouts.duplicate-metric-rule-name", "argo-rollouts.metric-query-rejected-400",
                "argo-rollouts.metric-provider-credentials-missing", "flagger.metric-no-values-found",
                "flagger.metrics-server-unreachable", "spinnaker.operation-description-invalid",
                "launchdarkly.data-source-outage", "amplify.deploy-failed-bare")).staysInItsCauses(
                // ecs-deploy's wait ran out because Fargate refused the new tasks at the account's task limit: the
                // time limit is the consequence of the quota that scenario names
                "h29-05 ecs-deploy.deployment-failed-due-to-timeout");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
