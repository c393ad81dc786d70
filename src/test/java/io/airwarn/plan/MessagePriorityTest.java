package io.airwarn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.WarningLevel;
import org.junit.jupiter.api.Test;

class MessagePriorityTest {

    @Test
    void higherLevelsFirstThenEnterprisesAndUnitsThenSchoolsThenThePublic() {
        assertTrue(MessagePriority.of(WarningLevel.RED, Order.RecipientType.PUBLIC)
                < MessagePriority.of(WarningLevel.ORANGE, Order.RecipientType.ENTERPRISE));
        assertEquals(MessagePriority.of(WarningLevel.YELLOW, Order.RecipientType.ENTERPRISE),
                MessagePriority.of(WarningLevel.YELLOW, Order.RecipientType.RESPONSIBLE_UNIT));
        assertTrue(MessagePriority.of(WarningLevel.YELLOW, Order.RecipientType.RESPONSIBLE_UNIT)
                < MessagePriority.of(WarningLevel.YELLOW, Order.RecipientType.SCHOOL));
        assertTrue(MessagePriority.of(WarningLevel.YELLOW, Order.RecipientType.SCHOOL)
                < MessagePriority.of(WarningLevel.YELLOW, Order.RecipientType.PUBLIC));
    }
}
