package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-sixth session's rule writer rules36-p163, each in its tool's own words: its round on p163-
 * (self-hosted platforms and VPS deploys: Coolify, Dokku, CapRover, Portainer, compose over SSH). The host's container
 * engine unable to fork for a new container ("fork/exec /proc/self/exe: cannot allocate memory", nsenter's "Unable to
 * fork"); a full disk printed by a command the job ran on the deploy host over SSH (the runner's echo "Run ssh
 * user@host ...", an SSH action's); a running app's process under npm killed ("app[web.1]: Killed" then npm's "errno
 * 137"); Coolify's rolling update rolled back for the new container's health check; a Traefik router naming a
 * middleware, a service or a resolver no provider defines. Each is tested on its source's words and a near miss (the
 * first pair of each is indication-cases.tsv's row, then a line its comment quotes and a line of another cause that
 * shares its words); each new log indication reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause.
 */
class HundredSecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules36-p163 (p163-: self-hosted platforms and VPS deploys)
            Map.entry("container-engine.fork-no-memory", "platform.capacity"),
            Map.entry("coolify.new-container-not-healthy", "app.healthcheck-failing"),
            Map.entry("npm.script-killed-137", "app.oom"),
            Map.entry("ssh-remote.host-disk-full", "platform.capacity"),
            Map.entry("traefik.router-reference-missing", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("container-engine.fork-no-memory", "remote: sandbox: namespace creation reexec command failed: fork/exec /proc/self/exe: cannot allocate memory");
        ROUND.readsNot("container-engine.fork-no-memory", "remote: sandbox: namespace creation reexec command failed: fork/exec /proc/self/exe: no such file or directory");
        ROUND.reads("container-engine.fork-no-memory", "Error response from daemon: Cannot start container 3f2a9c1b7d4e: fork/exec /usr/sbin/iptables: cannot allocate memory");
        ROUND.readsNot("container-engine.fork-no-memory", "fatal error: runtime: out of memory"); // memory.cannot-allocate (app.oom)
        ROUND.reads("coolify.new-container-not-healthy", "[2026-Mar-22 10:14:05.835095] New container is not healthy, rolling back to the old container.");
        ROUND.readsNot("coolify.new-container-not-healthy", "[2026-Mar-22 10:14:05.835095] New container is healthy.");
        ROUND.reads("coolify.new-container-not-healthy", "[2024-Mar-20 03:51:55.734183] Attempt 2 of 10 | Healthcheck status: \"unhealthy\"");
        ROUND.readsNot("coolify.new-container-not-healthy", "[2024-Mar-20 03:51:50.624769] Attempt 1 of 10 | Healthcheck status: \"starting\"");
        ROUND.reads("npm.script-killed-137", "app[web.1]: Killed\napp[web.1]: npm ERR! code ELIFECYCLE\napp[web.1]: npm ERR! errno 137");
        ROUND.readsNot("npm.script-killed-137", "Killed\nnpm ERR! code ELIFECYCLE\nnpm ERR! errno 137"); // a CI step's bare kill (p94-28, unknown)
        ROUND.reads("npm.script-killed-137", "worker-1  | Killed\nworker-1  | npm ERR! code ELIFECYCLE\nworker-1  | npm ERR! errno 137");
        ROUND.readsNot("npm.script-killed-137", "worker-1  | Killed\nworker-1  | npm ERR! code ELIFECYCLE\nworker-1  | npm ERR! errno 1"); // npm.lifecycle (unknown)
        ROUND.reads("ssh-remote.host-disk-full", "##[group]Run ssh deploy@crm-vm 'cd /opt/crm && docker-compose pull && docker-compose up -d'\n##[endgroup]\nfailed to register layer: Error processing tar file(exit status 1): write /usr/local/lib/python3.11/site-packages/scipy/linalg/_flapack.so: no space left on device");
        ROUND.readsNot("ssh-remote.host-disk-full", "##[group]Run docker pull nvcr.io/nvidia/nemo:24.07\n##[endgroup]\nfailed to register layer: Error processing tar file(exit status 1): write /opt/conda/lib/python3.10/site-packages/torch/lib/libtorch_cuda.so: no space left on device"); // disk.no-space (ci.runner)
        ROUND.reads("ssh-remote.host-disk-full", "##[group]Run appleboy/ssh-action@v1.0.3\n##[endgroup]\n======CMD======\ncd /opt/soc && docker-compose pull\n======END======\nerr: ERROR: failed to register layer: Error processing tar file(exit status 1): write /usr/lib/jvm/java-11-openjdk-amd64/jmods/java.base.jmod: no space left on device");
        ROUND.readsNot("ssh-remote.host-disk-full", "##[group]Run webfactory/ssh-agent@v0.9.0\n##[endgroup]\nERROR: failed to solve: write /var/lib/docker/buildkit/content/ingest/a8e1/data: no space left on device"); // disk.no-space (ci.runner)
        ROUND.reads("traefik.router-reference-missing", "time=\"2026-01-22T11:58:02Z\" level=error msg=\"middleware \\\"traefik-forward-auth@docker\\\" does not exist\" entryPointName=websecure routerName=pihole@docker");
        ROUND.readsNot("traefik.router-reference-missing", "time=\"2026-01-22T11:58:02Z\" level=error msg=\"middleware \\\"traefik-forward-auth@docker\\\" is not enabled\" entryPointName=websecure routerName=pihole@docker");
        ROUND.reads("traefik.router-reference-missing", "2026-07-19T10:58:12Z ERR error=\"the router n8n@docker uses a non-existent resolver: letsencrypt\"");
        ROUND.readsNot("traefik.router-reference-missing", "2026-07-19T10:58:12Z ERR error=\"error while parsing rule Host(`a.example.com`) && PathPrefix(`/api`: 1:63: expected ')', found 'EOF'\" routerName=api@docker"); // traefik.router-rule-invalid
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the round's own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}

