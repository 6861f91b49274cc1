package io.sophia.diagnosis;

import io.sophia.core.Secrets;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * YAML or JSON input that cannot be used: a deployment config, a knowledge-base rule file, an
 * indication file. It is the one error type of every reader of Sophia's input.
 *
 * <p>The message lists every problem found, one per line, each naming the file, the line and the key:
 * {@code bad.yaml line 5: services[0].critical: expected true or false, got 'maybe'}. It never contains
 * more of the file than the offending key and a short excerpt of the offending value, and never a value
 * that looks like a secret.
 *
 * <p>Stability: stable.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem of an input file.
     *
     * @param file    the file as the user named it (or {@code built-in knowledge-base.yaml})
     * @param line    1-based line, 0 when the problem concerns the whole file or the line is unknown
     * @param key     path of the key ({@code services[0].critical}), empty for the whole file
     * @param message what is wrong, in words
     */
    public record Problem(String file, int line, String key, String message) {
        /**
         * Canonical constructor: checks and normalises the components.
         *
         * @param file    the file as the user named it (or {@code built-in knowledge-base.yaml})
         * @param line    1-based line, 0 when the problem concerns the whole file or the line is unknown
         * @param key     path of the key ({@code services[0].critical}), empty for the whole file
         * @param message what is wrong, in words
         */
        public Problem {
            file = Objects.requireNonNullElse(file, "?");
            line = Math.max(0, line);
            // the last line of defence: whatever a check put into a message, a secret is not printed
            key = Secrets.patterns().redact(Objects.requireNonNullElse(key, ""));
            message = Secrets.patterns().redact(Objects.requireNonNullElse(message, ""));
        }

        /** {@code file line N: key: message}; the line and key parts are left out when unknown. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (line > 0) {
                sb.append(" line ").append(line);
            }
            sb.append(": ");
            if (!key.isEmpty()) {
                sb.append(key).append(": ");
            }
            return Secrets.patterns().redact(sb.append(message).toString());
        }
    }

    private final transient List<Problem> problems;

    /**
     * Every problem of {@code problems} (at least one), in the given order.
     *
     * @param problems the problems
     */
    public InputException(List<Problem> problems) {
        this(problems, null);
    }

    private InputException(List<Problem> problems, Throwable cause) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * {@return a single problem}
     *
     * @param file the file
     * @param line the line
     * @param key path of the key ({@code services[0].critical}), empty for the whole file
     * @param message what is wrong
     */
    public static InputException of(String file, int line, String key, String message) {
        return new InputException(List.of(new Problem(file, line, key, message)), null);
    }

    /**
     * {@return a single problem found by a lower-level reader ({@code cause} is kept for debugging, not shown)}
     *
     * @param file the file
     * @param line the line
     * @param key path of the key ({@code services[0].critical}), empty for the whole file
     * @param message what is wrong
     * @param cause the cause
     */
    public static InputException of(String file, int line, String key, String message, Throwable cause) {
        return new InputException(List.of(new Problem(file, line, key, message)), cause);
    }

    /** {@return every problem found, at least one} */
    public List<Problem> problems() {
        return problems;
    }

    /** {@return the file of the first problem} */
    public String file() {
        return problems.get(0).file();
    }

    /** {@return 1-based line of the first problem, 0 when unknown} */
    public int line() {
        return problems.get(0).line();
    }

    /** {@return key path of the first problem, empty when the whole file is concerned} */
    public String key() {
        return problems.get(0).key();
    }

    /** {@return what is wrong (first problem), without the location} */
    public String problem() {
        return problems.get(0).message();
    }
}
