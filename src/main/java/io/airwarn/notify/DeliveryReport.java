package io.airwarn.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the messages of some activations stand, per recipient type (escalation digests under SUPERVISOR and HQ):
 * counts by status, failures by error code, and the orders' acknowledgements, overdue ones and escalations.
 */
@ApplicationScoped
public class DeliveryReport {

    /**
     * One recipient type's messages by status and failures by error code, and its orders that were acknowledged,
     * are not (and still apply), are overdue (unacknowledged past their deadline or escalated for it: a resend moves
     * the deadline on) and were escalated.
     */
    public record Summary(Map<String, Long> byStatus, Map<String, Long> failedByErrorCode, long total,
                         long acknowledged, long unacknowledged, long overdue, long escalated) {

        /** Not yet out: queued, waiting for a retry, being sent or awaiting reconciliation. */
        public long queued() {
            return count("QUEUED") + count("RETRY") + count("SENDING") + count("UNKNOWN");
        }

        public long sent() {
            return count("SENT");
        }

        public long delivered() {
            return count("DELIVERED");
        }

        public long failed() {
            return count("FAILED") + count("UNDELIVERED");
        }

        private long count(String status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    /** An order awaiting its acknowledgement, in SQL over plan_order: one definition for the report and the metrics. */
    static final String AWAITING = "needs_ack AND acknowledged_at IS NULL AND status = 'OPEN'";

    private final Pool pool;
    private final Clock clock;

    /** An order awaiting its acknowledgement past its deadline, or escalated for it, at the time {@code now}. */
    static String overdue(String now) {
        return AWAITING + " AND (ack_deadline < " + now + " OR escalation_level > 0)";
    }

    DeliveryReport(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Map<String, Summary>> summary(List<Long> activationIds) {
        Uni<Map<String, long[]>> acks = pool.preparedQuery("""
                SELECT recipient_type, count(*) FILTER (WHERE acknowledged_at IS NOT NULL),
                       count(*) FILTER (WHERE %s), count(*) FILTER (WHERE %s),
                       count(*) FILTER (WHERE escalation_level > 0)
                FROM plan_order WHERE activation_id = ANY($1) GROUP BY 1""".formatted(AWAITING, overdue("$2")))
                .execute(Tuple.of(activationIds.toArray(Long[]::new), OffsetDateTime.now(clock))).map(rows -> {
                    Map<String, long[]> byType = new TreeMap<>();
                    rows.forEach(r -> byType.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3),
                            r.getLong(4)}));
                    return byType;
                });
        return Uni.combine().all().unis(messages(activationIds), acks).asTuple().map(t -> {
            Map<String, Summary> summary = new TreeMap<>();
            t.getItem1().forEach((type, s) -> {
                long[] a = t.getItem2().getOrDefault(type, new long[4]);
                summary.put(type, new Summary(s.byStatus(), s.failedByErrorCode(), s.total(), a[0], a[1], a[2],
                        a[3]));
            });
            return summary;
        });
    }

    private Uni<Map<String, Summary>> messages(List<Long> activationIds) {
        return pool.preparedQuery("""
                SELECT recipient_type, status, coalesce(error_code::text, '-'), count(*) FROM (
                    SELECT x.recipient_type, x.status, x.error_code
                    FROM outbox x JOIN plan_order o ON o.id = x.order_id WHERE o.activation_id = ANY($1)
                    UNION ALL
                    SELECT x.recipient_type, x.status, x.error_code FROM outbox x
                    WHERE x.idempotency_key IN (SELECT DISTINCT 'digest-' || digest_id FROM plan_order
                                                WHERE activation_id = ANY($1) AND digest_id IS NOT NULL)) m
                GROUP BY 1, 2, 3""")
                .execute(Tuple.of(activationIds.toArray(Long[]::new))).map(rows -> {
                    Map<String, Map<String, Long>> statuses = new TreeMap<>();
                    Map<String, Map<String, Long>> errors = new TreeMap<>();
                    rows.forEach(r -> {
                        String type = r.getString(0);
                        statuses.computeIfAbsent(type, k -> new TreeMap<>()).merge(r.getString(1), r.getLong(3),
                                Long::sum);
                        if (r.getString(1).equals("FAILED") || r.getString(1).equals("UNDELIVERED")) {
                            errors.computeIfAbsent(type, k -> new TreeMap<>()).merge(r.getString(2), r.getLong(3),
                                    Long::sum);
                        }
                    });
                    Map<String, Summary> summary = new TreeMap<>();
                    statuses.forEach((type, byStatus) -> summary.put(type, new Summary(byStatus,
                            errors.getOrDefault(type, Map.of()), byStatus.values().stream().mapToLong(Long::longValue)
                            .sum(), 0, 0, 0, 0)));
                    return summary;
                });
    }
}
