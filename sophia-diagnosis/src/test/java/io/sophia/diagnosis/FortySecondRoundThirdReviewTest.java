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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Third review of session 17's diagnosis changes (503f9a41, b85c14c0, deebf444, 698ee595, 9c101c82: log indications
 * of p65- to p73-'s families, datastore.refusing-work widened, timeout.generic narrowed, network.dns/tenant-name): each
 * test shows a reading the review found wrong before its fix.
 */
class FortySecondRoundThirdReviewTest {

    /**
     * timeout.generic's narrowing against a serverless function's own limit ("Task timed out after 5.01 seconds",
     * deebf444) wanted a space and a word not ending in "k" before "timed out after": it also dropped a step's own
     * "##[error]timed out after 2 minutes" (a GitHub run's annotation, in public notes on a macOS runner) and every
     * word ending in "k" ("Cargo check timed out after 10 seconds", a flake's CI script). Now only "Task " is left out.
     */
    @Test
    void onlyAFunctionsTaskIsLeftOutOfTheGenericTimeout() throws IOException {
        Fleet.assertReads("timeout.generic", "ci.timeout", "##[error]timed out after 2 minutes");
        Fleet.assertReads("timeout.generic", "ci.timeout", "Cargo check timed out after 10 seconds");
        Fleet.assertReads("timeout.generic", "ci.timeout", "Error: operation failed (timed out after 30s)");
        Fleet.assertReads("timeout.generic", "ci.timeout", "Failed to upload code. Request timed out after 60s");
        // near misses: the function's own limit, at the start of a line, after a request id, in lower case
        Fleet.assertReadsNot("timeout.generic", "Task timed out after 3.00 seconds");
        Fleet.assertReadsNot("timeout.generic", "2026-12-01T10:00:00.000Z 1b2c3d4e-5f60 Task timed out after 3.00 seconds");
        Fleet.assertReadsNot("timeout.generic", "11:24:50.630  GET /guides/peru   504  Task timed out after 5.01 seconds");
        Fleet.assertReadsNot("timeout.generic", "lambda: task timed out after 900.00 seconds");
    }

    /**
     * datastore.refusing-work's Postgres and Elasticsearch shapes (503f9a41): Postgres 16 words its reserved slots
     * "remaining connection slots are reserved for roles with the SUPERUSER attribute" (woodpeck/postpass-ops#24), which
     * the pattern for "non-replication superuser" missed; Elasticsearch names the flood stage's mark as a size when it is
     * set so ("[1gb]", DiskThresholdMonitor's describeFloodStageThreshold) and its block, in Java's ClusterBlockException,
     * "disk usage exceeded flood-stage watermark" with no "cluster_block_exception"; and any read-only block was read as
     * the flood stage's, also an index an operator made read-only (FORBIDDEN/5 "index read-only (api)").
     */
    @Test
    void postgres16sSlotsAndElasticsearchsFloodStageInAllItsWordsButNotAnOperatorsReadOnlyIndex() throws IOException {
        Fleet.assertReads("datastore.refusing-work", "dependency.down", "psycopg.OperationalError: connection failed: "
                + "FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute");
        Fleet.assertReads("datastore.refusing-work", "dependency.down", "pq: remaining connection slots are reserved for "
                + "roles with privileges of the \"pg_use_reserved_connections\" role");
        Fleet.assertReads("datastore.refusing-work", "dependency.down", "[2026-12-01T10:00:00,000][WARN ][o.e.c.r.a."
                + "DiskThresholdMonitor] [es-0] flood stage disk watermark [1gb] exceeded on [abc][es-0][/data] free: "
                + "900mb[0.9%], all indices on this node will be marked read-only");
        Fleet.assertReads("datastore.refusing-work", "dependency.down", "org.elasticsearch.cluster.block."
                + "ClusterBlockException: index [orders] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded "
                + "flood-stage watermark, index has read-only-allow-delete block];");
        // as before: 6.x's block and 7.x's, in the REST answer
        Fleet.assertReads("datastore.refusing-work", "dependency.down", "retrying failed action with response code: "
                + "403 ({\"type\"=>\"cluster_block_exception\", \"reason\"=>\"blocked by: [FORBIDDEN/12/index read-only / "
                + "allow delete (api)];\"})");
        Fleet.assertReads("datastore.refusing-work", "dependency.down", "{\"type\":\"cluster_block_exception\","
                + "\"reason\":\"index [x] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, "
                + "index has read-only-allow-delete block];\"}");
        // near misses: an index an operator made read-only; the flood stage no longer exceeded; the high watermark
        Fleet.assertReadsNot("datastore.refusing-work", "{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":"
                + "\"index [logs-2026.11] blocked by: [FORBIDDEN/5/index read-only (api)];\"},\"status\":403}");
        Fleet.assertReadsNot("datastore.refusing-work", "[INFO ][o.e.c.r.a.DiskThresholdMonitor] [es-0] flood stage disk "
                + "watermark [95%] no longer exceeded on [abc][es-0][/data]");
        Fleet.assertReadsNot("datastore.refusing-work", "[WARN ][o.e.c.r.a.DiskThresholdMonitor] [es-0] high disk "
                + "watermark [90%] exceeded on [abc][es-0][/data] free: 9gb[9%], shards will be relocated away from this node");
    }

    /**
     * paas.account-blocked (698ee595) read any JSON "quota_exceeded" code as a platform blocking the account's deploys:
     * it is what many apps answer for their own users' limits or pass on from an AI provider ("{"error":
     * "quota_exceeded", "retry_after": 15}" for a Gemini RESOURCE_EXHAUSTED, "Monthly token quota exceeded"), none of
     * them a platform's plan. Now only where it counts what a platform's plan counts (p73-19's "max_apps").
     */
    @Test
    void anAppsOwnQuotaAnswerIsNoPlatformBlockingTheAccount() throws IOException {
        Fleet.assertReadsNot("paas.account-blocked", "POST /api/summarize 429 {\"error\": \"quota_exceeded\", "
                + "\"retry_after\": 15}");
        Fleet.assertReadsNot("paas.account-blocked", "Error: upstream answered 429 {\"error\":\"quota_exceeded\","
                + "\"message\":\"Monthly token quota exceeded\",\"month\":\"2026-12\"}");
        Fleet.assertReadsNot("paas.account-blocked", "{\"error\":\"quota_exceeded\"}");
        Fleet.assertReads("paas.account-blocked", "platform.quota", "{\"error\":\"quota_exceeded\",\"message\":\"org "
                + "rivulet has reached max_apps (10)\"}");
        Fleet.assertReads("paas.account-blocked", "platform.quota", "Error: 403 {\"error\": \"quota_exceeded\", "
                + "\"message\": \"team acme has used all 3 projects of its plan\"}");
        Fleet.assertReads("paas.account-blocked", "platform.quota", "The deployment is blocked. DEPLOYMENT_BLOCKED "
                + "fra1::x2k7l-1764533700123");
    }

    private static Assessment nameFails(String target, String detail) {
        Deployment d = new Deployment("recipes", List.of(Fleet.service("db", "Database", "Data", ServiceKind.HTTP)));
        return Diagnosis.ofDefaults().diagnose(d, List.of(new Observation.ProbeFailure("db", Source.DNS, target,
                FailureKind.DNS_FAILURE, detail, null, Duration.ofMillis(20), 1)), Fleet.NOW);
    }

    private static double dns(Assessment a) {
        return a.causes().stream().filter(c -> c.id().equals(CauseId.NETWORK_DNS)).findFirst().orElseThrow().probability();
    }

    /**
     * network.dns/tenant-name (b85c14c0, lr 0.05) weighed a tenant's name that failed to resolve as a tenant that may be
     * gone whatever the resolver said: also when the resolver failed (p54-27: "SERVFAIL" for shop-example.herokuapp.com
     * in a DNS provider's outage; "getaddrinfo EAI_AGAIN", a lookup that could not be made) and when the name has
     * records of another kind (h19-30: "no A record (AAAA only)" for Supabase's IPv6-only direct host), both labelled
     * network.dns, where the tenant is plainly there. It also took the platforms' own hosts for tenants
     * ("console.neon.tech", Neon's console and API; "qstash.upstash.io", Upstash's queue API).
     */
    @Test
    void aTenantsNameWeighsLessOnlyWhenItIsSaidNotToExist() {
        for (String detail : List.of("SERVFAIL", "getaddrinfo EAI_AGAIN shop-example.herokuapp.com",
                "dial tcp: lookup shop-example.herokuapp.com on 127.0.0.53:53: server misbehaving")) {
            Assessment a = nameFails("https://shop-example.herokuapp.com/", detail);
            assertFalse(Fleet.weighs(a, "network.dns/tenant-name"), detail + ": " + a.causes());
            assertEquals(CauseId.NETWORK_DNS, a.causes().get(0).id(), a.causes().toString());
        }
        Assessment aaaaOnly = nameFails("tcp://db.wkfqzrsuvgmtiemjvd.supabase.co:5432",
                "no A record (AAAA only) for db.wkfqzrsuvgmtiemjvd.supabase.co");
        assertFalse(Fleet.weighs(aaaaOnly, "network.dns/tenant-name"), aaaaOnly.causes().toString());
        for (String target : List.of("https://console.neon.tech/api/v2/projects", "https://qstash.upstash.io/v2/publish")) {
            Assessment a = nameFails(target, "NXDOMAIN");
            assertFalse(Fleet.weighs(a, "network.dns/tenant-name"), target + ": " + a.causes());
        }
        // the tenant's name said not to exist weighs less, as b85c14c0 meant, and less than the same name on SERVFAIL
        Assessment gone = nameFails("https://shop-example.herokuapp.com/", "NXDOMAIN");
        assertTrue(Fleet.weighs(gone, "network.dns/tenant-name"), gone.causes().toString());
        assertTrue(dns(gone) < dns(nameFails("https://shop-example.herokuapp.com/", "SERVFAIL")), gone.causes().toString());
        for (String[] t : List.of(new String[]{"tcp://ep-quiet-river-12345678.us-east-2.aws.neon.tech:5432",
                        "getaddrinfo ENOTFOUND ep-quiet-river-12345678.us-east-2.aws.neon.tech"},
                new String[]{"tcp://usw1-selected-termite-30690.upstash.io:6379", "NXDOMAIN"},
                new String[]{"https://kestrel-docs.fly.dev/", "lookup kestrel-docs.fly.dev: no such host"},
                new String[]{"https://thumbnails-fn.azurewebsites.net/api/health", ""})) {
            assertTrue(Fleet.weighs(nameFails(t[0], t[1]), "network.dns/tenant-name"), t[0] + " " + t[1]);
        }
        // near miss: a custom domain CNAME'd to a tenant's host is the team's own name (h13-23's shape)
        Assessment custom = nameFails("https://api.bookings.example.com/health", "NXDOMAIN (CNAME bookings-api-old.fly.dev)");
        assertFalse(Fleet.weighs(custom, "network.dns/tenant-name"), custom.causes().toString());
    }
}
