package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review 25, item 1: a token wrapped a few characters in, right before a line of words or of a plain assignment. */
class ReviewTwentyFifthSecretsTest {

    /** The AWS CLI user guide's example access key id (docs.aws.amazon.com), and an obviously fake GitHub token. */
    private static final String AWS = "AKIA" + "IOSFODNN7EXAMPLE";
    private static final String GHP = "ghp_" + "FAKE0fake1FAKE2fake3FAKE4fake5FAKE6f";

    private static final List<String> NEXT = List.of("region = us-east-1", "region = x", "output = json",
            "aws_secret_access_key = see the vault", "Deploying the service now", "Starting the next step",
            "deploy finished with errors", "region: us-east-1", "aws_region=us-east-1", "2026-12-05T18:07:44Z ok");

    @Test
    void aTokenWrappedAFewCharactersInBeforeALineOfWordsKeepsNoPiece() {
        assertEquals(40, GHP.length());
        List<String> failures = new ArrayList<>();
        for (String t : List.of(AWS, GHP)) {
            for (int k = 1; k <= 19; k++) {
                for (String before : List.of("aws_access_key_id = ", "token: ", "push failed for ", "")) {
                    for (String next : NEXT) {
                        for (String br : List.of("\n", "\r\n", "\n    ")) {
                            String text = before + t.substring(0, k) + br + t.substring(k) + "\n" + next;
                            String out = Secrets.patterns().redact(text);
                            String lines = String.join("\n",
                                    Secrets.patterns().redactLines(List.of(text.split("\n", -1))));
                            String where = t.substring(0, 4) + " wrapped at " + k + " before '" + next + "'";
                            check(t, out, where, failures);
                            check(t, lines, where + " (lines)", failures);
                            if (!out.endsWith("\n" + next) || !out.startsWith(before)) {
                                failures.add(where + ": over-redacted: " + out.replace("\n", "\\n"));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: "
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }

    @Test
    void theLinesOfWordsAfterAMaskedTokenStay() {
        String text = "aws_access_key_id = [REDACTED]\nregion = us-east-1\nDeploying the service now";
        assertEquals(text, Secrets.patterns().redact(text));
        String config = "[default]\nregion = us-east-1\noutput = json\nDeploying the service now";
        assertEquals(config, Secrets.patterns().redact(config));
    }

    /** No 12-character piece of {@code token} in {@code out}, read as it is and with its line breaks taken out. */
    private static void check(String token, String out, String where, List<String> failures) {
        String joined = out.replaceAll("\r?\n[ \t]*", "");
        for (int i = 0; i + 12 <= token.length(); i++) {
            String piece = token.substring(i, i + 12);
            if (out.contains(piece) || joined.contains(piece)) {
                failures.add(where + ": '" + piece + "' in: " + out.replace("\n", "\\n"));
                return;
            }
        }
    }
}
