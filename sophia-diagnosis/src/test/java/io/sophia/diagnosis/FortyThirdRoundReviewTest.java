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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the forty-third round (FortyThirdRoundShapesTest): lines its shapes read in real logs that say nothing of
 * the failure's cause (a test's verdict printed after every refusal, a notice printed for a token that works), and a
 * provider's endpoint read in a region the provider does not have, or missed in Go's and Python's words.
 */
class FortyThirdRoundReviewTest {

    private static final ShapeRound ROUND = new ShapeRound(Map.of(
            "cloudflare.token-permission-missing", "auth.deploy-token",
            "nginx.config-refused", "config.invalid"));

    /**
     * nginx -t prints "configuration file ... test failed" after every refusal, its configuration's form or not: a
     * certificate it cannot load (certbot's renewal gone wrong), an upstream name that does not resolve. The line says
     * the test failed, not why; the [emerg] line before it says why.
     */
    @Test
    void nginxsTestFailedLineIsNotReadAsTheConfigurationsForm() throws IOException {
        ROUND.readsNot("nginx.config-refused", "nginx: configuration file /etc/nginx/nginx.conf test failed");
        Assessment cert = Fleet.deployFailed("deploy", "Deploy", """
                ##[group]Run ssh deploy@web 'sudo nginx -t && sudo systemctl reload nginx'
                ##[endgroup]
                nginx: [emerg] cannot load certificate "/etc/letsencrypt/live/shop.example.com/fullchain.pem": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/letsencrypt/live/shop.example.com/fullchain.pem, r) error:10000080:BIO routines::no such file)
                nginx: configuration file /etc/nginx/nginx.conf test failed
                ##[error]Process completed with exit code 1.
                """);
        assertNotEquals("config.invalid", cert.causes().get(0).id().value(), cert.causes().toString());
        // nor is it a test suite's verdict (test.generic-failed reads its words): weighed against, or (rules29b: the
        // [emerg] line is nginx.certificate-load-failed's, the job's top finding) not reported at all
        assertTrue(Fleet.weighs(cert, "ci.test-failure/config-test-verdict")
                || cert.causes().stream().noneMatch(c -> c.id().value().equals("ci.test-failure")), cert.causes().toString());
        // nor a crash at start: nginx tested a configuration and kept the running one (rules29b)
        assertNotEquals("app.crash-on-boot", cert.causes().get(0).id().value(), cert.causes().toString());
        assertNotEquals("ci.test-failure", cert.causes().get(0).id().value(), cert.causes().toString());
        // the configuration's own form is still read, on its [emerg] line
        ROUND.reads("nginx.config-refused", "nginx: [emerg] \"server\" directive is not allowed here in "
                + "/etc/nginx/conf.d/default.conf:1");
    }

    /**
     * Wrangler prints "Unable to retrieve email for this user. Are you missing the `User->User Details->Read`
     * permission?" on every whoami with a token that lacks the permission, a token that deploys fine included (its
     * printUserEmail; the permission is not needed to deploy): the failing request after it is the token's refusal.
     */
    @Test
    void wranglersEmailNoticeIsNotTheTokensRefusal() throws IOException {
        ROUND.readsNot("cloudflare.token-permission-missing", "👋 You are logged in with an API Token. Unable to "
                + "retrieve email for this user. Are you missing the `User->User Details->Read` permission?");
        ROUND.reads("cloudflare.token-permission-missing", "✘ [ERROR] A request to the Cloudflare API (/memberships) "
                + "failed.");
        Assessment build = Fleet.deployFailed("deploy", "Deploy", """
                ##[group]Run npx wrangler whoami
                ##[endgroup]
                 ⛅️ wrangler 3.91.0
                Getting User settings...
                👋 You are logged in with an API Token. Unable to retrieve email for this user. Are you missing the `User->User Details->Read` permission?
                ##[group]Run npx wrangler deploy
                ##[endgroup]
                ✘ [ERROR] Could not resolve "node:crypto"
                ✘ [ERROR] Build failed with 1 error:
                ##[error]Process completed with exit code 1.
                """);
        assertNotEquals("auth.deploy-token", build.causes().get(0).id().value(), build.causes().toString());
    }

    private static Assessment servicesAnswer(String... bodies) {
        return FortyThirdRoundShapesTest.servicesAnswer(bodies);
    }

    /**
     * A provider's own endpoint in a region the provider does not have ("us-central-1": Google Cloud's name, not AWS's)
     * never resolved: the team's region setting, not the provider's records, however many services share it.
     */
    @Test
    void anEndpointInARegionTheProviderDoesNotHaveIsNotItsOutage() {
        Assessment typo = servicesAnswer("{\"sqs\":\"cURL error 6: Could not resolve host: sqs.us-central-1.amazonaws.com\"}",
                "{\"ses\":\"Could not resolve host: email.us-central-1.amazonaws.com\"}");
        assertFalse(Fleet.weighs(typo, "platform.outage/provider-endpoint-name"), typo.causes().toString());
        assertNotEquals(CauseId.PLATFORM_OUTAGE, typo.causes().get(0).id(), typo.causes().toString());
    }

    /**
     * Go and Python name the host before the words ("lookup <host> on <resolver>: no such host", urllib3's "Failed to
     * resolve '<host>' ([Errno -2] Name or service not known)"): the provider's endpoint not resolving all the same.
     */
    @Test
    void goAndPythonNamingTheProvidersEndpointBeforeTheWordsCount() {
        Assessment go = servicesAnswer("{\"sqs\":\"dial tcp: lookup sqs.us-east-1.amazonaws.com on 10.0.0.2:53: no such host\"}",
                "{\"dynamodb\":\"Get \\\"https://dynamodb.us-east-1.amazonaws.com/\\\": dial tcp: lookup "
                        + "dynamodb.us-east-1.amazonaws.com on 10.0.0.2:53: no such host\"}");
        assertTrue(Fleet.weighs(go, "platform.outage/provider-endpoint-name"), go.causes().toString());
        assertEquals(CauseId.PLATFORM_OUTAGE, go.causes().get(0).id(), go.causes().toString());
        Assessment python = servicesAnswer("{\"s3\":\"NameResolutionError: Failed to resolve 's3.eu-west-1.amazonaws.com' "
                + "([Errno -2] Name or service not known)\"}", "{\"sqs\":\"NameResolutionError: Failed to resolve "
                + "'sqs.eu-west-1.amazonaws.com' ([Errno -2] Name or service not known)\"}");
        assertTrue(Fleet.weighs(python, "platform.outage/provider-endpoint-name"), python.causes().toString());
    }

    /**
     * A pod's headless name whose lookup timed out at the cluster's resolver (p24-20: kube-dns without endpoints, every
     * in-cluster name failing) is the cluster's DNS, not the pod down: only an answer that the name does not exist
     * says the pod is not ready.
     */
    @Test
    void aPodsHeadlessNameTheResolverDidNotAnswerForIsTheClustersDns() {
        Deployment d = new Deployment("ledger", List.of(Fleet.service("app", "App", "Ledger", ServiceKind.HTTP, "peers"),
                Fleet.service("peers", "Ledger peers", "Peers", ServiceKind.TCP)));
        String host = "ledger-0.ledger.payments.svc.cluster.local";
        List<Observation> o = List.of(Fleet.failure("app", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"),
                new Observation.ProbeFailure("peers", Source.DNS, host, FailureKind.DNS_FAILURE,
                        "lookup " + host + " on 10.96.0.10:53: read udp 10.244.1.17:41235->10.96.0.10:53: i/o timeout",
                        null, Duration.ofMillis(5000), 1));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertFalse(Fleet.weighs(a, "dependency.down/headless-pod-name"), a.causes().toString());
        assertEquals(CauseId.NETWORK_DNS, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * Compose v1's form check (its validate_config_section) speaks of secrets and configs as of services, and of a whole
     * section or a name that is not a string: the same refusal of the file.
     */
    @Test
    void composesFormCheckIsReadForEverySectionItChecks() throws IOException {
        ROUND.reads("compose.file-invalid", "config.invalid",
                "ERROR: In file './docker-compose.yml', secret 'db_password' must be a mapping not a string.");
        ROUND.reads("compose.file-invalid", "config.invalid",
                "ERROR: In file './docker-compose.yml', service must be a mapping, not a NoneType.");
        ROUND.reads("compose.file-invalid", "config.invalid",
                "ERROR: In file './docker-compose.yml', the service name 8080 must be a quoted string, i.e. '8080'.");
        ROUND.readsNot("compose.file-invalid", "In file './docker-compose.yml', service 'web' uses an image");
    }
}
