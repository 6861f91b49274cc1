package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {

    @TempDir
    Path dir;

    @Test
    void priorsFollowThePastTopCauses() throws IOException {
        Path file = dir.resolve("history.jsonl");
        Assessment reference = Diagnosis.ofDefaults().diagnose(Fleet.reference(), Fleet.referenceObservations(), Fleet.NOW);
        Assessment healthy = Diagnosis.ofDefaults().diagnose(Fleet.reference(), Fleet.allHealthy(Fleet.reference()), Fleet.NOW);
        for (int i = 0; i < 10; i++) {
            History.append(file, reference);
        }
        History.append(file, healthy);
        Files.writeString(file, "{\"diagnosis\":{\"causes\":[{\"id\":\"app.oom\"}]}}\n{\"causes\":[{\"id\":\"app.o",
                java.nio.file.StandardOpenOption.APPEND);
        History h = History.read(file);
        assertEquals(12, h.assessments());
        assertEquals(11, h.failures());
        assertEquals(1, h.skippedLines(), "the line cut short is skipped");
        assertEquals(10, h.topCauses().get(CauseId.BUILD_DOCKERFILE));
        KnowledgeBase kb = KnowledgeBase.builtIn().withHistory(h);
        double before = KnowledgeBase.builtIn().cause(CauseId.BUILD_DOCKERFILE).orElseThrow().prior();
        double after = kb.cause(CauseId.BUILD_DOCKERFILE).orElseThrow().prior();
        assertEquals((0.08 * 20 + 10) / 31, after, 1e-9);
        assertTrue(after > before);
        assertTrue(kb.cause(CauseId.NETWORK_DNS).orElseThrow().prior() < 0.02);
    }

    @Test
    void aMissingHistoryChangesNothing() {
        History h = History.read(dir.resolve("none.jsonl"));
        assertEquals(0, h.assessments());
        assertSame(KnowledgeBase.builtIn(), KnowledgeBase.builtIn().withHistory(h));
    }
}
