package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import io.airwarn.plan.RulesEngine;
import java.time.OffsetDateTime;

/**
 * What approving a warning starts, decided once for the approval itself and for the preview the approver sees
 * before it. Pure.
 */
public final class WarningLifecycle {

    private WarningLifecycle() {
    }

    /** The level approval would put in force: the drafted level, or a submitted change's; null when none awaits. */
    public static WarningLevel awaitingApproval(Warning w) {
        return switch (w.state()) {
            case DRAFT, SUBMITTED -> w.level();
            case CHANGE_SUBMITTED -> w.pendingLevel();
            default -> null;
        };
    }

    /**
     * When the response starts if the warning is approved at {@code now}: at once for a change to a warning in
     * force and for heavy pollution already observed, otherwise at the warning's onset.
     */
    public static OffsetDateTime responseStart(Warning w, OffsetDateTime now) {
        return w.state() == WarningState.CHANGE_SUBMITTED || w.observedHeavy() ? now : w.onset();
    }

    /** The contingency plan activation approval at {@code now} would start; null when nothing awaits approval. */
    public static RulesEngine.Request activation(Warning w, OffsetDateTime now) {
        WarningLevel level = awaitingApproval(w);
        return level == null ? null : new RulesEngine.Request(level, w.issuedLevel(), responseStart(w, now),
                w.exercise(), w.widenExercise());
    }
}
