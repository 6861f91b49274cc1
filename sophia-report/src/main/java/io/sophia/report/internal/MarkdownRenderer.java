package io.sophia.report.internal;

import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.Evidence;
import io.sophia.core.FailureKind;
import io.sophia.core.GateDecision;
import io.sophia.core.ChangeClass;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.ConditionCheck;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.Observation.MachineCheck;
import io.sophia.core.Observation.MachineEvent;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.Observation.PlatformMachine;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Observation.Timing;
import io.sophia.core.Observation.TlsHandshake;
import io.sophia.core.Owner;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.sophia.report.internal.Formats.conclusionMarker;
import static io.sophia.report.internal.Formats.duration;
import static io.sophia.report.internal.Formats.orDash;
import static io.sophia.report.internal.Md.code;
import static io.sophia.report.internal.Md.inline;

/**
 * Renders an (already redacted) assessment as GitHub-flavoured Markdown. Sections without data
 * are left out; the output depends only on the assessment.
 */
public final class MarkdownRenderer {

    private static final int MAX_FINDINGS = 6;
    private static final int MAX_CAUSE_DETAILS = 5;
    private static final int MAX_EVIDENCE = 12;

    private final Assessment a;
    private final PipelineView pipeline;
    private final StringBuilder out = new StringBuilder(8192);

    private MarkdownRenderer(Assessment a) {
        this.a = a;
        this.pipeline = PipelineView.of(a);
    }

    /** The full report. */
    public static String render(Assessment a, List<String> artifacts) {
        MarkdownRenderer r = new MarkdownRenderer(a);
        r.title();
        r.executiveSummary();
        r.keyMetrics();
        r.services();
        r.pipeline();
        r.changes();
        r.logEvidence();
        r.causes();
        r.anomalies();
        r.impact();
        r.actions();
        r.escalation();
        r.gate();
        r.platform();
        r.mcp();
        r.tls();
        r.timing();
        r.expectations();
        r.unreadSources();
        r.artifacts(artifacts);
        r.footer();
        return r.out.toString();
    }

    /** The short form: title, verdict, executive summary, one line per service, top causes. */
    public static String summary(Assessment a) {
        MarkdownRenderer r = new MarkdownRenderer(a);
        r.title();
        r.executiveSummary();
        r.h(3, "Services");
        for (ServiceHealth s : a.services()) {
            r.line("- " + Formats.statusMarker(s.status()) + " **" + inline(s.name(), 80) + "** (" + code(s.id(), false)
                    + ") " + s.status() + (s.failure() == null ? "" : ": " + inline(s.failure(), 160))
                    + (s.owner() == null || s.status() == Status.UP ? "" : " — call " + inline(s.owner().display(), 160)));
        }
        r.blank();
        if (!a.causes().isEmpty()) {
            r.h(3, "Top causes");
            int n = 0;
            for (RankedCause c : a.causes()) {
                if (n++ == 3) {
                    break;
                }
                r.line(n + ". " + causeName(c) + " — " + Formats.percent(c.probability()) + ", " + Formats.confidence(c.confidence()));
            }
            r.blank();
        }
        return r.out.toString();
    }

    // ---- sections -------------------------------------------------------------------------

    private void title() {
        GateDecision.Verdict g = a.gate().status();
        line("# " + Formats.gateMarker(g) + " " + inline(a.deployment(), 120) + " — " + verdictWord(g));
        blank();
        line("> **Verdict:** " + verdictSentence());
        blank();
    }

    private static String verdictWord(GateDecision.Verdict g) {
        return switch (g) {
            case OPEN -> "OPEN, healthy";
            case WARN -> "WARN, release with care";
            case BLOCKED -> "BLOCKED, do not release";
        };
    }

    private String verdictSentence() {
        long up = count(Status.UP);
        int total = a.services().size();
        StringBuilder b = new StringBuilder();
        if (total == 0) {
            b.append(Formats.NO_SERVICE);
        } else {
            b.append(up).append(" of ").append(total).append(total == 1 ? " service" : " services").append(" UP");
        }
        if (pipeline != null && pipeline.run() != null && pipeline.run().conclusion() != null
                && !"success".equals(pipeline.run().conclusion())) {
            b.append("; CI run ").append(pipeline.run().runId()).append(" concluded ")
                    .append(inline(pipeline.run().conclusion(), 40));
            String step = pipeline.firstFailedStep();
            if (step != null) {
                b.append(" at step \"").append(inline(step, 120)).append('"');
            }
        }
        if (a.causes().isEmpty()) {
            b.append(". Nothing to explain: no cause was ranked.");
        } else {
            RankedCause top = a.causes().get(0);
            b.append(". Most probable cause: ").append(causeName(top)).append(" at ")
                    .append(Formats.percent(top.probability())).append('.');
        }
        return b.toString();
    }

    private void executiveSummary() {
        h(2, "Executive summary");
        Impact i = a.impact();
        long up = count(Status.UP);
        int total = a.services().size();
        double avail = i != null ? i.availabilityPercent() : total == 0 ? 0 : 100.0 * up / total;
        StringBuilder notUp = new StringBuilder();
        for (Status s : List.of(Status.DOWN, Status.DEGRADED, Status.UNKNOWN)) {
            long n = count(s);
            if (n > 0) {
                notUp.append(notUp.length() == 0 ? "" : ", ").append(n).append(' ').append(s);
            }
        }
        if (total == 0) {
            line("- **Availability:** " + Formats.NOT_MEASURED + " — no service was probed");
        } else {
            line("- **Availability:** " + Formats.percentValue(avail) + " — " + up + " of " + total + " services UP"
                    + (notUp.length() == 0 ? "" : " (" + notUp + ")"));
        }
        if (a.causes().isEmpty()) {
            line("- **Top cause:** none — nothing failing needs explaining");
        } else {
            RankedCause top = a.causes().get(0);
            line("- **Top cause:** " + causeName(top) + " — **" + Formats.percent(top.probability()) + "**, "
                    + Formats.confidence(top.confidence()));
        }
        GateDecision g = a.gate();
        List<String> failed = g.criteria().stream().filter(c -> c.outcome() == GateDecision.Outcome.FAIL)
                .map(c -> code(c.id(), false)).toList();
        List<String> warned = g.criteria().stream().filter(c -> c.outcome() == GateDecision.Outcome.WARN)
                .map(c -> code(c.id(), false)).toList();
        line("- **Gate:** " + Formats.gateMarker(g.status()) + " **" + g.status() + "** (score "
                + Formats.percentValue(g.score()) + ")"
                + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed))
                + (warned.isEmpty() ? "" : "; warned: " + String.join(", ", warned)));
        if (pipeline != null && pipeline.run() != null) {
            CiRun run = pipeline.run();
            String step = pipeline.firstFailedStep();
            line("- **Pipeline:** " + conclusionMarker(run.conclusion()) + " run " + run.runId() + " ("
                    + inline(run.workflowName(), 100) + ") " + conclusionWord(run) + " after " + duration(pipeline.duration())
                    + (step == null ? "" : "; first failed step \"" + inline(step, 120) + "\""));
        }
        if (!a.anomalies().isEmpty()) {
            line("- **Anomalies:** " + a.anomalies().size() + " — " + a.anomalies().stream()
                    .map(x -> code(x.kind(), false) + (x.serviceId() == null ? "" : " on " + inline(x.serviceId(), 60)))
                    .collect(Collectors.joining(", ")));
        }
        if (i != null) {
            line("- **Impact:** " + i.severity() + " — " + i.capabilitiesOffline().size() + " capabilities offline, "
                    + i.capabilitiesDegraded().size() + " degraded, " + i.capabilitiesOnline().size() + " online");
        }
        blank();
    }

    private void keyMetrics() {
        h(2, "Key metrics");
        line("| Metric | Value |");
        line("|---|---:|");
        int total = a.services().size();
        row("Services", String.valueOf(total));
        for (Status s : List.of(Status.UP, Status.DEGRADED, Status.DOWN, Status.UNKNOWN)) {
            row("Services " + s, String.valueOf(count(s)));
        }
        long critical = a.services().stream().filter(ServiceHealth::critical).count();
        long criticalNotUp = a.services().stream().filter(s -> s.critical() && s.status() != Status.UP).count();
        row("Critical services not UP", criticalNotUp + " of " + critical);
        if (total == 0) {
            row("Availability", Formats.NOT_MEASURED);
        } else if (a.impact() != null) {
            row("Availability", Formats.percentValue(a.impact().availabilityPercent()));
        }
        List<Long> lat = a.services().stream().filter(s -> s.status() == Status.UP && s.latencyMs() != null)
                .map(ServiceHealth::latencyMs).sorted().toList();
        if (!lat.isEmpty()) {
            row("Slowest healthy answer", lat.get(lat.size() - 1) + " ms");
        }
        if (pipeline != null) {
            row("Pipeline duration", duration(pipeline.duration()));
            row("CI jobs (unsuccessful / total)", pipeline.unsuccessfulJobs().size() + " / " + pipeline.jobs().size());
            row("Log findings", String.valueOf(pipeline.findings().size()));
        }
        if (a.probing() != null) {
            long notProbed = a.observations(ProbeFailure.class).stream()
                    .filter(f -> f.kind() == FailureKind.NOT_PROBED).count();
            row("Probe timeout / check budget", a.probing().timeout().toMillis() + " ms / "
                    + a.probing().budget().toMillis() + " ms");
            row("Probes not run (budget ran out)", String.valueOf(notProbed));
        }
        row("Causes ranked", String.valueOf(a.causes().size()));
        row("Anomalies", String.valueOf(a.anomalies().size()));
        row("Actions (P0 / P1 / P2)", countPriority(Action.Priority.P0) + " / " + countPriority(Action.Priority.P1)
                + " / " + countPriority(Action.Priority.P2));
        row("Gate score", Formats.percentValue(a.gate().score()));
        blank();
    }

    private void services() {
        if (a.services().isEmpty()) {
            return;
        }
        h(2, "Service status");
        // the owner and up-since columns appear only when some service has one: no column of dashes
        boolean owners = a.services().stream().anyMatch(s -> s.owner() != null);
        boolean upSince = a.services().stream().anyMatch(s -> s.upSince() != null);
        line("| Service | Endpoint | Status | HTTP | Latency | Failure | Version |" + (upSince ? " Up since |" : "")
                + (owners ? " Owner |" : ""));
        line("|---|---|---|---:|---:|---|---|" + (upSince ? "---|" : "") + (owners ? "---|" : ""));
        for (ServiceHealth s : a.services()) {
            line("| **" + inline(s.name(), 80) + "** " + code(s.id(), true) + (s.critical() ? " · critical" : "")
                    + " | " + (s.url() == null ? "—" : code(s.url(), true))
                    + " | " + Formats.statusMarker(s.status()) + " " + s.status()
                    + " | " + (s.httpStatus() == null ? "—" : s.httpStatus())
                    + " | " + Formats.latency(s)
                    + " | " + (s.failure() == null ? "—" : inline(s.failure(), 160))
                    + " | " + (s.version() == null ? "—" : code(s.version(), true)) + " |"
                    + (upSince ? " " + Formats.upSince(s.upSince(), a.generatedAt()) + " |" : "")
                    + (owners ? " " + (s.owner() == null ? "—" : inline(s.owner().display(), 160)) + " |" : ""));
        }
        blank();
    }

    private void pipeline() {
        if (pipeline == null) {
            return;
        }
        h(2, "Pipeline");
        CiRun run = pipeline.run();
        if (run != null) {
            runLine(run);
        }
        if (pipeline.jobs().isEmpty()) {
            line("_No jobs were read for this run._");
            blank();
            return;
        }
        line("| Job | Service | Conclusion | Duration | Failed step |");
        line("|---|---|---|---:|---|");
        for (CiJob j : pipeline.jobs()) {
            CiStep failed = j.failedStep();
            line("| " + Md.link(j.name(), j.htmlUrl()) + " | "
                    + (j.serviceId() == null ? "—" : code(j.serviceId(), true)) + " | "
                    + conclusionMarker(j.conclusion()) + " " + inline(orDash(j.conclusion()), 40) + " | "
                    + duration(j.duration()) + " | "
                    + (failed == null ? "—" : "❌ " + inline(failed.name(), 120)) + " |");
        }
        blank();
        for (CiJob j : pipeline.jobs()) {
            jobSteps(j);
        }
        if (!pipeline.annotations().isEmpty()) {
            annotations();
        }
    }

    /** The run in one line: link, workflow, conclusion, duration, trigger, branch, commit, repository, attempt. */
    private void runLine(CiRun run) {
        List<String> parts = new ArrayList<>();
        parts.add("**" + Md.link("Run " + run.runId(), run.htmlUrl()) + "**");
        if (run.workflowName() != null) {
            parts.add("workflow *" + inline(run.workflowName(), 120) + "*");
        }
        parts.add(conclusionMarker(run.conclusion()) + " **" + inline(orDash(run.conclusion()), 40) + "**");
        parts.add(duration(pipeline.duration()));
        if (run.event() != null) {
            parts.add("trigger " + code(run.event(), false));
        }
        if (run.headBranch() != null) {
            parts.add("branch " + code(run.headBranch(), false));
        }
        if (run.headSha() != null) {
            parts.add("commit " + code(Formats.shortSha(run.headSha()), false));
        }
        if (run.repository() != null) {
            parts.add("repository " + code(run.repository(), false));
        }
        if (run.runAttempt() > 1) {
            parts.add("attempt " + run.runAttempt());
        }
        line(String.join(" · ", parts));
        blank();
    }

    /** A job's heading; the steps of a job that failed, folded, with the failed one marked. */
    private void jobSteps(CiJob j) {
        boolean ok = "success".equals(j.conclusion()) || "skipped".equals(j.conclusion());
        boolean skipped = "skipped".equals(j.conclusion());
        String head = conclusionMarker(j.conclusion()) + " **" + inline(j.name(), 120) + "** — "
                + inline(orDash(j.conclusion()), 40) + (skipped ? "" : " · " + duration(j.duration()));
        if (j.runnerName() != null) {
            head += " · runner " + code(j.runnerName(), false);
        }
        if (skipped) {
            line(head + " · did not run");
            blank();
            return;
        }
        if (ok) {
            line(head + " · " + j.steps().size() + (j.steps().size() == 1 ? " step" : " steps") + ", none failed");
            blank();
            return;
        }
        line(head);
        blank();
        CiStep failed = j.failedStep();
        openDetails(j.steps().size() + (j.steps().size() == 1 ? " step" : " steps")
                + (failed == null ? "" : ", failed at step " + failed.number()), false);
        for (CiStep s : j.steps()) {
            boolean isFailed = s == failed;
            line("- " + conclusionMarker(s.conclusion()) + " " + s.number() + " · "
                    + (isFailed ? "**" + inline(s.name(), 120) + "**" : inline(s.name(), 120))
                    + " — " + inline(orDash(s.conclusion()), 40) + " · " + duration(s.duration())
                    + (isFailed ? " ← **failed here**" : ""));
        }
        if (j.steps().isEmpty()) {
            line("- _no steps reported_");
        }
        blank();
        closeDetails();
    }

    /** The run's annotations, each with its job and, where it names one, its file. */
    private void annotations() {
        h(3, "Annotations");
        for (CiAnnotation an : pipeline.annotations()) {
            String job = pipeline.jobs().stream().filter(j -> j.jobId() == an.jobId()).map(CiJob::name)
                    .findFirst().orElse("job " + an.jobId());
            line("- " + ("failure".equals(an.level()) ? "❌" : "warning".equals(an.level()) ? "⚠️" : "ℹ️") + " "
                    + inline(orDash(an.level()), 20) + " in **" + inline(job, 100) + "**"
                    + (an.title() == null || an.title().isBlank() ? ":" : ": " + inline(an.title(), 120) + " —")
                    + (an.message() == null ? "" : " " + inline(an.message(), 300))
                    // GitHub files runner-level errors under the pseudo path ".github", which points nowhere
                    + (an.path() == null || an.path().isBlank() || ".github".equals(an.path()) ? ""
                            : " (" + code(an.path() + (an.line() == null ? "" : ":" + an.line()), false) + ")"));
        }
        blank();
    }

    private void changes() {
        ChangeView v = ChangeView.of(a);
        if (v == null) {
            return;
        }
        h(2, "Changed since the last good deploy");
        for (io.sophia.core.ReleaseSplit r : v.releases()) {
            line("- Platform app " + code(r.app(), false) + ": " + r.healthyMachines().size() + " healthy machine(s) on "
                    + r.healthyImages().stream().limit(2).map(i -> code(i, false)).collect(Collectors.joining(", "))
                    + ", " + r.failingMachines().size() + " failing on "
                    + r.failingImages().stream().limit(2).map(i -> code(i, false)).collect(Collectors.joining(", ")));
        }
        if (!v.releases().isEmpty()) {
            blank();
        }
        if (v.changes() == null && v.unavailable() == null) {
            return;
        }
        if (v.changes() == null) {
            Observation.ChangeSetUnavailable u = v.unavailable();
            line("_Not compared (" + orDash(u.kind()) + (u.httpStatus() == null ? "" : ", HTTP " + u.httpStatus()) + "): "
                    + inline(orDash(u.detail()), 300) + "_");
            blank();
            return;
        }
        Observation.ChangeSet c = v.changes();
        String from = (c.baseRunId() > 0 ? "run " + c.baseRunId() + " " : "") + code(Formats.shortSha(c.baseSha()), false);
        String to = (c.headRunId() > 0 ? "run " + c.headRunId() + " " : "") + code(Formats.shortSha(c.headSha()), false);
        if ("identical".equals(c.comparison()) || (c.commits().isEmpty() && c.files().isEmpty() && c.totalCommits() == 0)) {
            line("Last good deploy " + from + " → " + to + ": **the same commit** — nothing in the repository changed, "
                    + "so look at the platform, the secrets or a transient failure.");
            blank();
            return;
        }
        line("Last good deploy " + from + " → " + to + ": **" + c.totalCommits() + (c.totalCommits() == 1 ? " commit" : " commits")
                + "**, **" + c.files().size() + (c.files().size() == 1 ? " file" : " files") + "**"
                + (c.truncated() ? " (listing truncated)" : "")
                + (c.htmlUrl() == null ? "" : " — " + Md.link("compare on GitHub", c.htmlUrl())));
        blank();
        for (Map.Entry<ChangeClass, List<Observation.ChangedFile>> e : v.byClass().entrySet()) {
            List<Observation.ChangedFile> files = e.getValue();
            line("- " + (ChangeView.telling(e.getKey()) ? "**" + ChangeView.title(e.getKey()) + "**" : ChangeView.title(e.getKey()))
                    + " (" + files.size() + "): " + files.stream().limit(4).map(f -> code(f.path(), false))
                    .collect(Collectors.joining(", ")) + (files.size() > 4 ? ", … " + (files.size() - 4) + " more" : ""));
        }
        blank();
        fileDetails(v, c);
        commitDetails(c);
    }

    /** Every changed file, by class, folded. */
    private void fileDetails(ChangeView v, Observation.ChangeSet c) {
        if (!c.files().isEmpty()) {
            line("<details><summary>" + c.files().size() + " changed files by class</summary>");
            blank();
            for (Map.Entry<ChangeClass, List<Observation.ChangedFile>> e : v.byClass().entrySet()) {
                line("**" + ChangeView.title(e.getKey()) + "**");
                blank();
                int n = 0;
                for (Observation.ChangedFile f : e.getValue()) {
                    if (n++ == ChangeView.MAX_FILES_PER_CLASS) {
                        line("- _" + (e.getValue().size() - ChangeView.MAX_FILES_PER_CLASS) + " more in report.json_");
                        break;
                    }
                    line("- " + code(f.path(), false) + (f.previousPath() == null ? "" : " (was " + code(f.previousPath(), false) + ")")
                            + " — " + inline(orDash(f.status()), 20) + ", +" + f.additions() + " −" + f.deletions());
                }
                blank();
            }
            line("</details>");
            blank();
        }
    }

    /** The commits, folded. */
    private void commitDetails(Observation.ChangeSet c) {
        if (!c.commits().isEmpty()) {
            line("<details><summary>" + c.commits().size() + (c.commits().size() == 1 ? " commit" : " commits") + "</summary>");
            blank();
            int n = 0;
            for (Observation.ChangedCommit m : c.commits()) {
                if (n++ == ChangeView.MAX_COMMITS) {
                    line("- _" + (c.commits().size() - ChangeView.MAX_COMMITS) + " more in report.json_");
                    break;
                }
                line("- " + (m.htmlUrl() == null ? code(Formats.shortSha(m.sha()), false)
                        : Md.link(Formats.shortSha(m.sha()), m.htmlUrl())) + " " + inline(orDash(m.message()), 120)
                        + (m.author() == null ? "" : " — " + inline(m.author(), 60)));
            }
            blank();
            line("</details>");
            blank();
        }
    }

    private void logEvidence() {
        List<LogFinding> findings = PipelineView.findings(a);
        if (findings.isEmpty()) {
            return;
        }
        h(2, "Log evidence");
        int n = 0;
        for (LogFinding f : findings) {
            if (n == MAX_FINDINGS) {
                closeDetails();
                line("_" + (findings.size() - MAX_FINDINGS) + " more findings are in report.json._");
                blank();
                break;
            }
            if (n++ == 1) {
                // the best finding stays in view; the others fold so the step summary stays short
                int more = Math.min(findings.size(), MAX_FINDINGS) - 1;
                openDetails(more + (more == 1 ? " more log finding" : " more log findings"), false);
            }
            StringBuilder head = new StringBuilder();
            head.append("**").append(n).append(".** ");
            head.append(f.jobName() == null ? "log" : "**" + inline(f.jobName(), 100) + "**");
            if (f.step() != null) {
                head.append(" › step **").append(inline(f.step(), 120)).append("**");
            }
            head.append(" › line ").append(f.lineNumber());
            head.append(" — indication ").append(code(f.indicationId(), false));
            if (f.causeId() != null) {
                head.append(" → ").append(code(f.causeId().value(), false));
            }
            head.append(" (score ").append(Formats.decimal(f.score(), 2)).append(')');
            line(head.toString());
            blank();
            out.append(Md.fence("text", quote(f)));
            blank();
        }
        if (n > 1 && n <= MAX_FINDINGS) {
            closeDetails();
        }
    }

    /** The matched line, within its context when the context holds it. */
    private static String quote(LogFinding f) {
        String line = Md.cap(f.line(), 2000);
        if (f.context().isEmpty()) {
            return line;
        }
        List<String> ctx = f.context().stream().map(l -> Md.cap(l, 2000)).limit(15).toList();
        if (ctx.contains(line)) {
            return String.join("\n", ctx);
        }
        return line + "\n" + String.join("\n", ctx);
    }

    /** One row per cause, then the share the causes not listed hold when it is not only rounding. */
    private void causeTable() {
        line("| # | Cause | Probability | Confidence | Services |");
        line("|---:|---|---|---|---|");
        int rank = 0;
        for (RankedCause c : a.causes()) {
            rank++;
            line("| " + rank + " | " + inline(c.title() == null ? c.id().value() : c.title(), 100) + " "
                    + code(c.id().value(), true) + " | " + bar(c.probability()) + " " + Formats.percent(c.probability())
                    + " | " + Formats.orDash(c.confidence()) + " | " + ids(c.serviceIds(), true) + " |");
        }
        blank();
        double unlisted = Formats.unlistedShare(a.causes());
        if (unlisted > 0) {
            line("_" + Formats.unlistedSentence(unlisted) + "_");
            blank();
        }
    }

    private void causes() {
        if (a.causes().isEmpty()) {
            return;
        }
        h(2, "Root causes");
        causeTable();
        int rank = 0;
        for (RankedCause c : a.causes()) {
            if (rank++ == MAX_CAUSE_DETAILS) {
                break;
            }
            h(3, rank + ". " + inline(c.title() == null ? c.id().value() : c.title(), 100) + " — "
                    + Formats.percent(c.probability()) + ", " + Formats.confidence(c.confidence()));
            line(code(c.id().value(), false) + (c.serviceIds().isEmpty() ? "" : " · explains " + ids(c.serviceIds(), false)));
            blank();
            if (c.explanation() != null && !c.explanation().isBlank()) {
                line(inline(c.explanation(), 4000));
                blank();
            }
            if (!c.nextChecks().isEmpty()) {
                line(c.id().value().equals("unknown") ? "**Missing evidence — how to get it:**" : "**Next check:**");
                for (String check : c.nextChecks()) {
                    line("- " + inline(check, 600));
                }
                blank();
            }
            if (!c.evidence().isEmpty()) {
                long pro = c.evidence().stream().filter(ev -> ev.direction() == Evidence.Direction.FOR).count();
                openDetails("Evidence: " + pro + " for, " + (c.evidence().size() - pro) + " against", rank == 1);
                line("| | Weight | Evidence | Rule | Services |");
                line("|---|---:|---|---|---|");
                int e = 0;
                for (Evidence ev : c.evidence()) {
                    if (e++ == MAX_EVIDENCE) {
                        line("| | | _" + (c.evidence().size() - MAX_EVIDENCE) + " more in report.json_ | | |");
                        break;
                    }
                    line("| " + (ev.direction() == Evidence.Direction.FOR ? "➕ for" : "➖ against") + " | "
                            + Formats.decimal(ev.weight(), 2) + " | " + inline(ev.text(), 400) + " | "
                            + (ev.ruleId() == null ? "—" : code(ev.ruleId(), true)) + " | "
                            + ids(ev.serviceIds(), true) + " |");
                }
                blank();
                closeDetails();
            }
        }
    }

    private void anomalies() {
        if (a.anomalies().isEmpty()) {
            return;
        }
        h(2, "Anomalies");
        for (Anomaly x : a.anomalies()) {
            line("- ⚠️ " + code(x.kind(), false) + (x.serviceId() == null ? "" : " on **" + inline(x.serviceId(), 80) + "**")
                    + (x.summary() == null ? "" : ": " + inline(x.summary(), 400)));
            for (String s : x.statements()) {
                line("  - " + inline(s, 400));
            }
        }
        blank();
    }

    private void impact() {
        Impact i = a.impact();
        if (i == null) {
            return;
        }
        h(2, "Business impact");
        line("**Severity: " + i.severity() + "** — " + (a.services().isEmpty()
                ? Formats.IMPACT_NOT_MEASURED
                : i.servicesUp() + " of " + i.totalServices() + " services UP, availability "
                + Formats.percentValue(i.availabilityPercent()) + "."));
        blank();
        capabilities("Offline", "❌", i.capabilitiesOffline());
        capabilities("Degraded or unknown", "⚠️", i.capabilitiesDegraded());
        capabilities("Online", "✅", i.capabilitiesOnline());
    }

    private void capabilities(String label, String marker, List<String> caps) {
        if (caps.isEmpty()) {
            return;
        }
        line("**" + label + " (" + caps.size() + "):**");
        blank();
        for (String c : caps) {
            line("- " + marker + " " + inline(c, 200));
        }
        blank();
    }

    private void actions() {
        if (a.actions().isEmpty()) {
            return;
        }
        h(2, "Actions");
        for (Action.Priority p : Action.Priority.values()) {
            List<Action> group = a.actions().stream().filter(x -> x.priority() == p).toList();
            if (group.isEmpty()) {
                continue;
            }
            Duration widest = group.stream().map(Action::within).max(Duration::compareTo).orElse(Duration.ZERO);
            h(3, p + " — " + switch (p) {
                case P0 -> "act now";
                case P1 -> "next";
                case P2 -> "later";
            } + " (" + Formats.windowWords(widest) + ")");
            int n = 0;
            for (Action x : group) {
                n++;
                StringBuilder b = new StringBuilder();
                b.append(n).append(". **").append(inline(x.title(), 200)).append("** — ")
                        .append(Formats.windowWords(x.within()));
                if (x.detail() != null && !x.detail().isBlank()) {
                    b.append(". ").append(inline(x.detail(), 600));
                }
                List<String> refs = new ArrayList<>();
                if (x.causeId() != null) {
                    refs.add("cause " + code(x.causeId().value(), false));
                }
                if (!x.serviceIds().isEmpty()) {
                    refs.add("services " + ids(x.serviceIds(), false));
                }
                List<Owner> owners = Escalation.owners(a, x.serviceIds());
                if (!owners.isEmpty()) {
                    refs.add("call " + inline(owners.stream().map(Owner::display).collect(Collectors.joining(", ")),
                            300));
                }
                if (!refs.isEmpty()) {
                    b.append(" _(").append(String.join("; ", refs)).append(")_");
                }
                line(b.toString());
            }
            blank();
        }
    }

    /** Who to call: the owners of the affected services, most urgent first (the reference report's contacts). */
    private void escalation() {
        List<Escalation> groups = Escalation.of(a);
        if (groups.isEmpty()) {
            return;
        }
        h(2, "Escalation");
        line("Who to call: the owners of the affected services, the most urgent first.");
        blank();
        line("| Owner | Contact | Services | Capabilities at stake | Most urgent action |");
        line("|---|---|---|---|---|");
        for (Escalation e : groups) {
            Action first = e.action();
            line("| " + (e.owner() == null ? "_no owner configured_" : "**" + inline(e.owner().team(), 120) + "**")
                    + " | " + (e.owner() == null || e.owner().contact() == null ? "—" : inline(e.owner().contact(), 160))
                    + " | " + e.services().stream().limit(Escalation.MAX_LISTED).map(s -> Formats.statusMarker(s.status())
                            + " " + code(s.id(), true) + " " + s.status()).collect(Collectors.joining(", "))
                    + Escalation.more(e.services().size())
                    + " | " + (e.capabilities().isEmpty() ? "—" : e.capabilities().stream().map(c -> inline(c, 120))
                            .collect(Collectors.joining(", ")))
                    + " | " + (first == null ? "—" : e.priority() + " " + inline(first.title(), 160) + " ("
                            + Formats.windowWords(first.within()) + ")") + " |");
        }
        blank();
        if (groups.get(groups.size() - 1).owner() == null) {
            line("_Name who to call for the services without an owner: `owner: {team: …, contact: …}` in the config._");
            blank();
        }
    }

    private void gate() {
        GateDecision g = a.gate();
        h(2, "Gate: " + Formats.gateMarker(g.status()) + " " + g.status());
        boolean scored = g.criteria().stream().anyMatch(c -> "score".equals(c.id()));
        line("Score " + Formats.percentValue(g.score())
                + ". A failed key criterion blocks the release; any other failed criterion warns"
                + (scored ? "; the score itself is judged against its thresholds (criterion `score`)." : "."));
        blank();
        if (g.criteria().isEmpty()) {
            return;
        }
        line("| Criterion | Key | Weight | Outcome | Value | Threshold |");
        line("|---|---|---:|---|---|---|");
        for (GateDecision.Criterion c : g.criteria()) {
            line("| " + code(c.id(), true) + (c.description() == null ? "" : " " + inline(c.description(), 200))
                    + " | " + (c.key() ? "🔑 key" : "—") + " | " + Formats.decimal(c.weight(), 2) + " | "
                    + Formats.outcomeMarker(c.outcome()) + " " + c.outcome() + " | " + inline(orDash(c.value()), 200)
                    + " | " + inline(orDash(c.threshold()), 200) + " |");
        }
        blank();
    }

    private void platform() {
        List<PlatformMachine> machines = a.observations(PlatformMachine.class);
        if (machines.isEmpty()) {
            return;
        }
        h(2, "Platform machines");
        line("| Service | App | Machine | State | Region | Image | Host | Checks | Last event |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (PlatformMachine m : machines) {
            line("| " + (m.serviceId() == null ? "—" : code(m.serviceId(), true)) + " | " + code(m.app(), true) + " | "
                    + code(m.machineId(), true) + (m.name() == null ? "" : " " + inline(m.name(), 60)) + " | "
                    + machineStateMarker(m) + " " + inline(orDash(m.state()), 30) + (m.stuck() ? " (stuck)" : "")
                    + " | " + inline(orDash(m.region()), 20) + " | " + (m.imageRef() == null ? "—" : code(m.imageRef(), true))
                    + " | " + inline(orDash(m.hostStatus()), 30) + " | " + checks(m.checks()) + " | "
                    + lastEvent(m.events()) + " |");
        }
        blank();
        for (PlatformMachine m : machines) {
            for (MachineCheck c : m.checks()) {
                if (!"passing".equals(c.status()) && c.output() != null && !c.output().isBlank()) {
                    line("- " + code(m.machineId(), false) + " check **" + inline(c.name(), 80) + "** "
                            + inline(orDash(c.status()), 20) + ": " + inline(c.output(), 300));
                }
            }
        }
        if (machines.stream().anyMatch(m -> m.checks().stream().anyMatch(c -> !"passing".equals(c.status())
                && c.output() != null && !c.output().isBlank()))) {
            blank();
        }
    }

    private static String machineStateMarker(PlatformMachine m) {
        if (m.stuck()) {
            return "⏳";
        }
        return switch (m.state() == null ? "" : m.state()) {
            case "started" -> "🟢";
            case "failed", "destroyed" -> "🔴";
            case "stopped", "suspended" -> "⚪";
            default -> "🟡";
        };
    }

    private static String checks(List<MachineCheck> checks) {
        if (checks.isEmpty()) {
            return "—";
        }
        Map<String, Integer> n = new TreeMap<>();
        for (MachineCheck c : checks) {
            n.merge(orDash(c.status()), 1, Integer::sum);
        }
        return n.entrySet().stream().map(e -> e.getValue() + " " + inline(e.getKey(), 20))
                .collect(Collectors.joining(", "));
    }

    private static String lastEvent(List<MachineEvent> events) {
        MachineEvent last = null;
        for (MachineEvent e : events) {
            if (last == null || (e.timestamp() != null && (last.timestamp() == null || !e.timestamp().isBefore(last.timestamp())))) {
                last = e;
            }
        }
        if (last == null) {
            return "—";
        }
        StringBuilder b = new StringBuilder(inline(orDash(last.type()), 30));
        if (last.status() != null) {
            b.append(" ").append(inline(last.status(), 30));
        }
        if (last.exitCode() != null) {
            b.append(", exit ").append(last.exitCode());
        }
        if (Boolean.TRUE.equals(last.oomKilled())) {
            b.append(", OOM killed");
        }
        if (last.timestamp() != null) {
            b.append(" at ").append(last.timestamp());
        }
        return b.toString();
    }

    private void mcp() {
        List<McpHandshake> hs = a.observations(McpHandshake.class);
        if (hs.isEmpty()) {
            return;
        }
        h(2, "MCP servers");
        line("| Service | Protocol | Era | Server | Version | Tools | Latency |");
        line("|---|---|---|---|---|---:|---:|");
        for (McpHandshake m : hs) {
            line("| " + (m.serviceId() == null ? "—" : code(m.serviceId(), true)) + " | "
                    + inline(orDash(m.protocolVersion()), 30) + " | " + inline(orDash(m.era()), 30) + " | "
                    + inline(orDash(m.serverName()), 80) + " | " + inline(orDash(m.serverVersion()), 40) + " | "
                    + m.toolCount() + " | " + Formats.latency(Formats.millis(m.latency())) + " |");
        }
        blank();
    }

    private void tls() {
        List<TlsHandshake> hs = a.observations(TlsHandshake.class);
        if (hs.isEmpty()) {
            return;
        }
        h(2, "TLS certificates");
        line("| Service | Host | Protocol | Subject | Issuer | Expires | Days left | Checks |");
        line("|---|---|---|---|---|---|---:|---|");
        for (TlsHandshake t : hs) {
            List<String> problems = Formats.certificateProblems(t);
            line("| " + (t.serviceId() == null ? "—" : code(t.serviceId(), true)) + " | "
                    + code(orDash(t.host()) + ":" + t.port(), true) + " | " + inline(orDash(t.protocol()), 20) + " | "
                    + inline(orDash(t.subject()), 120) + " | " + inline(orDash(t.issuer()), 120) + " | "
                    + orDash(t.notAfter()) + " | " + t.daysToExpiry() + " | "
                    + (problems.isEmpty() ? "✅ ok" : "❌ " + String.join(", ", problems)) + " |");
        }
        blank();
    }

    private void timing() {
        List<HttpCheck> checks = a.observations(HttpCheck.class).stream()
                .filter(h -> !Timing.NONE.equals(h.timing())).toList();
        if (checks.isEmpty()) {
            return;
        }
        h(2, "HTTP timing");
        // the protocol column only when a check knows it: a report read from an older report.json renders as before
        boolean protocols = checks.stream().anyMatch(h -> h.protocol() != null);
        line("| Service |" + (protocols ? " Protocol |" : "") + " DNS | Connect | TLS | First byte | Transfer | Total |");
        line("|---|" + (protocols ? "---|" : "") + "---:|---:|---:|---:|---:|---:|");
        for (HttpCheck h : checks) {
            Timing t = h.timing();
            line("| " + (h.serviceId() == null ? "—" : code(h.serviceId(), true)) + " | "
                    + (protocols ? inline(Formats.protocol(h.protocol()), 20) + " | " : "") + duration(t.dns()) + " | "
                    + duration(t.connect()) + " | " + duration(t.tls()) + " | " + duration(t.firstByte()) + " | "
                    + duration(t.transfer()) + " | " + duration(h.latency()) + " |");
        }
        blank();
    }

    private void expectations() {
        List<ConditionCheck> failed = a.observations(ConditionCheck.class).stream().filter(c -> !c.passed()).toList();
        if (failed.isEmpty()) {
            return;
        }
        h(2, "Failed expectations");
        for (ConditionCheck c : failed) {
            line("- ❌ " + (c.serviceId() == null ? "" : "**" + inline(c.serviceId(), 80) + "** ") + code(c.condition(), false)
                    + " — actual " + code(orDash(c.actual()), false));
        }
        blank();
    }

    private void unreadSources() {
        List<ProbeFailure> failures = a.observations(ProbeFailure.class).stream()
                .filter(p -> p.serviceId() == null).toList();
        if (failures.isEmpty()) {
            return;
        }
        h(2, "Sources that could not be read");
        for (ProbeFailure p : failures) {
            line("- ❌ " + inline(orDash(p.source() == null ? null : p.source().wire()), 30) + " " + code(orDash(p.target()), false) + ": "
                    + orDash(p.kind()) + (p.httpStatus() == null ? "" : " (HTTP " + p.httpStatus() + ")")
                    + (p.detail() == null ? "" : " — " + inline(p.detail(), 300)));
        }
        blank();
    }

    private void artifacts(List<String> artifacts) {
        if (artifacts == null || artifacts.isEmpty()) {
            return;
        }
        h(2, "Artifacts");
        for (String f : artifacts) {
            line("- " + code(f, false));
        }
        blank();
    }

    private void footer() {
        line("---");
        blank();
        line("_Generated by Sophia at " + a.generatedAt() + " · report schema " + inline(a.schemaVersion(), 20) + "_");
    }

    // ---- helpers --------------------------------------------------------------------------

    private static String causeName(RankedCause c) {
        return "**" + inline(c.title() == null ? c.id().value() : c.title(), 100) + "** (" + code(c.id().value(), false) + ")";
    }

    private static String conclusionWord(CiRun run) {
        return run.conclusion() == null ? "is " + inline(orDash(run.status()), 30) : "concluded " + inline(run.conclusion(), 40);
    }

    private static String ids(List<String> ids, boolean inTable) {
        return ids.isEmpty() ? "—" : ids.stream().map(i -> code(i, inTable)).collect(Collectors.joining(", "));
    }

    /** A ten-cell bar of a probability. */
    private static String bar(double p) {
        int full = (int) Math.round(Math.max(0, Math.min(1, p)) * 10);
        return "█".repeat(full) + "░".repeat(10 - full);
    }

    private long count(Status s) {
        return a.services().stream().filter(x -> x.status() == s).count();
    }

    private long countPriority(Action.Priority p) {
        return a.actions().stream().filter(x -> x.priority() == p).count();
    }

    private void row(String k, String v) {
        line("| " + k + " | " + v + " |");
    }

    /**
     * A collapsible section (GitHub renders {@code <details>}): the summary is built from counts
     * only, never from remote text, so it needs no HTML escaping; the blank line after it lets
     * the body be Markdown.
     */
    private void openDetails(String summary, boolean open) {
        line(open ? "<details open>" : "<details>");
        line("<summary>" + summary + "</summary>");
        blank();
    }

    private void closeDetails() {
        line("</details>");
        blank();
    }

    private void h(int level, String text) {
        out.append("#".repeat(level)).append(' ').append(text).append('\n').append('\n');
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private void blank() {
        out.append('\n');
    }
}
