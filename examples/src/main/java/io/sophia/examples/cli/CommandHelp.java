package io.sophia.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --help} text of each command ({@code sophia check --help}), kept as text files beside this class
 * ({@code help/<command>.txt}, {@code {history}} standing for the options check and watch share), each followed by
 * the exit codes.
 */
public final class CommandHelp {

    private static final Set<String> COMMANDS = Set.of("demo", "check", "watch", "explain");

    private CommandHelp() {
    }

    /**
     * {@return the help of {@code command}, empty for an unknown command}
     *
     * @param command a command name ({@code check})
     */
    public static Optional<String> of(String command) {
        if (!COMMANDS.contains(command)) {
            return Optional.empty();
        }
        return Optional.of(text(command).replace("{history}", text("history")) + text("exit-codes"));
    }

    private static String text(String name) {
        try (InputStream in = CommandHelp.class.getResourceAsStream("help/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("the help text " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
