package io.sophia.examples;

import io.sophia.examples.internal.Commands;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code sophia} command line, packaged as {@code examples/target/sophia.jar}:
 *
 * <pre>
 * java -jar sophia.jar demo  --out DIR [--timeout 2s]
 * java -jar sophia.jar check --config FILE --out DIR
 * java -jar sophia.jar watch --config FILE --out DIR [--interval 30s] [--count N]
 * </pre>
 *
 * <p>Exit codes: 0 gate OPEN, 1 gate WARN, 2 gate BLOCKED, 64 usage or configuration error (the
 * message on stderr names the file, line and key), 70 internal error (one redacted line on stderr, also
 * for an OutOfMemoryError), 73 the output directory cannot be written (the previous reports there stay
 * intact; also when another writer still wrote into it after {@code --lock-wait}: try again).
 * {@code sophia --version} and {@code sophia COMMAND --help} exit 0. {@code demo} is {@code check} on a
 * configuration it writes for its own loopback stand-ins, so both take one code path.
 *
 * <p>Only {@link #main(String[])} calls {@link System#exit(int)}; hosts and tests call
 * {@link #run(String...)}.
 */
public final class Main {

    /** Exit code of a usage or configuration error (BSD {@code EX_USAGE}). */
    public static final int EXIT_USAGE = 64;
    /** Exit code of an internal error (BSD {@code EX_SOFTWARE}). */
    public static final int EXIT_SOFTWARE = 70;
    /** Exit code when the output directory cannot be written (BSD {@code EX_CANTCREAT}). */
    public static final int EXIT_CANTCREAT = 73;

    private Main() {
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        int code;
        try {
            // parse the knowledge base, load the trust store and the renderers while the arguments are read
            io.sophia.report.Sophia.warmUp();
            code = run(args);
        } catch (Throwable t) {
            // run() catches everything it can; this is for what escapes it (an error while reporting an error)
            System.err.println("sophia: internal error: " + t.getClass().getSimpleName());
            code = EXIT_SOFTWARE;
        }
        System.exit(code);
    }

    /**
     * Runs a command with the system clock, environment and standard streams; returns the exit code.
     *
     * @param args the command and its options
     * @return the exit code
     */
    public static int run(String... args) {
        // millisecond ticks keep generatedAt readable in the reports
        return run(args, System.out, System.err, Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1)),
                System::getenv);
    }

    /**
     * Runs a command; never throws and never exits the JVM.
     *
     *
     * @param out   the summary and status lines
     * @param err   usage and configuration errors
     * @param clock stamps the assessments (a fixed clock gives byte-identical report.json for the same observations)
     * @param env   reads the token variables the configuration names
     * @param args the command and its options
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Clock clock, Function<String, String> env) {
        Objects.requireNonNull(args, "args");
        return new Commands(out, err, clock, env).run(args);
    }
}
