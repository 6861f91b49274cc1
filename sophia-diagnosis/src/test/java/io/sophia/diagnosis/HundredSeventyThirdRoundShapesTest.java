package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes and rules of the forty-fifth session's rule writer r45-h156, on the misses of the consumed h153- (Fly.io
 * end to end), h155- (web front ends and full-stack JS) and h156- (container image builds), each in its tool's own
 * words. containers/image's "no image found in image index for architecture" (kdwils/envoy-proxy-crowdsec-bouncer#193);
 * NextAuth's NO_SECRET warning code (janhq/jan#81); BuildKit's client not finding a build secret's source, "failed to
 * stat SECRET_TOKEN" (docker/buildx#3285, etri/unified-npu-sdk#4); flyctl refusing to swap an attached volume
 * (superfly/flyctl internal/command/deploy/machines.go) and its bare "Error: unauthorized" (h34-16's source); a registry's
 * 400 for a manifest tag with characters no OCI tag has (bazel-contrib/rules_oci#720); the Vercel CLI's schema refusing
 * a property of vercel.json (thgh/vercel-sapper#35, vercel/vercel#3159); a platform's report that a build step ran out of
 * memory (gotempsh/temps#1025); Cloud Run's "failed to import container" (planqtn/planqtn#163,
 * GoogleCloudPlatform/terraform-google-three-tier-web-app#163); the Cloudflare API's unknown error
 * (cloudflare/workers-sdk#9769, #7593); Skaffold's status-check deadline (GoogleContainerTools/skaffold#4669). Each
 * indication is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row);
 * each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause. And five rules,
 * each tested on the scenario it was written for: a build whose transport to the builder failed with gRPC's Unavailable
 * (docker/build-push-action#1263), a platform API error in a job that succeeded (superfly/flyctl deploy/plan.go's lease
 * retry), a look at a service's own output saying it listens on the loopback (vercel/next.js#54093), and a crash of
 * the web server an end-to-end test run starts, behind Playwright's "[WebServer] " prefix (nrwl/nx#22787).
 */
class HundredSeventyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("image.no-platform-in-index", "image.not-found"),
            Map.entry("nextauth.no-secret-warning", "config.missing-secret"),
            Map.entry("buildx.secret-source-missing", "config.missing-secret"),
            Map.entry("fly.attached-volume-name-change", "config.invalid"),
            Map.entry("registry.manifest-tag-invalid-400", "config.invalid"),
            Map.entry("vercel.config-property-refused", "config.invalid"),
            Map.entry("build.step-ran-out-of-memory", "app.oom"),
            Map.entry("fly.bare-unauthorized", "auth.deploy-token"),
            Map.entry("cloudrun.container-import-failed", "platform.outage"),
            Map.entry("cloudflare.unknown-error-code", "platform.outage"),
            Map.entry("skaffold.status-check-deadline", "ci.timeout"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("image.no-platform-in-index", "Warning  Failed  kubelet  Failed to pull image \"ghcr.io/lakeview/envoy-bouncer:v0.6.2\": unable to pull image or OCI artifact: pull image err: choosing an image from manifest list docker://ghcr.io/lakeview/envoy-bouncer@sha256:3a1f: no image found in image index for architecture \"arm64\", variant \"v8\", OS \"linux\"");
        ROUND.readsNot("image.no-platform-in-index", "Warning  Failed  kubelet  Failed to pull image \"ghcr.io/lakeview/envoy-bouncer:v0.6.2\": unable to pull image or OCI artifact: pull image err: initializing source docker://ghcr.io/lakeview/envoy-bouncer:v0.6.2: reading manifest v0.6.2 in ghcr.io/lakeview/envoy-bouncer: denied");
        ROUND.reads("image.no-platform-in-index", "Error: choosing an image from manifest list docker://docker.io/library/eclipse-temurin:17-jre-alpine: no image found in manifest list for architecture arm64, variant \"v8\", OS linux");
        ROUND.readsNot("image.no-platform-in-index", "no matching manifest for linux/arm64/v8 in the manifest list entries"); // image.no-platform-variant
        ROUND.reads("nextauth.no-secret-warning", "[next-auth][warn][NO_SECRET] https://next-auth.js.org/warnings#no_secret");
        ROUND.readsNot("nextauth.no-secret-warning", "[next-auth][warn][NEXTAUTH_URL] https://next-auth.js.org/warnings#nextauth_url");
        ROUND.reads("nextauth.no-secret-warning", "2026-12-07T15:20:03Z app[6e82d45a1c7389] fra [info][next-auth][warn][NO_SECRET]");
        ROUND.readsNot("nextauth.no-secret-warning", "[next-auth][warn][DEBUG_ENABLED] https://next-auth.js.org/warnings#debug_enabled");
        ROUND.reads("buildx.secret-source-missing", "ERROR: failed to build: failed to stat SECRET_TOKEN: stat SECRET_TOKEN: no such file or directory");
        ROUND.readsNot("buildx.secret-source-missing", "ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory");
        ROUND.reads("buildx.secret-source-missing", "ERROR: failed to stat .secrets/netrc");
        ROUND.readsNot("buildx.secret-source-missing", "cp: failed to stat '.secrets/netrc': No such file or directory");
        ROUND.reads("fly.attached-volume-name-change", "Error: machine 5683d7e1c2a918 [worker] can't update the attached volume vol_4y5n8pq2z1vr0 with name 'cache' by 'cache_v2'");
        ROUND.readsNot("fly.attached-volume-name-change", "Error: machine 5683d7e1c2a918 [worker] has no attached volume; creating vol_4y5n8pq2z1vr0 with name 'cache_v2'");
        ROUND.reads("fly.attached-volume-name-change", "Error: machine 3d8d9ed6b74d89 [app] can't update the attached volume vol_r7l0x2k9m3n5p8q1 with name 'data' by 'pg_data'");
        ROUND.readsNot("fly.attached-volume-name-change", "Error: failed to update machine 3d8d9ed6b74d89: volume vol_r7l0x2k9m3n5p8q1 is already attached to machine 9185e1b3f0d7e8");
        ROUND.reads("registry.manifest-tag-invalid-400", "Error: HEAD https://318455002937.dkr.ecr.eu-west-2.amazonaws.com/v2/hello/manifests/2026.11.27+7c1aa5c05: unexpected status code 400 Bad Request (HEAD responses have no body, use GET for details)");
        ROUND.readsNot("registry.manifest-tag-invalid-400", "Error: HEAD https://318455002937.dkr.ecr.eu-west-2.amazonaws.com/v2/hello/manifests/2026.11.27-7c1aa5c05: unexpected status code 404 Not Found (HEAD responses have no body, use GET for details)");
        ROUND.reads("registry.manifest-tag-invalid-400", "Error: HEAD https://123456789012.dkr.ecr.eu-west-2.amazonaws.com/v2/repo/manifests/2024.42.27+1234a5c05: unexpected status code 400 Bad Request (HEAD responses have no body, use GET for details)");
        ROUND.readsNot("registry.manifest-tag-invalid-400", "Error: PUT https://123456789012.dkr.ecr.eu-west-2.amazonaws.com/v2/repo/manifests/2024.42.27-1234a5c05: unexpected status code 400 Bad Request: MANIFEST_INVALID");
        ROUND.reads("vercel.config-property-refused", "Error! The property `builds` is not allowed in vercel.json – please remove it.");
        ROUND.readsNot("vercel.config-property-refused", "Error! The `functions` property cannot be used in conjunction with the `builds` property. Please remove one of them.");
        ROUND.reads("vercel.config-property-refused", "> Error! Invalid `builds` property:  should NOT have more than 128 items");
        ROUND.readsNot("vercel.config-property-refused", "> Error! No existing credentials found. Please run `now login` or pass \"--token\"");
        ROUND.reads("build.step-ran-out-of-memory", "Failed to build image: The build step ran out of memory: the kernel's OOM killer terminated 1 process on this host while the step ran; the killed process was `node` in a build step");
        ROUND.readsNot("build.step-ran-out-of-memory", "Failed to build image: Build failed: Docker stream error: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 1");
        ROUND.reads("build.step-ran-out-of-memory", "Failed to build image: The build step most likely ran out of memory: the kernel's OOM killer terminated 1 process on this host while the step ran; no other build was running");
        ROUND.readsNot("build.step-ran-out-of-memory", "deployment 52: building image (BuildKit)");
        ROUND.reads("fly.bare-unauthorized", "Error: unauthorized");
        ROUND.readsNot("fly.bare-unauthorized", "Error: unauthorized: authentication required");
        ROUND.reads("fly.bare-unauthorized", "##[error]Error: unauthorized");
        ROUND.readsNot("fly.bare-unauthorized", "Error: failed to retrieve app homelab-proxy: unauthorized"); // fly.unauthorized-call
        ROUND.reads("cloudrun.container-import-failed", "ERROR: (gcloud.run.deploy) Revision 'tn-api-00112-kes' is not ready and cannot serve traffic. failed to import container");
        ROUND.readsNot("cloudrun.container-import-failed", "ERROR: (gcloud.run.deploy) Revision 'tn-api-00112-kes' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable within the allocated timeout.");
        ROUND.reads("cloudrun.container-import-failed", "Error: Error waiting to create Service: resource is in failed state \"Ready:False\", message: Revision 'tiered-web-app-fe-00001-abc' is not ready and cannot serve traffic. Container import failed.");
        ROUND.readsNot("cloudrun.container-import-failed", "Creating Revision...........failed");
        ROUND.reads("cloudflare.unknown-error-code", "An unknown error occurred. Contact your account team or Cloudflare support: https://cfl.re/3WgEyrH. [code: 8000000]");
        ROUND.readsNot("cloudflare.unknown-error-code", "A request to the Cloudflare API (/accounts/900fe1a8c9bd4256a712d37ec0aa6471/pages/projects/tripwell-planner/deployments) failed.");
        ROUND.reads("cloudflare.unknown-error-code", "  Failed to publish your Function. Got error: An unknown error has occured. If this error persists,");
        ROUND.readsNot("cloudflare.unknown-error-code", "Failed to publish your Function. Got error: Your Functions script is over the 1 MiB size limit (workers.api.error.script_too_large)");
        ROUND.reads("skaffold.status-check-deadline", "Resource deployment/nodejs-guestbook-backend status failed with could not stabilize within 2m0s: context deadline exceeded");
        ROUND.readsNot("skaffold.status-check-deadline", " - deployment/leeroy-web is ready. [1/2 deployment(s) still pending]");
        ROUND.reads("skaffold.status-check-deadline", "deployment/leeroy-app failed. Error: could not stabilize within 10m0s: context deadline exceeded.");
        ROUND.readsNot("skaffold.status-check-deadline", "Waiting for deployments to stabilize...");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these two read no labelled scenario's log: h156-08 and h155-14, their sources, carry the lines in a kubelet
        // look and a machine event, which the probe-detail and machine-event rules read
        ROUND.without(java.util.Set.of("image.no-platform-in-index", "nextauth.no-secret-warning")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** Each miss of h153- to h156- that a new indication now reads is led by its label. */
    @Test
    void theMissesTheShapesReadLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h156-08-image-not-found-arm64-nodes-amd64-only-index", "image.not-found"),
                Map.entry("h156-09-config-missing-secret-buildx-secret-token-env-not-exported", "config.missing-secret"),
                Map.entry("h156-13-app-oom-build-step-node-killed-oom-cap-not-enforced", "app.oom"),
                Map.entry("h156-16-config-invalid-oci-push-tag-with-plus-ecr-400", "config.invalid"),
                Map.entry("h156-37-platform-outage-cloud-run-failed-to-import-container-two-services", "platform.outage"),
                Map.entry("h156-45-ci-timeout-skaffold-status-check-2m-remote-images", "ci.timeout"),
                Map.entry("h155-14-config-missing-secret-nextauth-warning-fly-machine-session-route", "config.missing-secret"),
                Map.entry("h155-15-config-invalid-vercel-json-builds-property-not-allowed-sapper", "config.invalid"),
                Map.entry("h155-17-config-invalid-now-builds-more-than-128-items-stencil-build-dir", "config.invalid"),
                Map.entry("h155-22-platform-outage-pages-deployments-8000000-two-projects", "platform.outage"),
                Map.entry("h155-23-platform-outage-pages-function-publish-unknown-error-all-versions", "platform.outage"),
                Map.entry("h153-12-auth-deploy-token-revoked-org-token-unauthorized-launch", "auth.deploy-token"),
                Map.entry("h129-11-auth-deploy-token-fly-deploy-token-rotated-unauthorized", "auth.deploy-token"),
                Map.entry("h153-17-config-invalid-mount-name-change-cannot-update-attached-volume", "config.invalid")));
    }

    /**
     * build.dockerfile/builder-transport-unavailable: BuildKit's "failed to solve: Unavailable: failed to copy to tar: rpc
     * error: code = Unavailable desc = error reading from server: ..." (docker/build-push-action#1263) is the transport
     * to the builder, no instruction. Before, the Dockerfile led h156-48 at 0.70.
     */
    @Test
    void aBuilderTransportThatFailedIsNoDockerfile() throws IOException {
        ShapeRound.leadWith(Map.of("h156-48-unknown-load-to-tar-context-canceled-rerun-green", "unknown"));
    }

    /**
     * platform.outage/error-in-passing-job: flyctl's "Failed to acquire lease for ...: request returned non-2xx status,
     * 408" in a deploy job that retried and succeeded stopped nothing. Before, it stated platform.outage at 0.9 on
     * h153-48 (labelled unknown).
     */
    @Test
    void aPlatformErrorTheJobGotPastIsNoOutage() throws IOException {
        io.sophia.core.Assessment a = Fleet.scenario("h153-48-unknown-lease-acquire-retry-then-success-one-502");
        double p = a.causes().stream().filter(c -> c.id().value().equals("platform.outage"))
                .mapToDouble(io.sophia.core.RankedCause::probability).findFirst().orElse(0);
        assertTrue(p < 0.2, a.causes().toString());
    }

    /**
     * app.healthcheck-failing/host-look-loopback-listener: a look at the revision's own log, Next.js 13.4's "- ready
     * started server on localhost:8080" (vercel/next.js#54093), while the service answers 503 from outside. Before,
     * unknown led h155-30 at 0.49.
     */
    @Test
    void aServiceListeningOnItsLoopbackFailsItsHealthCheck() throws IOException {
        ShapeRound.leadWith(Map.of("h155-30-app-healthcheck-failing-next-13-4-16-cloud-run-hostname-env",
                "app.healthcheck-failing"));
    }

    /**
     * app.crash-on-boot/test-web-server-line and ci.test-failure/test-web-server-crashed: "[WebServer] Error: Cannot find
     * module '.../.next/server/pages/_document.js'" (nrwl/nx#22787) is the end-to-end tests' own server. Before, the crash
     * led h155-39 at 0.41.
     */
    @Test
    void theTestsOwnWebServerCrashingIsTheTestRun() throws IOException {
        ShapeRound.leadWith(Map.of("h155-39-ci-test-failure-nx-next-e2e-start-race-cannot-find-module",
                "ci.test-failure"));
    }
}
