package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes for the families of h34- to h39- (session 18, consumed after their blind score), each in its tool's own
 * words: a deploy API refusing curl's token, a Cloudflare token without a permission, Vercel's missing secret and output
 * directory, pip's resolver, npm offline, a Cloud Run agent that may not read the image, Azure relaying a registry's
 * error, a JDBC URL no driver takes, nginx and compose refusing their files, flyctl without an app name, a Go decoder
 * meeting the wrong type, a cloud API refusing a value, account limits and capacity of Hetzner and DigitalOcean, a runner
 * that lost GitHub, Railway refusing deployments and Render suspending for billing; and a cloud waiter whose reason is
 * printed after it. Each is tested on its source's words and a near miss; each new log indication reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class FortyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("http.curl-auth-refused-generic", "auth.deploy-token"),
            Map.entry("cloudflare.token-permission-missing", "auth.deploy-token"),
            Map.entry("vercel.env-references-missing-secret", "config.missing-secret"),
            Map.entry("vercel.no-output-directory", "config.invalid"),
            Map.entry("pip.resolution-impossible", "build.dependency-fetch"),
            Map.entry("npm.not-cached", "build.dependency-fetch"),
            Map.entry("cloudrun.agent-cannot-read-image", "registry.auth"),
            Map.entry("azure.registry-error-response", "registry.unavailable"),
            Map.entry("hikari.no-driver-for-url", "config.invalid"),
            Map.entry("nginx.config-refused", "config.invalid"),
            Map.entry("fly.config-missing-app-name", "config.invalid"),
            Map.entry("config.go-decode-type-generic", "config.invalid"),
            Map.entry("cloud.invalid-value-specified", "config.invalid"),
            Map.entry("hcloud.resource-limit-exceeded", "platform.quota"),
            Map.entry("digitalocean.size-unavailable", "platform.capacity"),
            Map.entry("runner.connect-error", "ci.runner"),
            Map.entry("railway.deployments-unavailable", "platform.outage"),
            Map.entry("render.suspended-by-billing", "platform.quota"),
            Map.entry("gcp.api-unavailable", "platform.outage"),
            Map.entry("lambda.runtime-retired", "config.invalid"),
            Map.entry("azure.invalid-parameter-value", "config.invalid"),
            Map.entry("elasticsearch.bootstrap-checks-failed", "app.crash-on-boot"),
            Map.entry("fly.release-command-timeout", "ci.timeout"),
            Map.entry("alembic.no-script-location", "config.invalid"),
            Map.entry("scalingo.boot-timeout", "app.healthcheck-failing"),
            Map.entry("systemd.start-limit-hit", "app.crash-on-boot"),
            Map.entry("psycopg.no-pq-wrapper", "app.crash-on-boot"),
            Map.entry("ansible.no-action-detected", "config.invalid"),
            Map.entry("supavisor.tenant-or-user-not-found", "config.invalid"),
            Map.entry("ecr.immutable-tag", "config.invalid"),
            Map.entry("mongo.srv-lookup-failed", "network.dns"),
            Map.entry("gradle.exec-killed-137", "app.oom"),
            Map.entry("circleci.max-job-runtime", "ci.timeout"),
            Map.entry("heroku.cli-browser-login", "auth.deploy-token"),
            Map.entry("postgres.password-refused", "config.invalid"),
            Map.entry("nginx.upstream-tls-to-plain", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Read in annotations of log-less jobs and in answers, which no labelled scenario's log holds: checked against the
     * shared corpus only.
     */
    private static final ShapeRound ANNOTATION_ROUND = new ShapeRound(Map.of("circleci.credits-exhausted", "platform.quota",
            "vercel.deployment-paused", "platform.quota"));

    @Test
    void tokensAndSecretsInTheirToolsWords() throws IOException {
        ROUND.reads("http.curl-auth-refused-generic", "curl: (22) The requested URL returned error: 401 Unauthorized");
        ROUND.readsNot("http.curl-auth-refused-generic", "curl: (22) The requested URL returned error: 403 Forbidden");
        ROUND.reads("cloudflare.token-permission-missing", "✘ [ERROR] A request to the Cloudflare API (/memberships) "
                + "failed.");
        // the email notice is printed for a token that deploys fine too (FortyThirdRoundReviewTest)
        ROUND.readsNot("cloudflare.token-permission-missing", "▲ [WARNING] You are logged in with an API Token. Unable to "
                + "retrieve email for this user. Are you missing the `User->User Details->Read` permission?");
        // widened: an app's name with dashes, and the words of Railway's CLI and of a preflight script
        ROUND.reads("fly.unauthorized-call", "auth.deploy-token",
                "Error: failed to retrieve app homelab-proxy: unauthorized");
        ROUND.readsNot("fly.unauthorized-call", "Error: failed to retrieve app homelab-proxy: not found");
        ROUND.reads("token.expired", "auth.deploy-token",
                "Invalid or expired Railway token. Please run 'railway login' to refresh your authentication");
        ROUND.reads("token.expired", "auth.deploy-token", "Coolify API token rejected during preflight (HTTP 403)");
        ROUND.readsNot("token.expired", "Coolify API token accepted, deploying");
        ROUND.reads("vercel.env-references-missing-secret", "Error: Environment Variable \"STRIPE_SECRET_KEY\" references "
                + "Secret \"stripe-secret-key\", which does not exist.");
        ROUND.readsNot("vercel.env-references-missing-secret", "Environment Variable \"STRIPE_SECRET_KEY\" references Secret "
                + "\"stripe-secret-key\"");
    }

    @Test
    void buildsRegistriesAndConfigurationInTheirToolsWords() throws IOException {
        ROUND.reads("vercel.no-output-directory", "Error: No Output Directory named \"build\" found after the Build "
                + "completed. You can configure the Output Directory in your Project Settings.");
        ROUND.readsNot("vercel.no-output-directory", "Output Directory: dist");
        ROUND.reads("pip.resolution-impossible", "remote:        ERROR: Cannot install -r requirements.txt (line 6) and "
                + "urllib3==2.2.3 because these package versions have conflicting dependencies.");
        ROUND.readsNot("pip.resolution-impossible", "Successfully installed urllib3-2.2.3");
        ROUND.reads("npm.not-cached", "#8 0.338 npm ERR! code ENOTCACHED");
        ROUND.readsNot("npm.not-cached", "npm WARN cache data is cached");
        ROUND.reads("cloudrun.agent-cannot-read-image", "ERROR: (gcloud.run.deploy) Google Cloud Run Service Agent "
                + "service-1@serverless-robot-prod.iam.gserviceaccount.com must have permission to read the image, "
                + "europe-west1-docker.pkg.dev/acme/services/ingest:a4e81c7.");
        ROUND.readsNot("cloudrun.agent-cannot-read-image", "Service Agent role granted to the image's project");
        ROUND.reads("azure.registry-error-response", "(RegistryErrorResponse) An error response is received from the "
                + "docker registry 'index.docker.io'. Please retry later.");
        ROUND.readsNot("azure.registry-error-response", "Successfully pulled image 'index.docker.io/library/nginx'");
        ROUND.reads("hikari.no-driver-for-url", "Failed to get driver instance for jdbcUrl=jdbc:mysql//db:3306/app");
        ROUND.readsNot("hikari.no-driver-for-url", "HikariPool-1 - Added connection conn0: url=jdbc:h2:mem:test");
        ROUND.reads("nginx.config-refused", "nginx: [emerg] \"location\" directive is not allowed here in "
                + "/etc/nginx/conf.d/dietapp.conf:58");
        // the test's verdict follows every refusal, a certificate nginx cannot load too (FortyThirdRoundReviewTest)
        ROUND.readsNot("nginx.config-refused", "nginx: configuration file /etc/nginx/nginx.conf test failed");
        ROUND.readsNot("nginx.config-refused", "nginx: configuration file /etc/nginx/nginx.conf test is successful");
        ROUND.readsNot("nginx.config-refused", "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)");
        ROUND.reads("compose.file-invalid", "config.invalid",
                "ERROR: In file './docker-compose.yml', service 'environment' must be a mapping not an array.");
        ROUND.readsNot("compose.file-invalid", "In file './docker-compose.yml': 3 services");
        ROUND.reads("fly.config-missing-app-name", "Error: the config for your app is missing an app name, add an app "
                + "field to the fly.toml file or specify with the -a flag");
        ROUND.readsNot("fly.config-missing-app-name", "app = \"harbourbook\"");
        ROUND.reads("config.go-decode-type-generic", "Error: json: cannot unmarshal string into Go struct field "
                + "Config.services.internal_port of type int");
        ROUND.readsNot("config.go-decode-type-generic", "Error: json: cannot unmarshal response: unexpected end of input");
        ROUND.reads("cloud.invalid-value-specified", "ERROR: (gcloud.run.deploy) spec.template.spec.containers[0]."
                + "resources.limits.memory: Invalid value specified for container memory.");
        ROUND.readsNot("cloud.invalid-value-specified", "Invalid value: 0");
        ROUND.readsNot("cloud.invalid-value-specified", "⚠  functions: HTTP Error: 400, Could not create Cloud Run service "
                + "helloworld. spec.template.spec.containers.resources.limits.cpu: Invalid value specified for cpu. For the "
                + "specified value, maxScale may not exceed 10.");
        ROUND.readsNot("cloud.invalid-value-specified", "spec.template.spec.containers.resources.limits.memory: Invalid "
                + "value specified for memory. For the specified value, maxScale may not exceed 83.");
    }

    @Test
    void platformsAndRunnersInTheirOwnWords() throws IOException {
        ROUND.reads("hcloud.resource-limit-exceeded", "│ Error: server limit exceeded (resource_limit_exceeded)");
        ROUND.readsNot("hcloud.resource-limit-exceeded", "│ Error: server type not found (not_found)");
        ROUND.reads("digitalocean.size-unavailable",
                "\"message\": \"The size you selected is temporarily unavailable because of High CPU server capacity\",");
        ROUND.readsNot("digitalocean.size-unavailable", "\"message\": \"The size you selected is available\"");
        ROUND.reads("runner.connect-error", "2026-11-17 09:36:14Z: Runner connect error: Resource temporarily "
                + "unavailable (broker.actions.githubusercontent.com:443). Retrying until reconnected.");
        ROUND.readsNot("runner.connect-error", "2026-11-17 09:52:40Z: Runner reconnected.");
        ROUND.reads("railway.deployments-unavailable", "Failed to upload code with status code 403 Forbidden: Limited "
                + "Access. New deployments are temporarily unavailable.");
        ROUND.readsNot("railway.deployments-unavailable", "New deployments are available again");
        ROUND.reads("render.suspended-by-billing",
                "{\"name\":\"feeds\",\"suspended\":\"suspended\",\"suspenders\":[\"billing\"]}");
        ROUND.readsNot("render.suspended-by-billing", "{\"name\":\"feeds\",\"suspended\":\"suspended\",\"suspenders\":[\"user\"]}");
    }

    /** p74- to p77-'s families (scored on arrival first), in their tools' words. */
    @Test
    void arrivalsOfTheSessionInTheirToolsWords() throws IOException {
        ANNOTATION_ROUND.reads("circleci.credits-exhausted", "Plan: Free, 1 concurrent job with access to Linux and Windows builds on "
                + "Small and Medium sizes. Credits: 2,500 credits per week. Credits Avaliable: 0 (0%)");
        ANNOTATION_ROUND.readsNot("circleci.credits-exhausted", "Credits Avaliable: 1,200 (48%)");
        ROUND.reads("gcp.api-unavailable", "ERROR: (gcloud.sql.backups.create) HTTPError 503: Service temporarily "
                + "unavailable. This is most likely a transient error. Please retry.");
        ROUND.readsNot("gcp.api-unavailable", "ERROR: (gcloud.sql.backups.create) HTTPError 409: The operation is in progress");
        ROUND.reads("lambda.runtime-retired", "error creating Lambda Function (1): InvalidParameterValueException: The "
                + "runtime parameter of python3.6 is no longer supported for creating or updating AWS Lambda functions.");
        ROUND.readsNot("lambda.runtime-retired", "Runtime: nodejs20.x");
        ROUND.reads("azure.invalid-parameter-value", "Code=\"InvalidParameter\" Message=\"The value Standard_X9 provided for "
                + "the VM size is not valid.\"");
        ROUND.readsNot("azure.invalid-parameter-value", "Code=\"InvalidParameter\" Target=\"vmSize\"");
        ROUND.reads("elasticsearch.bootstrap-checks-failed", "ERROR: [2] bootstrap checks failed");
        ROUND.readsNot("elasticsearch.bootstrap-checks-failed", "bootstrap checks passed");
        ROUND.reads("fly.release-command-timeout", "note: you can change this timeout with the --release-command-timeout flag");
        ROUND.readsNot("fly.release-command-timeout", "Running release_command: bin/rails db:migrate");
        ROUND.reads("alembic.no-script-location", "FAILED: No 'script_location' key found in configuration.");
        ROUND.readsNot("alembic.no-script-location", "script_location = migrations");
        ROUND.reads("scalingo.boot-timeout", "remote:  !     Boot Timeout");
        ROUND.readsNot("scalingo.boot-timeout", "remote:  Waiting for your application to boot...");
        ROUND.reads("systemd.start-limit-hit", "Dec 04 15:01:43 quill-app-1 systemd[1]: ledger.service: Failed with result "
                + "'start-limit-hit'.");
        ROUND.readsNot("systemd.start-limit-hit", "Dec 04 15:01:41 quill-app-1 systemd[1]: ledger.service: Failed with "
                + "result 'exit-code'.");
        ROUND.reads("psycopg.no-pq-wrapper", "wgdashboard  | ImportError: no pq wrapper available.");
        ROUND.readsNot("psycopg.no-pq-wrapper", "ImportError: no module named psycopg2");
        ROUND.reads("ansible.no-action-detected", "ERROR! no action detected in task.");
        ROUND.readsNot("ansible.no-action-detected", "ok: [web-1] => (item=compose)");
        ROUND.reads("supavisor.tenant-or-user-not-found", "FATAL:  Tenant or user not found");
        ROUND.readsNot("supavisor.tenant-or-user-not-found", "FATAL:  database \"app\" does not exist");
        ROUND.reads("ecr.immutable-tag", "#17 ERROR: tag invalid: The image tag '2.8.0' already exists in the "
                + "'payments/worker' repository and cannot be overwritten because the repository is immutable.");
        ROUND.readsNot("ecr.immutable-tag", "The repository is mutable");
        ROUND.reads("mongo.srv-lookup-failed", "Error: querySrv ETIMEOUT _mongodb._tcp.midnight.t37c9.mongodb.net");
        ROUND.readsNot("mongo.srv-lookup-failed", "MongoServerSelectionError: Server selection timed out after 30000 ms");
        ROUND.reads("gradle.exec-killed-137", "Caused by: org.gradle.process.internal.ExecException: Process 'command "
                + "'node'' finished with non-zero exit value 137");
        ROUND.readsNot("gradle.exec-killed-137", "Process 'command 'node'' finished with non-zero exit value 1");
        ROUND.reads("circleci.max-job-runtime", "Upgrade your pricing plan to take advantage of longer max job runtimes.");
        ROUND.readsNot("circleci.max-job-runtime", "Upgrade your pricing plan to get more credits");
        ROUND.reads("heroku.cli-browser-login", "heroku: Press any key to open up the browser to login or q to exit");
        ROUND.readsNot("heroku.cli-browser-login", "heroku: Logged in as deploy@example.com");
        ROUND.reads("postgres.password-refused", "ERROR db pool: FATAL: password authentication failed for user \"app\"");
        ROUND.readsNot("postgres.password-refused", "Expected 'x' to contain 'password authentication failed for user'.");
        ROUND.reads("nginx.upstream-tls-to-plain", "[error] 10#10: *12 SSL_do_handshake() failed (SSL: error:1408F10B:SSL "
                + "routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream");
        ROUND.readsNot("nginx.upstream-tls-to-plain", "[error] 10#10: *12 SSL_do_handshake() failed (SSL: error:14094412:SSL "
                + "routines:ssl3_read_bytes:sslv3 alert bad certificate:SSL alert number 42)");
        ANNOTATION_ROUND.reads("vercel.deployment-paused", "This deployment is temporarily paused");
        ANNOTATION_ROUND.readsNot("vercel.deployment-paused", "This deployment is ready");
        // widened: the same datastore limits in other clients' words
        ROUND.reads("datastore.refusing-work", "dependency.down", "{\"status\":\"error\",\"db\":\"Error: ER_CON_COUNT_ERROR: "
                + "Too many connections\"}");
        ROUND.reads("datastore.refusing-work", "dependency.down", "MongoServerSelectionError: connection refused because "
                + "too many open connections: 1500");
        ROUND.reads("datastore.refusing-work", "dependency.down", "FATAL:  Max client connections reached");
        ROUND.reads("datastore.refusing-work", "dependency.down", "true (memory resource limit alarm set on node "
                + "rabbit@mq-01; Publishers will be blocked until this alarm clears)");
        // widened: Rails before 5.2 names both secrets
        ROUND.reads("rails.secret-key-base-missing", "config.missing-secret", "/app/vendor/bundle/ruby/3.3.0/gems/"
                + "railties-7.1.3/lib/rails/application.rb:653:in `validate_secret_key_base': Missing `secret_token` and "
                + "`secret_key_base` for 'production' environment, set these values in `config/secrets.yml`");
        // widened: Hetzner's request budget and a hosted runner never provisioned
        ROUND.reads("hcloud.resource-limit-exceeded", "platform.quota", "│ Error: hcclient/WaitForActions: limit of 7200 "
                + "requests per hour reached (rate_limit_exceeded)");
        ROUND.reads("runner.disk-or-lost-generic", "ci.runner",
                "An error occurred while provisioning resources (Error Type: Disconnect).");
    }

    /**
     * A violated expectation's actual value is read as a log line would be (p75-25: a pod's last state OOMKilled): the
     * platform's own words for what failed, a tie-breaker that puts its cause first among the known ones (weak: it
     * counts no source, so "unknown" may still lead). A satisfied one is not read.
     */
    @Test
    void aViolatedExpectationsActualValueIsReadAsALine() {
        Deployment d = new Deployment("cfg", List.of(Fleet.service("config-db", "Config DB", "Database", ServiceKind.HTTP)));
        Observation refused = Fleet.refused("config-db");
        String state = "Last State: Terminated, Reason: OOMKilled, Exit Code: 137, Restart Count: 9";
        Assessment violated = Diagnosis.ofDefaults().diagnose(d, List.of(refused,
                new Observation.ConditionCheck("config-db", Source.HTTP, "[POD] lastState.terminated.reason != OOMKilled", false, state)),
                Fleet.NOW);
        assertEquals(CauseId.APP_OOM, violated.causes().stream().map(io.sophia.core.RankedCause::id)
                .filter(c -> !CauseId.UNKNOWN.equals(c)).findFirst().orElseThrow(), violated.causes().toString());
        assertTrue(Fleet.weighs(violated, "app.oom/condition-indication"), violated.causes().toString());
        assertTrue(violated.causes().get(0).probability() < 0.5, violated.causes().toString());
        Assessment satisfied = Diagnosis.ofDefaults().diagnose(d, List.of(refused,
                new Observation.ConditionCheck("config-db", Source.HTTP, "[POD] restarts < 10", true, state)), Fleet.NOW);
        assertFalse(Fleet.weighs(satisfied, "app.oom/condition-indication"), satisfied.causes().toString());
    }

    /**
     * flyctl's "the app appears to be crashing" says the app crashed, not why: the machine's own line it prints before
     * its final "Error:" line says why (h34-21's shape: a KeyError for an unset variable).
     */
    @Test
    void aCrashingAppsOwnReasonPrintedByFlyctlLeads() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "flyctl deploy", """
                  [1/2] Checking that 48ed73dc2e5918 [app] is up and running
                Smoke checks for 48ed73dc2e5918 failed: the app appears to be crashing
                Check its logs: here's the last lines below, or run 'fly logs -i 48ed73dc2e5918':
                  Traceback (most recent call last):
                    File "/app/settings.py", line 12, in <module>
                      DATABASE_URL = os.environ["DATABASE_URL"]
                  KeyError: 'DATABASE_URL'
                  INFO Main child exited normally with code: 1
                Error: smoke checks for 48ed73dc2e5918 failed: the app appears to be crashing
                """);
        assertEquals("config.missing-secret", a.causes().get(0).id().value(), a.causes().toString());
    }

    /**
     * Cloud Run's "failed to start and listen on the port" says the container did not start, not why; the step after it
     * that reads the revision's logs prints the reason (h36-24's shape: a class missing from the image).
     */
    @Test
    void aContainerThatDidNotStartLeadsWithTheReasonItsLogsGiveAfterwards() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Deploy to Cloud Run", """
                ##[group]Run gcloud run deploy chat-service --image europe-west1-docker.pkg.dev/xm/apps/chat:0e5a9c3
                ##[endgroup]
                ERROR: (gcloud.run.deploy) Revision 'chat-service-00012-xoz' is not ready and cannot serve traffic. The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable within the allocated timeout.
                ##[group]Run gcloud logging read 'resource.labels.revision_name="chat-service-00012-xoz"' --limit 12
                ##[endgroup]
                Exception in thread "main" java.lang.reflect.InvocationTargetException
                Caused by: java.lang.ClassNotFoundException: org.springframework.boot.SpringApplication
                """);
        assertEquals("app.crash-on-boot", a.causes().get(0).id().value(), a.causes().toString());
    }

    private static Assessment chainUnder(String causeId, String line) {
        // the dependency a datastore (by its name), so that its chain is read at full strength when nothing roots it
        Deployment d = new Deployment("birdcount", List.of(Fleet.service("web", "Web", "Site", ServiceKind.HTTP, "search"),
                Fleet.service("search", "Elasticsearch", "Search", ServiceKind.HTTP)));
        List<Observation> o = List.of(Fleet.failure("web", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"),
                Fleet.failure("search", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"),
                Fleet.job(null, 7, "services", "failure", 12), Fleet.finding(null, 7, "services", "List services",
                        causeId, line, 4));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * A job's log ending on the platform stopping the services (h38-16: Render suspending them for billing) is the root
     * of every chain of down services, whichever service the job is of: "web is down because api is down" does not
     * count. A job ending on another cause leaves the chain as it was.
     */
    @Test
    void thePlatformStoppingTheServicesIsTheRootOfTheirChain() {
        Assessment suspended = chainUnder("platform.quota",
                "{\"name\":\"birdcount-search\",\"suspended\":\"suspended\",\"suspenders\":[\"billing\"]}");
        assertEquals(CauseId.PLATFORM_QUOTA, suspended.causes().get(0).id(), suspended.causes().toString());
        assertFalse(Fleet.weighsChain(suspended), suspended.causes().toString());
        Assessment other = chainUnder("ci.test-failure", "1 failed, 12 passed");
        assertTrue(Fleet.weighsChain(other), other.causes().toString());
    }

    private static Assessment cancelledAfter(int seconds, Observation.CiStep... steps) {
        Deployment d = new Deployment("console", List.of(Fleet.service("console", "Console", "Ops", ServiceKind.HTTP)));
        List<Observation> o = List.of(Fleet.up("console"), Fleet.run("cancelled"),
                Fleet.job("console", 9, "deploy (larger-runner)", "cancelled", seconds, steps),
                new Observation.CiAnnotation("console", Source.GITHUB, 9, "failure", "",
                        "The run was canceled by @ops-oncall.", null, null));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * A job cancelled after 40 minutes without a step waited for a runner (p81-06): the person's cancel ended a wait, so
     * the cancel is not stated as the certain cause and "no runner took it" weighs. A job that ran its steps first is a
     * cancel as before.
     */
    @Test
    void aCancelThatEndedAWaitForARunnerIsNotCertain() {
        Assessment waited = cancelledAfter(2400);
        assertTrue(Fleet.weighs(waited, "ci.runner/waited-for-a-runner"), waited.causes().toString());
        assertTrue(waited.causes().stream().flatMap(c -> c.evidence().stream()).anyMatch(e -> e.text().equals(
                "Job \"deploy (larger-runner)\" waited 40 minutes without running a step until it was cancelled: no runner"
                        + " took it.")), waited.causes().toString());
        assertTrue(waited.causes().get(0).probability() < 0.9, waited.causes().toString());
        Assessment ran = cancelledAfter(2400, Fleet.step(1, "Set up job", "success"), Fleet.step(2, "Deploy", "cancelled"));
        assertFalse(Fleet.weighs(ran, "ci.runner/waited-for-a-runner"), ran.causes().toString());
        assertEquals(CauseId.CI_CANCELLED, ran.causes().get(0).id(), ran.causes().toString());
    }

    /**
     * A look at a host that failed (kind OTHER: a task's log) is read as its log line would be (p78-27: "exec
     * /usr/bin/node: exec format error" in an ECS task's log); a connection's failure detail is not.
     */
    @Test
    void aLookAtAHostIsReadAsALine() {
        Deployment d = new Deployment("notify", List.of(Fleet.service("notify", "Notify", "Mail", ServiceKind.HTTP)));
        Observation down = Fleet.failure("notify", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503");
        Observation look = new Observation.ProbeFailure("notify", Source.LOG, "GetLogEvents /ecs/notify-prod",
                FailureKind.OTHER, "exec /usr/bin/node: exec format error", null, Duration.ofMillis(90), 1);
        Assessment a = Diagnosis.ofDefaults().diagnose(d, List.of(down, look), Fleet.NOW);
        assertTrue(Fleet.weighs(a, "app.crash-on-boot/probe-detail-indication"), a.causes().toString());
        assertEquals(CauseId.APP_CRASH_ON_BOOT, a.causes().get(0).id(), a.causes().toString());
        Observation refused = new Observation.ProbeFailure("notify", Source.HTTP, "https://notify.example/health",
                FailureKind.CONNECTION_REFUSED, "exec /usr/bin/node: exec format error", null, Duration.ofMillis(2), 1);
        Assessment b = Diagnosis.ofDefaults().diagnose(d, List.of(refused), Fleet.NOW);
        assertFalse(Fleet.weighs(b, "app.crash-on-boot/probe-detail-indication"), b.causes().toString());
    }

    /**
     * One answer's body read by two rules (the answer's indication and a rule on its body: "manifest unknown") is one
     * source, not two (p78-03 was stated at 0.97 on a single 404).
     */
    @Test
    void oneAnswersBodyIsOneSource() {
        Deployment d = new Deployment("rollouts", List.of(Fleet.service("registry", "Registry", "Images", ServiceKind.HTTP)));
        Observation answer = Observation.HttpCheck.builder("registry", Source.HTTP,
                "https://ghcr.example/v2/acme/rollouts/manifests/1.4.2", 404).latency(Duration.ofMillis(60))
                .body("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}",
                        "application/json").build();
        Assessment a = Diagnosis.ofDefaults().diagnose(d, List.of(answer), Fleet.NOW);
        assertEquals(CauseId.IMAGE_NOT_FOUND, a.causes().get(0).id(), a.causes().toString());
        assertTrue(a.causes().get(0).probability() <= 0.9, a.causes().toString());
    }

    /**
     * A cloud SDK's waiter says a wait ended, not why; the step after it that describes the service prints the reason
     * (h36-31's shape: ECS could not place a task for lack of capacity). That reason leads, not the job's time.
     */
    @Test
    void aWaitersReasonPrintedAfterItLeads() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Deploy to ECS", """
                ##[group]Run aws-actions/amazon-ecs-deploy-task-definition@v2
                ##[endgroup]
                ##[error]Resource is not in the state servicesStable
                ##[group]Run aws ecs describe-services --cluster analytics --services reports
                ##[endgroup]
                (service reports) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.
                """);
        assertEquals("platform.capacity", a.causes().get(0).id().value(), a.causes().toString());
    }

    private static Assessment databaseNameFails(String host) {
        Deployment d = new Deployment("ledger", List.of(Fleet.service("app", "App", "Ledger", ServiceKind.HTTP, "db"),
                Fleet.service("db", "Postgres", "Database", ServiceKind.TCP)));
        List<Observation> o = List.of(Fleet.failure("app", "http", FailureKind.UNEXPECTED_STATUS, 500, "HTTP 500"),
                new Observation.ProbeFailure("db", Source.DNS, host, FailureKind.DNS_FAILURE, "NXDOMAIN " + host, null,
                        Duration.ofMillis(3), 1));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * A StatefulSet pod's own name under a headless service is published only while the pod is ready (p74-19): it not
     * resolving says the pod is down. A service's own cluster name not resolving is still the name.
     */
    @Test
    void aPodsHeadlessNameThatDoesNotResolveIsThePodDown() {
        Assessment pod = databaseNameFails("pg-ha-postgresql-0.pg-ha-postgresql-headless.ledger.svc.cluster.local");
        assertEquals(CauseId.DEPENDENCY_DOWN, pod.causes().get(0).id(), pod.causes().toString());
        assertTrue(Fleet.weighs(pod, "dependency.down/headless-pod-name"), pod.causes().toString());
        Assessment service = databaseNameFails("pg-ha-postgresql.ledger.svc.cluster.local");
        assertFalse(Fleet.weighs(service, "dependency.down/headless-pod-name"), service.causes().toString());
        assertEquals(CauseId.NETWORK_DNS, service.causes().get(0).id(), service.causes().toString());
    }

    /** The fleet of one service per body, each answering 503 with it (also FortyThirdRoundReviewTest's). */
    static Assessment servicesAnswer(String... bodies) {
        List<io.sophia.core.Service> services = new java.util.ArrayList<>();
        List<Observation> o = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            String id = "svc" + i;
            services.add(Fleet.service(id, "Service " + i, "Backend", ServiceKind.HTTP));
            o.add(Observation.HttpCheck.builder(id, Source.HTTP, "https://" + id + ".bramble.example/health", 503)
                    .latency(Duration.ofMillis(45)).body(bodies[i], "application/json").build());
        }
        return Diagnosis.ofDefaults().diagnose(new Deployment("bramble", services), o, Fleet.NOW);
    }

    /**
     * Several services naming a cloud provider's own regional endpoint that does not resolve is the provider's DNS, so
     * its outage (p74-28); one service naming it, or names of the team's own, stay a name that does not resolve.
     */
    @Test
    void severalServicesNamingAProvidersOwnEndpointThatDoesNotResolveIsTheProvider() {
        Assessment provider = servicesAnswer("{\"ses\":\"Could not resolve host: email.us-east-1.amazonaws.com\"}",
                "{\"sqs\":\"cURL error 6: Could not resolve host: sqs.us-east-1.amazonaws.com\"}");
        assertEquals(CauseId.PLATFORM_OUTAGE, provider.causes().get(0).id(), provider.causes().toString());
        Assessment own = servicesAnswer("{\"db\":\"Could not resolve host: db.bramble.example\"}",
                "{\"cache\":\"Could not resolve host: cache.bramble.example\"}");
        assertEquals(CauseId.NETWORK_DNS, own.causes().get(0).id(), own.causes().toString());
        assertFalse(Fleet.weighs(own, "platform.outage/provider-endpoint-name"), own.causes().toString());
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p70-17: a second app exiting at start because the first holds its port, labelled config.invalid; systemd's
        // start limit is what that exit looks like
        // p148-22 (session 32): the realtime service exits at start while the Redis its Socket.IO adapter needs is
        // stopped (dependency.down); systemd's start limit is that exit repeated
        // p181-33 (joined in session 39, auth.deploy-token): the Databricks SDK could not decode the 403 its workspace
        // answered for an invalid token ("cannot unmarshal number into Go struct field APIErrorBody.error_code"): the
        // decode error is the refusal's consequence, printed while handling it
        // p211-06 (session 46, registry.auth): rules_oci's curl fallback for an nvcr.io pull gets the registry's own 401
        // ("curl: (22) The requested URL returned error: 401"), the refusal the label names, in curl's words
        ROUND.staysInItsCauses("p70-17 systemd.start-limit-hit", "p148-22 systemd.start-limit-hit",
                "p181-33 config.go-decode-type-generic", "p211-06 http.curl-auth-refused-generic");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(ANNOTATION_ROUND.causeOf().keySet()));
    }
}
