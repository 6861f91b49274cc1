package io.sophia.probes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads files of the shared corpus (system property {@code sophia.corpus}, else {@code ../shared/corpus}). */
final class FlyCorpus {

    private FlyCorpus() {
    }

    static Path root() {
        String configured = System.getProperty("sophia.corpus");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path p : new Path[] {Path.of("../shared/corpus"), Path.of("../../shared/corpus")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("corpus not found: set -Dsophia.corpus");
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
