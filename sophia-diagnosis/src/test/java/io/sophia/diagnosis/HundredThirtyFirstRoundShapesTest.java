package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the fortieth session's rule writer rules40-h134, each in its tool's own words: its round on h134-
 * (third-party APIs a deployment depends on). CloudStack's deployment planner finding no capacity for a VM
 * (InsufficientServerCapacityException, "Unable to create a deployment for VM", errorcode 533); a Firebase deploy API
 * reporting itself unavailable; Twilio refusing a Serverless deploy's credential (error 20003, Authenticate);
 * firebase-admin unable to parse the private key it was configured with; a Stripe webhook signature that does not
 * verify with the configured secret; a deploy tool's health-check wait ending ("did not pass within", widening
 * platform.health-check-never-passed-generic). Two machine-exit rules widened: an SDK client's "client option must be
 * set ... environment variable" names a missing setting, and a JavaScript constructor missing at exit is a crash on
 * boot. Each indication is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row); each new log indication reads no line of the shared corpus and, on the labelled
 * scenarios, only lines of its own cause.
 */
class HundredThirtyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("cloudstack.insufficient-server-capacity", "platform.capacity"),
            Map.entry("firebase.service-currently-unavailable", "platform.outage"),
            Map.entry("twilio.deploy-authenticate-refused", "auth.deploy-token"),
            Map.entry("firebase-admin.private-key-unparsable", "config.invalid"),
            Map.entry("stripe.webhook-signature-mismatch", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("cloudstack.insufficient-server-capacity", "2017-03-04 20:43:41,096 INFO  [c.c.v.VmWorkJobHandlerProxy] (Work-Job-Executor-4:ctx-56cda672 job-29/job-32 ctx-cf9f4cea) (logid:b0dca526) Rethrow exception com.cloud.exception.InsufficientServerCapacityException: Unable to create a deployment for VM[User|i-4-3-VM]Scope=interface com.cloud.dc.DataCenter; id=1");
        ROUND.readsNot("cloudstack.insufficient-server-capacity", "2025-06-20 02:48:14,893 DEBUG [c.c.v.VirtualMachineManagerImpl] (Work-Job-Executor-29:ctx-94f5ba93 job-2149/job-2150 ctx-01b8dfa1) (logid:9556019e) Successfully released storage resources for the VM VM instance {\"id\":619,\"instanceName\":\"i-4-619-VM\",\"type\":\"User\"} in Starting state");
        ROUND.reads("cloudstack.insufficient-server-capacity", "    \"errortext\": \"Unable to create a deployment for VM[User|i-2-207-VM]\"");
        ROUND.readsNot("cloudstack.insufficient-server-capacity", "    \"errortext\": \"Unable to find service offering: 9f1c2b\""); // not a capacity answer
        ROUND.reads("firebase.service-currently-unavailable", "    \"message\": \"This service is currently unavailable. Please try again in a few moments.\"");
        ROUND.readsNot("firebase.service-currently-unavailable", "Error: HTTP Error: 403, The caller does not have permission");
        ROUND.reads("firebase.service-currently-unavailable", "[2026-11-20T09:59:44.310Z] <<< [apiv2][body] {\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"This service is currently unavailable. Please try again in a few moments.\"}}");
        ROUND.readsNot("firebase.service-currently-unavailable", "503: SERVICE_UNAVAILABLE Code: DEPLOYMENT_PAUSED"); // vercel.deployment-paused
        ROUND.reads("twilio.deploy-authenticate-refused", "│ ERROR Failed API Request 20003");
        ROUND.readsNot("twilio.deploy-authenticate-refused", "│ ERROR Failed API Request 20404");
        ROUND.reads("twilio.deploy-authenticate-refused", "Error code 20003 from Twilio: Authenticate.");
        ROUND.readsNot("twilio.deploy-authenticate-refused", "Error sending OTP: RestException [Error]: Authenticate"); // an app's own call
        ROUND.reads("firebase-admin.private-key-unparsable", "FirebaseAppError: Failed to parse private key: Error: Invalid PEM formatted message.");
        ROUND.readsNot("firebase-admin.private-key-unparsable", "Error: Failed to parse service account json file: Error: ENOENT: no such file or directory, open './serviceAccountKey.json'");
        ROUND.reads("firebase-admin.private-key-unparsable", "comlink-1           |     \"message\": \"Failed to parse private key: Error: Invalid PEM formatted message.\",");
        ROUND.readsNot("firebase-admin.private-key-unparsable", "Error: error:1E08010C:DECODER routines::unsupported");
        ROUND.reads("stripe.webhook-signature-mismatch", "Stripe\\Exception\\SignatureVerificationException: No signatures found matching the expected signature for payload.");
        ROUND.readsNot("stripe.webhook-signature-mismatch", "Stripe\\Exception\\SignatureVerificationException: Unable to extract timestamp and signatures from header");
        ROUND.reads("stripe.webhook-signature-mismatch", "response body: No signatures found matching the expected signature for payload.");
        ROUND.readsNot("stripe.webhook-signature-mismatch", "Stripe\\Exception\\AuthenticationException: Invalid API Key provided: sk_live_********************FAKE"); // another cause's words
        // the widened general shape of a start-up health check that never passed
        ROUND.reads("platform.health-check-never-passed-generic", "app.healthcheck-failing", "health check http://search-proxy:8080/healthz did not pass within healthCheckTimeout (30s); deployment marked failed, previous container kept");
        ROUND.readsNot("platform.health-check-never-passed-generic", "health check http://search-proxy:8080/healthz passed after 12s");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // firebase-admin.private-key-unparsable reads no labelled scenario's log: h134-22, its source, carries the line in
        // the container's log as a look at the host (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("firebase-admin.private-key-unparsable")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * A machine that exits with an SDK client's "client option must be set ... environment variable" names the missing
     * setting, whatever a sibling app does (h134-19); one that exits with a constructor missing crashed on boot
     * (h134-25), not because its health check failed.
     */
    @Test
    void aMachinesExitNamingAMissingKeyOrAMissingConstructorIsRead() throws IOException {
        Assessment key = Fleet.scenario("h134-19-config-missing-secret-openai-api-key-unset-fly-restart-loop");
        assertTrue(Fleet.weighs(key, "config.missing-secret/exit-names-missing-setting"), key.causes().toString());
        assertEquals("config.missing-secret", key.causes().get(0).id().value(), key.causes().toString());
        Assessment ctor = Fleet.scenario("h134-25-app-crash-on-boot-nest-billing-stripe-default-not-constructor");
        assertEquals("app.crash-on-boot", ctor.causes().get(0).id().value(), ctor.causes().toString());
    }
}
