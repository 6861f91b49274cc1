package io.sophia.probes.internal;

import io.sophia.core.Secrets;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text that may leave a probe: urls without credentials or query strings, exception messages with
 * anything token-shaped masked ({@link Secrets}, Sophia's one set of shapes). Every target and detail of an observation goes through here.
 */
public final class SafeText {

    /** Longest detail an observation carries; longer texts are cut with an ellipsis. */
    public static final int MAX_DETAIL = 300;

    private static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    private static final Pattern QUERY = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^\\s?#]*)\\?[^\\s]*");

    private SafeText() {
    }

    /** {@code scheme://host[:port]/path} of {@code uri}: no user info, no query, no fragment. */
    public static String url(URI uri) {
        if (uri == null) {
            return "";
        }
        if (uri.getHost() == null) {
            return text(uri.toString());
        }
        StringBuilder b = new StringBuilder();
        b.append(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT) + "://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            b.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        b.append(path == null ? "" : path);
        return b.toString();
    }

    /** {@code text} with user info, query strings of urls and token-shaped words masked, capped at {@link #MAX_DETAIL}. */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        String t = USERINFO.matcher(text).replaceAll("$1");
        t = QUERY.matcher(t).replaceAll("$1");
        // the one set of credential shapes, applied while the lines are still lines (a token wrapped onto the next
        // line is masked there) and before the text is cut (a cut never ends inside a word)
        t = Secrets.patterns().redact(t).replace('\r', ' ').replace('\n', ' ').strip();
        return Secrets.patterns().cut(t, MAX_DETAIL);
    }

    /** {@code text} with every occurrence of {@code secret} masked (for a known token value), then {@link #text(String)}. */
    public static String without(String text, String secret) {
        String t = text == null ? "" : text;
        if (secret != null && !secret.isEmpty()) {
            t = Secrets.of(List.of(secret)).redact(t);
        }
        return text(t);
    }

    /** {@code SimpleName: message} of a throwable, safe to print. */
    public static String describe(Throwable t) {
        if (t == null) {
            return "";
        }
        String message = t.getMessage();
        String name = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
        return text(message == null || message.isBlank() ? name : name + ": " + message);
    }
}
