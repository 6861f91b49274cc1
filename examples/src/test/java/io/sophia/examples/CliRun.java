package io.sophia.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

/**
 * One run of the CLI in this JVM ({@link Main#run}): its exit code and what it printed on stdout and stderr, as the
 * CLI tests read it.
 *
 * @param exit the exit code
 * @param out  what went to stdout
 * @param err  what went to stderr
 */
public record CliRun(int exit, String out, String err) {

    /**
     * Runs {@code args} on {@code clock}, the environment read through {@code env}.
     *
     * @param clock the assessment clock
     * @param env   the environment variables
     * @param args  the command line
     * @return the exit code and both streams
     */
    public static CliRun of(Clock clock, Function<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, env);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
