package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules of session 14 that tell a consequence from its cause, each read on the consumed scenario it came from and on
 * the same scenario edited so that the consequence stands alone: a name that does not resolve because its service is
 * down (h20-30), a time limit reached by a job waiting for a login after its token was refused (h20-42), the edge's own
 * TLS handshake failure with the origin (h21-15), and a health-check warning in a job whose service answers (h21-07).
 */
class ConsequenceRulesTest {

    @Test
    void aNameThatDoesNotResolveBecauseItsServiceIsDownIsNoDnsFault(@TempDir Path dir) throws Exception {
        Path original = file("h20-30-");
        Assessment down = diagnose(original);
        assertTrue(p(down, "network.dns") < 0.1, "db is down, so its name is gone: " + p(down, "network.dns"));
        Assessment up = diagnose(edited(dir, original, "tcp: {failure: CONNECTION_REFUSED, latencyMs: 2}",
                "tcp: {latencyMs: 2}"));
        assertTrue(p(up, "network.dns") > 0.5, "with db answering, the failed lookup is the fault again: "
                + p(up, "network.dns"));
    }

    @Test
    void aServiceDownBecauseItsOwnNameDoesNotResolveIsNoConsequenceOfItsLookup() throws Exception {
        // p39-24: the broker "kafka" is DOWN only because its name does not resolve; the consumer's lookup of it
        // restates the DNS failure, it is not the consequence of a service that is down
        Assessment a = diagnose(file("p39-24-"));
        assertTrue(a.causes().stream().flatMap(c -> c.evidence().stream())
                .noneMatch(e -> e.ruleId().equals("network.dns/lookup-of-down-service")), a.causes().toString());
    }

    @Test
    void aTimeLimitReachedWaitingForALoginIsTheRefusedTokensConsequence(@TempDir Path dir) throws Exception {
        Path original = file("h20-42-");
        Assessment refused = diagnose(original);
        assertEquals(CauseId.of("auth.deploy-token"), refused.topCause().orElseThrow().id());
        Assessment noLogin = diagnose(edited(dir, original, "        > You must re-authenticate to use acme-labs scope.\n\n"
                + "        > Log in to Vercel (Use arrow keys)\n", ""));
        assertEquals(CauseId.of("ci.timeout"), noLogin.topCause().orElseThrow().id());
    }

    @Test
    void theEdgesHandshakeFailureWithTheOriginNamesTheCertificate(@TempDir Path dir) throws Exception {
        Path original = file("h21-15-");
        Assessment handshake = diagnose(original);
        assertEquals(CauseId.of("tls.certificate"), handshake.topCause().orElseThrow().id());
        Assessment badGateway = diagnose(edited(dir, original, "status: 525", "status: 502"));
        assertTrue(p(badGateway, "tls.certificate") < p(handshake, "tls.certificate") / 2,
                "a 502 says nothing of the certificate: " + p(badGateway, "tls.certificate"));
    }

    @Test
    void aHealthCheckWarningOfAJobWhoseServiceAnswersIsRefutedByTheAnswer(@TempDir Path dir) throws Exception {
        Path original = file("h21-07-");
        Assessment answers = diagnose(original);
        assertTrue(p(answers, "app.healthcheck-failing") < 0.5, "the app answers 200: "
                + p(answers, "app.healthcheck-failing"));
        Assessment refused = diagnose(edited(dir, original, "http: {status: 200, latencyMs: 1380, version: 2026.03.11}",
                "http: {failure: CONNECTION_REFUSED, latencyMs: 3}"));
        assertTrue(p(refused, "app.healthcheck-failing") > p(answers, "app.healthcheck-failing") * 2,
                "with the app not answering, the warning is evidence: " + p(refused, "app.healthcheck-failing"));
    }

    @Test
    void aDependencyFailingOnItsCertificateIsTheCertificatesFailure(@TempDir Path dir) throws Exception {
        Path original = file("p39-30-");
        Assessment untrusted = diagnose(original);
        assertEquals(CauseId.of("tls.certificate"), untrusted.topCause().orElseThrow().id());
        // the same database refusing connections instead: a dependency that is down. Its probes and its client's log
        // lines both say so (since session 23 Erlang's "CLIENT ALERT: Fatal - Unknown CA" is read as the certificate's
        // refusal, so the log must refuse the connection too, as Postgrex prints it)
        String text = Files.readString(original);
        String refusing = java.util.Arrays.stream(text.split("\n", -1))
                .filter(l -> !l.startsWith("    tls: {daysToExpiry: 380,") && !l.contains("{:tls_alert,"))
                .map(l -> l.equals("    tcp: {latencyMs: 3}") ? "    tcp: {failure: CONNECTION_REFUSED, latencyMs: 1}" : l)
                .map(l -> l.contains("[error] Postgrex.Protocol") ? l.substring(0, l.indexOf("ssl connect:"))
                        + "tcp connect (analytics.cluster-c8example.us-east-1.rds.amazonaws.com:5432): connection refused"
                        + " - :econnrefused" : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertNotEquals(text, refusing);
        Path copy = dir.resolve(original.getFileName());
        Files.writeString(copy, refusing);
        Assessment refused = diagnose(copy);
        assertTrue(p(refused, "tls.certificate") < p(untrusted, "tls.certificate") / 2,
                "a refused connection says nothing of a certificate: " + p(refused, "tls.certificate"));
    }

    // session 16: a kubelet restart for a failing probe explains the back-off (h24-22), a cancel explains the 137 a CI
    // reports for the step it killed (h25-34), a missing image explains a deploy waiter giving up (h25-06)

    @Test
    void aContainerRestartedForItsProbeIsAHealthCheckNotACrash(@TempDir Path dir) throws Exception {
        Path original = file("h24-22-");
        assertEquals(CauseId.of("app.healthcheck-failing"), diagnose(original).topCause().orElseThrow().id());
        Assessment backOffAlone = diagnose(edited(dir, original, "Container studio-user-otp failed liveness probe, will be "
                + "restarted", "Stopping container studio-user-otp"));
        // session 31 (rules31e): the liveness probe's own failure beside the back-off is the restart's reason too
        // (app.crash-on-boot/crash-loop-beside-liveness-failure)
        assertEquals(CauseId.of("app.healthcheck-failing"), backOffAlone.topCause().orElseThrow().id());
        Assessment noLiveness = diagnose(edited(dir, dir.resolve(original.getFileName()), "Liveness probe failed:",
                "Readiness probe failed:"));
        assertEquals(CauseId.of("app.crash-on-boot"), noLiveness.topCause().orElseThrow().id());
    }

    @Test
    void aStepKilledByItsCancelIsNoOutOfMemoryKill(@TempDir Path dir) throws Exception {
        Path original = file("h25-34-");
        Assessment cancelled = diagnose(original);
        assertEquals(CauseId.of("ci.cancelled"), cancelled.topCause().orElseThrow().id());
        assertTrue(p(cancelled, "app.oom") < 0.1, "the 137 is the cancel's: " + p(cancelled, "app.oom"));
        Assessment killed = diagnose(edited(dir, original, "        Step canceled\n", ""));
        assertEquals(CauseId.of("app.oom"), killed.topCause().orElseThrow().id());
    }

    @Test
    void aDeployWaiterGivingUpOnATaskWithoutItsImageIsTheMissingImage(@TempDir Path dir) throws Exception {
        Path original = file("h25-06-");
        assertEquals(CauseId.of("image.not-found"), diagnose(original).topCause().orElseThrow().id());
        Assessment waiterAlone = diagnose(edited(dir, original, "Status reason CannotPullContainerError: Error: image "
                + "orbit:9ce7d67bf402b337a75c8acf49c11881be2f16bd not found", "Status reason Essential container in task "
                + "exited"));
        assertEquals(CauseId.of("ci.timeout"), waiterAlone.topCause().orElseThrow().id());
    }
}
