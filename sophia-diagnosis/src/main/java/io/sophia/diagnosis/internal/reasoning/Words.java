package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Source;
import io.sophia.core.Secrets;
import io.sophia.core.FailureKind;

import java.util.List;
import java.util.Locale;

/** Small wording helpers shared by the sentences the diagnosis writes. */
final class Words {

    private Words() {
    }

    /** "a", "a and b", "a, b and c", "a, b, c and 2 more" (at most {@code max} names). */
    static String list(List<String> items, int max) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        if (items.size() > max) {
            return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String list(List<String> items) {
        return list(items, 6);
    }

    /** A percent with no more precision than it deserves: 87%, 4.5%, 0.8%. */
    static String percent(double p) {
        double v = p * 100;
        if (v > 0 && v < 0.1) {
            return "under 0.1%";
        }
        if (v >= 10 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f%%", v);
        }
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    /** The failure kind as an engineer says it. */
    static String kind(FailureKind k) {
        if (k == null) {
            return "failure";
        }
        return switch (k) {
            case CONNECTION_REFUSED -> "connection refused";
            case CONNECT_TIMEOUT -> "connect timeout";
            case READ_TIMEOUT -> "read timeout";
            case CONNECTION_RESET -> "connection reset";
            case DNS_FAILURE -> "DNS name does not resolve";
            case DNS_TIMEOUT -> "DNS timeout";
            case TLS_FAILURE -> "TLS handshake failed";
            case DEADLINE_EXCEEDED -> "no answer before the deadline";
            case UNEXPECTED_STATUS -> "unexpected HTTP status";
            case BAD_PAYLOAD -> "unusable answer";
            case UNAUTHORIZED -> "401 unauthorized";
            case FORBIDDEN -> "403 forbidden";
            case PAYMENT_REQUIRED -> "402 payment required";
            case NOT_FOUND -> "404 not found";
            case GONE -> "410 gone";
            case UNPROCESSABLE -> "422 unprocessable";
            case RATE_LIMITED -> "rate limited";
            case SERVER_ERROR -> "server error (5xx)";
            case NOT_MCP -> "not an MCP server";
            case JSONRPC_ERROR -> "JSON-RPC error";
            case VERSION_NOT_SUPPORTED -> "no common protocol version";
            case SESSION_LOST -> "MCP session lost";
            case MISCONFIGURED -> "probe misconfigured";
            case CIRCUIT_OPEN -> "not attempted (circuit open)";
            case BULKHEAD_FULL -> "not attempted (too many probes at once)";
            case NOT_PROBED -> "not probed";
            case OTHER -> "failure";
        };
    }

    /** The source as a reader knows it. */
    static String source(Source source) {
        if (source == null) {
            return "a probe";
        }
        return switch (source) {
            case GITHUB -> "GitHub Actions";
            case FLY -> "the Fly.io Machines API";
            case HTTP -> "HTTP";
            case MCP -> "MCP";
            case TCP -> "TCP";
            case DNS -> "DNS";
            case TLS -> "TLS";
            case LOG -> "the log";
            case HOST -> "the host's probe";
        };
    }

    /** The spelling of a source in rule attributes and texts ({@code github}), or null. */
    static String wire(Source source) {
        return source == null ? null : source.wire();
    }

    /** A cause id as rule attributes carry it, or null. */
    static String wire(io.sophia.core.CauseId id) {
        return id == null ? null : id.value();
    }

    /**
     * Cuts untrusted text to one line of at most {@code max} characters, its lines masked as one text first: a token its
     * producer wrapped onto the next line (a fixed-width program's output, a service's error answer) would be two words
     * once the lines are joined, neither shaped like a token alone.
     */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        String masked = s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s
                : String.join("\n", Secrets.patterns().redactLines(List.of(s.split("\r?\n|\r", -1))));
        String one = masked.replaceAll("[\\r\\n\\t]+", " ").strip();
        return Secrets.patterns().cut(one, max);
    }

    /** Ends a sentence: adds a full stop unless it already ends with one. */
    static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    /** A CI conclusion as a verb phrase: "failed", "was cancelled", "timed out". */
    static String concluded(String conclusion) {
        if (conclusion == null) {
            return "has not concluded";
        }
        return switch (conclusion) {
            case "failure" -> "failed";
            case "cancelled" -> "was cancelled";
            case "timed_out" -> "timed out";
            case "success" -> "succeeded";
            case "startup_failure" -> "failed to start";
            default -> "concluded " + conclusion.replace('_', ' ');
        };
    }

    static String plural(long n, String one, String many) {
        return n == 1 ? n + " " + one : n + " " + many;
    }
}
