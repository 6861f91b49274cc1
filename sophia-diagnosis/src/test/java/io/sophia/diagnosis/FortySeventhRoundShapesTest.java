package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of the twenty-first session's arrivals (h52- to h57- consumed, p96- to p100- scored
 * on arrival first), each in its tool's own words: more languages' words for a setting the app does not have. Each is
 * tested on its source's words and a near miss (the first row of each is indication-cases.tsv's); each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class FortySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("config.value-unset-generic", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

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
    }
}
