package io.sophia.diagnosis.calibration;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sophia.diagnosis.calibration.CorpusFixtures.diagnose;
import static io.sophia.diagnosis.calibration.CorpusFixtures.edited;
import static io.sophia.diagnosis.calibration.CorpusFixtures.file;
import static io.sophia.diagnosis.calibration.CorpusFixtures.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mechanisms of rules34e (session 34) read on the tuning scenarios they came from and on the same scenarios edited
 * so that they no longer hold: ECS refused by IAM reading a secret is the role's policy only when AWS names the policy
 * as the reason (p157-06); a compose container's prefix and a URL's path name no host a line looked up (p157-40); a
 * Vault client refused at Vault's default address is its VAULT_ADDR missing, beside a later name lookup (p157-16).
 */
class RulesThirtyFourthSessionETest {

    @Test
    void aSecretReadTheRolesPolicyRefusesIsTheTasksConfiguration(@TempDir Path dir) throws Exception {
        Path original = file("p157-06-");
        Assessment named = diagnose(original);
        assertEquals(CauseId.of("config.invalid"), named.topCause().orElseThrow().id(), named.causes().toString());
        Assessment bare = diagnose(edited(dir, original,
                " because no identity-based policy allows the ssm:GetParameters action", ""));
        assertEquals(CauseId.of("config.missing-secret"), bare.topCause().orElseThrow().id(),
                "without the policy named as the reason the refusal stays the secret's (ThirteenthRoundShapesTest)");
    }

    @Test
    void aLookupOfAnotherNameUnderADownContainersPrefixIsTheName(@TempDir Path dir) throws Exception {
        Path original = file("p157-40-");
        Assessment other = diagnose(original);
        assertEquals(CauseId.of("network.dns"), other.topCause().orElseThrow().id(), other.causes().toString());
        Assessment own = diagnose(edited(dir, original, "lookup host.docker.internal on", "lookup vault on"));
        assertTrue(p(own, "network.dns") < p(other, "network.dns"),
                "a lookup of the down service's own name is that service down: " + own.causes());
    }

    @Test
    void aVaultClientAtItsDefaultAddressIsNotConfidentlyANameThatDoesNotResolve() throws Exception {
        Assessment a = diagnose(file("p157-16-"));
        assertTrue(p(a, "network.dns") <= 0.6, "the debug step's name lookup stays beside the client's default: "
                + a.causes());
        assertTrue(p(a, "config.missing-secret") >= 0.3, a.causes().toString());
    }
}
