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
 * General shapes of the thirty-seventh session's rule writer rules37a, each in its tool's own words: its round on h122-
 * (GitHub-hosted and self-hosted Actions runners, BuildKit). A job asking for a standard hosted image and waiting for a
 * runner (the hosted pool without a free machine); an idle hosted runner of the organization not given the job (the
 * account's concurrent-job limit); GitHub's
 * "GitHub Actions is temporarily unavailable" relayed by BuildKit's gha cache; ssh asked to resolve an empty host name
 * (the secret that carries it is unset, not DNS); gunicorn reaping a worker a crash signal killed; sqlx refused by its
 * database; buildx refusing a context path that is not there. Each is tested on its source's words and a near miss (the
 * first pair of each is indication-cases.tsv's row); each new log indication reads no line of the shared corpus and, on
 * the labelled scenarios, only lines of its own cause.
 */
class HundredSixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("actions.standard-hosted-label-queued", "platform.capacity"),
            Map.entry("actions.hosted-runner-not-picked-up", "platform.quota"),
            Map.entry("actions.service-temporarily-unavailable", "platform.outage"),
            Map.entry("ssh.empty-hostname", "config.missing-secret"),
            Map.entry("gunicorn.worker-crash-signal", "app.crash-on-boot"),
            Map.entry("sqlx.connection-refused", "dependency.down"),
            Map.entry("buildx.context-path-not-found", "build.dockerfile"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("actions.standard-hosted-label-queued", "Requested labels: macos-14\nJob defined at: example-pdf/aptest/.github/workflows/test_multiple.yml@refs/heads/main\nWaiting for a runner to pick up this job...");
        ROUND.readsNot("actions.standard-hosted-label-queued", "Requested labels: self-hosted, linux, deploy\nJob defined at: example-org/app/.github/workflows/deploy.yml@refs/heads/main\nWaiting for a runner to pick up this job...");
        ROUND.reads("actions.standard-hosted-label-queued", "Requested labels: macos-15-intel\nJob defined at: example-pdf/aptest/.github/workflows/test_multiple.yml@refs/heads/aptest-jules\nWaiting for a runner to pick up this job...");
        ROUND.readsNot("actions.standard-hosted-label-queued", "Requested labels: ubuntu-24.0\nJob defined at: example-org/app/.github/workflows/ci.yml@refs/heads/main\nWaiting for a runner to pick up this job..."); // a misspelt label (h124-44)
        ROUND.reads("actions.hosted-runner-not-picked-up", "Found online and idle hosted runner in the current repository's organization account that matches the required labels: 'ubuntu-latest'\nWaiting for a Hosted runner in the 'organization' to pick this job...\nJob was not picked up by the preferred runner, try requesting additional runners to run this job");
        ROUND.readsNot("actions.hosted-runner-not-picked-up", "Found online and idle hosted runner in the current repository's organization account that matches the required labels: 'ubuntu-latest'\nWaiting for a Hosted runner in the 'organization' to pick this job...\nJob is about to start running on the hosted runner: GitHub Actions 12 (hosted)");
        ROUND.reads("actions.hosted-runner-not-picked-up", "2026-06-01T10:00:00.0000000Z Found online and idle hosted runner in the current repository's organization account that matches the required labels: 'windows-latest'\n2026-06-01T10:00:00.0000000Z Waiting for a Hosted runner in the 'organization' to pick this job...\n2026-06-01T10:05:00.0000000Z Job was not picked up by the preferred runner, try requesting additional runners to run this job");
        ROUND.readsNot("actions.hosted-runner-not-picked-up", "Waiting for a self-hosted runner to pickup this job...");
        ROUND.reads("actions.service-temporarily-unavailable", "#18 ERROR: GitHub Actions is temporarily unavailable. Please visit https://www.githubstatus.com/ for the status of our services.");
        ROUND.readsNot("actions.service-temporarily-unavailable", "#18 ERROR: failed to solve: failed to compute cache key: \"/app/package.json\": not found");
        ROUND.reads("actions.service-temporarily-unavailable", "##[error]buildx failed with: error: failed to solve: GitHub Actions is temporarily unavailable. Please visit https://www.githubstatus.com/ for the status of our services.");
        ROUND.readsNot("actions.service-temporarily-unavailable", "##[error]Error: getCacheEntry failed: Cache service responded with 503"); // actions.cache-service-5xx
        ROUND.reads("ssh.empty-hostname", "ssh: Could not resolve hostname : Name or service not known");
        ROUND.readsNot("ssh.empty-hostname", "ssh: Could not resolve hostname router: Name or service not known"); // dns.no-such-host
        ROUND.reads("ssh.empty-hostname", "ssh: Could not resolve hostname : hostname nor servname provided, or not known");
        ROUND.readsNot("ssh.empty-hostname", "ssh: Could not resolve hostname dhyve.vm: nodename nor servname provided, or not known");
        ROUND.reads("gunicorn.worker-crash-signal", "web-1  | [2026-04-06 20:40:23 +0000] [1] [ERROR] Worker (pid:8) was sent code 132!");
        ROUND.readsNot("gunicorn.worker-crash-signal", "[2020-09-12 05:37:52 +0000] [18] [ERROR] Worker (pid:21) was sent SIGKILL! Perhaps out of memory?");
        ROUND.reads("gunicorn.worker-crash-signal", "[2022-11-02 22:42:04 -0700] [4819] [WARNING] Worker with pid 4832 was terminated due to signal 11");
        ROUND.readsNot("gunicorn.worker-crash-signal", "[2022-11-02 22:42:04 -0700] [4819] [WARNING] Worker with pid 4832 was terminated due to signal 15");
        ROUND.reads("sqlx.connection-refused", "error: error communicating with database: Connection refused (os error 111)");
        ROUND.readsNot("sqlx.connection-refused", "#11 219.8 error: error communicating with database: Connection refused (os error 111)"); // a query! macro in an image build (p111-32)
        ROUND.reads("sqlx.connection-refused", "Error: error communicating with database: Connection refused (os error 111)");
        ROUND.readsNot("sqlx.connection-refused", "error: error returned from database: password authentication failed for user \"postgres\"");
        ROUND.reads("buildx.context-path-not-found", "##[error]buildx failed with: error: unable to prepare context: path \"./onedrive\" not found");
        ROUND.readsNot("buildx.context-path-not-found", "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /home/runner/work/app/app/Dockerfile: no such file or directory");
        ROUND.reads("buildx.context-path-not-found", "error: unable to prepare context: path \"./syncd\" not found");
        ROUND.readsNot("buildx.context-path-not-found", "ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // a hosted macOS job GitHub did not hand to a runner ("not acquired by Runner of type hosted"): it waited
                // in the hosted queue first, the queue lines are its consequence
                "p169-14 actions.standard-hosted-label-queued",
                // Actions degraded, workflows stuck starting: the hosted job's wait is the outage's consequence
                "h118-14 actions.standard-hosted-label-queued");
    }

    /**
     * ssh asked to resolve an empty host name (h122-15: the deploy host's secret unset) is no name that failed to
     * resolve: the DNS reading gives way; a name that does not resolve stays DNS's.
     */
    @Test
    void anEmptyHostNameIsNoDnsFailure() throws IOException {
        Assessment empty = Fleet.scenario("h122-15-config-missing-secret-stack-deploy-ssh-empty-host-could-not-resolve");
        assertTrue(Fleet.weighs(empty, "network.dns/empty-name-not-dns"), empty.causes().toString());
        assertEquals("config.missing-secret", empty.causes().get(0).id().value(), empty.causes().toString());
        Assessment named = Fleet.deployFailed("deploy", Fleet.DEPLOY_STEP, "ssh: Could not resolve hostname deploy.example-stack.com: Name or service not known");
        assertFalse(Fleet.weighs(named, "network.dns/empty-name-not-dns"), named.causes().toString());
    }

    /**
     * A job asking for a standard hosted image, cancelled by a person while its log held only GitHub's queue lines (the
     * "Requested labels:" header now read by actions.standard-hosted-label-queued among them), only waited for a
     * runner: no cancelled job (h122-18's shape with a standard label).
     */
    @Test
    void aCancelledJobThatOnlyQueuedOnAHostedLabelIsNoCancelledJob() throws IOException {
        Assessment a = Fleet.jobEnded(Fleet.up("dashboard"), "cancelled", 0, List.of(),
                "Requested labels: macos-14\nJob defined at: example-org/app/.github/workflows/build.yml@refs/heads/main\n"
                        + "Waiting for a runner to pick up this job...\nJob is waiting for a hosted runner to come online.",
                "The run was canceled by @octocat.");
        assertTrue(a.causes().stream().noneMatch(c -> c.id().value().equals("ci.cancelled") && c.probability() > 0.5),
                a.causes().toString());
    }

    /**
     * Every GitHub job's log opens with its queue lines (ekzhang/sshx#42): a job that then ran and failed on its own line
     * was taken by a runner, so the queue says nothing of capacity (review of rules37a).
     */
    @Test
    void aJobThatRanAfterItsQueueLinesHadARunner() throws IOException {
        Assessment a = Fleet.jobEnded(Fleet.up("dashboard"), "failure", 300, List.of(),
                "Requested labels: ubuntu-latest\nJob defined at: example-org/app/.github/workflows/build.yml@refs/heads/main\n"
                        + "Waiting for a runner to pick up this job...\nJob is about to start running on the hosted runner: "
                        + "GitHub Actions 2 (hosted)\nnpm ERR! code ELIFECYCLE\n##[error]Process completed with exit code 1.",
                null);
        assertTrue(Fleet.weighs(a, "platform.capacity/standard-hosted-label-queued-then-ran"), a.causes().toString());
        assertTrue(a.causes().stream().noneMatch(c -> c.id().value().equals("platform.capacity") && c.probability() > 0.1),
                a.causes().toString());
    }

}
