package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Evidence;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cause's {@code vocabulary} (issue 12, no copies): its words on a failure line no specific indication reads, weighed
 * by one engine rule ({@code <cause>/generic-vocabulary}, weak, likelihood ratio 3) instead of one rule written per
 * cause; how a rule file sets, overrides and removes it, and the typed errors of a bad one.
 */
class VocabularyFieldTest {

    private static final String MIGRATION_LINE = "Error: migration 20250823_add_index could not be applied: relation "
            + "\"users\" is locked";
    private static final String KEY = "app.migration-failed/generic-vocabulary";

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path p = dir.resolve("team-rules.yaml");
        Files.writeString(p, content);
        return p;
    }

    private InputException bad(String yaml) throws IOException {
        Path p = write(yaml);
        InputException e = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(p));
        assertEquals(p.toString(), e.file(), e.getMessage());
        return e;
    }

    private KnowledgeBase migrations() throws IOException {
        return KnowledgeBase.builtIn().withRuleFile(write("""
                causes:
                  app.migration-failed:
                    title: Database migration failed
                    prior: 0.05
                    vocabulary:
                      topic: 'a database migration'
                      pattern: '(?i)\\bmigrations?\\b'
                """));
    }

    /** Dashboard's deploy failed; its log's line 77 was read as {@code causeId} by indication {@code indication}. */
    private static Assessment deployFailed(KnowledgeBase kb, String indication, String causeId) {
        return deployFailed(kb, indication, causeId, MIGRATION_LINE);
    }

    /** Dashboard's deploy failed; its log's line 77, {@code line}, was read as {@code causeId} by {@code indication}. */
    private static Assessment deployFailed(KnowledgeBase kb, String indication, String causeId, String line) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.deployJob("dashboard", 2, "Deploy Dashboard", "failure", 20));
        o.add(new Observation.LogFinding("dashboard", Source.GITHUB, 2, "Deploy Dashboard", "Release", 77, indication,
                CauseId.of(causeId), line, List.of(), causeId.equals("unknown") ? 0.3 : 0.9));
        return Diagnosis.builder().knowledgeBase(kb).build().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    private static Optional<Evidence> cited(Assessment a, String key) {
        return a.causes().stream().flatMap(c -> c.evidence().stream()).filter(e -> e.ruleId().equals(key)).findFirst();
    }

    @Test
    void aVocabularyIsWeakEvidenceForItsCauseOnAGenericErrorLine() throws IOException {
        KnowledgeBase kb = migrations();
        KnowledgeBase.Vocabulary v = kb.cause(CauseId.of("app.migration-failed")).orElseThrow().vocabulary();
        assertEquals(new KnowledgeBase.Vocabulary("(?i)\\bmigrations?\\b", "a database migration"), v);
        Assessment a = deployFailed(kb, "generic.error", "unknown");
        Evidence e = cited(a, KEY).orElseThrow(() -> new AssertionError(a.causes().toString()));
        assertEquals(Evidence.Direction.FOR, e.direction());
        assertEquals("A failure line of job \"Deploy Dashboard\" speaks of a database migration (line 77): \""
                + MIGRATION_LINE + "\".", e.text());
        // weak: it breaks a tie, it never decides alone; unknown stays above a cause with nothing else for it
        RankedCause cause = a.causes().stream().filter(c -> c.id().value().equals("app.migration-failed")).findFirst()
                .orElseThrow();
        RankedCause unknown = a.causes().stream().filter(c -> c.id().equals(CauseId.UNKNOWN)).findFirst().orElseThrow();
        assertTrue(cause.probability() < unknown.probability(), a.causes().toString());
        assertTrue(cause.probability() <= kb.settings().cap(0) + 1e-9, a.causes().toString());
    }

    @Test
    void aLineASpecificIndicationReadsGivesNoVocabularyEvidence() throws IOException {
        Assessment a = deployFailed(migrations(), "buildkit.process-failed", "build.dockerfile");
        assertTrue(cited(a, KEY).isEmpty(), a.causes().toString());
    }

    @Test
    void theBuiltInCausesCarryTheirVocabularyAndNoRuleUsesTheEngineRulesId() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        long withVocabulary = kb.causes().stream().filter(c -> c.vocabulary() != null).count();
        assertEquals(19, withVocabulary);
        assertTrue(kb.causes().stream().flatMap(c -> c.rules().stream())
                .noneMatch(r -> r.id().equals(KnowledgeBase.Vocabulary.RULE_ID)));
        assertEquals("the image build", kb.cause(CauseId.BUILD_DOCKERFILE).orElseThrow().vocabulary().topic());
    }

    /**
     * Issue 9, session 30 (rules30e): the words of app.crash-on-boot read a process, app, worker or container that
     * exited, not a CI tool's wrapper saying a command or step exited non-zero. The Travis line is from
     * ../shared/corpus/build-logs/LogChunks-subset/tool/samples/C#/powershell@PowerShell/failed/547432434.log (line
     * 868, its colour codes left out), whose explanation ranked app.crash-on-boot at 49 % from that line alone.
     */
    @Test
    void theAppCrashWordsReadAnAppThatExitedNotAToolsWrapper() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        com.google.re2j.Pattern words = com.google.re2j.Pattern.compile(
                kb.cause(CauseId.of("app.crash-on-boot")).orElseThrow().vocabulary().pattern());
        String travis = "The command \"pwsh -File tools/travis.ps1\" exited with 1.";
        for (String wrapper : List.of(travis,
                "Done. Your build exited with 1.",
                "\uD83D\uDEA8 Error: The command exited with status 1",
                "##[error]Bash exited with code '1'.",
                "##[error]Terraform exited with code 1.",
                "Error: Command \"npm run build\" exited with 1",
                "ERROR: build step 0 \"gcr.io/cloud-builders/docker\" failed: step exited with non-zero status: 1",
                "##[error]podman exited with code 125",
                "[11:17:09][Step 1/1] Process exited with code 1",
                "[17:13:29] Error: Process exited with code: 2",
                "    Process exited with code: ExitFailure 1")) {
            assertFalse(words.matcher(wrapper).find(), wrapper);
        }
        for (String app : List.of("2026-11-20T10:15:02.118211+00:00 heroku[web.1]: Process exited with status 1",
                "[2026-11-20 10:15:02 +0000] [1] [ERROR] Worker (pid:42) exited with code 3",
                "Application exited with code 1",
                "web-1 exited with code 1",
                "myapp_web_1 exited with code 137",
                "Main process exited unexpectedly",
                "Control process exited with error code.")) {
            assertTrue(words.matcher(app).find(), app);
        }
        Assessment a = deployFailed(kb, "generic.error", "unknown", travis);
        assertTrue(cited(a, "app.crash-on-boot/generic-vocabulary").isEmpty(), a.causes().toString());
        Assessment heroku = deployFailed(kb, "generic.error", "unknown", "heroku[web.1]: Process exited with status 1");
        assertTrue(cited(heroku, "app.crash-on-boot/generic-vocabulary").isPresent(), heroku.causes().toString());
    }

    @Test
    void aRuleFileOverridesAVocabularyKeyByKeyAndRemovesIt() throws IOException {
        KnowledgeBase.Vocabulary builtIn = KnowledgeBase.builtIn().cause(CauseId.BUILD_DOCKERFILE).orElseThrow()
                .vocabulary();
        KnowledgeBase topic = KnowledgeBase.builtIn().withRuleFile(write("""
                causes:
                  build.dockerfile:
                    vocabulary:
                      topic: 'building the image'
                """));
        KnowledgeBase.Vocabulary v = topic.cause(CauseId.BUILD_DOCKERFILE).orElseThrow().vocabulary();
        assertEquals(new KnowledgeBase.Vocabulary(builtIn.pattern(), "building the image"), v);
        KnowledgeBase off = migrations().withRuleFile(write("""
                causes:
                  app.migration-failed:
                    vocabulary:
                      enabled: false
                """));
        assertNull(off.cause(CauseId.of("app.migration-failed")).orElseThrow().vocabulary());
        Assessment a = deployFailed(off, "generic.error", "unknown");
        assertTrue(cited(a, KEY).isEmpty(), a.causes().toString());
    }

    @Test
    void aMalformedVocabularyPatternIsATypedErrorNamingFileLineAndKey() throws IOException {
        InputException e = bad("""
                causes:
                  build.dockerfile:
                    vocabulary:
                      topic: 'the image build'
                      pattern: '(?i)\\b(dockerfile|buildkit'
                """);
        assertEquals(5, e.line(), e.getMessage());
        assertEquals("causes.build.dockerfile.vocabulary.pattern", e.key());
        InputException backtracking = bad("""
                causes:
                  build.dockerfile:
                    vocabulary:
                      pattern: '(a+)+$'
                """);
        assertEquals("causes.build.dockerfile.vocabulary.pattern", backtracking.key(), backtracking.getMessage());
    }

    @Test
    void anUnknownKeyAMissingPartOrABadTopicIsNamedWithItsLine() throws IOException {
        InputException unknownKey = bad("""
                causes:
                  build.dockerfile:
                    vocabulary:
                      words: 'dockerfile'
                """);
        assertEquals("causes.build.dockerfile.vocabulary.words", unknownKey.key());
        assertEquals(4, unknownKey.line());
        assertTrue(unknownKey.problem().contains("known keys: [enabled, pattern, topic]"), unknownKey.problem());
        InputException noTopic = bad("""
                causes:
                  app.migration-failed:
                    prior: 0.05
                    vocabulary:
                      pattern: 'migration'
                """);
        assertEquals("causes.app.migration-failed.vocabulary.topic", noTopic.key());
        assertEquals(4, noTopic.line());
        InputException placeholder = bad("""
                causes:
                  build.dockerfile:
                    vocabulary:
                      topic: 'the {image}'
                """);
        assertEquals("causes.build.dockerfile.vocabulary.topic", placeholder.key());
        assertTrue(placeholder.problem().contains("unknown placeholder {image}"), placeholder.problem());
    }

    @Test
    void aRuleMayNotTakeTheEngineRulesId() throws IOException {
        InputException e = bad("""
                causes:
                  build.dockerfile:
                    rules:
                      generic-vocabulary:
                        lr: 2
                """);
        assertEquals("causes.build.dockerfile.rules.generic-vocabulary", e.key());
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("vocabulary"), e.problem());
    }

    @Test
    void aRuleMayNotTakeTheIdOfAnEngineRuleThatReadsALineOutsideALog() throws IOException {
        for (String id : List.of("exit-detail-indication", "annotation-indication")) {
            InputException e = bad("""
                    causes:
                      config.missing-secret:
                        rules:
                          %s:
                            lr: 2
                    """.formatted(id));
            assertEquals("causes.config.missing-secret.rules." + id, e.key());
            assertTrue(e.problem().contains("the engine adds"), e.problem());
        }
    }
}
