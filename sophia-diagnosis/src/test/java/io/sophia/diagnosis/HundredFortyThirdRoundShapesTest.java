package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-first session's rule writer r41-h137, each in its tool's own words: its round on h137-
 * (serverless and edge functions). The Serverless Framework run in CI without its own access or license key; AWS SAM CLI
 * finding no Docker daemon on the runner; pip's refusal of a requirement printed as a Node Buffer by a Serverless Python
 * plugin; Azure App Service refusing a consumption plan in a region; the Cloudflare API's internal-server error class; a
 * go-swagger API client (Netlify's deploy) answered with a server error; a CloudFormation custom resource that could not
 * connect to the database it provisions. Each is tested on its source's words and a near miss (the first pair of each
 * is indication-cases.tsv's row, then a variant its comment quotes and a line of another cause that shares its words);
 * each new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own
 * cause. The round's widened indications (registry.manifest-status-refused and registry.frontend-status: containerd
 * 1.6+'s "pulling from host X failed with status code [manifests T]: 403 Forbidden" / 5xx) are pinned here.
 */
class HundredFortyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("azure.scale-operation-not-allowed-in-region", "platform.capacity"),
            Map.entry("cfn.custom-resource-connection-failed", "dependency.down"),
            Map.entry("cloudflare.api-internal-server-error", "platform.outage"),
            Map.entry("go-swagger.api-server-error", "platform.outage"),
            Map.entry("pip.refusal-as-node-buffer", "build.dependency-fetch"),
            Map.entry("sam.docker-unreachable", "ci.runner"),
            Map.entry("serverless.ci-not-logged-in", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("azure.scale-operation-not-allowed-in-region", "ERROR: (Unauthorized) The scale operation is not allowed for this subscription in this region. Try selecting different region or scale option.");
        ROUND.readsNot("azure.scale-operation-not-allowed-in-region", "ERROR: (AuthorizationFailed) The client does not have authorization to perform action 'Microsoft.Web/serverfarms/write' over scope '/subscriptions/xxx'.");
        ROUND.reads("azure.scale-operation-not-allowed-in-region", "Error Message: The scale operation is not allowed for this subscription in this region. Try selecting different region or scale option.");
        ROUND.readsNot("azure.scale-operation-not-allowed-in-region", "ERROR: Operation cannot be completed without additional quota. Current Limit (Dynamic VMs): 0 Amount required for this deployment (Dynamic VMs): 1"); // platform.quota's words
        ROUND.reads("cfn.custom-resource-connection-failed", "InventoryDataStack | 3/9 | 14:42:31 | CREATE_FAILED        | Custom::RdsSqlDatabase       | Database Received response status [FAILED] from custom resource. Message returned: Error: Connection terminated due to connection timeout (RequestId: 7d3e2f10)");
        ROUND.readsNot("cfn.custom-resource-connection-failed", "MyStack | 5/9 | 10:01:02 | CREATE_FAILED | Custom::DBInit | Init Received response status [FAILED] from custom resource. Message returned: AccessDeniedException: User is not authorized to perform: secretsmanager:GetSecretValue");
        ROUND.reads("cfn.custom-resource-connection-failed", "DbStack | CREATE_FAILED | Custom::SchemaInit | SchemaInit Received response status [FAILED] from custom resource. Message returned: Error: connect ECONNREFUSED 10.0.12.7:5432");
        ROUND.readsNot("cfn.custom-resource-connection-failed", "DbStack | CREATE_FAILED | Custom::SchemaInit | SchemaInit Received response status [FAILED] from custom resource. Message returned: Error: password authentication failed for user \"admin\"");
        ROUND.reads("cloudflare.api-internal-server-error", "  workers.api.error.internal_server [code: 10002]");
        ROUND.readsNot("cloudflare.api-internal-server-error", "  workers.api.error.service_not_found [code: 10090]");
        ROUND.reads("cloudflare.api-internal-server-error", "  workflows.api.error.internal_server [code: 10001]");
        ROUND.readsNot("cloudflare.api-internal-server-error", "  Authentication error [code: 10000]"); // the token's
        ROUND.reads("go-swagger.api-server-error", "failed during stage 'deploying site': Failed to execute deploy: [PUT /deploys/{deploy_id}/functions/{name}][500] uploadDeployFunction default  &{Code:0 Message:}");
        ROUND.readsNot("go-swagger.api-server-error", "failed during stage 'deploying site': Failed to execute deploy: [POST /sites/{site_id}/deploys][422] createSiteDeploy default  &{Code:422 Message:Invalid files}");
        ROUND.reads("go-swagger.api-server-error", "Error: [POST /sites/{site_id}/deploys][503] createSiteDeploy default  &{Code:503 Message:Service Unavailable}");
        ROUND.readsNot("go-swagger.api-server-error", "Failed to execute deploy: [PUT /deploys/{deploy_id}/files/{path}][401] uploadDeployFile default  &{Code:401 Message:Access Denied}"); // the token's
        ROUND.reads("pip.refusal-as-node-buffer", "  <Buffer 45 52 52 4f 52 3a 20 43 6f 75 6c 64 20 6e 6f 74 20 66 69 6e 64 20 61 20 76 65 72 73 69 6f 6e 20 74 68 61 74 20 73 61 74 69 73 66 69 65 73 20 74 68 65 ... 2105 more bytes>");
        ROUND.readsNot("pip.refusal-as-node-buffer", "  <Buffer 54 72 61 63 65 62 61 63 6b 20 28 6d 6f 73 74 20 72 65 63 65 6e 74 20 63 61 6c 6c 20 6c 61 73 74 29 3a 0a 20 20 46 69 6c 65 20 22 2f 68 6f 6d 65 2f 63 ... >");
        ROUND.reads("pip.refusal-as-node-buffer", "Error: <Buffer 45 52 52 4f 52 3a 20 4e 6f 20 6d 61 74 63 68 69 6e 67 20 64 69 73 74 72 69 62 75 74 69 6f 6e 20 66 6f 75 6e 64 20 66 6f 72 ... >");
        ROUND.readsNot("pip.refusal-as-node-buffer", "Error: <Buffer 2f 53 79 73 74 65 6d 2f 4c 69 62 72 61 72 79 2f 46 72 61 6d 65 77 6f 72 6b 73 2f 50 79 74 68 6f 6e ... >");
        ROUND.reads("sam.docker-unreachable", "Error: Docker is unreachable. Docker needs to be running to build inside a container.");
        ROUND.readsNot("sam.docker-unreachable", "Error: Docker is not reachable from the container network. Check the bridge settings.");
        ROUND.reads("sam.docker-unreachable", "Error: Running AWS SAM projects locally requires Docker. Have you got it installed and running?");
        ROUND.readsNot("sam.docker-unreachable", "Error: Container does not exist. Cannot get logs for this container");
        ROUND.reads("serverless.ci-not-logged-in", "  You are not currently logged in. Follow instructions in http://slss.io/run-in-cicd to setup env vars for authentication.");
        ROUND.readsNot("serverless.ci-not-logged-in", "  You are not currently logged in. Run \"serverless login\" to use the dashboard features.");
        ROUND.reads("serverless.ci-not-logged-in", "✖ You must sign in or use a license key with Serverless Framework V.4 and later versions. Please use \"serverless login\".");
        ROUND.readsNot("serverless.ci-not-logged-in", "  The security token included in the request is invalid."); // the AWS credential's words
    }

    @Test
    void containerdPullingFromHostStatusIsReadLikeTheOlderWording() throws IOException {
        ROUND.reads("registry.manifest-status-refused", "registry.auth", "ERROR: failed to solve: public.ecr.aws/lambda/python:3.9: pulling from host public.ecr.aws failed with status code [manifests 3.9]: 403 Forbidden");
        ROUND.readsNot("registry.manifest-status-refused", "ERROR: failed to solve: docker.io/library/node:20: pulling from host registry-1.docker.io failed with status code [manifests 20]: 503 Service Unavailable");
        ROUND.reads("registry.frontend-status", "registry.unavailable", "ERROR: failed to solve: docker.io/library/node:20: pulling from host registry-1.docker.io failed with status code [manifests 20]: 503 Service Unavailable");
        ROUND.readsNot("registry.frontend-status", "ERROR: failed to solve: public.ecr.aws/lambda/python:3.9: pulling from host public.ecr.aws failed with status code [manifests 3.9]: 403 Forbidden");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of each indication's cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
