package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-eighth session's rule writer rules38c, each in its tool's own words: its round on h127-
 * (the on-call engineer's week across platforms, consumed). The CI's word that no worker ever took a job (Concourse's
 * "no workers satisfying:", a hosted CI's "no worker was attached to the job"); the Cloud Foundry CLI's expired login;
 * a plan's count of machines used up; an R package that could not be fetched from GitHub. And Docker's "pull access
 * denied for NAME, repository does not exist or may require docker login" for a Docker Hub name carried by a look at
 * the service, no longer the registry's denial alone at the one-source cap: the missing image is weighed as the same
 * line in a log weighs it. Each new indication is tested on its source's words and a near miss (the first pair is
 * indication-cases.tsv's row); the round reads no line of the shared corpus and, on the labelled scenarios, only lines
 * of its own cause.
 */
class HundredFourteenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("ci.no-worker-took-job", "ci.runner"),
            Map.entry("cf.session-expired", "auth.deploy-token"),
            Map.entry("platform.plan-count-used-up", "platform.quota"),
            Map.entry("r.github-package-fetch-failed", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("ci.no-worker-took-job", "This job was aborted: no worker was attached to the job while it was waiting.");
        ROUND.readsNot("ci.no-worker-took-job", "no suitable workers found, waiting for worker...");
        ROUND.reads("ci.no-worker-took-job", "no workers satisfying: resource type 'git', tag 'some-worker-tag', version: '2.3'");
        ROUND.readsNot("ci.no-worker-took-job", "‘Jenkins’ doesn’t have label ‘jenkins-maven’"); // a wait that went on to run
        ROUND.reads("cf.session-expired", "Authentication has expired.  Please log back in to re-authenticate.");
        ROUND.readsNot("cf.session-expired", "Token refresh failed. Please log out and log back in to re-authenticate with Google.");
        ROUND.reads("cf.session-expired", "The token expired, was revoked, or the token ID is incorrect. Please log back in to re-authenticate.");
        ROUND.readsNot("cf.session-expired", "Authorization error: Your session may have expired or lacks the required permissions. Please log out and log back in to re-authenticate with the necessary scopes.");
        ROUND.reads("platform.plan-count-used-up", "Your plan allows 2 hosted machines, and 2 are already in use.");
        ROUND.readsNot("platform.plan-count-used-up", "Your plan allows 2 hosted machines.");
        ROUND.reads("platform.plan-count-used-up", "Your starter plan has reached its station limit. Upgrade to add more stations.");
        ROUND.readsNot("platform.plan-count-used-up", "Your starter plan renews on 2026-01-01.");
        ROUND.reads("r.github-package-fetch-failed", "  HTTP 401: Unauthorized - https://api.github.com/repos/ridgeway-lab/ridgeplots/tarball/3f2a1c9");
        ROUND.readsNot("r.github-package-fetch-failed", "Downloading GitHub repo rstudio/tensorflow@HEAD");
        // (remotes' "Failed to install 'x' from GitHub:" frames any failure of install_github, a package's build after
        // the download too: r.remotes-github-download-failed reads it with the next line's reason, HundredNineteenthRoundReviewTest)
        ROUND.readsNot("r.github-package-fetch-failed", "Error: Failed to install 'liana' from GitHub:");
        ROUND.readsNot("r.github-package-fetch-failed", "Error: Failed to install 'liana' from CRAN");
    }

    /**
     * No corpus line is read by the round. ci.no-worker-took-job reads no labelled scenario's log: its source (h127-45)
     * carries the words in a job's annotation, which the annotation-indication rule reads (tested below).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("ci.no-worker-took-job")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * A look at a service carrying Docker's refusal of a Docker Hub name, "repository does not exist or may require docker
     * login" (h127-09: a repository removed), weighs the missing image as well as the denial: no longer the denial alone
     * at the one-source cap. The same words for a registry named by its host are the denial's alone.
     */
    @Test
    void aLookCarryingHubsRefusalOfAMissingNameWeighsTheMissingImage() throws IOException {
        Assessment removed = Fleet.scenario("h127-09-image-not-found-repository-no-longer-exists-pull-access-denied");
        assertTrue(Fleet.weighs(removed, "image.not-found/detail-denied-for-missing-repository"), removed.causes().toString());
        assertTrue(Fleet.weighs(removed, "registry.auth/detail-denied-for-missing-repository"), removed.causes().toString());
        assertTrue(removed.causes().get(0).probability() < 0.9, removed.causes().toString());
        assertEquals("image.not-found", removed.causes().get(0).id().value(), removed.causes().toString());
    }

    /** An annotation saying no worker was attached to the job is the runner's, not a cancel (h127-45). */
    @Test
    void aJobNoWorkerTookIsTheRunners() throws IOException {
        Assessment stuck = Fleet.scenario("h127-45-ci-runner-stuck-deploy-job-waiting-no-worker-attached");
        assertTrue(Fleet.weighs(stuck, "ci.runner/annotation-indication"), stuck.causes().toString());
        assertEquals("ci.runner", stuck.causes().get(0).id().value(), stuck.causes().toString());
        assertFalse(stuck.causes().stream().anyMatch(c -> c.id().value().equals("ci.cancelled") && c.probability() > 0.5),
                stuck.causes().toString());
    }
}
