package io.airwarn.warning;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The states of a warning and the actions each allows. Pure.
 *
 * <pre>
 * DRAFT --submit--> SUBMITTED --approve--> ISSUED --requestChange--> CHANGE_SUBMITTED --approve--> ISSUED or LIFTED
 *   |  ^                 |                                                  |
 *   |  +----reject-------+                      ISSUED <------reject--------+
 *   +--cancel--> CANCELLED
 * </pre>
 */
public enum WarningState {
    DRAFT, SUBMITTED, ISSUED, CHANGE_SUBMITTED, LIFTED, CANCELLED;

    /** What people do to a warning. */
    public enum Action { CONSULT, SUBMIT, APPROVE, REJECT, REQUEST_CHANGE, CANCEL }

    private static final Map<WarningState, Set<Action>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(Action.CONSULT, Action.SUBMIT, Action.CANCEL),
            SUBMITTED, EnumSet.of(Action.APPROVE, Action.REJECT),
            ISSUED, EnumSet.of(Action.CONSULT, Action.REQUEST_CHANGE),
            CHANGE_SUBMITTED, EnumSet.of(Action.APPROVE, Action.REJECT),
            LIFTED, EnumSet.noneOf(Action.class),
            CANCELLED, EnumSet.noneOf(Action.class));

    public Set<Action> allowed() {
        return ALLOWED.get(this);
    }

    /**
     * The state an action leads to; empty when the action is not allowed in this state.
     *
     * @param lifting for the approval of a change: whether the change lifts the warning
     */
    public Optional<WarningState> after(Action action, boolean lifting) {
        if (!allowed().contains(action)) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case CONSULT -> this;
            case SUBMIT -> SUBMITTED;
            case CANCEL -> CANCELLED;
            case REQUEST_CHANGE -> CHANGE_SUBMITTED;
            case REJECT -> this == SUBMITTED ? DRAFT : ISSUED;
            case APPROVE -> this == CHANGE_SUBMITTED && lifting ? LIFTED : ISSUED;
        });
    }
}
