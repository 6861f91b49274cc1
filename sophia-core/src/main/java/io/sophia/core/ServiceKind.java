package io.sophia.core;

/** How a service is probed: plain HTTP(S), the Model Context Protocol over HTTP, or a TCP port. */
public enum ServiceKind {
    /** An HTTP(S) endpoint. */
    HTTP,
    /** An MCP server (Streamable HTTP). */
    MCP,
    /** A TCP port. */
    TCP;

    /**
     * Parses the config spelling ({@code http}, {@code mcp}, {@code tcp}), case-insensitive.
     *
     * @param text the spelling
     * @return the kind
     */
    public static ServiceKind parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
