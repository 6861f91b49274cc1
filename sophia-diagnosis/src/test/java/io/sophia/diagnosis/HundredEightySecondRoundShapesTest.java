package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-sixth session's rule writer r46-p210, on the misses of the tuning set p210- (scheduled
 * jobs and cron platforms), each in its tool's own words: a Celery worker receiving a task it never registered
 * (SuperCoopBerlin/tapir#485, webkom/lego#682); GitHub's "This run likely failed because of a workflow file issue."
 * (abhi1693/openclaw-mission-control#73); Helm's hook error with the leftover object listed on the next line
 * (useparagon/enterprise-installer#211); a Cloud Run job's task stopped at its timeout (PrefectHQ/prefect#14497); Celery
 * refusing to start over its pid file (open-formulieren/open-forms#1182). Each indication is tested on its source's
 * words and a near miss (the first pair of each is indication-cases.tsv's row); each reads no line of the shared corpus
 * and, on the labelled scenarios, only lines of its own cause. Also the rules beside them: a Heroku incident still at
 * "monitoring", a job cancelled at GitHub's 24-hour queue limit, and a dyno's R14 followed by its exit with status 0.
 */
class HundredEightySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("celery.unregistered-task", "config.invalid"),
            Map.entry("github.workflow-file-issue", "config.invalid"),
            Map.entry("helm.hook-object-already-exists-listed", "config.invalid"),
            Map.entry("cloudrun.job-task-timeout", "ci.timeout"),
            Map.entry("celery.pidfile-already-exists", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("celery.unregistered-task", "[2024-02-27 12:00:00,017: ERROR/MainProcess] Received unregistered task of type 'tapir.accounts.tasks.send_create_account_reminder'.");
        ROUND.readsNot("celery.unregistered-task", "[2024-02-27 12:00:00,017: INFO/MainProcess] Task tapir.accounts.tasks.send_create_account_reminder[7d44cad6-dfd4-4d4c-b5b1-7dc4a7dea386] received");
        // DefectDojo/django-DefectDojo#3865: docker compose's prefix, the logger's name
        ROUND.reads("celery.unregistered-task", "celeryworker_1  | [15/Feb/2021 09:00:00] ERROR [celery.worker.consumer.consumer:497] Received unregistered task of type 'dojo.risk_acceptance.helper.expiration_handler'.");
        ROUND.reads("github.workflow-file-issue", "This run likely failed because of a workflow file issue.");
        ROUND.readsNot("github.workflow-file-issue", "Check failure on line 12 in .github/workflows/ci.yml");
        ROUND.reads("helm.hook-object-already-exists-listed", "Error: UPGRADE FAILED: pre-upgrade hooks failed: warning: Hook pre-upgrade relay/templates/migrations-job.yaml failed: 1 error occurred:\n\t* jobs.batch \"relay-migrations\" already exists");
        ROUND.readsNot("helm.hook-object-already-exists-listed", "Error: UPGRADE FAILED: pre-upgrade hooks failed: warning: Hook pre-upgrade relay/templates/migrations-job.yaml failed: 1 error occurred:\n\t* job failed: BackoffLimitExceeded");
        ROUND.reads("cloudrun.job-task-timeout", "Cloud Run Job V2 nu3-torona-4312ed04a079406886d45a244236dca0 failed - Task nu3-torona-4312ed04a079406886d45a244236dca0-bqj8r-task0 failed with message: The configured timeout was reached.");
        ROUND.readsNot("cloudrun.job-task-timeout", "Task nu3-torona-4312ed04a079406886d45a244236dca0-bqj8r-task0 failed with message: The container exited with an error.");
        ROUND.reads("celery.pidfile-already-exists", "ERROR: Pidfile (celerybeat.pid) already exists.");
        ROUND.readsNot("celery.pidfile-already-exists", "celery beat v5.2.7 (dawn-chorus) is starting.");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // four read no labelled scenario's CI log: p210-04, -12, -22 and -31 carry their lines in looks at the host and
        // machine events, which the probe- and exit-detail rules read
        ROUND.without(java.util.Set.of("celery.unregistered-task", "celery.pidfile-already-exists",
                "github.workflow-file-issue", "cloudrun.job-task-timeout")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** Each miss of p210- that a new or widened shape, or the rules beside them, now reads is led by its label. */
    @Test
    void theMissesTheShapesReadLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p210-04-config-invalid-celery-beat-unregistered-task-after-module-move", "config.invalid"),
                Map.entry("p210-22-config-invalid-daily-workflow-startup-failure-secrets-context-in-step-if", "config.invalid"),
                Map.entry("p210-27-config-invalid-helm-pre-upgrade-migration-job-left-behind-already-exists", "config.invalid"),
                Map.entry("p210-31-ci-timeout-scheduled-cloud-run-job-default-5-minute-timeout-scheduler-30-minutes", "ci.timeout"),
                Map.entry("p210-34-ci-runner-scheduled-nightly-image-build-no-runner-with-label-reaped-after-24h", "ci.runner"),
                Map.entry("p210-35-platform-outage-heroku-scheduler-tasks-not-run-during-heroku-incident", "platform.outage"),
                Map.entry("p210-08-unknown-heroku-scheduler-r14-exit-0-lone-web-503", "unknown"),
                Map.entry("p210-12-app-crash-on-boot-celery-beat-stale-pidfile-after-redis-blip-fly", "app.crash-on-boot")));
    }
}
