package io.sophia.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Evidence;
import io.sophia.core.FailureKind;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiLogRead;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.ConditionCheck;
import io.sophia.core.Observation.DnsResolution;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.Observation.MachineCheck;
import io.sophia.core.Observation.MachineEvent;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.Observation.PlatformMachine;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Observation.TcpConnect;
import io.sophia.core.Observation.Timing;
import io.sophia.core.Observation.TlsHandshake;
import io.sophia.core.Probing;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.report.ReportFormatException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * report.json: writing with a fixed field order and number format, and reading back. The
 * pipeline section is derived from the observations and is not read back; the observations are.
 */
public final class JsonCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(20_000_000).build());
    }

    private static final DefaultPrettyPrinter PRINTER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        PRINTER = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    private JsonCodec() {
    }

    // ==== writing ===============================================================================

    public static String write(Assessment a) {
        ObjectNode root = F.objectNode();
        root.put("schemaVersion", a.schemaVersion() == null ? Assessment.SCHEMA_VERSION : a.schemaVersion());
        root.put("deployment", a.deployment());
        root.put("generatedAt", a.generatedAt().toString());
        ArrayNode services = root.putArray("services");
        for (ServiceHealth s : a.services()) {
            ObjectNode o = services.addObject();
            o.put("id", s.id());
            o.put("name", s.name());
            o.put("capability", s.capability());
            o.put("critical", s.critical());
            o.put("url", s.url());
            o.put("status", s.status().name());
            o.put("httpStatus", s.httpStatus());
            o.put("latencyMs", s.latencyMs());
            o.put("failure", s.failure());
            o.put("version", s.version());
        }
        root.set("pipeline", pipeline(PipelineView.of(a)));
        ObjectNode diagnosis = root.putObject("diagnosis");
        ArrayNode causes = diagnosis.putArray("causes");
        List<Double> probabilities = Formats.roundProbabilities(
                a.causes().stream().map(RankedCause::probability).toList());
        for (int i = 0; i < a.causes().size(); i++) {
            RankedCause c = a.causes().get(i);
            ObjectNode o = causes.addObject();
            o.put("id", c.id().value());
            o.put("title", c.title());
            o.set("probability", dec(probabilities.get(i), 4));
            o.put("confidence", c.confidence() == null ? null : c.confidence().name());
            o.put("explanation", c.explanation());
            strings(o.putArray("serviceIds"), c.serviceIds());
            ArrayNode ev = o.putArray("evidence");
            for (Evidence e : c.evidence()) {
                ObjectNode x = ev.addObject();
                x.put("direction", e.direction().wire());
                x.set("weight", dec(e.weight(), 4));
                x.put("text", e.text());
                x.put("ruleId", e.ruleId());
                strings(x.putArray("serviceIds"), e.serviceIds());
            }
        }
        ArrayNode anomalies = root.putArray("anomalies");
        for (Anomaly x : a.anomalies()) {
            ObjectNode o = anomalies.addObject();
            o.put("kind", x.kind());
            o.put("serviceId", x.serviceId());
            o.put("summary", x.summary());
            strings(o.putArray("statements"), x.statements());
        }
        Impact i = a.impact();
        if (i == null) {
            root.putNull("impact");
        } else {
            ObjectNode o = root.putObject("impact");
            o.put("totalServices", i.totalServices());
            o.put("servicesUp", i.servicesUp());
            o.set("availabilityPercent", dec(i.availabilityPercent(), 2));
            o.put("severity", i.severity() == null ? null : i.severity().name());
            strings(o.putArray("capabilitiesOffline"), i.capabilitiesOffline());
            strings(o.putArray("capabilitiesDegraded"), i.capabilitiesDegraded());
            strings(o.putArray("capabilitiesOnline"), i.capabilitiesOnline());
        }
        ArrayNode actions = root.putArray("actions");
        for (Action x : a.actions()) {
            ObjectNode o = actions.addObject();
            o.put("priority", x.priority().name());
            o.put("within", Formats.window(x.within()));
            o.put("withinIso", x.within().toString());
            o.put("withinMs", x.within().toMillis());
            o.put("title", x.title());
            o.put("detail", x.detail());
            o.put("causeId", x.causeId() == null ? null : x.causeId().value());
            strings(o.putArray("serviceIds"), x.serviceIds());
        }
        GateDecision g = a.gate();
        ObjectNode gate = root.putObject("gate");
        gate.put("status", g.status().name());
        gate.set("score", dec(g.score(), 2));
        ArrayNode criteria = gate.putArray("criteria");
        for (GateDecision.Criterion c : g.criteria()) {
            ObjectNode o = criteria.addObject();
            o.put("id", c.id());
            o.put("description", c.description());
            o.put("key", c.key());
            o.set("weight", dec(c.weight(), 4));
            o.put("outcome", c.outcome().name());
            o.put("value", c.value());
            o.put("threshold", c.threshold());
        }
        if (a.probing() != null) {
            // added in 1.0 without a version bump: an optional field readers may ignore
            ObjectNode probing = root.putObject("probing");
            probing.put("timeoutMs", a.probing().timeout().toMillis());
            probing.put("budgetMs", a.probing().budget().toMillis());
        }
        ArrayNode observations = root.putArray("observations");
        for (Observation ob : a.observations()) {
            observations.add(observation(ob));
        }
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode pipeline(PipelineView p) {
        if (p == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        CiRun r = p.run();
        if (r == null) {
            o.putNull("run");
        } else {
            ObjectNode run = o.putObject("run");
            run.put("runId", r.runId());
            run.put("repository", r.repository());
            run.put("workflow", r.workflowName());
            run.put("headBranch", r.headBranch());
            run.put("headSha", r.headSha());
            run.put("event", r.event());
            run.put("status", r.status());
            run.put("conclusion", r.conclusion());
            run.put("runAttempt", r.runAttempt());
            run.put("createdAt", instant(r.createdAt()));
            run.put("updatedAt", instant(r.updatedAt()));
            run.put("durationMs", Formats.millis(r.duration()));
            run.put("htmlUrl", r.htmlUrl());
        }
        o.put("durationMs", Formats.millis(p.duration()));
        o.put("failedStep", p.firstFailedStep());
        ArrayNode jobs = o.putArray("jobs");
        for (CiJob j : p.jobs()) {
            ObjectNode x = jobs.addObject();
            x.put("jobId", j.jobId());
            x.put("name", j.name());
            x.put("serviceId", j.serviceId());
            x.put("status", j.status());
            x.put("conclusion", j.conclusion());
            x.put("durationMs", Formats.millis(j.duration()));
            CiStep failed = j.failedStep();
            x.put("failedStep", failed == null ? null : failed.name());
            x.put("htmlUrl", j.htmlUrl());
            ArrayNode steps = x.putArray("steps");
            for (CiStep s : j.steps()) {
                ObjectNode y = steps.addObject();
                y.put("number", s.number());
                y.put("name", s.name());
                y.put("conclusion", s.conclusion());
                y.put("durationMs", Formats.millis(s.duration()));
                y.put("failed", s == failed);
            }
        }
        return o;
    }

    private static ObjectNode observation(Observation ob) {
        ObjectNode o = F.objectNode();
        if (ob instanceof HttpCheck h) {
            head(o, "http-check", ob);
            o.put("url", h.url());
            o.put("statusCode", h.statusCode());
            o.put("latencyMs", Formats.millis(h.latency()));
            o.put("bodyExcerpt", h.bodyExcerpt());
            o.put("contentType", h.contentType());
            o.put("version", h.version());
            Timing t = h.timing();
            if (Timing.NONE.equals(t)) {
                o.putNull("timing");
            } else {
                ObjectNode x = o.putObject("timing");
                x.put("dnsMs", Formats.millis(t.dns()));
                x.put("connectMs", Formats.millis(t.connect()));
                x.put("tlsMs", Formats.millis(t.tls()));
                x.put("firstByteMs", Formats.millis(t.firstByte()));
                x.put("transferMs", Formats.millis(t.transfer()));
            }
        } else if (ob instanceof ProbeFailure p) {
            head(o, "probe-failure", ob);
            o.put("target", p.target());
            o.put("kind", p.kind() == null ? null : p.kind().name());
            o.put("detail", p.detail());
            o.put("httpStatus", p.httpStatus());
            o.put("elapsedMs", Formats.millis(p.elapsed()));
            o.put("attempts", p.attempts());
        } else if (ob instanceof ConditionCheck c) {
            head(o, "condition-check", ob);
            o.put("condition", c.condition());
            o.put("passed", c.passed());
            o.put("actual", c.actual());
        } else if (ob instanceof TcpConnect t) {
            head(o, "tcp-connect", ob);
            o.put("host", t.host());
            o.put("port", t.port());
            o.put("latencyMs", Formats.millis(t.latency()));
        } else if (ob instanceof DnsResolution d) {
            head(o, "dns-resolution", ob);
            o.put("host", d.host());
            strings(o.putArray("addresses"), d.addresses());
            o.put("latencyMs", Formats.millis(d.latency()));
        } else if (ob instanceof TlsHandshake t) {
            head(o, "tls-handshake", ob);
            o.put("host", t.host());
            o.put("port", t.port());
            o.put("protocol", t.protocol());
            o.put("cipher", t.cipher());
            o.put("subject", t.subject());
            o.put("issuer", t.issuer());
            o.put("notBefore", instant(t.notBefore()));
            o.put("notAfter", instant(t.notAfter()));
            o.put("daysToExpiry", t.daysToExpiry());
            o.put("hostnameMatches", t.hostnameMatches());
            o.put("selfSigned", t.selfSigned());
            o.put("trusted", t.trusted());
            o.put("chainLength", t.chainLength());
        } else if (ob instanceof McpHandshake m) {
            head(o, "mcp-handshake", ob);
            o.put("protocolVersion", m.protocolVersion());
            o.put("era", m.era());
            o.put("serverName", m.serverName());
            o.put("serverVersion", m.serverVersion());
            strings(o.putArray("capabilities"), m.capabilities());
            o.put("toolCount", m.toolCount());
            o.put("latencyMs", Formats.millis(m.latency()));
        } else if (ob instanceof CiRun r) {
            head(o, "ci-run", ob);
            o.put("repository", r.repository());
            o.put("runId", r.runId());
            o.put("workflowName", r.workflowName());
            o.put("headBranch", r.headBranch());
            o.put("headSha", r.headSha());
            o.put("event", r.event());
            o.put("status", r.status());
            o.put("conclusion", r.conclusion());
            o.put("runAttempt", r.runAttempt());
            o.put("createdAt", instant(r.createdAt()));
            o.put("updatedAt", instant(r.updatedAt()));
            o.put("durationMs", Formats.millis(r.duration()));
            o.put("htmlUrl", r.htmlUrl());
        } else if (ob instanceof CiJob j) {
            head(o, "ci-job", ob);
            o.put("runId", j.runId());
            o.put("jobId", j.jobId());
            o.put("name", j.name());
            o.put("status", j.status());
            o.put("conclusion", j.conclusion());
            o.put("runAttempt", j.runAttempt());
            o.put("startedAt", instant(j.startedAt()));
            o.put("completedAt", instant(j.completedAt()));
            o.put("durationMs", Formats.millis(j.duration()));
            o.put("runnerName", j.runnerName());
            strings(o.putArray("labels"), j.labels());
            ArrayNode steps = o.putArray("steps");
            for (CiStep s : j.steps()) {
                ObjectNode y = steps.addObject();
                y.put("number", s.number());
                y.put("name", s.name());
                y.put("status", s.status());
                y.put("conclusion", s.conclusion());
                y.put("startedAt", instant(s.startedAt()));
                y.put("completedAt", instant(s.completedAt()));
                y.put("durationMs", Formats.millis(s.duration()));
            }
            o.put("htmlUrl", j.htmlUrl());
        } else if (ob instanceof CiAnnotation an) {
            head(o, "ci-annotation", ob);
            o.put("jobId", an.jobId());
            o.put("level", an.level());
            o.put("title", an.title());
            o.put("message", an.message());
            o.put("path", an.path());
            o.put("line", an.line());
        } else if (ob instanceof CiLogRead l) {
            head(o, "ci-log-read", ob);
            o.put("jobId", l.jobId());
            o.put("bytes", l.bytes());
            o.put("lines", l.lines());
            o.put("truncated", l.truncated());
        } else if (ob instanceof LogFinding l) {
            head(o, "log-finding", ob);
            o.put("jobId", l.jobId());
            o.put("jobName", l.jobName());
            o.put("step", l.step());
            o.put("lineNumber", l.lineNumber());
            o.put("indicationId", l.indicationId());
            o.put("causeId", l.causeId());
            o.put("line", l.line());
            strings(o.putArray("context"), l.context());
            o.set("score", dec(l.score(), 4));
        } else if (ob instanceof PlatformMachine p) {
            head(o, "platform-machine", ob);
            o.put("app", p.app());
            o.put("machineId", p.machineId());
            o.put("name", p.name());
            o.put("state", p.state());
            o.put("stuck", p.stuck());
            o.put("region", p.region());
            o.put("imageRef", p.imageRef());
            o.put("hostStatus", p.hostStatus());
            ArrayNode checks = o.putArray("checks");
            for (MachineCheck c : p.checks()) {
                ObjectNode y = checks.addObject();
                y.put("name", c.name());
                y.put("status", c.status());
                y.put("output", c.output());
            }
            ArrayNode events = o.putArray("events");
            for (MachineEvent e : p.events()) {
                ObjectNode y = events.addObject();
                y.put("type", e.type());
                y.put("status", e.status());
                y.put("source", e.source());
                y.put("timestamp", instant(e.timestamp()));
                y.put("exitCode", e.exitCode());
                y.put("oomKilled", e.oomKilled());
                y.put("detail", e.detail());
            }
            o.put("updatedAt", instant(p.updatedAt()));
        } else {
            // a kind added to core after this renderer: named, not dumped (its strings were not redacted)
            o.put("type", "other");
            o.put("serviceId", ob.serviceId());
            o.put("source", ob.source());
            o.put("kind", ob.getClass().getSimpleName());
        }
        return o;
    }

    private static void head(ObjectNode o, String type, Observation ob) {
        o.put("type", type);
        o.put("serviceId", ob.serviceId());
        o.put("source", ob.source());
    }

    private static void strings(ArrayNode arr, List<String> values) {
        for (String v : values) {
            arr.add(v);
        }
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    private static DecimalNode dec(double d, int scale) {
        return DecimalNode.valueOf(new BigDecimal(Formats.decimal(d, scale)));
    }

    // ==== reading ===============================================================================

    public static Assessment read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException("not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new ReportFormatException("$: a report is a JSON object");
        }
        R r = new R(root, "$");
        List<ServiceHealth> services = r.list("services", s -> new ServiceHealth(s.reqText("id"), s.text("name"),
                s.text("capability"), s.bool("critical"), s.text("url"), s.enumOf("status", Status.class),
                s.integer("httpStatus"), s.longOrNull("latencyMs"), s.text("failure"), s.text("version")));
        R diagnosis = r.obj("diagnosis");
        List<RankedCause> causes = diagnosis == null ? List.of() : diagnosis.list("causes", c -> new RankedCause(
                c.causeId("id"), c.text("title"), c.dbl("probability"), c.enumOrNull("confidence", Confidence.class),
                c.text("explanation"), c.list("evidence", e -> new Evidence(e.direction("direction"), e.dbl("weight"),
                e.text("text"), e.text("ruleId"), e.strings("serviceIds"))), c.strings("serviceIds")));
        List<Anomaly> anomalies = r.list("anomalies", x -> new Anomaly(x.text("kind"), x.text("serviceId"),
                x.text("summary"), x.strings("statements")));
        R i = r.obj("impact");
        Impact impact = i == null ? null : new Impact(i.intValue("totalServices"), i.intValue("servicesUp"),
                i.dbl("availabilityPercent"), i.strings("capabilitiesOffline"), i.strings("capabilitiesDegraded"),
                i.strings("capabilitiesOnline"), i.enumOrNull("severity", Impact.Severity.class));
        List<Action> actions = r.list("actions", x -> new Action(x.enumOf("priority", Action.Priority.class),
                x.within(), x.text("title"), x.text("detail"),
                x.text("causeId") == null ? null : x.causeId("causeId"), x.strings("serviceIds")));
        R g = r.obj("gate");
        if (g == null) {
            throw new ReportFormatException("$.gate: missing");
        }
        GateDecision gate = new GateDecision(g.enumOf("status", GateDecision.Status.class), g.dbl("score"),
                g.list("criteria", c -> new GateDecision.Criterion(c.reqText("id"), c.text("description"),
                        c.bool("key"), c.dbl("weight"), c.enumOf("outcome", GateDecision.Outcome.class),
                        c.text("value"), c.text("threshold"))));
        List<Observation> observations = new ArrayList<>();
        for (R o : r.objects("observations")) {
            Observation ob = readObservation(o);
            if (ob != null) {
                observations.add(ob);
            }
        }
        R p = r.obj("probing");
        Probing probing = p == null ? null
                : new Probing(Duration.ofMillis(p.longValue("timeoutMs")), Duration.ofMillis(p.longValue("budgetMs")));
        try {
            return new Assessment(r.reqText("schemaVersion"), r.reqText("deployment"), r.instantReq("generatedAt"),
                    services, observations, causes, anomalies, impact, actions, gate, probing);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ReportFormatException("$: " + e.getMessage());
        }
    }

    private static Observation readObservation(R o) {
        String type = o.reqText("type");
        String sid = o.text("serviceId");
        String src = o.text("source");
        return switch (type) {
            case "http-check" -> {
                R t = o.obj("timing");
                Timing timing = t == null ? Timing.NONE : new Timing(t.millis("dnsMs"), t.millis("connectMs"),
                        t.millis("tlsMs"), t.millis("firstByteMs"), t.millis("transferMs"));
                yield new HttpCheck(sid, src, o.text("url"), o.intValue("statusCode"), o.millis("latencyMs"),
                        o.text("bodyExcerpt"), o.text("contentType"), o.text("version"), timing);
            }
            case "probe-failure" -> new ProbeFailure(sid, src, o.text("target"), o.enumOrNull("kind", FailureKind.class),
                    o.text("detail"), o.integer("httpStatus"), o.millis("elapsedMs"), o.intValue("attempts"));
            case "condition-check" -> new ConditionCheck(sid, src, o.text("condition"), o.bool("passed"), o.text("actual"));
            case "tcp-connect" -> new TcpConnect(sid, src, o.text("host"), o.intValue("port"), o.millis("latencyMs"));
            case "dns-resolution" -> new DnsResolution(sid, src, o.text("host"), o.strings("addresses"),
                    o.millis("latencyMs"));
            case "tls-handshake" -> new TlsHandshake(sid, src, o.text("host"), o.intValue("port"), o.text("protocol"),
                    o.text("cipher"), o.text("subject"), o.text("issuer"), o.instant("notBefore"), o.instant("notAfter"),
                    o.longValue("daysToExpiry"), o.bool("hostnameMatches"), o.bool("selfSigned"), o.bool("trusted"),
                    o.intValue("chainLength"));
            case "mcp-handshake" -> new McpHandshake(sid, src, o.text("protocolVersion"), o.text("era"),
                    o.text("serverName"), o.text("serverVersion"), o.strings("capabilities"), o.intValue("toolCount"),
                    o.millis("latencyMs"));
            case "ci-run" -> new CiRun(sid, src, o.text("repository"), o.longValue("runId"), o.text("workflowName"),
                    o.text("headBranch"), o.text("headSha"), o.text("event"), o.text("status"), o.text("conclusion"),
                    o.intValue("runAttempt"), o.instant("createdAt"), o.instant("updatedAt"), o.text("htmlUrl"));
            case "ci-job" -> new CiJob(sid, src, o.longValue("runId"), o.longValue("jobId"), o.text("name"),
                    o.text("status"), o.text("conclusion"), o.intValue("runAttempt"), o.instant("startedAt"),
                    o.instant("completedAt"), o.text("runnerName"), o.strings("labels"),
                    o.list("steps", s -> new CiStep(s.intValue("number"), s.text("name"), s.text("status"),
                            s.text("conclusion"), s.instant("startedAt"), s.instant("completedAt"))),
                    o.text("htmlUrl"));
            case "ci-annotation" -> new CiAnnotation(sid, src, o.longValue("jobId"), o.text("level"), o.text("title"),
                    o.text("message"), o.text("path"), o.integer("line"));
            case "ci-log-read" -> new CiLogRead(sid, src, o.longValue("jobId"), o.longValue("bytes"),
                    o.longValue("lines"), o.bool("truncated"));
            case "log-finding" -> new LogFinding(sid, src, o.longValue("jobId"), o.text("jobName"), o.text("step"),
                    o.longValue("lineNumber"), o.text("indicationId"), o.text("causeId"), o.text("line"),
                    o.strings("context"), o.dbl("score"));
            case "platform-machine" -> new PlatformMachine(sid, src, o.text("app"), o.text("machineId"),
                    o.text("name"), o.text("state"), o.bool("stuck"), o.text("region"), o.text("imageRef"),
                    o.text("hostStatus"),
                    o.list("checks", c -> new MachineCheck(c.text("name"), c.text("status"), c.text("output"))),
                    o.list("events", e -> new MachineEvent(e.text("type"), e.text("status"), e.text("source"),
                            e.instant("timestamp"), e.integer("exitCode"), e.boolOrNull("oomKilled"), e.text("detail"))),
                    o.instant("updatedAt"));
            case "other" -> null;
            default -> throw new ReportFormatException(o.path + ".type: unknown observation type '" + clip(type) + "'");
        };
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** A JSON object with its path, for readers that name where the input is wrong. */
    private static final class R {
        final JsonNode node;
        final String path;

        R(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private JsonNode get(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v;
        }

        private ReportFormatException error(String field, String what) {
            return new ReportFormatException(path + "." + field + ": " + what);
        }

        String text(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                throw error(field, "expected a string");
            }
            return v.textValue();
        }

        String reqText(String field) {
            String t = text(field);
            if (t == null) {
                throw error(field, "missing");
            }
            return t;
        }

        boolean bool(String field) {
            Boolean b = boolOrNull(field);
            return b != null && b;
        }

        Boolean boolOrNull(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                throw error(field, "expected true or false");
            }
            return v.booleanValue();
        }

        Integer integer(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(field, "expected an integer");
            }
            return v.intValue();
        }

        int intValue(String field) {
            Integer i = integer(field);
            return i == null ? 0 : i;
        }

        Long longOrNull(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw error(field, "expected an integer");
            }
            return v.longValue();
        }

        long longValue(String field) {
            Long l = longOrNull(field);
            return l == null ? 0 : l;
        }

        double dbl(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return 0;
            }
            if (!v.isNumber()) {
                throw error(field, "expected a number");
            }
            return v.doubleValue();
        }

        Duration millis(String field) {
            Long l = longOrNull(field);
            return l == null ? null : Duration.ofMillis(l);
        }

        Instant instant(String field) {
            String t = text(field);
            if (t == null) {
                return null;
            }
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw error(field, "expected an ISO-8601 instant");
            }
        }

        Instant instantReq(String field) {
            Instant i = instant(field);
            if (i == null) {
                throw error(field, "missing");
            }
            return i;
        }

        Duration within() {
            String iso = text("withinIso");
            if (iso != null) {
                try {
                    return Duration.parse(iso);
                } catch (DateTimeParseException e) {
                    throw error("withinIso", "expected an ISO-8601 duration");
                }
            }
            Duration ms = millis("withinMs");
            if (ms == null) {
                throw error("withinIso", "missing");
            }
            return ms;
        }

        <E extends Enum<E>> E enumOrNull(String field, Class<E> type) {
            String t = text(field);
            if (t == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(field, "'" + clip(t) + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        <E extends Enum<E>> E enumOf(String field, Class<E> type) {
            E e = enumOrNull(field, type);
            if (e == null) {
                throw error(field, "missing");
            }
            return e;
        }

        Evidence.Direction direction(String field) {
            return enumOf(field, Evidence.Direction.class);
        }

        CauseId causeId(String field) {
            String t = reqText(field);
            try {
                return CauseId.of(t);
            } catch (IllegalArgumentException e) {
                throw error(field, "'" + clip(t) + "' is not a cause id");
            }
        }

        List<String> strings(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                throw error(field, "expected an array");
            }
            List<String> out = new ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
                JsonNode e = v.get(k);
                if (!e.isTextual()) {
                    throw new ReportFormatException(path + "." + field + "[" + k + "]: expected a string");
                }
                out.add(e.textValue());
            }
            return out;
        }

        R obj(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                throw error(field, "expected an object");
            }
            return new R(v, path + "." + field);
        }

        List<R> objects(String field) {
            JsonNode v = get(field);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                throw error(field, "expected an array");
            }
            List<R> out = new ArrayList<>();
            for (int k = 0; k < v.size(); k++) {
                JsonNode e = v.get(k);
                if (!e.isObject()) {
                    throw new ReportFormatException(path + "." + field + "[" + k + "]: expected an object");
                }
                out.add(new R(e, path + "." + field + "[" + k + "]"));
            }
            return out;
        }

        <T> List<T> list(String field, Function<R, T> f) {
            List<T> out = new ArrayList<>();
            for (R r : objects(field)) {
                try {
                    out.add(f.apply(r));
                } catch (ReportFormatException e) {
                    throw e;
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new ReportFormatException(r.path + ": " + e.getMessage());
                }
            }
            return out;
        }
    }
}
