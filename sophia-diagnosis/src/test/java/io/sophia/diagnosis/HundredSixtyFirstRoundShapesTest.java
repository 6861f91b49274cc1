package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-third session's rule writer r43-h147, each in its tool's own words: its round on h147-
 * (managed databases, caches and queues). A cloud refusing the deploy's identity a database control-plane action (AWS's
 * rds:DescribeDBInstances for an assumed CI role, Cloud SQL's Admin API "notAuthorized" in the Google provider's words);
 * a registry's own failure (GCR's "denied: Project X has been deleted.", quay.io's token service answering 500 in
 * containers/image's words); Azure Cosmos DB throttling its account ("Request rate is large", not a registry's
 * toomanyrequests); Azure's database firewall refusing a client address; musl's "Name has no usable address";
 * PostgreSQL's "could not extend file ...: No space left on device" and its backend killed by signal 9; a runner that
 * did not answer GitHub's cancel. Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another cause that
 * shares its words); each new log indication reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause. The widened ones (aws.deploy-action-denied: rds; registry.v2-status-server-error: the
 * reason phrase and /v2/auth; registry.rate-limit no longer reading .NET's "TooManyRequests (429)") are pinned here too.
 */
class HundredSixtyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("terraform.cloudsql-admin-not-authorized", "auth.deploy-token"),
            Map.entry("gcr.project-deleted", "registry.unavailable"),
            Map.entry("cosmos.request-rate-large", "platform.quota"),
            Map.entry("azure-db.client-ip-not-allowed", "config.invalid"),
            Map.entry("dns.musl-no-usable-address", "network.dns"),
            Map.entry("postgres.could-not-extend-relation", "dependency.down"),
            Map.entry("postgres.backend-killed-signal-9", "app.oom"),
            Map.entry("actions.runner-no-cancel-response", "ci.runner"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("terraform.cloudsql-admin-not-authorized", "│ Error: Error, attempting to list users associated with instance orders-primary-5c1e: googleapi: Error 403: The client is not authorized to make this request., notAuthorized");
        ROUND.readsNot("terraform.cloudsql-admin-not-authorized", "2026/01/10 09:12:44 couldn't connect to \"acme-prod:us-central1:orders_db\": Error during createEphemeral for acme-prod:us-central1:orders_db: googleapi: Error 403: The client is not authorized to make this request., notAuthorized");
        ROUND.reads("terraform.cloudsql-admin-not-authorized", "Error: Error when reading or editing SQL User \"admin\" in instance \"client\": googleapi: Error 403: The client is not authorized to make this request., notAuthorized");
        ROUND.readsNot("terraform.cloudsql-admin-not-authorized", "Error: Error, failed to create instance orders-primary: googleapi: Error 409: The Cloud SQL instance already exists., instanceAlreadyExists");
        ROUND.reads("gcr.project-deleted", "docker pull: Error response from daemon: Get https://gcr.io/v2/cloudsql-docker/gce-proxy/manifests/1.19.1: denied: Project cloudsql-docker has been deleted.");
        ROUND.readsNot("gcr.project-deleted", "Error: Post \"https://api.koyeb.com/v1/services\": 401 Unauthorized: The token is invalid or expired, or the selected organization (for user tokens) has been deleted.");
        ROUND.reads("gcr.project-deleted", "Failed to pull image \"gcr.io/acme-legacy/worker:3.2\": rpc error: code = Unknown desc = failed to pull and unpack image \"gcr.io/acme-legacy/worker:3.2\": failed to resolve reference \"gcr.io/acme-legacy/worker:3.2\": unexpected status from HEAD request to https://gcr.io/v2/acme-legacy/worker/manifests/3.2: 403 Forbidden: denied: Project acme-legacy has been deleted.");
        ROUND.readsNot("gcr.project-deleted", "Error response from daemon: pull access denied for bitnami/kafka-exporter, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"); // image.not-found's
        ROUND.reads("cosmos.request-rate-large", "Unhandled exception. Microsoft.Azure.Cosmos.CosmosException : Response status code does not indicate success: TooManyRequests (429); Substatus: 3200; ActivityId: 6a1f0e2c-41d7-4b0a-9e57-2c8d03b4f1aa; Reason: (Message: {\"Errors\":[\"Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later. Learn more: http://aka.ms/cosmosdb-error-429\"]}");
        ROUND.readsNot("cosmos.request-rate-large", "ERROR: failed to solve: node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine: unexpected status from HEAD request to https://registry-1.docker.io/v2/library/node/manifests/20-alpine: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.");
        ROUND.reads("cosmos.request-rate-large", "com.azure.cosmos.implementation.RequestRateTooLargeException: {\"innerErrorMessage\":\"Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later.\"}, StatusCode: 429");
        ROUND.readsNot("cosmos.request-rate-large", "An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 4): Rate Exceeded."); // aws.throttled
        ROUND.reads("azure-db.client-ip-not-allowed", "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\",\"details\":{\"error\":\"com.microsoft.sqlserver.jdbc.SQLServerException: Cannot open server 'mossgate-sql' requested by the login. Client with IP address '20.114.63.208' is not allowed to access the server.  To enable access, use the Windows Azure Management Portal or run sp_set_firewall_rule on the master database to create a firewall rule for this IP address or address range.\"}}}}");
        ROUND.readsNot("azure-db.client-ip-not-allowed", "com.microsoft.sqlserver.jdbc.SQLServerException: The TCP/IP connection to the host mossgate-sql.database.windows.net, port 1433 has failed. Error: \"Connect timed out.\"");
        ROUND.reads("azure-db.client-ip-not-allowed", "ERROR 9000 (HY000): Client with IP address '52.174.20.9' is not allowed to connect to this MySQL server.");
        ROUND.readsNot("azure-db.client-ip-not-allowed", "psql: error: connection to server at \"orders.postgres.database.azure.com\" (20.62.1.4), port 5432 failed: FATAL:  password authentication failed for user \"app\""); // config.missing-secret's or auth's
        ROUND.reads("dns.musl-no-usable-address", "/docker-entrypoint.sh: line 15: cluster-ops.k2d9a.mongodb.net: Name has no usable address");
        ROUND.readsNot("dns.musl-no-usable-address", "/docker-entrypoint.sh: line 15: /dev/tcp/cluster-ops.k2d9a.mongodb.net/27017: Invalid argument");
        ROUND.reads("dns.musl-no-usable-address", "socket.gaierror: [Errno -5] Name has no usable address");
        ROUND.readsNot("dns.musl-no-usable-address", "redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused."); // dependency's
        ROUND.reads("postgres.could-not-extend-relation", "could not extend file \"base/16384/107678541.6\": No space left on device (PQ::PQError)");
        ROUND.readsNot("postgres.could-not-extend-relation", "ERROR: failed to solve: failed to copy files: copy file range failed: no space left on device"); // disk.no-space
        ROUND.reads("postgres.could-not-extend-relation", "2026-03-02 10:11:12.345 UTC [811] ERROR:  could not extend file \"base/16384/2619\": No space left on device");
        ROUND.readsNot("postgres.could-not-extend-relation", "2026-03-02 10:11:12.345 UTC [811] ERROR:  could not extend file \"base/16384/2619\": wrote only 4096 of 8192 bytes at block 11");
        ROUND.reads("postgres.backend-killed-signal-9", "2026-02-19 11:53:43.374 UTC [1] LOG:  server process (PID 2321) was terminated by signal 9: Killed");
        ROUND.readsNot("postgres.backend-killed-signal-9", "2026-02-19 11:53:43.374 UTC [1] LOG:  server process (PID 2321) was terminated by signal 11: Segmentation fault"); // a crash
        ROUND.reads("postgres.backend-killed-signal-9", "2026-01-19 02:19:30.017 UTC [1] LOG:  background worker \"logical replication launcher\" (PID 47) was terminated by signal 9: Killed");
        ROUND.readsNot("postgres.backend-killed-signal-9", "sccache: Compile terminated by signal 9"); // a runner's
        ROUND.reads("actions.runner-no-cancel-response", "Runner i-0c41e7a9b2 did not respond to a cancelation request with 00:05:00.");
        ROUND.readsNot("actions.runner-no-cancel-response", "The operation was canceled.");
        ROUND.reads("actions.runner-no-cancel-response", "Runner GitHub Actions 7 did not respond to a cancelation request with 00:05:00.");
        ROUND.readsNot("actions.runner-no-cancel-response", "Canceling since a higher priority waiting request for 'deploy-main' exists"); // actions.canceled-by-concurrency
    }

    /** The widened indications read their new sources' words and still not their near misses. */
    @Test
    void widenedIndicationsReadTheirNewWords() throws IOException {
        ROUND.reads("aws.deploy-action-denied", "auth.deploy-token", "botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the DescribeDBInstances operation: User: arn:aws:sts::318204775126:assumed-role/gha-claims-deploy/GitHubActions is not authorized to perform: rds:DescribeDBInstances on resource: arn:aws:rds:us-east-2:318204775126:db:claims-prod because no identity-based policy allows the rds:DescribeDBInstances action");
        ROUND.readsNot("aws.deploy-action-denied", "User: arn:aws:sts::318204775126:assumed-role/claims-task/abc is not authorized to perform: rds-db:connect on resource: arn:aws:rds-db:us-east-2:318204775126:dbuser:db-ABC/app");
        ROUND.reads("registry.v2-status-server-error", "registry.unavailable", "time=\"2026-05-19T10:48:41Z\" level=error msg=\"error copying docker://quay.io/crio/redis:alpine to dir:/tmp/redis-image: Error initializing source docker://quay.io/crio/redis:alpine: unexpected http code: 500 (Internal Server Error), URL: https://quay.io/v2/auth?scope=repository%3Acrio%2Fredis%3Apull&service=quay.io\"");
        ROUND.readsNot("registry.v2-status-server-error", "(HTTP code 500) server error - Get https://x.azurecr.io/v2/x/manifests/latest: unauthorized: authentication required");
        ROUND.reads("registry.rate-limit", "registry.unavailable", "toomanyrequests: Rate exceeded");
        ROUND.readsNot("registry.rate-limit", "Response status code does not indicate success: TooManyRequests (429); Substatus: 3200; ActivityId: 6a1f0e2c-41d7-4b0a-9e57-2c8d03b4f1aa");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // five read no labelled scenario's log: their sources carry the line in a look at the platform (api:), an
        // answer's body or a run's annotation, which the probe-detail, answer and annotation rules read
        ROUND.without(java.util.Set.of("actions.runner-no-cancel-response", "azure-db.client-ip-not-allowed",
                "dns.musl-no-usable-address", "gcr.project-deleted", "postgres.could-not-extend-relation"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
