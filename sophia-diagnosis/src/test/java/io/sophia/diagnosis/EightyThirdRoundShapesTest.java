package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-second session's rule writer rules32b, each in its tool's own words: its round on the
 * consumed h108- (Elixir/Phoenix, Rails, Heroku, Gigalixir) and h109- (Fly.io) misses. The Gigalixir CLI's login
 * refusing the CI's credentials ("Sorry, we could not authenticate you. If you need to reset your password, run
 * `gigalixir account:password:reset ...`", only with the CLI's advice after it); Heroku refusing a dyno size or tier it
 * does not offer at all ("Process tier is invalid. Available process tiers are ...", "No such size as 1X. Available dyno
 * sizes are ..."), a formation that names what does not exist; LiteFS refusing its own litefs.yml in its Validate's
 * words ("fuse directory and data directory cannot be the same path", "invalid lease type, must be either 'consul' or
 * 'static'", "ERROR: data directory required" ...); and the kubelet's failed HTTP probe as a platform built on Kubernetes
 * relays it in its own log, lower case ("readiness probe failed: HTTP probe failed with statuscode: 404"; the
 * capitalised event stays k8s.probe-failed's). Each is tested on its source's words and a near miss (the first pair of
 * each is indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another cause
 * that shares its words); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own
 * cause.
 */
class EightyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules32b (h108- and h109-: Heroku, Gigalixir, Fly.io's LiteFS)
            Map.entry("gigalixir.login-refused", "auth.deploy-token"),
            Map.entry("heroku.dyno-size-not-offered", "config.invalid"),
            Map.entry("litefs.config-invalid", "config.invalid"),
            Map.entry("k8s.relayed-http-probe-failed", "app.healthcheck-failing"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules32b (h108- and h109-)
        ROUND.reads("gigalixir.login-refused", "Sorry, we could not authenticate you. If you need to reset your password, run `gigalixir account:password:reset --email=$({ secrets.GIGALIXIR_USERNAME })`.");
        ROUND.readsNot("gigalixir.login-refused", "Sorry, we could not authenticate you. Please try again.");
        ROUND.reads("gigalixir.login-refused", "2026-11-28T09:29:41.5120000Z   Sorry, we could not authenticate you. If you need to reset your password, run `gigalixir account:password:reset --email=ci@romeblog.example`.");
        // the CLI's own answer to an API call it was refused (gigalixir/auth.py) may be a wrong app name, not the login
        ROUND.readsNot("gigalixir.login-refused", "Sorry, you do not have access to that app or account. Try passing the app name explicitly with the `-a` flag. If that doesn't work, try running `gigalixir login` or check your ~/.netrc file.");
        ROUND.readsNot("gigalixir.login-refused", "GET https://api.digitalocean.com/v2/account/keys: 401 Unable to authenticate you."); // platform.control-api-401
        ROUND.reads("heroku.dyno-size-not-offered", "Error scaling dynos: Process tier is invalid. Available process tiers are Eco, Basic, Production, Private, and Shield.");
        ROUND.readsNot("heroku.dyno-size-not-offered", "Error scaling dynos: Cannot update to more than 1 Free size dynos per process type.");
        ROUND.reads("heroku.dyno-size-not-offered", " ▸    Error scaling dynos: Process tier is invalid. Available process tiers are Eco, Basic, Production, Private, and Shield.");
        ROUND.reads("heroku.dyno-size-not-offered", "luke: Shucks. An error occurred. 422 - No such size as 1X. Available dyno sizes are Free, Hobby, Standard-1X, Standard-2X and Performance.");
        ROUND.reads("heroku.dyno-size-not-offered", "No such size as Performance-L-RAM. Use Standard-1X, Standard-2X, Performance-M, Performance-L, Private-S, Private-M, Private-L, Shield-M, Shield-L, Shield-S, Eco, Basic");
        ROUND.readsNot("heroku.dyno-size-not-offered", "error resizing dynos: Heroku Enterprise accounts only support professional and private dynos."); // heroku.dyno-type-not-allowed
        ROUND.readsNot("heroku.dyno-size-not-offered", " !    Cannot run more than 1 Free size dynos."); // heroku.dyno-limit
        ROUND.reads("litefs.config-invalid", "app[6e82e54a2d6378] lax [info]ERROR: fuse directory and data directory cannot be the same path");
        ROUND.readsNot("litefs.config-invalid", "app[6e82e54a2d6378] lax [info]config file read from /etc/litefs.yml");
        ROUND.reads("litefs.config-invalid", "2026-12-03T17:58:40Z app[6e82e54a2d6378] lax [info]ERROR: fuse directory and data directory cannot be the same path");
        ROUND.reads("litefs.config-invalid", "ERROR: invalid lease type, must be either 'consul' or 'static', got: 'etcd'");
        ROUND.reads("litefs.config-invalid", "2026-12-03T17:58:40Z app[6e82e54a2d6378] lax [info]ERROR: data directory required");
        ROUND.readsNot("litefs.config-invalid", "initdb: error: data directory required but not specified"); // generic.error-word
        // h109-37: LiteFS refused by the Consul that holds its lease (dependency.down), a line only generic.error-word reads
        ROUND.readsNot("litefs.config-invalid", "2026-12-05T18:35:07Z app[2865e9f1c0b3d8] yul [info][litefs] error: consul: dial tcp: connection refused");
        ROUND.readsNot("litefs.config-invalid", "ERROR: cannot init consul: Get \"http://consul.internal:8500/v1/agent/self\": dial tcp 10.0.0.4:8500: connect: connection refused"); // generic.error-word
        ROUND.reads("k8s.relayed-http-probe-failed", "chatops-prod-6.1.4-7c9d8[web]: readiness probe failed: HTTP probe failed with statuscode: 404");
        ROUND.readsNot("k8s.relayed-http-probe-failed", "readiness probe passed: HTTP probe succeeded with statuscode: 200");
        ROUND.reads("k8s.relayed-http-probe-failed", "2026-12-06T05:22:37.880 chatops-prod-6.1.4-7c9d8[web]: liveness probe failed: HTTP probe failed with statuscode: 503");
        // the kubelet's own event, capitalised, is k8s.probe-failed's
        ROUND.readsNot("k8s.relayed-http-probe-failed", "  Warning  Unhealthy  12s (x3 over 32s)  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503");
    }

    /** No corpus line is read by the round, nor a line of a labelled scenario of another cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
