package io.sophia.examples.internal;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.report.HtmlReport;
import io.sophia.report.JUnitXmlReport;
import io.sophia.report.JsonReport;
import io.sophia.report.MarkdownReport;
import io.sophia.report.Sophia;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Start-up work of the command line done in the background: a cold JVM needs a few hundred ms each to
 * parse the built-in knowledge base and compile the log indications ({@link Sophia#warmUp()}), initialise
 * the JDK's HTTP client (trust store) and the report renderers. Started first thing, that work overlaps reading the config
 * and starting the demo's stand-ins instead of adding to the run's wall time.
 */
public final class Preload {

    private static final CompletableFuture<Void> WARM = inBackground(() -> {
        warm();
        return null;
    });

    private Preload() {
    }

    /** Starts the background loads; later calls do nothing. */
    public static void start() {
        // the library loads its knowledge base and log indications in the background
        Sophia.warmUp();
        // referencing the future runs the static initialiser exactly once
        WARM.isDone();
    }

    private static void warm() {
        try {
            HttpClient.newBuilder().build();
            Assessment empty = new Assessment(Assessment.SCHEMA_VERSION, "warm-up", Instant.EPOCH, List.of(), List.of(),
                    List.of(), List.of(), new Impact(0, 0, 100, List.of(), List.of(), List.of(), Impact.Severity.NONE),
                    List.of(), new GateDecision(GateDecision.Verdict.OPEN, 100, List.of()));
            MarkdownReport.render(empty);
            JsonReport.render(empty);
            HtmlReport.render(empty);
            JUnitXmlReport.render(empty);
        } catch (RuntimeException e) {
            // only a warm-up: the real run reports any problem itself
        }
    }

    private static <T> CompletableFuture<T> inBackground(Supplier<T> load) {
        return CompletableFuture.supplyAsync(load, task -> {
            Thread t = new Thread(task, "sophia-preload");
            t.setDaemon(true);
            t.start();
        });
    }
}
