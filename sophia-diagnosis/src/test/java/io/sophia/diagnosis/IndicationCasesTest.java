package io.sophia.diagnosis;

import io.sophia.core.Observation.LogFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in indication against a real line it must match and a near miss it must not, read from
 * {@code indication-cases.tsv}.
 */
class IndicationCasesTest {

    record Case(String id, String match, String nearMiss) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                IndicationCasesTest.class.getResourceAsStream("indication-cases.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                assertEquals(3, cols.length, "a case row has id, match and near miss: " + line);
                cases.add(new Case(cols[0], cols[1], cols[2]));
            }
        }
        return cases;
    }

    static Stream<Arguments> caseArguments() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.id(), c.match(), c.nearMiss()));
    }

    private static final Map<String, Indication> BUILT_IN = IndicationSet.builtIn().indications().stream()
            .collect(Collectors.toMap(Indication::id, Function.identity()));

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseArguments")
    void indication_matches_its_real_line_and_not_its_near_miss(String id, String match, String nearMiss)
            throws IOException {
        Indication indication = BUILT_IN.get(id);
        assertTrue(indication != null, "the case names a built-in indication: " + id);
        LogScanner alone = LogScanner.of(List.of(indication));

        // a multi-line indication (followedBy) has its lines joined by a literal \n; the finding quotes the first
        String text = match.replace("\\n", "\n");
        String first = text.lines().findFirst().orElse("");
        List<LogFinding> hit = alone.analyze(null, new StringReader(text + "\n"));
        assertEquals(1, hit.size(), id + " should match: " + match);
        assertEquals(id, hit.get(0).indicationId());
        assertEquals(indication.causeId(), hit.get(0).causeId());
        assertEquals(first, hit.get(0).line());

        String lower = first.toLowerCase(Locale.ROOT);
        assertTrue(indication.literals().stream().anyMatch(l -> lower.contains(l.toLowerCase(Locale.ROOT))),
                id + ": the matched line contains one of the prefilter literals");

        assertEquals(List.of(), alone.analyze(null, new StringReader(nearMiss.replace("\\n", "\n") + "\n")),
                id + " should not match the near miss: " + nearMiss);
    }

    @Test
    void every_built_in_indication_has_a_case_and_every_case_an_indication() throws IOException {
        Set<String> withCase = new HashSet<>();
        for (Case c : cases()) {
            assertTrue(withCase.add(c.id()), "one row per indication id: " + c.id());
        }
        Set<String> missing = new HashSet<>(BUILT_IN.keySet());
        missing.removeAll(withCase);
        assertEquals(Set.of(), missing, "built-in indications without a match/near-miss case");
        Set<String> unknown = new HashSet<>(withCase);
        unknown.removeAll(BUILT_IN.keySet());
        assertEquals(Set.of(), unknown, "cases for indications that do not exist");
    }

    @Test
    void every_root_cause_that_shows_in_logs_has_built_in_indications() {
        Set<String> causes = BUILT_IN.values().stream().map(i -> i.causeId().value()).collect(Collectors.toSet());
        for (String cause : List.of("build.dockerfile", "build.dependency-fetch", "registry.auth",
                "registry.unavailable", "image.not-found", "platform.quota", "platform.capacity", "platform.outage",
                "auth.deploy-token", "config.missing-secret", "config.invalid", "app.crash-on-boot", "app.oom",
                "app.healthcheck-failing", "network.dns", "tls.certificate", "ci.cancelled", "ci.test-failure",
                "ci.timeout", "ci.runner")) {
            assertTrue(causes.contains(cause), "no built-in indication for " + cause);
        }
        assertTrue(BUILT_IN.size() >= 100, "hundreds of patterns are the point of the prefilter");
    }
}
