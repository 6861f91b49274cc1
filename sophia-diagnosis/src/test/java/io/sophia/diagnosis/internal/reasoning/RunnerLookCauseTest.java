package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Session 45 (r45-p205): {@link Facts#runnerLookCause} names the cause a look at the CI's own runner service reads when
 * that cause lies outside the runner (its configuration, a credential, the platform), so that a job waiting for a runner
 * is read as that cause's consequence. gitlab-runner's "FATAL: Service run failed error=Near line 2 (last key parsed
 * ''): bare keys cannot contain '('" (voxpupuli/puppet-gitlab_ci_runner#141) is its configuration file; a runner's full
 * disk is the runner's own, and a look at another service says nothing of the runner.
 */
class RunnerLookCauseTest {

    // stands in for the indications: the TOML parser's error, a full disk, a missing secret
    private static final Function<String, String> LINE_CAUSE = text -> text.contains("bare keys cannot contain")
            ? "config.invalid" : text.contains("no space left on device") ? "ci.runner"
            : text.contains("not found") ? "config.missing-secret" : null;

    private static Observation.ProbeFailure look(String target, String detail) {
        return new Observation.ProbeFailure("gitlab", Source.HOST, target, FailureKind.OTHER, detail, null,
                Duration.ZERO, 1);
    }

    private static String causeOf(Observation... observations) {
        return Facts.runnerLookCause(List.of(observations), Map.of(), LINE_CAUSE, text -> null, Set.of());
    }

    @Test
    void aLookAtTheRunnerServiceNamesItsOwnConfiguration() {
        assertEquals("config.invalid", causeOf(look("ssh ci-build-07 journalctl -u gitlab-runner -n 3",
                "gitlab-runner[22542]: FATAL: Service run failed error=Near line 2 (last key parsed ''): bare keys cannot contain '('")));
        // the runner named in the look's words, not its target
        assertEquals("config.missing-secret", causeOf(look("kubectl logs deploy/arc-gha-rs-controller -n arc-systems",
                "Failed to initialize Actions service client for creating a new runner scale set: secret not found")));
    }

    @Test
    void theRunnersOwnFaultAndALookAtAnotherServiceNameNothing() {
        assertEquals("", causeOf(look("ssh ci-build-07 journalctl -u gitlab-runner -n 3",
                "gitlab-runner[22542]: ERROR: Job failed: write /builds/app: no space left on device")));
        assertEquals("", causeOf(look("ssh web-01 journalctl -u nginx -n 3",
                "nginx[811]: emerg: bare keys cannot contain '(' in /etc/app/config.toml")));
        // a probe of the service itself is no look at a host or a platform
        assertEquals("", causeOf(new Observation.ProbeFailure("gitlab", Source.HTTP, "https://gitlab-runner.example/health",
                FailureKind.OTHER, "bare keys cannot contain '('", null, Duration.ZERO, 1)));
    }
}
