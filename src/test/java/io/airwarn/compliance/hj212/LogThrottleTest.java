package io.airwarn.compliance.hj212;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void oncePerKeyAndPeriod() {
        LogThrottle throttle = new LogThrottle(MINUTE, 100);
        assertTrue(throttle.permit("M1", 0));
        assertFalse(throttle.permit("M1", MINUTE - 1));
        assertTrue(throttle.permit("M2", 1));
        assertTrue(throttle.permit("M1", MINUTE));
    }

    @Test
    void forgetsOldKeysWhenFull() {
        LogThrottle throttle = new LogThrottle(MINUTE, 10);
        for (int i = 0; i < 1000; i++) {
            assertTrue(throttle.permit("10.0.0." + i, i * (MINUTE / 100)));
        }
    }
}
