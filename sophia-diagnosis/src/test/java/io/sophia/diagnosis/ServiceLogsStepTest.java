package io.sophia.diagnosis;

import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step that prints the service's own logs after a failed deploy (fly logs, kubectl logs, docker compose logs, gcloud
 * logging read) is the service speaking: its lines count as fully as the failed step's, however that step ended,
 * while the same line printed by an unrelated later step keeps the reduced score of a line after the failure.
 */
class ServiceLogsStepTest {

    private static final String ERROR = "ImportError: cannot import name 'six' from 'django.utils' "
            + "(/usr/local/lib/python3.8/site-packages/django/utils/__init__.py)";

    private static double scoreOf(String secondCommand) throws IOException {
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Deploy", "failure"), Fleet.step(2, "After", "success"));
        String log = "##[group]Run flyctl deploy --remote-only\n##[endgroup]\nError: deploy failed\n"
                + "##[error]Process completed with exit code 1.\n"
                + "##[group]Run " + secondCommand + "\n##[endgroup]\n" + ERROR + "\n";
        List<Observation.LogFinding> found = LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB,
                "dashboard", 2, "deploy", steps), new StringReader(log));
        return found.stream().filter(f -> f.indicationId().equals("python.module-not-found")).findFirst()
                .orElseThrow(() -> new AssertionError("not read: " + found)).score();
    }

    @Test
    void aStepPrintingTheServicesLogsCountsFully() throws IOException {
        for (String command : List.of("flyctl logs -a shop --no-tail", "kubectl -n shop logs deploy/shop --tail=20",
                "docker compose logs --tail=8 web", "gcloud logging read resource.labels.revision_name=collab-00001")) {
            assertEquals(0.7, scoreOf(command), 1e-9, command);
        }
    }

    @Test
    void anUnrelatedLaterStepKeepsTheReducedScore() throws IOException {
        assertTrue(scoreOf("./scripts/notify-slack.sh") < 0.5, "a later step that is not the service's logs");
        // "logs" as a volume name, a file name or a later command after "&&" is no logs command
        for (String command : List.of("docker run -v logs:/x alpine true", "kubectl apply -f logs-x.yaml",
                "docker build . && ./collect logs")) {
            assertTrue(scoreOf(command) < 0.5, command);
        }
    }
}
