package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-third session's rule writer r43-p197, each in its tool's own words: its round on the
 * tuning set p197- (background workers and scheduled jobs). Bundler unable to load a server's or worker's executable
 * ("bundler: failed to load command: sidekiq (...)"); Celery beat dying on its dbm schedule file; rake asked for a
 * worker task the app no longer defines ("Don't know how to build task 'jobs:work'"); kombu handed an empty broker URL
 * ("No such transport: ''"); Hangfire used before its job storage was configured; Bundler holding no credentials at all
 * for a private source ("Please supply credentials for this source", now config.missing-secret, no longer
 * bundler.source-credentials-refused's). And two rules: a crash loop whose pod's log names a certificate it cannot
 * verify follows the certificate (app.crash-on-boot/more-specific-probe-detail), and a Fly check that measures how old
 * a scheduled job's output is ("export_age_hours=121 > 26") says the job did not run, not that the app fails
 * (app.healthcheck-failing/check-on-data-freshness). Each indication is tested on its source's
 * words and a near miss (the first pair of each is indication-cases.tsv's row); each reads no line of the shared corpus
 * and, on the labelled scenarios, only lines of its own cause.
 */
class HundredSixtyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("bundler.failed-to-load-server-command", "app.crash-on-boot"),
            Map.entry("celery.beat-schedule-dbm-error", "app.crash-on-boot"),
            Map.entry("rake.worker-task-unknown", "app.crash-on-boot"),
            Map.entry("kombu.no-such-transport-empty", "config.missing-secret"),
            Map.entry("hangfire.job-storage-not-initialized", "config.invalid"),
            Map.entry("bundler.source-credentials-not-supplied", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("bundler.failed-to-load-server-command", "bundler: failed to load command: sidekiq (/usr/local/bundle/bin/sidekiq)");
        ROUND.readsNot("bundler.failed-to-load-server-command", "bundler: failed to load command: rspec (/home/runner/work/api/vendor/bundle/ruby/3.1.0/bin/rspec)");
        ROUND.reads("bundler.failed-to-load-server-command", "sidekiq_1  | bundler: failed to load command: rails (/usr/local/bundle/bin/rails)");
        ROUND.readsNot("bundler.failed-to-load-server-command", "bundler: failed to load command: rake (/usr/local/bundle/bin/rake)");
        ROUND.reads("celery.beat-schedule-dbm-error", "[2019-04-12 10:00:00,013: CRITICAL/MainProcess] beat raised exception <class '_dbm.error'>: error('cannot add item to database')");
        ROUND.readsNot("celery.beat-schedule-dbm-error", "[2021-03-01 12:00:00,000: CRITICAL/MainProcess] beat raised exception <class 'kombu.exceptions.OperationalError'>: OperationalError(\"Error 111 connecting to redis:6379. Connection refused.\")");
        ROUND.reads("celery.beat-schedule-dbm-error", "dbm.error: db type is dbm.gnu, but the module is not available");
        ROUND.readsNot("celery.beat-schedule-dbm-error", "sqlite3.DatabaseError: file is not a database");
        ROUND.reads("rake.worker-task-unknown", "rake aborted!  Don't know how to build task 'jobs:work' (See the list of available tasks with `rake --tasks`)");
        ROUND.readsNot("rake.worker-task-unknown", "Don't know how to build task 'assets:precompile' (See the list of available tasks with `rake --tasks`)");
        ROUND.reads("rake.worker-task-unknown", "Don't know how to build task 'resque:work'");
        ROUND.readsNot("rake.worker-task-unknown", "Don't know how to build task 'db:migrate' (See the list of available tasks with `rake --tasks`)");
        ROUND.reads("kombu.no-such-transport-empty", "KeyError: 'No such transport: '");
        ROUND.readsNot("kombu.no-such-transport-empty", "KeyError: 'No such transport: https'"); // kombu.no-such-transport
        ROUND.reads("kombu.no-such-transport-empty", "File \"/opt/circle/venv/lib/python3.6/site-packages/kombu/transport/__init__.py\", line 55, in resolve_transport  transport = TRANSPORT_ALIASES[transport]  KeyError: 'No such transport: '  circle-celery.service: Main process exited, code=exited, status=1/FAILURE");
        ROUND.readsNot("kombu.no-such-transport-empty", "KeyError: 'No such transport: rabbitmq. Did you mean librabbitmq?'");
        ROUND.reads("hangfire.job-storage-not-initialized", "System.InvalidOperationException: JobStorage.Current property value has not been initialized. You must set it before using Hangfire Client or Server API.");
        ROUND.readsNot("hangfire.job-storage-not-initialized", "System.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.");
        ROUND.reads("hangfire.job-storage-not-initialized", "System.InvalidOperationException: Current JobStorage instance has not been initialized yet. You must set it before using Hangfire Client or Server API.");
        ROUND.readsNot("hangfire.job-storage-not-initialized", "System.InvalidOperationException: Unable to resolve service for type 'Hangfire.IBackgroundJobClient' while attempting to activate 'Web.Controllers.JobsController'.");
        ROUND.reads("bundler.source-credentials-not-supplied", "Please supply credentials for this source. You can do this by running:");
        ROUND.readsNot("bundler.source-credentials-not-supplied", "Bad username or password for https://gems.contribsys.com/.");
        ROUND.reads("bundler.source-credentials-not-supplied", "Authentication is required for gems.contribsys.com. Please supply credentials for this source. You can do this by running: `bundle config set --global gems.contribsys.com username:password`");
        ROUND.readsNot("bundler.source-credentials-not-supplied", "Access token could not be authenticated for https://rubygems.pkg.github.com/acme/.");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these four read no labelled scenario's log: p197-03, -04, -07 and -25, their sources, carry the lines in a look
        // at the host (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("celery.beat-schedule-dbm-error", "rake.worker-task-unknown",
                "hangfire.job-storage-not-initialized", "kombu.no-such-transport-empty")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * app.crash-on-boot/more-specific-probe-detail: a crash loop whose pod's previous log names a certificate its client
     * cannot verify follows the certificate (p197-17, app.crash-on-boot at 0.78 before).
     */
    @Test
    void aCertificateBehindACrashLoopLeads() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p197-17-tls-certificate-sidekiq-rediss-unable-to-get-local-issuer-ca-file", "tls.certificate"));
    }

    /**
     * app.healthcheck-failing/check-on-data-freshness: a critical check whose output is a job's output age against its
     * limit ("export_age_hours=121 > 26", p197-08: the scheduled export machine never started) no longer states a
     * failing health check (0.90 before).
     */
    @Test
    void aFreshnessCheckIsNoFailingHealthCheck() throws IOException {
        io.sophia.core.Assessment a = Fleet.scenario("p197-08-config-invalid-fly-machine-create-schedule-daily-never-started");
        double p = a.causes().stream().filter(c -> c.id().value().equals("app.healthcheck-failing"))
                .mapToDouble(io.sophia.core.RankedCause::probability).findFirst().orElse(0);
        org.junit.jupiter.api.Assertions.assertTrue(p < 0.5, a.causes().toString());
    }
}
