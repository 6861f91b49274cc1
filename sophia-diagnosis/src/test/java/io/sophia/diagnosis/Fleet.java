package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Source;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds deployments and observations by hand, the way a host that only uses the diagnosis would. */
final class Fleet {

    static final Instant NOW = Instant.parse("2025-08-23T14:12:55Z");
    static final Instant T0 = Instant.parse("2025-08-23T13:55:16Z");
    static final String SHA = "8f3c2b1a9d0e4f5a6b7c8d9e0f1a2b3c4d5e6f70";
    static final String DEPLOY_STEP = "Deploy service (Dockerfile)";
    // BuildKit's error as flyctl prints it (moby/buildkit client/solve.go "failed to solve", exec.go
    // "process %q did not complete successfully", see ../shared/corpus/deploy-errors/deploy-errors.tsv)
    static final String BUILDKIT_LINE = "ERROR: failed to solve: process \"/bin/sh -c npm ci --omit=dev\" did not complete "
            + "successfully: exit code: 1";

    private Fleet() {
    }

    static Service service(String id, String name, String capability, ServiceKind kind, String... dependsOn) {
        return Service.builder(id, "https://sophiaai-" + id + "-v2.fly.dev/health").name(name).kind(kind)
                .capability(capability).critical().dependsOn(dependsOn).build();
    }

    /** The six services of the reference scenario. */
    static Deployment reference() {
        return new Deployment("sophia-ai", List.of(
                service("dashboard", "Dashboard", "AI Dashboard", ServiceKind.HTTP),
                service("mcp-repo", "MCP Repo", "GitHub Integration", ServiceKind.MCP),
                service("mcp-research", "MCP Research", "Research Capabilities", ServiceKind.MCP),
                service("mcp-context", "MCP Context", "Context Management", ServiceKind.MCP),
                service("mcp-business", "MCP Business", "Business Intelligence", ServiceKind.MCP),
                service("jobs", "Jobs Service", "Background Jobs", ServiceKind.HTTP)));
    }

    static Observation.HttpCheck up(String id) {
        return Observation.HttpCheck.builder(id, Source.HTTP, "https://sophiaai-" + id + "-v2.fly.dev/health", 200)
                .latency(Duration.ofMillis(150)).body("{\"status\":\"ok\"}", "application/json").build();
    }

    static Observation.McpHandshake mcp(String id) {
        return new Observation.McpHandshake(id, Source.MCP, "2025-06-18", "handshake", id, "1.4.2",
                List.of("tools"), 7, Duration.ofMillis(150));
    }

    static Observation.ProbeFailure refused(String id) {
        return new Observation.ProbeFailure(id, Source.HTTP, "https://sophiaai-" + id + "-v2.fly.dev/health",
                FailureKind.CONNECTION_REFUSED, "connection refused", null, Duration.ofMillis(16), 1);
    }

    static Observation.ProbeFailure failure(String id, String source, FailureKind kind, Integer status, String detail) {
        return new Observation.ProbeFailure(id, Source.of(source), source.equals("fly")
                ? "/v1/apps/sophiaai-" + id + "-v2/machines" : "https://sophiaai-" + id + "-v2.fly.dev/health",
                kind, detail, status, Duration.ofMillis(40), 1);
    }

    static Observation.CiRun run(String conclusion) {
        return new Observation.CiRun(null, Source.GITHUB, "sophia/sophia-ai", 17176258341L,
                "Deploy All (Dashboard + MCPs) — Fly (Docker-only, Proof-first)", "main", SHA, "workflow_dispatch",
                "completed", conclusion, 1, T0, T0.plusSeconds(35), "https://github.com/sophia/sophia-ai/actions/runs/17176258341");
    }

    static Observation.CiStep step(int n, String name, String conclusion) {
        return new Observation.CiStep(n, name, "completed", conclusion, T0.plusSeconds(n), T0.plusSeconds(n + 1));
    }

    static Observation.CiJob job(String serviceId, long id, String name, String conclusion, int seconds,
                                 Observation.CiStep... steps) {
        return new Observation.CiJob(serviceId, Source.GITHUB, 17176258341L, id, name, "completed", conclusion, 1, T0,
                T0.plusSeconds(seconds), "GitHub Actions 2", List.of("ubuntu-latest"), List.of(steps),
                "https://github.com/sophia/sophia-ai/actions/runs/17176258341/job/" + id);
    }

    static Observation.CiJob deployJob(String serviceId, long id, String name, String conclusion, int seconds) {
        String last = conclusion.equals("failure") ? "failure" : conclusion;
        return job(serviceId, id, name, conclusion, seconds, step(1, "Set up job", "success"),
                step(2, "Checkout", "success"), step(3, "Set secrets", "success"), step(4, DEPLOY_STEP, last));
    }

    static Observation.LogFinding finding(String serviceId, long jobId, String jobName, String step, String causeId,
                                          String line, long lineNumber) {
        return new Observation.LogFinding(serviceId, Source.GITHUB, jobId, jobName, step, lineNumber,
                // an indication of the cause itself, not a wrapper line that only names the step
                causeId.equals("build.dockerfile") ? "buildkit.process-failed" : causeId + ".line", CauseId.of(causeId), line,
                List.of("#12 ERROR: process did not complete"), 0.9);
    }

    /** The reference scenario's observations. */
    static List<Observation> referenceObservations() {
        List<Observation> o = new ArrayList<>();
        o.add(refused("dashboard"));
        o.add(up("mcp-repo"));
        o.add(mcp("mcp-repo"));
        o.add(refused("mcp-research"));
        o.add(refused("mcp-context"));
        o.add(refused("mcp-business"));
        o.add(refused("jobs"));
        o.add(run("failure"));
        o.add(job(null, 1, "Preflight (repo & secrets)", "success", 3, step(1, "Set up job", "success"),
                step(2, "Check FLY_ORG_KEY secret", "success")));
        o.add(deployJob("dashboard", 2, "Deploy Dashboard", "failure", 14));
        o.add(deployJob("mcp-business", 3, "Deploy MCP Business", "failure", 5));
        o.add(deployJob("mcp-repo", 4, "Deploy MCP Repo", "cancelled", 18));
        o.add(job(null, 5, "Summary", "success", 3, step(1, "Summarise", "success")));
        o.add(finding("dashboard", 2, "Deploy Dashboard", DEPLOY_STEP, "build.dockerfile", BUILDKIT_LINE, 212));
        o.add(finding("mcp-business", 3, "Deploy MCP Business", DEPLOY_STEP, "build.dockerfile", BUILDKIT_LINE, 188));
        return o;
    }

    static List<Observation> allHealthy(Deployment d) {
        List<Observation> o = new ArrayList<>();
        for (Service s : d.services()) {
            o.add(up(s.id()));
        }
        o.add(run("success"));
        return o;
    }

    /**
     * The assessment of the reference fleet when dashboard's deploy job (named {@code jobName}, its second step
     * {@code stepName}) failed with {@code log}, read by the built-in log scanner; the other services are healthy.
     */
    static Assessment deployFailed(String jobName, String stepName, String log) throws IOException {
        List<Observation> o = new ArrayList<>(allHealthy(reference()));
        o.set(0, refused("dashboard"));
        o.set(o.size() - 1, run("failure"));
        o.add(job("dashboard", 2, jobName, "failure", 30, step(1, "Checkout", "success"), step(2, stepName, "failure")));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, jobName,
                List.of()), new StringReader(log)));
        return Diagnosis.ofDefaults().diagnose(reference(), o, NOW);
    }

    /**
     * The assessment of the reference fleet when dashboard answered {@code probe} and its deploy job ("deploy", job 2)
     * ended {@code conclusion} after {@code seconds} with {@code steps} and {@code log} (read by the built-in log
     * scanner, attributed to those steps) and, when not null, a failure {@code annotation}; the other services are
     * healthy.
     */
    static Assessment jobEnded(Observation probe, String conclusion, int seconds, List<Observation.CiStep> steps,
                               String log, String annotation) throws IOException {
        List<Observation> o = new ArrayList<>(allHealthy(reference()));
        o.set(0, probe);
        o.set(o.size() - 1, run(conclusion));
        o.add(job("dashboard", 2, "deploy", conclusion, seconds, steps.toArray(Observation.CiStep[]::new)));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy", steps),
                new StringReader(log)));
        if (annotation != null) {
            o.add(new Observation.CiAnnotation("dashboard", Source.GITHUB, 2, "failure", null, annotation, null, null));
        }
        return Diagnosis.ofDefaults().diagnose(reference(), o, NOW);
    }

    /** {@code cause} leads {@code a}, stated no higher than one source allows (a general line is one source). */
    static void leadsOnOneSource(CauseId cause, Assessment a) {
        io.sophia.core.RankedCause top = a.topCause().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(cause, top.id(), a.causes().toString());
        atMostOneSource(top, a.causes().toString());
    }

    /**
     * Asserts that {@code top} rests on one general line, one source: never above the cap of one source (provenCap when
     * the evidence behind it is proven: it named its cause, and never another, in three families of the corpus), and
     * above the plain one-source cap only as one source.
     */
    static void atMostOneSource(io.sophia.core.RankedCause top, String context) {
        KnowledgeBase.Settings s = KnowledgeBase.builtIn().settings();
        double p = top.probability();
        org.junit.jupiter.api.Assertions.assertTrue(p <= Math.max(s.cap(1), s.provenCap()) + 1e-9, p + ": " + context);
        org.junit.jupiter.api.Assertions.assertTrue(p <= s.cap(1) + 1e-9
                || top.explanation().contains("rests on 1 independent kind of evidence"), p + ": " + context);
    }

    /** The id of an assessment's top cause. */
    static String top(Assessment a) {
        return a.causes().get(0).id().value();
    }

    /** The probability an assessment gives {@code cause}, 0 when it does not rank it. */
    static double probability(Assessment a, String cause) {
        return a.causes().stream().filter(c -> c.id().value().equals(cause))
                .mapToDouble(io.sophia.core.RankedCause::probability).findFirst().orElse(0);
    }

    /** True when a rule of {@code ruleId} weighs, for or against, in any cause of {@code a}. */
    static boolean weighs(io.sophia.core.Assessment a, String ruleId) {
        return a.causes().stream().flatMap(c -> c.evidence().stream()).anyMatch(e -> e.ruleId().equals(ruleId));
    }

    /**
     * True when a DOWN chain weighs for dependency.down, whichever its root: a datastore's (dependency-down) or an
     * application's (dependency-down-application, read weakly since the twenty-second session).
     */
    static boolean weighsChain(io.sophia.core.Assessment a) {
        return weighs(a, "dependency.down/dependency-down") || weighs(a, "dependency.down/dependency-down-application");
    }

    /** {@return the indication ids the built-in scanner finds in one log line of dashboard's deploy job} */
    static List<String> indicationsOf(String line) throws IOException {
        return scanLine(line).stream().map(Observation.LogFinding::indicationId).toList();
    }

    /** {@return the cause ids of what the built-in scanner finds in one log line of dashboard's deploy job} */
    static List<String> causesOf(String line) throws IOException {
        return scanLine(line).stream().map(f -> f.causeId().value()).toList();
    }

    /** The findings of one built-in indication alone on {@code log} (the other indications do not compete). */
    static List<Observation.LogFinding> findingsAlone(String indicationId, String log) throws IOException {
        Indication indication = IndicationSet.builtIn().indications().stream()
                .filter(i -> i.id().equals(indicationId)).findFirst().orElseThrow();
        return LogScanner.of(List.of(indication)).analyze(null, new StringReader(log + "\n"));
    }

    /** The ids of what one built-in indication alone finds on {@code log}: its id once per line it reads. */
    static List<String> readAlone(String indicationId, String log) throws IOException {
        return findingsAlone(indicationId, log).stream().map(Observation.LogFinding::indicationId).toList();
    }

    private static List<Observation.LogFinding> scanLine(String line) throws IOException {
        return LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "deploy",
                List.of()), new StringReader(line + "\n"));
    }

    /**
     * The assessment of a two-service deployment: "api" answered {@code status} with {@code body} and depends on
     * {@code backend} (of {@code kind}), about which {@code more} says the rest (its probes, the run).
     */
    static Assessment apiWithBackend(int status, String body, String backend, ServiceKind kind, Observation... more) {
        Deployment d = new Deployment("shop", List.of(service("api", "API", "Orders API", ServiceKind.HTTP, backend),
                service(backend, backend, "What the API needs", kind)));
        List<Observation> o = new ArrayList<>(List.of(Observation.HttpCheck.builder("api", Source.HTTP,
                "https://sophiaai-api-v2.fly.dev/health", status).latency(Duration.ofMillis(40)).body(body, "text/plain")
                .build()));
        o.addAll(List.of(more));
        return Diagnosis.ofDefaults().diagnose(d, o, NOW);
    }

    /**
     * The reference fleet's dashboard and jobs deploy jobs both failed with {@code log}; every service still answers
     * (nothing deployed).
     */
    static Assessment twoDeploysFailWith(String log) throws IOException {
        List<Observation> o = new ArrayList<>(allHealthy(reference()));
        o.set(o.size() - 1, run("failure"));
        long id = 2;
        for (String service : List.of("dashboard", "jobs")) {
            o.add(job(service, id, "deploy " + service, "failure", 40, step(1, "Checkout", "success"),
                    step(2, "Deploy", "failure")));
            o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, service, id,
                    "deploy " + service, List.of()), new StringReader(log)));
            id++;
        }
        return Diagnosis.ofDefaults().diagnose(reference(), o, NOW);
    }

    /** {@return the assessment of the reference fleet, every service answering, with {@code more} observed besides} */
    static Assessment healthyReferenceWith(Observation... more) {
        List<Observation> o = new ArrayList<>(allHealthy(reference()));
        o.addAll(List.of(more));
        return Diagnosis.ofDefaults().diagnose(reference(), o, NOW);
    }

    /** {@return a completed TLS handshake of {@code service}'s fly.dev host whose certificate ends in {@code days}} */
    static Observation.TlsHandshake tls(String service, long days) {
        return new Observation.TlsHandshake(service, Source.TLS, "sophiaai-" + service + "-v2.fly.dev", 443, "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", "CN=sophiaai-" + service + "-v2.fly.dev", "CN=R11, O=Let's Encrypt",
                NOW.minusSeconds(80L * 86_400), NOW.plusSeconds(days * 86_400), days, true, false, true, 3);
    }

    /** Asserts that the built-in scanner reads {@code line} with {@code indication}, for {@code cause}. */
    static void assertReads(String indication, String cause, String line) throws IOException {
        org.junit.jupiter.api.Assertions.assertTrue(indicationsOf(line).contains(indication), line + " " + indicationsOf(line));
        org.junit.jupiter.api.Assertions.assertTrue(causesOf(line).contains(cause), line + " " + causesOf(line));
    }

    /** Asserts that the built-in scanner does not read {@code line} with {@code indication}. */
    static void assertReadsNot(String indication, String line) throws IOException {
        org.junit.jupiter.api.Assertions.assertFalse(indicationsOf(line).contains(indication), line + " " + indicationsOf(line));
    }

    /**
     * Asserts what a round of new general shapes must hold ({@code causeOf}: each new indication and its cause): no line
     * of the shared corpus is read by them, on the labelled scenarios each reads only lines of its own cause, and each
     * reads some scenario.
     */
    static void assertNewShapesStayInTheirCause(java.util.Map<String, String> causeOf, List<String> consequences)
            throws IOException {
        assertNewShapesStayInTheirCause(causeOf, consequences, List.of());
    }

    /**
     * As above, but the corpus lines read are exactly {@code corpusLines} (each the end of a "file:line id" entry): a
     * corpus log whose failure is that line's (a failed build's own test-coverage verdict), named at the call.
     */
    static void assertNewShapesStayInTheirCause(java.util.Map<String, String> causeOf, List<String> consequences,
                                                List<String> corpusLines) throws IOException {
        List<String> read = corpusLinesReadBy(causeOf.keySet());
        org.junit.jupiter.api.Assertions.assertEquals(corpusLines.size(), read.size(), read.toString());
        for (int i = 0; i < read.size(); i++) {
            org.junit.jupiter.api.Assertions.assertTrue(read.get(i).endsWith(corpusLines.get(i)), read.toString());
        }
        java.util.Set<String> seen = new java.util.TreeSet<>();
        List<String> wrong = new ArrayList<>(findingsOfOtherCauses(causeOf, seen));
        // a consequence named at the call: "<scenario id prefix> <indication id>"
        wrong.removeIf(w -> consequences.stream().anyMatch(c -> w.startsWith(c.substring(0, c.indexOf(' ')))
                && w.contains(" " + c.substring(c.indexOf(' ') + 1) + ": ")));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), wrong);
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(causeOf.keySet()), seen,
                "every new pattern reads some scenario");
    }

    /**
     * Every line of the shared corpus (all files but the Markdown) that the indications {@code ids} read, alone, as
     * "file:line id"; an empty list is what a new general shape must give. Fails when the corpus is not there.
     */
    static List<String> corpusLinesReadBy(java.util.Collection<String> ids) throws IOException {
        LogScanner alone = LogScanner.of(IndicationSet.of(IndicationSet.builtIn().indications().stream()
                .filter(i -> ids.contains(i.id())).toList()));
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(ids), alone.indications().indications()
                .stream().map(Indication::id).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                "every id names a built-in indication");
        SharedCorpus corpus = SharedCorpus.get();
        List<String> read = new ArrayList<>();
        for (int k = 0; k < corpus.files().size(); k++) {
            // a line is tried against an indication's patterns only when it holds one of its literals: a file in none of
            // whose lines a literal of these indications occurs gives none of them a finding, and is not read again
            if (java.util.Collections.disjoint(corpus.literalsIn().get(k), ids)) {
                continue;
            }
            java.nio.file.Path f = corpus.files().get(k);
            alone.analyze(null, new StringReader(SharedCorpus.text(f))).forEach(x -> read.add(f + ":" + x.lineNumber()
                    + " " + x.indicationId()));
        }
        org.junit.jupiter.api.Assertions.assertTrue(corpus.files().size() > 300, "corpus files read: "
                + corpus.files().size());
        return read;
    }

    /**
     * The files of the shared corpus (all but the Markdown, in the walk's order) and, per file, the built-in indications
     * one of whose literals occurs in one of its lines as the scanner reads them: walked and read once per test JVM,
     * where each round's check ({@link #corpusLinesReadBy}) had read and scanned the whole corpus again.
     *
     * @param files      the files
     * @param literalsIn per file, the ids of the built-in indications whose literals occur in it
     */
    record SharedCorpus(List<java.nio.file.Path> files, List<java.util.Set<String>> literalsIn) {

        private static SharedCorpus corpus;

        static synchronized SharedCorpus get() throws IOException {
            if (corpus == null) {
                corpus = read();
            }
            return corpus;
        }

        static String text(java.nio.file.Path f) throws IOException {
            return new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8);
        }

        private static SharedCorpus read() throws IOException {
            List<java.nio.file.Path> files;
            try (var walk = java.nio.file.Files.walk(LogScannerTest.corpus())) {
                files = walk.filter(java.nio.file.Files::isRegularFile)
                        .filter(q -> !q.getFileName().toString().endsWith(".md")).toList();
            }
            List<Indication> all = IndicationSet.builtIn().indications();
            List<String> literals = new ArrayList<>();
            List<Integer> tags = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                for (String literal : all.get(i).literals()) {
                    literals.add(literal);
                    tags.add(i);
                }
            }
            // the scanner's own prefilter: the same automaton over the same literals, on the lines the scanner reads
            var matcher = new io.sophia.diagnosis.internal.logs.LiteralMatcher(literals,
                    tags.stream().mapToInt(Integer::intValue).toArray());
            LogScanner builtIn = LogScanner.builtIn();
            List<java.util.Set<String>> literalsIn = files.parallelStream().map(f -> {
                try {
                    String text = text(f);
                    java.util.Set<String> in = new java.util.HashSet<>();
                    int[] seen = new int[all.size()];
                    int[] found = new int[all.size()];
                    int[] stamp = {0};
                    builtIn.lines(new StringReader(text), line -> {
                        char[] chars = line.toCharArray();
                        int n = matcher.find(chars, 0, chars.length, seen, ++stamp[0], found);
                        for (int x = 0; x < n; x++) {
                            in.add(all.get(found[x]).id());
                        }
                    });
                    // the premise, checked on every file: each finding of the whole built-in set is of an indication
                    // whose literal the file holds
                    for (Observation.LogFinding x : builtIn.analyze(null, new StringReader(text))) {
                        org.junit.jupiter.api.Assertions.assertTrue(in.contains(x.indicationId()), f + ":"
                                + x.lineNumber() + " " + x.indicationId() + " found without its literal");
                    }
                    return java.util.Set.copyOf(in);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            return new SharedCorpus(files, literalsIn);
        }
    }

    /**
     * The labelled scenario {@code id} (its file name without ".yaml") read by the built-in scanner and diagnosed with
     * the defaults at its own time: what the calibration scores for it.
     */
    static Assessment scenario(String id) throws IOException {
        io.sophia.diagnosis.calibration.Scenario s = io.sophia.diagnosis.calibration.ScenarioLoader.with(LogScanner.builtIn())
                .load(io.sophia.diagnosis.calibration.ScenarioLoader.corpusDirectory().resolve(id + ".yaml"));
        return Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
    }

    /**
     * The labelled scenarios (blind sets left out) read by the built-in scanner: the corpus the calibration tests load
     * once per test JVM ({@link io.sophia.diagnosis.calibration.ScenarioLoader#builtInCorpus}).
     */
    static List<io.sophia.diagnosis.calibration.Scenario> labelledScenarios() throws IOException {
        return io.sophia.diagnosis.calibration.ScenarioLoader.builtInCorpus(false);
    }

    /**
     * On the labelled scenarios (blind sets left out), the findings of the indications in {@code causeOf} whose scenario
     * is labelled with another named cause than the one mapped (an empty mapped cause: any label; a scenario labelled
     * unknown: any cause), as "id indication: line";
     * {@code seen} receives every indication that read some scenario.
     */
    static List<String> findingsOfOtherCauses(java.util.Map<String, String> causeOf, java.util.Set<String> seen)
            throws IOException {
        List<String> wrong = new ArrayList<>();
        for (io.sophia.diagnosis.calibration.Scenario s : labelledScenarios()) {
            for (Observation.LogFinding f : s.observations(Observation.LogFinding.class)) {
                String cause = causeOf.get(f.indicationId());
                if (cause == null) {
                    continue;
                }
                seen.add(f.indicationId());
                // a scenario labelled unknown says its evidence is too weak to name a cause, not that the line names
                // another one (p17-31: .NET's unset ConnectionString, intermittent, left unknown by its writer)
                if (!cause.isEmpty() && !cause.equals(s.cause().value()) && !s.cause().value().equals("unknown")) {
                    wrong.add(s.id() + " " + f.indicationId() + ": " + f.line());
                }
            }
        }
        return wrong;
    }
}
