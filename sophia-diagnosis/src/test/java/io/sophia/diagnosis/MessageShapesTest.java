package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general shapes of message added after holdout-7 was consumed (issue 9: one indication per shape of message,
 * from several tools' real wording), tested on strings from other sources than the scenarios they were written for:
 * a cloud SDK waiter that gave up, a platform refusing more instances than the account may have, a refused login to a
 * platform's own registry, a platform control API that timed out, a token in other tools' words, and a dependency
 * that could not be fetched in the general words of a package manager. Each string's source is named where it is used.
 */
class MessageShapesTest {

    private static List<Observation.LogFinding> scan(String log) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader(log));
    }

    /** The finding that explains a one-line log best (the scanner orders findings by score). */
    private static Observation.LogFinding best(String line) throws IOException {
        List<Observation.LogFinding> found = scan(line);
        assertFalse(found.isEmpty(), "nothing read in: " + line);
        return found.get(0);
    }

    private static void reads(String indication, CauseId cause, String line) throws IOException {
        Observation.LogFinding f = best(line);
        assertEquals(indication, f.indicationId(), line);
        assertEquals(cause, f.causeId(), line);
    }

    /** One failed deploy job for dashboard whose log is {@code log} (at step {@code step}); the others are healthy. */
    private static Assessment deployFailsWith(String step, String log) throws IOException {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("dashboard", 2, "deploy", "failure", 30, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, step, "failure")));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader(log)));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    @Test
    void aCloudSdkWaiterThatGaveUpIsATimeLimitInAnySdksWords() throws IOException {
        // AWS SDK for JavaScript (aws/aws-sdk-js#3062), AWS CLI / botocore ("aws ecs wait services-stable",
        // aws/containers-roadmap#2474), AWS SDK for Go v2 generated waiters and eksctl
        reads("waiter.gave-up", CauseId.CI_TIMEOUT, "ResourceNotReady: Resource is not in the state channelStopped");
        reads("waiter.gave-up", CauseId.CI_TIMEOUT, "Waiter ServicesStable failed: Max attempts exceeded");
        reads("waiter.gave-up", CauseId.CI_TIMEOUT, "exceeded max wait time for StackCreateComplete waiter");
        reads("waiter.gave-up", CauseId.CI_TIMEOUT, "exceeded max wait time for InstanceRunning waiter");
    }

    @Test
    void aWaiterThatGaveUpIsOnlyAWrapperTheErrorPrintedWithItWins() throws IOException {
        // alone, the waiter leads at a wrapper's honest confidence, under the cap of one independent source
        Assessment alone = deployFailsWith("Deploy Amazon ECS task definition",
                "Waiter ServicesStable failed: Max attempts exceeded\n");
        assertEquals(CauseId.CI_TIMEOUT, alone.topCause().orElseThrow().id());
        assertTrue(alone.topCause().orElseThrow().probability() < 0.9, alone.toString());
        // ECS's stopped reason (aws/copilot-cli#3470) printed before the waiter's line names why the service never
        // became stable
        Assessment oom = deployFailsWith("Deploy Amazon ECS task definition", """
                Stopped reason: OutOfMemoryError: Container killed due to memory usage
                Waiter ServicesStable failed: Max attempts exceeded
                """);
        assertEquals(CauseId.APP_OOM, oom.topCause().orElseThrow().id());
    }

    @Test
    void aPlatformRefusingMoreInstancesThanTheAccountMayHaveIsAQuota() throws IOException {
        // Firebase (firebase/firebase-tools#6298), a cloud VM provider through pullpreview (pullpreview/action#105),
        // AWS Lambda through CloudFormation (tradle/mycloud#26), OpenFaaS (openfaas/faas-netes#1174)
        reads("platform.instance-limit", CauseId.PLATFORM_QUOTA,
                "You may not have more than 32 total max instances in your project");
        reads("platform.instance-limit", CauseId.PLATFORM_QUOTA,
                "Sorry, you've reached the maximum number of instances for your account.");
        reads("platform.instance-limit", CauseId.PLATFORM_QUOTA, "Resource handler returned message: \"Specified "
                + "ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its "
                + "minimum value of [50]. (Service: Lambda, Status Code: 400)\"");
        reads("platform.instance-limit", CauseId.PLATFORM_QUOTA,
                "Unexpected status: 400, message: unable to create function, maximum: 30");
        // a client's own retry budget is not the account's limit
        assertTrue(scan("Reached the maximum number of retries for the request").stream()
                .noneMatch(f -> f.causeId().equals(CauseId.PLATFORM_QUOTA)));
    }

    @Test
    void aRefusedLoginToAPlatformsOwnRegistryIsTheDeployTokenAndARefusedPushIsTheRegistry() throws IOException {
        // the docker CLI's "login attempt to %s failed with status: %d %s" (registry/auth.go) against Heroku's registry,
        // and the daemon's answer to a DigitalOcean registry login with a bad API token
        reads("platform-registry.login-refused", CauseId.AUTH_DEPLOY_TOKEN,
                "Error response from daemon: login attempt to https://registry.heroku.com/v2/ failed with status: 401 Unauthorized");
        reads("platform-registry.login-refused", CauseId.AUTH_DEPLOY_TOKEN,
                "Error response from daemon: Get \"https://registry.digitalocean.com/v2/\": unauthorized: authentication required");
        Assessment login = deployFailsWith("Log in to the DigitalOcean registry",
                "Error response from daemon: Get \"https://registry.digitalocean.com/v2/\": unauthorized: authentication required\n");
        assertEquals(CauseId.AUTH_DEPLOY_TOKEN, login.topCause().orElseThrow().id());
        // a push refused after the login (deploy-errors.tsv registry_auth) stays a registry refusal, and so does a login
        // to a registry whose password is not a platform token (Docker Hub)
        assertNotEquals("platform-registry.login-refused", best("Error: failed to push registry: 401 Unauthorized").indicationId());
        assertTrue(scan("Error response from daemon: login attempt to https://registry-1.docker.io/v2/ failed with status: 401 Unauthorized")
                .stream().noneMatch(f -> f.causeId().equals(CauseId.AUTH_DEPLOY_TOKEN)));
    }

    @Test
    void aLoginRefusedAtAnyOtherRegistryIsADockerLoginFailureNotARefusedPushAndIsHeldAtOneSource() throws IOException {
        // the docker CLI's login wording (registry/auth.go), from Azure's container-registry docs (a login from a host
        // the network rules do not allow) and Docker's registry lab (a wrong password at a local registry)
        reads("docker.login-failed", CauseId.REGISTRY_AUTH, "Error response from daemon: login attempt to "
                + "https://xxxxxxx.azurecr.io/v2/ failed with status: 403 Forbidden");
        reads("docker.login-failed", CauseId.REGISTRY_AUTH, "Error response from daemon: login attempt to "
                + "https://registry.local:5000/v2/ failed with status: 401 Unauthorized");
        // a refused push is still the registry refusing the push (deploy-errors.tsv registry_auth)
        assertEquals("registry.push-401", best("Error: failed to push registry: 401 Unauthorized").indicationId());
        // whose credential a refused login names, the line does not say (a platform's registry takes the deploy
        // token): docker.login-failed has named auth.deploy-token's failures too, so it is not proven evidence
        assertFalse(KnowledgeBase.builtIn().settings().provenEvidence().contains("docker.login-failed"));
        Assessment a = deployFailsWith("Log in to the registry", "Error response from daemon: login attempt to "
                + "https://registry.local:5000/v2/ failed with status: 401 Unauthorized\n");
        assertEquals(CauseId.REGISTRY_AUTH, a.topCause().orElseThrow().id(), a.causes().toString());
        assertTrue(a.topCause().orElseThrow().probability() <= KnowledgeBase.builtIn().settings().cap(1) + 1e-9,
                a.causes().toString());
    }

    @Test
    void aPlatformControlApiThatTimedOutIsThePlatformButAHealthCheckWaitThatQuotesOneIsNot() throws IOException {
        // Cloudflare's API (lfaoro/flares#13) and the Fly GraphQL API behind a client's context prefixes
        // (Vessel-App/vessel-cli#9), in Go's net/http words
        reads("platform.control-api-timeout", CauseId.PLATFORM_OUTAGE, "ERROR: Get https://api.cloudflare.com/client/v4/"
                + "zones?name=zone: net/http: request canceled while waiting for connection (Client.Timeout exceeded while "
                + "awaiting headers)");
        reads("platform.control-api-timeout", CauseId.PLATFORM_OUTAGE, "could not allocate ip: request error: http client "
                + "error: Post \"https://api.fly.io/graphql\": context deadline exceeded (Client.Timeout exceeded while "
                + "awaiting headers)");
        // flyctl's health-check wait quotes the poll it gave up on (superfly/flyctl#2653): the app did not get healthy
        assertTrue(scan("Error: timeout reached waiting for healthchecks to pass for machine 6e82d4e3c42d98 failed to get "
                + "VM 6e82d4e3c42d98: Get \"https://api.machines.dev/v1/apps/acme/machines/6e82d4e3c42d98\": net/http: "
                + "request canceled").stream().noneMatch(f -> f.indicationId().equals("platform.control-api-timeout")));
        // a machine's own exec endpoint timing out is not the control API (superfly/flyctl#4194)
        assertTrue(scan("Error: failed to exec on VM 2874262c353518: deadline_exceeded: Post \"http://unix/v1/exec\": "
                + "net/http: request canceled (Client.Timeout exceeded while awaiting headers)").stream()
                .noneMatch(f -> f.indicationId().equals("platform.control-api-timeout")));
    }

    @Test
    void aTokenRefusedInOtherToolsWordsIsTheDeployToken() throws IOException {
        // Azure Static Web Apps' deploy action (Azure/static-web-apps#718) and Azure DevOps
        // (DonJayamanne/gitHistoryVSCode#627)
        assertEquals(CauseId.AUTH_DEPLOY_TOKEN, best("deployment_token provided was invalid.").causeId());
        assertEquals(CauseId.AUTH_DEPLOY_TOKEN,
                best("Access Denied: The Personal Access Token used has expired.").causeId());
        assertEquals(CauseId.AUTH_DEPLOY_TOKEN, best("Error: Invalid API token").causeId());
    }

    @Test
    void aDependencyThatCouldNotBeFetchedInGeneralWordsIsADependencyFetch() throws IOException {
        // DNF 5 in a Fedora mock build ("Failed to download packages" / "Librepo error: Cannot download ... All mirrors
        // were tried"), npm ERESOLVE's first line ("npm ERR! Could not resolve dependency:"), cargo ("failed to get
        // `serde` as a dependency of package"), apt mirrors ("failed to download Packages file"): the general reading,
        // with no package manager's own indication for the line
        for (String line : List.of("Failed to download packages", "failed to download Packages file",
                "Could not resolve dependency:", "error: failed to get `serde` as a dependency of package `app v0.1.0`")) {
            List<Observation.LogFinding> found = scan(line);
            assertTrue(found.stream().anyMatch(f -> f.causeId().equals(CauseId.BUILD_DEPENDENCY_FETCH)), line + " " + found);
        }
        // where a package manager's own indication knows the line it wins on the same line (Maven)
        assertEquals("maven.unresolved-dependencies", best("[ERROR] Failed to execute goal on project billing: Could not "
                + "resolve dependencies for project io.acme:billing:jar:1.8.0").indicationId());
        // a base image's metadata is not a dependency ("docker.io/library" says library)
        assertTrue(scan("ERROR: failed to solve: failed to resolve source metadata for docker.io/library/node:20: "
                + "not found").stream().noneMatch(f -> f.indicationId().equals("fetch.dependency-generic")));
    }

    @Test
    void aPackageFileThatCouldNotBeDownloadedOrAPackageVersionThatDoesNotExistIsADependencyFetchInGeneralWords()
            throws IOException {
        // Go's module proxy error ("reading <url>: 403 Forbidden") for a toolchain download behind an egress
        // allowlist, and Gradle's unresolved coordinate (an Android build): the general shapes read them alone
        assertEquals(1, Fleet.findingsAlone("fetch.package-file-network", "go: download go1.25.0: golang.org/toolchain@v0.0.1-go1.25.0."
                + "linux-amd64: reading https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.25.0.linux-amd64.zip: "
                + "403 Forbidden").size());
        assertEquals(1, Fleet.findingsAlone("fetch.dependency-generic", "   > Could not resolve com.android.tools.build:gradle:3.0.1.")
                .size());
        // pip and npm say that no version fits in their own words; the general shape reads both
        assertEquals(1, Fleet.findingsAlone("fetch.dependency-generic", "ERROR: No matching distribution found for cloud-init==20.4").size());
        assertEquals(1, Fleet.findingsAlone("fetch.dependency-generic", "npm ERR! notarget No matching version found for left-pad@^9.0.0.")
                .size());
        // a package file fetched fine, and a URL with no package file, are not read
        assertTrue(Fleet.findingsAlone("fetch.package-file-network", "Fetching https://rubygems.org/gems/rake-13.0.6.gem").isEmpty());
        assertTrue(Fleet.findingsAlone("fetch.package-file-network", "curl: (28) Connection timed out after 10001 milliseconds "
                + "https://example.com/health").isEmpty());
    }

    @Test
    void aSettingNamedInCapitalsNextToTheWordsOfItsAbsenceIsAMissingSecretInAnyLanguage() throws IOException {
        // GNU Bash's ${API_TOKEN:?} ("parameter null or not set", the Bash manual), t3-env's zod output
        // (colinhacks/zod#2792: "DATABASE_URL: [ 'Required' ]"), a Node service's own check
        for (String line : List.of("bash: API_TOKEN: parameter null or not set", "  DATABASE_URL: [ 'Required' ]",
                "Error: Missing required environment variable OPENAI_API_KEY")) {
            assertEquals(1, Fleet.findingsAlone("env.name-missing-generic", line).size(), line);
            assertTrue(scan(line).stream().anyMatch(f -> f.causeId().equals(CauseId.CONFIG_MISSING_SECRET)), line);
        }
        // an error CODE in capitals is not a setting (Node's ESM loader)
        assertTrue(Fleet.findingsAlone("env.name-missing-generic",
                "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'express' imported from /app/index.js").isEmpty());
    }

    @Test
    void refusalsLimitsAndStartFailuresInOtherToolsWordsLandOnTheirCause() throws IOException {
        // BuildKit pushing to Harbor (a push note in a public repository): the registry refused the blob upload, even
        // inside BuildKit's "failed to solve" wrapper
        Assessment push = deployFailsWith("Build and push", "ERROR: failed to solve: failed to push 192.168.134.134/"
                + "library/get-cpu-os:v4: unexpected status from POST request to https://192.168.134.134/v2/library/"
                + "get-cpu-os/blobs/uploads/: 401 Unauthorized\n");
        assertEquals(CauseId.REGISTRY_AUTH, push.topCause().orElseThrow().id());
        // go-github's error format for a refused token (google/go-github ErrorResponse: "GET <url>: 401 Bad
        // credentials []"): the platform's API refusing the deploy credential
        reads("platform.control-api-401", CauseId.AUTH_DEPLOY_TOKEN, "GET https://api.github.com/user: 401 Bad credentials []");
        // Laravel's MissingAppKeyException (laravel/framework): the framework's secret is not set
        reads("config.secret-not-specified", CauseId.CONFIG_MISSING_SECRET, "No application encryption key has been specified.");
        // a time limit is not a plan limit (Travis CI), and a plan limit in other words is (Netlify-style build minutes)
        assertTrue(scan("The job exceeded the maximum time limit for jobs, and has been terminated.").stream()
                .noneMatch(f -> f.causeId().equals(CauseId.PLATFORM_QUOTA)));
        reads("platform.resource-limit", CauseId.PLATFORM_QUOTA, "You have reached your build minutes limit for this month");
        // gunicorn cannot load the app it was told to serve
        reads("app.load-failed-generic", CauseId.APP_CRASH_ON_BOOT, "Failed to find application object 'app' in 'main'");
        // a bare "Error:" before a tool's own message is not a test failure (Maven's annotations on GitHub)
        assertTrue(scan("Error:").stream().noneMatch(f -> f.causeId().equals(CauseId.CI_TEST_FAILURE)));
    }

    @Test
    void aPlatformApiRefusingForLackOfRoomIsCapacity() {
        // the Fly Machines API's 409 (the wording of the log indications platform.insufficient-resources and
        // fly.reserve-resource, from flyctl issues) as an API failure rather than a log line
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.add(Fleet.failure("dashboard", "fly", FailureKind.UNEXPECTED_STATUS, 409,
                "aborted: could not reserve resource for machine: insufficient CPUs available to fulfill request"));
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals(CauseId.PLATFORM_CAPACITY, a.topCause().orElseThrow().id());
    }
}
