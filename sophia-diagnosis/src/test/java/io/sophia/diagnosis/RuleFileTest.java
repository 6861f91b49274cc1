package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private InputException bad(String yaml) throws IOException {
        Path p = write("team-rules.yaml", yaml);
        return assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(p));
    }

    @Test
    void theBuiltInKnowledgeBaseCoversEveryRootCauseOfTheDesign() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        for (CauseId id : CauseId.BUILT_IN) {
            if (id.equals(CauseId.UNKNOWN)) {
                continue;
            }
            KnowledgeBase.Cause c = kb.cause(id).orElseThrow(() -> new AssertionError("no cause " + id));
            assertFalse(c.rules().isEmpty(), id + " has no rule");
            assertFalse(c.actions().isEmpty(), id + " has no action");
            assertTrue(c.prior() > 0 && c.prior() < 0.2, id + " prior " + c.prior());
            assertTrue(c.rules().stream().anyMatch(r -> r.lr() > 1), id + " has no rule for it");
        }
        assertEquals(21, kb.causes().size());
        assertTrue(KnowledgeBase.class.getResource(KnowledgeBase.BUILT_IN_RESOURCE) != null);
    }

    @Test
    void theBuiltInFileDocumentsEveryFactTypeItsRulesCanUse() throws IOException {
        String text;
        try (var in = KnowledgeBase.class.getResourceAsStream(KnowledgeBase.BUILT_IN_RESOURCE)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String type : io.sophia.diagnosis.internal.kb.FactTypes.names()) {
            var t = io.sophia.diagnosis.internal.kb.FactTypes.get(type);
            assertTrue(text.contains("#   " + type + ": "), "fact type " + type + " is not documented");
            for (String attr : t.attributes()) {
                assertTrue(text.matches("(?s).*#   " + type + ": [^\\n]*\\n#       attributes: [^\\n]*\\b" + attr + "\\b.*"),
                        type + "." + attr + " is not documented");
            }
        }
    }

    @Test
    void aRuleFileOverridesAPriorAndOneKeyOfARuleAndKeepsTheRest() throws IOException {
        Path p = write("override.yaml", """
                causes:
                  build.dockerfile:
                    prior: 0.3
                    rules:
                      log-indication:
                        lr: 2
                      common-build-step:
                        enabled: false
                """);
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(p);
        KnowledgeBase.Cause c = kb.cause(CauseId.BUILD_DOCKERFILE).orElseThrow();
        assertEquals(0.3, c.prior());
        KnowledgeBase.Rule log = c.rules().stream().filter(r -> r.id().equals("log-indication")).findFirst().orElseThrow();
        assertEquals(2.0, log.lr());
        assertEquals("log", log.when());
        assertTrue(log.text().contains("{line}"));
        assertTrue(c.rules().stream().noneMatch(r -> r.id().equals("common-build-step")));
        assertEquals(KnowledgeBase.builtIn().cause(CauseId.BUILD_DOCKERFILE).orElseThrow().actions(), c.actions());
        assertEquals(List.of("built-in knowledge-base.yaml", p.toString()), kb.sources());
        // the built-in knowledge base itself is unchanged
        assertEquals(0.08, KnowledgeBase.builtIn().cause(CauseId.BUILD_DOCKERFILE).orElseThrow().prior());
    }

    @Test
    void aTeamAddsItsOwnCauseInYamlAndTheDiagnosisUsesIt() throws IOException {
        Path p = write("migrations.yaml", """
                settings:
                  floor: 0.02
                causes:
                  app.migration-failed:
                    title: Database migration failed
                    prior: 0.05
                    rules:
                      migration-in-log:
                        when: log
                        pattern: {line: '(?i)migration \\S+ failed'}
                        lr: 50
                        text: 'Job "{job}" ran a migration that failed (line {lineNumber}): "{line}"'
                    actions:
                      - priority: P0
                        within: 30m
                        title: Roll back migration on {services}
                        detail: 'Restore the schema; the log says "{line}".'
                """);
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(p);
        assertEquals(0.02, kb.settings().floor());
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.add(Fleet.deployJob("dashboard", 2, "Deploy Dashboard", "failure", 20));
        o.add(new Observation.LogFinding("dashboard", Source.GITHUB, 2, "Deploy Dashboard", "Release", 77, "custom", CauseId.of("unknown"),
                "Error: migration 20250823_add_index failed: lock timeout", List.of(), 0.8));
        Assessment a = Diagnosis.builder().knowledgeBase(kb).build().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals("app.migration-failed", a.topCause().orElseThrow().id().value());
        assertTrue(a.topCause().orElseThrow().evidence().get(0).text().contains("migration 20250823_add_index failed"));
        assertEquals("Roll back migration on dashboard", a.actions().get(0).title());
        assertEquals(java.time.Duration.ofMinutes(30), a.actions().get(0).within());
    }

    @Test
    void rulesOfOneGroupCountOncePerSubjectTheStrongestWins() throws IOException {
        Path p = write("groups.yaml", """
                causes:
                  app.migration-failed:
                    title: Database migration failed
                    prior: 0.05
                    rules:
                      strong:
                        when: log
                        pattern: {line: 'migration'}
                        group: migration
                        lr: 50
                        text: 'strong {line}'
                      weak:
                        when: log
                        pattern: {line: 'failed'}
                        group: migration
                        lr: 5
                        text: 'weak {line}'
                """);
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(p);
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.add(new Observation.LogFinding("dashboard", Source.GITHUB, 2, "Deploy Dashboard", "Release", 77, "custom", CauseId.of("unknown"),
                "Error: migration 42 failed", List.of(), 0.8));
        o.add(new Observation.LogFinding("jobs", Source.GITHUB, 3, "Deploy Jobs", "Release", 12, "custom", CauseId.of("unknown"),
                "Error: release failed", List.of(), 0.8));
        Assessment a = Diagnosis.builder().knowledgeBase(kb).build().diagnose(Fleet.reference(), o, Fleet.NOW);
        var cause = a.causes().stream().filter(c -> c.id().value().equals("app.migration-failed")).findFirst().orElseThrow();
        assertEquals(2, cause.evidence().size(), cause.evidence().toString());
        assertEquals(List.of("dashboard"), cause.evidence().get(0).serviceIds(), "dashboard counts for the strong rule only");
        assertEquals(Math.log(50), cause.evidence().get(0).weight(), 0.001);
        assertEquals(List.of("jobs"), cause.evidence().get(1).serviceIds());
    }

    @Test
    void aJsonRuleFileWorksTheSameWay() throws IOException {
        Path p = write("rules.json", """
                {"causes": {"platform.quota": {"prior": 0.15, "rules": {"api-payment-required": {"lr": 40}}}}}
                """);
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(p);
        assertEquals(0.15, kb.cause(CauseId.PLATFORM_QUOTA).orElseThrow().prior());
    }

    @Test
    void aStandaloneKnowledgeBaseHasOnlyItsOwnCauses() throws IOException {
        Path p = write("only.yaml", """
                causes:
                  network.dns:
                    title: DNS
                    prior: 0.1
                    rules:
                      nx:
                        when: probe
                        match: {kind: DNS_FAILURE}
                        lr: 20
                        text: '{service} does not resolve.'
                """);
        KnowledgeBase kb = KnowledgeBase.load(p);
        assertEquals(1, kb.causes().size());
        assertEquals(KnowledgeBase.Settings.DEFAULTS, kb.settings());
    }

    @Test
    void aYamlSyntaxErrorNamesTheFileAndLine() throws IOException {
        InputException e = bad("""
                causes:
                  build.dockerfile:
                    prior: [0.3
                    title: x
                """);
        assertTrue(e.getMessage().startsWith(dir.resolve("team-rules.yaml") + " line "), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void aJsonSyntaxErrorNamesTheFileAndLine() throws IOException {
        Path p = write("rules.json", "{\n  \"causes\": {\n    \"build.dockerfile\": {\"prior\": 0.2,}\n  }\n}\n");
        InputException e = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(p));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(p + " line 3: malformed JSON"), e.getMessage());
    }

    @Test
    void aWrongTypeIsNamedWithItsKey() throws IOException {
        InputException e = bad("""
                settings:
                  floor: lots
                """);
        assertEquals("settings.floor", e.key());
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("must be a number, was 'lots'"), e.problem());
        InputException bound = bad("""
                causes:
                  build.dockerfile:
                    rules:
                      log-indication:
                        atLeast: {score: high}
                """);
        assertEquals("causes.build.dockerfile.rules.log-indication.atLeast.score", bound.key());
    }

    @Test
    void aMisspelledKeyIsNamedWithItsLine() throws IOException {
        InputException e = bad("""
                causes:
                  build.dockerfile:
                    rules:
                      log-indication:
                        lrr: 3
                """);
        assertEquals(5, e.line());
        assertEquals("causes.build.dockerfile.rules.log-indication.lrr", e.key());
        assertEquals(dir.resolve("team-rules.yaml") + " line 5: "
                + "causes.build.dockerfile.rules.log-indication.lrr: unknown key 'lrr'; known keys: [atLeast, atMost, enabled, group, lr, match, "
                + "minCount, pattern, text, textMany, weak, when]", e.getMessage());
    }

    @Test
    void anInvalidRegexIsRejectedAtLoadTime() throws IOException {
        InputException e = bad("""
                causes:
                  build.dockerfile:
                    rules:
                      lookbehind:
                        when: log
                        pattern: {line: '(?<=ERROR)failed'}
                        lr: 5
                        text: 'x'
                """);
        assertEquals(6, e.line());
        assertEquals("causes.build.dockerfile.rules.lookbehind.pattern.line", e.key());
        assertTrue(e.problem().startsWith("invalid regular expression"), e.problem());
    }

    @Test
    void aRegexThatCanBacktrackCatastrophicallyIsRejectedAtLoadTime() throws IOException {
        for (String regex : List.of("(a+)+$", "^(\\w+\\s?)*$", "(x|xy)*z", "(?:ERROR:.*)+done")) {
            InputException e = bad("""
                    causes:
                      build.dockerfile:
                        rules:
                          slow:
                            when: log
                            pattern: {line: '%s'}
                            lr: 5
                            text: 'x'
                    """.formatted(regex));
            assertTrue(e.problem().contains("backtrack catastrophically"), regex + ": " + e.getMessage());
            assertEquals("causes.build.dockerfile.rules.slow.pattern.line", e.key());
        }
    }

    @Test
    void ordinaryRegexesAreAccepted() throws IOException {
        Path p = write("ok.yaml", """
                causes:
                  build.dockerfile:
                    rules:
                      fine:
                        when: log
                        pattern: {line: '(?i)(failed to solve|executor failed running) \\[?[a-z]+', step: '^Deploy (service|app)s?'}
                        lr: 5
                        text: 'x {line}'
                """);
        assertEquals(5.0, KnowledgeBase.builtIn().withRuleFile(p).cause(CauseId.BUILD_DOCKERFILE).orElseThrow().rules()
                .stream().filter(r -> r.id().equals("fine")).findFirst().orElseThrow().lr());
    }

    @Test
    void otherMistakesAreNamedPrecisely() throws IOException {
        assertEquals("causes.build.dockerfile.rules.x.text", bad("""
                causes:
                  build.dockerfile:
                    rules:
                      x: {when: log, lr: 3, text: 'at {stepp}'}
                """).key());
        assertTrue(bad("""
                causes:
                  build.dockerfile:
                    rules:
                      x: {when: logs, lr: 3, text: 'x'}
                """).problem().contains("is not a fact type"));
        assertTrue(bad("""
                causes:
                  build.dockerfile:
                    rules:
                      x: {when: log, lr: 1, text: 'x'}
                """).problem().contains("likelihood ratio"));
        assertTrue(bad("""
                causes:
                  build.dockerfile:
                    rules:
                      x: {when: log, match: {colour: red}, lr: 3, text: 'x'}
                """).problem().contains("not an attribute of 'log' facts"));
        InputException noPrior = bad("""
                causes:
                  my.cause:
                    title: Mine
                """);
        assertEquals("causes.my.cause.prior", noPrior.key());
        assertEquals(2, noPrior.line());
        assertTrue(bad("""
                causes:
                  build.dockerfile:
                    actions:
                      - {priority: P5, within: 1h, title: x}
                """).problem().contains("P0, P1 or P2"));
        assertTrue(bad("""
                causes:
                  Build Dockerfile: {prior: 0.1}
                """).problem().contains("is not a cause id"));
        InputException missing = assertThrows(InputException.class,
                () -> KnowledgeBase.builtIn().withRuleFile(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("nope.yaml") && missing.problem().contains("does not exist"));
    }

    @Test
    void theEvidenceScaleSharpensTheDiagnosisAndUnknownKeepsItsFloor() throws IOException {
        KnowledgeBase asWritten = KnowledgeBase.builtIn().withRuleFile(write("as-written.yaml", """
                settings:
                  evidenceScale: 1
                  sourceCaps: [1]
                """));
        KnowledgeBase sharp = KnowledgeBase.builtIn().withRuleFile(write("sharp.yaml", """
                settings:
                  evidenceScale: 3
                  unknownFloor: 0
                  sourceCaps: [1]
                """));
        KnowledgeBase floored = KnowledgeBase.builtIn().withRuleFile(write("floored.yaml", """
                settings:
                  evidenceScale: 3
                  unknownFloor: 0.05
                  sourceCaps: [1]
                """));
        assertEquals(1.0, asWritten.settings().evidenceScale());
        assertEquals(0.05, floored.settings().unknownFloor());
        double pWritten = top(asWritten).probability();
        double pSharp = top(sharp).probability();
        assertTrue(pSharp > pWritten && pWritten > 0.5, pSharp + " vs " + pWritten);
        // however strong the evidence, unknown keeps its floor (rounded down to 4 decimals)
        Assessment flooredA = Diagnosis.builder().knowledgeBase(floored).build()
                .diagnose(Fleet.reference(), Fleet.referenceObservations(), Fleet.NOW);
        double unknown = flooredA.causes().stream().filter(c -> c.id().equals(CauseId.UNKNOWN))
                .mapToDouble(io.sophia.core.RankedCause::probability).sum();
        assertTrue(unknown >= 0.0499, "unknown " + unknown);
        assertTrue(flooredA.causes().stream().mapToDouble(io.sophia.core.RankedCause::probability).sum() <= 1.0);

        assertEquals("settings.evidenceScale", bad("settings: {evidenceScale: 0}\n").key());
        assertEquals("settings.unknownFloor", bad("settings: {unknownFloor: 0.7}\n").key());
    }

    private static io.sophia.core.RankedCause top(KnowledgeBase kb) {
        return Diagnosis.builder().knowledgeBase(kb).build()
                .diagnose(Fleet.reference(), Fleet.referenceObservations(), Fleet.NOW).topCause().orElseThrow();
    }
}
