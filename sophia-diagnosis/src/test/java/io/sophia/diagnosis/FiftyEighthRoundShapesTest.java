package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-seventh session's rule writer rules27a, each in its tool's own words: its round on the
 * consumed h89-, h90-, h91- and h94- (issue 9 of the session). New: the daemon's "error pulling image configuration"
 * as a chain head of its own (registry.unavailable unless the reason after it says otherwise), flyctl's refused
 * duration flag and its machine with a volume that fly.toml no longer mounts, kaniko's RUN args followed by its
 * "exit status N", a registry's storage answering 403 with S3's AccessDenied, Flux's object without a namespace, helm
 * test --logs finding no test pod, SQLAlchemy given an empty URL, HAProxy's required backend missing, and the GitHub
 * runner's worker finding no job at the service. Changed: "no such manifest: &lt;image ref&gt;" as image.could-not-find,
 * the scheduler's "Insufficient pods" / "Too many pods" as cloud.insufficient-capacity, yc's "operation (id=...)
 * failed: Not enough resources", wrangler's lone "Internal Server Error [code: N]", "No DATABASE_URL set for ...",
 * helm 2's capitalised "Can't get a valid version", helm's one-error "Error: pod &lt;x&gt;-test-... failed", Fly's app
 * prefix before a CRLF start script, and a fallback notice ("X is not set. Using ...") no longer read as a missing
 * setting by env.variable-missing, config.setting-missing-generic and env.variable-empty-generic. Each is tested on its
 * source's words and a near miss (the first pair of each new one is indication-cases.tsv's row, then a line its comment
 * quotes or its scenario shows and a line of another cause that shares its words); each new log indication reads no
 * line of the shared corpus and, on the labelled scenarios, only lines of its own cause (or a consequence of that
 * scenario's cause, named with its reason).
 */
class FiftyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules27a (h89-, h90-, h91-, h94-: Fly, registries, kaniko, Flux, Helm, SQLAlchemy, HAProxy, the runner)
            Map.entry("flyctl.invalid-duration-flag", "config.invalid"),
            Map.entry("flyctl.volume-mounted-config-without-mounts", "config.invalid"),
            Map.entry("kaniko.run-exit-status", "build.dockerfile"),
            Map.entry("registry.storage-access-denied", "registry.auth"),
            Map.entry("flux.object-namespace-not-specified", "config.invalid"),
            Map.entry("helm.test-pod-logs-unavailable", "ci.test-failure"),
            Map.entry("sqlalchemy.url-empty", "config.missing-secret"),
            Map.entry("haproxy.required-backend-missing", "config.invalid"),
            Map.entry("runner.job-not-found", "ci.runner"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * The chain head no labelled scenario's log leaves to it: in h91-07 and p52-08 the reason after "error pulling image
     * configuration:" is read instead (registry.storage-access-denied, registry.unauthorized), as in the 5xx of its
     * indication-cases.tsv row (registry.server-error).
     */
    private static final ShapeRound NO_SCENARIO_ROUND = new ShapeRound(Map.of("registry.image-config-pull-failed",
            "registry.unavailable"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules27a, new (h89-, h90-, h91-, h94-)
        // the row's line alone; in the whole scanner the 5xx after the head is read instead, for the same cause
        assertEquals(List.of("registry.image-config-pull-failed"), Fleet.readAlone("registry.image-config-pull-failed", "error pulling image configuration: received unexpected HTTP status: 502 Bad Gateway"));
        ROUND.reads("registry.server-error", "registry.unavailable", "error pulling image configuration: received unexpected HTTP status: 502 Bad Gateway");
        NO_SCENARIO_ROUND.readsNot("registry.image-config-pull-failed", "Pulling image configuration");
        NO_SCENARIO_ROUND.reads("registry.image-config-pull-failed", "2026-11-30T17:54:54.0636231Z error pulling image configuration: unknown blob");
        // a chain head: GitHub Packages' refusal after it is read instead (p52-08, registry.unauthorized)
        NO_SCENARIO_ROUND.readsNot("registry.image-config-pull-failed", "2026-11-30T17:54:54.0636231Z error pulling image configuration: denied: unauthenticated: User cannot be authenticated with the token provided.");
        ROUND.reads("flyctl.invalid-duration-flag", "Error: invalid duration value 10 minutes used for --wait-timeout flag: valid options are a number of seconds, number with time unit (i.e.: 5m, 180s) or 'none'");
        ROUND.readsNot("flyctl.invalid-duration-flag", "Error: timeout reached waiting for health checks to pass for machine 18592e1c6d4708: context deadline exceeded"); // fly.health-check-timeout
        ROUND.reads("flyctl.invalid-duration-flag", "2026-11-21T08:14:03.1000000Z Error: invalid duration value 2 mins used for --wait-timeout flag: valid options are a number of seconds, number with time unit (i.e.: 5m, 180s) or 'none'");
        // cobra's own refusal of a flag's value, not flyctl's duration check (read by no indication: exception.line)
        ROUND.readsNot("flyctl.invalid-duration-flag", "Error: invalid argument \"10 minutes\" for \"--wait-timeout\" flag: time: unknown unit \" minutes\" in duration \"10 minutes\"");
        ROUND.reads("flyctl.volume-mounted-config-without-mounts", "Warning! machine 0e286039f42de8 [app] has a volume mounted but app config does not specify a volume.");
        ROUND.readsNot("flyctl.volume-mounted-config-without-mounts", "Process group 'app' needs volumes with name 'data' to fulfill mounts defined in fly.toml"); // fly.mounts-without-volumes
        // older flyctl returned it as the deploy's error (internal/command/deploy/machines.go)
        ROUND.reads("flyctl.volume-mounted-config-without-mounts", "Error: machine 0e286039f42de8 [app] has a volume mounted but app config does not specify a volume; remove the volume from the machine or add a [mounts] section to fly.toml");
        // the host's capacity for a machine tied to its volume (platform.capacity's words; read by no indication)
        ROUND.readsNot("flyctl.volume-mounted-config-without-mounts", "Error: failed to update machine 0e286039f42de8: insufficient resources to create new machine with existing volume 'vol_4ydmq0gn8n0rjxzv'");
        ROUND.reads("kaniko.run-exit-status", "[kaniko-q7r2x kaniko] time=\"2026-12-05T10:42:44Z\" level=info msg=\"args: [-c mix local.hex --force]\"\n[kaniko-q7r2x kaniko] time=\"2026-12-05T10:42:46Z\" level=error msg=\"exit status 1\"");
        ROUND.readsNot("kaniko.run-exit-status", "[kaniko-q7r2x kaniko] time=\"2026-12-05T10:42:38Z\" level=info msg=\"args: [-c whoami]\"\n[kaniko-q7r2x kaniko] root\n[kaniko-q7r2x kaniko] time=\"2026-12-05T10:42:38Z\" level=info msg=\"Taking snapshot of full filesystem...\"");
        ROUND.reads("kaniko.run-exit-status", "time=\"2018-07-03T17:41:19Z\" level=info msg=\"cmd: /bin/sh\"\ntime=\"2018-07-03T17:41:19Z\" level=info msg=\"args: [-c npm install --production]\"\nnpm ERR! code ELIFECYCLE\ntime=\"2018-07-03T17:41:27Z\" level=error msg=\"exit status 1\"");
        // the RUN finished; kaniko's push is refused after it (registry.gcr-needed-permissions)
        ROUND.readsNot("kaniko.run-exit-status", "time=\"2018-07-03T17:41:19Z\" level=info msg=\"args: [-c npm ci]\"\ntime=\"2018-07-03T17:41:40Z\" level=info msg=\"Taking snapshot of full filesystem...\"\ntime=\"2018-07-03T17:41:52Z\" level=error msg=\"error pushing image: failed to push to destination gcr.io/acme/web:1.4.2: UNAUTHORIZED: You don't have the needed permissions to perform this operation, and you may have invalid credentials.\"");
        ROUND.reads("registry.storage-access-denied", "Warning  FailedCreatePodSandBox  12m  kubelet, ip-10-0-11-197.eu-central-1.compute.internal  Failed create pod sandbox: rpc error: code = Unknown desc = error pulling image configuration: error parsing HTTP 403 response body: invalid character '<' looking for beginning of value: \"<?xml version=\\\"1.0\\\" encoding=\\\"UTF-8\\\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><");
        ROUND.readsNot("registry.storage-access-denied", "error pulling image configuration: received unexpected HTTP status: 503 Service Unavailable"); // registry.server-error
        ROUND.reads("registry.storage-access-denied", "Failed to pull image \"602401143452.dkr.ecr.eu-central-1.amazonaws.com/amazon-k8s-cni:v1.5.7\": rpc error: code = Unknown desc = error pulling image configuration: error parsing HTTP 403 response body: invalid character '<' looking for beginning of value: \"<?xml version=\\\"1.0\\\" encoding=\\\"UTF-8\\\"?>\\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>737684B48CCF79B7</RequestId></Error>\"");
        // a CloudFront 403 page that blocks the client's country, no storage refusal (curiefense/curiefense#824):
        // registry.image-config-pull-failed reads the head
        ROUND.readsNot("registry.storage-access-denied", "ERROR: error pulling image configuration: error parsing HTTP 403 response body: invalid character '<' looking for beginning of value: \"<!DOCTYPE HTML PUBLIC \\\"-//W3C//DTD HTML 4.01 Transitional//EN\\\" \\\"http://www.w3.org/TR/html4/loose.dtd\\\">\\n<HTML><HEAD><META HTTP-EQUIV=\\\"Content-Type\\\" CONTENT=\\\"text/html; charset=iso-8859-1\\\">\\n<TITLE>ERROR: The request could not be satisfied</TITLE>");
        ROUND.reads("flux.object-namespace-not-specified", "✗ Kustomization reconciliation failed: Deployment/podinfo namespace not specified, error: the server could not find the requested resource");
        ROUND.readsNot("flux.object-namespace-not-specified", "Namespace not specified. Specify a namespace in the module's build file.");
        // fluxcd/flux2#4301 (a generated ConfigMap) and fluxcd/kustomize-controller#473 (a HelmRelease)
        ROUND.reads("flux.object-namespace-not-specified", "✗ Kustomization reconciliation failed: ConfigMap/my-configmap-8db58hd92d namespace not specified: the server could not find the requested resource");
        ROUND.reads("flux.object-namespace-not-specified", "✗ Kustomization reconciliation failed: HelmRelease/ambassador namespace not specified, error: the server could not find the requested resource (patch helmreleases.helm.toolkit.fluxcd.io ambassador)");
        ROUND.readsNot("flux.object-namespace-not-specified", "Error from server (Forbidden): deployments.apps \"podinfo\" is forbidden: User \"system:serviceaccount:flux-system:kustomize-controller\" cannot patch resource \"deployments\" in API group \"apps\" in the namespace \"podinfo\""); // k8s.rbac-forbidden
        ROUND.reads("helm.test-pod-logs-unavailable", "Error: unable to get pod logs for ml-ml-ttk-test-cleanup: pods \"ml-ml-ttk-test-cleanup\" not found");
        ROUND.readsNot("helm.test-pod-logs-unavailable", "Error: unable to get pod logs for ml-ml-ttk-test-cleanup: context deadline exceeded");
        ROUND.reads("helm.test-pod-logs-unavailable", "2026-12-05T11:02:33.4000000Z Error: unable to get pod logs for ml-ml-ttk-test-cleanup: pods \"ml-ml-ttk-test-cleanup\" not found");
        // helm's identity refused the pod's logs: the deploy's credentials (k8s.rbac-forbidden), not the test suite
        ROUND.readsNot("helm.test-pod-logs-unavailable", "Error: unable to get pod logs for ml-ml-ttk-test-cleanup: pods \"ml-ml-ttk-test-cleanup\" is forbidden: User \"system:serviceaccount:ci:deployer\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"ml\"");
        ROUND.reads("sqlalchemy.url-empty", "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string ''");
        ROUND.readsNot("sqlalchemy.url-empty", "sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string 'psql'postgresql://app@db/app'");
        ROUND.reads("sqlalchemy.url-empty", "2026-12-01T20:10:07.0000000Z sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string ''");
        ROUND.readsNot("sqlalchemy.url-empty", "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not translate host name \"db\" to address: Name or service not known"); // dns.no-such-host
        ROUND.reads("haproxy.required-backend-missing", "Jan 23 16:14:42 lb01 haproxy-systemd-wrapper[165]: [ALERT] 022/161442 (166) : Proxy 'main': unable to find required default_backend: 'app'.");
        ROUND.readsNot("haproxy.required-backend-missing", "[WARNING] 022/161442 (166) : Proxy 'main': in multi-process mode, stats will be limited to process assigned to the current request.");
        // an OpenShift router whose custom use_backend names a route's backend that was deleted
        ROUND.reads("haproxy.required-backend-missing", "[ALERT] 129/082514 (47) : Proxy 'public': unable to find required use_backend: 'be_edge_http:security-txt:txt-webserver'.");
        ROUND.readsNot("haproxy.required-backend-missing", "[WARNING] 022/161449 (166) : Server app/app1 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."); // haproxy.server-down-check
        ROUND.reads("runner.job-not-found", "[2026-05-13 19:50:39Z ERR  JobRunner] GitHub.DistributedTask.WebApi.TaskOrchestrationJobNotFoundException: Job not found: 5c1d8e0a-7b2f-5e4d-9a61-0f3c2b7d8e95. workflow instance not found");
        ROUND.readsNot("runner.job-not-found", "[2026-05-13 19:50:39Z INFO JobRunner] Job not found in the local cache, fetching it");
        ROUND.reads("runner.job-not-found", "2026-05-13T23:04:44.2000000Z [2026-05-13 19:50:39Z ERR  JobRunner] GitHub.DistributedTask.WebApi.TaskOrchestrationJobNotFoundException: Job not found: 5c1d8e0a-7b2f-5e4d-9a61-0f3c2b7d8e95. workflow instance not found");
        // the runner's other failure, in GitHub's words (actions.lost-communication)
        ROUND.readsNot("runner.job-not-found", "The self-hosted runner: ac-pro-01 lost communication with the server. Verify the machine is running and has a healthy network connection. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.");
    }

    @Test
    void theChangedPatternsReadTheirNewShapes() throws IOException {
        // registry.server-error no longer reads the bare chain head (registry.image-config-pull-failed does)
        ROUND.readsNot("registry.server-error", "error pulling image configuration: unknown blob");
        ROUND.reads("registry.server-error", "registry.unavailable", "error pulling image configuration: received unexpected HTTP status: 503 Service Unavailable");
        // docker manifest inspect on a tag the registry does not have (h89-10), not a script's file
        ROUND.reads("image.could-not-find", "image.not-found", "no such manifest: registry.fly.io/tenant-base:v2026.11.18");
        ROUND.reads("image.could-not-find", "image.not-found", "2026-12-05T09:10:11.0000000Z no such manifest: docker.io/library/node:18-alpine3.21");
        ROUND.readsNot("image.could-not-find", "no such manifest: build/manifest.json");
        // nodes at their pod limit (h91-14)
        ROUND.reads("cloud.insufficient-capacity", "platform.capacity", "0/3 nodes are available: 3 Insufficient pods.");
        ROUND.reads("cloud.insufficient-capacity", "platform.capacity", "38s         Warning   FailedScheduling   pod/order-worker-5b7d8c9f6-h2kqp    0/5 nodes are available: 2 node(s) were unschedulable, 3 Insufficient pods.");
        ROUND.reads("cloud.insufficient-capacity", "platform.capacity", "0/2 nodes are available: 2 Too many pods.");
        ROUND.readsNot("cloud.insufficient-capacity", "0/3 nodes are available: 3 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }."); // platform.no-room-generic
        // yc's words for a failed operation (h94-13)
        ROUND.reads("cloud.grpc-not-enough-resources", "platform.capacity", "2026-01-16T06:54:19.6000000Z ERROR: operation (id=fhm5q1c8v2b7n4m0k9j3) failed: Not enough resources");
        ROUND.readsNot("cloud.grpc-not-enough-resources", "ERROR: operation (id=fhm5q1c8v2b7n4m0k9j3) failed: Quota limit compute.instances.count exceeded");
        // wrangler's line alone (h94-16), not an app's access log
        ROUND.reads("platform.api-server-error-generic", "platform.outage", "2026-08-19T12:11:47.6000000Z   Internal Server Error [code: 10013]");
        ROUND.readsNot("platform.api-server-error-generic", "2026-08-19 12:11:47 ERROR Internal Server Error [code: 500] GET /api/orders");
        // the app's own check without the word variable (h94-21)
        ROUND.reads("config.value-unset-generic", "config.missing-secret", "2026-07-23T09:13:04Z app[e2865013a3d218] fra [info]ValueError: No DATABASE_URL set for Flask application");
        ROUND.readsNot("config.value-unset-generic", "No DATABASE_URL set, using sqlite:///app.db");
        // helm 2's capitalised words, as Argo CD's repo-server quotes them (h91-04)
        ROUND.reads("helm.dependency-unresolved", "build.dependency-fetch", "ComparisonError  rpc error: code = Unknown desc = `helm dependency build` failed exit status 1: Error: Can't get a valid version for repositories orchard-charts. Try changing the version constraint in requirements.yaml");
        // helm's one-error form for a test pod (h91-42), not another hook's pod
        ROUND.reads("helm.test-pod-failed", "ci.test-failure", "Error: pod erp-pr-412-erpnext-test-connection failed");
        ROUND.readsNot("helm.test-pod-failed", "Error: pod erp-pr-412-erpnext-migrate-db failed");
        // a CRLF start script under Fly's app prefix (h94-24); in the whole scanner app.start-command-not-found reads the
        // same line for the same cause, so the pattern is pinned alone
        assertEquals(List.of("container.script-crlf"), Fleet.readAlone("container.script-crlf", "2026-02-27T13:50:36.0000000Z 2026-02-27T13:50:35Z app[48ed6e4f2d9587] ams [info]docker-start.sh: line 7: $'\\r': command not found"));
        assertEquals(List.of(), Fleet.readAlone("container.script-crlf", "2026-02-27T13:50:35Z app[48ed6e4f2d9587] ams [info]docker-start.sh: line 7: gunicorn: command not found"));
        // a fallback notice is no missing setting (h94-24's "... is not set. Using values from /etc/resolv.conf ...")
        for (String id : List.of("env.variable-missing", "config.setting-missing-generic", "env.variable-empty-generic")) {
            ROUND.readsNot(id, "2026-02-27T13:50:35Z app[48ed6e4f2d9587] ams [info]PROJECTSMO_DNS_RESOLVER_ADDRESS is not set. Using values from /etc/resolv.conf ...");
            assertEquals(List.of(), Fleet.readAlone(id, "PROJECTSMO_DNS_RESOLVER_ADDRESS is not set. Using values from /etc/resolv.conf ..."));
            assertEquals(List.of(), Fleet.readAlone(id, "REDIS_URL is not set, defaulting to redis://localhost:6379"));
            assertEquals(List.of(), Fleet.readAlone(id, "SENTRY_DSN is not set; falling back to console logging"));
        }
        ROUND.reads("env.variable-missing", "config.missing-secret", "Error: STRIPE_SECRET_KEY is not set. Exiting.");
        ROUND.reads("env.variable-missing", "config.missing-secret", "STRIPE_SECRET_KEY is not set");
        assertEquals(List.of("config.setting-missing-generic"), Fleet.readAlone("config.setting-missing-generic", "STRIPE_SECRET_KEY is not set. Exiting."));
        assertEquals(List.of("env.variable-empty-generic"), Fleet.readAlone("env.variable-empty-generic", "STRIPE_SECRET_KEY is not set. Exiting."));
    }

    /**
     * No corpus line is read by the round's new indications. On the labelled scenarios, the lines of another cause read
     * are named below with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
        // the chain head no scenario leaves to it: the shared corpus only
        assertEquals(List.of(), Fleet.corpusLinesReadBy(NO_SCENARIO_ROUND.causeOf().keySet()));
    }
}
