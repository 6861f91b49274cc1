package io.sophia.probes.internal;

import io.sophia.core.Source;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The host and port a service url designates: {@code tcp://host:port}, or an http(s) url's host
 * with its explicit port or the scheme's default.
 */
public record TcpTarget(String host, int port) {

    /**
     * Reads the target of {@code url}.
     *
     * @throws IllegalArgumentException naming what is missing, when the url has no host or no usable port
     */
    public static TcpTarget of(URI url) {
        String host = hostOf(url);
        int port = url.getPort();
        if (port < 0) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            port = switch (scheme) {
                case "http", "ws" -> 80;
                case "https", "wss", "tls" -> 443;
                default -> throw new IllegalArgumentException("url '" + safe(url) + "' has no port");
            };
        }
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("url '" + safe(url) + "' has an invalid port " + port);
        }
        return new TcpTarget(host, port);
    }

    /** {@code url}'s target as {@code host:port}, or its {@link #safe} form when it has none: a probe's target. */
    public static String describe(URI url) {
        try {
            return of(url).toString();
        } catch (IllegalArgumentException e) {
            return safe(url);
        }
    }

    /** The {@code MISCONFIGURED} failure of a probe whose service url gives no target ({@code why} from {@link #of}). */
    public static Observation.ProbeFailure unusable(Service service, Source source, IllegalArgumentException why) {
        return new Observation.ProbeFailure(service.id(), source, safe(service.url()), FailureKind.MISCONFIGURED,
                why.getMessage(), null, Duration.ZERO, 1);
    }

    /** The host of {@code url}, without the brackets of an IPv6 literal. */
    public static String hostOf(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("service has no url");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("url '" + safe(url) + "' has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host;
    }

    /** The url without user info, query or fragment, safe to print. */
    public static String safe(URI url) {
        if (url == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (url.getScheme() != null) {
            b.append(url.getScheme()).append("://");
        }
        if (url.getHost() != null) {
            b.append(url.getHost());
            if (url.getPort() >= 0) {
                b.append(':').append(url.getPort());
            }
            if (url.getRawPath() != null) {
                b.append(url.getRawPath());
            }
        } else {
            b.append("(no host)");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
