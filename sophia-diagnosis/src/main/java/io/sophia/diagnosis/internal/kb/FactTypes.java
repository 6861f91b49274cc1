package io.sophia.diagnosis.internal.kb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fact types rules can match ({@code when}), with the attributes {@code match}/{@code pattern}
 * may test and the placeholders templates may use. One table, read by the rule-file validator and
 * honoured by the fact extractor, so a rule file cannot name something that is never produced.
 */
public final class FactTypes {

    /** Attributes and placeholders of one fact type. */
    public record Type(String name, Set<String> attributes, Set<String> placeholders, String meaning) {
    }

    /** Placeholders every template may use. */
    public static final Set<String> COMMON = Set.of("service", "services", "count", "subjects", "jobs");

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    private static void type(String name, String meaning, Set<String> attributes, Set<String> placeholders) {
        TYPES.put(name, new Type(name, attributes, placeholders, meaning));
    }

    static {
        type("log", "a log line an indication matched (LogFinding)",
                Set.of("causeId", "indication", "source", "job", "jobConclusion", "step", "line", "top", "score",
                        "lineNumber", "serviceStatus", "namesService", "namesDownService", "namesOwnApp",
                        "generalShape", "namesFailingName", "namesUnresolvedDependency", "otherServiceNameFails",
                        "certificateOutOfDate",
                        "fallbackCertificateServed", "stepLines", "runEvent", "passedBefore", "dependsOnDown",
                        "serviceDatastoreDown", "memoryAtLimit", "runnerLookCause", "serviceServesRunCommit",
                        "serviceDeployFailed"),
                Set.of("job", "step", "line", "lineNumber", "indication", "causeId", "source", "failingLines",
                        "dependency", "runnerLookCause"));
        type("job", "a CI job (CiJob)",
                Set.of("name", "conclusion", "status", "failedStep", "runner", "service", "endedAtRoundLimit",
                        "ranSixHours", "waitedForRunner", "waitedADay", "waitingForRunner", "runnerLookCause", "cancelledInFailedRun"),
                Set.of("job", "conclusion", "step", "runner", "minutes", "waited", "runnerLookCause"));
        type("step", "a step of a CI job",
                Set.of("job", "name", "conclusion", "jobConclusion", "afterFailedStep", "runEvent", "failedInSiblingJob"),
                Set.of("job", "step", "conclusion"));
        type("commonStep", "two or more failed jobs that failed at the same step",
                Set.of("step", "sameError"), Set.of("step", "jobCount", "errors"));
        type("cancelledAfterFailure", "a cancelled job in a run where another job failed first (fail-fast)",
                Set.of("job"), Set.of("job", "failedJob"));
        type("run", "the CI workflow run (CiRun)",
                Set.of("conclusion", "status", "workflow", "event", "branch", "waitingForRunner"),
                Set.of("workflow", "conclusion", "runId", "sha", "branch"));
        type("annotation", "a check-run annotation of a CI job",
                Set.of("level", "title", "message", "messageCause", "jobWaitedForRunner"),
                Set.of("level", "title", "message", "job"));
        type("probe", "a probe that got no usable answer (ProbeFailure)",
                Set.of("source", "kind", "httpStatus", "httpClass", "scope", "detail", "target", "detailCause",
                        "containerNotRunning", "serviceAnswers", "livenessFailingBeside", "namesUnresolvedDependency",
                        "restartedBesideLoopbackRefusal", "imageTagUnlisted", "quietLogsBeside", "dependencyStatusPage"),
                Set.of("source", "kind", "detail", "target", "httpStatus"));
        type("http", "an HTTP answer (HttpCheck)",
                Set.of("statusCode", "httpClass", "accepted", "latencyMs", "body", "bodyCause",
                        "ownDeployFailed"), Set.of("httpStatus", "latencyMs", "body"));
        type("condition", "a satisfied or violated expectation (ConditionCheck)",
                Set.of("condition", "passed", "actual", "actualCause"), Set.of("condition", "actual"));
        type("machine", "a platform machine (PlatformMachine)",
                Set.of("state", "stuck", "hostStatus", "region", "app", "startedLongAgo", "datastoreDependedOn",
                        "neverRan"),
                Set.of("app", "machine", "state", "region", "hostStatus"));
        type("machineEvent", "an event of a platform machine",
                Set.of("type", "status", "exitCode", "oomKilled", "nonZeroExit", "exitKind", "app", "detail",
                        "machineState", "detailCause", "datastoreDependedOn", "machineExitedWithCode"),
                Set.of("app", "machine", "type", "status", "exitCode", "detail"));
        type("machineCheck", "a health check of a platform machine",
                Set.of("name", "status", "output", "app", "answered", "dnsFailure", "datastoreDependedOn"),
                Set.of("app", "machine", "check", "status", "output"));
        type("tls", "a completed TLS handshake (TlsHandshake)",
                Set.of("expired", "notYetValid", "selfSigned", "hostnameMatches", "trusted", "expiringSoon", "daysToExpiry",
                        "othersDown", "splitName", "alsoServedOwn", "siblingNameMissing"),
                Set.of("host", "days", "subject", "issuer"));
        type("dns", "a host name that resolved (DnsResolution)", Set.of("host", "loopbackOnly"), Set.of("host", "addresses"));
        type("tcp", "a TCP connect that succeeded (TcpConnect)", Set.of("host"), Set.of("host", "port"));
        type("mcp", "a completed MCP handshake (McpHandshake)",
                Set.of("era", "protocolVersion"), Set.of("server", "version", "protocolVersion"));
        type("service", "the derived status of a service",
                Set.of("status", "critical", "kind", "healthyPeer", "sameDeployPath", "id", "machineStarted",
                        "machinesStopped", "deploySucceeded", "deployFailed", "deployFailedOnName", "failureKind", "checksPassing",
                        "alsoAnswered", "slowOnly", "nameFails", "addressFails", "addressRefuses", "nameMissing", "nameResolvesForDnsProbe", "staticHostServerError", "dependedOn", "dependenciesUp", "healthEndpointOnly",
                        "datastore"),
                Set.of("status", "failure", "down", "downServices"));
        type("dependency", "a DOWN service whose dependsOn names a DOWN service",
                Set.of("dependency", "dependencyError", "dependencyNameOnly", "dependencyResolverFailedOnly",
                        "dependencyCertificateOnly", "dependencyApplication", "dependencyStoppedOnRequest"), Set.of("dependency"));
        type("degradedDependency", "a DEGRADED service whose dependsOn names a DOWN service",
                Set.of("dependency", "dependencyError", "dependencyNameOnly", "dependencyResolverFailedOnly",
                        "dependencyCertificateOnly", "dependencyApplication", "dependencyStoppedOnRequest"), Set.of("dependency"));
        type("change", "files of one class changed since the last good deploy (ChangeSet)",
                Set.of("class", "files", "commits"),
                Set.of("files", "fileCount", "commitCount", "baseRun", "baseSha", "headSha", "changeClass"));
        type("releaseSplit", "an app whose healthy machines run another image than its failing ones (ReleaseSplit)",
                Set.of("app"), Set.of("app", "healthyImage", "failingImage", "healthyCount", "failingCount"));
        type("version", "the version a service reports compared with the run's head sha",
                Set.of("matches", "runConclusion"), Set.of("deployed", "expected"));
    }

    private FactTypes() {
    }

    /** The type, or null when unknown. */
    public static Type get(String name) {
        return TYPES.get(name);
    }

    /** Every placeholder of every type (action templates may use any of them; unknown ones print "?"). */
    public static Set<String> allPlaceholders() {
        Set<String> all = new TreeSet<>(COMMON);
        for (Type t : TYPES.values()) {
            all.addAll(t.placeholders());
        }
        return all;
    }

    /** All type names, sorted, for messages. */
    public static Set<String> names() {
        return new TreeSet<>(TYPES.keySet());
    }
}
