package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * General shapes of the thirty-ninth session's rule writer rules39-p177, each in its tool's own words: its round on
 * p177- (static sites and their hosting). Hugo unable to execute the site's templates, and unable to parse a theme's
 * template under a Hugo older than the theme needs; Jekyll's Liquid unable to parse a page, and meeting a tag no loaded
 * plugin defines; Vite/Rollup unable to resolve an import of the source; the AWS CLI's InvalidAccessKeyId; Astro DB
 * with no app token in the environment; actions/deploy-pages that found the artifact, then failed to fetch its metadata.
 * Widened: go.module-vcs-fetch-failed reads go's "module x: git ls-remote" of a query, setting.camelcase-required a
 * supabase-js error with its stack frame on the line. Each is tested on its source's words and a near miss (the first
 * pair of each is indication-cases.tsv's row); each new log indication reads no line of the shared corpus and, on the
 * labelled scenarios, only lines of its own cause. The rules on the platform's records (GitHub's Pages API answering
 * 5xx, a hosting platform's check runs failing with its internal error, a build record's "Build timed out", the artifact
 * listed before deploy-pages' "no artifacts") are tested on their sources.
 */
class HundredTwentySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules39-p177 (p177-: static sites and their hosting)
            Map.entry("astro-db.missing-app-token", "config.missing-secret"),
            Map.entry("aws-cli.invalid-access-key-id", "auth.deploy-token"),
            Map.entry("deploy-pages.artifact-found-then-metadata-failed", "unknown"),
            Map.entry("hugo.template-execute-failed", "build.dockerfile"),
            Map.entry("hugo.theme-template-parse-failed", "config.invalid"),
            Map.entry("jekyll.liquid-syntax-error", "build.dockerfile"),
            Map.entry("jekyll.liquid-unknown-tag", "config.invalid"),
            Map.entry("vite.rollup-failed-to-resolve-import", "build.dockerfile"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("astro-db.missing-app-token", "[astro:db] Error: Cannot create a remote client: missing app token.");
        ROUND.readsNot("astro-db.missing-app-token", "[astro:db] Error: Cannot connect to the remote database: fetch failed");
        ROUND.reads("astro-db.missing-app-token", "    Make sure the ASTRO_STUDIO_APP_TOKEN environment variable is set.");
        ROUND.readsNot("astro-db.missing-app-token", "    Make sure the NODE_ENV environment variable is set."); // not a credential
        ROUND.reads("aws-cli.invalid-access-key-id", "fatal error: An error occurred (InvalidAccessKeyId) when calling the ListObjectsV2 operation: The AWS Access Key Id you provided does not exist in our records.");
        ROUND.readsNot("aws-cli.invalid-access-key-id", "fatal error: An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist");
        ROUND.reads("aws-cli.invalid-access-key-id", "upload failed: target/site/serenity/icons/github.svg to s3://usermanagement-serenity-report-stage/icons/github.svg An error occurred (InvalidAccessKeyId) when calling the PutObject operation: The AWS Access Key Id you provided does not exist in our records.");
        ROUND.readsNot("aws-cli.invalid-access-key-id", "upload failed: _site/index.html to s3://***/index.html An error occurred (AccessDenied) when calling the PutObject operation: Access Denied"); // aws-cli.s3-transfer-access-denied
        ROUND.reads("deploy-pages.artifact-found-then-metadata-failed", "Found 1 artifact(s)\n##[error]Fetching artifact metadata failed. Is githubstatus.com reporting issues with API requests, Pages, or Actions? Please re-run the deployment at a later time.");
        ROUND.readsNot("deploy-pages.artifact-found-then-metadata-failed", "Found 0 artifact(s)\n##[error]Fetching artifact metadata failed. Is githubstatus.com reporting issues with API requests, Pages, or Actions? Please re-run the deployment at a later time.");
        ROUND.reads("deploy-pages.artifact-found-then-metadata-failed", "Found 2 artifact(s)\nFetching artifact metadata failed. Is githubstatus.com reporting issues with API requests, Pages, or Actions? Please re-run the deployment at a later time.");
        ROUND.readsNot("deploy-pages.artifact-found-then-metadata-failed", "Found 1 artifact(s)\nCreating Pages deployment with payload:"); // a deploy that went on
        ROUND.reads("hugo.template-execute-failed", "ERROR render of \"page\" failed: execute of template failed: template: _default/single.html:12:8: executing \"main\" at <partial \"sidebar.html\" .>: error calling partial: \"/home/runner/work/docs/docs/themes/hugo-refresh/layouts/partials/sidebar.html:50:31\": execute of template failed");
        ROUND.readsNot("hugo.template-execute-failed", "WARN  found no layout file for \"html\" for kind \"taxonomy\": You should create a template file which matches Hugo Layouts Lookup Rules for this combination.");
        ROUND.reads("hugo.template-execute-failed", "Error: error building site: render: failed to render pages: render of \"home\" failed: \"themes/KeepIt/layouts/index.html:5:3\": execute of template failed: template: index.html:5:3: executing \"content\" at <partial \"home_profile.html\" .>: error calling partial");
        ROUND.readsNot("hugo.template-execute-failed", "Error: \"/opt/build/repo/themes/novela/layouts/partials/func/GetArticleAuthors.html:39:1\": parse failed: template: partials/func/GetArticleAuthors.html:39: function \"return\" not defined"); // the Hugo version's
        ROUND.reads("hugo.theme-template-parse-failed", "Error: \"/opt/build/repo/themes/hugo-academic/layouts/partials/functions/get_pub_types.html:6:1\": parse failed: template: partials/functions/get_pub_types.html:6: function \"return\" not defined");
        ROUND.readsNot("hugo.theme-template-parse-failed", "Error: \"/home/runner/work/site/site/layouts/partials/nav.html:4:1\": parse failed: template: partials/nav.html:4: unexpected \"}\" in operand");
        ROUND.reads("hugo.theme-template-parse-failed", "Error: \"/opt/build/repo/themes/hugo-theme-stack/layouts/partials/article/components/details.html:8:1\": parse failed: template: partials/article/components/details.html:8: illegal number syntax: \"-\"");
        ROUND.readsNot("hugo.theme-template-parse-failed", "Error: \"/home/runner/work/blog/blog/layouts/partials/head.html:3:1\": parse failed: template: partials/head.html:3: function \"hugo\" not defined"); // the site's own layout
        ROUND.reads("jekyll.liquid-syntax-error", "  Liquid Exception: Liquid syntax error (line 18): Variable '{{' was not properly terminated with regexp: /\\}\\}/ in fuzzer/README.md");
        ROUND.readsNot("jekyll.liquid-syntax-error", "  Liquid Exception: Liquid syntax error (line 13): Unknown tag 'bibliography' in _pages/publications.md");
        ROUND.reads("jekyll.liquid-syntax-error", "Liquid Exception: Liquid syntax error (line 7): Tag '{%' was not properly terminated with regexp: /\\%\\}/ in _posts/2024-01-02-setup.md");
        ROUND.readsNot("jekyll.liquid-syntax-error", "    Liquid Warning: Liquid syntax error (line 9): Unexpected character { in \"{{ \"tag_\" | append: {{tag}}\" in /_layouts/post.html"); // a warning, the build goes on
        ROUND.reads("jekyll.liquid-unknown-tag", "  Liquid Exception: Liquid syntax error (line 13): Unknown tag 'bibliography' in _pages/publications.md");
        ROUND.readsNot("jekyll.liquid-unknown-tag", "  Liquid Exception: Liquid syntax error (line 18): Variable '{{' was not properly terminated with regexp: /\\}\\}/ in fuzzer/README.md");
        ROUND.reads("jekyll.liquid-unknown-tag", "Liquid Exception: Liquid syntax error: Unknown tag 'gist' in _layouts/post.html");
        ROUND.readsNot("jekyll.liquid-unknown-tag", "  Liquid Exception: undefined method `[]' for nil:NilClass in _layouts/default.html"); // a plugin's or the data's error
        ROUND.reads("vite.rollup-failed-to-resolve-import", "[vite]: Rollup failed to resolve import \"hast-util-to-string\" from \"/home/runner/work/marketing-site/marketing-site/plugins/rehype-autolink-config.ts\".");
        ROUND.readsNot("vite.rollup-failed-to-resolve-import", "npm ERR! 404 Not Found - GET https://registry.npmjs.org/hast-util-to-strin - Not found");
        ROUND.reads("vite.rollup-failed-to-resolve-import", "12:21:50 AM [vite] Pre-transform error: Failed to load url hastscript (resolved id: hastscript) in /home/runner/work/marketing-site/marketing-site/plugins/rehype-autolink-config.ts. Does the file exist?");
        ROUND.readsNot("vite.rollup-failed-to-resolve-import", "[vite] connecting..."); // the dev client
        // widened: go's query error names the module again; supabase-js with its stack frame on the line
        ROUND.reads("go.module-vcs-fetch-failed", "build.dependency-fetch", "go: github.com/hugolify/hugolify-theme-pages@upgrade: module github.com/hugolify/hugolify-theme-pages: git ls-remote -q origin in /opt/build/cache/hugo_cache/modules/filecache/modules/pkg/mod/cache/vcs/c45eb38d: exit status 128:");
        ROUND.readsNot("go.module-vcs-fetch-failed", "go: github.com/hugolify/hugolify-theme-pages@upgrade: module github.com/hugolify/hugolify-theme-pages: no matching versions for query \"upgrade\"");
        ROUND.reads("setting.camelcase-required", "config.missing-secret", "Error: supabaseUrl is required. at new SupabaseClient (file:///var/task/node_modules/@supabase/supabase-js/dist/main/SupabaseClient.js:45:19)");
        ROUND.readsNot("setting.camelcase-required", "Error: callback is required. at new Worker (file:///var/task/worker.js:3:9)");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the round's own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /** The round's sources are diagnosed as their labels say, each by its tool's own words or the platform's record. */
    @Test
    void theSourcesNameTheirCauses() throws IOException {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("p177-01-build-dockerfile-hugo-theme-sidebar-taxonomy-entry-page-field", "build.dockerfile"),
                Map.entry("p177-02-build-dockerfile-jekyll-build-pages-readme-braces-liquid-variable", "build.dockerfile"),
                Map.entry("p177-03-build-dockerfile-astro-vite-unresolved-hast-util-import-pages", "build.dockerfile"),
                Map.entry("p177-05-config-invalid-netlify-hugo-version-too-old-illegal-number-syntax", "config.invalid"),
                Map.entry("p177-06-config-invalid-pages-jekyll-unknown-tag-bibliography-plugin", "config.invalid"),
                Map.entry("p177-21-ci-timeout-amplify-build-command-runs-server-build-timed-out", "ci.timeout"),
                Map.entry("p177-23-platform-outage-deploy-pages-all-deployments-timeout-outage-day", "platform.outage"),
                Map.entry("p177-24-platform-outage-cloudflare-pages-builds-fail-initializing-escalated", "platform.outage"),
                Map.entry("p177-27-auth-deploy-token-s3-sync-retired-access-key-invalidaccesskeyid", "auth.deploy-token"),
                Map.entry("p177-32-build-dependency-fetch-netlify-hugo-module-git-ls-remote-username", "build.dependency-fetch"),
                Map.entry("p177-36-config-missing-secret-astro-db-cloudflare-missing-app-token", "config.missing-secret"),
                // p177-39 (labelled unknown) is no longer expected here: its "Found 1 artifact(s)" counts every artifact of
                // the run, not the one named "github-pages" (HundredTwentyEighthRoundReviewTest), so its "No artifacts
                // named" stays a missing artifact, not a certain one
                Map.entry("p177-37-config-missing-secret-amplify-astro-ssr-supabase-env-runtime-500", "config.missing-secret"));
        ShapeRound.leadWith(expected);
    }

    /** "Found 0 artifact(s)" before the same failed fetch is a missing artifact, as labelled (p120-38, p177-19). */
    @Test
    void noArtifactListedStaysMissing() throws IOException {
        for (String id : List.of("p120-38-image-not-found-deploy-pages-no-artifacts-rerun-expired",
                "p177-19-image-not-found-pages-deploy-job-missing-upload-pages-artifact")) {
            Assessment a = Fleet.scenario(id);
            assertEquals("image.not-found", a.causes().get(0).id().value(), id + " " + a.causes());
            assertNotEquals("unknown", a.causes().get(0).id().value());
        }
    }
}
