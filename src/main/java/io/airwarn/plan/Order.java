package io.airwarn.plan;

import io.airwarn.core.WarningLevel;
import java.time.OffsetDateTime;

/**
 * One message of an activation to one recipient. {@code reduction} is the enterprise's cut for its measure (zero
 * for other recipients).
 */
public record Order(RecipientType recipientType, String recipientId, String recipientName, String mobile, Kind kind,
                    WarningLevel level, String text, OffsetDateTime deadline, Emissions reduction) {

    public enum RecipientType { ENTERPRISE, SCHOOL, RESPONSIBLE_UNIT, PUBLIC }

    /** New or stricter orders, notices to enterprises that act voluntarily, relaxations, and all-clears. */
    public enum Kind { ORDER, VOLUNTARY_NOTICE, RELAXATION, ALL_CLEAR }

    String key() {
        return recipientType + "/" + recipientId;
    }
}
