package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import java.time.OffsetDateTime;

/**
 * A warning as stored. {@code issuedLevel} is the level in force (NONE before issue); {@code pendingLevel} a change
 * awaiting approval (NONE to lift); an exercise reaches only drill recipients unless {@code widenExercise}.
 */
public record Warning(long id, String city, WarningState state, WarningLevel level, WarningLevel issuedLevel,
                      WarningLevel pendingLevel, OffsetDateTime onset, OffsetDateTime expectedEnd, boolean exercise,
                      boolean widenExercise, boolean observedHeavy, Long proposalId, String draftedBy,
                      String submittedBy, String approvedBy, OffsetDateTime issuedAt, OffsetDateTime liftedAt) {

    public Warning withState(WarningState newState) {
        return new Warning(id, city, newState, level, issuedLevel, pendingLevel, onset, expectedEnd, exercise,
                widenExercise, observedHeavy, proposalId, draftedBy, submittedBy, approvedBy, issuedAt, liftedAt);
    }

    /** The drafted level, the level in force and the level a change awaits approval for. */
    public Warning withLevels(WarningLevel newLevel, WarningLevel newIssuedLevel, WarningLevel newPendingLevel) {
        return new Warning(id, city, state, newLevel, newIssuedLevel, newPendingLevel, onset, expectedEnd, exercise,
                widenExercise, observedHeavy, proposalId, draftedBy, submittedBy, approvedBy, issuedAt, liftedAt);
    }

    public Warning withTimes(OffsetDateTime newOnset, OffsetDateTime newExpectedEnd) {
        return new Warning(id, city, state, level, issuedLevel, pendingLevel, newOnset, newExpectedEnd, exercise,
                widenExercise, observedHeavy, proposalId, draftedBy, submittedBy, approvedBy, issuedAt, liftedAt);
    }

    public Warning withObservedHeavy(boolean heavy) {
        return new Warning(id, city, state, level, issuedLevel, pendingLevel, onset, expectedEnd, exercise,
                widenExercise, heavy, proposalId, draftedBy, submittedBy, approvedBy, issuedAt, liftedAt);
    }

    /** Who submitted and who approved the warning (or its change), and when it was issued and lifted. */
    public Warning withDecisions(String newSubmittedBy, String newApprovedBy, OffsetDateTime newIssuedAt,
                                 OffsetDateTime newLiftedAt) {
        return new Warning(id, city, state, level, issuedLevel, pendingLevel, onset, expectedEnd, exercise,
                widenExercise, observedHeavy, proposalId, draftedBy, newSubmittedBy, newApprovedBy, newIssuedAt,
                newLiftedAt);
    }
}
