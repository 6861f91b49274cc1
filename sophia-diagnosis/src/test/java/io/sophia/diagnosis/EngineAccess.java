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
}
