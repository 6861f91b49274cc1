package io.sophia.diagnosis;

import java.util.Objects;

/**
 * A knowledge-base rule file that cannot be used: unreadable, not YAML/JSON, an unknown key, a
 * wrong type, an invalid or unsafe regular expression, a template naming an unknown placeholder.
 *
 * <p>The message always names the file, the line (1-based, 0 when unknown) and the key path
 * ({@code causes[3].rules[1].pattern.step}), so the user can go straight to the mistake. It never
 * contains more of the file than the offending key and a short excerpt of the offending value.
 *
 * <p>Stability: stable.
 */
public final class RuleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file. */
    private final String file;
    /** 1-based line, 0 when unknown. */
    private final int line;
    /** The key path. */
    private final String key;
    /** What is wrong. */
    private final String problem;

    /**
     * @param file    the file name as given by the user (or {@code built-in knowledge-base.yaml})
     * @param line    1-based line, 0 when unknown
     * @param key     the key path, or empty when the file as a whole is concerned
     * @param problem what is wrong, in one sentence
     * @param cause   the underlying parser error, or null
     */
    public RuleFileException(String file, int line, String key, String problem, Throwable cause) {
        super(format(file, line, key, problem), cause);
        this.file = Objects.requireNonNullElse(file, "?");
        this.line = Math.max(0, line);
        this.key = Objects.requireNonNullElse(key, "");
        this.problem = Objects.requireNonNullElse(problem, "");
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder("rule file ").append(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (key != null && !key.isEmpty()) {
            sb.append(", key '").append(key).append('\'');
        }
        return sb.append(": ").append(problem).toString();
    }

    /** {@return the file the problem is in} */
    public String file() {
        return file;
    }

    /** {@return 1-based line of the problem, 0 when unknown} */
    public int line() {
        return line;
    }

    /** {@return the key path of the problem ({@code causes[0].rules[2].lr}), empty when the whole file is concerned} */
    public String key() {
        return key;
    }

    /** {@return what is wrong, without the location} */
    public String problem() {
        return problem;
    }
}
