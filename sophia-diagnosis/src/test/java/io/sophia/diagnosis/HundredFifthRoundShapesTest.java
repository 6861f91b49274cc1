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
 * General shapes of the thirty-sixth session's rule writer rules36-p166, each in its tool's own words: its round on
 * p166- (container images from build to pull). A registry that lost the upload session of a layer it was being sent
 * (the distribution spec's BLOB_UPLOAD_UNKNOWN, in Jib's, OpenShift's and Rainbond's words); an image registry's name
 * the resolver answered does not exist ("dial tcp: lookup HOST on RESOLVER:53: no such host"), read as the name's
 * resolution and no longer as the registry out of reach (registry.name-lookup keeps the resolver failing or not
 * answering); pip handed a word of its own command line ("install", a requirements file without -r) in a RUN; a
 * build step allowed to fail in a job that succeeded (a later step built the image); ECR's images-per-repository limit
 * told as reached; docker's lowercase refusal naming the repository in parentheses. The new indication is tested on
 * its source's words and near misses (the first pair is indication-cases.tsv's row); it reads no line of the shared
 * corpus and, on the labelled scenarios, only lines of its own cause. The knowledge-base rules are tested on the
 * scenarios of their sources and a near miss each.
 */
class HundredFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules36-p166 (p166-: container images from build to pull)
            Map.entry("registry.blob-upload-unknown", "registry.unavailable"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("registry.blob-upload-unknown", "> com.google.cloud.tools.jib.plugins.common.BuildStepsExecutionException: Tried to push BLOB for ghcr.io/acme/server with digest sha256:9c4e51aa0f2b but failed because: other: blob upload unknown to registry");
        ROUND.readsNot("registry.blob-upload-unknown", "time=\"2017-12-02T11:42:20Z\" level=error msg=\"response completed with error\" err.code=\"BLOB_UNKNOWN\" err.message=\"blob unknown to registry\" http.request.method=HEAD");
        ROUND.reads("registry.blob-upload-unknown", "error: build error: Failed to push image: blob upload unknown");
        ROUND.readsNot("registry.blob-upload-unknown", " ✗ error during image push: unknown blob");
        ROUND.reads("registry.blob-upload-unknown", "push image into registry error: blob upload unknown");
        ROUND.readsNot("registry.blob-upload-unknown", "error: build error: Failed to push image: unauthorized: authentication required"); // registry.unauthorized
        // the widened and narrowed indications of earlier rounds
        ROUND.reads("ecr.repository-image-limit", "platform.quota", "FATA[0042] writing manifest: uploading manifest v0.21.3 to public.ecr.aws/x1y2z3/cluster-controller: denied: The repository has reached the maximum allowed number of images (10000)");
        ROUND.readsNot("ecr.repository-image-limit", "Limit on number of layers per image exceeded");
        ROUND.reads("docker.reference-not-lowercase", "config.invalid", "invalid reference format: repository name (HeyWillow/willow) must be lowercase");
        ROUND.readsNot("docker.reference-not-lowercase", "invalid reference format: repository name (HeyWillow/willow) must be canonical");
        ROUND.reads("registry.name-lookup", "registry.unavailable", "Error: failed to fetch an image or build from source: error rendering push status stream: Get \"https://registry.fly.io/v2/\": dial tcp: lookup registry.fly.io on [fdaa::3]:53: server misbehaving");
        ROUND.reads("registry.name-lookup", "registry.unavailable", "failed to solve: mcr.microsoft.com/dotnet/sdk:8.0-bookworm-slim: failed to do request: Head \"https://mcr.microsoft.com/v2/dotnet/sdk/manifests/8.0-bookworm-slim\": dial tcp: lookup mcr.microsoft.com on 192.168.65.5:53:");
        ROUND.readsNot("registry.name-lookup", "#40 ERROR: failed to do request: Head \"https://nexus.corp.example/v2/billing/core/blobs/sha256:0e16ba87\": dial tcp: lookup nexus.corp.example on 192.168.65.5:53: no such host");
        ROUND.readsNot("registry.name-lookup", "Error response from daemon: Get http://my-registry:5000/v2/: dial tcp: lookup my-registry on 192.168.65.1:53: no such host");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of its own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /**
     * pip asked for a word of its own command line in a RUN (p166-04: "No matching distribution found for install"
     * after "pip3 install install numpy") is the instruction's fault; a pinned "install==1.3.5" is a package of that
     * name the index does not have (p166-05).
     */
    @Test
    void pipHandedItsOwnCommandWordIsTheRunInstruction() throws IOException {
        Assessment typo = Fleet.scenario("p166-04-build-dockerfile-pip3-install-install-typo-no-matching-distribution");
        assertTrue(Fleet.weighs(typo, "build.dockerfile/run-line-hands-pip-a-shell-word"), typo.causes().toString());
        assertEquals("build.dockerfile", typo.causes().get(0).id().value(), typo.causes().toString());
        Assessment pinned = Fleet.scenario("p166-05-build-dependency-fetch-pip-requirement-install-1-3-5-not-on-pypi");
        assertFalse(Fleet.weighs(pinned, "build.dependency-fetch/requirement-is-a-shell-word"), pinned.causes().toString());
        assertEquals("build.dependency-fetch", pinned.causes().get(0).id().value(), pinned.causes().toString());
    }

    /**
     * A registry's name the builder's resolver answered does not exist is the name's resolution (p166-09, p166-10);
     * the resolver misbehaving on the registry's name stays the registry out of reach (h4-08).
     */
    @Test
    void aRegistryNameTheResolverDoesNotKnowIsDns() throws IOException {
        for (String id : List.of("p166-09-network-dns-buildx-push-private-registry-no-such-host-192-168-65-5",
                "p166-10-network-dns-buildx-from-private-registry-head-manifest-dns")) {
            Assessment a = Fleet.scenario(id);
            assertTrue(Fleet.weighs(a, "network.dns/registry-name-unknown-to-resolver"), a.causes().toString());
            assertEquals("network.dns", a.causes().get(0).id().value(), a.causes().toString());
        }
        Assessment misbehaving = Fleet.scenario("h4-08-registry-unavailable-fly-registry-lookup-misbehaving");
        assertFalse(Fleet.weighs(misbehaving, "network.dns/registry-name-unknown-to-resolver"), misbehaving.causes().toString());
        assertEquals("registry.unavailable", misbehaving.causes().get(0).id().value(), misbehaving.causes().toString());
    }

    /**
     * A build step that failed in a job that succeeded (p166-38: the cached build failed, allowed to, and the retry
     * without cache built and pushed) explains no failure; a job whose steps all passed while its image build failed
     * inside one (p164-24: the wrapper swallowed the exit status) is still the build's.
     */
    @Test
    void aBuildStepAllowedToFailExplainsNothing() throws IOException {
        Assessment green = Fleet.scenario("p166-38-unknown-gha-cache-blob-not-found-retry-without-cache-green");
        assertTrue(Fleet.weighs(green, "build.dockerfile/build-step-allowed-to-fail"), green.causes().toString());
        assertEquals("unknown", green.causes().get(0).id().value(), green.causes().toString());
        Assessment failed = Fleet.scenario("p164-24-build-dockerfile-teamcity-docker-build-make-error-exit-zero");
        assertFalse(Fleet.weighs(failed, "build.dockerfile/build-step-allowed-to-fail"), failed.causes().toString());
        assertEquals("build.dockerfile", failed.causes().get(0).id().value(), failed.causes().toString());
    }

}
