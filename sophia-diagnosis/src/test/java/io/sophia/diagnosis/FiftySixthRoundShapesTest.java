package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-sixth session's rule writer rules26b, each in its tool's own words: its round on the
 * consumed h85- and h86- sets (issue 9 of the session: self-hosted PaaS tools and clouds). New: the Erlang VM's
 * allocator that cannot allocate; Yandex's gRPC "ResourceExhausted desc = Not enough resources" in a zone; Swarm's "no
 * suitable node" for unavailable or full nodes; Dokku's "container has restarted N times"; Coolify's "You are not allowed
 * to access the API."; a LimitRange's minimum, maximum or ratio refusal; herokuish's buildpack download followed at once
 * by "Build failed"; gzip's unexpected end of file under tar (a truncated download); docker ps "(health: starting)" or
 * "(unhealthy)" followed by the check's own probe refused; Calamari's 401/403 with its frames; Azure Container Apps'
 * "terminated ... reason 'ProcessExited'"; argocd app wait's --timeout ending in "context canceled"; flyctl's release
 * command not in the image. Widened: the kernel's older "Out of memory: Kill process" and "Killed process ... total-vm";
 * kubectl's "Unable to connect to the server: EOF"; Coolify's "cancelled-by-user"; a feature "not supported for free tier
 * services"; the daemon's answer to a start whose absolute entrypoint is not in the image; a status page's "We are aware
 * of an internal API issue that is causing"; and runner.disk-or-lost-generic narrowed to the word agent or runner itself
 * (not the end of a hyphenated container name). Each is tested on its source's words and a near miss (the first pair of
 * each new one is indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another
 * cause that shares its words); each new log indication reads no line of the shared corpus and, on the labelled
 * scenarios, only lines of its own cause (or a consequence of that scenario's cause, named with its reason).
 */
class FiftySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules26b (h85- and h86-: self-hosted PaaS tools and clouds)
            Map.entry("archive.truncated-download", "build.dependency-fetch"),
            Map.entry("argocd.app-wait-timeout-context-canceled", "ci.timeout"),
            Map.entry("beam.allocator-cannot-allocate", "app.oom"),
            Map.entry("calamari.deploy-unauthorized", "auth.deploy-token"),
            Map.entry("cloud.grpc-not-enough-resources", "platform.capacity"),
            Map.entry("containerapps.container-process-exited", "app.crash-on-boot"),
            Map.entry("coolify.api-not-allowed", "auth.deploy-token"),
            Map.entry("docker.health-starting-then-probe-refused", "app.healthcheck-failing"),
            Map.entry("dokku.container-restarted", "app.crash-on-boot"),
            Map.entry("fly.release-command-not-found", "config.invalid"),
            Map.entry("herokuish.buildpack-download-then-build-failed", "build.dependency-fetch"),
            Map.entry("k8s.limitrange-forbidden", "config.invalid"),
            Map.entry("swarm.no-suitable-node-capacity", "platform.capacity"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules26b (h85- and h86-)
        ROUND.reads("archive.truncated-download", "remote: gzip: stdin: unexpected end of file\nremote: tar: Child returned status 1");
        ROUND.readsNot("archive.truncated-download", "remote: gzip: stdin: unexpected end of file\nremote: -----> Retrying download");
        ROUND.reads("archive.truncated-download", "remote:  !     gzip: stdin: unexpected end of file\nremote:  !     tar: Child returned status 1\nremote:  !     tar: Error is not recoverable: exiting now");
        ROUND.readsNot("archive.truncated-download", "gzip: stdin: not in gzip format\ntar: Child returned status 1"); // an HTML page or a wrong file, not cut short
        ROUND.reads("argocd.app-wait-timeout-context-canceled", "+ argocd app wait reports --timeout 1800 --grpc-web\ntime=\"2026-11-20T06:57:44Z\" level=fatal msg=\"rpc error: code = Canceled desc = context canceled\"");
        ROUND.readsNot("argocd.app-wait-timeout-context-canceled", "+ argocd app wait reports --timeout 1800 --grpc-web\nTIMESTAMP                  GROUP        KIND        NAMESPACE   NAME      STATUS     HEALTH");
        ROUND.reads("argocd.app-wait-timeout-context-canceled", "##[group]Run argocd app wait reports --timeout 1800 --grpc-web\n+ argocd app wait reports --timeout 1800 --grpc-web\ntime=\"2026-11-20T06:57:44Z\" level=fatal msg=\"rpc error: code = Canceled desc = context canceled\"");
        ROUND.readsNot("argocd.app-wait-timeout-context-canceled", "+ argocd app wait checkout-prod --health --timeout 300\ntime=\"2026-11-20T06:57:44Z\" level=fatal msg=\"rpc error: code = Unauthenticated desc = invalid session: token has invalid claims: token is expired\""); // deploy-tool.unauthenticated
        // the fatal line alone says no more than a cancelled context (h22-31's hand-cancelled run prints it too)
        ROUND.readsNot("argocd.app-wait-timeout-context-canceled", "time=\"2026-11-20T06:57:44Z\" level=fatal msg=\"rpc error: code = Canceled desc = context canceled\"");
        ROUND.reads("beam.allocator-cannot-allocate", "Nov 28 22:08:41 reports-vm reports[30211]: eheap_alloc: Cannot allocate 367904368 bytes of memory (of type \"old_heap\").");
        ROUND.readsNot("beam.allocator-cannot-allocate", "Nov 28 22:08:41 reports-vm reports[30211]: Crash dump was written to: erl_crash.dump");
        ROUND.reads("beam.allocator-cannot-allocate", "eheap_alloc: Cannot allocate 1573204 bytes of memory (of type \"heap\").");
        ROUND.readsNot("beam.allocator-cannot-allocate", "FATAL:  could not map anonymous shared memory: Cannot allocate memory\nHINT:  This error usually means that PostgreSQL's request for a shared memory segment exceeded available memory, swap space, or huge pages. To reduce the request size (currently 4418813952 bytes), reduce PostgreSQL's shared memory usage, perhaps by reducing shared_buffers or max_connections."); // generic.fatal (a database setting)
        ROUND.reads("calamari.deploy-unauthorized", "  Response status code does not indicate success: 401 (Unauthorized).\n  System.Net.Http.HttpRequestException\n     at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n     at Calamari.AzureAppService.Behaviors.AzureAppServiceZipDeployBehaviour.<>c__DisplayClass9_0.<<UploadZipAsync>b__0>d.MoveNext()");
        ROUND.readsNot("calamari.deploy-unauthorized", "  error NU1301: Unable to load the service index for source https://pkgs.dev.azure.com/acme/_packaging/feed/nuget/v3/index.json.\n  Response status code does not indicate success: 401 (Unauthorized).");
        ROUND.reads("calamari.deploy-unauthorized", "Response status code does not indicate success: 403 (Forbidden).\nSystem.Net.Http.HttpRequestException\n   at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()\n   at Calamari.AzureAppService.Behaviors.AzureAppServiceZipDeployBehaviour.UploadZipAsync()");
        ROUND.readsNot("calamari.deploy-unauthorized", "/usr/share/dotnet/sdk/8.0.404/NuGet.targets(174,5): error : Response status code does not indicate success: 401 (Unauthorized). [/home/runner/work/orders/orders/tests/Core.ExceptionTranslationTests/Core.ExceptionTranslationTests.csproj]"); // p124-12's NuGet restore, build.dependency-fetch
        ROUND.reads("cloud.grpc-not-enough-resources", "ERROR: operation (id=fhm0c8q2r1k9example) failed: rpc error: code = ResourceExhausted desc = Not enough resources");
        ROUND.readsNot("cloud.grpc-not-enough-resources", "ERROR: rpc error: code = ResourceExhausted desc = Quota limit compute.instances.count exceeded");
        ROUND.reads("cloud.grpc-not-enough-resources", "2026-11-30T04:12:09Z ERROR: operation (id=fhm0c8q2r1k9example) failed: rpc error: code = ResourceExhausted desc = Not enough resources");
        ROUND.readsNot("cloud.grpc-not-enough-resources", "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (5242880 vs. 4194304)"); // a client's message size setting
        ROUND.reads("containerapps.container-process-exited", "Container 'support-agent' was terminated with exit code '134' and reason 'ProcessExited'");
        ROUND.readsNot("containerapps.container-process-exited", "Container 'support-agent' was terminated with exit code '0' and reason 'ManuallyStopped'");
        ROUND.reads("containerapps.container-process-exited", "system log: Container 'scheduler' was terminated with exit code '1' and reason 'ProcessExited'");
        ROUND.readsNot("containerapps.container-process-exited", "Container 'app' was terminated with exit code '137' and reason 'OOMKilled'"); // kernel.oom-killed
        ROUND.reads("coolify.api-not-allowed", "{\"success\":true,\"message\":\"You are not allowed to access the API.\"}");
        ROUND.readsNot("coolify.api-not-allowed", "{\"message\":\"Unauthenticated.\"}");
        ROUND.reads("coolify.api-not-allowed", "Error: deploy API answered: You are not allowed to access the API.");
        ROUND.readsNot("coolify.api-not-allowed", "{\"success\":false,\"message\":\"You are not allowed to access this resource.\"}"); // an app's own authorisation
        ROUND.reads("docker.health-starting-then-probe-refused", "dd6ccfa31d43   registry.devicefleet.example/gui:3.6.0-build9   \"/usr/src/entrypoint…\"   4 minutes ago   Up 4 minutes (health: starting)   80/tcp, 8080/tcp\n$ docker exec dd6ccfa31d43 wget --quiet --tries=1 --spider --output-document=/dev/null 127.0.0.1\nwget: can't connect to remote host (127.0.0.1): Connection refused");
        ROUND.readsNot("docker.health-starting-then-probe-refused", "dd6ccfa31d43   registry.devicefleet.example/gui:3.6.0-build9   \"/usr/src/entrypoint…\"   4 minutes ago   Up 4 minutes (healthy)   80/tcp, 8080/tcp\nwget: can't connect to remote host (127.0.0.1): Connection refused");
        ROUND.reads("docker.health-starting-then-probe-refused", "web-1   registry.example/shop:2.1   \"docker-entrypoint.s…\"   2 minutes ago   Up About a minute (unhealthy)   3000/tcp\ncurl: (7) Failed to connect to localhost port 3000 after 0 ms: Connection refused");
        ROUND.readsNot("docker.health-starting-then-probe-refused", "elastic-stack-kibana-1\tUp 3 minutes (health: starting)"); // p55-14 (app.oom): Kibana waiting on an Elasticsearch that exited 137
        ROUND.reads("dokku.container-restarted", "remote:  !     Failure in name='default': container has restarted 7 times");
        ROUND.readsNot("dokku.container-restarted", "remote:        Running healthcheck name='default' type='uptime' uptime=10");
        ROUND.reads("dokku.container-restarted", " !     Failure in name='default': container has restarted 1 time");
        ROUND.readsNot("dokku.container-restarted", "The dev box's Keycloak 26 container has restarted 263 times"); // p126-24's words (app.oom: OOMKilled, 137)
        ROUND.reads("fly.release-command-not-found", "==> Release command detected: /app/bin/migrate\n--> This release will not be available until the release command succeeds.\n    Preparing to run: `/app/bin/migrate` as nobody\n    Error: UnknownError: No such file or directory (os error 2)");
        ROUND.readsNot("fly.release-command-not-found", "==> Release command detected: /app/bin/migrate\n--> This release will not be available until the release command succeeds.\n    Preparing to run: `/app/bin/migrate` as nobody\n    ** (Postgrex.Error) FATAL 3D000 (invalid_catalog_name) database \"app\" does not exist");
        ROUND.reads("fly.release-command-not-found", "2026-11-12T10:00:01Z ==> Release command detected: /app/bin/migrate\n2026-11-12T10:00:02Z     Preparing to run: `/app/bin/migrate` as nobody\n2026-11-12T10:00:02Z     Error: UnknownError: No such file or directory (os error 2)");
        ROUND.readsNot("fly.release-command-not-found", "==> Release command detected: /app/manage.py migrate --noinput\n  File \"/app/manage.py\", line 10, in <module>\n    from django.core.management import execute_from_command_line\nModuleNotFoundError: No module named 'django'"); // python.module-not-found (p3-54, app.crash-on-boot)
        ROUND.reads("herokuish.buildpack-download-then-build-failed", "remote: =====> Downloading Buildpack: https://github.com/heroku/heroku-buildpack-nodejs.git\nremote: \nremote: -----> Build failed");
        ROUND.readsNot("herokuish.buildpack-download-then-build-failed", "remote: =====> Downloading Buildpack: https://github.com/heroku/heroku-buildpack-nodejs.git\nremote: =====> Detected Framework: Node.js\nremote: -----> Creating runtime environment");
        ROUND.reads("herokuish.buildpack-download-then-build-failed", "=====> Downloading Buildpack: https://github.com/heroku/heroku-buildpack-nodejs.git\n-----> Build failed");
        ROUND.readsNot("herokuish.buildpack-download-then-build-failed", "remote: =====> Downloading Buildpack: https://github.com/mafintosh/npm-buildpack.git\nremote: /tmp/buildpack_ba320ee98e6ffd5e4b45b6e5c1adb035/bin/compile: line 48: /tmp/buildpackriK6r/bin/detect: No such file or directory\nremote: \nremote:  !     Push rejected, failed to compile Multipack app"); // heroku.buildpack-detect-missing (p107-23, config.invalid)
        ROUND.reads("k8s.limitrange-forbidden", "14s         Warning   FailedCreate   replicaset/billing-worker-7c9d5b8f44 Error creating: pods \"billing-worker-7c9d5b8f44-q7n2s\" is forbidden: minimum memory usage per Container is 256Mi, but request is 64Mi");
        ROUND.readsNot("k8s.limitrange-forbidden", "Error creating: pods \"web-1\" is forbidden: exceeded quota: compute-resources, requested: limits.memory=2Gi, used: limits.memory=7Gi, limited: limits.memory=8Gi");
        ROUND.reads("k8s.limitrange-forbidden", "Error from server (Forbidden): error when creating \"pod.yaml\": pods \"constraints-cpu-demo-2\" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m");
        ROUND.reads("k8s.limitrange-forbidden", "Error from server (Forbidden): error when creating \"pod.yaml\": pods \"x\" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 4.000000");
        ROUND.readsNot("k8s.limitrange-forbidden", "Error creating: pods \"web-7d9-x2k\" is forbidden: exceeded quota: compute-resources, requested: requests.memory=512Mi, used: requests.memory=3584Mi, limited: requests.memory=4Gi"); // k8s.exceeded-quota (platform.quota)
        ROUND.reads("swarm.no-suitable-node-capacity", "1/1: no suitable node (1 node not available for new tasks)");
        ROUND.readsNot("swarm.no-suitable-node-capacity", "1/1: no suitable node (scheduling constraints not satisfied on 3 nodes)");
        ROUND.reads("swarm.no-suitable-node-capacity", "lq0v5x8r2m1c   srv-captain--site.1     img-captain-site:41                            Running         Pending 6 minutes ago   \"no suitable node (1 node not available for new tasks)\"");
        ROUND.reads("swarm.no-suitable-node-capacity", "overall progress: 0 out of 1 tasks\n1/1: no suitable node (insufficient resources on 3 nodes)");
        ROUND.readsNot("swarm.no-suitable-node-capacity", "1/1: no suitable node (unsupported platform on 3 nodes)"); // the image's platform, not the nodes' room
    }

    /** Existing indications rules26b widened (or narrowed), on the words that changed them. */
    @Test
    void widenedIndicationsReadTheirNewWords() throws IOException {
        // kernel.oom-killed: the kernel before 4.x (h86-44, a Swarm node's dmesg; moby/moby#29941)
        ROUND.reads("kernel.oom-killed", "app.oom", "[Thu Nov 26 02:11:47 2026] Out of memory: Kill process 30418 (java) score 811 or sacrifice child");
        ROUND.reads("kernel.oom-killed", "app.oom", "[Thu Nov 26 02:11:47 2026] Killed process 30418 (java) total-vm:6312448kB, anon-rss:3871204kB, file-rss:0kB, shmem-rss:0kB");
        ROUND.readsNot("kernel.oom-killed", "systemd[1]: reports.service: Killing process 30211 (beam.smp) with signal SIGKILL."); // a stop's own kill
        ROUND.readsNot("kernel.oom-killed", "Killed process 4242 (node) after 10s grace period");
        // k8s.api-server-unanswered: kubectl's bare EOF (h85-, AKS Azure/AKS#108)
        ROUND.reads("k8s.api-server-unanswered", "platform.outage", "Unable to connect to the server: EOF");
        ROUND.reads("k8s.api-server-unanswered", "platform.outage", "2026-11-12T08:01:02.1234567Z Unable to connect to the server: EOF");
        ROUND.readsNot("k8s.api-server-unanswered", "Unable to connect to the server: EOF while reading response body");
        ROUND.readsNot("k8s.api-server-unanswered", "Error from server: error dialing backend: EOF");
        // ci.stopped-by-person-or-newer-build: Coolify's status value (h86-31, coollabsio/coolify#2449)
        ROUND.reads("ci.stopped-by-person-or-newer-build", "ci.cancelled", "ms8g44kk4cg0 status=cancelled-by-user");
        ROUND.reads("ci.stopped-by-person-or-newer-build", "ci.cancelled", "deployment ms8g44kk4cg0 did not finish: cancelled-by-user");
        ROUND.readsNot("ci.stopped-by-person-or-newer-build", "deployment ms8g44kk4cg0 did not finish: failed"); // generic.failed-word
        // platform.account-limit: a feature the free tier does not include (h85-47, maybe-finance/maybe#1717)
        ROUND.reads("platform.account-limit", "platform.quota", "services[0] pre-deploy command is not supported for free tier services");
        ROUND.reads("platform.account-limit", "platform.quota", "pre-deploy command is not supported for free tier services");
        ROUND.readsNot("platform.account-limit", "Python 3.7 is not supported for this service"); // a runtime version, not the plan
        // container.exec-failed: the daemon's answer to a start whose entrypoint is not in the image (h86-42, basecamp/kamal#649)
        ROUND.reads("container.exec-failed", "app.crash-on-boot", "docker stderr: docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"/rails/bin/docker-entrypoint\": stat /rails/bin/docker-entrypoint: no such file or directory: unknown.");
        ROUND.reads("container.exec-failed", "app.crash-on-boot", "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"/app/start.sh\": stat /app/start.sh: no such file or directory: unknown.");
        ROUND.readsNot("container.exec-failed", "ERROR: failed to solve: process \"/bin/sh -c /app/setup.sh\" did not complete successfully: runc run failed: unable to start container process: exec: \"/app/setup.sh\": stat /app/setup.sh: no such file or directory: unknown"); // buildkit.failed-to-solve (a RUN step, build.dockerfile)
        // cloud.provider-incident-notice: Civo's status notice (h85-34, h85-35; civo/status)
        ROUND.reads("cloud.provider-incident-notice", "platform.outage", "We are aware of an internal API issue that is causing 503 errors intermittently and are working on a fix.");
        ROUND.reads("cloud.provider-incident-notice", "platform.outage", "status.civo.com: Civo.com and API intermittently inaccessible - We are aware of an internal API issue that is causing 503 errors intermittently and are working on a fix.");
        ROUND.readsNot("cloud.provider-incident-notice", "We are aware of the issue and are rolling out a fix."); // h8-21's Docker Hub answer (registry.unavailable)
        ROUND.readsNot("cloud.provider-incident-notice", "We are aware of an API change that is causing deprecation warnings");
        // runner.disk-or-lost-generic narrowed: the word agent or runner itself, not a container named "...-agent" (h85-11)
        ROUND.readsNot("runner.disk-or-lost-generic", "Container 'support-agent' was terminated with exit code '134' and reason 'ProcessExited'"); // containerapps.container-process-exited
        ROUND.reads("runner.disk-or-lost-generic", "ci.runner", "2026-11-20T10:02:11Z agent 'i-0abc123' was terminated by the autoscaler");
        ROUND.reads("runner.disk-or-lost-generic", "ci.runner", "Job's runner 'gitlab-runner-7' went away");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // h126-22: a LimitRange's maximum the pod's limit is over, labelled the namespace's limit; the refusal names the
        // manifest's limit and the policy's at once, and platform.quota's namespace-limitrange-maximum reads the same
        // finding (rules38b)
        // h131-19 (session 40): a LimitRange's minimum the pod's request is under, labelled the project's limit; the
        // corpus labels the same refusal config.invalid too (h86-19), so the line stays read as the manifest's
        ROUND.staysInItsCauses("h126-22 k8s.limitrange-forbidden", "h131-19 k8s.limitrange-forbidden");
    }
}
