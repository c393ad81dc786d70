package io.airwarn.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.airwarn.core.WarningLevel;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The one decision of what approval starts, which the approval and the approver's preview both use. */
class WarningLifecycleRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T09:00+08:00");
    private static final OffsetDateTime ONSET = NOW.plusHours(30);

    private static Warning warning(WarningState state, boolean observedHeavy) {
        return new Warning(1, "220100", state, WarningLevel.ORANGE, state == WarningState.CHANGE_SUBMITTED
                ? WarningLevel.YELLOW : WarningLevel.NONE, state == WarningState.CHANGE_SUBMITTED ? WarningLevel.RED
                : null, ONSET, ONSET.plusDays(3), false, false, observedHeavy, null, "duty", "duty", null, null, null);
    }

    @Test
    void heavyPollutionAlreadyObservedStartsTheResponseAtApproval() {
        assertEquals(NOW, WarningLifecycle.activation(warning(WarningState.SUBMITTED, true), NOW).responseStart());
        assertEquals(ONSET, WarningLifecycle.activation(warning(WarningState.SUBMITTED, false), NOW).responseStart());
    }

    @Test
    void aChangeStartsAtApprovalWithTheSubmittedLevelFromTheLevelInForce() {
        var change = WarningLifecycle.activation(warning(WarningState.CHANGE_SUBMITTED, false), NOW);
        assertEquals(NOW, change.responseStart());
        assertEquals(WarningLevel.RED, change.level());
        assertEquals(WarningLevel.YELLOW, change.previousLevel());
    }

    @Test
    void nothingAwaitsApprovalOnceIssuedOrLifted() {
        assertNull(WarningLifecycle.activation(warning(WarningState.ISSUED, false), NOW));
        assertNull(WarningLifecycle.awaitingApproval(warning(WarningState.LIFTED, true)));
    }
}
