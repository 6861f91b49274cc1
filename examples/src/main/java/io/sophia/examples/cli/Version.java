package io.sophia.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of the command line: read from {@code version.properties}, which the build writes from the
 * POM's version (so it is right in tests and in {@code sophia.jar} alike), falling back to the jar
 * manifest's {@code Implementation-Version}.
 */
public final class Version {

    private Version() {
    }

    /** {@return the version, such as {@code 0.1.0}; {@code unknown} when neither source says} */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                // an unfiltered copy (an IDE build) still holds the placeholder
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = Version.class.getPackage().getImplementationVersion();
        return manifest == null ? "unknown" : manifest;
    }

    /** {@return the line {@code sophia --version} prints: version, Java runtime and OS} */
    public static String line() {
        return "sophia " + current() + " (Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }
}
