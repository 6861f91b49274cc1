package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.diagnosis.calibration.Scenario;
import io.sophia.diagnosis.calibration.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-fifth session's rule writer rules35a, each in its tool's own words: its round on the
 * consumed h116- and h117-. Click's refusal of an option value of the wrong type ("Invalid value for '--port': ... is not
 * a valid integer", a start command or an environment giving the server a value it cannot take); Render's Blueprint
 * validation refusing render.yaml; an Airflow task killed by SIGKILL ("Task exited with return code -9"); a platform
 * CLI that could not parse its API's answer (koyeb-cli). Widened: ECS RunTask's failure reason as boto3 prints it
 * ('reason': 'RESOURCE:MEMORY'), Heroku's H82 in the router's words for Eco dynos ("You've used up your dyno hour
 * pool") and free ones. Rules: a platform API the deploy called answering 402 (api-payment-required-host); Heroku's
 * router answering H82 for a service (heroku-router-dyno-hours-exhausted); a local database the client cannot reach
 * while the service depends on a service that is down (local-database-of-a-down-dependency); a Go decode error of an
 * API's answer (go-decode-of-an-api-answer); an Airflow task's SIGKILL weighed weakly (airflow-task-sigkill); pip
 * handed a word of the shell command as a package (requirement-is-a-shell-word, run-line-hands-pip-a-shell-word).
 * Each indication is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's
 * row); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause but for
 * the one named with its reason.
 */
class NinetyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("airflow.task-sigkill", "app.oom"),
            Map.entry("cli.api-answer-unparseable", "unknown"),
            Map.entry("click.option-value-invalid", "config.invalid"),
            Map.entry("render.blueprint-validation-refused", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("airflow.task-sigkill", "[2025-04-01, 08:07:05 UTC] {local_task_job_runner.py:266} INFO - Task exited with return code -9. For more information, see https://airflow.apache.org/docs/apache-airflow/stable/troubleshooting.html#LocalTaskJob-killed");
        ROUND.readsNot("airflow.task-sigkill", "[2025-04-01, 08:07:05 UTC] {local_task_job_runner.py:266} INFO - Task exited with return code 1");
        ROUND.reads("airflow.task-sigkill", "[2022-11-17, 10:02:11 UTC] {local_task_job.py:159} INFO - Task exited with return code Negsignal.SIGKILL");
        ROUND.readsNot("airflow.task-sigkill", "[2022-11-17, 10:02:11 UTC] {local_task_job.py:159} INFO - Task exited with return code Negsignal.SIGTERM");
        ROUND.reads("cli.api-answer-unparseable", "!!! Error while listing the instances of the deployment `0f1e2d3c`: the Koyeb API returned an error that the CLI was unable to parse, likely due to a bug in the CLI.");
        ROUND.readsNot("cli.api-answer-unparseable", "!!! Error while listing the instances of the deployment `0f1e2d3c`: the Koyeb API returned an error: not found");
        ROUND.reads("cli.api-answer-unparseable", "!!! Error while retrieving the service `nimbus/search-api`: the Koyeb API returned an error that the CLI was unable to parse, likely due to a bug in the CLI.");
        ROUND.readsNot("cli.api-answer-unparseable", "Error: json: cannot unmarshal object into Go struct field HTTPService.http_service.checks of type []*appconfig.ServiceHTTPCheck"); // config.go-decode-type-generic
        ROUND.reads("click.option-value-invalid", "Error: Invalid value for '--port': 'main:app' is not a valid integer.");
        ROUND.readsNot("click.option-value-invalid", "Error: Invalid value for '-A' / '--app': Unable to load celery application.");
        ROUND.reads("click.option-value-invalid", "Error: Invalid value for '--log-level': 'verbose' is not one of 'critical', 'error', 'warning', 'info', 'debug', 'trace'.");
        ROUND.readsNot("click.option-value-invalid", "ValueError: invalid literal for int() with base 10: 'tcp://10.43.0.1:8000'");
        ROUND.reads("render.blueprint-validation-refused", "Error: validation request failed with status 422: {\"valid\":false,\"errors\":[{\"path\":\"services[0].plan\",\"error\":\"invalid plan \\\"standart\\\"\"}]}");
        ROUND.readsNot("render.blueprint-validation-refused", "Error: validation request failed with status 503: service unavailable");
        ROUND.reads("render.blueprint-validation-refused", "Error: validation request failed with status 400: {\"valid\": false, \"errors\": [{\"path\": \"services[1].runtime\", \"error\": \"unknown runtime\"}]}");
        ROUND.readsNot("render.blueprint-validation-refused", "Error: validation request failed with status 401: {\"id\":\"unauthorized\",\"message\":\"invalid API key\"}");
    }

    /** The widened indications read their new words and still not a near miss. */
    @Test
    void widenedShapesReadTheirNewWords() throws IOException {
        Fleet.assertReads("ecs.no-resource-for-task", "platform.capacity", "   'reason': 'RESOURCE:MEMORY'}],");
        Fleet.assertReadsNot("ecs.no-resource-for-task", "  {'arn': 'arn:aws:ecs:eu-west-1:000000000000:container-instance/analytics-ec2/0b3c', 'reason': 'MISSING'}");
        Fleet.assertReads("heroku.free-dyno-quota", "platform.quota", "2026-11-29T08:15:00+00:00 heroku[router]: at=error code=H82 desc=\"You've used up your dyno hour pool\" method=GET path=\"/\" status=503");
        Fleet.assertReadsNot("heroku.free-dyno-quota", "Eco dyno hours quota remaining this month: 998h 12m (99%)");
    }

    /**
     * No corpus line is read by the round; on the labelled scenarios, only lines of each indication's own cause, but for
     * the one named below with its reason.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // p62-28 (labelled app.crash-on-boot): uvicorn exits at start because railway.json's start command passes
                // "--port $PORT" unexpanded; the exit is the consequence of that invalid start configuration, the reading
                // h117-12, h117-33 and h117-47 label config.invalid for the same words (a label dispute, reported)
                "p62-28 click.option-value-invalid");
    }

    /** A platform API the deploy called answering 402 weighs for the account's quota, whatever its source. */
    @Test
    void aPlatformApisPaymentRequiredIsTheAccounts() throws IOException {
        Assessment a = diagnose("h117-08-");
        assertTrue(Fleet.weighs(a, "platform.quota/api-payment-required-host"), a.causes().toString());
    }

    /** Heroku's router answering H82 in the service's place is the account's dyno hours, not the app. */
    @Test
    void herokusRouterH82IsTheAccountsDynoHours() throws IOException {
        Assessment a = diagnose("h116-11-");
        assertTrue(Fleet.weighs(a, "platform.quota/heroku-router-dyno-hours-exhausted"), a.causes().toString());
        assertEquals("platform.quota", a.causes().get(0).id().value(), a.causes().toString());
    }

    /**
     * A local database the client cannot reach, while its service depends on a datastore that is down, is that
     * datastore down, not a default the client fell back to; without the dependency down it stays the missing setting.
     */
    @Test
    void aLocalDatabaseOfADownDependencyIsNoMissingSetting() throws IOException {
        Assessment down = diagnose("h117-36-");
        assertTrue(Fleet.weighs(down, "config.missing-secret/local-database-of-a-down-dependency"), down.causes().toString());
        Assessment alone = diagnose("h117-36-", "    dependsOn: [reports-mysql]\n", "");
        assertFalse(Fleet.weighs(alone, "config.missing-secret/local-database-of-a-down-dependency"), alone.causes().toString());
    }

    /**
     * Go's decode error of an API's answer, which the step says the CLI could not parse, is no configuration of the
     * user's; the same error of a file the user wrote (h34-33's fly.toml, with no such words) still reads as one.
     */
    @Test
    void aGoDecodeErrorOfAnApisAnswerIsNoInvalidConfiguration() throws IOException {
        Assessment koyeb = diagnose("h116-47-");
        assertTrue(Fleet.weighs(koyeb, "config.invalid/go-decode-of-an-api-answer"), koyeb.causes().toString());
        assertEquals("unknown", koyeb.causes().get(0).id().value(), koyeb.causes().toString());
        Assessment flyToml = Fleet.deployFailed("deploy", Fleet.DEPLOY_STEP,
                "Error: json: cannot unmarshal object into Go struct field HTTPService.http_service.checks of type []*appconfig.ServiceHTTPCheck\n");
        assertFalse(Fleet.weighs(flyToml, "config.invalid/go-decode-of-an-api-answer"), flyToml.causes().toString());
    }

    /**
     * An Airflow task's SIGKILL names memory as likely, weakly: the cause is ranked (it was not before), below the
     * confidence a proven kill has, whether the memory was at its limit (h117-23) or not (h117-41).
     */
    @Test
    void anAirflowSigkillAloneIsNoProvenMemoryKill() throws IOException {
        for (String prefix : List.of("h117-23-", "h117-41-")) {
            Assessment a = diagnose(prefix);
            assertTrue(Fleet.weighs(a, "app.oom/airflow-task-sigkill"), a.causes().toString());
            assertTrue(a.causes().stream().filter(c -> c.id().value().equals("app.oom"))
                    .allMatch(c -> c.probability() > 0.2 && c.probability() < 0.5), a.causes().toString());
        }
    }

    /**
     * pip asked for a word of the shell command ("and", "&&") as a package is a malformed RUN instruction, not a
     * download; a real package of a similar name ("andes") is still one pip could not find.
     */
    @Test
    void aShellWordHandedToPipIsTheRunInstructions() throws IOException {
        Assessment typo = diagnose("h117-25-");
        // (build.dependency-fetch, argued down by requirement-is-a-shell-word, falls below the report's floor)
        assertTrue(typo.causes().stream().noneMatch(c -> c.id().value().equals("build.dependency-fetch")),
                typo.causes().toString());
        assertTrue(Fleet.weighs(typo, "build.dockerfile/run-line-hands-pip-a-shell-word"), typo.causes().toString());
        assertEquals("build.dockerfile", typo.causes().get(0).id().value(), typo.causes().toString());
        Assessment missing = diagnose("h117-25-", "requirement and (from", "requirement andes (from",
                "distribution found for and\n", "distribution found for andes\n");
        assertFalse(Fleet.weighs(missing, "build.dependency-fetch/requirement-is-a-shell-word"), missing.causes().toString());
        assertEquals("build.dependency-fetch", missing.causes().get(0).id().value(), missing.causes().toString());
    }

    private static Assessment diagnose(String prefix, String... replacements) throws IOException {
        Path file;
        try (var files = Files.list(ScenarioLoader.corpusDirectory())) {
            file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
        String text = Files.readString(file);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Scenario s = ScenarioLoader.with(LogScanner.builtIn()).parse(file, text);
        return Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
    }
}
