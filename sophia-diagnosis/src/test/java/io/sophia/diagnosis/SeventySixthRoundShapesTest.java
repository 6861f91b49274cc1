package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-first session's rule writer rules31b (h106-, consumed), each in its tool's own words: ECS
 * refusing a new task set or deployment while the service already has the most it allows in flight
 * (ecs.deployment-limit-reached); Vault's JWT auth role refusing the CI's identity token for its audience or bound claims,
 * as hashicorp/vault-action wraps it (vault.jwt-role-claims-refused); Go looking up the port of an address as a service
 * name because a URL's path or scheme was left in it, "lookup tcp/14268/api/traces: ..." (go.port-lookup-failed, with the
 * knowledge base's network.dns/port-not-a-name, which stops the same line counting as a name missing from DNS); Auth0's
 * Node SDKs refusing a required option whose AUTH0_* variable is not set, 'TypeError: "secret" is required'
 * (auth0.sdk-option-required); Grafana's Prometheus data source health check refused or unanswered by Prometheus
 * (grafana.prometheus-datasource-unreachable). And the words rules31b added to two older indications: GHCR's
 * "permission_denied: The requested installation does not exist." without docker's "denied: " prefix
 * (registry.insufficient-scope) and Node's "unable to get local issuer certificate" behind an Error, RequestError or
 * FetchError (node.unable-to-verify-first-certificate, pinned by FiftyFirstRoundShapesTest). Each is tested on its
 * source's words and a near miss (the first pair of each new id is indication-cases.tsv's row, then a line its comment
 * quotes or its scenario shows and a line of another cause that shares its words); the new indications read no line of
 * the shared corpus and, on the labelled scenarios, only lines of their own cause.
 */
class SeventySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules31b (h106-: ECS, Vault, Go dialers, Auth0 SDKs, Grafana)
            Map.entry("auth0.sdk-option-required", "config.missing-secret"),
            Map.entry("ecs.deployment-limit-reached", "platform.quota"),
            Map.entry("go.port-lookup-failed", "config.invalid"),
            Map.entry("grafana.prometheus-datasource-unreachable", "dependency.down"),
            Map.entry("vault.jwt-role-claims-refused", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("auth0.sdk-option-required", "TypeError: \"secret\" is required");
        ROUND.readsNot("auth0.sdk-option-required", "Config validation error: \"DATABASE_URL\" is required");
        // nextjs-auth0#1339: the same error while next build collects page data
        ROUND.reads("auth0.sdk-option-required", "info Collecting page data ...TypeError: \"secret\" is required");
        ROUND.readsNot("auth0.sdk-option-required", "spaceId: undefined - \"spaceId\" is required"); // gatsby.plugin-credential-undefined
        // the schema's other options, and not its refusal of a value that is there
        ROUND.reads("auth0.sdk-option-required", "TypeError: \"baseURL\" is required");
        ROUND.readsNot("auth0.sdk-option-required", "TypeError: \"baseURL\" must be a valid uri");

        ROUND.reads("ecs.deployment-limit-reached", "An error occurred (InvalidParameterException) when calling the CreateTaskSet operation: 5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.");
        ROUND.readsNot("ecs.deployment-limit-reached", "Created TaskSet ecs-svc/1234567890 with 5 desired tasks on the service");
        ROUND.reads("ecs.deployment-limit-reached", "2026-11-26T15:31:02.1234567Z An error occurred (InvalidParameterException) when calling the CreateTaskSet operation: 5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.");
        ROUND.readsNot("ecs.deployment-limit-reached", "ERROR: (service token-service) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 1a2b3c) has insufficient memory available."); // ecs.unable-to-place-task
        // UpdateService's words for the same limit (aws/containers-roadmap#2836)
        ROUND.reads("ecs.deployment-limit-reached", "Error: 5 active deployments exist, unable to create new deployment.");
        ROUND.readsNot("ecs.deployment-limit-reached", "An error occurred (InvalidParameterException) when calling the UpdateService operation: Desired count exceeds limit."); // ecs.desired-count-exceeds-limit

        ROUND.reads("go.port-lookup-failed", "2026/11/25 19:31:26 traces export: context deadline exceeded: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp: lookup tcp/14268/api/traces: nodename nor servname provided, or not known\"");
        ROUND.readsNot("go.port-lookup-failed", "dial tcp: lookup jaeger-collector on 10.96.0.10:53: no such host");
        // a gRPC target with its scheme (glibc's words) and Go's own resolver's
        ROUND.reads("go.port-lookup-failed", "FATA[2023-01-10T17:43:00Z] ../worker.go:146 failed to call schedule client allocs: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing dial tcp: lookup tcp///grpc.100brushes.com: Servname not supported for ai_socktype\"");
        ROUND.readsNot("go.port-lookup-failed", "2026/11/25 19:31:26 traces export: context deadline exceeded: rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp: lookup otel-collector on 10.96.0.10:53: no such host\""); // dns.no-such-host
        ROUND.reads("go.port-lookup-failed", "Error: dial tcp: lookup tcp/invalidport: unknown port");
        ROUND.readsNot("go.port-lookup-failed", "Error: getaddrinfo ENOTFOUND 3000"); // config.port-as-host

        ROUND.reads("grafana.prometheus-datasource-unreachable", "{\"message\":\"Post \\\"http://prometheus-k8s.monitoring.svc:9090/api/v1/query\\\": dial tcp 10.96.148.22:9090: connect: connection refused - There was an error returned querying the Prometheus API.\",\"status\":\"ERROR\"}");
        ROUND.readsNot("grafana.prometheus-datasource-unreachable", "404 Not Found - There was an error returned querying the Prometheus API.");
        ROUND.reads("grafana.prometheus-datasource-unreachable", "Post \"http://prometheus-k8s.monitoring.svc:9090/api/v1/query\": dial tcp 10.43.146.56:9090: i/o timeout - There was an error returned querying the Prometheus API.");
        ROUND.readsNot("grafana.prometheus-datasource-unreachable", "Post \"http://prometheus:9090/api/v1/query\": dial tcp: lookup prometheus on 127.0.0.11:53: no such host - There was an error returned querying the Prometheus API."); // dns.no-such-host
        ROUND.readsNot("grafana.prometheus-datasource-unreachable", "401 Unauthorized - There was an error returned querying the Prometheus API.");

        ROUND.reads("vault.jwt-role-claims-refused", "Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code 400 (Bad Request), vaultResponse: {\"errors\":[\"audience claim found in JWT but no audiences bound to the role\"]}");
        ROUND.readsNot("vault.jwt-role-claims-refused", "Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code 403 (Forbidden), vaultResponse: {\"errors\":[\"permission denied\"]}");
        // the plugin's other claim checks (claims.go), a timestamped line
        ROUND.reads("vault.jwt-role-claims-refused", "2026-11-24T08:14:51.0000000Z Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code 400 (Bad Request), vaultResponse: {\"errors\":[\"error validating claims: claim \\\"sub\\\" does not match any associated bound claim values\"]}");
        ROUND.readsNot("vault.jwt-role-claims-refused", "IDX10214: Audience validation failed. Audiences: 'api://foo'. Did not match: validationParameters.ValidAudience: 'api1'"); // identitymodel.audience-or-issuer-mismatch
        ROUND.reads("vault.jwt-role-claims-refused", "Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code 400 (Bad Request), vaultResponse: {\"errors\":[\"aud claim does not match any bound audience\"]}");
        ROUND.readsNot("vault.jwt-role-claims-refused", "Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity"); // cloud.federated-identity-refused
    }

    /** The new words rules31b added to two older indications, each with a near miss their comments leave out. */
    @Test
    void theWidenedIndicationsReadTheirNewWords() throws IOException {
        // GHCR's refusal without docker's "denied: " prefix (h106-06), not npm's publish to GitHub Packages
        ROUND.reads("registry.insufficient-scope", "registry.auth", "permission_denied: The requested installation does not exist.");
        ROUND.readsNot("registry.insufficient-scope", "npm ERR! 403 403 Forbidden - PUT https://npm.pkg.github.com/@acme%2fx - Permission permission_denied: The requested installation does not exist"); // npm.publish-refused
        ROUND.reads("registry.insufficient-scope", "registry.auth", "2026-11-24T13:14:40.0000000Z permission_denied: write_package");
        // Node's UNABLE_TO_GET_ISSUER_CERT_LOCALLY behind got's and node-fetch's errors (h106-35), not openssl's verify line
        ROUND.reads("node.unable-to-verify-first-certificate", "tls.certificate", "2026-12-01T09:19:44.5000000Z Issuer.discover() failed. RequestError: unable to get local issuer certificate");
        ROUND.readsNot("node.unable-to-verify-first-certificate", "verify error:num=20:unable to get local issuer certificate");
        ROUND.reads("node.unable-to-verify-first-certificate", "tls.certificate", "FetchError: request to https://kestrel-foods.eu.auth0.com/.well-known/openid-configuration failed, reason: unable to get local issuer certificate");
        ROUND.readsNot("node.unable-to-verify-first-certificate", "curl: (60) SSL certificate problem: unable to get local issuer certificate"); // tls.verify-failed
        // neither reads a line of the shared corpus, the new words included (node.unable-to-verify-first-certificate's
        // scenarios are checked by FiftyFirstRoundShapesTest's round)
        assertEquals(List.of(), Fleet.corpusLinesReadBy(java.util.Set.of("registry.insufficient-scope",
                "node.unable-to-verify-first-certificate")));
    }

    /**
     * No corpus line is read by the round's new indications, and on the labelled scenarios each reads only lines of its
     * own cause (none of another cause's scenario is read, so no consequence is named).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
