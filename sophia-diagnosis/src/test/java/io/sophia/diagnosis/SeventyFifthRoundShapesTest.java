package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-first session's rule writer rules31a (h104- and h105-, consumed: deploy CLIs, CI
 * platforms, cloud status feeds), each in its tool's own words: Cloud Run refusing a revision that sets an environment
 * variable the platform reserves ("The following reserved env names were provided: PORT.", cloudrun.reserved-env-name);
 * gcloud reporting that the Cloud Build it waited on was cancelled ('completed with status "CANCELLED"',
 * cloudbuild.build-cancelled); the CI finding no runner online for the job, GitHub's automatic failure after a day and
 * GitLab's stuck-job banner (ci.no-runner-online); GitHub's workflow parser refusing a workflow file, a workflow_call
 * secret colliding with a reserved name, jobs without steps, an invalid event name
 * (actions.workflow-definition-rejected); a cloud provider's status text saying its resources in a zone or region may
 * be unreachable (provider.status-location-unreachable). And the changed app.start-command-not-found (pinned by
 * EleventhRoundShapesTest), which now reads a container's own shell as docker compose prefixes its output
 * ("app-1  | /bin/bash: line 1: gunicorn: command not found"): its new words below. Each is tested on its source's
 * words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment quotes or its
 * scenario shows and a line of another cause that shares its words); each new log indication reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause (or a consequence of that scenario's cause,
 * named with its reason).
 */
class SeventyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules31a (h104-, h105-)
            Map.entry("actions.workflow-definition-rejected", "config.invalid"),
            Map.entry("ci.no-runner-online", "ci.runner"),
            Map.entry("cloudbuild.build-cancelled", "ci.cancelled"),
            Map.entry("cloudrun.reserved-env-name", "config.invalid"),
            Map.entry("provider.status-location-unreachable", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("actions.workflow-definition-rejected", "secret name `GITHUB_TOKEN` within `workflow_call` can not be used since it would collide with system reserved name");
        ROUND.readsNot("actions.workflow-definition-rejected", "Error: Input required and not supplied: github_token"); // actions.input-required
        ROUND.reads("actions.workflow-definition-rejected", "No steps defined in `steps` and no workflow called in `uses` for the following jobs: build");
        ROUND.reads("actions.workflow-definition-rejected", "`pull-request` is not a valid event name");
        ROUND.readsNot("actions.workflow-definition-rejected", "# secrets: GITHUB_TOKEN is provided to every workflow_call; do not declare a secret of that name");
        ROUND.reads("ci.no-runner-online", "This request was automatically failed because there were no enabled runners online to process the request for more than 1 days.");
        ROUND.readsNot("ci.no-runner-online", "Waiting for a runner to pick up this job...");
        ROUND.reads("ci.no-runner-online", "2026-11-18T12:29:50Z This job is stuck because you don't have any active runners online with any of these tags assigned to them: 11-3-stable 11-4-stable");
        ROUND.reads("ci.no-runner-online", "This job is stuck because the project doesn't have any runners online assigned to it.");
        ROUND.readsNot("ci.no-runner-online", "##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled."); // actions.runner-shutdown
        ROUND.readsNot("ci.no-runner-online", "There has been a timeout failure or the job got stuck. Check your timeout limits or try again");
        ROUND.reads("cloudbuild.build-cancelled", "ERROR: (gcloud.builds.submit) build 5b1f0c3e-8d47-4a2e-9c61-0e7a3f2d9b18 completed with status \"CANCELLED\"");
        ROUND.readsNot("cloudbuild.build-cancelled", "ERROR: (gcloud.builds.submit) build 5b1f0c3e-8d47-4a2e-9c61-0e7a3f2d9b18 completed with status \"FAILURE\"");
        ROUND.reads("cloudbuild.build-cancelled", "2026-12-06T04:28:40.1000000Z ERROR: (gcloud.builds.submit) build 0f3d8a6e-1c53-4f8d-b2e0-6d1c7a95e3f4 completed with status \"CANCELLED\"");
        ROUND.readsNot("cloudbuild.build-cancelled", "ERROR: (gcloud.builds.submit) build a77bf930-1c53-4f8d-b2e0-6d1c7a95e3f4 completed with status \"TIMEOUT\""); // cloudbuild.build-timeout
        ROUND.readsNot("cloudbuild.build-cancelled", "Step #0 - \"Cancelot\": 2026/12/06 04:28:12 Cancelling build 5b1f0c3e-8d47-4a2e-9c61-0e7a3f2d9b18");
        ROUND.reads("cloudrun.reserved-env-name", "ERROR: (gcloud.run.deploy) spec.template.spec.containers[0].env: The following reserved env names were provided: PORT. These values are automatically set by the system.");
        ROUND.readsNot("cloudrun.reserved-env-name", "ERROR: (gcloud.run.deploy) spec.template.spec.containers[0].env[0].value_from.secret_key_ref.name: Secret projects/123/secrets/db-url/versions/latest was not found"); // gcp.secret-version-not-found
        ROUND.reads("cloudrun.reserved-env-name", "2026-12-04T18:04:11.2000000Z ERROR: (gcloud.run.deploy) spec.template.spec.containers[0].env: The following reserved env names were provided: K_SERVICE. These values are automatically set by the system.");
        ROUND.readsNot("cloudrun.reserved-env-name", "ERROR: (gcloud.run.deploy) Revision 'edge-gw-00007-xyz' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable."); // container.port-not-listening
        ROUND.reads("provider.status-location-unreachable", "All Cloud Platform resources in europe-west2-a may be unreachable as of 2026-12-02 18:32 US/Pacific.");
        ROUND.readsNot("provider.status-location-unreachable", "Google Cloud Infrastructure Components: The issue with multiple GCP products in europe-west2-a has been resolved for all affected users.");
        ROUND.reads("provider.status-location-unreachable", "2026-12-03T02:40:11.5000000Z On Wednesday 9 December, 2020, Google Cloud Platform experienced networking unavailability in zone europe-west2-a, resulting in some customers being unable to access their resources");
        ROUND.readsNot("provider.status-location-unreachable", "Error: dial tcp: lookup db.europe-west2-a.internal on 169.254.169.254:53: no such host"); // dns.no-such-host
        ROUND.readsNot("provider.status-location-unreachable", "Error: unable to reach the Redis server at 10.154.0.21:6379: the host may be unreachable");
    }

    /** The new words of app.start-command-not-found: a container's own shell as docker compose prefixes its output. */
    @Test
    void theWidenedStartCommandReadsComposePrefixedContainers() throws IOException {
        String id = "app.start-command-not-found";
        // h105-36's container (compose v2 prefix) and a v1 prefix
        ROUND.reads(id, "app.crash-on-boot", "app-1  | /bin/bash: line 1: gunicorn: command not found");
        ROUND.reads(id, "app.crash-on-boot", "2026-11-15T12:41:20.1000000Z app-1  | /bin/bash: line 1: gunicorn: command not found");
        ROUND.reads(id, "app.crash-on-boot", "sidekiq_1    | /bin/sh: 1: bundle: not found");
        // the CI step's own shell has no container prefix; compose ps's restart status and a 404 in a container's log
        // are not a missing command
        ROUND.readsNot(id, "/home/runner/work/_temp/3b1c.sh: line 1: flyctl: command not found");
        ROUND.readsNot(id, "experimenter-app-1   ghcr.io/firefly-labs/experimenter:9a1b3c5   \"/bin/bash -c 'gunic…\"   app       Restarting (127) 3 seconds ago");
        ROUND.readsNot(id, "app-1  | 404 Not Found: GET /healthz");
        // narrowed to a command by name: a script with Windows line endings is container.script-crlf's (FiftyFirstRound)
        ROUND.readsNot(id, "frontend-1  | /app/run.sh: line 2: $'\\r': command not found");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios no line of another cause.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // actions.workflow-definition-rejected reads h105-17's words in a check-run annotation (a run whose workflow does
        // not parse has no log), which the walk of the scenarios' logs does not see: its lines are pinned above
        ROUND.without(java.util.Set.of("actions.workflow-definition-rejected")).staysInItsCauses(
                // p205-32 (config.invalid): GitLab's "no runners online" is true, the runner's service fails on its own
                // config.toml (a look shows the TOML parser's error); the configuration is the root, the offline
                // runner its consequence (runnerLookCause)
                "p205-32 ci.no-runner-online");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
