package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general shapes written for the failure families of the p8- and p9- tuning sets (diag8): each reads a family of
 * wordings, tested on public strings from other sources than those sets' scenarios (each named where it is used), and
 * leaves its near misses alone.
 */
class EighthRoundShapesTest {

    private static List<String> indications(String line) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader(line + "\n")).stream().map(Observation.LogFinding::indicationId).toList();
    }

    private static void reads(String indication, String line) throws IOException {
        assertTrue(indications(line).contains(indication), line + " -> " + indications(line));
    }

    private static Observation.LogFinding best(String line) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader(line + "\n")).get(0);
    }

    private static void leavesAlone(String indication, String line) throws IOException {
        assertTrue(!indications(line).contains(indication), line + " -> " + indications(line));
    }

    private static RankedCause top(String log) throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Deploy", log);
        RankedCause top = a.topCause().orElseThrow();
        Fleet.atMostOneSource(top, a.causes().toString());
        return top;
    }

    @Test
    void aBillRefusedInAnyPlatformsWordsIsAQuota() throws IOException {
        // GitHub's billing docs, flyctl (superfly/flyctl), Heroku's add-on verification
        reads("platform.billing-refused-generic", "The job was not started because recent account payments have failed "
                + "or your spending limit needs to be increased.");
        reads("platform.billing-refused-generic", "Error We need your payment information to continue! Add a credit card "
                + "or buy credit: https://fly.io/dashboard/acme/billing");
        reads("platform.billing-refused-generic", "Please verify your account to install this add-on plan (please enter "
                + "a credit card)");
        leavesAlone("platform.billing-refused-generic", "Payment method updated successfully");
        assertEquals(CauseId.PLATFORM_QUOTA, top("Error We need your payment information to continue! Add a credit card "
                + "or buy credit: https://fly.io/dashboard/acme/billing\n").id());
    }

    @Test
    void aRegistryClientsBareRefusalAndACredentialNobodyGaveAreTheRegistry() throws IOException {
        // containerd's remotes/docker and BuildKit's cache export (docker/build-push-action)
        // (containerd's own wording is read by a more specific registry indication: the line is the registry's either way)
        assertEquals(CauseId.REGISTRY_AUTH, best("ERROR: unexpected status from HEAD request to "
                + "https://ghcr.io/v2/acme/app/manifests/latest: 401 Unauthorized").causeId());
        reads("registry.unexpected-status-generic", "#32 ERROR: unexpected status: 403 Forbidden");
        leavesAlone("registry.unexpected-status-generic", "ERROR: unexpected status: 404 Not Found");
        // flyctl on a private Docker Hub image (superfly/flyctl)
        reads("registry.credentials-required-generic", "Error: failed to fetch an image or build from source: "
                + "Authentication required to access image \"docker.io/acme/private:latest\"");
        leavesAlone("registry.credentials-required-generic", "Authentication required: open the link to log in");
        assertEquals(CauseId.REGISTRY_AUTH, top("#32 ERROR: unexpected status: 403 Forbidden\n"
                + "ERROR: failed to solve: unexpected status: 403 Forbidden\n").id());
    }

    @Test
    void aDeployKeyTheTargetRefusesIsTheDeployCredential() throws IOException {
        // Heroku's git endpoint, dokku (dokku/dokku), a self-hosted target with password auth offered too
        reads("deploy.ssh-key-refused", "git@heroku.com: Permission denied (publickey).");
        reads("deploy.ssh-key-refused", "deploy@10.0.0.5: Permission denied (publickey,password).");
        leavesAlone("deploy.ssh-key-refused", "ssh: connect to host 10.0.0.5 port 22: Connection refused");
        assertEquals(CauseId.AUTH_DEPLOY_TOKEN, top("dokku@203.0.113.7: Permission denied (publickey).\n"
                + "fatal: Could not read from remote repository.\n").id());
    }

    @Test
    void theErlangVmGivingUpOnAnApplicationIsABootCrash() throws IOException {
        // RabbitMQ (rabbitmq/rabbitmq-server) and an Elixir release's erl_crash slogan
        reads("beam.application-start-failure", "BOOT FAILED {application_start_failure,rabbit,{bad_return,{{rabbit,"
                + "start,[normal,[]]}}}}");
        reads("beam.application-start-failure", "Kernel pid terminated (application_controller) "
                + "({application_start_failure,myapp,{bad_return,{{'Elixir.MyApp.Application',start,[normal,[]]}}}})");
        leavesAlone("beam.application-start-failure", "[info] Application myapp started at :nonode@nohost");
    }

    @Test
    void aRequestForAnEmptyRegionIsAnInvalidConfigurationNotAFullPlatform() throws IOException {
        // DuckDB's httpfs with no region set, the Databricks provider's lookup (databricks/terraform-provider-databricks)
        reads("config.empty-region-generic", "HTTP Error: HTTP GET error reading 'gs://bucket/obj.parquet' in region '' "
                + "(HTTP 403 Forbidden)");
        reads("config.empty-region-generic", "Error: a metastore with name 'test' or in region '' is not found");
        leavesAlone("config.empty-region-generic", "Creating volume appdata in region 'lhr'");
        // flyctl scaling an app whose fly.toml names no primary_region (superfly/flyctl#2871): the platform's "no
        // capacity" names an empty region, so the configuration leads and capacity is ruled out
        RankedCause top = top("""
                  +1 volumes  for group 'app' in region ''
                  Creating volume appdata region: size:3GiB
                Error: failed to create volume: no capacity available in  (Request ID: 01HBR4XA7RG9QZ3A1FYFGFXKDB-lga)
                """);
        assertEquals(CauseId.CONFIG_INVALID, top.id());
    }

    @Test
    void theGeneralShapesOfThisRoundNameTheirCauses() throws IOException {
        // V8's out-of-memory report (nodejs/node#35218), the official database images' entrypoints
        // (docker-library/postgres, MariaDB/mariadb-docker), MicroProfile Config (smallrye/smallrye-config), Traefik
        // (traefik/traefik#5413), CRI-O's pull of a tag that does not exist, a scheduler without a host with room
        reads("node.heap-oom", "FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap "
                + "out of memory");
        reads("node.heap-oom", "[324:0x5453850]  6142 ms: Mark-sweep (reduce) 252.5 (258.2) -> 252.0 (258.7) MB, 122.6 / "
                + "0.0 ms  (average mu = 0.570, current mu = 0.271) allocation failure; scavenge might not succeed");
        reads("config.secret-not-specified", "error: database is uninitialized and superuser password is not specified.");
        reads("config.secret-not-specified", "[ERROR] [Entrypoint]: Database is uninitialized and password option is not "
                + "specified");
        reads("config.setting-missing-generic", "java.util.NoSuchElementException: SRCFG00014: The config property "
                + "quarkus.datasource.password is required but it could not be found in any config source");
        reads("config.unknown-field-generic", "command traefik error: field not found, node: address");
        reads("image.pull-not-found-generic", "Failed to pull image \"quay.io/acme/operator:0.4.2-ab12cd3\": rpc error: "
                + "code = Unknown desc = Error reading manifest 0.4.2-ab12cd3");
        reads("platform.no-room-generic", "saga ACTION error at node \"server_id\": No sleds can fit the requested instance");
        leavesAlone("platform.no-room-generic", "3 nodes fit the request");
        leavesAlone("config.setting-missing-generic", "Property 'name' does not exist on type 'User'.");
    }

    @Test
    void aTransferCutOffIsTheRegistryAnAgentTakenAwayIsTheRunnerAndAnEnvSchemaIsAMissingSetting() throws IOException {
        // the transient-error lists of CI retry scripts (e.g. Zcash's "buildx failed with ... cannot reuse body")
        reads("registry.transfer-interrupted-generic", "ERROR: failed to solve: failed to copy: cannot reuse body, request "
                + "must be retried");
        leavesAlone("registry.transfer-interrupted-generic", "ERROR: failed to solve: failed to copy: not found");
        // TeamCity's build log of a cloud agent terminated under a build
        reads("teamcity.agent-removed", "Build was canceled with comment 'Agent removed'");
        leavesAlone("teamcity.agent-removed", "Agent removed from pool 'default' after the build finished");
        // the schema check many Next.js and Node projects throw after envSchema.safeParse(process.env)
        reads("zod.env-invalid", "Error: There is an error with the server environment variables");
        // Nomad's task event for a docker task config that does not parse
        reads("config.unknown-field-generic", "Failed Validation  3 errors occurred: * failed to parse config:");
        // PHP without a class it needs at boot
        reads("php.fatal-uncaught-generic", "PHP Fatal error:  Uncaught Error: Class \"Redis\" not found in "
                + "/var/www/html/index.php:3");
        leavesAlone("php.fatal-uncaught-generic", "PHP Warning:  Undefined variable $x in /var/www/html/index.php on line 3");
    }

    @Test
    void noShapeOfThisRoundReadsALineOfTheSharedCorpusAsAnotherCause() throws IOException {
        // the new indications and the patterns added to older ones, alone, over every text file of ../shared/corpus
        // (LogChunks' Travis logs, the labelled deploy errors, recorded GitHub and Fly payloads): a line they read there
        // must be a labelled deploy error of the same cause
        java.util.Set<String> fresh = java.util.Set.of("platform.billing-refused-generic",
                "registry.unexpected-status-generic", "registry.credentials-required-generic", "deploy.ssh-key-refused",
                "beam.application-start-failure", "config.empty-region-generic", "registry.transfer-interrupted-generic",
                "teamcity.agent-removed", "php.fatal-uncaught-generic");
        List<Indication> shapes = new java.util.ArrayList<>(IndicationSet.builtIn().indications().stream()
                .filter(i -> fresh.contains(i.id())).toList());
        assertEquals(fresh.size(), shapes.size());
        shapes.add(new Indication("node.heap-oom.v8-report", "app.oom", List.of("mark-compacts", "scavenge"),
                List.of("Ineffective mark-compacts near heap limit", "allocation failure;? scavenge might not succeed"),
                0.9, null, 0, ""));
        shapes.add(Indication.of("config.secret-not-specified.db-image", "config.missing-secret", "uninitialized",
                "(?i)\\bdatabase is uninitialized and (superuser )?password (option )?is not specified\\b", 0.8, ""));
        shapes.add(Indication.of("config.setting-missing-generic.mp-config", "config.missing-secret", "property",
                "(?i)\\bthe config property [\\w.$-]+ is required but it could not be found\\b", 0.5, ""));
        shapes.add(Indication.of("config.unknown-field-generic.node", "config.invalid", "field not found",
                "(?i)\\bfield not found, node: [\\w.-]+", 0.5, ""));
        shapes.add(Indication.of("image.pull-not-found-generic.manifest", "image.not-found", "reading manifest",
                "(?i)\\bfailed to pull image\\b.{0,200}\\berror reading manifest\\b", 0.5, ""));
        shapes.add(Indication.of("platform.no-room-generic.nouns", "platform.capacity", "no ",
                "(?i)\\bno (\\w+ )?(sleds|hosts|nodes|servers|workers|machines) (can fit|could fit|fit|have room|with "
                        + "(enough )?(capacity|room))\\b", 0.5, ""));
        shapes.add(Indication.of("zod.env-invalid.server", "config.missing-secret", "environment variables",
                "(?i)\\berror with the (server|client) environment variables\\b", 0.85, ""));
        shapes.add(Indication.of("config.unknown-field-generic.parse", "config.invalid", "failed to parse",
                "(?i)\\bfailed to parse (the )?(task |job |driver )?config(uration)?\\b", 0.5, ""));
        LogScanner scanner = LogScanner.of(IndicationSet.of(shapes));
        java.nio.file.Path corpus = LogScannerTest.corpus();
        List<String> wrong = new java.util.ArrayList<>();
        int files = 0;
        try (var walk = java.nio.file.Files.walk(corpus)) {
            // (each folder's SOURCE.md quotes the messages its files hold: documentation, not output)
            for (java.nio.file.Path f : walk.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                String text = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
                files++;
                for (Observation.LogFinding finding : scanner.analyze(null, new StringReader(text))) {
                    String cause = finding.causeId().value().replace('.', '_').replace('-', '_');
                    boolean labelled = f.getFileName().toString().equals("deploy-errors.tsv")
                            && finding.line().startsWith(cause + "\t");
                    if (!labelled) {
                        wrong.add(corpus.relativize(f) + ":" + finding.lineNumber() + " " + finding.indicationId() + ": "
                                + finding.line());
                    }
                }
            }
        }
        assertTrue(files > 300, "corpus files read: " + files);
        assertEquals(List.of(), wrong);
    }
}
