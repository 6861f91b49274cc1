package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: a host writes an evidence rule by naming its parts, not through twelve positional components. */
class RuleBuilderTest {

    @Test
    void aRuleNeedsItsIdFactTypeAndLikelihoodRatioAndMatchesOneSubjectUntilTold() {
        KnowledgeBase.Rule bare = KnowledgeBase.Rule.builder("exit-code", "job", 3.0).build();

        assertEquals(new KnowledgeBase.Rule("exit-code", "job", Map.of(), Map.of(), Map.of(), Map.of(), 1, 3.0, null,
                null, null, null), bare);
        assertEquals(1, bare.minCount());
        assertNull(bare.weak());
        assertFalse(bare.isWeak(), "derived: a job rule with no name pattern is specific");
        assertEquals(bare, KnowledgeBase.Rule.builder("exit-code", "job", 3.0).match(null).pattern(null)
                .atLeast(null).atMost(null).build(), "a null map is none");
    }

    @Test
    void everyPartIsSetByNameAndEqualsTheCanonicalConstructor() {
        KnowledgeBase.Rule full = KnowledgeBase.Rule.builder("oom", "log", 8.0)
                .match(Map.of("causeId", List.of("runtime.oom"))).pattern(Map.of("line", "OOMKilled"))
                .atLeast(Map.of("score", 0.5)).atMost(Map.of("score", 1.0)).minCount(2)
                .text("{service} ran out of memory").textMany("{count} services ran out of memory").group("oom")
                .weak(true).build();

        assertEquals(new KnowledgeBase.Rule("oom", "log", Map.of("causeId", List.of("runtime.oom")),
                Map.of("line", "OOMKilled"), Map.of("score", 0.5), Map.of("score", 1.0), 2, 8.0,
                "{service} ran out of memory", "{count} services ran out of memory", "oom", true), full);
        assertTrue(full.isWeak());
    }
}
