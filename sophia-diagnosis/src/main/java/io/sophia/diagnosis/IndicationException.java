package io.sophia.diagnosis;

import io.sophia.core.Secrets;

/**
 * An indication (or a file of them) that cannot be used: a missing key, an invalid regular expression,
 * a duplicate id. The message names the source and the indication id; it never quotes secrets because
 * indication files hold none.
 */
public final class IndicationException extends IllegalArgumentException {

    private final String indicationId;

    /** A problem with {@code indicationId} (null: the whole file) of {@code source}. */
    public IndicationException(String source, String indicationId, String message, Throwable cause) {
        // redacted like every other message Sophia prints
        super(Secrets.patterns().redact(source + (indicationId == null ? "" : ": indication " + indicationId) + ": "
                + message), cause);
        this.indicationId = indicationId;
    }

    /** The id of the offending indication, or null when the file as a whole is bad. */
    public String indicationId() {
        return indicationId;
    }
}
