package io.sophia.diagnosis;

import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TCP service whose connect was refused once and accepted once at the same address is DEGRADED ("intermittent"),
 * not DOWN (h39-48: a gunicorn bind refusing between two accepted connects). The failure's target is written as
 * {@code TcpProbe} writes it ({@code host:port}, an IPv6 host in brackets); a refusal at another port stays DOWN.
 */
class IntermittentTcpTest {

    private static ServiceHealth health(String host, List<Observation> o) {
        Service db = Service.builder("db", "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":5432")
                .kind(ServiceKind.TCP).critical().build();
        return Diagnosis.ofDefaults().diagnose(new Deployment("shop", List.of(db)), o, Fleet.NOW)
                .service("db").orElseThrow();
    }

    private static Observation.TcpConnect accepted(String host, int port) {
        return new Observation.TcpConnect("db", Source.TCP, host, port, Duration.ofMillis(2));
    }

    private static Observation.ProbeFailure refused(String target) {
        return new Observation.ProbeFailure("db", Source.TCP, target, FailureKind.CONNECTION_REFUSED,
                "connection refused", null, Duration.ofMillis(1), 1);
    }

    @Test
    void aRefusalBesideAnAcceptedConnectAtTheSameAddressIsDegraded() {
        ServiceHealth v4 = health("10.0.2.5", List.of(refused("10.0.2.5:5432"), accepted("10.0.2.5", 5432)));
        assertEquals(Status.DEGRADED, v4.status(), v4.failure());
        assertTrue(v4.failure().startsWith("intermittent: connection refused"), v4.failure());

        ServiceHealth v6 = health("fd00::5", List.of(accepted("fd00::5", 5432), refused("[fd00::5]:5432")));
        assertEquals(Status.DEGRADED, v6.status(), v6.failure());
    }

    @Test
    void aRefusalAloneOrAtAnotherPortIsDown() {
        assertEquals(Status.DOWN, health("10.0.2.5", List.of(refused("10.0.2.5:5432"))).status());
        ServiceHealth elsewhere = health("10.0.2.5", List.of(accepted("10.0.2.5", 5432), refused("10.0.2.5:6432")));
        assertEquals(Status.DOWN, elsewhere.status(), elsewhere.failure());
    }
}
