package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 46 (r46-h158): a host's pull of an image through a container engine's CLI that came back refused is the
 * registry's answer to the deployment's own pull ("Error response from daemon: error from registry: denied",
 * open-webui/mcpo#282), read by specific indications as a cloud CLI's refused call is; a refused look of another kind
 * at the host stays the looker's trouble.
 */
class ContainerPullRefusalTest {

    private static Observation.ProbeFailure look(String target, FailureKind kind, Integer status) {
        return new Observation.ProbeFailure("tools-proxy", Source.HOST, target, kind,
                "Using default tag: latest Error response from daemon: error from registry: denied", status,
                Duration.ofMillis(900), 1);
    }

    @Test
    void aRefusedPullIsTheRegistrysAnswer() {
        assertTrue(Facts.containerPullRefused(look("docker compose pull tools-proxy (ghcr.io/open-webui/mcpo:latest)",
                FailureKind.FORBIDDEN, null)));
        assertTrue(Facts.containerPullRefused(look("docker pull ghcr.io/open-webui/mcpo", FailureKind.UNAUTHORIZED, null)));
        assertTrue(Facts.containerPullRefused(look("sudo docker-compose -f compose.prod.yml pull", FailureKind.FORBIDDEN, null)));
        assertTrue(Facts.containerPullRefused(look("podman pull quay.io/acme/api:1.4", FailureKind.FORBIDDEN, null)));
        // review 46: the management command's form and sudo with its own flags are the same pull
        assertTrue(Facts.containerPullRefused(look("docker image pull ghcr.io/acme/api:1.4", FailureKind.FORBIDDEN, null)));
        assertTrue(Facts.containerPullRefused(look("sudo -E docker pull ghcr.io/acme/api:1.4", FailureKind.UNAUTHORIZED, null)));
    }

    @Test
    void otherRefusedLooksAreNot() {
        // a look at the host's state, not a pull
        assertFalse(Facts.containerPullRefused(look("docker ps -a", FailureKind.FORBIDDEN, null)));
        assertFalse(Facts.containerPullRefused(look("docker image ls", FailureKind.FORBIDDEN, null)));
        assertFalse(Facts.containerPullRefused(look("cat ~/.docker/config.json | jq .auths", FailureKind.FORBIDDEN, null)));
        // an API's refusal with a status of its own is read as such elsewhere
        assertFalse(Facts.containerPullRefused(look("docker pull ghcr.io/acme/api", FailureKind.FORBIDDEN, 403)));
        // a pull that failed for another reason
        assertFalse(Facts.containerPullRefused(look("docker pull ghcr.io/acme/api", FailureKind.NOT_FOUND, null)));
        // a pull named in an argument, not run
        assertFalse(Facts.containerPullRefused(look("grep pull /var/log/syslog", FailureKind.FORBIDDEN, null)));
    }
}
