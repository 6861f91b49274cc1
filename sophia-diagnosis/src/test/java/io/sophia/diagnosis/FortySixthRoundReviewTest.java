package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the forty-sixth round (session 20's diagnosis changes, 4a234ee7 to afc48a38): three duplicate rows of
 * indication-cases.tsv, a loader's "Expected secret ... to be defined" that no literal let through, the AWS CLI's own wording of EC2's refusal and internal error, a count
 * limit and a model validation read in an app's form input, and Go's resolver quoting a connection string's key.
 */
class FortySixthRoundReviewTest {

    private static final ShapeRound ROUND = new ShapeRound(Map.of(
            "config.setting-missing-generic", "config.missing-secret",
            "cloud-api.permission-refused", "auth.deploy-token",
            "cloud-api.internal-failure", "platform.outage",
            "cloud.quota-exceeded", "platform.quota",
            "cloud-api.request-invalid", "config.invalid",
            "config.key-value-as-host", "config.invalid",
            "image.manifest-not-found", "image.not-found",
            "database.tls-required-by-server", "config.invalid"));

    /**
     * Postgres words an explicit reject line of pg_hba.conf its own way (zalando/postgres-operator#2020: Vault through
     * lib/pq, "pq: pg_hba.conf rejects connection for host ..., no encryption", Spilo's "hostnossl all all all reject",
     * answered by sslmode=require): the same refusal of an unencrypted client as "no pg_hba.conf entry".
     */
    @Test
    void pgHbaRejectingAnUnencryptedClientIsRead() throws IOException {
        ROUND.reads("database.tls-required-by-server", "Error initializing storage of type postgresql: failed to check for "
                + "native upsert: pq: pg_hba.conf rejects connection for host \"10.2.14.7\", user \"vault\", database "
                + "\"vault_db\", no encryption");
        // an encrypted connection refused is not read: TLS was made
        ROUND.readsNot("database.tls-required-by-server", "FATAL:  pg_hba.conf rejects connection for host "
                + "\"10.2.14.7\", user \"vault\", database \"vault_db\", SSL encryption");
    }

    /**
     * The round gave image.manifest-not-found a second row in indication-cases.tsv, which holds one row per indication
     * (IndicationCasesTest failed on it): containerd's words for a tag the registry no longer has (h49-09's source,
     * Bitnami's removed tags) are checked here instead, with the refusal that does not end on "not found".
     */
    @Test
    void containerdsTagNotFoundIsRead() throws IOException {
        ROUND.reads("image.manifest-not-found", "Warning  Failed     8m13s (x4 over 10m)  kubelet  Error response from "
                + "daemon: failed to resolve reference \"docker.io/bitnami/postgresql:15.4.0-debian-11-r10\": not found");
        ROUND.readsNot("image.manifest-not-found", "failed to resolve reference \"ghcr.io/acme/api:1.2\": failed to "
                + "authorize: failed to fetch anonymous token: unexpected status: 403 Forbidden");
    }

    /**
     * The pattern written for h47-21's source (superfly/fly#225: "Error: Expected secret 'secretKey' to be defined in
     * secrets") never ran: no literal of its indication is in the line.
     */
    @Test
    void aLoadersExpectedSecretIsRead() throws IOException {
        ROUND.reads("config.setting-missing-generic", "Error: Expected secret 'secretKey' to be defined in secrets");
        ROUND.reads("config.setting-missing-generic", "Error: expected environment variable \"STRIPE_KEY\" to be set");
        ROUND.readsNot("config.setting-missing-generic", "Expected response to be defined in the test");
    }

    /**
     * The round gave config.setting-missing-generic two more rows in indication-cases.tsv, which holds one row per
     * indication (IndicationCasesTest failed on them, and the first would have failed its match): their cases are here.
     * Prisma's P1012 for a variable set to nothing (p89-03's source, prisma/deployment-example-vercel#59).
     */
    @Test
    void prismasVariableResolvedToNothingIsRead() throws IOException {
        // since the twenty-fifth session Prisma's own indication reads it (rules25a), for the same cause
        ROUND.reads("prisma.datasource-url-empty", "config.missing-secret", "error: Error validating datasource `db`: "
                + "You must provide a nonempty URL. The environment variable `DATABASE_URL` resolved to an empty string.");
        ROUND.readsNot("config.setting-missing-generic", "The environment variable `DATABASE_URL` resolved to "
                + "postgres://db:5432/app");
    }

    /**
     * EC2's refusal as the AWS CLI and boto3 word it (CheckPointSW/Cuckoo-AWS#21: "An error occurred
     * (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this
     * operation."), and the older CLI's "A client error (...) occurred when calling" (aws/aws-cli#1574).
     */
    @Test
    void theAwsCliWordingOfAnEc2RefusalIsRead() throws IOException {
        ROUND.reads("cloud-api.permission-refused", "ClientError: An error occurred (UnauthorizedOperation) when calling "
                + "the RunInstances operation: You are not authorized to perform this operation. Encoded authorization "
                + "failure message:");
        ROUND.reads("cloud-api.permission-refused", "A client error (UnauthorizedOperation) occurred when calling the "
                + "ImportImage operation: You are not authorized to perform this operation.");
        // the Go SDK's form stays read (cockroachdb/cockroach-prod#36)
        ROUND.reads("cloud-api.permission-refused", "* aws_security_group.default: Error creating Security Group: "
                + "UnauthorizedOperation: You are not authorized to perform this operation.");
    }

    /**
     * Azure's refusal as the AzureRM provider prints its code on a line of its own ("│ ERROR CODE: AuthorizationFailed",
     * upper case), as pretty-printed JSON ('"code": "AuthorizationFailed"'), and its linked-scope form
     * (Azure/terraform-azurerm-avm-ptn-hubnetworking#81: "│ ERROR CODE: LinkedAuthorizationFailed"; CDCgov/prime-reportstream#7678:
     * "however, it does not have permission to perform action ... on the linked scope(s)").
     */
    @Test
    void azuresRefusalIsReadInEachOfItsCodeForms() throws IOException {
        ROUND.reads("cloud-api.permission-refused", "│ ERROR CODE: LinkedAuthorizationFailed");
        ROUND.reads("cloud-api.permission-refused", "│ ERROR CODE: AuthorizationFailed");
        ROUND.reads("cloud-api.permission-refused", "│     \"code\": \"LinkedAuthorizationFailed\",");
        ROUND.reads("cloud-api.permission-refused", "Status=403 Code=\"AuthorizationFailed\" Message=\"The client "
                + "'b7c1e2d4-0000-4000-8000-000000000001' with object id 'b7c1e2d4-0000-4000-8000-000000000001' does not "
                + "have authorization to perform action 'Microsoft.Authorization/roleAssignments/write'");
        ROUND.readsNot("cloud-api.permission-refused", "│ ERROR CODE: ResourceGroupNotFound");
    }

    private static Assessment hostProbeAnswered403(String detail) {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Shop", ServiceKind.HTTP)));
        return Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.refused("web"), new Observation.ProbeFailure("web",
                Source.HOST, "GET https://compute.googleapis.com/compute/v1/projects/shop/zones/europe-west1-b/instances",
                FailureKind.UNAUTHORIZED, detail, 403, Duration.ofMillis(80), 1)), Fleet.NOW);
    }

    /**
     * Google's APIs answer a rate or quota limit with 403 (hashicorp/terraform-provider-google#8360: "googleapi: Error
     * 403: Quota exceeded for quota group 'ReadGroup' and limit 'Read requests per user per 100 seconds' of service
     * 'compute.googleapis.com' ..., rateLimitExceeded"): a host probe answered so is the quota's, not a refused
     * credential, as cloud-api.permission-refused already says of the same words in a log.
     */
    @Test
    void aPlatformApis403ForAQuotaIsNoRefusedCredential() {
        Assessment quota = hostProbeAnswered403("googleapi: Error 403: Quota exceeded for quota group 'ReadGroup' and "
                + "limit 'Read requests per user per 100 seconds' of service 'compute.googleapis.com' for consumer "
                + "'project_number:123456'., rateLimitExceeded");
        assertFalse(Fleet.weighs(quota, "auth.deploy-token/host-api-refused"), quota.causes().toString());
        assertEquals(CauseId.PLATFORM_QUOTA, quota.causes().get(0).id(), quota.causes().toString());
        // a refused credential's words still are (p45-30: DigitalOcean's "Unable to authenticate you.")
        Assessment refused = hostProbeAnswered403("Unable to authenticate you.");
        assertTrue(Fleet.weighs(refused, "auth.deploy-token/host-api-refused"), refused.causes().toString());
    }

    /**
     * EC2's internal error as boto3 and the AWS CLI word it, retried (JohannesEbke/aws_list_all's README: "An error
     * occurred (InternalError) when calling the DescribeClientVpnEndpoints operation (reached max retries: 4): An
     * internal error has occurred").
     */
    @Test
    void theAwsCliWordingOfAnInternalErrorIsRead() throws IOException {
        ROUND.reads("cloud-api.internal-failure", "!!! ec2 eu-west-1 DescribeClientVpnEndpoints ClientError('An error "
                + "occurred (InternalError) when calling the DescribeClientVpnEndpoints operation (reached max retries: "
                + "4): An internal error has occurred')");
        ROUND.reads("cloud-api.internal-failure", "aws ec2 run-instances: An error occurred (InternalError) when calling "
                + "the RunInstances operation: An internal error has occurred");
        ROUND.reads("cloud-api.internal-failure", "time=\"2026-03-22T18:14:07Z\" level=error msg=\"Error: Error "
                + "launching source instance: InternalError: An internal error has occurred\"");
    }

    /**
     * "may not have more than N items" is also Laravel's validation message for a form's array (laravel/laravel
     * resources/lang/en/validation.php: "The :attribute may not have more than :max items."), logged by a healthy app:
     * only the platform naming whose count it is ("Your app may not have more than 210 versions.") is a quota.
     */
    @Test
    void aFormsValidationMessageIsNoQuota() throws IOException {
        ROUND.readsNot("cloud.quota-exceeded", "[2026-12-05 06:41:12] production.INFO: validation failed "
                + "{\"photos\":[\"The photos may not have more than 10 items.\"]}");
        ROUND.reads("cloud.quota-exceeded", "ERROR: (gcloud.app.deploy) INVALID_ARGUMENT: Your app may not have more "
                + "than 210 versions.");
    }

    /**
     * AWS's model validation is also what an app's own SDK call gets for its user's input (aws-amplify/amplify-js#3723:
     * "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length greater
     * than or equal to 6", a Cognito sign-up): only CloudFormation's "Resource handler returned message" quotes it for a
     * deploy's template (p90-06's source, aws-samples/aws-genai-llm-chatbot#122).
     */
    @Test
    void anAppsSdkValidationIsNoDeployRequest() throws IOException {
        ROUND.readsNot("cloud-api.request-invalid", "InvalidParameterException: 1 validation error detected: Value at "
                + "'password' failed to satisfy constraint: Member must have length greater than or equal to 6");
        ROUND.reads("cloud-api.request-invalid", "Resource handler returned message: \"1 validation error detected: Value "
                + "'[arn:aws:lambda:eu-central-:111122223333:layer:DeploymentAwsCliLayer:2]' at 'layers' failed to "
                + "satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to "
                + "140]\" (Service: Lambda, Status Code: 400)");
    }

    /**
     * Go's resolver answers a name that is not a domain name without asking, "for consistency with libc resolvers"
     * ("lookup dbname=app: no such host", net/dnsclient_unix.go): the key of a keyword connection string read as the
     * host, as network.dns/key-value-not-a-name already says of "lookup"; a real name that does not resolve is not.
     */
    @Test
    void goResolvingAConnectionStringsKeyIsTheSetting() throws IOException {
        ROUND.reads("config.key-value-as-host", "failed to connect to `host=dbname=app user=postgres database=`: "
                + "hostname resolving error (lookup dbname=app: no such host)");
        ROUND.reads("config.key-value-as-host", "dial tcp: lookup dbname=app on 127.0.0.11:53: no such host");
        ROUND.readsNot("config.key-value-as-host", "dial tcp: lookup db.internal on 127.0.0.11:53: no such host");
        ROUND.readsNot("config.key-value-as-host", "level=debug msg=\"cache lookup key=user:42: miss\"");
    }
}
