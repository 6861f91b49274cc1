package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Readings of the forty-fourth session's rule writer r44-h149. Facts.probeFact: a look at a DOWN dependency's host
 * whose record says the kernel killed its process for memory ("Out of memory: Killed process 611 (mariadbd)",
 * "mariadb.service: Failed with result 'oom-kill'", systemd/systemd#36529, h152-25's source) makes that dependency the
 * root of its dependents' chain, as its own answer naming its memory already did (p160-23). Before, the site's
 * dependency on the dead database stated dependency.down at 0.72 over the memory the look names. And a host's resolver
 * that fails for every name is not the registry whose name it failed on.
 */
class HundredSixtySeventhRoundReadingTest {

    @Test
    void aDependencyTheKernelKilledForMemoryIsTheRootOfItsChain() throws IOException {
        String id = "h152-25-app-oom-mariadb-oom-killed-stays-dead-restart-on-abort";
        ShapeRound.leadWith(Map.of(id, "app.oom"));
        Assessment a = Fleet.scenario(id);
        // the chain is read as one whose dependency names its own failure, not as a bare dependency down (after the merge
        // with r44-p198's root-shows-its-own-cause reading of the same look, dependency.down may not be ranked at all)
        a.causes().stream().filter(c -> c.id().value().equals("dependency.down")).findFirst().ifPresent(down -> {
            assertTrue(down.evidence().stream().anyMatch(e -> "dependency.down/dependency-own-error".equals(e.ruleId())),
                    down.evidence().toString());
            assertTrue(down.evidence().stream().noneMatch(e -> "dependency.down/dependency-down".equals(e.ruleId())),
                    down.evidence().toString());
        });
        assertTrue(a.causes().stream().filter(c -> c.id().value().equals("dependency.down"))
                .allMatch(c -> c.probability() < 0.1), a.causes().toString());
    }

    /**
     * registry.unavailable/host-resolver-fails-every-name: a look on the host where names fail to resolve while an
     * address answers ("ping: google.de: Temporary failure in name resolution | 64 bytes from 8.8.8.8", vmware/photon#1024,
     * h152-34's source) says the host's resolver fails for every name; docker's "lookup registry-1.docker.io on
     * 127.0.0.53:53: server misbehaving" is one of them. Before, registry.name-lookup stated registry.unavailable at 0.9.
     */
    @Test
    void aResolverThatFailsEveryNameIsNotTheRegistry() throws IOException {
        ShapeRound.leadWith(Map.of("h152-34-network-dns-photon-vm-static-networkd-temporary-failure-name-resolution", "network.dns"));
    }
}
