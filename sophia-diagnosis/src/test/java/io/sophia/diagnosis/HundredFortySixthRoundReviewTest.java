package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A review of the forty-first session's merged rules (review 41, /work/brief/review41.md): each finding's case, read
 * wrongly before its fix, and the words the changed reading was written for, still read. The logs are the reviewer's,
 * built from the public reports named at each case.
 */
class HundredFortySixthRoundReviewTest {

    private static final ShapeRound ROUND = new ShapeRound(Map.ofEntries(
            Map.entry("nix.unable-to-download", "build.dependency-fetch"),
            Map.entry("dokku-letsencrypt.certificate-retrieval-failed", "tls.certificate"),
            Map.entry("acme.challenge-unreachable", "tls.certificate"),
            Map.entry("docker.registry-http-response-to-https-client", "config.invalid"),
            Map.entry("dotnet.remote-certificate-invalid", "tls.certificate")));

    /**
     * Finding 1: the .NET Core 2.x/3.x SDKs put SslStream's "The remote certificate is invalid according to the
     * validation procedure." into NuGet's restore error (NuGet/Home#8805): the package feed's certificate in a restore,
     * not a service's. Before, the restore of an SDK 3.1 image was read as tls.certificate at 0.9.
     */
    @Test
    void anOlderSdksRestoreRefusingTheFeedsCertificateIsTheFetch() throws IOException {
        String frame = "/usr/share/dotnet/sdk/3.1.426/NuGet.targets(128,5): error : ";
        Assessment a = Fleet.deployFailed("build", "Run dotnet restore",
                "  Determining projects to restore...\n"
                        + frame + "Unable to load the service index for source https://nuget.internal.example/v3/index.json. "
                        + "[/src/Api/Api.csproj]\n"
                        + frame + "  The SSL connection could not be established, see inner exception. [/src/Api/Api.csproj]\n"
                        + frame + "  The remote certificate is invalid according to the validation procedure. "
                        + "[/src/Api/Api.csproj]\n"
                        + "##[error]Process completed with exit code 1.\n");
        assertNotEquals("tls.certificate", Fleet.top(a), a.causes().toString());
        assertTrue(Fleet.weighs(a, "tls.certificate/feed-certificate-in-nuget-restore"), a.causes().toString());
        // the same words from the runner's own HttpClient (a service's certificate, h138-36) are still read
        ROUND.reads("dotnet.remote-certificate-invalid", "[RUNNER 2026-12-01 10:00:00Z ERR  Runner] System.Net.Http."
                + "HttpRequestException: The SSL connection could not be established, see inner exception. ---> System."
                + "Security.Authentication.AuthenticationException: The remote certificate is invalid according to the "
                + "validation procedure.");
    }

    /**
     * Finding 2: Nix's retry warning ("warning: unable to download '...': Timeout was reached (28); retrying in 349 ms",
     * NixOS/nixpkgs#41312) says it will try again, and usually it succeeds: a Rust compile error after one was read as
     * the download at 0.9. The final error, and a writer's "; "-joined detail, are still read.
     */
    @Test
    void nixsRetryWarningIsNoFailedDownload() throws IOException {
        String retry = "warning: unable to download 'https://cache.nixos.org/nar/0abc.nar.xz': Timeout was reached (28); "
                + "retrying in 349 ms";
        ROUND.readsNot("nix.unable-to-download", retry);
        ROUND.readsNot("nix.unable-to-download", "warning: unable to download 'https://cache.nixos.org/nar/0abc.nar.xz': "
                + "HTTP error 503; retrying in 1038 ms");
        ROUND.reads("nix.unable-to-download", "error: unable to download 'https://nixos.org/channels/nixos-unstable': "
                + "Timeout was reached (28)");
        ROUND.reads("nix.unable-to-download", "error: unable to download 'https://cache.nixos.org/nar/1xyz.nar.xz': "
                + "Timeout was reached (28); #6 ERROR: process \"/bin/bash -ol pipefail -c nix-env -if .nixpacks/x.nix\" did "
                + "not complete successfully: exit code: 1");
        Assessment a = Fleet.deployFailed("build", "Run nix build", retry + "\n"
                + "copying path '/nix/store/abc-rustc-1.75.0' from 'https://cache.nixos.org'...\n"
                + "building '/nix/store/xyz-shop-api-1.0.drv'...\n"
                + "shop-api> error[E0425]: cannot find value `cfg` in this scope\n"
                + "shop-api> error: could not compile `shop-api` (bin \"shop-api\") due to 1 previous error\n"
                + "error: builder for '/nix/store/xyz-shop-api-1.0.drv' failed with exit code 101\n"
                + "##[error]Process completed with exit code 1.\n");
        assertNotEquals("build.dependency-fetch", Fleet.top(a), a.causes().toString());
    }

    /**
     * Finding 3: dokku-letsencrypt's "-----> Certificate retrieval failed!" is its summary after whatever failed
     * before; at 0.9 it tied with Let's Encrypt's "DNS problem: NXDOMAIN looking up A for ..." (network.dns, as h139-31's
     * missing record). Now a fallback at 0.6; the ACME client's own "Unable to reach .../acme-challenge/" keeps 0.9.
     */
    @Test
    void theLetsencryptPluginsSummaryGivesWayToTheReasonBeforeIt() throws IOException {
        Assessment a = Fleet.deployFailed("certs", "Run dokku letsencrypt:enable",
                "-----> Getting letsencrypt certificate for shop via lego...\n"
                        + "       2024/01/10 10:00:00 [INFO] [shop.example.org] acme: Trying to solve HTTP-01\n"
                        + "       2024/01/10 10:00:05 Could not obtain certificates:\n"
                        + "       \terror: one or more domains had a problem:\n"
                        + "       [shop.example.org] acme: error: 400 :: urn:ietf:params:acme:error:dns :: DNS problem: "
                        + "NXDOMAIN looking up A for shop.example.org - check that a DNS record exists for this domain\n"
                        + "-----> Certificate retrieval failed!\n##[error]Process completed with exit code 1.\n");
        assertEquals("network.dns", Fleet.top(a), a.causes().toString());
        assertTrue(Fleet.probability(a, "network.dns") > Fleet.probability(a, "tls.certificate") + 0.2,
                a.causes().toString());
        ROUND.reads("dokku-letsencrypt.certificate-retrieval-failed", "-----> Certificate retrieval failed!");
        ROUND.reads("acme.challenge-unreachable", "ERROR:acme.challenges:324: Unable to reach "
                + "http://app.example.com/.well-known/acme-challenge/Xy3_token: HTTPSConnectionPool(host='app.example.com', "
                + "port=443): Max retries exceeded with url: /.well-known/acme-challenge/Xy3_token");
        ROUND.readsNot("acme.challenge-unreachable", "ERROR:acme.client:Requesting fresh nonce failed");
    }

    /**
     * Finding 5: Kamal (SSHKit) prints the daemon's error after "docker stderr: " when it is stderr's first line
     * (basecamp/kamal#927's form): the registry that serves plain HTTP is read there too.
     */
    @Test
    void aPlainHttpRegistryIsReadBehindKamalsStderrPrefix() throws IOException {
        ROUND.reads("docker.registry-http-response-to-https-client", "docker stderr: Error response from daemon: Get "
                + "\"https://registry.internal:4443/v2/\": http: server gave HTTP response to HTTPS client");
        ROUND.reads("docker.registry-http-response-to-https-client", "Error response from daemon: Get "
                + "\"https://registry.internal:4443/v2/\": http: server gave HTTP response to HTTPS client");
        ROUND.readsNot("docker.registry-http-response-to-https-client", "time=\"2024-03-01T10:00:00Z\" level=warning "
                + "msg=\"Error getting v2 registry: Get \\\"https://registry.internal:4443/v2/\\\": http: server gave HTTP "
                + "response to HTTPS client\"");
    }
}
