package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-eighth session's rule writers, each in its tool's own words. rules28b, on h97- misses
 * with the CI as the failing layer: the Buildkite agent stopping under a running job ("Forcefully stopping agent. The
 * current job will be canceled ...", "Canceling job ... (agent is stopping)"); a registry's token endpoint that could
 * not be reached (a token GET with "scope=repository:" or to auth.docker.io / ghcr.io, answered by a reset, refusal or
 * timeout, not by a status); GitHub refusing a job that uses an action version it retired; the Buildkite agent unable
 * to parse the pipeline it uploads; and actions.oidc-token-request-url-missing widened to the actions that check the
 * OIDC variables themselves ("did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN or ..."). rules28p, on the observability
 * stacks of p133-: Grafana's provisioning errors; a telemetry exporter refused by its collector (the Collector's
 * exporterhelper, opentelemetry-cpp's OTLP exporter, the Java SDK); librdkafka refused at a broker; promtool's rule
 * unit tests failing ("Unit Testing:" then "FAILED:"); docker inspect's {{.State.OOMKilled}} answered true; and
 * elasticsearch.bootstrap-checks-failed widened to 5.x's count-less "ERROR: bootstrap checks failed". Each is tested on
 * its source's words and a near miss (the first pair of each is indication-cases.tsv's row where it has one, then a
 * line its comment quotes or its scenario shows and a line of another cause that shares its words); the round's
 * indications read no line of the shared corpus and, on the labelled scenarios, only lines of their own cause (or a
 * consequence of that scenario's cause, named with its reason).
 */
class SixtySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules28b (h97-: the CI as the failing layer)
            Map.entry("actions.deprecated-action-version-refused", "config.invalid"),
            Map.entry("actions.oidc-token-request-url-missing", "auth.deploy-token"),
            Map.entry("buildkite.agent-stopping-cancels-job", "ci.runner"),
            Map.entry("buildkite.pipeline-parsing-failed", "config.invalid"),
            Map.entry("registry.token-endpoint-unreachable", "registry.unavailable"),
            // rules28p (p133-: observability stacks)
            Map.entry("docker.inspect-oomkilled-true", "app.oom"),
            Map.entry("elasticsearch.bootstrap-checks-failed", "app.crash-on-boot"),
            Map.entry("grafana.provisioning-error", "config.invalid"),
            Map.entry("librdkafka.connect-refused", "dependency.down"),
            Map.entry("otel.exporter-connection-refused", "dependency.down"),
            Map.entry("promtool.rules-unit-test-failed", "ci.test-failure"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules28b (h97-)
        ROUND.reads("actions.deprecated-action-version-refused", "##[error]This request has been automatically failed because it uses a deprecated version of `actions/cache: v2`. Please update your workflow to use v3/v4 of actions/cache to avoid interruptions.");
        ROUND.readsNot("actions.deprecated-action-version-refused", "##[warning]The following actions uses node12 which is deprecated and will be forced to run on node16: actions/upload-artifact@v3. For more info: https://github.blog/changelog/2023-06-13-github-actions-all-actions-will-run-on-node16-instead-of-node12-by-default/");
        // the retired version pinned inside a composite action (actions/cache#1572, h97-34)
        ROUND.reads("actions.deprecated-action-version-refused", "2026-11-21T09:14:02.5518233Z ##[error]This request has been automatically failed because it uses a deprecated version of `actions/cache: 6849a6489940f00c2f30c0fb92c6274307ccb58a. Please update your workflow to use v3/v4 of actions/cache to avoid interruptions. Learn more: https://github.blog/changelog/2024-12-05-notice-of-upcoming-releases-and-breaking-changes-for-github-actions/#actions-cache-v1-v2-and-actions-toolkit-cache-package-closing-down");
        ROUND.readsNot("actions.deprecated-action-version-refused", "##[error]The `set-output` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the `ACTIONS_ALLOW_UNSECURE_COMMANDS` environment variable to `true`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/"); // github.error-annotation
        ROUND.reads("actions.oidc-token-request-url-missing", "##[error]Action failed with error: Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable");
        ROUND.readsNot("actions.oidc-token-request-url-missing", "ACTIONS_ID_TOKEN_REQUEST_URL is set");
        // the new wording: google-github-actions/auth's oidcWarning (h97-28, a fork's pull request)
        ROUND.reads("actions.oidc-token-request-url-missing", "##[error]google-github-actions/auth failed with: GitHub Actions did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN or $ACTIONS_ID_TOKEN_REQUEST_URL into this job. This most likely means the GitHub Actions workflow permissions are incorrect, or this job is being run from a fork. For more information, please see https://docs.github.com/en/actions/security-guides/automatic-token-authentication#permissions-for-the-github_token");
        ROUND.reads("actions.oidc-token-request-url-missing", "2026-11-28T16:02:11.0437512Z GitHub Actions did not inject ACTIONS_ID_TOKEN_REQUEST_URL into this job.");
        // the token was given, the cloud's role refused it
        ROUND.readsNot("actions.oidc-token-request-url-missing", "Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity"); // cloud.federated-identity-refused
        ROUND.reads("buildkite.agent-stopping-cancels-job", "2026-11-29 21:11:53 INFO   Forcefully stopping agent. The current job will be canceled before disconnecting...");
        ROUND.readsNot("buildkite.agent-stopping-cancels-job", "2026-11-29 21:11:53 INFO   Forcefully stopping agent. Since there is no job running, the agent will disconnect immediately");
        ROUND.reads("buildkite.agent-stopping-cancels-job", "2026-11-29 21:11:53 INFO   Canceling job 0193a8e1-7c22-4f1b-9a0d-5e6b2c8d4f17 with a signal grace period of 9s (agent is stopping)");
        ROUND.reads("buildkite.agent-stopping-cancels-job", "2026-11-29 21:11:43 INFO   Forcefully stopping running jobs and stopping the agent(s) in 10s");
        // the graceful stop lets the job finish; a cancel for another reason is not the agent going away
        ROUND.readsNot("buildkite.agent-stopping-cancels-job", "2026-11-29 21:11:53 INFO   Gracefully stopping agent. Waiting for current job to finish before disconnecting...");
        ROUND.readsNot("buildkite.agent-stopping-cancels-job", "2026-11-29 21:11:53 INFO   Canceling job 0193a8e1-7c22-4f1b-9a0d-5e6b2c8d4f17 with a signal grace period of 9s (job timed out on Buildkite)"); // timeout.generic
        ROUND.reads("buildkite.pipeline-parsing-failed", "2026-11-03 14:39:58 FATAL  pipeline parsing of \".buildkite/pipeline.yml\" failed: line 27: mapping values are not allowed in this context");
        ROUND.readsNot("buildkite.pipeline-parsing-failed", "2026-11-03 14:39:58 INFO   Reading pipeline config from \".buildkite/pipeline.yml\"");
        // the agent's wording before 2016 (commit c6be17f)
        ROUND.reads("buildkite.pipeline-parsing-failed", "2026-11-03 14:39:58 FATAL  Pipeline parsing of \"pipeline.yml\" failed (yaml: line 4: did not find expected key)");
        ROUND.readsNot("buildkite.pipeline-parsing-failed", "2026-11-03 14:39:58 FATAL  Failed to upload and process pipeline: Pipeline upload rejected: POST https://agent.buildkite.com/v3/jobs/0193a8e1-7c22-4f1b-9a0d-5e6b2c8d4f17/pipelines: 422 The key \"steps\" is required"); // buildkite.pipeline-upload-422
        ROUND.reads("registry.token-endpoint-unreachable", "failed to authorize: failed to fetch anonymous token: Get \"https://auth.docker.io/token?scope=repository%3Alibrary%2Falpine%3Apull&service=registry.docker.io\": read tcp 172.17.0.2:33222->172.64.144.78:443: read: connection reset by peer");
        ROUND.readsNot("registry.token-endpoint-unreachable", "#2 ERROR: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fnode%3Apull&service=registry.docker.io: 401 Unauthorized"); // registry.push-401
        // h97-19: GitLab's registry token endpoint timing out behind docker compose pull over SSH
        ROUND.reads("registry.token-endpoint-unreachable", "err: Error response from daemon: Get \"https://gitlab.com/jwt/auth?account=deploy-bot&scope=repository%3Alanternhall%2Fticketing%3Apull&service=container_registry\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        ROUND.reads("registry.token-endpoint-unreachable", "ERROR: Job failed: failed to pull image \"node:22-alpine\" with specified policies [always if-not-present]: failed to authorize: failed to fetch anonymous token: Get \"https://auth.docker.io/token?scope=repository%3Alibrary%2Fnode%3Apull&service=registry.docker.io\": read tcp 172.17.0.3:41902->172.64.144.78:443: read: connection reset by peer (manager.go:251:20s)");
        // an identity provider's token endpoint is not a registry's; a token request that got no error is not read
        ROUND.readsNot("registry.token-endpoint-unreachable", "Error: Post \"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/token\": dial tcp: lookup login.microsoftonline.com on 127.0.0.53:53: no such host"); // dns.no-such-host
        ROUND.readsNot("registry.token-endpoint-unreachable", "[DEBUG] GET https://auth.docker.io/token?service=registry.docker.io&scope=repository:orbithr/java-spring/signin/signin:pull,push&scope=repository:library/eclipse-temurin:pull");
        // rules28p (p133-)
        ROUND.reads("docker.inspect-oomkilled-true", "docker inspect -f \"{{.State.OOMKilled}} {{.State.ExitCode}}\" prometheus-server\ntrue 137");
        ROUND.readsNot("docker.inspect-oomkilled-true", "docker inspect --format='{{.State.OOMKilled}}' 4e1d9a7c2b30\nfalse");
        // p133-04: the template in the runner's echo of the step, the answer after the step's other output
        ROUND.reads("docker.inspect-oomkilled-true", "##[group]Run ssh mon-01 'docker logs --tail 4 prometheus-server; du -khs /data/prometheus/wal/; docker inspect -f \"{{.State.OOMKilled}} {{.State.ExitCode}}\" prometheus-server'\n##[endgroup]\nlevel=info ts=2026-11-23T03:21:07.953888964Z caller=repair.go:39 component=tsdb msg=\"found healthy block\" mint=1539388800000 maxt=1539410400000 ulid=01CSPAG4D1S2PP200F5S3GJ88A\n4.1G\t/data/prometheus/wal/\ntrue 137");
        // h90-18 (ci.runner: a WSL2 runner lost): the template begins with the exit code, answered "137 false"
        ROUND.readsNot("docker.inspect-oomkilled-true", "##[group]Run docker inspect 4b3e2f1a0c9d --format '{{.State.ExitCode}} {{.State.OOMKilled}}'\n137 false\n##[endgroup]");
        // the new wording: 5.x's count-less line (p133-29, elastic/elasticsearch-docker#92)
        ROUND.reads("elasticsearch.bootstrap-checks-failed", "elasticsearch_1  | ERROR: bootstrap checks failed");
        ROUND.readsNot("elasticsearch.bootstrap-checks-failed", "elasticsearch_1  | bootstrap checks passed");
        ROUND.reads("elasticsearch.bootstrap-checks-failed", "2026-11-24T07:40:12.3310000Z elasticsearch_1  | ERROR: bootstrap checks failed\n2026-11-24T07:40:12.3320000Z elasticsearch_1  | max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]");
        ROUND.readsNot("elasticsearch.bootstrap-checks-failed", "[2026-11-30T10:00:00,000][INFO ][o.e.b.BootstrapChecks    ] [es01] bound or publishing to a non-loopback address, enforcing bootstrap checks");
        ROUND.reads("grafana.provisioning-error", "t=2026-11-27T13:06:15+0000 lvl=eror msg=\"Server shutdown\" logger=server reason=\"Service init failed: Datasource provisioning error: read /etc/grafana/provisioning/datasources/datasources.yaml: is a directory\"");
        ROUND.readsNot("grafana.provisioning-error", "t=2026-11-27T13:06:15+0000 lvl=info msg=\"Initializing provisioningServiceImpl\" logger=server");
        ROUND.reads("grafana.provisioning-error", "logger=server t=2026-11-27T13:06:15.112Z level=error msg=\"Server shutdown\" error=\"*provisioning.ProvisioningServiceImpl run error: Datasource provisioning error: datasource.yaml config is invalid. Only one datasource per organization can be marked as default\"");
        ROUND.readsNot("grafana.provisioning-error", "  Warning  ProvisioningFailed  3m (x12 over 20m)  ebs.csi.aws.com_ebs-csi-controller-0  failed to provision volume with StorageClass \"gp3\": rpc error: code = Internal desc = Could not create volume \"pvc-1\": UnauthorizedOperation: You are not authorized to perform this operation."); // cloud-api.permission-refused
        ROUND.reads("librdkafka.connect-refused", "%3|1764499430.999|FAIL|rdkafka#consumer-1| [thrd:GroupCoordinator]: GroupCoordinator: 127.0.0.1:9092: Connect to ipv4#127.0.0.1:9092 failed: Connection refused (after 0ms in state CONNECT)");
        ROUND.readsNot("librdkafka.connect-refused", "%3|1764499430.999|FAIL|rdkafka#consumer-1| [thrd:kafka:9092/bootstrap]: kafka:9092/bootstrap: Failed to resolve 'kafka:9092': Name or service not known"); // dns.no-such-host
        // Snuba's error callback with the same words (getsentry/snuba#4282, p133-19)
        ROUND.reads("librdkafka.connect-refused", "2026-11-30 10:43:50,999 Error callback from librdKafka -195, _TRANSPORT, GroupCoordinator: 127.0.0.1:9092: Connect to ipv4#127.0.0.1:9092 failed: Connection refused (after 0ms in state CONNECT)");
        ROUND.readsNot("librdkafka.connect-refused", "%3|1764499430.999|FAIL|rdkafka#producer-1| [thrd:ssl://kafka:9093/bootstrap]: ssl://kafka:9093/bootstrap: SSL handshake failed: error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed: broker certificate could not be verified, verify that ssl.ca.location is correctly configured or root CA certificates are installed (install ca-certificates package) (after 5ms in state SSL_HANDSHAKE)"); // tls.verify-failed
        ROUND.reads("otel.exporter-connection-refused", "exporterhelper/queued_retry.go:325 Exporting failed. Will retry the request after interval. {\"kind\": \"exporter\", \"name\": \"zipkin\", \"error\": \"failed to push trace data via Zipkin exporter: Post \\\"http://localhost:9411/api/v2/spans\\\": dial tcp 127.0.0.1:9411: connect: connection refused\", \"interval\": \"5.52330144s\"}");
        ROUND.readsNot("otel.exporter-connection-refused", "2026-12-01T09:17:56.002Z info exporterhelper/retry_sender.go:154 Exporting failed. Will retry the request after interval. {\"kind\": \"exporter\", \"data_type\": \"logs\", \"name\": \"otlp/local\", \"error\": \"rpc error: code = Unavailable desc = connection error: desc = \\\"transport: Error while dialing: dial tcp: lookup my-uptrace on 10.28.0.10:53: no such host\\\"\"}"); // dns.no-such-host
        // opentelemetry-cpp in ingress-nginx (kubernetes/ingress-nginx#9800, p133-20) and the Java SDK (citrineos/citrineos#133)
        ROUND.reads("otel.exporter-connection-refused", "[Error] File: /tmp/build/opentelemetry-cpp-v1.8.1/exporters/otlp/src/otlp_grpc_exporter.cc:67[OTLP TRACE GRPC Exporter] Export() failed with status_code: \"UNAVAILABLE\" error_message: \"failed to connect to all addresses; last error: UNKNOWN: Failed to connect to remote host: Connection refused\"");
        ROUND.reads("otel.exporter-connection-refused", "[OkHttp http://localhost:4317/...] ERROR io.opentelemetry.exporter.internal.grpc.GrpcExporter - Failed to export spans. The request could not be executed. Full error message: Connection refused: localhost/127.0.0.1:4317");
        // h25-25 (tls.certificate): the same exporterhelper line, the HEC endpoint's certificate expired
        ROUND.readsNot("otel.exporter-connection-refused", "2026-12-02T08:58:41.102Z\tinfo\texporterhelper/queued_retry.go:423\tExporting failed. Will retry the request after interval.\t{\"kind\": \"exporter\", \"data_type\": \"logs\", \"name\": \"splunk_hec/platform_logs\", \"error\": \"Post \\\"https://hec.logs.example.com:443/services/collector/event\\\": x509: certificate has expired or is not yet valid: current time 2026-12-02T08:58:41Z is after 2026-11-30T07:12:09Z\", \"interval\": \"5.781187321s\"}"); // tls.x509
        ROUND.reads("promtool.rules-unit-test-failed", "Unit Testing:  tests/test-rules.yml\n  FAILED:");
        ROUND.readsNot("promtool.rules-unit-test-failed", "Unit Testing:  tests/test-rules.yml\n  SUCCESS");
        // p133-38 (prometheus/prometheus#4944) with the runner's timestamps
        ROUND.reads("promtool.rules-unit-test-failed", "2026-11-30T08:11:02.1000000Z Unit Testing:  test.yaml\n2026-11-30T08:11:02.1010000Z   FAILED:\n2026-11-30T08:11:02.1020000Z     alertname:AnotherAlert, time:1m0s, ");
        // promtool check rules (not its unit tests) failing on a rule that does not parse: the rules are invalid
        ROUND.readsNot("promtool.rules-unit-test-failed", "Checking rules/alerts.yml\n  FAILED:\nrules/alerts.yml: 12:5: group \"api\", rule 1, \"HighErrorRate\": could not parse expression: 1:14: parse error: unexpected right parenthesis ')'"); // syntax.error
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // p202-11 (app.crash-on-boot): Grafana's "Datasource provisioning error: database is locked" is the new release's
        // own start failing on its SQLite file, not its provisioning files (config.invalid's provisioning-on-a-locked-database)
        ROUND.staysInItsCauses("p202-11 grafana.provisioning-error");
    }
}
