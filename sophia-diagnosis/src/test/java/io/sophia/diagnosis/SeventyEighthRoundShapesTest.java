package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-first session's rule writer rules31d, each in its tool's own words: its round on p144-
 * (issue 9 of the session: observability and service mesh). A mesh sidecar that its control plane never configured
 * (Istio's pilot-agent "config not received from Pilot / XDS server (is ... running?)", Envoy's xDS stream "closed: 14"
 * with no healthy upstream or a refused dial); a ring-sharded store (Loki, Mimir, Cortex: grafana/dskit) with too few
 * healthy instances to serve; the OpenTelemetry collector refusing its configuration (widened to the confmap resolver's
 * "cannot resolve the configuration" and a component type the build lacks); Prometheus refusing its rule files and
 * promtool's check verdict on a file; the New Relic agent without its license key; Fluent Bit's own fatal-signal handler
 * and its resolver's failure for an output's host; the go command unable to download the toolchain go.mod asks for.
 * Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a
 * line its comment quotes or its scenario shows and a line of another cause that shares its words); each reads no line
 * of the shared corpus and, on the labelled scenarios, only lines of its own cause (or a consequence of that scenario's
 * cause, named with its reason).
 */
class SeventyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules31d (p144-: service mesh, telemetry pipelines, monitoring configuration, APM agents)
            Map.entry("dskit.ring-unhealthy", "dependency.down"),
            Map.entry("fluent-bit.engine-fatal-signal", "app.crash-on-boot"),
            Map.entry("fluent-bit.getaddrinfo-failed", "network.dns"),
            Map.entry("go.toolchain-download-failed", "build.dependency-fetch"),
            Map.entry("mesh.xds-config-not-received", "dependency.down"),
            Map.entry("mesh.xds-stream-unavailable", "dependency.down"),
            Map.entry("newrelic.license-key-missing", "config.missing-secret"),
            Map.entry("otelcol.config-unmarshal-failed", "config.invalid"),
            Map.entry("prometheus.rule-files-refused", "config.invalid"),
            Map.entry("promtool.check-failed", "ci.test-failure"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // dskit's ring, in the client's relayed 500 and in the store's own answer
        ROUND.reads("dskit.ring-unhealthy", "ts=2026-11-30T14:42:17.533917001Z caller=client.go:419 level=warn component=logs msg=\"error sending batch, will retry\" status=500 tenant= error=\"server returned HTTP status 500 Internal Server Error (500): at least 2 live replicas required, could only find 1 - unhealthy instances: 10.233.82.56:9095\"");
        ROUND.readsNot("dskit.ring-unhealthy", "level=info msg=\"instance ingester-2 is ACTIVE in the ring\"");
        ROUND.reads("dskit.ring-unhealthy", "level=error ts=2026-12-04T07:29:55.118Z caller=retry.go:73 org_id=fake msg=\"error processing request\" try=0 err=\"rpc error: code = Unknown desc = too many unhealthy instances in the ring\"");
        ROUND.reads("dskit.ring-unhealthy", "2026-12-04T07:30:02Z loki-write-0 level=warn msg=\"push failed\" err=\"at least 2 live replicas required could only find 1\"");
        ROUND.readsNot("dskit.ring-unhealthy", "level=warn ts=2026-12-04T07:29:50Z caller=lifecycler.go:291 msg=\"instance not found in ring, adding with no tokens\" ring=ingester");
        ROUND.readsNot("dskit.ring-unhealthy", "Error: 1 of 3 replicas are unhealthy: pod ingester-2 is in CrashLoopBackOff"); // the ingester's own crash (app.crash-on-boot's words), not a ring refusing
        // Fluent Bit's handler of a fatal signal, not of a requested stop
        ROUND.reads("fluent-bit.engine-fatal-signal", "Nov 03 02:26:00 gw-07 fluent-bit[28585]: [engine] caught signal (SIGSEGV)");
        ROUND.readsNot("fluent-bit.engine-fatal-signal", "[2023/07/21 16:27:05] [engine] caught signal (SIGINT)");
        ROUND.reads("fluent-bit.engine-fatal-signal", "[2022/12/30 11:19:00] [engine] caught signal (SIGSEGV)");
        ROUND.reads("fluent-bit.engine-fatal-signal", "fluent-bit-7xk2p fluent-bit [2026/11/01 05:26:45] [engine] caught signal (SIGABRT)");
        ROUND.readsNot("fluent-bit.engine-fatal-signal", "[engine] caught signal (SIGTERM)");
        ROUND.readsNot("fluent-bit.engine-fatal-signal", "Segmentation fault (core dumped)"); // crash.segfault (unknown): a segfault of any process, a test's too
        // Fluent Bit's resolver for an output's host
        ROUND.reads("fluent-bit.getaddrinfo-failed", "[ warn] [net] getaddrinfo(host='log-api.newrelic.com', err=12): Timeout while contacting DNS servers");
        ROUND.readsNot("fluent-bit.getaddrinfo-failed", "[ info] [output:nrlogs:nrlogs.1] worker #0 started");
        ROUND.reads("fluent-bit.getaddrinfo-failed", "[2026/11/28 06:31:12] [ warn] [net] getaddrinfo(host='splunk-hec.example.internal', err=4): Domain name not found");
        ROUND.readsNot("fluent-bit.getaddrinfo-failed", "[error] [output:nrlogs:nrlogs.1] no upstream connections available");
        ROUND.readsNot("fluent-bit.getaddrinfo-failed", "[2026/11/28 06:31:12] [error] [net] TCP connection failed: log-api.newrelic.com:443 (Connection refused)"); // the name resolved; the host refused
        // the go command's toolchain download
        ROUND.reads("go.toolchain-download-failed", "#9 2.907 go: download go1.22 for linux/amd64: toolchain not available");
        ROUND.readsNot("go.toolchain-download-failed", "#9 2.907 go: downloading go1.22 (linux/amd64)");
        ROUND.reads("go.toolchain-download-failed", "[2025-10-19T06:37:22.223Z] go: download go1.24 for linux/amd64: toolchain not available");
        ROUND.reads("go.toolchain-download-failed", "go: download go1.26: toolchain not available");
        ROUND.readsNot("go.toolchain-download-failed", "go: go.mod requires go >= 1.25.0 (running go 1.24.7; GOTOOLCHAIN=local)"); // the installed toolchain too old with downloads off: no download attempted
        ROUND.readsNot("go.toolchain-download-failed", "go: github.com/spf13/cobra@v1.8.0: Get \"https://proxy.golang.org/github.com/spf13/cobra/@v/v1.8.0.mod\": dial tcp: lookup proxy.golang.org: no such host"); // a module's download (the module proxy's own indications)
        // pilot-agent's readiness verdict: the control plane sent nothing
        ROUND.reads("mesh.xds-config-not-received", "Envoy proxy is NOT ready: config not received from XDS server (is Istiod running?): cds updates: 0 successful, 0 rejected; lds updates: 0 successful, 0 rejected");
        ROUND.readsNot("mesh.xds-config-not-received", "Envoy proxy is NOT ready: config received from XDS server, but was rejected: cds updates: 0 successful, 1 rejected; lds updates: 1 successful, 0 rejected");
        ROUND.reads("mesh.xds-config-not-received", "2026-12-02T16:31:28.765214Z\tinfo\tEnvoy proxy is NOT ready: config not received from Pilot (is Pilot running?): cds updates: 0 successful, 0 rejected; lds updates: 0 successful, 0 rejected");
        ROUND.reads("mesh.xds-config-not-received", "Envoy proxy is NOT ready: config not received from XDS server (is Kuma control plane running?): cds updates: 0 successful, 0 rejected; lds updates: 0 successful, 0 rejected");
        ROUND.readsNot("mesh.xds-config-not-received", "Envoy proxy is NOT ready: server is not live, current state is: PRE_INITIALIZING");
        ROUND.readsNot("mesh.xds-config-not-received", "Error: timeout waiting for Envoy proxy to become ready. Last error: Get \"http://localhost:15021/healthz/ready\": dial tcp 127.0.0.1:15021: connect: connection refused"); // istio.proxy-never-ready (unknown): the proxy not ready, without why
        // Envoy's xDS stream: unavailable, not a routine reconnect or a certificate refused
        ROUND.reads("mesh.xds-stream-unavailable", "[2026-11-28 23:03:37.170][16][warning][upstream] external/envoy/source/common/config/grpc_mux_impl.cc:235] gRPC config stream closed: 14, no healthy upstream");
        ROUND.readsNot("mesh.xds-stream-unavailable", "2021-11-05T10:52:35.856445Z  warning  envoy config  StreamAggregatedResources gRPC config stream closed: 14, transport is closing");
        ROUND.reads("mesh.xds-stream-unavailable", "2026-11-28T23:03:38.104Z\twarning\tenvoy config\tStreamAggregatedResources gRPC config stream closed: 14, connection error: desc = \"transport: Error while dialing dial tcp [::1]:15012: connect: connection refused\"");
        ROUND.reads("mesh.xds-stream-unavailable", "[warning][config] [bazel-out/k8-opt/bin/external/envoy/source/common/config/_virtual_includes/grpc_stream_lib/common/config/grpc_stream.h:86] gRPC config stream closed: 14, upstream connect error or disconnect/reset before headers. reset reason: connection failure");
        ROUND.readsNot("mesh.xds-stream-unavailable", "2026-11-28T23:33:37.170Z\twarning\tenvoy config\tStreamAggregatedResources gRPC config stream closed: 13,");
        ROUND.readsNot("mesh.xds-stream-unavailable", "[2024-07-26 16:32:01.575][1][warning][config] [bazel-out/k8-opt/bin/source/common/config/_virtual_includes/grpc_stream_lib/common/config/grpc_stream.h:101] StreamListeners gRPC config stream closed: 14, upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED"); // the mesh's certificates refused (tls.certificate's words)
        // the New Relic agent without its key
        ROUND.reads("newrelic.license-key-missing", "Error: Not starting without license key!");
        ROUND.readsNot("newrelic.license-key-missing", "New Relic for Node.js is starting with license key set from NEW_RELIC_LICENSE_KEY");
        ROUND.reads("newrelic.license-key-missing", "2026-11-12 10:07:05.133486005 +0100 CET [web-1] ! NEW_RELIC_LICENSE_KEY should be define in the application environment");
        ROUND.reads("newrelic.license-key-missing", "2026-11-20T09:12:44.118Z app[web.1]: Error: Not starting without license key!");
        ROUND.readsNot("newrelic.license-key-missing", "New Relic for Node.js halted startup due to an error:");
        ROUND.readsNot("newrelic.license-key-missing", "Error: getaddrinfo ENOTFOUND collector.newrelic.com"); // dns.getaddrinfo (network.dns): the key is there, the collector's name does not resolve
        // the OpenTelemetry collector's refusals of its configuration (widened)
        ROUND.reads("otelcol.config-unmarshal-failed", "2026-11-22T14:58:56 Error: failed to get config: cannot resolve the configuration: retrieved value (type=string) cannot be used as a Conf");
        ROUND.reads("otelcol.config-unmarshal-failed", "Error: cannot load configuration: unknown processors type \"k8s_tagger\" for k8s_tagger");
        ROUND.reads("otelcol.config-unmarshal-failed", "'processors' unknown type: \"k8s_tagger\" for id: \"k8s_tagger\" (valid values: [batch memory_limiter])");
        ROUND.readsNot("otelcol.config-unmarshal-failed", "2026/11/25 09:10:41 Everything is ready. Begin running and processing data.");
        ROUND.readsNot("otelcol.config-unmarshal-failed", "Error: failed to get config: cannot retrieve the configuration: unable to read the file file:/conf/otel.yaml: open /conf/otel.yaml: no such file or directory"); // the file is not mounted: no configuration refused
        // Prometheus refusing its rule files
        ROUND.reads("prometheus.rule-files-refused", "Nov 23 09:38:03 prom01 prometheus: level=error ts=2026-11-23T09:38:03.571Z caller=main.go:995 msg=\"Failed to apply configuration\" err=\"error loading rules, previous rule set restored\"");
        ROUND.readsNot("prometheus.rule-files-refused", "Nov 23 09:38:03 prom01 prometheus: level=info ts=2026-11-23T09:38:03.590Z caller=main.go:1012 msg=\"Completed loading of configuration file\" filename=/etc/prometheus/prometheus.yml");
        ROUND.reads("prometheus.rule-files-refused", "Nov 23 09:38:03 prom01 prometheus: level=error ts=2026-11-23T09:38:03.571Z caller=manager.go:956 component=\"rule manager\" msg=\"loading groups failed\" err=\"/etc/prometheus/prometheus_rules.yml: group \\\"instance_down_alert_rule\\\", rule 1, \\\"InstanceDown\\\": invalid annotation name: d:wqescr\"");
        ROUND.reads("prometheus.rule-files-refused", "level=ERROR source=main.go:1538 msg=\"Failed to apply configuration\" err=\"error loading rules, previous rule set restored\"");
        ROUND.readsNot("prometheus.rule-files-refused", "level=warn ts=2026-11-23T09:40:03.571Z caller=manager.go:610 component=\"rule manager\" group=node msg=\"Evaluating rule failed\" err=\"query timed out in expression evaluation\"");
        ROUND.readsNot("prometheus.rule-files-refused", "Unit Testing:  tests/test-rules.yml\n  FAILED:"); // promtool.rules-unit-test-failed (ci.test-failure): a rule's test, not its load
        // promtool's check verdict on a checked file
        ROUND.reads("promtool.check-failed", "Checking rules/db.memcached.yaml\n  FAILED:");
        ROUND.readsNot("promtool.check-failed", "Checking rules/db.mysql.yaml\n  SUCCESS: 4 rules found");
        ROUND.reads("promtool.check-failed", "Checking prometheus.yml\n  FAILED: parsing YAML file prometheus.yml: yaml: unmarshal errors:");
        ROUND.reads("promtool.check-failed", "Checking rules/alerts.yml\n  FAILED:\nrules/alerts.yml: 12:11: group \"node\", rule 2, \"HostDown\": could not parse expression: 1:12: parse error: unexpected \"}\"");
        ROUND.readsNot("promtool.check-failed", "Checking rules/alerts.yml\n  SUCCESS: 12 rules found\n\nChecking rules/node.yml\n  SUCCESS: 3 rules found");
        ROUND.readsNot("promtool.check-failed", "Checking connectivity to registry.npmjs.org\n  FAILED: getaddrinfo EAI_AGAIN registry.npmjs.org"); // a network check (network.dns's words), no checked file
    }

    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // p157-21 (tuning, session 34): the sidecar's "config not received from Pilot" in its first second, "Envoy proxy
        // is ready" two seconds later: the app that dialled before it crashed on boot (app.crash-on-boot)
        ROUND.staysInItsCauses("p157-21 mesh.xds-config-not-received");
    }
}
