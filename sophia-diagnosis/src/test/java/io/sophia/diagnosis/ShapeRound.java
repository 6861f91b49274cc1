package io.sophia.diagnosis;

import java.io.IOException;
import java.util.Map;

/**
 * A round of new general shapes under test: each new indication and the cause it names. Its checks are the ones every
 * round's test class makes: a line is read (or not) by an indication, for its cause, and the round's indications read no
 * line of the shared corpus and, on the labelled scenarios, only lines of their own cause.
 *
 * @param causeOf each new indication id and its cause id
 */
record ShapeRound(Map<String, String> causeOf) {

    /** {@return the round without {@code indications}: those read on no labelled scenario the test walks} */
    ShapeRound without(java.util.Set<String> indications) {
        return new ShapeRound(causeOf.entrySet().stream().filter(e -> !indications.contains(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Asserts that {@code indication}, one of the round's, reads {@code line} for its cause. */
    void reads(String indication, String line) throws IOException {
        Fleet.assertReads(indication, causeOf.get(indication), line);
    }

    /** Asserts that {@code indication} reads {@code line} for {@code cause} (an indication of an earlier round too). */
    void reads(String indication, String cause, String line) throws IOException {
        Fleet.assertReads(indication, cause, line);
    }

    /** Asserts that {@code indication} does not read {@code line}. */
    void readsNot(String indication, String line) throws IOException {
        Fleet.assertReadsNot(indication, line);
    }

    /**
     * Asserts {@link Fleet#assertNewShapesStayInTheirCause} for the round's indications: no line of the shared corpus
     * read, and on the labelled scenarios only lines of their own causes (a call needs no corpus check of its own).
     */
    void staysInItsCauses() throws IOException {
        Fleet.assertNewShapesStayInTheirCause(causeOf, java.util.List.of());
    }

    /**
     * As {@link #staysInItsCauses()}, but a line of a later scenario that is a consequence of its label's cause (a time
     * limit that ran out while the platform was degraded, a health check that failed because the app could not start)
     * is not counted: each entry is "{@code <scenario id prefix> <indication id>}", its reason written at the call.
     */
    void staysInItsCauses(String... consequences) throws IOException {
        Fleet.assertNewShapesStayInTheirCause(causeOf, java.util.List.of(consequences));
    }

    /**
     * As {@link #staysInItsCauses()}, but the round's indications read exactly {@code corpusLines} of the shared corpus
     * (each the end of a "file:line id" entry, in the corpus walk's order): lines that are their logs' own failure,
     * the reason written at the call.
     */
    void staysInItsCausesReadingInTheCorpus(java.util.List<String> corpusLines) throws IOException {
        Fleet.assertNewShapesStayInTheirCause(causeOf, java.util.List.of(), corpusLines);
    }

    /** Asserts that each labelled scenario of {@code topCauseOf} (its id) is diagnosed with the mapped cause first. */
    static void leadWith(Map<String, String> topCauseOf) throws IOException {
        for (Map.Entry<String, String> e : topCauseOf.entrySet()) {
            io.sophia.core.Assessment a = Fleet.scenario(e.getKey());
            org.junit.jupiter.api.Assertions.assertEquals(e.getValue(), a.causes().get(0).id().value(),
                    e.getKey() + " " + a.causes());
        }
    }
}
