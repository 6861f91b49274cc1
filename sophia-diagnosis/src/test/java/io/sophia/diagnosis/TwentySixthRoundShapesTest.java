package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families the p27- tuning set (session 12, the tester origins in new wording) was missed on:
 * google-github-actions/auth given neither credential (the secret that holds the CI's cloud credential resolved empty)
 * and the Fly API failing on its own side. Each is tested on public wording from other reports than the scenario it
 * was found in, with near misses; each new log indication reads no line of the shared corpus and, on the labelled
 * scenarios, only lines of its own cause.
 */
class TwentySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("gcp-auth.no-credential-input", "auth.deploy-token"),
            Map.entry("fly.api-error-request-id", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * The auth action's own check, as repositories' CI notes quote it ("##[error]google-github-actions/auth failed with:
     * the GitHub Action workflow must specify exactly one of \"workload_identity_provider\" or \"credentials_json\"!",
     * with "retry function failed after 4 attempts" before it); its check for a missing service account with Workload
     * Identity Federation is a configuration and is not read.
     */
    @Test
    void theCloudCredentialReachingTheAuthActionEmptyIsTheDeployToken() throws IOException {
        String id = "gcp-auth.no-credential-input";
        ROUND.reads(id, "##[error]google-github-actions/auth failed with: the GitHub Action workflow must specify exactly "
                + "one of \"workload_identity_provider\" or \"credentials_json\"!");
        ROUND.reads(id, "google-github-actions/auth failed with: retry function failed after 4 attempts: the GitHub Action "
                + "workflow must specify exactly one of \"workload_identity_provider\" or \"credentials_json\"! If you are "
                + "specifying input values via GitHub secrets, ensure the secret is being injected into the environment.");
        ROUND.readsNot(id, "google-github-actions/auth failed with: the GitHub Action workflow must specify a service_account "
                + "to use when authenticating via Workload Identity Federation!");
    }

    /**
     * Fly's API wrapping its own server error in a deploy (a repository's notes: "WARN Failed to start remote builder
     * heartbeat: You hit a Fly API error with request ID: 01GRF3297M6NGQ9AN1AENYBSNW-dfw", "Error failed to fetch an image
     * or build from source: You hit a Fly API error with request ID: ..."); an API's "app not found" with its request id
     * is the app's name and is not read.
     */
    @Test
    void theFlyApiFailingOnItsOwnSideIsThePlatform() throws IOException {
        String id = "fly.api-error-request-id";
        ROUND.reads(id, "Error failed to fetch an image or build from source: You hit a Fly API error with request ID: "
                + "01GRF329PYMMH3M6HNNX-dfw");
        ROUND.reads(id, "Error You hit a Fly API error with request ID: 01GFNCSGEV679VK61HQJN0KWFR-dfw");
        ROUND.readsNot(id, "Error: Could not find App \"shop-pr-212\" (Request ID: 01K4X9C2ZQ7N426Q2N0CAAB7TR-lhr)");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        ROUND.staysInItsCauses(
                // disputed label (reported to the lead): google-github-actions/auth's "must specify exactly one of
                // \"workload_identity_provider\" or \"credentials_json\"" over empty inputs is the CI's credential for the
                // platform missing, auth.deploy-token by DESIGN.md and as p27-16 (a staging environment's secret empty) is
                // labelled; p206-31 names it config.missing-secret
                "p206-31 gcp-auth.no-credential-input");
    }
}
