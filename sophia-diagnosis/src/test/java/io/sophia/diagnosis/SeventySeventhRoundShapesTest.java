package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-first session's rule writer rules31c (p143-: backend-as-a-service, Firebase, Supabase,
 * EAS, PocketBase, Amplify), each in its tool's own words: firebase-tools' own permission check before a functions deploy
 * ("Missing permissions required for functions deploy", iam.serviceAccounts.ActAs), its failure to read the project it
 * deploys to (the credential's, a general shape) and the same message naming no project at all ("undefined", the
 * repository's configuration); the Docker daemon unable to start a container whose logging driver's collector does not
 * listen on the loopback (the Supabase CLI's analytics driver in CI); a Go service's log.Fatal of the os.PathError of
 * its own directory at start (PocketBase's "mkdir /pb_migrations: permission denied"); and migration.failed-at-start
 * widened to the migration runners embedded in an app (golang-migrate's "no migration found for version N",
 * postgres-migrations' "Rolled back this migration"). The widened googleapi.error-503-unavailable (firebase-tools' "HTTP
 * Error: 503, The service is currently unavailable.") and the narrowed waiter.gave-up (not a CloudFormation stack's
 * state, which its waiters leave at once on a failed stack) are pinned by earlier rounds; their new words are below.
 * Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a line
 * its comment quotes or its scenario shows and a line of another cause that shares its words); each reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class SeventySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules31c (p143-: firebase-tools, the Supabase CLI's containers, PocketBase, embedded migration runners)
            Map.entry("docker.logging-driver-loopback-refused", "config.invalid"),
            Map.entry("firebase.deploy-permissions-missing", "auth.deploy-token"),
            Map.entry("firebase.project-access-failed-generic", "auth.deploy-token"),
            Map.entry("firebase.project-unset", "config.invalid"),
            Map.entry("go.path-permission-denied-at-start", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /** migration.failed-at-start, widened this session and pinned by no earlier round. */
    private static final ShapeRound MIGRATION_ROUND =
            new ShapeRound(Map.of("migration.failed-at-start", "app.crash-on-boot"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("docker.logging-driver-loopback-refused", "failed to start docker container: Error response from daemon: failed to create task for container: failed to initialize logging driver: dial tcp 127.0.0.1:54328: connect: connection refused");
        ROUND.readsNot("docker.logging-driver-loopback-refused", "Error response from daemon: failed to initialize logging driver: dial tcp 10.0.4.12:24224: connect: connection refused");
        ROUND.reads("docker.logging-driver-loopback-refused", "2026-12-04T11:02:17.0000000Z docker: Error response from daemon: failed to initialize logging driver: dial tcp [::1]:24224: connect: connection refused.");
        ROUND.readsNot("docker.logging-driver-loopback-refused", "FetchError: request to https://localhost/api failed, reason: connect ECONNREFUSED 127.0.0.1:443"); // config.local-default-http-generic (config.missing-secret)

        ROUND.reads("firebase.deploy-permissions-missing", "Error: Missing permissions required for functions deploy. You must have permission iam.serviceAccounts.ActAs on service account folio-prints@appspot.gserviceaccount.com.");
        ROUND.readsNot("firebase.deploy-permissions-missing", "i  functions: ensuring required API cloudfunctions.googleapis.com is enabled... permissions checked");
        ROUND.reads("firebase.deploy-permissions-missing", "2026-12-01T10:12:03.0000000Z Error: Missing permissions required for functions deploy. You must have permission iam.serviceAccounts.ActAs on service account shoppingai-b9b20@appspot.gserviceaccount.com.");
        ROUND.readsNot("firebase.deploy-permissions-missing", "ERROR: (gcloud.functions.deploy) PERMISSION_DENIED: Cloud Functions API has not been used in project 123456789 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/cloudfunctions.googleapis.com/overview?project=123456789 then retry."); // gcloud.api-disabled (config.invalid)

        ROUND.reads("firebase.project-access-failed-generic", "Error: Failed to get Firebase project docs-prod-2358. Please make sure the project exists and your account has permission to access it.");
        ROUND.readsNot("firebase.project-access-failed-generic", "Error: Failed to list Firebase projects. See firebase-debug.log for more info.");
        ROUND.reads("firebase.project-access-failed-generic", "2026-12-03T16:40:11.0000000Z Error: Failed to get Admin SDK for Firebase project function-learning-teaching. Please make sure the project exists and your account has permission to access it.");
        ROUND.readsNot("firebase.project-access-failed-generic", "Error: Failed to get Firebase project undefined. Please make sure the project exists and your account has permission to access it."); // firebase.project-unset (config.invalid): the general shape gives way

        ROUND.reads("firebase.project-unset", "Error: Failed to get Firebase project undefined. Please make sure the project exists and your account has permission to access it.");
        ROUND.readsNot("firebase.project-unset", "Error: Failed to get Firebase project docs-prod-2358. Please make sure the project exists and your account has permission to access it.");
        ROUND.reads("firebase.project-unset", "2026-12-05T08:31:44.0000000Z Error: Failed to get Firebase project undefined. Please make sure the project exists and your account has permission to access it.");
        ROUND.readsNot("firebase.project-unset", "Error: HTTP Error: 401, Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential."); // firebase.token-refused (auth.deploy-token)

        ROUND.reads("go.path-permission-denied-at-start", "pocketbase    | 2026/12/01 22:13:42 mkdir /pb_migrations: permission denied");
        ROUND.readsNot("go.path-permission-denied-at-start", "2026/12/01 22:13:42 mkdir /pb_migrations: created");
        ROUND.reads("go.path-permission-denied-at-start", "pocketbase    | 2026-12-01T22:13:43.911172793Z 2026/12/01 22:13:43 mkdir /pb_migrations: permission denied");
        ROUND.readsNot("go.path-permission-denied-at-start", "2026/12/01 22:13:42 Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json\": dial unix /var/run/docker.sock: connect: permission denied"); // shell.permission-denied (unknown)

        // the runner embedded in the app: golang-migrate (pocket-id) and postgres-migrations (Supabase storage)
        MIGRATION_ROUND.reads("migration.failed-at-start", "FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads");
        MIGRATION_ROUND.readsNot("migration.failed-at-start", "INFO  [alembic.runtime.migration] Running upgrade 3f1a -> 9c2b, add head revision column");
        MIGRATION_ROUND.reads("migration.failed-at-start", "pocket-id  | time=2026-12-02T07:29:31.546Z level=ERROR msg=\"Failed to run pocket-id\" app=pocket-id version=1.10.0 error=\"failed to initialize database: failed to run migrations: failed to apply embedded migrations: no migration found for version 20250710011023: read down for version 20250710011023 migrations/sqlite: file does not exist\"");
        MIGRATION_ROUND.reads("migration.failed-at-start", "Error: Migration failed. Reason: An error occurred running 'storage-schema'. Rolled back this migration. No further migrations were run. Reason: role \"anon\" already exists");
        MIGRATION_ROUND.readsNot("migration.failed-at-start", "error=\"failed to initialize database: failed to run migrations: dial tcp 10.0.3.7:5432: connect: connection refused\""); // dependency.connection-refused-generic (dependency.down)
    }

    /** The new words of the indications this round widened or narrowed, pinned by earlier rounds. */
    @Test
    void theChangedIndicationsReadTheirNewWords() throws IOException {
        // firebase-tools quoting a Google API's 503 (p143-07); its 500 is the platform's general shape, not this one
        ROUND.reads("googleapi.error-503-unavailable", "platform.outage", "Error: HTTP Error: 503, The service is currently unavailable.");
        ROUND.readsNot("googleapi.error-503-unavailable", "Error: HTTP Error: 500, Internal error encountered.");
        // an ECS waiter still runs out; a CloudFormation stack's state is the stack's failure (p143-40)
        ROUND.reads("waiter.gave-up", "ci.timeout", "##[error]Resource is not in the state servicesStable");
        ROUND.readsNot("waiter.gave-up", "[INFO]: 🛑 An error occurred during the push operation: Resource is not in the state stackUpdateComplete");
        ROUND.readsNot("waiter.gave-up", "ResourceNotReady: Resource is not in the state stackCreateComplete");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause (none of
     * another cause's scenario is read, so no consequence is named).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * migration.failed-at-start's earlier words (Flyway's validation, Alembic's heads) also read a migration check of a CI
     * job, whose failure is that job's; its new words read only the apps' own runners at start (p143-21, p143-22).
     */
    @Test
    void theWidenedMigrationShapeStaysInItsCauses() throws IOException {
        MIGRATION_ROUND.staysInItsCauses(
                // an integration test of the migrations fails on Flyway's checksum validation: the test's failure
                "p63-10 migration.failed-at-start",
                // a check job runs Alembic's heads check: the test's failure
                "p63-40 migration.failed-at-start",
                // the Gradle Flyway task in CI validates an edited migration: the repository's setting, labelled so
                "p117-08 migration.failed-at-start");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(java.util.Set.of("migration.failed-at-start")));
    }
}
