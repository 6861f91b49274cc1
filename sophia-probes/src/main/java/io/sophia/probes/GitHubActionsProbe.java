package io.sophia.probes;

import io.sophia.core.Source;
import com.fasterxml.jackson.databind.JsonNode;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiLogRead;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.ConditionCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.probes.internal.ApiException;
import io.sophia.probes.internal.ChangeReader;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.GitHubClient;
import io.sophia.probes.internal.GitHubPayloads;
import io.sophia.probes.internal.JobMatcher;
import io.sophia.probes.internal.LogStream;
import io.sophia.probes.internal.LogTail;
import io.sophia.probes.internal.SafeText;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import okhttp3.OkHttpClient;

/**
 * Reads what a GitHub Actions workflow run says about a deployment: the run, all its jobs with
 * their steps, and for each failed or cancelled job its check-run annotations and its log, streamed
 * through a {@link LogAnalyzer}.
 *
 * <p>Requests ({@link GitHubActionsConfig#apiUrl()} as root, headers {@code Accept:
 * application/vnd.github+json}, {@code X-GitHub-Api-Version: 2022-11-28}):
 * <ol>
 *   <li>{@code GET /repos/{repo}/actions/runs/{runId}}, or for the latest run of a workflow
 *       {@code GET /repos/{repo}/actions/workflows/{workflow}/runs?per_page=1[&branch=...]};</li>
 *   <li>{@code GET /repos/{repo}/actions/runs/{id}/jobs?per_page=100&filter=latest} ({@code filter=all}
 *       with {@link GitHubActionsConfig#allAttempts()}), following {@code Link: rel="next"};</li>
 *   <li>when the run did not succeed (and {@link GitHubActionsConfig#readChanges()}): the last good
 *       deploy, {@code GET /repos/{repo}/actions/workflows/{workflow_id}/runs?status=success&branch=...},
 *       the newest successful run created before this one, then
 *       {@code GET /repos/{repo}/compare/{itsSha}...{headSha}?per_page=100}, following
 *       {@code Link: rel="next"} on the API's origin for up to 3 pages; these requests get a third of
 *       the time left, so the logs keep the rest;</li>
 *   <li>per failed job ({@code failure}, {@code timed_out}, {@code startup_failure}):
 *       {@code GET /repos/{repo}/check-runs/{jobId}/annotations} and
 *       {@code GET /repos/{repo}/actions/jobs/{jobId}/logs}, whose redirect is followed to the
 *       short-lived log url; the token is not sent to a host other than the API's;</li>
 *   <li>per cancelled job (the first {@value #MAX_STOPPED_JOBS_READ}): its annotations, which say what
 *       stopped it (its time limit, a newer run of its concurrency group, a lost runner, a person), and,
 *       when no job of the run failed, the logs of the first {@value #MAX_STOPPED_LOGS_READ};</li>
 *   <li>with the annotations, for the first {@value #MAX_OUTPUTS_READ} cancelled or timed-out jobs, and failed
 *       jobs whose log could not be read: {@code GET /repos/{repo}/check-runs/{jobId}} (at most
 *       {@value #MAX_CHECK_RUN_BYTES} bytes), whose {@code output} (title, summary, text) says in GitHub's words
 *       what stopped the job; its lines become {@link Observation.CiAnnotation}s without a level, those already
 *       among the job's annotations left out.</li>
 * </ol>
 *
 * <p>Observations, in order: a {@code MISCONFIGURED} {@link ProbeFailure} when the token variable
 * is named but not set (the probe then reads unauthenticated); the {@link CiRun}; one {@link CiJob}
 * per job; an {@link Observation.ChangeSet} (commits and classed files since the last good run) or,
 * when that cannot be read (no earlier successful run, 403, 404, rate limit, deadline), an
 * {@link Observation.ChangeSetUnavailable} that does not count as an unreadable source; per failed (or read cancelled) job its {@link Observation.CiAnnotation}s, a {@link CiLogRead} and the
 * analyzer's {@link Observation.LogFinding}s. A request that fails becomes a {@link ProbeFailure}
 * of kind {@code UNAUTHORIZED}, {@code FORBIDDEN}, {@code NOT_FOUND}, {@code GONE} (a log that
 * expired or was deleted), {@code UNPROCESSABLE}, {@code SERVER_ERROR}, {@code RATE_LIMITED},
 * {@code BAD_PAYLOAD} (garbage JSON) or a connection kind; a failed run request ends the probe, a
 * failed log or annotation request only skips that item. A rate limit whose {@code Retry-After}
 * (or reset) is within {@link GitHubActionsConfig#maxRetryAfter()} and the time left is waited out.
 *
 * <p>Jobs are matched to services by name (see {@code JobMatcher}): a job's name matches a service
 * when the service's id or name appears in it as whole words, ignoring case and punctuation
 * ("Deploy MCP Repo" deploys the service named "MCP Repo", id {@code mcp-repo}); the longest match
 * wins. The {@link CiJob}, its annotations, log read and findings carry that service id.
 *
 * <p>Logs are never held in memory: the body streams through the analyzer. A log whose
 * {@code Content-Length} exceeds {@link GitHubActionsConfig#maxLogBytes()} is read from its
 * <em>tail</em>, where a job's failure almost always is: the probe asks the (redirected) log url
 * again with {@code Range: bytes=FROM-} for the last {@code maxLogBytes} bytes (blob storage answers
 * 206), starts on the first whole line of that window and reports the {@link CiLogRead} as
 * {@code truncated}, its bytes and lines counting the tail only. A server that ignores
 * {@code Range} (200 with the whole body) has the head read and dropped through one small buffer
 * until the tail is reached; when the time runs out first, a {@code DEADLINE_EXCEEDED}
 * {@link ProbeFailure} says so and nothing of the log is analysed. A log without a
 * {@code Content-Length} (chunked) cannot be tailed: it is read from its head and cut at the cap.
 *
 * <p>In a tail the analyzer's line numbers ({@link Observation.LogFinding#lineNumber()}) count from
 * the first whole line of the tail, not from the start of the log (whose line count is not known
 * without reading it); a truncated {@link CiLogRead} of the same job tells the two apart. The
 * analyzer still gets all the job's steps, but a tail usually begins inside a step whose
 * {@code ##[group]} header was cut off, so attribution of its first lines to a step is weaker
 * (unknown or by order) than in a whole log.
 *
 * <p>The probe keeps to the earlier of {@link GitHubActionsConfig#timeout()} and the runner's
 * deadline, stopping a log early rather than losing what it read. The token never appears in an
 * observation.
 *
 * <p>Stable API. Thread-safe.
 */
public final class GitHubActionsProbe implements Probe {

    /** The observations' source. */
    public static final Source SOURCE = GitHubPayloads.SOURCE;
    /**
     * Cancelled jobs whose annotations are read at most: a fail-fast matrix cancels dozens of jobs with the same
     * sentence, and each is one request.
     */
    static final int MAX_STOPPED_JOBS_READ = 10;
    /** Cancelled jobs whose logs are read at most, and only when no job of the run failed. */
    static final int MAX_STOPPED_LOGS_READ = 3;
    /**
     * Check runs whose output is read at most: of cancelled and timed-out jobs, and of failed jobs whose log could
     * not be read. One request each.
     */
    static final int MAX_OUTPUTS_READ = 5;
    /** Largest check-run answer read: its output's text is at most 64 KiB, the rest of the object a few KiB. */
    static final int MAX_CHECK_RUN_BYTES = 512 << 10;
    /** Findings kept per log at most. */
    static final int MAX_FINDINGS_PER_LOG = 100;
    private static final java.util.regex.Pattern CONTENT_RANGE = java.util.regex.Pattern.compile("bytes\\s+(\\d{1,18})-\\d+/.*");

    private final GitHubActionsConfig config;
    private final JobMatcher matcher;
    private final LogAnalyzer analyzer;
    private final OkHttpClient http;

    private GitHubActionsProbe(GitHubActionsConfig config, Deployment deployment, LogAnalyzer analyzer) {
        this.config = config;
        this.matcher = new JobMatcher(deployment);
        this.analyzer = analyzer;
        this.http = GitHubClient.newHttpClient();
    }

    /**
     * A probe of the run {@code config} names, matching jobs to the services of {@code deployment}
     * and handing failed jobs' logs to {@code analyzer}.
     *
     *
     * @param deployment may be null (no job is matched to a service)
     * @param analyzer   may be null (logs are read and counted, nothing is found)
     * @param config the repository, run and limits
     * @return the probe
     */
    public static GitHubActionsProbe of(GitHubActionsConfig config, Deployment deployment, LogAnalyzer analyzer) {
        Objects.requireNonNull(config, "config");
        return new GitHubActionsProbe(config, deployment, analyzer == null ? (origin, log) -> drain(log) : analyzer);
    }

    @Override
    public Source source() {
        return SOURCE;
    }

    @Override
    public String serviceId() {
        return null;
    }

    @Override
    public String target() {
        return SafeText.url(runUri());
    }

    /** {@return the configuration} */
    public GitHubActionsConfig config() {
        return config;
    }

    @Override
    public List<Observation> run(ProbeContext context) throws InterruptedException {
        long start = System.nanoTime();
        Deadline deadline = Deadline.of(context, config.timeout());
        List<Observation> out = new ArrayList<>();
        String token = null;
        if (config.tokenEnv() != null) {
            String value;
            try {
                value = config.env().apply(config.tokenEnv());
            } catch (RuntimeException e) {
                value = null;
            }
            if (value == null || value.isBlank()) {
                out.add(failure(target(), FailureKind.MISCONFIGURED, "environment variable " + config.tokenEnv()
                        + " is not set; reading the GitHub API without a token", null, start));
            } else if (value.strip().indexOf('\n') >= 0 || value.strip().indexOf('\r') >= 0) {
                // a token is one line: a pasted value with a line break would split the Authorization header
                out.add(failure(target(), FailureKind.MISCONFIGURED, "environment variable " + config.tokenEnv()
                        + " holds more than one line; a token is a single line (no request was sent)", null, start));
                return out;
            } else {
                token = value.strip();
            }
        }
        GitHubClient api = new GitHubClient(http, config.apiUrl(), token, config.maxRetryAfter(), deadline,
                () -> context.clock().instant());
        try {
            JsonNode runJson = readRunJson(api);
            CiRun run = toRun(api, runJson);
            out.add(run);
            List<Observation> notes = new ArrayList<>();
            List<CiJob> jobs = readJobs(api, run, notes);
            out.addAll(jobs);
            out.addAll(notes);
            if (config.readChanges() && !"success".equals(run.conclusion())) {
                // a third of the time left at most, so the failed jobs' logs keep the larger share
                Deadline changes = deadline.sooner(deadline.remaining().dividedBy(3));
                GitHubClient compareApi = new GitHubClient(http, config.apiUrl(), token, config.maxRetryAfter(), changes,
                        Instant::now);
                out.add(new ChangeReader(compareApi, config.repository(), ChangeReader.DEFAULT_PER_PAGE,
                        ChangeReader.DEFAULT_MAX_COMPARE_PAGES, ChangeReader.DEFAULT_MAX_COMMITS, token)
                        .read(run, runJson, config.workflow()));
            }
            readJobDetails(api, jobs, out, deadline, start, token);
        } catch (ApiException e) {
            out.add(failure(e.target(), e.kind(), SafeText.without(e.getMessage(), token), e.httpStatus(), start));
        } catch (RuntimeException e) {
            out.add(failure(target(), FailureKind.OTHER, SafeText.without(SafeText.describe(e), token), null, start));
        }
        return out;
    }

    /** For the jobs worth reading: their annotations, the check-run output of stopped or unread ones, the log. */
    private void readJobDetails(GitHubClient api, List<CiJob> jobs, List<Observation> out, Deadline deadline,
                                long start, String token) throws InterruptedException {
        int outputs = 0;
        for (GitHubPayloads.JobToRead reading : GitHubPayloads.toRead(jobs, MAX_STOPPED_JOBS_READ,
                MAX_STOPPED_LOGS_READ)) {
            CiJob job = reading.job();
            if (config.readAnnotations()) {
                readAnnotations(api, job, out, start, token);
            }
            // a stopped job's check run says why it stopped; read it before the log, which may take the time left
            boolean stopped = GitHubPayloads.stopped(job) || "timed_out".equals(job.conclusion());
            if (config.readAnnotations() && stopped && outputs < MAX_OUTPUTS_READ) {
                readCheckRunOutput(api, job, out, start, token);
                outputs++;
            }
            boolean logRead = config.readLogs() && reading.log() && readLog(api, job, out, deadline, start, token);
            // a log that could not be read (expired, refused) leaves the check run's words; one cut by the
            // deadline leaves no time for them
            if (config.readAnnotations() && !stopped && !logRead && GitHubPayloads.failed(job)
                    && outputs < MAX_OUTPUTS_READ && !deadline.expired()) {
                readCheckRunOutput(api, job, out, start, token);
                outputs++;
            }
        }
    }

    private JsonNode readRunJson(GitHubClient api) throws ApiException, InterruptedException {
        URI uri = runUri();
        GitHubClient.Page page = api.getJson(uri);
        JsonNode run = page.body();
        if (config.runId() == 0) {
            JsonNode runs = run.path("workflow_runs");
            if (!runs.isArray()) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, api.target(uri), "workflow runs answer has no 'workflow_runs' array", 200);
            }
            if (runs.isEmpty()) {
                throw new ApiException(FailureKind.NOT_FOUND, api.target(uri), "workflow " + config.workflow() + " has no run"
                        + (config.branch() == null ? "" : " on branch " + config.branch()), 200);
            }
            run = runs.get(0);
        }
        return run;
    }

    private CiRun toRun(GitHubClient api, JsonNode run) throws ApiException {
        URI uri = runUri();
        try {
            return GitHubPayloads.run(run, config.repository());
        } catch (IllegalArgumentException e) {
            throw new ApiException(FailureKind.BAD_PAYLOAD, api.target(uri), e.getMessage(), 200);
        }
    }

    /**
     * The jobs of {@code run}, page by page. The walk cannot loop: a {@code next} link seen before
     * ends it, {@code total_count} bounds what is read, and a job seen before is not added again.
     * When the walk stops early (the page cap, a loop) with jobs unread, a failed
     * {@link ConditionCheck} says how many were read of how many ({@code read 2,000 of 10,000 jobs}).
     */
    private List<CiJob> readJobs(GitHubClient api, CiRun run, List<Observation> out)
            throws ApiException, InterruptedException {
        URI uri = api.api(repoPath() + "/actions/runs/" + run.runId() + "/jobs?per_page=100&filter="
                + (config.allAttempts() ? "all" : "latest"));
        Map<Long, CiJob> jobs = new LinkedHashMap<>();
        Set<URI> visited = new HashSet<>();
        long total = -1;
        String stopped = null;
        for (int page = 0; uri != null; page++) {
            if (!visited.add(uri.normalize())) {
                stopped = "the API's next link pointed back to a page already read";
                break;
            }
            if (page >= config.maxJobPages()) {
                stopped = "stopped at the cap of " + config.maxJobPages() + " pages";
                break;
            }
            GitHubClient.Page answer = api.getJson(uri);
            JsonNode count = answer.body().path("total_count");
            if (count.canConvertToLong() && count.asLong() >= 0) {
                total = total < 0 ? count.asLong() : Math.min(total, count.asLong());
            }
            try {
                for (CiJob job : GitHubPayloads.jobs(answer.body(), run.runId(), run.runAttempt(), matcher)) {
                    if (total >= 0 && jobs.size() >= total) {
                        break;
                    }
                    jobs.putIfAbsent(job.jobId(), job);
                }
            } catch (IllegalArgumentException e) {
                throw new ApiException(FailureKind.BAD_PAYLOAD, api.target(uri), e.getMessage(), 200);
            }
            if (total >= 0 && jobs.size() >= total) {
                break;
            }
            uri = answer.next();
        }
        if (stopped != null && (total < 0 || jobs.size() < total)) {
            String of = total < 0 ? String.format(Locale.ROOT, "read %,d jobs, more remain", jobs.size())
                    : String.format(Locale.ROOT, "read %,d of %,d jobs", jobs.size(), total);
            out.add(new ConditionCheck(null, SOURCE, "all jobs of run " + run.runId() + " read", false,
                    of + "; " + stopped));
        }
        return new ArrayList<>(jobs.values());
    }

    private void readAnnotations(GitHubClient api, CiJob job, List<Observation> out, long start, String token)
            throws InterruptedException {
        URI uri = api.api(repoPath() + "/check-runs/" + job.jobId() + "/annotations?per_page=100");
        try {
            out.addAll(GitHubPayloads.annotations(api.getJson(uri).body(), job.serviceId(), job.jobId()));
        } catch (ApiException e) {
            out.add(failure(e.target(), e.kind(), "annotations of job '" + job.name() + "': "
                    + SafeText.without(e.getMessage(), token), e.httpStatus(), start));
        } catch (IllegalArgumentException e) {
            out.add(failure(api.target(uri), FailureKind.BAD_PAYLOAD, "annotations of job '" + job.name() + "': "
                    + e.getMessage(), 200, start));
        }
    }

    /**
     * The output of the job's check run ({@code GET /check-runs/{jobId}}; an Actions job's check run has its id, as
     * its {@code check_run_url} shows) as annotations, read with a cap of {@value #MAX_CHECK_RUN_BYTES} bytes.
     */
    private void readCheckRunOutput(GitHubClient api, CiJob job, List<Observation> out, long start, String token)
            throws InterruptedException {
        URI uri = api.api(repoPath() + "/check-runs/" + job.jobId());
        List<String> known = out.stream().filter(o -> o instanceof Observation.CiAnnotation a && a.jobId() == job.jobId())
                .map(o -> ((Observation.CiAnnotation) o).message()).toList();
        try {
            out.addAll(GitHubPayloads.checkRunOutput(api.getJson(uri, MAX_CHECK_RUN_BYTES).body(), job.serviceId(),
                    job.jobId(), known));
        } catch (ApiException e) {
            out.add(failure(e.target(), e.kind(), "check-run output of job '" + job.name() + "': "
                    + SafeText.without(e.getMessage(), token), e.httpStatus(), start));
        } catch (IllegalArgumentException e) {
            out.add(failure(api.target(uri), FailureKind.BAD_PAYLOAD, "check-run output of job '" + job.name() + "': "
                    + e.getMessage(), 200, start));
        }
    }

    /** A job's log as fetched: all of it, or from {@code skip} on when it is longer than the cap ({@code tail}). */
    private record Opened(GitHubClient.Download response, long length, boolean tail, long skip) {
    }

    /** Fetches a job's log, only its tail when it is longer than the cap; null when it cannot be (said in out). */
    private Opened open(GitHubClient api, CiJob job, URI uri, List<Observation> out, long start, String token)
            throws InterruptedException {
        GitHubClient.Download response;
        try {
            response = api.download(uri);
        } catch (ApiException e) {
            String what = e.kind() == FailureKind.GONE
                    ? "log of job '" + job.name() + "' expired or was deleted: "
                    : "log of job '" + job.name() + "': ";
            out.add(failure(e.target(), e.kind(), what + SafeText.without(e.getMessage(), token), e.httpStatus(), start));
            return null;
        }
        long length = response.contentLength();
        boolean tail = length > config.maxLogBytes();
        long skip = 0;
        if (tail) {
            // one byte before the window: LogTail then drops through the first newline and starts on a whole line
            long from = length - config.maxLogBytes() - 1;
            URI answered = response.uri();
            response.close();
            try {
                response = api.download(answered, from);
            } catch (ApiException e) {
                out.add(failure(e.target(), e.kind(), "tail of the log of job '" + job.name() + "': "
                        + SafeText.without(e.getMessage(), token), e.httpStatus(), start));
                return null;
            }
            // 200: the server ignored Range and sends the whole log, whose head is read and dropped;
            // 206 from an earlier byte than asked (Content-Range) likewise has the difference dropped
            skip = response.status() == 206 ? Math.max(0, from - rangeStart(response, from)) : from;
        }
        return new Opened(response, length, tail, skip);
    }

    /** Reads and analyses the job's log; {@return true when the log was read without a failure} */
    private boolean readLog(GitHubClient api, CiJob job, List<Observation> out, Deadline deadline, long start,
                         String token) throws InterruptedException {
        URI uri = api.api(repoPath() + "/actions/jobs/" + job.jobId() + "/logs");
        Opened log = open(api, job, uri, out, start, token);
        if (log == null) {
            return false;
        }
        GitHubClient.Download response = log.response();
        long length = log.length();
        boolean tail = log.tail();
        long skip = log.skip();
        LogAnalyzer.LogOrigin origin = new LogAnalyzer.LogOrigin(SOURCE, job.serviceId(), job.jobId(), job.name(),
                job.steps());
        LogTail tailStream = tail ? new LogTail(response.body(), skip, deadline) : null;
        LogStream counted = new LogStream(tail ? tailStream : response.body(), config.maxLogBytes(), deadline);
        List<Observation.LogFinding> findings = List.of();
        String problem = null;
        FailureKind problemKind = FailureKind.OTHER;
        try (Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
            List<Observation.LogFinding> found = analyzer.analyze(origin, reader);
            findings = found == null ? List.of() : found;
        } catch (IOException e) {
            boolean stalled = deadline.expired();
            problemKind = stalled ? FailureKind.DEADLINE_EXCEEDED : Failures.kindOf(e);
            problem = stalled
                    ? "log of job '" + job.name() + "' stalled; reading stopped at the probe's deadline after "
                      + counted.bytes() + " bytes"
                    : "log of job '" + job.name() + "' broke off after " + counted.bytes() + " bytes: "
                      + SafeText.without(SafeText.describe(e), token);
        } catch (RuntimeException e) {
            problem = "log analyzer failed on job '" + job.name() + "': " + SafeText.without(SafeText.describe(e), token);
        }
        out.add(new CiLogRead(job.serviceId(), SOURCE, job.jobId(), counted.bytes(), counted.lines(),
                tail || counted.truncated()));
        if (tailStream != null && tailStream.skipping() && (problem == null || deadline.expired())) {
            problemKind = FailureKind.DEADLINE_EXCEEDED;
            problem = "log of job '" + job.name() + "' is " + length + " bytes and its server ignored Range; the probe's time ran out after "
                    + "discarding " + tailStream.discarded() + " bytes of its head, before the last " + config.maxLogBytes()
                    + " bytes were reached";
        }
        if (problem != null) {
            out.add(failure(api.target(uri), problemKind, problem, null, start));
        }
        findings.stream().filter(Objects::nonNull).limit(MAX_FINDINGS_PER_LOG).forEach(out::add);
        return problem == null;
    }

    private URI runUri() {
        if (config.runId() > 0) {
            return URI.create(config.apiUrl() + repoPath() + "/actions/runs/" + config.runId());
        }
        String query = "?per_page=1" + (config.branch() == null ? ""
                : "&branch=" + URLEncoder.encode(config.branch(), StandardCharsets.UTF_8));
        return URI.create(config.apiUrl() + repoPath() + "/actions/workflows/"
                + URLEncoder.encode(config.workflow(), StandardCharsets.UTF_8).replace("+", "%20") + "/runs" + query);
    }

    private String repoPath() {
        return "/repos/" + config.repository();
    }

    private ProbeFailure failure(String target, FailureKind kind, String detail, Integer status, long start) {
        return new ProbeFailure(null, SOURCE, target, kind, SafeText.text(detail), status,
                Duration.ofNanos(System.nanoTime() - start), 1);
    }

    /** First byte of a 206 answer per {@code Content-Range: bytes FIRST-LAST/SIZE}, else {@code asked}. */
    private static long rangeStart(GitHubClient.Download response, long asked) {
        String range = String.valueOf(response.header("Content-Range")).strip();
        java.util.regex.Matcher m = CONTENT_RANGE.matcher(range);
        return m.matches() ? Long.parseLong(m.group(1)) : asked;
    }

    private static List<Observation.LogFinding> drain(Reader log) throws IOException {
        char[] buf = new char[8192];
        while (log.read(buf) >= 0) {
            // counting happens in the stream below
        }
        return List.of();
    }

    @Override
    public String toString() {
        return "GitHubActionsProbe[" + target() + "]";
    }
}
