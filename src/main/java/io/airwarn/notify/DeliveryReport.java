package io.airwarn.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where the messages of some activations stand, per recipient type: counts by status and failures by error code. */
@ApplicationScoped
public class DeliveryReport {

    /** One recipient type's messages. */
    public record Summary(Map<String, Long> byStatus, Map<String, Long> failedByErrorCode, long total) {
    }

    private final Pool pool;

    DeliveryReport(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<String, Summary>> summary(List<Long> activationIds) {
        return pool.preparedQuery("""
                SELECT x.recipient_type, x.status, coalesce(x.error_code::text, '-'), count(*)
                FROM outbox x JOIN plan_order o ON o.id = x.order_id
                WHERE o.activation_id = ANY($1) GROUP BY 1, 2, 3""")
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
                            .sum())));
                    return summary;
                });
    }
}
