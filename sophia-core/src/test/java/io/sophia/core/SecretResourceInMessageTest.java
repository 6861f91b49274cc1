package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A message that names a Kubernetes secret after a "secret:" key keeps its words: the resource's kind is no password.
 * actions-runner-controller's controller logs "failed to find GitHub config secret: secrets \"arc-github-secret\" not
 * found" (projectbluefin/lab#270, actions/actions-runner-controller#3574); masking "secrets" hid the words that say the
 * secret is missing.
 */
class SecretResourceInMessageTest {

    @Test
    void theKindOfTheSecretAMessageNamesIsNotMasked() {
        for (String message : List.of(
                "\"error\":\"failed to find GitHub config secret: secrets \\\"arc-github-secret\\\" not found\"",
                "failed to find GitHub config secret: secrets \"arc-scale-set-ubuntu-basic-secrets\" not found",
                "error reading secret: secret \"db-credentials\" not found")) {
            assertEquals(message, Secrets.patterns().redact(message));
        }
        // a value after the key is still masked
        assertEquals("config secret: [REDACTED] not found", Secrets.patterns().redact("config secret: s3cr3tValue99 not found"));
        // the word alone, with no resource named after it, is a (weak) password and is masked
        for (String weak : List.of("password: secret", "DB_PASSWORD: secrets", "secret: secret not accepted")) {
            String out = Secrets.patterns().redact(weak);
            assertEquals(-1, out.indexOf("secret", out.indexOf(':')), weak + " -> " + out);
        }
    }
}
