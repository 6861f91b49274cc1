package io.sophia.probes.internal;

import io.sophia.core.FailureKind;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves a host name within a deadline. {@link InetAddress#getAllByName} cannot be interrupted
 * and may block for the resolver's own timeout (seconds per attempt), so it runs on a daemon
 * thread and the caller stops waiting at its deadline.
 */
public final class DnsLookup {

    /** Resolves a name; the JDK's resolver by default. */
    @FunctionalInterface
    public interface NameResolver {
        List<InetAddress> resolve(String host) throws Exception;
    }

    /** The JDK's resolver ({@link InetAddress#getAllByName}). */
    public static final NameResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** The outcome: addresses, or a failure kind with a detail. */
    public record Resolution(List<InetAddress> addresses, FailureKind failure, String detail) {
        public boolean ok() {
            return failure == null;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sophia-dns-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private DnsLookup() {
    }

    /** Resolves {@code host} with {@code resolver}, waiting at most {@code timeout}. */
    public static Resolution resolve(NameResolver resolver, String host, Duration timeout) {
        if (host == null || host.isBlank()) {
            return new Resolution(List.of(), FailureKind.MISCONFIGURED, "no host name");
        }
        Future<List<InetAddress>> future = POOL.submit(() -> resolver.resolve(host));
        try {
            List<InetAddress> addresses = future.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (addresses == null || addresses.isEmpty()) {
                return new Resolution(List.of(), FailureKind.DNS_FAILURE, host + " has no address");
            }
            return new Resolution(List.copyOf(addresses), null, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Resolution(List.of(), FailureKind.DNS_TIMEOUT,
                    "resolver gave no answer for " + host + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Resolution(List.of(), FailureKind.DEADLINE_EXCEEDED, "interrupted while resolving " + host);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException) {
                String m = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
                // getaddrinfo's EAI_AGAIN: the resolver failed or timed out, which is not an NXDOMAIN
                if (m.contains("temporary failure") || m.contains("try again")) {
                    return new Resolution(List.of(), FailureKind.DNS_TIMEOUT,
                            "resolver failed temporarily for " + host);
                }
                return new Resolution(List.of(), FailureKind.DNS_FAILURE, host + " does not resolve (NXDOMAIN)");
            }
            return new Resolution(List.of(), FailureKind.DNS_FAILURE,
                    "resolving " + host + " failed: " + cause.getClass().getSimpleName());
        }
    }
}
