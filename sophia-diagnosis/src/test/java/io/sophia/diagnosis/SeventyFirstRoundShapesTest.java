package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirtieth session's rule writer rules30c, each in its tool's own words: its round on the p140-
 * tuning set's data pipelines and batch jobs (issue 9 of the session). dbt's connection retry giving up on a package
 * download of dbt deps, "External connection exception occurred: ..." (not each retry's debug "External call exception:
 * ...", which a retry that then succeeds prints too), whatever network error it wraps (a name, a timeout; the certificate case is tls.certificate's by a knowledge-base
 * rule); dbt's env_var() without a value, "Env var required but not provided: 'USERNAME'", any name (the generic reads
 * only UPPER_SNAKE names with a setting's suffix); dbt's "Could not find profile named 'x'" with the quoted name (not
 * Zowe's "Could not find profile named: x."); Airflow's start-up check "There are still unapplied migrations after 60
 * seconds"; a pylint message in its default template "path:line:col: E0401: message (symbol)" (cause unknown: a check
 * step's failure only, as flake8's); CPython asyncio refused at connect, "ConnectionRefusedError: [Errno 111] Connect
 * call failed ('host', port)" (not redis-py's "Multiple exceptions:" wrapper of it). Each is tested on its source's words
 * and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment quotes or its scenario
 * shows and a line of another cause that shares its words); each reads no line of the shared corpus and, on the
 * labelled scenarios, only lines of its own cause (or a consequence of that scenario's cause, named with its reason).
 */
class SeventyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules30c (p140-: Airflow, dbt, Databricks, Prefect)
            Map.entry("airflow.migrations-unapplied", "app.crash-on-boot"),
            Map.entry("dbt.deps-connection-failed", "build.dependency-fetch"),
            Map.entry("dbt.env-var-not-provided", "config.missing-secret"),
            Map.entry("dbt.profile-not-found", "config.invalid"),
            Map.entry("lint.pylint", "unknown"),
            Map.entry("python.asyncio-connect-refused", "dependency.down"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules30c (p140-)
        ROUND.reads("airflow.migrations-unapplied", "TimeoutError: There are still unapplied migrations after 60 seconds. Migration Head(s) in DB: {'d2ae31099d61'}");
        ROUND.readsNot("airflow.migrations-unapplied", "There are no unapplied migrations");
        ROUND.reads("airflow.migrations-unapplied", "2026-11-29T04:12:33.5000000Z TimeoutError: There are still unapplied migrations after 60 seconds.");
        ROUND.readsNot("airflow.migrations-unapplied", "alembic.util.exc.CommandError: Can't locate revision identified by 'd2ae31099d61'"); // migration.failed-at-start
        ROUND.reads("dbt.deps-connection-failed", "External connection exception occurred: HTTPSConnectionPool(host='hub.getdbt.com', port=443): Read timed out. (read timeout=30)");
        ROUND.readsNot("dbt.deps-connection-failed", "External connection established to hub.getdbt.com");
        // a retry's debug event, printed whether or not the next attempt succeeds
        ROUND.readsNot("dbt.deps-connection-failed", "06:02:44  External call exception: HTTPSConnectionPool(host='hub.getdbt.com', port=443): Read timed out. (read timeout=30)");
        ROUND.reads("dbt.deps-connection-failed", "06:02:49  External connection exception occurred: HTTPSConnectionPool(host='hub.getdbt.com', port=443): Max retries exceeded with url: /api/v1/index.json (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f25dbc049d0>, 'Connection to hub.getdbt.com timed out. (connect timeout=30)'))");
        ROUND.readsNot("dbt.deps-connection-failed", "HTTPSConnectionPool(host='hub.getdbt.com', port=443): Max retries exceeded with url: /api/v1/index.json (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to resolve 'hub.getdbt.com' ([Errno -3] Temporary failure in name resolution)\"))"); // dns.no-such-host
        ROUND.reads("dbt.env-var-not-provided", "    Could not render {{ env_var('USERNAME') }}: Env var required but not provided: 'USERNAME'");
        ROUND.readsNot("dbt.env-var-not-provided", "Env var provided: 'USERNAME'");
        ROUND.reads("dbt.env-var-not-provided", "2026-11-24T05:02:31.0000000Z Parsing Error: Env var required but not provided: 'AWS_DBT_ACCESS_KEY_ID'");
        ROUND.readsNot("dbt.env-var-not-provided", "Error: Input required and not supplied: vercel-token"); // actions.token-input-required
        ROUND.reads("dbt.profile-not-found", "  Could not find profile named 'dbt_sql'");
        ROUND.readsNot("dbt.profile-not-found", "Initialization Error: Could not find profile named: zosmf.");
        ROUND.reads("dbt.profile-not-found", "16:09:05  ERROR: Could not find profile named 'profile_name'");
        ROUND.readsNot("dbt.profile-not-found", "Error: failed to get profile: profile \"databricks-prod\" does not exist in ~/.databrickscfg"); // exception.line
        ROUND.reads("lint.pylint", "dags/sentinel_2_nrt/ows_views.py:13:0: E0401: Unable to import 'sentinel_2_nrt.images' (import-error)");
        ROUND.readsNot("lint.pylint", "dags/sentinel_2_nrt/ows_views.py:13:0: E401 multiple imports on one line");
        ROUND.reads("lint.pylint", "src/app.py:3:0: W0611: Unused import os (unused-import)");
        ROUND.readsNot("lint.pylint", "ModuleNotFoundError: No module named 'sentinel_2_nrt'"); // python.module-not-found
        ROUND.reads("python.asyncio-connect-refused", "ConnectionRefusedError: [Errno 111] Connect call failed ('172.22.0.3', 3000)");
        ROUND.readsNot("python.asyncio-connect-refused", "redis.exceptions.ConnectionError: Error connecting to localhost:6379. Multiple exceptions: [Errno 111] Connect call failed ('::1', 6379, 0, 0), [Errno 111] Connect call failed ('127.0.0.1', 6379).");
        ROUND.reads("python.asyncio-connect-refused", "apollo-1  | ConnectionRefusedError: [Errno 111] Connect call failed ('10.0.4.12', 5432)");
        ROUND.readsNot("python.asyncio-connect-refused", "redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused."); // dependency.connection-refused-generic
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // p205-09 (ci.test-failure): pylint's own findings in the lint step of a job on a self-hosted runner
                // that wraps them in "contact your self hosted runner administrator"; the lint failing is the test
                // failure, the generic reading of its lines (unknown) says which tool printed them
                "p205-09 lint.pylint",
                // p140-18 (tls.certificate): dbt's wrapper of a download refused on a TLS-inspecting proxy's certificate;
                // the download did fail, the certificate it quotes is why (build.dependency-fetch/dbt-deps-certificate,
                // rules30c, gives way to tls.certificate's reading of the same line)
                "p140-18 dbt.deps-connection-failed",
                // p140-36 (ci.test-failure): pylint's import errors in the DAG lint gate; a linter's finding names no
                // cause (unknown), the check step that it fails makes it the test gate's (ci.test-failure/lint-failed)
                "p140-36 lint.pylint");
    }
}
