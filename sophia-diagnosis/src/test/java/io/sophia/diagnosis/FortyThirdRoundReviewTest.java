package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Review of the forty-third round (FortyThirdRoundShapesTest): lines its shapes read in real logs that say nothing of
 * the failure's cause (a test's verdict printed after every refusal, a notice printed for a token that works).
 */
class FortyThirdRoundReviewTest {

    private static final ShapeRound ROUND = new ShapeRound(Map.of(
            "cloudflare.token-permission-missing", "auth.deploy-token",
            "nginx.config-refused", "config.invalid"));

    /**
     * nginx -t prints "configuration file ... test failed" after every refusal, its configuration's form or not: a
     * certificate it cannot load (certbot's renewal gone wrong), an upstream name that does not resolve. The line says
     * the test failed, not why; the [emerg] line before it says why.
     */
    @Test
    void nginxsTestFailedLineIsNotReadAsTheConfigurationsForm() throws IOException {
        ROUND.readsNot("nginx.config-refused", "nginx: configuration file /etc/nginx/nginx.conf test failed");
        Assessment cert = Fleet.deployFailed("deploy", "Deploy", """
                ##[group]Run ssh deploy@web 'sudo nginx -t && sudo systemctl reload nginx'
                ##[endgroup]
                nginx: [emerg] cannot load certificate "/etc/letsencrypt/live/shop.example.com/fullchain.pem": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/letsencrypt/live/shop.example.com/fullchain.pem, r) error:10000080:BIO routines::no such file)
                nginx: configuration file /etc/nginx/nginx.conf test failed
                ##[error]Process completed with exit code 1.
                """);
        assertNotEquals("config.invalid", cert.causes().get(0).id().value(), cert.causes().toString());
        // the configuration's own form is still read, on its [emerg] line
        ROUND.reads("nginx.config-refused", "nginx: [emerg] \"server\" directive is not allowed here in "
                + "/etc/nginx/conf.d/default.conf:1");
    }

    /**
     * Wrangler prints "Unable to retrieve email for this user. Are you missing the `User->User Details->Read`
     * permission?" on every whoami with a token that lacks the permission, a token that deploys fine included (its
     * printUserEmail; the permission is not needed to deploy): the failing request after it is the token's refusal.
     */
    @Test
    void wranglersEmailNoticeIsNotTheTokensRefusal() throws IOException {
        ROUND.readsNot("cloudflare.token-permission-missing", "👋 You are logged in with an API Token. Unable to "
                + "retrieve email for this user. Are you missing the `User->User Details->Read` permission?");
        ROUND.reads("cloudflare.token-permission-missing", "✘ [ERROR] A request to the Cloudflare API (/memberships) "
                + "failed.");
        Assessment build = Fleet.deployFailed("deploy", "Deploy", """
                ##[group]Run npx wrangler whoami
                ##[endgroup]
                 ⛅️ wrangler 3.91.0
                Getting User settings...
                👋 You are logged in with an API Token. Unable to retrieve email for this user. Are you missing the `User->User Details->Read` permission?
                ##[group]Run npx wrangler deploy
                ##[endgroup]
                ✘ [ERROR] Could not resolve "node:crypto"
                ✘ [ERROR] Build failed with 1 error:
                ##[error]Process completed with exit code 1.
                """);
        assertNotEquals("auth.deploy-token", build.causes().get(0).id().value(), build.causes().toString());
    }
}
