package io.sophia.report.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.sophia.core.Anomaly;
import io.sophia.core.CauseId;
import io.sophia.core.ChangeClass;
import io.sophia.core.Evidence;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Source;

import java.time.Duration;

/**
 * How the core records map to report.json, as Jackson mix-ins: sophia-core stays free of
 * Jackson, and each record's JSON shape is stated here once (field order, names, number
 * format) for both writing and reading. The observation kinds are not listed here: their type
 * ids come from the sealed hierarchy ({@link ObservationTypes}).
 */
final class JsonMixins {

    private JsonMixins() {
    }

    /** Registers every mix-in of this class on {@code b}. */
    static JsonMapper.Builder register(JsonMapper.Builder b) {
        return b.addMixIn(ServiceHealth.class, ServiceHealthMixin.class)
                .addMixIn(RankedCause.class, RankedCauseMixin.class)
                .addMixIn(CauseId.class, CauseIdMixin.class)
                .addMixIn(Evidence.class, EvidenceMixin.class)
                .addMixIn(Evidence.Direction.class, DirectionMixin.class)
                .addMixIn(Anomaly.class, AnomalyMixin.class)
                .addMixIn(Impact.class, ImpactMixin.class)
                .addMixIn(GateDecision.class, GateMixin.class)
                .addMixIn(GateDecision.Criterion.class, CriterionMixin.class)
                .addMixIn(Source.class, SourceMixin.class)
                .addMixIn(Observation.class, ObservationMixin.class)
                .addMixIn(Observation.Timing.class, TimingMixin.class)
                .addMixIn(Observation.HttpCheck.class, HttpCheckMixin.class)
                .addMixIn(Observation.ProbeFailure.class, ProbeFailureMixin.class)
                .addMixIn(Observation.TcpConnect.class, LatencyMixin.class)
                .addMixIn(Observation.DnsResolution.class, LatencyMixin.class)
                .addMixIn(Observation.McpHandshake.class, LatencyMixin.class)
                .addMixIn(Observation.CiRun.class, CiRunMixin.class)
                .addMixIn(Observation.CiJob.class, CiJobMixin.class)
                .addMixIn(Observation.CiStep.class, CiStepMixin.class)
                .addMixIn(Observation.LogFinding.class, LogFindingMixin.class)
                .addMixIn(Observation.PlatformMachine.class, PlatformMachineMixin.class)
                .addMixIn(io.sophia.core.Owner.class, OwnerMixin.class)
                .addMixIn(ChangeClass.class, ChangeClassMixin.class)
                .addMixIn(Observation.ChangeSet.class, ChangeSetMixin.class)
                .addMixIn(Observation.ChangedCommit.class, ChangedCommitMixin.class)
                .addMixIn(Observation.ChangedFile.class, ChangedFileMixin.class)
                .addMixIn(Observation.ChangeSetUnavailable.class, ChangeSetUnavailableMixin.class);
    }

    /**
     * {@code owner}, {@code upSince} (added in 1.0) and {@code baselineMs} (added in 1.0 too) are written only when known,
     * so older reports keep their bytes.
     */
    @JsonPropertyOrder({"id", "name", "capability", "critical", "url", "status", "httpStatus", "latencyMs", "failure",
            "version", "owner", "upSince", "baselineMs"})
    interface ServiceHealthMixin {
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        Long baselineMs();

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        io.sophia.core.Owner owner();

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        java.time.Instant upSince();
    }

    @JsonPropertyOrder({"id", "title", "probability", "confidence", "explanation", "serviceIds", "evidence", "nextChecks"})
    interface RankedCauseMixin {
        @JsonSerialize(using = Decimals.Four.class)
        double probability();

        // added in issue 9: omitted when empty, so reports without next checks keep their bytes
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<String> nextChecks();
    }

    /** A cause id is its dotted name; reading checks it ({@link CauseId#of}). */
    abstract static class CauseIdMixin {
        @JsonValue
        abstract String value();

        @JsonCreator
        static CauseId of(String value) {
            return CauseId.of(value);
        }
    }

    @JsonPropertyOrder({"direction", "weight", "text", "ruleId", "serviceIds"})
    interface EvidenceMixin {
        @JsonSerialize(using = Decimals.Four.class)
        double weight();
    }

    /** {@code for} and {@code against}, the contract's spelling. */
    interface DirectionMixin {
        @JsonValue
        String wire();
    }

    /** {@code http}, {@code github} …, the lower-case spelling of rule files. */
    interface SourceMixin {
        @JsonValue
        String wire();
    }

    @JsonPropertyOrder({"kind", "serviceId", "summary", "statements"})
    interface AnomalyMixin {
    }

    @JsonPropertyOrder({"totalServices", "servicesUp", "availabilityPercent", "severity", "capabilitiesOffline",
            "capabilitiesDegraded", "capabilitiesOnline"})
    interface ImpactMixin {
        @JsonSerialize(using = Decimals.Two.class)
        double availabilityPercent();
    }

    @JsonPropertyOrder({"status", "score", "criteria"})
    interface GateMixin {
        @JsonSerialize(using = Decimals.Two.class)
        double score();
    }

    @JsonPropertyOrder({"id", "description", "key", "weight", "outcome", "value", "threshold"})
    interface CriterionMixin {
        @JsonSerialize(using = Decimals.Four.class)
        double weight();
    }

    /** The discriminator {@code type} first, then the service and source every kind has. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonPropertyOrder({"serviceId", "source"})
    interface ObservationMixin {
    }

    /** Not measured ({@link Observation.Timing#NONE}) is written as null and read back from null. */
    @JsonSerialize(converter = NoneAsNull.class)
    @JsonPropertyOrder({"dnsMs", "connectMs", "tlsMs", "firstByteMs", "transferMs"})
    interface TimingMixin {
        @JsonProperty("dnsMs")
        Duration dns();

        @JsonProperty("connectMs")
        Duration connect();

        @JsonProperty("tlsMs")
        Duration tls();

        @JsonProperty("firstByteMs")
        Duration firstByte();

        @JsonProperty("transferMs")
        Duration transfer();
    }

    static final class NoneAsNull extends StdConverter<Observation.Timing, Observation.Timing> {
        @Override
        public Observation.Timing convert(Observation.Timing t) {
            return Observation.Timing.NONE.equals(t) ? null : t;
        }
    }

    /** {@code protocol} (added in 1.0) is written only when known, so older reports keep their bytes. */
    @JsonPropertyOrder({"serviceId", "source", "url", "statusCode", "latencyMs", "bodyExcerpt", "contentType", "version",
            "timing", "protocol"})
    interface HttpCheckMixin {
        @JsonProperty("latencyMs")
        Duration latency();

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String protocol();
    }

    @JsonPropertyOrder({"serviceId", "source", "target", "kind", "detail", "httpStatus", "elapsedMs", "attempts"})
    interface ProbeFailureMixin {
        @JsonProperty("elapsedMs")
        Duration elapsed();
    }

    /** TCP connect, DNS resolution and MCP handshake: their one duration is {@code latencyMs}. */
    interface LatencyMixin {
        @JsonProperty("latencyMs")
        Duration latency();
    }

    @JsonPropertyOrder({"serviceId", "source", "repository", "runId", "workflowName", "headBranch", "headSha", "event",
            "status", "conclusion", "runAttempt", "createdAt", "updatedAt", "durationMs", "htmlUrl"})
    interface CiRunMixin {
        /** Derived from the two instants: written for readers, ignored when read. */
        @JsonProperty(value = "durationMs", access = JsonProperty.Access.READ_ONLY)
        Duration duration();
    }

    @JsonPropertyOrder({"serviceId", "source", "runId", "jobId", "name", "status", "conclusion", "runAttempt",
            "startedAt", "completedAt", "durationMs", "runnerName", "labels", "steps", "htmlUrl"})
    interface CiJobMixin {
        @JsonProperty(value = "durationMs", access = JsonProperty.Access.READ_ONLY)
        Duration duration();
    }

    @JsonPropertyOrder({"number", "name", "status", "conclusion", "startedAt", "completedAt", "durationMs"})
    interface CiStepMixin {
        @JsonProperty(value = "durationMs", access = JsonProperty.Access.READ_ONLY)
        Duration duration();
    }

    @JsonPropertyOrder({"serviceId", "source", "jobId", "jobName", "step", "lineNumber", "indicationId", "causeId",
            "line", "context", "score"})
    interface LogFindingMixin {
        @JsonSerialize(using = Decimals.Four.class)
        double score();
    }

    /** An owner is {@code {team, contact}}; a bare string reads as the team alone, as in the config. */
    @JsonPropertyOrder({"team", "contact"})
    abstract static class OwnerMixin {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static io.sophia.core.Owner of(String team) {
            return io.sophia.core.Owner.of(team);
        }
    }

    /** {@code startedAt} (added in 1.0) is written only when the platform listed a start, so older reports keep their bytes. */
    interface PlatformMachineMixin {
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        java.time.Instant startedAt();
    }

    /** A change class is its wire name ({@code platform-config}); a name a later version adds reads as {@code other}. */
    abstract static class ChangeClassMixin {
        @JsonValue
        abstract String wire();

        @JsonCreator
        static ChangeClass ofWire(String wire) {
            return ChangeClass.ofWire(wire);
        }
    }

    @JsonPropertyOrder({"serviceId", "source", "repository", "baseRunId", "baseSha", "headRunId", "headSha", "comparison",
            "totalCommits", "truncated", "htmlUrl", "files", "commits"})
    interface ChangeSetMixin {
    }

    @JsonPropertyOrder({"sha", "message", "author", "htmlUrl"})
    interface ChangedCommitMixin {
    }

    @JsonPropertyOrder({"path", "previousPath", "changeClass", "status", "additions", "deletions"})
    interface ChangedFileMixin {
    }

    @JsonPropertyOrder({"serviceId", "source", "repository", "headRunId", "target", "kind", "httpStatus", "detail"})
    interface ChangeSetUnavailableMixin {
    }
}
