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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A review of the fortieth session's merged rules (review 40, /work/brief/review40.md): each finding's near miss, read
 * wrongly before the fix, and the source's words the indication was written for, still read. Most lines are the
 * reviewer's real or realistic ones, named where they come from.
 */
class HundredThirtyEighthRoundReviewTest {

    private static final ShapeRound ROUND = new ShapeRound(Map.ofEntries(
            Map.entry("config.go-decode-type-generic", "config.invalid"),
            Map.entry("aws.limit-exceeded", "platform.quota"),
            Map.entry("ansible.become-password-missing", "config.missing-secret"),
            Map.entry("actions-runner.too-old-for-action", "ci.runner"),
            Map.entry("python.requests-gateway-error-for-url", "dependency.down"),
            Map.entry("slurm.sinfo-nodes-down", "platform.outage"),
            Map.entry("platform.status-incident", "platform.outage"),
            Map.entry("nginx.config-invalid-argument", "config.invalid"),
            Map.entry("nginx.config-refused", "config.invalid"),
            Map.entry("platform.health-check-never-passed-generic", "app.healthcheck-failing"),
            Map.entry("timeout.generic", "ci.timeout")));

    /** Finding 1: a type name with an "e" before "Error" (an API's error body) is no configuration's field. */
    @Test
    void aGoClientDecodingAnApisErrorTypeIsNoConfiguration() throws IOException {
        String id = "config.go-decode-type-generic";
        ROUND.readsNot(id, "failed to decode error response: json: cannot unmarshal number into Go struct field "
                + "ResponseError.error.code of type string");
        ROUND.readsNot(id, "json: cannot unmarshal string into Go struct field ServiceError.status of type int");
        ROUND.readsNot(id, "json: cannot unmarshal object into Go struct field APIErrorBody.message of type string");
        ROUND.reads(id, "Error: json: cannot unmarshal string into Go struct field HTTPService.http_service.checks of type "
                + "[]appconfig.ServiceHTTPCheck");
        ROUND.reads(id, "json: cannot unmarshal string into Go struct field Config.port of type int");
        ROUND.reads(id, "json: cannot unmarshal number into Go struct field Referrer.url of type string");
    }

    /** Finding 2: "The maximum number of ... has been reached" is EC2's only with the service's suffix. */
    @Test
    void aRetryLoopGivingUpIsNoAccountLimit() throws IOException {
        String id = "aws.limit-exceeded";
        ROUND.readsNot(id, "Error: LuisApiClient: The maximum number of retries has been reached");
        ROUND.readsNot(id, "EventSourceException: The maximum number of retries has been reached.");
        ROUND.reads(id, "Resource handler returned message: \"The maximum number of VPCs has been reached. (Service: Ec2, "
                + "Status Code: 400, Request ID: 1f2e3d4c)\"");
        ROUND.reads(id, "The maximum number of internet gateways has been reached. (Service: AmazonEC2; Status Code: 400)");
    }

    /** Finding 3: sudo's bare line on a self-hosted runner is the runner's, Ansible's module result the run's. */
    @Test
    void aRunnersSudoIsNoMissingBecomePassword() throws IOException {
        String id = "ansible.become-password-missing";
        ROUND.readsNot(id, "sudo: a password is required");
        ROUND.readsNot(id, "##[error]sudo: a password is required");
        ROUND.reads(id, "fatal: [web1]: FAILED! => {\"changed\": false, \"module_stderr\": \"sudo: a password is required\\n\", "
                + "\"msg\": \"MODULE FAILURE\", \"rc\": 1}");
        ROUND.reads(id, "fatal: [apim_1]: FAILED! => {\"msg\": \"Missing sudo password\"}");
    }

    /** Finding 4: a runtime no runner ever had is the action's mistake, not an old runner. */
    @Test
    void anActionDeclaringAnUnknownRuntimeIsNoOldRunner() throws IOException {
        String id = "actions-runner.too-old-for-action";
        ROUND.readsNot(id, "(Parameter ''using: node18' is not supported, use 'docker', 'node12' or 'node16' instead.')");
        ROUND.readsNot(id, "'using: node22' is not supported, use 'docker', 'node12', 'node16', 'node20', 'node24' or "
                + "'bun' instead.");
        ROUND.reads(id, "System.ArgumentOutOfRangeException: 'using: node20' is not supported, use 'docker', 'node12' or "
                + "'node16' instead.");
        ROUND.reads(id, "'using: node24' is not supported, use 'docker', 'node12', 'node16' or 'node20' instead.");
    }

    /** Finding 5: ENOENT's neighbour ENOMEM is moderate, as memory.cannot-allocate; a dead alternative is gone. */
    @Test
    void pythonsEnomemIsAModerateReading() throws IOException {
        String id = "python.errno-12-enomem";
        Indication enomem = IndicationSet.builtIn().indications().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow();
        assertTrue(enomem.weight() < 0.8, "app.oom's log-indication rule reads 0.8 and above strongly: " + enomem.weight());
        Fleet.assertReads(id, "app.oom", "OSError: [Errno 12] Cannot allocate memory");
    }

    /** Finding 6: a package index answering 503 to a build is the download's trouble, not a dependency of the app. */
    @Test
    void aPackageIndexsGatewayErrorIsNoDependencyDown() throws IOException {
        String id = "python.requests-gateway-error-for-url";
        ROUND.readsNot(id, "  503 Server Error: Service Unavailable for url: https://pypi.org/simple/requests/");
        ROUND.readsNot(id, "ERROR: Could not install packages due to an OSError: 503 Server Error: Service Unavailable for "
                + "url: https://files.pythonhosted.org/packages/ab/cd/requests-2.32.3-py3-none-any.whl");
        ROUND.readsNot(id, "HTTPError: 502 Server Error: Bad Gateway for url: https://devpi.corp.example/simple/flask/");
        ROUND.reads(id, "huggingface_hub.utils._errors.HfHubHTTPError: 504 Server Error: Gateway Time-out for url: "
                + "https://huggingface.co/api/models/guillaumekln/faster-whisper-large-v2/revision/main");
        ROUND.reads(id, "requests.exceptions.HTTPError: 503 Server Error: Service Unavailable for url: "
                + "http://inference:8080/v1/completions");
        ROUND.reads(id, "raise HTTPError(\"502 Server Error: Bad Gateway for url: https://api.payments.example.com\")");
    }

    /** Finding 7: one node not responding beside its idle rows is routine; a plain "down" is an operator's. */
    @Test
    void oneDeadNodeIsNoOutage() throws IOException {
        String id = "slurm.sinfo-nodes-down";
        ROUND.readsNot(id, "debug*       up   infinite      1  down* node03");
        ROUND.readsNot(id, "gpu up 2-00:00:00 23 down c[002-024]");
        ROUND.reads(id, "gpu up 2-00:00:00 23 down* c[002-024]");
        ROUND.reads(id, "debug*       up   infinite      2  down* node[01-02]");
    }

    /** Finding 8: a denial of an outage is none. */
    @Test
    void aDeniedOutageIsNoIncident() throws IOException {
        String id = "platform.status-incident";
        ROUND.readsNot(id, "There is no confirmed outage at this time; we are monitoring.");
        ROUND.readsNot(id, "We have not confirmed an outage yet.");
        ROUND.reads(id, "Confirmed outage. Investigating root cause and initiating recovery process.");
        ROUND.reads(id, "We have confirmed an outage affecting deployments in fra.");
    }

    /** Finding 9: nginx's refusal as Ansible's module result prints it, quotes escaped. */
    @Test
    void nginxsRefusalIsReadWithItsQuotesEscaped() throws IOException {
        ROUND.reads("nginx.config-invalid-argument", "fatal: [web1]: FAILED! => {\"changed\": false, \"msg\": \"nginx: "
                + "[emerg] invalid parameter \\\"/32\\\" in /etc/nginx/conf_m1/phpmyadmin.conf:6\"}");
        ROUND.reads("nginx.config-invalid-argument", "nginx: [emerg] invalid parameter \"/32\" in /etc/nginx/conf.d/a.conf:6");
        ROUND.readsNot("nginx.config-invalid-argument", "nginx: [warn] invalid parameter \"/32\" ignored");
        ROUND.reads("nginx.config-refused", "\"stderr\": \"nginx: [emerg] unknown directive \\\"?.=x)@+!\\\" in "
                + "/etc/nginx/nginx.conf:1\"");
        ROUND.readsNot("nginx.config-refused", "nginx: [warn] the \"ssl\" directive is deprecated");
    }

    /** Finding 11: a script waiting on its database's health is not the app's start-up check. */
    @Test
    void aDependencysHealthWaitIsNotTheAppsCheck() throws IOException {
        String id = "platform.health-check-never-passed-generic";
        ROUND.readsNot(id, "Waiting for the db healthcheck... db did not become healthy within 60s");
        ROUND.readsNot(id, "healthcheck of redis: waiting; broker did not become healthy within 30s");
        ROUND.reads(id, "health check http://search-proxy:8080/healthz did not pass within healthCheckTimeout (30s); "
                + "deployment marked failed");
        ROUND.reads(id, "Health check did not succeed within 120s");
    }

    /** Finding 12: a socket's read, write or handshake timing out is no job's limit, capitalised or not. */
    @Test
    void aSocketsTimeoutIsNoTimeLimitCapitalisedEither() throws IOException {
        String id = "timeout.generic";
        ROUND.readsNot(id, "Read operation timed out");
        ROUND.readsNot(id, "Write operation timed out");
        ROUND.readsNot(id, "Handshake operation timed out");
        ROUND.reads(id, "ci.timeout", "Error: The operation timed out");
        ROUND.reads(id, "ci.timeout", "##[error]Step timed out after 10 minutes");
    }

    /**
     * Finding 10: a host's look of a record kind that opens with the cluster CLI's own refusal of it is the caller's
     * trouble, as the same look filed by any other source is: kubectl that cannot resolve its own API server says
     * nothing of the service's names (before, a look of kind DNS_FAILURE went to every indication and weighed
     * network.dns for the service).
     */
    @Test
    void aHostsLookRefusedByTheClusterCliIsNotRead() throws IOException {
        Deployment d = new Deployment("shop", List.of(Fleet.service("api", "API", "Orders", ServiceKind.HTTP)));
        String refused = "Unable to connect to the server: dial tcp: lookup api.k8s.example.com on 10.0.0.2:53: no such host";
        // a line the scanner does read (so the look would count if it were read)
        assertTrue(Fleet.causesOf(refused).contains("network.dns"), Fleet.indicationsOf(refused).toString());
        Assessment a = Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.up("api"),
                new Observation.ProbeFailure("api", Source.HOST, "kubectl -n shop describe pod web-1", FailureKind.DNS_FAILURE,
                        refused, null, Duration.ofMillis(300), 1)), Fleet.NOW);
        assertFalse(a.causes().stream().flatMap(c -> c.evidence().stream())
                .anyMatch(e -> e.ruleId().endsWith("/probe-detail-indication")), a.causes().toString());
        // the same kind of look with the objects' words is read, as before
        Assessment pull = Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.up("api"),
                new Observation.ProbeFailure("api", Source.HOST, "kubectl -n shop describe pod web-1", FailureKind.NOT_FOUND,
                        "Warning  Failed  kubelet  Failed to pull image \"ghcr.io/acme/web:1.4.2\": rpc error: code = "
                                + "NotFound desc = failed to pull and unpack image \"ghcr.io/acme/web:1.4.2\": failed to "
                                + "resolve reference \"ghcr.io/acme/web:1.4.2\": ghcr.io/acme/web:1.4.2: not found",
                        null, Duration.ofMillis(300), 1)), Fleet.NOW);
        assertTrue(Fleet.weighs(pull, "image.not-found/probe-detail-indication"), pull.causes().toString());
    }

    /**
     * Finding 10, second half: kubectl prints klog's own error lines before its refusal (kubernetes/website#45748,
     * kubectl 1.2x: "E0401 16:47:34.292876   22219 memcache.go:265] couldn't get current server API group list: ..."
     * five times, then "The connection to the server localhost:8080 was refused - did you specify the right host or
     * port?"), so a look's detail that does not open with the refusal is still the caller's trouble when every other
     * line is the CLI's notice about itself; joined with " | " the same. A refusal beside the objects' own words is no
     * refusal of the whole look.
     */
    @Test
    void aLookRefusedAfterTheClisOwnNoticesIsNotRead() throws IOException {
        Deployment d = new Deployment("shop", List.of(Fleet.service("api", "API", "Orders", ServiceKind.HTTP)));
        String klog = "E1203 10:14:02.123456   22219 memcache.go:265] couldn't get current server API group list: Get "
                + "\"https://api.k8s.example.com:6443/api?timeout=32s\": dial tcp: lookup api.k8s.example.com on "
                + "10.0.0.2:53: no such host";
        String refusal = "Unable to connect to the server: dial tcp: lookup api.k8s.example.com on 10.0.0.2:53: no such host";
        assertTrue(Fleet.causesOf(klog).contains("network.dns"), Fleet.indicationsOf(klog).toString());
        for (String detail : List.of(klog + "\n" + klog + "\n" + refusal, klog + " | " + refusal)) {
            Assessment a = Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.up("api"),
                    new Observation.ProbeFailure("api", Source.HOST, "kubectl -n shop describe pod web-1",
                            FailureKind.DNS_FAILURE, detail, null, Duration.ofMillis(300), 1)), Fleet.NOW);
            assertFalse(a.causes().stream().flatMap(c -> c.evidence().stream())
                    .anyMatch(e -> e.ruleId().endsWith("/probe-detail-indication")), detail + ": " + a.causes());
        }
        // a refusal of one kind of object beside the other's events: the events are read
        String events = "Warning  Failed  kubelet  Failed to pull image \"ghcr.io/acme/web:1.4.2\": rpc error: code = "
                + "NotFound desc = failed to pull and unpack image \"ghcr.io/acme/web:1.4.2\": failed to resolve reference "
                + "\"ghcr.io/acme/web:1.4.2\": ghcr.io/acme/web:1.4.2: not found";
        Assessment both = Diagnosis.ofDefaults().diagnose(d, List.of(Fleet.up("api"),
                new Observation.ProbeFailure("api", Source.HOST, "kubectl -n shop describe pod,secret web-1",
                        FailureKind.NOT_FOUND, "Error from server (Forbidden): secrets \"web-1\" is forbidden: User "
                        + "\"ci\" cannot get resource \"secrets\" in API group \"\" in the namespace \"shop\"\n" + events,
                        null, Duration.ofMillis(300), 1)), Fleet.NOW);
        assertTrue(Fleet.weighs(both, "image.not-found/probe-detail-indication"), both.causes().toString());
    }
}
