package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-seventh session's rule writer rules37b, each in its tool's own words: its round on
 * h123- (cloud container platforms) and h124- (a product team's on-call week). Oryx failing to download the SDK list
 * it builds with; Secret Manager refusing a workload's identity its configured secret (Cloud Run's revision check,
 * the client library at start); Azure finding no DNS record of a custom domain that proves or routes it (asuid TXT,
 * CNAME); a registry's unexpected answer to a manifest download, also as ECS cuts it before the status; flyctl finding
 * no Docker daemon on the job's machine; flyctl losing its TCP connection to Fly's remote builder; a NestJS database
 * module retrying a connection that gets no answer; a database client dialling a Unix socket through a path that runs
 * through a file (the socket's path given as its directory). Widened: GitHub's
 * no-runner failure in either word order, and OTP's server alert refusing a client's own certificate. Each new
 * indication is tested on its source's words and near misses (the first pair is indication-cases.tsv's row); it reads
 * no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredSeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules37b (h123-: cloud container platforms; h124-: a product team's on-call week)
            Map.entry("oryx.sdk-download-failed", "build.dependency-fetch"),
            Map.entry("gcp.secret-access-denied", "config.missing-secret"),
            Map.entry("azure.custom-domain-record-not-found", "network.dns"),
            Map.entry("registry.manifest-unexpected-status", "registry.unavailable"),
            Map.entry("flyctl.docker-unavailable", "ci.runner"),
            Map.entry("fly.remote-builder-connection-lost", "platform.outage"),
            Map.entry("nest.database-connect-retrying", "dependency.down"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /** A shape read in a machine's exit detail (no scenario's log carries it): the engine's exit-detail rule weighs it. */
    private static final ShapeRound EXIT_DETAIL_ROUND = new ShapeRound(Map.of(
            "db.socket-path-not-a-directory", "config.invalid"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("oryx.sdk-download-failed", "Error: System.AggregateException: Http request to retrieve the SDKs available to download from 'https://oryx-cdn.microsoft.io' failed. Please ensure that your network configuration allows traffic to required Oryx dependencies");
        ROUND.readsNot("oryx.sdk-download-failed", "Oryx has timed out while building app, the current build timeout is 900 seconds");
        ROUND.reads("oryx.sdk-download-failed", "System.AggregateException: Http request to retrieve the default version from 'https://oryx-cdn.microsoft.io/node/defaultVersion.txt' failed. Please ensure that your network configuration allows traffic to required Oryx dependencies");
        ROUND.readsNot("oryx.sdk-download-failed", "npm ERR! network request to https://registry.npmjs.org/express failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org");

        ROUND.reads("gcp.secret-access-denied", "spec.template.spec.containers[0].env[12].value_from.secret_key_ref.name: Permission denied on secret: projects/orbit-dev/secrets/SAMS_GITHUB_CLIENT_SECRET/versions/latest for Revision service account sams-sa@sams-dev-4c1e.iam.gserviceaccount.com.");
        ROUND.readsNot("gcp.secret-access-denied", "Secret projects/830221947115/secrets/db-password/versions/latest was not found");
        ROUND.reads("gcp.secret-access-denied", "setup.Setup: error loading environment variables: failed to resolve \"projects/623414997131/secrets/csrfAuthKey/versions/1\": rpc error: code = PermissionDenied desc = Permission 'secretmanager.versions.access' denied for resource 'projects/623414997131/secrets/csrfAuthKey/versions/1' (or it may not exist).");
        ROUND.readsNot("gcp.secret-access-denied", "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'run.services.get' denied on resource 'namespaces/acme/services/api' (or resource may not exist).");

        ROUND.reads("azure.custom-domain-record-not-found", "ERROR: A TXT record pointing from asuid.shop.vermillion-tea.com to 2530F7A1C4E98B0D36E2F5A7C1B9D04E8F3A6C2B5D7E9F1A3C5B7D9E0F2A4C6 was not found.");
        ROUND.readsNot("azure.custom-domain-record-not-found", "ERROR: (RequireCustomHostnameInEnvironment) Creating managed certificate requires hostname 'shop.example.com' added as a custom hostname to a container app in environment 'cae-shop'");
        ROUND.reads("azure.custom-domain-record-not-found", "ERROR: {\"status\":\"Failed\",\"error\":{\"code\":\"DeploymentFailed\",\"details\":[{\"code\":\"InvalidCustomHostNameValidation\",\"message\":\"Not found CNAME of hostname 'api.greenlane.io' directly pointing to a default hostname.\"}]}}");
        ROUND.readsNot("azure.custom-domain-record-not-found", "Error: creating Custom Domain: The custom domain 'www.example.com' is already bound to another resource");

        ROUND.reads("registry.manifest-unexpected-status", "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReaderSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/amazon/aws-xray-daemon/manifests/sha256:2d964e1dbe7a8c9f03f4e9580ff00220bc84ce0294539c6...");
        ROUND.readsNot("registry.manifest-unexpected-status", "failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/python/manifests/sha256:5501a4fe: 401 Unauthorized");
        ROUND.reads("registry.manifest-unexpected-status", "CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/biocontainers/samtools/manifests/sha256:86e3bff9634b: 503 Service Unavailable");
        ROUND.readsNot("registry.manifest-unexpected-status", "CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref docker.io/acme/api:v2: docker.io/acme/api:v2: not found");

        ROUND.reads("flyctl.docker-unavailable", "Error: failed to fetch an image or build from source: docker is unavailable to build the deployment image");
        ROUND.readsNot("flyctl.docker-unavailable", "Error: failed to fetch an image or build from source: error building: failed to solve: process \"/bin/sh -c bundle install\" did not complete successfully: exit code: 5");
        ROUND.reads("flyctl.docker-unavailable", "Error: failed to fetch an image or build from source: no docker daemon available");
        ROUND.readsNot("flyctl.docker-unavailable", "Error: failed to fetch an image or build from source: remote builder app unavailable");

        ROUND.reads("fly.remote-builder-connection-lost", "Error error building: failed to dial gRPC: cannot connect to the Docker daemon. Is 'docker daemon' running on this host?: read tcp 172.17.0.2:38412->213.188.198.250:10000: read: connection reset by peer");
        ROUND.readsNot("fly.remote-builder-connection-lost", "ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
        ROUND.reads("fly.remote-builder-connection-lost", "Error failed to fetch an image or build from source: error building: failed to dial gRPC: cannot connect to the Docker daemon. Is 'docker daemon' running on this host?: dial tcp [fdaa:0:2b6:a7b:1a:bd57:bf3:2]:2375->[fdaa::3]:2375: i/o timeout");
        ROUND.readsNot("fly.remote-builder-connection-lost", "Error: failed to fetch an image or build from source: error building: failed to solve: rpc error: code = Canceled desc = grpc: the client connection is closing");

        ROUND.reads("nest.database-connect-retrying", "[Nest] 1  - 01/17/2026, 8:46:56 AM   ERROR [TypeOrmModule] Unable to connect to the database. Retrying (7)...\nError: connect ETIMEDOUT");
        ROUND.readsNot("nest.database-connect-retrying", "[Nest] 45166  - 02/24/2026, 4:23:39 PM   ERROR [TypeOrmModule] Unable to connect to the database. Retrying (1)...\nDataTypeNotSupportedError: Data type \"timestamp\" in \"RemoteRepositoryConfig.lastSyncedAt\" is not supported by \"sqlite\" database.");
        ROUND.reads("nest.database-connect-retrying", "[Nest] 234  - ERROR [MongooseModule] Unable to connect to the database. Retrying (4)...\nError: connect EHOSTUNREACH 10.0.12.7:27017");
        ROUND.readsNot("nest.database-connect-retrying", "[Nest] 1  - ERROR [TypeOrmModule] Unable to connect to the database. Retrying (2)...\nError: SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string");

        EXIT_DETAIL_ROUND.reads("db.socket-path-not-a-directory", "routers/init.go:69:mustInitCtx() [F] code.gitea.io/gitea/routers/common.InitDBEngine(ctx) failed: dial unix /var/run/postgresql/.s.PGSQL.5432/.s.PGSQL.5432: connect: not a directory");
        EXIT_DETAIL_ROUND.readsNot("db.socket-path-not-a-directory", "routers/init.go:69:mustInitCtx() [F] code.gitea.io/gitea/routers/common.InitDBEngine(ctx) failed: dial unix /var/run/postgresql/.s.PGSQL.5432: connect: no such file or directory");
        EXIT_DETAIL_ROUND.reads("db.socket-path-not-a-directory", "sql open: send ping: failed to connect to `host=/dev/null user=postgres database=gl`: dial error (dial unix /dev/null/.s.PGSQL.5432: connect: not a directory)");
        EXIT_DETAIL_ROUND.readsNot("db.socket-path-not-a-directory", "failed to connect to `host=/var/run/postgresql user=gitea database=gitea`: dial error (dial unix /var/run/postgresql/.s.PGSQL.5432: connect: connection refused)");

        // the widened indications
        ROUND.reads("ci.no-runner-online", "ci.runner", "This request was automatically failed because there were no runners enabled online to process the request for more than 1 day.");
        ROUND.readsNot("ci.no-runner-online", "This request was automatically failed because it uses a deprecated version of `actions/upload-artifact: v3`.");
        ROUND.reads("erlang.ssl-client-alert-certificate", "tls.certificate", "redis: Re-establishing connection to \"redis.internal\":6380 due to {failed_to_upgrade_to_tls, {tls_alert, {certificate_expired, \"TLS client: In state cipher received SERVER ALERT: Fatal - Certificate Expired\"}}}");
        ROUND.readsNot("erlang.ssl-client-alert-certificate", "TLS :client: In state :connection received SERVER ALERT: Fatal - Certificate required");
    }

    /**
     * On the labelled scenarios the round reads only lines of its own cause; of the shared corpus it reads only
     * deploy-errors.tsv's row of flyctl's own message (category builder_unavailable, resolver.go), which is the words
     * flyctl.docker-unavailable is written for.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCausesReadingInTheCorpus(List.of("deploy-errors.tsv:16 flyctl.docker-unavailable"));
        assertEquals(1, Fleet.corpusLinesReadBy(CAUSE_OF.keySet()).size());
    }

    /**
     * A Go service whose database host is the socket file itself exits on the doubled path (h124-17: "dial unix
     * /var/run/postgresql/.s.PGSQL.5432/.s.PGSQL.5432: connect: not a directory" in its machine's exit detail): the
     * configuration, not a database down or a failing health check. The shape reads no line of the shared corpus.
     */
    @Test
    void aSocketPathThroughAFileIsTheConfiguration() throws IOException {
        io.sophia.diagnosis.calibration.Scenario s = io.sophia.diagnosis.calibration.ScenarioLoader.with(LogScanner.builtIn())
                .load(io.sophia.diagnosis.calibration.ScenarioLoader.corpusDirectory()
                        .resolve("h124-17-config-invalid-fly-go-postgres-socket-path-not-a-directory.yaml"));
        io.sophia.core.Assessment a = Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
        assertEquals("config.invalid", a.causes().get(0).id().value(), a.causes().toString());
        assertEquals(List.of(), Fleet.corpusLinesReadBy(EXIT_DETAIL_ROUND.causeOf().keySet()));
    }
}
