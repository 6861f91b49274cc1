package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-fifth session's rule writer r45-p204, each in its tool's own words: its round on the tuning
 * set p204- (release automation in deploy pipelines). PyPI refusing a trusted publisher's OIDC token
 * (pypa/gh-action-pypi-publish oidc-exchange.py; dennisvang/tufup#176); crates.io refusing cargo's token
 * (joshrotenberg/tower-resilience#309) or answering a request without one (fluvio-community/fluvio#1620; crates.io
 * src/util/errors.rs); a release tool with no token in its environment (semantic-release/semantic-release#2761,
 * @semantic-release/github and /npm's errors; goreleaser internal/pipe/env, thegreenwebfoundation/grid-intensity-go#18);
 * a package index already holding the version (headroomlabs-ai/headroom#412; PyPI's help/#file-name-reuse; npm's
 * "cannot publish over", JoshuaKGoldberg/create-typescript-app#494; cargo's "already exists on crates.io index");
 * npm's provenance check (synthetic-sciences/openscience#18); GitHub refusing Actions a pull request
 * (googleapis/release-please-action#767); GoReleaser's go mod proxy against a replace directive (gnolang/gno#6219) and its
 * own --timeout (volterraedge/terraform-provider-volterra#43); twine's retries answered 5xx (LBL-EESA/fastkde#22,
 * pypa/gh-action-pypi-publish#251, pypa/twine repository.py); PyPI's project size limit (pypi/support#9813, PyPI's
 * docs on project-size-limit); GitHub's release-asset upload answering 5xx (goreleaser/goreleaser#2746). Each indication
 * is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row); each reads no
 * line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredSeventyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("pypi.trusted-publishing-refused", "auth.deploy-token"),
            Map.entry("cargo.publish-token-refused", "auth.deploy-token"),
            Map.entry("release-tool.no-token-specified", "config.missing-secret"),
            Map.entry("cargo.publish-no-token", "config.missing-secret"),
            Map.entry("publish.version-already-exists", "config.invalid"),
            Map.entry("npm.provenance-verification-refused", "config.invalid"),
            Map.entry("github.actions-not-permitted-pull-requests", "config.invalid"),
            Map.entry("goreleaser.gomod-proxy-replace-directive", "config.invalid"),
            Map.entry("twine.upload-retried-server-error", "registry.unavailable"),
            Map.entry("pypi.project-size-limit", "platform.quota"),
            Map.entry("github.release-asset-upload-5xx", "platform.outage"),
            Map.entry("goreleaser.release-timeout", "ci.timeout"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("pypi.trusted-publishing-refused", "* `invalid-publisher`: valid token, but no corresponding publisher (Publisher with matching claims was not found)");
        ROUND.readsNot("pypi.trusted-publishing-refused", "* `sub`: `repo:quayside/tufkit:environment:pypi`");
        ROUND.reads("pypi.trusted-publishing-refused", "This generally indicates a trusted publisher configuration error, but could");
        ROUND.readsNot("pypi.trusted-publishing-refused", "Error: Trusted publishing exchange failure: OpenID Connect token retrieval failed: GitHub: missing or insufficient OIDC token permissions, the ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset");
        ROUND.reads("cargo.publish-token-refused", "the remote server responded with an error (status 403 Forbidden): authentication failed");
        ROUND.readsNot("cargo.publish-token-refused", "the remote server responded with an error (status 429 Too Many Requests): You have published too many new crates in a short period of time.");
        ROUND.reads("cargo.publish-token-refused", "  the remote server responded with an error (status 403 Forbidden): this token does not have the required permissions to perform this action");
        ROUND.readsNot("cargo.publish-token-refused", "  the remote server responded with an error (status 403 Forbidden): must be logged in to perform that action");
        ROUND.reads("release-tool.no-token-specified", "[3:11:42 PM] [semantic-release] › ✘  ENOGHTOKEN No GitHub token specified.");
        ROUND.readsNot("release-tool.no-token-specified", "[3:11:42 PM] [semantic-release] [@semantic-release/github] › ℹ  Verify GitHub authentication");
        ROUND.reads("release-tool.no-token-specified", "    SemanticReleaseError: No npm token specified.");
        ROUND.readsNot("release-tool.no-token-specified", "No gitlab token specified, the `issues` and `glkey` commands will be disabled.");
        ROUND.reads("release-tool.no-token-specified", "   ⨯ release failed after 0.00s error=missing GITHUB_TOKEN, GITLAB_TOKEN and GITEA_TOKEN");
        ROUND.readsNot("release-tool.no-token-specified", "[3:11:42 PM] [semantic-release] › ✘  EINVALIDNPMTOKEN Invalid npm token.");
        ROUND.reads("cargo.publish-no-token", "the remote server responded with an error (status 403 Forbidden): must be logged in to perform that action");
        ROUND.readsNot("cargo.publish-no-token", "You must be logged in to perform that action");
        ROUND.reads("cargo.publish-no-token", "error: no token found, please run `cargo login`");
        ROUND.readsNot("cargo.publish-no-token", "error: failed to publish to registry at https://crates.io");
        ROUND.reads("publish.version-already-exists", "File already exists ('crestline-0.21.5-cp311-abi3-manylinux_2_28_x86_64.whl', with blake2_256 hash '8e41c0f2b7d9a35e60c4d18f2a7b9e03c5d6f14a72e8b930c1d5a6f7e2b4c093'). See https://pypi.org/help/#file-name-reuse for more information.");
        ROUND.readsNot("publish.version-already-exists", "Skipping crestline-0.21.5-cp311-abi3-manylinux_2_28_x86_64.whl because it appears to already exist");
        ROUND.reads("publish.version-already-exists", "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/create-typescript-app - You cannot publish over the previously published versions: 1.27.84.");
        ROUND.readsNot("publish.version-already-exists", "npm ERR! 403 403 Forbidden - PUT https://registry.npmjs.org/create-typescript-app - Forbidden");
        ROUND.reads("publish.version-already-exists", "error: crate conform-core@0.1.0 already exists on crates.io index");
        ROUND.readsNot("publish.version-already-exists", "cp: cannot create regular file 'dist/app.whl': File exists");
        ROUND.reads("npm.provenance-verification-refused", "npm error 422 Unprocessable Entity - PUT https://registry.npmjs.org/@lumenlab%2fscope - Error verifying sigstore provenance bundle: Failed to validate repository information: package.json: \"repository.url\" is \"\", expected to match \"https://github.com/lumenlab/scope\" from provenance");
        ROUND.readsNot("npm.provenance-verification-refused", "npm notice publish Provenance statement published to transparency log: https://search.sigstore.dev/?logIndex=248113906");
        ROUND.reads("npm.provenance-verification-refused", "Error verifying sigstore provenance bundle: Unsupported GitHub Actions source repository visibility: \"private\"");
        ROUND.readsNot("npm.provenance-verification-refused", "npm notice publish Signed provenance statement with source and build information from GitHub Actions");
        ROUND.reads("github.actions-not-permitted-pull-requests", "Error: release-please failed: GitHub Actions is not permitted to create or approve pull requests.");
        ROUND.readsNot("github.actions-not-permitted-pull-requests", "Error: release-please failed: Resource not accessible by integration");
        ROUND.reads("goreleaser.gomod-proxy-replace-directive", "⨯ release failed after 1s                  error=cannot use the go.mod replace directive with go mod proxy enabled");
        ROUND.readsNot("goreleaser.gomod-proxy-replace-directive", "• checking go.mod");
        ROUND.reads("goreleaser.gomod-proxy-replace-directive", "    • your go.mod file has replace directive in it, and go mod proxying is enabled - this does not work, and you need to either disable it or remove the replace directive");
        ROUND.readsNot("goreleaser.gomod-proxy-replace-directive", "go: github.com/gnolang/gno@v0.0.0: replacement directory ../.. does not exist");
        ROUND.reads("twine.upload-retried-server-error", "Package upload appears to have failed. Retry 1 of 5.");
        ROUND.readsNot("twine.upload-retried-server-error", "WARNING  Error during upload. Retry with the --verbose option for more details.");
        ROUND.reads("twine.upload-retried-server-error", "Received \"500: Internal Server Error\" Package upload appears to have failed.  Retry 1 of 5");
        ROUND.readsNot("twine.upload-retried-server-error", "INFO     Response from https://upload.pypi.org/legacy/:");
        ROUND.reads("pypi.project-size-limit", "Project size too large. Limit for project 'loomserve' total size is 10 GB. See https://pypi.org/help/#project-size-limit");
        ROUND.readsNot("pypi.project-size-limit", "Uploading loomserve-0.12.2-cp312-cp312-manylinux2014_x86_64.whl");
        ROUND.reads("pypi.project-size-limit", "HTTPError: 400 Client Error: Project size too large. Limit for project 'sampleproject' total size is 10 GB.");
        ROUND.readsNot("pypi.project-size-limit", "HTTPError: 400 Bad Request from https://upload.pypi.org/legacy/");
        ROUND.reads("github.release-asset-upload-5xx", "• failed to upload artifact, will retry artifact=checksums.txt error=POST https://uploads.github.com/repos/hollowbrook/label-sync/releases/54810593/assets?name=checksums.txt: 502 Error uploading to https://objects-origin.githubusercontent.com/github-production-release-asset-2e65be: 500 [] try=1");
        ROUND.readsNot("github.release-asset-upload-5xx", "• failed to upload artifact, will retry artifact=checksums.txt error=POST https://uploads.github.com/repos/hollowbrook/label-sync/releases/54810593/assets?name=checksums.txt: 422 Validation Failed [{Resource:ReleaseAsset Field:name Code:already_exists Message:}] try=2");
        ROUND.reads("goreleaser.release-timeout", "⨯ release failed after 1800.02s error=context deadline exceeded");
        ROUND.readsNot("goreleaser.release-timeout", "⨯ release failed after 12.40s error=docker images: failed to build ghcr.io/acme/app:v1: context deadline exceeded");
    }

    /**
     * A package file's URL with a failure reads as a download only when it is not on an upload host: GoReleaser's POST of
     * a release asset to uploads.github.com answered 502 (goreleaser/goreleaser#2746) is no dependency fetch, while Go's
     * download of a module zip answered 403 (fetch.package-file-network's own source) still is.
     */
    @Test
    void anUploadOfAPackageFileIsNoDownload() throws IOException {
        ROUND.readsNot("fetch.package-file-network", "• failed to upload artifact, will retry artifact=label-sync_0.8.1_Linux_arm64.tar.gz error=POST https://uploads.github.com/repos/hollowbrook/label-sync/releases/54810593/assets?name=label-sync_0.8.1_Linux_arm64.tar.gz: 502 Error uploading to https://objects-origin.githubusercontent.com/github-production-release-asset-2e65be: 500 [] try=1");
        ROUND.reads("fetch.package-file-network", "build.dependency-fetch", "go: reading https://proxy.golang.org/github.com/acme/lib/@v/v1.4.2.zip: 403 Forbidden");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // cargo.publish-token-refused reads no labelled scenario's log: its source (p204-03) carries the line in a look at
        // the host (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("cargo.publish-token-refused")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * The scenarios of p204- each new shape or rule settles, now led by their labels (before: config.invalid at 0.9 on
     * p204-02 from "trusted publisher configuration error", build.dependency-fetch at 0.9 on p204-36 from the upload's
     * .tar.gz URL and 502, unknown on the others).
     */
    @Test
    void theSetsMissesNowLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p204-02-auth-deploy-token-pypi-trusted-publisher-invalid-publisher-renamed-workflow", "auth.deploy-token"),
                Map.entry("p204-03-auth-deploy-token-release-plz-crates-io-403-authentication-failed-expired", "auth.deploy-token"),
                Map.entry("p204-05-config-missing-secret-semantic-release-enoghtoken-token-not-in-env", "config.missing-secret"),
                Map.entry("p204-06-config-missing-secret-cargo-publish-must-be-logged-in-empty-registry-token", "config.missing-secret"),
                Map.entry("p204-07-config-missing-secret-goreleaser-missing-github-gitlab-gitea-token", "config.missing-secret"),
                Map.entry("p204-08-config-invalid-npm-provenance-e422-repository-url-empty-green-publish", "config.invalid"),
                Map.entry("p204-09-config-invalid-release-please-actions-not-permitted-create-pull-requests", "config.invalid"),
                Map.entry("p204-10-config-invalid-goreleaser-gomod-proxy-replace-directive-images-stale-fly", "config.invalid"),
                Map.entry("p204-11-config-invalid-pypi-400-file-already-exists-version-not-bumped-every-push", "config.invalid"),
                Map.entry("p204-16-registry-unavailable-twine-pypi-502-bad-gateway-every-retry", "registry.unavailable"),
                Map.entry("p204-27-ci-timeout-goreleaser-release-default-30m-context-deadline", "ci.timeout"),
                Map.entry("p204-35-platform-quota-pypi-project-size-too-large-partial-wheel-upload", "platform.quota"),
                Map.entry("p204-36-platform-outage-github-release-asset-upload-502-objects-origin-500", "platform.outage"),
                Map.entry("p204-38-registry-unavailable-pypi-publish-upload-500-every-attempt-warehouse", "registry.unavailable")));
    }
}
