package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-third session's rule writer rules33f, each in its tool's own words: its round on p154-
 * (database migrations and connection pools). Active Record asked for the environment's database with no configuration
 * at all ("Available: []", the database URL never given); a driver's named prepared statements colliding behind a
 * transaction-mode pooler (Prisma's "s0", Rails' "a1", asyncpg's, PgBouncer 1.21's "PGBOUNCER_n"); Neon's proxy unable
 * to wake an endpoint its plan's quota locked ("Console request failed: endpoint is temporary unavailable"); RDS Proxy's
 * borrow timeout ("Timed-out waiting to acquire database connection"); Flyway retrying a refused or unanswered database
 * connection; a package's install script whose download connection was reset (yarn's and npm's words for the script,
 * then Node's for the socket). Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another cause that
 * shares its words); each new log indication reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause (or a consequence of that scenario's cause, named with its reason). The round's widened
 * indications (datastore.refusing-work: node-postgres' "error: Max client connections reached"; fetch.archive-request-
 * failed: "reason: read ECONNRESET"; migration.tool-configuration-refused narrowed to a non-empty "Available" list) are
 * pinned by earlier rounds and by indication-cases.tsv.
 */
class NinetyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules33f (p154-: database migrations and connection pools)
            Map.entry("flyway.connect-retrying", "dependency.down"),
            Map.entry("install-script.download-reset", "build.dependency-fetch"),
            Map.entry("neon.endpoint-temporarily-unavailable", "platform.quota"),
            Map.entry("pooler.prepared-statement-mismatch", "config.invalid"),
            Map.entry("rails.database-configuration-empty", "config.missing-secret"),
            Map.entry("rds-proxy.borrow-timeout", "dependency.down"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules33f (p154-)
        ROUND.reads("flyway.connect-retrying", "flyway-1  | WARNING: Connection error: Communications link failure (Caused by Connection refused) Retrying in 10 sec...");
        ROUND.readsNot("flyway.connect-retrying", "flyway-1  | WARNING: Connection error: Could not create connection to database server. Attempted reconnect 3 times. Giving up. (Caused by Access denied for user 'root'@'172.18.0.4' (using password: YES)) Retrying in 1 sec...");
        ROUND.reads("flyway.connect-retrying", "2026-11-20 07:41:12,880 WARN  [org.fly.cor.int.jdb.JdbcUtils] (Quarkus Main Thread) Connection error: The connection attempt failed. (Caused by connect timed out) Retrying in 1 sec...");
        ROUND.readsNot("flyway.connect-retrying", "flyway-1  | ERROR: Unable to obtain connection from database (jdbc:mysql://mysql:3306/rhizone) for user 'rhizone': Communications link failure"); // generic.error-word (unknown)
        ROUND.reads("install-script.download-reset", "#14 51.08 error /app/node_modules/@prisma/engines: Command failed.\n#14 51.08 Exit code: 1\n#14 51.08 Command: node scripts/postinstall.js\n#14 51.08 Arguments:\n#14 51.08 Directory: /app/node_modules/@prisma/engines\n#14 51.08 Error: aborted\n#14 51.08     at connResetException (node:internal/errors:720:14)");
        ROUND.readsNot("install-script.download-reset", "#14 51.08 error /app/node_modules/sharp: Command failed.\n#14 51.08 Exit code: 1\n#14 51.08 Command: (node install/libvips && node install/dll-copy && prebuild-install) || (node install/can-compile && node-gyp rebuild && node install/dll-copy)\n#14 51.08 gyp ERR! stack Error: not found: make");
        ROUND.reads("install-script.download-reset", "npm error path /home/runner/work/api/api/node_modules/esbuild\nnpm error command failed\nnpm error command sh -c node install.js\nnpm error Error: read ECONNRESET");
        ROUND.readsNot("install-script.download-reset", "#14 ERROR: process \"/bin/sh -c yarn install --frozen-lockfile\" did not complete successfully: exit code: 1"); // buildkit.process-failed
        ROUND.reads("neon.endpoint-temporarily-unavailable", "psql: error: connection to server at \"ep-quiet-river-a4x1z9.us-east-1.aws.neon.tech\" (3.218.140.61), port 5432 failed: ERROR:  Console request failed: endpoint is temporary unavailable");
        ROUND.readsNot("neon.endpoint-temporarily-unavailable", "psql: error: connection to server at \"ep-quiet-river-a4x1z9.us-east-1.aws.neon.tech\" (3.218.140.61), port 5432 failed: ERROR:  Console request failed: endpoint is disabled");
        ROUND.reads("neon.endpoint-temporarily-unavailable", "2026-12-05T18:00:02Z PostgresError: Console request failed: endpoint is temporary unavailable. check your quotas and/or contact our support");
        ROUND.readsNot("neon.endpoint-temporarily-unavailable", "psql: error: connection to server at \"ep-quiet-river-a4x1z9.us-east-1.aws.neon.tech\" (3.218.140.61), port 5432 failed: Connection refused"); // dependency.connection-refused-generic
        ROUND.reads("pooler.prepared-statement-mismatch", "ConnectorError(ConnectorError { user_facing_error: None, kind: QueryError(Error { kind: Db, cause: Some(DbError { severity: \"ERROR\", parsed_severity: Some(Error), code: SqlState(\"42P05\"), message: \"prepared statement \\\"s0\\\" already exists\", detail: None, hint: None }) }) })");
        ROUND.readsNot("pooler.prepared-statement-mismatch", "ConnectorError(ConnectorError { user_facing_error: None, kind: QueryError(Error { kind: Db, cause: Some(DbError { severity: \"ERROR\", code: SqlState(\"42P01\"), message: \"relation \\\"products\\\" does not exist\" }) }) })");
        ROUND.reads("pooler.prepared-statement-mismatch", "2026-11-30T12:00:01Z ConnectorError(ConnectorError { user_facing_error: None, kind: QueryError(PostgresError { code: \"26000\", message: \"prepared statement \\\"PGBOUNCER_2451\\\" does not exist\", severity: \"ERROR\", detail: None, column: None, hint: None }), transient: false })");
        ROUND.readsNot("pooler.prepared-statement-mismatch", "ERROR:  no more connections allowed (max_client_conn)"); // datastore.refusing-work
        ROUND.reads("rails.database-configuration-empty", "ActiveRecord::AdapterNotSpecified: 'production' database is not configured. Available: []");
        ROUND.readsNot("rails.database-configuration-empty", "ActiveRecord::AdapterNotSpecified: 'production' database is not configured. Available: [\"development\", \"test\"]"); // migration.tool-configuration-refused
        ROUND.reads("rails.database-configuration-empty", "2026-12-02T10:18:04.2210000Z ActiveRecord::AdapterNotSpecified: 'staging' database is not configured. Available: []");
        ROUND.readsNot("rails.database-configuration-empty", "ActiveRecord::AdapterNotSpecified: The `production` database is not configured for the `production` environment. (ActiveRecord::AdapterNotSpecified)"); // migration.tool-configuration-refused
        ROUND.reads("rds-proxy.borrow-timeout", "ERROR Invoke Error {\"errorType\":\"SequelizeConnectionError\",\"errorMessage\":\"Timed-out waiting to acquire database connection\",\"name\":\"SequelizeConnectionError\"}");
        ROUND.readsNot("rds-proxy.borrow-timeout", "SequelizeConnectionAcquireTimeoutError: Operation timeout");
        ROUND.reads("rds-proxy.borrow-timeout", "2026-12-05T03:18:44.512Z\t5e0c1f7a-1b2c-4d3e-9f00-aa11bb22cc33\tERROR\tSequelizeConnectionError: Timed-out waiting to acquire database connection");
        ROUND.readsNot("rds-proxy.borrow-timeout", "Context: Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). Elapsed: 10000ms."); // prisma.advisory-lock-timeout
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // rds-proxy.borrow-timeout reads no labelled scenario's log: p154-10, its source, carries the line in the function's
        // CloudWatch log as a look at the platform (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("rds-proxy.borrow-timeout")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
