package io.sophia.report.internal;

import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.Timing;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML report; numbers are formatted with a fixed locale so output is deterministic. */
final class Svg {

    static final String OK = "#1a7f37";
    static final String BAD = "#cf222e";
    static final String WARN = "#bf8700";
    static final String MUTED = "#8c959f";
    static final String ACCENT = "#0969da";

    private Svg() {
    }

    private static String n(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String statusColor(Status s) {
        return switch (s) {
            case UP -> OK;
            case DOWN -> BAD;
            case DEGRADED -> WARN;
            case UNKNOWN -> MUTED;
        };
    }

    static String conclusionColor(String conclusion) {
        return switch (Formats.conclusionClass(conclusion)) {
            case "ok" -> OK;
            case "bad" -> BAD;
            case "warn" -> WARN;
            default -> MUTED;
        };
    }

    /** A donut of service statuses with the UP count in the middle and a legend. */
    static String statusDonut(List<ServiceHealth> services) {
        int total = services.size();
        StringBuilder b = new StringBuilder();
        b.append("<svg viewBox=\"0 0 270 150\" width=\"324\" height=\"180\" role=\"img\" aria-label=\"service status\">\n");
        // r = 100 / (2 pi): the circumference is 100, so dash lengths are percentages
        double r = 15.9155;
        b.append("<g transform=\"translate(70 72) scale(3.6)\">\n");
        b.append("<circle r=\"").append(r).append("\" fill=\"none\" stroke=\"#eaeef2\" stroke-width=\"5\"/>\n");
        double offset = 25; // start at 12 o'clock
        long up = 0;
        for (Status s : List.of(Status.UP, Status.DEGRADED, Status.UNKNOWN, Status.DOWN)) {
            long c = services.stream().filter(x -> x.status() == s).count();
            if (s == Status.UP) {
                up = c;
            }
            if (c == 0 || total == 0) {
                continue;
            }
            double pct = 100.0 * c / total;
            b.append("<circle r=\"").append(r).append("\" fill=\"none\" stroke=\"").append(statusColor(s))
                    .append("\" stroke-width=\"5\" stroke-dasharray=\"").append(n(pct)).append(' ').append(n(100 - pct))
                    .append("\" stroke-dashoffset=\"").append(n(offset)).append("\"><title>").append(s).append(": ")
                    .append(c).append("</title></circle>\n");
            offset -= pct;
        }
        b.append("</g>\n");
        b.append("<text x=\"70\" y=\"70\" text-anchor=\"middle\" font-size=\"22\" font-weight=\"600\" fill=\"#1f2328\">")
                .append(up).append('/').append(total).append("</text>\n");
        b.append("<text x=\"70\" y=\"88\" text-anchor=\"middle\" font-size=\"11\" fill=\"#6e7781\">UP</text>\n");
        int y = 34;
        for (Status s : List.of(Status.UP, Status.DEGRADED, Status.UNKNOWN, Status.DOWN)) {
            long c = services.stream().filter(x -> x.status() == s).count();
            b.append("<rect x=\"150\" y=\"").append(y - 9).append("\" width=\"10\" height=\"10\" rx=\"2\" fill=\"")
                    .append(statusColor(s)).append("\"/>");
            b.append("<text x=\"166\" y=\"").append(y).append("\" font-size=\"12\" fill=\"#1f2328\">").append(s)
                    .append(" ").append(c).append("</text>\n");
            y += 22;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** Horizontal bars of cause probabilities, highest first. */
    static String causeBars(List<RankedCause> causes) {
        int rows = causes.size();
        int rowH = 26;
        int labelW = 230;
        int barW = 380;
        int h = rows * rowH + 10;
        StringBuilder b = new StringBuilder();
        b.append("<svg viewBox=\"0 0 ").append(labelW + barW + 70).append(' ').append(h).append("\" width=\"100%\" role=\"img\" ")
                .append("aria-label=\"cause probabilities\" preserveAspectRatio=\"xMinYMin meet\">\n");
        int y = 6;
        boolean first = true;
        for (RankedCause c : causes) {
            double p = Math.max(0, Math.min(1, c.probability()));
            String label = Md.cap(c.title() == null ? c.id().value() : c.title(), 34);
            b.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2328\">").append(HtmlRenderer.h(label))
                    .append("</text>\n");
            b.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"").append(barW)
                    .append("\" height=\"16\" rx=\"3\" fill=\"#eaeef2\"/>");
            b.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"").append(n(barW * p))
                    .append("\" height=\"16\" rx=\"3\" fill=\"").append(first ? BAD : c.id().value().equals("unknown") ? MUTED : ACCENT)
                    .append("\"><title>").append(HtmlRenderer.h(c.id().value())).append(": ").append(Formats.percent(p))
                    .append("</title></rect>");
            b.append("<text x=\"").append(n(labelW + barW * p + 6)).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\" fill=\"#1f2328\">").append(Formats.percent(p)).append("</text>\n");
            y += rowH;
            first = false;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** A Gantt chart of jobs from the run's start, each job bar split into its steps; the failed step is red. */
    static String jobTimeline(List<CiJob> jobs, Instant start) {
        long endMs = 1;
        for (CiJob j : jobs) {
            if (j.completedAt() != null) {
                endMs = Math.max(endMs, Duration.between(start, j.completedAt()).toMillis());
            }
        }
        int labelW = 220;
        int chartW = 520;
        int rowH = 24;
        int h = jobs.size() * rowH + 34;
        double scale = chartW / (double) endMs;
        StringBuilder b = new StringBuilder();
        b.append("<svg viewBox=\"0 0 ").append(labelW + chartW + 80).append(' ').append(h)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"job timeline\" preserveAspectRatio=\"xMinYMin meet\">\n");
        // axis with 5 ticks
        for (int t = 0; t <= 4; t++) {
            double x = labelW + chartW * t / 4.0;
            b.append("<line x1=\"").append(n(x)).append("\" y1=\"4\" x2=\"").append(n(x)).append("\" y2=\"").append(h - 22)
                    .append("\" stroke=\"#eaeef2\"/>");
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(h - 8).append("\" font-size=\"11\" fill=\"#6e7781\" ")
                    .append("text-anchor=\"middle\">").append(Formats.duration(Duration.ofMillis(endMs * t / 4)))
                    .append("</text>\n");
        }
        int y = 6;
        for (CiJob j : jobs) {
            b.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 14)
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2328\">")
                    .append(HtmlRenderer.h(Md.cap(j.name(), 32))).append("</text>\n");
            if (j.startedAt() != null && j.completedAt() != null) {
                double x0 = labelW + Math.max(0, Duration.between(start, j.startedAt()).toMillis()) * scale;
                double w = Math.max(2, j.duration().toMillis() * scale);
                b.append("<rect x=\"").append(n(x0)).append("\" y=\"").append(y + 2).append("\" width=\"").append(n(w))
                        .append("\" height=\"16\" rx=\"2\" fill=\"").append(conclusionColor(j.conclusion()))
                        .append("\" opacity=\"0.35\"><title>").append(HtmlRenderer.h(j.name())).append(": ")
                        .append(HtmlRenderer.h(Formats.orDash(j.conclusion()))).append(", ")
                        .append(Formats.duration(j.duration())).append("</title></rect>\n");
                CiStep failed = j.failedStep();
                for (CiStep s : j.steps()) {
                    if (s.startedAt() == null || s.completedAt() == null) {
                        continue;
                    }
                    double sx = labelW + Math.max(0, Duration.between(start, s.startedAt()).toMillis()) * scale;
                    double sw = Math.max(1, s.duration().toMillis() * scale);
                    b.append("<rect x=\"").append(n(sx)).append("\" y=\"").append(y + 5).append("\" width=\"").append(n(sw))
                            .append("\" height=\"10\" fill=\"").append(s == failed ? BAD : conclusionColor(s.conclusion()))
                            .append("\" stroke=\"#fff\" stroke-width=\"0.5\"><title>").append(s.number()).append(' ')
                            .append(HtmlRenderer.h(s.name())).append(": ").append(HtmlRenderer.h(Formats.orDash(s.conclusion())))
                            .append(", ").append(Formats.duration(s.duration())).append("</title></rect>");
                }
                b.append("<text x=\"").append(n(x0 + w + 6)).append("\" y=\"").append(y + 14)
                        .append("\" font-size=\"11\" fill=\"#6e7781\">").append(Formats.duration(j.duration())).append("</text>\n");
            }
            y += rowH;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** Stacked bars of HTTP timing phases per service. */
    static String timingBars(List<HttpCheck> checks) {
        long max = 1;
        for (HttpCheck c : checks) {
            max = Math.max(max, total(c.timing()));
        }
        int labelW = 160;
        int chartW = 480;
        int rowH = 24;
        int h = checks.size() * rowH + 30;
        double scale = chartW / (double) max;
        String[] names = {"DNS", "connect", "TLS", "first byte", "transfer"};
        String[] colors = {"#8250df", "#0969da", "#1a7f37", "#bf8700", "#cf222e"};
        StringBuilder b = new StringBuilder();
        b.append("<svg viewBox=\"0 0 ").append(labelW + chartW + 80).append(' ').append(h)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"HTTP timing\" preserveAspectRatio=\"xMinYMin meet\">\n");
        int y = 4;
        for (HttpCheck c : checks) {
            Timing t = c.timing();
            Duration[] phases = {t.dns(), t.connect(), t.tls(), t.firstByte(), t.transfer()};
            b.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 14)
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2328\">")
                    .append(HtmlRenderer.h(Md.cap(Formats.orDash(c.serviceId()), 24))).append("</text>\n");
            double x = labelW;
            for (int i = 0; i < phases.length; i++) {
                if (phases[i] == null) {
                    continue;
                }
                double w = phases[i].toMillis() * scale;
                b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(y + 3).append("\" width=\"").append(n(w))
                        .append("\" height=\"14\" fill=\"").append(colors[i]).append("\"><title>").append(names[i]).append(": ")
                        .append(Formats.duration(phases[i])).append("</title></rect>");
                x += w;
            }
            b.append("<text x=\"").append(n(x + 6)).append("\" y=\"").append(y + 14).append("\" font-size=\"11\" fill=\"#6e7781\">")
                    .append(Formats.duration(Duration.ofMillis(total(t))))
                    .append(c.protocol() == null ? "" : " · " + HtmlRenderer.h(Md.cap(Formats.protocol(c.protocol()), 20)))
                    .append("</text>\n");
            y += rowH;
        }
        int lx = labelW;
        for (int i = 0; i < names.length; i++) {
            b.append("<rect x=\"").append(lx).append("\" y=\"").append(h - 16).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colors[i]).append("\"/><text x=\"").append(lx + 14).append("\" y=\"").append(h - 7)
                    .append("\" font-size=\"11\" fill=\"#1f2328\">").append(names[i]).append("</text>");
            lx += 90;
        }
        b.append("\n</svg>\n");
        return b.toString();
    }

    private static long total(Timing t) {
        long s = 0;
        for (Duration d : new Duration[]{t.dns(), t.connect(), t.tls(), t.firstByte(), t.transfer()}) {
            if (d != null) {
                s += d.toMillis();
            }
        }
        return s;
    }
}
