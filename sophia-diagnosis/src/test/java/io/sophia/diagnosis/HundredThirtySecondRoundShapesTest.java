package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * General shapes for the observability agents, sidecars and service meshes the consumed holdout set h135- was missed on
 * (session 40, r40-h135): a look with the cluster's own CLI that was filed with the kind of the failure its objects show
 * ("kubectl describe pod x" of kind FORBIDDEN for a kubelet's "Failed to pull image ...: 403 Forbidden", "kubectl get
 * deploy x" of kind FORBIDDEN for a quota's "is forbidden: exceeded quota") is read as a look of kind OTHER is, by the
 * specific indications, unless it shows only the CLI's own refusal; and the words of agents and tools that stop without
 * their secret or configuration (the Datadog Agent container, sentry-cli, New Relic's agents, Fluent Bit) and of an npm
 * install script that cannot download its binary. Each is tested on public wording (the source next to each string),
 * with near misses of another cause; each new log indication reads no line of the shared corpus and, on the labelled
 * scenarios, only lines of its own cause.
 */
class HundredThirtySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("entrypoint.must-set-variable-to-run", "config.missing-secret"),
            Map.entry("sentry-cli.auth-token-required", "config.missing-secret"),
            Map.entry("fluentbit.config-plugin-unknown", "config.invalid"),
            Map.entry("npm.install-script-binary-download-failed", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * The Datadog Agent container's entrypoint check (DataDog/datadog-agent#4497, DataDog/docker-compose-example#8 and
     * #17); a variable named without the article is a flag to turn on, and an image that says which variable it took
     * the key from is running.
     */
    @Test
    void anAgentContainerWithoutTheVariableItNamesIsAMissingSecret() throws IOException {
        String id = "entrypoint.must-set-variable-to-run";
        ROUND.reads(id, "datadog_1        | You must set an DD_API_KEY environment variable to run the Datadog Agent container");
        ROUND.reads(id, "app-engine-datadog-1  | You must set an DD_API_KEY environment variable to run the Datadog Agent container");
        ROUND.reads(id, "You must set the DD_API_KEY environment variable to run the Datadog Agent container");
        ROUND.readsNot(id, "You must set DEBUG environment variable to true to see the full output");
        ROUND.readsNot(id, "2025-02-11 10:00:01 UTC | CORE | INFO | Using DD_API_KEY environment variable set in the container");
    }

    /**
     * sentry-cli checking for its auth token before any request (getsentry/sentry-cli#2105, the check of
     * getsentry/sentry-cli#1951); a token that is present and refused (getsentry/sentry-cli#1939's 401) and a field the
     * API requires (getsentry/sentry-cli#304) are not read.
     */
    @Test
    void sentryCliWithoutAnAuthTokenIsAMissingSecret() throws IOException {
        String id = "sentry-cli.auth-token-required";
        ROUND.reads(id, "error: Auth token is required for this request. Please run `sentry-cli login` and try again!");
        ROUND.reads(id, "CI fails with error: Auth token is required for this request. Please run `sentry-cli login` and try again!");
        ROUND.readsNot(id, "error: API request failed caused by: sentry reported an error: Invalid token (http status: 401)");
        ROUND.readsNot(id, "[INFO] sentry_cli::api body: {\"version\": [\"This field is required.\"]}");
    }

    /**
     * Fluent Bit refusing its configuration (fluent/fluent-bit#10052 and #8818, the older wording of
     * fluent/fluent-bit#334 and thakkaryash94/docker-grafana-loki-fluent-bit-sample#1); a tail input's missing file
     * (fluent/fluent-bit#10284) and fluentd's plugin list are not read.
     */
    @Test
    void fluentBitAbortingOnItsConfigurationIsAnInvalidConfig() throws IOException {
        String id = "fluentbit.config-plugin-unknown";
        ROUND.reads(id, "Mar 06 11:00:07 drf-xx fluent-bit[3817438]: [2025/03/06 11:00:07] [error] [config] section "
                + "'logger-icl-output-plugin' tried to instance a plugin name that doesn't exist");
        ROUND.reads(id, "[2024/05/11 11:29:33] [error] configuration file contains errors, aborting.");
        ROUND.reads(id, "Error: Configuration file contain errors. Aborting");
        ROUND.reads(id, "fluent-bit    | Output plugin 'loki' cannot be loaded");
        ROUND.readsNot(id, "2024-03-19T11:32:49.911154349Z stderr F [2024/03/19 11:32:49] [error] "
                + "[plugins/in_tail/tail_file.c:1432 errno=2] No such file or directory");
        ROUND.readsNot(id, "2023-12-13 10:07:47 +0000 [info]: fluent/log.rb:360:info: gem 'fluent-plugin-loki' version '0.3.0'");
    }

    /**
     * @sentry/cli's install script that cannot download its binary (getsentry/sentry-cli#1451's EHOSTUNREACH,
     * appsmithorg/appsmith#14434's ECONNRESET, getsentry/sentry-cli#1095's ENOTFOUND); a cached binary that runs and a
     * version check of it (getsentry/sentry-cli#1758) are not read.
     */
    @Test
    void anInstallScriptThatCannotDownloadItsBinaryIsADependencyFetch() throws IOException {
        String id = "npm.install-script-binary-download-failed";
        ROUND.reads(id, "npm ERR! Error: Unable to download sentry-cli binary from "
                + "https://downloads.sentry-cdn.com/sentry-cli/2.12.0/sentry-cli-Linux-x86_64.");
        ROUND.reads(id, "Error: Unable to download sentry-cli binary from "
                + "https://downloads.sentry-cdn.com/sentry-cli/1.71.0/sentry-cli-Darwin-universal.");
        ROUND.readsNot(id, "15:57:55  [sentry-cli] Using cached binary: /home/jenkins/.npm/sentry-cli/65305f-sentry-cli-Linux-x86-64");
        ROUND.readsNot(id, "15:57:55  Error: Unexpected sentry-cli version \"\", expected \"1.75.2\"");
    }

    /** New Relic's agents' own line for a key never set (node-newrelic lib/agent.js, fecgov/openFEC-web-app#1701). */
    @Test
    void newRelicsAgentsWithoutALicenseKeyAreAMissingSecret() throws IOException {
        String id = "newrelic.license-key-missing";
        ROUND.reads(id, "config.missing-secret", "ERROR - A valid account license key cannot be found. Has a license key "
                + "been specified in the agent configuration file or via the NEW_RELIC_LICENSE_KEY environment variable?");
        ROUND.reads(id, "config.missing-secret", "ERROR - Data collector is indicating that an incorrect license key has been "
                + "supplied by the agent. The value which was used by the agent is 'NO LICENSE KEY WAS SET IN AGENT CONFIGURATION'.");
        ROUND.readsNot(id, "ERROR - Data collector is indicating that an incorrect license key has been supplied by the agent. "
                + "The value which was used by the agent is 'eu01xx0000000000000000000000000000000000'.");
    }

    private static Assessment lookedAt(String target, FailureKind kind, String detail) throws IOException {
        Deployment d = new Deployment("shop", List.of(Fleet.service("api", "API", "Orders", ServiceKind.HTTP)));
        return Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.up("api"),
                new Observation.ProbeFailure("api", Source.HOST, target, kind, detail, null, Duration.ofMillis(300), 1)),
                Fleet.NOW);
    }

    /**
     * A look with the cluster's CLI filed with the kind of what its objects show (a kubelet's pull refused with 403, a
     * quota's admission) is read by the specific indications, as a look of kind OTHER is; the CLI's own refusal of the
     * look ("Error from server (Forbidden): ... cannot get resource") is the caller's and is not read.
     */
    @Test
    void aClusterLookFiledWithTheFailuresKindIsReadForItsObjectsWords() throws IOException {
        Assessment pull = lookedAt("kubectl -n agents describe pod node-agent-4kq9z", FailureKind.FORBIDDEN,
                "Warning  Failed  kubelet  Failed to pull image \"europe-docker.pkg.dev/acme-mirror/agents/agent:7.66.1\": "
                        + "rpc error: code = Unknown desc = failed to pull and unpack image: failed to resolve reference: "
                        + "unexpected status from HEAD request to https://europe-docker.pkg.dev/v2/acme-mirror/agents/agent/"
                        + "manifests/7.66.1: 403 Forbidden");
        assertEquals("registry.auth", Fleet.top(pull), pull.causes().toString());
        Assessment quota = lookedAt("kubectl -n shop get deploy api -o yaml", FailureKind.FORBIDDEN,
                "message: 'pods \"api-f757c8f9d-jdfqj\" is forbidden: exceeded quota: shop-quota, requested: "
                        + "limits.cpu=3, used: limits.cpu=3, limited: limits.cpu=4'  reason: FailedCreate");
        assertEquals("platform.quota", Fleet.top(quota), quota.causes().toString());
        Assessment refused = lookedAt("kubectl -n shop describe pod api-f757c8f9d-jdfqj", FailureKind.FORBIDDEN,
                "Error from server (Forbidden): pods \"api-f757c8f9d-jdfqj\" is forbidden: User \"system:serviceaccount:ci:deployer\" "
                        + "cannot get resource \"pods\" in API group \"\" in the namespace \"shop\"");
        assertFalse(refused.causes().stream().flatMap(c -> c.evidence().stream())
                .anyMatch(e -> e.ruleId().endsWith("/probe-detail-indication")), refused.causes().toString());
    }

    /** The round's scenarios that a look filed with the failure's kind explains now lead with their cause. */
    @Test
    void theRoundsScenariosLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h135-05-registry-auth-datadog-agent-pull-403-missing-pull-secret-gcp", "registry.auth",
                "h135-09-image-not-found-datadog-cluster-agent-tag-defaults-to-agent-repo-manifest-unknown", "image.not-found",
                "h135-17-config-invalid-otelcol-core-distro-unknown-elasticsearch-exporter", "config.invalid",
                "h135-20-platform-quota-istio-proxy-cpu-limit-exceeds-namespace-quota", "platform.quota"));
    }

    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // Fluent Bit's words reach the labelled scenarios only in a look at the platform (h135-16), not in a job's log
        ROUND.without(java.util.Set.of("fluentbit.config-plugin-unknown")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
