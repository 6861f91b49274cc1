package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Source;
import io.sophia.core.CauseId;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Evaluates a gate policy ({@link GateRules}): Keptn-style scoring, key criteria block. */
final class Gate {

    private Gate() {
    }

    static GateDecision evaluate(GateRules policy, Collection<ServiceHealth> services, List<Observation> observations,
                                 List<RankedCause> causes, Impact impact) {
        List<GateDecision.Criterion> criteria = new ArrayList<>();
        for (GateRules.ConfiguredCriterion spec : policy.criteria()) {
            if (!spec.enabled()) {
                continue;
            }
            criteria.add(switch (spec.id()) {
                case GateRules.CRITICAL_SERVICES_UP -> criticalUp(spec, services);
                case GateRules.PIPELINE_SUCCEEDED -> pipeline(spec, observations);
                case GateRules.ALL_SERVICES_UP -> allUp(spec, services);
                case GateRules.SOURCES_READABLE -> sources(spec, policy.sources(), observations);
                case GateRules.TLS_NOT_EXPIRING -> tls(spec, observations);
                case GateRules.MIN_AVAILABILITY -> availability(spec, impact);
                case GateRules.MAX_CAUSE_PROBABILITY -> maxCause(spec, causes);
                default -> throw new IllegalStateException(spec.id());
            });
        }
        double total = 0;
        double got = 0;
        for (GateDecision.Criterion c : criteria) {
            total += c.weight();
            got += c.weight() * switch (c.outcome()) {
                case PASS -> 1.0;
                case WARN -> 0.5;
                case FAIL -> 0.0;
            };
        }
        double score = total == 0 ? 100.0 : Math.round(got / total * 1000) / 10.0;
        policy.scoreThresholds().ifPresent(t -> criteria.add(score(t, score)));
        boolean keyFailed = false;
        boolean otherProblem = false;
        for (GateDecision.Criterion c : criteria) {
            if (c.outcome() == GateDecision.Outcome.FAIL && c.key()) {
                keyFailed = true;
            } else if (c.outcome() != GateDecision.Outcome.PASS) {
                otherProblem = true;
            }
        }
        GateDecision.Verdict status = keyFailed ? GateDecision.Verdict.BLOCKED
                : otherProblem ? GateDecision.Verdict.WARN : GateDecision.Verdict.OPEN;
        return new GateDecision(status, score, criteria);
    }

    /** The score judged by the thresholds: a key criterion of weight 0, so it blocks below warning, warns below pass. */
    private static GateDecision.Criterion score(GateRules.Thresholds t, double score) {
        GateDecision.Outcome o = score + 1e-9 >= t.pass() ? GateDecision.Outcome.PASS
                : score + 1e-9 >= t.warning() ? GateDecision.Outcome.WARN : GateDecision.Outcome.FAIL;
        return new GateDecision.Criterion(GateRules.SCORE, "The gate score reaches the pass threshold", true, 0, o,
                String.format(Locale.ROOT, "%.1f %%", score), String.format(Locale.ROOT, "pass at %.1f %%, warning at %.1f %%",
                t.pass(), t.warning()));
    }

    private static GateDecision.Criterion criterion(GateRules.ConfiguredCriterion spec, String description,
                                                    GateDecision.Outcome outcome, String value, String threshold) {
        return new GateDecision.Criterion(spec.id(), description, spec.key(), spec.weight(), outcome, value, threshold);
    }

    private static GateDecision.Criterion criticalUp(GateRules.ConfiguredCriterion spec, Collection<ServiceHealth> services) {
        String d = "Every critical service is UP";
        List<ServiceHealth> critical = services.stream().filter(ServiceHealth::critical).toList();
        if (critical.isEmpty()) {
            return criterion(spec, d, GateDecision.Outcome.PASS, "no service is marked critical", "every critical service UP");
        }
        return everyUp(spec, d, critical, "critical services", "every critical service UP");
    }

    private static GateDecision.Criterion allUp(GateRules.ConfiguredCriterion spec, Collection<ServiceHealth> services) {
        return everyUp(spec, "Every service is UP", services, "services", "every service UP");
    }

    /** PASS when all of {@code services} are UP, WARN when those that are not are only DEGRADED, else FAIL. */
    private static GateDecision.Criterion everyUp(GateRules.ConfiguredCriterion spec, String description,
                                                  Collection<ServiceHealth> services, String noun, String threshold) {
        List<ServiceHealth> notUp = services.stream().filter(h -> h.status() != Status.UP).toList();
        boolean onlyDegraded = notUp.stream().allMatch(h -> h.status() == Status.DEGRADED);
        GateDecision.Outcome o = notUp.isEmpty() ? GateDecision.Outcome.PASS
                : onlyDegraded ? GateDecision.Outcome.WARN : GateDecision.Outcome.FAIL;
        String value = notUp.isEmpty() ? "all " + services.size() + " " + noun + " are UP"
                : notUp.size() + " of " + services.size() + " " + noun + " are not UP: " + describe(notUp);
        return criterion(spec, description, o, value, threshold);
    }

    private static String describe(List<ServiceHealth> list) {
        return Words.list(list.stream().map(h -> h.id() + " " + h.status()).toList(), 8);
    }

    private static GateDecision.Criterion pipeline(GateRules.ConfiguredCriterion spec, List<Observation> observations) {
        String d = "The deploy run concluded success";
        Observation.CiRun run = null;
        for (Observation o : observations) {
            if (o instanceof Observation.CiRun r) {
                run = r;
            }
        }
        String threshold = "conclusion success (when the run can be read)";
        if (run == null) {
            boolean tried = observations.stream().anyMatch(o -> o instanceof Observation.ProbeFailure f
                    && Source.GITHUB == f.source());
            return criterion(spec, d, GateDecision.Outcome.PASS, tried ? "the run could not be read (see sources-readable)"
                    : "no CI run observed", threshold);
        }
        String name = "run " + run.runId() + (run.workflowName() == null ? "" : " (" + Words.clip(run.workflowName(), 80) + ")");
        if (run.conclusion() == null) {
            return criterion(spec, d, GateDecision.Outcome.WARN, name + " has not concluded: " + run.status(), threshold);
        }
        boolean ok = "success".equals(run.conclusion());
        return criterion(spec, d, ok ? GateDecision.Outcome.PASS : GateDecision.Outcome.FAIL,
                name + " concluded " + run.conclusion(), threshold);
    }

    private static GateDecision.Criterion sources(GateRules.ConfiguredCriterion spec, List<String> sources,
                                                  List<Observation> observations) {
        String d = "The CI and platform sources could be read";
        List<String> failures = new ArrayList<>();
        for (Observation o : observations) {
            if (o instanceof Observation.ProbeFailure f && f.source() != null
                    && sources.contains(f.source().wire())) {
                // a misconfiguration's detail is Sophia's own words about the config (a token variable unset or of
                // several lines): the one thing the reader must change, so the criterion names it
                String s = Words.source(f.source()) + ": " + (f.kind() == FailureKind.MISCONFIGURED && f.detail() != null
                        && !f.detail().isBlank() ? "misconfigured, " + Words.clip(f.detail(), 100) : Words.kind(f.kind()));
                if (!failures.contains(s)) {
                    failures.add(s);
                }
            }
        }
        return criterion(spec, d, failures.isEmpty() ? GateDecision.Outcome.PASS : GateDecision.Outcome.FAIL,
                failures.isEmpty() ? "no probe failure from " + String.join(", ", sources) : Words.list(failures, 4),
                "no probe failure from " + String.join(", ", sources));
    }

    private static GateDecision.Criterion tls(GateRules.ConfiguredCriterion spec, List<Observation> observations) {
        int days = (int) spec.threshold();
        String d = "No TLS certificate expires within " + days + " days";
        List<String> soon = new ArrayList<>();
        long min = Long.MAX_VALUE;
        int seen = 0;
        for (Observation o : observations) {
            if (o instanceof Observation.TlsHandshake t) {
                seen++;
                min = Math.min(min, t.daysToExpiry());
                if (t.daysToExpiry() < days) {
                    soon.add((t.serviceId() == null ? t.host() : t.serviceId()) + (t.daysToExpiry() < 0
                            ? " expired " + (-t.daysToExpiry()) + " days ago" : " expires in " + t.daysToExpiry() + " days"));
                }
            }
        }
        String value = seen == 0 ? "no TLS certificate observed"
                : soon.isEmpty() ? "the nearest expiry is in " + min + " days" : Words.list(soon, 4);
        return criterion(spec, d, soon.isEmpty() ? GateDecision.Outcome.PASS : GateDecision.Outcome.FAIL, value,
                "at least " + days + " days to expiry");
    }

    private static GateDecision.Criterion availability(GateRules.ConfiguredCriterion spec, Impact impact) {
        String t = String.format(Locale.ROOT, "%.1f%%", spec.threshold());
        String d = "At least " + t + " of the services are UP";
        boolean ok = impact.availabilityPercent() + 1e-9 >= spec.threshold();
        return criterion(spec, d, ok ? GateDecision.Outcome.PASS : GateDecision.Outcome.FAIL,
                String.format(Locale.ROOT, "%.1f%% (%d of %d UP)", impact.availabilityPercent(), impact.servicesUp(),
                        impact.totalServices()), "at least " + t);
    }

    private static GateDecision.Criterion maxCause(GateRules.ConfiguredCriterion spec, List<RankedCause> causes) {
        String t = Words.percent(spec.threshold());
        String d = "No diagnosed cause is more probable than " + t + ", and no failure is left unexplained";
        RankedCause top = causes.isEmpty() ? null : causes.get(0);
        boolean ok = top == null || top.probability() <= spec.threshold();
        String value = top == null ? "no cause diagnosed" : top.id() + " at " + Words.percent(top.probability());
        // unknown leads only where something failed: a failure nothing explains is no reason to block, nor to open,
        // however probable unknown is (above the threshold too: it names no cause to block on)
        if (top != null && top.id().equals(CauseId.UNKNOWN)) {
            return criterion(spec, d, GateDecision.Outcome.WARN, value + ": a failure no known cause explains",
                    "at most " + t);
        }
        return criterion(spec, d, ok ? GateDecision.Outcome.PASS : GateDecision.Outcome.FAIL, value, "at most " + t);
    }
}
