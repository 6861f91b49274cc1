package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes for the families of the twenty-first session's arrivals (h52- to h57- consumed, p96- to p100- scored
 * on arrival first), each in its tool's own words: more languages' words for a setting the app does not have; and the rule writers'
 * rounds (platform pages and statuses, hosted-build settings, a secrets file, Railway's trial plan...). Each is
 * tested on its source's words and a near miss (the first row of each is indication-cases.tsv's); each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class FortySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("config.value-unset-generic", "config.missing-secret"),
            Map.entry("paas.deployment-status-crashed", "app.crash-on-boot"),
            Map.entry("secrets.failed-to-load-secrets-file", "config.missing-secret"),
            Map.entry("env.option-requires-variable-generic", "config.missing-secret"),
            Map.entry("node.tool-requires-newer-node", "config.invalid"),
            Map.entry("paas.build-root-no-package-json", "config.invalid"),
            Map.entry("build-env.docker-not-installed", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Read in answers' bodies and platform API details, which no labelled scenario's log holds (p100-12's Workers 1101
     * page, p100-29's "Site not found", p100-35's Railway plan refusal): checked against the shared corpus only.
     */
    private static final ShapeRound ANSWER_ROUND = new ShapeRound(Map.of(
            "workers.worker-threw-exception", "app.crash-on-boot", "paas.site-not-found-page", "config.invalid",
            "railway.limited-trial-no-code", "platform.quota"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("config.value-unset-generic",
                "django.core.exceptions.ImproperlyConfigured: No DATABASE_URL environment variable set.");
        ROUND.readsNot("config.value-unset-generic", "No new environment variables were set by this step.");
        ROUND.reads("config.value-unset-generic",
                "thread 'main' panicked at 'Without `DATABASE` set in .env', src/bin/delicate-scheduler.rs:88:10");
        ROUND.readsNot("config.value-unset-generic", "Error: The token provided to HEROKU_API_KEY is invalid. Please "
                + "double-check that you have the correct token, or run `heroku login` without HEROKU_API_KEY set.");
        ROUND.reads("config.value-unset-generic", "Unhandled exception. System.InvalidOperationException: No connection "
                + "string named 'DefaultConnection' could be found in the application config file.");
        ROUND.readsNot("config.value-unset-generic", "Using connection string named 'DefaultConnection'");
        ROUND.reads("config.value-unset-generic", "Unhandled exception. Microsoft.Extensions.Options."
                + "OptionsValidationException: DataAnnotation validation failed for 'MyOptions' members: 'ApiKey' with "
                + "the error: 'The ApiKey field is required.'.");
        ROUND.readsNot("config.value-unset-generic", "OptionsValidationException handler registered");
        ROUND.reads("config.value-unset-generic", "2026-11-22T17:42:43.610288+00:00 app[web.1]: Error: Secret should be set");
        ROUND.readsNot("config.value-unset-generic", "The secret has been set for app web");
        // the rule writer's round on p100- (platform pages and statuses, hosted-build settings, a secrets file, a plan)
        ANSWER_ROUND.reads("workers.worker-threw-exception", "Error 1101 Ray ID: 88168b0c88be9842 • 2024-05-10 02:36:42 UTC Worker threw exception");
        ANSWER_ROUND.readsNot("workers.worker-threw-exception", "Error 1102 Ray ID: 88168b0c88be9842 • Worker exceeded resource limits");
        ROUND.reads("paas.deployment-status-crashed", "##[error]Service showcase-langgraph CRASHED on Railway");
        ROUND.readsNot("paas.deployment-status-crashed", "Railway status=SUCCESS domain=showcase-crewai-production-91ad.up.railway.app");
        ROUND.reads("secrets.failed-to-load-secrets-file", "Failed to load passwords. Serverpod cannot not start.");
        ROUND.readsNot("secrets.failed-to-load-secrets-file", "Loaded passwords from config/passwords.yaml");
        ROUND.reads("env.option-requires-variable-generic", "Error: edge and split options can only be used with ENABLE_VC_BUILD");
        ROUND.readsNot("env.option-requires-variable-generic", "Error: the --watch option can only be used with the dev command");
        ROUND.reads("node.tool-requires-newer-node", "Wrangler requires at least Node.js v20.0.0. You are using v18.20.8. Please update your version of Node.js.");
        ROUND.readsNot("node.tool-requires-newer-node", "ERROR: Node version v26.0.0 is not supported. Please use a secure LTS version or upgrade your Node");
        ROUND.reads("paas.build-root-no-package-json", "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/opt/buildhome/repo/package.json'");
        ROUND.readsNot("paas.build-root-no-package-json", "npm ERR! enoent ENOENT: no such file or directory, open '/app/package.json'");
        ROUND.reads("build-env.docker-not-installed", "❌ Docker is not installed or not in PATH");
        ROUND.readsNot("build-env.docker-not-installed", "Docker version 24.0.7, build afdd53b is installed");
        ANSWER_ROUND.reads("railway.limited-trial-no-code", "Full Trial users can deploy code and plugins, while Limited Trial users can only deploy plugins.");
        ANSWER_ROUND.readsNot("railway.limited-trial-no-code", "Full Trial users can deploy code and plugins.");
        ANSWER_ROUND.reads("paas.site-not-found-page", "Site not found");
        ANSWER_ROUND.readsNot("paas.site-not-found-page", "Error: Site not found. Please rerun \"netlify link\"");
    }

    /** Existing indications widened this session, on the words that widened them. */
    @Test
    void widenedIndicationsReadTheirNewWords() throws IOException {
        ROUND.reads("heroku.no-web-process", "config.invalid", "2026-06-30T13:19:40.112+00:00 heroku[router]: "
                + "at=error code=H14 desc=\"No web dynos running\" method=GET path=\"/\" host=booking-prod.herokuapp.com");
        ROUND.readsNot("heroku.no-web-process", "heroku[router]: at=error code=H12 desc=\"Request timeout\"");
    }

    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(ANSWER_ROUND.causeOf().keySet()));
    }
}
