package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the fortieth session's rule writer r40-p181, each in its tool's own words: its round on p181- (data
 * pipelines and scheduled jobs). A YAML configuration that does not parse, in the libyaml family's scanner and parser
 * words (PyYAML, Psych, SnakeYAML); a Fernet key that is not 32 url-safe base64 bytes (Airflow, cryptography); Prefect's
 * flow run that cannot load its flow from the deployment's storage; dbt's verdict on a failed or errored test; Python's
 * ENOMEM with its errno; Airflow's health report of a scheduler gone stale beside a healthy database. Two readings changed: a job run's record read from a scheduler's or a data platform's own API
 * over HTTP ("GET /api/2.1/jobs/runs/get", kind SERVER_ERROR without a status of its own) is read as a host's look at the
 * same record is, and a Go client that cannot decode an API's error answer into its error type ("Go struct field
 * APIErrorBody.error_code") is no configuration of the user's.
 */
class HundredThirtyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r40-p181 (p181-: data pipelines and scheduled jobs)
            Map.entry("yaml.scanner-parser-error", "config.invalid"),
            Map.entry("fernet.key-malformed", "config.invalid"),
            Map.entry("prefect.flow-not-retrieved-from-deployment", "config.invalid"),
            Map.entry("dbt.test-failed", "ci.test-failure"),
            Map.entry("python.errno-12-enomem", "app.oom"),
            Map.entry("airflow.health-scheduler-unhealthy", "app.healthcheck-failing"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("yaml.scanner-parser-error", "Module.yaml.scanner.ScannerError: while scanning a simple key");
        ROUND.readsNot("yaml.scanner-parser-error", "ERROR: Could not find a version that satisfies the requirement pyyaml==6.0.3"); // build.dependency-fetch's
        ROUND.reads("yaml.scanner-parser-error", "psych.rb:370:in `parse': (<unknown>): could not find expected ':' while scanning a simple key at line 18 column 1 (Psych::SyntaxError)");
        ROUND.readsNot("yaml.scanner-parser-error", "npm ERR! could not determine executable to run"); // a build's, not a file that does not parse
        ROUND.reads("fernet.key-malformed", "airflow.exceptions.AirflowException: Could not create Fernet object: Invalid base64-encoded string: number of data characters (53) cannot be 1 more than a multiple of 4");
        ROUND.readsNot("fernet.key-malformed", "cryptography.fernet.InvalidToken"); // a token another key (or none shared) made
        ROUND.reads("fernet.key-malformed", "web-1    | ValueError: Fernet key must be 32 url-safe base64-encoded bytes.");
        ROUND.readsNot("fernet.key-malformed", "ModuleNotFoundError: No module named 'cryptography.fernet'"); // the package, not the key
        ROUND.reads("prefect.flow-not-retrieved-from-deployment", "14:11:36.000 | ERROR   | Flow run 'meek-smilodon' - Flow could not be retrieved from deployment.");
        ROUND.readsNot("prefect.flow-not-retrieved-from-deployment", "14:11:36.000 | ERROR   | Flow run 'meek-smilodon' - Finished in state Crashed('Flow run infrastructure exited with non-zero status code 137.')"); // a kill, not the code's storage
        ROUND.reads("prefect.flow-not-retrieved-from-deployment", "Flow could not be retrieved from deployment.");
        ROUND.readsNot("prefect.flow-not-retrieved-from-deployment", "20:17:06.294 | DEBUG   | prefect.agent - Checking for flow runs...");
        ROUND.reads("dbt.test-failed", "13:42:37    Runtime Error in unit_test filter_test (models/unit_test.yml)");
        ROUND.readsNot("dbt.test-failed", "02:57:01    Compilation Error in model unit_test_model_a (models/unit_test_wrappers/unit_tests.yml)"); // a model that does not compile
        ROUND.reads("dbt.test-failed", "10:02:41  Failure in test not_null_orders_order_id (models/schema.yml)");
        ROUND.readsNot("dbt.test-failed", "10:02:41    Database Error in model orders (models/orders.sql)"); // the warehouse's answer to a model
        ROUND.reads("dbt.test-failed", "10:02:40  12 of 15 FAIL 1 not_null_orders_order_id ............................ [FAIL 1 in 0.05s]");
        ROUND.readsNot("dbt.test-failed", "10:02:40  12 of 15 PASS not_null_orders_order_id ............................... [PASS in 0.05s]");
        ROUND.reads("python.errno-12-enomem", "2014-12-16 20:39:38 [ERROR] Unrecoverable error: OSError(12, 'Cannot allocate memory')");
        ROUND.readsNot("python.errno-12-enomem", "[2026-08-21 16:41:19,146: CRITICAL/MainProcess] Unrecoverable error: OSError(28, 'No space left on device')"); // the runner's disk
        ROUND.reads("python.errno-12-enomem", "OSError: [Errno 12] Cannot allocate memory");
        ROUND.readsNot("python.errno-12-enomem", "FileNotFoundError: [Errno 2] No such file or directory: '/opt/flows/legacy_sync.py'");
        ROUND.reads("airflow.health-scheduler-unhealthy", "{\"metadatabase\":{\"status\":\"healthy\"},\"scheduler\":{\"latest_scheduler_heartbeat\":\"2026-12-10T22:26:03+00:00\",\"status\":\"unhealthy\"}}");
        ROUND.readsNot("airflow.health-scheduler-unhealthy", "{\"metadatabase\":{\"status\":\"unhealthy\"},\"scheduler\":{\"latest_scheduler_heartbeat\":null,\"status\":\"unhealthy\"}}"); // the database down: dependency.down's
        ROUND.reads("airflow.health-scheduler-unhealthy", "{\"metadatabase\": {\"status\": \"healthy\"}, \"scheduler\": {\"status\": \"unhealthy\", \"latest_scheduler_heartbeat\": \"2021-08-11T09:02:17+00:00\"}}");
        ROUND.readsNot("airflow.health-scheduler-unhealthy", "{\"metadatabase\": {\"status\": \"healthy\"}, \"scheduler\": {\"status\": \"healthy\", \"latest_scheduler_heartbeat\": \"2021-08-11T09:02:17+00:00\"}}");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause. The
     * Fernet, Prefect, errno and Airflow health shapes' sources carry their words in a look at a host, a job's record or
     * a health answer, which the probe-detail rule reads (tested below), and no scenario's log. The YAML shape reads
     * three corpus lines, Psych's "did not find expected ',' or ']' while parsing a flow sequence at line 6 column 7" of
     * learnxinyminutes-docs' LogChunks builds (and the example set naming it their failure reason): those builds fail
     * because a document's YAML header does not parse, which config.yaml-error reads on the same lines already.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("fernet.key-malformed", "prefect.flow-not-retrieved-from-deployment",
                "python.errno-12-enomem", "airflow.health-scheduler-unhealthy")).staysInItsCausesReadingInTheCorpus(List.of(
                "learnxinyminutes-docs.xml:76 yaml.scanner-parser-error",
                "487309865.log:470 yaml.scanner-parser-error",
                "572950271.log:240 yaml.scanner-parser-error"));
        assertEquals(3, Fleet.corpusLinesReadBy(CAUSE_OF.keySet()).size());
    }

    /** A Go client that cannot decode an API's error answer reads as no configuration; a config file's type still does. */
    @Test
    void aClientThatCannotDecodeTheApisErrorIsNoConfiguration() throws IOException {
        String id = "config.go-decode-type-generic";
        ROUND.reads(id, "config.invalid", "Error: json: cannot unmarshal object into Go struct field "
                + "HTTPService.http_service.checks of type []*appconfig.ServiceHTTPCheck");
        ROUND.readsNot(id, "error calling user_name: unexpected error handling request: json: cannot unmarshal number "
                + "into Go struct field APIErrorBody.error_code of type string. This is likely a bug in the Databricks SDK for Go");
        ROUND.readsNot(id, "json: cannot unmarshal array into Go struct field ErrorResponse.errors of type string");
    }

    /**
     * A job run's record read over HTTP from the data platform's own API (kind SERVER_ERROR, no status of its own) is
     * the platform's words, as a host's look at the same record is: the Azure cores quota and the GCP local-SSD quota a
     * cluster launch ran into, and Prefect's flow runs that could not load their flow. Before this round the probe-detail
     * rule did not read them and unknown led.
     */
    @Test
    void aJobRunsRecordReadFromThePlatformsApiNamesTheCause() throws IOException {
        for (String[] c : new String[][] {
                {"p181-14-platform-quota-databricks-job-cluster-regional-cores-quota", "platform.quota"},
                {"p181-16-platform-quota-databricks-sql-warehouse-gcp-local-ssd-quota-retry", "platform.quota"},
                {"p181-39-config-invalid-prefect-agent-flow-could-not-be-retrieved-local-storage", "config.invalid"}}) {
            Assessment a = Fleet.scenario(c[0]);
            assertTrue(Fleet.weighs(a, c[1] + "/probe-detail-indication"), c[0] + ": " + a.causes());
            assertEquals(c[1], Fleet.top(a), c[0] + ": " + a.causes());
        }
    }

    /** A look at a host that quotes these words names the cause; each source is now diagnosed so. */
    @Test
    void aLookAtTheHostNamesTheCause() throws IOException {
        for (String[] c : new String[][] {
                {"p181-17-config-invalid-airflow-compose-fernet-key-invalid-base64", "config.invalid"},
                {"p181-32-app-oom-airflow-worker-celery-cannot-allocate-memory-at-start", "app.oom"},
                {"p181-38-app-healthcheck-failing-airflow-scheduler-heartbeat-stale-pod-running", "app.healthcheck-failing"}}) {
            Assessment a = Fleet.scenario(c[0]);
            assertTrue(Fleet.weighs(a, c[1] + "/probe-detail-indication"), c[0] + ": " + a.causes());
            assertEquals(c[1], Fleet.top(a), c[0] + ": " + a.causes());
        }
    }
}
