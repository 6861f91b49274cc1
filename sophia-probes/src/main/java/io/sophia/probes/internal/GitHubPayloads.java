package io.sophia.probes.internal;

import io.sophia.core.Source;
import com.fasterxml.jackson.databind.JsonNode;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.CiStep;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads GitHub Actions payloads (workflow run, jobs with steps, check-run annotations) into
 * observations. Shapes follow the REST API version 2022-11-28; a payload without the fields an
 * observation cannot do without throws {@link IllegalArgumentException} naming the field.
 */
public final class GitHubPayloads {

    /** The observations' source. */
    public static final Source SOURCE = Source.GITHUB;

    private GitHubPayloads() {
    }

    /** A workflow run object. */
    public static CiRun run(JsonNode run, String repository) {
        requireObject(run, "workflow run");
        long id = requireLong(run, "id", "workflow run");
        return new CiRun(null, SOURCE, repository, id, text(run, "name"), text(run, "head_branch"),
                text(run, "head_sha"), text(run, "event"), text(run, "status"), text(run, "conclusion"),
                run.path("run_attempt").asInt(1), instant(run, "created_at"), instant(run, "updated_at"),
                text(run, "html_url"));
    }

    /** The {@code jobs} of a page of {@code /actions/runs/{id}/jobs}. */
    public static List<CiJob> jobs(JsonNode page, long runId, int runAttempt, JobMatcher matcher) {
        requireObject(page, "jobs page");
        JsonNode jobs = page.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new IllegalArgumentException("jobs page has no 'jobs' array");
        }
        List<CiJob> out = new ArrayList<>();
        for (JsonNode job : jobs) {
            out.add(job(job, runId, runAttempt, matcher));
        }
        return out;
    }

    /** One job object. */
    public static CiJob job(JsonNode job, long runId, int runAttempt, JobMatcher matcher) {
        requireObject(job, "job");
        long id = requireLong(job, "id", "job");
        String name = text(job, "name");
        List<CiStep> steps = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            steps.add(new CiStep(step.path("number").asInt(steps.size() + 1), text(step, "name"), text(step, "status"),
                    text(step, "conclusion"), instant(step, "started_at"), instant(step, "completed_at")));
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : job.path("labels")) {
            if (label.isTextual()) {
                labels.add(label.asText());
            }
        }
        return new CiJob(matcher.serviceOf(name), SOURCE, job.path("run_id").asLong(runId), id, name,
                text(job, "status"), text(job, "conclusion"), job.path("run_attempt").asInt(runAttempt),
                instant(job, "started_at"), instant(job, "completed_at"), text(job, "runner_name"), labels, steps,
                text(job, "html_url"));
    }

    /** The annotations array of {@code /check-runs/{id}/annotations}. */
    public static List<CiAnnotation> annotations(JsonNode array, String serviceId, long jobId) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("annotations answer is not an array");
        }
        List<CiAnnotation> out = new ArrayList<>();
        for (JsonNode a : array) {
            JsonNode line = a.get("start_line");
            out.add(new CiAnnotation(serviceId, SOURCE, jobId, text(a, "annotation_level"), text(a, "title"),
                    text(a, "message"), text(a, "path"), line != null && line.canConvertToInt() ? line.asInt() : null));
        }
        return out;
    }

    /** Lines of a check run's output turned into observations at most (title, then summary, then text). */
    public static final int MAX_OUTPUT_LINES = 20;
    /** Characters kept of one line of a check run's output. */
    public static final int MAX_OUTPUT_LINE = 1000;

    /**
     * The {@code output} of a check run ({@code GET /check-runs/{id}}: {@code title}, {@code summary}, {@code text})
     * as annotations of job {@code jobId}, so that the knowledge base reads what the check run says the way it reads
     * an annotation: one per distinct non-blank line, the output's title as each one's title, at most
     * {@value #MAX_OUTPUT_LINES} lines of at most {@value #MAX_OUTPUT_LINE} characters, stripped of terminal escape
     * sequences and control characters ({@link io.sophia.core.RemoteText#forTerminal}). Lines already in
     * {@code known} (the messages of the job's annotations) are left out: the same sentence is one piece of evidence.
     * The level is null: the output carries none, and an annotation's level ({@code failure}) is not claimed for it.
     *
     * @param checkRun the check-run object
     * @param serviceId the service the job deploys, or null
     * @param jobId the job (its check run has the same id)
     * @param known messages already observed for this job
     * @return the lines, possibly none (no output, or an output without text)
     * @throws IllegalArgumentException when {@code checkRun} is not an object or its output not an object
     */
    public static List<CiAnnotation> checkRunOutput(JsonNode checkRun, String serviceId, long jobId,
                                                    java.util.Collection<String> known) {
        requireObject(checkRun, "check run");
        JsonNode output = checkRun.get("output");
        if (output == null || output.isNull()) {
            return List.of();
        }
        requireObject(output, "check run output");
        String title = text(output, "title");
        title = title == null ? null : cut(io.sophia.core.RemoteText.forTerminal(title).replace('\n', ' ').strip());
        title = title == null || title.isEmpty() ? null : title;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String k : known) {
            if (k != null) {
                seen.add(k.strip());
            }
        }
        List<CiAnnotation> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (title != null) {
            fields.add(title);
        }
        fields.add(text(output, "summary"));
        fields.add(text(output, "text"));
        for (String raw : fields) {
            if (raw == null) {
                continue;
            }
            // masked before it is split: a private key block spans lines, none of which looks like a key alone, and
            // a token wrapped onto the next line is two words neither of which has the token's shape
            String field = io.sophia.core.Secrets.patterns().redact(raw);
            // a field may be 64 KiB of Markdown: only the lines up to the cap are split off, never the whole body
            int from = 0;
            while (from < field.length() && out.size() < MAX_OUTPUT_LINES) {
                int end = field.indexOf('\n', from);
                if (end < 0) {
                    end = field.length();
                }
                // escape sequences go: the knowledge base and the report read the words, not a terminal's commands
                String line = cut(io.sophia.core.RemoteText.forTerminal(
                        field.substring(from, io.sophia.core.Secrets.wordEnd(field, from, end, 4 * MAX_OUTPUT_LINE))).strip());
                from = end + 1;
                if (!line.isEmpty() && seen.add(line)) {
                    out.add(new CiAnnotation(serviceId, SOURCE, jobId, null, title, line, null, null));
                }
            }
        }
        return out;
    }

    private static String cut(String line) {
        // redacted before it is cut, so no cut leaves the head of a secret behind
        return line.length() <= MAX_OUTPUT_LINE ? line : io.sophia.core.Secrets.patterns().cut(line, MAX_OUTPUT_LINE);
    }

    /** True for job conclusions whose log explains a failure: {@code failure}, {@code timed_out}, {@code startup_failure}. */
    public static boolean failed(CiJob job) {
        String c = job.conclusion();
        return "failure".equals(c) || "timed_out".equals(c) || "startup_failure".equals(c);
    }

    /**
     * True for a job GitHub shows as {@code cancelled}. That word covers four different stops, which only the job's
     * annotations and its check run's output tell apart: its time limit ("The job running on runner ... has exceeded the maximum execution time
     * of 360 minutes."), a newer run in its concurrency group ("Canceling since a higher priority waiting request for
     * '...' exists"), a lost runner ("The self-hosted runner: ... lost communication with the server.", "The runner
     * has received a shutdown signal.") and a person ("The run was canceled by @user.").
     */
    public static boolean stopped(CiJob job) {
        return "cancelled".equals(job.conclusion());
    }

    /**
     * A job whose annotations the probe reads, and whether its log too.
     *
     * @param job the job
     * @param log true when its log is read as well
     */
    public record JobToRead(CiJob job, boolean log) {
    }

    /**
     * The jobs to read beyond the jobs list, in their order: every {@link #failed} job with its log; the first
     * {@code maxStopped} {@link #stopped cancelled} ones for their annotations (who or what stopped them), and, when
     * no job failed, the logs of the first {@code maxStoppedLogs} of those, since the stop is then the whole story.
     */
    public static List<JobToRead> toRead(List<CiJob> jobs, int maxStopped, int maxStoppedLogs) {
        boolean anyFailed = jobs.stream().anyMatch(GitHubPayloads::failed);
        List<JobToRead> out = new ArrayList<>();
        int stopped = 0;
        for (CiJob job : jobs) {
            if (failed(job)) {
                out.add(new JobToRead(job, true));
            } else if (stopped(job) && stopped < maxStopped) {
                out.add(new JobToRead(job, !anyFailed && stopped < maxStoppedLogs));
                stopped++;
            }
        }
        return out;
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
    }

    private static long requireLong(JsonNode node, String field, String what) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new IllegalArgumentException(what + " has no numeric '" + field + "'");
        }
        return v.asLong();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
