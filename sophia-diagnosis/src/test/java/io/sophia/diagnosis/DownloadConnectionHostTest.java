package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * fetch.connection-failed reads a failed connection only where a download made it (rules29b): libcurl's "Failed to
 * connect to HOST port N" is also every deploy script's health check and a git push to a deploy remote, and "Failed
 * to connect to" is how Npgsql and pgx name the database they could not reach. The host (a package, source, mirror or
 * proxy host) or the line's own shape (a BuildKit RUN step, apt, Terraform's registry, Emacs' package archive) says
 * it is a download. Each line is read by this indication alone (a more specific one, Composer's own, may read it first).
 */
class DownloadConnectionHostTest {

    private static final String ID = "fetch.connection-failed";

    @Test
    void aDownloadsFailedConnectionIsRead() throws IOException {
        for (String line : List.of(
                "#9 134.3 curl: (28) Failed to connect to github.com port 443 after 134188 ms: Connection timed out",
                "fatal: unable to access 'https://chromium.googlesource.com/chromium/tools/depot_tools.git/': Failed to connect to chromium.googlesource.com port 443: Connection timed out",
                "fatal: unable to access 'https://github.com/acme/lib.git/': Failed connect to github.com:443; Connection timed out",
                "warning: spurious network error (2 tries remaining): [7] Couldn't connect to server (Failed to connect to proxy.hb.example port 8080 after 2041 ms: Couldn't connect to server)",
                "  [Composer\\Downloader\\TransportException] curl error 28 while downloading https://satis.acme-shop.example/packages.json: Failed to connect to satis.acme-shop.example port 443 after 130004 ms: Timeout was reached",
                "W: Failed to fetch http://repo.mongodb.org/apt/ubuntu/dists/jammy/mongodb-org/6.0/InRelease  Could not connect to repo.mongodb.org:80 (13.33.167.9), connection timed out",
                "│ Could not retrieve the list of available versions for provider hashicorp/local: could not connect to registry.terraform.io: failed to request discovery document: Get",
                "  signal(error (\"Could not create connection to melpa.org:443\"))",
                "error(\"Could not create connection to %s:%d\" \"elpa.gnu.org\" 443)")) {
            assertEquals(1, Fleet.findingsAlone(ID, line).size(), line);
        }
    }

    @Test
    void aServiceOrDatabaseTheJobTalksToIsNoDownload() throws IOException {
        for (String line : List.of(
                "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server",
                "remote: curl: (7) Failed to connect to 172.17.0.3 port 5000: Connection refused",
                "Attempt 1/10: curl: (7) Failed to connect to 3.249.12.80 port 80 after 21 ms: Connection refused",
                "curl: (7) Failed to connect to shop.ravelin-outdoor.example port 443 after 12 ms: Couldn't connect to server",
                "fatal: unable to access 'https://git.heroku.com/booking-api.git/': Failed to connect to git.heroku.com port 443 after 134217 ms: Couldn't connect to server",
                "Unhandled exception. Npgsql.NpgsqlException (0x80004005): Failed to connect to [::1]:5432",
                "failed to initialize database, got error failed to connect to host=openline-db.internal user=postgres database=openline: dial error",
                "expected /PG::ConnectionBad: could not connect to server/, got #<Hatchet::FailedTestError>")) {
            assertEquals(List.of(), Fleet.findingsAlone(ID, line), line);
        }
    }

    @Test
    void npgsqlAtTheLoopbackIsTheDatabaseSettingMissing() throws IOException {
        // Npgsql's "Failed to connect to {endpoint}" at the loopback: its default host without a connection string
        Fleet.assertReads("config.local-default-database", "config.missing-secret",
                "Unhandled exception. Npgsql.NpgsqlException (0x80004005): Failed to connect to [::1]:5432");
        Fleet.assertReadsNot("config.local-default-database",
                "Unhandled exception. Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.4.17:5432");
    }
}
