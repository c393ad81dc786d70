package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import java.time.OffsetDateTime;

/**
 * A warning as stored. {@code issuedLevel} is the level in force (NONE before issue); {@code pendingLevel} a change
 * awaiting approval (NONE to lift); an exercise reaches only drill recipients unless {@code widenExercise}.
 */
public record Warning(long id, String city, WarningState state, WarningLevel level, WarningLevel issuedLevel,
                      WarningLevel pendingLevel, OffsetDateTime onset, OffsetDateTime expectedEnd, boolean exercise,
                      boolean widenExercise, boolean observedHeavy, Long proposalId, String draftedBy, String submittedBy, String approvedBy,
                      OffsetDateTime issuedAt, OffsetDateTime liftedAt) {
}
