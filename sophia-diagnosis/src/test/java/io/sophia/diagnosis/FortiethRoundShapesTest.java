package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of p50- to p55- (session 16, scored on arrival first), each in its tool's own words:
 * Jib refused by the registry, an action's empty input that is the platform credential, an SDK client without its API
 * key, kaniko losing the base image's layers, a datastore that answers but refuses the work, Cloudflare's error 1000; and two general shapes widened (GitHub's "error in your yaml syntax"
 * annotation, EKS's "does not currently have sufficient capacity"). Each is tested on its source's words and a near
 * miss; each new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its
 * own cause.
 */
class FortiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("jib.credentials", "registry.auth"),
            Map.entry("actions.token-input-required", "auth.deploy-token"),
            Map.entry("sdk.api-key-not-set", "config.missing-secret"),
            Map.entry("kaniko.base-image-fetch-failed", "registry.unavailable"),
            Map.entry("datastore.refusing-work", "dependency.down"),
            Map.entry("prisma.database-unreachable", "dependency.down"));

    /** Read in an answer's body, which no labelled scenario's log holds: checked against the shared corpus only. */
    private static final ShapeRound ANSWER_ROUND = new ShapeRound(Map.of("cloudflare.prohibited-ip", "config.invalid",
            "heroku.no-such-app-page", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void imagesCredentialsAndKeysInTheirOwnWords() throws IOException {
        ROUND.reads("jib.credentials", "[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:1.0.2:build "
                + "(default-cli) on project ledger-api: Build image failed, perhaps you should make sure your credentials "
                + "for 'gcr.io' are set up correctly");
        ROUND.readsNot("jib.credentials", "[INFO] Built and pushed image as gcr.io/acme/ledger-api");
        ROUND.reads("actions.token-input-required", "Error: Input required and not supplied: firebaseServiceAccount");
        ROUND.reads("actions.token-input-required", "Error: Input required and not supplied: fly-api-token");
        ROUND.readsNot("actions.token-input-required", "Error: Input required and not supplied: channelId");
        ROUND.reads("sdk.api-key-not-set", "ERROR evals/completion_fns/openai_test.py - openai.OpenAIError: The api_key "
                + "client option must be set either by passing api_key to the client or by setting the OPENAI_API_KEY "
                + "environment variable");
        ROUND.readsNot("sdk.api-key-not-set", "The api_key client option is deprecated; pass it to the client instead");
        ROUND.reads("kaniko.base-image-fetch-failed", "error building image: error building stage: failed to get "
                + "filesystem from image: read tcp 10.128.0.69:49898->104.18.121.25:443: read: connection reset by peer");
        ROUND.readsNot("kaniko.base-image-fetch-failed", "error building image: error building stage: failed to get "
                + "filesystem from image: no space left on device");
        ROUND.reads("datastore.refusing-work", "{\"status\":\"DOWN\",\"error\":\"org.postgresql.util.PSQLException: "
                + "FATAL: sorry, too many clients already\"}");
        ROUND.reads("datastore.refusing-work", "2026-07-15 04:14:40.883 UTC [365] FATAL:  the database system is in "
                + "recovery mode");
        ROUND.reads("datastore.refusing-work", "Redis::CommandError: MISCONF Redis is configured to save RDB snapshots, "
                + "but is currently not able to persist on disk.");
        ROUND.reads("datastore.refusing-work", "<p>Redis::CommandError: READONLY You can't write against a read only "
                + "replica.</p>");
        ROUND.reads("datastore.refusing-work", "kombu.exceptions.OperationalError: Command # 1 (LLEN telemetry) of pipeline "
                + "caused error: command not allowed when used memory > 'maxmemory'.");
        ROUND.readsNot("datastore.refusing-work", "LOG:  database system is ready to accept connections");
        ANSWER_ROUND.reads("cloudflare.prohibited-ip", "Error 1000 DNS points to prohibited IP");
        ANSWER_ROUND.readsNot("cloudflare.prohibited-ip", "Error 1016 Origin DNS error");
        // pydantic v1's words and a settings class named for its variables
        ROUND.reads("pydantic.settings-missing", "config.missing-secret", "pydantic.error_wrappers.ValidationError: 10 "
                + "validation errors for EnvVariables");
        ROUND.reads("pydantic.settings-missing", "config.missing-secret", "  field required (type=value_error.missing)");
        ROUND.readsNot("pydantic.settings-missing", "pydantic.error_wrappers.ValidationError: 1 validation error for "
                + "UserCreate");
        ROUND.reads("prisma.database-unreachable", "Error: P1001: Can't reach database server at "
                + "`dpg-cm59nkq1hbls73ahtp70-a.oregon-postgres.render.com`:`5432`");
        ROUND.readsNot("prisma.database-unreachable", "Error: P1012: Schema validation error");
        ROUND.readsNot("prisma.database-unreachable", "chat-api  | Error: P1001: Can't reach database server at "
                + "`localhost:5432`");
        ANSWER_ROUND.reads("heroku.no-such-app-page", "<title>No such app</title> There's nothing here, yet.");
        ANSWER_ROUND.readsNot("heroku.no-such-app-page", "<title>Application error</title>");
        // an uptime monitor's bullet of an app's answer is no registry's answer to the Docker client (p54-20)
        ROUND.readsNot("docker.legacy-pull-http-5xx", "- HTTP code: 502, Response time: 15956 ms");
        ROUND.reads("docker.legacy-pull-http-5xx", "registry.unavailable", "2014/12/30 19:26:37 HTTP code: 502");
        // widened general shapes: GitHub's annotation for a workflow that does not parse, EKS out of a zone's capacity
        ROUND.reads("actions.workflow-invalid", "config.invalid", "You have an error in your yaml syntax on line 6");
        ROUND.reads("platform.no-room-generic", "platform.capacity", "AWS::EKS::Cluster/ControlPlane: CREATE_FAILED – "
                + "\"Cannot create cluster 'pr-412' because us-east-1e, the targeted availability zone, does not currently "
                + "have sufficient capacity to support the cluster.");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p22-20: a build step that cannot resolve the platform's private database name (its ENOTFOUND line says so)
        // p66-02 (session 17): Postgres out of slots because the app's pool size times its machines exceeds them, labelled
        // config.invalid (the pool setting); the refusal is its consequence
        // h38-36 (session 18): a CI runner that cannot resolve the platform's private database name, as p22-20
        // p89-24 (twentieth session): a pool of 999 connections per instance runs Postgres out of slots: the setting
        // p99-21 and p99-32 (session 21): Redis refusing work at the maxmemory the app configured (config.invalid)
        // and at a hosted plan's client limit (platform.quota); the refusal is their consequence
        // p110-02 (session 23): Postgres' "remaining connection slots are reserved" on a Heroku Postgres hobby plan,
        // labelled platform.quota (the plan's connection limit), as the corpus reads the same line both ways
        // p194-29 (tuning, session 42): "prisma db push" run in a RUN step of the image build, where no database is
        // reachable (build.dockerfile): the unreachable database is the Dockerfile's step's consequence
        ROUND.staysInItsCauses("p194-29 prisma.database-unreachable", "p110-02 datastore.refusing-work", "p89-24 datastore.refusing-work", "p22-20 prisma.database-unreachable", "p66-02 datastore.refusing-work",
                "h38-36 prisma.database-unreachable", "p99-21 datastore.refusing-work",
                "p99-32 datastore.refusing-work",
                // p154-18 (session 33, rules33f): digdag's pools sized above the bundled Postgres' max_connections,
                // labelled config.invalid as p66-02 and p89-24: Postgres' "too many clients already" is its consequence
                "p154-18 datastore.refusing-work",
                // p139-34 (session 29, rules29e): the CI's throwaway Redis service refusing writes (MISCONF) inside the
                // test run, labelled ci.test-failure: the refusal is the failing tests' own output
                "p139-34- datastore.refusing-work",
                // p149-35 (session 32, rules32f): the e2e job's Elasticsearch container past its flood stage because the
                // hosted runner's disk is 99% full, labelled ci.runner: the refusal is the runner's full disk
                "p149-35- datastore.refusing-work",
                // h111-40 (consumed in session 33): Sidekiq and the web dyno refused at a hosted Redis plan's client limit
                // after the workers were scaled up, labelled platform.quota as p99-32; the refusal is its consequence
                "h111-40- datastore.refusing-work",
                // h164-36 (consumed in session 47): the runner's disk full takes the job's Elasticsearch service container
                // past its flood-stage watermark ("all indices on this node will be marked read-only"), labelled ci.runner:
                // the store refusing writes is the full disk's consequence
                "h164-36- datastore.refusing-work",
                // h161-12 (consumed in session 47): integration tests whose own pools run the CI's Postgres out of
                // slots, labelled ci.test-failure as p139-34: "too many clients already" is the failing tests' output
                "h161-12- datastore.refusing-work");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                Fleet.corpusLinesReadBy(ANSWER_ROUND.causeOf().keySet()));
    }
}
