package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-fifth session's rule writer r45-h154, each in its tool's own words: its round on the
 * consumed set h154- (deploy workflows on GitHub Actions seen through the runner). The job's own git without a
 * credential for the repository or submodule it checks out (actions/checkout#641, #664, #997;
 * woowacourse-teams/2023-emmsale#899); a setup action asked for a tool version not published for the runner's platform
 * or architecture (actions/setup-node#1302, exceljs/exceljs#2870, actions/setup-node's base-distribution.ts,
 * actions/setup-go's installer, docs.github.com "Building and testing Python"); an action reference with no such
 * version or repository (remix-run/blues-stack#244, aquasecurity/tfsec-sarif-action#17) against GitHub's resolution
 * answering "Repositories not found" naming none (actions/runner#1796); an app refusing a connection URL without its
 * password (LanternOps/breeze#969); Next.js started without a production build (Dokploy/dokploy#4339,
 * nextjs.org/docs/messages/production-start-no-build-id); dnspython's NoNameservers and LifetimeTimeout
 * (actions/runner-images#4863, rthalley/dnspython#1152); the runner's diagnostic log naming a step's time limit (actions/runner
 * src/Runner.Worker/StepsRunner.cs). And two rules: a registry's refusal in a job that succeeded, of a service that
 * answers, explains nothing (registry.auth/refusal-in-passing-job, INSPIRE-MIF/helpdesk-validator#608), and a provider's
 * status page listing an open incident of its registry makes a refused registry login the registry's unavailability
 * (registry.unavailable/provider-incident-names-registry and registry.auth/refused-during-registry-incident,
 * OCA/oca-addons-repo-template#138). Each indication is tested on its source's words and a near miss (the first pair
 * of each is indication-cases.tsv's row); each reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause.
 */
class HundredSeventySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("git.job-checkout-no-credential", "auth.deploy-token"),
            Map.entry("setup-action.version-not-published-for-platform", "config.invalid"),
            Map.entry("actions.action-reference-unresolvable", "config.invalid"),
            Map.entry("config.url-without-password", "config.missing-secret"),
            Map.entry("actions.resolve-actions-empty-not-found", "platform.outage"),
            Map.entry("nextjs.production-build-missing", "app.crash-on-boot"),
            Map.entry("dns.dnspython-nameservers-failed", "network.dns"),
            Map.entry("actions-runner.diag-step-timeout", "ci.timeout"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("git.job-checkout-no-credential", "Error: fatal: could not read Username for 'https://github.com': terminal prompts disabled");
        // go's module fetch relays git's words inside a BuildKit step: the dependency's (p132-04)
        ROUND.readsNot("git.job-checkout-no-credential", "#11 4.912 fatal: could not read Username for 'https://github.com': terminal prompts disabled");
        ROUND.reads("git.job-checkout-no-credential", "  Error: fatal: could not read Username for 'https://github.com/': terminal prompts disabled");
        ROUND.reads("git.job-checkout-no-credential", "##[error]fatal: could not read Username for 'https://github.com': terminal prompts disabled");
        // go's requirement chain, tab-indented under "git ls-remote ... exit status 128:" (pulumi/pulumi#14541, p152-02)
        ROUND.readsNot("git.job-checkout-no-credential", "        fatal: could not read Username for 'https://github.com': terminal prompts disabled");
        ROUND.reads("setup-action.version-not-published-for-platform", "Error: Unable to find Node version '22' for platform linux and architecture x86.");
        // setup-node's download of a build it did find (h154-03's source line)
        ROUND.readsNot("setup-action.version-not-published-for-platform", "Acquiring 19.8.1 -  from https://nodejs.org/dist/v19.8.1/win-/node.exe");
        ROUND.reads("setup-action.version-not-published-for-platform", "Error: Unable to find Node version '14.x' for platform darwin and architecture arm64.");
        ROUND.reads("setup-action.version-not-published-for-platform", "::error::Unable to find Go version '9.99.9' for platform linux and architecture x64.");
        ROUND.reads("setup-action.version-not-published-for-platform", "##[error]Version 3.6 with arch x64 not found");
        ROUND.readsNot("setup-action.version-not-published-for-platform", "Error: Unexpected HTTP response: 404");
        ROUND.reads("actions.action-reference-unresolvable", "Error: Unable to resolve action `superfly/flyctl-actions@v2`, unable to find version `v2`");
        // no reason named: once, not on the re-run (actions/runner#1006, h118-48)
        ROUND.readsNot("actions.action-reference-unresolvable", "Failed to resolve action download info. Error: Unable to resolve action `nettlecraft/deploy-action@v3.2.1`");
        ROUND.reads("actions.action-reference-unresolvable", "Error: Unable to resolve actions. Repository not found : tfsec/tfsec-sarif-action.");
        ROUND.readsNot("actions.action-reference-unresolvable", "##[error]Unable to resolve actions. Repositories not found : ");
        ROUND.reads("config.url-without-password", "[startup] Redis connectivity check failed: Error: [Redis] REDIS_URL must include a password (redis://:<password>@host:port) in production. Set REDIS_PASSWORD (openssl rand -hex 32) and ensure REDIS_URL is redis://:<password>@host:port.");
        ROUND.readsNot("config.url-without-password", "[CRITICAL] API startup failed: Error: Redis is required at startup but is unreachable");
        ROUND.reads("actions.resolve-actions-empty-not-found", "##[error]Unable to resolve actions. Repositories not found : ");
        ROUND.readsNot("actions.resolve-actions-empty-not-found", "Error: Unable to resolve actions. Repository not found : tfsec/tfsec-sarif-action.");
        ROUND.reads("nextjs.production-build-missing", "Error: Could not find a production build in the '.next' directory. Try building your app with 'next build' before starting the production server.");
        ROUND.readsNot("nextjs.production-build-missing", "info  - Creating an optimized production build...");
        ROUND.reads("nextjs.production-build-missing", "2026-07-08T16:35:03Z app[0805d7e3a1c968] cdg [info]Error: Could not find a production build in the '/app/.next' directory. Try building your app with 'next build' before starting the production server. https://nextjs.org/docs/messages/production-start-no-build-id");
        ROUND.reads("dns.dnspython-nameservers-failed", "dns.resolver.NoNameservers: All nameservers failed to answer the query app.dnslabs-demo.nl. IN A");
        // NXDOMAIN's words: dns.dnspython-name-does-not-exist's
        ROUND.readsNot("dns.dnspython-nameservers-failed", "dns.resolver.NXDOMAIN: The DNS query name does not exist: app.dnslabs-demo.nl.");
        ROUND.reads("dns.dnspython-nameservers-failed", "dns.resolver.LifetimeTimeout: The resolution lifetime expired after 0.102 seconds: Server Do53:127.0.0.1@53 answered The DNS operation timed out after 0.001 seconds");
        ROUND.reads("actions-runner.diag-step-timeout", "[2026-03-03 23:55:03Z ERR  StepsRunner] Caught timeout exception from step: The operation was canceled.");
        // the job's own cancellation: StepsRunner's other branch
        ROUND.readsNot("actions-runner.diag-step-timeout", "[2026-03-03 23:55:03Z ERR  StepsRunner] Caught cancellation exception from step: System.OperationCanceledException: The operation was canceled.");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // the runner's diagnostic log is read in h154-42 from a look at the host (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("actions-runner.diag-step-timeout")).staysInItsCauses(
                // disputed label (reported to the lead): setup-node's "Unable to find Node version '14.21.3' for platform
                // darwin and architecture arm64." says nodejs.org's index has no such build (Node 14 has no Apple-silicon
                // build; findVersionInDist throws it after reading the index), the workflow's version and runner, not a
                // download that failed
                "h154-04 setup-action.version-not-published-for-platform");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * The scenarios of h154- each new shape or rule settles, now led by their labels (before: unknown at 0.49 to 0.51 on
     * h154-11, -12, -17, -19, -24 and -28; registry.auth at 0.9 on h154-07 and -48; app.crash-on-boot at 0.7 on h154-15;
     * ci.test-failure at 0.4 on h154-35; ci.cancelled at 0.9 on h154-42).
     */
    @Test
    void theSetsMissesNowLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h154-07-registry-unavailable-ghcr-login-fails-during-github-incident", "registry.unavailable"),
                Map.entry("h154-11-auth-deploy-token-checkout-private-org-repo-terminal-prompts", "auth.deploy-token"),
                Map.entry("h154-12-auth-deploy-token-deploy-checkout-submodule-token-revoked", "auth.deploy-token"),
                Map.entry("h154-15-config-missing-secret-fly-api-boot-rejects-redis-url-without-password", "config.missing-secret"),
                Map.entry("h154-17-config-invalid-setup-node-architecture-x86-on-x64-runner", "config.invalid"),
                Map.entry("h154-19-config-invalid-unresolvable-flyctl-action-version-tag", "config.invalid"),
                Map.entry("h154-24-platform-outage-unable-to-resolve-actions-server-side", "platform.outage"),
                Map.entry("h154-28-app-crash-on-boot-green-deploy-container-restart-loop", "app.crash-on-boot"),
                Map.entry("h154-35-network-dns-post-deploy-ns-check-ipv6-only-nameservers", "network.dns"),
                Map.entry("h154-42-ci-timeout-step-timeout-diag-log-migration-wait", "ci.timeout"),
                Map.entry("h154-48-unknown-ghcr-login-denied-but-anonymous-pull-works", "unknown")));
    }
}
