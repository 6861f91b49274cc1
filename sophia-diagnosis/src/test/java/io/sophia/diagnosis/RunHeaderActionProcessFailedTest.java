package io.sophia.diagnosis;

import io.sophia.core.Observation.LogFinding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's echo of an action's inputs ends where the action's output begins, even after a multi-line last input,
 * when the run header holds the action runtime's own "The process '...' failed with exit code N" (p204-07, p204-10:
 * goreleaser-action's output printed before the group was closed, after its args: input). Without that line the rest of
 * a multi-line last input stays the echo (ReviewTwentyFifthTest, h72-06's shape).
 */
class RunHeaderActionProcessFailedTest {

    private static final String HEADER = """
            ##[group]Run goreleaser/goreleaser-action@v2
            with:
              distribution: goreleaser
              version: latest
              args: release --rm-dist
            Downloading https://github.com/goreleaser/goreleaser/releases/download/v1.9.2/goreleaser_Linux_x86_64.tar.gz
            GoReleaser latest installed successfully
               • loading environment variables
               ⨯ release failed after 0.00s error=missing GITHUB_TOKEN, GITLAB_TOKEN and GITEA_TOKEN
            """;

    private static List<LogFinding> read(String log) throws IOException {
        return LogScanner.builtIn().analyze(null, new StringReader(log));
    }

    /**
     * The action's failure inside the header is read, as its output (thegreenwebfoundation/grid-intensity-go#18); without
     * the runtime's line the same lines are the rest of the args: input and no findings, and so they are when a script
     * only prints the words after its echo.
     */
    @Test
    void anActionsOutputBeforeItsGroupClosedIsReadOnlyWhenItsProcessFailedThere() throws IOException {
        List<LogFinding> found = read(HEADER
                + "Error: The process '/opt/hostedtoolcache/goreleaser-action/1.9.2/x64/goreleaser' failed with exit code 1\n"
                + "##[endgroup]\n");
        assertTrue(found.stream().anyMatch(f -> f.lineNumber() == 9
                && f.causeId().value().equals("config.missing-secret")), found.toString());

        List<LogFinding> echo = read(HEADER + "##[endgroup]\n");
        assertTrue(echo.stream().noneMatch(f -> f.lineNumber() >= 2 && f.lineNumber() <= 9), echo.toString());
        List<LogFinding> printed = read(HEADER
                + "echo \"Error: The process '/usr/bin/goreleaser' failed with exit code 1\"\n##[endgroup]\n");
        assertTrue(printed.stream().noneMatch(f -> f.lineNumber() >= 2 && f.lineNumber() <= 10), printed.toString());
    }
}
