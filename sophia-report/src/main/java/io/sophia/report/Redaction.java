package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.Secrets;
import io.sophia.report.internal.AssessmentScrubber;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Masks secrets in text before it reaches a report: explicitly registered secret values (the
 * value of a token environment variable, say) and strings that look like credentials. The shapes
 * are Sophia's one set, {@link Secrets} in sophia-core, so a report, a probe's detail, a config
 * error and the command line's streams all mask the same things.
 *
 * <p>Every renderer of this package applies a redaction to every string of the assessment
 * before escaping it; by default {@link #patterns()}. A masked secret becomes {@value #MASK}.
 * Applying a redaction twice gives the same text as applying it once.
 *
 * <p>Registered values shorter than {@value #MIN_SECRET_LENGTH} characters are ignored: masking
 * every "1" or "ok" would destroy the report without protecting anything worth the name.
 *
 * <p>Immutable and thread-safe. Stability: public API.
 */
public final class Redaction {

    /** What a masked secret is replaced with. */
    public static final String MASK = Secrets.MASK;

    /** Shortest registered value that is masked. */
    public static final int MIN_SECRET_LENGTH = Secrets.MIN_SECRET_LENGTH;

    private static final Redaction PATTERNS = new Redaction(Secrets.patterns());

    private final Secrets secrets;

    private Redaction(Secrets secrets) {
        this.secrets = secrets;
    }

    /**
     * Masks token-looking strings only; the default of every renderer.
     *
     * @return the redaction
     */
    public static Redaction patterns() {
        return PATTERNS;
    }

    /**
     * {@return the report redaction of {@code secrets}: its registered values and every credential-shaped string}
     * Values are registered in one place, the core's {@link Secrets#of(Collection)} and {@link Secrets#and}, so a
     * report masks exactly what the streams, logs and messages of the same run mask.
     *
     * <pre>{@code
     * // singletonList, not List.of: an unset variable is null, which Secrets.of ignores and List.of refuses
     * Redaction r = Redaction.of(Secrets.of(Collections.singletonList(System.getenv("DEPLOY_TOKEN"))));
     * }</pre>
     *
     * @param secrets the core redaction; {@link Secrets#patterns()} gives {@link #patterns()}
     * @throws NullPointerException when {@code secrets} is null
     */
    public static Redaction of(Secrets secrets) {
        return Objects.requireNonNull(secrets, "secrets") == Secrets.patterns() ? PATTERNS : new Redaction(secrets);
    }

    /** {@return the core redaction behind this one (for outputs outside the reports: streams, logs, messages)} */
    public Secrets secrets() {
        return secrets;
    }

    /**
     * {@return {@code text} with every secret masked; null stays null}
     *
     * @param text any text, or null
     */
    public String apply(String text) {
        return secrets.redact(text);
    }

    /** Each of {@code texts} masked (the artifact names a report lists); null gives an empty list. */
    List<String> applyEach(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(this::apply).toList();
    }

    /**
     * {@return a copy of {@code assessment} in which every string (names, urls, log lines, texts) is masked}
     *
     * @param assessment the assessment to mask
     */
    public Assessment apply(Assessment assessment) {
        return AssessmentScrubber.scrub(assessment, this::apply);
    }

    /** {@return the number of registered secret values (not the values)} */
    public int registeredValues() {
        return secrets.registeredValues();
    }

    @Override
    public String toString() {
        return "Redaction[patterns + " + secrets.registeredValues() + " registered values]";
    }
}
