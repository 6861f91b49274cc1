package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.RankedCause;
import io.sophia.diagnosis.calibration.Scenario;
import io.sophia.diagnosis.calibration.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * General shapes of the thirty-fifth session's rule writer rules35c, each in its tool's own words: its round on p159-
 * (JVM services, GraalVM native images, Spring Boot, Jib). Jib's own exceptions for a registry that refused its
 * credentials ("RegistryUnauthorizedException: Unauthorized for registry/repository"); a JDBC driver refused at the
 * loopback, the host its datasource URL names (PgJDBC's "Connection to localhost:5432 refused", MariaDB's and SQL
 * Server's words). Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's
 * row, then a line its comment quotes and a line of another cause that shares its words); each new log indication
 * reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 *
 * <p>The round's rules are tested on the tuning scenarios they came from and on the same scenarios edited so that they
 * no longer hold: the JVM's own heap limit inside a RUN step of an image build is the build stage's (p159-01); a critical
 * check whose output quotes the runtime out of memory (p159-16); a download that failed in a job that succeeded
 * (p159-40); the crash loop of a service whose dependency is down (p159-15).
 */
class NinetySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules35c (p159-: JVM services, native images, Spring Boot, Jib)
            Map.entry("jib.registry-unauthorized", "registry.auth"),
            Map.entry("jdbc.loopback-datastore-refused", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("jib.registry-unauthorized", "com.google.cloud.tools.jib.registry.RegistryUnauthorizedException: Unauthorized for registry.hub.docker.com/bjornmagnusson/helloworld-jib");
        ROUND.readsNot("jib.registry-unauthorized", "[INFO] Built and pushed image as registry.hub.docker.com/bjornmagnusson/helloworld-jib");
        ROUND.reads("jib.registry-unauthorized", "[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:2.0.0:build (default-cli) on project rest-http: Build image failed: Failed to authenticate with registry docker-registry.default.svc:5000/test/sb-image because: server did not return 'WWW-Authenticate: Bearer' header: Basic realm=openshift,error=\"access denied\" -> [Help 1]");
        ROUND.readsNot("jib.registry-unauthorized", "[ERROR] I/O error for image [registry-1.docker.io/library/eclipse-temurin]:"); // jib.registry-io-error
        ROUND.reads("jdbc.loopback-datastore-refused", "Caused by: org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.");
        ROUND.readsNot("jdbc.loopback-datastore-refused", "Caused by: org.postgresql.util.PSQLException: Connection to db:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.");
        ROUND.reads("jdbc.loopback-datastore-refused", "java.sql.SQLNonTransientConnectionException: Could not connect to address=(host=localhost)(port=3306)(type=master) : Socket fail to connect to host:localhost, port:3306. Connection refused (Connection refused)");
        ROUND.readsNot("jdbc.loopback-datastore-refused", "java.sql.SQLInvalidAuthorizationSpecException: Could not connect to address=(host=localhost)(port=3306)(type=master) : (conn=12) Access denied for user 'tienda'@'localhost' (using password: NO)");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // p159-23 (ci.test-failure): the integration tests' datasource left at localhost once Testcontainers' database was
        // no longer wired into it (spring-projects/spring-boot#35600): the test configuration's setting is what failed
        // the context, so the refused loopback is the failing test's own consequence, which ci.test-failure names
        // h131-33, h131-34 (session 40): the database at the loopback is where it runs in that setup, and it is not running
        // or not yet accepting: the refusal is the dependency's, which the scenarios' label names
        ROUND.staysInItsCauses("p159-23 jdbc.loopback-datastore-refused", "h131-33 jdbc.loopback-datastore-refused",
                "h131-34 jdbc.loopback-datastore-refused");
    }

    @Test
    void theJvmsOwnHeapLimitInsideARunStepIsTheBuildStages(@TempDir Path dir) throws Exception {
        Path original = file("p159-01-");
        Assessment inBuild = diagnose(original);
        assertEquals("build.dockerfile", top(inBuild), inBuild.causes().toString());
        Assessment outside = diagnose(edited(dir, original, "#12 361.0 Exception: java.lang.OutOfMemoryError",
                "Exception: java.lang.OutOfMemoryError"));
        assertEquals("app.oom", top(outside), "the same error outside an image build's RUN step stays the memory's: "
                + outside.causes());
    }

    @Test
    void aCriticalCheckQuotingTheRuntimeOutOfMemoryIsTheMemory(@TempDir Path dir) throws Exception {
        Path original = file("p159-16-");
        Assessment a = diagnose(original);
        assertEquals("app.oom", top(a), a.causes().toString());
        Assessment other = diagnose(edited(dir, original, "java.lang.OutOfMemoryError: Metaspace",
                "java.lang.IllegalStateException: Metaspace"));
        assertNotEquals("app.oom", top(other), "without the runtime's words the check names no memory: " + other.causes());
    }

    @Test
    void aDownloadThatFailedInAJobThatSucceededExplainsNoFailure(@TempDir Path dir) throws Exception {
        Path original = file("p159-40-");
        Assessment green = diagnose(original);
        assertNotEquals("build.dependency-fetch", top(green), green.causes().toString());
        Path failed = edited(dir, original, "      conclusion: success\n", "      conclusion: failure\n");
        Assessment red = diagnose(failed);
        assertEquals("build.dependency-fetch", top(red), "the same lines in a job that failed are its download: "
                + red.causes());
    }

    @Test
    void theCrashLoopOfAServiceWhoseDependencyIsDownIsTheDependencys(@TempDir Path dir) throws Exception {
        Path original = file("p159-15-");
        Assessment a = diagnose(original);
        assertEquals("dependency.down", top(a), a.causes().toString());
        Assessment up = diagnose(edited(dir, original, "    tcp: {failure: CONNECTION_REFUSED}\n", "    tcp: {latencyMs: 2}\n"));
        assertEquals("app.crash-on-boot", top(up), "with the database answering the loop is the app's: " + up.causes());
    }

    private static Path file(String idPrefix) throws IOException {
        try (var files = Files.list(ScenarioLoader.corpusDirectory())) {
            return files.filter(f -> f.getFileName().toString().startsWith(idPrefix)).findFirst().orElseThrow();
        }
    }

    private static Assessment diagnose(Path file) throws Exception {
        Scenario s = ScenarioLoader.with(LogScanner.builtIn()).load(file);
        return Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
    }

    private static Path edited(Path dir, Path original, String from, String to) throws IOException {
        String text = Files.readString(original);
        String changed = text.replace(from, to);
        assertNotEquals(text, changed, "the fixture " + original.getFileName() + " has " + from);
        Path copy = dir.resolve(original.getFileName());
        Files.writeString(copy, changed);
        return copy;
    }

    private static String top(Assessment a) {
        return a.topCause().map(RankedCause::id).map(io.sophia.core.CauseId::value).orElse("");
    }
}
