package io.sophia.examples.cli;

import java.util.Map;
import java.util.Optional;

/** The {@code --help} text of each command ({@code sophia check --help}). */
public final class CommandHelp {

    private static final String EXIT_CODES = """

            Exit codes: 0 gate OPEN, 1 WARN, 2 BLOCKED, 64 usage or configuration error,
            70 internal error, 73 output directory not writable (also while another sophia was
            still writing reports into it after --lock-wait: try again).
            Inside GitHub Actions (GITHUB_ACTIONS=true) the Markdown report is appended to
            $GITHUB_STEP_SUMMARY and the gate and top cause are printed as ::error/::warning annotations.
            """;

    private static final String HISTORY = """
              --history FILE         compare each service's latency with its own past runs, kept in FILE
                                     (created when missing), and record this run: far above: DEGRADED, WARN
              --history-keep 50      how many runs FILE keeps, this one included (3 to 10000)
            """;

    private static final Map<String, String> HELP = Map.of(
            "demo", """
                    Usage: sophia demo --out DIR [--timeout 2s] [--lock-wait 10s]

                    Reproduces the reference scenario on loopback stand-ins (six services, a GitHub
                    Actions API, a Fly Machines API; no network), assesses it like check and writes
                    DIR/report.md, report.json, report.html, junit.xml and the demo-config.yaml it ran on.

                      --out DIR        output directory (created when missing)
                      --timeout 2s     probe timeout
                      --lock-wait 10s  how long to wait while another sophia writes into DIR (0s: not at all)
                    """ + EXIT_CODES,
            "check", """
                    Usage: sophia check --config FILE --out DIR [--lock-wait 10s] [--history FILE [--history-keep 50]]

                    Probes the deployment FILE describes (YAML or JSON; see examples/README.md for every
                    key), diagnoses it, prints a one-screen summary and writes DIR/report.md,
                    report.json, report.html and junit.xml. Tokens are read from the environment
                    variables the config names and never printed.

                      --config FILE          the deployment config
                      --out DIR              output directory (created when missing)
                      --lock-wait 10s        how long to wait while another sophia writes into DIR (0s: not at all)
                    """ + HISTORY + EXIT_CODES,
            "watch", """
                    Usage: sophia watch --config FILE --out DIR [--interval 30s] [--count N]
                                        [--metrics-port PORT] [--lock-wait 10s] [--history FILE [--history-keep 50]]

                    Runs check every interval, rewrites the reports and prints what changed (service
                    status, gate). Alerts go to the config's alerts.webhooks on each transition.

                      --config FILE          the deployment config
                      --out DIR              output directory (created when missing)
                      --interval 30s         pause between rounds
                      --count N              stop after N rounds (default: run until stopped)
                      --metrics-port PORT    serve Prometheus metrics at http://HOST:PORT/metrics
                      --lock-wait 10s        how long to wait while another sophia writes into DIR
                    """ + HISTORY + EXIT_CODES);

    private CommandHelp() {
    }

    /**
     * {@return the help of {@code command}, empty for an unknown command}
     *
     * @param command a command name ({@code check})
     */
    public static Optional<String> of(String command) {
        return Optional.ofNullable(HELP.get(command));
    }
}
