package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-first session's rule writer r41-p187, each in its tool's own words: its round on p187-
 * (browser and end-to-end test stages in deploy pipelines). A browser the CI machine cannot start is the machine's, not
 * a test's: its system libraries missing (Playwright's banner, a Chromium binary that does not load), no X display
 * (Cypress's Xvfb), no usable sandbox, no browser installed (Lighthouse CI, chrome-launcher, Puppeteer, Playwright,
 * Cypress), ChromeDriver's Chrome failing to start or its tab crashing, and a Selenium grid or driver service that gives
 * no session. The download of the browser or binary an end-to-end tool runs is the dependency fetch's; a browser's own
 * name-resolution error is the name's; wait-for-vercel-preview's budget running out is the job's time limit, its
 * deployment not found for the actor it was given its configuration's; the Cypress Cloud API's error the recording
 * service's. Two rules added: a Vercel preview answering 401 is its Deployment Protection refusing a request without the
 * bypass secret (config.missing-secret/vercel-preview-protection-401), and tests that fail while the service they check
 * depends on a DOWN service report that dependency (dependency.down/tests-fail-on-down-dependency).
 */
class HundredFortySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r41-p187 (p187-: browser and end-to-end test stages)
            Map.entry("browser.host-missing-libraries", "ci.runner"),
            Map.entry("browser.no-display-server", "ci.runner"),
            Map.entry("browser.sandbox-unavailable", "ci.runner"),
            Map.entry("browser.not-installed", "ci.runner"),
            Map.entry("chromedriver.chrome-failed", "ci.runner"),
            Map.entry("selenium.session-not-created-infrastructure", "ci.runner"),
            Map.entry("e2e.browser-binary-download-failed", "build.dependency-fetch"),
            Map.entry("browser.err-name-not-resolved", "network.dns"),
            Map.entry("wait-for-vercel.timeout-reached", "ci.timeout"),
            Map.entry("wait-for-vercel.no-deployment-for-actor", "config.invalid"),
            Map.entry("cypress.cloud-unexpected-error", "dependency.down"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // microsoft/playwright#28130, #5759; puppeteer/puppeteer#7316; an app's own binary (p14-26) is not read
        ROUND.reads("browser.host-missing-libraries", "║ Host system is missing dependencies to run browsers. ║");
        ROUND.readsNot("browser.host-missing-libraries", "./server: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory");
        ROUND.reads("browser.host-missing-libraries", "/root/.cache/puppeteer/chrome/linux-1108766/chrome-linux/chrome: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory");
        ROUND.readsNot("browser.host-missing-libraries", "  1) [chromium] › login.spec.ts:12:5 › logs in ─ Error: expect(received).toBe(expected)");
        // cypress-io/cypress#5110, #14457; Chromium's and Playwright's display messages
        ROUND.reads("browser.no-display-server", "Error: Could not start Xvfb. Install XVFB and run Cypress again.");
        ROUND.readsNot("browser.no-display-server", "  Running:  checkout.cy.js                                                  (1 of 4)");
        ROUND.reads("browser.no-display-server", "[FAILED] Your system is missing the dependency: Xvfb");
        ROUND.readsNot("browser.no-display-server", "Error: connect ECONNREFUSED 127.0.0.1:3000"); // the app not answering
        // shipmight/helm-playground#17; Chromium as root
        ROUND.reads("browser.sandbox-unavailable", "[0124/090623.034195:FATAL:zygote_host_impl_linux.cc(117)] No usable sandbox! Update your kernel or see https://chromium.googlesource.com/chromium/src/+/main/docs/linux/suid_sandbox_development.md for more information.");
        ROUND.readsNot("browser.sandbox-unavailable", "Launching Chrome with --no-sandbox --disable-dev-shm-usage");
        ROUND.reads("browser.sandbox-unavailable", "[1203/101512.417:ERROR:zygote_host_impl_linux.cc(90)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.");
        ROUND.readsNot("browser.sandbox-unavailable", "Error: Protocol error (Page.navigate): Target closed.");
        // GoogleChrome/lighthouse-ci#865; Playwright's missing executable
        ROUND.reads("browser.not-installed", "❌  Chrome installation not found");
        ROUND.readsNot("browser.not-installed", "✅  Chrome installation found");
        ROUND.reads("browser.not-installed", "browserType.launch: Executable doesn't exist at /ms-playwright/chromium-1097/chrome-linux/chrome");
        ROUND.readsNot("browser.not-installed", "Error: page.goto: net::ERR_CONNECTION_REFUSED at http://localhost:3000/"); // the app not answering
        // SeleniumHQ/selenium#13562, p187-06
        ROUND.reads("chromedriver.chrome-failed", "Message: session not created: Chrome failed to start: exited abnormally.");
        ROUND.readsNot("chromedriver.chrome-failed", "org.openqa.selenium.NoSuchElementException: no such element: Unable to locate element: {\"method\":\"css selector\",\"selector\":\"#submit\"}");
        ROUND.reads("chromedriver.chrome-failed", "    webtester.go:212: unknown error: session deleted because of page crash");
        ROUND.readsNot("chromedriver.chrome-failed", "org.openqa.selenium.TimeoutException: Expected condition failed: waiting for visibility of element located by By.id: total"); // an assertion's wait
        // p187-07, p187-38 (Selenium's wording); a proxy's 504 before the grid (p187-21) is not read
        ROUND.reads("selenium.session-not-created-infrastructure", "org.openqa.selenium.SessionNotCreatedException: Could not start a new session. Could not start a new session. Error while creating session with the driver service. Stopping driver service: Timed out waiting for driver server to bind the port.");
        ROUND.readsNot("selenium.session-not-created-infrastructure", "org.openqa.selenium.SessionNotCreatedException: Could not start a new session. Unable to parse remote response: <html><body><h1>504 Gateway Time-out</h1>");
        ROUND.reads("selenium.session-not-created-infrastructure", "E   selenium.common.exceptions.SessionNotCreatedException: Message: Could not start a new session. New session request timed out");
        ROUND.readsNot("selenium.session-not-created-infrastructure", "Caused by: org.openqa.selenium.SessionNotCreatedException: Could not start a new session. Possible causes are invalid address of the remote server or browser start-up failure.");
        // Cypress's and Playwright's installers (p187-09, p187-10)
        ROUND.reads("e2e.browser-binary-download-failed", "Error: Failed downloading the Cypress binary.");
        ROUND.readsNot("e2e.browser-binary-download-failed", "Installing Cypress (version: 3.1.3)");
        ROUND.reads("e2e.browser-binary-download-failed", "Error: Failed to download chromium, caused by");
        ROUND.readsNot("e2e.browser-binary-download-failed", "Chromium 119.0.6045.9 (playwright build v1084) downloaded to /home/runner/.cache/ms-playwright/chromium-1084");
        // Chromium's net error under Playwright .NET and webhint (p187-26, p187-25); Firefox's under Playwright
        ROUND.reads("browser.err-name-not-resolved", "   Microsoft.Playwright.PlaywrightException : net::ERR_NAME_NOT_RESOLVED at http://apps.corp.example/apps");
        ROUND.readsNot("browser.err-name-not-resolved", "   Microsoft.Playwright.PlaywrightException : net::ERR_CONNECTION_REFUSED at http://localhost:5000/apps"); // the app not answering
        ROUND.reads("browser.err-name-not-resolved", "Error: page.goto: NS_ERROR_UNKNOWN_HOST");
        ROUND.readsNot("browser.err-name-not-resolved", "Error: page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://stage.corp.example/"); // the certificate's
        // patrickedqvist/wait-for-vercel-preview (index.js, p187-17, p187-19, p187-20)
        ROUND.reads("wait-for-vercel.timeout-reached", "##[error]Timeout reached: Unable to wait for an deployment to be successful");
        ROUND.readsNot("wait-for-vercel.timeout-reached", "Preview deployment for fix/console has status in_progress, waiting 60 seconds");
        ROUND.reads("wait-for-vercel.timeout-reached", "Error: Timeout reached: Unable to wait for an deployment to be successful");
        ROUND.readsNot("wait-for-vercel.timeout-reached", "Deployment unavailable or not successful, retrying...");
        ROUND.reads("wait-for-vercel.no-deployment-for-actor", "Could not find any deployments for actor vercel[bot], retrying (attempt 36 / 36)");
        ROUND.readsNot("wait-for-vercel.no-deployment-for-actor", "Found deployment for actor vercel[bot]: https://website-git-feat-pricing.vercel.app");
        ROUND.reads("wait-for-vercel.no-deployment-for-actor", "Could not find any deployments for actor vercel[bot], retrying (attempt 1 / 60)");
        ROUND.readsNot("wait-for-vercel.no-deployment-for-actor", "Preview deployment for feat/pricing has status error, waiting 10 seconds"); // found, and failed
        // the Cypress CLI's API error (p187-30), both wordings
        ROUND.reads("cypress.cloud-unexpected-error", "We encountered an unexpected error talking to our servers.");
        ROUND.readsNot("cypress.cloud-unexpected-error", "We encountered an error while running your tests.");
        ROUND.reads("cypress.cloud-unexpected-error", "We encountered an unexpected error communicating with our servers.");
        ROUND.readsNot("cypress.cloud-unexpected-error", "You passed the --record flag but did not provide us your Record Key."); // the key's
    }

    /** No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /** The browser stages of p187- whose machine could not start the browser lead with the runner. */
    @Test
    void aBrowserTheMachineCannotStartIsTheRunner() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p187-01-ci-runner-playwright-java-host-missing-deps-initialization-error", "ci.runner",
                "p187-03-ci-runner-cypress-could-not-start-xvfb-post-deploy", "ci.runner",
                "p187-04-ci-runner-puppeteer-no-usable-sandbox-browser-test", "ci.runner",
                "p187-07-ci-runner-selenium-grid-timed-out-waiting-driver-bind-port", "ci.runner"));
    }

    /**
     * A Vercel preview answering 401 to the check of a CI job is its Deployment Protection refusing a request without the
     * project's bypass secret (config.missing-secret/vercel-preview-protection-401, bentleypark/aiwatch#577, p187-14);
     * before it the 401 was read nowhere and the preview was left unexplained.
     */
    @Test
    void aVercelPreviewAnswering401IsTheMissingBypassSecret() throws IOException {
        ShapeRound.leadWith(Map.of("p187-14-config-missing-secret-vercel-preview-401-edge-e2e-curl-gate", "config.missing-secret"));
    }

    /**
     * Tests that fail while the service they check depends on a DOWN service report that dependency
     * (dependency.down/tests-fail-on-down-dependency, p187-28: the frontend's e2e suite against a staging backend answering
     * 502); before it the tests' service answered, no dependency fact named the backend and dependency.down was not ranked
     * at all. Moderate: the backend's own failure is unexplained, so the dependency stays close behind unknown there.
     */
    @Test
    void testsOfAServiceWhoseDependencyIsDownReportTheDependency() throws IOException {
        io.sophia.core.Assessment a = Fleet.scenario("p187-28-dependency-down-frontend-e2e-pointing-at-staging-backend-down");
        java.util.List<String> firstTwo = a.causes().stream().limit(2).map(c -> c.id().value()).toList();
        org.junit.jupiter.api.Assertions.assertTrue(firstTwo.contains("dependency.down"), a.causes().toString());
        org.junit.jupiter.api.Assertions.assertTrue(a.causes().stream().filter(c -> c.id().value().equals("dependency.down"))
                .findFirst().orElseThrow().probability() >= 0.3, a.causes().toString());
    }

    /**
     * The same rule reads only while the checked service itself answers (UP): a DOWN one already has dependency-down's
     * chain, and adding to it put a provider's regional outage (p64-01: a service down with the cloud's DynamoDB endpoint,
     * labelled platform.outage) at 0.95 for dependency.down, a wrong top cause above 0.9.
     */
    @Test
    void testsOfADownServiceAddNothingToItsDependencysChain() throws IOException {
        io.sophia.core.Assessment a = Fleet.scenario("p64-01-platform-outage-aws-use1-dynamodb-endpoint-dns-empty-ecs-500");
        org.junit.jupiter.api.Assertions.assertTrue(a.causes().stream().filter(c -> c.id().value().equals("dependency.down"))
                .findFirst().map(c -> c.probability() <= 0.9).orElse(true), a.causes().toString());
    }
}
