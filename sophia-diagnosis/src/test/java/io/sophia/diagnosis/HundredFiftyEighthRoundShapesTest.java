package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes for p195- (session 43: scaling during and after deploys), each in its tool's own words: a Horizontal
 * Pod Autoscaler that cannot scale because the pods declare no request for the resource it scales on; AWS refusing a
 * deploy stack's identity the scaling actions it updates with its service; and Postgres out of connection slots as
 * users quote it short. Each new indication is tested on its source's words and a near miss; it reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredFiftyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.of("hpa.missing-resource-request", "config.invalid");

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void autoscalersInTheirOwnWords() throws IOException {
        // kubernetes-sigs/metrics-server#923 (p195-08's source); k3s-io/k3s#8287 (the container named)
        ROUND.reads("hpa.missing-resource-request", "  Warning  FailedComputeMetricsReplicas  4s (x7 over 94s)  "
                + "horizontal-pod-autoscaler  invalid metrics (1 invalid out of 1), first error is: failed to get CPU "
                + "utilization: missing request for CPU");
        ROUND.reads("hpa.missing-resource-request", "    message: 'the HPA was unable to compute the replica count: "
                + "failed to get cpu utilization: missing request for cpu in container owncloud of Pod "
                + "my-cloud-owncloud-5cdb678c48-8bgbm'");
        // metrics-server not answering is not the manifest's; nor is a request body an app misses
        ROUND.readsNot("hpa.missing-resource-request", "  Warning  FailedGetResourceMetric  109s (x2 over 2m4s)  "
                + "horizontal-pod-autoscaler  failed to get CPU utilization: unable to get metrics for resource CPU: no "
                + "metrics returned from resource metrics API");
        ROUND.readsNot("hpa.missing-resource-request", "400 Bad Request: missing request body for POST /v1/jobs");
    }

    @Test
    void deployStacksRefusedScalingActions() throws IOException {
        // stelligent/mu#259 (p195-30's source)
        assertTrue(Fleet.indicationsOf("  ServiceScalableTarget  UPDATE_FAILED  User: arn:aws:sts::444455556666:"
                + "assumed-role/mu-cloudformation-common-us-east-1/AWSCloudFormation is not authorized to perform: "
                + "application-autoscaling:DescribeScheduledActions").contains("aws.deploy-action-denied"));
        assertTrue(Fleet.indicationsOf("User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: "
                + "autoscaling:UpdateAutoScalingGroup on resource: arn:aws:autoscaling:us-east-1:123456789012:"
                + "autoScalingGroup:*").contains("aws.deploy-action-denied"));
        // a workload's own role refused a data read stays outside the deploy's identity
        assertFalse(Fleet.indicationsOf("User: arn:aws:sts::1:assumed-role/app-task/x is not authorized to perform: "
                + "dynamodb:Query on resource: arn:aws:dynamodb:us-east-1:1:table/orders").contains("aws.deploy-action-denied"));
    }

    @Test
    void postgresSlotsAsUsersQuoteThem() throws IOException {
        // uberswe/createmod.com#1482 (p195-13's source)
        assertTrue(Fleet.indicationsOf("django.db.utils.OperationalError: connection failed: FATAL:  remaining "
                + "connection slots are reserved for SUPERUSER").contains("datastore.refusing-work"));
        assertTrue(Fleet.indicationsOf("FATAL:  remaining connection slots are reserved for non-replication superuser "
                + "connections").contains("datastore.refusing-work"));
    }

    /**
     * The HPA's words come from a look at the cluster (kubectl describe hpa), not a log: the failing service's look leads
     * with the manifest, and the same warning at a service that answers normally names no cause (the rule
     * hpa-warning-of-a-service-that-answers); the scaling actions and Postgres' slots lead their scenarios.
     */
    @Test
    void rulesLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p195-08-config-invalid-hpa-missing-request-for-cpu-never-scales", "config.invalid",
                "p195-37-unknown-hpa-missing-request-warning-requests-set-service-healthy", "unknown",
                "p195-30-auth-deploy-token-cloudformation-role-not-authorized-scaling-actions", "auth.deploy-token",
                "p195-13-dependency-down-shared-postgres-slots-exhausted-hpa-rollout-surge", "dependency.down"));
    }

    /** As staysInItsCauses, without its "reads some scenario's log": the new indication's scenarios are probe-only. */
    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        assertEquals(List.of(), Fleet.findingsOfOtherCauses(CAUSE_OF, new TreeSet<>()));
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
