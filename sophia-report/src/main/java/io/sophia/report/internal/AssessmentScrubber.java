package io.sophia.report.internal;

import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.Evidence;
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
import io.sophia.core.Observation.TlsHandshake;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Applies a text transformation to every string of an assessment (all records rebuilt), so a
 * renderer can never print a string that did not pass through the redaction.
 */
public final class AssessmentScrubber {

    private AssessmentScrubber() {
    }

    public static Assessment scrub(Assessment a, UnaryOperator<String> f) {
        return new Assessment(f.apply(a.schemaVersion()), f.apply(a.deployment()), a.generatedAt(),
                a.services().stream().map(s -> service(s, f)).toList(),
                a.observations().stream().map(o -> observation(o, f)).toList(),
                a.causes().stream().map(c -> cause(c, f)).toList(),
                a.anomalies().stream().map(x -> new Anomaly(f.apply(x.kind()), f.apply(x.serviceId()),
                        f.apply(x.summary()), list(x.statements(), f))).toList(),
                a.impact() == null ? null : impact(a.impact(), f),
                a.actions().stream().map(x -> new Action(x.priority(), x.within(), f.apply(x.title()),
                        f.apply(x.detail()), x.causeId(), list(x.serviceIds(), f))).toList(),
                gate(a.gate(), f), a.probing());
    }

    private static List<String> list(List<String> l, UnaryOperator<String> f) {
        return l.stream().map(f).toList();
    }

    private static ServiceHealth service(ServiceHealth s, UnaryOperator<String> f) {
        return new ServiceHealth(f.apply(s.id()), f.apply(s.name()), f.apply(s.capability()), s.critical(),
                f.apply(s.url()), s.status(), s.httpStatus(), s.latencyMs(), f.apply(s.failure()), f.apply(s.version()));
    }

    private static RankedCause cause(RankedCause c, UnaryOperator<String> f) {
        return new RankedCause(c.id(), f.apply(c.title()), c.probability(), c.confidence(), f.apply(c.explanation()),
                c.evidence().stream().map(e -> new Evidence(e.direction(), e.weight(), f.apply(e.text()),
                        f.apply(e.ruleId()), list(e.serviceIds(), f))).toList(),
                list(c.serviceIds(), f));
    }

    private static Impact impact(Impact i, UnaryOperator<String> f) {
        return new Impact(i.totalServices(), i.servicesUp(), i.availabilityPercent(), list(i.capabilitiesOffline(), f),
                list(i.capabilitiesDegraded(), f), list(i.capabilitiesOnline(), f), i.severity());
    }

    private static GateDecision gate(GateDecision g, UnaryOperator<String> f) {
        return new GateDecision(g.status(), g.score(), g.criteria().stream()
                .map(c -> new GateDecision.Criterion(f.apply(c.id()), f.apply(c.description()), c.key(), c.weight(),
                        c.outcome(), f.apply(c.value()), f.apply(c.threshold()))).toList());
    }

    /** Every observation kind rebuilt with its strings transformed; an unknown kind is returned as is. */
    public static Observation observation(Observation o, UnaryOperator<String> f) {
        if (o instanceof HttpCheck h) {
            return new HttpCheck(f.apply(h.serviceId()), f.apply(h.source()), f.apply(h.url()), h.statusCode(),
                    h.latency(), f.apply(h.bodyExcerpt()), f.apply(h.contentType()), f.apply(h.version()), h.timing());
        } else if (o instanceof ProbeFailure p) {
            return new ProbeFailure(f.apply(p.serviceId()), f.apply(p.source()), f.apply(p.target()), p.kind(),
                    f.apply(p.detail()), p.httpStatus(), p.elapsed(), p.attempts());
        } else if (o instanceof ConditionCheck c) {
            return new ConditionCheck(f.apply(c.serviceId()), f.apply(c.source()), f.apply(c.condition()), c.passed(),
                    f.apply(c.actual()));
        } else if (o instanceof TcpConnect t) {
            return new TcpConnect(f.apply(t.serviceId()), f.apply(t.source()), f.apply(t.host()), t.port(), t.latency());
        } else if (o instanceof DnsResolution d) {
            return new DnsResolution(f.apply(d.serviceId()), f.apply(d.source()), f.apply(d.host()),
                    list(d.addresses(), f), d.latency());
        } else if (o instanceof TlsHandshake t) {
            return new TlsHandshake(f.apply(t.serviceId()), f.apply(t.source()), f.apply(t.host()), t.port(),
                    f.apply(t.protocol()), f.apply(t.cipher()), f.apply(t.subject()), f.apply(t.issuer()), t.notBefore(),
                    t.notAfter(), t.daysToExpiry(), t.hostnameMatches(), t.selfSigned(), t.trusted(), t.chainLength());
        } else if (o instanceof McpHandshake m) {
            return new McpHandshake(f.apply(m.serviceId()), f.apply(m.source()), f.apply(m.protocolVersion()),
                    f.apply(m.era()), f.apply(m.serverName()), f.apply(m.serverVersion()), list(m.capabilities(), f),
                    m.toolCount(), m.latency());
        } else if (o instanceof CiRun r) {
            return new CiRun(f.apply(r.serviceId()), f.apply(r.source()), f.apply(r.repository()), r.runId(),
                    f.apply(r.workflowName()), f.apply(r.headBranch()), f.apply(r.headSha()), f.apply(r.event()),
                    f.apply(r.status()), f.apply(r.conclusion()), r.runAttempt(), r.createdAt(), r.updatedAt(),
                    f.apply(r.htmlUrl()));
        } else if (o instanceof CiJob j) {
            return new CiJob(f.apply(j.serviceId()), f.apply(j.source()), j.runId(), j.jobId(), f.apply(j.name()),
                    f.apply(j.status()), f.apply(j.conclusion()), j.runAttempt(), j.startedAt(), j.completedAt(),
                    f.apply(j.runnerName()), list(j.labels(), f),
                    j.steps().stream().map(s -> new CiStep(s.number(), f.apply(s.name()), f.apply(s.status()),
                            f.apply(s.conclusion()), s.startedAt(), s.completedAt())).toList(),
                    f.apply(j.htmlUrl()));
        } else if (o instanceof CiAnnotation a) {
            return new CiAnnotation(f.apply(a.serviceId()), f.apply(a.source()), a.jobId(), f.apply(a.level()),
                    f.apply(a.title()), f.apply(a.message()), f.apply(a.path()), a.line());
        } else if (o instanceof CiLogRead l) {
            return new CiLogRead(f.apply(l.serviceId()), f.apply(l.source()), l.jobId(), l.bytes(), l.lines(),
                    l.truncated());
        } else if (o instanceof LogFinding l) {
            return new LogFinding(f.apply(l.serviceId()), f.apply(l.source()), l.jobId(), f.apply(l.jobName()),
                    f.apply(l.step()), l.lineNumber(), f.apply(l.indicationId()), f.apply(l.causeId()), f.apply(l.line()),
                    list(l.context(), f), l.score());
        } else if (o instanceof PlatformMachine p) {
            return new PlatformMachine(f.apply(p.serviceId()), f.apply(p.source()), f.apply(p.app()),
                    f.apply(p.machineId()), f.apply(p.name()), f.apply(p.state()), p.stuck(), f.apply(p.region()),
                    f.apply(p.imageRef()), f.apply(p.hostStatus()),
                    p.checks().stream().map(c -> new MachineCheck(f.apply(c.name()), f.apply(c.status()),
                            f.apply(c.output()))).toList(),
                    p.events().stream().map(e -> new MachineEvent(f.apply(e.type()), f.apply(e.status()),
                            f.apply(e.source()), e.timestamp(), e.exitCode(), e.oomKilled(), f.apply(e.detail()))).toList(),
                    p.updatedAt());
        }
        return o;
    }
}
