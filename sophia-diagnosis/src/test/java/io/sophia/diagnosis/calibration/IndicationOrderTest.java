package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import io.sophia.diagnosis.Indication;
import io.sophia.diagnosis.IndicationSet;
import io.sophia.diagnosis.LogScanner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The log scanner's answer does not depend on the order of the indication file: between findings of equal score the
 * more specific reading wins (a named cause before a generic one, the pattern that matched more of the line, then
 * the id).
 */
class IndicationOrderTest {

    private static List<String> scan(List<Indication> indications, String log) throws IOException {
        return LogScanner.of(IndicationSet.of(indications)).analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "api", 1,
                "deploy", List.of()), new StringReader(log)).stream()
                .map(f -> f.indicationId() + "@" + f.lineNumber() + ":" + f.score()).toList();
    }

    @Test
    void betweenTwoReadingsOfEqualWeightTheOneThatReadsMoreOfTheLineLeadsInEitherOrder() throws IOException {
        // Vercel's schema refusal (p7-, Ajv's wording): "Error:" alone says little, "Invalid configuration" says what
        Indication errorWord = Indication.of("t.error-prefix", CauseId.BUILD_DOCKERFILE, "error:", "Error: ", 0.8, "");
        Indication invalid = Indication.of("t.invalid-configuration", CauseId.CONFIG_INVALID, "invalid configuration",
                "Invalid configuration: ", 0.8, "");
        String log = "Error: Invalid configuration: /functions/api must NOT have additional properties\n";
        List<String> forward = scan(List.of(errorWord, invalid), log);
        List<String> backward = scan(List.of(invalid, errorWord), log);
        assertEquals(forward, backward);
        assertEquals("t.invalid-configuration", forward.get(0).substring(0, forward.get(0).indexOf('@')), forward.toString());
        // the same cause read twice on one line keeps the more specific reading, in either order
        Indication shortOne = Indication.of("t.a-short", CauseId.CONFIG_INVALID, "must not", "must NOT", 0.8, "");
        List<String> one = scan(List.of(shortOne, invalid), log);
        assertEquals(one, scan(List.of(invalid, shortOne), log));
        assertEquals(1, one.size(), one.toString());
        assertEquals("t.invalid-configuration", one.get(0).substring(0, one.get(0).indexOf('@')), one.toString());
    }

    @Test
    void everyScenarioLogGivesTheSameFindingsWithTheBuiltInIndicationsInReverseOrder() throws IOException {
        List<Indication> reversed = new ArrayList<>(IndicationSet.builtIn().indications());
        Collections.reverse(reversed);
        ScenarioLoader backwards = ScenarioLoader.with(LogScanner.of(IndicationSet.of(reversed)));
        List<Scenario> scenarios = ScenarioLoader.builtInCorpus(false);
        // each scenario on its own, in parallel: the first that differs is reported by its id
        List<String> differing = scenarios.parallelStream().filter(s -> {
            try {
                return !findings(s.observations()).equals(findings(backwards.load(s.file()).observations()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(Scenario::id).toList();
        assertEquals(List.of(), differing);
        long compared = scenarios.stream().mapToLong(s -> findings(s.observations()).size()).sum();
        assertEquals(true, compared > 500, "findings compared: " + compared);
    }

    private static List<String> findings(List<Observation> observations) {
        return observations.stream().filter(o -> o instanceof Observation.LogFinding).map(o -> (Observation.LogFinding) o)
                .map(f -> f.jobId() + ":" + f.indicationId() + "@" + f.lineNumber() + ":" + f.score()).toList();
    }
}
