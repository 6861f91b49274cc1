package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cause none of whose rules found support is weighed down (silentLr) only when one of its rules looked where its
 * evidence would show. A rule that reads one source's probes ({@code match: {source: host}}: a host's build record) looked
 * nowhere when no probe of that source was made: a refused service probe is no place where a host's record came back
 * empty. Session 39's {@code host-build-record-timed-out} (ci.timeout, p177-21), a rule that cannot match a refused
 * probe, put ci.timeout under silence there and lifted app.oom, read only from a violated expectation's actual value
 * (a weak tie-breaker), above 0.5 (FortyThirdRoundShapesTest.aViolatedExpectationsActualValueIsReadAsALine).
 */
class SilenceWhereARuleLooksTest {

    private static final String RULE = "host-build-record-timed-out";

    @TempDir
    Path dir;

    // ci.timeout's rules on a host's record: RULE and, since session 43, a Job whose own container completed beside a
    // sidecar still running (r43-p196), since session 45 a build service's record with status TIMEOUT (r45-p206); a
    // cause's silence counts once, so all are turned off to see it
    private KnowledgeBase withoutHostRule() throws IOException {
        Path p = dir.resolve("no-host-rule.yaml");
        Files.writeString(p, """
                causes:
                  ci.timeout:
                    rules:
                      %s:
                        enabled: false
                      job-done-sidecar-still-running:
                        enabled: false
                      build-record-status-timeout:
                        enabled: false
                """.formatted(RULE));
        return KnowledgeBase.builtIn().withRuleFile(p);
    }

    private static final Deployment CFG = new Deployment("cfg", List.of(
            Fleet.service("config-db", "Config DB", "Database", ServiceKind.HTTP)));

    private static Assessment diagnose(KnowledgeBase kb, List<Observation> observations) {
        return Diagnosis.builder().knowledgeBase(kb).build().diagnose(CFG, observations, Fleet.NOW);
    }

    private static List<Observation> refusedWithOomCondition() {
        return List.of(Fleet.refused("config-db"), new Observation.ConditionCheck("config-db", Source.HTTP,
                "[POD] lastState.terminated.reason != OOMKilled", false,
                "Last State: Terminated, Reason: OOMKilled, Exit Code: 137, Restart Count: 9"));
    }

    /** No host was looked at: the host-only rule that cannot match changes no probability. */
    @Test
    void aRuleOnAHostsRecordIsNotSilentWhenNoHostWasLookedAt() throws IOException {
        Assessment with = diagnose(KnowledgeBase.builtIn(), refusedWithOomCondition());
        Assessment without = diagnose(withoutHostRule(), refusedWithOomCondition());
        for (RankedCause c : without.causes()) {
            assertEquals(c.probability(), Fleet.probability(with, c.id().value()), 1e-9,
                    c.id() + ": " + with.causes() + " vs " + without.causes());
        }
        assertTrue(with.causes().get(0).probability() < 0.5, with.causes().toString());
    }

    /**
     * A host was looked at and its record says nothing of a time limit: the rule's silence still counts, ci.timeout is
     * weighed down (below the listed causes either way) and the others gain what it loses.
     */
    @Test
    void aRuleOnAHostsRecordIsSilentWhenAHostWasLookedAt() throws IOException {
        List<Observation> obs = List.of(Fleet.refused("config-db"), new Observation.ProbeFailure("config-db", Source.HOST,
                "aws amplify get-job --app-id d3krtaexample --branch-name main --job-id 14", FailureKind.UNPROCESSABLE,
                "status: FAILED; steps: [BUILD: SUCCEED, DEPLOY: FAILED]", null, Duration.ofMillis(40), 1));
        Assessment with = diagnose(KnowledgeBase.builtIn(), obs);
        Assessment without = diagnose(withoutHostRule(), obs);
        assertTrue(Fleet.probability(with, "app.crash-on-boot")
                > Fleet.probability(without, "app.crash-on-boot") + 1e-3,
                with.causes() + " vs " + without.causes());
    }

    /** The rule's purpose (p177-21): a host's build record saying statusReason "Build timed out" reads as ci.timeout. */
    @Test
    void aHostsBuildRecordTimedOutStillReadsAsTheTimeLimit() {
        Assessment a = diagnose(KnowledgeBase.builtIn(), List.of(new Observation.ProbeFailure("config-db", Source.HOST,
                "aws amplify get-job --app-id d3krtaexample --branch-name main --job-id 14", FailureKind.UNPROCESSABLE,
                "status: FAILED; steps: [BUILD: FAILED, statusReason: \"Build timed out\"]", null, Duration.ofMillis(40),
                1)));
        assertEquals(CauseId.CI_TIMEOUT, a.causes().get(0).id(), a.causes().toString());
        assertTrue(Fleet.weighs(a, "ci.timeout/" + RULE), a.causes().toString());
        assertNotEquals(CauseId.UNKNOWN, a.causes().get(0).id());
    }
}
