package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 15's diagnosis changes: the plural "secrets" of secret.reference-not-found reads kubelet's events,
 * not kubectl's own NotFound of a script that looks a secret up before creating it; the build's download that fails on
 * a name (build.dependency-fetch/resolver-in-download) is not flyctl's wrapper "failed to fetch an image or build from
 * source" over a push to its registry; registry.server-error reads a registry's /v2/ at the root of its host, not an
 * app's access log of its own /api/v2/; the cross-validation refuses outcomes as shipped that are not one per
 * scenario; a dependency's own error, for a job that ends on a line of no cause, is one that line wraps, not a later
 * step's report of the same outage.
 */
class ThirtyEighthRoundReviewTest {

    /**
     * {@code kubectl get secret regcred || kubectl create secret docker-registry regcred ...} is the ordinary idempotent
     * way a deploy script makes a secret: on every first run kubectl prints 'Error from server (NotFound): secrets
     * "regcred" not found' and the script goes on to create it. Since the pattern took the plural (for kubelet's
     * 'MountVolume.SetUp failed for volume "cf-secrets" : secrets "x" not found', p42-14) that healthy line read as a
     * missing secret at 0.9. Kubelet's own events (p42-14, p19-05) are still read.
     */
    @Test
    void kubectlsNotFoundOfASecretAScriptThenCreatesIsNoMissingSecret() throws IOException {
        Fleet.assertReadsNot("secret.reference-not-found", "Error from server (NotFound): secrets \"regcred\" not found");
        Fleet.assertReads("secret.reference-not-found", "config.missing-secret", "Warning  FailedMount  2m57s (x8 over "
                + "4m1s) kubelet, node-pool-b2  MountVolume.SetUp failed for volume \"cf-secrets\" : secrets "
                + "\"secrets-2.16.4-1\" not found");
        Fleet.assertReads("secret.reference-not-found", "config.missing-secret", "  Warning  Failed     12s (x9 over "
                + "108s)  kubelet, 10.47.122.150  Error: secrets \"my-password\" not found");
        Fleet.assertReads("secret.reference-not-found", "config.missing-secret",
                "Error: secret \"app-env\" not found");
    }

    /**
     * Helm keeps each release's revisions in secrets named "sh.helm.release.v1.NAME.vN": 'Error: UPGRADE FAILED: secrets
     * "sh.helm.release.v1.spark-operator.v32" not found' is two deploys of one release racing, and helm uninstall's
     * 'Failed to purge the release: secrets "sh.helm.release.v1.keda.v1" not found' a warning after an interrupted
     * run. Neither is a secret the workload references; the plural read both as a missing secret at 0.9.
     */
    @Test
    void helmsOwnReleaseRecordIsNoSecretOfTheWorkload() throws IOException {
        Fleet.assertReadsNot("secret.reference-not-found",
                "Error: UPGRADE FAILED: secrets \"sh.helm.release.v1.spark-operator.v32\" not found");
        Fleet.assertReadsNot("secret.reference-not-found",
                "Failed to purge the release: secrets \"sh.helm.release.v1.keda.v1\" not found");
        Fleet.assertReads("secret.reference-not-found", "config.missing-secret",
                "Error: secrets \"shop-api-env\" not found");
    }

    /**
     * flyctl wraps every deploy error in "failed to fetch an image or build from source", a push to registry.fly.io
     * included (h4-08, registry.unavailable: 'error rendering push status stream: Get "https://registry.fly.io/v2/": dial
     * tcp: lookup registry.fly.io on [fdaa::3]:53: server misbehaving'): resolver-in-download read its "failed to fetch"
     * as the build downloading a dependency (lr 15 for build.dependency-fetch), and at 62 % it led. A fetch of a URL
     * (uv's "Failed to fetch: `https://...`") and nix's "unable to download" are still the build's downloads.
     */
    @Test
    void flyctlsWrapperOverARegistryLookupIsNoDownloadOfTheBuild() throws IOException {
        Assessment push = Fleet.deployFailed("deploy", "Run flyctl deploy --remote-only", "Error: failed to fetch an "
                + "image or build from source: error rendering push status stream: Get \"https://registry.fly.io/v2/\": "
                + "dial tcp: lookup registry.fly.io on [fdaa::3]:53: server misbehaving\n");
        assertFalse(Fleet.weighs(push, "build.dependency-fetch/resolver-in-download"), push.causes().toString());
        Assessment uv = Fleet.deployFailed("deploy", "Run docker build .", "#9 3.120 error: Failed to fetch: "
                + "`https://pkgs.example.org/simple/flask/`: dns error: failed to lookup address information: Name or "
                + "service not known\n");
        assertTrue(Fleet.weighs(uv, "build.dependency-fetch/resolver-in-download"), uv.causes().toString());
        Assessment nix = Fleet.deployFailed("deploy", "Run nixpacks build .", "#8 2.274 warning: error: unable to "
                + "download 'https://github.com/NixOS/nixpkgs/archive/5148520bfab61f99fd25fb9ff7bfbb50dad3c9db.tar.gz': "
                + "Couldn't resolve host name (6)\n");
        // (since session 41 nix's own failure is read by nix.unable-to-download, before the general resolver reading)
        assertEquals("build.dependency-fetch", Fleet.top(nix), nix.causes().toString());
    }

    /**
     * registry.server-error was narrowed to "a registry's /v2/ API, not any API with a /v2/ path", but its "/v2/" then a
     * space still read an app's own access log of its API root ('"GET /api/v2/ HTTP/1.1" 502') as the registry failing:
     * a registry's API is at the root of its host, which registry.v2-status-server-error already requires.
     */
    @Test
    void anAppsAccessLogOfItsApiRootIsNoRegistry() throws IOException {
        Fleet.assertReadsNot("registry.server-error", "10.0.0.7 - - [04/Dec/2026:10:00:00 +0000] \"GET /api/v2/ HTTP/1.1\" "
                + "502 157 \"-\" \"curl/8.0\"");
        Fleet.assertReadsNot("registry.server-error", "Error: POST https://api.digitalocean.com/v2/apps: 500 Server Error");
        Fleet.assertReads("registry.server-error", "registry.unavailable",
                "GET https://registry.example.com/v2/: 503 Service Unavailable");
        Fleet.assertReads("registry.server-error", "registry.unavailable", "Error response from daemon: Head "
                + "\"https://ghcr.io/v2/acme/web/manifests/1.4.0\": 502 Bad Gateway");
        Fleet.assertReads("registry.server-error", "registry.unavailable",
                "Error response from daemon: Get registry-1.docker.io/v2/: 503 Service Unavailable");
    }

    /**
     * CrossValidation.run takes the report's outcomes as shipped (CalibrationTest, since this session) and checked only
     * that the first {@code n} were the scenarios' own: more outcomes than scenarios (a blind set's, loaded with
     * -Dsophia.scoreBlind, after the corpus) went into the result's figures unnoticed. The counts must agree, and before
     * the grid's minutes of work.
     */
    @Test
    void outcomesAsShippedBeyondTheScenariosAreRefused() {
        io.sophia.diagnosis.calibration.Scenario a = scenario("p99-01-a", "a");
        io.sophia.diagnosis.calibration.Scenario b = scenario("p99-02-b", "b");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> io.sophia.diagnosis.calibration.CrossValidation.run(KnowledgeBase.builtIn(), List.of(a),
                        List.of(unknownOf(a), unknownOf(b))));
        assertTrue(e.getMessage().contains("as shipped"), e.getMessage());
    }

    private static io.sophia.diagnosis.calibration.Scenario scenario(String id, String family) {
        return new io.sophia.diagnosis.calibration.Scenario(id, "t", CauseId.BUILD_DOCKERFILE, "r", false, "",
                Path.of(id + ".yaml"), Instant.parse("2025-08-23T14:12:55Z"), new io.sophia.core.Deployment("d",
                List.of(io.sophia.core.Service.http("api", "https://api.example.test/"))), List.of(), family, "");
    }

    private static io.sophia.diagnosis.calibration.CalibrationEvaluation.Outcome unknownOf(
            io.sophia.diagnosis.calibration.Scenario s) {
        return new io.sophia.diagnosis.calibration.CalibrationEvaluation.Outcome(s, Map.of(CauseId.UNKNOWN, 1.0),
                List.of(CauseId.UNKNOWN), null, null);
    }

    /**
     * A two-service chain: "backend" (503) depends on "operator" (refusing), whose own job ("install operator", job 7)
     * has {@code steps} and {@code log}, read by the built-in scanner.
     */
    private static Assessment operatorChain(String log, Observation.CiStep... steps) throws IOException {
        Deployment d = new Deployment("k8s", List.of(Fleet.service("operator", "Operator", "Secret generator",
                ServiceKind.HTTP), Fleet.service("backend", "Backend", "Orders", ServiceKind.HTTP, "operator")));
        List<Observation> o = new ArrayList<>();
        o.add(Fleet.refused("operator"));
        o.add(Fleet.failure("backend", "http", io.sophia.core.FailureKind.UNEXPECTED_STATUS, 503, "503"));
        o.add(Fleet.job("operator", 7, "install operator", "failure", 320, steps));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "operator", 7,
                "install operator", List.of(steps)), new StringReader(log)));
        o.add(Fleet.run("failure"));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * Facts.ownErrors now lets a job whose top finding is of no cause take its best finding of a named cause, for the
     * error such a line wraps (h22-41: "Java heap space" before the annotation that the service stopped answering). It
     * took a failing health check too: p42-40's helm install ends on "Error: context deadline exceeded", and the events
     * a later step lists ("Liveness probe failed ... connection refused") only say again that the operator is down;
     * the operator then counted as the root of the chain and app.healthcheck-failing was stated at 0.9 on a scenario
     * labelled unknown. A later step's events that name an error of its own (p42-07: its image is not found) still do.
     */
    @Test
    void aDependencysLaterEventsAreNoErrorItsFailureWraps() throws IOException {
        Assessment events = operatorChain(String.join("\n",
                "##[group]Run helm upgrade --install secret-generator example/secret-generator --wait --timeout 5m",
                "##[endgroup]", "Release \"secret-generator\" does not exist. Installing it now.",
                "Error: context deadline exceeded", "##[error]Process completed with exit code 1.",
                "##[group]Run kubectl -n secret-generator get events --field-selector reason=Unhealthy",
                "##[endgroup]", "Liveness probe failed: Get \"http://10.0.171.162:8080/healthz\": dial tcp "
                        + "10.0.171.162:8080: connect: connection refused",
                "Readiness probe failed: Get \"http://10.0.171.162:8080/readyz\": dial tcp 10.0.171.162:8080: "
                        + "connect: connection refused", ""),
                Fleet.step(1, "Set up job", "success"), Fleet.step(2, "helm upgrade --install", "failure"),
                Fleet.step(3, "Events", "success"));
        assertFalse(Fleet.weighs(events, "dependency.down/dependency-own-error"), events.causes().toString());
        assertTrue(Fleet.weighsChain(events), events.causes().toString());
        // the error a no-cause line wraps is still the dependency's own (h22-41)
        Assessment wrapped = operatorChain(String.join("\n",
                "##[group]Run kubectl -n prod logs deploy/operator --since=40m | grep -E 'ERROR|WARN' | tail -n 8",
                "##[endgroup]", "06:39:39  ERROR  Java heap space", "06:40:38  ERROR  Java heap space",
                "06:41:27.157  ERROR  Scheduled task error",
                "##[error]operator has not answered a health check for 28 minutes", ""),
                Fleet.step(1, "Set up job", "success"), Fleet.step(2, "kubectl logs", "failure"));
        assertTrue(Fleet.weighs(wrapped, "dependency.down/dependency-own-error"), wrapped.causes().toString());
        Assessment pull = operatorChain(String.join("\n",
                "##[group]Run helm install tenant-etcd example/tenant-etcd --wait --timeout 25m", "##[endgroup]",
                "Error: INSTALLATION FAILED: failed pre-install: timed out waiting for the condition",
                "##[error]Process completed with exit code 1.",
                "##[group]Run kubectl describe pod -l job-name=tenant-etcd-setup", "##[endgroup]",
                "  Warning  Failed     23m (x4 over 25m)     kubelet            Failed to pull image "
                        + "\"example/kubectl:v1.25\": rpc error: code = NotFound desc = failed to pull and unpack image "
                        + "\"docker.io/example/kubectl:v1.25\": failed to resolve reference "
                        + "\"docker.io/example/kubectl:v1.25\": docker.io/example/kubectl:v1.25: not found", ""),
                Fleet.step(1, "Set up job", "success"), Fleet.step(2, "helm install tenant-etcd", "failure"),
                Fleet.step(3, "Events", "success"));
        assertFalse(Fleet.weighsChain(pull), pull.causes().toString());
        assertEquals(CauseId.IMAGE_NOT_FOUND, pull.topCause().orElseThrow().id(), pull.causes().toString());
    }
}
