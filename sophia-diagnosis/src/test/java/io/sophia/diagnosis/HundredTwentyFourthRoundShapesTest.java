package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-ninth session's rule writer rules39-h129, each in its tool's own words: its round on
 * h129- (the data layer during deploys). A Postgres client refusing an sslmode that is no mode at all (lib/pq's
 * 'unsupported sslmode "enable"', libpq's 'invalid sslmode value', pgx's "sslmode is invalid"); librdkafka unable to
 * resolve a broker's name ("Failed to resolve 'kafka:9092': Try again"). And three rules that weigh one line by what the
 * same step shows: a missing variable asked for by a Dockerfile RUN that migrates the database (the Dockerfile's phase,
 * not the secret store); Postgres's "no encryption" refusal beside a TLS attempt refused on its certificate (the
 * certificate, not the configuration); GHCR refusing an image's configuration blob after it served the manifest with
 * the same credentials (a registry incident as likely as a refused token). Each indication is tested on its source's
 * words and a near miss (the first pair of each is indication-cases.tsv's row); each reads no line of the shared corpus
 * and, on the labelled scenarios, only lines of its own cause.
 */
class HundredTwentyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules39-h129 (h129-: the data layer during deploys)
            Map.entry("kafka.broker-name-unresolved", "network.dns"),
            Map.entry("postgres.sslmode-value-unsupported", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("kafka.broker-name-unresolved", "%3|1618498121.702|FAIL|rdkafka#consumer-1| [thrd:kafka:9092/bootstrap]: kafka:9092/bootstrap: Failed to resolve 'kafka:9092': Try again (after 5004ms in state CONNECT)");
        ROUND.readsNot("kafka.broker-name-unresolved", "9c95dafd9323:9092/1001: Failed to resolve '9c95dafd9323:9092': Name or service not known"); // kafka.advertised-container-id-unresolvable
        ROUND.reads("kafka.broker-name-unresolved", "%3|1545116782.982|FAIL|rdkafka#consumer-1| [thrd:kafka-bootstrap.backbone:9092/bootstrap]: kafka-bootstrap.backbone:9092/bootstrap: Failed to resolve 'kafka-bootstrap.backbone:9092': Try again");
        ROUND.readsNot("kafka.broker-name-unresolved", "RDKAFKA-3-FAIL: rdkafka#producer-3: [thrd:ssl://10.0.0.1:9092/bootstrap]: ssl://10.0.0.1:9092/bootstrap: Failed to resolve '10.0.0.1:9092': invalid flags value");
        ROUND.reads("postgres.sslmode-value-unsupported", "error: pq: unsupported sslmode \"disabled\"; only \"require\" (default), \"verify-full\", \"verify-ca\", and \"disable\" supported");
        ROUND.readsNot("postgres.sslmode-value-unsupported", "Could not connect to the database. Message returned: sslmode value \"verify-ca\" invalid when SSL support is not compiled in");
        ROUND.reads("postgres.sslmode-value-unsupported", "psql: invalid sslmode value: \"\"");
        ROUND.readsNot("postgres.sslmode-value-unsupported", "psql: error: connection to server at \"db.example.internal\" (10.0.3.4), port 5432 failed: FATAL:  no pg_hba.conf entry for host \"10.0.7.18\", user \"app\", database \"app\", no encryption");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the round's own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }

    /** The round's sources are diagnosed as their labels say, each by its tool's own words. */
    @Test
    void theSourcesNameTheirCauses() throws IOException {
        Map<String, String> expected = Map.of(
                "h129-16-config-invalid-pq-unsupported-sslmode-disabled-migrations", "config.invalid",
                "h129-18-config-invalid-golang-migrate-sslmode-enable-typo", "config.invalid",
                "h129-35-network-dns-rdkafka-failed-to-resolve-bootstrap-broker", "network.dns");
        ShapeRound.leadWith(expected);
    }

    /**
     * A missing DATABASE_URL in a Dockerfile RUN of "prisma db push" is the Dockerfile's (build.dockerfile's
     * database-step-in-image-build), while the same variable missing in a RUN of "npm run build" stays the secret's.
     */
    @Test
    void aMigrationInTheImageBuildIsTheDockerfiles() throws IOException {
        assertEquals("build.dockerfile",
                Fleet.top(Fleet.scenario("h129-02-build-dockerfile-heroku-docker-prisma-db-push-at-build")));
        assertEquals("config.missing-secret",
                Fleet.top(Fleet.scenario("p168-23-config-missing-secret-docker-build-prerender-login-prisma-database-url")));
    }

    /**
     * Postgres's "no encryption" refusal after an attempt with TLS refused on the certificate is the certificate's
     * (tls.certificate's tls-required-after-certificate-refused).
     */
    @Test
    void anUnencryptedRetryAfterACertificateRefusedIsTheCertificates() throws IOException {
        assertEquals("tls.certificate",
                Fleet.top(Fleet.scenario("h129-38-tls-certificate-do-managed-pg-self-signed-vs-pg-hba-no-encryption")));
    }

    /**
     * GHCR refusing the configuration blob after serving the manifest is no certain refused token: neither cause is
     * stated at 0.9 (the corpus labels the line both ways).
     */
    @Test
    void anImageConfigRefusedAfterItsManifestIsNoCertainToken() throws IOException {
        Assessment a = Fleet.scenario("h129-07-registry-unavailable-ghcr-incident-unauthenticated-token-many-repos");
        assertTrue(a.causes().get(0).probability() < 0.75, a.causes().toString());
        assertTrue(a.causes().stream().limit(2).anyMatch(c -> c.id().value().equals("registry.unavailable")),
                a.causes().toString());
    }
}
