package io.airwarn.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;

/**
 * The way a single message enters the outbox, in the caller's transaction; the dispatcher takes it from there.
 * A message whose idempotency key is already queued is not queued again.
 */
public final class Outbox {

    private Outbox() {
    }

    /**
     * @param priority lower goes first
     * @param validity how long it stays worth sending; after that it is cancelled, not sent
     */
    public record Message(String idempotencyKey, String unit, String recipientType, String recipientId, String phone,
                          String body, int priority, boolean exercise, Duration validity) {
    }

    public static Uni<Void> enqueue(SqlConnection c, Message m) {
        return c.preparedQuery("""
                INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority, exercise,
                                    valid_until)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(secs => $9))
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .execute(Tuple.tuple(List.of(m.idempotencyKey(), m.unit(), m.recipientType(), m.recipientId(),
                        m.phone(), m.body(), m.priority(), m.exercise(), (double) m.validity().toSeconds())))
                .replaceWithVoid();
    }
}
