package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-second session's rule writers, each in its tool's own words: rules22a's round on the
 * consumed h61- to h63- (App Engine's and Netlify's refused settings, a deploy token that is absent or not accepted, a
 * provider registry out of reach, CloudFormation's template, Oracle's tenancy limit, Azure's and a PaaS's own server
 * errors, npm's unresolvable tree, a bare time limit, a status page's incident, Render's suspended service, docker's
 * retried layers, pytest's errored tests, a deploy CLI the runner lacks); rules22b's on p103- and h58- to h60- (a
 * refused CircleCI or Buildkite pipeline, a Jenkins credential that is not there, the Dockerfile's context and stages,
 * Heroku's slug limit, kustomize, TOML, a retired Fly region, RBAC's older words, bun's failed test, a runner's
 * forbidden mount, a Kubernetes API server that does not answer); and rules22c's on p101- and p102- (self-hosted hosts
 * and the proxies in front of own apps: docker login's empty flag, a missing env file, gunicorn's pid file, a stale
 * unix socket, Google's load balancer without a healthy backend, a grid node's full disk). Each is tested on its
 * source's words and a near miss (the first pair of each is indication-cases.tsv's row); each new log indication reads
 * no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class FortyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules22b
            Map.entry("circleci.config-invalid", "config.invalid"),
            Map.entry("buildkite.pipeline-upload-422", "config.invalid"),
            Map.entry("jenkins.credential-not-found", "auth.deploy-token"),
            Map.entry("docker.dockerfile-outside-context", "build.dockerfile"),
            Map.entry("dockerfile.invalid-from-flag", "build.dockerfile"),
            Map.entry("heroku.slug-too-large", "platform.quota"),
            Map.entry("kustomize.accumulating-resources-failed", "config.invalid"),
            Map.entry("toml.parse-error", "config.invalid"),
            Map.entry("fly.region-deprecated", "config.invalid"),
            Map.entry("k8s.rbac-forbidden-older", "auth.deploy-token"),
            Map.entry("bun.test-failed", "ci.test-failure"),
            Map.entry("oci.container-init-mount-not-permitted", "ci.runner"),
            Map.entry("k8s.api-server-unanswered", "platform.outage"),
            // rules22c
            Map.entry("docker-login.credential-flag-empty", "config.missing-secret"),
            Map.entry("docker.env-file-missing", "config.missing-secret"),
            Map.entry("gunicorn.pidfile-already-running", "app.crash-on-boot"),
            Map.entry("unix-socket.bind-in-use", "app.crash-on-boot"),
            Map.entry("gclb.no-healthy-backend", "app.healthcheck-failing"),
            Map.entry("grid.workload-no-space", "platform.capacity"),
            // rules22a
            Map.entry("gcloud.app-yaml-setting-refused", "config.invalid"),
            Map.entry("gcloud.required-file-ignored", "config.invalid"),
            Map.entry("netlify.plugin-invalid-input", "config.invalid"),
            Map.entry("netlify-cli.login-timed-out", "auth.deploy-token"),
            Map.entry("vercel.no-credentials", "auth.deploy-token"),
            Map.entry("terraform.provider-registry-unreachable", "build.dependency-fetch"),
            Map.entry("cfn.template-format-error", "config.invalid"),
            Map.entry("oci.tenancy-limit-exceeded", "platform.quota"),
            Map.entry("swa.deployment-server-error", "platform.outage"),
            Map.entry("azure-sdk.response-server-error", "platform.outage"),
            Map.entry("flynn.deploy-timed-out", "ci.timeout"),
            Map.entry("azure.linux-workers-not-in-resource-group", "config.invalid"),
            Map.entry("npm.eresolve", "build.dependency-fetch"),
            Map.entry("ci.bare-timeout-exceeded-generic", "ci.timeout"),
            Map.entry("docker.layer-retrying", "registry.unavailable"),
            Map.entry("pytest.summary-errors", "ci.test-failure"),
            Map.entry("paas.remote-docker-node-unreachable", "platform.outage"),
            Map.entry("ci.deploy-cli-not-on-runner", "ci.runner"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Read in carried texts and answers' bodies, which no labelled scenario's log holds (h61-34's status API detail, the
     * open incident on netlifystatus.com; h61-18's answer body and its x-render-routing header): checked against the
     * shared corpus only.
     */
    private static final ShapeRound ANSWER_ROUND = new ShapeRound(Map.of(
            "statuspage.incident-update", "platform.outage", "render.service-suspended", "platform.quota"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules22b: a refused pipeline or deploy definition, a CI credential that is not there, a platform's hard limit
        ROUND.reads("circleci.config-invalid", "Encountered errors trying to create workflows from this config: Config does not conform to schema: {:workflows {:build {:jobs [{:build (not (map? nil)), :filters {:tags disallowed-key}}]}}}");
        ROUND.readsNot("circleci.config-invalid", "Config file at .circleci/config.yml is valid.");
        ROUND.reads("circleci.config-invalid", "* In step 8 definition: '' expected a map, got 'string'");
        ROUND.readsNot("circleci.config-invalid", "Step 8 definition: deploy");
        ROUND.reads("buildkite.pipeline-upload-422", "2021-06-13 09:38:07 FATAL  Failed to upload and process pipeline: POST https://agent.buildkite.com/v3/jobs/0193f1a2-6b7c-4d8e-9f01-23456789abcd/pipelines: 422 `build` is invalid: configuration must be defined with a hash");
        ROUND.readsNot("buildkite.pipeline-upload-422", "2022-03-22 10:01:02 WARN   POST https://agent.buildkite.com/v3/jobs/0193f1a2-6b7c-4d8e-9f01-23456789abcd/pipelines: 500 There was an unknown error uploading these steps. (Attempt 1/60 Retrying in 5s)");
        ROUND.reads("jenkins.credential-not-found", "ERROR: Could not find credentials entry with ID 'blueocean'");
        ROUND.readsNot("jenkins.credential-not-found", "using credential aws-deploy");
        ROUND.reads("jenkins.credential-not-found", "java.lang.RuntimeException: Cannot find a Username with password credential with the ID aws-s3-creds");
        ROUND.readsNot("jenkins.credential-not-found", "Masking supported pattern matches of $AWS_ACCESS_KEY_ID or $AWS_SECRET_ACCESS_KEY");
        ROUND.reads("docker.dockerfile-outside-context", "unable to prepare context: The Dockerfile (/var/lib/jenkins/workspace/build/dist/Dockerfile) must be within the build context (/var/lib/jenkins/workspace/build/dist/..//release-20181204.181943)");
        ROUND.readsNot("docker.dockerfile-outside-context", "unable to prepare context: path \"/var/lib/jenkins/workspace/build/release\" not found");
        ROUND.reads("dockerfile.invalid-from-flag", "invalid from flag value bulid: pull access denied for bulid, repository does not exist or may require 'docker login'");
        ROUND.readsNot("dockerfile.invalid-from-flag", "Step 4/4 : COPY --from=build /a_file .");
        ROUND.reads("heroku.slug-too-large", "remote:  !     Compiled slug size: 515.2M is too large (max is 500M).");
        ROUND.readsNot("heroku.slug-too-large", "remote: -----> Compiled slug size is 165M");
        ROUND.reads("kustomize.accumulating-resources-failed", "Error: accumulating resources: accumulation err='accumulating resources from 'namespace.yaml': evalsymlink failure on '/src/config/default/namespace.yaml' : lstat /src/config/default/namespace.yaml: no such file or directory': must build at directory: not a valid directory");
        ROUND.readsNot("kustomize.accumulating-resources-failed", "kustomize build config/default | kubectl apply -f -");
        ROUND.reads("kustomize.accumulating-resources-failed", "✗ Kustomization reconciliation failed: kustomize build failed: accumulating resources: accumulation err='accumulating resources from 'k8s': read /tmp/kustomization-2520510114/fixtures/k8s: is a directory': recursed accumulation of path '/tmp/kustomization-2520510114/fixtures/k8s': accumulating resources: accumulation err='accumulating resources from 'namespace_pass.yaml': open /tmp/kustomization-2520510114/fixtures/k8s/namespace_pass.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '/tmp/kustomization-2520510114/fixtures/k8s/namespace_pass.yaml' : lstat /tmp/kustomization-2520510114/fixtures/k8s/namespace_pass.yaml: no such file or directory");
        ROUND.readsNot("kustomize.accumulating-resources-failed", "◎ waiting for Kustomization reconciliation: accumulating resources");
        ROUND.reads("toml.parse-error", "tomllib.TOMLDecodeError: Expected '=' after a key in a key/value pair (at line 18, column 7)");
        ROUND.readsNot("toml.parse-error", "Reading configuration from .posit/publish/fastapi-simple-0ARR.toml");
        ROUND.reads("toml.parse-error", "Failed to deploy . An error has occurred at deploy, Status=400, StatusText=Bad Request, Code=ERR_BAD_REQUEST, Msg=Bad Request: /home/runner/work/fastapi-simple/fastapi-simple/.posit/publish/fastapi-simple-0ARR.toml:18:7: expected = after a key, but the document ends there , URL=http://localhost:53562/api/post/deployments/deployment-NU2B");
        ROUND.readsNot("toml.parse-error", "Wrote .posit/publish/fastapi-simple-0ARR.toml:18 lines");
        ROUND.reads("fly.region-deprecated", "Error: error creating a new machine: failed to launch VM: Region yul is deprecated and cannot have new resources provisioned. Please consider using an alternate region such as yyz");
        ROUND.readsNot("fly.region-deprecated", "Error: error creating a new machine: failed to launch VM: insufficient resources available to fulfill request");
        ROUND.reads("k8s.rbac-forbidden-older", "from server for: \"deployment.yml\": deployments.apps \"helloFormGitlab\" is forbidden: User \"system:serviceaccount:gitlab:default\" cannot get deployments.apps in the namespace \"gitlab\"");
        ROUND.readsNot("k8s.rbac-forbidden-older", "Error from server (Forbidden): error when retrieving current configuration of:");
        ROUND.reads("bun.test-failed", "(fail) groupThreads > keeps replies under their parent [2.11ms]");
        ROUND.readsNot("bun.test-failed", "(pass) groupThreads > keeps replies under their parent [2.11ms]");
        ROUND.reads("oci.container-init-mount-not-permitted", "Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting \"/usr/local/bin/docker-init\" to rootfs at \"/sbin/docker-init\": mount /proc/self/fd/7:/sbin/docker-init (via /proc/self/fd/13), flags: 0x1021: operation not permitted: unknown");
        ROUND.readsNot("oci.container-init-mount-not-permitted", "Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"node\": executable file not found in $PATH: unknown");
        ROUND.reads("k8s.api-server-unanswered", "Unable to connect to the server: net/http: TLS handshake timeout");
        ROUND.readsNot("k8s.api-server-unanswered", "Unable to connect to the server: dial tcp: lookup c100-app-dev on 127.0.0.11:53: no such host");
        ROUND.reads("k8s.api-server-unanswered", "Error: UPGRADE FAILED: Kubernetes cluster unreachable: Get \"https://A1B2C3.gr7.us-east-1.eks.example.com/version\": dial tcp 10.40.3.17:443: i/o timeout");
        ROUND.reads("k8s.api-server-unanswered", "Unable to connect to the server: read tcp 10.1.0.4:51432->51.159.10.20:6443: read: connection reset by peer");
        ROUND.readsNot("k8s.api-server-unanswered", "Unable to connect to the server: x509: certificate signed by unknown authority");
        // rules22c: self-hosted hosts and the proxies in front of own apps
        ROUND.reads("docker-login.credential-flag-empty", "docker stderr: flag needs an argument: 'p' in -p\nSee 'docker login --help'.");
        ROUND.readsNot("docker-login.credential-flag-empty", "docker: flag needs an argument: 'p' in -p\nSee 'docker run --help'.");
        ROUND.reads("docker.env-file-missing", "docker stderr: docker: open .kamal/apps/tenders-staging/env/roles/web.env: no such file or directory");
        ROUND.readsNot("docker.env-file-missing", "docker stderr: docker: open /var/lib/docker/tmp/GetImageBlob123: no such file or directory");
        ROUND.reads("docker.env-file-missing", "env file /runner/_work/conductai/conductai/.env not found: stat /runner/_work/conductai/conductai/.env: no such file or directory");
        ROUND.readsNot("docker.env-file-missing", "config file /runner/_work/conductai/conductai/compose.yaml not found: stat /runner/_work/conductai/conductai/compose.yaml: no such file or directory");
        ROUND.reads("gunicorn.pidfile-already-running", "Error: Already running on PID 224 (or pid file '/run/app/gunicorn.pid' is stale)");
        ROUND.readsNot("gunicorn.pidfile-already-running", "[2026-12-05 07:55:24 +0000] [579] [INFO] Starting gunicorn 20.1.0");
        ROUND.reads("unix-socket.bind-in-use", "2026/12/05 09:22:10 [emerg] 18#18: bind() to unix:/var/lib/nginx/nginx-config-version.sock failed (98: Address already in use)");
        ROUND.readsNot("unix-socket.bind-in-use", "2026/12/05 09:22:10 [emerg] 18#18: bind() to 0.0.0.0:80 failed (98: Address already in use)");
        ROUND.reads("gclb.no-healthy-backend", "  ingress.kubernetes.io/backends: {\"k8s-be-30100--7c1d\":\"UNHEALTHY\",\"k8s-be-31822--7c1d\":\"HEALTHY\"}");
        ROUND.readsNot("gclb.no-healthy-backend", "  ingress.kubernetes.io/backends: {\"k8s-be-30100--7c1d\":\"HEALTHY\",\"k8s-be-31822--7c1d\":\"HEALTHY\"}");
        ROUND.reads("gclb.no-healthy-backend", "502\tfailed_to_pick_backend");
        ROUND.readsNot("gclb.no-healthy-backend", "200\tresponse_sent_by_backend");
        ROUND.reads("grid.workload-no-space", "│ Error: error waiting deployment: workload 0 failed within deployment 8428 with error no space left on device");
        ROUND.readsNot("grid.workload-no-space", "│ Error: error waiting deployment: workload 0 failed within deployment 8428 with error context deadline exceeded");
        // rules22a: the round on h61- to h63-
        ROUND.reads("gcloud.app-yaml-setting-refused", "ERROR: (gcloud.app.deploy) INVALID_ARGUMENT: Deployments to App Engine Flexible require `env: flex` in app.yaml.  The `vm:true` setting has been deprecated.");
        ROUND.readsNot("gcloud.app-yaml-setting-refused", "ERROR: (gcloud.app.deploy) INVALID_ARGUMENT: Your app may not have more than 210 versions.");
        ROUND.reads("gcloud.required-file-ignored", "ERROR: (gcloud.app.deploy) Required file is not uploaded: [app.yaml]. This file should not be added to an ignore list (https://cloud.google.com/sdk/gcloud/reference/topic/gcloudignore)");
        ROUND.readsNot("gcloud.required-file-ignored", "ERROR: (gcloud.app.deploy) Required file is missing");
        ROUND.reads("netlify.plugin-invalid-input", "  Unknown inputs for plugin \"netlify-plugin-a11y\": \"failWithIssues\"");
        ROUND.readsNot("netlify.plugin-invalid-input", "  Plugin inputs should be one of: \"checkPaths\", \"ignoreDirectories\"");
        ROUND.reads("netlify.plugin-invalid-input", "1:02:46 PM: Plugin \"netlify-plugin-a11y\" invalid input \"failWithIssues\"");
        ROUND.reads("netlify.plugin-invalid-input", "1:02:46 PM:   While loading \"netlify-plugin-a11y\" from netlify.toml");
        ROUND.readsNot("netlify.plugin-invalid-input", "1:02:45 PM: Loading plugins");
        ROUND.reads("netlify-cli.login-timed-out", " ›   Error: Timed out waiting for authorization. If you do not have a Netlify");
        ROUND.readsNot("netlify-cli.login-timed-out", "⠋ Waiting for authorization...");
        ROUND.reads("vercel.no-credentials", "Error: No existing credentials found. Please run `vercel login` or pass \"--token\"");
        ROUND.readsNot("vercel.no-credentials", "Error: The specified token is not valid. Use `vercel login` to generate a new token.");
        ROUND.reads("terraform.provider-registry-unreachable", "│ kreuzwerker/docker: could not query provider registry for");
        ROUND.readsNot("terraform.provider-registry-unreachable", "│ Error: Failed to query available provider packages");
        ROUND.reads("terraform.provider-registry-unreachable", "│ provider registry for registry.terraform.io/hashicorp/aws: the request failed after 2 attempts,");
        ROUND.reads("cfn.template-format-error", "  Error: The CloudFormation template is invalid: Template format error: Unresolved resource dependencies [OwnstatsDatabase] in the Resources block of the template");
        ROUND.readsNot("cfn.template-format-error", "Serverless: Validating template...");
        ROUND.reads("cfn.template-format-error", "An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unresolved resource dependencies [Analytics] in the Resources block of the template");
        ROUND.reads("oci.tenancy-limit-exceeded", "* baremetal_core_volume.TFBlock0: Status: 400; Code: LimitExceeded; OPC Request ID: /********; Message: The limit for this tenancy has been exceeded.");
        ROUND.readsNot("oci.tenancy-limit-exceeded", "* baremetal_core_volume.TFBlock0: Status: 400; Code: InvalidParameter; Message: Invalid size.");
        ROUND.reads("swa.deployment-server-error", "The Azure deployment server is returning InternalServerError");
        ROUND.readsNot("swa.deployment-server-error", "The Azure deployment server is returning BadRequest");
        ROUND.reads("azure-sdk.response-server-error", "ERROR: error executing step command 'provision': deployment failed: polling deployment: RESPONSE 503: 503 Service Unavailable");
        ROUND.readsNot("azure-sdk.response-server-error", "ERROR: error executing step command 'provision': deployment failed: RESPONSE 400: 400 Bad Request");
        ROUND.reads("azure-sdk.response-server-error", "ERROR CODE: ServiceUnavailable");
        ROUND.readsNot("azure-sdk.response-server-error", "ERROR CODE: InvalidTemplateDeployment");
        ROUND.reads("flynn.deploy-timed-out", "remote: Error deploying app release: timed out waiting for deployment completion");
        ROUND.readsNot("flynn.deploy-timed-out", "remote: -----> Creating release...");
        ROUND.reads("azure.linux-workers-not-in-resource-group", "Linux workers are not available in resource group AADesignLab0502-RG. Use this link to learn more https://go.microsoft.com/fwlink/?linkid=831180");
        ROUND.readsNot("azure.linux-workers-not-in-resource-group", "The resource group AADesignLab0502-RG could not be found.");
        ROUND.reads("npm.eresolve", "npm ERR! ERESOLVE could not resolve");
        ROUND.readsNot("npm.eresolve", "npm WARN ERESOLVE overriding peer dependency");
        ROUND.reads("npm.eresolve", "npm error code ERESOLVE");
        ROUND.reads("npm.eresolve", "9:27:56 AM: npm ERR! ERESOLVE unable to resolve dependency tree");
        ROUND.reads("ci.bare-timeout-exceeded-generic", "##[error]timeout exceeded");
        ROUND.readsNot("ci.bare-timeout-exceeded-generic", "##[error]timeout exceeded while waiting for the database");
        ANSWER_ROUND.reads("statuspage.incident-update", "Investigating - Builds failing to install Node.js versions: we are investigating an issue where builds fail while installing the Node.js version requested by the site.");
        ANSWER_ROUND.readsNot("statuspage.incident-update", "Resolved - This incident has been resolved.");
        ANSWER_ROUND.reads("render.service-suspended", "Service has been suspended");
        ANSWER_ROUND.readsNot("render.service-suspended", "Service has been resumed");
        ANSWER_ROUND.reads("render.service-suspended", "x-render-routing: suspend; server: cloudflare");
        ANSWER_ROUND.readsNot("render.service-suspended", "x-render-origin-server: uvicorn; server: cloudflare");
        ROUND.reads("docker.layer-retrying", "07:30:02  f9939a7e8903: Retrying in 7 seconds");
        ROUND.readsNot("docker.layer-retrying", "WARNING: Retrying (Retry(total=4, connect=None, read=None)) after connection broken");
        ROUND.reads("pytest.summary-errors", "================= 933 passed, 454 errors in 96.41s (0:01:36) ==================");
        ROUND.readsNot("pytest.summary-errors", "================= 1387 passed in 96.41s (0:01:36) ==================");
        // (the short summary's "ERROR tests/...py::test - <error>" lines of h63-38 and h50-41 are read in the fixture's
        // own error's words, the refused database's, which take the line: only the summary line is the tests')
        ROUND.reads("paas.remote-docker-node-unreachable", "remote: Post http://docker01.mycloud.tld:4243/containers/create?name=b4785c9c36bf71bb6a06: read tcp 1.0.0.211:4243: connection reset by peer");
        ROUND.readsNot("paas.remote-docker-node-unreachable", "remote: Post http://api.example.com:8080/hooks: read tcp 10.0.0.5:8080: connection reset by peer");
        ROUND.reads("ci.deploy-cli-not-on-runner", "Error: spawn vercel ENOENT");
        ROUND.readsNot("ci.deploy-cli-not-on-runner", "Error: spawn ffmpeg ENOENT");
    }

    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // docker push retries a layer before the registry's own answer names the refusal: h46-23's loser run retries its
        // first blob four times, then "unauthorized: authentication required" (registry.auth); the retries are that
        // denial's prelude, and the indication is moderate so the refusal named after them decides
        ROUND.staysInItsCauses("h46-23- docker.layer-retrying");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(ANSWER_ROUND.causeOf().keySet()));
    }
}
