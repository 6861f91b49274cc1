package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the thirty-ninth session's merged rules (0c23fcf1..93f63399): real public wordings the new shapes read as
 * another cause than the one they say, and two rules that took a reading back on evidence that does not say what the
 * rule believed. Each case failed before its fix.
 */
class HundredTwentyEighthRoundReviewTest {

    /**
     * jekyll.liquid-unknown-tag read any "Unknown tag" as a plugin the build does not load (config.invalid), but Liquid
     * says "Unknown tag 'endhighlight'" (jekyll/jekyll#4683) and "Unknown tag 'endraw'"
     * (bregman-arie/devops-exercises#10550, octopress/octopress#51) for a closing tag whose block never opened, braces in
     * the page's content having cut it short: the site's source, which jekyll.liquid-syntax-error reads
     * (build.dockerfile). A plugin's block tag is unknown at its opening, so a tag beginning with "end" is never one.
     */
    @Test
    void aClosingTagWithoutItsBlockIsThePagesContentNotAPlugin() throws IOException {
        for (String line : java.util.List.of(
                "  Liquid Exception: Liquid syntax error (line 61): Unknown tag 'endhighlight' in _posts/2016-03-20-generators.md",
                "  Liquid Exception: Liquid syntax error (line 3620): Unknown tag 'endraw' in README.md")) {
            Fleet.assertReadsNot("jekyll.liquid-unknown-tag", line);
            Fleet.assertReads("jekyll.liquid-syntax-error", "build.dockerfile", line);
        }
        // a plugin's own tag, and tags that only begin with "e" or "en", are still read
        for (String tag : java.util.List.of("bibliography", "gist", "embed", "enroll", "e")) {
            Fleet.assertReads("jekyll.liquid-unknown-tag", "config.invalid",
                    "  Liquid Exception: Liquid syntax error (line 13): Unknown tag '" + tag + "' in _pages/publications.md");
        }
    }

    /**
     * doppler.secrets-api-unreachable says a name that does not resolve is network.dns's, but its ".*" before the reason
     * let Go's resolver timing out ("dial tcp: lookup api.doppler.com on 127.0.0.11:53: read udp ...: i/o timeout") be
     * read as the secrets service down. A dial to the API's address that times out is still read.
     */
    @Test
    void aLookupOfDopplersNameThatTimedOutIsNotTheServiceDown() throws IOException {
        Fleet.assertReadsNot("doppler.secrets-api-unreachable", "Doppler Error: Get \"https://api.doppler.com/v3/configs/"
                + "config/secrets/download?format=json\": dial tcp: lookup api.doppler.com on 127.0.0.11:53: read udp "
                + "172.18.0.4:41234->127.0.0.11:53: i/o timeout");
        for (String reason : java.util.List.of("dial tcp 104.18.22.4:443: i/o timeout",
                "dial tcp 104.18.22.4:443: connect: connection refused", "net/http: TLS handshake timeout",
                "context deadline exceeded (Client.Timeout exceeded while awaiting headers)")) {
            Fleet.assertReads("doppler.secrets-api-unreachable", "dependency.down", "Doppler Error: Get "
                    + "\"https://api.doppler.com/v3/configs/config/secrets/download?format=json\": " + reason);
        }
    }

    /**
     * image.not-found/artifact-listed-before-missing took deploy-pages' "No artifacts named" back entirely (lr 0.015)
     * after "Found 1 artifact(s)", as if the artifact existed. That count is @actions/artifact's listArtifacts over
     * every artifact of the run, before deploy-pages filters them by name (actions/toolkit list-artifacts.ts,
     * actions/deploy-pages src/internal/api-client.js): one artifact of another name is listed while "github-pages" is
     * missing (an upload under another name, deploy-pages#179; googlefonts-project-template's build uploads a fonts zip
     * beside its Pages artifact). The missing artifact leads again, short of certain.
     */
    @Test
    void anArtifactOfTheRunListedDoesNotProveThePagesArtifactExists() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Deploy to GitHub Pages", """
                ##[group]Run actions/deploy-pages@v4
                ##[endgroup]
                Fetching artifact metadata for "github-pages" in this workflow run
                Found 1 artifact(s)
                ##[error]Fetching artifact metadata failed. Is githubstatus.com reporting issues with API requests, Pages, or Actions? Please re-run the deployment at a later time.
                ##[error]Error: No artifacts named "github-pages" were found for this workflow run. Ensure artifacts are uploaded with actions/upload-artifact@v4 or later.
                """);
        assertEquals("image.not-found", Fleet.top(a), a.causes().toString());
        assertTrue(Fleet.probability(a, "image.not-found") < 0.85, a.causes().toString());
    }

    /**
     * config.invalid's cloudflare.verified-token-then-refused and auth.deploy-token's token-verified-before-refusal
     * (lr 0.05) stated a Cloudflare 10000 after /user/tokens/verify as the configuration's ids at 0.9. The verification
     * proves the token valid, not that it may touch the account: a valid token lacking a permission gets the same 10000
     * (wrangler's own "Please ensure it has the correct permissions for this operation", cloudflare/workers-sdk#4597;
     * the corpus labels a token without access to the account or zone auth.deploy-token, h22-16, p25-17). Neither is
     * stated confidently now; h128-17 (a zone id that was the account id) stays config.invalid.
     */
    @Test
    void aVerifiedTokenMayStillLackThePermission() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Upload site", """
                ##[group]Run curl -s https://api.cloudflare.com/client/v4/user/tokens/verify -H "Authorization: Bearer ***"
                {"result":{"id":"***","status":"active"},"success":true,"errors":[],"messages":[{"code":10000,"message":"This API Token is valid and active","type":null}]}
                ##[endgroup]
                ##[group]Run npx wrangler r2 object put site/index.html --file dist/index.html
                ##[endgroup]
                ✘ [ERROR] A request to the Cloudflare API (/accounts/***/r2/buckets) failed.
                  Authentication error [code: 10000]
                📎 It looks like you are authenticating Wrangler via a custom API token set in an environment variable.
                Please ensure it has the correct permissions for this operation.
                ##[error]Process completed with exit code 1.
                """);
        assertTrue(Fleet.probability(a, "config.invalid") < 0.75, a.causes().toString());
        assertTrue(Fleet.probability(a, "auth.deploy-token") > 0.25, a.causes().toString());
        Assessment h128 = Fleet.scenario("h128-17-config-invalid-wrangler-zone-id-set-to-account-id-auth-error");
        assertEquals("config.invalid", Fleet.top(h128), h128.causes().toString());
    }
}
