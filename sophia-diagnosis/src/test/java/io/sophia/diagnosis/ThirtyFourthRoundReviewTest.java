package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 14's diagnosis changes: the new log indications read no healthy or unrelated line (npm's report of
 * a start script stopped by a restart, an app's own access log naming an API's version 2, Node's throw site over a
 * refused connection), the attribute
 * {@code namesDownService} does not count a service's own id in its own log, {@code dependencyCertificateOnly} not a
 * dependency that answers an error, and the engine rule answer-indication
 * shows no secret of the error answer it reads.
 */
class ThirtyFourthRoundReviewTest {

    private static List<String> indications(String log) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "web", 2, "deploy", List.of()),
                new StringReader(log)).stream().map(Observation.LogFinding::indicationId).toList();
    }

    /**
     * npm prints "npm ERR! path", "command failed" and "signal SIGTERM" when the platform stops a start script that was
     * serving (a redeploy, a restart: caprover/caprover#1441), and "code ELIFECYCLE" after any crash whose own lines
     * above say why: neither is npm failing to start the app, which npm.start-script-failed reads at 0.8.
     */
    @Test
    void npmsReportOfAStoppedStartScriptIsNoCrashOnBoot() throws IOException {
        String restarted = String.join("\n", "> shop-web@1.4.0 start", "> node server.js", "", "Listening on :3000",
                "npm ERR! path /app", "npm ERR! command failed", "npm ERR! signal SIGTERM",
                "npm ERR! command sh -c node server.js", "");
        assertFalse(indications(restarted).contains("npm.start-script-failed"), indications(restarted).toString());
        String crashed = String.join("\n", "> shop-web@1.4.0 start", "> node server.js", "",
                "Error: getaddrinfo ENOTFOUND db.internal", "npm ERR! code ELIFECYCLE", "npm ERR! errno 1", "");
        assertFalse(indications(crashed).contains("npm.start-script-failed"), indications(crashed).toString());
        // npm's own failure to run the script is still read (h21-24's source)
        String npmFailed = String.join("\n", "> starter-graph@0.1.0 start", "> npx tsx agent/server.ts",
                "npm error code EACCES", "npm error syscall mkdir", "");
        assertTrue(indications(npmFailed).contains("npm.start-script-failed"), indications(npmFailed).toString());
    }

    /**
     * Node prints "throw er; // Unhandled 'error' event" over any error event nobody handles, a Redis client's refused
     * connection included (p30-08, p40-26, h9-33, all dependency.down): only the app's own error under it (a file, a
     * port) is a crash on boot of its own.
     */
    @Test
    void nodesUnhandledErrorEventOverARefusedConnectionIsNoCrashOfItsOwn() throws IOException {
        String refused = String.join("\n", "node:events:491", "      throw er; // Unhandled 'error' event", "      ^", "",
                "Error: connect ECONNREFUSED 10.0.4.12:6379", "    at TCPConnectWrap.afterConnect [as oncomplete] "
                        + "(node:net:1247:16)", "");
        assertFalse(indications(refused).contains("node.unhandled-error-event"), indications(refused).toString());
        String ownFile = String.join("\n", "node:events:497", "      throw er; // Unhandled 'error' event", "      ^",
                "Error: ENOENT: no such file or directory, open '/app/bot.qr.png'", "");
        assertTrue(indications(ownFile).contains("node.unhandled-error-event"), indications(ownFile).toString());
    }

    /** An app's access log of a 500 on its own /api/v2/ path is not a registry's server error. */
    @Test
    void anApisVersionTwoPathIsNoRegistry() throws IOException {
        String access = "level=error msg=\"request failed\" status=500 method=POST url=https://shop.example.com/api/v2/orders";
        assertFalse(indications(access).contains("registry.v2-status-server-error"), indications(access).toString());
        String registry = "Error response from daemon: received unexpected HTTP status: 503 Service Unavailable, "
                + "status 503 for https://registry.example.com/v2/acme/web/manifests/1.4.0";
        assertTrue(indications(registry).contains("registry.v2-status-server-error"), indications(registry).toString());
    }

    /**
     * A DOWN service "api" whose deploy log names a name that did not resolve, with {@code more} DOWN services besides;
     * its log is {@code line}.
     */
    private static Assessment apiLookupFails(String line, String... more) throws IOException {
        List<io.sophia.core.Service> services = new ArrayList<>();
        List<Observation> o = new ArrayList<>();
        services.add(Fleet.service("api", "API", "Orders API", ServiceKind.HTTP, more));
        o.add(Fleet.refused("api"));
        for (String m : more) {
            services.add(Fleet.service(m, m, "What the API needs", ServiceKind.HTTP));
            o.add(Fleet.refused(m));
        }
        o.add(Fleet.deployJob("api", 7, "deploy api", "failure", 40));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "api", 7, "deploy api",
                List.of()), new StringReader(line + "\n")));
        o.add(Fleet.run("failure"));
        return Diagnosis.ofDefaults().diagnose(new Deployment("shop", services), o, Fleet.NOW);
    }

    /** The text of network.dns/lookup-of-down-service. */
    private static final String DOWN_NAME = "is that of a service that is down";

    /**
     * namesDownService is for a stack's own service discovery ("lookup db on 127.0.0.11:53" while db is down); the
     * failing service's own id in its own log is its logger's prefix, and a real name that does not resolve
     * (api.stripe.com) must not be argued away at likelihood ratio 0.05 because the service printing it is down.
     */
    @Test
    void aServicesOwnIdInItsOwnLogIsNoLookupOfADownService() throws IOException {
        Assessment own = apiLookupFails("api: dial tcp: lookup api.stripe.com on 10.0.0.2:53: no such host");
        assertFalse(own.causes().toString().contains(DOWN_NAME), own.causes().toString());
        Assessment dependency = apiLookupFails("api: dial tcp: lookup db on 127.0.0.11:53: no such host", "db");
        assertTrue(dependency.causes().toString().contains(DOWN_NAME), dependency.causes().toString());
    }

    /**
     * dependencyCertificateOnly is for a dependency whose only failure is its certificate (p39-30: an RDS database its
     * client does not trust). One behind an internal CA that answers 503 to a probe that trusts that CA is down on its
     * answer: its dependents fail because it is down, and the certificate a TLS observer does not trust is no cause.
     */
    @Test
    void aDependencyThatAnswersAnErrorIsNotDownOnItsCertificate() {
        Deployment d = new Deployment("shop", List.of(Fleet.service("web", "Web", "Storefront", ServiceKind.HTTP, "auth"),
                Fleet.service("auth", "Auth", "Sign-in", ServiceKind.HTTP)));
        List<Observation> o = List.of(
                Observation.HttpCheck.builder("web", Source.HTTP, "https://sophiaai-web-v2.fly.dev/health", 502)
                        .body("upstream auth failed", "text/plain").build(),
                Observation.HttpCheck.builder("auth", Source.HTTP, "https://sophiaai-auth-v2.fly.dev/health", 503)
                        .body("Service Unavailable", "text/plain").build(),
                new Observation.TlsHandshake("auth", Source.TLS, "sophiaai-auth-v2.fly.dev", 443, "TLSv1.3",
                        "TLS_AES_128_GCM_SHA256", "CN=sophiaai-auth-v2.fly.dev", "CN=Acme Internal CA",
                        Fleet.NOW.minusSeconds(30L * 86_400), Fleet.NOW.plusSeconds(300L * 86_400), 300, true, false,
                        false, 2));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertFalse(Fleet.weighs(a, "tls.certificate/dependency-certificate-only"), a.causes().toString());
        assertTrue(Fleet.weighsChain(a), a.causes().toString());
    }

    /** A token in a service's error answer does not reach the answer-indication evidence, nor any other text. */
    @Test
    void theAnswersEvidenceShowsNoSecretOfItsBody() {
        String token = "ghp_" + "Q7wE9rT2yU4iO6pA8sD0fG1hJ3kL5zX7cV9b";
        String body = "NOAUTH Authentication required. (client sent Authorization: token " + token
                + " password=Sup3rS3cretValue42)";
        Assessment a = Fleet.apiWithBackend(500, body, "cache", ServiceKind.HTTP, Fleet.refused("cache"));
        assertTrue(Fleet.weighs(a, "config.missing-secret/answer-indication"), a.causes().toString());
        // everything the diagnosis wrote (the observations are the caller's own input, not its output)
        String all = a.causes().toString() + a.actions() + a.anomalies() + a.gate();
        for (String piece : List.of(token.substring(4, 14), token.substring(20), "Sup3rS3cret", "S3cretValue42")) {
            assertFalse(all.contains(piece), piece + " in " + all);
        }
        assertEquals(1, a.causes().stream().flatMap(c -> c.evidence().stream())
                .filter(e -> e.ruleId().equals("config.missing-secret/answer-indication")).count());
    }

    /**
     * A token the service's answer wraps onto its next line (a fixed-width program's output, examples' CanaryTest) was
     * shown in the answer-indication's evidence: the body's lines were joined before they were masked, so the token's
     * two halves were two words, neither shaped like a token.
     */
    @Test
    void aTokenWrappedInTheAnswerComesOutInNoPiece() {
        String token = "ghp_" + "Q7wE9rT2yU4iO6pA8sD0fG1hJ3kL5zX7cV9b";
        String body = "NOAUTH Authentication required.\nclient sent Authorization: token " + token.substring(0, 17) + "\n"
                + token.substring(17) + " to the cache\n";
        Assessment a = Fleet.apiWithBackend(500, body, "cache", ServiceKind.HTTP, Fleet.refused("cache"));
        assertTrue(Fleet.weighs(a, "config.missing-secret/answer-indication"), a.causes().toString());
        String all = a.causes().toString() + a.actions() + a.anomalies() + a.gate();
        for (int i = 0; i + 12 <= token.length(); i++) {
            assertFalse(all.contains(token.substring(i, i + 12)), token.substring(i, i + 12) + " in " + all);
        }
    }
}
