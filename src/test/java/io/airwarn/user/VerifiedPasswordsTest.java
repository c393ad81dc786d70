package io.airwarn.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

    private static final String HASH = "$2a$10$storedhashofthepassword";

    @Test
    void aVerifiedPasswordIsKnownForItsUserAndStoredHashUntilItExpires() {
        VerifiedPasswords verified = new VerifiedPasswords();
        long now = 1_000;
        assertFalse(verified.verified("duty", "right", HASH, now), "nothing is known before bcrypt said so");
        verified.remember("duty", "right", HASH, now);
        assertTrue(verified.verified("duty", "right", HASH, now + 1));
        assertFalse(verified.verified("duty", "wrong", HASH, now + 1), "another password");
        assertFalse(verified.verified("viewer", "right", HASH, now + 1), "another user");
        assertFalse(verified.verified("duty", "right", "$2a$10$anewhashafterachange", now + 1),
                "the password was changed: the stored hash differs");
        assertFalse(verified.verified("duty", "rightd", "uty" + HASH, now + 1), "parts are not run together");
        assertFalse(verified.verified("duty", "right", HASH, now + VerifiedPasswords.TTL.toNanos()), "expired");
    }
}
