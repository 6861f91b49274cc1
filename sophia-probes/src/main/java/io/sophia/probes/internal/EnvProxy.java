package io.sophia.probes.internal;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * The proxy of a url from the conventional environment variables, as curl reads them:
 * {@code HTTPS_PROXY} for https urls, {@code HTTP_PROXY} for http urls (upper or lower case;
 * lower case {@code http_proxy} wins, as in curl), and {@code NO_PROXY}: a comma-separated list of host
 * names ({@code example.com} also matches its subdomains, a leading dot is allowed), IP addresses,
 * or {@code *} for all. Loopback hosts ({@code localhost}, {@code 127.x.x.x}, {@code ::1}) are always reached
 * directly, as Go's {@code ProxyFromEnvironment} does: a proxy cannot reach the prober's own loopback.
 *
 * <p>The proxy's credentials ({@code http://user:password@proxy:3128}) are kept apart and never part of
 * {@link #toString()} or any message: {@link #describe()} names the proxy's host and port only.
 *
 * @param proxy    the proxy, {@link Proxy#NO_PROXY} for a direct connection
 * @param user     the proxy user, or null
 * @param password the proxy password, or null
 * @param host     the proxy's host, or null when direct
 * @param port     the proxy's port, or 0 when direct
 */
public record EnvProxy(Proxy proxy, String user, String password, String host, int port) {

    /** A direct connection. */
    public static final EnvProxy DIRECT = new EnvProxy(Proxy.NO_PROXY, null, null, null, 0);

    /**
     * The proxy for {@code target} per {@code env}.
     *
     * @param target the url to be requested
     * @param env    reads environment variables
     * @return the proxy, or {@link #DIRECT}
     * @throws IllegalArgumentException when the proxy variable does not hold a usable {@code http://host:port} url;
     *                                  the message names the variable, never its value
     */
    public static EnvProxy forUrl(URI target, Function<String, String> env) {
        if (env == null || target == null || target.getHost() == null || loopback(target.getHost())) {
            return DIRECT;
        }
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        String name = https ? "https_proxy" : "http_proxy";
        String variable = name;
        String value = read(env, name);
        if (value == null) {
            variable = name.toUpperCase(Locale.ROOT);
            value = read(env, variable);
        }
        if (value == null) {
            return DIRECT;
        }
        String noProxy = read(env, "no_proxy");
        if (noProxy == null) {
            noProxy = read(env, "NO_PROXY");
        }
        if (noProxy != null && excluded(target.getHost(), noProxy)) {
            return DIRECT;
        }
        return parse(variable, value);
    }

    /** {@return "proxy host:port", never the credentials} */
    public String describe() {
        return proxy == Proxy.NO_PROXY ? "direct" : "proxy " + host + ":" + port;
    }

    /** {@return true when the connection goes through a proxy} */
    public boolean viaProxy() {
        return proxy != Proxy.NO_PROXY;
    }

    @Override
    public String toString() {
        return "EnvProxy[" + describe() + (user != null ? ", with credentials" : "") + "]";
    }

    private static String read(Function<String, String> env, String name) {
        try {
            String v = env.apply(name);
            return v == null || v.isBlank() ? null : v.strip();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]")
                || h.equals("::1");
    }

    static boolean excluded(String host, String noProxy) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon) {
                entry = entry.substring(0, colon); // host:port, the port is not compared (as curl)
            }
            if (entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            if (entry.startsWith("*.")) {
                entry = entry.substring(2);
            }
            if (h.equals(entry) || h.endsWith("." + entry)) {
                return true;
            }
        }
        return false;
    }

    private static EnvProxy parse(String variable, String value) {
        String v = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(v);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("environment variable " + variable + " is not a proxy url (http://host:port)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("environment variable " + variable
                    + " must be an http://host:port proxy url" + (scheme.isEmpty() || scheme.equals("http") ? ""
                    : " (" + SafeText.text(scheme) + " proxies are not supported)"));
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
            password = colon < 0 ? "" : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
        }
        return new EnvProxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port)),
                user, password, uri.getHost(), port);
    }
}
