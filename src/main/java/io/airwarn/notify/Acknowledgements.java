package io.airwarn.notify;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Acknowledgement of orders (SMS reply with the order's short code, or the API) and escalation of silence: past its
 * deadline an order is sent again and its supervising unit told; past a second deadline the HQ office is alerted.
 * Each step updates the order row before writing its messages, so with several nodes each fires once.
 */
@ApplicationScoped
public class Acknowledgements {

    static final Pattern SHORT_CODE = Pattern.compile("A[0-9A-F]+");
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    /** The state of one order's acknowledgement. */
    public record Status(String code, String recipientType, String recipientName, String level, boolean needsAck,
                         String acknowledgedAt, String acknowledgedBy, String channel, int escalationLevel) {
    }

    private static final String FIRST_ESCALATION = """
            WITH due AS (
                UPDATE plan_order SET escalation_level = 1, ack_deadline = now() + ack_window
                WHERE needs_ack AND acknowledged_at IS NULL AND status = 'OPEN' AND escalation_level = 0
                  AND ack_deadline < now()
                RETURNING id, unit, recipient_type, recipient_id, mobile, short_code, supervisor_mobile, exercise,
                          reminder_message, escalation_message)
            INSERT INTO outbox (idempotency_key, order_id, unit, recipient_type, recipient_id, phone, body, priority,
                                exercise, valid_until)
            SELECT 'order-' || id || '-resend', id, unit, recipient_type, recipient_id, mobile,
                   replace(reminder_message, '%CODE%', short_code), 0, exercise, now() + interval '12 hours' FROM due
            UNION ALL
            SELECT 'order-' || id || '-escalation-1', id, unit, 'ESCALATION', recipient_id, supervisor_mobile,
                   replace(escalation_message, '%CODE%', short_code), 0, exercise, now() + interval '12 hours'
            FROM due WHERE supervisor_mobile IS NOT NULL
            ON CONFLICT (idempotency_key) DO NOTHING""";

    private static final String SECOND_ESCALATION = """
            WITH due AS (
                UPDATE plan_order SET escalation_level = 2
                WHERE needs_ack AND acknowledged_at IS NULL AND status = 'OPEN' AND escalation_level = 1
                  AND ack_deadline < now()
                RETURNING id, unit, recipient_id, short_code, hq_mobile, exercise, escalation_message)
            INSERT INTO outbox (idempotency_key, order_id, unit, recipient_type, recipient_id, phone, body, priority,
                                exercise, valid_until)
            SELECT 'order-' || id || '-escalation-2', id, unit, 'ESCALATION', recipient_id, hq_mobile,
                   replace(escalation_message, '%CODE%', short_code), 0, exercise, now() + interval '12 hours'
            FROM due WHERE hq_mobile IS NOT NULL
            ON CONFLICT (idempotency_key) DO NOTHING""";

    private final Pool pool;

    Acknowledgements(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(identity = "order-escalation", every = "{airwarn.escalation-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int n = escalate().await().atMost(TIMEOUT);
        if (n > 0) {
            Log.warnf("%d escalation message(s) queued for unacknowledged orders", n);
        }
    }

    /** Runs both escalation steps; returns how many messages they queued. */
    public Uni<Integer> escalate() {
        return pool.withTransaction(c -> c.query(FIRST_ESCALATION).execute()
                .chain(first -> c.query(SECOND_ESCALATION).execute()
                        .map(second -> first.rowCount() + second.rowCount())));
    }

    /** Acknowledges by short code; {@code fromPhone} (for SMS) must be the number the order went to. */
    public Uni<Optional<Status>> acknowledge(String code, String by, String channel, String fromPhone) {
        String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!SHORT_CODE.matcher(normalised).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return pool.preparedQuery("""
                UPDATE plan_order SET acknowledged_at = coalesce(acknowledged_at, now()),
                       acknowledged_by = coalesce(acknowledged_by, $2), ack_channel = coalesce(ack_channel, $3)
                WHERE short_code = $1 AND needs_ack AND ($4::text IS NULL OR mobile = $4) RETURNING id""")
                .execute(Tuple.of(normalised, by, channel, fromPhone))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(Optional.<Status>empty())
                        : status(normalised));
    }

    public Uni<Optional<Status>> status(String code) {
        return pool.preparedQuery("""
                SELECT short_code, recipient_type, recipient_name, level, needs_ack, acknowledged_at, acknowledged_by,
                       ack_channel, escalation_level FROM plan_order WHERE short_code = $1""")
                .execute(Tuple.of(code.trim().toUpperCase(Locale.ROOT)))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next()).map(r -> new Status(
                        r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4),
                        r.getOffsetDateTime(5) == null ? null : r.getOffsetDateTime(5).toString(), r.getString(6),
                        r.getString(7), r.getInteger(8))) : Optional.empty());
    }
}
