package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 13's diagnosis changes: the service attributes {@code alsoAnswered} (a failure beside an accepted
 * answer is intermittent, so no "started but does not answer") and {@code slowOnly} (a DEGRADED service that is only
 * slow is no edge failure), npm's refused publish read as the deploy token, and npm's refused install once its bare
 * "code E401" no longer reads as a failed download.
 */
class ThirtyFirstRoundReviewTest {

    private static final String EDGE = "platform.outage/edge-fails-healthy-apps";
    private static final String STARTED_BUT_DOWN = "app.healthcheck-failing/started-but-down";

    /** A Fly machine of {@code id}, started 15 minutes ago, its one health check passing. */
    private static Observation.PlatformMachine startedMachine(String id) {
        return new Observation.PlatformMachine(id, Source.FLY, "acme-" + id, "1857" + id.length() + "0a1b2c3d", "m",
                "started", false, "cdg", "registry.fly.io/acme-" + id + ":v7", "ok",
                List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "passing", "HTTP GET 200 OK")),
                List.of(new Observation.MachineEvent("start", "started", "flyd", Fleet.NOW.minusSeconds(900), null,
                        null, null)), Fleet.NOW, Fleet.NOW.minusSeconds(900));
    }

    /** A completed handshake with a trusted certificate for {@code id}'s host, 60 days from expiry. */
    private static Observation.TlsHandshake soundTls(String id) {
        return new Observation.TlsHandshake(id, Source.TLS, "acme-" + id + ".fly.dev", 443, "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", "CN=acme-" + id + ".fly.dev", "CN=R11, O=Let's Encrypt",
                Fleet.NOW.minusSeconds(30L * 86_400), Fleet.NOW.plusSeconds(60L * 86_400), 60, true, false, true, 3);
    }

    /**
     * Two apps over their 800 ms latency limit (answered 200 in 2.4 s), their machines started with passing checks;
     * with {@code https}, each also completed a TLS handshake with a sound certificate, as every HTTPS probe records.
     */
    private static Assessment twoSlowApps(boolean https) {
        List<Service> services = new ArrayList<>();
        List<Observation> o = new ArrayList<>();
        for (String id : List.of("api", "web")) {
            services.add(Service.builder(id, "https://acme-" + id + ".fly.dev/health").kind(ServiceKind.HTTP).critical()
                    .expect(Expectations.builder().maxLatency(Duration.ofMillis(800)).build()).build());
            o.add(Observation.HttpCheck.builder(id, Source.HTTP, "https://acme-" + id + ".fly.dev/health", 200)
                    .latency(Duration.ofMillis(2400)).body("{\"status\":\"ok\"}", "application/json").build());
            if (https) {
                o.add(soundTls(id));
            }
            o.add(startedMachine(id));
        }
        o.add(Fleet.run("success"));
        return Diagnosis.ofDefaults().diagnose(new Deployment("acme", services), o, Fleet.NOW);
    }

    /**
     * slowOnly (session 13) keeps two apps that are only slow from reading as a failing shared edge, but it counted any
     * TLS handshake as a failure beside the speed: every HTTPS service records one (a sound certificate included), so
     * for HTTPS apps, nearly all of them, the edge was blamed at likelihood ratio 15 for slowness alone.
     */
    @Test
    void twoSlowHttpsAppsWithSoundCertificatesAreNoEdgeFailure() {
        Assessment plain = twoSlowApps(false);
        assertFalse(Fleet.weighs(plain, EDGE), plain.causes().toString());
        Assessment https = twoSlowApps(true);
        assertFalse(Fleet.weighs(https, EDGE), https.causes().toString());
    }

    /**
     * Two apps answering 200 at once whose certificates expire in 10 days (DEGRADED under the default 14), their
     * machines started with passing checks: a certificate to renew, which no failing edge causes, yet the pair also
     * read as the edge failing at likelihood ratio 15 (slowOnly was false for any service with a TLS handshake).
     */
    @Test
    void twoAppsWithCertificatesNearExpiryAreNoEdgeFailure() {
        List<Service> services = new ArrayList<>();
        List<Observation> o = new ArrayList<>();
        for (String id : List.of("api", "web")) {
            services.add(Service.builder(id, "https://acme-" + id + ".fly.dev/health").kind(ServiceKind.HTTP).critical()
                    .build());
            o.add(Observation.HttpCheck.builder(id, Source.HTTP, "https://acme-" + id + ".fly.dev/health", 200)
                    .latency(Duration.ofMillis(120)).body("{\"status\":\"ok\"}", "application/json").build());
            o.add(new Observation.TlsHandshake(id, Source.TLS, "acme-" + id + ".fly.dev", 443, "TLSv1.3",
                    "TLS_AES_128_GCM_SHA256", "CN=acme-" + id + ".fly.dev", "CN=R11, O=Let's Encrypt",
                    Fleet.NOW.minusSeconds(80L * 86_400), Fleet.NOW.plusSeconds(10L * 86_400), 10, true, false, true, 3));
            o.add(startedMachine(id));
        }
        o.add(Fleet.run("success"));
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("acme", services), o, Fleet.NOW);
        assertFalse(Fleet.weighs(a, EDGE), a.causes().toString());
    }

    /**
     * A Fly-hosted MCP server that completed its handshake but reset one connection (an intermittent failure, the
     * service flapping), its machine started with its check passing; {@code mcp}: false for the same with an HTTP
     * service answering 200 beside the reset.
     */
    private static Assessment flapping(boolean mcp) {
        String id = "tools";
        ServiceKind kind = mcp ? ServiceKind.MCP : ServiceKind.HTTP;
        Service s = Service.builder(id, "https://acme-" + id + ".fly.dev/mcp").kind(kind).critical().build();
        List<Observation> o = new ArrayList<>();
        o.add(mcp ? new Observation.McpHandshake(id, Source.MCP, "2025-06-18", "handshake", id, "1.4.2", List.of("tools"),
                7, Duration.ofMillis(180)) : Observation.HttpCheck.builder(id, Source.HTTP,
                "https://acme-" + id + ".fly.dev/mcp", 200).latency(Duration.ofMillis(180)).build());
        o.add(new Observation.ProbeFailure(id, mcp ? Source.MCP : Source.HTTP, "https://acme-" + id + ".fly.dev/mcp",
                FailureKind.CONNECTION_RESET, "connection reset by peer", null, Duration.ofMillis(40), 1));
        o.add(startedMachine(id));
        o.add(Fleet.run("success"));
        return Diagnosis.ofDefaults().diagnose(new Deployment("acme", List.of(s)), o, Fleet.NOW);
    }

    /**
     * alsoAnswered (session 13) read only HTTP answers as "answered", while the service status reads an MCP handshake
     * and a TCP connect as answers too (ServiceStates): an MCP server that completed its handshake and reset one
     * connection was still said to be "started, yet its endpoint does not answer".
     */
    @Test
    void anMcpServerThatAlsoCompletedItsHandshakeIsNotOneThatDoesNotAnswer() {
        Assessment http = flapping(false);
        assertFalse(Fleet.weighs(http, STARTED_BUT_DOWN), http.causes().toString());
        Assessment mcp = flapping(true);
        assertFalse(Fleet.weighs(mcp, STARTED_BUT_DOWN), mcp.causes().toString());
    }

    /**
     * npm's 403 on a publish is also the registry refusing a version that already exists, which no token causes:
     * "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/template-typescript-node-package - You cannot publish
     * over the previously published versions: 1.27.84." (JoshuaKGoldberg/create-typescript-app#494,
     * https://github.com/JoshuaKGoldberg/create-typescript-app/issues/494) and "npm error 403 403 Forbidden - PUT
     * https://registry.npmjs.org/@pnpm%2fregistry-mock - You cannot publish over the previously published versions:
     * 4.0.0." (pnpm/registry-mock#25, https://github.com/pnpm/registry-mock/pull/25: fixed by bumping the version). It
     * was read as auth.deploy-token at 0.9; a publish refused for its token still is (npm/cli#1482's "npm ERR! 403 403
     * Forbidden - PUT http://registry.npmjs.org/@ly%2fnpm-publish-test - Forbidden", https://github.com/npm/cli/issues/1482,
     * and GitHub Packages' "unauthenticated: User cannot be authenticated with the token provided.").
     */
    @Test
    void aVersionAlreadyPublishedIsNoRefusedDeployToken() throws IOException {
        Fleet.assertReadsNot("npm.publish-refused", "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/"
                + "template-typescript-node-package - You cannot publish over the previously published versions: 1.27.84.");
        Fleet.assertReadsNot("npm.publish-refused", "npm error 403 403 Forbidden - PUT https://registry.npmjs.org/"
                + "@pnpm%2fregistry-mock - You cannot publish over the previously published versions: 4.0.0.");
        assertFalse(Fleet.causesOf("npm error 403 403 Forbidden - PUT https://registry.npmjs.org/@pnpm%2fregistry-mock - "
                + "You cannot publish over the previously published versions: 4.0.0.").contains("auth.deploy-token"));
        Fleet.assertReads("npm.publish-refused", "auth.deploy-token", "npm ERR! 403 403 Forbidden - PUT "
                + "http://registry.npmjs.org/@ly%2fnpm-publish-test - Forbidden");
        Fleet.assertReads("npm.publish-refused", "auth.deploy-token", "npm error 401 Unauthorized - PUT "
                + "https://npm.pkg.github.com/@acme%2fui - unauthenticated: User cannot be authenticated with the token "
                + "provided.");
        assertTrue(Fleet.causesOf("npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/pkg - Forbidden")
                .contains("auth.deploy-token"));
    }

    /**
     * Since session 13 npm's bare "code E401" no longer reads as a failed download, as it is printed for a refused
     * publish too; an install refused for its token then read as nothing, though its next line says it was a download
     * (GET): "npm ERR! 401 Unauthorized - GET https://npm.pkg.github.com/@socketsupply%2ftonic - unauthenticated: User
     * cannot be authenticated with the token provided." (socketsupply/create-socket-app#19,
     * https://github.com/socketsupply/create-socket-app/issues/19) and "npm error 401 Unauthorized - GET
     * https://npm.pkg.github.com/download/@example/mock-example - authentication token not provided"
     * (githubnext/copilot-workspace-user-manual#75, https://github.com/githubnext/copilot-workspace-user-manual/issues/75):
     * a package download during the build that failed (build.dependency-fetch), not the image registry nor the deploy
     * token; the PUT of a publish stays the deploy token's.
     */
    @Test
    void anInstallRefusedForItsTokenIsAFailedDownload() throws IOException {
        String tonic = "npm ERR! 401 Unauthorized - GET https://npm.pkg.github.com/@socketsupply%2ftonic - unauthenticated: "
                + "User cannot be authenticated with the token provided.";
        Fleet.assertReads("npm.install-refused", "build.dependency-fetch", tonic);
        assertFalse(Fleet.causesOf(tonic).contains("auth.deploy-token"), Fleet.causesOf(tonic).toString());
        Fleet.assertReads("npm.install-refused", "build.dependency-fetch", "npm error 401 Unauthorized - GET "
                + "https://npm.pkg.github.com/download/@example/mock-example - authentication token not provided");
        Fleet.assertReadsNot("npm.install-refused", "npm error 401 Unauthorized - PUT https://npm.pkg.github.com/"
                + "@acme%2fui - unauthenticated: User cannot be authenticated with the token provided.");
        Fleet.assertReadsNot("npm.install-refused", "npm http fetch GET 200 https://registry.npmjs.org/react 120ms");
        // the install's own log, as the issue quotes it: the build's download failed, not the image registry
        Assessment a = Fleet.deployFailed("Build and deploy", "npm ci", "npm ERR! code E401\n" + tonic + "\n\nnpm ERR! "
                + "A complete log of this run can be found in:\n");
        assertEquals(CauseId.BUILD_DEPENDENCY_FETCH, a.causes().get(0).id(), a.causes().toString());
    }

    /**
     * The new shape reads no line of the shared corpus and, on the labelled scenarios, no line of another cause (no
     * scenario has an install refused for its token, so it need not read one).
     */
    @Test
    void theInstallShapeStaysInItsCause() throws IOException {
        assertEquals(List.of(), Fleet.corpusLinesReadBy(List.of("npm.install-refused")));
        assertEquals(List.of(), Fleet.findingsOfOtherCauses(java.util.Map.of("npm.install-refused",
                "build.dependency-fetch"), new java.util.TreeSet<>()));
    }
}
