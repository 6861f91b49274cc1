package io.sophia.probes;

import io.sophia.core.Source;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.Failures;
import io.sophia.probes.internal.CappedBody;
import io.sophia.probes.internal.FlyMachines;
import io.sophia.probes.internal.FlyText;
import io.sophia.probes.internal.HttpStack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads the machines of each configured Fly.io app through the Machines API
 * ({@code GET /v1/apps/{app}/machines}) and reports one {@link Observation.PlatformMachine} per
 * machine: state (persistent, transient or terminal; {@code stuck} when a transient state outlasts
 * {@link FlyConfig#stuckAfter()}), region, image reference, host status, health checks and recent
 * events (exit codes, {@code oom_killed}, restarts, launch failures).
 *
 * <p>Per app, a failure becomes a {@link Observation.ProbeFailure} with source {@code fly} and the
 * app's service id: {@code NOT_FOUND} (no such app), {@code UNAUTHORIZED}, {@code FORBIDDEN},
 * {@code PAYMENT_REQUIRED} and {@code UNPROCESSABLE} with the platform's own message,
 * {@code RATE_LIMITED}, {@code SERVER_ERROR}, {@code BAD_PAYLOAD} (not the documented JSON),
 * {@code MISCONFIGURED} (token variable unset), and connection failures. An app with no machine
 * gives a failed {@link Observation.ConditionCheck}. The token is read from the environment variable
 * named by {@link FlyConfig#tokenEnv()} at run time and never appears in an observation, log or
 * exception. All calls of one run share {@link FlyConfig#timeout()}.
 */
public final class FlyMachinesProbe implements Probe {

    private static final System.Logger LOG = System.getLogger(FlyMachinesProbe.class.getName());
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlyConfig config;
    private final Deployment deployment;
    private final OkHttpClient client;

    private FlyMachinesProbe(FlyConfig config, Deployment deployment) {
        this.config = Objects.requireNonNull(config, "config");
        this.deployment = deployment;
        // the shared stack (no redirect followed: the token stays with the API), with a pool of its own (one
        // API host; a fleet's checks must not share one pool's lock) and OkHttp's retry of a pooled connection
        // the server closed meanwhile: an API client reuses its connections, across watch rounds too
        this.client = HttpStack.shared().newBuilder().connectionPool(new ConnectionPool(2, 1, TimeUnit.MINUTES))
                .retryOnConnectionFailure(true).build();
    }

    /**
     * A probe of the apps of {@code config}. {@code deployment} (may be null) names the services;
     * apps are reported under their configured service id either way.
     *
     * @param config the apps and API to read
     * @param deployment the deployment whose services the apps run
     * @return the probe
     */
    public static FlyMachinesProbe of(FlyConfig config, Deployment deployment) {
        return new FlyMachinesProbe(config, deployment);
    }

    @Override
    public Source source() {
        return Source.FLY;
    }

    @Override
    public String serviceId() {
        return null;
    }

    @Override
    public String target() {
        return base() + "/v1/apps";
    }

    /** {@return the deployment this probe reports for, or null} */
    public Deployment deployment() {
        return deployment;
    }

    @Override
    public List<Observation> run(ProbeContext context) {
        try {
            return probeAll(context);
        } catch (RuntimeException e) {
            // a bug or an unforeseen payload must not reach the host; never with the exception's message
            return List.of(new Observation.ProbeFailure(null, source(), target(), FailureKind.OTHER,
                    "unexpected " + e.getClass().getSimpleName(), null, Duration.ZERO, 1));
        }
    }

    private List<Observation> probeAll(ProbeContext context) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.of(context, config.timeout());
        Clock clock = config.clock() != null ? config.clock() : context.clock();
        List<Observation> out = new ArrayList<>();
        String raw = config.env().apply(config.tokenEnv());
        // a secret stored with its trailing newline is not a header value the HTTP client accepts
        String token = raw == null ? null : raw.strip();
        for (Map.Entry<String, String> app : config.apps().entrySet()) {
            String serviceId = app.getKey();
            String path = "/v1/apps/" + URLEncoder.encode(app.getValue(), StandardCharsets.UTF_8).replace("+", "%20")
                    + "/machines";
            if (token == null || token.isBlank()) {
                out.add(failure(serviceId, path, FailureKind.MISCONFIGURED,
                        "environment variable " + config.tokenEnv() + " is not set", null, start));
                continue;
            }
            if (token.indexOf('\n') >= 0 || token.indexOf('\r') >= 0) {
                // a token is one line: a pasted value with a line break would split the Authorization header
                out.add(failure(serviceId, path, FailureKind.MISCONFIGURED, "environment variable " + config.tokenEnv()
                        + " holds more than one line; a token is a single line (no request was sent)", null, start));
                continue;
            }
            long left = deadline.remainingNanos();
            if (left <= 0) {
                out.add(failure(serviceId, path, FailureKind.DEADLINE_EXCEEDED,
                        "no time left within " + config.timeout().toMillis() + " ms", null, start));
                continue;
            }
            out.addAll(probeApp(serviceId, app.getValue(), path, token, Duration.ofNanos(left), start, deadline, clock));
        }
        return out;
    }

    private List<Observation> probeApp(String serviceId, String app, String path, String token, Duration left,
                                       long start, Deadline deadline, Clock clock) {
        HttpUrl url = HttpUrl.parse(base() + path);
        if (url == null) {
            return List.of(failure(serviceId, path, FailureKind.MISCONFIGURED, "invalid apiUrl", null, start));
        }
        Request request = request(url, token);
        if (request == null) {
            return List.of(failure(serviceId, path, FailureKind.MISCONFIGURED, "the value of environment variable "
                    + config.tokenEnv() + " cannot be sent in an Authorization header", null, start));
        }
        Call call = client.newCall(request);
        // the whole call (connect, answer, body) within the time left; a cancelled run cancels it
        call.timeout().timeout(left.toNanos(), TimeUnit.NANOSECONDS);
        int status;
        CappedBody answer;
        try (ProbeContext.Registration r = deadline.onCancel(call::cancel); Response response = call.execute()) {
            status = response.code();
            answer = CappedBody.read(response.body(), MAX_BODY);
            if (answer.truncated()) {
                call.cancel(); // drop the rest rather than drain it for a connection that is not worth keeping
            }
        } catch (IOException e) {
            if (deadline.cancelled()) {
                return List.of(failure(serviceId, path, FailureKind.DEADLINE_EXCEEDED, "cancelled", null, start));
            }
            if (call.isCanceled()) {
                return List.of(failure(serviceId, path, FailureKind.READ_TIMEOUT,
                        "no answer within " + left.toMillis() + " ms", null, start));
            }
            Failures.Classified c = Failures.classify(e, false);
            return List.of(failure(serviceId, path, c.kind(), FlyText.mask(c.detail(), token), null, start));
        }
        String body = new String(answer.bytes(), StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            if (answer.truncated()) {
                return List.of(failure(serviceId, path, FailureKind.BAD_PAYLOAD,
                        "machine list larger than " + MAX_BODY + " bytes", status, start));
            }
            try {
                List<Observation.PlatformMachine> machines = FlyMachines.parse(JSON.readTree(body), serviceId, app,
                        clock, config.stuckAfter());
                if (machines.isEmpty()) {
                    return List.of(new Observation.ConditionCheck(serviceId, source(),
                            "fly app " + app + " has machines", false, "0 machines"));
                }
                return new ArrayList<>(machines);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String why = e instanceof JsonProcessingException ? "not JSON" : e.getMessage();
                return List.of(failure(serviceId, path, FailureKind.BAD_PAYLOAD,
                        "unexpected machine list from the Machines API: " + why, status, start));
            }
        }
        FailureKind kind = Failures.ofHttpStatus(status, FailureKind.UNEXPECTED_STATUS);
        String message = platformMessage(body);
        String detail = "HTTP " + status + " for app " + app
                + (message == null ? "" : ": " + FlyText.mask(message, token));
        LOG.log(System.Logger.Level.DEBUG, "fly app {0}: {1}", app, detail);
        return List.of(failure(serviceId, path, kind, detail, status, start));
    }

    /** The machine list's GET with the token, or null when the token cannot be a header value. */
    private static Request request(HttpUrl url, String token) {
        try {
            return new Request.Builder().url(url)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .get()
                    .build();
        } catch (IllegalArgumentException e) {
            // a header value OkHttp refuses: never use its message, it may quote the value
            return null;
        }
    }

    /** The {@code error} (and {@code status}) of the API's ErrorResponse, or the body's first line. */
    private static String platformMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                String error = node.path("error").isTextual() ? node.path("error").asText() : null;
                String status = node.path("status").isTextual() ? node.path("status").asText() : null;
                if (error != null || status != null) {
                    String s = (error == null ? "" : error)
                            + (status == null || status.isBlank() ? "" : (error == null ? "" : " ") + "(" + status + ")");
                    return FlyText.clean(s, 300);
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON (a proxy's HTML page): fall through to the first line
        }
        String first = body.strip().lines().findFirst().orElse("");
        return FlyText.clean(first, 120);
    }

    private Observation.ProbeFailure failure(String serviceId, String path, FailureKind kind, String detail,
                                             Integer status, long start) {
        return new Observation.ProbeFailure(serviceId, source(), base() + path, kind, detail, status,
                Duration.ofNanos(System.nanoTime() - start), 1);
    }

    private String base() {
        URI u = config.apiUrl();
        String s = u.toString();
        if (u.getRawUserInfo() != null) {
            s = s.replace(u.getRawUserInfo() + "@", "");
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
