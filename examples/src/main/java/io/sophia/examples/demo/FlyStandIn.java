package io.sophia.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the Fly.io Machines API: {@code GET /v1/apps/{app}/machines} and
 * {@code GET /v1/apps/{app}} for the apps of the demo, 404 for any other app.
 */
final class FlyStandIn implements AutoCloseable {

    private static final Pattern MACHINES = Pattern.compile("/v1/apps/([a-z0-9-]+)/machines");
    private static final Pattern APP = Pattern.compile("/v1/apps/([a-z0-9-]+)");

    private final HttpServer server;
    private final URI base;
    private final String token;

    FlyStandIn(String token) throws IOException {
        this.token = token;
        server = Payloads.loopbackServer("fly");
        base = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
        server.createContext("/", this::handle);
        server.start();
    }

    URI apiUrl() {
        return base;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            Payloads.body(ex, 1 << 16);
            String path = ex.getRequestURI().getRawPath();
            if (!"GET".equals(ex.getRequestMethod())) {
                Payloads.json(ex, 405, "{\"error\":\"method not allowed\"}");
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !(auth.equals("Bearer " + token) || auth.equals("FlyV1 " + token))) {
                Payloads.json(ex, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            Matcher m;
            if ((m = MACHINES.matcher(path)).matches()) {
                Optional<String> machines = Payloads.read("fly/" + m.group(1) + ".json", Map.of());
                if (machines.isPresent()) {
                    Payloads.json(ex, 200, machines.get());
                } else {
                    Payloads.json(ex, 404, "{\"error\":\"app not found\"}");
                }
                return;
            }
            if ((m = APP.matcher(path)).matches()) {
                String app = m.group(1);
                if (Payloads.read("fly/" + app + ".json", Map.of()).isPresent()) {
                    Payloads.json(ex, 200, "{\"name\":\"" + app + "\",\"machine_count\":1,"
                            + "\"organization\":{\"name\":\"Sophia AI\",\"slug\":\"sophia-ai\"},\"network\":\"default\"}");
                } else {
                    Payloads.json(ex, 404, "{\"error\":\"app not found\"}");
                }
                return;
            }
            Payloads.json(ex, 404, "{\"error\":\"not found\"}");
        } catch (RuntimeException | IOException e) {
            Payloads.json(ex, 500, "{\"error\":\"internal error\"}");
        }
    }

    @Override
    public void close() {
        Payloads.stop(server);
    }
}
