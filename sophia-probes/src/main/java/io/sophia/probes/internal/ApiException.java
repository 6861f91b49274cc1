package io.sophia.probes.internal;

import io.sophia.core.FailureKind;

/**
 * A request to a platform API that gave no usable answer, already classified. Its message is safe
 * to print (no token, no signed url); it carries no stack trace because it is an expected outcome.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final Integer httpStatus;
    private final String target;

    public ApiException(FailureKind kind, String target, String detail, Integer httpStatus) {
        super(SafeText.text(detail), null, false, false);
        this.kind = kind;
        this.target = target;
        this.httpStatus = httpStatus;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status, when one came back. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** What was requested, without query or credentials. */
    public String target() {
        return target;
    }
}
