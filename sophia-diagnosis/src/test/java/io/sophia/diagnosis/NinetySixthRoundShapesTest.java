package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-fifth session's rule writer rules35b, each in its tool's own words: its round on the
 * consumed holdout h118-. The self-hosted runner's listener refused a session because GitHub deleted its registration
 * (actions/runner's "The runner registration has been deleted from the server"); configure-aws-credentials' hint that the
 * job has a role and no OIDC token, then its failure to load credentials (the id-token permission missing); webpack's
 * loader unable to find an installed package ("Module build failed (from ...)" then "Error: Cannot find module 'x'").
 * Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a
 * line its scenario shows and a line of another cause that shares its words); each new log indication reads no line of
 * the shared corpus and, on the labelled scenarios, only lines of its own cause. The round's narrowed indication
 * (actions.action-download-failed: not the server's "Unable to resolve action") is pinned here too; its rules are
 * pinned by calibration.RulesThirtyFifthSessionBTest.
 */
class NinetySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("actions-runner.registration-deleted", "ci.runner"),
            Map.entry("aws-credentials.oidc-permission-hint-then-not-loaded", "auth.deploy-token"),
            Map.entry("webpack.loader-package-missing", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("actions-runner.registration-deleted", "Failed to create a session. The runner registration has been deleted from the server, please re-configure. Runner registrations are automatically deleted for runners that have not connected to the service recently.");
        ROUND.readsNot("actions-runner.registration-deleted", "A session for this runner already exists.");
        ROUND.reads("actions-runner.registration-deleted", "Nov 30 07:31:03 deploy-01 runsvc.sh[1187]: Failed to create a session. The runner registration has been deleted from the server, please re-configure.");
        ROUND.readsNot("actions-runner.registration-deleted", "Error: failed to fetch task error=\"unknown: rpc error: code = Unauthenticated desc = unregistered runner\""); // ci.act-runner-unregistered
        ROUND.reads("aws-credentials.oidc-permission-hint-then-not-loaded", "It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.\n##[error]Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers");
        ROUND.readsNot("aws-credentials.oidc-permission-hint-then-not-loaded", "It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission? If you are not trying to authenticate with OIDC and the action is working successfully, you can ignore this message.\nAuthenticated as assumedRoleId AROAEXAMPLE:GitHubActions");
        ROUND.reads("aws-credentials.oidc-permission-hint-then-not-loaded", "It looks like you might be trying to authenticate with OIDC. Did you mean to set the `id-token` permission?\nError: Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers");
        ROUND.readsNot("aws-credentials.oidc-permission-hint-then-not-loaded", "##[error]Credentials could not be loaded, please check your action inputs: Could not load credentials from any providers"); // alone: a permission, a trust policy or STS (p145-39)
        ROUND.reads("webpack.loader-package-missing", "Module build failed (from ./node_modules/babel-loader/lib/index.js):\nError: Cannot find module '@babel/preset-react' from '/home/runner/work/admin/admin'");
        ROUND.readsNot("webpack.loader-package-missing", "Module build failed (from ./node_modules/babel-loader/lib/index.js):\nSyntaxError: /app/src/index.js: Unexpected token (12:4)");
        ROUND.reads("webpack.loader-package-missing", "      01 Module build failed (from /home/exercises/rails/shared/node_modules/babel-loader/lib/index.js):\n      01 Error: Cannot find module 'chalk'");
        ROUND.readsNot("webpack.loader-package-missing", "Error: Cannot find module 'express'\nRequire stack:\n- /app/server.js"); // node.module-not-found
        // the narrowed actions.action-download-failed: the runner's network, not the server's answer that it could not
        // resolve the reference (h118-48)
        ROUND.reads("actions.action-download-failed", "ci.runner", "Failed to resolve action download info. Error: The HTTP request timed out after 00:01:40.");
        ROUND.readsNot("actions.action-download-failed", "Failed to resolve action download info. Error: Unable to resolve action `nettlecraft/deploy-action@v3.2.1`");
        ROUND.readsNot("actions.action-download-failed", "Failed to resolve action download info. Error: Unable to resolve action `astral-sh/setup-uv@v10`, unable to find version `v10`");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
