package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families the p24- tuning set (session 11) was missed on: Azure refusing a resource over a
 * subscription's count, Python started on a module that is not installed, a registry's refusal in the OCI distribution
 * error body, a Google Cloud API's internal error, and Azure Static Web Apps unable to reach its upload service; and,
 * from the review of this session's rules, a deploy-token variable named invalid only for a deploy platform's own
 * variable (an app's "Invalid OPENAI_API_KEY" is its setting). Each new log indication reads no line of the shared
 * corpus and, on the labelled scenarios, only lines of its own cause; near misses stay unread.
 */
class TwentyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("azure.max-number-exceeded", "platform.quota"),
            Map.entry("python.m-module-missing", "app.crash-on-boot"),
            Map.entry("registry.oci-error-denied", "registry.auth"),
            Map.entry("gcloud.internal-error", "platform.outage"),
            Map.entry("swa.content-server-unreachable", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /** ARM's count limits by code and by message; a deployment's own validation wrapper is not read. */
    @Test
    void azureRefusingOverASubscriptionsCountIsTheQuota() throws IOException {
        String id = "azure.max-number-exceeded";
        ROUND.reads(id, "{\"code\": \"MaxNumberOfGlobalEnvironmentsInSubExceeded\", \"message\": \"The subscription "
                + "'3f9a1c27-8e4b' cannot have more than 10 Container App Environments.\"}");
        ROUND.reads(id, "The subscription '3f9a1c27-8e4b' cannot have more than 10 Container App Environments.");
        ROUND.readsNot(id, "{\"code\": \"ValidationForResourceFailed\", \"message\": \"Validation failed for a resource.\"}");
    }

    /** The interpreter's "No module named" for a -m start command; a module import inside the app's code is read elsewhere. */
    @Test
    void pythonStartedOnAMissingModuleCrashesOnBoot() throws IOException {
        String id = "python.m-module-missing";
        ROUND.reads(id, "2026-03-21T09:34:04.120031551Z /opt/python/3.11.8/bin/python3: No module named gunicorn");
        ROUND.reads(id, "/usr/local/bin/python: No module named uvicorn");
        ROUND.readsNot(id, "pip: No matching distribution found for gunicorn");
    }

    /** The OCI error body's DENIED code and tart's token 403; the same body's MANIFEST_UNKNOWN is not a refusal. */
    @Test
    void aRegistrysOciDenialIsRegistryAuth() throws IOException {
        String id = "registry.oci-error-denied";
        ROUND.reads(id, "tart command returned non-zero exit code: \"Error: AuthFailed(why: \\\"received unexpected HTTP "
                + "status code 403 while retrieving an authentication token\\\")\"");
        ROUND.reads(id, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"denied\"}]}");
        ROUND.readsNot(id, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
    }

    /** gcloud's INTERNAL answer and Static Web Apps' upload service are the platform's side; a user error code is not. */
    @Test
    void aCloudsInternalErrorAndAnUnreachableUploadServiceAreThePlatform() throws IOException {
        ROUND.reads("gcloud.internal-error", "ERROR: (gcloud.app.deploy) Error Response: [13] An internal error occurred.");
        ROUND.readsNot("gcloud.internal-error", "ERROR: (gcloud.app.deploy) Error Response: [9] Cloud build failed.");
        ROUND.reads("swa.content-server-unreachable", "Failed to contact content server, stopping...");
        ROUND.readsNot("swa.content-server-unreachable", "Uploading build artifacts.");
    }

    /** A deploy platform's own token variable named invalid is the deploy token; an app's API key is not read. */
    @Test
    void onlyADeployPlatformsVariableNamedInvalidIsTheDeployToken() throws IOException {
        ROUND.reads("deploy-token.named-variable-invalid", "auth.deploy-token", "Invalid RAILWAY_TOKEN. Please check that "
                + "your token is valid and has not expired");
        ROUND.readsNot("deploy-token.named-variable-invalid", "Error: Invalid OPENAI_API_KEY. Check your .env file.");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // h116-14 (consumed session 35, platform.capacity): gcloud's "[13] An internal error occurred" wraps the zone's
        // own "does not have enough resources available" (ZONE_RESOURCE_POOL_EXHAUSTED) on the same line: the wrapper
        // of the capacity shortage, which cloud.insufficient-capacity reads
        ROUND.staysInItsCauses("h116-14- gcloud.internal-error");
    }
}
