package io.airwarn.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one way messages enter (and, before they are sent, leave) the outbox, in the caller's transaction; the
 * dispatcher takes them from there. A message whose idempotency key is already queued is not queued again.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    Outbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param orderId  the order the message carries, or null
     * @param priority lower goes first
     * @param validity how long it stays worth sending; after that it is cancelled, not sent
     */
    public record Message(String idempotencyKey, Long orderId, String unit, String recipientType, String recipientId,
                          String phone, String body, int priority, boolean exercise, Duration validity) {
    }

    public Uni<Void> enqueue(SqlConnection c, Message m) {
        return enqueueAll(c, List.of(m));
    }

    /** Queues the messages with one statement, however many there are. */
    public Uni<Void> enqueueAll(SqlConnection c, List<Message> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return c.preparedQuery("""
                INSERT INTO outbox (idempotency_key, order_id, unit, recipient_type, recipient_id, phone, body, priority,
                                    exercise, valid_until, next_attempt_at, created_at, updated_at)
                SELECT *, $11::timestamptz, $11::timestamptz, $11::timestamptz
                FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::int[], $9::bool[], $10::timestamptz[])
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .execute(Tuple.tuple(List.of(
                        column(messages, Message::idempotencyKey, String[]::new),
                        column(messages, Message::orderId, Long[]::new),
                        column(messages, Message::unit, String[]::new),
                        column(messages, Message::recipientType, String[]::new),
                        column(messages, Message::recipientId, String[]::new),
                        column(messages, Message::phone, String[]::new),
                        column(messages, Message::body, String[]::new),
                        column(messages, Message::priority, Integer[]::new),
                        column(messages, Message::exercise, Boolean[]::new),
                        column(messages, m -> now.plus(m.validity()), OffsetDateTime[]::new),
                        now)))
                .replaceWithVoid();
    }

    /** The messages of these orders not yet sent will not be: {@code reason} says why. */
    public Uni<Void> cancelForOrders(SqlConnection c, Collection<Long> orderIds, String reason) {
        return c.preparedQuery("""
                        UPDATE outbox SET status = 'CANCELLED', error_message = $2, updated_at = $3
                        WHERE order_id = ANY($1) AND status IN ('QUEUED', 'RETRY')""")
                .execute(Tuple.of(orderIds.toArray(Long[]::new), reason, OffsetDateTime.now(clock)))
                .replaceWithVoid();
    }

    private static <T> T[] column(List<Message> messages, Function<Message, T> field, IntFunction<T[]> array) {
        return messages.stream().map(field).toArray(array);
    }
}
