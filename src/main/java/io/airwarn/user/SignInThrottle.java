package io.airwarn.user;

import io.airwarn.core.ClientNetworks;
import java.time.Duration;

/**
 * How long a client waits after failed sign-ins to one account: free for the first few (typing mistakes), then
 * doubling from one second up to a quarter of an hour. Counted per account and client address, so an attacker slows
 * down only himself. Pure.
 */
public final class SignInThrottle {

    /** Failures allowed before any delay. */
    static final int FREE_FAILURES = 3;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofDays(1);

    private SignInThrottle() {
    }

    /** The wait after the {@code failures}-th failure in a row. */
    public static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The client part of the key: an IPv4 address as is, an IPv6 address by its /64 (one host has them all). */
    public static String client(String address) {
        return ClientNetworks.of(address, 32, 64);
    }
}
