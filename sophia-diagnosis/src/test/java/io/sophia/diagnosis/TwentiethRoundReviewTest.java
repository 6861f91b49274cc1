package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Review of the fifteenth round's shapes (FifteenthRoundShapesTest, session 11, merge 25c603a): public text of other
 * situations that they read wrongly, each guarded here with its source. It guards that a script's or controller's
 * informational "secret X not found, creating it" is no missing secret (buildkit.secret-not-found), that an
 * application's own "must be in the same organization" rule is not the platform's configuration
 * (platform.organization-mismatch), and that the older download-artifact's "Unable to download the artifact" is no
 * package download (the round's narrowing of fetch.package-failed and fetch.dependency-generic): each such line alone
 * had made its cause 0.90.
 */
class TwentiethRoundReviewTest {

    private static final ShapeRound ROUND = new ShapeRound(java.util.Map.of());

    /**
     * A deploy script or controller that makes sure a secret exists logs, as information, that it did not find it and
     * creates it: "HTTP auth secret %s not found, creating it" (joeyloman/rancher-fip-lb-controller
     * cmd/lb-controller/main.go, https://github.com/joeyloman/rancher-fip-lb-controller), "existing secret %s not
     * found, creating new secret" (SparebankenVest/azure-key-vault-to-kubernetes, its AzureKeyVaultSecret controller,
     * https://github.com/SparebankenVest/azure-key-vault-to-kubernetes), "INFO: Secret '%s' not found, creating it..."
     * (a Google Secret Manager setter in public Go code). Nothing is missing: buildkit.secret-not-found must not read
     * them, and a run that fails after such a line is not a missing secret. BuildKit's "secret npmrc: not found",
     * Kubernetes' 'secret "x" not found' and an app's "JWT secret key not found in environment variables" are still
     * read.
     */
    @Test
    void aScriptCreatingASecretItDidNotFindIsNotAMissingSecret() throws IOException {
        String id = "buildkit.secret-not-found";
        ROUND.readsNot(id, "time=\"2025-06-02T10:11:12Z\" level=info msg=\"HTTP auth secret rancher-fip-http-auth not "
                + "found, creating it\"");
        ROUND.readsNot(id, "I0602 10:11:12.000000       1 azurekeyvaultsecret.go:245] existing secret db-credentials not "
                + "found, creating new secret");
        ROUND.readsNot(id, "2025/06/02 10:11:12 INFO: Secret 'db-password' not found, creating it...");
        ROUND.reads(id, "config.missing-secret", "ERROR: failed to solve: secret npmrc: not found");
        ROUND.reads("secret.reference-not-found", "config.missing-secret", "  Warning  Failed  12s  kubelet  Error: "
                + "secret \"secretpostgresql\" not found");
        ROUND.reads(id, "config.missing-secret", "Error: JWT secret key not found in environment variables.");
        Assessment a = Fleet.deployFailed("deploy", "Ensure secrets and deploy", String.join("\n",
                "2025/06/02 10:11:12 INFO: Secret 'db-password' not found, creating it...",
                "2025/06/02 10:11:13 SUCCESS: Set secret 'db-password'. New version is: projects/1/secrets/db-password/versions/1",
                "Error: Process completed with exit code 1."));
        assertNotEquals("config.missing-secret", a.topCause().orElseThrow().id().value(), a.causes().toString());
    }

    /**
     * "must be in the same organization" is, in most public text, an application's own business rule, not a platform's
     * resources: a controller's abort(400, 'Manager and artist must be in the same organization.') and a service's
     * raise ValueError("Owner and group must be in the same organization") (public application code; 7 of the first 10
     * hits of the index's exact search for the words are such rules). Such a line in a release command or a seed step
     * alone made config.invalid 0.90. platform.organization-mismatch reads flyctl's "app X is in organization A, but
     * cluster Y is in organization B" (superfly/flyctl internal/command/mpg/attach.go) and Google Data Catalog's "used
     * to create the tag must be in the same organization", not an app's rule.
     */
    @Test
    void anApplicationsOwnSameOrganisationRuleIsNotThePlatformConfiguration() throws IOException {
        String id = "platform.organization-mismatch";
        ROUND.readsNot(id, "[2025-06-02 10:11:12] production.ERROR: Manager and artist must be in the same organization.");
        ROUND.readsNot(id, "ValueError: Owner and group must be in the same organization");
        ROUND.reads(id, "config.invalid", "Error: app web is in organization personal, but cluster abc123 is in "
                + "organization acme. They must be in the same organization to attach");
        ROUND.reads(id, "config.invalid", "Error 400: the entry and the tag template used to create the tag must be in "
                + "the same organization.");
        Assessment a = Fleet.deployFailed("deploy", "Release command", String.join("\n",
                "  File \"/app/groups/service.py\", line 21, in create_group",
                "ValueError: Owner and group must be in the same organization",
                "Error: Process completed with exit code 1."));
        assertNotEquals("config.invalid", a.topCause().orElseThrow().id().value(), a.causes().toString());
    }

    /**
     * The older download-artifact's (v1-v3) "Unable to download the artifact: Error: Unexpected http 404 during download
     * for https://pipelines.actions.githubusercontent.com/..." (actions/download-artifact#140,
     * https://github.com/actions/download-artifact/issues/140, and #63 "spurious 404s during downloads",
     * https://github.com/actions/download-artifact/issues/63: GitHub's artifact storage answering 404, a rerun passes) is
     * a run's own artifact, as the round's narrowing says of v4's "Unable to download artifact(s)", not a package
     * download; fetch.package-failed and fetch.dependency-generic read it as build.dependency-fetch 0.90. A package
     * tool's "Could not resolve artifacts: connection timed out" and "Could not transfer artifact x from/to central" are
     * still read.
     */
    @Test
    void theOlderDownloadArtifactsMissingArtifactIsNoPackageDownload() throws IOException {
        String line = "Error: Unable to download the artifact: Error: Unexpected http 404 during download for "
                + "https://pipelines.actions.githubusercontent.com/lJdSPvZ3pU8ytpZmqTrPJy7aZjyjCwbIkSWFbFWG9Cx0ZuFExL/"
                + "_apis/resources/Containers/4371855?itemPath=build-artifacts%2Fdist%2Fapp.tar.gz";
        ROUND.readsNot("fetch.package-failed", line);
        ROUND.readsNot("fetch.dependency-generic", line);
        ROUND.reads("fetch.dependency-generic", "build.dependency-fetch", "[ERROR] Failed to execute goal: Could not "
                + "resolve artifacts: connection timed out");
        Assessment a = Fleet.deployFailed("deploy", "Download build", String.join("\n",
                "Starting download for build-artifacts", "Directory structure has been setup for the artifact",
                "Total number of files that will be downloaded: 156", line));
        assertNotEquals("build.dependency-fetch", a.topCause().orElseThrow().id().value(), a.causes().toString());
    }
}
