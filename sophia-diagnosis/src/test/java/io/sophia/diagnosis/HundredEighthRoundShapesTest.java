package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.FailureKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-seventh session's rule writer rules37-p167, each in its tool's own words: its round on
 * p167- (Python services from build to boot and their deploys). A host's look at the platform's record of a failed
 * service (ECS's stopped task, a Heroku log session, Render's events: kind SERVER_ERROR without a status of its own) is
 * read for its words as a look of kind OTHER is; Django's migrate refusing a migration graph the applied history
 * contradicts (InconsistentMigrationHistory); Django's DATABASES without an ENGINE (dj_database_url found no
 * DATABASE_URL); gcloud's older refusal naming the user before the permission ("User [x] does not have permission to
 * access namespace [y]"); a load balancer's health checks answered 400 Bad Request, the app refusing the checker's
 * request for its form (its Host: Django's ALLOWED_HOSTS), read moderately as config.invalid and no longer as the
 * health check's own failure (ecs.target-unhealthy-event narrowed to other reasons and codes). Each new indication is
 * tested on its source's words and a near miss (the first pair is indication-cases.tsv's row); it reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause. The widened probe-detail reading, an import
 * error in pytest's "E   " report read as the tests' (app.crash-on-boot/import-failed-in-test widened) and failing tests in
 * a job that succeeded (ci.test-failure/tests-failed-in-passing-job, merged with rules37-p168's same rule) are tested on the scenarios of their
 * sources and a near miss.
 */
class HundredEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules37-p167 (p167-: Python services from build to boot)
            Map.entry("django.databases-engine-missing", "config.missing-secret"),
            Map.entry("django.inconsistent-migration-history", "app.crash-on-boot"),
            Map.entry("gcloud.user-no-access", "auth.deploy-token"),
            Map.entry("lb.health-check-bad-request", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("django.databases-engine-missing", "django.core.exceptions.ImproperlyConfigured: settings.DATABASES is improperly configured. Please supply the ENGINE value. Check settings documentation for more details.");
        ROUND.readsNot("django.databases-engine-missing", "django.core.exceptions.ImproperlyConfigured: settings.DATABASES is improperly configured. Please supply the NAME value.");
        ROUND.reads("django.databases-engine-missing", "remote: django.core.exceptions.ImproperlyConfigured: settings.DATABASES is improperly configured. Please supply the ENGINE value. Check settings documentation for more details.");
        ROUND.readsNot("django.databases-engine-missing", "django.core.exceptions.ImproperlyConfigured: 'django.db.backends.postgresql_psycopg2' isn't an available database backend or couldn't be imported.");
        ROUND.reads("django.inconsistent-migration-history", "django.db.migrations.exceptions.InconsistentMigrationHistory: Migration wiki.0001_squashed_0036_update_locales is applied before its dependency sites.0002_alter_domain_unique on database 'default'.");
        ROUND.readsNot("django.inconsistent-migration-history", "django.db.migrations.exceptions.NodeNotFoundError: Migration wiki.0002_auto dependencies reference nonexistent parent node ('sites', '0003_auto')");
        ROUND.reads("django.inconsistent-migration-history", "2026-12-06T13:07:20Z 3287e44c9d0558 lhr [info]django.db.migrations.exceptions.InconsistentMigrationHistory: Migration admin.0001_initial is applied before its dependency accounts.0001_initial on database 'default'.");
        ROUND.readsNot("django.inconsistent-migration-history", "django.db.utils.OperationalError: could not translate host name \"db\" to address: Name or service not known");
        ROUND.reads("gcloud.user-no-access", "ERROR: (gcloud.run.deploy) User [ci-user@example.org] does not have permission to access namespace [example-tutorials-277413] (or it may not exist): Permission 'iam.serviceaccounts.actAs' denied on service account 000000000000-compute@developer.gserviceaccount.com (or it may not exist).");
        ROUND.readsNot("gcloud.user-no-access", "ERROR: (gcloud.run.deploy) Namespaces instance [example-tutorials-277413] not found: Requested entity was not found.");
        ROUND.reads("gcloud.user-no-access", "ERROR: (gcloud.run.services.update) User [deployer@example-ci.iam.gserviceaccount.com] does not have permission to access services instance [orders-api] (or it may not exist): The caller does not have permission");
        ROUND.reads("lb.health-check-bad-request", "(service civic-2017-emergency) (port 8000) is unhealthy in (target-group civic-emergency) due to (reason Health checks failed with these codes: [400]).");
        ROUND.readsNot("lb.health-check-bad-request", "(service orders-api) (port 3000) is unhealthy in (target-group orders-api) due to (reason Health checks failed with these codes: [404])."); // ecs.target-unhealthy-event
        ROUND.reads("lb.health-check-bad-request", "2026-12-06 12:02:49 (service sfm-ui) (port 8080) is unhealthy in (target-group arn:aws:elasticloadbalancing:eu-west-1:000000000000:targetgroup/sfm-ui/5a1c) due to (reason Health checks failed with these codes: [400]).");
        ROUND.readsNot("lb.health-check-bad-request", "(service sfm-ui) (port 8080) is unhealthy in (target-group sfm-ui) due to (reason Health checks failed with these codes: [401])."); // ecs.target-unhealthy-event
        ROUND.readsNot("gcloud.user-no-access", "ERROR: (gcloud.run.deploy) Revision 'orders-api-00042-xoz' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable.");
    }

    /** ECS's event of checks answered 400 alone is the bad request's; any other code or reason stays the check's. */
    @Test
    void theChecksAnswered400AreNoLongerTheChecksOwnFailure() throws IOException {
        List<String> badRequest = Fleet.indicationsOf("(service civic-2017-emergency) (port 8000) is unhealthy in (target-group "
                + "civic-emergency) due to (reason Health checks failed with these codes: [400]).");
        assertTrue(badRequest.contains("lb.health-check-bad-request"), badRequest.toString());
        assertFalse(badRequest.contains("ecs.target-unhealthy-event"), badRequest.toString());
        for (String reason : List.of("Health checks failed", "Health checks failed with these codes: [404]",
                "Request timed out", "Health checks failed with these codes: [502]")) {
            List<String> other = Fleet.indicationsOf("(service labs-dev) (port 8000) is unhealthy in (target-group labs-dev) due to "
                    + "(reason " + reason + ").");
            assertTrue(other.contains("ecs.target-unhealthy-event"), reason + ": " + other);
            assertFalse(other.contains("lb.health-check-bad-request"), reason + ": " + other);
        }
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of its own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /**
     * A host's look of kind SERVER_ERROR without a status is the platform's record of the service's failure, read as a
     * look of kind OTHER is (p167-10: ECS's stopped task quoting Django's "Set the DATABASE_URL environment variable";
     * p167-21: Heroku's R14 and R15 in the dyno's log session); the same words in Sophia's own HTTP probe's failure
     * are no look at the platform.
     */
    @Test
    void aHostsRecordOfTheFailureIsReadForItsWords() throws IOException {
        Assessment ecs = Fleet.scenario("p167-10-config-missing-secret-probe-only-ecs-task-improperlyconfigured-set-database-url");
        assertTrue(Fleet.weighs(ecs, "config.missing-secret/probe-detail-indication"), ecs.causes().toString());
        assertEquals("config.missing-secret", ecs.causes().get(0).id().value(), ecs.causes().toString());
        Assessment heroku = Fleet.scenario("p167-21-app-oom-heroku-worker-r14-climbs-to-r15-sigkill-137");
        assertTrue(Fleet.weighs(heroku, "app.oom/probe-detail-indication"), heroku.causes().toString());
        assertEquals("app.oom", heroku.causes().get(0).id().value(), heroku.causes().toString());
        Assessment own = Fleet.healthyReferenceWith(Fleet.failure("dashboard", "http", FailureKind.SERVER_ERROR, null,
                "stoppedReason: Essential container in task exited; exitCode 1; log: django.core.exceptions."
                        + "ImproperlyConfigured: Set the DATABASE_URL environment variable"));
        assertFalse(Fleet.weighs(own, "config.missing-secret/probe-detail-indication"), own.causes().toString());
    }

    /**
     * An import error in pytest's own report of an exception ("E   ImportError: cannot import name 'url_quote' from
     * 'werkzeug.urls'" under "ERROR collecting tests/test_routes.py", p167-36) failed while pytest collected the tests, no
     * app starting; an app's import error at boot is still a crash (p167-20: Render's event of the worker's exit).
     */
    @Test
    void anImportErrorInPytestsReportIsTheTests() throws IOException {
        Assessment collection = Fleet.scenario("p167-36-ci-test-failure-pytest-collection-werkzeug-3-url-quote-deploy-skipped");
        assertTrue(Fleet.weighs(collection, "app.crash-on-boot/import-failed-in-test"), collection.causes().toString());
        assertEquals("ci.test-failure", collection.causes().get(0).id().value(), collection.causes().toString());
        Assessment boot = Fleet.scenario("p167-20-app-crash-on-boot-render-celery-worker-modulenotfound-custom-app-worker");
        assertFalse(Fleet.weighs(boot, "app.crash-on-boot/import-failed-in-test"), boot.causes().toString());
        assertEquals("app.crash-on-boot", boot.causes().get(0).id().value(), boot.causes().toString());
    }

    /**
     * Failing tests in the log of a job that succeeded failed nothing (p167-40: "python manage.py test || echo" after
     * "FAILED (failures=1)", every service answering); a job the failing tests failed is still the tests' (p167-36).
     */
    @Test
    void failingTestsInAJobThatSucceededFailedNothing() throws IOException {
        Assessment green = Fleet.scenario("p167-40-unknown-gha-django-step-green-despite-failed-test-output-prod-fine");
        assertTrue(Fleet.weighs(green, "ci.test-failure/tests-failed-in-passing-job"), green.causes().toString());
        assertEquals("unknown", green.causes().get(0).id().value(), green.causes().toString());
        Assessment red = Fleet.scenario("p167-36-ci-test-failure-pytest-collection-werkzeug-3-url-quote-deploy-skipped");
        assertFalse(Fleet.weighs(red, "ci.test-failure/tests-failed-in-passing-job"), red.causes().toString());
    }

}
