package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code rules:} entry that points at a credentials file by mistake must not print the file:
 * the error names the file and what is wrong, never its first line or any piece of a secret.
 * The file shapes are the usual places secrets live (git credential store, AWS shared
 * credentials, .netrc, .env, .npmrc, a service-account JSON, a bare token file).
 */
class RuleFileSecretsTest {

    private static final String GHP = "ghp_" + "R8f2Kq9LmZ4xT7wB1nC5vY3hJ6dP0sGa";
    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8mEXAMPLEKEY";
    private static final String PASSWORD = "correct-horse-Battery-staple-42";

    private static Map<String, List<String>> files() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put(".git-credentials", List.of("https://deploy:" + GHP + "@github.com\n", GHP));
        f.put("credentials", List.of("[default]\naws_access_key_id = AKIA" + "Q3EGRTX7YCNZ2WLM\naws_secret_access_key = "
                + AWS_SECRET + "\n", "AKIAQ3EGRTX7YCNZ2WLM", AWS_SECRET));
        f.put(".netrc", List.of("machine github.com login deploy password " + PASSWORD + "\n", PASSWORD));
        f.put(".env", List.of("GITHUB_TOKEN=" + GHP + "\nDB_PASSWORD=" + PASSWORD + "\n", GHP, PASSWORD));
        f.put(".npmrc", List.of("//registry.npmjs.org/:_authToken=npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n",
                "npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"));
        f.put("key.json", List.of("{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEv"
                + "QIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n\"}", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
        f.put("token.txt", List.of(GHP + "\n", GHP));
        f.put("token-as-key.yaml", List.of(GHP + ": true\n", GHP));
        f.put("bad.json", List.of("{\"a\": " + GHP + "}", GHP));
        f.put("unquoted.json", List.of(PASSWORD + "\n", PASSWORD));
        return f;
    }

    @Test
    void anErrorAboutACredentialsFileNeverEchoesItsContent(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, List<String>> e : files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            String content = e.getValue().get(0);
            Files.writeString(file, content);
            InputException x = assertThrows(InputException.class,
                    () -> KnowledgeBase.builtIn().withRuleFile(file), e.getKey());
            String message = x.getMessage() + " | " + x.problem() + " | " + x.key();
            assertTrue(x.getMessage().contains(file.toString()), message);
            String firstLine = content.lines().findFirst().orElseThrow();
            assertFalse(firstLine.length() > 12 && message.contains(firstLine), () -> e.getKey() + ": " + message);
            for (String secret : e.getValue().subList(1, e.getValue().size())) {
                for (int i = 0; i + 12 <= secret.length(); i++) {
                    String piece = secret.substring(i, i + 12);
                    assertFalse(message.contains(piece), () -> e.getKey() + " leaks '" + piece + "': " + message);
                }
            }
        }
    }

    @Test
    void aTextFileInsteadOfRulesSaysSoWithoutQuotingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token.txt"), GHP + "\n");
        InputException x = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(file));
        assertEquals("must be a mapping (key: value lines), was text", x.problem());
    }

    @Test
    void aSecretAsAKeyOrInAnIndicationIsNeverEchoed(@TempDir Path dir) throws Exception {
        // a YAML credentials file whose key is the secret, and a rule file's indications list holding one where the
        // error quotes a value (an unknown key, an id, a cause, a pattern): the AWS secret is no known token shape, only
        // one that looks like a secret
        Map<String, String> files = new LinkedHashMap<>();
        files.put("secret-key.yaml", AWS_SECRET + ": true\n");
        files.put("nested-secret-key.yaml", "settings:\n  " + AWS_SECRET + ": 1\n");
        String indication = "indications:\n  - id: %s\n    cause: %s\n    literals: [x]\n    pattern: '%s'\n";
        files.put("unknown-key.yaml", "indications:\n  - " + AWS_SECRET + ": x\n");
        files.put("id.yaml", indication.formatted(AWS_SECRET, "team.undefined", "x"));
        files.put("cause.yaml", indication.formatted("team.x", AWS_SECRET, "x"));
        files.put("pattern.yaml", indication.formatted("team.x", "app.oom", AWS_SECRET + "(("));
        files.put("duplicate.yaml", indication.formatted(AWS_SECRET, "app.oom", "x")
                + indication.formatted(AWS_SECRET, "app.oom", "x").substring("indications:\n".length()));
        files.put("weight.yaml", indication.formatted(AWS_SECRET, "app.oom", "x") + "    weight: 7\n");
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = Files.writeString(dir.resolve(e.getKey()), e.getValue());
            InputException x = assertThrows(InputException.class, () -> KnowledgeBase.builtIn().withRuleFile(file),
                    e.getKey());
            String message = x.getMessage() + " | " + x.problem() + " | " + x.key();
            assertTrue(x.getMessage().contains(file.toString()), message);
            for (int i = 0; i + 12 <= AWS_SECRET.length(); i++) {
                String piece = AWS_SECRET.substring(i, i + 12);
                assertFalse(message.contains(piece), () -> e.getKey() + " leaks '" + piece + "': " + message);
            }
        }
    }
}
