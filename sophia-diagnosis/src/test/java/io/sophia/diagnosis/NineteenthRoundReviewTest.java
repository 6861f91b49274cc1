package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the rules of session 11 (rounds fourteen to eighteen): public text of other situations that they read
 * wrongly. It guards that configure-aws-credentials' network error is no refused identity
 * (aws-actions/configure-aws-credentials#1848), that Google's "Project ... not found or deleted" outside the registry's
 * answer names no missing image (googleapis/google-api-nodejs-client#3241), that an empty "author-name" input is no
 * platform token (dsanders11/github-app-commit-action src/main.ts), that a test binary's segfault is no crash on boot
 * (recastnavigation/recastnavigation#694), and that npm failing through a proxy or a registry on the loopback is still a
 * download (yarnpkg/yarn#6874, TejasQ/basically-fullstack-graphql#1, nodejs/help#2569).
 */
class NineteenthRoundReviewTest {

    /**
     * configure-aws-credentials retrying AssumeRoleWithWebIdentity when STS is unreachable: "Retry AssumeRole: attempt 3
     * of 12 failed: Could not assume role with OIDC: connect ETIMEDOUT 13.217.79.62:443. Retrying after 95ms."
     * (aws-actions/configure-aws-credentials#1848, passes on a rerun): no credential was refused. AWS's refusals are
     * still read (#1446's trust policy, #1043's missing provider).
     */
    @Test
    void stsUnreachableIsNoRefusedFederatedIdentity() throws IOException {
        String id = "cloud.federated-identity-refused";
        String retry = "Retry AssumeRole: attempt 3 of 12 failed: Could not assume role with OIDC: connect ETIMEDOUT "
                + "13.217.79.62:443. Retrying after 95ms.";
        String last = "Error: Could not assume role with OIDC: connect ETIMEDOUT 13.217.79.62:443";
        Fleet.assertReadsNot(id, retry);
        Fleet.assertReadsNot(id, last);
        Assessment a = Fleet.deployFailed("deploy", "Configure AWS credentials", retry + "\n" + last + "\n");
        assertNotEquals(CauseId.AUTH_DEPLOY_TOKEN, a.topCause().orElseThrow().id(), a.causes().toString());
        Fleet.assertReads(id, "auth.deploy-token", "Error: Could not assume role with OIDC: Not authorized to perform "
                + "sts:AssumeRoleWithWebIdentity");
        Fleet.assertReads(id, "auth.deploy-token", "Error: Could not assume role with OIDC: No OpenIDConnect provider "
                + "found in your account for https://token.actions.githubusercontent.com");
    }

    /**
     * Google's "Project 'project:x' not found or deleted." answers any API called under a deleted project (a GKE
     * cluster list, googleapis/google-api-nodejs-client#3241, reason USER_PROJECT_DENIED): no image is named. The
     * registry's own answer to a pull, after its "unknown:" code, is still read.
     */
    @Test
    void aDeletedProjectOutsideTheRegistryIsNoMissingImage() throws IOException {
        String id = "gcr.project-not-found";
        String gke = "  details: \"Project 'project:an-old-project-id-of-mine' not found or deleted.\",";
        Fleet.assertReadsNot(id, gke);
        assertNotEquals(CauseId.IMAGE_NOT_FOUND, Fleet.deployFailed("deploy", "Deploy to GKE", gke + "\n").topCause()
                .orElseThrow().id());
        Fleet.assertReads(id, "image.not-found", "rpc error: code = Unknown desc = Error response from daemon: Get "
                + "https://gcr.io/v2/srecon-lab-250603/frontend/manifests/v0.1.3: unknown: Project 'project:srecon-lab-250603' "
                + "not found or deleted. (rafik8/istio-workshop-labs#1)");
    }

    /**
     * A commit action failing "Input required and not supplied: author-name" when only its author-email is given
     * (dsanders11/github-app-commit-action src/main.ts at 706bcf2) is no platform token: "auth" as the start of
     * "author" is not a word of the input's name. The empty platform token input is still the deploy token.
     */
    @Test
    void anEmptyAuthorInputIsNoPlatformToken() throws IOException {
        Assessment a = Fleet.deployFailed("commit", "Commit", "##[error]Input required and not supplied: author-name\n");
        assertNotEquals(CauseId.AUTH_DEPLOY_TOKEN, a.topCause().orElseThrow().id(), a.causes().toString());
        Assessment token = Fleet.deployFailed("deploy", "Deploy", "##[error]Input required and not supplied: fly-api-token\n");
        assertEquals(CauseId.AUTH_DEPLOY_TOKEN, token.topCause().orElseThrow().id());
    }

    /**
     * A test binary dying on SIGSEGV in a Tests step, "Segmentation fault (core dumped) ./Tests --verbosity high
     * --success" and "Error: Process completed with exit code 139." (recastnavigation/recastnavigation#694), started
     * no service: it is no crash on boot, even with the service down.
     */
    @Test
    void aTestBinarysSegfaultIsNoCrashOnBoot() throws IOException {
        String step = "Run ./Tests --verbosity high --success";
        Assessment a = Fleet.jobEnded(Fleet.refused("dashboard"), "failure", 60, List.of(Fleet.step(1, "Checkout",
                "success"), Fleet.step(2, step, "failure")), "##[group]" + step + "\n./Tests --verbosity high --success\n"
                + "##[endgroup]\n/home/runner/work/_temp/940daf06.sh: line 1:  3452 Segmentation fault      (core dumped) "
                + "./Tests --verbosity high --success\n##[error]Process completed with exit code 139.\n", null);
        assertNotEquals(CauseId.APP_CRASH_ON_BOOT, a.topCause().orElseThrow().id(), a.causes().toString());
    }

    /**
     * yarn refused by a proxy on the loopback, "An unexpected error occurred: \"https://registry.yarnpkg.com/
     * create-react-native-app: tunneling socket could not be established, cause=connect ECONNREFUSED 127.0.0.1:80\""
     * (yarnpkg/yarn#6874), or by a local registry no longer running, "An unexpected error occurred:
     * \"http://localhost:4873/es6-promise/-/es6-promise-4.1.1.tgz: connect ECONNREFUSED 127.0.0.1:4873\""
     * (TejasQ/basically-fullstack-graphql#1), is a download that failed, not a check of what the job started; the same
     * holds for npm's "request to https://registry.npmjs.org/react-dom failed, reason: connect ECONNREFUSED
     * 127.0.0.1:8080" (nodejs/help#2569).
     */
    @Test
    void aDownloadThroughTheLoopbackIsStillADownload() throws IOException {
        for (String line : List.of("error An unexpected error occurred: \"https://registry.yarnpkg.com/create-react-native-"
                + "app: tunneling socket could not be established, cause=connect ECONNREFUSED 127.0.0.1:80\".",
                "error An unexpected error occurred: \"http://localhost:4873/es6-promise/-/es6-promise-4.1.1.tgz: connect "
                        + "ECONNREFUSED 127.0.0.1:4873\".", "npm ERR! FetchError: request to https://registry.npmjs.org/"
                        + "react-dom failed, reason: connect ECONNREFUSED 127.0.0.1:8080")) {
            Assessment a = Fleet.deployFailed("build", "Install dependencies", line + "\n");
            assertEquals(CauseId.BUILD_DEPENDENCY_FETCH, a.topCause().orElseThrow().id(), line + " " + a.causes());
            assertTrue(a.causes().get(0).evidence().stream().anyMatch(e -> e.ruleId().startsWith(
                    "build.dependency-fetch/log-indication")), a.causes().toString());
        }
    }
}
