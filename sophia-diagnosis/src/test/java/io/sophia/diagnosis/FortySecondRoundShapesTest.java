package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of h32- and h33- (session 17, consumed after their blind score), each in its tool's
 * own words: Heroku's router finding the dyno crashed, a hosted build at its time limit, the runner's own files broken,
 * Jest's coverage threshold, a YAML key defined twice, a lookup of an unset
 * variable's "undefined", the Kubernetes control plane answering 5xx, a usage cap that took the workloads offline; and
 * Redis at its maxclients beside the other datastores that refuse work. Each is tested on its source's words and a near
 * miss; each new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own
 * cause.
 */
class FortySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("heroku.router-app-crashed", "app.crash-on-boot"),
            Map.entry("paas.build-time-limit", "ci.timeout"),
            Map.entry("github.runner-internal-file", "ci.runner"),
            Map.entry("yaml.duplicate-key", "config.invalid"),
            Map.entry("dns.lookup-of-unset-variable", "config.missing-secret"),
            Map.entry("k8s.control-plane-unavailable", "platform.outage"),
            Map.entry("paas.usage-hard-limit", "platform.quota"),
            Map.entry("azure.no-agent-for-demands", "ci.runner"),
            Map.entry("buildkite.agent-lost", "ci.runner"),
            Map.entry("k8s.no-matches-for-kind", "config.invalid"),
            Map.entry("k8s.webhook-unreachable", "dependency.down"),
            Map.entry("argocd.repo-auth-required", "auth.deploy-token"),
            Map.entry("aws.no-credentials", "config.missing-secret"),
            Map.entry("k8s.rbac-forbidden", "auth.deploy-token"),
            Map.entry("aws.throttled", "platform.quota"),
            Map.entry("gcloud.permission-denied", "auth.deploy-token"),
            Map.entry("aws.deploy-action-denied", "auth.deploy-token"),
            Map.entry("beanstalk.elb-health-failing", "app.healthcheck-failing"),
            Map.entry("dotnet.sdk-does-not-support-target", "config.invalid"),
            Map.entry("azure.deploy-credentials-missing", "auth.deploy-token"),
            Map.entry("github.token-permission-denied", "auth.deploy-token"),
            Map.entry("gae.image-not-found", "image.not-found"),
            Map.entry("gcp.federated-token-failed", "auth.deploy-token"),
            Map.entry("paas.account-blocked", "platform.quota"),
            Map.entry("actions.artifact-name-conflict", "config.invalid"),
            Map.entry("platformsh.resources-exceed-plan", "platform.quota"),
            Map.entry("fly.machine-setting-refused", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /** Read in a machine's exit detail, which no labelled scenario's log holds: checked against the shared corpus only. */
    private static final ShapeRound EXIT_DETAIL_ROUND = new ShapeRound(Map.of("pg.password-not-a-string",
            "config.missing-secret", "jdbc.url-not-jdbc", "config.invalid"));

    private static final ShapeRound COVERAGE_ROUND = new ShapeRound(Map.of("jest.coverage-threshold", "ci.test-failure"));

    @Test
    void platformsRunnersAndToolsInTheirOwnWords() throws IOException {
        ROUND.reads("heroku.router-app-crashed", "2026-11-07T22:11:43.929173+00:00 heroku[router]: at=error code=H10 "
                + "desc=\"App crashed\" method=GET path=\"/\" host=meadow-site-79425.herokuapp.com");
        ROUND.readsNot("heroku.router-app-crashed", "heroku[router]: at=error code=H12 desc=\"Request timeout\" "
                + "method=GET path=\"/\"");
        ROUND.reads("paas.build-time-limit", "Error: Build exceeded maximum duration of 45m");
        ROUND.readsNot("paas.build-time-limit", "Build Completed in /vercel/output [44m]");
        ROUND.reads("paas.build-time-limit", "11:01:18.757 Error: Build exceeded maximum time of 45 minutes "
                + "(BUILD_EXCEEDED_MAXIMUM_TIME)");
        // narrowed: a serverless function's own limit is not a job's
        ROUND.readsNot("timeout.generic", "11:24:50.630  GET /guides/peru   504  Task timed out after 5.01 seconds");
        ROUND.reads("timeout.generic", "ci.timeout", "Failed to upload code. Request timed out after 60s");
        ROUND.reads("github.runner-internal-file", "##[error]The file '/home/deploy/actions-runner-cd/_diag/pages/"
                + "5c0e1b7a-2d4f_1.log' already exists.");
        ROUND.reads("github.runner-internal-file", "##[error]Missing file at path: /home/github-runner/runner/_work/"
                + "_temp/_runner_file_commands/set_output_6f1c2a9e-0b7d");
        ROUND.readsNot("github.runner-internal-file", "##[error]Missing file at path: /home/runner/work/app/dist/main.js");
        COVERAGE_ROUND.reads("jest.coverage-threshold", "Jest: \"global\" coverage threshold for statements (80%) not met: 72.5%");
        COVERAGE_ROUND.readsNot("jest.coverage-threshold", "Tests:       412 passed, 412 total");
        ROUND.reads("yaml.duplicate-key", "  line 15: mapping key \"apiVersion\" already defined at line 2");
        ROUND.readsNot("yaml.duplicate-key", "apiVersion: kustomize.config.k8s.io/v1beta1");
        // App Platform's failed health check, either capitalisation, is an earlier round's indication
        ROUND.reads("do-app-platform.health-checks-failed", "app.healthcheck-failing",
                "Error: deployment failed: Deploy Error: Health checks");
        ROUND.readsNot("do-app-platform.health-checks-failed", "Health checks passed, routing traffic to the new deployment");
        ROUND.reads("dns.lookup-of-unset-variable", "app[e784e903c27d18] fra [info] Error: getaddrinfo ENOTFOUND undefined");
        ROUND.reads("dns.lookup-of-unset-variable", "curl: (6) Could not resolve host: null");
        ROUND.readsNot("dns.lookup-of-unset-variable", "Error: getaddrinfo ENOTFOUND undefineddb.internal.example");
        ROUND.reads("k8s.control-plane-unavailable", "Error from server (InternalError): an error on the server (\"\") "
                + "has prevented the request from succeeding (get nodes)");
        ROUND.reads("k8s.control-plane-unavailable", "ERROR: (gcloud.container.clusters.describe) ResponseError: "
                + "code=503, message=The service is currently unavailable.");
        ROUND.readsNot("k8s.control-plane-unavailable", "Error from server (NotFound): deployments.apps \"web\" not found");
        ROUND.reads("paas.usage-hard-limit", "Your usage has reached 100% of your hard limit ($40.00) for workspace "
                + "tally-app. All your workloads have been taken offline.");
        ROUND.readsNot("paas.usage-hard-limit", "Your usage has reached 90% of your hard limit ($40.00) for workspace "
                + "tally-app");
        ROUND.reads("azure.no-agent-for-demands", "##[error]No agent found in pool Deploy-Linux which satisfies the "
                + "specified demands: Agent.Version -gtVersion 3.230.0");
        ROUND.readsNot("azure.no-agent-for-demands", "Agent name: 'deploy-linux-02' Agent machine name: 'vm-deploy-02'");
        ROUND.reads("buildkite.agent-lost", "Exited with status -1 (agent lost)");
        ROUND.readsNot("buildkite.agent-lost", "Exited with status 1");
        ROUND.reads("k8s.no-matches-for-kind", "error: resource mapping not found for name: \"docs-site\" namespace: "
                + "\"docs\" from \"deploy/ingress.yaml\": no matches for kind \"Ingress\" in version "
                + "\"networking.k8s.io/v1beta1\"");
        ROUND.readsNot("k8s.no-matches-for-kind", "ingress.networking.k8s.io/docs-site configured");
        ROUND.reads("k8s.webhook-unreachable", "Internal error occurred: failed calling webhook \"vpod.kb.io\": failed "
                + "to call webhook: Post \"https://webhook-svc.platform.svc:443/validate?timeout=10s\": dial tcp "
                + "10.96.4.21:443: connect: connection refused");
        ROUND.readsNot("k8s.webhook-unreachable", "Internal error occurred: failed calling webhook "
                + "\"webhook.cert-manager.io\": failed to call webhook: Post \"https://cert-manager-webhook.cert-manager"
                + ".svc:443/mutate?timeout=10s\": x509: certificate has expired or is not yet valid");
        ROUND.reads("argocd.repo-auth-required", "FATA[0031] rpc error: code = FailedPrecondition desc = error resolving "
                + "repo revision: rpc error: code = Unknown desc = repository not accessible: failed to ls-remote "
                + "https://github.com/koenig-cloud/gitops.git: authentication required");
        ROUND.readsNot("argocd.repo-auth-required", "repository not accessible: failed to ls-remote "
                + "https://github.com/org/repo.git: dial tcp: lookup github.com on 10.96.0.10:53: i/o timeout");
        ROUND.reads("aws.no-credentials", "upload failed: build/index.html to s3://example-api-docs-staging/index.html "
                + "Unable to locate credentials. You can configure credentials by running \"aws configure\".");
        ROUND.readsNot("aws.no-credentials", "Found credentials in environment variables.");
        ROUND.reads("k8s.rbac-forbidden", "configmaps \"pipelines-ui-config\" is forbidden: User "
                + "\"system:serviceaccount:ci:default\" cannot get resource \"configmaps\" in API group \"\" in the "
                + "namespace \"delivery\"");
        ROUND.readsNot("k8s.rbac-forbidden", "Error from server (Forbidden): admission webhook "
                + "\"validate.kyverno.svc-fail\" denied the request");
        ROUND.reads("aws.throttled", "TooManyRequestsException: Rate Exceeded.");
        ROUND.readsNot("aws.throttled", "toomanyrequests: You have reached your pull rate limit.");
        ROUND.reads("gcloud.permission-denied", "Step #4: ERROR: (gcloud.app.deploy) PERMISSION_DENIED: You do not have "
                + "permission to act as 'lumen-web@appspot.gserviceaccount.com'");
        ROUND.readsNot("gcloud.permission-denied", "ERROR: (gcloud.app.deploy) INVALID_ARGUMENT: Invalid runtime "
                + "'nodejs' specified.");
        ROUND.reads("aws.deploy-action-denied", "An error occurred (AccessDeniedException) when calling the UpdateService "
                + "operation: User: arn:aws:iam::234567890123:user/github-actions is not authorized to perform: "
                + "ecs:UpdateService on resource: arn:aws:ecs:us-west-2:234567890123:service/prod/api");
        ROUND.readsNot("aws.deploy-action-denied", "User: arn:aws:sts::1:assumed-role/task is not authorized to perform: "
                + "secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:1:secret:db");
        ROUND.reads("beanstalk.elb-health-failing", "Environment health has transitioned from Warning to Severe. ELB "
                + "health is failing or not available for all instances.");
        ROUND.readsNot("beanstalk.elb-health-failing", "Environment health has transitioned from Severe to Ok.");
        EXIT_DETAIL_ROUND.reads("pg.password-not-a-string", "[Nest] 642  - 10/21/2026, 6:58:14 PM   ERROR [TypeOrmModule] Unable to "
                + "connect to the database. Retrying (9)... Error: SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must "
                + "be a string");
        EXIT_DETAIL_ROUND.readsNot("pg.password-not-a-string", "Error: SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing");
        ROUND.reads("dotnet.sdk-does-not-support-target", "Microsoft.NET.TargetFrameworkInference.targets(144,5): error "
                + "NETSDK1045: The current .NET SDK does not support targeting .NET 7.0.  Either target .NET 6.0 or lower");
        ROUND.readsNot("dotnet.sdk-does-not-support-target", "Determining projects to restore...");
        ROUND.reads("azure.deploy-credentials-missing", "##[error]Deployment Failed, Error: No credentials found. Add an "
                + "Azure login action before this action. For more details refer https://github.com/azure/login");
        ROUND.reads("azure.deploy-credentials-missing", "##[error]Login failed with Error: Not all parameters are "
                + "provided in 'creds'. Double-check if all keys are defined in 'creds': 'clientId', 'clientSecret'");
        ROUND.readsNot("azure.deploy-credentials-missing", "Login successful.");
        ROUND.reads("github.token-permission-denied", "HttpError: Resource not accessible by integration");
        ROUND.reads("github.token-permission-denied", "remote: Permission to terrastack/docs.git denied to "
                + "github-actions[bot].");
        ROUND.readsNot("github.token-permission-denied", "HttpError: Not Found");
        ROUND.reads("gae.image-not-found", "ERROR: (gcloud.app.deploy) Error Response: [3] Docker image "
                + "asia.gcr.io/supplytrack-prod/appengine/default.20261202t044929:latest was either not found, or is not "
                + "in Docker V2 format.");
        ROUND.readsNot("gae.image-not-found", "Pushing image asia.gcr.io/supplytrack-prod/appengine/default:latest");
        ROUND.reads("gcp.federated-token-failed", "##[error]google-github-actions/auth failed with: failed to generate "
                + "Google Cloud federated token for //iam.googleapis.com/projects/marlow-prod/locations/global/"
                + "workloadIdentityPools/github/providers/gh: {\"error\":\"invalid_target\"}");
        ROUND.readsNot("gcp.federated-token-failed", "Successfully created credentials file at /home/runner/work/x.json");
        ROUND.reads("paas.account-blocked", "The deployment is blocked. DEPLOYMENT_BLOCKED fra1::x2k7l-1764533700123");
        ROUND.reads("paas.account-blocked", "{\"error\":\"quota_exceeded\",\"message\":\"org rivulet has reached "
                + "max_apps (10)\"}");
        ROUND.readsNot("paas.account-blocked", "The deployment is ready.");
        ROUND.reads("actions.artifact-name-conflict", "##[error]Failed to CreateArtifact: Received non-retryable error: "
                + "Failed request: (409) Conflict: an artifact with this name already exists on the workflow run");
        ROUND.readsNot("actions.artifact-name-conflict", "Artifact dist has been successfully uploaded!");
        ROUND.reads("platformsh.resources-exceed-plan", "    E: Error: Resources exceeding plan limit; cpu: 1.00 > 0.96; "
                + "try removing a service, or increase your plan size");
        ROUND.readsNot("platformsh.resources-exceed-plan", "Validating resources... ok");
        EXIT_DETAIL_ROUND.reads("jdbc.url-not-jdbc", "Caused by: java.lang.IllegalArgumentException: URL must start with "
                + "'jdbc'");
        EXIT_DETAIL_ROUND.readsNot("jdbc.url-not-jdbc", "HikariPool-1 - Starting...");
        ROUND.reads("fly.machine-setting-refused", "Error: invalid restart policy: on_failure");
        ROUND.reads("fly.machine-setting-refused", "Error: memory cannot be zero");
        ROUND.reads("fly.machine-setting-refused", "Error: could not launch machine: failed to launch VM: invalid memory "
                + "size 1000MB; must be in increments of 256MB (Request ID: 01JDE1C4-ord)");
        ROUND.readsNot("fly.machine-setting-refused", "Volume vol_4y5k9x2m in region fra attached to machine 7811e92a645d38");
        // widened: Rails's wrong master key in ActiveSupport's words
        ROUND.reads("rails.credentials-wrong-key", "config.invalid", "ActiveSupport::MessageEncryptor::InvalidMessage: "
                + "ActiveSupport::MessageEncryptor::InvalidMessage");
        ROUND.readsNot("rails.credentials-wrong-key", "ActiveSupport::EncryptedConfiguration loaded");
        // widened: Postgres out of slots and a role at its limit, Elasticsearch past its flood stage
        ROUND.reads("datastore.refusing-work", "dependency.down", "psycopg2.OperationalError: connection to server at "
                + "\"pg-main.internal\" (10.20.4.11), port 5432 failed: FATAL:  remaining connection slots are reserved "
                + "for non-replication superuser connections");
        ROUND.reads("datastore.refusing-work", "dependency.down", "PG::ConnectionBad: FATAL:  too many connections for "
                + "role \"u8k2d0f1a3b9c7\"");
        ROUND.reads("datastore.refusing-work", "dependency.down", "[WARN ][o.e.c.r.a.DiskThresholdMonitor] [es-data-0] "
                + "flood stage disk watermark [95%] exceeded on [es-data-0][/usr/share/elasticsearch/data]");
        // narrowed: the AWS SDK's TooManyRequestsException is no registry's throttle
        ROUND.readsNot("registry.rate-limit", "TooManyRequestsException: Rate Exceeded.");
        // narrowed: docker inspect's own template is no OOM kill
        ROUND.readsNot("kernel.oom-killed", "+ docker inspect --format='{{.State.OOMKilled}}' 4e1d9a7c2b30");
        // widened: Redis at its maxclients
        ROUND.reads("datastore.refusing-work", "dependency.down", "2026-12-04T21:44:03+00:00 app[web.7]: "
                + "Redis::CommandError (ERR max number of clients reached)");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // Heroku's H10 is the router's view of any crash: after an R10 boot timeout (app.healthcheck-failing), a dead
        // add-on (dependency.down), a literal "$PORT" (config.invalid), a database certificate refused (tls.certificate)
        // or a platform release gone wrong, the dyno's
        // own lines say why, and they outweigh it there
        // h49-21 (twentieth session): a dyno crashing on a postgres:// scheme SQLAlchemy 1.4 refuses: the setting
        // h50-26 (twentieth session): Beanstalk's health going Severe because the start command names a script npm
        // does not have (config.invalid); h51-32, p95-06: Heroku's H10 after a dyno exited for a secret it did not
        // have (config.missing-secret); p92-11: gcloud's PERMISSION_DENIED for an Artifact Registry permission, which
        // registry.artifactregistry-permission reads as the registry's (registry.auth)
        // h61-07 (consumed in session 22): H10 after the dyno failed to bind $PORT within its boot timeout (R10), labelled
        // by the boot's health (app.healthcheck-failing)
        // p107-03 (session 22): H10 after the dyno exited for an address variable it was not given (config.missing-secret)
        // h69-06 (consumed in session 23): gcloud's PERMISSION_DENIED on an Artifact Registry repository during a
        // source deploy, labelled registry.auth as p92-11
        // p110-02, p110-12 (session 23): H10 after the dyno exited on a Heroku Postgres out of connection slots
        // (platform.quota: the hobby plan's limit) and on a database that terminated its connections (dependency.down)
        // h80-04 (consumed in session 25): H10 after ioredis fell back to localhost because REDIS_URL was unset
        // (config.missing-secret)
        // p127-04 (tuning, session 26): NETSDK1045 inside an image build whose FROM is the .NET 7 SDK image while the
        // project targets .NET 8: the Dockerfile's base image is what must change (build.dockerfile); p182-05 (tuning,
        // session 40): the same in an action's image build, the .NET 8 SDK image for a .NET 9 project
        // h114-05 (consumed in session 34): H10 after the Spring Boot dyno exited because spring.datasource.url was not
        // given (config.missing-secret)
        // h139-25, h139-29 (consumed in session 41): the Kyverno admission pod crash-looping after its CRDs were removed
        // (app.crash-on-boot) and killed by its liveness probe on a throttled node (app.healthcheck-failing): the webhook
        // refusing connections is the restart window, a consequence of the pod's own failure
        ROUND.staysInItsCauses("h139-25 k8s.webhook-unreachable", "h139-29 k8s.webhook-unreachable",
                "h114-05 heroku.router-app-crashed", "p127-04 dotnet.sdk-does-not-support-target",
                "p182-05 dotnet.sdk-does-not-support-target", "h80-04 heroku.router-app-crashed", "p110-02 heroku.router-app-crashed", "p110-12 heroku.router-app-crashed",
                "h69-06 gcloud.permission-denied", "h49-21 heroku.router-app-crashed", "h61-07 heroku.router-app-crashed",
                "p107-03 heroku.router-app-crashed", "h51-32 heroku.router-app-crashed",
                "p92-11 gcloud.permission-denied", "p95-06 heroku.router-app-crashed",
                "h50-26 beanstalk.elb-health-failing", "h29-07 heroku.router-app-crashed",
                "h32-02 heroku.router-app-crashed",
                "h5-16 heroku.router-app-crashed", "p39-15 heroku.router-app-crashed", "p40-24 heroku.router-app-crashed",
                "p41-12 heroku.router-app-crashed", "p45-35 heroku.router-app-crashed",
                "p45-36 heroku.router-app-crashed", "p66-17 heroku.router-app-crashed",
                // h35-01 (session 18): after an R10 boot timeout, as h29-07
                "h35-01 heroku.router-app-crashed", "h36-21 heroku.router-app-crashed",
                // p76-20 (session 18): after a database certificate refused, as the tls.certificate case above
                "p76-20 heroku.router-app-crashed",
                // h74-21 (consumed in session 24): the router's H10 after the dyno was stopped for binding only to
                // localhost (its label app.healthcheck-failing, the R10 read first)
                "h74-21 heroku.router-app-crashed",
                // h95-23, h96-28 (consumed in session 28): H10 after Spring refused the literal "$PORT" of application.yml
                // (config.invalid), and after R14/R15 and the dyno's SIGKILL for memory (app.oom)
                "h95-23 heroku.router-app-crashed", "h96-28 heroku.router-app-crashed",
                // h75-06 (consumed in session 24): GHCR's refusal of the workflow token's push is the registry's login
                // (registry.auth); the token permission reading names the same refusal
                "h75-06 github.token-permission-denied",
                // h43-04 (consumed in session 19): after an R10 boot timeout, as h29-07
                "h43-04 heroku.router-app-crashed",
                // p127-04 (session 26): the SDK too old inside a BuildKit RUN is the base image's (build.dockerfile's
                // toolchain-of-the-base-image takes the line back from config.invalid)
                "p127-04 dotnet.sdk-does-not-support-target",
                // p57-32 (session 26): azure/login's empty inputs in a fork's pull request, labelled by the secrets a
                // fork's run is not given (config.missing-secret); the same line on a push (p127-25) is the deploy token's
                "p57-32 azure.deploy-credentials-missing",
                // h92-31 (consumed in session 27), p131-20 (tuning, session 27): H10 after an R10 boot timeout (heavy
                // imports; Puma on 9292 instead of $PORT), labelled app.healthcheck-failing as h29-07
                "h92-31 heroku.router-app-crashed", "p131-20 heroku.router-app-crashed",
                // p145-35 (tuning, session 31): the vault-crd operator's own service account refused list/watch on secrets
                // after an image bump, the operator dying at initialisation each start (app.crash-on-boot): the
                // refusal is the crash's reason inside the app, not a deploy token's
                "p145-35 k8s.rbac-forbidden",
                // p204-12 (tuning, session 45): curl's upload URL is the literal "null" because a release action runs on a
                // push, whose event has no release: an unset value, as the indication reads it, of the trigger the label
                // (config.invalid) names
                "p204-12 dns.lookup-of-unset-variable");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                Fleet.corpusLinesReadBy(EXIT_DETAIL_ROUND.causeOf().keySet()));
    }

    /**
     * Jest's threshold verdict is read in two LogChunks logs of postcss/autoprefixer's failed Travis builds, each its
     * build's own failure ("Jest: "global" coverage threshold for lines (99.96%) not met: 99.88%" under the coverage
     * table): the only corpus lines it reads.
     */
    @Test
    void jestsThresholdReadsOnlyTheCorpusBuildsItFailed() throws IOException {
        COVERAGE_ROUND.staysInItsCausesReadingInTheCorpus(java.util.List.of(
                "postcss@autoprefixer/failed/460085832.log:750 jest.coverage-threshold",
                "postcss@autoprefixer/failed/460092373.log:747 jest.coverage-threshold"));
    }
}
