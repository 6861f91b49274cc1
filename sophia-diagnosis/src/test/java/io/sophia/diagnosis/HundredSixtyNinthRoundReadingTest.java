package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.RankedCause;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java readings of the forty-fourth session's rule writer r44-p198 (ServiceStates and Facts), each on the scenario
 * that showed its gap; each fails before its change.
 */
class HundredSixtyNinthRoundReadingTest {

    private static double p(Assessment a, String cause) {
        return a.causes().stream().filter(c -> c.id().value().equals(cause)).mapToDouble(RankedCause::probability)
                .findFirst().orElse(0);
    }

    /**
     * A look on the host filed as a server error whose words are only the service's health check failing, beside the
     * service's own accepted answer (p199-26: Keycloak answering 200 while Docker's health log says 'exec: "curl":
     * executable file not found'; agentic-community/mcp-gateway-registry#1650), makes it DEGRADED, not DOWN: the check
     * fails, the service runs. Before, Keycloak was DOWN and dependency.down stated at 0.9 for its dependent.
     */
    @Test
    void aFailingHealthCheckBesideAnAnswerIsDegradedNotDown() throws IOException {
        Assessment a = Fleet.scenario(
                "p199-26-app-healthcheck-failing-keycloak-compose-healthcheck-curl-missing-permanently-unhealthy");
        assertEquals(Status.DEGRADED, a.service("keycloak").orElseThrow().status(), a.services().toString());
        assertTrue(p(a, "dependency.down") < 0.5, a.causes().toString());
    }

    /**
     * Go's resolver words a SERVFAIL "server misbehaving" (p199-13: "lookup redis on 10.5.7.20:53: server misbehaving",
     * docker-archive-public/docker.kitematic#1595): the resolver failed, the name was not answered as missing, so a
     * dependency seen only through it is a name its dependents fail on. Before, it read as a name withdrawn with its
     * container and dependency.down was stated at 0.9.
     */
    @Test
    void goServerMisbehavingIsAResolverThatFailed() throws IOException {
        Assessment a = Fleet.scenario("p199-13-network-dns-tyk-gateway-lookup-redis-server-misbehaving");
        assertTrue(p(a, "dependency.down") < 0.5, a.causes().toString());
    }

    /**
     * A look on the host at a dependency that says nothing of it failing ("docker inspect redis-authentik": "healthy
     * bridge", p199-14, goauthentik/authentik#10423) is no failure beside its name failing to resolve: the name stays the
     * only thing seen failing. Before, the look counted as another failure and dependency.down was stated at 0.9.
     */
    @Test
    void aQuietLookBesideAFailingNameIsNoOtherFailure() throws IOException {
        Assessment a = Fleet.scenario(
                "p199-14-network-dns-authentik-server-redis-temporary-failure-in-name-resolution");
        assertTrue(p(a, "dependency.down") < 0.5, a.causes().toString());
    }
}
