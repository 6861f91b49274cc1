package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review of session 25's indications, rules and Java changes. */
class ReviewTwentyFifthSessionTest {

    /**
     * statuspage.investigating-issues' pattern reads "investigating issues affecting ..." (Statuspage's other usual
     * wording, as OpenAI's status page relays it: "We are investigating issues affecting login, signup, and ads"), but its
     * literals only name "... with", so the prefilter never let the pattern try such a line.
     */
    @Test
    void anIncidentNoticeAffectingAComponentIsRead() throws java.io.IOException {
        assertEquals(List.of("statuspage.investigating-issues"), Fleet.readAlone("statuspage.investigating-issues",
                "We are investigating issues affecting login, signup, and ads"));
        assertEquals(List.of("statuspage.investigating-issues"), Fleet.readAlone("statuspage.investigating-issues",
                "We are investigating an issue affecting login for some users"));
    }

    private static Assessment dnsProbeWithTestJob(String testLog) throws java.io.IOException {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, new Observation.ProbeFailure("dashboard", Source.HTTP, "https://dashboard.sophia-ai.com/health",
                FailureKind.DNS_FAILURE, "lookup dashboard.sophia-ai.com: no such host", null, java.time.Duration.ofMillis(16), 1));
        o.set(o.size() - 1, Fleet.run("failure"));
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Checkout", "success"), Fleet.step(2, "Run tests", "failure"));
        o.add(Fleet.job(null, 7, "unit tests", "failure", 60, steps.toArray(Observation.CiStep[]::new)));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, null, 7, "unit tests", steps),
                new java.io.StringReader("##[group]Run tests\n##[endgroup]\n" + testLog)));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    /**
     * network.dns/test-job-deploys-nothing (lr 0.05, decisive) read only a job's failed-step name (a weak reading: a job
     * without a service failing at "Run tests"), and as a job rule it weighs against every name failure of the run: a
     * unit-test job failing on an assertion in the same run as the deployed host not resolving withdrew the probe's own
     * DNS failure twentyfold. It stays, moderate.
     */
    @Test
    void aTestJobsStepNameIsNoDecisiveReadingAgainstANameFailure() throws java.io.IOException {
        Assessment other = dnsProbeWithTestJob("AssertionError: expected 3 to equal 4\n");
        io.sophia.core.RankedCause dns = other.causes().stream().filter(c -> c.id().value().equals("network.dns"))
                .findFirst().orElseThrow(() -> new AssertionError(other.causes().toString()));
        io.sophia.core.Evidence e = dns.evidence().stream()
                .filter(x -> x.ruleId().equals("network.dns/test-job-deploys-nothing")).findFirst()
                .orElseThrow(() -> new AssertionError(dns.evidence().toString()));
        assertTrue(Math.abs(e.weight()) < Math.log(10) - 1e-9, e.toString());
    }

    /**
     * kafka.metadata-dial-loopback-refused (config.invalid, 0.75: a broker advertising the loopback) read franz-go's
     * refusal at any loopback port, and 127.0.0.1:9092 is rpk's own default seed: "rpk topic list" run after the stack was
     * taken down prints "unable to request metadata: unable to dial: dial tcp 127.0.0.1:9092: connect: connection
     * refused" (a project's reset script, docker compose down then rpk), a broker that is not running.
     */
    @Test
    void theDefaultSeedRefusedIsNoAdvertisedAddress() throws java.io.IOException {
        assertEquals(List.of(), Fleet.readAlone("kafka.metadata-dial-loopback-refused",
                "unable to request metadata: unable to dial: dial tcp 127.0.0.1:9092: connect: connection refused"));
        assertEquals(List.of("kafka.metadata-dial-loopback-refused"), Fleet.readAlone("kafka.metadata-dial-loopback-refused",
                "unable to request metadata: unable to dial: dial tcp 127.0.0.1:9093: connect: connection refused"));
        assertEquals(List.of("kafka.metadata-dial-loopback-refused"), Fleet.readAlone("kafka.metadata-dial-loopback-refused",
                "unable to request metadata: unable to dial: dial tcp 127.0.0.1:19092: connect: connection refused"));
    }
}
