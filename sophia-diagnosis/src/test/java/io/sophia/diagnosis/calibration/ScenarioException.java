package io.sophia.diagnosis.calibration;

import java.nio.file.Path;

/** A scenario file that cannot be turned into observations; the message names the file and the key. */
public final class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String key;

    public ScenarioException(Path file, String key, String problem, Throwable cause) {
        super(file.getFileName() + (key == null || key.isEmpty() ? "" : ": key '" + key + "'") + ": " + problem, cause);
        this.file = file;
        this.key = key;
    }

    public ScenarioException(Path file, String key, String problem) {
        this(file, key, problem, null);
    }

    /** The scenario file. */
    public Path file() {
        return file;
    }

    /** The key path ({@code services[2].http.failure}), or empty for the file as a whole. */
    public String key() {
        return key;
    }
}
