package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.Source;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.diagnosis.EngineAccess;
import io.sophia.diagnosis.KnowledgeBase;
import io.sophia.diagnosis.LogScanner;
import io.sophia.diagnosis.internal.reasoning.Calibration;
import io.sophia.diagnosis.internal.reasoning.Reasoner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Review of the twenty-first session's engine and calibration commits (6024047c, 6fd813d1, e6eb3a58): the calibration's
 * evaluation that keeps each scenario's terms must score every scenario as {@link CalibrationEvaluation#evaluate} does,
 * the terms it keeps must be those the calibration computes on its own, the grid's fast score must order and break ties
 * as the assessment, and flyctl's wait for health checks is one source with the machine's critical check.
 */
class ReviewTwentyFirstTest {

    private static final Instant AT = Instant.parse("2025-08-23T14:12:55Z");

    private static Deployment deployment() {
        return new Deployment("d", List.of(Service.http("api", "https://api.example.test/")));
    }

    /** A failed deploy whose log BuildKit's "failed to solve" explains, assessed at {@code at}. */
    private static Scenario buildFailure(String id, Instant at) {
        return new Scenario(id, "t", CauseId.BUILD_DOCKERFILE, "r", false, "", Path.of(id + ".yaml"), at, deployment(),
                List.of(new Observation.CiRun(null, Source.GITHUB, "acme/app", 1, "deploy", "main", "abc1234", "push",
                                "completed", "failure", 1, null, null, null),
                        new Observation.LogFinding("api", Source.GITHUB, 2L, "deploy", null, 9L, "buildkit.process-failed",
                                CauseId.BUILD_DOCKERFILE, "ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not "
                                + "complete successfully: exit code: 1", List.of(), 0.9)), "f", "");
    }

    /**
     * A scenario without a clock is one {@link Diagnosis#diagnose} refuses (a null argument): {@code evaluate} scores it
     * as a diagnosis that threw, and so must {@code evaluateWithTerms}, which went to the pipeline past those checks
     * (it ran the inference without a clock and failed only on the assessment's own check, with another error). The
     * outcomes of both are the same, scenario by scenario, errors included.
     */
    @Test
    void evaluateWithTermsScoresEveryScenarioAsEvaluateDoes() {
        List<Scenario> scenarios = List.of(buildFailure("a1", AT), buildFailure("a2", null));
        Diagnosis diagnosis = Diagnosis.ofDefaults();
        CalibrationEvaluation.Report plain = CalibrationEvaluation.evaluate(diagnosis, scenarios);
        CalibrationEvaluation.WithTerms with = CalibrationEvaluation.evaluateWithTerms(diagnosis, scenarios);
        assertNotNull(plain.outcomes().get(1).error(), "diagnose refuses a null clock");
        for (int i = 0; i < scenarios.size(); i++) {
            CalibrationEvaluation.Outcome a = plain.outcomes().get(i);
            CalibrationEvaluation.Outcome b = with.report().outcomes().get(i);
            assertEquals(a.error(), b.error(), scenarios.get(i).id());
            assertEquals(a.p(), b.p(), scenarios.get(i).id());
            assertEquals(a.ranking(), b.ranking(), scenarios.get(i).id());
        }
        assertEquals(null, with.terms().get(1), "a scenario that threw has no terms");
        assertThrows(NullPointerException.class, () -> EngineAccess.diagnoseWithTerms(diagnosis, deployment(),
                List.of(), null));
    }

    /**
     * The terms the evaluation keeps are those {@link Calibration#terms} computes for the same scenario, and the
     * assessment beside them is the one {@link Diagnosis#diagnose} returns (every thirty-second scenario of the corpus).
     * They are a list no caller can change: the cross-validation shares one list between its views.
     */
    @Test
    void theTermsKeptBesideTheAssessmentAreTheCalibrationsOwn() throws IOException {
        List<Scenario> corpus = ScenarioLoader.builtInCorpus(false);
        Diagnosis diagnosis = Diagnosis.ofDefaults();
        KnowledgeBase base = KnowledgeBase.builtIn();
        List<Scenario> some = java.util.stream.IntStream.range(0, corpus.size()).filter(i -> i % 32 == 0)
                .mapToObj(corpus::get).toList();
        some.parallelStream().forEach(s -> {
            Reasoner.Diagnosed d = EngineAccess.diagnoseWithTerms(diagnosis, s.deployment(), s.observations(), s.at());
            assertEquals(Calibration.terms(EngineAccess.knowledge(base), s.deployment(), s.observations(), s.at()),
                    d.terms(), s.id());
            assertEquals(diagnosis.diagnose(s.deployment(), s.observations(), s.at()), d.assessment(), s.id());
        });
        Scenario s = buildFailure("b1", AT);
        List<Calibration.Term> terms = EngineAccess.diagnoseWithTerms(diagnosis, s.deployment(), s.observations(),
                s.at()).terms();
        assertThrows(UnsupportedOperationException.class, () -> terms.remove(0));
    }

    /**
     * The grid's fast score (arrays and an insertion sort) gives the Brier score, top probability and top-1 of the
     * outcome built from ranked causes (a comparator sort), on terms made to tie: equal probabilities ordered by id,
     * the first listed cause leading a tie, unknown losing ties, unreported causes and causes under the floor left out.
     */
    @Test
    void theFastScoreOrdersAndBreaksTiesAsTheOutcome() {
        Random r = new Random(21);
        KnowledgeBase.Settings settings = KnowledgeBase.builtIn().settings();
        var engine = EngineAccess.settings(settings);
        List<CauseId> named = CauseId.BUILT_IN.stream().filter(c -> !c.equals(CauseId.UNKNOWN)).toList();
        double[] priors = {0.02, 0.05};
        double[] sums = {0, 1.1, 2.2, 4.4};
        for (int round = 0; round < 3000; round++) {
            List<CauseId> ids = new ArrayList<>(named);
            java.util.Collections.shuffle(ids, r);
            List<Calibration.Term> terms = new ArrayList<>();
            for (CauseId id : ids.subList(0, 1 + r.nextInt(ids.size()))) {
                terms.add(new Calibration.Term(id, priors[r.nextInt(priors.length)], sums[r.nextInt(sums.length)],
                        r.nextInt(4) - 1, r.nextInt(4) > 0, Set.of()));
            }
            terms.add(new Calibration.Term(CauseId.UNKNOWN, 0.05, r.nextInt(3) * 1.1, 0, true, Set.of()));
            CauseId label = CauseId.BUILT_IN.get(r.nextInt(CauseId.BUILT_IN.size()));
            Scenario s = new Scenario("r" + round, "t", label, "r", false, "", null, AT, deployment(), List.of());
            CalibrationEvaluation.Outcome o = CrossValidation.outcome(s, terms, settings);
            CrossValidation.Scored fast = CrossValidation.scored(label, terms, settings, engine);
            assertEquals(o.brier(), fast.brier(), 1e-9, s.id() + " " + terms);
            assertEquals(o.confidence(), fast.confidence(), 1e-9, s.id() + " " + terms);
            assertEquals(o.top1(), fast.top1(), s.id() + " " + terms);
        }
    }

    /** The app's deploy job read by the built-in scanner, and its one machine with a critical health check. */
    private static List<Calibration.Term> flyDeploy(String log) throws IOException {
        List<Observation> o = new ArrayList<>();
        o.add(new Observation.CiRun(null, Source.GITHUB, "acme/app", 1, "deploy", "main", "abc1234", "push",
                "completed", "failure", 1, null, null, null));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "api", 2, "deploy", List.of()),
                new StringReader(log)));
        o.add(Observation.PlatformMachine.builder("api", Source.FLY, "acme-api", "m1").name("m1")
                .state("started", false).region("fra").imageRef("img").hostStatus("ok")
                .checks(List.of(new Observation.MachineCheck("servicecheck-00-http-8080", "critical",
                        "connect: connection refused")))
                .updatedAt(AT.minusSeconds(60)).build());
        return Calibration.terms(EngineAccess.knowledge(KnowledgeBase.builtIn()), deployment(), o, AT);
    }

    private static int sources(List<Calibration.Term> terms, CauseId id) {
        return terms.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().sources();
    }

    /**
     * flyctl's "error while watching health checks" reads the Machines API's check status: with the machine's
     * critical check it is one source (6fd813d1, h52-21). A line of the app's own beside it ("not listening on the
     * expected address", flyctl's reading of the machine's processes) is another.
     */
    @Test
    void flyctlsWaitForHealthChecksAndTheMachinesCriticalCheckAreOneSource() throws IOException {
        String wait = "Error: error while watching health checks: context deadline exceeded\n";
        assertEquals(1, sources(flyDeploy(wait), CauseId.APP_HEALTHCHECK_FAILING));
        assertEquals(2, sources(flyDeploy("WARNING The app is not listening on the expected address and will not be "
                + "reachable by fly-proxy.\n" + wait), CauseId.APP_HEALTHCHECK_FAILING));
    }
}
