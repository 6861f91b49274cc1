package io.sophia.report.internal;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.apache.commons.text.StringEscapeUtils;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML of an (already redacted) assessment: a suite of one test case per service (failed
 * when not UP) and a suite of one test case per gate criterion (failed on FAIL; a WARN passes
 * and says so in system-out, since JUnit has no warning state).
 */
public final class JUnitXmlRenderer {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private JUnitXmlRenderer() {
    }

    /**
     * Text content: escape sequences removed whole ({@link Md#shown}: XML 1.0 forbids their ESC, and without it the
     * rest of each, "[31m", showed in a CI's test view), markup characters escaped, invisible format characters
     * (bidirectional overrides a CI's test view would lay out) written out as {@code [U+202E]}.
     */
    static String text(String s) {
        return s == null ? "" : StringEscapeUtils.escapeXml10(Md.shown(s));
    }

    /** An attribute value: as text, and line breaks kept as character references so they survive normalisation. */
    static String attr(String s) {
        return text(Md.cap(s, 1000)).replace("\n", "&#10;").replace("\r", "").replace("\t", "&#9;");
    }

    public static String render(Assessment a) {
        List<ServiceHealth> services = a.services();
        List<GateDecision.Criterion> criteria = a.gate().criteria();
        long serviceFailures = services.stream().filter(s -> s.status() != Status.UP).count();
        long gateFailures = criteria.stream().filter(c -> c.outcome() == GateDecision.Outcome.FAIL).count();
        long serviceMs = services.stream().mapToLong(s -> s.latencyMs() == null ? 0 : Math.max(0, s.latencyMs())).sum();
        String ts = TIMESTAMP.format(a.generatedAt());
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"").append(attr("sophia " + a.deployment())).append("\" tests=\"")
                .append(services.size() + criteria.size()).append("\" failures=\"").append(serviceFailures + gateFailures)
                .append("\" errors=\"0\" time=\"").append(seconds(serviceMs)).append("\">\n");
        // skipped and timestamp belong to <testsuite> only: the JUnit XSD that Jenkins' xUnit reads rejects them here

        b.append("  <testsuite name=\"sophia.services\" tests=\"").append(services.size()).append("\" failures=\"")
                .append(serviceFailures).append("\" errors=\"0\" skipped=\"0\" time=\"").append(seconds(serviceMs))
                .append("\" timestamp=\"").append(ts).append("\">\n");
        properties(b, a);
        for (ServiceHealth s : services) {
            serviceCase(b, a, s);
        }
        b.append("  </testsuite>\n");

        b.append("  <testsuite name=\"sophia.gate\" tests=\"").append(criteria.size()).append("\" failures=\"")
                .append(gateFailures).append("\" errors=\"0\" skipped=\"0\" time=\"0.000\" timestamp=\"").append(ts).append("\">\n");
        for (GateDecision.Criterion c : criteria) {
            gateCase(b, c);
        }
        b.append("  </testsuite>\n");
        b.append("</testsuites>\n");
        return b.toString();
    }

    /** A service's test case: a failure with what an on-call engineer needs unless it is UP. */
    private static void serviceCase(StringBuilder b, Assessment a, ServiceHealth s) {
        b.append("    <testcase classname=\"sophia.services\" name=\"")
                .append(attr(s.id() + (s.name() == null || s.name().equals(s.id()) ? "" : " (" + s.name() + ")") + " is UP"))
                .append("\" time=\"").append(seconds(s.latencyMs() == null ? 0 : Math.max(0, s.latencyMs()))).append("\"");
        if (s.status() == Status.UP) {
            b.append("/>\n");
            return;
        }
        b.append(">\n      <failure type=\"").append(s.status()).append("\" message=\"")
                .append(attr("Expecting service " + s.id() + " to be UP but was " + s.status()
                        + (s.failure() == null ? "" : ": " + s.failure()))).append("\">");
        StringBuilder d = new StringBuilder();
        d.append("service: ").append(s.id()).append(" (").append(Formats.orDash(s.name())).append(")\n");
        d.append("capability: ").append(Formats.orDash(s.capability())).append(s.critical() ? " [critical]" : "").append('\n');
        d.append("url: ").append(Formats.orDash(s.url())).append('\n');
        d.append("status: ").append(s.status()).append('\n');
        d.append("http: ").append(Formats.orDash(s.httpStatus())).append('\n');
        d.append("latency: ").append(Formats.latency(s)).append('\n');
        d.append("failure: ").append(Formats.orDash(s.failure())).append('\n');
        RankedCause cause = a.causes().stream().filter(c -> c.serviceIds().contains(s.id())).findFirst().orElse(null);
        if (cause != null) {
            d.append("most probable cause: ").append(cause.id().value()).append(" (")
                    .append(Formats.percent(cause.probability())).append(", ").append(Formats.confidence(cause.confidence())).append(")\n");
            if (cause.explanation() != null) {
                d.append(cause.explanation()).append('\n');
            }
        }
        b.append(text(d.toString())).append("</failure>\n    </testcase>\n");
    }

    /** A gate criterion's test case: FAIL a failure, WARN and PASS their detail on system-out. */
    private static void gateCase(StringBuilder b, GateDecision.Criterion c) {
        b.append("    <testcase classname=\"sophia.gate\" name=\"")
                .append(attr(c.id() + (c.description() == null ? "" : ": " + c.description())))
                .append("\" time=\"0.000\">\n");
        String detail = "value: " + Formats.orDash(c.value()) + "\nthreshold: " + Formats.orDash(c.threshold())
                + "\nkey: " + c.key() + "\nweight: " + Formats.decimal(c.weight(), 2) + "\n";
        switch (c.outcome()) {
            case FAIL -> b.append("      <failure type=\"").append(c.key() ? "FAIL (key)" : "FAIL").append("\" message=\"")
                    .append(attr("Gate criterion " + c.id() + " failed: " + Formats.orDash(c.value())
                            + " (required: " + Formats.orDash(c.threshold()) + ")"))
                    .append("\">").append(text(detail)).append("</failure>\n");
            case WARN -> b.append("      <system-out>").append(text("WARN: " + detail)).append("</system-out>\n");
            case PASS -> b.append("      <system-out>").append(text("PASS: " + detail)).append("</system-out>\n");
        }
        b.append("    </testcase>\n");
    }

    private static void properties(StringBuilder b, Assessment a) {
        b.append("    <properties>\n");
        prop(b, "deployment", a.deployment());
        prop(b, "generatedAt", a.generatedAt().toString());
        prop(b, "schemaVersion", a.schemaVersion());
        prop(b, "gate", a.gate().status().name());
        prop(b, "gateScore", Formats.decimal(a.gate().score(), 2));
        a.topCause().ifPresent(c -> prop(b, "topCause", c.id().value() + " " + Formats.percent(c.probability())));
        b.append("    </properties>\n");
    }

    private static void prop(StringBuilder b, String name, String value) {
        b.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
