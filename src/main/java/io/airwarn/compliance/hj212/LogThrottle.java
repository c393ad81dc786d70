package io.airwarn.compliance.hj212;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets through one log line per key (a device number, or a remote address) per period: a device resending a bad
 * frame every 10 s, or a scanner on the port, must not fill the log. Thread-safe; time is the caller's monotonic
 * nanoseconds.
 */
public final class LogThrottle {

    private final long periodNanos;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();

    /** {@code maxKeys} bounds the memory: past it, keys whose period is over are forgotten. */
    public LogThrottle(long periodNanos, int maxKeys) {
        this.periodNanos = periodNanos;
        this.maxKeys = maxKeys;
    }

    /** True when nothing was logged for this key within the period; the caller then logs. */
    public boolean permit(String key, long nowNanos) {
        boolean[] permitted = {false};
        lastLogged.compute(key, (k, last) -> {
            if (last == null || nowNanos - last >= periodNanos) {
                permitted[0] = true;
                return nowNanos;
            }
            return last;
        });
        if (permitted[0] && lastLogged.size() > maxKeys) {
            lastLogged.values().removeIf(last -> nowNanos - last >= periodNanos);
        }
        return permitted[0];
    }
}
