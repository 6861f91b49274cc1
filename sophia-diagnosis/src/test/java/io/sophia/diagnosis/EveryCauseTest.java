package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given a failed deploy job whose log an indication attributes to a cause, that cause leads. */
class EveryCauseTest {

    static Stream<String> causesWithLogRules() {
        return KnowledgeBase.builtIn().causes().stream()
                .filter(c -> c.rules().stream().anyMatch(r -> r.when().equals("log") && r.lr() > 1
                        && r.match().getOrDefault("causeId", List.of()).contains(c.id().value())))
                .map(c -> c.id().value());
    }

    @ParameterizedTest
    @MethodSource("causesWithLogRules")
    void aLogLineOfTheCauseMakesItLead(String cause) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("dashboard", 2, "Deploy Dashboard", "failure", 30, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Run", "failure")));
        o.add(Fleet.finding("dashboard", 2, "Deploy Dashboard", "Run", cause, "a line the indication matched", 42));
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertEquals(CauseId.of(cause), a.topCause().orElseThrow().id(), a.causes().toString());
        System.out.printf("%-24s %.3f %s%n", cause, a.topCause().orElseThrow().probability(),
                a.topCause().orElseThrow().confidence());
        // five healthy services on the same platform rightly argue against an outage for everyone
        assertTrue(a.topCause().orElseThrow().probability() > (cause.equals("platform.outage") ? 0.4 : 0.5));
        assertTrue(a.topCause().orElseThrow().evidence().get(0).text().contains("line 42"),
                a.topCause().orElseThrow().evidence().get(0).text());
        assertTrue(a.actions().stream().anyMatch(x -> CauseId.of(cause).equals(x.causeId())));
    }
}
