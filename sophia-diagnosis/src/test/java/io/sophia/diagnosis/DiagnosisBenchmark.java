package io.sophia.diagnosis;

import io.sophia.core.Source;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long a diagnosis takes: the reference scenario, and a large fleet (200 services,
 * 200 deploy jobs, 4,000 log findings, 200 machines). Not a test: figures, not assertions.
 *
 * <pre>
 * java -cp "$(cat cp.txt):sophia-diagnosis/target/classes:sophia-diagnosis/target/test-classes:sophia-core/target/classes" \
 *     io.sophia.diagnosis.DiagnosisBenchmark
 * </pre>
 */
public final class DiagnosisBenchmark {

    private DiagnosisBenchmark() {
    }

    public static void main(String[] args) {
        Diagnosis d = Diagnosis.ofDefaults();
        measure("reference scenario (6 services, 15 observations)", d, Fleet.reference(), Fleet.referenceObservations(), 2000);
        List<Service> services = new ArrayList<>();
        List<Observation> o = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "svc-" + i;
            services.add(i % 10 == 0 ? Fleet.service(id, id, "Capability " + i, ServiceKind.HTTP)
                    : Fleet.service(id, id, "Capability " + i, ServiceKind.HTTP, "svc-" + (i - i % 10)));
            o.add(i % 3 == 0 ? Fleet.up(id) : Fleet.failure(id, "http", FailureKind.CONNECTION_REFUSED, null, "refused"));
            o.add(Fleet.deployJob(id, 1000 + i, "Deploy " + id, i % 3 == 0 ? "success" : "failure", 40));
            for (int k = 0; k < 20; k++) {
                o.add(Fleet.finding(id, 1000 + i, "Deploy " + id, Fleet.DEPLOY_STEP,
                        k % 2 == 0 ? "build.dockerfile" : "build.dependency-fetch", Fleet.BUILDKIT_LINE + " #" + k, 100 + k));
            }
            o.add(Observation.PlatformMachine.builder(id, Source.FLY, "app-" + id, "m-" + i).name("m")
                    .state(i % 3 == 0 ? "started" : "stopped", false).region("fra").imageRef("img").hostStatus("ok")
                    .events(List.of(new Observation.MachineEvent("exit", "stopped", "flyd", Fleet.T0, 1, false, "exit_code=1")))
                    .updatedAt(Fleet.T0).build());
        }
        o.add(Fleet.run("failure"));
        measure("large fleet (200 services, " + o.size() + " observations)", d, new Deployment("large", services), o, 50);
    }

    private static void measure(String name, Diagnosis d, Deployment dep, List<Observation> o, int runs) {
        for (int i = 0; i < Math.max(5, runs / 10); i++) {
            d.diagnose(dep, o, Fleet.NOW);
        }
        long start = System.nanoTime();
        int causes = 0;
        for (int i = 0; i < runs; i++) {
            causes += d.diagnose(dep, o, Fleet.NOW).causes().size();
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf(Locale.ROOT, "%-60s %8.3f ms per diagnosis (%d runs, %d causes each)%n", name, ms, runs,
                causes / runs);
    }
}
