package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What session 42 mended on consuming the blind sets h141- to h144-: a look at the cluster autoscaler's log naming the
 * account's quota (Azure's "OperationNotAllowed ... exceeding quota limit of standardDSv3Family Cores",
 * kubernetes/autoscaler#2607, h141-22's source) beside pods Pending for "Insufficient cpu". The scheduler's words were
 * read as a full region at 0.95, and that one case alone drove the whole corpus' refit to a smaller evidence scale; and
 * a rule on a look's detail counted beside the indication reading the same words, two sources for one look (p195-25).
 */
class FixFortySecondSessionTest {

    @Test
    void podsPendingBesideAScaleOutRefusedForTheQuotaAreTheQuotasConsequence(@TempDir Path dir) throws Exception {
        Path original = file("h141-22-");
        Assessment quota = diagnose(original);
        assertEquals(CauseId.of("platform.quota"), quota.topCause().orElseThrow().id(), quota.causes().toString());
        assertTrue(p(quota, "platform.capacity") < 0.2, "the lack of room follows from the refused scale-out: "
                + p(quota, "platform.capacity"));
        // the same autoscaler line without the quota's words: the pods' "Insufficient cpu" is the full cluster again
        Assessment noQuota = diagnose(edited(dir, original, "results in exceeding quota limit of standardDSv3Family Cores",
                "failed on standardDSv3Family Cores"));
        assertEquals(CauseId.of("platform.capacity"), noQuota.topCause().orElseThrow().id(), noQuota.causes().toString());
    }

    @Test
    void aRuleOnALooksDetailAndTheIndicationReadingTheSameWordsAreOneSource() throws Exception {
        // p195-25 (sst#6377): ECS's "unable to place a task. Reason: Capacity is unavailable" was counted by
        // platform.capacity/api-capacity and by the indication the probe-detail rule reads it with, two sources at the
        // two-source cap 0.95, beside a task that could not pull its deleted image: one look, one source
        Assessment a = diagnose(file("p195-25-"));
        double capacity = p(a, "platform.capacity");
        assertTrue(capacity <= 0.9, "one look's words are one source: " + capacity);
        assertTrue(a.causes().stream().filter(c -> c.id().equals(CauseId.of("platform.capacity")))
                .flatMap(c -> c.evidence().stream()).map(e -> e.ruleId()).toList()
                .containsAll(java.util.List.of("platform.capacity/api-capacity",
                        "platform.capacity/probe-detail-indication")), a.causes().toString());
    }

    @Test
    void aCloudCliReadRefusedItsOwnCredentialSaysNothingOfTheDeploysToken(@TempDir Path dir) throws Exception {
        // review 42: p190-34's look, a record of the pipeline showing the deploy role refused, leads with the deploy token;
        // the same look refused by the CLI for the looker's own read-only credential is no deploy token's failure
        Path original = file("p190-34-");
        assertEquals(CauseId.of("auth.deploy-token"), diagnose(original).topCause().orElseThrow().id());
        String record = java.nio.file.Files.readString(original);
        String detail = record.substring(record.indexOf("detail: 'actionStates[0]"));
        detail = detail.substring(0, detail.indexOf("'}") + 1);
        for (String refusal : java.util.List.of(
                "detail: 'An error occurred (AccessDeniedException) when calling the GetPipelineState operation: User: "
                        + "arn:aws:iam::123456789012:user/sophia-readonly is not authorized to perform: "
                        + "codepipeline:GetPipelineState on resource: invoicing-prod'",
                "detail: 'An error occurred (ExpiredTokenException) when calling the GetPipelineState operation: The "
                        + "security token included in the request is expired'")) {
            Path refused = edited(java.nio.file.Files.createDirectories(dir.resolve("r" + Math.abs(refusal.hashCode()))),
                    original, detail, refusal);
            Assessment a = diagnose(refused);
            assertTrue(p(a, "auth.deploy-token") < 0.5, refusal + ": " + a.causes());
        }
        // a deploy command the provider refused is still read (p190-23: gcloud app deploy, the app's version limit)
        assertEquals(CauseId.of("platform.quota"), diagnose(file("p190-23-")).topCause().orElseThrow().id());
    }

    @Test
    void anIncidentListNamesPastIncidentsInThePastTense(@TempDir Path dir) throws Exception {
        // review 42: Statuspage's /api/v2/incidents.json lists the 50 most recent incidents, resolved ones too; "services
        // were impacted by ..." read there is no open incident (h142-24 reads it from Heroku's current-status)
        Path original = file("h142-24-");
        assertEquals(CauseId.of("platform.outage"), diagnose(original).topCause().orElseThrow().id());
        Assessment list = diagnose(edited(dir, original, "GET https://status.heroku.com/api/v4/current-status",
                "GET https://status.heroku.com/api/v2/incidents.json"));
        assertTrue(list.causes().stream().flatMap(c -> c.evidence().stream())
                .noneMatch(e -> e.ruleId().startsWith("platform.outage/status-api")), list.causes().toString());
    }
}
