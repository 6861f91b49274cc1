package io.sophia.probes.internal;

import io.sophia.core.Secrets;

import java.util.List;

/** Makes text from an API fit for one line of a report: no control characters, capped length. */
public final class FlyText {

    private FlyText() {
    }

    /** {@code text} on one line, at most {@code max} characters. */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        // redacted while its lines are still lines: a token wrapped onto the next line is masked whole there
        String s = Secrets.patterns().redact(text).replaceAll("\\p{Cntrl}+", " ").trim();
        // redacted before the cut, and the cut never ends inside a word: no head of a token survives it
        return Secrets.patterns().cut(s, max);
    }

    /** {@code text} with every occurrence of {@code secret} masked (an API may echo what it was sent). */
    public static String mask(String text, String secret) {
        if (text == null || secret == null || secret.length() < 4) {
            return text;
        }
        return Secrets.of(List.of(secret)).redact(text);
    }
}
