package io.sophia.probes.internal;

/** Makes text from an API fit for one line of a report: no control characters, capped length. */
public final class FlyText {

    private FlyText() {
    }

    /** {@code text} on one line, at most {@code max} characters. */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("\\p{Cntrl}+", " ").trim();
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    /** {@code text} with every occurrence of {@code secret} masked (an API may echo what it was sent). */
    public static String mask(String text, String secret) {
        if (text == null || secret == null || secret.length() < 4) {
            return text;
        }
        return text.replace(secret, "****");
    }
}
