package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-sixth session's rule writer r46-p211, each in its tool's own words: its round on the
 * tuning set p211- (Nix, Bazel, Pants and Earthly in deploy pipelines). Nix refusing a fixed-output derivation's download
 * ("hash mismatch in fixed-output derivation", gwaithimirdain/narya#70, DeterminateSystems/zero-to-nix#348); Bazel's
 * downloader refusing an archive's checksum ("Checksum was ... but wanted ...", bazelbuild/rules_python archives, a BCR
 * module) and getting 404 for an image manifest (bazel-contrib/rules_oci#695); Cachix's API answering 5xx
 * (cachix/cachix#505, cachix/cachix-action#200) and cachix-action without push credentials (altsem/gitu#85); curl's
 * error 77, a CA bundle it cannot read (NixOS/docker#21); Nix's sandbox refused in an unprivileged container
 * (nix-community/docker-nix#23); the registry's TAG_INVALID "manifest tag did not match URI"
 * (bazelbuild/rules_docker#316); a Nix evaluation error (lnbits/lnbits#3425). And two rules: an "Install Nix" step that passed says nothing of the build's
 * dependencies (build.dependency-fetch/build-step-passed), and a missing secret in a green job is no longer "stopped
 * nothing" when the service's deploy then failed (config.missing-secret/secret-unset-while-service-up). Each test fails
 * before its change.
 */
class HundredEightyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("nix.fixed-output-hash-mismatch", "build.dependency-fetch"),
            Map.entry("bazel.download-checksum-mismatch", "build.dependency-fetch"),
            Map.entry("bazel.manifest-download-404", "image.not-found"),
            Map.entry("cachix.api-server-error", "registry.unavailable"),
            Map.entry("curl.ca-bundle-unreadable", "tls.certificate"),
            Map.entry("nix.sandbox-clone-not-permitted", "config.invalid"),
            Map.entry("registry.manifest-tag-did-not-match-uri", "config.invalid"),
            Map.entry("nix.expression-evaluation-error", "config.invalid"),
            Map.entry("cachix.push-credentials-missing", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("nix.fixed-output-hash-mismatch", "error: hash mismatch in fixed-output derivation '/nix/store/sv46ysbv8sw5njj46f2x0yh359gw58c6-zero-to-nix-javascript-npm-deps.drv':");
        ROUND.readsNot("nix.fixed-output-hash-mismatch", "error: 1 dependencies of derivation '/nix/store/4kfk57qwjsmvw11nzwag1hnz8cdnaljr-zero-to-nix-javascript.drv' failed to build");
        ROUND.reads("bazel.download-checksum-mismatch", "WARNING: Download from https://github.com/bazelbuild/rules_python/archive/refs/tags/0.10.2.tar.gz failed: class com.google.devtools.build.lib.bazel.repository.downloader.UnrecoverableHttpException Checksum was c0f20be94f39f4fd28152ba90b47569f26478faf680125185bda0d479e1130b7 but wanted a3a6e99f497be089f81ec082882e40246bfd435f52f4e82f37e89449b04573f6");
        ROUND.readsNot("bazel.download-checksum-mismatch", "WARNING: Remote Cache: Checksum was e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 but wanted f421219dbd77248301fc42ac6e8ba5026f4bada9448ab33ac89061e21cfe3fea");
        ROUND.reads("bazel.manifest-download-404", "WARNING: Download from https://index.docker.io/v2/jaegertracing/all-in-one/manifests/sha256:f421219dbd77248301fc42ac6e8ba5026f4bada9448ab33ac89061e21cfe3fea failed: class java.io.FileNotFoundException GET returned 404 Not Found");
        ROUND.readsNot("bazel.manifest-download-404", "WARNING: Download from https://index.docker.io/v2/jaegertracing/all-in-one/manifests/1.57 failed: class java.io.IOException GET returned 429 Too Many Requests");
        ROUND.reads("cachix.api-server-error", "cachix: FailureResponse (Request {requestPath = (BaseUrl {baseUrlScheme = Https, baseUrlHost = \"api.cachix.org\", baseUrlPort = 443, baseUrlPath = \"\"},\"/api/v1/cache/composable-community/nar\"), requestMethod = \"POST\"}) (Response {responseStatusCode = Status {statusCode = 502, statusMessage = \"Bad Gateway\"}, responseHeaders = fromList [(\"Server\",\"nginx\")]})");
        ROUND.readsNot("cachix.api-server-error", "cachix: FailureResponse (Request {requestPath = (BaseUrl {baseUrlScheme = Https, baseUrlHost = \"api.cachix.org\", baseUrlPort = 443, baseUrlPath = \"\"},\"/api/v1/cache/composable-community\"), requestMethod = \"GET\"}) (Response {responseStatusCode = Status {statusCode = 401, statusMessage = \"Unauthorized\"}})");
        ROUND.reads("curl.ca-bundle-unreadable", "error: unable to download 'https://github.com/NixOS/nixpkgs/archive/0e0df31.tar.gz': Problem with the SSL CA cert (path? access rights?) (77)");
        ROUND.readsNot("curl.ca-bundle-unreadable", "curl: (60) SSL certificate problem: unable to get local issuer certificate");
        ROUND.reads("nix.sandbox-clone-not-permitted", "error: cloning builder process: Operation not permitted");
        ROUND.readsNot("nix.sandbox-clone-not-permitted", "error: unable to start build process");
        ROUND.reads("registry.manifest-tag-did-not-match-uri", "manifest tag did not match URI: None");
        ROUND.readsNot("registry.manifest-tag-did-not-match-uri", "containerregistry.client.v2_2.docker_http_.V2DiagnosticException: response: {'status': '400'}");
        ROUND.reads("nix.expression-evaluation-error", "error: undefined variable 'inputs'\n       at /nix/store/wawp4wiq20r38p3jd4f2za44az0dp70i-source/flake.nix:149:47:");
        ROUND.readsNot("nix.expression-evaluation-error", "ReferenceError: inputs is not defined\n    at /app/src/flake.js:149:47");
        ROUND.reads("cachix.push-credentials-missing", "Pushing is disabled because neither signingKey nor authToken are set (or are empty?) in your YAML file.");
        ROUND.readsNot("cachix.push-credentials-missing", "Warning: No push credentials found. Ignoring the 'useDaemon' option.");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /** Each fixed p211- miss now led by its label (unknown or another cause led at 0.49 to 0.9 before). */
    @Test
    void theNixAndBazelMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p211-01-build-dependency-fetch-nix-fod-hash-mismatch-github-patch-diff-rerun-three-times", "build.dependency-fetch"),
                Map.entry("p211-02-build-dependency-fetch-nix-npm-deps-hash-mismatch-buildnpmpackage-image", "build.dependency-fetch"),
                Map.entry("p211-03-build-dependency-fetch-bazel-http-archive-checksum-changed-github-archive", "build.dependency-fetch"),
                Map.entry("p211-04-build-dependency-fetch-bcr-source-archive-checksum-flips-intermittently", "build.dependency-fetch"),
                Map.entry("p211-11-registry-unavailable-cachix-push-502-six-gib-nar-retries", "registry.unavailable"),
                Map.entry("p211-12-registry-unavailable-cachix-action-post-push-502-storage-provider", "registry.unavailable"),
                Map.entry("p211-14-image-not-found-rules-oci-pull-jaeger-digest-404", "image.not-found"),
                Map.entry("p211-18-config-invalid-nix-sandbox-cloning-builder-process-unprivileged-container", "config.invalid"),
                Map.entry("p211-19-config-invalid-rules-docker-push-manifest-tag-did-not-match-uri-none-stamp", "config.invalid"),
                Map.entry("p211-21-config-invalid-flake-undefined-variable-inputs-checks-nix-build", "config.invalid"),
                Map.entry("p211-23-tls-certificate-nixos-nix-image-ssl-ca-cert-path-77-ci", "tls.certificate")));
    }

    /**
     * build.dependency-fetch/build-step-passed: "Install Nix" passing (the installer) says nothing of what "nix build"
     * then fetches. Before, its 0.3 let the 429 body "429: Too Many Requests" of api.github.com's tarball answer
     * (registry.unavailable) lead p211-05 at 0.78, and network.dns lead p34-39 at 0.60.
     */
    @Test
    void aToolInstallThatPassedSaysNothingOfTheFetch() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p211-05-build-dependency-fetch-flake-inputs-api-github-429-matrix-fetches", "build.dependency-fetch",
                "p34-39-build-dependency-fetch-nix-build-pip-name-or-service-not-known", "build.dependency-fetch"));
    }

    /**
     * config.missing-secret/secret-unset-while-service-up: cachix-action's missing push credential in a green build job
     * (altsem/gitu#85) stopped the deploy of the same service, which failed on "does not exist in binary cache". Before,
     * unknown led p211-17 at 0.49.
     */
    @Test
    void aMissingSecretBeforeAFailedDeployOfItsServiceLeads() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p211-17-config-missing-secret-cachix-no-push-credentials-deploy-substitute-miss", "config.missing-secret"));
    }
}
