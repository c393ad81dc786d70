package io.airwarn.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash chain of the audit trail. Each record's hash is HMAC-SHA-256, under the installation's audit key, over the
 * previous hash and the record's fields; sequence numbers run 1, 2, 3 without gaps. A modified record breaks its own
 * hash, a deleted one leaves a gap, and an inserted one breaks the link of the record after it. Without the key,
 * whoever can write the database cannot recompute the chain. Chains written before the key existed used plain
 * SHA-256 ({@link #UNKEYED}); they are re-sealed under the key once (AuditLog). Pure.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    /** The chain as written before it was keyed: plain SHA-256. */
    public static final AuditChain UNKEYED = new AuditChain(null);

    /** The HMAC key, or null for plain SHA-256. */
    private final byte[] key;

    private AuditChain(byte[] key) {
        this.key = key == null ? null : key.clone();
    }

    public static AuditChain keyed(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the audit key must have at least 16 bytes");
        }
        return new AuditChain(key);
    }

    /** Where the chain breaks first, and why. */
    public record Break(long seq, String problem) {
    }

    public String hash(String prevHash, long seq, OffsetDateTime at, String actor, String action, String entity,
                              String entityId, String before, String after, String reason) {
        String canonical = String.join("\u001f", prevHash, Long.toString(seq),
                at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), actor, action,
                entity, entityId, nullable(before), nullable(after), nullable(reason));
        byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullable(String value) {
        return value == null ? "\u0000" : value;
    }

    /** The first broken link of records in sequence order, or empty when the chain holds. */
    public Optional<Break> verify(List<AuditRecord> records) {
        String prev = GENESIS;
        long expected = 1;
        for (AuditRecord r : records) {
            if (r.seq() != expected) {
                return Optional.of(new Break(expected, "record " + expected + " is missing (next is " + r.seq() + ")"));
            }
            if (!r.prevHash().equals(prev)) {
                return Optional.of(new Break(r.seq(), "record " + r.seq() + " does not follow the record before it"));
            }
            String recomputed = hash(prev, r.seq(), r.at(), r.actor(), r.action(), r.entity(), r.entityId(), r.before(),
                    r.after(), r.reason());
            if (!recomputed.equals(r.hash())) {
                return Optional.of(new Break(r.seq(), "record " + r.seq() + " was changed after it was written"));
            }
            prev = r.hash();
            expected++;
        }
        return Optional.empty();
    }
}
