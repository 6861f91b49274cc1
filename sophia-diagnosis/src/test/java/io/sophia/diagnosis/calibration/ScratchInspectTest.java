package io.sophia.diagnosis.calibration;

import io.sophia.diagnosis.LogScanner;
import org.junit.jupiter.api.Test;

class ScratchInspectTest {
    @Test
    void inspect() throws Exception {
        String ids = System.getProperty("ids", "");
        StringBuilder sb = new StringBuilder();
        for (Scenario s : ScenarioLoader.with(LogScanner.builtIn()).loadAll(ScenarioLoader.corpusDirectory(), false)) {
            boolean want = false;
            for (String id : ids.split(",")) want |= !id.isBlank() && s.id().startsWith(id);
            if (!want) continue;
            var a = io.sophia.diagnosis.Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
            sb.append("== ").append(s.id()).append(" label ").append(s.cause().value()).append('\n');
            for (var c : a.causes()) {
                sb.append(String.format("  %-26s %.3f%n", c.id().value(), c.probability()));
                for (var e : c.evidence()) sb.append("      ").append(e.weight()).append(" ").append(e.ruleId()).append(" | ").append(e.text().length() > 160 ? e.text().substring(0, 160) : e.text()).append('\n');
            }
            for (var o : s.observations(io.sophia.core.Observation.LogFinding.class)) sb.append("    finding ").append(o.indicationId()).append(" ").append(o.score()).append(" | ").append(o.line().length() > 120 ? o.line().substring(0, 120) : o.line()).append('\n');
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/inspect.txt"), sb.toString());
    }
}
