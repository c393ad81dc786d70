package io.airwarn.audit;

import java.time.OffsetDateTime;

/** One audit record: who did what to which entity, when, the state before and after, and why. */
public record AuditRecord(long seq, OffsetDateTime at, String actor, String action, String entity, String entityId,
                          String before, String after, String reason, String prevHash, String hash) {
}
