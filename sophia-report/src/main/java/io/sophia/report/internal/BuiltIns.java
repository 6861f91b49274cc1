package io.sophia.report.internal;

import io.sophia.diagnosis.KnowledgeBase;
import io.sophia.diagnosis.LogScanner;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The built-in knowledge base and log scanner, loaded once per JVM in the background: a cold JVM needs a
 * few hundred ms to parse and compile each, and started when a check is planned that work overlaps the
 * probing instead of adding to it.
 */
public final class BuiltIns {

    private BuiltIns() {
    }

    private static final class Holder {
        static final CompletableFuture<KnowledgeBase> KNOWLEDGE_BASE = inBackground(KnowledgeBase::builtIn);
        static final CompletableFuture<LogScanner> LOG_SCANNER = inBackground(LogScanner::builtIn);
    }

    /** Starts the loads; later calls do nothing. */
    public static void start() {
        // referencing the holder runs its static initialiser exactly once
        Holder.KNOWLEDGE_BASE.isDone();
    }

    /** The built-in knowledge base, loading or loaded. */
    public static CompletableFuture<KnowledgeBase> knowledgeBase() {
        return Holder.KNOWLEDGE_BASE;
    }

    /** The built-in log scanner, loading or loaded. */
    public static CompletableFuture<LogScanner> logScanner() {
        return Holder.LOG_SCANNER;
    }

    /** Runs {@code load} on a daemon thread of its own, so a warm-up never holds the JVM open. */
    public static <T> CompletableFuture<T> inBackground(Supplier<T> load) {
        return CompletableFuture.supplyAsync(load, task -> {
            Thread t = new Thread(task, "sophia-preload");
            t.setDaemon(true);
            t.start();
        });
    }
}
