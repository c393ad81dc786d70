package io.airwarn.notify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The retry schedule with the default cap over a ten-minute gateway outage ({@link MultiProcessNotificationIT} has
 * a real outage, compressed to 90 s with a 5 s cap): a message keeps being tried, never more than five minutes apart, so
 * it goes out at most five minutes after the gateway returns; a few attempts, not a storm.
 */
class RetryScheduleTest {

    private static final Duration OUTAGE = Duration.ofMinutes(10);
    /** AIRWARN_TWILIO_MAX_BACKOFF's default. */
    private static final Duration DEFAULT_CAP = Duration.ofMinutes(5);

    @Test
    void aTenMinuteOutageDelaysAMessageAtMostFiveMinutesPastTheGatewaysReturn() {
        Duration worstDelay = Duration.ZERO;
        int mostAttempts = 0;
        for (int run = 0; run < 10_000; run++) {
            Duration t = Duration.ZERO;
            int attempts = 1;
            while (t.compareTo(OUTAGE) < 0) {
                Duration wait = Dispatcher.backoff(attempts, DEFAULT_CAP);
                assertTrue(wait.compareTo(Duration.ofMinutes(5)) <= 0, "wait " + wait + " after attempt " + attempts);
                assertTrue(wait.compareTo(Duration.ofSeconds(1)) >= 0, "wait " + wait + " after attempt " + attempts);
                t = t.plus(wait);
                attempts++;
            }
            worstDelay = worstDelay.compareTo(t.minus(OUTAGE)) < 0 ? t.minus(OUTAGE) : worstDelay;
            mostAttempts = Math.max(mostAttempts, attempts);
        }
        assertTrue(worstDelay.compareTo(Duration.ofMinutes(5)) <= 0, "sent " + worstDelay + " after the return");
        assertTrue(mostAttempts <= 20, mostAttempts + " attempts in ten minutes");
    }

    @Test
    void waitsGrowFromTwoSecondsAndAreJittered() {
        for (int attempts = 1; attempts <= 30; attempts++) {
            long cap = Math.min(300_000L, 2_000L << Math.min(20, attempts - 1));
            long first = Dispatcher.backoff(attempts, DEFAULT_CAP).toMillis();
            boolean differs = false;
            for (int i = 0; i < 50 && !differs; i++) {
                long wait = Dispatcher.backoff(attempts, DEFAULT_CAP).toMillis();
                assertTrue(wait >= cap / 2 && wait <= cap,
                        attempts + ": " + wait + " outside [" + cap / 2 + ", " + cap + "]");
                differs = wait != first;
            }
            assertTrue(differs, "jittered after attempt " + attempts);
        }
    }
}
