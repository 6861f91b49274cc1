package io.sophia.diagnosis;

/**
 * An indication (or a file of them) that cannot be used: a missing key, an invalid regular expression,
 * a duplicate id. The message names the source and the indication id; it never quotes secrets because
 * indication files hold none.
 */
public final class IndicationException extends IllegalArgumentException {

    /** The offending indication, or null. */
    private final String indicationId;

    /**
     * A problem with {@code indicationId} (null: the whole file) of {@code source}.
     *
     * @param source the file or resource read
     * @param indicationId the offending indication, or null
     * @param message what is wrong
     * @param cause the underlying error, or null
     */
    public IndicationException(String source, String indicationId, String message, Throwable cause) {
        super(source + (indicationId == null ? "" : ": indication " + indicationId) + ": " + message, cause);
        this.indicationId = indicationId;
    }

    /** {@return the id of the offending indication, or null when the file as a whole is bad} */
    public String indicationId() {
        return indicationId;
    }
}
