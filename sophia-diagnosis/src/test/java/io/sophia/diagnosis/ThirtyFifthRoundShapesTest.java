package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of p35- to p37- (session 14: managed cloud runtimes, what runs at run time, build
 * toolchains and registries), each in its tool's own words: Cloud Run's instance allocation, Azure's deployment service
 * answering 5xx, an AWS parameter constraint, an ARM template refused, Beanstalk's WSGIPath and instance health, a
 * secret an instance could not fetch, Lambda's runtime killed, a SIGKILL reported by Python, a platform's pull identity
 * refused, Firefox's certificate domain error, Kafka's broker unreachable, gunicorn's worker exception, a host "name"
 * that is the rest of a password, a datastore that got no password, sbt's failed download, quay's push refusal,
 * firebase's refused token and buildah without FROM. Each is tested on its source's words and a near miss; each new
 * log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class ThirtyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("cloud-run.max-scale-over-allocation", "platform.quota"),
            Map.entry("azure.deployment-endpoint-server-error", "platform.outage"),
            Map.entry("aws.value-fails-constraint", "config.invalid"),
            Map.entry("arm.template-validation-failed", "config.invalid"),
            Map.entry("beanstalk.wsgipath-missing", "config.invalid"),
            Map.entry("gcp.secret-for-env-not-fetched", "config.missing-secret"),
            Map.entry("lambda.runtime-killed", "app.oom"),
            Map.entry("python.subprocess-sigkill", "app.oom"),
            Map.entry("beanstalk.instances-unhealthy", "app.healthcheck-failing"),
            Map.entry("platform.pull-identity-refused", "registry.auth"),
            Map.entry("firefox.bad-cert-domain", "tls.certificate"),
            Map.entry("kafka.broker-unreachable", "dependency.down"),
            Map.entry("gunicorn.worker-exception", "app.crash-on-boot"),
            Map.entry("config.at-sign-in-host", "config.invalid"),
            Map.entry("datastore.no-password-sent", "config.missing-secret"),
            Map.entry("sbt.download-failed", "build.dependency-fetch"),
            Map.entry("registry.push-not-authorized", "registry.auth"),
            Map.entry("firebase.token-refused", "auth.deploy-token"),
            Map.entry("buildah.no-from", "build.dockerfile"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void cloudRuntimesInTheirOwnWords() throws IOException {
        ROUND.reads("cloud-run.max-scale-over-allocation", "For the specified value, maxScale may not exceed 10.");
        ROUND.readsNot("cloud-run.max-scale-over-allocation", "autoscaling.knative.dev/maxScale: 10");
        ROUND.reads("azure.deployment-endpoint-server-error", "ERROR: An error occured during deployment. Status Code: 503, "
                + "Details: <!DOCTYPE HTML PUBLIC");
        ROUND.reads("azure.deployment-endpoint-server-error", "Internal Server Error (CODE: 500)");
        ROUND.readsNot("azure.deployment-endpoint-server-error", "Not Found (CODE: 404)");
        ROUND.reads("aws.value-fails-constraint", "Resource handler returned message: \"'MemorySize' value failed to "
                + "satisfy constraint: Member must have value less than or equal to 3008 (Service: Lambda, Status Code: 400");
        ROUND.readsNot("aws.value-fails-constraint", "MemorySize: 3008 (within the account's constraint)");
        ROUND.reads("arm.template-validation-failed", "ERROR: InvalidTemplate - Deployment template validation failed: "
                + "'The template resource 'law' at line '1' and column '3029' is not valid");
        ROUND.readsNot("arm.template-validation-failed", "Template validation passed for mlz.bicep");
        ROUND.reads("beanstalk.wsgipath-missing", "ERROR: Your WSGIPath refers to a file that does not exist.");
        ROUND.readsNot("beanstalk.wsgipath-missing", "INFO: Setting WSGIPath to application:app");
        ROUND.reads("gcp.secret-for-env-not-fetched", "Could not fetch secret \"projects/314159265358/secrets/API_KEYS/"
                + "versions/2\" for environment variable \"API_KEYS\". Instance startup will now abort");
        ROUND.readsNot("gcp.secret-for-env-not-fetched", "Fetched secret API_KEYS for environment variable API_KEYS");
        ROUND.reads("lambda.runtime-killed", "Error Runtime exited with error: signal: killed");
        ROUND.readsNot("lambda.runtime-killed", "Error Runtime exited with error: exit status 2");
        ROUND.reads("python.subprocess-sigkill", "cfn_error: b\"Command '['/opt/awscli/aws', 's3', 'sync', '/tmp/contents', "
                + "'s3://beta-docs/']' died with <Signals.SIGKILL: 9>.\"");
        ROUND.readsNot("python.subprocess-sigkill", "Command '['/opt/awscli/aws', 's3', 'sync']' died with <Signals.SIGTERM: 15>.");
        ROUND.reads("beanstalk.instances-unhealthy", "Env Event: Environment health has transitioned from Degraded to "
                + "Severe. 50.0 % of the requests are failing with HTTP 5xx. ELB processes are not healthy on 1 out of 2 instances.");
        ROUND.reads("beanstalk.instances-unhealthy", "Warning: Environment update finished, but health is Yellow and health "
                + "status is Warning. Giving it 120 seconds to recover...");
        ROUND.readsNot("beanstalk.instances-unhealthy", "Status for ordersdotnet-dev is Ready, Health: Green, HealthStatus: Ok");
        ROUND.reads("platform.pull-identity-refused", "Invalid value: \"acrappnpd.azurecr.io/admin.ui:latest\": unable to "
                + "pull image using Managed identity /subscriptions/x/userAssignedIdentities/id-web for registry acrappnpd.azurecr.io");
        ROUND.reads("platform.pull-identity-refused", "error creating App Runner Service (node-app): InvalidRequestException: "
                + "Error in assuming access role arn:aws:iam::210987654321:role/apprunner-role-5d1f0a9c");
        ROUND.readsNot("platform.pull-identity-refused", "[AppRunner] Pulled your application image with the access role.");
    }

    @Test
    void runTimeAndToolchainsInTheirOwnWords() throws IOException {
        ROUND.reads("firefox.bad-cert-domain", "Error: page.goto: SSL_ERROR_BAD_CERT_DOMAIN");
        ROUND.reads("firefox.bad-cert-domain", "The certificate is only valid for the following names: *.azurewebsites.net");
        ROUND.readsNot("firefox.bad-cert-domain", "Error: page.goto: NS_ERROR_NET_TIMEOUT");
        ROUND.reads("kafka.broker-unreachable", "[AdminClient clientId=kafdrop-admin] Connection to node -1 "
                + "(/10.40.7.31:9092) could not be established. Broker may not be available.");
        ROUND.readsNot("kafka.broker-unreachable", "[AdminClient clientId=kafdrop-admin] Node -1 disconnected.");
        ROUND.reads("gunicorn.worker-exception", "[2026-10-30 17:19:51 +0000] [3676] [ERROR] Exception in worker process");
        ROUND.readsNot("gunicorn.worker-exception", "[2026-10-30 17:19:51 +0000] [3676] [INFO] Worker exiting (pid: 3676)");
        ROUND.reads("config.at-sign-in-host", "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not "
                + "translate host name \"@db\" to address: Name or service not known");
        ROUND.readsNot("config.at-sign-in-host", "connecting to postgresql://app:***@db:5432/iris");
        ROUND.reads("datastore.no-password-sent", "Failed: NOAUTH Authentication required. [tcp://redis:6379]");
        ROUND.reads("datastore.no-password-sent", "SQLSTATE[HY000] [1045] Access denied for user 'root'@'172.18.0.1' "
                + "(using password: NO)");
        ROUND.readsNot("datastore.no-password-sent", "SQLSTATE[HY000] [1045] Access denied for user 'root'@'172.18.0.1' "
                + "(using password: YES)");
        ROUND.reads("sbt.download-failed", "[error] (*:update) sbt.ResolveException: download failed: "
                + "org.scalaz#scalaz-core_2.10;7.0.6!scalaz-core_2.10.jar(bundle)");
        ROUND.readsNot("sbt.download-failed", "[info] downloading https://repo1.maven.org/maven2/org/scalaz/x.jar ...");
        ROUND.reads("registry.push-not-authorized", "unauthorized: access to the requested resource is not authorized");
        ROUND.readsNot("registry.push-not-authorized", "Login Succeeded");
        ROUND.reads("firebase.token-refused", "Error: HTTP Error: 401, Request had invalid authentication credentials. "
                + "Expected OAuth 2 access token, login cookie or other valid authentication credential.");
        ROUND.readsNot("firebase.token-refused", "Error: HTTP Error: 404, Requested entity was not found.");
        ROUND.reads("buildah.no-from", "no FROM statement found");
        ROUND.readsNot("buildah.no-from", "STEP 1/4: FROM registry.fedoraproject.org/fedora:40");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // gunicorn's worker exception is printed before the traceback that names why the worker failed: in scenarios of a
        // missing secret it is that secret's consequence
        // p47-07 (session 15): a job looping on an unreachable Kafka broker until its 45-minute limit, labelled the limit
        // p71-14, p71-30 (session 17): Gunicorn's worker exception over Django's missing SECRET_KEY and DATABASE_URL
        // p95-14 (twentieth session): a worker dying on an empty SECRET_KEY is that secret's consequence
        // h56-09 (consumed in session 21): App Runner's message for a tag that is not there also names the access role,
        // labelled image.not-found; p99-34 (session 21): integration tests that fail on the tests' own Kafka broker,
        // labelled ci.test-failure
        // p109-15, p109-38 (session 22): a consumer told to reach a broker advertised as localhost (config.invalid), and
        // integration tests that fail on the tests' own Kafka broker (ci.test-failure, as p99-34)
        // h67-27, h69-19 (consumed in session 23): Gunicorn's worker exception over Django's missing DATABASE_URL and
        // an empty SECRET_KEY, labelled config.missing-secret as p71-14 and p95-14
        // p138-06 (tuning, session 29): the worker exception over an empty SECRET_KEY again (config.missing-secret)
        ROUND.staysInItsCauses("p138-06 gunicorn.worker-exception",
                // p165-17 (session 36, rules36-p165; config.invalid): the worker fails on the start command naming a file
                // path for the module (python.module-name-is-a-path reads why)
                "p165-17 gunicorn.worker-exception", "h67-27 gunicorn.worker-exception",
                "h69-19 gunicorn.worker-exception",
                "p109-15 kafka.broker-unreachable", "p109-38 kafka.broker-unreachable",
                "p95-14 gunicorn.worker-exception", "h7-42 gunicorn.worker-exception", "p13-23 gunicorn.worker-exception",
                "p71-14 gunicorn.worker-exception", "p71-30 gunicorn.worker-exception",
                "p17-32 gunicorn.worker-exception", "p47-07 kafka.broker-unreachable",
                // session 16, the consumed h24- to h26-: four more missing secrets behind the same worker exception
                "h24-24 gunicorn.worker-exception", "h25-16 gunicorn.worker-exception", "h26-19 gunicorn.worker-exception",
                "h26-20 gunicorn.worker-exception", "h30-33 gunicorn.worker-exception",
                "h56-09 platform.pull-identity-refused", "p99-34 kafka.broker-unreachable",
                // h97-30 (consumed in session 28): the worker exception over an empty SECRET_KEY in a Fly review app
                // deployed without its secrets (config.missing-secret, as h69-19)
                "h97-30 gunicorn.worker-exception",
                // h111-24 (consumed in session 33): consumers bootstrapped, then refused at the Docker bridge address the
                // broker advertises (advertised.listeners, config.invalid, as p109-15's localhost)
                "h111-24- kafka.broker-unreachable");
    }
}
