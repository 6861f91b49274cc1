package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes for p194- (session 43: database schema migrations run during deploys), each in its tool's own words:
 * Prisma's engine download refused by its binaries host, a migration or database tool given a driver it does not
 * have (Atlas, Laravel, Go settings), and Rails loading a database adapter whose gem is not in the bundle; and one
 * narrowing: env.variable-missing no longer reads the tail of a name ("PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING
 * environment variable") as the word "missing". Each indication is tested on its source's words and a near miss;
 * each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredFiftySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.of(
            "prisma.engine-download-refused", "build.dependency-fetch",
            "db.unsupported-driver", "config.invalid",
            "rails.activerecord-adapter-not-loaded", "config.invalid");

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void engineDownloadsInTheirOwnWords() throws IOException {
        // prisma/orm#27700 (p194-27's source); a CDN outage's 500; an older release's ". 404" form
        ROUND.reads("prisma.engine-download-refused", "npm error Error: Failed to fetch sha256 checksum at "
                + "https://binaries.prisma.sh/all_commits/8047c96bbd92db98a2abc7c9323ce77c02c89dbc/debian-openssl-3.0.x/"
                + "libquery_engine.so.node.sha256 - 403 Forbidden");
        ROUND.reads("prisma.engine-download-refused", "Error: Failed to fetch the engine file at "
                + "https://binaries.prisma.sh/all_commits/c2990dca591cba766e3b7ef5d9e8a84796e47ab7/linux-musl/"
                + "schema-engine.gz - 500 Internal Server Error");
        ROUND.reads("prisma.engine-download-refused", "Error: Failed to fetch sha256 checksum at "
                + "https://binaries.prisma.sh/all_commits/abc/linux-nixos/schema-engine.gz.sha256. 404 Not Found");
        // a client not generated, or an engine for another runtime, is not the download
        ROUND.readsNot("prisma.engine-download-refused",
                "Error: @prisma/client did not initialize yet. Please run \"prisma generate\" and try to import it again.");
        ROUND.readsNot("prisma.engine-download-refused",
                "Prisma Client could not locate the Query Engine for runtime \"debian-openssl-3.0.x\".");
        // the hint under it names a switch, not a missing setting
        ROUND.readsNot("env.variable-missing", "npm error If you need to ignore this error (e.g. in an offline "
                + "environment), set the PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING environment variable to a truthy value.");
        ROUND.reads("env.variable-missing", "config.missing-secret", "Error: missing environment variable DATABASE_URL");
    }

    @Test
    void databaseDriversInTheirOwnWords() throws IOException {
        // ariga/atlas-action#144 (p194-09's source); illuminate/database ConnectionFactory; a Go DB_DRIVER setting
        ROUND.reads("db.unsupported-driver", "##[error]Error: unsupported driver \"\"");
        ROUND.reads("db.unsupported-driver", "InvalidArgumentException: Unsupported driver [mongodb].");
        ROUND.reads("db.unsupported-driver", "fatal: open database: unsupported driver: sqlite");
        // a GPU or hardware driver is no database setting
        ROUND.readsNot("db.unsupported-driver", "Warning: unsupported driver version 470.82, please update");
        ROUND.readsNot("db.unsupported-driver", "D3D11CreateDevice: Unsupported driver type");
        // superfly/flyctl#783 (p194-08's source); Heroku's older words
        ROUND.reads("rails.activerecord-adapter-not-loaded", "\t LoadError: Error loading the 'sqlite3' Active Record "
                + "adapter. Missing a gem it depends on? sqlite3 is not part of the bundle. Add it to your Gemfile.");
        ROUND.reads("rails.activerecord-adapter-not-loaded", "Gem::LoadError: Specified 'sqlite3' for database adapter, "
                + "but the gem is not loaded. Add `gem 'sqlite3'` to your Gemfile (and ensure its version is at the "
                + "minimum required by ActiveRecord).");
        // a database that does not answer is not the adapter
        ROUND.readsNot("rails.activerecord-adapter-not-loaded",
                "ActiveRecord::ConnectionNotEstablished: could not connect to server: Connection refused");
        ROUND.readsNot("rails.activerecord-adapter-not-loaded",
                "ActiveRecord::AdapterNotFound: database configuration does not specify adapter");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
