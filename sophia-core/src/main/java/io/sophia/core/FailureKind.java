package io.sophia.core;

/**
 * Why a probe could not get a usable answer. Each kind is precise enough to be evidence on its
 * own: a refused connection and a read timeout point at different root causes.
 */
public enum FailureKind {
    /** TCP connect answered with RST: nothing listens on the port. */
    CONNECTION_REFUSED,
    /** The TCP connect did not complete in time. */
    CONNECT_TIMEOUT,
    /** Connected, but the answer did not come in time. */
    READ_TIMEOUT,
    /** The peer reset or closed the connection mid-exchange. */
    CONNECTION_RESET,
    /** The host name does not resolve (NXDOMAIN or no address). */
    DNS_FAILURE,
    /** The resolver did not answer in time. */
    DNS_TIMEOUT,
    /** The TLS handshake failed (certificate, protocol, host name). */
    TLS_FAILURE,
    /** The probe as a whole ran past its deadline and was abandoned. */
    DEADLINE_EXCEEDED,
    /** An HTTP answer with a status the expectations reject (see the observation's httpStatus). */
    UNEXPECTED_STATUS,
    /** The answer could not be parsed (garbage JSON, wrong shape, truncated). */
    BAD_PAYLOAD,
    /** 401 from an API: the token is missing, invalid or expired. */
    UNAUTHORIZED,
    /** 403 from an API (not a rate limit). */
    FORBIDDEN,
    /** 402 from an API: billing stops the request. */
    PAYMENT_REQUIRED,
    /** 404 from an API: the run, job, app or log does not exist. */
    NOT_FOUND,
    /** 410 from an API: the resource existed and is gone (expired logs). */
    GONE,
    /** 422 from an API: the request was understood and refused. */
    UNPROCESSABLE,
    /** 429, or 403 with an exhausted rate limit or a secondary limit. */
    RATE_LIMITED,
    /** 5xx from an API. */
    SERVER_ERROR,
    /** The endpoint answered, but not as an MCP server. */
    NOT_MCP,
    /** An MCP / JSON-RPC error object came back. */
    JSONRPC_ERROR,
    /** No protocol version both sides support. */
    VERSION_NOT_SUPPORTED,
    /** The MCP session was dropped by the server (404 on a session request). */
    SESSION_LOST,
    /** The probe's configuration is unusable (a token env var that is not set, a bad url). */
    MISCONFIGURED,
    /** The circuit breaker for this target is open; the probe was not attempted. */
    CIRCUIT_OPEN,
    /** Too many probes at once; the bulkhead refused this one. */
    BULKHEAD_FULL,
    /**
     * The check's time budget ran out before this probe could start (it waited for capacity): it
     * says nothing about the target, whose status stays unknown.
     */
    NOT_PROBED,
    /** Any other failure, described in the detail. */
    OTHER;

    /** {@return true for failures a retry may cure (timeouts, resets, 5xx, rate limits)} */
    public boolean transientFailure() {
        return switch (this) {
            case CONNECT_TIMEOUT, READ_TIMEOUT, CONNECTION_RESET, DNS_TIMEOUT, SERVER_ERROR, RATE_LIMITED,
                    BULKHEAD_FULL -> true;
            default -> false;
        };
    }
}
