package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Evidence;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule file's {@code indications} list: a team's own tool prints lines no built-in indication reads, and the file
 * that adds its causes and rules teaches Sophia those lines too, for logs and for the lines it reads outside a log.
 * The tool ({@code pgvault}) is a team's own, so its wording is ours by definition. Isolated: the scanners knowledge
 * bases share are kept JVM-wide, and another class building its own between two steps here would not be this test's.
 */
@Isolated
class RuleFileIndicationsTest {

    private static final String LINE = "pgvault: lease for secret payments/db-password was not granted (policy deploy-ro)";
    private static final String TEAM_RULES = """
            indications:
              - id: team.pgvault-lease-denied
                cause: config.missing-secret
                weight: 0.9
                literals: ['pgvault: lease for secret']
                pattern: 'pgvault: lease for secret \\S+ was not granted'
                description: 'our secret broker refused the deploy a secret'
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static String log() {
        return "##[group]Run ./deploy.sh\n./deploy.sh\n##[endgroup]\nfetching secrets\n" + LINE
                + "\n##[error]Process completed with exit code 3.\n";
    }

    @Test
    void aRuleFilesIndicationReadsTheLogsOfItsKnowledgeBase() throws IOException {
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(write("team.yaml", TEAM_RULES));
        Assessment builtIn = LogDiagnosis.builtIn().diagnose("deploy.log", new StringReader(log()), Fleet.NOW);
        Assessment team = LogDiagnosis.of(kb.logScanner(), Diagnosis.builder().knowledgeBase(kb)
                .gatePolicy(LogDiagnosis.gatePolicy()).build()).diagnose("deploy.log", new StringReader(log()), Fleet.NOW);

        assertTrue(builtIn.observations(Observation.LogFinding.class).stream()
                .noneMatch(f -> f.line().contains("pgvault")), "no built-in indication reads the team's tool");
        assertNotEquals(CauseId.CONFIG_MISSING_SECRET, builtIn.topCause().orElseThrow().id());
        RankedCause top = team.topCause().orElseThrow();
        assertEquals(CauseId.CONFIG_MISSING_SECRET, top.id(), team.causes().toString());
        assertTrue(top.explanation().contains("pgvault"), top.explanation());
        assertTrue(team.observations(Observation.LogFinding.class).stream()
                .anyMatch(f -> "team.pgvault-lease-denied".equals(f.indicationId())));
        // the same in one call: the knowledge base's scanner, causes and rules, and the log's gate
        Assessment of = LogDiagnosis.of(kb).diagnose("deploy.log", new StringReader(log()), Fleet.NOW);
        assertEquals(CauseId.CONFIG_MISSING_SECRET, of.topCause().orElseThrow().id(), of.causes().toString());
        assertEquals(team.gate().status(), of.gate().status());
        assertEquals(team.topCause().orElseThrow().probability(), of.topCause().orElseThrow().probability(), 1e-9);
        // every built-in indication is still there, the file's one added after them
        assertEquals(IndicationSet.builtIn().size() + 1, kb.indications().size());
        assertEquals("team.pgvault-lease-denied", kb.indications().indications().get(kb.indications().size() - 1).id());
    }

    @Test
    void aLogLessJobsAnnotationIsReadByTheRuleFilesIndicationToo() throws IOException {
        // a job whose log was not read speaks through its annotation; the engine reads it as a log line
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(write("team.yaml", TEAM_RULES));
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("dashboard", 2, "deploy", "failure", 40, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Deploy", "failure")));
        o.add(new Observation.CiAnnotation("dashboard", Source.GITHUB, 2, "failure", null, LINE, null, null));

        Assessment builtIn = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        Assessment team = Diagnosis.builder().knowledgeBase(kb).build().diagnose(Fleet.reference(), o, Fleet.NOW);

        assertTrue(support(builtIn, CauseId.CONFIG_MISSING_SECRET).isEmpty(), builtIn.causes().toString());
        assertFalse(support(team, CauseId.CONFIG_MISSING_SECRET).isEmpty(), team.causes().toString());
        assertEquals(CauseId.CONFIG_MISSING_SECRET, team.topCause().orElseThrow().id(), team.causes().toString());
    }

    /** The evidence for {@code cause} that quotes the team's line. */
    private static List<String> support(Assessment a, CauseId cause) {
        return a.causes().stream().filter(c -> c.id().equals(cause)).flatMap(c -> c.evidence().stream())
                .filter(e -> e.direction() == Evidence.Direction.FOR && e.text().contains("pgvault"))
                .map(Evidence::ruleId).toList();
    }

    @Test
    void aFileIndicationWithABuiltInIdReplacesItInPlace() throws IOException {
        Indication original = IndicationSet.builtIn().indications().get(0);
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(write("team.yaml", """
                indications:
                  - id: %s
                    cause: unknown
                    weight: 0.1
                    literals: ['never printed by anything']
                    pattern: 'never printed by anything'
                """.formatted(original.id())));

        assertEquals(IndicationSet.builtIn().size(), kb.indications().size());
        Indication replaced = kb.indications().indications().get(0);
        assertEquals(original.id(), replaced.id());
        assertEquals(CauseId.UNKNOWN, replaced.causeId());
        assertEquals(0.1, replaced.weight(), 1e-9);
    }

    @Test
    void aCauseTheFileDefinesCanBeNamedByItsIndications() throws IOException {
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(write("team.yaml", """
                causes:
                  team.license-server:
                    title: 'Our license server refused the build'
                    prior: 0.02
                    rules:
                      log-indication:
                        when: log
                        match: {causeId: team.license-server}
                        atLeast: {score: 0.4}
                        lr: 60
                        text: 'The log of job "{job}" shows the license server refusing it (line {lineNumber}): "{line}"'
                    actions:
                      - {priority: P1, within: 1h, title: 'Renew the seat', detail: 'Ask the tools team.'}
                indications:
                  - id: team.license-refused
                    cause: team.license-server
                    weight: 0.9
                    literals: ['LMGRD']
                    pattern: 'LMGRD: checkout of feature \\S+ denied'
                """));
        String log = "##[group]Run make firmware\nmake firmware\n##[endgroup]\n"
                + "LMGRD: checkout of feature armcc denied (no seats)\n##[error]Process completed with exit code 2.\n";

        Assessment a = LogDiagnosis.of(kb.logScanner(), Diagnosis.builder().knowledgeBase(kb).build())
                .diagnose("build.log", new StringReader(log), Fleet.NOW);

        assertEquals("team.license-server", a.topCause().orElseThrow().id().value(), a.causes().toString());
    }

    @Test
    void anIndicationOfACauseTheKnowledgeBaseLacksIsRefusedWithItsLineAndKey() throws IOException {
        Path file = write("team.yaml", """
                # our extra lines
                indications:
                  - id: team.x
                    cause: team.not-defined
                    literals: ['x']
                    pattern: 'x'
                """);
        InputException e = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(file));
        assertEquals(4, e.line(), e.getMessage());
        assertEquals("indications[0].cause", e.key());
        assertTrue(e.getMessage().contains("team.not-defined") && e.getMessage().contains("not a cause"), e.getMessage());
    }

    @Test
    void aBadPatternOrAnUnknownKeyIsRefusedWithTheFileAndLine() throws IOException {
        Path pattern = write("bad-pattern.yaml", """
                indications:
                  - id: team.bad
                    cause: app.oom
                    literals: ['x']
                    pattern: 'x(('
                """);
        InputException p = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(pattern));
        assertTrue(p.getMessage().contains("bad-pattern.yaml") && p.getMessage().contains("invalid pattern"),
                p.getMessage());
        assertEquals(2, p.line());

        Path key = write("bad-key.yaml", """
                indications:
                  - id: team.bad
                    cause: app.oom
                    regex: 'x'
                """);
        InputException k = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(key));
        assertEquals("indications[0].regex", k.key());
        assertEquals(4, k.line());
    }

    @Test
    void withoutIndicationsTheBuiltInScannerIsSharedAndDerivedBasesKeepTheFilesScanner() throws IOException {
        assertSame(LogScanner.builtIn(), KnowledgeBase.builtIn().logScanner());
        KnowledgeBase rulesOnly = KnowledgeBase.builtIn().withRuleFile(write("priors.yaml", """
                causes:
                  app.oom: {prior: 0.05}
                """));
        assertSame(LogScanner.builtIn(), rulesOnly.logScanner());
        assertSame(IndicationSet.builtIn(), rulesOnly.indications());

        KnowledgeBase team = KnowledgeBase.builtIn().withRuleFile(write("team.yaml", TEAM_RULES));
        LogScanner scanner = team.logScanner();
        assertSame(scanner, team.withSettings(team.settings()).logScanner());
        assertSame(scanner, team.withHistory(History.empty()).logScanner());
        // a second rule file with indications of its own gets a scanner of its own, with both files' indications
        KnowledgeBase more = team.withRuleFile(write("more.yaml", """
                indications:
                  - id: team.more
                    cause: app.oom
                    literals: ['heap quota']
                    pattern: 'heap quota exceeded'
                """));
        assertNotEquals(scanner, more.logScanner());
        assertEquals(IndicationSet.builtIn().size() + 2, more.indications().size());
    }

    @Test
    void theSameRuleFileReadAgainSharesTheScannerInsteadOfRebuildingIt() throws IOException {
        // sophia watch plans every round: it reads the config's rule files again and builds a new knowledge base; a
        // scanner is a second of CPU over every indication, so equal indications share the one built last
        Path team = write("team.yaml", TEAM_RULES);
        LogScanner first = KnowledgeBase.builtIn().withRuleFile(team).logScanner();
        KnowledgeBase again = KnowledgeBase.builtIn().withRuleFile(team);
        assertSame(first, again.logScanner());
        assertSame(first, Diagnosis.builder().knowledgeBase(again).build().knowledgeBase().logScanner());
        // a rule file after it that adds no indication keeps its scanner
        KnowledgeBase priors = again.withRuleFile(write("priors.yaml", "causes:\n  app.oom: {prior: 0.05}\n"));
        assertSame(first, priors.logScanner());
        assertSame(again.indications(), priors.indications());

        // an edited file is read with its new words, and the old scanner does not read them
        Path edited = write("team.yaml", TEAM_RULES.replace("was not granted", "was refused"));
        KnowledgeBase changed = KnowledgeBase.builtIn().withRuleFile(edited);
        assertNotEquals(first, changed.logScanner());
        String refused = LINE.replace("was not granted", "was refused");
        assertTrue(changed.logScanner().analyze(null, new StringReader(refused + "\n")).stream()
                .anyMatch(f -> "team.pgvault-lease-denied".equals(f.indicationId())));
        assertTrue(first.analyze(null, new StringReader(refused + "\n")).stream()
                .noneMatch(f -> "team.pgvault-lease-denied".equals(f.indicationId())));
    }

    @Test
    void threadsAskingForTheScannerAtOnceGetTheSameOne() throws Exception {
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(write("once.yaml", TEAM_RULES.replace(
                "team.pgvault-lease-denied", "team.pgvault-lease-denied-once")));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<LogScanner>> all = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                all.add(pool.submit(kb::logScanner));
            }
            for (java.util.concurrent.Future<LogScanner> f : all) {
                assertSame(kb.logScanner(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIndicationNoRuleReadsIsRefusedInsteadOfFindingLinesThatNeverCount() throws IOException {
        // a new cause with a title and a prior but no rule: its indication would find the line and weigh nothing,
        // leaving "unknown" on top without a word
        Path silent = write("silent.yaml", """
                causes:
                  team.license-server: {title: 'Our license server refused the build', prior: 0.02}
                indications:
                  - id: team.license-refused
                    cause: team.license-server
                    literals: ['LMGRD']
                    pattern: 'LMGRD: checkout of feature \\S+ denied'
                """);
        InputException e = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(silent));
        assertEquals("indications[0].cause", e.key(), e.getMessage());
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.problem().contains("no rule reads the log findings") && e.problem().contains("causes.team.license-server.rules"),
                e.problem());

        // ci.cancelled's rules read only their own indications: a new one of that cause would not count either
        Path cancelled = write("cancelled.yaml", """
                indications:
                  - id: team.deploy-superseded
                    cause: ci.cancelled
                    literals: ['superseded by']
                    pattern: 'deploy superseded by run \\d+'
                """);
        InputException c = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(cancelled));
        assertEquals("indications[0].cause", c.key(), c.getMessage());

        // a rule of the cause that reads this indication by its id is enough
        KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(write("read.yaml", """
                causes:
                  ci.cancelled:
                    rules:
                      team-superseded:
                        when: log
                        match: {indication: team.deploy-superseded}
                        lr: 10
                        text: 'The log of job "{job}" shows the deploy superseded (line {lineNumber}): "{line}"'
                indications:
                  - id: team.deploy-superseded
                    cause: ci.cancelled
                    literals: ['superseded by']
                    pattern: 'deploy superseded by run \\d+'
                """));
        assertEquals(IndicationSet.builtIn().size() + 1, kb.indications().size());
    }
}
