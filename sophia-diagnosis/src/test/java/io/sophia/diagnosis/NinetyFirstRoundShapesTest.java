package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-third session's rule writer rules33c, each in its tool's own words: its round on p151-
 * (Ruby/Rails and Elixir/Phoenix deploys): a gem's native extension that does not compile in RubyGems' "ERROR: Failed to
 * build gem native extension." and mkmf's "*** extconf.rb failed ***" / "Could not create Makefile due to some reason,
 * probably lack of necessary" (native-ext.build-failed, build.dockerfile); RubyGems' Gem::SourceFetchProblem, "Unable to
 * download data from https://rubygems.org/ - ..." (rubygems.source-fetch-problem, build.dependency-fetch); the BEAM
 * that cannot start distribution, "Protocol 'inet_tcp': register/listen error: econnrefused" and
 * "{:failed_to_start_child, :net_kernel, {:EXIT, :nodistribution}}" (erlang.distribution-failed-to-start), and Elixir's
 * ":noproc" exit "... possibly because its application isn't started" (elixir.noproc-application-not-started), both
 * app.crash-on-boot; OTP refusing a node with another cookie, "Connection attempt from node ... rejected. Invalid
 * challenge reply." (erlang.dist-invalid-challenge-reply, config.invalid); Elixir's {:system, "VAR"} tuple reaching a
 * function as its argument, ":crypto.sha256_mac_nif({:system, \"SECRET_KEY_BASE\"}, ...)" (elixir.system-tuple-as-argument,
 * config.invalid). Each is tested on its source's words and a
 * near miss (the first pair of each is indication-cases.tsv's row, then a line its comment quotes or its scenario shows
 * and a line of another cause that shares its words); each reads no line of the shared corpus and, on the labelled
 * scenarios, only lines of its own cause (or a consequence of that scenario's cause, named with its reason).
 */
class NinetyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules33c (p151-: Ruby/Rails and Elixir/Phoenix deploys)
            Map.entry("native-ext.build-failed", "build.dockerfile"),
            Map.entry("rubygems.source-fetch-problem", "build.dependency-fetch"),
            Map.entry("erlang.distribution-failed-to-start", "app.crash-on-boot"),
            Map.entry("elixir.noproc-application-not-started", "app.crash-on-boot"),
            Map.entry("erlang.dist-invalid-challenge-reply", "config.invalid"),
            Map.entry("elixir.system-tuple-as-argument", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("native-ext.build-failed", "#14 190.9 Gem::Ext::BuildError: ERROR: Failed to build gem native extension.");
        ROUND.readsNot("native-ext.build-failed", "Building native extensions. This could take a while...");
        ROUND.reads("native-ext.build-failed", "\tERROR: Failed to build gem native extension.");
        ROUND.reads("native-ext.build-failed", "*** extconf.rb failed ***");
        ROUND.reads("native-ext.build-failed", "Could not create Makefile due to some reason, probably lack of necessary");
        ROUND.readsNot("native-ext.build-failed", "#14 190.9 An error occurred while installing pg (1.2.3), and Bundler cannot continue."); // package.install-error
        ROUND.readsNot("native-ext.build-failed", "checking for postgres.h... no");
        ROUND.reads("rubygems.source-fetch-problem", "          Unable to download data from https://rubygems.org/ - SSL_connect returned=1 errno=0 state=error: certificate verify failed (https://api.rubygems.org/specs.4.8.gz)");
        ROUND.readsNot("rubygems.source-fetch-problem", "Fetching source index from https://rubygems.org/");
        ROUND.reads("rubygems.source-fetch-problem", "#7 12.41           Unable to download data from https://gems.example.com/ - bad response Unauthorized 401 (https://gems.example.com/specs.4.8.gz)");
        // its network words ("- Errno::ECONNRESET: Connection reset by peer - SSL_connect (https://api.rubygems.org/...)")
        // are fetch.package-host-network's, the same cause
        ROUND.reads("fetch.package-host-network", "build.dependency-fetch", "              Unable to download data from https://rubygems.org/ - Errno::ECONNRESET: Connection reset by peer - SSL_connect (https://api.rubygems.org/specs.4.8.gz)");
        ROUND.readsNot("rubygems.source-fetch-problem", "curl: (60) SSL certificate problem: certificate has expired"); // tls.verify-failed
        ROUND.readsNot("rubygems.source-fetch-problem", "Unable to download data from the internet");
        ROUND.reads("erlang.distribution-failed-to-start", "Protocol 'inet_tcp': register/listen error: econnrefused");
        ROUND.readsNot("erlang.distribution-failed-to-start", "Protocol 'inet_tcp': listening on port 4369");
        ROUND.reads("erlang.distribution-failed-to-start", "03:08:12.126 [info]  Protocol: 'inet_tcp': register/listen error: :econnrefused");
        ROUND.reads("erlang.distribution-failed-to-start", "** (MatchError) no match of right hand side value: {:error, {{:shutdown, {:failed_to_start_child, :net_kernel, {:EXIT, :nodistribution}}}, {:child, :undefined, :net_sup_dynamic, {:erl_distribution, :start_link, [[:node_monitor, :shortnames, 15000]]}, :permanent, 1000, :supervisor, [:erl_distribution]}}}");
        ROUND.readsNot("erlang.distribution-failed-to-start", "** (DBConnection.ConnectionError) tcp connect (db.internal:5432): connection refused - :econnrefused"); // a database that refuses
        ROUND.reads("elixir.noproc-application-not-started", "    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started");
        ROUND.readsNot("elixir.noproc-application-not-started", "** (EXIT) time out");
        ROUND.reads("elixir.noproc-application-not-started", "2026-03-02T10:11:12.345Z app[148e3a6c9d2d89] ams [info]    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started");
        ROUND.readsNot("elixir.noproc-application-not-started", "{\"init terminating in do_boot\",{noproc,{gen_server,call,[<0.298.0>,{checkout,#Ref<0.0.1.440>,true,infinity},5000]}}}"); // erlang.init-do-boot-crash-generic
        ROUND.reads("erlang.dist-invalid-challenge-reply", "** Connection attempt from node 'green@10.1.0.21' rejected. Invalid challenge reply. **");
        ROUND.readsNot("erlang.dist-invalid-challenge-reply", "** Connection attempt from node 'green@10.1.0.21' rejected since it is not allowed. **");
        ROUND.reads("erlang.dist-invalid-challenge-reply", "18:19:02.114 [error] ** Connection attempt from node :\"portal@10.0.3.17\" rejected. Invalid challenge reply. **");
        ROUND.readsNot("erlang.dist-invalid-challenge-reply", "18:19:02.118 [warning] [libcluster:default] unable to connect to :\"portal@10.0.3.17\"");
        ROUND.reads("elixir.system-tuple-as-argument", "        (crypto) :crypto.sha256_mac_nif({:system, \"SECRET_KEY_BASE\"}, <<113, 81, 99, 88, 119, 102, 70, 80, 0, 0, 0, 1>>, 32)");
        ROUND.readsNot("elixir.system-tuple-as-argument", "  secret_key_base: System.get_env(\"SECRET_KEY_BASE\"),");
        ROUND.reads("elixir.system-tuple-as-argument", "2026-07-20T17:47:12.301596+00:00 app[web.1]:         (crypto) :crypto.sha256_mac_nif({:system, \"SECRET_KEY_BASE\"}, <<113, 81, 99, 88, 119, 102, 70, 80, 0, 0, 0, 1>>, 32)");
        ROUND.readsNot("elixir.system-tuple-as-argument", "  secret_key_base: {:system, \"SECRET_KEY_BASE\"},"); // the configuration line itself, no call
        ROUND.readsNot("elixir.system-tuple-as-argument", "** (ArgumentError) cookie store expects conn.secret_key_base to be set"); // a secret that is not set
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // p193-03, p193-04 (tuning, session 42): librdkafka's source tarball 404 and mini_portile's spent retries
                // fail the gem's native build (build.dependency-fetch): Gem::Ext::BuildError is the download's wrapper
                "p193-03 native-ext.build-failed", "p193-04 native-ext.build-failed",
                // p151-23: the new nodes lack the shared RELEASE_COOKIE secret (config.missing-secret), so they present
                // the release's built-in cookie and the old nodes reject their challenge reply: its consequence
                "p151-23 erlang.dist-invalid-challenge-reply");
    }
}
