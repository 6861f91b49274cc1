package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-fifth session's rule writer rules25a, each in its tool's own words: its round on h77- to
 * h79- (issue 9 of the session: GitHub's hosted-runner queue line "Job is waiting for a hosted runner to come online.",
 * read as capacity alone and as a label no hosted image serves when "Job is completed before starting." follows it at
 * once; the GitHub Actions cache service failing a job's own cache call with a 5xx, not a restore that falls back;
 * libpq before 14 refused at localhost in its two-line form, an app without the setting that names its database;
 * flyctl's fly.toml mounts without volumes; Helm unable to resolve a chart dependency from its repository's index;
 * Hex's "Failed to fetch record for ... from registry"; a Maven deploy refused by the repository manager with 401;
 * Prisma's datasource URL empty or without its scheme). Each is tested on its source's words and a near miss (the
 * first pair of each is indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of
 * another cause that shares its words); each new log indication reads no line of the shared corpus and, on the
 * labelled scenarios, only lines of its own cause (or a consequence of that scenario's cause, named with its reason).
 */
class FiftyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules25a (h77- to h79-: CI platforms, build registries, release settings)
            Map.entry("actions.cache-service-5xx", "platform.outage"),
            Map.entry("actions.hosted-label-never-served", "config.invalid"),
            Map.entry("actions.hosted-runner-queue", "platform.capacity"),
            Map.entry("config.local-default-database-libpq-legacy", "config.missing-secret"),
            Map.entry("fly.mounts-without-volumes", "config.invalid"),
            Map.entry("helm.dependency-unresolved", "build.dependency-fetch"),
            Map.entry("hex.registry-record-fetch-failed", "build.dependency-fetch"),
            Map.entry("maven.deploy-unauthorized", "auth.deploy-token"),
            Map.entry("prisma.datasource-url-empty", "config.missing-secret"),
            Map.entry("prisma.datasource-url-scheme", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules25a (h77- to h79-)
        ROUND.reads("actions.cache-service-5xx", "##[error]Error: getCacheEntry failed: Cache service responded with 503");
        ROUND.readsNot("actions.cache-service-5xx", "##[warning]Failed to restore: getCacheEntry failed: Cache service responded with 503");
        ROUND.reads("actions.cache-service-5xx", "##[warning]uploadChunk (start: 67108864, end: 100663295) failed: Cache service responded with 503");
        ROUND.readsNot("actions.cache-service-5xx", "2026-11-12T12:02:13.0000000Z ##[warning]Failed to restore: getCacheEntry failed: Cache service responded with 503");
        // the queue line alone waits on capacity; followed at once by "Job is completed before starting." it is the label
        ROUND.reads("actions.hosted-label-never-served", "Job is waiting for a hosted runner to come online.\nJob is completed before starting.");
        ROUND.readsNot("actions.hosted-label-never-served", "Job is waiting for a hosted runner to come online.\nJob is about to start running on the runner: GitHub Actions 12 (hosted)");
        ROUND.reads("actions.hosted-label-never-served", "Waiting for a runner to pick up this job...\nJob is waiting for a hosted runner to come online.\nJob is completed before starting.");
        ROUND.readsNot("actions.hosted-label-never-served", "Waiting for a runner to pick up this job...\nJob is waiting for a hosted runner to come online."); // actions.hosted-runner-queue
        ROUND.reads("actions.hosted-runner-queue", "Job is waiting for a hosted runner to come online.");
        ROUND.readsNot("actions.hosted-runner-queue", "Job is waiting for a runner from 'azure-linux-scale' to come online.");
        ROUND.reads("actions.hosted-runner-queue", "        Job is waiting for a hosted runner to come online.");
        ROUND.readsNot("actions.hosted-runner-queue", "Job is waiting for a runner from 'azure-windows-scale' to come online.");
        ROUND.reads("config.local-default-database-libpq-legacy", "could not connect to server: Connection refused\n    Is the server running on host \"localhost\" (::1) and accepting");
        ROUND.readsNot("config.local-default-database-libpq-legacy", "could not connect to server: Connection refused\n    Is the server running on host \"db.internal\" (172.19.3.4) and accepting");
        ROUND.reads("config.local-default-database-libpq-legacy", "2026-10-31T09:09:12Z app[5683d707f16058] fra [info] could not connect to server: Connection refused\n2026-10-31T09:09:12Z app[5683d707f16058] fra [info] \tIs the server running on host \"localhost\" (127.0.0.1) and accepting");
        ROUND.readsNot("config.local-default-database-libpq-legacy", "ActiveRecord::ConnectionNotEstablished: could not connect to server: Connection refused\n        Is the server running on host \"db\" (172.22.0.2) and accepting");
        // narrowed to the host name "localhost": h56-36's Cloud SQL proxy on 127.0.0.1, restarting, is dependency.down
        ROUND.readsNot("config.local-default-database-libpq-legacy", "2026-12-04T22:14:14.3000000Z could not connect to server: Connection refused\n2026-12-04T22:14:14.4000000Z         Is the server running on host \"127.0.0.1\" and accepting");
        ROUND.reads("fly.mounts-without-volumes", "Error: Process group 'app' needs volumes with name 'data' to fulfill mounts defined in fly.toml; Run `fly volume create data -r REGION -n COUNT` for the following regions and counts: iad=2");
        ROUND.readsNot("fly.mounts-without-volumes", "Process group 'app' has volumes mounted at /data");
        ROUND.reads("fly.mounts-without-volumes", "Process group 'app' needs volumes with name 'data' to fulfill mounts defined in fly.toml; Run `fly volume create data -r REGION -n COUNT` for the following regions and counts: iad=2");
        ROUND.readsNot("fly.mounts-without-volumes", "Error: error creating a new machine: failed to launch VM: aborted: could not reserve resource for machine: insufficient memory available to fulfill request"); // fly.reserve-resource
        ROUND.reads("helm.dependency-unresolved", "Error: can't get a valid version for repositories minio. Try changing the version constraint in Chart.yaml");
        ROUND.readsNot("helm.dependency-unresolved", "...Successfully got an update from the \"https://charts.bitnami.com/bitnami\" chart repository");
        ROUND.reads("helm.dependency-unresolved", "2026-11-18T14:11:56.1000000Z Error: no cached repository for helm-manager-1067d9c6027b8c3f27b49e40521d64be96ea412858d8e45064fa44afd3966ddc found. (try 'helm repo update'): open /home/runner/.cache/helm/repository/helm-manager-1067d9c6027b8c3f27b49e40521d64be96ea412858d8e45064fa44afd3966ddc-index.yaml: no such file or directory");
        ROUND.readsNot("helm.dependency-unresolved", "FATA[0004] rpc error: code = Unknown desc = Manifest generation error (cached): `helm dependency build` failed exit status 1: Error: could not download https://charts.example.bank/charts/postgresql-6.3.12.tgz: Get \"https://charts.example.bank/charts/postgresql-6.3.12.tgz\": x509: certificate signed by unknown authority"); // tls.x509
        ROUND.reads("hex.registry-record-fetch-failed", "60.12 Failed to fetch record for phoenix from registry (using cache instead)");
        ROUND.readsNot("hex.registry-record-fetch-failed", "Fetched record for phoenix from registry");
        ROUND.reads("hex.registry-record-fetch-failed", "120.3 Failed to fetch record for phoenix_ecto from registry (using cache instead)");
        ROUND.readsNot("hex.registry-record-fetch-failed", "Error: writing blob: Requesting bearer token: invalid status code from registry 403 (Forbidden)");
        ROUND.reads("maven.deploy-unauthorized", "[ERROR] Failed to execute goal org.sonatype.plugins:nexus-staging-maven-plugin:1.6.13:deploy (default-deploy) on project admin-client: Execution default-deploy of goal org.sonatype.plugins:nexus-staging-maven-plugin:1.6.13:deploy failed: Nexus connection problem to URL [https://s01.oss.sonatype.org/ ]: 401 - Unauthorized -> [Help 1]");
        ROUND.readsNot("maven.deploy-unauthorized", "[INFO]  * Remote staging into staging profile ID \"9a1c3e5b2f7d0\"");
        ROUND.reads("maven.deploy-unauthorized", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-deploy-plugin:2.7:deploy (default-deploy) on project jpy: Failed to deploy artifacts: Could not transfer artifact org.jpy:jpy:jar:0.10.0-20190129.095040-1 from/to snap-repo-public (http://nexus.senbox.net/nexus/content/repositories/snapshots/): Failed to transfer file: http://nexus.senbox.net/nexus/content/repositories/snapshots/org/jpy/jpy/0.10.0-SNAPSHOT/jpy-0.10.0-20190129.095040-1.jar. Return code is: 401, ReasonPhrase: Unauthorized. -> [Help 1]");
        ROUND.readsNot("maven.deploy-unauthorized", "Error:          Caused by: The following artifacts could not be resolved: org.xmlvault.thirdparty.org.apache.jackrabbit:jackrabbit-webdav:pom:2.22.3-jakarta-ee10 (absent): Could not transfer artifact org.xmlvault.thirdparty.org.apache.jackrabbit:jackrabbit-webdav:pom:2.22.3-jakarta-ee10 from/to github-jackrabbit-webdav-jakarta (https://maven.pkg.github.com/xmlvault/jackrabbit-webdav-jakarta): status code: 401, reason phrase: Unauthorized (401)"); // maven.transfer-failed
        ROUND.reads("prisma.datasource-url-empty", "error: Error validating datasource `db`: You must provide a nonempty URL. The environment variable `DATABASE_URL` resolved to an empty string.");
        ROUND.readsNot("prisma.datasource-url-empty", "Datasource \"db\": PostgreSQL database \"app\", schema \"public\" at \"db.internal:5432\"");
        ROUND.reads("prisma.datasource-url-empty", "error: Error validating datasource `db`: You must provide a nonempty URL.");
        ROUND.readsNot("prisma.datasource-url-empty", "Error: P1001: Can't reach database server at `postgres.railway.internal:5432`"); // prisma.database-unreachable
        ROUND.reads("prisma.datasource-url-scheme", "error: Error validating datasource `db`: the URL must start with the protocol `postgresql://` or `postgres://`.");
        ROUND.readsNot("prisma.datasource-url-scheme", "Error validating datasource `db`: the provider \"postgres\" is not supported");
        ROUND.reads("prisma.datasource-url-scheme", "2026-11-05T10:00:51Z error: Error validating datasource `db`: the URL must start with the protocol `postgresql://` or `postgres://`.");
        ROUND.readsNot("prisma.datasource-url-scheme", "Error: P1001: Can't reach database server at `postgres.railway.internal:5432`"); // prisma.database-unreachable
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // h87-31 (consumed in session 26): the database on the same machine refuses at localhost because it is
                // down (its port closed; a restart brought it back), dependency.down: the refusal is its consequence
                "h87-31 config.local-default-database-libpq-legacy",
                // p75-37: the retired macos-10.15 label's job prints the same queue line before GitHub ends it
                // ("Job is completed before starting."), which actions.hosted-label-never-served reads as the label;
                // the queue line alone is the wait the label's absence makes, a consequence of config.invalid
                "p75-37 actions.hosted-runner-queue",
                // h122-18 (consumed in session 37): the same wait for a "-large" label a public repository cannot get
                "h122-18 actions.hosted-runner-queue",
                // p169-14: the same queue line while GitHub failed to hand the job to any hosted runner ("The job was
                // not acquired by Runner of type hosted even after multiple attempts"): the wait is the runner's failure
                "p169-14 actions.hosted-runner-queue",
                // p71-23: Django's HOST set to localhost inside its container (config.invalid), refused there: the
                // refusal at localhost is the wrong setting's consequence (as dependency.connection-refused-generic's
                // p71-23 in EleventhRoundShapesTest)
                "p71-23 config.local-default-database-libpq-legacy",
                // p79-36: tests refused on localhost by a service container's database not ready yet (ci.test-failure)
                "p79-36 config.local-default-database-libpq-legacy");
    }
}
