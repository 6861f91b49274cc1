package io.sophia.probes;

import io.sophia.core.Source;
import io.sophia.core.ProbeContext;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.DnsResolution;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Service;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("DNS probe: localhost resolves, .invalid never does (RFC 6761)")
class DnsProbeTest {

    /** A hang guard far above what a loopback answer needs: a machine that stalls for seconds cannot make an answer a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void localhostResolvesToALoopbackAddress() {
        List<Observation> out = DnsProbe.of(Service.http("web", "http://localhost:8080/health"), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
        DnsResolution r = (DnsResolution) out.get(0);
        assertEquals("localhost", r.host());
        assertEquals(Source.DNS, r.source());
        assertTrue(r.addresses().stream().anyMatch(a -> a.equals("127.0.0.1") || a.equals("0:0:0:0:0:0:0:1")),
                r.addresses().toString());
    }

    @Test
    void aNameUnderInvalidIsADnsFailure() {
        ProbeFailure f = (ProbeFailure) DnsProbe.of(Service.http("web", "https://api.sophia-test.invalid/"), TIMEOUT)
                .run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        assertEquals(FailureKind.DNS_FAILURE, f.kind());
        assertEquals("api.sophia-test.invalid", f.target());
    }

    @Test
    void aResolverThatNeverAnswersIsADnsTimeoutAtTheDeadline() {
        CountDownLatch never = new CountDownLatch(1);
        DnsProbe probe = DnsProbe.of(Service.http("web", "https://slow.sophia-test.invalid/"), Duration.ofMillis(200),
                host -> {
                    never.await();
                    return List.of();
                });
        ProbeFailure f = (ProbeFailure) probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        never.countDown();
        assertEquals(FailureKind.DNS_TIMEOUT, f.kind());
        assertTrue(f.kind().transientFailure());
    }

    @Test
    void aResolverThatFailsTemporarilyIsATimeoutNotANonExistentName() {
        DnsProbe probe = DnsProbe.of(Service.http("web", "https://flaky.sophia-test.invalid/"), TIMEOUT, host -> {
            throw new UnknownHostException(host + ": Temporary failure in name resolution");
        });
        assertEquals(FailureKind.DNS_TIMEOUT, ((ProbeFailure) probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0)).kind());
    }

    @Test
    void anIpLiteralResolvesToItself() {
        DnsResolution r = (DnsResolution) DnsProbe.of(Service.http("web", "http://127.0.0.1:9/"), TIMEOUT).run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0);
        assertEquals(List.of("127.0.0.1"), r.addresses());
    }

    @Test
    void aResolverAnsweringNoAddressIsADnsFailure() {
        DnsProbe probe = DnsProbe.of(Service.http("web", "https://empty.sophia-test.invalid/"), TIMEOUT,
                host -> List.<InetAddress>of());
        assertEquals(FailureKind.DNS_FAILURE, ((ProbeFailure) probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1))).get(0)).kind());
    }
}
