package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenario format: what a file turns into, and clear errors that name the file and the key. */
class ScenarioLoaderTest {

    /** Reports one finding per line containing "ERROR", attributed to the job's last step. */
    private static final LogAnalyzer ERRORS = (origin, log) -> {
        List<Observation.LogFinding> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(log);
        String line;
        long n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.contains("ERROR")) {
                String step = origin.steps().isEmpty() ? null : origin.steps().get(origin.steps().size() - 1).name();
                out.add(new Observation.LogFinding(origin.serviceId(), origin.source(), origin.jobId(), origin.jobName(),
                        step, n, "test-error", CauseId.of("build.dockerfile"), line, List.of(), 1.0));
            }
        }
        return out;
    };

    private static final String MINIMAL = """
            id: %s
            cause: build.dockerfile
            rationale: because
            holdout: false
            services:
              - {id: api, critical: true, http: {failure: CONNECTION_REFUSED, latencyMs: 15}}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void an_answer_the_expectations_reject_is_shaped_like_the_http_probes_output() throws IOException {
        Path f = write("s.yaml", """
                id: s
                cause: unknown
                rationale: r
                holdout: true
                services:
                  - {id: api, http: {status: 503, latencyMs: 40, body: "no healthy machines"}}
                """);
        Scenario s = ScenarioLoader.with(null).load(f);
        assertTrue(s.holdout());
        List<Observation> obs = s.observations();
        assertEquals(3, obs.size(), obs.toString());
        Observation.HttpCheck check = (Observation.HttpCheck) obs.get(0);
        assertEquals(503, check.statusCode());
        assertEquals("no healthy machines", check.bodyExcerpt());
        Observation.ConditionCheck cond = (Observation.ConditionCheck) obs.get(1);
        assertEquals(false, cond.passed());
        Observation.ProbeFailure failure = (Observation.ProbeFailure) obs.get(2);
        assertEquals(FailureKind.UNEXPECTED_STATUS, failure.kind());
        assertEquals(503, failure.httpStatus());
    }

    @Test
    void a_certificate_that_expires_in_a_year_is_valid_at_the_scenarios_time() throws IOException {
        Path f = write("t.yaml", """
                id: t
                cause: unknown
                rationale: r
                holdout: true
                at: 2026-12-05T10:00:00Z
                services:
                  - {id: api, url: 'https://api.example.com/', http: {status: 200}, tls: {daysToExpiry: 300}}
                """);
        Scenario s = ScenarioLoader.with(null).load(f);
        Observation.TlsHandshake t = s.observations().stream().filter(Observation.TlsHandshake.class::isInstance)
                .map(Observation.TlsHandshake.class::cast).findFirst().orElseThrow();
        // before the fix it was issued 90 days before its expiry, 210 days after the scenario's time: "not valid yet"
        assertTrue(t.notBefore().isBefore(s.at()), t.notBefore() + " vs " + s.at());
        assertTrue(t.notAfter().isAfter(s.at()));
    }

    @Test
    void a_refused_connection_becomes_a_probe_failure_with_its_latency() throws IOException {
        Scenario s = ScenarioLoader.with(null).load(write("a.yaml", MINIMAL.formatted("a")));
        Observation.ProbeFailure f = (Observation.ProbeFailure) s.observations().get(0);
        assertEquals(FailureKind.CONNECTION_REFUSED, f.kind());
        assertEquals(Duration.ofMillis(15), f.elapsed());
        assertEquals("api", f.serviceId());
    }

    @Test
    void a_raw_job_log_goes_through_the_analyzer_with_the_jobs_steps() throws IOException {
        Path f = write("ci.yaml", MINIMAL.formatted("ci") + """
                ci:
                  run: {workflow: deploy, conclusion: failure, headSha: abc1234, durationSec: 20}
                  jobs:
                    - name: deploy-api
                      service: api
                      conclusion: failure
                      steps: [Set up job: success, {name: Deploy, conclusion: failure, durationSec: 15}]
                      log: |
                        all good
                        ERROR: failed to solve: boom
                """);
        Scenario s = ScenarioLoader.with(ERRORS).load(f);
        Observation.CiRun run = s.observations(Observation.CiRun.class).get(0);
        assertEquals("failure", run.conclusion());
        assertEquals(Duration.ofSeconds(20), run.duration());
        Observation.CiJob job = s.observations(Observation.CiJob.class).get(0);
        assertEquals("Deploy", job.failedStep().name());
        assertEquals(Duration.ofSeconds(15), job.failedStep().duration());
        assertEquals(Duration.ofSeconds(5), job.steps().get(0).duration(), "the other step gets the rest");
        Observation.LogFinding finding = s.observations(Observation.LogFinding.class).get(0);
        assertEquals(2, finding.lineNumber());
        assertEquals("Deploy", finding.step());
        assertEquals("api", finding.serviceId());
        assertEquals(1, s.observations(Observation.CiLogRead.class).size());
    }

    @Test
    void a_raw_log_without_an_analyzer_is_rejected_rather_than_silently_dropped() throws IOException {
        Path f = write("nolog.yaml", MINIMAL.formatted("nolog") + """
                ci:
                  run: {workflow: deploy, conclusion: failure}
                  jobs:
                    - {name: j, conclusion: failure, steps: [], log: "ERROR x"}
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.with(null).load(f));
        assertTrue(e.getMessage().startsWith("nolog.yaml"), e.getMessage());
        assertEquals("ci.jobs[0].log", e.key());
    }

    @Test
    void malformed_yaml_names_the_file_and_the_line() throws IOException {
        Path f = write("broken.yaml", "id: broken\nservices: [ {id: a\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.with(null).load(f));
        assertTrue(e.getMessage().startsWith("broken.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void an_unknown_key_is_an_error_naming_its_path() throws IOException {
        Path f = write("typo.yaml", MINIMAL.formatted("typo").replace("latencyMs: 15", "latencyMS: 15"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.with(null).load(f));
        assertEquals("services[0].http.latencyMS", e.key());
        assertTrue(e.getMessage().contains("typo.yaml") && e.getMessage().contains("unknown key"), e.getMessage());
    }

    @Test
    void a_cause_outside_the_vocabulary_is_rejected() throws IOException {
        Path f = write("c.yaml", MINIMAL.formatted("c").replace("build.dockerfile", "build.docker"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.with(null).load(f));
        assertEquals("cause", e.key());
        assertTrue(e.getMessage().contains("22 cause ids"), e.getMessage());
    }

    @Test
    void a_failure_kind_that_does_not_exist_is_rejected_with_its_key() throws IOException {
        Path f = write("k.yaml", MINIMAL.formatted("k").replace("CONNECTION_REFUSED", "REFUSED"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.with(null).load(f));
        assertEquals("services[0].http.failure", e.key());
    }

    @Test
    void the_id_must_match_the_file_name_and_holdout_must_be_stated() throws IOException {
        ScenarioException id = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.with(null).load(write("x.yaml", MINIMAL.formatted("y"))));
        assertEquals("id", id.key());
        ScenarioException holdout = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.with(null).load(write("h.yaml", MINIMAL.formatted("h").replace("holdout: false\n", ""))));
        assertEquals("holdout", holdout.key());
    }

    @Test
    void a_job_for_a_service_that_does_not_exist_is_rejected() throws IOException {
        Path f = write("j.yaml", MINIMAL.formatted("j") + """
                ci:
                  run: {workflow: deploy, conclusion: failure}
                  jobs: [{name: deploy-web, service: web, conclusion: failure, steps: []}]
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.with(null).load(f));
        assertEquals("ci.jobs[0].service", e.key());
    }

    @Test
    void machines_keep_exit_codes_and_oom_flags_in_order() throws IOException {
        Path f = write("m.yaml", MINIMAL.formatted("m") .replace("http: {failure: CONNECTION_REFUSED, latencyMs: 15}}",
                "http: {failure: CONNECTION_REFUSED}, machines: [{state: stopped, events: "
                        + "[{type: exit, exitCode: 1}, {type: exit, exitCode: 137, oomKilled: true}]}]}"));
        Observation.PlatformMachine m = ScenarioLoader.with(null).load(f).observations(Observation.PlatformMachine.class).get(0);
        assertEquals("stopped", m.state());
        assertEquals(137, m.events().get(1).exitCode());
        assertEquals(true, m.events().get(1).oomKilled());
        assertNull(m.events().get(0).oomKilled());
        assertTrue(m.events().get(0).timestamp().isBefore(m.events().get(1).timestamp()));
    }

    @Test
    void a_holdout_files_set_is_the_number_of_its_prefix_and_a_prefixless_holdout_file_is_the_first() {
        java.util.function.BiFunction<String, Boolean, Scenario> file = (id, holdout) -> new Scenario(id, "t",
                io.sophia.core.CauseId.UNKNOWN, "r", holdout, "", null, java.time.Instant.EPOCH,
                new io.sophia.core.Deployment("d", List.of()), List.of());
        assertEquals(12, file.apply("h12-01-x", true).holdoutSet());
        assertEquals("holdout-12", file.apply("h12-01-x", true).part());
        assertEquals(1, file.apply("41-network-dns-x", true).holdoutSet());
        assertEquals(0, file.apply("h12-01-x", false).holdoutSet());
        assertEquals("tuning", file.apply("p12-01-x", false).part());
        // the third set stays blind; every other one is consumed
        assertTrue(!file.apply("h3-01-x", true).consumed() && file.apply("h4-01-x", true).consumed());
        assertEquals("h13-", Scenario.holdoutPrefix(13));
        assertThrows(IllegalArgumentException.class, () -> Scenario.holdoutPrefix(1));
    }

    @Test
    void the_blind_sets_are_loaded_only_when_asked_for_and_never_reach_the_cross_validation() throws IOException {
        // h4- to h12- were each scored once and are consumed; every prefix still blind gets a file of its own
        List<String> consumed = List.of("h10-01-x", "h11-01-x", "h12-01-x", "h4-01-x", "h5-01-x", "h6-01-x", "h7-01-x", "h8-01-x",
                "h9-01-x");
        List<String> blind = Scenario.BLIND_PREFIXES.stream().map(prefix -> prefix + "01-x").toList();
        List<String> ids = new java.util.ArrayList<>(consumed);
        ids.addAll(blind);
        ids.add("p2-01-x");
        for (String id : ids) {
            write(id + ".yaml", MINIMAL.formatted(id).replace("holdout: false", "holdout: " + id.startsWith("h")));
        }
        ScenarioLoader loader = ScenarioLoader.with(null);
        // what a tuning run and the normal test run load: no blind file, every consumed one
        List<String> tuning = new java.util.ArrayList<>(consumed);
        tuning.add("p2-01-x");
        assertEquals(tuning, loader.loadAll(dir, false).stream().map(Scenario::id).toList());
        if (!Boolean.getBoolean("sophia.scoreBlind")) {
            assertEquals(tuning, loader.loadAll(dir).stream().map(Scenario::id).toList());
        }
        // the consumed sets each report in their own part; h10- sorts first by name, its number must not read as h1-
        List<Scenario> tuned = loader.loadAll(dir, false);
        assertEquals(List.of("holdout-10", "holdout-11", "holdout-12", "holdout-4", "holdout-5", "holdout-6", "holdout-7", "holdout-8",
                "holdout-9", "tuning"), tuned.stream().map(Scenario::part).toList());
        assertEquals(List.of(true, true, true, true, true, true, true, true, true, false),
                tuned.stream().map(Scenario::consumed).toList());
        assertTrue(tuned.stream().noneMatch(Scenario::blind));
        // only the scorer, who asks for them, sees the blind sets' files
        List<Scenario> all = loader.loadAll(dir, true);
        assertEquals(ids.stream().sorted().toList(), all.stream().map(Scenario::id).toList());
        for (Scenario s : all) {
            assertEquals(blind.contains(s.id()), s.blind(), s.id());
            assertEquals(blind.contains(s.id()), "blind".equals(s.part()), s.id() + " " + s.part());
        }
        // and the calibration fit refuses them even when a caller hands them over
        if (!blind.isEmpty()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CrossValidation.run(io.sophia.diagnosis.KnowledgeBase.builtIn(), all));
            // it names the first blind file in the corpus' order (h165- sorts before h166-)
            assertTrue(blind.stream().anyMatch(e.getMessage()::contains), e.getMessage());
        }
    }
}
