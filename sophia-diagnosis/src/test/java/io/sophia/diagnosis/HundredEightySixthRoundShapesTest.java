package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-seventh session's rule writer r47-p212, each in its tool's own words: its round on the
 * tuning set p212- (GraphQL servers and gateways in deploys). Rover's plugin download failing on the server's side or
 * the client's timeout (apollographql/rover#1650, #1583); the Hasura CLI refused for its admin secret
 * (hasura/graphql-engine#3740, #6104) and Hasura refusing inconsistent metadata (#5513); a schema load by introspection
 * against a server that turns it off (Badminton-Apps/badman#897); Apollo Gateway's "missing a valid configuration"
 * (apollographql/federation#368); federation's EXTENSION_WITH_NO_BASE (graphql-hive/console#2714); Apollo Router
 * without a supergraph or APOLLO_KEY (apollographql/router#535); hickory-dns's "no record found for Query"
 * (apollographql/rover#1580); rustls finding no CA certificate (apollographql/router#2145, roapi/roapi#103,
 * rustic-rs/rustic#1777) and refusing a peer certificate (iotaledger/firefly#7816, pkgxdev/pkgx#1027); GraphQL
 * Inspector's breaking changes (graphql-hive/graphql-inspector#72); GraphQL Mesh's server crashing in its own code
 * (ardatan/graphql-mesh#976, #1012). And three readings: "graphql" in a package's name
 * is not Fly's API (fly.api-server-error), reqwest's "operation timed out" is one request's limit, not the job's
 * (ci.timeout/reqwest-request-limit), and a look at a DOWN dependency's own log naming its own failure makes it the
 * root of its dependents' chain (Facts). Each test fails before its change.
 */
class HundredEightySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("rover.plugin-download-failed", "build.dependency-fetch"),
            Map.entry("hasura.cli-admin-secret-refused", "auth.deploy-token"),
            Map.entry("hasura.inconsistent-metadata-refused", "config.invalid"),
            Map.entry("graphql.introspection-disabled", "config.invalid"),
            Map.entry("graphql.introspection-disabled-below-load", "config.invalid"),
            Map.entry("apollo-gateway.missing-valid-configuration", "config.invalid"),
            Map.entry("federation.extension-with-no-base", "config.invalid"),
            Map.entry("apollo-router.no-supergraph-or-apollo-key", "config.missing-secret"),
            Map.entry("dns.hickory-no-record-found", "network.dns"),
            Map.entry("rustls.no-ca-certificates", "tls.certificate"),
            Map.entry("rustls.invalid-peer-certificate", "tls.certificate"),
            Map.entry("graphql-inspector.breaking-changes", "ci.test-failure"),
            Map.entry("graphql-mesh.serve-runtime-error", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("rover.plugin-download-failed", "downloading the 'supergraph' plugin from https://rover.apollo.dev/tar/supergraph/x86_64-unknown-linux-gnu/v2.4.8\nerror: HTTP status server error (500 Internal Server Error) for url (https://rover.apollo.dev/tar/supergraph/x86_64-unknown-linux-gnu/v2.4.8)");
        ROUND.reads("rover.plugin-download-failed", "downloading the 'supergraph' plugin from https://rover.apollo.dev/tar/supergraph/x86_64-apple-darwin/v2.3.1\nerror: error decoding response body: operation timed out");
        ROUND.readsNot("rover.plugin-download-failed", "downloading the 'supergraph' plugin from https://rover.apollo.dev/tar/supergraph/aarch64-apple-darwin/v2.10.0-preview.0\nthe 'supergraph' plugin was successfully installed to /Users/cyrbuzz/Desktop/work/graphchat/node_modules/@apollo/rover/binary/supergraph-v2.10.0-preview.0");
        ROUND.reads("hasura.cli-admin-secret-refused", "FATA[0000] cannot create migrate instance: Data Error: {\"path\":\"$\",\"error\":\"invalid x-hasura-admin-secret/x-hasura-access-key\",\"code\":\"access-denied\"}");
        ROUND.reads("hasura.cli-admin-secret-refused", "FATA[0000] cannot create migrate instance: cannot create migrate instance: [access-denied] restricted access : admin only ($.args)");
        ROUND.readsNot("hasura.cli-admin-secret-refused", "{\"timestamp\":\"2019-10-23T13:27:12.759+0000\",\"level\":\"error\",\"type\":\"http-log\",\"detail\":{\"operation\":{\"query_execution_time\":null,\"user_vars\":null,\"error\":{\"path\":\"$\",\"error\":\"invalid x-hasura-admin-secret/x-hasura-access-key\",\"code\":\"access-denied\"}}}}");
        ROUND.reads("hasura.inconsistent-metadata-refused", "FATA[0002] apply failed: [unexpected] cannot continue due to inconsistent metadata ($.args[2].args)");
        ROUND.readsNot("hasura.inconsistent-metadata-refused", "FATA[0054] failed to apply metadata: cannot apply metadata on the database: failed parsing json: invalid character '<' looking for beginning of value; response from API: <!DOCTYPE html>");
        ROUND.reads("graphql.introspection-disabled", "Failed to load schema from https://api.badman.app/graphql: GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production");
        // the server's own answer to an introspection probe is no build's load (p212-38: off by design)
        ROUND.readsNot("graphql.introspection-disabled", "{\"errors\":[{\"message\":\"GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production\",\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}");
        ROUND.reads("graphql.introspection-disabled-below-load", "[FAILED]         Failed to load schema from https://api.badman.app/graphql:\n[FAILED]\n[FAILED]         GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production");
        ROUND.readsNot("graphql.introspection-disabled-below-load", "[FAILED]         Failed to load schema from https://api.badman.app/graphql:\n[FAILED]\n[FAILED]         request to https://api.badman.app/graphql failed, reason: connect ECONNREFUSED 10.0.0.4:443");
        ROUND.reads("apollo-gateway.missing-valid-configuration", "ERROR - This data graph is missing a valid configuration. Cannot read property 'map' of undefined");
        // a service that is down behind the same prefix is no configuration of the gateway's (p212-11)
        ROUND.readsNot("apollo-gateway.missing-valid-configuration", "This data graph is missing a valid configuration. Couldn't load service definitions for \"user\" at http://user:8300: request to http://user:8300/ failed, reason: connect ECONNREFUSED 172.19.0.4:8300");
        ROUND.reads("federation.extension-with-no-base", "- [articles] Subscription -> `Subscription` is an extension type, but `Subscription` is not defined in any service");
        ROUND.readsNot("federation.extension-with-no-base", "✖ Detected 1 error");
        ROUND.reads("apollo-router.no-supergraph-or-apollo-key", "        Alternatively, to retrieve the supergraph from Apollo Studio, set the APOLLO_KEY");
        ROUND.readsNot("apollo-router.no-supergraph-or-apollo-key", "    💫 Apollo Router requires a supergraph to be set using '--supergraph':");
        ROUND.reads("dns.hickory-no-record-found", "error[E028]: error sending request for url (https://k8s-dev.cistec.com/com/patient/graphql): error trying to connect: dns error: no record found for Query { name: Name(\"k8s-dev.cistec.com.home.\"), query_type: AAAA, query_class: IN }");
        ROUND.readsNot("dns.hickory-no-record-found", "        Make sure the endpoint is accepting connections and is spelled correctly");
        ROUND.reads("rustls.no-ca-certificates", "thread 'tokio-runtime-worker' panicked at 'no CA certificates found', /usr/local/cargo/registry/src/github.com-1ecc6299db9ec823/hyper-rustls-0.23.1/src/config.rs:48:9");
        ROUND.reads("rustls.no-ca-certificates", "cause = 'Client::new(): reqwest::Error { kind: Builder, source: General(\"No CA certificates were loaded from the system\") }'");
        ROUND.readsNot("rustls.no-ca-certificates", "2024-02-06T16:08:09.156346Z DEBUG hyper_rustls::config: with_native_roots processed 0 valid and 0 invalid certs");
        ROUND.reads("rustls.invalid-peer-certificate", "ClientError: `error sending request for url (https://chrysalis-nodes.iota.org/api/v1/info): error trying to connect: invalid peer certificate contents: invalid peer certificate: UnknownIssuer`");
        ROUND.reads("rustls.invalid-peer-certificate", "× unexpected error error sending request for url (https://github.com/pkgxdev/pantry/archive/refs/heads/main.tar.gz): error trying to connect: invalid peer certificate: UnknownIssuer");
        ROUND.readsNot("rustls.invalid-peer-certificate", "WARNING  rustls failed to parse DER certificate UnsupportedCriticalExtension");
        ROUND.reads("graphql-inspector.breaking-changes", "✖ Detected 2 breaking changes");
        ROUND.reads("graphql-inspector.breaking-changes", "error Detected 1 breaking change");
        ROUND.readsNot("graphql-inspector.breaking-changes", "Detected the following changes (2) between schemas:");
        ROUND.reads("graphql-mesh.serve-runtime-error", "error: Unable to serve mesh:  Cannot read property 'toString' of undefined {\"stack\":\"TypeError: Cannot read property 'toString' of undefined\\n    at serveMesh (/Users/rehez/Desktop/graphql-mesh-playground/node_modules/@graphql-mesh/cli/bin.js:422:32)\"}");
        ROUND.readsNot("graphql-mesh.serve-runtime-error", "error: Unable to serve mesh:  GraphQL Mesh Configuration is not valid: data should be object {\"stack\":\"Error: GraphQL Mesh Configuration is not valid: data should be object\\n    at validateConfig (/usr/src/graphql/node_modules/@graphql-mesh/runtime/index.cjs.js:531:15)\"}");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. The
     * gateway's, federation's and Mesh's words reach the labelled scenarios only in a look at the host (p212-03, p212-05,
     * p212-15, below), and the loader's one-line form of the introspection refusal only in its source (badman#897).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // p152-14 (labelled app.crash-on-boot): the relay's "invalid peer certificate: UnknownIssuer" is the consequence
        // of its label's cause, an image without the OS certificate store its rustls client loads (firezone/firezone#3266)
        ROUND.without(java.util.Set.of("apollo-gateway.missing-valid-configuration", "federation.extension-with-no-base",
                "graphql-mesh.serve-runtime-error", "graphql.introspection-disabled"))
                .staysInItsCauses("p152-14 rustls.invalid-peer-certificate");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
        for (Map.Entry<String, String> look : Map.of(
                "p212-03-config-invalid-gateway-missing-valid-configuration-no-keys-map-undefined", "config.invalid",
                "p212-05-config-invalid-hive-publish-ok-composition-failed-cdn-supergraph-404", "config.invalid",
                "p212-15-app-crash-on-boot-graphql-mesh-serve-handlers-is-not-iterable", "app.crash-on-boot").entrySet()) {
            io.sophia.core.Assessment a = Fleet.scenario(look.getKey());
            org.junit.jupiter.api.Assertions.assertTrue(Fleet.weighs(a, look.getValue() + "/probe-detail-indication"),
                    look.getKey() + " " + a.causes());
        }
    }

    /**
     * Each fixed p212- miss now led by its label (unknown or another cause led at 0.49 to 0.9 before); and the near
     * misses of the same words stay with theirs (p212-38: an introspection probe refused by design is no failure;
     * p212-11: a gateway that cannot load a service that is down).
     */
    @Test
    void theGraphqlMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p212-02-config-invalid-hasura-migrate-apply-inconsistent-metadata-enum-table", "config.invalid"),
                Map.entry("p212-03-config-invalid-gateway-missing-valid-configuration-no-keys-map-undefined", "config.invalid"),
                Map.entry("p212-04-config-invalid-codegen-introspection-not-allowed-production-endpoint", "config.invalid"),
                Map.entry("p212-05-config-invalid-hive-publish-ok-composition-failed-cdn-supergraph-404", "config.invalid"),
                Map.entry("p212-15-app-crash-on-boot-graphql-mesh-serve-handlers-is-not-iterable", "app.crash-on-boot"),
                Map.entry("p212-07-config-missing-secret-router-requires-supergraph-or-apollo-key-fly", "config.missing-secret"),
                Map.entry("p212-09-auth-deploy-token-hasura-metadata-reload-admin-secret-required-not-found", "auth.deploy-token"),
                Map.entry("p212-10-auth-deploy-token-hasura-migrate-invalid-admin-secret-access-denied", "auth.deploy-token"),
                Map.entry("p212-21-tls-certificate-router-docker-image-no-ca-certificates-found-panic", "tls.certificate"),
                Map.entry("p212-23-tls-certificate-hive-router-cdn-self-signed-invalid-peer-certificate", "tls.certificate"),
                Map.entry("p212-24-network-dns-rover-subgraph-introspect-search-domain-home-aaaa-no-record", "network.dns"),
                Map.entry("p212-26-build-dependency-fetch-rover-supergraph-plugin-download-500-rover-apollo-dev", "build.dependency-fetch"),
                Map.entry("p212-27-build-dependency-fetch-rover-supergraph-plugin-download-operation-timed-out", "build.dependency-fetch"),
                Map.entry("p212-35-ci-test-failure-graphql-inspector-breaking-change-blocks-build-test-deploy", "ci.test-failure"),
                Map.entry("p212-38-unknown-introspection-disabled-production-probe-400-by-design", "unknown"),
                Map.entry("p212-11-dependency-down-gateway-couldnt-load-service-definitions-user-econnrefused", "dependency.down")));
    }

    /**
     * ci.timeout/reqwest-request-limit: Rover's "error[E004]: error sending request for url (...): operation timed out"
     * in every publisher's job is the request's limit against a registry API in an incident, not the jobs' limits.
     * Before, ci.timeout led p212-34 at 0.70 over the status page's open incident.
     */
    @Test
    void aRequestTimeoutIsNotTheJobsLimit() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p212-34-platform-outage-apollo-studio-api-incident-subgraph-publish-timeouts", "platform.outage"));
    }

    /**
     * Facts: a look at the DOWN datastore's own log naming its own failure ("Database is uninitialized and superuser
     * password is not specified") makes it the root of its dependents' chain, as its machine's exit naming it does.
     * Before, dependency.down led p212-06 at 0.60.
     */
    @Test
    void aDependencysOwnLogNamingItsFailureIsTheChainsRoot() throws IOException {
        String id = "p212-06-config-missing-secret-postgres-superuser-password-hasura-restarting";
        ShapeRound.leadWith(Map.of(id, "config.missing-secret"));
        // the chain is no longer a bare dependency down: its root names a failure of its own
        io.sophia.core.Assessment a = Fleet.scenario(id);
        a.causes().stream().filter(c -> c.id().value().equals("dependency.down")).findFirst().ifPresent(down ->
                org.junit.jupiter.api.Assertions.assertTrue(down.evidence().stream()
                        .noneMatch(e -> "dependency.down/dependency-down".equals(e.ruleId())), down.evidence().toString()));
    }
}
