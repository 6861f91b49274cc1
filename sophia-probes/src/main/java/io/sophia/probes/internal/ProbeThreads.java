package io.sophia.probes.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads probes run on. The library compiles for Java 17 and must run there, so virtual
 * threads (Java 21+) are looked up with method handles, once, and used where present when asked for.
 */
public final class ProbeThreads {

    /** Idle platform threads end after this long, so a runner needs no closing. */
    private static final long KEEP_ALIVE_SECONDS = 30;
    /** The name prefix of probe threads: {@code sophia-probe-1} (platform), {@code sophia-probe-v1} (virtual). */
    private static final String PREFIX = "sophia-probe-";

    private ProbeThreads() {
    }

    /** The platform threads of every runner in the JVM, created on first use. */
    private static final class Shared {
        static final Executor PLATFORM = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS, new SynchronousQueue<>(), daemons(PREFIX));
    }

    /** The factory of named virtual threads, or null on a runtime without them; looked up once. */
    private static final class Virtual {
        static final ThreadFactory FACTORY = virtualThreadFactory(PREFIX + "v");
        static final Executor EXECUTOR = FACTORY == null ? null : task -> FACTORY.newThread(task).start();
    }

    /**
     * An executor for probe tasks: with {@code virtual} and a runtime that has them (Java 21+), a new
     * virtual thread per task (a fleet's thousands of probes then cost no platform thread each, and
     * starting one is cheap); else, or when {@code virtual} is false, the JVM's one pool of daemon
     * platform threads, shared by every runner (as OkHttp shares one dispatcher): an idle thread is
     * reused by the next check instead of a new one started, and ends after 30 s idle. It never
     * queues: {@link ProbeSlots} decides how many tasks run at once.
     */
    public static Executor executor(boolean virtual) {
        return virtual && Virtual.EXECUTOR != null ? Virtual.EXECUTOR : Shared.PLATFORM;
    }

    /** A factory of daemon platform threads named {@code prefix} and a number. */
    public static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * {@code Thread.ofVirtual().name(prefix, 1).factory()}, called through method handles, or null
     * when the runtime has no virtual threads (Java 17). The factory is safe for concurrent use.
     */
    private static ThreadFactory virtualThreadFactory(String prefix) {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            Object b = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)).invoke();
            b = lookup.findVirtual(ofVirtual, "name", MethodType.methodType(ofVirtual, String.class, long.class))
                    .invoke(b, prefix, 1L);
            return (ThreadFactory) lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
                    .invoke(b);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // MethodHandle.invoke declares Throwable
            // a runtime that reports 21+ but lacks the API (or forbids it): platform threads, as on Java 17
            return null;
        }
    }
}
