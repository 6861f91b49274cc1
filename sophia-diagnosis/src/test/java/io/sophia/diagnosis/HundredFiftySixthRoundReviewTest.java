package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A review of the forty-second session's merged indications (review 42, /work/brief/review42.md, findings 3, 4, 5, 6,
 * 9 and 10): each finding's input, read wrongly before its fix, and the words the indication was written for, still
 * read. The logs are the reviewer's, built from the public reports named at each case.
 */
class HundredFiftySixthRoundReviewTest {

    private static final ShapeRound ROUND = new ShapeRound(Map.ofEntries(
            Map.entry("python.package-index-client-error", "build.dependency-fetch"),
            Map.entry("jest.obsolete-snapshot", "ci.test-failure"),
            Map.entry("vitest.obsolete-snapshots-error", "ci.test-failure"),
            Map.entry("keyvault.secret-read-forbidden", "config.missing-secret"),
            Map.entry("azure-pipelines.keyvault-task-secret-forbidden", "auth.deploy-token"),
            Map.entry("actions.ssh-key-input-required", "auth.deploy-token"),
            Map.entry("serverless.api-internal-server-error", "platform.outage"),
            Map.entry("argo-rollouts.metric-query-rejected-400", "config.invalid"),
            Map.entry("vault.login-path-missing-client-token", "config.invalid"),
            Map.entry("vault.login-cli-missing-client-token", "config.invalid"),
            Map.entry("registry.v2-request-deadline-exceeded", "registry.unavailable"),
            Map.entry("platform.build-spend-limit", "platform.quota")));

    /**
     * Finding 3: requests' raise_for_status on any URL with an archive suffix was read as a package index refusing the
     * build's dependency: a test's fixture (redpanda-data/redpanda#14544), a Hugging Face dataset, a model fetched at
     * boot. Only a package index's URL is read now.
     */
    @Test
    void anArchiveThatIsNoPackageIsNoDependencyFetch() throws IOException {
        ROUND.readsNot("python.package-index-client-error", "requests.exceptions.HTTPError: 404 Client Error: Not Found "
                + "for url: https://dl.redpanda.com/basic/cloudv2-preprod/raw/names/install-pack/versions/"
                + "23.2.20231017154957/install-pack-23.2.20231017154957.tar.gz");
        ROUND.readsNot("python.package-index-client-error", "requests.exceptions.HTTPError: 404 Client Error: Not Found "
                + "for url: https://huggingface.co/datasets/acme/faq/resolve/main/data.zip");
        String model = "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: "
                + "https://acme-models.s3.amazonaws.com/prod/model-v3.tar.gz?X-Amz-Expires=3600";
        ROUND.readsNot("python.package-index-client-error", model);
        // (a general download shape of build.dependency-fetch still reads the model's 403 at a moderate weight: the
        // lead's to weigh, outside this indication)
        // the package index's own URLs are still read: a wheel (python-poetry/poetry#2988), an index's /simple/ tree
        // (semgrep/poetry-codeartifact-plugin#15), an sdist under /packages/ (files.pythonhosted.org's layout)
        ROUND.reads("python.package-index-client-error", "#11 9.346   401 Client Error: Unauthorized for url: "
                + "https://pkgs.example-pay.io/dev/packages/pay_common-0.1.61-py3-none-any.whl");
        ROUND.reads("python.package-index-client-error", "  401 Client Error: Unauthorized for url: https://xxx-xxxx.d."
                + "codeartifact.eu-west-1.amazonaws.com/pypi/python-packages/simple/xxx-foundation/0.0.6/"
                + "xxx_foundation-0.0.6-py3-none-any.whl#sha256=0123abcd");
        ROUND.reads("python.package-index-client-error", "  403 Client Error: Forbidden for url: https://files."
                + "pythonhosted.org/packages/ab/cd/0123/acme-tools-1.2.0.tar.gz");
        ROUND.reads("python.package-index-client-error", "  404 Client Error: Not Found for url: "
                + "https://pypi.internal.example/simple/acme-tools/");
    }

    /**
     * Finding 4: an obsolete snapshot in a green run's summary (jestjs/jest#12564; Vitest before 3.2,
     * vitest-dev/vitest#7954), then a later step's failure, read as the tests at 0.9. Jest's summary now counts only
     * when npm or yarn then reports the test script failed; Vitest's own error is read by its indication.
     */
    @Test
    void anObsoleteSnapshotOfAGreenRunIsNoTestFailure() throws IOException {
        String vitestGreen = " Test Files  2 passed (2)\n      Tests  14 passed (14)\n   Snapshots  2 obsolete\n"
                + "   Start at  10:00:00\n   Duration  1.20s\n";
        Assessment a = Fleet.deployFailed("deploy", "Run npm test && ./deploy.sh", vitestGreen
                + "Deploying to prod...\nError: Process completed with exit code 1.\n");
        assertFalse(Fleet.indicationsOf("   Snapshots  2 obsolete").contains("jest.obsolete-snapshot"));
        assertNotEquals("ci.test-failure", Fleet.top(a), a.causes().toString());
        String jestGreen = "Snapshot Summary\n › 1 snapshot obsolete from 1 test suite. To remove it, run `npm test -- -u`.\n"
                + "   ↳ src/__snapshots__/app.test.js.snap\n\nTest Suites: 12 passed, 12 total\n"
                + "Tests:       80 passed, 80 total\nSnapshots:   1 obsolete, 22 passed, 22 total\nTime:        4.2 s\n"
                + "Ran all test suites.\n";
        ROUND.readsNot("jest.obsolete-snapshot", jestGreen + "##[error]Process completed with exit code 1.");
        Assessment b = Fleet.deployFailed("deploy", "Run npx jest --ci", jestGreen
                + "##[group]Run ./scripts/deploy.sh\n##[endgroup]\n##[error]Process completed with exit code 1.\n");
        assertNotEquals("ci.test-failure", Fleet.top(b), b.causes().toString());
        // the failing forms: Jest's run by npm or yarn, which then fails the script (jestjs/jest#11075), and Vitest 3.2's error
        ROUND.reads("jest.obsolete-snapshot", jestGreen + "npm ERR! Test failed.  See above for more details.");
        ROUND.reads("jest.obsolete-snapshot", "Snapshots:   1 obsolete, 22 passed, 22 total\nTime:        3.1 s\n"
                + "Ran all test suites.\nerror Command failed with exit code 1.");
        ROUND.reads("vitest.obsolete-snapshots-error", " Error: Obsolete snapshots found when no snapshot update is "
                + "expected.");
    }

    /**
     * Finding 5: the literal covered only "secrets get permission", so the "list" half of the pattern never ran; and a
     * pipeline's Key Vault task refused a secret (its service connection, ansible-collections/azure#635's wording) was
     * read as the runtime's missing secret. The task's annotation is the CI's identity now; an app's exception is still
     * the secret its workload cannot read (p72-20's source).
     */
    @Test
    void theKeyVaultTasksRefusalIsTheCisIdentity() throws IOException {
        String refusal = "The user, group or application 'appid=00000000-0000-0000-0000-000000000000;"
                + "oid=11111111-1111-1111-1111-111111111111;iss=https://sts.windows.net/22222222-2222-2222-2222-222222222222/'"
                + " does not have secrets %s permission on key vault 'kv-prod;location=westeurope'. For help resolving this "
                + "issue, please see https://go.microsoft.com/fwlink/?linkid=2125287";
        for (String permission : new String[] {"list", "get"}) {
            String line = "##[error]MyServiceConnection: \"" + String.format(refusal, permission) + "\"";
            ROUND.reads("azure-pipelines.keyvault-task-secret-forbidden", line);
            ROUND.readsNot("keyvault.secret-read-forbidden", line);
            Assessment a = Fleet.deployFailed("deploy", "AzureKeyVault", line + "\n");
            assertEquals("auth.deploy-token", Fleet.top(a), a.causes().toString());
        }
        String app = "Unhandled exception. Azure.RequestFailedException: (Forbidden) " + refusal;
        ROUND.reads("keyvault.secret-read-forbidden", String.format(app, "get"));
        ROUND.reads("keyvault.secret-read-forbidden", String.format(app, "list"));
        ROUND.readsNot("azure-pipelines.keyvault-task-secret-forbidden", String.format(app, "list"));
        ROUND.reads("keyvault.secret-read-forbidden", "azure.core.exceptions.HttpResponseError: (Forbidden) "
                + String.format(refusal, "list"));
    }

    /**
     * Finding 6: the SSH key action's echo as a UI copy gives it (no "##[group]", p191-12's source) was not read, so
     * actions.input-required claimed config.missing-secret at 0.9; and the window of 12 lines reached into
     * actions/cache's missing "key" of the next step (osbuild/osbuild#1671).
     */
    @Test
    void theSshKeyActionsEchoIsReadAsCopiedAndStopsAtItsStep() throws IOException {
        String copied = "Run shimataro/ssh-key-action@v2\n  with:\n    name: id_rsa\n    if_key_exists: fail\n"
                + "  env:\n    GOROOT: /opt/hostedtoolcache/go/1.16.3/x64\nError: Input required and not supplied: key";
        ROUND.reads("actions.ssh-key-input-required", copied);
        Assessment a = Fleet.deployFailed("deploy", "Set up SSH key", copied + "\n");
        assertEquals("auth.deploy-token", Fleet.top(a), a.causes().toString());
        String crossing = "##[group]Run shimataro/ssh-key-action@v2\nwith:\n  key: ***\n  name: id_rsa\n"
                + "  known_hosts: ***\n  if_key_exists: fail\n##[endgroup]\n##[group]Run actions/cache@v4\nwith:\n"
                + "  path: ~/.npm\n##[endgroup]\n##[error]Input required and not supplied: key";
        ROUND.readsNot("actions.ssh-key-input-required", crossing);
        Assessment b = Fleet.deployFailed("deploy", "Run actions/cache@v4", crossing + "\n");
        assertNotEquals("auth.deploy-token", Fleet.top(b), b.causes().toString());
        // p191-12's own log (the group form with its env lines) is still read
        ROUND.reads("actions.ssh-key-input-required", "##[group]Run shimataro/ssh-key-action@v2\nwith:\n  name: id_rsa\n"
                + "  if_key_exists: fail\nenv:\n  GOROOT: /opt/hostedtoolcache/go/1.16.3/x64\n##[endgroup]\n"
                + "Error: Input required and not supplied: key");
        ROUND.reads("actions.ssh-key-input-required", "##[group]Run webfactory/ssh-agent@v0.9.0\nwith:\n##[endgroup]\n"
                + "##[error]Input required and not supplied: ssh-private-key");
    }

    /**
     * Finding 9: "Error:" then API Gateway's {"message": "Internal server error"} is also any script's report of an
     * app's Lambda that threw (a smoke test), and it read as an AWS outage at 0.9. The Framework's own words must open
     * it now: v3's failed stack or Environment line (p190-31, serverless/serverless#8545), v1/v2's banner.
     */
    @Test
    void anApiGatewayInternalErrorOutsideServerlessIsNoOutage() throws IOException {
        String smoke = "Running smoke test against https://abc123.execute-api.us-east-1.amazonaws.com/prod/orders\n"
                + "Error:\n{\"message\": \"Internal server error\"}";
        ROUND.readsNot("serverless.api-internal-server-error", smoke);
        Assessment a = Fleet.deployFailed("deploy", "Run ./smoke.sh", smoke + "\n##[error]Process completed with exit code 1.\n");
        assertNotEquals("platform.outage", Fleet.top(a), a.causes().toString());
        ROUND.reads("serverless.api-internal-server-error", "Deploying payments-hooks to stage prod (us-east-1)\n"
                + "✖ Stack payments-hooks-prod failed to deploy (94s)\n"
                + "Environment: linux, node 18.19.0, framework 3.38.0, plugin 7.2.0, SDK 4.5.1\n"
                + "Error:\n{\"message\": \"Internal server error\"}");
        ROUND.reads("serverless.api-internal-server-error", "✖ Stack media-resize-prod failed to deploy (88s)\n"
                + "Error:\n{\"message\": \"Internal server error\"}");
        ROUND.reads("serverless.api-internal-server-error", "  Serverless Error ---------------------------------------\n"
                + " \n  {\"message\": \"Internal server error\"}");
    }

    /**
     * Finding 10: Argo's web metric provider's bare 400 (the canary's own endpoint), the Vault CLI's login answer on
     * separate lines, DigitalOcean's /v2/tags/ API, and Render's spend-limit prefilter.
     */
    @Test
    void theSmallerPoints() throws IOException {
        ROUND.readsNot("argo-rollouts.metric-query-rejected-400", "Error Message: received non 2xx response code: 400");
        ROUND.reads("argo-rollouts.metric-query-rejected-400", "Error Message: received non 2xx response code: 400 "
                + "{\"errors\":[\"Value of parameter 'aggregator' should be any of these [None, 'avg', 'min', 'max', 'sum']\"]}");
        ROUND.reads("argo-rollouts.metric-query-rejected-400", "Metric latency-slo-v2 Phase: Error  Message: Error Message: "
                + "received non 2xx response code: 400 {\\\"errors\\\":[\\\"Error parsing query\\\"]}");

        String cli = "Error writing data to auth/approle/login: Error making API request.\n\n"
                + "URL: PUT https://vault.internal:8200/v1/auth/approle/login\nCode: 400. Errors:\n\n* missing client token";
        ROUND.reads("vault.login-cli-missing-client-token", cli);
        ROUND.readsNot("vault.login-cli-missing-client-token", "Error reading secret/data/app: Error making API request.\n\n"
                + "URL: GET https://vault.internal:8200/v1/secret/data/app\nCode: 400. Errors:\n\n* missing client token");
        ROUND.readsNot("vault.login-cli-missing-client-token", "URL: PUT https://vault.internal:8200/v1/auth/approle/login\n"
                + "Code: 400. Errors:\n\n* invalid role or secret ID");
        ROUND.reads("vault.login-path-missing-client-token", "auth.handler: error authenticating: error=\"Error making API "
                + "request.  URL: PUT https://vault.vault.svc:8200/v1/clusters/services/login  Code: 400. Errors:  * missing "
                + "client token\" backoff=1.6");

        ROUND.readsNot("registry.v2-request-deadline-exceeded", "Get \"https://api.digitalocean.com/v2/tags/web-prod/\": "
                + "context deadline exceeded");
        ROUND.reads("registry.v2-request-deadline-exceeded", "resolve manifest: fetch manifest: Get \"https://index.docker."
                + "io/v2/onkernel/chromium-headful-vgpu/manifests/016335f\": context deadline exceeded");
        ROUND.reads("registry.v2-request-deadline-exceeded", "Get \"https://registry.internal:5000/v2/team/api/tags/list\": "
                + "context deadline exceeded");
        ROUND.reads("registry.v2-request-deadline-exceeded", "Get \"https://index.docker.io/v2/\": context deadline exceeded");

        assertFalse(IndicationSet.builtIn().indications().stream().filter(i -> i.id().equals("platform.build-spend-limit"))
                .findFirst().orElseThrow().literals().contains("minutes"));
        ROUND.reads("platform.build-spend-limit", "::error::Render deploy dep-d9dpevtaeets739oo9sg was canceled: pipeline "
                + "minutes exhausted, spend limit reached");
        ROUND.reads("platform.build-spend-limit", "\"reason\":\"The workspace has exhausted its included pipeline "
                + "minutes and reached its pipeline spend limit.\"");
        ROUND.readsNot("platform.build-spend-limit", "Build finished in 4 minutes");
    }
}
