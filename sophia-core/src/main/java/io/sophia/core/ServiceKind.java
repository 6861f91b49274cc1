package io.sophia.core;

/** How a service is probed: plain HTTP(S), the Model Context Protocol over HTTP, or a TCP port. */
public enum ServiceKind {
    HTTP, MCP, TCP;

    /** Parses the config spelling ({@code http}, {@code mcp}, {@code tcp}), case-insensitive. */
    public static ServiceKind parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
