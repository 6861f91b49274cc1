package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-seventh session's rule writer rules27c, each in its tool's own words: its round on h93-
 * (issue 9 of the session: Prisma's engine download arriving with another sha256 than the published one; SQLAlchemy
 * 1.4+ refusing the "postgres" dialect name of a postgres:// URL; Mongoose handed an undefined connection string;
 * the PlanetScale CLI refusing half a service token or none; mongod exiting at start on a featureCompatibilityVersion
 * document it cannot open; Upstash Redis refusing writes at its plan's data size; and Elasticsearch's bootstrap checks
 * widened to 8.x's "[1] bootstrap checks failed. You must address the points ..." and "bootstrap check failure [1] of
 * [1]: " words). Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's
 * row where the round added one, then a line its comment quotes or its scenario shows and a line of another cause that
 * shares its words); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own
 * cause (or a consequence of that scenario's cause, named with its reason).
 */
class FiftyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules27c (h93-: build downloads, connection settings, CI tokens, datastores that refuse)
            Map.entry("elasticsearch.bootstrap-checks-failed", "app.crash-on-boot"),
            Map.entry("mongoose.uri-undefined", "config.missing-secret"),
            Map.entry("prisma.engine-download-checksum-mismatch", "build.dependency-fetch"),
            Map.entry("pscale.service-token-incomplete", "auth.deploy-token"),
            Map.entry("sqlalchemy.postgres-scheme-rejected", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Read in a container's exit detail (h93-40's mongod exit 62) or written for a probe's answer (h93-27's Upstash
     * reply, in an HTTP probe's UNEXPECTED_STATUS detail that no mechanism reads yet), which no labelled scenario's log
     * holds: checked against the shared corpus only.
     */
    private static final ShapeRound DETAIL_ROUND = new ShapeRound(Map.of(
            "mongod.wrong-version-fcv", "app.crash-on-boot",
            "upstash.db-capacity-quota-exceeded", "platform.quota"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules27c (h93-)
        // 7.x's form stays read; 8.x's JSON log line carries "[1] bootstrap checks failed. You must address ..." and
        // "bootstrap check failure [1] of [1]: " (elastic/elasticsearch BootstrapChecks.java)
        ROUND.reads("elasticsearch.bootstrap-checks-failed", "ERROR: [1] bootstrap checks failed");
        ROUND.readsNot("elasticsearch.bootstrap-checks-failed", "bootstrap checks passed");
        ROUND.reads("elasticsearch.bootstrap-checks-failed", "{\"@timestamp\":\"2026-12-04T20:11:03.412Z\", \"log.level\":\"ERROR\", \"message\":\"node validation exception\\n[1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\\nbootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]\", \"ecs.version\": \"1.2.0\",\"service.name\":\"ES_ECS\",\"event.dataset\":\"elasticsearch.server\",\"process.thread.name\":\"main\",\"log.logger\":\"org.elasticsearch.bootstrap.Elasticsearch\",\"elasticsearch.node.name\":\"es01\",\"elasticsearch.cluster.name\":\"docker-cluster\"}");
        ROUND.reads("elasticsearch.bootstrap-checks-failed", "es01-1  | bootstrap check failure [1] of [2]: max file descriptors [4096] for elasticsearch process is too low, increase to at least [65535]");
        ROUND.reads("elasticsearch.bootstrap-checks-failed", "es01-1  | [2] bootstrap checks failed. You must address the points described in the following [2] lines before starting Elasticsearch.");
        ROUND.readsNot("elasticsearch.bootstrap-checks-failed", "{\"@timestamp\":\"2026-12-04T20:11:03.412Z\", \"log.level\": \"INFO\", \"message\":\"bound or publishing to a non-loopback address, enforcing bootstrap checks\"}");
        ROUND.readsNot("elasticsearch.bootstrap-checks-failed", "max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]");
        ROUND.readsNot("elasticsearch.bootstrap-checks-failed", "2026-11-29T15:11:07 Error: This stack uses assets, so the toolkit stack must be deployed to the environment (Run \"cdk bootstrap aws://246824682468/cn-northwest-1\")"); // cdk.environment-not-bootstrapped
        DETAIL_ROUND.reads("mongod.wrong-version-fcv", "{\"s\":\"F\",\"c\":\"CONTROL\",\"id\":20573,\"ctx\":\"initandlisten\",\"msg\":\"Wrong mongod version\",\"attr\":{\"error\":\"UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: Location4926900: Invalid featureCompatibilityVersion document in admin.system.version)\"}}");
        DETAIL_ROUND.readsNot("mongod.wrong-version-fcv", "{\"t\":{\"$date\":\"2026-12-04T20:01:02.000Z\"},\"s\":\"I\",\"c\":\"CONTROL\",\"id\":20536,\"ctx\":\"initandlisten\",\"msg\":\"Build Info\"}");
        DETAIL_ROUND.reads("mongod.wrong-version-fcv", "mongo-1  | {\"t\":{\"$date\":\"2026-12-04T20:01:02.114+00:00\"},\"s\":\"F\",  \"c\":\"CONTROL\",  \"id\":20573,   \"ctx\":\"initandlisten\",\"msg\":\"Wrong mongod version\",\"attr\":{\"error\":\"UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: Location4926900: Invalid featureCompatibilityVersion document in admin.system.version: { _id: \\\"featureCompatibilityVersion\\\", version: \\\"4.4\\\" }. See https://docs.mongodb.com/master/release-notes/5.0-compatibility/#feature-compatibility. :: caused by :: Invalid feature compatibility version value, expected '5.0' or '5.3' or '6.0. See https://docs.mongodb.com/master/release-notes/5.0-compatibility/#feature-compatibility.). If the current featureCompatibilityVersion is below 5.0, see the documentation on upgrading at https://docs.mongodb.com/master/release-notes/5.0/#upgrade-procedures.\"}}");
        DETAIL_ROUND.reads("mongod.wrong-version-fcv", "2026-12-04T20:01:02.114+0000 F CONTROL  [initandlisten] ** IMPORTANT: UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: BadValue: Invalid value for version, found 3.4, expected '3.6' or '3.4'.)");
        DETAIL_ROUND.readsNot("mongod.wrong-version-fcv", "{\"t\":{\"$date\":\"2026-12-04T20:01:05.000Z\"},\"s\":\"I\",\"c\":\"COMMAND\",\"id\":51803,\"ctx\":\"conn3\",\"msg\":\"setFeatureCompatibilityVersion\",\"attr\":{\"version\":\"6.0\"}}");
        DETAIL_ROUND.readsNot("mongod.wrong-version-fcv", "MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017"); // config.local-default-database (a mongod not there, not one refusing its files)
        ROUND.reads("mongoose.uri-undefined", "MongooseError: The `uri` parameter to `openUri()` must be a string, got \"undefined\". Make sure the first parameter to `mongoose.connect()` or `mongoose.createConnection()` is a string.");
        ROUND.readsNot("mongoose.uri-undefined", "MongooseError: The `uri` parameter to `openUri()` must be a string, got \"object\".");
        ROUND.reads("mongoose.uri-undefined", "2026-12-04T20:03:11.482Z app[web.1]: MongooseError: The `uri` parameter to `openUri()` must be a string, got \"undefined\". Make sure the first parameter to `mongoose.connect()` or `mongoose.createConnection()` is a string.");
        ROUND.readsNot("mongoose.uri-undefined", "MongooseError: The `uri` parameter to `openUri()` must be a string, got \"number\". Make sure the first parameter to `mongoose.connect()` or `mongoose.createConnection()` is a string.");
        ROUND.readsNot("mongoose.uri-undefined", "MongoParseError: Invalid scheme, expected connection string to start with \"mongodb://\" or \"mongodb+srv://\""); // datastore.uri-invalid-scheme (config.invalid)
        ROUND.reads("prisma.engine-download-checksum-mismatch", "#8 38.22 npm ERR! Error: sha256 of https://binaries.prisma.sh/all_commits/0c19ccc313cf9911a90d99d2ac2eb0280c76c513/debian-openssl-3.0.x/schema-engine.gz (zipped) should be 7d3fe1a9 but is 51b00c4d");
        ROUND.readsNot("prisma.engine-download-checksum-mismatch", "#8 38.22 npm ERR!             throw new Error(`sha256 of ${url} (zipped) should be ${zippedSha256} but is ${zippedSha256Actual}`)");
        ROUND.reads("prisma.engine-download-checksum-mismatch", "2026-12-04T20:05:40.1000000Z Error: sha256 checksum of https://binaries.prisma.sh/all_commits/694eea289a8462c80264df36757e4fdc129b1b32/linux-musl/query-engine.gz (uzipped) should be 3c1f4e07 but is 9a2b6d11");
        ROUND.reads("prisma.engine-download-checksum-mismatch", "Error: sha256 of https://binaries.prisma.sh/all_commits/0c19ccc313cf9911a90d99d2ac2eb0280c76c513/debian-openssl-3.0.x/libquery_engine.so.node.gz (unzipped) should be 5e7a9c01 but is 0b4d8f23");
        ROUND.readsNot("prisma.engine-download-checksum-mismatch", "#8 38.22 npm ERR! code EINTEGRITY"); // npm.fetch-error-code (the same cause, npm's own words)
        ROUND.readsNot("prisma.engine-download-checksum-mismatch", "Error: Failed to fetch the engine file at https://binaries.prisma.sh/all_commits/0c19ccc313cf9911a90d99d2ac2eb0280c76c513/debian-openssl-3.0.x/schema-engine.gz - 503 Service Unavailable"); // a download refused, not one arrived corrupt
        ROUND.reads("pscale.service-token-incomplete", "Error: both --service-token and --service-token-id are required for service token authentication");
        ROUND.readsNot("pscale.service-token-incomplete", "pscale service-token create --org example-clinic");
        ROUND.reads("pscale.service-token-incomplete", "2026-12-04T20:07:21.9000000Z Error: the --service-token and --service-token-id values are swapped");
        ROUND.reads("pscale.service-token-incomplete", "Error: you must run 'pscale auth login' to authenticate before using this command");
        ROUND.readsNot("pscale.service-token-incomplete", "Error: pscale auth login completed, you are now authenticated as ci@example-clinic");
        ROUND.readsNot("pscale.service-token-incomplete", "Error: Unauthorized: the service token is not authorized to access this database"); // a whole token without the access: not the CLI's half-token words
        ROUND.reads("sqlalchemy.postgres-scheme-rejected", "web.1: sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:postgres");
        ROUND.readsNot("sqlalchemy.postgres-scheme-rejected", "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:postgresql.asyncpg");
        ROUND.reads("sqlalchemy.postgres-scheme-rejected", "2026-12-04T20:09:12.000000+00:00 app[web.1]: sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:postgres");
        ROUND.readsNot("sqlalchemy.postgres-scheme-rejected", "sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:mssql.pyodbc"); // a driver package missing from the image
        ROUND.readsNot("sqlalchemy.postgres-scheme-rejected", "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string ''"); // sqlalchemy.url-empty
        DETAIL_ROUND.reads("upstash.db-capacity-quota-exceeded", "PUT /api/flags/checkout-v2 -> ReplyError: ERR DB capacity quota exceeded");
        DETAIL_ROUND.readsNot("upstash.db-capacity-quota-exceeded", "ReplyError: ERR max number of clients reached");
        DETAIL_ROUND.reads("upstash.db-capacity-quota-exceeded", "2026-12-04T20:10:44.512Z [error] ReplyError: ERR DB capacity quota exceeded");
        DETAIL_ROUND.readsNot("upstash.db-capacity-quota-exceeded", "ReplyError: ERR max requests limit exceeded. Limit: 500000, Usage: 500000. See https://upstash.com/docs/redis/troubleshooting/max_requests_limit for details"); // upstash.max-requests-limit
        DETAIL_ROUND.readsNot("upstash.db-capacity-quota-exceeded", "ReplyError: OOM command not allowed when used memory > 'maxmemory'."); // a self-run Redis at its own maxmemory, not a plan's data size
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
        assertEquals(List.of(), Fleet.corpusLinesReadBy(DETAIL_ROUND.causeOf().keySet()));
    }
}
