package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What diag8 added for the p8- and p9- tuning sets' families beside diag9's shapes: the CI's billing refusal on a job
 * that never ran (an annotation, no log exists) and the official database images started without their password. Each
 * is tested on public strings from other sources than those sets' scenarios, and the log pattern reads no line of the
 * shared corpus.
 */
class EighthRoundShapesTest {

    private static final String UNINITIALIZED = "(?i)\\bdatabase is uninitialized and (superuser )?password (option )?is "
            + "not specified\\b";

    /** A job GitHub never started: it failed in a second with no step and one annotation. */
    private static Assessment notStarted(String annotation) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("dashboard", 2, "Deploy Dashboard", "failure", 2));
        o.add(new Observation.CiAnnotation("dashboard", Source.GITHUB, 2, "failure", null, annotation, null, null));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    @Test
    void aJobTheCiWouldNotStartForTheBillIsAQuotaNotAnUnknownFailure() {
        // GitHub's billing docs ("About billing for GitHub Actions"): the annotation on every job it refuses to start
        Assessment a = notStarted("The job was not started because recent account payments have failed or your spending "
                + "limit needs to be increased. Please check the 'Billing & plans' section in your settings");
        assertEquals(CauseId.PLATFORM_QUOTA, a.topCause().orElseThrow().id(), a.causes().toString());
        // the same job with an annotation about something else is not read as a bill
        Assessment other = notStarted("The operation was canceled.");
        assertTrue(other.causes().stream().noneMatch(c -> c.id().equals(CauseId.PLATFORM_QUOTA)
                && c.probability() > 0.5), other.causes().toString());
    }

    @Test
    void aDatabaseImageStartedWithoutItsPasswordIsAMissingSecret() throws IOException {
        // docker-library/postgres's entrypoint and MariaDB/mariadb-docker's (the MySQL image prints the same)
        assertTrue(Fleet.indicationsOf("error: database is uninitialized and superuser password is not specified.")
                .contains("config.secret-not-specified"));
        assertTrue(Fleet.indicationsOf("2026-10-03 10:11:31+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password "
                + "option is not specified").contains("config.secret-not-specified"));
        assertTrue(Fleet.indicationsOf("Database is uninitialized; initializing with the given password").stream()
                .noneMatch("config.secret-not-specified"::equals));
    }

    @Test
    void theDatabaseImagesPatternReadsNoLineOfTheSharedCorpus() throws IOException {
        LogScanner alone = LogScanner.of(IndicationSet.of(List.of(Indication.of("db-image-password", CauseId.CONFIG_MISSING_SECRET,
                "uninitialized", UNINITIALIZED, 0.8, ""))));
        java.nio.file.Path corpus = LogScannerTest.corpus();
        List<String> read = new ArrayList<>();
        int files = 0;
        try (var walk = java.nio.file.Files.walk(corpus)) {
            for (java.nio.file.Path f : walk.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md")).toList()) {
                files++;
                String text = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
                alone.analyze(null, new StringReader(text)).forEach(x -> read.add(f + ":" + x.lineNumber()));
            }
        }
        assertTrue(files > 300, "corpus files read: " + files);
        assertEquals(List.of(), read);
    }
}
