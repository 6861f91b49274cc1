package io.sophia.diagnosis;

import io.sophia.diagnosis.internal.reasoning.Knowledge;

/** The engine's view of a knowledge base, for the calibration tests, which call the engine directly. */
public final class EngineAccess {

    private EngineAccess() {
    }

    /** {@return what the engine reads of {@code kb}} */
    public static Knowledge knowledge(KnowledgeBase kb) {
        return EngineInput.knowledge(kb);
    }

    /** {@return what the engine reads of {@code settings}} */
    public static Knowledge.CompiledSettings settings(KnowledgeBase.Settings settings) {
        return EngineInput.settings(settings);
    }

    /**
     * {@return the assessment {@code diagnosis} makes and the calibration terms of the same inference}
     * (a null argument throws as {@link Diagnosis#diagnose} does)
     */
    public static io.sophia.diagnosis.internal.reasoning.Reasoner.Diagnosed diagnoseWithTerms(Diagnosis diagnosis,
            io.sophia.core.Deployment deployment, java.util.List<io.sophia.core.Observation> observations,
            java.time.Instant now) {
        return diagnosis.diagnoseWithTerms(deployment, observations, now);
    }
}
