package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-first session's rule writer r41-p184, each in its tool's own words: its round on p184-
 * (self-hosted PaaS: Dokku, Dokploy, Piku, Kamal). dokku-letsencrypt giving up on a certificate (its ACME challenge not
 * reached); a Heroku buildpack whose manifest does not know the toolchain archive asked for; Nix unable to download a
 * store path; a custom buildpack that cannot be fetched; uWSGI started without a socket; a Docker daemon given plain
 * HTTP by a registry it speaks HTTPS to; Postgres not yet accepting connections (57P03); a full disk on the host a git
 * push deploys to; the shared front proxy of a self-hosted PaaS exited. One rule added: that full disk, relayed by git as "remote: ...", is not the runner's
 * (ci.runner/git-remote-host-disk weighs disk.no-space down, as deploy-host-disk does for SSH).
 */
class HundredThirtyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r41-p184 (p184-: self-hosted PaaS)
            Map.entry("dokku-letsencrypt.certificate-retrieval-failed", "tls.certificate"),
            // review 41: the ACME client's cause line split from the plugin's summary (HundredFortySixthRoundReviewTest)
            Map.entry("acme.challenge-unreachable", "tls.certificate"),
            Map.entry("buildpack.requested-file-unknown", "build.dependency-fetch"),
            Map.entry("nix.unable-to-download", "build.dependency-fetch"),
            Map.entry("buildpack.fetch-failed", "build.dependency-fetch"),
            Map.entry("uwsgi.socket-option-missing", "config.invalid"),
            Map.entry("docker.registry-http-response-to-https-client", "config.invalid"),
            Map.entry("postgres.not-yet-accepting-connections", "dependency.down"),
            Map.entry("git-remote.host-disk-full", "platform.capacity"),
            Map.entry("paas-proxy.container-exited", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // dokku/dokku-letsencrypt#156, #113 (simp_le's acme.challenges), #43 and #54 (the plugin's own last line)
        ROUND.reads("acme.challenge-unreachable", "2018-09-23 17:37:28,991:ERROR:acme.challenges:324: Unable to reach "
                + "http://app.mydomain.com/.well-known/acme-challenge/yUk4aipBbV60xSR4BePE: HTTPSConnectionPool(host='app.mydomain.com', "
                + "port=443): Max retries exceeded with url: /.well-known/acme-challenge/yUk4aipBbV60xSR4BePE");
        ROUND.readsNot("dokku-letsencrypt.certificate-retrieval-failed", "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='pypi.org', "
                + "port=443): Max retries exceeded with url: /simple/flask/"); // a package index: the build's download
        ROUND.reads("dokku-letsencrypt.certificate-retrieval-failed", "-----> Certificate retrieval failed!");
        ROUND.readsNot("dokku-letsencrypt.certificate-retrieval-failed", "2017-05-26 15:33:35,098:INFO:__main__:1305: botmwash.example.org was successfully self-verified");
        // dokku/dokku#6219 (heroku-buildpack-go lib/common.sh)
        ROUND.reads("buildpack.requested-file-unknown", "remote:  !!    The requested file (go1.21.linux-amd64.tar.gz) is unknown to the buildpack!");
        ROUND.readsNot("buildpack.requested-file-unknown", "remote:  !!    The buildpack may need to be upgraded or this file may not exist.");
        ROUND.reads("buildpack.requested-file-unknown", " !!    The requested file (go1.22.3.linux-amd64.tar.gz) is unknown to the buildpack!");
        ROUND.readsNot("buildpack.requested-file-unknown", "remote: -----> Installing go1.21.5"); // a download that works
        // NixOS/nixpkgs#41312, #65015; Dokploy/dokploy#1350 (a Nixpacks RUN step)
        ROUND.reads("nix.unable-to-download", "error: unable to download 'https://nixos.org/channels/nixos-unstable': Timeout was reached (28)");
        ROUND.readsNot("nix.unable-to-download", "npm ERR! Unable to download node binary"); // no URL and curl code
        ROUND.reads("nix.unable-to-download", "#6 41.2 warning: error: unable to download 'https://cache.nixos.org/nar/1b3x.nar.xz': Timeout was reached (28)");
        ROUND.readsNot("nix.unable-to-download", "copying path '/nix/store/abc-nodejs-18.19.0' from 'https://cache.nixos.org'...");
        // dokku/dokku#1063 (git clone of the buildpack), Heroku's rejection
        ROUND.reads("buildpack.fetch-failed", "fatal: unable to access 'https://github.com/petterson/dokku-grunt-buildpack/': The requested URL returned error: 503");
        ROUND.readsNot("buildpack.fetch-failed", "fatal: unable to access 'https://github.com/petterson/dashboard/': The requested URL returned error: 403"); // the app's own repository
        ROUND.reads("buildpack.fetch-failed", " !     Push rejected, error fetching custom buildpack");
        ROUND.readsNot("buildpack.fetch-failed", "remote: -----> Fetching custom buildpack"); // the step, not its failure
        // unbit/uwsgi#538, piku/piku#196, stevearc/pypicloud-docker#18
        ROUND.reads("uwsgi.socket-option-missing", "wsgi.1 | The -s/--socket option is missing and stdin is not a socket.");
        ROUND.readsNot("uwsgi.socket-option-missing", "uwsgi socket 0 bound to TCP address 127.0.0.1:3031 fd 3");
        ROUND.reads("uwsgi.socket-option-missing", "The -s/--socket option is missing and stdin is not a socket.");
        ROUND.readsNot("uwsgi.socket-option-missing", "bind(): No such file or directory [core/socket.c line 230]"); // a socket path that does not exist
        // basecamp/kamal#927, distribution/distribution#1874 (and #3162, the daemon's own tries)
        ROUND.reads("docker.registry-http-response-to-https-client", "Get \"https://registry.corbelt.lan:4443/v2/\": http: server gave HTTP response to HTTPS client");
        ROUND.readsNot("docker.registry-http-response-to-https-client", "level=warning msg=\"Error getting v2 registry: Get https://172.18.12.16:4000/v2/: "
                + "http: server gave HTTP response to HTTPS client\"");
        ROUND.reads("docker.registry-http-response-to-https-client", "Error response from daemon: Get https://myip:5000/v1/_ping: http: server gave HTTP response to HTTPS client");
        ROUND.readsNot("docker.registry-http-response-to-https-client", "Error response from daemon: Get https://myip:5000/v2/: unauthorized: authentication required"); // the credentials
        // Dokploy/dokploy#455 (postgres.js)
        ROUND.reads("postgres.not-yet-accepting-connections", "dokploy.1.9iig3pomqd5h@host |  ⨯ PostgresError: the database system is not yet accepting connections");
        ROUND.readsNot("postgres.not-yet-accepting-connections", "LOG:  database system is ready to accept connections");
        ROUND.reads("postgres.not-yet-accepting-connections", "severity_local: 'FATAL', severity: 'FATAL', code: '57P03', file: 'postmaster.c'");
        ROUND.readsNot("postgres.not-yet-accepting-connections", "severity_local: 'FATAL', severity: 'FATAL', code: '28P01', file: 'auth.c'"); // a password refused
        // dwyl/learn-devops#41, dokku/dokku#120
        ROUND.reads("git-remote.host-disk-full", "remote: Error response from daemon: Error processing tar file(exit status 1): write /app/.heroku/node/bin/node: no space left on device");
        ROUND.readsNot("git-remote.host-disk-full", "failed to register layer: Error processing tar file(exit status 1): write /usr/lib/x.so: no space left on device"); // the runner's
        ROUND.reads("git-remote.host-disk-full", "remote: /usr/local/bin/dokku: line 56: echo: write error: No space left on device");
        ROUND.readsNot("git-remote.host-disk-full", "error: unable to write file app.js: No space left on device"); // a checkout on the runner
        // Dokploy/dokploy#1809; docker ps's default layout, the name last
        ROUND.reads("paas-proxy.container-exited", "dokploy-traefik  traefik:v3.1.2  Exited (1) 2 hours ago; shop-app-1, blog-app-1 Up 3 days");
        ROUND.readsNot("paas-proxy.container-exited", "dokploy-traefik  traefik:v3.1.2  Up 3 days; shop-app-1  Exited (1) 2 hours ago"); // an app's own container
        ROUND.reads("paas-proxy.container-exited", "3f2a1b0c9d8e   traefik:v3.1   \"/entrypoint.sh --p…\"   3 days ago   Exited (137) 5 minutes ago   coolify-proxy");
        ROUND.readsNot("paas-proxy.container-exited", "3f2a1b0c9d8e   caddy:2   \"caddy run\"   3 days ago   Exited (1) 5 minutes ago   shop-caddy-1"); // a stack's own proxy (h20-48)
    }

    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these read no labelled scenario's log: p184-07, -20, -22 and -36, their sources, carry the line in a look at
        // the host (api:), which the probe-detail rule reads; so do p184-03 (the ACME client's line, its own indication
        // since review 41) and p184-15 (nix's final error; h23-32's log shows only nix's retries, which it no longer reads)
        ROUND.without(java.util.Set.of("uwsgi.socket-option-missing", "postgres.not-yet-accepting-connections",
                "paas-proxy.container-exited", "buildpack.fetch-failed", "acme.challenge-unreachable",
                "nix.unable-to-download")).staysInItsCauses();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** A full disk git relays from the host a push deploys to is that host's capacity, not the runner's (p184-11). */
    @Test
    void aDiskFullRelayedByGitIsTheDeployHosts() throws IOException {
        ShapeRound.leadWith(Map.of("p184-11-platform-capacity-dokku-ci-deploy-tar-no-space-left", "platform.capacity"));
    }
}
