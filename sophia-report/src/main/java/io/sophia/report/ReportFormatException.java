package io.sophia.report;

/**
 * The text given to {@link JsonReport#read(String)} is not a report.json this library can read.
 * The message names the JSON path of the first problem ({@code $.services[2].status: 'SIDEWAYS'
 * is not one of [DOWN, DEGRADED, UP, UNKNOWN]}) and never quotes a token-looking string.
 *
 * <p>Stability: public API.
 */
public final class ReportFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A format error described by {@code message} (masked with {@link Redaction#patterns()}).
     *
     * @param message what is wrong, with the JSON path
     */
    public ReportFormatException(String message) {
        super(Redaction.patterns().apply(message));
    }
}
