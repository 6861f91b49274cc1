package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-third session's rule writer rules33b, each in its tool's own words: its round on h112-
 * (container images and the supply chain: Trivy's table summary counting findings at the gated severities; Grype's
 * --fail-on error "discovered vulnerabilities at or above the severity threshold"; Trivy stopping at its own --timeout,
 * "Provide a higher timeout value" and the analysis ending in "context deadline exceeded"; ko wrapping a failed compile of
 * the image's Go binary, "error building \"ko://...\": build: go build: exit status 1: # package"; and, read by an
 * indication of an earlier round, ECS's CannotStartContainerError quoting runc's missing entrypoint). Each is tested on
 * its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment
 * quotes or its scenario shows and a line of another cause that shares its words); each new log indication reads no line
 * of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class NinetiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules33b (h112-: container images and the supply chain)
            Map.entry("grype.above-severity-threshold", "ci.test-failure"),
            Map.entry("ko.go-build-failed", "build.dockerfile"),
            Map.entry("trivy.findings-total", "ci.test-failure"),
            Map.entry("trivy.scan-timeout", "ci.timeout"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules33b (h112-)
        ROUND.reads("grype.above-severity-threshold", "[0011] ERROR discovered vulnerabilities at or above the severity threshold");
        ROUND.readsNot("grype.above-severity-threshold", "No findings at or above the severity threshold.");
        ROUND.reads("grype.above-severity-threshold", "2026-11-24T10:02:11.4000000Z     * discovered vulnerabilities at or above the severity threshold");
        ROUND.readsNot("grype.above-severity-threshold", "Readiness Probe with executor HttpGetExecutor reached failure threshold 3, changing status to Failure."); // containerapps.probe-failure-threshold
        ROUND.reads("ko.go-build-failed", "Error: error building \"ko://github.com/northwind/admission-proxy/cmd/proxy\": build: go build: exit status 1: # github.com/northwind/admission-proxy/internal/admit");
        ROUND.readsNot("ko.go-build-failed", "Error: error building \"ko://github.com/tallgrass/metrics-relay/cmd/relay\": build: go build: exit status 1: go: github.com/tallgrass-labs/otlpbridge@v0.4.1: reading https://proxy.golang.org/github.com/tallgrass-labs/otlpbridge/@v/v0.4.1.zip: 404 Not Found");
        ROUND.reads("ko.go-build-failed", "2026/11/21 12:39:03 error during command execution: error building \"ko://github.com/northwind/admission-proxy/cmd/proxy\": build: go build: exit status 1");
        ROUND.readsNot("ko.go-build-failed", "Error: failed to publish images: error publishing ko://github.com/saltmarsh/webhook/cmd/webhook: PUT https://quay.io/v2/saltmarsh/webhook/manifests/8a3c6d2: unexpected status code 502 Bad Gateway"); // registry-status-in-build reads it (registry.unavailable, h112-10)
        ROUND.reads("trivy.findings-total", "Total: 3 (HIGH: 1, CRITICAL: 2)");
        ROUND.readsNot("trivy.findings-total", "Total: 0 (HIGH: 0, CRITICAL: 0)");
        ROUND.reads("trivy.findings-total", "2026-11-24T13:28:15.2000000Z Total: 12 (UNKNOWN: 0, LOW: 4, MEDIUM: 6, HIGH: 1, CRITICAL: 1)");
        ROUND.reads("trivy.findings-total", "Failures: 2 (UNKNOWN: 0, LOW: 0, MEDIUM: 1, HIGH: 1, CRITICAL: 0)");
        ROUND.readsNot("trivy.findings-total", "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError'"); // pip.retrying
        ROUND.reads("trivy.scan-timeout", "WARN    Provide a higher timeout value, see https://trivy.dev/latest/docs/references/troubleshooting#timeout");
        ROUND.readsNot("trivy.scan-timeout", "2026-11-24T15:13:41Z    INFO    [secret] If your scanning is slow, please try '--scanners vuln' to disable secret scanning");
        ROUND.reads("trivy.scan-timeout", "2026-11-24T15:18:41Z\tFATAL\tFatal error\trun error: image scan error: scan error: scan failed: failed analysis: analyze error: timeout: context deadline exceeded");
        ROUND.reads("trivy.scan-timeout", "2026-06-30T13:19:04+03:00\tWARN\tProvide a higher timeout value, see https://trivy.dev/docs/v0.68/guide/references/troubleshooting#timeout");
        ROUND.reads("trivy.scan-timeout", "2023-01-12T18:07:43.000Z\tWARN\tIncrease --timeout value");
        ROUND.readsNot("trivy.scan-timeout", "Error: looks like \"https://charts.orchardpay.internal/stable\" is not a valid chart repository or cannot be reached: Get \"https://charts.orchardpay.internal/stable/index.yaml\": context deadline exceeded"); // helm.chart-repository-unreachable
        // container.exec-failed (an earlier round's, FiftySixthRoundShapesTest) widened to ECS's stopped reason (h112-28)
        ROUND.reads("container.exec-failed", "app.crash-on-boot", "(service router) task 5e4d3c2b1a0f4e9d8c7b6a5f4e3d2c1b stopped: CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"/bin/sh\": stat /bin/sh: no such file or directory: unknown");
        ROUND.readsNot("container.exec-failed", "CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting \"/var/lib/ecs/volumes/api\" to rootfs at \"/app/appsettings.json\": not a directory: unknown");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
