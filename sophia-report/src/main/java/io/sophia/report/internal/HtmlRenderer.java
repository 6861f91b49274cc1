package io.sophia.report.internal;

import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.Evidence;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
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
import org.apache.commons.text.StringEscapeUtils;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.sophia.report.internal.Formats.duration;
import static io.sophia.report.internal.Formats.orDash;

/**
 * Renders an (already redacted) assessment as one self-contained HTML page: inline CSS, inline
 * SVG charts, no script and no external resource (a Content-Security-Policy forbids both).
 */
public final class HtmlRenderer {

    private static final String CSS = """
            :root{--ok:#1a7f37;--bad:#cf222e;--warn:#bf8700;--muted:#6e7781;--line:#d0d7de;--bg:#f6f8fa;--ink:#1f2328;--accent:#0969da}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
            header.hero{padding:28px 40px 22px;color:#fff}
            header.hero.blocked{background:linear-gradient(135deg,#a40e26,#cf222e)}
            header.hero.warn{background:linear-gradient(135deg,#7d4e00,#bf8700)}
            header.hero.open{background:linear-gradient(135deg,#116329,#1a7f37)}
            .badge{display:inline-block;padding:2px 10px;border-radius:999px;font-weight:600;font-size:12px;letter-spacing:.04em;background:rgba(255,255,255,.2);border:1px solid rgba(255,255,255,.5)}
            h1{margin:8px 0 6px;font-size:28px}
            .sentence{margin:0;max-width:980px;font-size:15px;opacity:.95}
            .kpis{display:flex;flex-wrap:wrap;gap:12px;margin-top:18px}
            .kpi{background:rgba(255,255,255,.14);border:1px solid rgba(255,255,255,.35);border-radius:8px;padding:10px 14px;min-width:150px}
            .kpi .v{font-size:22px;font-weight:600}
            .kpi .k{font-size:12px;opacity:.9;text-transform:uppercase;letter-spacing:.05em}
            main{padding:8px 40px 40px;max-width:1280px}
            section{margin-top:28px}
            h2{font-size:20px;border-bottom:1px solid var(--line);padding-bottom:6px;margin:0 0 12px}
            h3{font-size:16px;margin:18px 0 8px}
            table{border-collapse:collapse;width:100%;margin:6px 0 12px}
            th,td{border:1px solid var(--line);padding:6px 9px;text-align:left;vertical-align:top}
            th{background:var(--bg);font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            code{background:var(--bg);padding:1px 5px;border-radius:4px}
            pre{background:#0d1117;color:#e6edf3;padding:12px 14px;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
            pre .hit{background:#5a1e1e;display:block}
            .pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;color:#fff}
            .s-UP,.c-ok,.o-PASS{background:var(--ok)}
            .s-DOWN,.c-bad,.o-FAIL{background:var(--bad)}
            .s-DEGRADED,.c-warn,.o-WARN{background:var(--warn)}
            .s-UNKNOWN,.c-muted,.c-running{background:var(--muted)}
            .charts{display:grid;grid-template-columns:minmax(260px,340px) 1fr;gap:24px;align-items:start}
            .card{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:#fff}
            .card h3{margin-top:0}
            .muted{color:var(--muted)}
            .cause{border-left:4px solid var(--accent);padding-left:14px;margin:16px 0}
            .for{color:var(--ok);font-weight:600}
            .against{color:var(--bad);font-weight:600}
            ul.steps{list-style:none;padding-left:0;margin:4px 0 12px}
            ul.steps li{padding:2px 0}
            ul.steps li.failed{font-weight:600;color:var(--bad)}
            .dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:7px;vertical-align:middle}
            footer{padding:16px 40px;color:var(--muted);border-top:1px solid var(--line);font-size:12px}
            svg text{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif}
            .scroll{overflow-x:auto;max-width:100%;margin:6px 0 12px}
            .scroll>table{margin:0;min-width:600px}
            h1,.sentence,p,li,h3,.kpi,pre,code{overflow-wrap:anywhere}
            td,th{overflow-wrap:break-word;max-width:32em}
            .pill{white-space:nowrap}
            svg{max-width:100%;height:auto}
            .card{overflow-x:auto}
            .card svg[width="100%"]{max-width:none;min-width:560px}
            @media (max-width:700px){header.hero{padding:18px 16px 16px}main{padding:4px 16px 28px}footer{padding:14px 16px}
              h1{font-size:22px}.charts{grid-template-columns:1fr}.kpi{min-width:0;flex:1 1 40%}}
            @media print{header.hero{color:#000;background:none!important;border-bottom:3px solid #000}.kpi{border-color:#999}}
            """;

    private final Assessment a;
    private final PipelineView pipeline;
    private final StringBuilder out = new StringBuilder(32_768);

    private HtmlRenderer(Assessment a) {
        this.a = a;
        this.pipeline = PipelineView.of(a);
    }

    public static String render(Assessment a, List<String> artifacts) {
        HtmlRenderer r = new HtmlRenderer(a);
        r.page(artifacts);
        return r.out.toString();
    }

    /** HTML-escaped text with control characters removed. */
    static String h(String s) {
        return s == null ? "" : StringEscapeUtils.escapeHtml4(Md.stripControls(s));
    }

    static String hc(String s, int max) {
        return h(Md.cap(s, max));
    }

    private void page(List<String> artifacts) {
        GateDecision.Verdict g = a.gate().status();
        w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w("<meta name=\"generator\" content=\"Sophia\">\n");
        w("<title>" + hc(a.deployment(), 120) + " — " + g + " · Sophia report</title>\n");
        w("<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        hero();
        w("<main>\n");
        overview();
        services();
        pipelineSection();
        changes();
        logEvidence();
        causes();
        anomalies();
        impact();
        actions();
        escalation();
        gate();
        platform();
        mcp();
        tls();
        timing();
        expectations();
        unreadSources();
        artifacts(artifacts);
        w("</main>\n<footer>Generated by Sophia at " + h(a.generatedAt().toString()) + " · report schema "
                + hc(a.schemaVersion(), 20) + "</footer>\n</body>\n</html>\n");
    }

    private void hero() {
        GateDecision.Verdict g = a.gate().status();
        w("<header class=\"hero " + g.name().toLowerCase(Locale.ROOT) + "\">\n");
        w("<span class=\"badge\">GATE " + g + "</span>\n");
        w("<h1>" + hc(a.deployment(), 120) + "</h1>\n");
        w("<p class=\"sentence\">" + verdict() + "</p>\n");
        w("<div class=\"kpis\">\n");
        long up = count(Status.UP);
        int total = a.services().size();
        double avail = a.impact() != null ? a.impact().availabilityPercent() : total == 0 ? 0 : 100.0 * up / total;
        kpi("Availability", total == 0 ? Formats.NOT_MEASURED : Formats.percentValue(avail));
        kpi("Services up", up + " / " + total);
        if (!a.causes().isEmpty()) {
            RankedCause top = a.causes().get(0);
            kpi("Top cause", hc(top.id().value(), 40) + " · " + Formats.percent(top.probability()));
        } else {
            kpi("Top cause", "none");
        }
        kpi("Gate score", Formats.percentValue(a.gate().score()));
        if (pipeline != null && pipeline.run() != null) {
            kpi("Pipeline", hc(orDash(pipeline.run().conclusion()), 30) + " · " + duration(pipeline.duration()));
        }
        if (a.probing() != null) {
            long notProbed = a.observations(ProbeFailure.class).stream()
                    .filter(f -> f.kind() == io.sophia.core.FailureKind.NOT_PROBED).count();
            kpi("Timeout / budget", duration(a.probing().timeout()) + " / " + duration(a.probing().budget())
                    + (notProbed == 0 ? "" : " · " + notProbed + " not probed"));
        }
        w("</div>\n</header>\n");
    }

    private String verdict() {
        StringBuilder b = new StringBuilder();
        long up = count(Status.UP);
        if (a.services().isEmpty()) {
            b.append(Formats.NO_SERVICE);
        } else {
            b.append(up).append(" of ").append(a.services().size()).append(" services UP");
        }
        if (pipeline != null && pipeline.run() != null && pipeline.run().conclusion() != null
                && !"success".equals(pipeline.run().conclusion())) {
            b.append("; CI run ").append(pipeline.run().runId()).append(" concluded ").append(hc(pipeline.run().conclusion(), 40));
            String step = pipeline.firstFailedStep();
            if (step != null) {
                b.append(" at step “").append(hc(step, 120)).append('”');
            }
        }
        if (a.causes().isEmpty()) {
            b.append(". Nothing failing needs explaining.");
        } else {
            RankedCause top = a.causes().get(0);
            b.append(". Most probable cause: <strong>").append(hc(title(top), 100)).append("</strong> (")
                    .append(Formats.percent(top.probability())).append(", ").append(Formats.confidence(top.confidence())).append(").");
        }
        return b.toString();
    }

    private void kpi(String k, String v) {
        w("<div class=\"kpi\"><div class=\"k\">" + k + "</div><div class=\"v\">" + v + "</div></div>\n");
    }

    private void overview() {
        w("<section id=\"overview\">\n<h2>Overview</h2>\n<div class=\"charts\">\n");
        w("<div class=\"card\"><h3>Service status</h3>\n" + Svg.statusDonut(a.services()) + "</div>\n");
        w("<div class=\"card\"><h3>Root-cause probabilities</h3>\n");
        if (a.causes().isEmpty()) {
            w("<p class=\"muted\">No cause ranked: nothing failing needs explaining.</p>\n");
        } else {
            w(Svg.causeBars(a.causes()));
        }
        w("</div>\n</div>\n</section>\n");
    }

    private void services() {
        if (a.services().isEmpty()) {
            return;
        }
        boolean owners = a.services().stream().anyMatch(s -> s.owner() != null);
        boolean upSince = a.services().stream().anyMatch(s -> s.upSince() != null);
        w("<section id=\"services\">\n<h2>Service status</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Service</th><th>Endpoint</th>"
                + "<th>Status</th><th class=\"num\">HTTP</th><th class=\"num\">Latency</th><th>Failure</th><th>Version</th>"
                + (upSince ? "<th>Up since</th>" : "") + (owners ? "<th>Owner</th>" : "") + "</tr></thead>\n<tbody>\n");
        for (ServiceHealth s : a.services()) {
            w("<tr><td><strong>" + hc(s.name(), 100) + "</strong> <code>" + hc(s.id(), 80) + "</code>"
                    + (s.critical() ? " <span class=\"muted\">critical</span>" : "") + "<br><span class=\"muted\">"
                    + hc(s.capability(), 120) + "</span></td><td><code>" + hc(orDash(s.url()), 200) + "</code></td>"
                    + "<td>" + pill("s-" + s.status(), s.status().name()) + "</td><td class=\"num\">"
                    + orDash(s.httpStatus()) + "</td><td class=\"num\">" + Formats.latency(s) + "</td><td>"
                    + hc(orDash(s.failure()), 300) + "</td><td>" + (s.version() == null ? "—" : "<code>" + hc(s.version(), 80) + "</code>")
                    + "</td>" + (upSince ? "<td>" + (s.upSince() == null ? "—" : "<time datetime=\"" + s.upSince() + "\">"
                    + h(Formats.upSince(s.upSince(), a.generatedAt())) + "</time>") + "</td>" : "")
                    + (owners ? "<td>" + owner(s.owner()) + "</td>" : "") + "</tr>\n");
        }
        w("</tbody>\n</table></div>\n</section>\n");
    }

    private void pipelineSection() {
        if (pipeline == null) {
            return;
        }
        w("<section id=\"pipeline\">\n<h2>Pipeline</h2>\n");
        CiRun run = pipeline.run();
        if (run != null) {
            w("<p><strong>" + link("Run " + run.runId(), run.htmlUrl()) + "</strong>"
                    + (run.workflowName() == null ? "" : " · workflow <em>" + hc(run.workflowName(), 160) + "</em>")
                    + " · " + pill("c-" + Formats.conclusionClass(run.conclusion()), hc(orDash(run.conclusion()), 30))
                    + " · " + duration(pipeline.duration())
                    + (run.event() == null ? "" : " · trigger <code>" + hc(run.event(), 40) + "</code>")
                    + (run.headBranch() == null ? "" : " · branch <code>" + hc(run.headBranch(), 80) + "</code>")
                    + (run.headSha() == null ? "" : " · commit <code>" + hc(Formats.shortSha(run.headSha()), 12) + "</code>")
                    + (run.repository() == null ? "" : " · <code>" + hc(run.repository(), 100) + "</code>")
                    + "</p>\n");
        }
        if (!pipeline.jobs().isEmpty()) {
            Instant start = pipeline.start();
            if (start != null) {
                w("<div class=\"card\"><h3>Job timeline</h3>\n" + Svg.jobTimeline(pipeline.jobs(), start) + "</div>\n");
            }
            w("<div class=\"scroll\"><table>\n<thead><tr><th>Job</th><th>Service</th><th>Conclusion</th><th class=\"num\">Duration</th>"
                    + "<th>Failed step</th></tr></thead>\n<tbody>\n");
            for (CiJob j : pipeline.jobs()) {
                CiStep f = j.failedStep();
                w("<tr><td>" + link(j.name(), j.htmlUrl()) + "</td><td>" + (j.serviceId() == null ? "—" : "<code>"
                        + hc(j.serviceId(), 80) + "</code>") + "</td><td>"
                        + pill("c-" + Formats.conclusionClass(j.conclusion()), hc(orDash(j.conclusion()), 30))
                        + "</td><td class=\"num\">" + duration(j.duration()) + "</td><td>"
                        + (f == null ? "—" : hc(f.name(), 160)) + "</td></tr>\n");
            }
            w("</tbody>\n</table></div>\n");
            for (CiJob j : pipeline.unsuccessfulJobs()) {
                w("<h3>" + hc(j.name(), 160) + " <span class=\"muted\">— " + hc(orDash(j.conclusion()), 30) + " · "
                        + duration(j.duration()) + "</span></h3>\n<ul class=\"steps\">\n");
                CiStep f = j.failedStep();
                for (CiStep s : j.steps()) {
                    w("<li" + (s == f ? " class=\"failed\"" : "") + "><span class=\"dot c-"
                            + Formats.conclusionClass(s.conclusion()) + "\"></span>"
                            + s.number() + " · " + hc(s.name(), 160) + " — " + hc(orDash(s.conclusion()), 30) + " · "
                            + duration(s.duration()) + (s == f ? " ← failed here" : "") + "</li>\n");
                }
                w("</ul>\n");
            }
        }
        if (!pipeline.annotations().isEmpty()) {
            w("<h3>Annotations</h3>\n<ul>\n");
            for (CiAnnotation an : pipeline.annotations()) {
                w("<li><strong>" + hc(orDash(an.level()), 20) + "</strong> " + hc(an.title(), 200)
                        + (an.message() == null ? "" : " — " + hc(an.message(), 500))
                        + (an.path() == null ? "" : " <code>" + hc(an.path() + (an.line() == null ? "" : ":" + an.line()), 200) + "</code>")
                        + "</li>\n");
            }
            w("</ul>\n");
        }
        w("</section>\n");
    }

    private void changes() {
        ChangeView v = ChangeView.of(a);
        if (v == null) {
            return;
        }
        w("<section id=\"changes\">\n<h2>Changed since the last good deploy</h2>\n");
        if (!v.releases().isEmpty()) {
            w("<ul>\n");
            for (io.sophia.core.ReleaseSplit r : v.releases()) {
                w("<li>Platform app <code>" + hc(r.app(), 120) + "</code>: " + r.healthyMachines().size()
                        + " healthy machine(s) on " + r.healthyImages().stream().limit(2).map(i -> "<code>" + hc(i, 300) + "</code>")
                        .collect(Collectors.joining(", ")) + ", " + r.failingMachines().size() + " failing on "
                        + r.failingImages().stream().limit(2).map(i -> "<code>" + hc(i, 300) + "</code>")
                        .collect(Collectors.joining(", ")) + "</li>\n");
            }
            w("</ul>\n");
        }
        if (v.changes() == null && v.unavailable() == null) {
            w("</section>\n");
            return;
        }
        if (v.changes() == null) {
            io.sophia.core.Observation.ChangeSetUnavailable u = v.unavailable();
            w("<p class=\"muted\">Not compared (" + orDash(u.kind()) + (u.httpStatus() == null ? "" : ", HTTP " + u.httpStatus())
                    + "): " + hc(orDash(u.detail()), 300) + "</p>\n</section>\n");
            return;
        }
        io.sophia.core.Observation.ChangeSet c = v.changes();
        String from = (c.baseRunId() > 0 ? "run " + c.baseRunId() + " " : "") + "<code>" + hc(Formats.shortSha(c.baseSha()), 12) + "</code>";
        String to = (c.headRunId() > 0 ? "run " + c.headRunId() + " " : "") + "<code>" + hc(Formats.shortSha(c.headSha()), 12) + "</code>";
        if ("identical".equals(c.comparison()) || (c.commits().isEmpty() && c.files().isEmpty() && c.totalCommits() == 0)) {
            w("<p>Last good deploy " + from + " → " + to + ": <strong>the same commit</strong> — nothing in the repository "
                    + "changed, so look at the platform, the secrets or a transient failure.</p>\n</section>\n");
            return;
        }
        w("<p>Last good deploy " + from + " → " + to + ": <strong>" + c.totalCommits() + (c.totalCommits() == 1 ? " commit" : " commits")
                + "</strong>, <strong>" + c.files().size() + (c.files().size() == 1 ? " file" : " files") + "</strong>"
                + (c.truncated() ? " (listing truncated)" : "")
                + (c.htmlUrl() == null ? "" : " — " + link("compare on GitHub", c.htmlUrl())) + "</p>\n<ul>\n");
        for (java.util.Map.Entry<io.sophia.core.ChangeClass, List<io.sophia.core.Observation.ChangedFile>> e : v.byClass().entrySet()) {
            List<io.sophia.core.Observation.ChangedFile> files = e.getValue();
            String t = hc(ChangeView.title(e.getKey()), 80);
            w("<li>" + (ChangeView.telling(e.getKey()) ? "<strong>" + t + "</strong>" : t) + " (" + files.size() + "): "
                    + files.stream().limit(4).map(f -> "<code>" + hc(f.path(), 200) + "</code>").collect(Collectors.joining(", "))
                    + (files.size() > 4 ? ", … " + (files.size() - 4) + " more" : "") + "</li>\n");
        }
        w("</ul>\n");
        fileDetails(v, c);
        commitDetails(c);
        w("</section>\n");
    }

    /** Every changed file, by class, folded. */
    private void fileDetails(ChangeView v, io.sophia.core.Observation.ChangeSet c) {
        if (!c.files().isEmpty()) {
            w("<details><summary>" + c.files().size() + " changed files by class</summary>\n");
            for (java.util.Map.Entry<io.sophia.core.ChangeClass, List<io.sophia.core.Observation.ChangedFile>> e : v.byClass().entrySet()) {
                w("<h3>" + hc(ChangeView.title(e.getKey()), 80) + "</h3>\n<ul>\n");
                int n = 0;
                for (io.sophia.core.Observation.ChangedFile f : e.getValue()) {
                    if (n++ == ChangeView.MAX_FILES_PER_CLASS) {
                        w("<li class=\"muted\">" + (e.getValue().size() - ChangeView.MAX_FILES_PER_CLASS) + " more in report.json</li>\n");
                        break;
                    }
                    w("<li><code>" + hc(f.path(), 300) + "</code>" + (f.previousPath() == null ? "" : " (was <code>"
                            + hc(f.previousPath(), 300) + "</code>)") + " — " + hc(orDash(f.status()), 20) + ", +" + f.additions()
                            + " −" + f.deletions() + "</li>\n");
                }
                w("</ul>\n");
            }
            w("</details>\n");
        }
    }

    /** The commits, folded. */
    private void commitDetails(io.sophia.core.Observation.ChangeSet c) {
        if (!c.commits().isEmpty()) {
            w("<details><summary>" + c.commits().size() + (c.commits().size() == 1 ? " commit" : " commits") + "</summary>\n<ul>\n");
            int n = 0;
            for (io.sophia.core.Observation.ChangedCommit m : c.commits()) {
                if (n++ == ChangeView.MAX_COMMITS) {
                    w("<li class=\"muted\">" + (c.commits().size() - ChangeView.MAX_COMMITS) + " more in report.json</li>\n");
                    break;
                }
                w("<li>" + (m.htmlUrl() == null ? "<code>" + hc(Formats.shortSha(m.sha()), 12) + "</code>"
                        : link(Formats.shortSha(m.sha()), m.htmlUrl())) + " " + hc(orDash(m.message()), 160)
                        + (m.author() == null ? "" : " — " + hc(m.author(), 60)) + "</li>\n");
            }
            w("</ul>\n</details>\n");
        }
    }

    private void logEvidence() {
        List<LogFinding> findings = PipelineView.findings(a);
        if (findings.isEmpty()) {
            return;
        }
        w("<section id=\"log-evidence\">\n<h2>Log evidence</h2>\n");
        int n = 0;
        for (LogFinding f : findings) {
            if (n++ == 6) {
                w("<p class=\"muted\">" + (findings.size() - 6) + " more findings are in report.json.</p>\n");
                break;
            }
            w("<p><strong>" + hc(f.jobName() == null ? "log" : f.jobName(), 160) + "</strong>"
                    + (f.step() == null ? "" : " › step <strong>" + hc(f.step(), 160) + "</strong>")
                    + " › line " + f.lineNumber() + " — indication <code>" + hc(f.indicationId(), 80) + "</code>"
                    + (f.causeId() == null ? "" : " → <code>" + hc(f.causeId().value(), 60) + "</code>")
                    + " <span class=\"muted\">(score " + Formats.decimal(f.score(), 2) + ")</span></p>\n");
            w("<pre>");
            List<String> ctx = f.context().stream().limit(15).toList();
            if (!ctx.contains(f.line())) {
                w("<span class=\"hit\">" + hc(f.line(), 2000) + "</span>");
            }
            for (String l : ctx) {
                w(l.equals(f.line()) ? "<span class=\"hit\">" + hc(l, 2000) + "</span>" : hc(l, 2000) + "\n");
            }
            w("</pre>\n");
        }
        w("</section>\n");
    }

    private void causes() {
        if (a.causes().isEmpty()) {
            return;
        }
        w("<section id=\"causes\">\n<h2>Root causes</h2>\n");
        int rank = 0;
        for (RankedCause c : a.causes()) {
            rank++;
            w("<div class=\"cause\">\n<h3>" + rank + ". " + hc(title(c), 120) + " — " + Formats.percent(c.probability())
                    + " <span class=\"muted\">· " + Formats.confidence(c.confidence()) + " · <code>" + hc(c.id().value(), 60)
                    + "</code></span></h3>\n");
            if (!c.serviceIds().isEmpty()) {
                w("<p class=\"muted\">Explains " + ids(c.serviceIds()) + "</p>\n");
            }
            if (c.explanation() != null && !c.explanation().isBlank()) {
                w("<p>" + hc(c.explanation(), 4000) + "</p>\n");
            }
            if (!c.nextChecks().isEmpty()) {
                w("<p class=\"next\"><strong>" + (c.id().value().equals("unknown") ? "Missing evidence — how to get it"
                        : "Next check") + "</strong></p>\n<ul>\n");
                for (String check : c.nextChecks()) {
                    w("<li>" + hc(check, 600) + "</li>\n");
                }
                w("</ul>\n");
            }
            if (!c.evidence().isEmpty()) {
                w("<div class=\"scroll\"><table>\n<thead><tr><th>Direction</th><th class=\"num\">Weight</th><th>Evidence</th><th>Rule</th>"
                        + "<th>Services</th></tr></thead>\n<tbody>\n");
                for (Evidence e : c.evidence()) {
                    boolean pro = e.direction() == Evidence.Direction.FOR;
                    w("<tr><td class=\"" + (pro ? "for" : "against") + "\">" + (pro ? "+ for" : "− against")
                            + "</td><td class=\"num\">" + Formats.decimal(e.weight(), 2) + "</td><td>" + hc(e.text(), 500)
                            + "</td><td>" + (e.ruleId() == null ? "—" : "<code>" + hc(e.ruleId(), 80) + "</code>") + "</td><td>"
                            + ids(e.serviceIds()) + "</td></tr>\n");
                }
                w("</tbody>\n</table></div>\n");
            }
            w("</div>\n");
        }
        double unlisted = Formats.unlistedShare(a.causes());
        if (unlisted > 0) {
            w("<p class=\"muted\">" + Formats.unlistedSentence(unlisted) + "</p>\n");
        }
        w("</section>\n");
    }

    private void anomalies() {
        if (a.anomalies().isEmpty()) {
            return;
        }
        w("<section id=\"anomalies\">\n<h2>Anomalies</h2>\n");
        for (Anomaly x : a.anomalies()) {
            w("<div class=\"card\"><strong>Anomaly <code>" + hc(x.kind(), 60) + "</code></strong>"
                    + (x.serviceId() == null ? "" : " on <code>" + hc(x.serviceId(), 80) + "</code>")
                    + "<p>" + hc(x.summary(), 500) + "</p>\n<ul>\n");
            for (String s : x.statements()) {
                w("<li>" + hc(s, 500) + "</li>\n");
            }
            w("</ul></div>\n");
        }
        w("</section>\n");
    }

    private void impact() {
        Impact i = a.impact();
        if (i == null) {
            return;
        }
        w("<section id=\"impact\">\n<h2>Business impact</h2>\n<p><strong>Severity " + i.severity() + "</strong> — "
                + (a.services().isEmpty() ? Formats.IMPACT_NOT_MEASURED
                : i.servicesUp() + " of " + i.totalServices() + " services UP, availability "
                + Formats.percentValue(i.availabilityPercent()) + ".") + "</p>\n");
        w("<div class=\"scroll\"><table>\n<thead><tr><th>Offline</th><th>Degraded or unknown</th><th>Online</th></tr></thead>\n<tbody><tr>");
        for (List<String> caps : List.of(i.capabilitiesOffline(), i.capabilitiesDegraded(), i.capabilitiesOnline())) {
            w("<td>" + (caps.isEmpty() ? "—" : caps.stream().map(c -> hc(c, 200)).collect(Collectors.joining("<br>"))) + "</td>");
        }
        w("</tr></tbody>\n</table></div>\n</section>\n");
    }

    private void actions() {
        if (a.actions().isEmpty()) {
            return;
        }
        w("<section id=\"actions\">\n<h2>Actions</h2>\n");
        for (Action.Priority p : Action.Priority.values()) {
            List<Action> group = a.actions().stream().filter(x -> x.priority() == p).toList();
            if (group.isEmpty()) {
                continue;
            }
            w("<h3>" + p + "</h3>\n<ol>\n");
            for (Action x : group) {
                w("<li><strong>" + hc(x.title(), 200) + "</strong> <span class=\"muted\">— "
                        + Formats.windowWords(x.within()) + "</span>"
                        + (x.detail() == null ? "" : "<br>" + hc(x.detail(), 600))
                        + (x.causeId() == null ? "" : " <span class=\"muted\">cause <code>" + hc(x.causeId().value(), 60) + "</code></span>")
                        + (x.serviceIds().isEmpty() ? "" : " <span class=\"muted\">services " + ids(x.serviceIds()) + "</span>")
                        + callOwners(Escalation.owners(a, x.serviceIds()))
                        + "</li>\n");
            }
            w("</ol>\n");
        }
        w("</section>\n");
    }

    private static String callOwners(List<Owner> owners) {
        return owners.isEmpty() ? "" : " <span class=\"owners\">call " + owners.stream().map(HtmlRenderer::owner)
                .collect(Collectors.joining(", ")) + "</span>";
    }

    /** The team in bold, then its contact; "—" for nobody. */
    private static String owner(Owner o) {
        return o == null ? "—" : "<strong>" + hc(o.team(), 120) + "</strong>"
                + (o.contact() == null ? "" : " " + hc(o.contact(), 160));
    }

    /** Who to call: the owners of the affected services, most urgent first (the reference report's contacts). */
    private void escalation() {
        List<Escalation> groups = Escalation.of(a);
        if (groups.isEmpty()) {
            return;
        }
        w("<section id=\"escalation\">\n<h2>Escalation</h2>\n<p>Who to call: the owners of the affected services, "
                + "the most urgent first.</p>\n<div class=\"scroll\"><table>\n<thead><tr><th>Owner</th><th>Services</th>"
                + "<th>Capabilities at stake</th><th>Most urgent action</th></tr></thead>\n<tbody>\n");
        for (Escalation e : groups) {
            Action first = e.action();
            w("<tr><td>" + (e.owner() == null ? "<em>no owner configured</em>" : owner(e.owner())) + "</td><td>"
                    + e.services().stream().limit(Escalation.MAX_LISTED).map(s -> "<code>" + hc(s.id(), 80) + "</code> "
                            + s.status().name()).collect(Collectors.joining(", ")) + Escalation.more(e.services().size())
                    + "</td><td>" + (e.capabilities().isEmpty() ? "—" : e.capabilities().stream().map(c -> hc(c, 120))
                            .collect(Collectors.joining(", ")))
                    + "</td><td>" + (first == null ? "—" : e.priority() + " " + hc(first.title(), 160)
                            + " <span class=\"muted\">" + Formats.windowWords(first.within()) + "</span>") + "</td></tr>\n");
        }
        w("</tbody>\n</table></div>\n");
        if (groups.get(groups.size() - 1).owner() == null) {
            w("<p class=\"muted\">Name who to call for the services without an owner: "
                    + "<code>owner: {team: …, contact: …}</code> in the config.</p>\n");
        }
        w("</section>\n");
    }

    private void gate() {
        GateDecision g = a.gate();
        w("<section id=\"gate\">\n<h2>Gate " + pill(g.status() == GateDecision.Verdict.OPEN ? "o-PASS"
                : g.status() == GateDecision.Verdict.WARN ? "o-WARN" : "o-FAIL", g.status().name()) + "</h2>\n");
        w("<p>Score " + Formats.percentValue(g.score()) + ". A failed key criterion blocks the release; any other failed "
                + "criterion warns.</p>\n");
        if (!g.criteria().isEmpty()) {
            w("<div class=\"scroll\"><table>\n<thead><tr><th>Criterion</th><th>Key</th><th class=\"num\">Weight</th><th>Outcome</th><th>Value</th>"
                    + "<th>Threshold</th></tr></thead>\n<tbody>\n");
            for (GateDecision.Criterion c : g.criteria()) {
                w("<tr><td><code>" + hc(c.id(), 80) + "</code> " + hc(c.description(), 200) + "</td><td>"
                        + (c.key() ? "key" : "—") + "</td><td class=\"num\">" + Formats.decimal(c.weight(), 2) + "</td><td>"
                        + pill("o-" + c.outcome(), c.outcome().name()) + "</td><td>" + hc(orDash(c.value()), 300) + "</td><td>"
                        + hc(orDash(c.threshold()), 300) + "</td></tr>\n");
            }
            w("</tbody>\n</table></div>\n");
        }
        w("</section>\n");
    }

    private void platform() {
        List<PlatformMachine> ms = a.observations(PlatformMachine.class);
        if (ms.isEmpty()) {
            return;
        }
        w("<section id=\"platform\">\n<h2>Platform machines</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Service</th><th>App</th>"
                + "<th>Machine</th><th>State</th><th>Region</th><th>Image</th><th>Host</th><th>Checks</th><th>Events</th>"
                + "</tr></thead>\n<tbody>\n");
        for (PlatformMachine m : ms) {
            String cls = m.stuck() ? "c-warn" : "started".equals(m.state()) ? "c-ok"
                    : "failed".equals(m.state()) || "destroyed".equals(m.state()) ? "c-bad" : "c-muted";
            w("<tr><td>" + (m.serviceId() == null ? "—" : "<code>" + hc(m.serviceId(), 80) + "</code>") + "</td><td><code>"
                    + hc(m.app(), 80) + "</code></td><td><code>" + hc(m.machineId(), 40) + "</code> " + hc(m.name(), 60)
                    + "</td><td>" + pill(cls, hc(orDash(m.state()), 30) + (m.stuck() ? " (stuck)" : "")) + "</td><td>"
                    + hc(orDash(m.region()), 20) + "</td><td><code>" + hc(orDash(m.imageRef()), 200) + "</code></td><td>"
                    + hc(orDash(m.hostStatus()), 30) + "</td><td>");
            for (MachineCheck c : m.checks()) {
                w(hc(c.name(), 60) + ": " + hc(orDash(c.status()), 20)
                        + (c.output() == null || c.output().isBlank() ? "" : " — " + hc(c.output(), 200)) + "<br>");
            }
            w("</td><td>");
            for (MachineEvent e : m.events()) {
                w(hc(orDash(e.type()), 30) + " " + hc(e.status(), 30) + (e.exitCode() == null ? "" : ", exit " + e.exitCode())
                        + (Boolean.TRUE.equals(e.oomKilled()) ? ", OOM killed" : "")
                        + (e.timestamp() == null ? "" : " <span class=\"muted\">" + e.timestamp() + "</span>") + "<br>");
            }
            w("</td></tr>\n");
        }
        w("</tbody>\n</table></div>\n</section>\n");
    }

    private void mcp() {
        List<McpHandshake> hs = a.observations(McpHandshake.class);
        if (hs.isEmpty()) {
            return;
        }
        w("<section id=\"mcp\">\n<h2>MCP servers</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Service</th><th>Protocol</th><th>Era</th>"
                + "<th>Server</th><th>Version</th><th>Capabilities</th><th class=\"num\">Tools</th><th class=\"num\">Latency</th>"
                + "</tr></thead>\n<tbody>\n");
        for (McpHandshake m : hs) {
            w("<tr><td><code>" + hc(orDash(m.serviceId()), 80) + "</code></td><td>" + hc(orDash(m.protocolVersion()), 30)
                    + "</td><td>" + hc(orDash(m.era()), 30) + "</td><td>" + hc(orDash(m.serverName()), 100) + "</td><td>"
                    + hc(orDash(m.serverVersion()), 60) + "</td><td>" + hc(String.join(", ", m.capabilities()), 200)
                    + "</td><td class=\"num\">" + m.toolCount() + "</td><td class=\"num\">"
                    + Formats.latency(Formats.millis(m.latency())) + "</td></tr>\n");
        }
        w("</tbody>\n</table></div>\n</section>\n");
    }

    private void tls() {
        List<TlsHandshake> hs = a.observations(TlsHandshake.class);
        if (hs.isEmpty()) {
            return;
        }
        w("<section id=\"tls\">\n<h2>TLS certificates</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Service</th><th>Host</th>"
                + "<th>Protocol</th><th>Subject</th><th>Issuer</th><th>Expires</th><th class=\"num\">Days left</th>"
                + "<th>Checks</th></tr></thead>\n<tbody>\n");
        for (TlsHandshake t : hs) {
            List<String> problems = Formats.certificateProblems(t);
            w("<tr><td><code>" + hc(orDash(t.serviceId()), 80) + "</code></td><td><code>" + hc(orDash(t.host()) + ":" + t.port(), 120)
                    + "</code></td><td>" + hc(orDash(t.protocol()), 20) + "</td><td>" + hc(orDash(t.subject()), 200)
                    + "</td><td>" + hc(orDash(t.issuer()), 200) + "</td><td>" + orDash(t.notAfter()) + "</td><td class=\"num\">"
                    + t.daysToExpiry() + "</td><td>" + (problems.isEmpty() ? pill("c-ok", "ok")
                    : pill("c-bad", String.join(", ", problems))) + "</td></tr>\n");
        }
        w("</tbody>\n</table></div>\n</section>\n");
    }

    private void timing() {
        List<HttpCheck> checks = a.observations(HttpCheck.class).stream()
                .filter(x -> !Timing.NONE.equals(x.timing())).toList();
        if (checks.isEmpty()) {
            return;
        }
        w("<section id=\"timing\">\n<h2>HTTP timing</h2>\n" + Svg.timingBars(checks) + "</section>\n");
    }

    private void expectations() {
        List<ConditionCheck> failed = a.observations(ConditionCheck.class).stream().filter(c -> !c.passed()).toList();
        if (failed.isEmpty()) {
            return;
        }
        w("<section id=\"expectations\">\n<h2>Failed expectations</h2>\n<ul>\n");
        for (ConditionCheck c : failed) {
            w("<li><code>" + hc(orDash(c.serviceId()), 80) + "</code> <code>" + hc(c.condition(), 200) + "</code> — actual <code>"
                    + hc(orDash(c.actual()), 200) + "</code></li>\n");
        }
        w("</ul>\n</section>\n");
    }

    private void unreadSources() {
        List<ProbeFailure> failures = a.observations(ProbeFailure.class).stream().filter(p -> p.serviceId() == null).toList();
        if (failures.isEmpty()) {
            return;
        }
        w("<section id=\"sources\">\n<h2>Sources that could not be read</h2>\n<ul>\n");
        for (ProbeFailure p : failures) {
            w("<li>" + hc(orDash(p.source() == null ? null : p.source().wire()), 30) + " <code>" + hc(orDash(p.target()), 200) + "</code>: " + orDash(p.kind())
                    + (p.httpStatus() == null ? "" : " (HTTP " + p.httpStatus() + ")")
                    + (p.detail() == null ? "" : " — " + hc(p.detail(), 300)) + "</li>\n");
        }
        w("</ul>\n</section>\n");
    }

    private void artifacts(List<String> artifacts) {
        if (artifacts == null || artifacts.isEmpty()) {
            return;
        }
        w("<section id=\"artifacts\">\n<h2>Artifacts</h2>\n<ul>\n");
        for (String f : artifacts) {
            w("<li><code>" + hc(f, 200) + "</code></li>\n");
        }
        w("</ul>\n</section>\n");
    }

    // ---- helpers --------------------------------------------------------------------------

    private static String title(RankedCause c) {
        return c.title() == null ? c.id().value() : c.title();
    }

    private static String pill(String cls, String text) {
        return "<span class=\"pill " + cls + "\">" + text + "</span>";
    }

    private static String link(String text, String url) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return hc(text, 200);
        }
        return "<a href=\"" + hc(url, 2000) + "\" rel=\"noopener noreferrer\">" + hc(text, 200) + "</a>";
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty() ? "—" : ids.stream().map(i -> "<code>" + hc(i, 80) + "</code>").collect(Collectors.joining(", "));
    }

    private long count(Status s) {
        return a.services().stream().filter(x -> x.status() == s).count();
    }

    private void w(String s) {
        out.append(s);
    }
}
