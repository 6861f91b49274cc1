package io.sophia.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Assessment;
import io.sophia.core.Owner;
import io.sophia.core.RankedCause;
import io.sophia.core.RemoteText;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Alerts on what changed between two checks of a deployment, as {@code sophia watch} sends them: after each round, one alert per transition (a service changes
 * status, the top cause changes, the gate changes) is POSTed as JSON to every configured webhook. The
 * JSON carries a Slack-compatible {@code text} (so a Slack or Mattermost incoming webhook shows it as is)
 * and the transition's fields for other receivers, with the owners to call ({@code services[].owner}): of the
 * service for a service transition, of the top cause's services for a cause transition, of the services not UP
 * for a gate transition.
 *
 * <p>Delivery never blocks the next round: posts run on a background thread; a failed post (an I/O error,
 * 429 or 5xx) is retried with exponential backoff (1 s, 2 s, 4 s by default, {@value #ATTEMPTS} attempts);
 * a 4xx other than 429 is not retried. Failures are reported through the warning sink without the webhook's
 * URL, which carries its credential. The first round only sets the baseline.
 *
 * <pre>{@code
 * try (WebhookAlerts alerts = new WebhookAlerts("shop", List.of(URI.create("https://hooks.example/sophia")),
 *         System.err::println)) {
 *     alerts.onRound(sophia.check());   // each round; the first only sets the baseline
 * }
 * }</pre>
 *
 * <p>Thread-safe. Stability: public API.
 */
public final class WebhookAlerts implements AutoCloseable {

    /** Attempts per alert and webhook. */
    static final int ATTEMPTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    /**
     * One change between two rounds.
     *
     * @param kind    {@code service}, {@code cause} or {@code gate}
     * @param subject the service id, or the deployment for cause and gate
     * @param from    the state before, or {@code none}
     * @param to      the state now, or {@code none}
     * @param detail  a redacted line of context (the failure, the cause's title), may be empty
     */
    public record Transition(String kind, String subject, String from, String to, String detail) {
    }

    private final String deployment;
    private final List<URI> webhooks;
    private final OkHttpClient client;
    private final Duration firstBackoff;
    private final Duration requestTimeout;
    private final Consumer<String> warnings;
    private final ScheduledExecutorService executor;
    private final Map<String, String> lastStatus = new LinkedHashMap<>();
    private String lastCause;
    private String lastGate;
    private boolean baseline;
    private long sequence;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /**
     * Alerts to {@code webhooks} with the default backoff (1 s, doubling) and a 10 s request timeout.
     *
     * @param deployment the deployment's name, in every alert
     * @param webhooks   the URLs to POST to
     * @param warnings   where delivery failures are reported (one line each, no URL)
     */
    public WebhookAlerts(String deployment, List<URI> webhooks, Consumer<String> warnings) {
        this(deployment, webhooks, warnings, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /**
     * Alerts to {@code webhooks} with this backoff and request timeout.
     *
     * @param deployment     the deployment's name, in every alert
     * @param webhooks       the URLs to POST to
     * @param warnings       where delivery failures are reported (one line each, no URL)
     * @param firstBackoff   the wait before the first retry, doubled before each further one
     * @param requestTimeout the connect and request timeout of one post
     */
    public WebhookAlerts(String deployment, List<URI> webhooks, Consumer<String> warnings, Duration firstBackoff,
                         Duration requestTimeout) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.webhooks = List.copyOf(webhooks);
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.firstBackoff = firstBackoff;
        this.requestTimeout = requestTimeout;
        // OkHttp, the library's HTTP client: each post (connect, request, answer) within the request timeout,
        // a redirect is not followed (a webhook that moved is a failed delivery, its body not sent elsewhere)
        // and OkHttp does not silently resend a post whose connection failed: every resend is one of ours,
        // counted, after its backoff, with the same alert id
        this.client = new OkHttpClient.Builder().callTimeout(requestTimeout).retryOnConnectionFailure(false)
                .followRedirects(false).followSslRedirects(false).build();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sophia-alerts");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Compares {@code a} with the previous round and posts one alert per transition.
     *
     * @param a the round's (redacted) assessment
     * @return completes when every alert of this round was delivered or given up; the caller need not wait
     */
    public synchronized CompletableFuture<Void> onRound(Assessment a) {
        List<Transition> transitions = transitions(a);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (Transition t : transitions) {
            String body = body(a, t, ++sequence);
            for (int i = 0; i < webhooks.size(); i++) {
                sends.add(send(webhooks.get(i), i, body, 1));
            }
        }
        CompletableFuture<Void> round = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        inFlight = CompletableFuture.allOf(inFlight, round);
        return round;
    }

    /** The transitions since the last round; none on the first. */
    List<Transition> transitions(Assessment a) {
        List<Transition> out = new ArrayList<>();
        Map<String, String> now = new LinkedHashMap<>();
        for (ServiceHealth s : a.services()) {
            now.put(s.id(), s.status().name());
        }
        String cause = a.topCause().map(c -> c.id().value()).orElse("none");
        String gate = a.gate().status().name();
        if (baseline) {
            for (ServiceHealth s : a.services()) {
                String before = lastStatus.getOrDefault(s.id(), "none");
                if (!before.equals(s.status().name())) {
                    out.add(new Transition("service", s.id(), before, s.status().name(),
                            s.failure() == null || s.status() == Status.UP ? "" : s.failure()));
                }
            }
            for (String gone : lastStatus.keySet()) {
                if (!now.containsKey(gone)) {
                    out.add(new Transition("service", gone, lastStatus.get(gone), "none", "no longer configured"));
                }
            }
            if (!cause.equals(lastCause)) {
                out.add(new Transition("cause", a.deployment(), lastCause, cause,
                        a.topCause().map(c -> String.format(Locale.ROOT, "%s, %.0f %%", c.title(),
                                c.probability() * 100)).orElse("nothing left to explain")));
            }
            if (!gate.equals(lastGate)) {
                out.add(new Transition("gate", a.deployment(), lastGate, gate,
                        String.format(Locale.ROOT, "score %.0f", a.gate().score())));
            }
        }
        baseline = true;
        lastStatus.clear();
        lastStatus.putAll(now);
        lastCause = cause;
        lastGate = gate;
        return out;
    }

    private String body(Assessment a, Transition t, long seq) {
        List<Owner> owners = owners(a, t);
        ObjectNode n = JSON.createObjectNode();
        n.put("text", slackText(t, owners));
        n.put("id", deployment + "-" + seq);
        n.put("deployment", deployment);
        n.put("kind", t.kind());
        n.put("subject", t.subject());
        n.put("from", t.from());
        n.put("to", t.to());
        n.put("detail", RemoteText.forTerminal(t.detail()));
        n.put("gate", a.gate().status().name());
        n.put("generatedAt", a.generatedAt().toString());
        a.topCause().map(RankedCause::probability).ifPresent(p -> n.put("topCauseProbability", p));
        ArrayNode who = n.putArray("owners");
        for (Owner o : owners) {
            who.addObject().put("team", RemoteText.forTerminal(o.team()))
                    .put("contact", o.contact() == null ? null : RemoteText.forTerminal(o.contact()));
        }
        return n.toString();
    }

    /** Who to call about {@code t}: the owners of the services it concerns, in the assessment's order, distinct. */
    static List<Owner> owners(Assessment a, Transition t) {
        java.util.Set<String> ids = switch (t.kind()) {
            case "service" -> java.util.Set.of(t.subject());
            case "cause" -> new java.util.HashSet<>(a.topCause().map(RankedCause::serviceIds).orElse(List.of()));
            default -> new java.util.HashSet<>(a.services().stream().filter(s -> s.status() != Status.UP)
                    .map(ServiceHealth::id).toList());
        };
        return a.services().stream().filter(s -> ids.contains(s.id())).map(ServiceHealth::owner)
                .filter(Objects::nonNull).distinct().toList();
    }

    /** One line in Slack's mrkdwn, naming who to call: {@code &}, {@code <}, {@code >} escaped as Slack requires. */
    String slackText(Transition t, List<Owner> owners) {
        String what = switch (t.kind()) {
            case "service" -> "service " + t.subject() + " " + t.from() + " → " + t.to();
            case "cause" -> "top cause " + t.from() + " → " + t.to();
            default -> "gate " + t.from() + " → " + t.to();
        };
        String line = "*Sophia · " + deployment + "*: " + what + (t.detail().isEmpty() ? "" : " (" + t.detail() + ")")
                + (owners.isEmpty() ? "" : " — call " + String.join(", ", owners.stream().map(Owner::display).toList()));
        return RemoteText.forTerminal(line).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private CompletableFuture<Void> send(URI url, int index, String body, int attempt) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        HttpUrl target = HttpUrl.parse(url.toString());
        if (target == null) {
            warnings.accept("alert to webhook " + (index + 1) + " (" + url.getHost() + ") not delivered: not an http(s) url");
            done.complete(null);
            return done;
        }
        Request request = new Request.Builder().url(target).header("User-Agent", "sophia-watch")
                .post(RequestBody.create(body, JSON_TYPE)).build();
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                int status;
                try (response) {
                    status = response.code();
                }
                outcome(status, null);
            }

            @Override
            public void onFailure(Call call, IOException error) {
                outcome(0, error);
            }

            private void outcome(int status, Throwable error) {
                boolean ok = error == null && status / 100 == 2;
                boolean retry = !ok && (error != null || status == 429 || status >= 500) && attempt < ATTEMPTS;
                if (ok) {
                    done.complete(null);
                } else if (retry) {
                    long delay = firstBackoff.toMillis() << (attempt - 1);
                    try {
                        executor.schedule(() -> send(url, index, body, attempt + 1)
                                .whenComplete((v, e) -> done.complete(null)), delay, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.RejectedExecutionException closed) {
                        // watch stopped while this post was out: no retry, and close() has said what was dropped
                        done.complete(null);
                    }
                } else {
                    warnings.accept("alert to webhook " + (index + 1) + " (" + url.getHost() + ") not delivered after "
                            + attempt + (attempt == 1 ? " attempt: " : " attempts: ")
                            + (error == null ? "HTTP " + status : error.getClass().getSimpleName()));
                    done.complete(null);
                }
            }
        });
        return done;
    }

    /** Lets alerts in flight (with their retries) finish for up to 30 s, then stops. */
    @Override
    public void close() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = inFlight;
        }
        try {
            pending.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            warnings.accept("alerts still in flight when watch stopped were dropped");
        }
        executor.shutdownNow();
        // posts still out after the wait are given up (they were reported as dropped); OkHttp's own threads are
        // daemons and idle out; its idle connections need not outlive watch
        client.dispatcher().cancelAll();
        client.connectionPool().evictAll();
    }

}
