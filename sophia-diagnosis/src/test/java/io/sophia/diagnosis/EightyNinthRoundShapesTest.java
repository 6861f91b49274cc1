package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-third session's rule writer rules33a, each in its tool's own words: its round on the
 * consumed sets h110- (JS/TS web apps) and h111- (brokers, queues, caches). New: drizzle-kit refusing to run without a
 * required connection param ("Please provide required params for Postgres driver:" then "[x] url: undefined");
 * Astro's NoAdapterInstalled ("Cannot use server-rendered pages without an adapter", before Astro 5 "Cannot use
 * `output: 'server'` ... without an adapter"); the Kafka clients' ConfigException for a refused value ("Invalid value
 * SASL-SSL for configuration security.protocol"); the Vercel CLI's "The hostname api.vercel.com could not be resolved".
 * Four indications of earlier rounds are widened: netlify.linked-project-unauthorized to the --site/--project hook's
 * "Not authorized to view the project (id)" and "Not authorized to access project \"name\"";
 * actions.oidc-token-request-url-missing to deployctl's "Failed to get the GitHub OIDC token. Make sure that this job
 * has the required permissions"; kafka-java.bootstrap-unresolvable to Confluent cluster linking's
 * "UNRESOLVABLE_BOOTSTRAP_ERROR: Unable to resolve the bootstrap server ... to an IP address."; and
 * googleapi.error-503-unavailable to google-api-core's "ServiceUnavailable: 503 The service is currently unavailable."
 * Each is tested on its source's words and a near miss (for a new one the first pair is indication-cases.tsv's row,
 * then a line its comment quotes or its scenario shows and a line of another cause that shares its words); each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class EightyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules33a (h110-: JS/TS web apps; h111-: brokers, queues, caches)
            Map.entry("drizzle-kit.required-params-missing", "config.missing-secret"),
            Map.entry("astro.no-adapter-installed", "config.invalid"),
            Map.entry("kafka.config-invalid-value", "config.invalid"),
            Map.entry("vercel-cli.api-hostname-unresolved", "network.dns"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules33a: new
        ROUND.reads("drizzle-kit.required-params-missing", "Error  Please provide required params for Postgres driver:\n    [x] url: undefined");
        ROUND.readsNot("drizzle-kit.required-params-missing", "Error  Please provide required params for Postgres driver:\n    [✓] url: 'postgres://app:****@db.internal:5432/app'");
        ROUND.reads("drizzle-kit.required-params-missing", "  2026-12-05T12:54:31Z Error  Please provide required params for Postgres driver:\n  2026-12-05T12:54:31Z     [x] url: undefined");
        ROUND.reads("drizzle-kit.required-params-missing", "Error  Please provide required params for Postgres driver:\n    [x] url: ''");
        ROUND.reads("drizzle-kit.required-params-missing", "Error  Please provide required params for Postgres driver:\n    [✓] host: 'db.internal'\n        port?: \n        user?: \n        password?: \n    [x] database: undefined");
        ROUND.readsNot("drizzle-kit.required-params-missing", "Error  Either connection \"url\" or \"host\", \"database\" are required for PostgreSQL database connection");
        ROUND.readsNot("drizzle-kit.required-params-missing", "Error: Please provide a valid DATABASE_URL\n    [x] url: undefined"); // no drizzle-kit header
        ROUND.reads("astro.no-adapter-installed", "[NoAdapterInstalled] Cannot use server-rendered pages without an adapter. Please install and configure the appropriate server adapter for your final deployment.");
        ROUND.readsNot("astro.no-adapter-installed", "[build] adapter: @astrojs/netlify");
        ROUND.reads("astro.no-adapter-installed", "error   Cannot use `output: 'server'` or `output: 'hybrid'` without an adapter. Please install and configure the appropriate server adapter for your final deployment.");
        ROUND.reads("astro.no-adapter-installed", "14:00:02 [ERROR] [NoAdapterInstalled] Cannot use `output: 'server'` without an adapter.");
        ROUND.readsNot("astro.no-adapter-installed", "[vercel] Error: The `output` option cannot be `server` with the static adapter; use `@astrojs/vercel/serverless` instead"); // not NoAdapterInstalled's words
        ROUND.reads("kafka.config-invalid-value", "Caused by: org.apache.kafka.common.config.ConfigException: Invalid value SASL-SSL for configuration security.protocol: String must be one of (case insensitive): PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
        ROUND.readsNot("kafka.config-invalid-value", "Caused by: org.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers"); // kafka-java.bootstrap-unresolvable (network.dns)
        ROUND.reads("kafka.config-invalid-value", "2026-11-09T13:04:12 ecs/producer/1b9e... Caused by: org.apache.kafka.common.config.ConfigException: Invalid value SASL-SSL for configuration security.protocol: String must be one of (case insensitive): PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
        ROUND.reads("kafka.config-invalid-value", "org.apache.kafka.common.config.ConfigException: Invalid value all1 for configuration acks: String must be one of: all, -1, 0, 1");
        ROUND.readsNot("kafka.config-invalid-value", "* What went wrong: Could not resolve all files for configuration ':app:runtimeClasspath'."); // a Gradle configuration's download (build.dependency-fetch)
        ROUND.reads("vercel-cli.api-hostname-unresolved", "Error: The hostname api.vercel.com could not be resolved. Please verify your internet connectivity and DNS configuration.");
        ROUND.readsNot("vercel-cli.api-hostname-unresolved", "Error: Connection to api.vercel.com interrupted. Please verify your internet connectivity and DNS configuration.");
        ROUND.reads("vercel-cli.api-hostname-unresolved", "2026-12-05T19:39:02.114Z Error! The hostname api.zeit.co could not be resolved. Please verify your internet connectivity and DNS configuration.");
        ROUND.readsNot("vercel-cli.api-hostname-unresolved", "Error: Unable to resolve Cloudflare's API hostname (api.cloudflare.com or dash.cloudflare.com)."); // wrangler.api-hostname-unresolved
        // rules33a: earlier rounds' indications, widened
        ROUND.reads("netlify.linked-project-unauthorized", "auth.deploy-token", " ›   Error: Not authorized to view the project (4b1d7e0c-2f6a-4c88-9e51-0a7d3c9b2e11)");
        ROUND.reads("netlify.linked-project-unauthorized", "auth.deploy-token", "Error: Not authorized to access project \"oakhollow-blog\"");
        ROUND.readsNot("netlify.linked-project-unauthorized", "{\"status\":403,\"success\":false,\"errors\":{\"description\":\"You are not authorized to view the project!\"}}");
        ROUND.readsNot("netlify.linked-project-unauthorized", "org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders]"); // kafka.topic-authorization-failed (config.invalid)
        ROUND.reads("actions.oidc-token-request-url-missing", "auth.deploy-token", "##[error]Failed to get the GitHub OIDC token. Make sure that this job has the required permissions for getting GitHub OIDC tokens (see https://docs.github.com/en/actions/deployment/security-hardening-your-deployments/about-security-hardening-with-openid-connect#adding-permissions-settings ).");
        ROUND.readsNot("actions.oidc-token-request-url-missing", "Make sure that this job has the required permissions to write packages");
        ROUND.reads("kafka-java.bootstrap-unresolvable", "network.dns", "Error: failed to create cluster link \"dc1-to-cloud\": UNRESOLVABLE_BOOTSTRAP_ERROR: Unable to resolve the bootstrap server kafka.dc1.corp.internal:9092 to an IP address.");
        ROUND.readsNot("kafka-java.bootstrap-unresolvable", "Error: failed to create cluster link \"dc1-to-cloud\": BOOTSTRAP_TCP_CONNECTION_FAILED: Unable to establish a TCP connection to the bootstrap server");
        ROUND.reads("googleapi.error-503-unavailable", "platform.outage", "google.api_core.exceptions.ServiceUnavailable: 503 The service is currently unavailable.");
        ROUND.readsNot("googleapi.error-503-unavailable", "google.api_core.exceptions.ServiceUnavailable: 503 Getting metadata from plugin failed with error: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))");
    }

    /** No corpus line is read by the round, and on the labelled scenarios no line of another cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
