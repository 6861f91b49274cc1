package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the diagnosis changes 6ee9f14..326f517: the indications of the p25- to p28- families and the step that
 * prints the service's own logs (LogScan's SERVICE_LOGS: a {@code kubectl describe}, {@code docker compose logs},
 * {@code fly logs} step whose lines now count as fully as the failed step's). Public text each such step prints that
 * was read as a cause it is not, each guarded here with its source.
 */
class TwentyNinthRoundReviewTest {

    /** The first cause of {@code a} other than unknown. */
    private static String topKnown(Assessment a) {
        return a.causes().stream().map(RankedCause::id).filter(c -> !c.equals(CauseId.UNKNOWN)).findFirst()
                .orElseThrow().value();
    }

    private static double probabilityOf(Assessment a, String cause) {
        return a.causes().stream().filter(c -> c.id().value().equals(cause)).mapToDouble(RankedCause::probability)
                .findFirst().orElse(0);
    }

    /** dashboard's rollout timed out and the next step printed {@code command}'s output {@code printed}. */
    private static Assessment rolloutThenPrinted(String command, String printed) throws IOException {
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Set up job", "success"),
                Fleet.step(2, "Apply manifests", "success"), Fleet.step(3, "Wait for rollout", "failure"),
                Fleet.step(4, "Show the pods", "success"));
        String log = String.join("\n",
                "##[group]Run kubectl apply -f k8s/", "##[endgroup]",
                "deployment.apps/hello-world-rest-api configured",
                "##[group]Run kubectl rollout status deployment/hello-world-rest-api --timeout=300s", "##[endgroup]",
                "Waiting for deployment \"hello-world-rest-api\" rollout to finish: 0 of 1 updated replicas are available...",
                "##[error]Process completed with exit code 1.",
                "##[group]Run " + command, "##[endgroup]", printed, "");
        return Fleet.jobEnded(Fleet.refused("dashboard"), "failure", 330, steps, log, null);
    }

    /**
     * A pod's description lists every event of its life, the ones it got past too. On GKE Autopilot a new pod first
     * fails to schedule until the autoscaler has added a node: "Warning  FailedScheduling  22m
     * gke.io/optimize-utilization-scheduler  0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.",
     * then "Normal  TriggeredScaleUp", "Normal  Scheduled ... Successfully assigned ..." and the container started
     * (TomSpencerLondon/kubernetes-for-beginners README.md, a healthy hello-world-rest-api pod,
     * https://github.com/TomSpencerLondon/kubernetes-for-beginners/blob/main/README.md). Printed by a "kubectl
     * describe" step after a rollout that timed out, that old, passed event was stated as platform.capacity at 0.97.
     */
    @Test
    void anEventThePodGotPastIsNoCapacityShortage() throws IOException {
        Assessment a = rolloutThenPrinted("kubectl describe pods -l app=hello-world-rest-api", String.join("\n",
                "Events:",
                "  Type     Reason            Age   From                                   Message",
                "  ----     ------            ----  ----                                   -------",
                "  Warning  FailedScheduling  22m   gke.io/optimize-utilization-scheduler  0/2 nodes are available: 2 "
                        + "Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption "
                        + "victims found for incoming pod.",
                "  Normal   TriggeredScaleUp  22m   cluster-autoscaler                     pod triggered scale-up: "
                        + "[{https://www.googleapis.com/compute/v1/projects/shop-rnd-1/zones/us-central1-b/instanceGroups/"
                        + "gk3-shop-cluster-pool-1-bdc4a129-grp 0->1 (max: 1000)}]",
                "  Normal   Scheduled         21m   gke.io/optimize-utilization-scheduler  Successfully assigned "
                        + "default/hello-world-rest-api-5b4c66787d-gdznr to gk3-shop-cluster-pool-1-bdc4a129-khq2",
                "  Normal   Pulling           20m   kubelet                                Pulling image "
                        + "\"in28min/hello-world-rest-api:0.0.1.RELEASE\"",
                "  Normal   Pulled            20m   kubelet                                Successfully pulled image "
                        + "\"in28min/hello-world-rest-api:0.0.1.RELEASE\" in 11.129463978s (11.129792404s including waiting)",
                "  Normal   Created           20m   kubelet                                Created container "
                        + "hello-world-rest-api",
                "  Normal   Started           20m   kubelet                                Started container "
                        + "hello-world-rest-api"));
        assertTrue(probabilityOf(a, "platform.capacity") < 0.4, a.causes().toString());
        assertNotEquals("platform.capacity", topKnown(a), a.causes().toString());
    }

    /**
     * Where several pods are described, one pod's later Scheduled event says nothing of another's: the pending
     * awx-operator pod of ansible/awx-operator#347 (https://github.com/ansible/awx-operator/issues/347, "Warning
     * FailedScheduling  22s (x4 over 2m31s)  default-scheduler  0/1 nodes are available: 1 Insufficient cpu.")
     * described before a running pod whose events end in "Normal  Scheduled ... Successfully assigned" (the wording of
     * the README above) still reads as a cluster without room.
     */
    @Test
    void anotherPodsScheduledEventLeavesAPendingPodsShortage() throws IOException {
        Assessment a = rolloutThenPrinted("kubectl describe pods -n default", String.join("\n",
                "Name:         awx-postgres-0",
                "Status:       Pending",
                "Events:",
                "  Type     Reason            Age                  From               Message",
                "  ----     ------            ----                 ----               -------",
                "  Warning  FailedScheduling  22s (x4 over 2m31s)  default-scheduler  0/1 nodes are available: 1 "
                        + "Insufficient cpu.",
                "",
                "Name:         awx-operator-5dd757f594-79ssx",
                "Status:       Running",
                "Events:",
                "  Type     Reason     Age   From               Message",
                "  ----     ------     ----  ----               -------",
                "  Normal   Scheduled  21m   default-scheduler  Successfully assigned "
                        + "default/awx-operator-5dd757f594-79ssx to minikube",
                "  Normal   Started    20m   kubelet            Started container awx-operator"));
        assertEquals("platform.capacity", topKnown(a), a.causes().toString());
    }

    /**
     * A healthy MySQL server announces its own socket: "db_1 | ... [System] [MY-010931] [Server] /usr/sbin/mysqld:
     * ready for connections. Version: '8.0.18'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community
     * Server - GPL." (the docker-compose output of jeshocarmel/jeshocarmel.github.io
     * _posts/2020-04-11-deploying_apps_with_docker.markdown, https://github.com/jeshocarmel/jeshocarmel.github.io,
     * whose app then prints "DB connection successful"). Printed by a "docker compose logs" step after a failed
     * deploy, it was read as an app falling back to a local database socket, config.missing-secret at 0.90: only a
     * client that cannot reach that socket says so ("Can't connect to local MySQL server through socket '...'").
     */
    @Test
    void aDatabaseServerAnnouncingItsSocketIsNoMissingDatabaseUrl() throws IOException {
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Set up job", "success"),
                Fleet.step(2, "Deploy", "failure"), Fleet.step(3, "Show logs", "success"));
        String log = String.join("\n",
                "##[group]Run ./deploy.sh", "##[endgroup]", "Deploying...",
                "##[error]Process completed with exit code 1.",
                "##[group]Run docker compose logs", "##[endgroup]",
                "db_1     | 2020-04-13T02:46:55.733007Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for "
                        + "connections. Version: '8.0.18'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL "
                        + "Community Server - GPL.",
                "app_1    | Host db:3306 is now available",
                "app_1    | 2020/04/13 02:46:56 DB connection successful !! <nil>", "");
        Assessment a = Fleet.jobEnded(Fleet.refused("dashboard"), "failure", 60, steps, log, null);
        assertTrue(probabilityOf(a, "config.missing-secret") < 0.4, a.causes().toString());
        assertEquals(List.of("config.missing-secret"), Fleet.causesOf("ERROR 2002 (HY000): Can't connect to local "
                + "MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"));
    }
}
