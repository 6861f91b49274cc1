package io.sophia.examples.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A deployment description that cannot be used. The message lists every problem found, one per
 * line, each naming the file, the line and the key ({@code bad.yaml line 5: services[0].critical:
 * expected true or false, got 'maybe'}). Values that look like secrets are never echoed.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem of a configuration file.
     *
     * @param file    the file as the user named it
     * @param line    1-based line, 0 when the problem concerns the whole file
     * @param key     dotted path of the key ({@code services[0].critical}), or empty for the whole file
     * @param message what is wrong, in words
     */
    public record Problem(String file, int line, String key, String message) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(file);
            if (line > 0) {
                sb.append(" line ").append(line);
            }
            sb.append(": ");
            if (key != null && !key.isEmpty()) {
                sb.append(key).append(": ");
            }
            return sb.append(message).toString();
        }
    }

    private final transient List<Problem> problems;

    /**
     * An error listing {@code problems}.
     *
     * @param problems every problem found, in file order; at least one
     */
    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * {@return a single problem}
     *
     * @param file the config file, as the user named it
     * @param line 1-based line, 0 when unknown
     * @param key the key path ({@code services[0].critical})
     * @param message what is wrong with the value
     */
    public static ConfigException of(String file, int line, String key, String message) {
        return new ConfigException(List.of(new Problem(file, line, key, message)));
    }

    /** {@return every problem found, in file order} */
    public List<Problem> problems() {
        return problems;
    }
}
