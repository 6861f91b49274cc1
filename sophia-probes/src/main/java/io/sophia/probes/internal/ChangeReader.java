package io.sophia.probes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sophia.core.ChangeClass;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ChangeSet;
import io.sophia.core.Observation.ChangeSetUnavailable;
import io.sophia.core.Observation.ChangedCommit;
import io.sophia.core.Observation.ChangedFile;
import io.sophia.core.Observation.CiRun;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads what changed since the last good deploy of a workflow run: the newest successful run of
 * the same workflow and branch created before it ({@code GET /repos/{repo}/actions/workflows/{id}/runs
 * ?branch=..&status=success}), then the commits and files between the two head commits
 * ({@code GET /repos/{repo}/compare/{base}...{head}}, paginated through {@code Link: rel="next"}).
 *
 * <p>Bounded: at most {@code maxRunPages} pages of runs and {@code maxComparePages} pages of
 * commits, {@code maxCommits} commits kept; a next page on another origin than the API is not
 * followed (the listing is then marked truncated). GitHub lists the changed files (at most 300)
 * on the first page of a comparison only, so files come from the first page. Every failure is
 * returned as a {@link ChangeSetUnavailable}, never thrown.
 */
public final class ChangeReader {

    /** Commits per compare page asked for. */
    public static final int DEFAULT_PER_PAGE = 100;
    /** Pages of a comparison followed at most. */
    public static final int DEFAULT_MAX_COMPARE_PAGES = 3;
    /** Commits kept at most in a {@link ChangeSet}. */
    public static final int DEFAULT_MAX_COMMITS = 250;
    /** GitHub's own cap on the files of a comparison. */
    static final int GITHUB_MAX_FILES = 300;
    private static final int RUNS_PER_PAGE = 20;
    private static final int MAX_RUN_PAGES = 3;

    private final GitHubClient api;
    private final String repository;
    private final int perPage;
    private final int maxComparePages;
    private final int maxCommits;
    private final String token;

    /**
     * @param token only to mask it out of messages (never sent by this class; the client does that)
     */
    public ChangeReader(GitHubClient api, String repository, int perPage, int maxComparePages, int maxCommits,
                        String token) {
        this.api = Objects.requireNonNull(api, "api");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.perPage = Math.max(1, perPage);
        this.maxComparePages = Math.max(1, maxComparePages);
        this.maxCommits = Math.max(1, maxCommits);
        this.token = token;
    }

    /**
     * The changes between the last successful run before {@code run} and {@code run}.
     *
     * @param runJson  the run object as GitHub sent it (for {@code workflow_id} and {@code run_number})
     * @param workflow the workflow named in the config, used when the run has no {@code workflow_id}
     */
    public Observation read(CiRun run, JsonNode runJson, String workflow) throws InterruptedException {
        String workflowId = runJson != null && runJson.path("workflow_id").canConvertToLong()
                ? String.valueOf(runJson.get("workflow_id").asLong()) : workflow;
        if (workflowId == null || workflowId.isBlank()) {
            return unavailable(run, null, FailureKind.BAD_PAYLOAD, null,
                    "run " + run.runId() + " names no workflow, so its last good run cannot be looked up");
        }
        if (run.headSha() == null || run.headSha().isBlank()) {
            return unavailable(run, null, FailureKind.BAD_PAYLOAD, null, "run " + run.runId() + " has no head commit");
        }
        long runNumber = runJson == null ? 0 : runJson.path("run_number").asLong(0);
        JsonNode good;
        URI runsUri = api.api("/repos/" + repository + "/actions/workflows/" + encode(workflowId) + "/runs?status=success"
                + (run.headBranch() == null ? "" : "&branch=" + encode(run.headBranch())) + "&per_page=" + RUNS_PER_PAGE);
        try {
            good = lastGoodRun(run, runNumber, workflowId, runsUri);
        } catch (ApiException e) {
            return unavailable(run, e.target(), e.kind(), e.httpStatus(), "the last successful run could not be listed: "
                    + SafeText.without(e.getMessage(), token));
        } catch (IllegalArgumentException e) {
            return unavailable(run, api.target(runsUri), FailureKind.BAD_PAYLOAD, 200, "the last successful run could not be listed: "
                    + e.getMessage());
        }
        if (good == null) {
            return unavailable(run, api.target(runsUri), FailureKind.NOT_FOUND, null, "no successful run of workflow "
                    + (run.workflowName() == null ? workflowId : "\"" + run.workflowName() + "\"")
                    + (run.headBranch() == null ? "" : " on branch " + run.headBranch()) + " before run " + run.runId()
                    + " among the last " + (RUNS_PER_PAGE * MAX_RUN_PAGES) + " successful runs");
        }
        long baseRunId = good.path("id").asLong(0);
        String baseSha = good.path("head_sha").asText();
        if (baseSha.equalsIgnoreCase(run.headSha())) {
            // a re-run of the very commit that deployed fine: nothing in the repository changed
            return new ChangeSet(null, GitHubPayloads.SOURCE, repository, baseRunId, baseSha, run.runId(), run.headSha(),
                    "identical", 0, List.of(), List.of(), false, null);
        }
        URI compareUri = api.api("/repos/" + repository + "/compare/" + encode(baseSha) + "..." + encode(run.headSha())
                + "?per_page=" + perPage);
        try {
            return compare(run, baseRunId, baseSha, compareUri);
        } catch (ApiException e) {
            return unavailable(run, e.target(), e.kind(), e.httpStatus(), "the comparison with the last successful run "
                    + baseRunId + " could not be read: " + SafeText.without(e.getMessage(), token));
        } catch (IllegalArgumentException e) {
            return unavailable(run, api.target(compareUri), FailureKind.BAD_PAYLOAD, 200,
                    "the comparison with the last successful run " + baseRunId + " could not be read: " + e.getMessage());
        }
    }

    /** The newest successful run before {@code run}: another id, an earlier creation (or run number). */
    private JsonNode lastGoodRun(CiRun run, long runNumber, String workflowId, URI first)
            throws ApiException, InterruptedException {
        URI uri = first;
        Set<URI> visited = new HashSet<>();
        // a next link seen before ends the walk: a server's loop cannot make it read a page twice
        for (int page = 0; uri != null && page < MAX_RUN_PAGES && visited.add(uri.normalize()); page++) {
            GitHubClient.Page answer = api.getJson(uri);
            JsonNode runs = answer.body().path("workflow_runs");
            if (!runs.isArray()) {
                throw new IllegalArgumentException("workflow runs answer has no 'workflow_runs' array");
            }
            for (JsonNode r : runs) {
                if (r.path("id").asLong(0) == run.runId() || !"success".equals(r.path("conclusion").asText(null))
                        || r.path("head_sha").asText("").isBlank()) {
                    continue;
                }
                if (r.path("workflow_id").canConvertToLong() && workflowId.matches("\\d+")
                        && !workflowId.equals(String.valueOf(r.path("workflow_id").asLong()))) {
                    // the path already filters by workflow; a list that mixes workflows is not trusted for it
                    continue;
                }
                if (before(r, run, runNumber)) {
                    return r;
                }
            }
            uri = followable(answer.next());
        }
        return null;
    }

    private static boolean before(JsonNode candidate, CiRun run, long runNumber) {
        Instant created = instant(candidate.path("created_at").asText(null));
        if (created != null && run.createdAt() != null) {
            return created.isBefore(run.createdAt());
        }
        long number = candidate.path("run_number").asLong(0);
        return runNumber == 0 || number == 0 || number < runNumber;
    }

    private ChangeSet compare(CiRun run, long baseRunId, String baseSha, URI first) throws ApiException, InterruptedException {
        List<ChangedCommit> commits = new ArrayList<>();
        List<ChangedFile> files = new ArrayList<>();
        Set<String> seenFiles = new LinkedHashSet<>();
        String status = null;
        String htmlUrl = null;
        int total = 0;
        boolean truncated = false;
        URI uri = first;
        Set<URI> visited = new HashSet<>();
        for (int page = 0; uri != null; page++) {
            if (page >= maxComparePages || !visited.add(uri.normalize())) {
                // the cap, or a next link seen before (a server's loop): the list is not complete
                truncated = true;
                break;
            }
            GitHubClient.Page answer = api.getJson(uri);
            JsonNode body = answer.body();
            if (!body.isObject() || !body.path("commits").isArray()) {
                throw new IllegalArgumentException("comparison has no 'commits' array");
            }
            if (page == 0) {
                status = text(body, "status");
                htmlUrl = text(body, "html_url");
                total = body.path("total_commits").asInt(0);
            }
            for (JsonNode c : body.path("commits")) {
                if (commits.size() >= maxCommits) {
                    truncated = true;
                    break;
                }
                commits.add(commit(c));
            }
            for (JsonNode f : body.path("files")) {
                String name = text(f, "filename");
                if (name != null && seenFiles.add(name)) {
                    files.add(new ChangedFile(name, text(f, "previous_filename"), ChangeClass.of(name), text(f, "status"),
                            f.path("additions").asInt(0), f.path("deletions").asInt(0)));
                }
            }
            URI next = answer.next();
            uri = followable(next);
            if (next != null && uri == null) {
                truncated = true;
            }
        }
        if (total > commits.size() || files.size() >= GITHUB_MAX_FILES) {
            truncated = true;
        }
        return new ChangeSet(null, GitHubPayloads.SOURCE, repository, baseRunId, baseSha, run.runId(), run.headSha(),
                status, Math.max(total, commits.size()), commits, files, truncated, htmlUrl);
    }

    private static ChangedCommit commit(JsonNode c) {
        JsonNode commit = c.path("commit");
        String author = text(c.path("author"), "login");
        if (author == null) {
            author = text(commit.path("author"), "name");
        }
        return new ChangedCommit(text(c, "sha"), text(commit, "message"), author, text(c, "html_url"));
    }

    /** A next page on the API's own origin; another host is not followed (the token and the deadline stay ours). */
    private URI followable(URI next) {
        return next != null && api.sameOrigin(next) ? next : null;
    }

    private ChangeSetUnavailable unavailable(CiRun run, String target, FailureKind kind, Integer status, String detail) {
        return new ChangeSetUnavailable(null, GitHubPayloads.SOURCE, repository, run.runId(), target, kind, status,
                SafeText.text(SafeText.without(detail, token)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
