package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families the p30- to p32- tuning sets (session 13) were missed on: ADO.NET's malformed
 * connection string, npm refusing a publish for its token, Azure Pipelines without a hosted parallel job, the ECS agent's
 * container killed for memory, GitLab refusing the pipeline configuration. Each is tested on
 * public wording from other reports than the scenario it was found in, with near misses (Gradle's "build daemon
 * disappeared unexpectedly" was left unread: p21-16 labels it a bad CI host, p32-37 memory); each new log indication reads
 * no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class ThirtiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("dotnet.connection-string-malformed", "config.invalid"),
            Map.entry("npm.publish-refused", "auth.deploy-token"),
            Map.entry("azure-pipelines.no-hosted-parallelism", "platform.quota"),
            Map.entry("ecs-agent.container-died-oom", "app.oom"),
            Map.entry("gitlab-ci.configuration-invalid", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /** ADO.NET's own words (SqlClient, Npgsql and Microsoft.Data.Sqlite print the same); a guide's title is not read. */
    @Test
    void aConnectionStringTheDriverCannotParseIsAnInvalidConfiguration() throws IOException {
        String id = "dotnet.connection-string-malformed";
        ROUND.reads(id, "System.ArgumentException: Format of the initialization string does not conform to specification "
                + "starting at index 0.");
        ROUND.readsNot(id, "How to fix a connection string in appsettings.json");
    }

    /**
     * npm's publish refused for its token (npm/cli's error output for a PUT: "npm ERR! 403 403 Forbidden - PUT
     * https://registry.npmjs.org/<pkg> - Forbidden", "npm ERR! 401 Unauthorized - PUT https://npm.pkg.github.com/..."); the
     * same 401 for a GET (a download of a private package) is not read.
     */
    @Test
    void npmRefusingAPublishIsTheDeployToken() throws IOException {
        String id = "npm.publish-refused";
        ROUND.reads(id, "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/@acme%2fwidgets - Forbidden");
        ROUND.reads(id, "npm ERR! 401 Unauthorized - PUT https://npm.pkg.github.com/@acme%2fwidgets - unauthenticated");
        ROUND.readsNot(id, "npm ERR! 401 Unauthorized - GET https://npm.pkg.github.com/@acme%2fwidgets - unauthenticated");
    }

    /**
     * Azure Pipelines' refusal as users quote it ("##[error]No hosted parallelism has been purchased or granted. To
     * request a free parallelism grant, please fill out the following form https://aka.ms/azpipelines-parallelism-request",
     * a repository's setup notes); a guide's "no parallelism has been purchased" paraphrase is not read.
     */
    @Test
    void noHostedParallelJobIsTheAccountsQuota() throws IOException {
        String id = "azure-pipelines.no-hosted-parallelism";
        ROUND.reads(id, "##[error]No hosted parallelism has been purchased or granted. To request a free parallelism grant, "
                + "please fill out the following form https://aka.ms/azpipelines-parallelism-request");
        ROUND.readsNot(id, "you encounter an error message indicating that no parallelism has been purchased or granted.");
    }

    /**
     * The ECS agent's log line as a repository's notes quote it ("DockerGoClient: process within container 8268d461...
     * (name: \"ecs-stress-ng-mem-1-main-f0fb97ba8ef6b98be201\") died due to OOM"); a task tracker's "died due to OOM" in
     * a list of Hadoop issues is not read.
     */
    @Test
    void theEcsAgentSeeingAContainerKilledForMemoryIsAnOom() throws IOException {
        String id = "ecs-agent.container-died-oom";
        ROUND.reads(id, "level=info time=2024-05-02T10:11:12Z msg=\"DockerGoClient: process within container "
                + "8268d4612267114894856a5d12d316fa1bf65da2045e3481a0b8ffe8f4c6262b (name: "
                + "\"ecs-stress-ng-mem-1-main-f0fb97ba8ef6b98be201\") died due to OOM\" module=docker_client.go");
        ROUND.readsNot(id, "[jira] Created: (HADOOP-3762) Task tracker died due to OOM");
    }

    /**
     * GitLab's refusal as its documentation and users quote it ("This GitLab CI configuration is invalid: component
     * 'gitlab.com/my-namespace/my-project/my-component@~latest' - content not found", "This GitLab CI configuration is
     * invalid: jobs:test_build:script config should be a string or a nested array of strings up to 10 levels deep.");
     * a troubleshooting heading about it is not read.
     */
    @Test
    void gitlabRefusingThePipelineConfigurationIsAnInvalidConfiguration() throws IOException {
        String id = "gitlab-ci.configuration-invalid";
        ROUND.reads(id, "This GitLab CI configuration is invalid: component 'gitlab.com/my-namespace/my-project/"
                + "my-component@~latest' - content not found");
        ROUND.reads(id, "This GitLab CI configuration is invalid: jobs:test_build:script config should be a string or a "
                + "nested array of strings up to 10 levels deep.");
        ROUND.readsNot(id, "## Troubleshooting invalid GitLab CI configurations");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        ROUND.staysInItsCauses();
    }
}
