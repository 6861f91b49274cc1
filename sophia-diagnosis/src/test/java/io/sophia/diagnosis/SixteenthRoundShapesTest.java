package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes for the families the p21- tuning set (written in session 10, joined in session 11) was missed on: a
 * cloud refusing the CI's federated identity (AWS, Google, Azure), ECS finding no room for a task, Bazel's remote cache
 * timing out, Prisma Migrate's advisory lock through a pooler, a registry project that no longer exists, a connection
 * setting printed empty, and EC2's vCPU limit in words without its code (which makes the placement failure after it a
 * consequence, not the region's capacity). Each is tested on public wording from other reports than the scenario it
 * was found in where one exists (the source next to each string), with near misses; each new log indication reads no
 * line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class SixteenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("cloud.federated-identity-refused", "auth.deploy-token"),
            Map.entry("ecs.no-resource-for-task", "platform.capacity"),
            Map.entry("bazel.remote-download-timeout", "build.dependency-fetch"),
            Map.entry("prisma.advisory-lock-timeout", "config.invalid"),
            Map.entry("gcr.project-not-found", "image.not-found"),
            Map.entry("setting.printed-empty", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * The three clouds refusing a workflow's federated identity (aws-actions/configure-aws-credentials#1100,
     * google-github-actions/auth#526 and #58, Azure/login#482 and Azure/azure-workload-identity#340) are the deploy's
     * credentials; the action announcing the attempt and an assumed role that worked are not read.
     */
    @Test
    void aCloudRefusingTheCisFederatedIdentityIsTheDeployToken() throws IOException {
        String id = "cloud.federated-identity-refused";
        ROUND.reads(id, "Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity");
        ROUND.reads(id, "\"message\": \"Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).\",");
        ROUND.reads(id, "Error: Action failed with error: Error: Failed to generate Google Cloud access token for ***");
        ROUND.reads(id, "Error: AADSTS700213: No matching federated identity record found for presented assertion subject "
                + "'repo:meltwater/meltwater-chatbot:environment:dev'.");
        ROUND.reads(id, "\"error_description\":\"AADSTS70021: No matching federated identity record found for presented assertion.");
        ROUND.readsNot(id, "Assuming role with OIDC");
        ROUND.readsNot(id, "Authenticated as assumedRoleId AROAXXXX:GitHubActions");
    }

    /**
     * ECS placing no task for lack of memory or CPU, as ecs-cli prints it (aws/amazon-ecs-cli#178 and a public
     * Makefile's note), is the cluster's capacity; a task definition's memory setting is not read.
     */
    @Test
    void ecsFindingNoRoomForATaskIsCapacity() throws IOException {
        String id = "ecs.no-resource-for-task";
        ROUND.reads(id, "INFO[0000] Couldn't run containers                       reason=RESOURCE:MEMORY");
        ROUND.reads(id, "#->Couldn't run containers     reason=RESOURCE:CPU");
        ROUND.readsNot(id, "INFO[0000] Using ECS task definition  TaskDefinition=\"notes:14\" memory=512");
    }

    /** Bazel's remote cache download timing out (bazelbuild/bazel#22356) is a download the build needs. */
    @Test
    void bazelsRemoteCacheTimingOutIsADependencyDownload() throws IOException {
        String id = "bazel.remote-download-timeout";
        ROUND.reads(id, "ERROR: core/BUILD.bazel:73:24: Compiling core/event.cpp failed: unable to finalize action: "
                + "Download of '/cas/0535e6bae6fd101e71c26d71b14b7f1af7bd0abbb98189318dd1c8b9ddfcb4f9' timed out. Received 0 bytes.");
        ROUND.readsNot(id, "INFO: Download of '/cas/0535e6' finished in 1.2s");
    }

    /**
     * Prisma Migrate's advisory lock timing out (palhinhax/TheBate#48) is read as the configuration; a migration that
     * took the lock is not.
     */
    @Test
    void prismaMigratesLockTimingOutIsTheConfiguration() throws IOException {
        String id = "prisma.advisory-lock-timeout";
        ROUND.reads(id, "Context: Timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)). "
                + "Elapsed: 10000ms. See https://pris.ly/d/migrate-advisory-locking for details.");
        ROUND.readsNot(id, "Acquired advisory lock 72707369 in 12ms");
    }

    /**
     * GCR answering for a deleted project (rafik8/istio-workshop-labs#1) is the image gone; an application's own "not
     * found or deleted" message is not read.
     */
    @Test
    void aRegistryProjectThatNoLongerExistsIsTheImageNotFound() throws IOException {
        String id = "gcr.project-not-found";
        ROUND.reads(id, "Error response from daemon: Get https://gcr.io/v2/srecon-lab-250603/frontend/manifests/v0.1.3: "
                + "unknown: Project 'project:srecon-lab-250603' not found or deleted.");
        ROUND.readsNot(id, "return NotFound(\"Client not found or deleted.\");");
    }

    /**
     * A connection setting printed empty at start (evolution-api#1087's "Database URL: ") is a missing setting; the same
     * label with a value is not read.
     */
    @Test
    void aConnectionSettingPrintedEmptyIsAMissingSetting() throws IOException {
        String id = "setting.printed-empty";
        ROUND.reads(id, "chat-api  | Database URL: ");
        ROUND.reads(id, "REDIS_URL:");
        ROUND.readsNot(id, "chat-api  | Database URL: postgresql://postgres@db:5432/evolution");
    }

    /**
     * EC2's vCPU limit in words without its code (aws-samples/amazon-scalable-infra-discord-diffusion#3) is the account's
     * quota, and the ECS placement failure printed beside it is its consequence, not the region's capacity.
     */
    @Test
    void anAccountsVcpuLimitOutranksThePlacementFailureItCauses() throws IOException {
        ROUND.reads("aws.limit-exceeded", "platform.quota", "\"You have requested more vCPU capacity than your current vCPU "
                + "limit of 0 allows for the instance bucket that the specified instance type belongs to.\"");
        Assessment a = Fleet.deployFailed("apply", "terraform apply", "\"service [bot] was unable to place a task because no "
                + "container instance met all of its requirements. Reason: No Container Instances were found in your "
                + "cluster.\"\n\"You have requested more vCPU capacity than your current vCPU limit of 0 allows for the "
                + "instance bucket that the specified instance type belongs to. Launching EC2 instance failed.\"\n");
        assertEquals(CauseId.PLATFORM_QUOTA, a.topCause().orElseThrow().id());
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p72-34 (session 17): a workload's IRSA role refused because its trust policy names another service account,
        // labelled config.invalid (the trust policy), where this indication reads the deploy's federated identity
        ROUND.staysInItsCauses("p72-34 cloud.federated-identity-refused");
    }
}
