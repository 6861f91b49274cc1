package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-first session's rule writer rules31e, each in its tool's own words: its round on p145-
 * (identity, auth and certificates: CI OIDC federation, Let's Encrypt and cert-manager, Keycloak, Dex, Vault).
 * actions.oidc-token-request-url-missing widened to the Python "id" library's "missing or insufficient OIDC token
 * permissions, the ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset" (PyPI trusted publishing); cert-manager's
 * "Referenced \"Issuer\" not found" for an issuerRef naming no issuer of its kind; a Java keystore its password does not
 * open; Keycloak in production mode without HTTPS key material; an OIDC client's provider discovery failing on its
 * configured issuer (Dex's "failed to get provider:" with an empty URL scheme or a 404); Quarkus OIDC's
 * OidcEndpointAccessException, the provider answering an error status; Docker Hub refusing a password login when SSO is enforced; a docker pull whose daemon
 * answers a bare i/o timeout. Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another cause that
 * shares its words); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause
 * (or a consequence of that scenario's cause, named with its reason).
 */
class SeventyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules31e (p145-: identity, auth and certificates)
            Map.entry("actions.oidc-token-request-url-missing", "auth.deploy-token"),
            Map.entry("certmanager.referenced-issuer-not-found", "config.invalid"),
            Map.entry("docker.pull-daemon-timeout", "registry.unavailable"),
            Map.entry("dockerhub.sso-token-required", "registry.auth"),
            Map.entry("java.keystore-password-incorrect", "config.invalid"),
            Map.entry("keycloak.https-key-material-missing", "config.missing-secret"),
            Map.entry("oidc.provider-discovery-misconfigured", "config.invalid"),
            Map.entry("quarkus.oidc-endpoint-access", "dependency.down"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules31e (p145-)
        ROUND.reads("actions.oidc-token-request-url-missing", "OpenID Connect token retrieval failed: GitHub: missing or insufficient OIDC token permissions, the ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset");
        ROUND.readsNot("actions.oidc-token-request-url-missing", "This generally indicates a workflow configuration error, such as insufficient permissions. Make sure that your workflow has `id-token: write` configured");
        ROUND.reads("actions.oidc-token-request-url-missing", "2026-11-28T07:44:31.0000000Z sigstore.oidc.IdentityError: GitHub: missing or insufficient OIDC token permissions, the ACTIONS_ID_TOKEN_REQUEST_URL environment variable was unset");
        ROUND.readsNot("actions.oidc-token-request-url-missing", "Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity"); // cloud.federated-identity-refused
        ROUND.reads("certmanager.referenced-issuer-not-found", "    Message:               Referenced \"Issuer\" not found: issuer.cert-manager.io \"letsencrypt-prod\" not found");
        ROUND.readsNot("certmanager.referenced-issuer-not-found", "  Normal  IssuerNotReady  2m  cert-manager-certificaterequests-issuer-acme  Referenced issuer does not have a Ready status condition");
        ROUND.reads("certmanager.referenced-issuer-not-found", "  Normal  IssuerNotFound      3m16s  cert-manager-certificaterequests-issuer-acme        Referenced \"ClusterIssuer\" not found: clusterissuer.cert-manager.io \"letsencrypt-nginx\" not found");
        ROUND.readsNot("certmanager.referenced-issuer-not-found", "  Warning  Failed  9m  cert-manager-certificaterequests-issuer-acme  The certificate request has failed to complete and will be retried: Failed to wait for order resource \"iconverse-tls-8xk2q-2317276124\" to become ready: order is in \"errored\" state: Failed to create Order: 429 urn:ietf:params:acme:error:rateLimited: Error creating new order :: too many certificates (5) already issued for this exact set of domains in the last 168 hours"); // letsencrypt.rate-limited
        ROUND.reads("java.keystore-password-incorrect", "2026-12-05 11:47:23 Level:[ERROR] Host:[t-div001] App:[Keycloak] Env:[TST] Msg:ERROR: java.io.IOException: keystore password was incorrect");
        ROUND.readsNot("java.keystore-password-incorrect", "remote: HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password.");
        ROUND.reads("java.keystore-password-incorrect", "Caused by: java.io.IOException: Keystore was tampered with, or password was incorrect");
        ROUND.readsNot("java.keystore-password-incorrect", "FATAL:  password authentication failed for user \"keycloak\""); // postgres.password-refused
        ROUND.reads("keycloak.https-key-material-missing", "2026-12-05 15:38:07,232 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Key material not provided to setup HTTPS. Please configure your keys/certificates or start the server in development mode.");
        ROUND.readsNot("keycloak.https-key-material-missing", "2026-12-05 15:38:07,232 INFO  [org.keycloak.quarkus.runtime.hostname.DefaultHostnameProvider] (main) Hostname settings: Base URL: <unset>, HTTPS key material loaded from /opt/keycloak/conf/server.keystore");
        ROUND.reads("keycloak.https-key-material-missing", "keycloak-1  | ERROR: Key material not provided to setup HTTPS. Please configure your keys/certificates, or if HTTPS access is not needed see the `http-enabled` option.");
        ROUND.readsNot("keycloak.https-key-material-missing", "2026-12-05 15:38:07,232 ERROR [org.keycloak.quarkus.runtime.cli.ExecutionExceptionHandler] (main) ERROR: Failed to start server in (production) mode"); // keycloak.failed-to-start-server
        ROUND.reads("oidc.provider-discovery-misconfigured", "failed to initialize server: server: Failed to open connector google: failed to open connector: failed to create connector google: failed to get provider: Get /.well-known/openid-configuration: unsupported protocol scheme \"\"");
        ROUND.readsNot("oidc.provider-discovery-misconfigured", "failed to initialize server: server: Failed to open connector keycloak: failed to open connector: failed to create connector keycloak: failed to get provider: Get \"https://idp.tarnow-dc.eu/auth/realms/metal/.well-known/openid-configuration\": dial tcp 10.200.1.40:443: i/o timeout");
        ROUND.reads("oidc.provider-discovery-misconfigured", "failed to initialize server: server: Failed to open connector oidc: failed to open connector: failed to create connector oidc: failed to get provider: 404 NotFound: Not Found.");
        ROUND.readsNot("oidc.provider-discovery-misconfigured", "{\"level\":\"warn\",\"msg\":\"failed to get provider configuration from discovery\",\"error\":\"Get https://test.auth.de/auth/realms/master/.well-known/openid-configuration: dial tcp: lookup test.auth.de on 127.0.0.11:53: no such host\"}"); // dns.no-such-host
        ROUND.reads("quarkus.oidc-endpoint-access", "io.quarkus.oidc.common.runtime.OidcEndpointAccessException");
        ROUND.readsNot("quarkus.oidc-endpoint-access", "2026-12-05 18:11:02,987 WARN  [io.qua.oid.run.OidcRecorder] (vert.x-eventloop-thread-1) Tenant 'Default': 'OIDC Server is not available'. OIDC server is not available yet, an attempt to connect will be made duiring the first request.");
        ROUND.reads("quarkus.oidc-endpoint-access", "2026-12-05 09:18:02,120 ERROR [io.qua.run.Application] (main) Caused by: io.quarkus.oidc.common.runtime.OidcEndpointAccessException");
        ROUND.readsNot("quarkus.oidc-endpoint-access", "Caused by: javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target"); // java.cert-path-not-found
        ROUND.reads("dockerhub.sso-token-required", "{u'message': u'unauthorized: please use personal access token to login when SSO is enforced'}");
        ROUND.readsNot("dockerhub.sso-token-required", "Log in with your Docker ID or email address to push and pull images from Docker Hub. You can use a personal access token as the password.");
        ROUND.reads("dockerhub.sso-token-required", "2026-12-02T10:11:12.0000000Z {u'message': u'unauthorized: please use personal access token to login when SSO is enforced'}");
        // GitHub's git refusing a password (auth.deploy-token's words; no indication reads it alone)
        ROUND.readsNot("dockerhub.sso-token-required", "remote: Support for password authentication was removed on August 13, 2021. Please use a personal access token instead.");
        ROUND.reads("docker.pull-daemon-timeout", "##[group]Run docker pull quay.io/keycloak/keycloak@sha256:b4841a7b8401fd209bfcddf10773cdfa7c7cfde4bf7e87780663226be5587ee2\n##[endgroup]\nError response from daemon: i/o timeout");
        ROUND.readsNot("docker.pull-daemon-timeout", "docker pull registry-1.docker.io/library/node:20\nError response from daemon: Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io on 192.168.65.1:53: read udp 192.168.65.2:45941->192.168.65.1:53: i/o timeout");
        ROUND.reads("docker.pull-daemon-timeout", "+ docker image pull quay.io/keycloak/keycloak:26.0\nError response from daemon: context deadline exceeded");
        ROUND.readsNot("docker.pull-daemon-timeout", "docker pull ghcr.io/acme/api:1.4\nError response from daemon: Head \"https://ghcr.io/v2/acme/api/manifests/1.4\": dial tcp 140.82.112.33:443: i/o timeout"); // registry.connection
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
