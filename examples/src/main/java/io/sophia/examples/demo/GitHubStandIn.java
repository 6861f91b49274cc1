package io.sophia.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the parts of the GitHub REST API that the Actions probe reads: a run,
 * its jobs (paginated with a {@code Link} header), the latest run of a workflow, job logs behind
 * the real 302 redirect to a signed url, check runs and their annotations.
 */
final class GitHubStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN = Pattern.compile("/repos/([^/]+/[^/]+)/actions/runs/(\\d+)");
    private static final Pattern JOBS = Pattern.compile(
            "/repos/([^/]+/[^/]+)/actions/runs/(\\d+)(?:/attempts/\\d+)?/jobs");
    private static final Pattern RUNS = Pattern.compile(
            "/repos/([^/]+/[^/]+)/actions(?:/workflows/([^/]+))?/runs");
    private static final Pattern JOB = Pattern.compile("/repos/([^/]+/[^/]+)/actions/jobs/(\\d+)");
    private static final Pattern JOB_LOGS = Pattern.compile("/repos/([^/]+/[^/]+)/actions/jobs/(\\d+)/logs");
    private static final Pattern ANNOTATIONS = Pattern.compile(
            "/repos/([^/]+/[^/]+)/check-runs/(\\d+)/annotations");
    private static final Pattern CHECK_RUN = Pattern.compile("/repos/([^/]+/[^/]+)/check-runs/(\\d+)");
    private static final Pattern SIGNED_LOG = Pattern.compile("/_signed/pipelines/runs/\\d+/signedlogcontent/(\\d+)");

    private final HttpServer server;
    private final String repository;
    private final URI base;
    private final String run;
    private final ArrayNode jobs;

    GitHubStandIn(String repository) throws IOException {
        this.repository = repository;
        this.server = Payloads.loopbackServer("github");
        this.base = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
        Map<String, String> vars = vars();
        this.run = Payloads.read("github/run.json", vars).orElseThrow();
        this.jobs = (ArrayNode) JSON.readTree(Payloads.read("github/jobs.json", vars).orElseThrow()).get("jobs");
        server.createContext("/", this::handle);
        server.start();
    }

    URI apiUrl() {
        return base;
    }

    long runId() {
        try {
            return JSON.readTree(run).get("id").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> vars() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("api", base.toString());
        vars.put("repository", repository);
        vars.put("repositoryName", repository.substring(repository.indexOf('/') + 1));
        vars.put("githubWeb", "https://github.com");
        return vars;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            Payloads.body(ex, 1 << 16);
            rateLimitHeaders(ex);
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                error(ex, 404, "Not Found");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            if (!logs(ex, path) && !runs(ex, path, query) && !jobs(ex, path)) {
                error(ex, 404, "Not Found");
            }
        } catch (RuntimeException | IOException e) {
            error(ex, 500, "Server Error");
        }
    }

    /** A job's log: the 302 to a signed url, and the signed url's text; false when {@code path} is neither. */
    private boolean logs(HttpExchange ex, String path) throws IOException {
        Matcher m;
        if ((m = SIGNED_LOG.matcher(path)).matches()) {
            Optional<String> log = Payloads.read("github/logs/" + m.group(1) + ".log", Map.of());
            if (log.isEmpty()) {
                Payloads.send(ex, 404, "application/xml",
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code></Error>");
            } else {
                Payloads.send(ex, 200, "text/plain; charset=utf-8", log.get());
            }
            return true;
        }
        if ((m = JOB_LOGS.matcher(path)).matches() && ours(m.group(1))) {
            String jobId = m.group(2);
            if (job(jobId).isEmpty()) {
                error(ex, 404, "Not Found");
            } else if (Payloads.read("github/logs/" + jobId + ".log", Map.of()).isEmpty()) {
                // a job that never ran has no log; GitHub answers 404 for it
                error(ex, 404, "Not Found");
            } else {
                // the real API answers 302 to a short-lived signed url on another host
                ex.getResponseHeaders().set("Location", base + "/_signed/pipelines/runs/214/signedlogcontent/"
                        + jobId + "?urlExpires=2025-08-23T14%3A13%3A09.8999243Z&urlSigningMethod=HMACV1"
                        + "&urlSignature=CLJeOMWVKrxsNSCeMNmmq%2F7q6aythG5XOtkWAy1Z59s%3D");
                Payloads.send(ex, 302, "text/html;charset=utf-8", null);
            }
            return true;
        }
        return false;
    }

    /** A run, its jobs, the runs of a workflow; false when {@code path} is none of them. */
    private boolean runs(HttpExchange ex, String path, Map<String, String> query) throws IOException {
        Matcher m;
        if ((m = JOBS.matcher(path)).matches() && ours(m.group(1))) {
            if (!m.group(2).equals(String.valueOf(runId()))) {
                error(ex, 404, "Not Found");
                return true;
            }
            jobsPage(ex, query);
            return true;
        }
        if ((m = RUN.matcher(path)).matches() && ours(m.group(1))) {
            if (m.group(2).equals(String.valueOf(runId()))) {
                Payloads.json(ex, 200, run);
            } else {
                error(ex, 404, "Not Found");
            }
            return true;
        }
        if ((m = RUNS.matcher(path)).matches() && ours(m.group(1))) {
            String branch = query.get("branch");
            boolean match = branch == null || "main".equals(branch);
            ObjectNode list = JSON.createObjectNode();
            ArrayNode runs = list.putArray("workflow_runs");
            if (match) {
                runs.add(JSON.readTree(run));
            }
            list.put("total_count", runs.size());
            Payloads.json(ex, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list));
            return true;
        }
        return false;
    }

    /** A job and its annotations; false when {@code path} is neither. */
    private boolean jobs(HttpExchange ex, String path) throws IOException {
        Matcher m;
        if ((m = JOB.matcher(path)).matches() && ours(m.group(1))) {
            Optional<JsonNode> job = job(m.group(2));
            if (job.isPresent()) {
                Payloads.json(ex, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(job.get()));
            } else {
                error(ex, 404, "Not Found");
            }
            return true;
        }
        if ((m = CHECK_RUN.matcher(path)).matches() && ours(m.group(1))) {
            Optional<JsonNode> job = job(m.group(2));
            if (job.isEmpty()) {
                error(ex, 404, "Not Found");
                return true;
            }
            // an Actions job's check run (same id): the job's fields, and an output whose words the annotations hold
            JsonNode j = job.get();
            ObjectNode checkRun = JSON.createObjectNode();
            for (String field : new String[] {"id", "head_sha", "node_id", "html_url", "status", "conclusion",
                    "started_at", "completed_at", "name"}) {
                checkRun.set(field, j.path(field).deepCopy());
            }
            checkRun.put("url", base + path);
            ObjectNode output = checkRun.putObject("output");
            output.putNull("title").putNull("summary").putNull("text");
            output.put("annotations_count", JSON.readTree(annotations(j.path("conclusion").asText())).size());
            output.put("annotations_url", base + path + "/annotations");
            Payloads.json(ex, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(checkRun));
            return true;
        }
        if ((m = ANNOTATIONS.matcher(path)).matches() && ours(m.group(1))) {
            Optional<JsonNode> job = job(m.group(2));
            if (job.isEmpty()) {
                error(ex, 404, "Not Found");
                return true;
            }
            Payloads.json(ex, 200, annotations(job.get().path("conclusion").asText()));
            return true;
        }
        return false;
    }

    /** The annotations of a job that concluded {@code conclusion}, as JSON. */
    private String annotations(String conclusion) {
        return switch (conclusion) {
            case "failure", "cancelled" -> Payloads.read("github/annotations-" + conclusion + ".json", vars()).orElse("[]");
            default -> "[]";
        };
    }

    private void jobsPage(HttpExchange ex, Map<String, String> query) throws IOException {
        int perPage = clamp(query.get("per_page"), 30, 1, 100);
        int page = clamp(query.get("page"), 1, 1, Integer.MAX_VALUE);
        int from = Math.min((page - 1) * perPage, jobs.size());
        int to = Math.min(from + perPage, jobs.size());
        ObjectNode body = JSON.createObjectNode();
        body.put("total_count", jobs.size());
        ArrayNode items = body.putArray("jobs");
        for (int i = from; i < to; i++) {
            items.add(jobs.get(i));
        }
        int last = Math.max(1, (jobs.size() + perPage - 1) / perPage);
        String self = base + ex.getRequestURI().getRawPath() + "?per_page=" + perPage + "&page=";
        StringBuilder link = new StringBuilder();
        if (page < last) {
            link.append('<').append(self).append(page + 1).append(">; rel=\"next\", <").append(self).append(last)
                    .append(">; rel=\"last\"");
        }
        if (page > 1) {
            if (link.length() > 0) {
                link.append(", ");
            }
            link.append('<').append(self).append(page - 1).append(">; rel=\"prev\", <").append(self).append(1)
                    .append(">; rel=\"first\"");
        }
        if (link.length() > 0) {
            ex.getResponseHeaders().set("Link", link.toString());
        }
        Payloads.json(ex, 200, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }

    private Optional<JsonNode> job(String id) {
        for (JsonNode j : jobs) {
            if (j.path("id").asText().equals(id)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    private boolean ours(String repo) {
        return repo.equalsIgnoreCase(repository);
    }

    private static void rateLimitHeaders(HttpExchange ex) {
        ex.getResponseHeaders().set("X-RateLimit-Limit", "5000");
        ex.getResponseHeaders().set("X-RateLimit-Remaining", "4987");
        ex.getResponseHeaders().set("X-RateLimit-Reset", "1755959451");
        ex.getResponseHeaders().set("X-RateLimit-Resource", "core");
        ex.getResponseHeaders().set("X-GitHub-Api-Version-Selected", "2022-11-28");
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        Payloads.json(ex, status, "{\"message\":\"" + message + "\",\"documentation_url\":"
                + "\"https://docs.github.com/rest\",\"status\":\"" + status + "\"}");
    }

    private static int clamp(String value, int dflt, int min, int max) {
        if (value == null) {
            return dflt;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        Payloads.stop(server);
    }
}
