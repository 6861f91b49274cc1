package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-ninth session's rule writer rules39-p176, each in its tool's own words: its round on p176-
 * (containers deployed to plain VMs: compose over SSH, podman under systemd, Kamal, Nomad). The engine refusing a
 * published host port another holds (dockerd's "Bind for 0.0.0.0:80 failed: port is already allocated"); a rootless
 * engine refusing a host port below 1024 (rootlesskit's "cannot expose privileged port 80, you can add ..."); podman
 * refusing an unqualified image name with no search registries; compose refusing service_healthy on a service with no
 * healthcheck; compose v1's "Couldn't find env file"; Nomad's or Consul's 403 "(Permission denied)" to a deploy token
 * whose policy lacks the call. Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes and a line of another cause that shares its words); each
 * new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause (or
 * a consequence of that scenario's cause, named with its reason). The round's widened indications
 * (docker.env-file-missing: ssh-action's "err: " prefix; docker.reference-not-lowercase: podman's "Error: repository
 * name must be lowercase") are pinned below too.
 */
class HundredTwentyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("compose.couldnt-find-env-file", "config.missing-secret"),
            Map.entry("compose.depends-on-healthy-without-healthcheck", "config.invalid"),
            Map.entry("containers-image.short-name-unresolved", "config.invalid"),
            Map.entry("docker.published-port-already-allocated", "config.invalid"),
            Map.entry("hashicorp.acl-permission-denied", "auth.deploy-token"),
            Map.entry("rootlesskit.privileged-port-not-exposable", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("compose.couldnt-find-env-file", "ERROR: Couldn't find env file: /home/icinga2/secrets_sql.env");
        ROUND.readsNot("compose.couldnt-find-env-file", "ERROR: In file ./.env: environment variable name 'port ' may not contain whitespace.");
        ROUND.reads("compose.couldnt-find-env-file", "compose.config.errors.EnvFileNotFound: Couldn't find env file: /root/.env");
        ROUND.readsNot("compose.couldnt-find-env-file", "ERROR: Couldn't find the image repository for service web"); // no env file named
        ROUND.reads("compose.depends-on-healthy-without-healthcheck", "dependency failed to start: container ties-db-1 has no healthcheck configured");
        ROUND.readsNot("compose.depends-on-healthy-without-healthcheck", "dependency failed to start: container espocrm is unhealthy"); // app.healthcheck-failing's
        ROUND.reads("compose.depends-on-healthy-without-healthcheck", "ERROR: for db1000n_38  Service \"updater\" is missing a healthcheck configuration");
        ROUND.readsNot("compose.depends-on-healthy-without-healthcheck", "ERROR: for db1000n_38  Container \"a1b2c3d4e5f6\" is unhealthy.");
        ROUND.reads("containers-image.short-name-unresolved", "Error: short-name \"basecamp/kamal-proxy:v0.9.0\" did not resolve to an alias and no unqualified-search registries are defined in \"/etc/containers/registries.conf\"");
        ROUND.readsNot("containers-image.short-name-unresolved", "Resolving \"golang\" using unqualified-search registries (/etc/containers/registries.conf)");
        ROUND.reads("containers-image.short-name-unresolved", "Error: No matching short-name alias has been found for \"nginx\" and no unqualified-search registries are configured in \"/etc/containers/registries.conf\" or \"/etc/containers/registries.conf.d\"");
        ROUND.readsNot("containers-image.short-name-unresolved", "Error: initializing source docker://registry.fedoraproject.org/idonotexist:latest: reading manifest latest in registry.fedoraproject.org/idonotexist: manifest unknown"); // image.not-found's
        ROUND.reads("docker.published-port-already-allocated", "Error response from daemon: driver failed programming external connectivity on endpoint test-nginx-1 (): Bind for 0.0.0.0:443 failed: port is already allocated");
        ROUND.readsNot("docker.published-port-already-allocated", "docker: Error response from daemon: driver failed programming external connectivity on endpoint bind (46ab9155dd1c): Error starting userland proxy: listen tcp 172.17.42.1:10000: bind: cannot assign requested address.");
        ROUND.reads("docker.published-port-already-allocated", "ERROR: for nginx  Cannot start service nginx: driver failed programming external connectivity on endpoint phpapp_nginx_1 (a987d1f81f83): Error starting userland proxy: Bind for 0.0.0.0:80: unexpected error (Failure EADDRINUSE)");
        ROUND.readsNot("docker.published-port-already-allocated", "Error: listen EADDRINUSE: address already in use :::3000"); // the app's own bind
        ROUND.reads("hashicorp.acl-permission-denied", "Error submitting job: Unexpected response code: 403 (Permission denied)");
        ROUND.readsNot("hashicorp.acl-permission-denied", "Error submitting job: Unexpected response code: 403 (ACL token not found)"); // hashicorp.acl-token-rejected
        ROUND.reads("hashicorp.acl-permission-denied", "Error deregistering job: Unexpected response code: 403 (Permission denied)");
        ROUND.readsNot("hashicorp.acl-permission-denied", "Error submitting job: Unexpected response code: 500 (rpc error: No cluster leader)");
        ROUND.reads("rootlesskit.privileged-port-not-exposable", "Error: rootlessport cannot expose privileged port 80, you can add 'net.ipv4.ip_unprivileged_port_start=80' to /etc/sysctl.conf (currently 1024), or choose a larger port number (>= 1024): listen tcp 0.0.0.0:80: bind: permission denied");
        ROUND.readsNot("rootlesskit.privileged-port-not-exposable", "run: loading initial config: loading new config: http app module: start: tcp: listening on :443: listen tcp :443: bind: permission denied"); // listen.privileged-port-denied
        ROUND.reads("rootlesskit.privileged-port-not-exposable", "ERROR: for proxy-web-auto  Cannot start service proxy-web-auto: driver failed programming external connectivity on endpoint proxy-web-auto (811c2b876077): Error starting userland proxy: error while calling PortManager.AddPort(): cannot expose privileged port 443, you can add 'net.ipv4.ip_unprivileged_port_start=443' to /etc/sysctl.conf (currently 1024), or set CAP_NET_BIND_SERVICE on rootlesskit binary, or choose a larger port number (>= 1024): listen tcp4 10.0.0.5:443: bind: permission denied");
        ROUND.readsNot("rootlesskit.privileged-port-not-exposable", "(13)Permission denied: AH00072: make_sock: could not bind to address 0.0.0.0:80");
        // widened
        ROUND.reads("docker.env-file-missing", "config.missing-secret", "err: env file /srv/fantasy/.env not found: stat /srv/fantasy/.env: no such file or directory");
        ROUND.readsNot("docker.env-file-missing", "err: open /srv/fantasy/config.yml: no such file or directory");
        ROUND.reads("docker.reference-not-lowercase", "config.invalid", "podman[65866]: Error: repository name must be lowercase");
        ROUND.readsNot("docker.reference-not-lowercase", "podman[65866]: Error: repository name required");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // h13-44 and p95-34 (network.dns) show a first "docker compose up -d" refused on a port another container held,
        // then a retry that started the app off the compose network: the line is a real port clash of an earlier
        // attempt, superseded in the scenario by the retry whose name lookups fail (the scenario's cause)
        // rootlesskit.privileged-port-not-exposable reads no labelled scenario's log: p176-14, its source, carries the
        // line in a journalctl look (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("rootlesskit.privileged-port-not-exposable")).staysInItsCauses("h13-44 docker.published-port-already-allocated",
                "p95-34 docker.published-port-already-allocated");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
