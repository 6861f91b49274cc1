package io.sophia.core;

import java.util.Locale;

/**
 * What produced an observation: a probe family, a log handed in directly, or a host's own probe.
 * A closed set so that rules, gate criteria and renderers can rely on it; report.json spells
 * each value in lower case ({@link #wire()}).
 */
public enum Source {
    /** An HTTP(S) request to a service. */
    HTTP,
    /** An MCP handshake or discovery. */
    MCP,
    /** A TCP connect. */
    TCP,
    /** A DNS resolution. */
    DNS,
    /** A TLS handshake and the certificate it presented. */
    TLS,
    /** The GitHub Actions API: runs, jobs, steps, annotations and job logs. */
    GITHUB,
    /** The Fly.io Machines API. */
    FLY,
    /** A build or deploy log given directly (a file or standard input), not read from a CI API. */
    LOG,
    /** A probe the host wrote itself. */
    HOST;

    /**
     * The lower-case spelling of report.json and rule files ({@code http}, {@code github} …).
     *
     * @return the source's name in lower case
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The source spelled {@code wire} (any case).
     *
     * @param wire a source's name, as report.json and rule files spell it
     * @return the source
     * @throws IllegalArgumentException when {@code wire} names no source
     */
    public static Source of(String wire) {
        for (Source s : values()) {
            if (s.name().equalsIgnoreCase(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + wire + "' is not a source; sources are http, mcp, tcp, dns, tls, "
                + "github, fly, log and host");
    }
}
