package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * General shapes of the thirty-ninth session's rule writer rules39-h128, each in its tool's own words: its round on
 * h128- (serverless and edge platforms, a consumed holdout). CDK's Code.fromDockerBuild unable to copy the bundle out of
 * the image it built; Cloud Functions' generic "Function failed on loading user code" wrapper; the Azure Functions host
 * without a storage connection string (a binding's, or the key store's); the Cloudflare API's authentication code after
 * the job verified its token; a deploy CLI's request to its platform's API dropped at the socket (weak alone, the
 * platform's when two projects say it); Cloudflare's firewall block page under wrangler's "malformed response". Widened:
 * aws.request-limit-exceeded reads CloudFormation's "EC2 Error Code: RequestLimitExceeded", cloudflare.api-auth-code
 * wrangler 1's "ApiError { code: 10000 ...", and network.dns/edge-origin-dns-error Cloudflare's plain "error code: 1016"
 * body. Each new indication is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its
 * own cause (or a consequence of that scenario's cause, named with its reason). The knowledge-base rules are tested on
 * the scenarios they were written for.
 */
class HundredTwentyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules39-h128 (h128-: serverless and edge platforms)
            Map.entry("cdk.docker-build-asset-path-missing", "build.dockerfile"),
            Map.entry("cloudflare.firewall-block-page", "unknown"),
            Map.entry("cloudflare.verified-token-then-refused", "config.invalid"),
            Map.entry("functions.storage-connection-string-missing", "config.missing-secret"),
            Map.entry("gcf.user-code-load-failed", "app.crash-on-boot"),
            Map.entry("platform-api.request-dropped", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("cdk.docker-build-asset-path-missing", "Error: Failed to copy files from 780296f09adbebe4a5e01cbea994aaf1f7e3127fa5c47516f35c0fab627a0a9a:/asset/. to /tmp/cdk-docker-cp-fceHcc: Error: docker exited with status 1");
        ROUND.readsNot("cdk.docker-build-asset-path-missing", "Error: No such container:path: 780296f09adbebe4a5e01cbea994aaf1f7e3127fa5c47516f35c0fab627a0a9a:/app/coverage/.");
        ROUND.reads("cdk.docker-build-asset-path-missing", "Error: Failed to copy files from 2f6d1b90c4e7:/asset/. to /tmp/cdk-docker-cp-Hq3bXa: Error: docker exited with status 1");
        ROUND.readsNot("cdk.docker-build-asset-path-missing", "[100%] fail: docker build --tag cdkasset-b9d8792fd9de51b2e013efcae96418641b71faacc87dd29ebfc8850edd30cc0f . exited with error code 1: COPY failed: stat /var/lib/docker/tmp/docker-builder036202417/cloudmapper: no such file or directory");
        ROUND.reads("gcf.user-code-load-failed", "Step #1 - \"publish-function\": ERROR: (gcloud.functions.deploy) OperationError: code=3, message=Function failed on loading user code. This is likely due to a bug in the user code. Error message: Error: please examine your function logs to see the error cause: https://cloud.google.com/functions/docs/monitoring/logging#viewing_logs.");
        ROUND.readsNot("gcf.user-code-load-failed", "Function failed on loading user code. Error message: Error: memory limit exceeded."); // app.oom
        ROUND.reads("gcf.user-code-load-failed", "ERROR: (gcloud.functions.deploy) OperationError: code=3, message=Function failed on loading user code. Error message: Code in file index.js can't be loaded.");
        ROUND.readsNot("gcf.user-code-load-failed", "⠙ Deploying function...Error: {\"code\":3,\"message\":\"Function failed on loading user code. Error message: Error: cannot communicate with function.\"}");
        ROUND.reads("functions.storage-connection-string-missing", "2026-12-06T05:27:41Z [Error] System.InvalidOperationException : Unable to find an Azure Storage connection string to use for this binding.");
        ROUND.readsNot("functions.storage-connection-string-missing", "Microsoft.Azure.WebJobs.Host: Error indexing method 'Functions.Resize'. Microsoft.Azure.WebJobs.Extensions.Storage: No blob endpoint configured for this Azure Storage account.");
        ROUND.reads("functions.storage-connection-string-missing", "Microsoft.Azure.WebJobs.Script.WebHost: Secret initialization from Blob storage failed due to a missing Azure Storage connection string. If you intend to use files for secrets, add an App Setting key 'AzureWebJobsSecretStorageType' with value 'Files'.");
        ROUND.readsNot("functions.storage-connection-string-missing", "System.FormatException: Settings must be of the form \"name=value\". at Microsoft.Azure.Storage.CloudStorageAccount.Parse(String connectionString)");
        ROUND.reads("cloudflare.verified-token-then-refused", "{\"result\":{\"id\":\"***\",\"status\":\"active\"},\"success\":true,\"errors\":[],\"messages\":[{\"code\":10000,\"message\":\"This API Token is valid and active\",\"type\":null}]}\nJavaScript project found. Skipping unnecessary build!\nError: [ApiError { code: 10000, message: \"Authentication error\", other: {} }]");
        ROUND.readsNot("cloudflare.verified-token-then-refused", "JavaScript project found. Skipping unnecessary build!\nError: [ApiError { code: 10000, message: \"Authentication error\", other: {} }]"); // cloudflare.api-auth-code
        ROUND.reads("cloudflare.verified-token-then-refused", "{\"success\":true,\"errors\":[],\"messages\":[{\"code\":10000,\"message\":\"This API Token is valid and active\",\"type\":null}],\"result\":{\"id\":\"***\",\"status\":\"active\"}}\n✘ [ERROR] A request to the Cloudflare API (/zones/***/workers/routes) failed.\n  Authentication error [code: 10000]");
        ROUND.readsNot("cloudflare.verified-token-then-refused", "{\"success\":true,\"errors\":[],\"messages\":[{\"code\":10000,\"message\":\"This API Token is valid and active\",\"type\":null}],\"result\":{\"id\":\"***\",\"status\":\"active\"}}\n✘ [ERROR] A request to the Cloudflare API (/accounts/***/workers/scripts/edge) failed.\n  workers.api.error.script_too_large [code: 10027]");
        ROUND.reads("platform-api.request-dropped", "Error! request to https://api.vercel.com/v13/now/deployments?teamId=team_***  failed, reason: socket hang up");
        ROUND.readsNot("platform-api.request-dropped", "Error! request to https://api.vercel.com/v13/now/deployments?teamId=team_*** failed, reason: getaddrinfo ENOTFOUND api.vercel.com");
        ROUND.reads("platform-api.request-dropped", "Error! request to https://api.vercel.com/v2/user failed, reason: read ECONNRESET");
        ROUND.readsNot("platform-api.request-dropped", "FetchError: request to http://127.0.0.1:3000/ failed, reason: socket hang up");
        ROUND.reads("cloudflare.firewall-block-page", "          <h1 data-translate=\"block_headline\">Sorry, you have been blocked</h1>");
        ROUND.readsNot("cloudflare.firewall-block-page", "✘ [ERROR] Received a malformed response from the API");
        ROUND.reads("cloudflare.firewall-block-page", "<title>Attention Required! | Cloudflare</title> <h1>Sorry, you have been blocked</h1>");
        ROUND.readsNot("cloudflare.firewall-block-page", "Error 1020: Access denied. You do not have access to api.example.com.");
        // widened
        ROUND.reads("aws.request-limit-exceeded", "platform.quota", "Your request has been throttled by EC2, please make sure you have enough API rate limit. EC2 Error Code: RequestLimitExceeded. EC2 Error Message: Request limit exceeded.");
        ROUND.reads("cloudflare.api-auth-code", "auth.deploy-token", "Error: [ApiError { code: 10000, message: \"Authentication error\", other: {} }]");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // the module threw at load because the runtime config values the code reads were absent: the crash is
                // the consequence of the missing configuration (gcloud's wrapper over it)
                "p35-16 gcf.user-code-load-failed",
                "p121-24 gcf.user-code-load-failed");
    }

    /** The knowledge-base rules of the round, on the scenarios they were written for (each failed before them). */
    @Test
    void theRulesNameTheirCauses() throws IOException {
        // the Cloudflare edge's plain-text 530 body "error code: 1016" (network.dns/edge-origin-dns-error)
        assertTop("h128-34-network-dns-worker-custom-domain-1016-origin-dns-wildcard-missing", "network.dns");
        // the Vercel API dropped in the deploys of two projects (platform.outage/platform-api-dropped-many-projects)
        assertTop("h128-24-platform-outage-vercel-cli-api-socket-hang-up-status-incident", "platform.outage");
        // a verified token, then code 10000 (auth.deploy-token/token-verified-before-refusal)
        assertTop("h128-17-config-invalid-wrangler-zone-id-set-to-account-id-auth-error", "config.invalid");
        // the edge's block page under "malformed response" (platform.outage/edge-blocked-the-caller)
        Assessment blocked = Fleet.scenario("h128-47-unknown-wrangler-deploy-waf-block-malformed-response");
        assertNotEquals("platform.outage", blocked.causes().get(0).id().value(), blocked.causes().toString());
    }

    private static void assertTop(String scenario, String cause) throws IOException {
        Assessment a = Fleet.scenario(scenario);
        assertEquals(cause, a.causes().get(0).id().value(), scenario + " " + a.causes());
    }
}
