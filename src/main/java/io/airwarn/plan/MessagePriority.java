package io.airwarn.plan;

import io.airwarn.core.WarningLevel;

/**
 * Which queued message the dispatcher sends first (lower first): the higher warning level before the lower, and
 * within a level enterprises and responsible units before schools before the public.
 */
final class MessagePriority {

    private MessagePriority() {
    }

    static int of(WarningLevel level, Order.RecipientType recipient) {
        int byLevel = switch (level) {
            case RED -> 0;
            case ORANGE -> 10;
            case YELLOW -> 20;
            case BLUE -> 30;
            case NONE -> 40;
        };
        return byLevel + switch (recipient) {
            case SCHOOL -> 1;
            case PUBLIC -> 2;
            case ENTERPRISE, RESPONSIBLE_UNIT -> 0;
        };
    }
}
