package io.sophia.probes;

import io.sophia.core.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Secrets;
import io.sophia.core.Service;
import io.sophia.probes.internal.Conditions;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.DeadlineDns;
import io.sophia.probes.internal.DnsLookup;
import io.sophia.probes.internal.EnvProxy;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.HttpStack;
import io.sophia.probes.internal.HttpTls;
import io.sophia.probes.internal.PhaseClock;
import io.sophia.probes.internal.ProbeThreads;
import io.sophia.probes.internal.SafeText;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Checks one HTTP(S) service with one {@code GET} of the service url (plus
 * {@link Expectations#healthPath()}), recording the status code, latency, a capped body excerpt,
 * the content type, the deployed version and the timing phases.
 *
 * <p>Observations of one run, in order:
 * <ul>
 *   <li>an answer: {@link HttpCheck}, then one {@link Observation.ConditionCheck} per expectation
 *       ({@code [STATUS] == 200}, {@code [RESPONSE_TIME] < 300ms}, {@code [BODY]/status == ok}), then a
 *       {@link ProbeFailure} of kind {@link FailureKind#UNEXPECTED_STATUS} when the status is rejected;</li>
 *   <li>no answer: one {@link ProbeFailure} whose kind says why: {@code CONNECTION_REFUSED},
 *       {@code CONNECT_TIMEOUT} (the connect gets 80 % of the time, so a stalled connect is told
 *       apart from a silent server), {@code READ_TIMEOUT}, {@code DNS_FAILURE} or {@code DNS_TIMEOUT},
 *       {@code TLS_FAILURE} (a failed handshake, or one that stalled on a port that accepts TCP),
 *       {@code CONNECTION_RESET}, {@code BAD_PAYLOAD} for an answer that is not HTTP, or {@code MISCONFIGURED} for
 *       an unusable url or token.</li>
 * </ul>
 *
 * <p>The check runs on the library's one HTTP stack (OkHttp): HTTP/1.1, or HTTP/2 where the server
 * offers it over TLS (ALPN); {@link HttpCheck#protocol()} says which one the exchange used. Each
 * check opens its own connection and is timed phase by phase like blackbox_exporter: {@code dns}
 * (null when the host is an IP literal or a proxy resolves it),
 * {@code connect} (to the proxy, when there is one), {@code tls} (https only), {@code firstByte}
 * (ready to send until the answer's headers are in) and {@code transfer} (headers to end of body).
 * The phases are contiguous, so they add up to the latency; a body read only up to its cap has no
 * {@code transfer}. The stack is warmed up before a probe's first check is timed
 * ({@link #warmUp()}), so a {@code maxLatency} of a few milliseconds holds for a fast service even
 * on the first check in a JVM.
 *
 * <p>{@link Options} add what real deployments need: a proxy from {@code HTTPS_PROXY}/{@code HTTP_PROXY}/
 * {@code NO_PROXY}, a custom trust store, a client certificate, headers, a bearer token taken from an
 * environment variable, and a redirect policy (default: none followed, the 3xx is the answer).
 *
 * <p>The body is never buffered whole: its first {@value #EXCERPT_BYTES} bytes become the excerpt (masked, then cut
 * at a word boundary),
 * up to 64 KiB are kept to read the JSON expectations and the version, the rest up to 1 MiB is
 * counted and discarded. The url's user info and query, the token and the proxy's credentials never
 * appear in an observation, and user info is never sent.
 *
 * <p>Stable API. Thread-safe; one instance may be run repeatedly.
 */
public final class HttpProbe implements Probe {

    /** The observations' source. */
    public static final Source SOURCE = Source.HTTP;
    /**
     * Longest {@link HttpCheck#bodyExcerpt()}: the text of the body's first 2 KiB, masked and then cut at a word
     * boundary (ending in an ellipsis) when the body is longer.
     */
    public static final int EXCERPT_BYTES = 2048;

    static final String USER_AGENT = "sophia-probe/0.1";
    /** Bytes decoded past the excerpt, so that a token the excerpt's cap falls into is masked whole before the cut. */
    private static final int EXCERPT_LOOKAHEAD = 1024;
    private static final int PARSE_BYTES = 64 * 1024;
    private static final long READ_LIMIT = 1 << 20;
    /** Created on first use, in a probe thread: Jackson's start-up would otherwise land on the caller of of(). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    /** The stack's one-time start-up, done before the first check's clock starts. */
    private static final class Warm {
        private static final boolean DONE = warm();

        /**
         * Two real checks of a loopback server, by address and by name: they load and link every class
         * of a check's path (OkHttp, okio, the lookup, JSON expectations, the observations), which a cold
         * JVM would otherwise charge to the first target's latency.
         */
        private static boolean warm() {
            HttpStack.warmUp();
            byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n"
                    + "Connection: close\r\n\r\n{\"status\":\"ok\"}").getBytes(StandardCharsets.ISO_8859_1);
            try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
                server.setSoTimeout(2000);
                Thread serve = ProbeThreads.daemons("sophia-http-warm-up-").newThread(() -> {
                    for (int i = 0; i < 2; i++) {
                        try (Socket s = server.accept()) {
                            s.setSoTimeout(2000);
                            s.getInputStream().read(new byte[4096]);
                            s.getOutputStream().write(answer);
                        } catch (IOException e) {
                            return; // only a warm-up
                        }
                    }
                });
                serve.start();
                Expectations expect = Expectations.builder().statusCodes(200).jsonField("/status", "ok")
                        .maxLatency(Duration.ofSeconds(2)).build();
                for (String host : List.of("127.0.0.1", "localhost")) {
                    Service s = Service.builder("warm-up", URI.create("http://" + host + ":" + server.getLocalPort()
                            + "/")).critical().expect(expect).build();
                    HttpProbe probe = create(s, Duration.ofSeconds(2), Options.ofDefaults());
                    probe.check(ProbeContext.withTimeout(Duration.ofSeconds(2)));
                }
            } catch (IOException | RuntimeException e) {
                // only a warm-up: a real check reports any problem itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }

        /** Returns once the one-time start-up is done (the first caller does it; the others wait for it). */
        static boolean ensure() {
            return DONE;
        }
    }
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Which redirects a check follows. */
    public enum Redirects {
        /** none: a 3xx is the answer checked against the expectations */
        NONE,
        /** those to the same host (any port or scheme), up to the limit */
        SAME_HOST,
        /** any, up to the limit; the token is not sent to another host */
        ANY
    }

    /**
     * Options of an HTTP probe, immutable. Defaults: no proxy (no environment read), the JVM's trust
     * store, no client certificate, no extra headers, no token, no redirects followed.
     *
     * <p>Stable API.
     */
    public static final class Options {
        private static final Options DEFAULTS = custom().build();
        private final Function<String, String> env;
        private final boolean proxyFromEnv;
        private final Map<String, String> headers;
        private final String bearerTokenEnv;
        private final Path trustStore;
        private final String trustStorePasswordEnv;
        private final Path clientCertificate;
        private final String clientCertificatePasswordEnv;
        private final Redirects redirects;
        private final int maxRedirects;
        private final SSLSocketFactory testSockets;
        private final X509TrustManager testTrust;

        private Options(Builder b) {
            this.env = b.env;
            this.proxyFromEnv = b.proxyFromEnv;
            this.headers = Map.copyOf(b.headers);
            this.bearerTokenEnv = b.bearerTokenEnv;
            this.trustStore = b.trustStore;
            this.trustStorePasswordEnv = b.trustStorePasswordEnv;
            this.clientCertificate = b.clientCertificate;
            this.clientCertificatePasswordEnv = b.clientCertificatePasswordEnv;
            this.redirects = b.redirects;
            this.maxRedirects = b.maxRedirects;
            this.testSockets = b.testSockets;
            this.testTrust = b.testTrust;
        }

        /** {@return default options} */
        public static Options ofDefaults() {
            return DEFAULTS;
        }

        /** {@return a builder starting from the defaults} */
        public static Builder custom() {
            return new Builder();
        }

        /** {@return true when the proxy is taken from the environment ({@link Builder#env})} */
        public boolean proxyFromEnv() {
            return proxyFromEnv && env != null;
        }

        /** {@return the extra request headers, by name} */
        public Map<String, String> headers() {
            return headers;
        }

        /** {@return the environment variable holding the bearer token, or null} */
        public String bearerTokenEnv() {
            return bearerTokenEnv;
        }

        /** {@return the trust store file (PEM or PKCS12), or null for the JVM's default} */
        public Path trustStore() {
            return trustStore;
        }

        /** {@return the client certificate file (PKCS12, or PEM with its key), or null} */
        public Path clientCertificate() {
            return clientCertificate;
        }

        /** {@return the redirect policy} */
        public Redirects redirects() {
            return redirects;
        }

        /** {@return the most redirects followed (0 with {@link Redirects#NONE})} */
        public int maxRedirects() {
            return redirects == Redirects.NONE ? 0 : maxRedirects;
        }

        @Override
        public String toString() {
            // header values may be credentials: names only
            return "Options[proxyFromEnv=" + proxyFromEnv() + ", headers=" + headers.keySet() + ", bearerTokenEnv="
                    + bearerTokenEnv + ", trustStore=" + trustStore + ", clientCertificate=" + clientCertificate
                    + ", redirects=" + redirects + (redirects == Redirects.NONE ? "" : " max " + maxRedirects) + "]";
        }

        /** Builds {@link Options}. */
        public static final class Builder {
            private Function<String, String> env;
            private boolean proxyFromEnv = true;
            private final Map<String, String> headers = new LinkedHashMap<>();
            private String bearerTokenEnv;
            private Path trustStore;
            private String trustStorePasswordEnv;
            private Path clientCertificate;
            private String clientCertificatePasswordEnv;
            private Redirects redirects = Redirects.NONE;
            private int maxRedirects = 5;
            private SSLSocketFactory testSockets;
            private X509TrustManager testTrust;

            private Builder() {
            }

            /**
             * Where environment variables are read: the proxy variables ({@code HTTPS_PROXY},
             * {@code HTTP_PROXY}, {@code NO_PROXY}, upper or lower case), the token and the key store passwords.
             *
             * @param env reads an environment variable, null when unset ({@code System::getenv} for the process')
             * @return this builder
             */
            public Builder env(Function<String, String> env) {
                this.env = Objects.requireNonNull(env, "env");
                return this;
            }

            /**
             * Whether the proxy variables of {@link #env} are obeyed (default true).
             *
             * @param proxyFromEnv false to always connect directly
             * @return this builder
             */
            public Builder proxyFromEnv(boolean proxyFromEnv) {
                this.proxyFromEnv = proxyFromEnv;
                return this;
            }

            /**
             * A header sent with every check, to the service's own origin only (a redirect to another scheme, host or
             * port goes without it). For a credential use {@link #bearerTokenEnv(String)}, which is redacted.
             *
             * @param name  a header name
             * @param value its value: one line of printable characters
             * @return this builder
             * @throws IllegalArgumentException when the name is not a header name or the value holds a line break or
             *                                  control character (the message names the header, not the value)
             */
            public Builder header(String name, String value) {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(value, "value");
                if (!HEADER_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("'" + SafeText.text(name) + "' is not an HTTP header name");
                }
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (c < 0x20 && c != '\t' || c == 0x7f) {
                        throw new IllegalArgumentException("the value of header " + name
                                + " holds a line break or control character");
                    }
                }
                if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
                        || name.equalsIgnoreCase("Transfer-Encoding") || name.equalsIgnoreCase("Connection")) {
                    throw new IllegalArgumentException("header " + name + " is set by the probe itself");
                }
                headers.put(name, value);
                return this;
            }

            /**
             * Sends {@code Authorization: Bearer <token>} with the value of this environment variable,
             * read from {@link #env} at each check. The token never appears in an observation; a value of
             * more than one line is refused (a MISCONFIGURED failure, no request sent).
             *
             * @param variable an environment variable name, or null for none
             * @return this builder
             */
            public Builder bearerTokenEnv(String variable) {
                this.bearerTokenEnv = variable == null || variable.isBlank() ? null : variable.strip();
                return this;
            }

            /**
             * Trust these certificates instead of the JVM's default trust store.
             *
             * @param file a PEM file of one or more certificates, or a PKCS12 file; null for the default
             * @return this builder
             */
            public Builder trustStore(Path file) {
                this.trustStore = file;
                return this;
            }

            /**
             * The environment variable holding the password of a PKCS12 trust store.
             *
             * @param variable a variable name, or null for no password
             * @return this builder
             */
            public Builder trustStorePasswordEnv(String variable) {
                this.trustStorePasswordEnv = variable == null || variable.isBlank() ? null : variable.strip();
                return this;
            }

            /**
             * Present this client certificate (mutual TLS).
             *
             * @param file a PKCS12 file, or a PEM file with the certificate chain and an unencrypted PKCS#8 key
             * @return this builder
             */
            public Builder clientCertificate(Path file) {
                this.clientCertificate = file;
                return this;
            }

            /**
             * The environment variable holding the password of a PKCS12 client certificate.
             *
             * @param variable a variable name, or null for no password
             * @return this builder
             */
            public Builder clientCertificatePasswordEnv(String variable) {
                this.clientCertificatePasswordEnv = variable == null || variable.isBlank() ? null : variable.strip();
                return this;
            }

            /**
             * The redirect policy.
             *
             * @param policy which redirects are followed
             * @param max    the most followed (ignored for {@link Redirects#NONE}); when more come, or one leads
             *               back to a URL already visited, the check fails: "too many redirects"
             * @return this builder
             * @throws IllegalArgumentException when {@code max} is negative or above 20
             */
            public Builder redirects(Redirects policy, int max) {
                if (max < 0 || max > 20) {
                    throw new IllegalArgumentException("redirects must be between 0 and 20, was " + max);
                }
                this.redirects = Objects.requireNonNull(policy, "policy");
                this.maxRedirects = max;
                return this;
            }

            /** TLS for tests: trust what {@code trust} trusts. */
            Builder tls(SSLSocketFactory sockets, X509TrustManager trust) {
                this.testSockets = sockets;
                this.testTrust = trust;
                return this;
            }

            /** {@return the options} */
            public Options build() {
                return new Options(this);
            }
        }
    }

    private final Service service;
    private final Duration timeout;
    private final URI uri;
    private final String misconfiguration;
    private final Options options;
    private final OkHttpClient client;
    private final Request request;
    private final EnvProxy proxy;
    /** An IP literal reached without a proxy: nothing to look up. */
    private final boolean literalDirect;
    /** {@link #target()}, made once: every observation of every check carries it. */
    private final String target;

    private HttpProbe(Service service, Duration timeout, Checked checked, String misconfiguration, Options options,
                      OkHttpClient client, EnvProxy proxy) {
        URI uri = checked == null ? null : checked.uri();
        this.service = service;
        this.timeout = timeout;
        this.uri = uri;
        this.misconfiguration = misconfiguration;
        this.options = options;
        this.client = client;
        this.proxy = proxy;
        this.request = uri == null ? null : request(checked.url(), options);
        this.literalDirect = uri != null && !proxy.viaProxy() && isIpLiteral(uri.getHost());
        this.target = uri == null ? SafeText.url(service.url()) : SafeText.url(uri);
    }

    /**
     * A probe of {@code service} that gives up after {@code timeout} (or earlier, at the runner's deadline).
     *
     * @param service the service to probe
     * @param timeout the request deadline
     * @return the probe
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    public static HttpProbe of(Service service, Duration timeout) {
        return of(service, timeout, Options.ofDefaults());
    }

    /**
     * A probe of {@code service} with {@code options}.
     *
     * @param service the service to probe
     * @param timeout the request deadline
     * @param options proxy, TLS, headers, token and redirects
     * @return the probe
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code timeout} is not positive, a trust store or client certificate
     *                                  cannot be read or used, or a proxy variable is not a proxy url (the message
     *                                  names the file or variable, never its content)
     */
    public static HttpProbe of(Service service, Duration timeout, Options options) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(options, "options");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        // a plan is made before its check: the stack's one-time start-up belongs here, not in a check's deadline
        Warm.ensure();
        return create(service, timeout, options);
    }

    private static HttpProbe create(Service service, Duration timeout, Options options) {
        Checked checked;
        try {
            checked = checkUri(service);
        } catch (IllegalArgumentException e) {
            return new HttpProbe(service, timeout, null, e.getMessage(), options, null, EnvProxy.DIRECT);
        }
        EnvProxy proxy = options.proxyFromEnv() ? EnvProxy.forUrl(checked.uri(), options.env) : EnvProxy.DIRECT;
        return new HttpProbe(service, timeout, checked, null, options, client(options, proxy), proxy);
    }

    /**
     * Loads and initialises the HTTP stack (TLS included) once per JVM, so that no check pays the
     * cold start. A probe's first check does it anyway, before its clock starts; a host calls this at
     * start-up to take it off the first check's deadline too. Later calls return at once.
     */
    public static void warmUp() {
        Warm.ensure();
    }

    /** The client of a probe with {@code options}: derived from the stack's health-check base. */
    private static OkHttpClient client(Options options, EnvProxy proxy) {
        // a pool shared by a few probes: neither one pool per probe nor one for all (see HttpStack.CHECK_POOLS)
        OkHttpClient.Builder b = HttpStack.check().newBuilder()
                .proxy(proxy.proxy())
                // the connect gets 80 % of what the call has, so a stalled connect is told apart from a silent server
                .addInterceptor(chain -> {
                    long callNanos = chain.call().timeout().timeoutNanos();
                    return callNanos <= 0 ? chain.proceed(chain.request())
                            : chain.withConnectTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE,
                            TimeUnit.NANOSECONDS.toMillis(callNanos) * 8 / 10)), TimeUnit.MILLISECONDS)
                            .proceed(chain.request());
                });
        if (proxy.user() != null) {
            String credentials = Credentials.basic(proxy.user(), proxy.password(), StandardCharsets.UTF_8);
            b.proxyAuthenticator((route, response) -> {
                // once: a proxy that refuses the credentials gets them once, not in a loop
                if (response.request().header("Proxy-Authorization") != null) {
                    return null;
                }
                return response.request().newBuilder().header("Proxy-Authorization", credentials).build();
            });
        }
        if (options.redirects != Redirects.NONE && options.maxRedirects > 0) {
            b.addInterceptor(new RedirectPolicy(options.redirects, options.maxRedirects, Set.copyOf(options.headers.keySet())));
        }
        if (options.testSockets != null) {
            b.sslSocketFactory(options.testSockets, options.testTrust);
        } else if (options.trustStore != null || options.clientCertificate != null) {
            HttpTls tls = HttpTls.of(options.trustStore, password(options, options.trustStorePasswordEnv),
                    options.clientCertificate, password(options, options.clientCertificatePasswordEnv));
            b.sslSocketFactory(tls.sockets(), tls.trust());
        }
        return b.build();
    }

    private static char[] password(Options options, String variable) {
        if (variable == null) {
            return null;
        }
        String v = options.env == null ? null : options.env.apply(variable);
        if (v == null) {
            throw new IllegalArgumentException("environment variable " + variable + " (a key store password) is not set");
        }
        return v.toCharArray();
    }

    /** The request of every check, but for the token, which is read at each check. */
    private static Request request(HttpUrl url, Options options) {
        Request.Builder b = new Request.Builder()
                .url(url)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json, */*;q=0.5");
        options.headers.forEach(b::header);
        return b.header("Connection", "close").get().build();
    }

    private static String withoutUserInfo(URI uri) {
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String hostPort = at < 0 ? authority : authority.substring(at + 1);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostPort + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The url checked, and the same without user info as OkHttp parsed it (parsed once: a fleet makes thousands). */
    private record Checked(URI uri, HttpUrl url) {
    }

    /** The url checked: the service url with {@link Expectations#healthPath()} appended. */
    static Checked checkUri(Service service) {
        URI base = service.url();
        if (base == null) {
            throw new IllegalArgumentException("service '" + service.id() + "' has no url");
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || base.getHost() == null) {
            throw new IllegalArgumentException("url of service '" + service.id() + "' is not an http(s) url with a host: "
                    + SafeText.url(base));
        }
        String health = service.expect().healthPath();
        URI checked = base;
        if (health != null && !health.isBlank()) {
            String path = base.getRawPath() == null ? "" : base.getRawPath();
            String joined = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
                    + (health.startsWith("/") ? health : "/" + health);
            try {
                checked = new URI(scheme + "://" + base.getRawAuthority() + joined);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("healthPath of service '" + service.id() + "' does not make a url: "
                        + SafeText.text(e.getMessage()), e);
            }
        }
        HttpUrl url = HttpUrl.parse(withoutUserInfo(checked));
        if (url == null) {
            throw new IllegalArgumentException("url of service '" + service.id() + "' is not a valid http(s) url: "
                    + SafeText.url(checked));
        }
        return new Checked(checked, url);
    }

    @Override
    public Source source() {
        return SOURCE;
    }

    @Override
    public String serviceId() {
        return service.id();
    }

    @Override
    public String target() {
        return target;
    }

    /** {@return the timeout this probe was made with} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return the options this probe was made with} */
    public Options options() {
        return options;
    }

    @Override
    public List<Observation> run(ProbeContext context) throws InterruptedException {
        if (uri == null) {
            return List.of(failure(FailureKind.MISCONFIGURED, misconfiguration, null, System.nanoTime()));
        }
        return check(context);
    }

    private List<Observation> check(ProbeContext context) throws InterruptedException {
        Deadline deadline = Deadline.of(context, timeout);
        Request req = request;
        String token = null;
        if (options.bearerTokenEnv != null) {
            String value = options.env == null ? null : safeEnv(options.env, options.bearerTokenEnv);
            if (value == null || value.isBlank()) {
                return List.of(failure(FailureKind.MISCONFIGURED, "environment variable " + options.bearerTokenEnv
                        + " (the bearer token) is not set; no request was sent", null, System.nanoTime()));
            }
            token = value.strip();
            if (token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0) {
                // a token is one line: a value with a line break would split the Authorization header
                return List.of(failure(FailureKind.MISCONFIGURED, "environment variable " + options.bearerTokenEnv
                        + " holds more than one line; a token is a single line (no request was sent)", null,
                        System.nanoTime()));
            }
            if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return List.of(failure(FailureKind.MISCONFIGURED, "environment variable " + options.bearerTokenEnv
                        + " holds spaces or characters a header cannot carry (no request was sent)", null,
                        System.nanoTime()));
            }
            req = req.newBuilder().header("Authorization", "Bearer " + token).build();
        }
        // a name to look up (the target's, or the proxy's): a client of this check, whose lookup is bounded by
        // this check's deadline; an IP literal reached directly needs no lookup and no client of its own
        OkHttpClient checkClient = literalDirect ? client
                : client.newBuilder().dns(new DeadlineDns(DnsLookup.SYSTEM, deadline)).build();
        long start = System.nanoTime();
        PhaseClock clock = new PhaseClock(start);
        Call call = checkClient.newCall(req);
        call.timeout().timeout(Math.max(1, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        call.addEventListener(clock);
        // cancellation closes the call's socket: a blocked read does not answer to interruption
        ProbeContext.Registration onCancel = deadline.onCancel(call::cancel);
        Body body = new Body();
        try (Response response = call.execute()) {
            read(response.body(), body);
            long end = System.nanoTime();
            if (!body.complete) {
                // the rest of the body is not wanted: close the socket now rather than drain it on close
                call.cancel();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during the check of " + target());
            }
            return answer(response, body, clock, start, end, token);
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted during the check of " + target());
            }
            return List.of(failure(e, clock, body, start, token));
        } catch (RuntimeException e) {
            // OkHttp and the TLS stack report some malformed input unchecked; it is still a failed check
            return List.of(failure(FailureKind.OTHER, "the check failed: " + SafeText.without(SafeText.describe(e), token),
                    null, start));
        } finally {
            onCancel.close();
        }
    }

    private static String safeEnv(Function<String, String> env, String name) {
        try {
            return env.apply(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What was read of the body: the first bytes, the count, whether it ended. */
    private static final class Body {
        byte[] head = new byte[0];
        int headLength;
        long total;
        /** the announced length (Content-Length), -1 when unknown */
        long expected = -1;
        boolean complete;
    }

    /** Reads up to {@link #READ_LIMIT} bytes, keeping the first {@link #PARSE_BYTES}. */
    private static void read(ResponseBody responseBody, Body body) throws IOException {
        body.expected = responseBody.contentLength();
        BufferedSource source = responseBody.source();
        byte[] head = new byte[0];
        int kept = 0;
        okio.Buffer buffer = new okio.Buffer();
        while (body.total < READ_LIMIT) {
            long n = source.read(buffer, Math.min(16 * 1024, READ_LIMIT - body.total));
            if (n < 0) {
                body.complete = true;
                break;
            }
            int take = (int) Math.min(n, PARSE_BYTES - kept);
            if (take > 0) {
                if (head.length < kept + take) {
                    head = Arrays.copyOf(head, Math.min(PARSE_BYTES, Math.max(kept + take, head.length * 2)));
                }
                while (take > 0) { // a read moves at most one segment
                    int got = buffer.read(head, kept, take);
                    kept += got;
                    take -= got;
                }
            }
            buffer.clear();
            body.total += n;
            body.head = head;
            body.headLength = kept;
        }
    }

    private List<Observation> answer(Response response, Body body, PhaseClock clock, long start, long end, String token) {
        Duration latency = Duration.ofNanos(end - start);
        int status = response.code();
        String contentType = clean(response.header("Content-Type"), token);
        byte[] head = Arrays.copyOf(body.head, body.headLength);
        String excerpt = excerpt(head, body, contentType, token);
        JsonNode json = body.complete && body.total <= PARSE_BYTES ? parse(head) : null;
        Expectations expect = service.expect();
        String version = null;
        if (expect.versionHeader() != null) {
            version = clean(response.header(expect.versionHeader()), token);
        }
        if (version == null && expect.versionField() != null && json != null) {
            version = clean(Conditions.text(json, Conditions.pointer(expect.versionField())), token);
        }
        List<Observation> out = new ArrayList<>();
        out.add(new HttpCheck(service.id(), SOURCE, target(), status, latency, excerpt, contentType, version,
                clock.timing(end, body.complete), protocol(response.protocol())));
        out.addAll(Conditions.evaluate(service.id(), SOURCE, expect, status, latency, json));
        RedirectsGoOn goesOn = response.request().tag(RedirectsGoOn.class);
        if (goesOn != null) {
            out.add(new ProbeFailure(service.id(), SOURCE, target(), FailureKind.UNEXPECTED_STATUS,
                    goesOn.detail(status), status, latency, 1));
        } else if (!expect.accepts(status)) {
            out.add(new ProbeFailure(service.id(), SOURCE, target(), FailureKind.UNEXPECTED_STATUS,
                    "answered " + status + ", expected " + Conditions.statusCondition(expect), status, latency, 1));
        }
        return out;
    }

    /**
     * The ALPN identifier of the HTTP version an exchange used ({@code http/1.1}, {@code h2}); OkHttp's name for
     * HTTP/2 without TLS, {@code h2_prior_knowledge}, is the identifier the HTTP/2 RFC gives it, {@code h2c}.
     */
    static String protocol(okhttp3.Protocol protocol) {
        if (protocol == null) {
            return null;
        }
        return protocol == okhttp3.Protocol.H2_PRIOR_KNOWLEDGE ? "h2c" : protocol.toString();
    }

    private static String clean(String text, String token) {
        return text == null ? null : masked(text, token);
    }

    /** {@code text} with the token masked: a server may echo the Authorization header it got. */
    private static String masked(String text, String token) {
        return token == null ? text : Secrets.of(List.of(token)).redact(text);
    }

    /** The failure kind of a check that failed, told by the step it failed in. */
    private ProbeFailure failure(IOException e, PhaseClock clock, Body body, long start, String token) {
        if (e instanceof DeadlineDns.Failed dns) {
            String via = proxy.viaProxy() ? " (through " + proxy.describe() + ")" : "";
            return failure(dns.kind(), dns.getMessage() + via, null, start); // the detail names the host
        }
        boolean timedOut = e instanceof InterruptedIOException;
        FailureKind kind = Failures.kindOf(e);
        String described = SafeText.without(SafeText.describe(e), token);
        String within = " within " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
        ProbeFailure precise = switch (clock.step()) {
            case START, CONNECT -> connectFailure(timedOut, kind, described, within, start);
            case TLS -> timedOut ? failure(FailureKind.TLS_FAILURE,
                    "TCP connected but the TLS handshake did not complete" + within, null, start) : null;
            case FIRST_BYTE -> answerFailure(e, timedOut, kind, described, within, start);
            case BODY -> bodyFailure(e, clock, body, timedOut, kind, within, start);
        };
        if (precise != null) {
            return precise;
        }
        if (clock.step() == PhaseClock.Step.TLS && (kind == FailureKind.OTHER || kind == FailureKind.CONNECTION_RESET)) {
            kind = FailureKind.TLS_FAILURE;
        }
        return failure(kind, Failures.phrase(kind) + ": " + described, null, start);
    }

    /** A failure before the connection was made (to the target or to the proxy), or null for the generic one. */
    private ProbeFailure connectFailure(boolean timedOut, FailureKind kind, String described, String within, long start) {
        if (timedOut) {
            return failure(FailureKind.CONNECT_TIMEOUT, "connect timeout: the TCP connect"
                    + (proxy.viaProxy() ? " to the " + proxy.describe() : "") + " did not complete" + within, null, start);
        }
        if (kind == FailureKind.CONNECTION_REFUSED) {
            // the JDK's "Connection refused" only repeats the kind; the port (or the proxy) says more
            return failure(kind, "connection refused: nothing listens on "
                    + (proxy.viaProxy() ? "the " + proxy.describe() : uri.getHost() + ":" + port()), null, start);
        }
        if (proxy.viaProxy() && kind == FailureKind.OTHER) {
            // a tunnel the proxy refused (407, 403, 502) ends in the connect step
            return failure(FailureKind.OTHER, "the " + proxy.describe() + " did not open a tunnel: " + described, null, start);
        }
        return null;
    }

    /** A failure after the request was sent and before the answer's headers were in, or null for the generic one. */
    private ProbeFailure answerFailure(IOException e, boolean timedOut, FailureKind kind, String described, String within,
                                       long start) {
        if (timedOut) {
            String via = proxy.viaProxy() ? " (through " + proxy.describe() + ")" : "";
            return failure(FailureKind.READ_TIMEOUT, "connected but no answer" + within + via, null, start);
        }
        if (e instanceof SSLException) {
            return failure(FailureKind.TLS_FAILURE, Failures.phrase(FailureKind.TLS_FAILURE) + ": " + described, null, start);
        }
        if (e instanceof ProtocolException) {
            // an answer that is not HTTP (a banner, binary, a 3 MB header line): unusable, not unknown
            return failure(FailureKind.BAD_PAYLOAD, "malformed HTTP answer: " + described, null, start);
        }
        if (kind == FailureKind.CONNECTION_RESET || kind == FailureKind.OTHER) {
            return failure(FailureKind.CONNECTION_RESET, "connection closed by the server before any answer", null, start);
        }
        return null;
    }

    /** A failure while the body was read, or null for the generic one. */
    private ProbeFailure bodyFailure(IOException e, PhaseClock clock, Body body, boolean timedOut, FailureKind kind,
                                     String within, long start) {
        if (timedOut) {
            return failure(FailureKind.READ_TIMEOUT, "headers came after "
                    + Duration.ofNanos(clock.headersAtNanos() - start).toMillis() + " ms but the body did not complete"
                    + within, null, start);
        }
        if (e instanceof ProtocolException || kind == FailureKind.CONNECTION_RESET) {
            String of = body.expected >= 0 ? " after " + body.total + " of " + body.expected + " body bytes"
                    : " after " + body.total + " body bytes";
            return failure(FailureKind.CONNECTION_RESET, "connection closed by the server in the middle of the answer"
                    + of, null, start);
        }
        return null;
    }

    private int port() {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** True for {@code 203.0.113.7} and {@code [2001:db8::1]}: addresses written out, which need no lookup. */
    static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private ProbeFailure failure(FailureKind kind, String detail, Integer status, long start) {
        return new ProbeFailure(service.id(), SOURCE, target(), kind, SafeText.text(detail), status,
                Duration.ofNanos(System.nanoTime() - start), 1);
    }

    /**
     * The first {@value #EXCERPT_BYTES} bytes of the body as text, masked before it is cut: a little more is decoded
     * so that a token the cap falls into is seen whole, and when the body goes on past what was decoded the cut
     * drops the word it falls into, so no head of a secret of any shape is kept.
     */
    private static String excerpt(byte[] head, Body body, String contentType, String token) {
        int n = Math.min(head.length, EXCERPT_BYTES + EXCERPT_LOOKAHEAD);
        CharBuffer out = CharBuffer.allocate(n);
        // endOfInput only when the whole body is here, so a character cut at the cap is dropped, not garbled
        boolean whole = body.complete && n == body.total;
        charset(contentType).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(head, 0, n), out, whole);
        // without a token the patterns alone (Secrets.of would build an equal redaction for each check)
        String text = (token == null ? Secrets.patterns() : Secrets.of(List.of(token))).redact(out.flip().toString());
        // already redacted, so the cut below keeps its length: with more body behind it, the last word always goes
        int max = whole ? EXCERPT_BYTES : Math.min(EXCERPT_BYTES, text.length() - 1);
        if (max < 1) {
            return "";
        }
        // a text that fits is the cut's own answer (redaction is idempotent): not redacted a second time
        return text.length() <= max ? text : Secrets.patterns().cut(text, max);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static JsonNode parse(byte[] head) {
        int i = 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == head.length || head[i] != '{' && head[i] != '[') {
            return null;
        }
        try {
            return Json.MAPPER.readTree(Arrays.copyOfRange(head, i, head.length));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Follows redirects as {@link Redirects} says, at most {@code max}; the token and the configured headers
     * ({@code ownHeaders}: an {@code X-Api-Key} is as much a credential as the token) go to the first origin only (its
     * scheme, host and port). When the policy stops at a redirect it may not follow (another host, no Location), that
     * 3xx is the answer; when it stops because the redirects go on (the limit reached, or a URL already visited), the
     * answer carries a {@link RedirectsGoOn} and the check fails however the status is judged.
     */
    private record RedirectPolicy(Redirects policy, int max, Set<String> ownHeaders) implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            HttpUrl first = request.url();
            String firstHost = first.host();
            // a fragment never reaches the server: /a#1 and /a#2 are one request
            Set<HttpUrl> visited = new HashSet<>(List.of(request.url().newBuilder().fragment(null).build()));
            Response response = chain.proceed(request);
            int followed = 0;
            while (response.isRedirect()) {
                String location = response.header("Location");
                HttpUrl next = location == null ? null : response.request().url().resolve(location);
                if (next == null || policy == Redirects.SAME_HOST && !next.host().equalsIgnoreCase(firstHost)) {
                    return response;
                }
                boolean loop = !visited.add(next.newBuilder().fragment(null).build());
                if (loop || followed == max) {
                    Request tagged = response.request().newBuilder()
                            .tag(RedirectsGoOn.class, new RedirectsGoOn(followed, loop)).build();
                    return response.newBuilder().request(tagged).build();
                }
                Request.Builder b = request.newBuilder().url(next);
                if (!sameOrigin(next, first)) {
                    // another scheme or port is another server (or the token in clear text): as curl and OkHttp do
                    b.removeHeader("Authorization");
                    ownHeaders.forEach(b::removeHeader);
                }
                response.close();
                request = b.build();
                response = chain.proceed(request);
                followed++;
            }
            return response;
        }

        private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
            return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
        }
    }

    /**
     * An answer that was still a redirect when the policy stopped following: {@code followed} redirects were
     * followed, and {@code loop} says the next one led back to a URL already visited.
     */
    private record RedirectsGoOn(int followed, boolean loop) {
        /** The failure's detail, in the words clients print for it (curl, Chrome, requests): never the URLs. */
        String detail(int status) {
            return "too many redirects: " + (loop ? "a redirect loop, " + status + " back to a URL already visited"
                    : "still " + status + " at the limit") + " after " + followed + " followed";
        }
    }

    @Override
    public String toString() {
        return "HttpProbe[" + service.id() + " " + target() + " timeout=" + timeout.toMillis() + "ms]";
    }
}
