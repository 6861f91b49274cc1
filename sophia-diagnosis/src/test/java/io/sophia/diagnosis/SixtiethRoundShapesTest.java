package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-seventh session's rule writer rules27b, each in its tool's own words: its round on h92-
 * (issue 9 of the session: npm 1-3's "fetch failed" for a tarball it could not fetch, with its URL or its status code,
 * not Node's own bare "TypeError: fetch failed" nor, narrowed in this round, a retry's warning that npm goes on from; heroku-buildpack-nodejs unable to download the node, iojs or yarn it
 * installs; Dokku's "App image (x) not found"; the daemon's v1 "Error: image x not found"; Azure's
 * RegionDoesNotAllowProvisioning and "Location 'x' is not accepting creation of new"; Google Cloud's billing not enabled
 * for a service; Render's "Build spend limit reached"; Elastic Beanstalk aborting a deploy whose instances "did not pass
 * health check after command execution", a wrapper). Each is tested on its source's words and a near miss (the first
 * pair of each is indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another
 * cause that shares its words); each new log indication reads no line of the shared corpus and, on the labelled
 * scenarios, only lines of its own cause.
 */
class SixtiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules27b (h92-: package and runtime downloads, app images, cloud regions and billing, Beanstalk health)
            Map.entry("npm.fetch-failed", "build.dependency-fetch"),
            Map.entry("buildpack.binary-download-failed", "build.dependency-fetch"),
            Map.entry("dokku.app-image-not-found", "image.not-found"),
            Map.entry("docker.error-image-not-found", "image.not-found"),
            Map.entry("gcp.billing-not-enabled", "platform.quota"),
            Map.entry("platform.build-spend-limit", "platform.quota"),
            Map.entry("azure.region-does-not-allow-provisioning", "platform.capacity"),
            Map.entry("beanstalk.instance-failed-health-check", "app.healthcheck-failing"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules27b (h92-)
        ROUND.reads("npm.fetch-failed", "remote:        npm ERR! fetch failed https://registry.npmjs.org/cookie-signature/-/cookie-signature-1.0.5.tgz");
        ROUND.readsNot("npm.fetch-failed", "TypeError: fetch failed");
        ROUND.reads("npm.fetch-failed", "#7 162.2 npm ERR! Error: fetch failed with status code 503");
        ROUND.reads("npm.fetch-failed", "npm ERR! fetch failed with status code 404");
        // narrowed: a retry's warning is an attempt npm makes again (p32-29's publish retries a 429 and goes on)
        ROUND.readsNot("npm.fetch-failed", "npm WARN retry will retry, error on last attempt: Error: fetch failed with status code 429");
        ROUND.readsNot("npm.fetch-failed", "#7 72.02 npm WARN retry will retry, error on last attempt: Error: fetch failed with status code 503");
        ROUND.reads("npm.fetch-failed", "78 error fetch failed https://registry.npmjs.org/hexo/-/hexo-3.1.1.tgz");
        // an app's own fetch() (undici) failing on a name that does not resolve: dns.getaddrinfo reads it (network.dns)
        ROUND.readsNot("npm.fetch-failed", "TypeError: fetch failed\n  [cause]: Error: getaddrinfo ENOTFOUND api.example.com");
        ROUND.reads("dns.getaddrinfo", "network.dns", "TypeError: fetch failed\n  [cause]: Error: getaddrinfo ENOTFOUND api.example.com");
        ROUND.reads("buildpack.binary-download-failed", "remote:        Unable to download node 4.2.2; does it exist?");
        ROUND.readsNot("buildpack.binary-download-failed", "remote:        Downloading and installing node 4.2.2...");
        ROUND.reads("buildpack.binary-download-failed", "remote:        Unable to download yarn: 404");
        ROUND.reads("buildpack.binary-download-failed", "       Unable to download iojs 3.3.1; does it exist?");
        // a download refused by TLS names no missing version nor a status: tls.verify-failed reads it (tls.certificate)
        ROUND.readsNot("buildpack.binary-download-failed", "Unable to download node 18.x: curl: (60) SSL certificate problem: unable to get local issuer certificate");
        ROUND.reads("tls.verify-failed", "tls.certificate", "Unable to download node 18.x: curl: (60) SSL certificate problem: unable to get local issuer certificate");
        ROUND.reads("dokku.app-image-not-found", "remote:  !     App image (dokku/appname:latest) not found");
        ROUND.readsNot("dokku.app-image-not-found", "remote: -----> Pushing image to registry 123456789012.dkr.ecr.us-east-1.amazonaws.com/dokku/appname:14");
        ROUND.reads("dokku.app-image-not-found", "remote:  !     App image not found");
        // Dokku's words for the app's container that did not start: platform.app-container-failed-to-start (app.crash-on-boot)
        ROUND.readsNot("dokku.app-image-not-found", "remote:  !     App container failed to start!!");
        ROUND.reads("docker.error-image-not-found", "ERROR: for nginxhhvmdocker_web_1  Error: image library/nginx-hhvm not found");
        ROUND.readsNot("docker.error-image-not-found", "Unable to find image 'meteor:latest' locally");
        ROUND.reads("docker.error-image-not-found", "Error: image library/toto:latest not found");
        ROUND.reads("docker.error-image-not-found", "[Error: image myapp:git-b824232 not found, Error: image myapp:git-b824232 not found]");
        // a push the registry refuses: registry.unauthorized (registry.auth)
        ROUND.readsNot("docker.error-image-not-found", "Error: image push failed: unauthorized: authentication required");
        ROUND.reads("azure.region-does-not-allow-provisioning", "ERROR: (RegionDoesNotAllowProvisioning) Location 'West Europe' is not accepting creation of new Windows Azure SQL Database servers at this time.");
        ROUND.readsNot("azure.region-does-not-allow-provisioning", "ERROR: (LocationNotAvailableForResourceType) The provided location 'westeurope2' is not available for resource type 'Microsoft.Sql/servers'.");
        ROUND.reads("azure.region-does-not-allow-provisioning", "2026-11-20T10:12:01.2000000Z ERROR: (RegionDoesNotAllowProvisioning) Location 'West US 2' is not accepting creation of new Windows Azure SQL Database servers at this time.");
        ROUND.reads("azure.region-does-not-allow-provisioning", "Code: RegionDoesNotAllowProvisioning");
        // the subscription's own core quota in the region, not the region: platform.plan-limit-generic (platform.quota)
        ROUND.readsNot("azure.region-does-not-allow-provisioning", "ERROR: (QuotaExceeded) Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota. Additional details - Deployment Model: Resource Manager, Location: westeurope, Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12.");
        ROUND.reads("gcp.billing-not-enabled", "ERROR: (gcloud.app.deploy) Error [400] Operation does not satisfy the following requirements: billing-enabled {Billing must be enabled for activation of service '' in project 'tilde-orders-204611' to proceed., https://console.developers.google.com/project/tilde-orders-204611/settings}");
        ROUND.readsNot("gcp.billing-not-enabled", "Billing account linked to project tilde-orders-204611.");
        ROUND.reads("gcp.billing-not-enabled", "ERROR: (gcloud.services.enable) FAILED_PRECONDITION: Billing account for project '408812345678' is not found. Billing must be enabled for activation of service(s) 'compute.googleapis.com' to proceed.");
        ROUND.reads("gcp.billing-not-enabled", "This API method requires billing to be enabled. Please enable billing on project #1234 by visiting https://console.developers.google.com/billing/enable?project=1234 then retry.");
        ROUND.reads("gcp.billing-not-enabled", "    reason: BILLING_DISABLED");
        // an API the project has not enabled (its billing is there): gcloud.api-disabled (config.invalid)
        ROUND.readsNot("gcp.billing-not-enabled", "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Cloud Run Admin API has not been used in project 408812345678 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/run.googleapis.com/overview?project=408812345678 then retry.");
        ROUND.reads("platform.build-spend-limit", "{\"id\":\"400\",\"message\":\"Plan update error: Limit exceeded: Build spend limit reached. You can increase the limit in your settings.\"}");
        ROUND.readsNot("platform.build-spend-limit", "Build spend limit set to $25.");
        ROUND.reads("platform.build-spend-limit", "Limit exceeded: Build spend limit reached. You can increase the limit in your settings.");
        // a build stopped by its time limit: ci.time-threshold-exceeded (ci.timeout)
        ROUND.readsNot("platform.build-spend-limit", "Your build has exceeded the time limit and was stopped.");
        ROUND.reads("beanstalk.instance-failed-health-check", "2026-11-18 08:31:44    ERROR   Instance id(s) 'i-0c5e7a9b2d4f61830' did not pass health check after command execution. Aborting the operation.");
        ROUND.readsNot("beanstalk.instance-failed-health-check", "2026-11-18 08:25:58    INFO    Deploying new version to instance(s).");
        ROUND.reads("beanstalk.instance-failed-health-check", "ERROR: Instance id(s) 'i-0a1b2c3d4e5f67890' did not pass health check after command execution. Aborting the operation.");
        // Beanstalk's own deploy failing on the bundle, not its health: beanstalk.procfile-not-generated (config.invalid)
        ROUND.readsNot("beanstalk.instance-failed-health-check", "2026-11-18 08:31:44    ERROR   Instance deployment failed to generate a 'Procfile' for Python. Provide one of these files: 'application.py', 'requirements.txt'.");
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
