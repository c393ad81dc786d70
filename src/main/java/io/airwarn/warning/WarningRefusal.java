package io.airwarn.warning;

import java.util.List;

/** Why the warning chain refuses a request; the resource and the console each say it their way. */
public class WarningRefusal extends RuntimeException {

    /** The kinds of refusal. */
    public enum Reason {
        /** The request lacks or misstates something. */
        INVALID_REQUEST,
        /** No such warning. */
        NOT_FOUND,
        /** The actor may not do this. */
        FORBIDDEN,
        /** The warning's state does not allow it. */
        INVALID_TRANSITION,
        /** Too little time before the onset for this level. */
        LEAD_TIME
    }

    private final Reason reason;
    private final List<?> allowed;

    /** @param allowed what would be allowed instead, if anything */
    public WarningRefusal(Reason reason, String message, List<?> allowed) {
        super(message, null, false, false);
        this.reason = reason;
        this.allowed = List.copyOf(allowed);
    }

    /** A request that lacks or misstates something. */
    public static WarningRefusal invalid(String message) {
        return new WarningRefusal(Reason.INVALID_REQUEST, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    public List<?> allowed() {
        return allowed;
    }
}
