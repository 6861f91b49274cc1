package io.sophia.report;

import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.report.internal.Escalation;
import io.sophia.report.internal.Formats;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one-screen plain-text summary of an assessment, as the CLI prints it after a check: services (a large
 * fleet by counts and the services not UP, capped), the CI run, the top cause with the log line it quotes,
 * anomalies, offline capabilities, who to call (when services have owners) and the gate. Lines are at most 120
 * columns and free of control characters; it is as free of secrets as the assessment (run it through
 * {@link Redaction} first).
 */
public final class TextSummary {

    /** Columns of a line; a quoted log line may take two. */
    private static final int WIDTH = 120;
    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("[\\r\\n\\u000b\\u000c\\u0085\\u2028\\u2029]");
    /** Service lines at most: a fleet of 5,000 still fits one screen. */
    public static final int MAX_SERVICE_LINES = 20;

    private TextSummary() {
    }

    /**
     * Renders the summary of {@code a}, one line per row, each ending in a newline.
     *
     * @param a the assessment to summarise
     * @return the summary's lines
     */
    public static String render(Assessment a) {
        StringBuilder sb = new StringBuilder();
        sb.append("Sophia - ").append(a.deployment()).append(" - ").append(a.generatedAt()).append('\n');
        services(sb, a);
        pipeline(sb, a);
        causes(sb, a);
        anomalies(sb, a);
        calls(sb, a);
        gate(sb, a);
        return sb.toString();
    }

    /** The count by status, then the services: all of a small fleet, the worst of a large one. */
    private static void services(StringBuilder sb, Assessment a) {
        Impact impact = a.impact();
        if (a.services().isEmpty()) {
            sb.append("Services   none probed\n");
            return;
        }
        long up = a.services().stream().filter(s -> s.status() == Status.UP).count();
        Map<Status, Long> byStatus = a.services().stream()
                .collect(Collectors.groupingBy(ServiceHealth::status, LinkedHashMap::new, Collectors.counting()));
        sb.append(String.format(Locale.ROOT, "Services   %d, %d UP (%.1f %%)%s%n", a.services().size(), up,
                impact == null ? percent(up, a.services().size()) : impact.availabilityPercent(),
                byStatus.entrySet().stream().filter(e -> e.getKey() != Status.UP)
                        .map(e -> ", " + e.getValue() + " " + e.getKey()).collect(Collectors.joining())));
        // a small fleet is listed whole; a large one only by what is not UP, worst and critical first, capped
        List<ServiceHealth> listed = a.services().size() <= MAX_SERVICE_LINES ? a.services()
                : a.services().stream().filter(s -> s.status() != Status.UP)
                        // Status is declared worst first (DOWN, DEGRADED, UP, UNKNOWN); UP is filtered out
                        .sorted(Comparator.comparing(ServiceHealth::status).thenComparing(s -> !s.critical()))
                        .toList();
        for (ServiceHealth s : listed.subList(0, Math.min(MAX_SERVICE_LINES, listed.size()))) {
            String code = s.httpStatus() == null ? "-" : String.valueOf(s.httpStatus());
            String latency = s.latencyMs() == null ? "" : s.latencyMs() + " ms";
            String what = (s.capability() == null ? s.name() : s.capability()) + (s.critical() ? " (critical)" : "")
                    + (s.failure() == null || s.status() == Status.UP ? "" : ": " + headline(s.failure()))
                    + (s.upSince() == null ? "" : ", up since " + Formats.upSince(s.upSince(), a.generatedAt()));
            sb.append(clip(String.format(Locale.ROOT, "  %-8s %-14s %4s %8s  %s", s.status(), oneLine(s.id()), code,
                    latency, oneLine(what)))).append('\n');
        }
        if (listed.size() > MAX_SERVICE_LINES) {
            sb.append("  ... and ").append(listed.size() - MAX_SERVICE_LINES)
                    .append(" more not UP (every service is in report.md)\n");
        }

    }

    /** The CI run and its jobs by conclusion, when a run was read. */
    private static void pipeline(StringBuilder sb, Assessment a) {
        a.observations(Observation.CiRun.class).stream().findFirst().ifPresent(run -> {
            Duration d = run.duration();
            Map<String, Long> jobs = a.observations(Observation.CiJob.class).stream()
                    .collect(Collectors.groupingBy(j -> String.valueOf(j.conclusion()), LinkedHashMap::new,
                            Collectors.counting()));
            sb.append(clip("Pipeline   run " + run.runId() + " \"" + run.workflowName() + "\" " + run.conclusion()
                    + (d == null ? "" : " in " + d.toSeconds() + " s") + " (" + run.event() + ")")).append('\n');
            if (!jobs.isEmpty()) {
                sb.append(clip("           jobs: " + jobs.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")))).append('\n');
            }
        });
    }

    /** The top cause with the log line that supports it and its first next check, then the next three causes. */
    private static void causes(StringBuilder sb, Assessment a) {
        Optional<RankedCause> top = a.topCause();
        if (top.isEmpty()) {
            sb.append("Top cause  none: nothing failing to explain\n");
        } else {
            RankedCause c = top.get();
            sb.append(clip(String.format(Locale.ROOT, "Top cause  %s %.0f %% (%s) %s", c.id(), c.probability() * 100,
                    c.confidence(), c.title() == null ? "" : c.title()))).append('\n');
            quotedLine(a, c).ifPresent(f -> {
                sb.append(clip("           \"" + oneLine(f.line()) + "\"", 2 * WIDTH)).append('\n');
                sb.append(clip("           " + (f.jobName() == null ? "" : f.jobName() + " > ")
                        + (f.step() == null ? "" : f.step() + ", ") + "log line " + f.lineNumber())).append('\n');
            });
            // the one thing to do next (for unknown: the evidence that is missing); the rest are in report.md
            c.nextChecks().stream().findFirst()
                    .ifPresent(n -> sb.append(clip("Check      " + oneLine(n))).append('\n'));
            List<RankedCause> rest = a.causes().subList(1, Math.min(4, a.causes().size()));
            if (!rest.isEmpty()) {
                sb.append(clip("Next       " + rest.stream()
                        .map(r -> String.format(Locale.ROOT, "%s %.0f %%", r.id(), r.probability() * 100))
                        .collect(Collectors.joining(", ")))).append('\n');
            }
            double unlisted = Formats.unlistedShare(a.causes());
            if (unlisted > 0) {
                sb.append(String.format(Locale.ROOT, "Not listed %.0f %% over causes with no evidence (or too little)",
                        unlisted * 100)).append('\n');
            }
        }
    }

    /** The anomalies (the first in words) and the capabilities offline. */
    private static void anomalies(StringBuilder sb, Assessment a) {
        sb.append("Anomalies  ").append(a.anomalies().size());
        if (!a.anomalies().isEmpty()) {
            Anomaly first = a.anomalies().get(0);
            sb.append(": ").append(first.serviceId() == null ? "" : first.serviceId() + " - ")
                    .append(oneLine(first.summary()));
            if (a.anomalies().size() > 1) {
                sb.append(" (+").append(a.anomalies().size() - 1).append(" more)");
            }
        }
        sb.setLength(clipTail(sb));
        sb.append('\n');
        Impact impact = a.impact();
        if (impact != null && !impact.capabilitiesOffline().isEmpty()) {
            sb.append(clip("Offline    " + impact.capabilitiesOffline().size()
                    + (impact.capabilitiesOffline().size() == 1 ? " capability: " : " capabilities: ")
                    + String.join(", ", impact.capabilitiesOffline()), 2 * WIDTH)).append('\n');
        }
    }

    /** Who to call: the owners of the affected services, most urgent first (only when owners are configured). */
    private static void calls(StringBuilder sb, Assessment a) {
        List<Escalation> calls = Escalation.of(a);
        for (int i = 0; i < calls.size(); i++) {
            Escalation e = calls.get(i);
            sb.append(clip((i == 0 ? "Call       " : "           ")
                    + (e.owner() == null ? "nobody named" : oneLine(e.owner().display()))
                    + (e.priority() == null ? "" : " (" + e.priority() + ")") + ": "
                    + String.join(", ", e.serviceIds().stream().map(TextSummary::oneLine).toList()))).append('\n');
        }
    }

    /** The gate and the criteria that did not pass. */
    private static void gate(StringBuilder sb, Assessment a) {
        GateDecision gate = a.gate();
        List<GateDecision.Criterion> failed = gate.criteria().stream()
                .filter(c -> c.outcome() != GateDecision.Outcome.PASS).toList();
        sb.append("Gate       ").append(gate.status()).append(" (exit ").append(gate.status().exitCode()).append(')');
        if (failed.isEmpty()) {
            sb.append(", all ").append(gate.criteria().size()).append(" criteria passed\n");
        } else {
            sb.append(" - ").append(failed.size()).append(" of ").append(gate.criteria().size())
                    .append(" criteria not passed:\n");
            for (GateDecision.Criterion c : failed) {
                sb.append(clip("           " + c.outcome() + " " + c.id() + (c.key() ? " (key)" : "")
                        + (c.value() == null ? "" : ": " + oneLine(c.value())))).append('\n');
            }
        }
    }

    /** The log finding that best supports {@code cause}: the one the report quotes. */
    private static Optional<Observation.LogFinding> quotedLine(Assessment a, RankedCause cause) {
        return a.observations(Observation.LogFinding.class).stream()
                .filter(f -> cause.id().equals(f.causeId()))
                .max(Comparator.comparingDouble(Observation.LogFinding::score)
                        .thenComparing(Observation.LogFinding::lineNumber, Comparator.reverseOrder()));
    }

    /** The first clause of a failure text ("connection refused (…); no machine started" -> "connection refused"). */
    private static String headline(String failure) {
        String f = oneLine(failure);
        int cut = f.length();
        for (String sep : new String[] {" (", "; "}) {
            int i = f.indexOf(sep);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return f.substring(0, cut);
    }

    private static double percent(long part, int total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    private static String oneLine(String text) {
        // escape sequences go whole first (an OSC 8 link's url too), then line breaks and tabs become spaces
        return text == null ? "" : io.sophia.core.RemoteText.forTerminal(text)
                .replaceAll("[\\p{Cntrl}\\u2028\\u2029&&[^\t]]", " ").replace('\t', ' ').strip();
    }

    private static String clip(String line) {
        return clip(line, WIDTH);
    }

    /**
     * {@code line} as one line of at most {@code width} characters: a line break in a remote name (a run, job or step
     * name, a failure text) would print a line of the remote's choosing, a workflow command in GitHub Actions
     * ({@code ::add-mask::}) or a forged summary line.
     */
    private static String clip(String text, int width) {
        String line = LINE_BREAK.matcher(text).replaceAll(" ");
        return line.length() <= width ? line : line.substring(0, width - 3) + "...";
    }

    private static int clipTail(StringBuilder sb) {
        int start = sb.lastIndexOf("\n") + 1;
        int max = start + WIDTH;
        if (sb.length() > max) {
            sb.setLength(max - 3);
            sb.append("...");
        }
        return sb.length();
    }
}
