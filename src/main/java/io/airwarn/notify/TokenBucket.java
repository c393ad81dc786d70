package io.airwarn.notify;

/**
 * A token bucket: {@code rate} permits per second, at most {@code burst} saved up. Thread-safe; {@link #take()}
 * waits until a permit is free.
 */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double rate, double burst) {
        if (rate <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Nanoseconds until a permit is free (0 when one was taken now). */
    synchronized long tryTake(long now) {
        tokens = Math.min(burst, tokens + (now - last) * rate / 1e9);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * 1e9 / rate);
    }

    /** Returns how long it waited for the permit, in nanoseconds (0: one was free). */
    long take() throws InterruptedException {
        long waited = 0;
        long wait;
        while ((wait = tryTake(System.nanoTime())) > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            waited += wait;
        }
        return waited;
    }
}
