package io.airwarn.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Claims and settles outbox rows. Claims use FOR UPDATE SKIP LOCKED, so several dispatchers never share a row. */
@ApplicationScoped
class OutboxStore {

    /** A claimed message. */
    record Claimed(long id, String phone, String body, OffsetDateTime validUntil, int attempts, String status,
                   OffsetDateTime claimedAt) {
    }

    /** Status order for callbacks: a later state never goes back. */
    static final List<String> PROGRESS = List.of("QUEUED", "RETRY", "UNKNOWN", "SENDING", "SENT", "DELIVERED",
            "UNDELIVERED", "FAILED");

    private final Pool pool;
    private final Clock clock;

    OutboxStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Whether a dispatch round would find work: a message due, uncertain, or past its validity. */
    Uni<Boolean> anythingDue(int staleSeconds) {
        OffsetDateTime now = now();
        return pool.preparedQuery("""
                SELECT EXISTS (SELECT 1 FROM outbox WHERE status IN ('QUEUED', 'RETRY')
                                   AND (next_attempt_at <= $1 OR valid_until < $1)
                               OR status = 'UNKNOWN'
                               OR status = 'SENDING' AND claimed_at < $2)""")
                .execute(Tuple.of(now, now.minusSeconds(staleSeconds)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Cancels queued messages whose validity has passed: they are never sent. */
    Uni<Integer> expire() {
        return pool.preparedQuery("UPDATE outbox SET status = 'CANCELLED', error_message = 'validity passed', "
                + "updated_at = $1 WHERE status IN ('QUEUED', 'RETRY', 'UNKNOWN') AND valid_until < $1")
                .execute(Tuple.of(now())).map(rows -> rows.rowCount());
    }

    /** Messages whose send may have reached the provider: stale claims (a node died) and unknown outcomes. */
    Uni<List<Claimed>> uncertain(int staleSeconds, int limit) {
        return pool.preparedQuery("""
                SELECT id, phone, body, valid_until, attempts, status, claimed_at FROM outbox
                WHERE status = 'UNKNOWN' OR status = 'SENDING' AND claimed_at < $1
                ORDER BY id LIMIT $2""").execute(Tuple.of(now().minusSeconds(staleSeconds), limit))
                .map(OutboxStore::claimed);
    }

    Uni<List<Claimed>> claim(int limit) {
        return pool.withTransaction(c -> c.preparedQuery("""
                UPDATE outbox SET status = 'SENDING', claimed_at = $2, attempts = attempts + 1, updated_at = $2
                WHERE id IN (SELECT id FROM outbox WHERE status IN ('QUEUED', 'RETRY') AND next_attempt_at <= $2
                             ORDER BY priority, id LIMIT $1 FOR UPDATE SKIP LOCKED)
                RETURNING id, phone, body, valid_until, attempts, status, claimed_at""")
                .execute(Tuple.of(limit, now())).map(OutboxStore::claimed));
    }

    private static List<Claimed> claimed(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Claimed> list = new ArrayList<>();
        rows.forEach(r -> list.add(new Claimed(r.getLong(0), r.getString(1), r.getString(2), r.getOffsetDateTime(3),
                r.getInteger(4), r.getString(5), r.getOffsetDateTime(6))));
        return list;
    }

    Uni<Void> sent(long id, String sid) {
        return pool.preparedQuery("UPDATE outbox SET status = 'SENT', provider_sid = $2, sent_at = $3, "
                        + "error_code = NULL, error_message = NULL, updated_at = $3 WHERE id = $1 AND status IN "
                        + "('SENDING', 'UNKNOWN')").execute(Tuple.of(id, sid, now())).replaceWithVoid();
    }

    Uni<Void> retry(long id, OffsetDateTime at, Integer code, String message) {
        return pool.preparedQuery("UPDATE outbox SET status = 'RETRY', next_attempt_at = $2, error_code = $3, "
                        + "error_message = $4, updated_at = $5 WHERE id = $1")
                .execute(Tuple.tuple(Arrays.asList(id, at, code, message, now()))).replaceWithVoid();
    }

    /** A permanent failure; returns the number the message was for. */
    Uni<String> failed(long id, Integer code, String message) {
        return pool.preparedQuery("UPDATE outbox SET status = 'FAILED', error_code = $2, error_message = $3, "
                        + "updated_at = $4 WHERE id = $1 RETURNING phone")
                .execute(Tuple.tuple(Arrays.asList(id, code, message, now())))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    Uni<Void> unknown(long id, String message) {
        return pool.preparedQuery("UPDATE outbox SET status = 'UNKNOWN', error_message = $2, updated_at = $3 "
                + "WHERE id = $1").execute(Tuple.of(id, message, now())).replaceWithVoid();
    }

    /**
     * Applies a status callback; a state earlier in {@link #PROGRESS} than the stored one is ignored, so late or
     * repeated callbacks change nothing.
     */
    Uni<Boolean> callback(String sid, Long outboxId, String status, Integer errorCode) {
        return pool.preparedQuery("""
                UPDATE outbox SET status = $3, error_code = coalesce($4, error_code), provider_sid = $1,
                       updated_at = $6
                WHERE (provider_sid = $1 OR id = $2) AND array_position($5::text[], status) < array_position($5::text[], $3)
                  AND status NOT IN ('CANCELLED', 'DELIVERED', 'UNDELIVERED', 'FAILED')""")
                .execute(Tuple.tuple(Arrays.asList(sid, outboxId, status, errorCode, PROGRESS.toArray(String[]::new),
                        now())))
                .map(rows -> rows.rowCount() > 0);
    }
}
