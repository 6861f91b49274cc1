package io.sophia.probes.internal;

import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one HTTP stack of the library: every HTTP probe and API client (HTTP checks, MCP over HTTP
 * and SSE, GitHub, Fly) derives its {@link OkHttpClient} from here with
 * {@code HttpStack.shared().newBuilder()...build()}, so they share one dispatcher, one thread pool
 * and one connection pool.
 *
 * <p>Sized for fleets, not for a browser: OkHttp's default dispatcher runs at most 64 asynchronous
 * calls, 5 per host, and a loopback fleet is thousands of targets on one host, so both limits are
 * raised here. Synchronous calls ({@code call.execute()}, what probes use) are not limited by the
 * dispatcher at all; the probe runner decides how many run at once. Dispatcher threads are daemons,
 * so a host's JVM is never kept alive by them.
 *
 * <p>Defaults of {@link #shared()}: no retry on connection failure (a probe must see the failure;
 * an API client that wants retries has its own policy), no redirects followed (each caller sets its
 * policy), and no timeouts: each call sets its own from its deadline ({@code call.timeout()} and
 * {@link okhttp3.Interceptor.Chain#withConnectTimeout}).
 *
 * <p>{@link #check()} is the base of health checks: it keeps no idle connection, so every check
 * opens its own connection and times its connect and TLS handshake, as a new client would.
 */
public final class HttpStack {

    /** Asynchronous calls run at once, in total and per host: a loopback fleet is thousands of calls to one host. */
    static final int MAX_ASYNC_CALLS = 8192;

    private HttpStack() {
    }

    private static final class Shared {
        static final OkHttpClient CLIENT = build();

        private static OkHttpClient build() {
            Dispatcher dispatcher = new Dispatcher(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), ProbeThreads.daemons("sophia-http-")));
            dispatcher.setMaxRequests(MAX_ASYNC_CALLS);
            dispatcher.setMaxRequestsPerHost(MAX_ASYNC_CALLS);
            return new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    // API clients talk to few hosts many times; idle connections are kept a short while
                    .connectionPool(new ConnectionPool(32, 1, TimeUnit.MINUTES))
                    .retryOnConnectionFailure(false)
                    // sockets without the JDK's SOCKS layer, which asks the proxy selector again at every connect
                    .socketFactory(DirectSockets.INSTANCE)
                    // OkHttp 5 races connects on its task threads (happy eyeballs); a check connects on its own
                    // thread, so 5,000 checks do not cost thread hand-offs and a second pool of threads
                    .fastFallback(false)
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .connectTimeout(Duration.ZERO)
                    .readTimeout(Duration.ZERO)
                    .writeTimeout(Duration.ZERO)
                    .callTimeout(Duration.ZERO)
                    .build();
        }
    }

    /**
     * Health checks' clients: the same threads, but connections and calls spread over this many pools and
     * dispatchers. OkHttp keeps each pool's clean-up task in one list of its process-wide task runner, scanned and
     * edited under one lock at every connection opened and closed, and a dispatcher lists its running calls in one
     * locked queue: with one pool per probe, 5,000 probes made that list 5,000 long; with one pool for all, every
     * connect scans every open connection. A few dozen of each keeps both short.
     */
    static final int CHECK_POOLS = 64;

    private static final class Checks {
        static final OkHttpClient[] CLIENTS = build();
        static final AtomicInteger NEXT = new AtomicInteger();

        private static OkHttpClient[] build() {
            OkHttpClient[] clients = new OkHttpClient[CHECK_POOLS];
            for (int i = 0; i < clients.length; i++) {
                Dispatcher dispatcher = new Dispatcher(Shared.CLIENT.dispatcher().executorService());
                dispatcher.setMaxRequests(MAX_ASYNC_CALLS);
                dispatcher.setMaxRequestsPerHost(MAX_ASYNC_CALLS);
                clients[i] = Shared.CLIENT.newBuilder()
                        .dispatcher(dispatcher)
                        // 0 idle connections: a connection is closed as soon as its call is done
                        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                        .build();
            }
            return clients;
        }
    }

    /**
     * {@return the base client of one health check probe: as {@link #shared()} (same threads), on one of
     * {@link #CHECK_POOLS} pools and dispatchers, taken in turn} No connection is kept idle, so each check still opens, times and closes
     * its own connection (HTTP/1.1 also sends {@code Connection: close}; {@code HttpProbeConnectionsTest}). Only
     * HTTP/2 checks of one IP literal, reached without a proxy, running at the same moment on the same pool may share
     * one, as any HTTP/2 client would: a check of a host name has a client of its own (its lookup is bounded by its
     * deadline), and OkHttp never shares a connection between clients of different resolvers.
     */
    public static OkHttpClient check() {
        return Checks.CLIENTS[Math.floorMod(Checks.NEXT.getAndIncrement(), CHECK_POOLS)];
    }

    /** {@return the shared base client: one dispatcher and connection pool for the whole library} */
    public static OkHttpClient shared() {
        return Shared.CLIENT;
    }

    /**
     * Loads OkHttp's TLS set-up (the JVM's trust store, the platform's ALPN support), a one-time cost of a cold JVM
     * that a plain-HTTP exchange does not pay. The call path itself is warmed by a real check
     * ({@code HttpProbe.warmUp()} checks a loopback server), so this does no exchange of its own. Safe to call from
     * any thread, any number of times.
     */
    public static void warmUp() {
        // building a client initialises the platform and the default trust manager and socket factory
        shared().sslSocketFactory().getDefaultCipherSuites();
    }
}
