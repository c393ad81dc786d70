package io.airwarn.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every state against every action: the allowed ones lead where the diagram says, the others nowhere. */
class WarningStateTest {

    private static final Map<WarningState, Map<WarningState.Action, WarningState>> EXPECTED = new EnumMap<>(Map.of(
            WarningState.DRAFT, Map.of(WarningState.Action.CONSULT, WarningState.DRAFT,
                    WarningState.Action.SUBMIT, WarningState.SUBMITTED,
                    WarningState.Action.CANCEL, WarningState.CANCELLED),
            WarningState.SUBMITTED, Map.of(WarningState.Action.APPROVE, WarningState.ISSUED,
                    WarningState.Action.REJECT, WarningState.DRAFT),
            WarningState.ISSUED, Map.of(WarningState.Action.CONSULT, WarningState.ISSUED,
                    WarningState.Action.REQUEST_CHANGE, WarningState.CHANGE_SUBMITTED),
            WarningState.CHANGE_SUBMITTED, Map.of(WarningState.Action.APPROVE, WarningState.ISSUED,
                    WarningState.Action.REJECT, WarningState.ISSUED),
            WarningState.LIFTED, Map.of(),
            WarningState.CANCELLED, Map.of()));

    @Test
    void everyTransition() {
        for (WarningState state : WarningState.values()) {
            for (WarningState.Action action : WarningState.Action.values()) {
                Optional<WarningState> expected = Optional.ofNullable(EXPECTED.get(state).get(action));
                assertEquals(expected, state.after(action, false), state + " " + action);
            }
        }
    }

    @Test
    void approvingALiftEndsTheWarning() {
        assertEquals(Optional.of(WarningState.LIFTED), WarningState.CHANGE_SUBMITTED.after(WarningState.Action.APPROVE,
                true));
        assertEquals(Optional.of(WarningState.ISSUED), WarningState.SUBMITTED.after(WarningState.Action.APPROVE, true),
                "a first approval is never a lift");
    }
}
