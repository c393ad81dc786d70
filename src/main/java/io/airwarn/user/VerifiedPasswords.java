package io.airwarn.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which passwords bcrypt has lately found to match a user's stored hash, so that an API client sending HTTP Basic
 * with every request costs one bcrypt check per {@link #TTL}, not one per request (about 60 ms of a core each).
 * The stored hash is part of the key: a changed password, or a user removed, is never matched from memory. Only
 * HMACs under a key made at each start are kept, never a password.
 */
final class VerifiedPasswords {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final SecretKeySpec key;
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    VerifiedPasswords() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** Whether this password was verified against this stored hash within the last {@link #TTL}. */
    boolean verified(String user, String password, String storedHash, long nowNanos) {
        Long expiry = expiries.get(digest(user, password, storedHash));
        return expiry != null && expiry - nowNanos > 0;
    }

    void remember(String user, String password, String storedHash, long nowNanos) {
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.clear();
        }
        expiries.put(digest(user, password, storedHash), nowNanos + TTL.toNanos());
    }

    private String digest(String user, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {user, password, storedHash}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update((byte) (bytes.length >>> 24));
                mac.update((byte) (bytes.length >>> 16));
                mac.update((byte) (bytes.length >>> 8));
                mac.update((byte) bytes.length);
                mac.update(bytes);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
