package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-eighth session's rule writer rules38a, each in its tool's own words: its round on h125-
 * (Fly.io deploys end to end as a GitHub Actions user sees them). The job's own Docker daemon silent on its local socket
 * (the Docker client's "Cannot connect to the Docker daemon at unix://...", however flyctl or a runner wraps it), and
 * Fly's builds API answering a 5xx when flyctl asks for a builder ("ensure depot builder failed, please try again
 * (status 503)"): both quoted inside flyctl's build wrapper, which used to read them as the Dockerfile's. Then flyctl's
 * own words for a Dockerfile it cannot find (a --dockerfile URL answering 404, fly launch detecting nothing), a token it
 * cannot use (none given, two in one secret), a machine size or flag value it refuses, a variable it needs that is
 * unset, and its agent's private-network name that does not resolve. Each is tested on its source's words and a near
 * miss (the first pair of each is indication-cases.tsv's row, then a variant its comment quotes and a line of another
 * cause that shares its words); each reads no line of the shared corpus and, on the labelled scenarios, only lines of
 * its own cause.
 */
class HundredThirteenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules38a (h125-: Fly.io deploys end to end)
            Map.entry("docker.local-daemon-unreachable", "ci.runner"),
            Map.entry("env.variable-unset-error", "config.missing-secret"),
            Map.entry("fly.builder-provisioning-server-error", "platform.outage"),
            Map.entry("flyctl.agent-host-not-in-dns", "network.dns"),
            Map.entry("flyctl.dockerfile-unavailable", "build.dockerfile"),
            Map.entry("flyctl.guest-or-flag-invalid", "config.invalid"),
            Map.entry("flyctl.token-unusable", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("docker.local-daemon-unreachable", "Error: failed to fetch an image or build from source: error checking for buildkit support: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
        ROUND.readsNot("docker.local-daemon-unreachable", "Error error building: failed to dial gRPC: cannot connect to the Docker daemon. Is 'docker daemon' running on this host?: read tcp 172.17.0.2:38412->213.188.198.250:10000: read: connection reset by peer"); // fly.remote-builder-connection-lost
        ROUND.reads("docker.local-daemon-unreachable", "failed to dial gRPC: cannot connect to the Docker daemon. Is 'docker daemon' running on this host?: dial unix /var/snap/microk8s/current/docker.sock: connect: no such file or directory");
        ROUND.readsNot("docker.local-daemon-unreachable", "ERROR: Job failed (system failure): Cannot connect to the Docker daemon at tcp://172.31.7.97:2376. Is the docker daemon running? (executor_docker.go:967:60s)"); // a TCP daemon: the executor's, read by the system failure
        ROUND.reads("env.variable-unset-error", "Error: AWS_ACCESS_KEY_ID is unset");
        ROUND.readsNot("env.variable-unset-error", "AWS_ACCESS_KEY_ID is unset, falling back to the instance profile");
        ROUND.reads("env.variable-unset-error", "Error: KUBERNETES_EXEC_INFO env var is unset or empty");
        ROUND.readsNot("env.variable-unset-error", "Error: environment variable DATABASE_URL is missing."); // env.variable-missing-sentence
        ROUND.reads("fly.builder-provisioning-server-error", "Error: failed to fetch an image or build from source: ensure depot builder failed, please try again (status 503): {\"error\":\"service unavailable\"}");
        ROUND.readsNot("fly.builder-provisioning-server-error", "Error: failed to fetch an image or build from source: ensure depot builder failed, please try again (status 401): {\"error\":\"unauthorized\"}");
        ROUND.reads("fly.builder-provisioning-server-error", "Error: builder creation failed, please try again (status 502): <html><body>Bad Gateway</body></html>");
        ROUND.readsNot("fly.builder-provisioning-server-error", "Error: failed to fetch an image or build from source: error building: failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1"); // buildkit.process-failed
        ROUND.reads("flyctl.agent-host-not-in-dns", "Error: host was not found in DNS");
        ROUND.readsNot("flyctl.agent-host-not-in-dns", "Error: tunnel unavailable");
        ROUND.reads("flyctl.agent-host-not-in-dns", "Error: ssh: host was not found in DNS");
        ROUND.readsNot("flyctl.agent-host-not-in-dns", "Error: dial tcp: lookup redis-cache.internal on 127.0.0.53:53: server misbehaving"); // dns.lookup-failed's words
        ROUND.reads("flyctl.dockerfile-unavailable", "Error: downloading Dockerfile: unexpected HTTP status 404 Not Found");
        ROUND.readsNot("flyctl.dockerfile-unavailable", "Error: downloading Dockerfile: unexpected HTTP status 503 Service Unavailable");
        ROUND.reads("flyctl.dockerfile-unavailable", "Error: Could not detect runtime or Dockerfile");
        ROUND.readsNot("flyctl.dockerfile-unavailable", "Error: downloading Dockerfile: unexpected HTTP status 403 Forbidden"); // the file host's credentials
        ROUND.reads("flyctl.guest-or-flag-invalid", "Error: invalid memory size: Memory size must be in a 256 MiB increment (768MiB would work)");
        ROUND.readsNot("flyctl.guest-or-flag-invalid", "Error: could not reserve resource for machine: insufficient memory available to fulfill request");
        ROUND.reads("flyctl.guest-or-flag-invalid", "Error: --vm-cpu-kind must be set to 'shared' or 'performance'");
        ROUND.readsNot("flyctl.guest-or-flag-invalid", "Error: Max instances must be set to 200 or fewer to set the requested total CPU."); // Cloud Run's quota words
        ROUND.reads("flyctl.token-unusable", "Error: pass a macaroon token (e.g. from `fly tokens deploy`) as the -t argument or in FLY_API_TOKEN");
        ROUND.readsNot("flyctl.token-unusable", "Error: failed creating token: failed to create token: Post \"https://api.fly.io/graphql\": EOF");
        ROUND.reads("flyctl.token-unusable", "Error: the currently set token string has more than one permission token in it, can't proceed");
        ROUND.readsNot("flyctl.token-unusable", "Error: unable to decode token: illegal base64 data at input byte 412"); // flyctl.token-undecodable
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // the scenario's decoy: another agent pool's daemon down in a job that passed on a retry, the runner's
                // failure it is (the ECR image cap on the push job is the run's)
                "p166-28 docker.local-daemon-unreachable");
    }
}
