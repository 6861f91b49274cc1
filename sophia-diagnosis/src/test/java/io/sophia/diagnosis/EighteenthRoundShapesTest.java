package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes for the families the p22- tuning set (session 11) was missed on: a platform refusing for the
 * organisation's limits, a deploy CLI naming its token variable invalid, Fly's registry without the app's repository, a client library refusing to start without a camelCase setting, the platform token
 * input of an action left empty, a health check failing on a name that does not resolve, and Heroku's R14 before an R10
 * (read as app.oom at 0.970 on arrival). Each new log indication reads no line of the shared corpus and, on the labelled
 * scenarios, only lines of its own cause; near misses stay unread.
 */
class EighteenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("platform.due-to-org-limits", "platform.quota"),
            Map.entry("deploy-token.named-variable-invalid", "auth.deploy-token"),
            Map.entry("fly.push-app-repository-unknown", "config.invalid"),
            Map.entry("setting.camelcase-required", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /** flyctl's strategy refused for the organisation's limits is the quota; a rate limit's wording is not read. */
    @Test
    void aDeployRefusedForTheOrganisationsLimitsIsTheQuota() throws IOException {
        String id = "platform.due-to-org-limits";
        ROUND.reads(id, "Error: app can't undergo bluegreen deployment due to org limits");
        ROUND.readsNot(id, "Updating existing machines in 'berth-booking' with bluegreen strategy");
    }

    /** A deploy CLI naming its token variable invalid (Railway's CLI) is the deploy token; a token printed valid is not. */
    @Test
    void aCliNamingItsTokenVariableInvalidIsTheDeployToken() throws IOException {
        String id = "deploy-token.named-variable-invalid";
        ROUND.reads(id, "Invalid RAILWAY_TOKEN. Please check that your token is valid and has not expired");
        ROUND.reads(id, "Error: Invalid NETLIFY_AUTH_TOKEN");
        ROUND.readsNot(id, "Invalid value for DATABASE_URL: expected a URL");
    }

    /** Fly's registry without the app's repository is the configuration naming an app that does not exist. */
    @Test
    void flysRegistryWithoutTheAppsRepositoryIsTheConfiguration() throws IOException {
        String id = "fly.push-app-repository-unknown";
        ROUND.reads(id, "Error failed to fetch an image or build from source: error rendering push status stream: name "
                + "unknown: app repository not found");
        ROUND.readsNot(id, "name unknown: repository name not known to registry");
    }

    /** supabase-js refusing to start without its URL or key is a missing setting; a required function argument is not. */
    @Test
    void aClientLibraryWithoutItsUrlIsAMissingSetting() throws IOException {
        String id = "setting.camelcase-required";
        ROUND.reads(id, "#11 15.41 Error: supabaseUrl is required.");
        ROUND.reads(id, "Error: supabaseKey is required.");
        ROUND.readsNot(id, "Error: callback is required.");
    }

    /** An action's platform-token input left empty is the deploy token; another empty input stays a missing secret. */
    @Test
    void anEmptyTokenInputIsTheDeployTokenAndAnotherEmptyInputAMissingSecret() throws IOException {
        Assessment token = Fleet.deployFailed("deploy", "Deploy", "##[error]Input required and not supplied: fly-api-token\n");
        assertEquals(CauseId.AUTH_DEPLOY_TOKEN, token.topCause().orElseThrow().id());
        Assessment other = Fleet.deployFailed("deploy", "Deploy", "##[error]Input required and not supplied: app-name\n");
        assertEquals(CauseId.CONFIG_MISSING_SECRET, other.topCause().orElseThrow().id());
    }

    /** Heroku's R14 before an R10 that stopped the dyno is no proof of a memory kill: below 0.9 at most. */
    @Test
    void anR14BeforeTheR10ThatStoppedTheDynoIsNoProofOfAMemoryKill() throws IOException {
        Assessment a = Fleet.jobEnded(Fleet.refused("dashboard"), "failure", 120, List.of(Fleet.step(1, "deploy", "failure")),
                "heroku[web.1]: Error R14 (Memory quota exceeded)\nheroku[web.1]: Error R10 (Boot timeout) -> Web process "
                        + "failed to bind to $PORT within 60 seconds of launch\nheroku[web.1]: Stopping process with SIGKILL\n",
                null);
        assertTrue(a.topCause().orElseThrow().probability() < 0.9, a.causes().toString());
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        ROUND.staysInItsCauses();
    }
}
