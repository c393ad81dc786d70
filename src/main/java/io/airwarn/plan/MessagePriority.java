package io.airwarn.plan;

import io.airwarn.core.WarningLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Which queued message the dispatcher sends first (lower first): the higher warning level before the lower, and
 * within a level enterprises and responsible units before schools before the public. Pure; the queueing SQL looks
 * the rule up instead of restating it.
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

    /** The rule as a table for set-based SQL: keys {@code LEVEL|RECIPIENT_TYPE} and, in the same order, priorities. */
    record Table(String[] keys, Integer[] priorities) {

        static Table of() {
            List<String> keys = new ArrayList<>();
            List<Integer> priorities = new ArrayList<>();
            for (WarningLevel level : WarningLevel.values()) {
                for (Order.RecipientType recipient : Order.RecipientType.values()) {
                    keys.add(level + "|" + recipient);
                    priorities.add(MessagePriority.of(level, recipient));
                }
            }
            return new Table(keys.toArray(String[]::new), priorities.toArray(Integer[]::new));
        }
    }
}
