package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-first session's rule writer r41-h138, each in its tool's own words: its round on h138-
 * (GitHub Actions infrastructure in the deploy path) and h140- (Phoenix, Rails and Laravel services). .NET's SslStream
 * refusing a certificate; GitHub refusing a called workflow that asks for more token permissions than its caller grants;
 * GitHub failing to fetch a called workflow file it serves; Active Record refusing an entry of database.yml; Phoenix
 * refusing a nil port; Cloud Foundry finding no cell with room (InsufficientResources). Changed: the legacy docker
 * client's capitalised "Received unexpected HTTP status: 500" is the registry's (registry.server-error); a job that no
 * runner took within the queue's day is the runner pool's, not its time limit (ci.runner/no-runner-took-the-job-annotation);
 * GitHub's 422 answer to a look at a run it refused to start is read as the run's record (Facts.probeDetailCause).
 */
class HundredFortyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("dotnet.remote-certificate-invalid", "tls.certificate"),
            Map.entry("actions.reusable-workflow-permission-exceeds-caller", "config.invalid"),
            Map.entry("rails.database-yml-invalid", "config.invalid"),
            Map.entry("phoenix.endpoint-port-nil", "config.invalid"),
            Map.entry("cf.insufficient-resources", "platform.capacity"),
            Map.entry("actions.workflow-file-fetch-failed", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // dotnet/corefx#32751, npgsql/npgsql#3900; the runner's and the scale set listener's words (h138-36, h138-37)
        ROUND.reads("dotnet.remote-certificate-invalid", " ---> System.Security.Authentication.AuthenticationException: "
                + "The remote certificate is invalid according to the validation procedure.");
        ROUND.readsNot("dotnet.remote-certificate-invalid", "#9 6.881 error:   The remote certificate is invalid because of "
                + "errors in the certificate chain: UntrustedRoot"); // a NuGet restore in an image build: the feed's
        ROUND.reads("dotnet.remote-certificate-invalid", "failed to create listener: Post \"https://github.example.dev/api/v3/"
                + "actions/runner-registration\": The SSL connection could not be established, see inner exception. "
                + "RemoteCertificateChainErrors: UntrustedRoot");
        ROUND.readsNot("dotnet.remote-certificate-invalid", "System.Net.Http.HttpRequestException: The SSL connection could "
                + "not be established, see inner exception."); // the wrapper alone says no more than TLS failed
        // UffizziCloud/preview-action#14 and the nested job's form of the same check
        ROUND.reads("actions.reusable-workflow-permission-exceeds-caller", "The workflow 'acme/preview/.github/workflows/"
                + "reusable.yaml@v2' is requesting 'id_token: write', but is only allowed 'id_token: none'.");
        ROUND.readsNot("actions.reusable-workflow-permission-exceeds-caller", "Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL "
                + "env variable"); // a job that ran without the permission: the action's own complaint
        ROUND.reads("actions.reusable-workflow-permission-exceeds-caller", "The nested job 'deploy' is requesting "
                + "'contents: write', but is only allowed 'contents: read'.");
        ROUND.readsNot("actions.reusable-workflow-permission-exceeds-caller", "remote: Permission to acme/site.git denied to "
                + "github-actions[bot]."); // a push the token was refused: the token's
        // rails/rails#39346, joyofrails/joyofrails.com#136
        ROUND.reads("rails.database-yml-invalid", "ActiveRecord::DatabaseConfigurations::InvalidConfigurationError: "
                + "'{ docker =>  }' is not a valid configuration. Expected '' to be a URL string or a Hash.");
        ROUND.readsNot("rails.database-yml-invalid", "ActiveRecord::ConnectionNotEstablished: could not connect to server: "
                + "Connection refused"); // the database down
        ROUND.reads("rails.database-yml-invalid", "ActiveRecord::AdapterNotSpecified: database configuration does not "
                + "specify adapter (ActiveRecord::AdapterNotSpecified)");
        ROUND.readsNot("rails.database-yml-invalid", "ActiveRecord::AdapterNotSpecified: 'production' database is not "
                + "configured. Available: []"); // no configuration at all: the DATABASE_URL not given
        // hashrocket/gatling#38 (phoenix lib/phoenix/endpoint/server.ex)
        ROUND.reads("phoenix.endpoint-port-nil", "** (RuntimeError) server can't start because :port in config is nil, "
                + "please use a valid port number");
        ROUND.readsNot("phoenix.endpoint-port-nil", "** (ArgumentError) could not fetch environment variable \"PORT\" "
                + "because it is not set");
        ROUND.reads("phoenix.endpoint-port-nil", "[error] server can't start because :port in config is nil, please use a "
                + "valid port number (phoenix) lib/phoenix/endpoint/server.ex:31: Phoenix.Endpoint.Server.to_port/1");
        ROUND.readsNot("phoenix.endpoint-port-nil", "** (RuntimeError) could not start Cowboy2 adapter, the port 4000 is "
                + "already in use");
        // cloudfoundry/diego-release#248, cloudfoundry/cli#1155
        ROUND.reads("cf.insufficient-resources", "InsufficientResources");
        ROUND.readsNot("cf.insufficient-resources", "ERROR: InsufficientResourcesAvailable: The region 'eastus2' is "
                + "currently out of the resources required to provision new services.");
        ROUND.reads("cf.insufficient-resources", "      \"details\": \"insufficient resources: memory\"");
        ROUND.readsNot("cf.insufficient-resources", "FAILED\nError restarting application: StagingError");
        // actions/runner#2304
        ROUND.reads("actions.workflow-file-fetch-failed", "- error parsing called workflow \"./.github/workflows/"
                + "push-docker-images.yml\": error in fetching the workflow file");
        ROUND.readsNot("actions.workflow-file-fetch-failed", "error parsing called workflow \".github/workflows/ghbuild.yml\" "
                + "-> \"acme/base/.github/workflows/build.yml@main\" : workflow is not reusable as it is missing a "
                + "`on.workflow_call` trigger"); // the workflow's configuration
        ROUND.reads("actions.workflow-file-fetch-failed", "error parsing called workflow \"./.github/workflows/build-node.yml\""
                + ": error in fetching the workflow file");
        ROUND.readsNot("actions.workflow-file-fetch-failed", "error parsing called workflow \".github/workflows/deploy.yml\" "
                + "-> \"acme/shared/.github/workflows/release.yml@v1\" : failed to fetch workflow: workflow was not found.");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause. GitHub's
     * refusals of a run and Phoenix's nil port are carried by their sources in GitHub's answer to a look at the run or a
     * machine's exit event, which the probe-detail rule reads (h138-16, h138-17, h138-23, h140-18), and no scenario's log.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
        ROUND.without(java.util.Set.of("actions.reusable-workflow-permission-exceeds-caller",
                "actions.workflow-file-fetch-failed", "phoenix.endpoint-port-nil")).staysInItsCauses();
    }

    /**
     * GitHub's annotation on a job no runner took within a day, "The job has exceeded the maximum execution time while
     * awaiting a runner for 24h0m0s", is the runner pool's (ci.runner/no-runner-took-the-job-annotation), no longer the
     * job's time limit (ci.timeout/time-limit-annotation read it at 0.90, h138-45, h138-46).
     */
    @Test
    void aJobNoRunnerTookIsTheRunnersNotItsTimeLimit() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h138-45-ci-runner-self-hosted-runner-idle-but-never-picks-job", "ci.runner",
                "h138-46-ci-runner-runner-registration-fails-pool-empty", "ci.runner"));
    }

    /**
     * GitHub's 422 answer to a look at a run it refused to start carries its parser's words, read as the run's record as
     * the annotation on such a run is (before, no rule read them and the runs stayed unexplained).
     */
    @Test
    void aRunGithubRefusedIsReadFromItsAnswer() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h138-16-config-invalid-called-workflow-missing-workflow-call-trigger", "config.invalid",
                "h138-17-config-invalid-reusable-preview-workflow-id-token-none", "config.invalid",
                "h138-23-platform-outage-reusable-workflows-error-fetching-workflow-file", "platform.outage"));
    }

    /** The scenarios whose words a look at a host or a machine's events carry lead with their cause. */
    @Test
    void looksCarryingTheWordsLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h138-37-tls-certificate-arc-scale-set-untrustedroot-ghes", "tls.certificate",
                "h140-07-registry-unavailable-push-500-internal-server-error-hub", "registry.unavailable",
                "h140-16-config-invalid-database-yml-erb-invalid-configuration", "config.invalid",
                "h140-17-config-invalid-cable-adapter-not-specified-release", "config.invalid",
                "h140-18-config-invalid-phoenix-port-nil-endpoint-fly", "config.invalid",
                "h140-19-platform-capacity-cf-insufficient-resources-36th-app", "platform.capacity"));
    }
}
