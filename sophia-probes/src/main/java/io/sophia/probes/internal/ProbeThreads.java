package io.sophia.probes.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads probes run on. The library compiles for Java 17 and must run there, so virtual
 * threads (Java 21+) are looked up reflectively and used only when asked for and present.
 */
public final class ProbeThreads {

    private static final System.Logger LOG = System.getLogger(ProbeThreads.class.getName());
    /** Idle platform threads end after this long, so a runner needs no closing. */
    private static final long KEEP_ALIVE_SECONDS = 30;

    private ProbeThreads() {
    }

    /** The platform threads of every runner in the JVM, created on first use. */
    private static final class Shared {
        static final Executor PLATFORM = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS, new SynchronousQueue<>(), daemons("sophia-probe-"));
    }

    /**
     * An executor for probe tasks: virtual threads, one per task, when {@code virtual} is asked for
     * and the runtime has them; else the JVM's one pool of daemon platform threads, shared by every
     * runner (as OkHttp shares one dispatcher): an idle thread is reused by the next check instead
     * of a new one started, and ends after 30 s idle. It never queues: {@link ProbeSlots} decides
     * how many tasks run at once.
     */
    public static Executor executor(boolean virtual) {
        if (virtual) {
            ExecutorService vt = virtualThreadPerTask();
            if (vt != null) {
                return vt;
            }
            LOG.log(System.Logger.Level.DEBUG, "virtual threads need Java 21+; probes run on platform threads");
        }
        return Shared.PLATFORM;
    }

    /** True when this runtime offers virtual threads. */
    public static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
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

    private static ExecutorService virtualThreadPerTask() {
        if (!virtualThreadsAvailable()) {
            return null;
        }
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
