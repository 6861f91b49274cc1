package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-first session's rule writer rules31f, each in its tool's own words (issue 9 of the
 * session, the config.* scenarios left at unknown): Airflow's action logger finding its metadata database to be the
 * default SQLite file ("Failed to log action with (sqlite3.OperationalError) no such table: log", the connection
 * setting never reached the pod: config.missing-secret); Celery's consumer connecting with the plain redis:// scheme
 * and Redis closing the connection at once ("Cannot connect to redis://...: Error while reading from socket:
 * ('Connection closed by server.',)", a TLS-only Redis spoken to in plain text: config.invalid); Postgres refusing the
 * password in a client library's words without the server's FATAL (node-postgres "error: password authentication
 * failed for user", asyncpg's InvalidPasswordError: config.invalid, as postgres.password-refused); and CloudFormation's
 * parameter refusals "Parameters: [...] do not exist in the template" and "Cannot specify UsePreviousValue on Parameters
 * when ChangeSetType is CREATE" added to cloud-api.request-invalid (pinned by FortySixthRoundShapesTest). Each is tested on
 * its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment
 * quotes or its scenario shows and a line that shares its words but is not its cause's); each reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class EightiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules31f (config.* misses of p121- to p145-)
            Map.entry("airflow.sqlite-fallback-metadata-db", "config.missing-secret"),
            Map.entry("celery.redis-plain-scheme-closed", "config.invalid"),
            Map.entry("postgres.password-refused-client", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules31f
        ROUND.reads("airflow.sqlite-fallback-metadata-db", "[2026-11-24 11:39:23,114] {cli_action_loggers.py:105} WARNING - Failed to log action with (sqlite3.OperationalError) no such table: log");
        ROUND.readsNot("airflow.sqlite-fallback-metadata-db", "[2021-10-31 23:34:49,740] {cli_action_loggers.py:105} WARNING - Failed to log action with (psycopg2.errors.UndefinedTable) relation \"log\" does not exist");
        ROUND.reads("airflow.sqlite-fallback-metadata-db", "airflow-web-7c9d5f-x2k4q  | [2020-05-20 08:10:11,123] {cli_action_loggers.py:105} WARNING - Failed to log action with (sqlite3.OperationalError) no such table: log");
        // the configured MySQL database not migrated yet (airflow db upgrade not run): not the SQLite fallback
        ROUND.readsNot("airflow.sqlite-fallback-metadata-db", "airflow-init-1  | [2022-04-29 01:34:54,052] {cli_action_loggers.py:105} WARNING - Failed to log action with (MySQLdb._exceptions.ProgrammingError) (1146, \"Table 'airflow.log' doesn't exist\")");
        ROUND.reads("celery.redis-plain-scheme-closed", "[2026-11-06 18:47:50,400: ERROR/MainProcess] consumer: Cannot connect to redis://***:6379/0: Error while reading from socket: ('Connection closed by server.',).");
        ROUND.readsNot("celery.redis-plain-scheme-closed", "[2026-11-06 18:47:50,400: ERROR/MainProcess] consumer: Cannot connect to redis://redis:6379/0: Error 111 connecting to redis:6379. Connection refused..");
        ROUND.reads("celery.redis-plain-scheme-closed", "2026-11-06T18:47:56 [2026-11-06 18:47:56,411: ERROR/MainProcess] consumer: Cannot connect to redis://:**@audit-redis.internal:6379/0: Connection closed by server..");
        // redis-py's own error after an ElastiCache maintenance window (h56-38's source, dependency.down): no plain
        // redis:// connection attempt of a consumer; and the TLS scheme already in use is not the plain-text mistake
        ROUND.readsNot("celery.redis-plain-scheme-closed", "redis.exceptions.ConnectionError: Connection closed by server.");
        ROUND.readsNot("celery.redis-plain-scheme-closed", "[2026-11-06 18:47:50,400: ERROR/MainProcess] consumer: Cannot connect to rediss://:**@audit-redis.internal:6379/0: Connection closed by server..");
        ROUND.reads("postgres.password-refused-client", "error: password authentication failed for user \"ubuntu\"");
        ROUND.readsNot("postgres.password-refused-client", "  Error: Expected 'getaddrinfo EAI_AGAIN base' to contain 'password authentication failed for user'.");
        ROUND.reads("postgres.password-refused-client", "asyncpg.exceptions.InvalidPasswordError: password authentication failed for user \"postgres\"");
        ROUND.reads("postgres.password-refused-client", "api_1  | error: password authentication failed for user \"app\"");
        // the server's own FATAL form is postgres.password-refused's (the same cause, its older indication)
        ROUND.readsNot("postgres.password-refused-client", "psql: error: connection to server at \"db\" (10.0.0.5), port 5432 failed: FATAL:  password authentication failed for user \"app\"");
        // cloud-api.request-invalid (FortySixthRoundShapesTest's), widened by rules31f to CloudFormation's other parameter
        // refusals; a stack without changes is still not read
        ROUND.reads("cloud-api.request-invalid", "config.invalid", "An error occurred (ValidationError) when calling the CreateStack operation: Parameters: [TargetECRRepositoryName] do not exist in the template");
        ROUND.reads("cloud-api.request-invalid", "config.invalid", "An error occurred (ValidationError) when calling the CreateChangeSet operation: Cannot specify UsePreviousValue on Parameters when ChangeSetType is CREATE");
        ROUND.readsNot("cloud-api.request-invalid", "An error occurred (ValidationError) when calling the UpdateStack operation: No updates are to be performed.");
        ROUND.readsNot("cloud-api.request-invalid", "An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id portal-env does not exist");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios no line of another cause.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
