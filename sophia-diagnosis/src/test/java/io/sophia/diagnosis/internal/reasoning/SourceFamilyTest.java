package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which kind of source a rule's evidence counts as ({@link Inference#sourceFamily}): two rules of one family are one
 * independent source, however many lines they read. Pins the chain rules' family (the topology's, and the TLS
 * handshake's only for a dependency that fails on its certificate alone) and the one log shape that is the chain seen
 * from the dependent: a bare "connection refused" counts once with the chain (p130-20).
 */
class SourceFamilyTest {

    private static Knowledge.CompiledRule rule(String id, String when, Map<String, List<String>> match) {
        return new Knowledge.CompiledRule(id, when, match, Map.of(), Map.of(), Map.of(), 1, 10, "text", null, null,
                false);
    }

    private static Fact line(String indication) {
        return new Fact("log", "api", "job 2", false, Map.of("indication", indication, "causeId", "dependency.down"),
                Map.of(), "0");
    }

    private static final Knowledge.CompiledRule CHAIN = rule("dependency-down", "dependency",
            Map.of("dependencyError", List.of("false"), "dependencyCertificateOnly", List.of("false")));
    private static final Knowledge.CompiledRule DEGRADED_CHAIN = rule("dependency-down-dependent-degraded",
            "degradedDependency", Map.of("dependencyCertificateOnly", List.of("false")));
    private static final Knowledge.CompiledRule CERTIFICATE_CHAIN = rule("dependency-certificate-only", "dependency",
            Map.of("dependencyCertificateOnly", List.of("true")));
    private static final Knowledge.CompiledRule LOG_RULE = rule("log-indication-moderate", "log",
            Map.of("causeId", List.of("dependency.down")));

    @Test
    void aChainIsTheTopologysSourceAndACertificateChainTheHandshakes() {
        assertEquals("dependency", Inference.sourceFamily(CauseId.DEPENDENCY_DOWN, CHAIN));
        assertEquals("dependency", Inference.sourceFamily(CauseId.DEPENDENCY_DOWN, DEGRADED_CHAIN),
                "a DEGRADED dependent's chain is the same topology as a DOWN one's");
        assertEquals("tls", Inference.sourceFamily(CauseId.TLS_CERTIFICATE, CERTIFICATE_CHAIN));
    }

    @Test
    void aDependentsBareRefusalCountsOnceWithTheChain() {
        String chain = Inference.sourceFamily(CauseId.DEPENDENCY_DOWN, CHAIN, List.of());
        assertEquals(chain, Inference.sourceFamily(CauseId.DEPENDENCY_DOWN, LOG_RULE,
                List.of(line("dependency.connection-refused-generic"), line("dependency.connection-refused-generic"))));
        // a line that says more than a refusal (a read-only database) is the log's own source
        assertEquals("log", Inference.sourceFamily(CauseId.DEPENDENCY_DOWN, LOG_RULE,
                List.of(line("dependency.connection-refused-generic"), line("database.read-only-generic"))));
        assertEquals("log", Inference.sourceFamily(CauseId.DEPENDENCY_DOWN, LOG_RULE, List.of()));
    }
}
