package io.sophia.report.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Owner;
import io.sophia.core.Probing;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The top level of report.json where it differs from {@link Assessment}: the causes sit under
 * {@code diagnosis}, the derived {@code pipeline} section is written (and ignored when read),
 * and an action states its window three ways. Everything below maps straight to the core
 * records through {@link JsonMixins}.
 */
@JsonPropertyOrder({"schemaVersion", "deployment", "generatedAt", "services", "pipeline", "diagnosis", "anomalies",
        "impact", "actions", "escalation", "gate", "probing", "observations"})
@JsonIgnoreProperties(value = {"pipeline", "escalation"}, allowGetters = true)
record ReportJson(String schemaVersion, String deployment, Instant generatedAt, List<ServiceHealth> services,
                  PipelineJson pipeline, Diagnosis diagnosis, List<Anomaly> anomalies, Impact impact,
                  List<ActionJson> actions,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EscalationJson> escalation, GateDecision gate,
                  @JsonInclude(JsonInclude.Include.NON_NULL) ProbingJson probing, List<Observation> observations) {

    /** The wire form of {@code a}, probabilities rounded so that their sum stays at most 1. */
    static ReportJson of(Assessment a) {
        List<Double> p = Formats.roundProbabilities(a.causes().stream().map(RankedCause::probability).toList());
        List<RankedCause> causes = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            RankedCause c = a.causes().get(i);
            causes.add(new RankedCause(c.id(), c.title(), p.get(i), c.confidence(), c.explanation(), c.evidence(),
                    c.serviceIds(), c.nextChecks()));
        }
        return new ReportJson(Objects.requireNonNullElse(a.schemaVersion(), Assessment.SCHEMA_VERSION), a.deployment(),
                a.generatedAt(), a.services(), PipelineJson.of(PipelineView.of(a)), new Diagnosis(causes),
                a.anomalies(), a.impact(), a.actions().stream().map(x -> ActionJson.of(x, a)).toList(),
                Escalation.of(a).stream().map(EscalationJson::of).toList(), a.gate(),
                ProbingJson.of(a.probing()), a.observations());
    }

    /** The assessment this report describes. */
    Assessment toAssessment() {
        return new Assessment(schemaVersion, deployment, generatedAt, services, observations,
                diagnosis == null ? List.of() : diagnosis.causes(), anomalies, impact,
                actions.stream().map(ActionJson::toAction).toList(), gate, probing == null ? null : probing.toProbing());
    }

    /**
     * {@code probing}: each probe's timeout and the check's budget; written only when known (added in
     * 1.0 as an optional field, so older reports stay byte-identical).
     */
    @JsonPropertyOrder({"timeoutMs", "budgetMs"})
    record ProbingJson(long timeoutMs, long budgetMs) {
        static ProbingJson of(Probing p) {
            return p == null ? null : new ProbingJson(p.timeout().toMillis(), p.budget().toMillis());
        }

        Probing toProbing() {
            return new Probing(Duration.ofMillis(timeoutMs), Duration.ofMillis(budgetMs));
        }
    }

    /**
     * {@code escalation}: who to call, derived from the services' owners ({@link Escalation}); written only when
     * some service has an owner and something is affected (added in 1.0 as an optional field, so reports without
     * owners keep their bytes), ignored when read.
     */
    @JsonPropertyOrder({"team", "contact", "priority", "status", "serviceIds", "capabilities"})
    record EscalationJson(String team, String contact, Action.Priority priority, io.sophia.core.Status status,
                          List<String> serviceIds, List<String> capabilities) {
        static EscalationJson of(Escalation e) {
            return new EscalationJson(e.owner() == null ? null : e.owner().team(),
                    e.owner() == null ? null : e.owner().contact(), e.priority(), e.worst(), e.serviceIds(),
                    e.capabilities());
        }
    }

    /** {@code diagnosis}: the ranked causes. */
    record Diagnosis(List<RankedCause> causes) {
    }

    /**
     * An action: {@code within} for humans ("1h30m"), {@code withinIso} (ISO-8601) and
     * {@code withinMs}; a reader takes {@code withinIso}, else {@code withinMs}. {@code owners}, who to call
     * for its services, is written when they have owners and ignored when read (it comes from the services).
     */
    @JsonPropertyOrder({"priority", "within", "withinIso", "withinMs", "title", "detail", "causeId", "serviceIds",
            "owners"})
    @JsonIgnoreProperties(value = {"within", "owners"}, allowGetters = true)
    record ActionJson(Action.Priority priority, String within, String withinIso, Long withinMs, String title,
                      String detail, CauseId causeId, List<String> serviceIds,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Owner> owners) {

        static ActionJson of(Action x, Assessment a) {
            return new ActionJson(x.priority(), Formats.window(x.within()), x.within().toString(),
                    x.within().toMillis(), x.title(), x.detail(), x.causeId(), x.serviceIds(),
                    Escalation.owners(a, x.serviceIds()));
        }

        Action toAction() {
            Duration d = withinIso != null ? Duration.parse(withinIso)
                    : withinMs != null ? Duration.ofMillis(withinMs) : null;
            if (d == null) {
                throw new IllegalArgumentException("withinIso: missing");
            }
            return new Action(priority, d, title, detail, causeId, serviceIds);
        }
    }

    /** {@code pipeline}: the run, the jobs with their steps and the first failed step; written only. */
    @JsonPropertyOrder({"run", "durationMs", "failedStep", "jobs"})
    record PipelineJson(RunJson run, Long durationMs, String failedStep, List<JobJson> jobs) {
        static PipelineJson of(PipelineView p) {
            return p == null ? null : new PipelineJson(RunJson.of(p.run()), Formats.millis(p.duration()),
                    p.firstFailedStep(), p.jobs().stream().map(JobJson::of).toList());
        }
    }

    @JsonPropertyOrder({"runId", "repository", "workflow", "headBranch", "headSha", "event", "status", "conclusion",
            "runAttempt", "createdAt", "updatedAt", "durationMs", "htmlUrl"})
    record RunJson(long runId, String repository, String workflow, String headBranch, String headSha, String event,
                   String status, String conclusion, int runAttempt, Instant createdAt, Instant updatedAt,
                   Long durationMs, String htmlUrl) {
        static RunJson of(CiRun r) {
            return r == null ? null : new RunJson(r.runId(), r.repository(), r.workflowName(), r.headBranch(),
                    r.headSha(), r.event(), r.status(), r.conclusion(), r.runAttempt(), r.createdAt(), r.updatedAt(),
                    Formats.millis(r.duration()), r.htmlUrl());
        }
    }

    @JsonPropertyOrder({"jobId", "name", "serviceId", "status", "conclusion", "durationMs", "failedStep", "htmlUrl",
            "steps"})
    record JobJson(long jobId, String name, String serviceId, String status, String conclusion, Long durationMs,
                   String failedStep, String htmlUrl, List<StepJson> steps) {
        static JobJson of(CiJob j) {
            CiStep failed = j.failedStep();
            return new JobJson(j.jobId(), j.name(), j.serviceId(), j.status(), j.conclusion(),
                    Formats.millis(j.duration()), failed == null ? null : failed.name(), j.htmlUrl(),
                    j.steps().stream().map(s -> new StepJson(s.number(), s.name(), s.conclusion(),
                            Formats.millis(s.duration()), s == failed)).toList());
        }
    }

    @JsonPropertyOrder({"number", "name", "conclusion", "durationMs", "failed"})
    record StepJson(int number, String name, String conclusion, Long durationMs, boolean failed) {
    }
}
